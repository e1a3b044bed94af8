//! RFC 5322 email (.eml): each attachment of a supported type is a submission.
//!
//! Read as a tolerant mail reader does, since reviewers' mail comes from
//! Microsoft 365 and Exchange: the MIME structure comes from `mail-parser`
//! (after `tidy_header` has made the top header block plain: blank first
//! lines, mbox line, continuation lines without leading white space), but
//! each part's file name is read from its raw header by `mime` (Exchange's
//! `name=` + line break + tab + `"…"`, RFC 2231 continuations, encoded words
//! split anywhere, every charset through `encoding_rs`), and its bytes are
//! the transfer-decoded bytes as sent: a part declared `text/*` or without a
//! Content-Type is never converted as text, so its type is decided by its
//! bytes and its name. A text part with no name, no `attachment` disposition
//! and no binary signature is a body; notices (`message/feedback-report`,
//! delivery and read reports) are not attachments.
//!
//! Every attachment in any multipart nesting is listed (inline parts with a
//! file name included) for the dispatcher ([`super::dispatch`]), which
//! detects each by content: office files are read, zips are expanded
//! (`"bundle.zip/plan.docx"`), `.doc`/`.pages`/`.odt`/`.rtf` get an
//! "unsupported" entry, and non-submissions are left out (signature images,
//! calendar invites, vCards, signatures, text and HTML parts such as
//! Exchange's `ATT00001.txt`). A `winmail.dat` (TNEF, Outlook rich text) is
//! listed by [`Winmail`]: its attachments are taken as the email's own (see
//! `tnef`: read attribute by attribute, keeping what was read before damage).
//!
//! Forwarded messages (`message/rfc822` parts, or attached `.eml`/`.msg`
//! files) are expanded by the dispatcher one level deeper; their attachments
//! are named `"<subject>.eml/plan.docx"` (the subject names a forwarded part
//! that has no file name), carry the forwarded message's own envelope (its
//! sender is the district) and form their own package.

mod mime;
pub(crate) mod tnef;

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};

use mail_parser::{Encoding, Message, MessageParser, MessagePart, MimeHeaders, PartType};

use super::dispatch::{Listing, Member, MemberKind};
use super::formats::{self, Container, Kind};
use super::mail::{MAX_BODY_BYTES, cap_text, clean_name};
use super::{Entry, Envelope, InputError, Limits};

/// Expands an email on disk: the dispatcher with this email at the top.
pub fn expand(path: &str, bytes: &[u8], limits: &Limits, depth: usize) -> Vec<Entry> {
    super::dispatch::expand_as(Container::Email, path, bytes, limits, depth)
}

/// A parsed email: its envelope and its attachments in order, listed for
/// the dispatcher.
pub(crate) struct Mail {
    envelope: Envelope,
    attachments: std::vec::IntoIter<(Member, Vec<u8>)>,
    current: Vec<u8>,
}

impl Mail {
    /// Parses an email; `Err` when the bytes are not one.
    pub(crate) fn open(bytes: &[u8]) -> Result<Mail, InputError> {
        let bytes = tidy_header(bytes);
        let parsed = catch_unwind(AssertUnwindSafe(|| MessageParser::default().parse(&bytes[..])));
        let message = match parsed {
            Ok(Some(m)) if is_email(&m) => m,
            _ => return Err(InputError::corrupt("the email cannot be parsed")),
        };
        let mut attachments = Vec::new();
        for part in &message.parts {
            let Some(file) = attachment(&message, part) else {
                continue;
            };
            // A part declared a message but holding a document is a document.
            let is_message = file.is_message && !super::detect::is_binary_signature(&file.bytes);
            let name = file.name.unwrap_or_else(|| fallback_name(part, attachments.len() + 1, is_message));
            let kind = if is_message { MemberKind::Message } else { MemberKind::File { declared: None } };
            attachments.push((Member { name, kind }, file.bytes));
        }
        Ok(Mail { envelope: envelope(&message), attachments: attachments.into_iter(), current: Vec::new() })
    }
}

impl Listing for Mail {
    fn envelope(&mut self) -> Option<Envelope> {
        Some(self.envelope.clone())
    }

    fn next(&mut self) -> Option<Result<Member, InputError>> {
        let (member, bytes) = self.attachments.next()?;
        self.current = bytes;
        Some(Ok(member))
    }

    fn rest(&mut self) -> usize {
        self.attachments.len()
    }

    fn take(&mut self) -> Result<Option<Vec<u8>>, InputError> {
        Ok(Some(std::mem::take(&mut self.current)))
    }
}

