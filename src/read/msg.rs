//! Outlook .msg (MS-OXMSG): an OLE compound file read with `cfb`.
//!
//! The message's properties are streams named `__substg1.0_<id><type>`:
//! subject `0037`, sender name `0C1A` (or `0042`), sender address `5D01`,
//! `0C1F` (when it holds an '@'), `5D02` or `0065`, body `1000` (else the
//! HTML body `1013`, tags stripped), as UTF-16 (`001F`) or 8-bit (`001E`)
//! strings. The date (`0039` submit time, else `0E06` delivery time) comes
//! from the fixed-size `__properties_version1.0` stream.
//!
//! Attachments are the storages `__attach_version1.0_#XXXXXXXX`: data in
//! `__substg1.0_37010102`, file name `3707` (long), `3704` (short) or `3001`
//! (display name). [`Message`] lists them, in storage-name order, for the
//! dispatcher ([`super::dispatch`]), which handles them as it handles email
//! attachments. An attached message (a `__substg1.0_3701000D` storage
//! holding message properties) is listed as a stored message named
//! `"<subject>.msg"`, which the dispatcher opens one level deeper (its own
//! envelope and package); an embedded OLE object (same storage name, no
//! message properties) gives the file it wraps, if it wraps one.

use std::io::{Cursor, Read};

use cfb::CompoundFile;

use super::dispatch::{Listing, Member, MemberKind};
use super::formats::Container;
use super::mail::{MAX_BODY_BYTES, cap_text, clean_name};
use super::{Entry, Envelope, InputError, Limits};

type Ole<'a> = CompoundFile<Cursor<&'a [u8]>>;

/// Expands an Outlook message on disk: the dispatcher with this message at the top.
pub fn expand(path: &str, bytes: &[u8], limits: &Limits, depth: usize) -> Vec<Entry> {
    super::dispatch::expand_as(Container::Msg, path, bytes, limits, depth)
}

/// The compound file a message is read from: the file's own (the top
/// message) or lent by the message it is attached to.
enum Store<'o, 'a> {
    Own(Box<Ole<'a>>),
    Lent(&'o mut Ole<'a>),
}

impl<'a> Store<'_, 'a> {
    fn ole(&mut self) -> &mut Ole<'a> {
        match self {
            Store::Own(ole) => ole,
            Store::Lent(ole) => ole,
        }
    }
}

/// What the member `next` gave last holds.
enum Pending {
    None,
    /// The attachment's data stream.
    Stream(String),
    /// An embedded OLE object (the storage): the file it wraps.
    Object(String),
    /// An attached message (the storage).
    Message(String),
}

/// One message of an .msg file (the top one, or one attached to it),
/// listing its attachments for the dispatcher.
pub(crate) struct Message<'o, 'a, 'l> {
    store: Store<'o, 'a>,
    limits: &'l Limits,
    envelope: Envelope,
    /// The attachment storages, sorted; `Err` when they cannot be listed.
    storages: Result<Vec<String>, Option<InputError>>,
    base: String,
    pos: usize,
    pending: Pending,
}

impl<'o, 'a, 'l> Message<'o, 'a, 'l> {
    /// Opens the compound file of an .msg: its top message.
    pub(crate) fn open(bytes: &'a [u8], limits: &'l Limits) -> Result<Self, InputError> {
        let ole = CompoundFile::open(Cursor::new(bytes))
            .map_err(|err| InputError::corrupt(format!("the Outlook message cannot be opened: {err}")))?;
        Ok(Message::at(Store::Own(Box::new(ole)), String::new(), limits))
    }

    /// The message whose storage is `base` ("" for the root).
    fn at(mut store: Store<'o, 'a>, base: String, limits: &'l Limits) -> Self {
        let ole = store.ole();
        let envelope = envelope(ole, &base, limits);
        let storages = match ole.read_storage(storage_path(&base)) {
            Ok(entries) => {
                let mut names: Vec<String> = entries
                    .filter(|e| e.is_storage() && e.name().starts_with("__attach_version1.0_#"))
                    .map(|e| e.name().to_string())
                    .collect();
                names.sort();
                Ok(names)
            }
            Err(err) => Err(Some(InputError::corrupt(format!("the Outlook message cannot be read: {err}")))),
        };
        Message { store, limits, envelope, storages, base, pos: 0, pending: Pending::None }
    }
}

