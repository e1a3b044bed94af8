//! Report: the one value every renderer draws from, and the JSON contract of
//! SPEC.md (`schemas/report.schema.json` is generated from these types).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::model::{CellRef, Evidence, Location, PromptStatus, SectionState, Severity};

pub const SCHEMA_VERSION: u32 = 1;

/// The whole run: every file checked, and the totals.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub rules: RulesInfo,
    pub files: Vec<FileReport>,
    pub summary: Summary,
    /// With `--expect`: districts of the registry with no submission in the run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_districts: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

impl Default for Tool {
    fn default() -> Self {
        Tool { name: env!("CARGO_PKG_NAME").to_string(), version: env!("CARGO_PKG_VERSION").to_string() }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct RulesInfo {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// No error-level finding.
    Pass,
    /// At least one error-level finding.
    Fail,
    /// The file could not be read.
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Error => "error",
        }
    }
}

/// One submission: a file, or one attachment of an email or archive.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct FileReport {
    /// The file on disk.
    pub path: String,
    /// The attachment or archive member, when the file came out of one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachment: Option<String>,
    /// Detected format (`docx`, `xlsx`, ...), or null when unreadable.
    pub format: Option<String>,
    /// The submitting district, when it could be identified.
    pub district: Option<String>,
    pub status: Status,
    /// Every section of the rules pack, in the guidance's order (empty when unreadable).
    pub sections: Vec<SectionReport>,
    pub priorities: Count,
    pub benchmarks: Count,
    pub diagnostics: Vec<Diagnostic>,
    /// Other files of the same email that answered sections this one lacks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub companions: Vec<Companion>,
    /// Set when another submission from the same district supersedes this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
    /// The extracted text diagnostics point into (not serialized): renderers
    /// use it as miette's source so labels land on the district's words.
    #[serde(skip)]
    #[schemars(skip)]
    pub source: Option<SourceText>,
    /// The email or archive this entry came out of (not serialized).
    #[serde(skip)]
    #[schemars(skip)]
    pub package: Option<String>,
    /// The Date header of the e-mail it came in, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<String>,
    /// The From header of the e-mail it came in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
}

/// The document's extracted text, as one string with a heading line per block group.
#[derive(Debug, Clone, Default)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    pub fn section(&self, id: &str) -> Option<&SectionReport> {
        self.sections.iter().find(|s| s.id == id)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
pub struct Count {
    pub count: usize,
}

/// A companion file of the same package that answered a section.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Companion {
    pub section: String,
    pub attachment: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct SectionReport {
    /// Stable section id (`priorities`, `analysis`, ...).
    pub id: String,
    /// The section's number in the guidance (1-8).
    pub number: u8,
    /// The guidance's title for the section ("Stakeholder Engagement").
    pub guidance_title: String,
    /// Whether a heading or content for the section was found.
    pub found: bool,
    pub state: SectionState,
    /// The heading as the district wrote it, or the guidance's title when missing.
    pub title: String,
    pub location: Option<Location>,
    /// Words of the district's response (prompt text and placeholders excluded).
    pub words: usize,
    /// The opening of the district's response, for a short quotation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// Which priorities the section's parts belong to, when repeated per priority.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<usize>,
    /// Coverage of the section's sub-prompts.
    pub prompts: Vec<PromptCoverage>,
    /// The section's asks that text cannot show, left to the reviewer's judgement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub judgement: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct PromptCoverage {
    pub id: String,
    /// The guidance's ask, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask: Option<String>,
    pub status: PromptStatus,
    /// The district's text that satisfied the prompt, quoted.
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// Stable code, `ssos::<area>::<kebab-name>`.
    pub code: String,
    pub severity: Severity,
    /// The section concerned, or null for document-level findings.
    pub section: Option<String>,
    /// Missing items, for codes with a list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// The priority (1-based) this finding is about, when sections repeat per priority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<usize>,
    pub message: String,
    pub help: String,
    pub location: Option<Location>,
    /// Byte range `(start, end)` in the file's [`SourceText`] this finding points at (not serialized).
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    pub files: usize,
    pub pass: usize,
    pub fail: usize,
    pub error: usize,
    /// Submissions replaced by a later one from the same district: counted
    /// here only, never as a pass or a failure.
    #[serde(default)]
    pub superseded: usize,
}

impl Summary {
    pub fn tally(files: &[FileReport]) -> Self {
        let mut s = Summary { files: files.len(), ..Default::default() };
        for f in files {
            if f.superseded_by.is_some() && f.status != Status::Error {
                s.superseded += 1;
                continue;
            }
            match f.status {
                Status::Pass => s.pass += 1,
                Status::Fail => s.fail += 1,
                Status::Error => s.error += 1,
            }
        }
        s
    }
}

impl Report {
    /// `--deny warnings`: a submission with a warning fails, in its status
    /// and in the totals, not only in the exit code.
    pub fn deny_warnings(&mut self) {
        for f in &mut self.files {
            if f.status == Status::Pass && f.diagnostics.iter().any(|d| d.severity == Severity::Warning) {
                f.status = Status::Fail;
            }
        }
        self.summary = Summary::tally(&self.files);
    }
}

/// `2026-11-30T01:02:03Z` for a time (UTC, whole seconds), for JUnit
/// timestamps and comment dates; no time-zone database needed.
pub fn utc_timestamp(time: std::time::SystemTime) -> String {
    let secs = time.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn timestamps_are_civil_dates() {
        assert_eq!(super::utc_timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        assert_eq!(super::utc_timestamp(UNIX_EPOCH + Duration::from_secs(951_782_400)), "2000-02-29T00:00:00Z");
        assert_eq!(super::utc_timestamp(UNIX_EPOCH + Duration::from_secs(1_796_000_000)), "2026-11-30T00:53:20Z");
    }
}

/// The section map printed by `ssos-lint extract` (`schemas/submission.schema.json`).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct SubmissionMap {
    pub schema_version: u32,
    pub path: String,
    pub format: String,
    pub district: Option<String>,
    pub sections: Vec<ExtractedSection>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct ExtractedSection {
    pub id: String,
    pub found: bool,
    pub state: SectionState,
    pub heading: Option<String>,
    pub location: Option<Location>,
    /// The district's response text (prompt text and placeholders removed).
    pub text: String,
    /// The parts of the response, one per priority when repeated per priority.
    pub parts: Vec<ExtractedPart>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct ExtractedPart {
    pub priority: Option<usize>,
    pub heading: Option<String>,
    pub location: Option<Location>,
    pub text: String,
}
