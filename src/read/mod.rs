//! Read: files on disk → [`Document`]s with source locations.
//!
//! The entry points are [`read_document`] for one office file and
//! [`expand`] for anything that may hold several (emails, archives).
//! Formats are detected by content, never by the file name alone.

pub mod archive;
pub mod detect;
pub(crate) mod dispatch;
pub mod docx;
pub mod email;
pub mod formats;
pub mod grid;
pub(crate) mod mail;
pub mod msg;
pub mod pdf;
pub mod pptx;
mod text_table;
pub mod xlsx;
pub mod xml;

use std::time::Duration;

use crate::model::Document;
pub use detect::{Detected, detect};

/// The command line's default time budget for one file (read, map and
/// check together): hostile files end within about 5 s.
pub const DEFAULT_TIME_BUDGET: Duration = Duration::from_secs(4);
/// The library's default ([`Limits::default`]): generous, for callers and
/// tests that run unoptimized or on a loaded machine.
pub const LIBRARY_TIME_BUDGET: Duration = Duration::from_secs(30);

/// Explicit limits on size and work; every one ends in a clear diagnostic.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest file (or attachment) read at all.
    pub max_file_bytes: u64,
    /// Largest inflated size of one part inside a zip package or archive.
    pub max_part_bytes: u64,
    /// Largest inflated size of all parts of one package together.
    pub max_total_inflated: u64,
    /// Most entries in one zip package or archive.
    pub max_entries: usize,
    /// Deepest nesting of archives and forwarded emails.
    pub max_archive_depth: usize,
    /// Deepest XML element nesting.
    pub max_xml_depth: usize,
    /// Most attachments taken from one email.
    pub max_attachments: usize,
    /// Time budget for one file's read+map+check (see [`crate::budget`]).
    pub time_budget: Duration,
    /// The budget of the file being read, set per file by the linter;
    /// readers stop when it is spent (`None`: each part gets `time_budget`
    /// of its own).
    pub budget: Option<crate::budget::Budget>,
}

impl Limits {
    /// These limits with one file's [`crate::budget::Budget`].
    pub fn within(&self, budget: &crate::budget::Budget) -> Limits {
        Limits { budget: Some(*budget), ..self.clone() }
    }

    /// `Err` once the file's budget (when set) is spent.
    pub fn check_deadline(&self) -> Result<(), InputError> {
        match self.budget {
            Some(budget) => budget.check().map_err(|over| over.into_error("reading it")),
            None => Ok(()),
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 50 * 1024 * 1024,
            max_part_bytes: 200 * 1024 * 1024,
            max_total_inflated: 400 * 1024 * 1024,
            max_entries: 10_000,
            max_archive_depth: 3,
            max_xml_depth: 512,
            max_attachments: 200,
            time_budget: LIBRARY_TIME_BUDGET,
            budget: None,
        }
    }
}

/// Why a file could not be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputErrorKind {
    /// `ssos::input::unreadable`: corrupt, encrypted, truncated, over a limit.
    Unreadable,
    /// `ssos::input::unsupported`: a format ssos-lint does not read.
    Unsupported,
    /// `ssos::document::scanned-pdf`: a PDF with no text layer (a scan).
    Scanned,
}

/// A file that could not be read, with the reason and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct InputError {
    pub kind: InputErrorKind,
    /// What is wrong, in plain words ("the file is password-protected").
    pub reason: String,
    /// What to do about it ("remove the password and send it again").
    pub help: String,
}

impl InputError {
    pub fn unreadable(reason: impl Into<String>, help: impl Into<String>) -> Self {
        InputError { kind: InputErrorKind::Unreadable, reason: reason.into(), help: help.into() }
    }

    pub fn unsupported(reason: impl Into<String>, help: impl Into<String>) -> Self {
        InputError { kind: InputErrorKind::Unsupported, reason: reason.into(), help: help.into() }
    }

    /// A document whose pages are pictures, with no text to check.
    pub fn scanned(reason: impl Into<String>, help: impl Into<String>) -> Self {
        InputError { kind: InputErrorKind::Scanned, reason: reason.into(), help: help.into() }
    }