impl Listing for Message<'_, '_, '_> {
    fn envelope(&mut self) -> Option<Envelope> {
        Some(self.envelope.clone())
    }

    fn next(&mut self) -> Option<Result<Member, InputError>> {
        let storages = match &mut self.storages {
            Ok(storages) => storages,
            Err(err) => return err.take().map(Err),
        };
        let storage = storages.get(self.pos)?;
        self.pos += 1;
        let index = self.pos;
        let (ole, limits) = (self.store.ole(), self.limits);
        let at = format!("{}/{storage}", self.base);
        let embedded = format!("{at}/__substg1.0_3701000D");
        let name = attachment_name(ole, &at, limits);
        let fallback = || format!("attachment {index}");
        let file = MemberKind::File { declared: None };
        if !ole.is_storage(&embedded) {
            self.pending = Pending::Stream(format!("{at}/__substg1.0_37010102"));
            return Some(Ok(Member { name: name.unwrap_or_else(fallback), kind: file }));
        }
        if !is_message_storage(ole, &embedded) {
            self.pending = Pending::Object(embedded);
            return Some(Ok(Member { name: name.unwrap_or_else(fallback), kind: file }));
        }
        let subject = string_prop(ole, &embedded, "0037", limits).and_then(|s| clean_name(&s));
        let name = format!("{}.msg", subject.or(name).unwrap_or_else(|| format!("attached message {index}")));
        self.pending = Pending::Message(embedded);
        Some(Ok(Member { name, kind: MemberKind::Stored }))
    }

    fn rest(&mut self) -> usize {
        self.storages.as_ref().map_or(0, |s| s.len().saturating_sub(self.pos))
    }

    fn take(&mut self) -> Result<Option<Vec<u8>>, InputError> {
        let (ole, limits) = (self.store.ole(), self.limits);
        match &self.pending {
            Pending::Stream(path) => read_stream(ole, path, limits),
            Pending::Object(storage) => Ok(ole_payload(ole, storage, limits)),
            Pending::Message(_) | Pending::None => Ok(None),
        }
    }

    fn open_stored(&mut self) -> Option<Box<dyn Listing + '_>> {
        let Pending::Message(base) = std::mem::replace(&mut self.pending, Pending::None) else {
            return None;
        };
        Some(Box::new(Message::at(Store::Lent(self.store.ole()), base, self.limits)))
    }
}

/// An attachment's file name: long (`3707`), short (`3704`) or display (`3001`).
fn attachment_name(ole: &mut Ole<'_>, at: &str, limits: &Limits) -> Option<String> {
    ["3707", "3704", "3001"].iter().find_map(|id| string_prop(ole, at, id, limits)).and_then(|n| clean_name(&n))
}

/// The file name of every attachment of an Outlook message (not of the
/// messages attached to it), as ssos-lint reads it (an attached message by
/// its subject); `None` for bytes that are not a compound file. For
/// comparing with other readers (`examples/mail_names.rs`).
pub fn attachment_names(bytes: &[u8]) -> Option<Vec<Option<String>>> {
    let limits = Limits::default();
    let mut ole = CompoundFile::open(Cursor::new(bytes)).ok()?;
    let mut storages: Vec<String> = ole
        .read_storage("/")
        .ok()?
        .filter(|e| e.is_storage() && e.name().starts_with("__attach_version1.0_#"))
        .map(|e| e.name().to_string())
        .collect();
    storages.sort();
    Some(
        storages
            .iter()
            .map(|storage| {
                let at = format!("/{storage}");
                let embedded = format!("{at}/__substg1.0_3701000D");
                let name = attachment_name(&mut ole, &at, &limits);
                if ole.is_storage(&embedded) && is_message_storage(&ole, &embedded) {
                    return string_prop(&mut ole, &embedded, "0037", &limits).and_then(|s| clean_name(&s)).or(name);
                }
                name
            })
            .collect(),
    )
}

fn storage_path(base: &str) -> String {
    if base.is_empty() { "/".to_string() } else { base.to_string() }
}

fn is_message_storage(ole: &Ole<'_>, path: &str) -> bool {
    ole.read_storage(path).is_ok_and(|mut entries| {
        entries.any(|e| e.name() == "__properties_version1.0" || e.name().starts_with("__substg1.0_"))
    })
}

