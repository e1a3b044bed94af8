//! Format detection by content: the file name is only a tie-breaker.

use std::io::{Cursor, Read};

use super::InputError;
use super::formats::{self, Container, FormatSpec, Kind};
use crate::model::Format;

/// What a file turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    /// A document or workbook ssos-lint reads.
    Office(Format),
    /// An RFC 5322 email message.
    Eml,
    /// An Outlook .msg message.
    Msg,
    /// A zip archive that is not an office package.
    Archive,
    /// An OOXML file protected by a password (OLE container with `EncryptedPackage`).
    Encrypted,
    /// A known format we do not read; `what` names it, `save_as` says what to use instead.
    Unsupported { what: &'static str, save_as: &'static str },
    /// Zero bytes, or only white space.
    Empty,
    /// Looks like a zip or OLE container but cannot be opened.
    Corrupt(String),
    /// Nothing we recognise.
    Unknown,
}

impl Detected {
    /// The container reader for what was detected, if it is a container.
    pub fn container(&self) -> Option<Container> {
        match self {
            Detected::Eml => Some(Container::Email),
            Detected::Msg => Some(Container::Msg),
            Detected::Archive => Some(Container::Zip),
            _ => None,
        }
    }

    /// The input diagnostic for a file that is not a readable document.
    pub fn into_error(self, name: &str) -> InputError {
        match self {
            Detected::Encrypted => InputError::unreadable(
                "the file is password-protected (encrypted), so its text cannot be read",
                "Remove the password (File > Info > Protect Document > Encrypt with Password, clear it), save, and send it again.",
            ),
            Detected::Unsupported { what, save_as } => InputError::unsupported(
                format!("{what} files are not read by ssos-lint"),
                format!("Save the plan as {save_as} and send it again."),
            ),
            Detected::Empty => InputError::unreadable(
                "the file is empty",
                "Check that the right file was attached, save it again, and resend it.",
            ),
            Detected::Corrupt(why) => InputError::corrupt(why),
            Detected::Eml | Detected::Msg | Detected::Archive => InputError::unsupported(
                "an email or archive cannot be read as a plan document",
                "Attach the plan itself as .docx, .xlsx, .pptx or .pdf.",
            ),
            Detected::Unknown => InputError::unsupported(
                format!("'{}' is not a Word, Excel, PowerPoint or PDF file ssos-lint can read", short_name(name)),
                "Save the plan as a Word document (.docx) or an Excel workbook (.xlsx) and send it again.",
            ),
            Detected::Office(format) => InputError::unsupported(
                format!("{} files are not read here", format.as_str()),
                "Save the plan as a Word document (.docx) or an Excel workbook (.xlsx).",
            ),
        }
    }
}

fn short_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Detects what `bytes` hold; `name` only breaks ties between look-alikes.
pub fn detect(name: &str, bytes: &[u8]) -> Detected {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Detected::Empty;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return detect_zip(bytes);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return detect_ole(bytes);
    }
    detect_text_or_binary(name, bytes)
}

/// True when `bytes` start with the signature of a binary file (zip or
/// Office package, OLE container, PDF, TNEF): never a message body.
pub(crate) fn is_binary_signature(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(OLE_MAGIC)
        || bytes.starts_with(b"%PDF")
        || bytes.starts_with(&[0x78, 0x9F, 0x3E, 0x22])
}

fn detect_zip(bytes: &[u8]) -> Detected {
    let mut zip = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(zip) => zip,
        Err(err) => return Detected::Corrupt(format!("the zip package cannot be opened: {err}")),
    };
    if let Some(mime) = read_small_entry(&mut zip, "mimetype") {
        return match formats::by_mime(&mime) {
            Some(spec) => from_spec(spec),
            None => Detected::Unsupported { what: "OpenDocument", save_as: "a Word document (.docx)" },
        };
    }
    if let Some(types) = read_small_entry(&mut zip, "[Content_Types].xml") {
        return detect_ooxml(&types);
    }
    let names: Vec<String> = zip.file_names().map(|n| n.to_ascii_lowercase()).collect();
    formats::by_zip_parts(&names).map_or(Detected::Archive, from_spec)
}

fn detect_ooxml(content_types: &str) -> Detected {
    match formats::by_ooxml(content_types) {
        Some(spec) => from_spec(spec),
        None => Detected::Corrupt("the package has no Word, Excel or PowerPoint main part".to_string()),
    }
}