/// The file name of every attachment part of a message (not of the
/// messages inside it), as ssos-lint reads it, `None` for a part without
/// one; `None` for bytes that are not a message. For comparing with other
/// mail readers (`examples/mail_names.rs`).
pub fn attachment_names(bytes: &[u8]) -> Option<Vec<Option<String>>> {
    let bytes = tidy_header(bytes);
    let message = catch_unwind(AssertUnwindSafe(|| MessageParser::default().parse(&bytes[..]))).ok()??;
    is_email(&message).then(|| message.parts.iter().filter_map(|p| attachment(&message, p)).map(|a| a.name).collect())
}

/// The file name of every attachment of a `winmail.dat` (TNEF) as ssos-lint
/// reads it; `None` when nothing could be read. For comparing with other
/// readers (`examples/mail_names.rs`).
pub fn winmail_names(bytes: &[u8]) -> Option<Vec<Option<String>>> {
    let found = tnef::attachments(bytes).ok()?;
    Some(found.iter().map(|a| a.name().and_then(clean_name)).collect())
}

/// The top header block made plain for the parser: a byte-order mark, blank
/// lines and an mbox `From ` line before it are dropped, and a line that
/// continues a field without leading white space gets one (else the parser
/// would drop it, and with it, say, the multipart boundary).
fn tidy_header(bytes: &[u8]) -> Cow<'_, [u8]> {
    let mut start = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).map_or(0, |_| 3);
    loop {
        let rest = &bytes[start..];
        let line_end = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |p| p + 1);
        let line = &rest[..line_end];
        if (line.iter().all(u8::is_ascii_whitespace) && line_end > 0 && line_end < rest.len())
            || line.starts_with(b"From ")
        {
            start += line_end;
        } else {
            break;
        }
    }
    let bytes = &bytes[start..];
    let header_end = header_end(bytes);
    let mut strays = Vec::new();
    let mut pos = 0;
    let mut seen_field = false;
    for line in bytes[..header_end].split_inclusive(|&b| b == b'\n') {
        let folded = line.starts_with(b" ") || line.starts_with(b"\t");
        let field = !folded && super::detect::field_name(line.trim_ascii_end()).is_some();
        if !folded && !field && seen_field && !line.trim_ascii().is_empty() {
            strays.push(pos);
        }
        seen_field |= field;
        pos += line.len();
    }
    if strays.is_empty() {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len() + strays.len());
    let mut last = 0;
    for at in strays {
        out.extend_from_slice(&bytes[last..at]);
        out.push(b' ');
        last = at;
    }
    out.extend_from_slice(&bytes[last..]);
    Cow::Owned(out)
}

/// Where the header block of `bytes` ends (after its blank line).
fn header_end(bytes: &[u8]) -> usize {
    let mut pos = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        pos += line.len();
        if line == b"\n" || line == b"\r\n" {
            return pos;
        }
    }
    bytes.len()
}

/// An attachment found in a part: its file name (if it has one), its bytes
/// as sent (transfer encoding undone, never converted as text) and whether
/// it is a message (forwarded or attached).
struct Attached {
    name: Option<String>,
    bytes: Vec<u8>,
    is_message: bool,
}

/// Report types that are machine-written notices about a message, never files.
const NOTICE_TYPES: [&str; 7] = [
    "message/feedback-report",
    "message/delivery-status",
    "message/global-delivery-status",
    "message/disposition-notification",
    "message/global-disposition-notification",
    "message/global-headers",
    "text/rfc822-headers",
];

/// The attachment a part holds, if any. The type of a file is decided later
/// by its bytes and its name, never by the declared Content-Type: a `.docx`
/// labelled `text/plain` or sent without a Content-Type is still a `.docx`.
/// A text part with no file name, no `attachment` disposition and no binary
/// signature is a message body.
fn attachment(message: &Message<'_>, part: &MessagePart<'_>) -> Option<Attached> {
    if matches!(part.body, PartType::Multipart(_)) {
        return None;
    }
    let raw = message.raw_message();
    let header = raw.get(part.raw_header_offset() as usize..part.raw_body_offset() as usize).unwrap_or_default();
    let fields = mime::fields(header);
    let (ctype, ct_params) = mime::parameters(mime::field(&fields, "content-type").unwrap_or_default());
    let (disposition, cd_params) = mime::parameters(mime::field(&fields, "content-disposition").unwrap_or_default());
    if NOTICE_TYPES.contains(&ctype.as_str()) {
        return None;
    }
    // Raw 8-bit names are in the part's charset, else in the message's.
    let charset = mime::parameter(&ct_params, "charset", None).or_else(|| message_charset(message));
    let name = mime::parameter(&cd_params, "filename", charset.as_deref())
        .or_else(|| mime::parameter(&ct_params, "name", charset.as_deref()))
        .and_then(|n| clean_name(&n))
        .or_else(|| part.attachment_name().and_then(clean_name));
    let is_message = matches!(part.body, PartType::Message(_))
        || formats::by_mime(&ctype).is_some_and(|f| matches!(f.kind, Kind::Container(Container::Email)));
    let bytes: Vec<u8> = match &part.body {
        PartType::Text(_) | PartType::Html(_) => {
            let body = raw.get(part.raw_body_offset() as usize..part.raw_end_offset() as usize).unwrap_or_default();
            let bytes = transfer_decode(body, part.encoding);
            let file_like = name.is_some() || disposition == "attachment" || super::detect::is_binary_signature(&bytes);
            if !file_like && !is_message {
                return None; // a body, not a file
            }
            bytes
        }
        _ => part.contents().to_vec(),
    };
    Some(Attached { name, bytes, is_message })
}

