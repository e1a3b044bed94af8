//! `--format markdown`: a feedback draft per submission that a reviewer can
//! edit and send back to the district. Rule codes stay out of the prose and
//! appear only as footnotes.

use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;

use super::common::*;
use crate::report::{Diagnostic, FileReport, PromptStatus, Report, SectionState, Severity, Status};

/// Footnote numbering, unique across the whole output (GFM footnotes are
/// document-wide).
struct Notes {
    next: usize,
    defs: Vec<String>,
}

impl Notes {
    fn add(&mut self, code: &str) -> String {
        self.next += 1;
        self.defs.push(format!("[^{}]: `{}`", self.next, code));
        format!("[^{}]", self.next)
    }

    fn flush(&mut self, out: &mut String) {
        if !self.defs.is_empty() {
            out.push('\n');
            for d in self.defs.drain(..) {
                out.push_str(&d);
                out.push('\n');
            }
        }
    }
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let mut notes = Notes { next: 0, defs: Vec::new() };
    let year = school_year(&report.rules.id);
    for (i, f) in report.files.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        if f.status == Status::Error {
            unreadable(&mut out, f, &mut notes);
        } else {
            draft(&mut out, f, &year, &mut notes);
        }
        notes.flush(&mut out);
    }
    out
}

/// Escapes text from the district or the checker so it shows literally.
fn esc(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// A checker-written message or help as a plain sentence: rule codes that
/// slipped into the text are dropped (they live in the footnotes).
fn prose(text: &str) -> String {
    static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`?ssos::[A-Za-z0-9_:-]+`?").expect("valid regex"));
    let cleaned = CODE.replace_all(text, "this finding");
    esc(&sentence(&cleaned))
}

fn heading(out: &mut String, f: &FileReport) {
    let district = district_or_unknown(f);
    let _ = writeln!(out, "## {} — {}\n", esc(district), esc(short_name(f)));
    if f.attachment.is_some() {
        let _ = writeln!(out, "_Received as an attachment to {}._\n", esc(&f.path));
    }
    match &f.district {
        Some(d) if !d.trim().is_empty() => {
            let _ = writeln!(out, "Dear {} leadership team,\n", esc(d));
        }
        _ => out.push_str("Dear district leadership team,\n\n"),
    }
}

fn closing(out: &mut String) {
    out.push_str(
        "Thank you again for your work on this plan. Your SSoS regional assistance team is glad to \
         talk through any of these points and to support your revisions.\n\n\
         Sincerely,  \n[Reviewer name]  \nStatewide System of Support\n",
    );
}

fn unreadable(out: &mut String, f: &FileReport, notes: &mut Notes) {
    heading(out, f);
    let _ = writeln!(
        out,
        "Thank you for sending your District Prioritization Submission. Unfortunately we could not \
         open the file {}.",
        esc(short_name(f))
    );
    out.push('\n');
    for d in &f.diagnostics {
        let mut line = prose(&d.message);
        if !d.help.trim().is_empty() {
            line.push(' ');
            line.push_str(&prose(&d.help));
        }
        line.push_str(&notes.add(&d.code));
        let _ = writeln!(out, "{line}\n");
    }
    out.push_str(
        "Please resend your plan as a Word document (.docx) or an Excel workbook (.xlsx) to \
         ssos1@mass.gov so that we can review it.\n\n",
    );
    closing(out);
}

/// How much the finding weighs, said to a district.
fn weight(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Required",
        Severity::Warning => "Recommended",
        Severity::Advice => "Suggestion",
    }
}

fn bullet(out: &mut String, d: &Diagnostic, notes: &mut Notes) {
    let mut line = format!("- **{}.** ", weight(d.severity));
    let mut msg = prose(&d.message);
    let mut place = Vec::new();
    if let Some(p) = d.priority {
        place.push(format!("priority {p}"));
    }
    if let Some(loc) = &d.location {
        place.push(loc.describe());
    }
    if !place.is_empty() {
        msg = format!("{} (see {}).", trim_stop(&msg), esc(&place.join(", ")));
    }
    line.push_str(&msg);
    // Items the message does not already name.
    let lower = d.message.to_lowercase();
    let unnamed: Vec<String> =
        d.items.iter().map(|i| humanize_item(i)).filter(|i| !lower.contains(&i.to_lowercase())).collect();
    if !unnamed.is_empty() {
        let _ = write!(line, " Not yet addressed: {}.", esc(&join_labels(&unnamed)));
    }
    if !d.help.trim().is_empty() {
        line.push(' ');
        line.push_str(&prose(&d.help));
    }
    line.push_str(&notes.add(&d.code));
    let _ = writeln!(out, "{line}");
}