/// What a row of the format table makes of a file detected as that format.
fn from_spec(spec: &'static FormatSpec) -> Detected {
    match spec.kind {
        Kind::Document { format, .. } => Detected::Office(format),
        Kind::Unsupported { save_as } => Detected::Unsupported { what: spec.name, save_as },
        Kind::Container(Container::Email) => Detected::Eml,
        Kind::Container(Container::Msg) => Detected::Msg,
        Kind::Container(Container::Zip) => Detected::Archive,
        Kind::Never => Detected::Unknown,
    }
}

/// Reads a zip entry if it exists and is small (its inflated size is bounded).
fn read_small_entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let index = (0..zip.len()).find(|&i| zip.name_for_index(i).is_some_and(|n| n.eq_ignore_ascii_case(name)))?;
    let entry = zip.by_index(index).ok()?;
    let mut text = String::new();
    entry.take(1 << 20).read_to_string(&mut text).ok()?;
    Some(text)
}

fn detect_ole(bytes: &[u8]) -> Detected {
    let compound = match cfb::CompoundFile::open(Cursor::new(bytes)) {
        Ok(c) => c,
        Err(err) => return Detected::Corrupt(format!("the OLE container cannot be opened: {err}")),
    };
    let names: Vec<String> =
        compound.walk().map(|e| e.path().to_string_lossy().trim_start_matches('/').to_ascii_lowercase()).collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("encryptedpackage") || has("encryptioninfo") {
        return Detected::Encrypted;
    }
    formats::by_ole(&names).map_or(Detected::Unknown, from_spec)
}

fn detect_text_or_binary(name: &str, bytes: &[u8]) -> Detected {
    let head = &bytes[..bytes.len().min(4096)];
    let trimmed = trim_bom(head);
    if let Some(spec) = formats::by_magic(trimmed) {
        return from_spec(spec);
    }
    if head.starts_with(&[0x89, b'P', b'N', b'G']) || head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Detected::Unsupported { what: "image", save_as: "a Word document (.docx) with the text typed in" };
    }
    if looks_like_email(trim_bom(&bytes[..bytes.len().min(16 * 1024)])) {
        return Detected::Eml;
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".txt") || lower.ends_with(".md") {
        return Detected::Unsupported { what: "plain text", save_as: "a Word document (.docx)" };
    }
    if lower.ends_with(".pages") {
        return Detected::Unsupported { what: "Apple Pages", save_as: "a Word document (.docx)" };
    }
    if let Some(spec) = formats::by_name(&lower)
        && !spec.ooxml.is_empty()
    {
        return Detected::Corrupt(format!("it is not a zip package, as a .{} must be", formats::extension(&lower)));
    }
    Detected::Unknown
}

fn trim_bom(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    &bytes[start..]
}

/// An RFC 5322 message, recognised by its structure as a tolerant mail
/// reader sees it: a block of header fields (`name: value`, any printable
/// name such as `msip_labels`, white space allowed before the colon as in
/// the obsolete `To    :`) up to a blank line, folded lines, stray lines that
/// continue a field without leading white space, raw 8-bit values, leading
/// blank lines and an mbox `From ` line. One field must be one a message
/// has (From, Subject, Received, ...), and fields must outnumber stray lines.
/// Only the first 16 KB are looked at, since servers put long ARC/DKIM/
/// Exchange headers first.
pub(crate) fn looks_like_email(head: &[u8]) -> bool {
    let head = &head[..head.len().min(16 * 1024)];
    let truncated = head.len() == 16 * 1024;
    let mut lines = head.split(|&b| b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l)).peekable();
    while lines.peek().is_some_and(|l| l.iter().all(u8::is_ascii_whitespace)) {
        lines.next();
    }
    if lines.peek().is_some_and(|l| l.starts_with(b"From ")) {
        lines.next(); // an mbox separator line
    }
    let (mut fields, mut stray, mut known, mut ended) = (0usize, 0usize, false, false);
    for line in lines {
        if line.is_empty() {
            ended = true;
            break;
        }
        if line.starts_with(b" ") || line.starts_with(b"\t") {
            if fields == 0 {
                return false;
            }
            continue; // a folded continuation
        }
        match field_name(line) {
            Some(name) => {
                fields += 1;
                known |= is_known_field(name);
            }
            None if fields == 0 => return false,
            None => stray += 1,
        }
    }
    // The header block must end (blank line) unless the window cut it short.
    known && stray < fields && (ended || truncated || fields >= 2)
}

