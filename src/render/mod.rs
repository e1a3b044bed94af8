//! Render: one [`Report`] → text in the format asked for. A renderer never
//! re-reads a file; everything it shows comes from the report.

mod common;
mod csv;
#[cfg(test)]
mod fixture;
mod github;
mod human;
mod json;
mod junit;
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
    /// The rules of the pack in use, for formats that list rule metadata (SARIF).
    pub rules: Vec<RuleMeta>,
}

/// What a renderer knows about a rule.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub code: String,
    pub severity: Severity,
    pub summary: String,
    pub help: String,
    pub section: Option<String>,
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: OutputFormat, options: &RenderOptions) -> String {
    match format {
        OutputFormat::Human => human::render(report, options),
        OutputFormat::Text => text::render(report, options),
        OutputFormat::Json => json::render(report),
        OutputFormat::Sarif => sarif::render(report, options),
        OutputFormat::Junit => junit::render(report),
        OutputFormat::Github => github::render(report),
        OutputFormat::Markdown => markdown::render(report),
        OutputFormat::Csv => csv::render(report),
    }
}
