//! The one dispatcher for files that hold other files, as calamine's
//! `open_workbook_auto` dispatches its readers. The containers (zip
//! archives in `archive`, .eml and `winmail.dat` in `email`, .msg in `msg`)
//! only list their members through [`Listing`]: a name, the bytes, an
//! email's envelope. This module detects what each member is, reads the
//! documents, opens the containers inside, and owns everything that spans
//! levels; no container knows another.
//!
//! Depth: archives, emails, attached messages and `winmail.dat` nest to
//! `limits.max_archive_depth`; a deeper one is reported "nested too deeply".
//!
//! Budget: bytes inflated from archive members are shared by every archive
//! under one file on disk (`limits.max_total_inflated`); an archive member's
//! declared size is checked before it is inflated, so a zip bomb is refused
//! without inflating it. An email (or `winmail.dat`) has at most
//! `limits.max_attachments` attachments looked at; one more entry says how
//! many were left. An archive stops at the file's time budget.
//!
//! Naming: a member's `attachment` is its path inside the container, prefixed
//! by the containers it sits in: `"bundle.zip/Lowell/plan.docx"`,
//! `"Fwd - Plan.eml/plan.xlsx"`. `path` is always the file on disk. The
//! attachments inside a `winmail.dat` are the email's own: named as if
//! attached directly ("plan.docx", not "winmail.dat/plan.docx").
//!
//! Packages: the attachments of one email form one package (id: the email's
//! path, or `path/<attachment name>` for a forwarded or zipped email). Members
//! of a zip attached to an email stay in the email's package; members of a zip
//! on disk share the archive's package.
//!
//! Triage ([`triage`]): office files are read, containers are expanded,
//! documents of other formats are reported, and what is never a submission
//! (signature images, calendar invites, signatures, text parts) is left out.
//! A message that yields nothing says so ("no .docx or .xlsx attachment"),
//! unless it sits in another email (forwarded, or attached as a file): the
//! outer email speaks for it. An archive that yields nothing always says so.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use super::formats::{self, Container};
use super::{Detected, Entry, Envelope, InputError, Limits, archive, detect, email, msg};
use crate::model::Document;

/// One member as a container lists it; its bytes come from [`Listing::take`].
#[derive(Debug)]
pub(crate) struct Member {
    /// Its name inside the container ("Lowell/plan.docx", "Original plan.msg").
    pub name: String,
    pub kind: MemberKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MemberKind {
    /// A file. `declared`: for an archive member, the size the archive
    /// declares before inflating it (it counts against the inflate budget);
    /// `None` for bytes the container holds as they are.
    File { declared: Option<u64> },
    /// A file the container declares a message (an email's `message/rfc822`
    /// part): read as an email whatever its bytes look like.
    Message,
    /// A message kept in the container's own structure (an .msg's attached
    /// message), listed in turn by [`Listing::open_stored`].
    Stored,
}

/// What a container does for the dispatcher: list its members, one at a time.
pub(crate) trait Listing {
    /// The sender, subject, date and body of a message (`None` for archives).
    fn envelope(&mut self) -> Option<Envelope> {
        None
    }

    /// The next member, `None` at the end; `Some(Err)` when the container
    /// cannot be read any further (listing stops there).
    fn next(&mut self) -> Option<Result<Member, InputError>>;

    /// How many members are left unlisted, counted without reading them.
    fn rest(&mut self) -> usize;

    /// The bytes of the member `next` just gave; `Ok(None)` when it has none
    /// (a link, an object that wraps no file): it is left out.
    fn take(&mut self) -> Result<Option<Vec<u8>>, InputError>;

    /// The message `next` just gave as [`MemberKind::Stored`], as a listing.
    fn open_stored(&mut self) -> Option<Box<dyn Listing + '_>> {
        None
    }
}

/// Where the members of a container come from.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    /// The file on disk.
    pub path: String,
    /// Prepended to member names: "" at the top, "bundle.zip/" inside.
    pub prefix: String,
    /// The package the members belong to.
    pub package: Option<String>,
    /// The email the members came in, when they did.
    pub envelope: Option<Envelope>,
    /// Bytes inflated from archive members so far, shared by every container
    /// under one file on disk, so nested archives share one budget
    /// (`limits.max_total_inflated`).
    pub spent: Rc<Cell<u64>>,
}

impl Origin {
    pub fn root(path: &str) -> Self {
        Origin {
            path: path.to_string(),
            prefix: String::new(),
            package: None,
            envelope: None,
            spent: Rc::new(Cell::new(0)),
        }
    }