/// The first charset a text part (or the message itself) declares.
fn message_charset(message: &Message<'_>) -> Option<String> {
    let raw = message.raw_message();
    message.parts.iter().find_map(|part| {
        let header = raw.get(part.raw_header_offset() as usize..part.raw_body_offset() as usize)?;
        let fields = mime::fields(header);
        let (_, params) = mime::parameters(mime::field(&fields, "content-type")?);
        mime::parameter(&params, "charset", None).filter(|c| !c.eq_ignore_ascii_case("us-ascii"))
    })
}

/// A text part's body with its transfer encoding undone, bytes unchanged.
fn transfer_decode(body: &[u8], encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Base64 => mime::base64(body).unwrap_or_default(),
        Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(body).unwrap_or_else(|| body.to_vec())
        }
        Encoding::None => {
            // The line break before the next boundary belongs to the boundary.
            let body = body.strip_suffix(b"\n").unwrap_or(body);
            body.strip_suffix(b"\r").unwrap_or(body).to_vec()
        }
    }
}

/// True when `bytes` are a TNEF stream (`winmail.dat`).
pub(crate) fn is_tnef(bytes: &[u8]) -> bool {
    bytes.starts_with(&tnef::SIGNATURE)
}

/// The attachments of a `winmail.dat` (TNEF), listed for the dispatcher:
/// they are the email's own.
pub(crate) struct Winmail<'a> {
    found: std::vec::IntoIter<tnef::Attachment<'a>>,
    index: usize,
    current: Option<Vec<u8>>,
}

impl<'a> Winmail<'a> {
    /// Opens the `winmail.dat` attached as `name`.
    pub(crate) fn open(name: &str, bytes: &'a [u8]) -> Result<Self, InputError> {
        match tnef::attachments(bytes) {
            Ok(found) => Ok(Winmail { found: found.into_iter(), index: 0, current: None }),
            Err(why) => Err(InputError::corrupt(format!("the Outlook rich-text wrapper {name} cannot be read: {why}"))),
        }
    }
}

impl Listing for Winmail<'_> {
    fn next(&mut self) -> Option<Result<Member, InputError>> {
        let attachment = self.found.next()?;
        self.index += 1;
        let name = attachment.name().and_then(clean_name).unwrap_or_else(|| format!("attachment {}", self.index));
        self.current = attachment.data.map(std::borrow::Cow::into_owned);
        Some(Ok(Member { name, kind: MemberKind::File { declared: None } }))
    }

    fn rest(&mut self) -> usize {
        self.found.len()
    }

    fn take(&mut self) -> Result<Option<Vec<u8>>, InputError> {
        Ok(self.current.take())
    }
}

/// A parsed message counts as an email when it has one of the usual header fields.
fn is_email(message: &Message<'_>) -> bool {
    message.from().is_some()
        || message.subject().is_some()
        || message.date().is_some()
        || message.message_id().is_some()
        || message.content_type().is_some()
        || message.to().is_some()
}

fn envelope(message: &Message<'_>) -> Envelope {
    let from = message.from().and_then(|a| a.first()).map(|addr| {
        match (addr.name.as_deref().map(str::trim).filter(|n| !n.is_empty()), addr.address.as_deref()) {
            (Some(name), Some(address)) => format!("{name} <{address}>"),
            (Some(name), None) => name.to_string(),
            (None, Some(address)) => address.to_string(),
            (None, None) => String::new(),
        }
    });
    let body = message.body_text(0).map(|b| b.into_owned()).unwrap_or_default();
    // Raw 8-bit header values (no encoded words) are read in the message's
    // charset, else as UTF-8 or Windows-1252, not replaced by U+FFFD.
    let raw = message.raw_message();
    let top = mime::fields(raw.get(..message.root_part().raw_body_offset() as usize).unwrap_or_default());
    let charset = mime::field(&top, "content-type")
        .map(mime::parameters)
        .and_then(|(_, params)| mime::parameter(&params, "charset", None));
    let raw_text = |name: &str| {
        mime::field(&top, name).map(|v| mime::decode_words(v.trim_ascii(), charset.as_deref()).trim().to_string())
    };
    let subject = match message.subject() {
        Some(s) if s.contains('\u{FFFD}') => raw_text("subject"),
        other => other.map(|s| s.trim().to_string()),
    };
    let from = match from {
        Some(f) if f.contains('\u{FFFD}') => raw_text("from").map(|f| f.replace('"', "")),
        other => other,
    };
    Envelope {
        from: from.filter(|f| !f.is_empty()),
        subject,
        date: message.date().filter(|d| d.is_valid()).map(|d| super::utc_rfc3339(d.to_timestamp())),
        body: cap_text(body, MAX_BODY_BYTES),
    }
}

