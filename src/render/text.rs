//! `--format text`: the same findings as plain sentences, for screen readers
//! and email bodies ("Section 7, Resources, is missing. Add …"). No
//! snippets, box drawing or colour.

use std::fmt::Write as _;

use super::RenderOptions;
use super::common::*;
use crate::report::{Diagnostic, FileReport, PromptStatus, Report, SectionState, Severity, Status};

pub fn render(report: &Report, options: &RenderOptions) -> String {
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
            let _ = writeln!(out, "{}\n", finding(f, d));
        }
        coverage(&mut out, f, options.coverage);
    }
    summary(&mut out, report);
    out
}

/// One finding as a few plain sentences: how much it weighs, what is wrong
/// (a section named "Section 7, Resources,"), where, how to fix it, and the
/// rule code last.
fn finding(f: &FileReport, d: &Diagnostic) -> String {
    let weight = match d.severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Advice => "Advice",
    };
    let mut message = one_line(&d.message);
    if let Some(s) = d.section.as_deref().and_then(|id| f.section(id)) {
        let spoken = format!("{}, {},", s.number, s.guidance_title);
        for quoted in [format!("\"{}. {}\"", s.number, s.guidance_title), format!("\"{}\"", s.guidance_title)] {
            message = message.replace(&quoted, &spoken);
        }
        message = message.replace(&format!("{} ({})", s.number, s.guidance_title), &spoken);
        message = message.replace(",, ", ", ").replace(",:", ":").replace(",.", ".");
        if !message.to_lowercase().starts_with("section") {
            message = format!("Section {}, {}: {}", s.number, s.guidance_title, message);
        }
    }
    let mut out = format!("{weight}. {}", sentence(&message));
    if let Some(p) = d.priority {
        let _ = write!(out, " This concerns priority {p}.");
    }
    let lower = d.message.to_lowercase();
    let unnamed: Vec<String> =
        d.items.iter().map(|i| humanize_item(i)).filter(|i| !lower.contains(&i.to_lowercase())).collect();
    if !unnamed.is_empty() {
        let _ = write!(out, " Missing: {}.", join_labels(&unnamed));
    }
    if let Some(loc) = &d.location {
        let _ = write!(out, " It is at {}", loc.describe());
        match loc.excerpt.as_deref().map(one_line).filter(|e| !e.is_empty()) {
            Some(e) => {
                let _ = write!(out, ", which reads: \u{201c}{}\u{201d}.", truncate(&e, 80));
            }
            None => out.push('.'),
        }
    }
    if !d.help.trim().is_empty() {
        let _ = write!(out, " {}", sentence(&one_line(&d.help)));
    }
    let _ = write!(out, " (Rule {}.)", d.code);
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
            "All {} sections are present and every ask that text can show is met; {left} asks are left to the reviewer's judgement (see --coverage).",
            f.sections.len()
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
        assert!(out.contains("Warning. Section 3, Stakeholder Engagement: stakeholder engagement does not describe input from families and community."), "{out}");
        assert!(out.contains("(Rule ssos::stakeholders::group-missing.)"), "{out}");
        assert!(out.contains("Error. Section 7, Resources, is missing."), "{out}");
        assert!(out.contains("It is at paragraph 41. Describe how families"), "{out}");
        assert!(!out.contains("snippet") && !out.contains("Diagnostic severity"), "{out}");
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
