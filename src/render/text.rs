//! `--format text`: the same findings as plain sentences, for screen readers
//! and email bodies: miette's narratable handler for each finding, and plain
//! sentences around it. No box drawing, no colour.

use std::fmt::Write as _;

use miette::NarratableReportHandler;

use super::RenderOptions;
use super::common::*;
use super::human::MietteDiag;
use crate::report::{FileReport, PromptStatus, Report, SectionState, Severity, Status};

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let handler = NarratableReportHandler::new();
    let width = if options.width == 0 { 100 } else { options.width };
    let mut out = String::new();
    for f in &report.files {
        let _ = writeln!(out, "{}", verdict(f));
        if f.attachment.is_some() {
            let _ = writeln!(out, "The file came as an attachment to {}.", f.path);
        }
        if let Some(by) = &f.superseded_by {
            let _ = writeln!(out, "This submission is superseded by {by}.");
        }
        for c in &f.companions {
            let _ =
                writeln!(out, "{} is answered in the companion file {}.", section_label(f, &c.section), c.attachment);
        }
        out.push('\n');
        for d in ordered_diagnostics(f) {
            let diag = MietteDiag::new(f, d, width);
            let mut block = String::new();
            if handler.render_report(&mut block, &diag).is_err() {
                block = format!(
                    "{}\n    Diagnostic severity: {}\ndiagnostic help: {}\n",
                    d.message,
                    d.severity.as_str(),
                    d.help
                );
            }
            out.push_str(&block);
            out.push('\n');
        }
        coverage(&mut out, f, options.coverage);
    }
    summary(&mut out, report);
    out
}

/// "Lowell, Lowell plan.docx: fails with 2 errors, 1 warning and 1 advice."
fn verdict(f: &FileReport) -> String {
    let who = format!("{}, {}", district_or_unknown(f), short_name(f));
    let counts = || {
        let parts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Advice]
            .into_iter()
            .map(|s| (f.count(s), s))
            .filter(|(n, _)| *n > 0)
            .map(|(n, s)| plural(n, s))
            .collect();
        join_labels(&parts)
    };
    match f.status {
        Status::Error => format!("{who}: could not be read."),
        Status::Fail => format!("{who}: fails with {}.", counts()),
        Status::Pass if f.diagnostics.is_empty() => format!("{who}: passes with no findings."),
        Status::Pass => format!("{who}: passes with {}.", counts()),
    }
}

fn coverage(out: &mut String, f: &FileReport, all: bool) {
    if f.sections.is_empty() {
        return;
    }
    let mut lines = Vec::new();
    for s in &f.sections {
        let met = s.prompts.iter().filter(|p| p.status == PromptStatus::Met).count();
        let line = match s.state {
            SectionState::Missing => {
                format!("Section {}, {}: missing.", s.number, s.guidance_title)
            }
            SectionState::Empty => format!("Section {}, {}: empty.", s.number, s.guidance_title),
            SectionState::Present if all || met < s.prompts.len() => {
                format!("Section {}, {}: {met} of {} prompts met.", s.number, s.guidance_title, s.prompts.len())
            }
            SectionState::Present => continue,
        };
        lines.push(line);
        if all {
            for p in &s.prompts {
                let status = match p.status {
                    PromptStatus::Met => "met",
                    PromptStatus::Partial => "partly met",
                    PromptStatus::Missing => "not met",
                };
                let ask = p.ask.clone().unwrap_or_else(|| humanize_item(&p.id));
                lines.push(format!("  Prompt {}: {status}.", ask.trim_end_matches('.')));
                for e in &p.evidence {
                    let item = e.item.as_deref().map(|i| format!(" ({})", humanize_item(i))).unwrap_or_default();
                    lines.push(format!(
                        "    Evidence{item} at {}: \"{}\".",
                        e.location.describe(),
                        one_line(&e.excerpt)
                    ));
                }
            }
            if !s.judgement.is_empty() {
                lines.push(format!("  Left to the reviewer's judgement: {}.", s.judgement.join("; ")));
            }
        }
    }
    if lines.is_empty() {
        let left: usize = f.sections.iter().map(|s| s.judgement.len()).sum();
        lines.push(format!(
            "All eight sections are present and every ask that text can show is met; {left} asks are left to the reviewer's judgement (see --coverage)."
        ));
    }
    for l in lines {
        let _ = writeln!(out, "{l}");
    }
    out.push('\n');
}

fn summary(out: &mut String, report: &Report) {
    let s = &report.summary;
    let _ = writeln!(
        out,
        "Checked {} submission{}: {} pass{}, {} fail{}, {} could not be read.",
        s.files,
        if s.files == 1 { "" } else { "s" },
        s.pass,
        if s.pass == 1 { "es" } else { "" },
        s.fail,
        if s.fail == 1 { "s" } else { "" },
        s.error
    );
    for f in &report.files {
        let missing = section_numbers_in_state(f, SectionState::Missing);
        let empty = section_numbers_in_state(f, SectionState::Empty);
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!("missing section{} {}", if missing.len() == 1 { "" } else { "s" }, list(&missing)));
        }
        if !empty.is_empty() {
            parts.push(format!("empty section{} {}", if empty.len() == 1 { "" } else { "s" }, list(&empty)));
        }
        if !parts.is_empty() {
            let _ = writeln!(out, "{}, {}: {}.", district_or_unknown(f), short_name(f), join_labels(&parts));
        }
    }
    if !report.missing_districts.is_empty() {
        let _ = writeln!(out, "No submission from: {}.", join_labels(&report.missing_districts));
    }
}

fn list(ns: &[u8]) -> String {
    join_labels(&ns.iter().map(u8::to_string).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    #[test]
    fn plain_sentences_without_box_drawing() {
        let out = render(&fixture::report(), &fixture::options());
        assert!(
            out.contains("Lowell, Lowell SSoS submission.docx: fails with 2 errors, 1 warning and 1 advice."),
            "{out}"
        );
        assert!(out.contains("Springfield, drive/Springfield, MA/plan.doc: could not be read."), "{out}");
        assert!(out.contains("Worcester, MA, drive/worcester plan.xlsx: passes with no findings."), "{out}");
        assert!(out.contains("Diagnostic severity: warning"), "{out}");
        assert!(out.contains("ssos::stakeholders::group-missing"), "{out}");
        assert!(out.contains("missing: families, community"), "{out}");
        assert!(out.contains("Section 3, Stakeholder Engagement: 2 of 5 prompts met."), "{out}");
        assert!(out.contains("Checked 3 submissions: 1 passes, 1 fails, 1 could not be read."), "{out}");
        assert!(out.contains("Lowell, Lowell SSoS submission.docx: missing section 7 and empty section 5."), "{out}");
        assert!(out.contains("No submission from: Boston."));
        let boxy = |c: char| ('\u{2500}'..='\u{259F}').contains(&c) || "☞⚠×✔✘◐".contains(c) || c == '\x1b';
        assert!(!out.chars().any(boxy), "{out}");
    }

    #[test]
    fn coverage_lists_every_prompt() {
        let mut options = fixture::options();
        options.coverage = true;
        let out = render(&fixture::report(), &options);
        assert!(out.contains("Section 1, Priority(ies): 3 of 3 prompts met."), "{out}");
        assert!(
            out.contains("  Prompt equity gaps: met.\n    Evidence at paragraph 14: \"English learners\"."),
            "{out}"
        );
        assert!(out.contains("  Prompt families: not met."), "{out}");
    }
}
