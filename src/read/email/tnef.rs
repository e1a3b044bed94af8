//! TNEF (`winmail.dat`, `application/ms-tnef`): Outlook's rich-text wrapper
//! that hides a message's real attachments inside one file (MS-OXTNEF).
//!
//! Only what identifies and carries attachments is read: `attAttachRendData`
//! starts an attachment, `attAttachTitle` names it, `attAttachData` holds its
//! bytes, and the long file name (`PR_ATTACH_LONG_FILENAME`, 0x3707) is taken
//! from the attachment's MAPI properties (`attAttachment`) when present.
//! Checksums are not verified; any length running past the end is an error.

/// The TNEF signature, little-endian 0x223E9F78.
pub(crate) const SIGNATURE: [u8; 4] = [0x78, 0x9F, 0x3E, 0x22];

const ATT_ATTACH_REND_DATA: u32 = 0x0006_9002;
const ATT_ATTACH_TITLE: u32 = 0x0001_8010;
const ATT_ATTACH_DATA: u32 = 0x0006_800F;
const ATT_ATTACHMENT: u32 = 0x0006_9005;

/// One attachment found in a TNEF stream.
#[derive(Debug, Default)]
pub(crate) struct Attachment<'a> {
    pub title: Option<String>,
    pub long_name: Option<String>,
    pub data: Option<&'a [u8]>,
}

impl Attachment<'_> {
    pub fn name(&self) -> Option<&str> {
        self.long_name.as_deref().or(self.title.as_deref())
    }
}

/// The attachments of a TNEF stream, in order.
pub(crate) fn attachments(bytes: &[u8]) -> Result<Vec<Attachment<'_>>, String> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4)? != SIGNATURE {
        return Err("it does not start with the TNEF signature".to_string());
    }
    r.take(2)?; // legacy key
    let mut found: Vec<Attachment<'_>> = Vec::new();
    while r.pos < bytes.len() {
        let level = r.take(1)?[0];
        let id = r.u32()?;
        let size = r.u32()?;
        let data = r.take(size as usize)?;
        r.take(2)?; // checksum
        if level != 2 {
            continue; // message-level attributes
        }
        if id == ATT_ATTACH_REND_DATA || found.is_empty() {
            found.push(Attachment::default());
        }
        let Some(current) = found.last_mut() else {
            continue;
        };
        match id {
            ATT_ATTACH_TITLE => current.title = Some(ansi(data)),
            ATT_ATTACH_DATA => current.data = Some(data),
            ATT_ATTACHMENT => current.long_name = long_file_name(data),
            _ => {}
        }
    }
    Ok(found)
}

/// An 8-bit string up to its first NUL (UTF-8 if valid, else Latin-1).
fn ansi(data: &[u8]) -> String {
    let data = data.split(|&b| b == 0).next().unwrap_or(data);
    match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => data.iter().map(|&b| b as char).collect(),
    }
}

/// `PR_ATTACH_LONG_FILENAME` from an encoded MAPI property list.
fn long_file_name(props: &[u8]) -> Option<String> {
    let mut r = Reader { bytes: props, pos: 0 };
    let count = r.u32().ok()?;
    for _ in 0..count.min(10_000) {
        let ty = r.u16().ok()?;
        let id = r.u16().ok()?;
        if id >= 0x8000 {
            // A named property: GUID, kind, then a number or a name.
            r.take(16).ok()?;
            if r.u32().ok()? == 0 {
                r.take(4).ok()?;
            } else {
                let len = r.u32().ok()? as usize;
                r.take(padded(len)).ok()?;
            }
        }
        let base = ty & 0x0FFF;
        let variable = matches!(base, 0x001E | 0x001F | 0x0102 | 0x000D);
        let values = if ty & 0x1000 != 0 || variable { r.u32().ok()? } else { 1 };
        for _ in 0..values.min(10_000) {
            match base {
                0x001E | 0x001F | 0x0102 | 0x000D => {
                    let len = r.u32().ok()? as usize;
                    let value = r.take(len).ok()?;
                    r.take(padded(len) - len).ok()?;
                    if id == 0x3707 && base == 0x001F {
                        let units: Vec<u16> = value.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
                        return Some(String::from_utf16_lossy(&units).trim_end_matches('\0').to_string());
                    }
                    if id == 0x3707 && base == 0x001E {
                        return Some(ansi(value));
                    }
                }
                0x0002 | 0x0003 | 0x0004 | 0x000A | 0x000B => {
                    r.take(4).ok()?;
                }
                0x0005 | 0x0006 | 0x0007 | 0x0014 | 0x0040 => {
                    r.take(8).ok()?;
                }
                0x0048 => {
                    r.take(16).ok()?;
                }
                _ => return None,
            }
        }
    }
    None
}

