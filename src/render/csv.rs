//! `--format csv`: one row per submission, for a spreadsheet across districts
//! (RFC 4180 quoting, `\n` line ends).

use super::common::*;
use crate::report::{FileReport, Report, SectionState, Severity};

const HEADER: &str = "path,attachment,district,status,errors,warnings,advice,missing_sections,empty_sections,\
                      priorities,benchmarks,superseded_by,email_date,email_from";

/// Columns of a row.
const COLUMNS: usize = 14;

pub fn render(report: &Report) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for f in &report.files {
        out.push_str(&row(f));
        out.push('\n');
    }
    // `--expect`: a row per expected district with no submission.
    for d in &report.missing_districts {
        let mut fields = vec![String::new(); COLUMNS];
        fields[2] = text(d);
        fields[3] = "missing".to_string();
        out.push_str(&fields.join(","));
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
        text(f.superseded_by.as_deref().unwrap_or("")),
        text(f.received.as_deref().unwrap_or("")),
        text(f.sender.as_deref().unwrap_or("")),
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
        assert_eq!(rows.len(), 5, "{out}");
        assert_eq!(rows[0].join(","), HEADER);
        assert!(rows.iter().all(|r| r.len() == COLUMNS), "{rows:?}");
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
                "4",
                "",
                "",
                ""
            ]
        );
        assert_eq!(rows[2][0], "drive/Springfield, MA/plan.doc");
        assert_eq!(rows[2][3], "error");
        assert_eq!(rows[3][2], "Worcester, MA");
        assert!(out.contains("\"drive/Springfield, MA/plan.doc\""));
        assert!(out.contains(",\"Worcester, MA\","));
        // The expected district with no submission has a row of its own.
        assert_eq!(rows[4][2..4], ["Boston", "missing"]);
    }

    #[test]
    fn superseded_submissions_carry_their_email() {
        let mut report = fixture::report();
        report.files[0].superseded_by = Some("inbox/lowell-v2.eml (Lowell v2.docx)".into());
        report.files[0].received = Some("Mon, 2 Oct 2023 09:15:00 -0400".into());
        report.files[0].sender = Some("Ana Ruiz <aruiz@lowell.k12.ma.us>".into());
        let rows = parse(&render(&report));
        assert_eq!(
            rows[1][11..],
            [
                "inbox/lowell-v2.eml (Lowell v2.docx)",
                "Mon, 2 Oct 2023 09:15:00 -0400",
                "Ana Ruiz <aruiz@lowell.k12.ma.us>"
            ]
        );
    }

    #[test]
    fn quotes_doubled_and_formulas_defused() {
        let mut report = fixture::report();
        report.files[0].district = Some("The \"Spindle City\"\nLowell".into());
        report.files[2].district = Some("=HYPERLINK(\"x\")".into());
        report.files[0].sections[0].state = SectionState::Missing;
        let rows = parse(&render(&report));
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[1][2], "The \"Spindle City\"\nLowell");
        assert_eq!(rows[1][7], "priorities;resources");
        assert_eq!(rows[3][2], "'=HYPERLINK(\"x\")");
    }
}
