//! Render: one [`Report`] → text in the format asked for. A renderer never
//! re-reads a file; everything it shows comes from the report.

mod common;
mod csv;
mod docx;
#[cfg(test)]
mod fixture;
mod github;
mod html;
mod human;
mod json;
mod junit;
pub mod letter;
mod markdown;
pub mod page;
mod sarif;
mod text;

use crate::report::{Report, Severity};

/// Output formats of `ssos-lint check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Human,
    Text,
    Json,
    Sarif,
    Junit,
    Github,
    Markdown,
    Csv,
    /// A feedback letter per submission as a Word document (needs `--out DIR`).
    Docx,
    /// One self-contained page: a district x section matrix and every submission's findings.
    Html,
}

/// What a renderer may need beyond the report itself.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Use colour and Unicode graphics (human format on a terminal).
    pub color: bool,
    /// Show every section's full prompt checklist, not only the gaps.
    pub coverage: bool,
    /// Terminal width for wrapping (human/text); 0 = default.
    pub width: usize,
    /// `--quiet`: the human format prints the summary table and why an
    /// input could not be read, not each file's findings. Every other format
    /// is unchanged (quiet never removes findings).
    pub quiet: bool,
    /// The rules of the pack in use, for formats that list rule metadata (SARIF).
    pub rules: Vec<RuleMeta>,
    /// The pack in use, for the letters' wording and the guidance's quotes
    /// (the built-in pack when absent).
    pub pack: Option<std::sync::Arc<crate::pack::Pack>>,
    /// When, where and how long the run was (JUnit).
    pub run: RunInfo,
}

/// Facts about the run itself, for formats that record them.
#[derive(Debug, Clone, PartialEq)]
pub struct RunInfo {
    /// Start of the run, `2026-11-30T01:02:03` (UTC, no zone, as JUnit wants).
    pub timestamp: String,
    pub hostname: String,
    /// Wall-clock seconds the run took.
    pub seconds: f64,
}

impl Default for RunInfo {
    fn default() -> Self {
        RunInfo { timestamp: "1970-01-01T00:00:00".into(), hostname: "localhost".into(), seconds: 0.0 }
    }
}

impl RunInfo {
    /// A run that started at `start` and took `seconds`, on this machine.
    pub fn new(start: std::time::SystemTime, seconds: f64) -> Self {
        let stamp = crate::report::utc_timestamp(start);
        let hostname = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .or_else(|| std::env::var("HOSTNAME").ok())
            .or_else(|| std::env::var("COMPUTERNAME").ok())
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty() && !h.contains(char::is_whitespace))
            .unwrap_or_else(|| "localhost".into());
        RunInfo { timestamp: stamp.trim_end_matches('Z').to_string(), hostname, seconds }
    }
}

/// What a renderer knows about a rule.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub code: String,
    pub severity: Severity,
    pub summary: String,
    pub help: String,
    pub section: Option<String>,
    /// A page that explains the rule (the pack's `link`).
    pub link: Option<String>,
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: OutputFormat, options: &RenderOptions) -> String {
    match format {
        OutputFormat::Human => human::render(report, options),
        OutputFormat::Text => text::render(report, options),
        OutputFormat::Json => json::render(report),
        OutputFormat::Sarif => sarif::render(report, options),
        OutputFormat::Junit => junit::render(report, options),
        OutputFormat::Github => github::render(report),
        OutputFormat::Markdown => markdown::render(report, options),
        OutputFormat::Csv => csv::render(report),
        OutputFormat::Html => html::render(report, options),
        // Word letters are files: see [`letter_files`].
        OutputFormat::Docx => markdown::render(report, options),
    }
}

/// One file per submission for `--out DIR`: the feedback letters as Word
/// documents (`docx`) or Markdown drafts (`markdown`), named for the
/// district. Other formats give no files.
pub fn letter_files(
    report: &Report,
    format: OutputFormat,
    options: &RenderOptions,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let letters = letter::letters(report, options);
    match format {
        OutputFormat::Docx => letters.iter().map(|l| Ok((format!("{}.docx", l.name), docx::letter_docx(l)?))).collect(),
        OutputFormat::Markdown => {
            Ok(letters.iter().map(|l| (format!("{}.md", l.name), markdown::letter(l).into_bytes())).collect())
        }
        _ => Ok(Vec::new()),
    }
}