/// A name for an attachment that has none: the subject of a forwarded
/// message, or "attachment N" with the extension its declared type implies.
fn fallback_name(part: &MessagePart<'_>, index: usize, is_message: bool) -> String {
    if is_message {
        let subject = part.message().and_then(|m| m.subject()).and_then(clean_name);
        return format!("{}.eml", subject.unwrap_or_else(|| format!("forwarded message {index}")));
    }
    let ext = part
        .content_type()
        .and_then(|ct| formats::ext_for_mime(&format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or_default())));
    match ext {
        Some(ext) => format!("attachment {index}.{ext}"),
        None => format!("attachment {index}"),
    }
}

#[cfg(test)]
pub(crate) mod tests {

    use super::*;
    use crate::read::InputErrorKind;
    use crate::read::archive::tests::{tiny_xlsx, zip_of};

    /// Base64 on one line, as in an encoded word.
    pub fn b64_line(bytes: &[u8]) -> String {
        b64(bytes).replace("\r\n", "")
    }

    pub fn b64(bytes: &[u8]) -> String {
        const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        // 76-character lines, as mailers write them.
        out.as_bytes().chunks(76).map(|l| std::str::from_utf8(l).unwrap()).collect::<Vec<_>>().join("\r\n")
    }

    fn text(entry: &Entry) -> String {
        entry.result.as_ref().unwrap().blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("|")
    }

    fn lowell_email() -> String {
        let plan = tiny_xlsx("Lowell literacy priority");
        let other = tiny_xlsx("Benchmarks sheet");
        let zipped = zip_of(&[("Lowell/zipped.xlsx", &tiny_xlsx("from the zip"))]);
        let forwarded = format!(
            "From: Principal Smith <smith@lowell.k12.ma.us>\r\n\
             Subject: Original plan\r\n\
             Date: Mon, 2 Oct 2023 09:00:00 -0400\r\n\
             MIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"inner\"\r\n\r\n\
             --inner\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n\
             --inner\r\nContent-Type: application/octet-stream; name=\"fwd-plan.xlsx\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--inner--\r\n",
            b64(&tiny_xlsx("forwarded plan"))
        );
        format!(
            "Return-Path: <jane@lowell.k12.ma.us>\r\n\
             From: =?UTF-8?Q?Jane_D=C3=B6e?= <jane@lowell.k12.ma.us>\r\n\
             To: ssos@doe.mass.edu\r\n\
             Subject: =?UTF-8?B?TG93ZWxsIFNTb1Mgc3VibWlzc2lvbg==?=\r\n\
             Date: Tue, 3 Oct 2023 14:05:00 -0400\r\n\
             MIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n\
             This is a multi-part message in MIME format.\r\n\
             --outer\r\n\
             Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n\
             --alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
             Please find our plan attached =E2=80=93 Lowell Public Schools, Superintend=\r\nent's office.\r\n\
             --alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Please find our plan attached</p>\r\n\
             --alt--\r\n\
             --outer\r\n\
             Content-Type: image/png; name=\"image001.png\"\r\nContent-Disposition: inline; filename=\"image001.png\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{png}\r\n\
             --outer\r\n\
             Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\
             Content-Disposition: attachment; filename*=UTF-8''Plan%20Lowell.xlsx\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{plan}\r\n\
             --outer\r\n\
             Content-Type: application/octet-stream; name=\"=?UTF-8?B?QmVuY2htYXJrcyDDqXTDqS54bHN4?=\"\r\n\
             Content-Disposition: attachment; filename=\"=?UTF-8?B?QmVuY2htYXJrcyDDqXTDqS54bHN4?=\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{other}\r\n\
             --outer\r\n\
             Content-Type: application/pdf; name=\"plan.pdf\"\r\nContent-Disposition: attachment; filename=\"plan.pdf\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{pdf}\r\n\
             --outer\r\n\
             Content-Type: text/calendar; name=\"invite.ics\"\r\nContent-Disposition: attachment; filename=\"invite.ics\"\r\n\r\n\
             BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n\
             --outer\r\n\
             Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\
             Content-Disposition: inline;\r\n filename*0*=UTF-8''Inline%20;\r\n filename*1*=part.xlsx\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{inline}\r\n\
             --outer\r\n\
             Content-Type: application/zip; name=\"bundle.zip\"\r\nContent-Disposition: attachment; filename=\"bundle.zip\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{zipped}\r\n\
             --outer\r\n\
             Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n{forwarded}\r\n\
             --outer--\r\n",
            png = b64(b"\x89PNG\r\n\x1a\n0000"),
            plan = b64(&plan),
            other = b64(&other),
            pdf = b64(b"%PDF-1.7\n..."),
            zipped = b64(&zipped),
            inline = b64(&tiny_xlsx("inline part")),
        )
    }