fn padded(len: usize) -> usize {
    len.div_ceil(4) * 4
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err("it ends in the middle of an attribute".to_string());
        };
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn u16(&mut self) -> Result<u16, String> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn attribute(out: &mut Vec<u8>, level: u8, id: u32, data: &[u8]) {
        out.push(level);
        out.extend_from_slice(&id.to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(data);
        let sum = data.iter().fold(0u16, |s, &b| s.wrapping_add(u16::from(b)));
        out.extend_from_slice(&sum.to_le_bytes());
    }

    /// A winmail.dat holding `files` (long name, bytes), as Outlook writes it.
    pub fn winmail(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = SIGNATURE.to_vec();
        out.extend_from_slice(&0x1234u16.to_le_bytes());
        attribute(&mut out, 1, 0x0007_8008, b"IPM.Microsoft Mail.Note\0");
        for (name, data) in files {
            attribute(&mut out, 2, ATT_ATTACH_REND_DATA, &[0u8; 14]);
            attribute(&mut out, 2, ATT_ATTACH_TITLE, b"LONGNA~1.XLS\0");
            attribute(&mut out, 2, ATT_ATTACH_DATA, data);
            // MAPI properties: a PT_LONG (attach method), a named property, then the long name.
            let mut props = Vec::new();
            props.extend_from_slice(&3u32.to_le_bytes());
            props.extend_from_slice(&0x0003u16.to_le_bytes());
            props.extend_from_slice(&0x3705u16.to_le_bytes());
            props.extend_from_slice(&1u32.to_le_bytes());
            props.extend_from_slice(&0x000Bu16.to_le_bytes());
            props.extend_from_slice(&0x8001u16.to_le_bytes());
            props.extend_from_slice(&[9u8; 16]);
            props.extend_from_slice(&0u32.to_le_bytes());
            props.extend_from_slice(&0x8120u32.to_le_bytes());
            props.extend_from_slice(&1u32.to_le_bytes());
            let name16: Vec<u8> = name.encode_utf16().chain([0]).flat_map(|u| u.to_le_bytes()).collect();
            props.extend_from_slice(&0x001Fu16.to_le_bytes());
            props.extend_from_slice(&0x3707u16.to_le_bytes());
            props.extend_from_slice(&1u32.to_le_bytes());
            props.extend_from_slice(&(name16.len() as u32).to_le_bytes());
            props.extend_from_slice(&name16);
            props.resize(props.len().div_ceil(4) * 4, 0);
            attribute(&mut out, 2, ATT_ATTACHMENT, &props);
        }
        out
    }

    #[test]
    fn reads_names_and_data() {
        let bytes = winmail(&[("Lowell Plan.xlsx", b"abc"), ("Notes é.docx", b"defg")]);
        let found = attachments(&bytes).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name(), Some("Lowell Plan.xlsx"));
        assert_eq!(found[0].title.as_deref(), Some("LONGNA~1.XLS"));
        assert_eq!(found[0].data, Some(&b"abc"[..]));
        assert_eq!(found[1].name(), Some("Notes é.docx"));
        assert_eq!(found[1].data, Some(&b"defg"[..]));
    }

    #[test]
    fn truncated_stream_is_an_error() {
        let bytes = winmail(&[("a.xlsx", &[1u8; 100])]);
        assert!(attachments(&bytes[..60]).is_err());
        assert!(attachments(b"not tnef").is_err());
    }
}