    /// The container's own name inside its parents ("" at the top).
    pub fn own_name(&self) -> Option<String> {
        let name = self.prefix.trim_end_matches('/');
        (!name.is_empty()).then(|| name.to_string())
    }

    /// An id for a package that starts at this container.
    pub fn own_package(&self) -> String {
        match self.own_name() {
            Some(name) => format!("{}/{name}", self.path),
            None => self.path.clone(),
        }
    }

    /// The origin of the members of `name`, a container inside this one.
    pub fn child(&self, name: &str) -> Origin {
        Origin { prefix: format!("{}{name}/", self.prefix), ..self.clone() }
    }

    /// An entry for member `name` (or for the container itself when `None`).
    pub fn entry(&self, name: Option<&str>, result: Result<Document, InputError>) -> Entry {
        let attachment = match name {
            Some(name) => Some(format!("{}{name}", self.prefix)),
            None => self.own_name(),
        };
        Entry {
            path: self.path.clone(),
            attachment,
            envelope: self.envelope.clone(),
            package: self.package.clone(),
            result,
        }
    }
}

/// Expands a file on disk known to be `container`, at nesting `depth`.
pub fn expand_as(container: Container, path: &str, bytes: &[u8], limits: &Limits, depth: usize) -> Vec<Entry> {
    open(&Origin::root(path), container, bytes, limits, depth, false)
}

/// What to do with a member, once its content is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Triage {
    /// An office document: read it.
    Read,
    /// A container: expand it.
    Expand,
    /// Not readable, but meant as a submission: report why.
    Report,
    /// Not a submission (signature images, calendar invites, ...): leave it out.
    Skip,
}

/// Decides what to do with a member named `name` whose content is `detected`.
pub(crate) fn triage(name: &str, detected: &Detected) -> Triage {
    let documentish = formats::is_documentish(name);
    match detected {
        Detected::Office(_) => Triage::Read,
        _ if formats::is_never(name) => Triage::Skip,
        Detected::Eml | Detected::Msg | Detected::Archive => Triage::Expand,
        Detected::Encrypted | Detected::Corrupt(_) => Triage::Report,
        Detected::Unsupported { what, .. } if *what == "image" || *what == "plain text" => Triage::Skip,
        Detected::Unsupported { .. } => Triage::Report,
        Detected::Empty | Detected::Unknown => {
            if documentish {
                Triage::Report
            } else {
                Triage::Skip
            }
        }
    }
}

/// How a container's members are counted, and what it says at the end.
#[derive(Debug, Clone, Copy)]
enum Shape<'n> {
    /// A zip archive: members inflate against the shared budget; one that
    /// yields nothing says so.
    Archive,
    /// An email (.eml, .msg): attachments are capped; one that yields
    /// nothing says so unless `quiet` (it sits in another email).
    Message { quiet: bool },
    /// A `winmail.dat` named `name`: attachments are capped.
    Wrapper(&'n str),
}

impl Shape<'_> {
    fn capped(self) -> bool {
        !matches!(self, Shape::Archive)
    }
}

/// Opens `container` (its bytes are the member at `origin`) and expands it.
fn open(origin: &Origin, container: Container, bytes: &[u8], limits: &Limits, depth: usize, quiet: bool) -> Vec<Entry> {
    match container {
        Container::Zip => {
            let mut origin = origin.clone();
            if origin.package.is_none() {
                origin.package = Some(origin.own_package());
            }
            // The archive may inflate no more than what is left of the shared budget.
            let local = Limits {
                max_total_inflated: limits.max_total_inflated.saturating_sub(origin.spent.get()),
                ..limits.clone()
            };
            match archive::Zip::open(bytes, &local) {
                Ok(mut zip) => walk(&origin, Shape::Archive, &mut zip, limits, depth),
                Err(err) => vec![origin.entry(None, Err(err))],
            }
        }
        Container::Email => match email::Mail::open(bytes) {
            Ok(mut mail) => message(origin, &mut mail, limits, depth, quiet),
            Err(err) => {
                let mut origin = origin.clone();
                origin.package = Some(origin.own_package());
                origin.envelope = None;
                vec![origin.entry(None, Err(err))]
            }
        },
        Container::Msg => {
            // The compound-file reader may panic on a damaged file: the whole
            // message is then one diagnostic.
            let run = || match msg::Message::open(bytes, limits) {
                Ok(mut message_) => message(origin, &mut message_, limits, depth, quiet),
                Err(err) => vec![origin.entry(None, Err(err))],
            };
            catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|_| {
                vec![origin.entry(None, Err(InputError::corrupt("the Outlook message could not be made sense of")))]
            })
        }
    }
}