/// Reads a stream, bounded by the file size limit. `Ok(None)` if it is absent.
fn read_stream(ole: &mut Ole<'_>, path: &str, limits: &Limits) -> Result<Option<Vec<u8>>, InputError> {
    if !ole.is_stream(path) {
        return Ok(None);
    }
    let stream = ole
        .open_stream(path)
        .map_err(|err| InputError::corrupt(format!("a part of the message cannot be read: {err}")))?;
    let cap = limits.max_file_bytes;
    if stream.len() > cap {
        return Err(InputError::unreadable(
            format!("an attachment is over the {} MB limit", cap / (1024 * 1024)),
            "Remove large pictures or embedded files, or raise the limit with --max-file-size.",
        ));
    }
    let mut data = Vec::with_capacity(stream.len() as usize);
    stream
        .take(cap + 1)
        .read_to_end(&mut data)
        .map_err(|err| InputError::corrupt(format!("a part of the message is damaged: {err}")))?;
    Ok(Some(data))
}

/// A string property `id` (4 hex digits) of the object stored at `base`.
fn string_prop(ole: &mut Ole<'_>, base: &str, id: &str, limits: &Limits) -> Option<String> {
    let unicode = format!("{base}/__substg1.0_{id}001F");
    if let Ok(Some(bytes)) = read_stream(ole, &unicode, limits) {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        let text = String::from_utf16_lossy(&units);
        return Some(text.trim_end_matches('\0').to_string());
    }
    let ansi = format!("{base}/__substg1.0_{id}001E");
    if let Ok(Some(bytes)) = read_stream(ole, &ansi, limits) {
        let bytes = bytes.strip_suffix(b"\0").unwrap_or(&bytes);
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => {
                let encoding =
                    codepage(ole, base, limits).and_then(codepage::to_encoding).unwrap_or(encoding_rs::WINDOWS_1252);
                encoding.decode_without_bom_handling(bytes).0.into_owned()
            }
        };
        return Some(text.trim_end_matches('\0').to_string());
    }
    None
}

/// The code page of the 8-bit strings of the object at `base`: its own
/// `PR_MESSAGE_CODEPAGE` (0x3FFD) or `PR_INTERNET_CPID` (0x3FDE), else its
/// message's (an attachment's strings are in its message's code page).
fn codepage(ole: &mut Ole<'_>, base: &str, limits: &Limits) -> Option<u16> {
    let mut path = base.to_string();
    loop {
        let header = if path.is_empty() {
            32
        } else if path.ends_with("__substg1.0_3701000D") {
            24
        } else {
            8
        };
        let props = read_stream(ole, &format!("{path}/__properties_version1.0"), limits).ok().flatten();
        let found = props.as_deref().and_then(|p| p.get(header..)).and_then(|entries| {
            [0x3FFD_0003u32, 0x3FDE_0003].iter().find_map(|want| {
                entries.chunks_exact(16).find_map(|e| {
                    let tag = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
                    (tag == *want).then(|| u16::try_from(u32::from_le_bytes([e[8], e[9], e[10], e[11]])).ok()).flatten()
                })
            })
        });
        if found.is_some() || path.is_empty() {
            return found;
        }
        path.truncate(path.rfind('/').unwrap_or(0));
    }
}

/// The file an embedded OLE object (`PR_ATTACH_DATA_OBJ` storage that is
/// not a message) wraps: `Package` (an Office file), the OLE Packager's
/// `\x01Ole10Native`, or `CONTENTS`; `None` for anything else.
fn ole_payload(ole: &mut Ole<'_>, storage: &str, limits: &Limits) -> Option<Vec<u8>> {
    if let Ok(Some(package)) = read_stream(ole, &format!("{storage}/Package"), limits) {
        return Some(package);
    }
    if let Ok(Some(native)) = read_stream(ole, &format!("{storage}/\u{1}Ole10Native"), limits) {
        return super::mail::ole10_native(&native).map(<[u8]>::to_vec);
    }
    read_stream(ole, &format!("{storage}/CONTENTS"), limits).ok().flatten()
}

fn envelope(ole: &mut Ole<'_>, base: &str, limits: &Limits) -> Envelope {
    let mut prop = |ids: &[&str]| {
        ids.iter()
            .filter_map(|id| string_prop(ole, base, id, limits))
            .map(|s| s.trim().to_string())
            .find(|s| !s.is_empty())
    };
    let name = prop(&["0C1A", "0042"]);
    let address = prop(&["5D01", "5D02"]).or_else(|| prop(&["0C1F", "0065"]).filter(|a| a.contains('@')));
    let subject = prop(&["0037"]);
    let body = prop(&["1000"])
        .or_else(|| {
            let html = read_stream(ole, &format!("{base}/__substg1.0_10130102"), limits)
                .ok()
                .flatten()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .or_else(|| string_prop(ole, base, "1013", limits))?;
            Some(strip_tags(&html))
        })
        .unwrap_or_default();
    let from = match (name, address) {
        (Some(n), Some(a)) if n != a => Some(format!("{n} <{a}>")),
        (Some(n), None) => Some(n),
        (_, Some(a)) => Some(a),
        (None, None) => None,
    };
    Envelope { from, subject, date: date(ole, base, limits), body: cap_text(body, MAX_BODY_BYTES) }
}