/// "for the 2023–24 school year" from a rules pack id ending in `2023-24`.
fn school_year(rules_id: &str) -> String {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{4})-(\d{2})$").expect("valid regex"));
    match YEAR.captures(rules_id) {
        Some(c) => format!(" for the {}–{} school year", &c[1], &c[2]),
        None => String::new(),
    }
}

fn draft(out: &mut String, f: &FileReport, year: &str, notes: &mut Notes) {
    heading(out, f);
    let _ = write!(
        out,
        "Thank you for your District Prioritization Submission{year}. We reviewed it against the \
         eight sections of the SSoS guidance. Below we note what the plan does well and what to \
         strengthen before you resubmit. "
    );
    out.push_str(match f.status {
        Status::Fail => "Points marked Required must be addressed before the plan can be accepted.\n\n",
        _ if f.diagnostics.is_empty() => "The plan addresses every section the guidance asks for.\n\n",
        _ => "The plan includes every required section; the points below would make it stronger.\n\n",
    });
    if let Some(by) = &f.superseded_by {
        let _ =
            writeln!(out, "<!-- Reviewer note: this submission is superseded by {}. -->\n", by.replace("--", "- -"));
    }

    out.push_str("### What the plan does well\n\n");
    let present: Vec<_> = f.sections.iter().filter(|s| s.state == SectionState::Present).collect();
    if present.is_empty() {
        out.push_str("We could not yet find a response to any of the guidance's sections.\n");
    }
    for s in &present {
        let _ = write!(out, "- **{}. {}**", s.number, esc(&s.guidance_title));
        let quote = s.excerpt.clone().filter(|e| !e.trim().is_empty()).or_else(|| {
            s.prompts
                .iter()
                .filter(|p| p.status == PromptStatus::Met)
                .flat_map(|p| p.evidence.first())
                .map(|e| e.excerpt.clone())
                .next()
        });
        match quote {
            Some(q) => {
                let _ = writeln!(out, ": “{}”", esc(&truncate(&one_line(&q), 160)));
            }
            None => out.push('\n'),
        }
    }
    for c in &f.companions {
        let _ = writeln!(
            out,
            "- **{}** is answered in the companion file {}.",
            esc(&section_label(f, &c.section)),
            esc(&c.attachment)
        );
    }
    out.push('\n');

    out.push_str("### What to strengthen before resubmission\n\n");
    if f.diagnostics.is_empty() {
        out.push_str("We found nothing that must change before the plan is accepted.\n\n");
    }
    // Sections with findings: sections that are missing or empty first, each
    // group in the guidance's order.
    let mut sections: Vec<(bool, u8, &str)> = Vec::new();
    for d in &f.diagnostics {
        if let Some(id) = d.section.as_deref()
            && !sections.iter().any(|(_, _, s)| *s == id)
        {
            let absent = f.section(id).is_some_and(|s| s.state != SectionState::Present);
            sections.push((!absent, section_number(f, Some(id)), id));
        }
    }
    sections.sort();
    for (present, _, id) in sections {
        let mut title = format!("#### {}", esc(&section_label(f, id)));
        if !present {
            let state = f.section(id).map(|s| s.state);
            title.push_str(if state == Some(SectionState::Empty) { " (no response yet)" } else { " (not found)" });
        }
        let _ = writeln!(out, "{title}\n");
        let mut ds: Vec<&Diagnostic> = f.diagnostics.iter().filter(|d| d.section.as_deref() == Some(id)).collect();
        ds.sort_by_key(|d| std::cmp::Reverse(d.severity));
        for d in ds {
            bullet(out, d, notes);
        }
        out.push('\n');
    }
    let document: Vec<&Diagnostic> = f.diagnostics.iter().filter(|d| d.section.is_none()).collect();
    if !document.is_empty() {
        out.push_str("#### The document as a whole\n\n");
        for d in document {
            bullet(out, d, notes);
        }
        out.push('\n');
    }
    closing(out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    /// The draft for one submission (the output split on `---`).
    fn drafts() -> Vec<String> {
        render(&fixture::report()).split("\n---\n").map(str::to_string).collect()
    }

    fn body_and_notes(draft: &str) -> (String, String) {
        let (body, notes): (Vec<&str>, Vec<&str>) = draft.lines().partition(|l| !l.starts_with("[^"));
        (body.join("\n"), notes.join("\n"))
    }

    #[test]
    fn one_draft_per_submission() {
        let drafts = drafts();
        assert_eq!(drafts.len(), 3);
        assert!(drafts[0].starts_with("## Lowell — Lowell SSoS submission.docx\n"), "{}", drafts[0]);
        assert!(drafts[0].contains("Dear Lowell leadership team,"));
        assert!(drafts[0].contains("Submission for the 2023–24 school year."));
        assert!(drafts[0].contains("Points marked Required must be addressed"));
        assert!(drafts[2].contains("The plan addresses every section"));
        assert!(drafts[2].contains("## Worcester, MA — drive/worcester plan.xlsx"), "{}", drafts[2]);
        // `---` must not turn the closing line into a setext heading.
        let all = render(&fixture::report());
        assert!(all.contains("\n\n---\n\n"));
    }

    #[test]
    fn sections_in_guidance_order_with_codes_only_in_footnotes() {
        let d = &drafts()[0];
        let (body, notes) = body_and_notes(d);
        assert!(!body.contains("ssos::"), "{body}");
        for code in [
            "ssos::section::missing",
            "ssos::section::empty",
            "ssos::stakeholders::group-missing",
            "ssos::analysis::no-student-work",
        ] {
            assert!(notes.contains(&format!("`{code}`")), "{notes}");
        }
        // Every footnote reference has a definition.
        for n in 1..=4 {
            assert!(body.contains(&format!("[^{n}]")) && notes.contains(&format!("[^{n}]: ")));
        }
        // Strengths, in guidance order.
        let well = &body[body.find("What the plan does well").unwrap()..body.find("What to strengthen").unwrap()];
        let positions: Vec<usize> = [
            "**1. Priority(ies)**",
            "**2. Analysis of Strengths and Challenges**",
            "**3. Stakeholder Engagement**",
            "**4. Outcomes**",
            "**6. Monitoring Implementation**",
            "**8. Differentiation**",
        ]
        .iter()
        .map(|t| well.find(t).unwrap_or_else(|| panic!("{t} not in {well}")))
        .collect();
        assert!(positions.is_sorted(), "{well}");
        assert!(!well.contains("5. Role Clarity") && !well.contains("7. Resources"));
        assert!(well.contains("“We met with teachers and principals"));
        // To strengthen: absent sections first (in order), then the others (in order).
        let fix = &body[body.find("What to strengthen").unwrap()..];
        let positions: Vec<usize> = [
            "#### 5. Role Clarity (no response yet)",
            "#### 7. Resources (not found)",
            "#### 2. Analysis of Strengths and Challenges",
            "#### 3. Stakeholder Engagement",
        ]
        .iter()
        .map(|t| fix.find(t).unwrap_or_else(|| panic!("{t} not in {fix}")))
        .collect();
        assert!(positions.is_sorted(), "{fix}");
        assert!(
            fix.contains(
                "- **Recommended.** Stakeholder engagement does not describe input from families and community \
             (see paragraph 41). Describe how families and community members were engaged"
            ),
            "{fix}"
        );
        assert!(fix.contains("**Suggestion.**") && fix.contains("**Required.**"));
    }

    #[test]
    fn unreadable_file_asks_for_docx_or_xlsx() {
        let d = &drafts()[1];
        let (body, notes) = body_and_notes(d);
        assert!(body.contains("Dear Springfield leadership team"), "{body}");
        assert!(body.contains("could not open the file drive/Springfield, MA/plan.doc"), "{body}");
        assert!(body.contains("A Word 97-2003 document (.doc) cannot be read 100% of its content"), "{body}");
        assert!(body.contains("(.docx) or an Excel workbook (.xlsx)"));
        assert!(!body.contains("ssos::"));
        assert!(notes.contains("`ssos::input::unsupported`"));
        assert!(!body.contains("What the plan does well"));
    }

    #[test]
    fn district_text_is_escaped_and_codes_in_help_are_removed() {
        let mut report = fixture::report();
        report.files[0].district = Some("Lowell <script>*".into());
        report.files[0].diagnostics[0].help = "see `ssos::section::missing` in the guide".into();
        let out = render(&report);
        assert!(out.contains("Dear Lowell \\<script\\>\\* leadership team"), "{out}");
        let (body, _) = body_and_notes(&out);
        assert!(!body.contains("ssos::"), "{body}");
    }
}