    #[test]
    fn attachments_of_every_kind() {
        let eml = lowell_email();
        let entries = crate::read::expand("inbox/lowell.eml", eml.as_bytes(), &Limits::default());
        let names: Vec<String> = entries.iter().map(|e| e.attachment.clone().unwrap_or_default()).collect();
        assert_eq!(
            names,
            [
                "Plan Lowell.xlsx",
                "Benchmarks été.xlsx",
                "plan.pdf",
                "Inline part.xlsx",
                "bundle.zip/Lowell/zipped.xlsx",
                "Original plan.eml/fwd-plan.xlsx",
            ]
        );
        assert!(text(&entries[0]).contains("Lowell literacy priority"));
        assert!(text(&entries[1]).contains("Benchmarks sheet"));
        let pdf = entries[2].result.as_ref().unwrap_err();
        assert_eq!(pdf.kind, InputErrorKind::Unreadable, "a PDF is read, and this one is only a header");
        assert!(pdf.help.contains(".docx"));
        assert!(text(&entries[3]).contains("inline part"));
        assert!(text(&entries[4]).contains("from the zip"));
        assert!(text(&entries[5]).contains("forwarded plan"));

        assert!(entries.iter().all(|e| e.path == "inbox/lowell.eml"));
        let env = entries[0].envelope.as_ref().unwrap();
        assert_eq!(env.from.as_deref(), Some("Jane Döe <jane@lowell.k12.ma.us>"));
        assert_eq!(env.subject.as_deref(), Some("Lowell SSoS submission"));
        assert_eq!(env.date.as_deref(), Some("2023-10-03T18:05:00Z"), "14:05 at -04:00, in UTC");
        assert!(env.body.contains("Please find our plan attached – Lowell Public Schools, Superintendent's office."));
        assert_eq!(entries[0].package.as_deref(), Some("inbox/lowell.eml"));
        assert_eq!(entries[4].package.as_deref(), Some("inbox/lowell.eml"), "a zip in an email stays in its package");
        assert_eq!(entries[4].envelope.as_ref().unwrap().subject.as_deref(), Some("Lowell SSoS submission"));

        let fwd = entries[5].envelope.as_ref().unwrap();
        assert_eq!(fwd.from.as_deref(), Some("Principal Smith <smith@lowell.k12.ma.us>"));
        assert_eq!(entries[5].package.as_deref(), Some("inbox/lowell.eml/Original plan.eml"));
    }

    #[test]
    fn forwarding_depth_is_bounded() {
        let mut eml = "From: a@b.org\r\nSubject: level 0\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: application/octet-stream; name=\"p.xlsx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_string()
            + &b64(&tiny_xlsx("deep"))
            + "\r\n--b--\r\n";
        for level in 1..=3 {
            let boundary = format!("b{level}");
            eml = format!(
                "From: a@b.org\r\nSubject: level {level}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n--{boundary}\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--{boundary}--\r\n",
                b64(eml.as_bytes())
            );
        }
        let entries = expand("x.eml", eml.as_bytes(), &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].attachment.as_deref(), Some("level 2.eml/level 1.eml/level 0.eml/p.xlsx"));
        assert!(entries[0].result.is_ok());