/// The submit (else delivery) time from the fixed-size property stream.
fn date(ole: &mut Ole<'_>, base: &str, limits: &Limits) -> Option<String> {
    let props = read_stream(ole, &format!("{base}/__properties_version1.0"), limits).ok()??;
    let header = if base.is_empty() { 32 } else { 24 };
    let entries = props.get(header..)?;
    let find = |id: u16| {
        entries.chunks_exact(16).find_map(|e| {
            let tag = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
            (tag == (u32::from(id) << 16 | 0x0040)).then(|| u64::from_le_bytes(e[8..16].try_into().unwrap_or_default()))
        })
    };
    let filetime = find(0x0039).or_else(|| find(0x0E06)).filter(|&t| t > 0)?;
    Some(filetime_iso(filetime))
}

/// A Windows FILETIME (100 ns since 1601) as RFC 3339 UTC.
fn filetime_iso(filetime: u64) -> String {
    super::utc_rfc3339((filetime / 10_000_000) as i64 - 11_644_473_600)
}

/// Crude HTML to text: drops tags, `<style>`/`<script>` contents and decodes
/// a few entities. Only used for the envelope body (district identification).
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let lower: String = after.chars().take(8).collect::<String>().to_ascii_lowercase();
        let skip_to = if lower.starts_with("<style") {
            find_ascii_ci(after, "</style>").map(|i| i + 8)
        } else if lower.starts_with("<script") {
            find_ascii_ci(after, "</script>").map(|i| i + 9)
        } else {
            after.find('>').map(|i| i + 1)
        };
        let Some(skip) = skip_to else {
            rest = "";
            break;
        };
        if lower.starts_with("<br") || lower.starts_with("<p") || lower.starts_with("</p") || lower.starts_with("<div")
        {
            out.push('\n');
        }
        rest = &after[skip..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Where `needle` (ASCII, lowercase) first occurs in `hay`, ignoring ASCII
/// case; linear in `hay` (no lowercased copy per tag).
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let first = *needle.first()?;
    let mut from = 0;
    while let Some(i) = hay[from..].iter().position(|b| b.to_ascii_lowercase() == first) {
        let at = from + i;
        if hay.len() - at >= needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::read::InputErrorKind;
    use crate::read::archive::tests::{tiny_xlsx, zip_of};

    fn utf16(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
    }

    fn stream(ole: &mut CompoundFile<Cursor<Vec<u8>>>, path: &str, data: &[u8]) {
        let mut s = ole.create_stream(path).unwrap();
        s.write_all(data).unwrap();
    }

    /// Writes the property streams of a message at `base` ("" = root).
    fn message(
        ole: &mut CompoundFile<Cursor<Vec<u8>>>,
        base: &str,
        subject: &str,
        sender: (&str, &str),
        body: &str,
        submit: Option<u64>,
    ) {
        let header = if base.is_empty() { 32 } else { 24 };
        let mut props = vec![0u8; header];
        if let Some(ft) = submit {
            props.extend_from_slice(&(0x0039u32 << 16 | 0x0040).to_le_bytes());
            props.extend_from_slice(&6u32.to_le_bytes());
            props.extend_from_slice(&ft.to_le_bytes());
        }
        stream(ole, &format!("{base}/__properties_version1.0"), &props);
        stream(ole, &format!("{base}/__substg1.0_0037001F"), &utf16(subject));
        stream(ole, &format!("{base}/__substg1.0_0C1A001F"), &utf16(sender.0));
        stream(ole, &format!("{base}/__substg1.0_5D01001F"), &utf16(sender.1));
        stream(ole, &format!("{base}/__substg1.0_1000001F"), &utf16(body));
    }

    fn attachment(ole: &mut CompoundFile<Cursor<Vec<u8>>>, base: &str, n: usize, name: &str, data: &[u8]) {
        let at = format!("{base}/__attach_version1.0_#{n:08X}");
        ole.create_storage(&at).unwrap();
        stream(ole, &format!("{at}/__properties_version1.0"), &[0u8; 8]);
        stream(ole, &format!("{at}/__substg1.0_3707001F"), &utf16(name));
        stream(ole, &format!("{at}/__substg1.0_37010102"), data);
    }

    // 2023-10-03T18:05:00Z as a FILETIME.
    const OCT_3: u64 = (1_696_356_300 + 11_644_473_600) * 10_000_000;

    fn lowell_msg() -> Vec<u8> {
        let mut ole = CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        message(
            &mut ole,
            "",
            "Lowell SSoS submission",
            ("Jane Doe", "jane@lowell.k12.ma.us"),
            "Please find our plan attached.\r\nLowell Public Schools",
            Some(OCT_3),
        );
        attachment(&mut ole, "", 0, "Lowell Plan.xlsx", &tiny_xlsx("msg literacy"));
        attachment(&mut ole, "", 1, "image001.png", b"\x89PNG\r\n\x1a\n....");
        attachment(&mut ole, "", 2, "Plan.doc", b"not really a doc");
        let zipped = zip_of(&[("inner/zipped.xlsx", &tiny_xlsx("zip in msg"))]);
        attachment(&mut ole, "", 3, "bundle.zip", &zipped);
        // An attached message with its own attachment.
        let at = "/__attach_version1.0_#00000004";
        ole.create_storage(at).unwrap();
        stream(&mut ole, &format!("{at}/__properties_version1.0"), &[0u8; 8]);
        let inner = format!("{at}/__substg1.0_3701000D");
        ole.create_storage(&inner).unwrap();
        message(&mut ole, &inner, "Original plan", ("Principal Smith", "smith@lowell.k12.ma.us"), "fwd", None);
        attachment(&mut ole, &inner, 0, "fwd.xlsx", &tiny_xlsx("forwarded in msg"));
        ole.flush().unwrap();
        ole.into_inner().into_inner()
    }

    fn text(entry: &Entry) -> String {
        entry.result.as_ref().unwrap().blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("|")
    }

    #[test]
    fn reads_attachments_and_envelope() {
        let bytes = lowell_msg();
        assert_eq!(crate::read::detect("x.msg", &bytes), crate::read::Detected::Msg);
        let entries = crate::read::expand("inbox/lowell.msg", &bytes, &Limits::default());
        let names: Vec<String> = entries.iter().map(|e| e.attachment.clone().unwrap_or_default()).collect();
        assert_eq!(
            names,
            ["Lowell Plan.xlsx", "Plan.doc", "bundle.zip/inner/zipped.xlsx", "Original plan.msg/fwd.xlsx"]
        );
        assert!(text(&entries[0]).contains("msg literacy"));
        assert_eq!(entries[1].result.as_ref().unwrap_err().kind, InputErrorKind::Unsupported);
        assert!(text(&entries[2]).contains("zip in msg"));
        assert!(text(&entries[3]).contains("forwarded in msg"));

        let env = entries[0].envelope.as_ref().unwrap();
        assert_eq!(env.from.as_deref(), Some("Jane Doe <jane@lowell.k12.ma.us>"));
        assert_eq!(env.subject.as_deref(), Some("Lowell SSoS submission"));
        assert_eq!(env.date.as_deref(), Some("2023-10-03T18:05:00Z"));
        assert!(env.body.contains("Lowell Public Schools"));
        assert_eq!(entries[0].package.as_deref(), Some("inbox/lowell.msg"));
        assert_eq!(entries[2].package.as_deref(), Some("inbox/lowell.msg"));

        let fwd = entries[3].envelope.as_ref().unwrap();
        assert_eq!(fwd.from.as_deref(), Some("Principal Smith <smith@lowell.k12.ma.us>"));
        assert_eq!(entries[3].package.as_deref(), Some("inbox/lowell.msg/Original plan.msg"));
    }

    #[test]
    fn embedded_objects_and_8bit_names_in_the_message_code_page() {
        let mut ole = CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        message(&mut ole, "", "plan", ("D", "d@x.org"), "", None);
        // PR_MESSAGE_CODEPAGE = 1251 (Cyrillic) in the root property stream.
        let mut props = vec![0u8; 32];
        props.extend_from_slice(&0x3FFD_0003u32.to_le_bytes());
        props.extend_from_slice(&6u32.to_le_bytes());
        props.extend_from_slice(&1251u32.to_le_bytes());
        props.extend_from_slice(&0u32.to_le_bytes());
        stream(&mut ole, "/__properties_version1.0", &props);
        let at = "/__attach_version1.0_#00000000";
        ole.create_storage(at).unwrap();
        stream(&mut ole, &format!("{at}/__properties_version1.0"), &[0u8; 8]);
        stream(&mut ole, &format!("{at}/__substg1.0_3707001E"), b"\xcf\xeb\xe0\xed.xlsx\0");
        stream(&mut ole, &format!("{at}/__substg1.0_37010102"), &tiny_xlsx("cyrillic name"));
        // An embedded OLE object wrapping a workbook (Package stream).
        let at = "/__attach_version1.0_#00000001";
        ole.create_storage(at).unwrap();
        stream(&mut ole, &format!("{at}/__properties_version1.0"), &[0u8; 8]);
        stream(&mut ole, &format!("{at}/__substg1.0_3001001F"), &utf16("Benchmarks.xlsx"));
        let obj = format!("{at}/__substg1.0_3701000D");
        ole.create_storage(&obj).unwrap();
        stream(&mut ole, &format!("{obj}/Package"), &tiny_xlsx("embedded object"));
        ole.flush().unwrap();
        let entries = expand("o.msg", &ole.into_inner().into_inner(), &Limits::default(), 0);
        let names: Vec<String> = entries.iter().map(|e| e.attachment.clone().unwrap_or_default()).collect();
        assert_eq!(names, ["План.xlsx", "Benchmarks.xlsx"]);
        assert!(text(&entries[0]).contains("cyrillic name"));
        assert!(text(&entries[1]).contains("embedded object"));
    }

    #[test]
    fn msg_without_attachment_and_broken_msg() {
        let mut ole = CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        message(&mut ole, "", "Our plan", ("D", "d@x.org"), "The plan is in this email body.", None);
        ole.flush().unwrap();
        let bytes = ole.into_inner().into_inner();
        let entries = expand("p.msg", &bytes, &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].attachment, None);
        assert!(entries[0].result.as_ref().unwrap_err().reason.contains("no .docx or .xlsx"));
        assert!(entries[0].envelope.as_ref().unwrap().body.contains("email body"));

        let mut broken = bytes.clone();
        broken.truncate(700);
        let entries = expand("p.msg", &broken, &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].result.as_ref().unwrap_err().kind, InputErrorKind::Unreadable);
    }

    #[test]
    fn attachment_cap_and_depth() {
        let mut ole = CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        message(&mut ole, "", "many", ("D", "d@x.org"), "", None);
        for n in 0..30 {
            attachment(&mut ole, "", n, &format!("p{n}.pdf"), b"%PDF-1.4");
        }
        ole.flush().unwrap();
        let bytes = ole.into_inner().into_inner();
        let limits = Limits { max_attachments: 10, ..Limits::default() };
        let entries = expand("m.msg", &bytes, &limits, 0);
        assert_eq!(entries.len(), 11);
        assert!(entries[10].result.as_ref().unwrap_err().reason.contains("20 more"));

        let limits = Limits { max_archive_depth: 0, ..Limits::default() };
        let entries = expand("l.msg", &lowell_msg(), &limits, 0);
        let deep: Vec<_> = entries
            .iter()
            .filter(|e| e.result.as_ref().is_err_and(|err| err.reason.contains("nested too deeply")))
            .map(|e| e.attachment.clone().unwrap())
            .collect();
        assert_eq!(deep, ["bundle.zip", "Original plan.msg"]);
    }

    #[test]
    fn helpers() {
        assert_eq!(filetime_iso(116_444_736_000_000_000), "1970-01-01T00:00:00Z");
        assert_eq!(filetime_iso(OCT_3), "2023-10-03T18:05:00Z");
        assert_eq!(strip_tags("<html><style>p{}</style><p>Hi &amp; bye</p><br>x</html>").trim(), "Hi & bye\n\nx");
        assert_eq!(strip_tags("a<STYLE>x</StYlE>b<Script>y</SCRIPT>c"), "abc");
        // The hostile body of issue 12: 150,000 empty style elements (2.4 MB)
        // strip to nothing; each tag is scanned once.
        let hostile = format!("{}Hello{}", "<style></style>".repeat(150_000), "<STYLE>".repeat(10));
        assert_eq!(strip_tags(&hostile), "Hello");
        assert_eq!(find_ascii_ci("xx</STYLE>", "</style>"), Some(2));
        assert_eq!(find_ascii_ci("</styl", "</style>"), None);
    }
}