/// Expands a message (.eml, .msg, or one stored in a .msg): it starts its
/// own package, and its envelope goes with every member.
fn message(origin: &Origin, listing: &mut dyn Listing, limits: &Limits, depth: usize, quiet: bool) -> Vec<Entry> {
    let mut origin = origin.clone();
    origin.package = Some(origin.own_package());
    origin.envelope = listing.envelope();
    walk(&origin, Shape::Message { quiet }, listing, limits, depth)
}

/// Takes every member of a container in turn: the depth, the budget and
/// the attachment cap are applied here, then each member is dispatched.
fn walk(origin: &Origin, shape: Shape<'_>, listing: &mut dyn Listing, limits: &Limits, depth: usize) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut looked_at = 0usize;
    let mut left = 0usize;
    loop {
        if shape.capped() && looked_at >= limits.max_attachments {
            left = listing.rest();
            break;
        }
        let Member { name, kind } = match listing.next() {
            None => break,
            Some(Ok(member)) => member,
            Some(Err(err)) => {
                entries.push(origin.entry(None, Err(err)));
                break;
            }
        };
        looked_at += 1;
        if kind == MemberKind::Stored {
            if depth + 1 > limits.max_archive_depth {
                entries.push(origin.entry(Some(&name), Err(too_deep(limits))));
            } else if let Some(mut inner) = listing.open_stored() {
                entries.extend(message(&origin.child(&name), &mut *inner, limits, depth + 1, true));
            }
            continue;
        }
        if let MemberKind::File { declared: Some(size) } = kind {
            if let Err(err) = limits.check_deadline() {
                entries.push(origin.entry(None, Err(err)));
                break;
            }
            let remaining = limits.max_total_inflated.saturating_sub(origin.spent.get());
            if size > limits.max_part_bytes || size > remaining {
                entries.push(origin.entry(Some(&name), Err(budget_error(&name, size, limits))));
                continue;
            }
        }
        let data = match listing.take() {
            Ok(Some(data)) => data,
            Ok(None) => continue,
            Err(err) => {
                entries.push(origin.entry(Some(&name), Err(err)));
                continue;
            }
        };
        if let MemberKind::File { declared: Some(_) } = kind {
            origin.spent.set(origin.spent.get() + data.len() as u64);
            if origin.spent.get() > limits.max_total_inflated {
                entries.push(origin.entry(Some(&name), Err(budget_error(&name, u64::MAX, limits))));
                continue;
            }
        }
        let forced = (kind == MemberKind::Message).then_some(Container::Email);
        entries.extend(member(origin, &name, &data, limits, depth, forced));
    }
    match shape {
        Shape::Archive if entries.is_empty() => entries.push(origin.entry(
            None,
            Err(InputError::unsupported(
                "the archive holds no .docx or .xlsx file",
                "Put the plan, saved as .docx or .xlsx, in the archive, or attach it directly.",
            )),
        )),
        Shape::Archive => {}
        Shape::Message { quiet } => close_message(origin, &mut entries, left, quiet, limits),
        Shape::Wrapper(name) if left > 0 => entries.push(origin.entry(
            Some(name),
            Err(InputError::unreadable(
                format!("{name} holds {left} more attachments than the {} that were read", limits.max_attachments),
                "Send the plan in its own email with only the plan attached.",
            )),
        )),
        Shape::Wrapper(_) => {}
    }
    entries
}

/// The end of any email (.eml or .msg): say how many attachments were over
/// the cap, and that there was no plan when nothing was found (a message
/// inside another stays silent).
fn close_message(origin: &Origin, entries: &mut Vec<Entry>, left: usize, quiet: bool, limits: &Limits) {
    if left > 0 {
        entries.push(origin.entry(
            None,
            Err(InputError::unreadable(
                format!("the email has {} more attachments than the {} that were read", left, limits.max_attachments),
                "Send the plan in its own email with only the plan attached.",
            )),
        ));
    }
    if entries.is_empty() && !quiet {
        entries.push(origin.entry(
            None,
            Err(InputError::unsupported(
                "the email has no .docx or .xlsx attachment",
                "Attach the plan as .docx or .xlsx and send it again.",
            )),
        ));
    }
}