    pub fn code(&self) -> &'static str {
        match self.kind {
            InputErrorKind::Unreadable => "ssos::input::unreadable",
            InputErrorKind::Unsupported => "ssos::input::unsupported",
            InputErrorKind::Scanned => "ssos::document::scanned-pdf",
        }
    }

    pub fn corrupt(what: impl std::fmt::Display) -> Self {
        InputError::unreadable(
            format!("the file is damaged or incomplete ({what})"),
            "Open it in Word, Excel or PowerPoint, save it again as .docx, .xlsx or .pptx, and resend it.",
        )
    }
}

/// What an email said about its sender, for identifying the district.
#[derive(Debug, Clone, Default)]
pub struct Envelope {
    pub from: Option<String>,
    pub subject: Option<String>,
    pub date: Option<String>,
    /// The plain-text body (signature included), bounded in size.
    pub body: String,
}

/// One submission file to check, possibly pulled out of an email or archive.
#[derive(Debug)]
pub struct Entry {
    /// The file on disk.
    pub path: String,
    /// The name inside the email or archive ("plan.docx", "inbox.zip/plan.docx").
    pub attachment: Option<String>,
    /// The email it came in, when it did: the attachments of one email form a package.
    pub envelope: Option<Envelope>,
    /// Identifies the package (email or archive) this entry belongs to.
    pub package: Option<String>,
    pub result: Result<Document, InputError>,
}

/// Reads one plan document (any `Document` row of [`formats::FORMATS`]) from its bytes.
pub fn read_document(name: &str, bytes: &[u8], limits: &Limits) -> Result<Document, InputError> {
    check_size(bytes, limits)?;
    match detect(name, bytes) {
        Detected::Office(format) => match formats::reader(format) {
            Some(read) => read(bytes, format, limits).map(|mut doc| {
                text_table::recover(&mut doc);
                doc
            }),
            None => Err(Detected::Office(format).into_error(name)),
        },
        other => Err(other.into_error(name)),
    }
}

/// Reads a file that may hold several submissions (email, archive) or is one.
/// Never fails: every problem becomes an [`Entry`] whose `result` is an error.
pub fn expand(path: &str, bytes: &[u8], limits: &Limits) -> Vec<Entry> {
    if let Err(err) = check_size(bytes, limits) {
        return vec![Entry {
            path: path.to_string(),
            attachment: None,
            envelope: None,
            package: None,
            result: Err(err),
        }];
    }
    match detect(path, bytes).container() {
        Some(container) => dispatch::expand_as(container, path, bytes, limits, 0),
        None => vec![Entry {
            path: path.to_string(),
            attachment: None,
            envelope: None,
            package: None,
            result: read_document(path, bytes, limits),
        }],
    }
}

pub(crate) fn check_size(bytes: &[u8], limits: &Limits) -> Result<(), InputError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(InputError::unreadable(
            format!(
                "the file is {} MB, over the {} MB limit",
                bytes.len() / (1024 * 1024),
                limits.max_file_bytes / (1024 * 1024)
            ),
            "Remove large pictures or embedded files, or raise the limit with --max-file-size.",
        ));
    }
    Ok(())
}

/// A message's date as RFC 3339 in UTC ("2023-10-03T22:05:00Z"), the one
/// form every reader gives `Envelope::date`: fixed width, so comparing two
/// of them as text compares the times, and nothing parses a date twice.
pub(crate) fn utc_rfc3339(unix_seconds: i64) -> String {
    mail_parser::DateTime::from_timestamp(unix_seconds).to_rfc3339()
}

#[cfg(test)]
mod date_tests {
    use super::utc_rfc3339;

    #[test]
    fn dates_are_utc_and_order_as_text() {
        assert_eq!(utc_rfc3339(0), "1970-01-01T00:00:00Z");
        // 2023-06-27 14:05 at -04:00 is 18:05 UTC.
        assert_eq!(utc_rfc3339(1_687_889_100), "2023-06-27T18:05:00Z");
        let times = [-86_400, 0, 59, 1_687_889_100, 1_687_889_160, 4_102_444_800];
        let texts: Vec<String> = times.iter().map(|&t| utc_rfc3339(t)).collect();
        assert!(texts.windows(2).all(|w| w[0] < w[1]), "{texts:?}");
    }
}
