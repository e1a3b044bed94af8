//! RFC 5322 email (.eml): each attachment of a supported type is a submission.
//!
//! Parsed with `mail-parser`, which decodes base64 and quoted-printable bodies
//! and RFC 2047 / RFC 2231 file names. Every attachment in any multipart
//! nesting is looked at (inline parts with a file name included), detected by
//! content and handled by [`archive::member`]: office files are read, zips are
//! expanded (`"bundle.zip/plan.docx"`), `.doc`/`.pdf`/`.pages`/`.odt`/`.rtf`
//! get an "unsupported" entry, and non-submissions are left out (signature
//! images, calendar invites, vCards, signatures, text and HTML parts such as
//! Exchange's `ATT00001.txt`). A `winmail.dat` (TNEF, Outlook rich text) is
//! opened and its attachments are taken as the email's own.
//!
//! Forwarded messages (`message/rfc822` parts, or attached `.eml`/`.msg`
//! files) are expanded with `depth + 1`, bounded by `limits.max_archive_depth`;
//! their attachments are named `"<subject>.eml/plan.docx"`, carry the
//! forwarded message's own envelope (its sender is the district) and form
//! their own package. Only the first `limits.max_attachments` attachment
//! parts are looked at; one more entry says how many were left.
//!
//! An email (not itself inside another email) that yields nothing gets one
//! entry with an "unsupported" error: it has no .docx or .xlsx attachment.
//! Emails inside archives on disk are not inside an email: they do report.

mod tnef;

use std::panic::{AssertUnwindSafe, catch_unwind};

use mail_parser::{Message, MessageParser, MimeHeaders, PartType};

use super::archive::{self, Container, Origin};
use super::{Entry, Envelope, InputError, Limits};

/// Largest email body kept in the envelope.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub fn expand(path: &str, bytes: &[u8], limits: &Limits, depth: usize) -> Vec<Entry> {
    expand_in(&Origin::root(path), bytes, limits, depth, false)
}

/// Expands an email found at `origin`; `forwarded` is true for a message
/// inside another message (forwarded or attached as a file): it stays quiet
/// when it holds nothing.
pub(crate) fn expand_in(origin: &Origin, bytes: &[u8], limits: &Limits, depth: usize, forwarded: bool) -> Vec<Entry> {
    let mut origin = origin.clone();
    origin.package = Some(origin.own_package());
    let parsed = catch_unwind(AssertUnwindSafe(|| MessageParser::default().parse(bytes)));
    let message = match parsed {
        Ok(Some(m)) if is_email(&m) => m,
        _ => {
            origin.envelope = None;
            return vec![origin.entry(None, Err(InputError::corrupt("the email cannot be parsed")))];
        }
    };
    origin.envelope = Some(envelope(&message));

    let mut entries = Vec::new();
    let mut looked_at = 0usize;
    let mut left = 0usize;
    for (index, part) in message.attachments().enumerate() {
        let is_message =
            part.is_message() || part.is_content_type("message", "rfc822") || part.is_content_type("message", "global");
        if !is_message && matches!(part.body, PartType::Text(_) | PartType::Html(_)) && part.attachment_name().is_none()
        {
            continue; // an alternative body, not a file
        }
        if looked_at >= limits.max_attachments {
            left += 1;
            continue;
        }
        looked_at += 1;
        let name = attachment_name(part, index, is_message);
        let forced = is_message.then_some(Container::Email);
        entries.extend(archive::member(&origin, &name, part.contents(), limits, depth, forced));
    }
    close_message(&origin, entries, left, forwarded, limits)
}

/// True when `bytes` are a TNEF stream (`winmail.dat`).
pub(crate) fn is_tnef(bytes: &[u8]) -> bool {
    bytes.starts_with(&tnef::SIGNATURE)
}

