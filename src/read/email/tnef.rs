//! TNEF (`winmail.dat`, `application/ms-tnef`): Outlook's rich-text wrapper
//! that hides a message's real attachments inside one file (MS-OXTNEF).
//!
//! The stream is read attribute by attribute and what was read before any
//! damage is kept: trailing bytes too short for an attribute are ignored,
//! and an attribute cut by the end of the stream ends the reading (a cut
//! `attAttachData` keeps the bytes that are there, so the attachment is
//! reported as damaged rather than lost). Only a stream with no attachment
//! at all and damage is an error.
//!
//! `attAttachRendData` starts an attachment, `attAttachTitle` names it,
//! `attAttachData` holds its bytes, and its MAPI properties
//! (`attAttachment`) give the long file name (`PR_ATTACH_LONG_FILENAME`
//! 0x3707, else `PR_ATTACH_FILENAME` 0x3704 or `PR_DISPLAY_NAME` 0x3001) and,
//! for attachments kept as embedded objects, the bytes themselves
//! (`PR_ATTACH_DATA_OBJ`, 0x3701 of type PT_OBJECT: an interface id, then an
//! embedded TNEF message or an OLE storage, whose `Package`, `CONTENTS` or
//! `\x01Ole10Native` stream holds the file). 8-bit strings are read in the
//! stream's code page (`attOemCodepage`). Checksums are not verified.

use std::borrow::Cow;
use std::io::{Cursor, Read};

use crate::read::mail::ole10_native;

/// The TNEF signature, little-endian 0x223E9F78.
pub(crate) const SIGNATURE: [u8; 4] = [0x78, 0x9F, 0x3E, 0x22];

const ATT_ATTACH_REND_DATA: u32 = 0x0006_9002;
const ATT_ATTACH_TITLE: u32 = 0x0001_8010;
const ATT_ATTACH_DATA: u32 = 0x0006_800F;
const ATT_ATTACHMENT: u32 = 0x0006_9005;
const ATT_OEM_CODEPAGE: u32 = 0x0006_9007;

/// Largest property count or value count believed in one property list.
const MAX_PROPS: u32 = 10_000;

/// One attachment found in a TNEF stream.
#[derive(Debug, Default)]
pub(crate) struct Attachment<'a> {
    pub title: Option<String>,
    pub long_name: Option<String>,
    /// `PR_ATTACH_FILENAME` or `PR_DISPLAY_NAME`, when there is no long name.
    pub other_name: Option<String>,
    pub data: Option<Cow<'a, [u8]>>,
}

impl Attachment<'_> {
    pub fn name(&self) -> Option<&str> {
        fn given(n: &Option<String>) -> Option<&str> {
            n.as_deref().filter(|n| !n.trim().is_empty())
        }
        given(&self.long_name).or(given(&self.title)).or(given(&self.other_name))
    }
}

/// What a TNEF stream holds: its attachments in order, and what was wrong
/// with it when it did not end cleanly.
#[derive(Debug, Default)]
pub(crate) struct Tnef<'a> {
    pub attachments: Vec<Attachment<'a>>,
    pub damage: Option<String>,
}

/// The attachments of a TNEF stream, in order. Fails only when nothing at
/// all could be read from it.
pub(crate) fn attachments(bytes: &[u8]) -> Result<Vec<Attachment<'_>>, String> {
    let tnef = read(bytes);
    match tnef.damage {
        Some(why) if tnef.attachments.is_empty() => Err(why),
        _ => Ok(tnef.attachments),
    }
}

