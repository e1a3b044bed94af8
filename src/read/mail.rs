//! What the message readers (.eml, .msg, `winmail.dat`) share: attachment
//! names, the cap on a kept body, and the file inside an OLE Packager object.

/// Largest email body kept in the envelope.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Cuts `text` to at most `max` bytes on a char boundary.
pub(crate) fn cap_text(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}

/// The last path component of a name, without control characters; `None` if blank.
pub(crate) fn clean_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let cleaned = cleaned.trim();
    (!cleaned.is_empty()).then(|| cleaned.chars().take(200).collect())
}

/// The file in an OLE Packager `\x01Ole10Native` stream: total size, a flag,
/// label, source path, two reserved words, temporary path, then the size
/// and the data.
pub(crate) fn ole10_native(stream: &[u8]) -> Option<&[u8]> {
    fn after_nul(bytes: &[u8]) -> Option<&[u8]> {
        let nul = bytes.iter().position(|&b| b == 0)?;
        Some(&bytes[nul + 1..])
    }
    let rest = stream.get(6..)?; // total size (u32), flag (u16)
    let rest = after_nul(after_nul(rest)?)?; // label, source path
    let rest = after_nul(rest.get(8..)?)?; // two reserved words, temporary path
    let size = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    rest.get(4..)?.get(..size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ole10_native_payload() {
        let mut stream = vec![0u8; 4];
        stream.extend_from_slice(&2u16.to_le_bytes());
        stream.extend_from_slice(b"plan.xlsx\0C:\\plan.xlsx\0");
        stream.extend_from_slice(&[0, 0, 3, 0, 0, 0, 0, 0]);
        stream.extend_from_slice(b"C:\\Temp\\plan.xlsx\0");
        stream.extend_from_slice(&5u32.to_le_bytes());
        stream.extend_from_slice(b"PK\x03\x04!trailing");
        assert_eq!(ole10_native(&stream), Some(&b"PK\x03\x04!"[..]));
        // Cut inside the data, or before the size: nothing.
        assert_eq!(ole10_native(&stream[..stream.len() - 12]), None);
        assert_eq!(ole10_native(&stream[..20]), None);
    }

    #[test]
    fn names_and_caps() {
        assert_eq!(clean_name("C:\\Users\\a\\Plan\u{7}.docx").as_deref(), Some("Plan .docx"));
        assert_eq!(clean_name(" / "), None);
        assert_eq!(cap_text("héllo".to_string(), 2), "h");
    }
}