/// Expands a `winmail.dat` (TNEF): its attachments are the email's own, so
/// they are named as if attached directly ("plan.docx", not
/// "winmail.dat/plan.docx").
/// The end of reading any email (.eml or .msg): say how many attachments
/// were over the limit, and that there was no plan when nothing was found
/// (a forwarded message inside another stays silent).
pub(crate) fn close_message(
    origin: &Origin,
    mut entries: Vec<Entry>,
    left: usize,
    forwarded: bool,
    limits: &Limits,
) -> Vec<Entry> {
    if left > 0 {
        entries.push(origin.entry(
            None,
            Err(InputError::unreadable(
                format!("the email has {} more attachments than the {} that were read", left, limits.max_attachments),
                "Send the plan in its own email with only the plan attached.",
            )),
        ));
    }
    if entries.is_empty() && !forwarded {
        entries.push(origin.entry(
            None,
            Err(InputError::unsupported(
                "the email has no .docx or .xlsx attachment",
                "Attach the plan as .docx or .xlsx and send it again.",
            )),
        ));
    }
    entries
}

pub(crate) fn expand_tnef(origin: &Origin, name: &str, bytes: &[u8], limits: &Limits, depth: usize) -> Vec<Entry> {
    let found = match tnef::attachments(bytes) {
        Ok(found) => found,
        Err(why) => {
            return vec![origin.entry(
                Some(name),
                Err(InputError::corrupt(format!("the Outlook rich-text wrapper {name} cannot be read: {why}"))),
            )];
        }
    };
    let mut entries = Vec::new();
    for (index, attachment) in found.iter().take(limits.max_attachments).enumerate() {
        let Some(data) = attachment.data else {
            continue;
        };
        let file = attachment.name().and_then(clean_name).unwrap_or_else(|| format!("attachment {}", index + 1));
        entries.extend(archive::member(origin, &file, data, limits, depth, None));
    }
    if found.len() > limits.max_attachments {
        entries.push(origin.entry(
            Some(name),
            Err(InputError::unreadable(
                format!(
                    "{name} holds {} more attachments than the {} that were read",
                    found.len() - limits.max_attachments,
                    limits.max_attachments
                ),
                "Send the plan in its own email with only the plan attached.",
            )),
        ));
    }
    entries
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
    Envelope {
        from: from.filter(|f| !f.is_empty()),
        subject: message.subject().map(|s| s.trim().to_string()),
        date: message.date().map(|d| d.to_rfc3339()),
        body: cap_text(body, MAX_BODY_BYTES),
    }
}

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

/// A file name for an attachment: its own (last path component, decoded by
/// mail-parser), the subject of a forwarded message, or a made-up one.
fn attachment_name(part: &mail_parser::MessagePart<'_>, index: usize, is_message: bool) -> String {
    if let Some(name) = part.attachment_name().and_then(clean_name) {
        return name;
    }
    if is_message {
        let subject = part.message().and_then(|m| m.subject()).and_then(clean_name);
        return format!("{}.eml", subject.unwrap_or_else(|| format!("forwarded message {}", index + 1)));
    }
    let ext = part
        .content_type()
        .and_then(|ct| super::formats::ext_for_mime(&format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or_default())));
    match ext {
        Some(ext) => format!("attachment {}.{ext}", index + 1),
        None => format!("attachment {}", index + 1),
    }
}

/// The last path component of a name, without control characters; `None` if blank.
pub(crate) fn clean_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let cleaned = cleaned.trim();
    (!cleaned.is_empty()).then(|| cleaned.chars().take(200).collect())
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::read::InputErrorKind;
    use crate::read::archive::tests::{tiny_xlsx, zip_of};

    fn b64(bytes: &[u8]) -> String {
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
        assert!(env.date.as_deref().unwrap().starts_with("2023-10-03"));
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
        let entries = expand("w.eml", broken.as_bytes(), &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].attachment.as_deref(), Some("winmail.dat"));
        assert!(entries[0].result.as_ref().unwrap_err().reason.contains("damaged"));
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

    #[test]
    fn garbage_is_corrupt() {
        let entries = expand("x.eml", b"\x00\x01\x02 not an email", &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].result.as_ref().unwrap_err().kind, InputErrorKind::Unreadable);
    }
}