/// Turns one member (attachment or archive member) into entries.
/// `forced` overrides content detection (a `message/rfc822` part is an email).
fn member(
    origin: &Origin,
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    depth: usize,
    forced: Option<Container>,
) -> Vec<Entry> {
    if let Err(err) = super::check_size(bytes, limits).and_then(|()| limits.check_deadline()) {
        return vec![origin.entry(Some(name), Err(err))];
    }
    if email::is_tnef(bytes) {
        if depth + 1 > limits.max_archive_depth {
            return vec![origin.entry(Some(name), Err(too_deep(limits)))];
        }
        return match email::Winmail::open(name, bytes) {
            Ok(mut winmail) => walk(origin, Shape::Wrapper(name), &mut winmail, limits, depth + 1),
            Err(err) => vec![origin.entry(Some(name), Err(err))],
        };
    }
    let detected = detect(name, bytes);
    let action = triage(name, &detected);
    // A file named as a container is opened as one even when its content is
    // not recognised, so that a message nobody can read is reported, not dropped.
    let by_name = match detected {
        Detected::Unknown | Detected::Empty => formats::container_by_name(name),
        _ => None,
    };
    let container = forced.or(by_name).or(if action == Triage::Expand { detected.container() } else { None });
    if let Some(container) = container {
        if depth + 1 > limits.max_archive_depth {
            return vec![origin.entry(Some(name), Err(too_deep(limits)))];
        }
        // A message inside an email (forwarded, or attached as a file) is
        // quiet when it holds nothing: the outer email speaks for it.
        let quiet = forced.is_some() || origin.envelope.is_some();
        return open(&origin.child(name), container, bytes, limits, depth + 1, quiet);
    }
    match action {
        Triage::Read => vec![origin.entry(Some(name), super::read_document(name, bytes, limits))],
        Triage::Report => vec![origin.entry(Some(name), Err(detected.into_error(name)))],
        Triage::Skip | Triage::Expand => Vec::new(),
    }
}

fn too_deep(limits: &Limits) -> InputError {
    InputError::unreadable(
        format!("archives or forwarded emails are nested too deeply (more than {} levels)", limits.max_archive_depth),
        "Attach the plan itself, or a zip of the plan files, without further nesting.",
    )
}