/// Reads a TNEF stream attribute by attribute, keeping what was read before damage.
pub(crate) fn read(bytes: &[u8]) -> Tnef<'_> {
    let mut out = Tnef::default();
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4).ok() != Some(&SIGNATURE[..]) {
        out.damage = Some("it does not start with the TNEF signature".to_string());
        return out;
    }
    if r.take(2).is_err() {
        out.damage = Some("it ends after its signature".to_string());
        return out;
    }
    let mut codepage: Option<u16> = None;
    // An attribute header is 9 bytes (level, id, length) and a checksum 2:
    // fewer bytes left than that are padding, not an attribute.
    while bytes.len() - r.pos >= 9 {
        let header = (r.take(1), r.u32(), r.u32());
        let (Ok(level), Ok(id), Ok(size)) = header else { break };
        let level = level[0];
        let available = bytes.len() - r.pos;
        let cut = (size as usize) > available;
        let data = &bytes[r.pos..r.pos + (size as usize).min(available)];
        r.pos += data.len();
        if !cut {
            let _ = r.take(2); // checksum (may be missing at the very end)
        }
        if !matches!(level, 1 | 2) {
            out.damage = Some(format!("it holds an attribute of unknown level {level}"));
            break;
        }
        if cut {
            out.damage = Some("it ends in the middle of an attribute".to_string());
        }
        if level == 1 {
            if id == ATT_OEM_CODEPAGE && data.len() >= 4 {
                codepage = u16::try_from(u32::from_le_bytes([data[0], data[1], data[2], data[3]])).ok();
            }
            if cut {
                break;
            }
            continue;
        }
        if id == ATT_ATTACH_REND_DATA || out.attachments.is_empty() {
            out.attachments.push(Attachment::default());
        }
        let Some(current) = out.attachments.last_mut() else { break };
        match id {
            ATT_ATTACH_TITLE if !cut => current.title = Some(ansi(data, codepage)),
            ATT_ATTACH_DATA => current.data = Some(Cow::Borrowed(data)),
            ATT_ATTACHMENT if !cut => {
                let props = attachment_props(data, codepage);
                current.long_name = props.long_name.or(current.long_name.take());
                current.other_name = props.other_name.or(current.other_name.take());
                if current.data.as_deref().is_none_or(<[u8]>::is_empty) {
                    current.data = props.data.or(current.data.take());
                }
            }
            _ => {}
        }
        if cut {
            break;
        }
    }
    // A rendering attribute with nothing else is not an attachment.
    out.attachments.retain(|a| a.data.is_some() || a.name().is_some());
    out
}

/// An 8-bit string up to its first NUL: UTF-8 if valid, else the stream's
/// code page, else Windows-1252.
fn ansi(data: &[u8], codepage: Option<u16>) -> String {
    let data = data.split(|&b| b == 0).next().unwrap_or(data);
    if let Ok(text) = std::str::from_utf8(data) {
        return text.to_string();
    }
    let encoding = codepage.and_then(codepage::to_encoding).unwrap_or(encoding_rs::WINDOWS_1252);
    encoding.decode_without_bom_handling(data).0.into_owned()
}

fn utf16(value: &[u8]) -> String {
    let units: Vec<u16> = value.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units).trim_end_matches('\0').to_string()
}

#[derive(Default)]
struct Props<'a> {
    long_name: Option<String>,
    other_name: Option<String>,
    data: Option<Cow<'a, [u8]>>,
}

const PR_ATTACH_DATA: u16 = 0x3701;
const PR_ATTACH_FILENAME: u16 = 0x3704;
const PR_ATTACH_LONG_FILENAME: u16 = 0x3707;
const PR_DISPLAY_NAME: u16 = 0x3001;

/// The names and data of an attachment from its encoded MAPI property list;
/// what was read before a damaged property is kept.
fn attachment_props(props: &[u8], codepage: Option<u16>) -> Props<'_> {
    let mut out = Props::default();
    let mut r = Reader { bytes: props, pos: 0 };
    let Ok(count) = r.u32() else { return out };
    for _ in 0..count.min(MAX_PROPS) {
        if read_prop(&mut r, codepage, &mut out).is_none() {
            break;
        }
    }
    out
}