        let limits = Limits { max_archive_depth: 2, ..Limits::default() };
        let entries = expand("x.eml", eml.as_bytes(), &limits, 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].attachment.as_deref(), Some("level 2.eml/level 1.eml/level 0.eml"));
        assert!(entries[0].result.as_ref().unwrap_err().reason.contains("nested too deeply"));
    }

    #[test]
    fn email_without_attachment_is_reported() {
        let eml = "From: District <d@x.org>\r\nTo: s@doe.mass.edu\r\nSubject: Our plan\r\nContent-Type: text/html\r\n\r\n<html><body><p>Our plan is <b>literacy</b>.</p></body></html>\r\n";
        let entries = crate::read::expand("inbox/plain.eml", eml.as_bytes(), &Limits::default());
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].attachment, None);
        let err = entries[0].result.as_ref().unwrap_err();
        assert!(err.reason.contains("no .docx or .xlsx attachment"));
        assert_eq!(err.kind, InputErrorKind::Unsupported);
        let env = entries[0].envelope.as_ref().unwrap();
        assert!(env.body.contains("Our plan is literacy."), "{}", env.body);
        assert!(!env.body.contains('<'));
    }

    #[test]
    fn thousand_attachments_are_capped_and_fast() {
        let mut eml = String::from(
            "From: d@x.org\r\nSubject: many\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n",
        );
        let pdf = b64(b"%PDF-1.4 tiny");
        for i in 0..1000 {
            eml.push_str(&format!(
                "--m\r\nContent-Type: application/pdf; name=\"p{i}.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{pdf}\r\n"
            ));
        }
        eml.push_str("--m--\r\n");
        let entries = expand("many.eml", eml.as_bytes(), &Limits::default(), 0);
        assert_eq!(entries.len(), 201);
        let last = entries.last().unwrap().result.as_ref().unwrap_err();
        assert!(last.reason.contains("800 more attachments"), "{}", last.reason);
    }

    #[test]
    fn winmail_dat_attachments_are_found() {
        let dat = tnef::tests::winmail(&[
            ("Lowell Plan.xlsx", &tiny_xlsx("inside winmail")),
            ("logo.png", b"\x89PNG\r\n\x1a\n...."),
        ]);
        let eml = format!(
            "From: Lowell <l@lowell.org>\r\nSubject: plan\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"w\"\r\n\r\n\
             --w\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n\
             --w\r\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\r\n\
             Content-Disposition: attachment; filename=\"winmail.dat\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--w--\r\n",
            b64(&dat)
        );
        let entries = expand("w.eml", eml.as_bytes(), &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].attachment.as_deref(), Some("Lowell Plan.xlsx"));
        assert!(text(&entries[0]).contains("inside winmail"));

        let broken = format!(
            "From: l@lowell.org\r\nSubject: plan\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"w\"\r\n\r\n\
             --w\r\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--w--\r\n",
            b64(&dat[..dat.len() / 2])
        );
        // Cut in the middle of the plan's bytes: the plan is reported damaged
        // under the name the stream gave it so far, not dropped.
        let entries = expand("w.eml", broken.as_bytes(), &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].attachment.as_deref(), Some("LONGNA~1.XLS"));
        assert!(entries[0].result.as_ref().unwrap_err().reason.contains("damaged"));

        // Cut after the plan, in the logo's properties, with stray bytes: the plan is read.
        let logo_props = dat.windows(4).rposition(|w| w == b"\x05\x90\x06\x00").unwrap();
        let mut cut = dat[..logo_props + 30].to_vec();
        cut.extend_from_slice(&[0, 0]);
        let entries = expand("w.eml", eml.replace(&b64(&dat), &b64(&cut)).as_bytes(), &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].attachment.as_deref(), Some("Lowell Plan.xlsx"));
        assert!(text(&entries[0]).contains("inside winmail"));
    }

    #[test]
    fn winmail_dat_embedded_objects_are_read() {
        use tnef::tests::{IID_IMESSAGE, IID_ISTORAGE, ole_storage, winmail, winmail_object};
        let object = ole_storage("Package", &tiny_xlsx("embedded object"));
        let dat = winmail_object("PLAN~1.XLS", "Plan Lowell.xlsx", IID_ISTORAGE, &object);
        let inner = winmail(&[("Attached Plan.xlsx", &tiny_xlsx("attached message"))]);
        let message = winmail_object("", "Fwd: plan", IID_IMESSAGE, &inner);
        let eml = format!(
            "From: Lowell <l@lowell.org>\r\nSubject: plan\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"w\"\r\n\r\n\
             --w\r\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
             --w\r\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--w--\r\n",
            b64(&dat),
            b64(&message)
        );
        let entries = expand("w.eml", eml.as_bytes(), &Limits::default(), 0);
        let names: Vec<_> = entries.iter().map(|e| e.attachment.clone().unwrap_or_default()).collect();
        assert_eq!(names, ["PLAN~1.XLS", "Attached Plan.xlsx"]);
        assert!(text(&entries[0]).contains("embedded object"));
        assert!(text(&entries[1]).contains("attached message"));
    }

    #[test]
    fn attached_email_without_files_stays_quiet() {
        let note = "From: a@b.org\r\nSubject: the request\r\n\r\nPlease send your plan.\r\n";
        let eml = format!(
            "From: l@lowell.org\r\nSubject: plan\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"q\"\r\n\r\n\
             --q\r\nContent-Type: application/octet-stream; name=\"request.eml\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
             --q\r\nContent-Type: application/octet-stream; name=\"plan.xlsx\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--q--\r\n",
            b64(note.as_bytes()),
            b64(&tiny_xlsx("plan"))
        );
        let entries = expand("q.eml", eml.as_bytes(), &Limits::default(), 0);
        let names: Vec<_> = entries.iter().map(|e| e.attachment.clone()).collect();
        assert_eq!(names, [Some("plan.xlsx".to_string())]);
    }

    fn names(entries: &[Entry]) -> Vec<String> {
        entries.iter().map(|e| e.attachment.clone().unwrap_or_default()).collect()
    }

    /// A message as Microsoft 365 delivers it: sensitivity labels, Exchange
    /// headers, a continuation line without leading white space (holding
    /// the boundary), a raw 8-bit subject, `To    :` and a blank first line.
    fn m365(parts: &str) -> Vec<u8> {
        let mut m = b"\r\nReceived: from BN8PR04MB6258.namprd04.prod.outlook.com (2603:10b6:408:d4::17) by\r\n SN6PR04MB4543.namprd04.prod.outlook.com with HTTPS; Tue, 3 Oct 2023 18:05:00 +0000\r\n".to_vec();
        m.extend_from_slice(b"msip_labels: MSIP_Label_4f2b_Enabled=True;\r\n MSIP_Label_4f2b_SiteId=6a3c;MSIP_Label_4f2b_Method=Standard\r\n");
        m.extend_from_slice(b"From: Jane Doe <jdoe@lowell.k12.ma.us>\r\nTo    : ssos@mass.gov\r\n");
        m.extend_from_slice(b"Subject: Plan d'am\xe9lioration - Lowell\r\nThread-Topic: plan\r\n");
        m.extend_from_slice(b"X-MS-Has-Attach: yes\r\nX-MS-Exchange-Organization-SCL: -1\r\nMIME-Version: 1.0\r\n");
        m.extend_from_slice(b"Content-Type: multipart/mixed;\r\nboundary=\"_004_BN8PR04MB_\"\r\n\r\n");
        m.extend_from_slice(parts.as_bytes());
        m
    }

    fn part(headers: &str, data: &[u8]) -> String {
        format!("--_004_BN8PR04MB_\r\n{headers}Content-Transfer-Encoding: base64\r\n\r\n{}\r\n", b64(data))
    }

    const END: &str = "--_004_BN8PR04MB_--\r\n";

    #[test]
    fn microsoft_365_message_with_exchange_folding() {
        let long = "Lowell Public Schools SSoS District Prioritization Submission SY2023-24 (final).xlsx";
        let body = String::from(
            "--_004_BN8PR04MB_\r\nContent-Type: text/plain; charset=\"iso-8859-1\"\r\n\r\nAttached.\r\n",
        ) + &part(
            "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=\r\n\t\"Lowell Public Schools SSoS District Prioritization Submission SY2023-24 (final).xlsx\"\r\nContent-Description: Lowell\r\nContent-Disposition: attachment; filename=\r\n\t\"Lowell Public Schools SSoS District Prioritization Submission SY2023-24 (final).xlsx\";\r\n\tsize=6000; creation-date=\"Tue, 03 Oct 2023 18:04:00 GMT\"\r\n",
            &tiny_xlsx("Lowell literacy"),
        ) + END;
        let entries = crate::read::expand("inbox/m365.eml", &m365(&body), &Limits::default());
        assert_eq!(names(&entries), [long]);
        assert!(text(&entries[0]).contains("Lowell literacy"));
        let env = entries[0].envelope.as_ref().unwrap();
        assert_eq!(env.from.as_deref(), Some("Jane Doe <jdoe@lowell.k12.ma.us>"));
        assert_eq!(env.subject.as_deref(), Some("Plan d'amélioration - Lowell"));
    }

    #[test]
    fn declared_text_or_missing_content_type_is_read_by_its_bytes() {
        let body = String::from("--_004_BN8PR04MB_\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n")
            + &part("Content-Type: text/plain; name=\"Plan.xlsx\"\r\n", &tiny_xlsx("labelled text"))
            + &part("Content-Disposition: attachment; filename=\"No type.xlsx\"\r\n", &tiny_xlsx("no type"))
            + &part("", &tiny_xlsx("no name, no type"))
            + &part("Content-Type: text/html; charset=utf-8\r\n", b"<p>an html alternative</p>")
            + END;
        let entries = crate::read::expand("t.eml", &m365(&body), &Limits::default());
        assert_eq!(names(&entries), ["Plan.xlsx", "No type.xlsx", "attachment 3"]);
        assert!(text(&entries[0]).contains("labelled text"));
        assert!(text(&entries[1]).contains("no type"));
        assert!(text(&entries[2]).contains("no name, no type"));
    }

    #[test]
    fn names_in_every_charset() {
        let cases: [(&str, &[u8], &str); 6] = [
            ("big5", b"\xa7A\xa6n\xadp\xb9\xba.xlsx", "你好計劃.xlsx"),
            ("gb2312", b"\xc4\xe3\xba\xc3\xbc\xc6\xbb\xae.xlsx", "你好计划.xlsx"),
            ("ks_c_5601-1987", b"\xb0\xe8\xc8\xb9.xlsx", "계획.xlsx"),
            ("shift_jis", b"\x8cv\x89\xe6.xlsx", "計画.xlsx"),
            ("iso-2022-jp", b"\x1b$B7W2h\x1b(B.xlsx", "計画.xlsx"),
            ("windows-1252", b"Pl\xe9n.xlsx", "Plén.xlsx"),
        ];
        let mut body = String::new();
        for (charset, raw, _) in cases {
            // Outlook: an encoded word in Content-Type, RFC 2231 in Content-Disposition.
            let pct: String = raw.iter().map(|b| format!("%{b:02X}")).collect();
            body += &part(
                &format!(
                    "Content-Type: application/octet-stream;\r\n\tname=\"=?{charset}?B?{}?=\"\r\nContent-Disposition: attachment;\r\n\tfilename*={charset}''{pct}\r\n",
                    b64_line(raw)
                ),
                &tiny_xlsx(charset),
            );
        }
        body += END;
        let entries = crate::read::expand("c.eml", &m365(&body), &Limits::default());
        let want: Vec<&str> = cases.iter().map(|c| c.2).collect();
        assert_eq!(names(&entries), want);
        assert!(text(&entries[3]).contains("shift_jis"));
    }

    #[test]
    fn raw_8bit_names_in_the_message_charset_and_documents_labelled_as_messages() {
        let body = "--_004_BN8PR04MB_\r\nContent-Type: text/plain; charset=\"shift_jis\"\r\n\r\nplan\r\n".to_string();
        let mut m = m365(&body);
        m.extend_from_slice(b"--_004_BN8PR04MB_\r\nContent-Type: application/octet-stream; name=\"\x8cv\x89\xe6.xlsx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        m.extend_from_slice(b64(&tiny_xlsx("raw name")).as_bytes());
        m.extend_from_slice(b"\r\n");
        m.extend_from_slice(part("Content-Type: message/rfc822\r\n", &tiny_xlsx("labelled a message")).as_bytes());
        m.extend_from_slice(END.as_bytes());
        let entries = crate::read::expand("r.eml", &m, &Limits::default());
        assert_eq!(names(&entries), ["計画.xlsx", "attachment 2.eml"]);
        assert!(text(&entries[0]).contains("raw name"));
        assert!(text(&entries[1]).contains("labelled a message"));
    }

    #[test]
    fn forwarded_as_octet_stream_and_feedback_reports() {
        let inner =
            m365(&(part("Content-Type: application/octet-stream; name=\"inner.xlsx\"\r\n", &tiny_xlsx("inner")) + END));
        let body = part("Content-Type: application/octet-stream\r\n", &inner)
            + &part("Content-Type: application/octet-stream; name=\"Fwd plan.eml\"\r\n", &inner)
            + "--_004_BN8PR04MB_\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: x/1.0\r\nVersion: 1\r\n\r\n"
            + "--_004_BN8PR04MB_\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.mass.gov\r\n\r\nFinal-Recipient: rfc822; a@b.org\r\nAction: failed\r\n\r\n"
            + END;
        let entries = crate::read::expand("f.eml", &m365(&body), &Limits::default());
        assert_eq!(names(&entries), ["attachment 1/inner.xlsx", "Fwd plan.eml/inner.xlsx"]);
        assert!(text(&entries[1]).contains("inner"));
        assert_eq!(entries[1].envelope.as_ref().unwrap().from.as_deref(), Some("Jane Doe <jdoe@lowell.k12.ma.us>"));
    }

    #[test]
    fn messages_inside_a_zip_are_read_or_reported() {
        let plan =
            m365(&(part("Content-Type: application/octet-stream; name=\"plan.xlsx\"\r\n", &tiny_xlsx("zipped")) + END));
        let zip = zip_of(&[("inbox/Plan.eml", &plan), ("inbox/broken.eml", b"\x00\x01\x02\x03 not mail")]);
        let entries = crate::read::expand("saved.zip", &zip, &Limits::default());
        assert_eq!(names(&entries), ["inbox/Plan.eml/plan.xlsx", "inbox/broken.eml"]);
        assert!(text(&entries[0]).contains("zipped"));
        let err = entries[1].result.as_ref().unwrap_err();
        assert_eq!(err.kind, InputErrorKind::Unreadable, "{err:?}");
    }

    #[test]
    fn garbage_is_corrupt() {
        let entries = expand("x.eml", b"\x00\x01\x02 not an email", &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].result.as_ref().unwrap_err().kind, InputErrorKind::Unreadable);
    }
}