/// The name of a header field line (`name:` or `name   :`), if it is one:
/// printable ASCII other than ':' (RFC 5322 ftext), at most 76 characters.
pub(crate) fn field_name(line: &[u8]) -> Option<&[u8]> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = line[..colon].trim_ascii_end();
    let ok = !name.is_empty() && name.len() <= 76 && name.iter().all(|&b| (33..=126).contains(&b));
    ok.then_some(name)
}

/// Fields only a message header has.
fn is_known_field(name: &[u8]) -> bool {
    const KNOWN: [&str; 27] = [
        "from",
        "to",
        "cc",
        "subject",
        "date",
        "sender",
        "reply-to",
        "mime-version",
        "message-id",
        "in-reply-to",
        "references",
        "received",
        "return-path",
        "content-type",
        "delivered-to",
        "arc-seal",
        "dkim-signature",
        "authentication-results",
        "x-received",
        "thread-topic",
        "thread-index",
        "x-mailer",
        "msip_labels",
        "x-ms-has-attach",
        "x-ms-exchange-organization-authas",
        "x-originating-ip",
        "importance",
    ];
    KNOWN.iter().any(|k| name.eq_ignore_ascii_case(k.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_with_long_server_headers() {
        let mut eml = String::new();
        for i in 0..40 {
            eml.push_str(&format!("ARC-Message-Signature: i={i}; a=rsa-sha256; c=relaxed/relaxed;\r\n"));
            eml.push_str(&format!(" b={}\r\n", "A".repeat(200)));
        }
        eml.push_str("From: a@b.org\r\nSubject: plan\r\n\r\nbody\r\n");
        assert!(eml.len() > 4096);
        assert_eq!(detect("x.eml", eml.as_bytes()), Detected::Eml);
        assert_eq!(detect("x", b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011\nFrom: a@b.org\n\nhi"), Detected::Eml);
        assert_eq!(detect("x", b"\xEF\xBB\xBFReceived: from x\r\nTo: y@z\r\n\r\n"), Detected::Eml);
    }

    #[test]
    fn emails_as_microsoft_365_and_old_servers_write_them() {
        // Sensitivity labels (underscores in the name), as Microsoft 365 adds them.
        let m365 = b"msip_labels: MSIP_Label_1234_Enabled=True;MSIP_Label_1234_SiteId=abc\r\n\
            From: Jane <jane@lowell.org>\r\nTo: ssos@mass.gov\r\nSubject: plan\r\n\r\nbody";
        assert_eq!(detect("x", m365), Detected::Eml);
        // A continuation without leading white space, a raw Latin-1 value, `To    :`.
        let old = b"Received: from mx.lowell.org by mail.mass.gov\r\n\
            with ESMTP id 12345\r\nSubject: Pl\xe9n d'am\xe9lioration\r\nTo    : ssos@mass.gov\r\n\r\nbody";
        assert_eq!(detect("x", old), Detected::Eml);
        // A blank first line.
        assert_eq!(detect("x", b"\r\nFrom: a@b.org\r\nSubject: plan\r\n\r\nbody"), Detected::Eml);
        // Not mail: a first line that is not a field, stray lines outnumbering fields.
        assert_ne!(detect("x", b"Dear reviewer,\nFrom: a@b.org\nSubject: x\n\nbody"), Detected::Eml);
        assert_ne!(detect("x", b"Subject: plan\nline one\nline two\nline three\n\nbody"), Detected::Eml);
    }

    #[test]
    fn xlsb_is_unsupported_not_damaged() {
        let types = r#"<Types><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>"#;
        assert!(matches!(detect_ooxml(types), Detected::Unsupported { .. }));
    }

    #[test]
    fn calendar_and_notes_are_not_emails() {
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nORGANIZER;CN=A:mailto:a@b.org\r\nEND:VCALENDAR\r\n";
        assert_ne!(detect("invite.ics", ics.as_bytes()), Detected::Eml);
        assert_ne!(detect("notes", b"Priority: literacy\nThis is our plan, not an email.\n"), Detected::Eml);
    }
}