fn budget_error(name: &str, size: u64, limits: &Limits) -> InputError {
    if size > limits.max_part_bytes {
        return super::xml::zip_bomb_error(name, limits);
    }
    InputError::unreadable(
        format!(
            "'{name}' would take the archive past the {} MB inflated-size limit (a zip bomb, or far too many files)",
            limits.max_total_inflated / (1024 * 1024)
        ),
        "Send only the plan files, not a whole folder.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::InputErrorKind;
    use crate::read::archive::tests::{tiny_xlsx, zip_of};
    use crate::read::email::tests::b64;

    fn names(entries: &[Entry]) -> Vec<String> {
        entries.iter().map(|e| e.attachment.clone().unwrap_or_default()).collect()
    }

    fn reason(entry: &Entry) -> &str {
        &entry.result.as_ref().unwrap_err().reason
    }

    /// `saved.zip` holding `inbox/lowell.eml` (whose attachment is
    /// `plans.zip`: a plan and a 600 KB damaged workbook), then a 600 KB
    /// damaged workbook of its own: a zip in an email in a zip.
    fn zip_in_eml_in_zip() -> Vec<u8> {
        let sevens = vec![7u8; 600 << 10];
        let inner = zip_of(&[("plan.xlsx", &tiny_xlsx("nested plan")), ("mid.xlsx", &sevens)]);
        let eml = format!(
            "From: Lowell <l@lowell.org>\r\nSubject: plan\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"z\"\r\n\r\n--z\r\n\
             Content-Type: application/zip; name=\"plans.zip\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--z--\r\n",
            b64(&inner)
        );
        zip_of(&[("inbox/lowell.eml", eml.as_bytes()), ("late.xlsx", &sevens)])
    }

    #[test]
    fn depth_and_budget_span_a_zip_in_an_email_in_a_zip() {
        let bytes = zip_in_eml_in_zip();
        let roomy = Limits { max_total_inflated: 4 << 20, ..Limits::default() };
        let entries = crate::read::expand("saved.zip", &bytes, &roomy);
        assert_eq!(
            names(&entries),
            ["inbox/lowell.eml/plans.zip/plan.xlsx", "inbox/lowell.eml/plans.zip/mid.xlsx", "late.xlsx"]
        );
        let plan = entries[0].result.as_ref().unwrap();
        assert!(plan.blocks.iter().any(|b| b.text.contains("nested plan")));
        // The zip inside the email stays in the email's package, with its envelope.
        assert_eq!(entries[0].package.as_deref(), Some("saved.zip/inbox/lowell.eml"));
        assert_eq!(entries[0].envelope.as_ref().unwrap().from.as_deref(), Some("Lowell <l@lowell.org>"));
        assert_eq!(entries[2].package.as_deref(), Some("saved.zip"));
        assert!(entries[2].envelope.is_none());
        for damaged in [&entries[1], &entries[2]] {
            assert_eq!(damaged.result.as_ref().unwrap_err().kind, InputErrorKind::Unreadable);
            assert!(!reason(damaged).contains("limit"), "{}", reason(damaged));
        }

        // Depth: the outer zip is level 0, the email 1, the zip in it 2.
        let shallow = Limits { max_archive_depth: 1, ..roomy.clone() };
        let entries = crate::read::expand("saved.zip", &bytes, &shallow);
        assert_eq!(names(&entries), ["inbox/lowell.eml/plans.zip", "late.xlsx"]);
        assert!(reason(&entries[0]).contains("nested too deeply (more than 1 levels)"), "{}", reason(&entries[0]));
        let flat = Limits { max_archive_depth: 0, ..roomy.clone() };
        let entries = crate::read::expand("saved.zip", &bytes, &flat);
        assert_eq!(names(&entries), ["inbox/lowell.eml", "late.xlsx"]);
        assert!(reason(&entries[0]).contains("nested too deeply"));

        // Budget: one total for every level. 1 MB holds the email, the plan
        // and the 600 KB inside (each fits what the levels above left), but
        // then the outer 600 KB member, which alone would fit, does not.
        let tight = Limits { max_total_inflated: 1 << 20, ..roomy.clone() };
        let entries = crate::read::expand("saved.zip", &bytes, &tight);
        assert_eq!(
            names(&entries),
            ["inbox/lowell.eml/plans.zip/plan.xlsx", "inbox/lowell.eml/plans.zip/mid.xlsx", "late.xlsx"]
        );
        assert!(entries[0].result.is_ok());
        assert!(!reason(&entries[1]).contains("limit"), "{}", reason(&entries[1]));
        assert!(reason(&entries[2]).contains("past the 1 MB inflated-size limit"), "{}", reason(&entries[2]));
        // And what the levels above spent first counts inside: with the
        // email (over 8 KB, it carries the plan) and the plan inflated, the
        // inner 600 KB no longer fits a 601 KB budget.
        let tighter = Limits { max_total_inflated: 601 << 10, ..roomy };
        let entries = crate::read::expand("saved.zip", &bytes, &tighter);
        assert!(entries[0].result.is_ok());
        assert_eq!(names(&entries)[1], "inbox/lowell.eml/plans.zip/mid.xlsx");
        assert!(reason(&entries[1]).contains("inflated-size limit"), "{}", reason(&entries[1]));
    }

    #[test]
    fn a_member_named_as_a_container_is_opened_as_one() {
        // Bytes nobody recognises, named .eml, .msg or .zip: reported damaged, not dropped.
        let junk: &[u8] = b"\x01\x02 not a container at all";
        let bytes = zip_of(&[("Fwd plan.eml", junk), ("plan.msg", junk), ("plans.zip", junk), ("notes.bin", junk)]);
        let entries = crate::read::expand("saved.zip", &bytes, &Limits::default());
        assert_eq!(names(&entries), ["Fwd plan.eml", "plan.msg", "plans.zip"]);
        for entry in &entries {
            assert_eq!(entry.result.as_ref().unwrap_err().kind, InputErrorKind::Unreadable, "{:?}", entry.attachment);
        }
    }

    #[test]
    fn triage_rules() {
        assert_eq!(triage("a.pdf", &Detected::Unsupported { what: "PDF", save_as: "" }), Triage::Report);
        assert_eq!(triage("a.png", &Detected::Unsupported { what: "image", save_as: "" }), Triage::Skip);
        assert_eq!(triage("winmail.dat", &Detected::Unknown), Triage::Skip);
        assert_eq!(triage("invite.ics", &Detected::Eml), Triage::Skip);
        assert_eq!(triage("fwd.eml", &Detected::Eml), Triage::Expand);
        assert_eq!(triage("plan.pages", &Detected::Unknown), Triage::Report);
        assert_eq!(triage("image001.gif", &Detected::Unknown), Triage::Skip);
        assert_eq!(triage("plan.docx", &Detected::Empty), Triage::Report);
    }
}
