//! `--format github`: GitHub Actions workflow commands, one line per finding
//! (`::error file=…,title=…::message`), escaped per the runner's rules.

use std::fmt::Write as _;

use super::common::*;
use crate::report::{Diagnostic, FileReport, Report, Severity};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.files {
        for d in ordered_diagnostics(f) {
            out.push_str(&line(f, d));
            out.push('\n');
        }
    }
    out
}

fn line(f: &FileReport, d: &Diagnostic) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "notice",
    };
    let mut message = trim_stop(&d.message).to_string();
    let mut place = Vec::new();
    if let Some(a) = &f.attachment {
        place.push(format!("attachment '{a}'"));
    }
    if let Some(id) = &d.section {
        place.push(format!("section {}", section_label(f, id)));
    }
    if let Some(p) = d.priority {
        place.push(format!("priority {p}"));
    }
    if let Some(loc) = &d.location {
        place.push(loc.describe());
    }
    if !place.is_empty() {
        let _ = write!(message, " ({})", place.join(", "));
    }
    message.push('.');
    if !d.help.trim().is_empty() {
        let _ = write!(message, " Help: {}", d.help.trim());
    }
    format!(
        "::{command} file={},title={}::{}",
        escape_property(&f.path.replace('\\', "/")),
        escape_property(&d.code),
        escape_data(&message)
    )
}

/// Message text: `%`, CR and LF are encoded.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Property values: also `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    #[test]
    fn one_escaped_line_per_diagnostic() {
        let out = render(&fixture::report());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 5, "{out}");
        assert_eq!(
            lines[1],
            "::warning file=inbox/lowell.eml,title=ssos%3A%3Astakeholders%3A%3Agroup-missing::stakeholder engagement \
             does not describe input from families and community (attachment 'Lowell SSoS submission.docx', section \
             3. Stakeholder Engagement, paragraph 41). Help: describe how families and community members were \
             engaged (for example surveys or forums)"
        );
        assert!(lines[0].starts_with("::notice file=inbox/lowell.eml,title=ssos%3A%3Aanalysis%3A%3Ano-student-work::"));
        assert_eq!(lines.iter().filter(|l| l.starts_with("::error ")).count(), 3);
        // The unreadable file: comma in the path, newline and % in the message.
        let spring = lines[4];
        assert!(
            spring
                .starts_with("::error file=drive/Springfield%2C MA/plan.doc,title=ssos%3A%3Ainput%3A%3Aunsupported::"),
            "{spring}"
        );
        assert!(spring.contains("cannot be read%0A100%25 of its content"), "{spring}");
        assert!(!out.contains('\r'));
    }
}
