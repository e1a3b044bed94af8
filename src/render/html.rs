//! `--format html`: one self-contained page for a reviewer across all
//! districts: the counts, a district × section matrix (met / partly /
//! missing / empty, as colour and as text), and each submission's findings
//! under an anchor of its own. Inline CSS only: no scripts, no external
//! assets, so the page can be mailed or archived as one file.

use std::fmt::Write as _;

use super::common::*;
use crate::report::{FileReport, PromptStatus, Report, SectionState, Severity, Status};

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4}\
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-top:1px solid #ccc;padding-top:1rem}\
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}\
th{background:#f0f0f0}td.met{background:#d7f0d9}td.partly{background:#fff1c2}td.missing{background:#f8d0d0}\
td.empty{background:#f3d9f7}td.fail,span.fail{color:#a00000;font-weight:bold}td.pass,span.pass{color:#006400;font-weight:bold}\
td.error,span.error{color:#a00000;font-weight:bold}td.superseded,span.superseded{color:#555}\
.counts li{display:inline;margin-right:1.5rem}.sev-error{color:#a00000}.sev-warning{color:#8a5a00}.sev-advice{color:#1f4e8c}\
code{font-size:.85em;color:#444}.legend span{padding:.1rem .4rem;margin-right:.5rem;border:1px solid #bbb}";

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => s.push(c),
        }
    }
    s
}

/// A section's cell: its class and its text.
fn cell(f: &FileReport, id: &str) -> (&'static str, String) {
    let Some(s) = f.section(id) else { return ("missing", "missing".to_string()) };
    match s.state {
        SectionState::Missing => {
            if f.companions.iter().any(|c| c.section == id) {
                ("met", "in companion".to_string())
            } else {
                ("missing", "missing".to_string())
            }
        }
        SectionState::Empty => ("empty", "empty".to_string()),
        SectionState::Present => {
            let met = s.prompts.iter().filter(|p| p.status == PromptStatus::Met).count();
            if met == s.prompts.len() {
                ("met", "met".to_string())
            } else {
                ("partly", format!("partly ({met}/{})", s.prompts.len()))
            }
        }
    }
}

fn status(f: &FileReport) -> (&'static str, String) {
    if f.superseded_by.is_some() && f.status != Status::Error {
        return ("superseded", format!("superseded ({})", f.status.as_str()));
    }
    match f.status {
        Status::Pass => ("pass", "pass".into()),
        Status::Fail => ("fail", "fail".into()),
        Status::Error => ("error", "unreadable".into()),
    }
}

pub fn render(report: &Report, options: &super::RenderOptions) -> String {
    let pack = super::letter::pack_of(options);
    let product = esc(&pack.pack.product);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>Review summary: {product}</title>\n<style>{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<h1>Review summary: {product}</h1>");
    let s = &report.summary;
    let _ = writeln!(
        out,
        "<ul class=\"counts\"><li>{} submission{}</li><li><span class=\"pass\">{} pass</span></li><li><span class=\"fail\">{} fail</span></li><li><span class=\"error\">{} unreadable</span></li><li><span class=\"superseded\">{} superseded</span></li></ul>",
        s.files,
        if s.files == 1 { "" } else { "s" },
        s.pass,
        s.fail,
        s.error,
        s.superseded
    );
    if !report.missing_districts.is_empty() {
        let _ = writeln!(
            out,
            "<p>No submission from {} expected district{}: {}.</p>",
            report.missing_districts.len(),
            if report.missing_districts.len() == 1 { "" } else { "s" },
            esc(&join_labels(&report.missing_districts))
        );
    }
    matrix(&mut out, report);
    for (i, f) in report.files.iter().enumerate() {
        submission(&mut out, i, f);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The section columns: from the first readable submission (all list the
/// pack's sections in the guidance's order).
fn columns(report: &Report) -> Vec<(String, u8, String)> {
    report
        .files
        .iter()
        .find(|f| !f.sections.is_empty())
        .map(|f| f.sections.iter().map(|s| (s.id.clone(), s.number, s.guidance_title.clone())).collect())
        .unwrap_or_default()
}

fn matrix(out: &mut String, report: &Report) {
    let cols = columns(report);
    out.push_str("<h2 id=\"matrix\">Sections by district</h2>\n");
    out.push_str("<p class=\"legend\">Key: <span style=\"background:#d7f0d9\">met</span><span style=\"background:#fff1c2\">partly: some prompts not yet answered</span><span style=\"background:#f8d0d0\">missing</span><span style=\"background:#f3d9f7\">empty: heading without a response</span></p>\n");
    out.push_str("<table>\n<thead><tr><th scope=\"col\">District</th><th scope=\"col\">Submission</th><th scope=\"col\">Status</th>");
    for (_, n, title) in &cols {
        let _ = write!(out, "<th scope=\"col\" title=\"{}\">{n}. {}</th>", esc(title), esc(title));
    }
    out.push_str("<th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th></tr></thead>\n<tbody>\n");
    for (i, f) in report.files.iter().enumerate() {
        let (class, text) = status(f);
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td><a href=\"#s{i}\">{}</a></td><td class=\"{class}\">{text}</td>",
            esc(district_or_unknown(f)),
            esc(short_name(f))
        );
        if f.sections.is_empty() {
            let _ = write!(out, "<td colspan=\"{}\">could not be read</td>", cols.len().max(1));
        } else {
            for (id, _, _) in &cols {
                let (class, text) = cell(f, id);
                let _ = write!(out, "<td class=\"{class}\">{}</td>", esc(&text));
            }
        }
        let _ = writeln!(out, "<td>{}</td><td>{}</td></tr>", f.count(Severity::Error), f.count(Severity::Warning));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn submission(out: &mut String, i: usize, f: &FileReport) {
    let (class, text) = status(f);
    let _ = writeln!(
        out,
        "<h2 id=\"s{i}\">{} — {} <span class=\"{class}\">{}</span></h2>",
        esc(district_or_unknown(f)),
        esc(short_name(f)),
        esc(&text)
    );
    let mut facts = Vec::new();
    if f.attachment.is_some() {
        facts.push(format!("Received in {}", esc(&f.path)));
    }
    if let Some(date) = &f.received {
        facts.push(format!("dated {}", esc(date)));
    }
    if let Some(from) = &f.sender {
        facts.push(format!("from {}", esc(from)));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "<p>{}.</p>", facts.join(", "));
    }
    if let Some(by) = &f.superseded_by {
        let _ = writeln!(out, "<p>Superseded by {}.</p>", esc(by));
    }
    for c in &f.companions {
        let _ = writeln!(out, "<p>{} is answered in {}.</p>", esc(&section_label(f, &c.section)), esc(&c.attachment));
    }
    if f.diagnostics.is_empty() {
        out.push_str("<p>No findings: every section is present and every prompt met.</p>\n");
    } else {
        out.push_str("<ul>\n");
        for d in ordered_diagnostics(f) {
            let mut line = format!("<li><strong class=\"sev-{sev}\">{sev}</strong> ", sev = d.severity.as_str());
            if let Some(id) = d.section.as_deref() {
                let _ = write!(line, "<em>{}</em>: ", esc(&section_label(f, id)));
            }
            line.push_str(&esc(&sentence(&one_line(&d.message))));
            if let Some(loc) = &d.location {
                let _ = write!(line, " <small>({})</small>", esc(&loc.describe()));
            }
            if !d.help.trim().is_empty() {
                let _ = write!(line, "<br>{}", esc(&sentence(&one_line(&d.help))));
            }
            let _ = write!(line, " <code>{}</code></li>", esc(&d.code));
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<p><a href=\"#matrix\">Back to the matrix</a></p>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    #[test]
    fn one_self_contained_page_with_a_matrix_and_anchors() {
        let out = render(&fixture::report(), &Default::default());
        assert!(out.starts_with("<!DOCTYPE html>"));
        for banned in ["<script", "src=", "<link", "http://", "https://", "url("] {
            assert!(!out.contains(banned), "{banned} in a self-contained page");
        }
        // A row per submission, linking to its anchor.
        for i in 0..3 {
            assert!(out.contains(&format!("href=\"#s{i}\"")) && out.contains(&format!("id=\"s{i}\"")), "{out}");
        }
        // State as colour (class) and as text.
        assert!(out.contains("<td class=\"missing\">missing</td>"), "{out}");
        assert!(out.contains("<td class=\"empty\">empty</td>"), "{out}");
        assert!(out.contains("<td class=\"partly\">partly (2/5)</td>"), "{out}");
        assert!(out.contains("<td class=\"met\">met</td>"), "{out}");
        assert!(out.contains("<li>3 submissions</li>"), "{out}");
        assert!(out.contains("No submission from 1 expected district: Boston."), "{out}");
        assert!(out.contains("<td colspan=\"8\">could not be read</td>"), "{out}");
        assert!(out.contains("<code>ssos::stakeholders::group-missing</code>"), "{out}");
    }

    #[test]
    fn district_text_is_escaped() {
        let mut report = fixture::report();
        report.files[0].district = Some("<img src=x onerror=alert(1)>".into());
        let out = render(&report, &Default::default());
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn superseded_submissions_are_marked() {
        let mut report = fixture::report();
        report.files[0].superseded_by = Some("inbox/lowell-v2.eml".into());
        let out = render(&report, &Default::default());
        assert!(out.contains("<td class=\"superseded\">superseded (fail)</td>"), "{out}");
        assert!(out.contains("Superseded by inbox/lowell-v2.eml."), "{out}");
    }
}
