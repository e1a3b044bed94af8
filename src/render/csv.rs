//! `--format csv`: one row per submission, for a spreadsheet across districts
//! (RFC 4180 quoting, `\n` line ends).

use super::common::*;
use crate::report::{FileReport, Report, SectionState, Severity};

const HEADER: &str =
    "path,attachment,district,status,errors,warnings,advice,missing_sections,empty_sections,priorities,benchmarks";

pub fn render(report: &Report) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for f in &report.files {
        out.push_str(&row(f));
        out.push('\n');
    }
    out
}

fn row(f: &FileReport) -> String {
    let fields = [
        text(&f.path),
        text(f.attachment.as_deref().unwrap_or("")),
        text(f.district.as_deref().unwrap_or("")),
        f.status.as_str().to_string(),
        f.count(Severity::Error).to_string(),
        f.count(Severity::Warning).to_string(),
        f.count(Severity::Advice).to_string(),
        quote(&sections_in_state(f, SectionState::Missing).join(";")),
        quote(&sections_in_state(f, SectionState::Empty).join(";")),
        f.priorities.count.to_string(),
        f.benchmarks.count.to_string(),
    ];
    fields.join(",")
}

/// A free-text field: quoted as needed, and kept from being read as a
/// formula by spreadsheets (a leading `=`, `+`, `-`, `@` gets a `'`).
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { quote(&format!("'{value}")) } else { quote(value) }
}

/// RFC 4180: fields holding a comma, quote, or line break are quoted, with
/// quotes doubled.
fn quote(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    /// A minimal RFC 4180 reader, to check the output parses back.
    fn parse(input: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let (mut row, mut field) = (Vec::new(), String::new());
        let mut chars = input.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(!quoted && field.is_empty() && row.is_empty(), "unterminated record");
        rows
    }

    #[test]
    fn one_row_per_submission_with_quoting() {
        let out = render(&fixture::report());
        let rows = parse(&out);
        assert_eq!(rows.len(), 4, "{out}");
        assert_eq!(rows[0].join(","), HEADER);
        assert!(rows.iter().all(|r| r.len() == 11), "{rows:?}");
        assert_eq!(
            rows[1],
            [
                "inbox/lowell.eml",
                "Lowell SSoS submission.docx",
                "Lowell",
                "fail",
                "2",
                "1",
                "1",
                "resources",
                "role_clarity",
                "1",
                "4"
            ]
        );
        assert_eq!(rows[2][0], "drive/Springfield, MA/plan.doc");
        assert_eq!(rows[2][3], "error");
        assert_eq!(rows[3][2], "Worcester, MA");
        assert!(out.contains("\"drive/Springfield, MA/plan.doc\""));
        assert!(out.contains(",\"Worcester, MA\","));
    }

    #[test]
    fn quotes_doubled_and_formulas_defused() {
        let mut report = fixture::report();
        report.files[0].district = Some("The \"Spindle City\"\nLowell".into());
        report.files[2].district = Some("=HYPERLINK(\"x\")".into());
        report.files[0].sections[0].state = SectionState::Missing;
        let rows = parse(&render(&report));
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1][2], "The \"Spindle City\"\nLowell");
        assert_eq!(rows[1][7], "priorities;resources");
        assert_eq!(rows[3][2], "'=HYPERLINK(\"x\")");
    }
}