fn read_prop<'a>(r: &mut Reader<'a>, codepage: Option<u16>, out: &mut Props<'a>) -> Option<()> {
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
    for _ in 0..values.min(MAX_PROPS) {
        match base {
            0x001E | 0x001F | 0x0102 | 0x000D => {
                let len = r.u32().ok()? as usize;
                let value = r.take(len).ok()?;
                r.take(padded(len) - len).ok()?;
                let text = || match base {
                    0x001F => Some(utf16(value)),
                    0x001E => Some(ansi(value, codepage)),
                    _ => None,
                };
                match id {
                    PR_ATTACH_LONG_FILENAME => out.long_name = text().or(out.long_name.take()),
                    PR_ATTACH_FILENAME => out.other_name = text().or(out.other_name.take()),
                    PR_DISPLAY_NAME if out.other_name.is_none() => out.other_name = text(),
                    PR_ATTACH_DATA if base == 0x0102 && !value.is_empty() => out.data = Some(Cow::Borrowed(value)),
                    PR_ATTACH_DATA if base == 0x000D => out.data = Some(embedded_object(value)),
                    _ => {}
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
    Some(())
}

/// The file inside a `PR_ATTACH_DATA_OBJ` value: the interface id is
/// skipped; an OLE storage gives up the file it wraps (`Package` for an
/// Office file, `CONTENTS`, or the OLE Packager's `\x01Ole10Native`); an
/// embedded TNEF message, or anything else, is kept as it is.
fn embedded_object(value: &[u8]) -> Cow<'_, [u8]> {
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let known = |b: &[u8]| b.starts_with(&SIGNATURE) || b.starts_with(&OLE) || b.starts_with(b"PK\x03\x04");
    let object = match value.get(16..) {
        Some(rest) if known(rest) || !known(value) => rest,
        _ => value,
    };
    if !object.starts_with(&OLE) {
        return Cow::Borrowed(object);
    }
    match ole_payload(object) {
        Some(file) => Cow::Owned(file),
        None => Cow::Borrowed(object),
    }
}

/// The file an OLE storage wraps, if it wraps one (a Word 97 document or
/// anything else is left whole).
fn ole_payload(object: &[u8]) -> Option<Vec<u8>> {
    let mut ole = cfb::CompoundFile::open(Cursor::new(object)).ok()?;
    let limit = object.len() as u64;
    let mut stream = |name: &str| -> Option<Vec<u8>> {
        let path = format!("/{name}");
        if !ole.is_stream(&path) {
            return None;
        }
        let mut data = Vec::new();
        ole.open_stream(&path).ok()?.take(limit).read_to_end(&mut data).ok()?;
        Some(data)
    };
    if let Some(package) = stream("Package") {
        return Some(package);
    }
    if let Some(native) = stream("\u{1}Ole10Native") {
        return ole10_native(&native).map(<[u8]>::to_vec);
    }
    stream("CONTENTS")
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
    use std::io::Cursor;

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
        assert_eq!(found[0].data.as_deref(), Some(&b"abc"[..]));
        assert_eq!(found[1].name(), Some("Notes é.docx"));
        assert_eq!(found[1].data.as_deref(), Some(&b"defg"[..]));
    }

    /// An attachment kept as an embedded object: `PR_ATTACH_DATA_OBJ`
    /// (PT_OBJECT) holding an interface id and then `object`.
    pub fn winmail_object(title: &str, display: &str, iid: [u8; 16], object: &[u8]) -> Vec<u8> {
        let mut out = SIGNATURE.to_vec();
        out.extend_from_slice(&0x0001u16.to_le_bytes());
        attribute(&mut out, 1, ATT_OEM_CODEPAGE, &[0xE4, 0x04, 0, 0, 0, 0, 0, 0]); // 1252
        attribute(&mut out, 2, ATT_ATTACH_REND_DATA, &[0u8; 14]);
        attribute(&mut out, 2, ATT_ATTACH_TITLE, format!("{title}\0").as_bytes());
        let mut props = Vec::new();
        props.extend_from_slice(&3u32.to_le_bytes());
        // PR_ATTACH_METHOD = ATTACH_OLE (6)
        props.extend_from_slice(&0x0003u16.to_le_bytes());
        props.extend_from_slice(&0x3705u16.to_le_bytes());
        props.extend_from_slice(&6u32.to_le_bytes());
        // PR_DISPLAY_NAME, 8-bit in code page 1252
        let mut name = display.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>();
        name.push(0);
        props.extend_from_slice(&0x001Eu16.to_le_bytes());
        props.extend_from_slice(&0x3001u16.to_le_bytes());
        props.extend_from_slice(&1u32.to_le_bytes());
        props.extend_from_slice(&(name.len() as u32).to_le_bytes());
        props.extend_from_slice(&name);
        props.resize(props.len().div_ceil(4) * 4, 0);
        // PR_ATTACH_DATA_OBJ
        props.extend_from_slice(&0x000Du16.to_le_bytes());
        props.extend_from_slice(&0x3701u16.to_le_bytes());
        props.extend_from_slice(&1u32.to_le_bytes());
        props.extend_from_slice(&((object.len() + 16) as u32).to_le_bytes());
        props.extend_from_slice(&iid);
        props.extend_from_slice(object);
        props.resize(props.len().div_ceil(4) * 4, 0);
        attribute(&mut out, 2, ATT_ATTACHMENT, &props);
        out
    }

    /// IID_IStorage and IID_IMessage, as Outlook writes them.
    pub const IID_ISTORAGE: [u8; 16] = [0x0B, 0, 0, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46];
    pub const IID_IMESSAGE: [u8; 16] = [0x07, 0x03, 0x02, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46];

    /// An OLE storage wrapping `file` in a stream called `stream`.
    pub fn ole_storage(stream: &str, file: &[u8]) -> Vec<u8> {
        let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        let mut s = cf.create_stream(format!("/{stream}")).unwrap();
        std::io::Write::write_all(&mut s, file).unwrap();
        drop(s);
        cf.into_inner().into_inner()
    }

    #[test]
    fn damage_keeps_what_was_read_before() {
        let bytes = winmail(&[("first.xlsx", b"first bytes"), ("Second Plan.docx", &[7u8; 300])]);
        // Two stray bytes at the end (6 of 31 real streams have them).
        let mut padded = bytes.clone();
        padded.extend_from_slice(&[0, 0]);
        let found = attachments(&padded).unwrap();
        assert_eq!(found.iter().map(|a| a.name()).collect::<Vec<_>>(), [Some("first.xlsx"), Some("Second Plan.docx")]);
        // The last attribute (the second attachment's properties) cut short:
        // the first is whole, the second keeps its data and its short title.
        let cut = &bytes[..bytes.len() - 20];
        let tnef = read(cut);
        assert!(tnef.damage.is_some());
        assert_eq!(tnef.attachments.len(), 2);
        assert_eq!(tnef.attachments[0].name(), Some("first.xlsx"));
        assert_eq!(tnef.attachments[1].name(), Some("LONGNA~1.XLS"));
        assert_eq!(tnef.attachments[1].data.as_deref(), Some(&[7u8; 300][..]));
        // Cut inside the data: the bytes that are there are kept.
        let second_data = bytes.windows(300).position(|w| w == [7u8; 300]).unwrap();
        let found = attachments(&bytes[..second_data + 100]).unwrap();
        assert_eq!(found[1].data.as_deref(), Some(&[7u8; 100][..]));
        // Nothing readable at all is still an error.
        assert!(attachments(&bytes[..60]).is_err());
        assert!(attachments(b"not tnef").is_err());
    }

    #[test]
    fn embedded_objects_are_attachments() {
        let docx = b"PK\x03\x04 an office package";
        let bytes =
            winmail_object("Plan.docx", "Plan d\u{e9}finitif.docx", IID_ISTORAGE, &ole_storage("Package", docx));
        let found = attachments(&bytes).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name(), Some("Plan.docx"));
        assert_eq!(found[0].other_name.as_deref(), Some("Plan définitif.docx"));
        assert_eq!(found[0].data.as_deref(), Some(&docx[..]));

        // An attached message: a TNEF stream of its own.
        let inner = winmail(&[("inner.xlsx", b"inner bytes")]);
        let bytes = winmail_object("", "Fwd: plan", IID_IMESSAGE, &inner);
        let found = attachments(&bytes).unwrap();
        assert_eq!(found[0].name(), Some("Fwd: plan"));
        assert_eq!(found[0].data.as_deref(), Some(&inner[..]));
    }
}
