//! `--format human`: miette's graphical report for each finding, a coverage
//! checklist per submission, and a summary table across submissions.

use std::fmt::{self, Write as _};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use super::RenderOptions;
use super::common::*;
use crate::report::{Diagnostic, FileReport, PromptStatus, Report, SectionReport, SectionState, Severity, Status};

/// One finding as a miette diagnostic.
#[derive(Debug)]
pub(super) struct MietteDiag {
    code: String,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    source: Option<NamedSource<String>>,
    label: Option<LabeledSpan>,
}

impl MietteDiag {
    /// Wraps `d`; the source and label are attached only when the span lies
    /// inside the file's text, otherwise the location goes into the message.
    pub(super) fn new(f: &FileReport, d: &Diagnostic, width: usize) -> Self {
        let severity = match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        };
        // The message names its priority already ("... (priority 2).").
        let mut message = one_line(trim_stop(&d.message));
        let help = Some(d.help.trim()).filter(|h| !h.is_empty()).map(str::to_string);
        let (mut source, mut label) = (None, None);
        if let Some(src) = &f.source
            && let Some(span) = valid_span(&src.text, d.span)
        {
            // The snippet's title names the place in the document; the
            // extracted text's own line numbers mean nothing to the district.
            let mut name = if src.name.trim().is_empty() { short_name(f).to_string() } else { src.name.clone() };
            if let Some(loc) = &d.location {
                let _ = write!(name, ", {}", loc.describe());
            }
            let (cut, (start, end)) = snippet_window(&src.text, span, width.saturating_sub(12));
            source = Some(NamedSource::new(name, cut));
            label = Some(LabeledSpan::new_primary_with_span(Some(label_text(d)), (start, end - start)));
        } else if let Some(loc) = &d.location {
            let _ = write!(message, " ({})", loc.describe());
        }
        MietteDiag { code: d.code.clone(), severity, message, help, source, label }
    }
}

/// The short label under the underlined text.
fn label_text(d: &Diagnostic) -> String {
    if !d.items.is_empty() {
        let items: Vec<String> = d.items.iter().map(|i| humanize_item(i)).collect();
        format!("missing: {}", items.join(", "))
    } else if d.code.ends_with("::empty") {
        "no response here".to_string()
    } else if d.section.is_some() {
        "this section".to_string()
    } else {
        "here".to_string()
    }
}

impl fmt::Display for MietteDiag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MietteDiag {}

impl miette::Diagnostic for MietteDiag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.label.as_ref().map(|l| Box::new(std::iter::once(l.clone())) as Box<dyn Iterator<Item = _>>)
    }
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }
    fn bold(&self, t: &str) -> String {
        self.wrap("1", t)
    }
    fn red(&self, t: &str) -> String {
        self.wrap("31", t)
    }
    fn green(&self, t: &str) -> String {
        self.wrap("32", t)
    }
    fn yellow(&self, t: &str) -> String {
        self.wrap("33", t)
    }
    fn dim(&self, t: &str) -> String {
        self.wrap("2", t)
    }
    fn status(&self, s: Status) -> String {
        match s {
            Status::Pass => self.green(&self.bold("PASS")),
            Status::Fail => self.red(&self.bold("FAIL")),
            Status::Error => self.red(&self.bold("ERROR")),
        }
    }
}

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let paint = Paint { on: options.color };
    let theme = if options.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let width = if options.width == 0 { 100 } else { options.width };
    let handler =
        GraphicalReportHandler::new_themed(theme).without_primary_span_start().with_links(false).with_width(width);
    let mut out = String::new();

    for f in &report.files {
        if options.quiet {
            // Quiet: only why an input could not be read, one line each.
            for d in f.diagnostics.iter().filter(|_| f.status == Status::Error) {
                let _ = writeln!(out, "{}: {}: {}", display_name(f), d.severity.as_str(), one_line(&d.message));
            }
            continue;
        }
        let _ = writeln!(
            out,
            "{}  {}  {}",
            paint.bold(&display_name(f)),
            paint.dim(district_or_unknown(f)),
            paint.status(f.status)
        );
        if let Some(by) = &f.superseded_by {
            let _ = writeln!(out, "  note: superseded by {by}");
        }
        for c in &f.companions {
            let _ = writeln!(out, "  note: {} answered in {}", section_label(f, &c.section), c.attachment);
        }
        out.push('\n');
        for d in ordered_diagnostics(f) {
            let diag = MietteDiag::new(f, d, width);
            let mut block = String::new();
            if handler.render_report(&mut block, &diag).is_err() {
                // miette refused (it should not, spans are checked): plain fallback.
                block = format!("{}[{}]: {}\n  help: {}\n", d.severity.as_str(), d.code, diag.message, d.help);
            }
            out.push_str(&block);
            out.push('\n');
        }
        checklist(&mut out, f, options.coverage, &paint);
        out.push('\n');
    }
    summary(&mut out, report, &paint);
    out
}

/// Prompts met, out of all prompts of the section.
fn met(s: &SectionReport) -> (usize, usize) {
    (s.prompts.iter().filter(|p| p.status == PromptStatus::Met).count(), s.prompts.len())
}

fn has_gap(s: &SectionReport) -> bool {
    s.state != SectionState::Present || s.prompts.iter().any(|p| p.status != PromptStatus::Met)
}

fn checklist(out: &mut String, f: &FileReport, all: bool, paint: &Paint) {
    if f.sections.is_empty() {
        return;
    }
    let shown: Vec<&SectionReport> = f.sections.iter().filter(|s| all || has_gap(s)).collect();
    if shown.is_empty() {
        let left: usize = f.sections.iter().map(|s| s.judgement.len()).sum();
        let _ = writeln!(
            out,
            "  {} all {} sections present, every checkable ask met; {left} asks left to the reviewer",
            paint.green("✔"),
            f.sections.len()
        );
        return;
    }
    let title_w = shown.iter().map(|s| s.guidance_title.chars().count()).max().unwrap_or(0);
    let _ = writeln!(out, "  Coverage{}:", if all { "" } else { " gaps" });
    for s in shown {
        let (m, n) = met(s);
        let (mark, detail) = match s.state {
            SectionState::Missing => (paint.red("✘"), "missing".to_string()),
            SectionState::Empty => (paint.red("✘"), "empty".to_string()),
            SectionState::Present if m == n => (paint.green("✔"), format!("{m}/{n} prompts")),
            SectionState::Present => (paint.yellow("◐"), format!("{m}/{n} prompts")),
        };
        let pad = title_w - s.guidance_title.chars().count();
        let _ = writeln!(out, "  {mark} {} {}{}  {detail}", s.number, s.guidance_title, " ".repeat(pad));
        if all {
            for p in &s.prompts {
                let mark = match p.status {
                    PromptStatus::Met => paint.green("✔"),
                    PromptStatus::Partial => paint.yellow("◐"),
                    PromptStatus::Missing => paint.red("✘"),
                };
                let status = match p.status {
                    PromptStatus::Met => "met",
                    PromptStatus::Partial => "partial",
                    PromptStatus::Missing => "missing",
                };
                let ask = p.ask.clone().unwrap_or_else(|| humanize_item(&p.id));
                let _ = writeln!(out, "      {mark} {} ({status})", ask.trim_end_matches('.'));
                for e in &p.evidence {
                    let item = e.item.as_deref().map(|i| format!("{}: ", humanize_item(i))).unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "          {item}“{}” {}",
                        truncate(&one_line(&e.excerpt), 70),
                        paint.dim(&format!("({})", e.location.describe()))
                    );
                }
            }
            for j in &s.judgement {
                let _ = writeln!(out, "      {} {}", paint.dim("?"), paint.dim(&format!("left to the reviewer: {j}")));
            }
        }
    }
}

fn superseded(f: &FileReport) -> bool {
    f.superseded_by.is_some() && f.status != Status::Error
}

/// "FAIL", or "SUPERSEDED (FAIL)" for a submission a later one replaced.
fn status_cell(f: &FileReport) -> String {
    let status = f.status.as_str().to_uppercase();
    if superseded(f) { format!("SUPERSEDED ({status})") } else { status }
}

fn numbers(ns: &[u8]) -> String {
    ns.iter().map(u8::to_string).collect::<Vec<_>>().join(", ")
}

fn summary(out: &mut String, report: &Report, paint: &Paint) {
    if report.files.is_empty() {
        let _ = writeln!(out, "No submissions found.");
    } else {
        let header = ["District", "File", "Status", "Errors", "Warnings", "Missing", "Empty"];
        let rows: Vec<[String; 7]> = report
            .files
            .iter()
            .map(|f| {
                let file = match &f.attachment {
                    Some(a) => format!("{} ({})", f.path, a),
                    None => f.path.clone(),
                };
                [
                    truncate(district_or_unknown(f), 30),
                    truncate(&file, 60),
                    status_cell(f),
                    f.count(Severity::Error).to_string(),
                    f.count(Severity::Warning).to_string(),
                    numbers(&section_numbers_in_state(f, SectionState::Missing)),
                    numbers(&section_numbers_in_state(f, SectionState::Empty)),
                ]
            })
            .collect();
        let mut widths = header.map(|h| h.chars().count());
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let numeric = [false, false, false, true, true, false, false];
        // `file` paints the status cell (after padding is measured).
        let line = |cells: &[String], file: Option<&FileReport>| {
            let mut l = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let pad = " ".repeat(widths[i] - cell.chars().count());
                if let (2, Some(f)) = (i, file) {
                    let painted = if superseded(f) { paint.dim(cell) } else { paint.status(f.status) };
                    let _ = write!(l, "{painted}{pad}");
                } else if numeric[i] {
                    let _ = write!(l, "{pad}{cell}");
                } else {
                    let _ = write!(l, "{cell}{pad}");
                }
                if i + 1 < cells.len() {
                    l.push_str("  ");
                }
            }
            l.trim_end().to_string()
        };
        let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        let _ = writeln!(out, "{}", paint.bold(&line(&head, None)));
        let rule_len = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
        let _ = writeln!(out, "{}", "─".repeat(rule_len));
        for (row, f) in rows.iter().zip(&report.files) {
            let _ = writeln!(out, "{}", line(row, Some(f)));
        }
        let _ = writeln!(out, "{}", "─".repeat(rule_len));
    }
    let s = &report.summary;
    let (e, w, a) = report.files.iter().fold((0, 0, 0), |(e, w, a), f| {
        (e + f.count(Severity::Error), w + f.count(Severity::Warning), a + f.count(Severity::Advice))
    });
    let _ = writeln!(
        out,
        "{} submission{}: {} pass, {} fail, {} unreadable{}; {}, {}, {}",
        s.files,
        if s.files == 1 { "" } else { "s" },
        s.pass,
        s.fail,
        s.error,
        if s.superseded > 0 { format!(", {} superseded", s.superseded) } else { String::new() },
        plural(e, Severity::Error),
        plural(w, Severity::Warning),
        plural(a, Severity::Advice),
    );
    if !report.missing_districts.is_empty() {
        let _ = writeln!(
            out,
            "No submission from {} expected district{}: {}",
            report.missing_districts.len(),
            if report.missing_districts.len() == 1 { "" } else { "s" },
            report.missing_districts.join(", ")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    fn out() -> String {
        render(&fixture::report(), &fixture::options())
    }

    #[test]
    fn shows_codes_help_labels_and_headers() {
        let out = out();
        assert!(out.contains("inbox/lowell.eml → Lowell SSoS submission.docx  Lowell  FAIL"), "{out}");
        assert!(out.contains("drive/Springfield, MA/plan.doc  Springfield  ERROR"), "{out}");
        for code in [
            "ssos::section::missing",
            "ssos::section::empty",
            "ssos::stakeholders::group-missing",
            "ssos::analysis::no-student-work",
            "ssos::input::unsupported",
        ] {
            assert!(out.contains(code), "missing {code}:\n{out}");
        }
        assert!(out.contains("describe how families and community members were engaged"), "{out}");
        // The span is drawn with its label, against the district's words.
        assert!(out.contains("missing: families, community"), "{out}");
        assert!(out.contains("We met with teachers and principals"), "{out}");
        assert!(out.contains("[Lowell SSoS submission.docx, paragraph 41]"), "{out}");
        // Without a span the location is in the message.
        assert!(out.contains("student work (paragraph 21)"), "{out}");
        // The missing section is listed before the stakeholder warning (guidance order).
        assert!(out.find("ssos::analysis::").unwrap() < out.find("ssos::stakeholders::").unwrap());
        assert!(!out.contains('\x1b'), "no colour when color is off");
    }

    #[test]
    fn checklist_lists_gaps_only_unless_coverage() {
        let out = out();
        assert!(out.contains("◐ 3 Stakeholder Engagement"), "{out}");
        assert!(out.contains("2/5 prompts"), "{out}");
        assert!(out.contains("✘ 7 Resources"), "{out}");
        assert!(!out.contains("✔ 1 Priority(ies)"), "{out}");
        assert!(out.contains("all 8 sections present"), "{out}");
        let mut options = fixture::options();
        options.coverage = true;
        let full = render(&fixture::report(), &options);
        assert!(full.contains("✔ 1 Priority(ies)"), "{full}");
        assert!(full.contains("✔ equity gaps (met)\n          “English learners” (paragraph 14)"), "{full}");
        assert!(full.contains("✘ families (missing)"), "{full}");
    }

    #[test]
    fn summary_table_has_a_row_per_submission() {
        let out = out();
        let row = out
            .lines()
            .find(|l| l.starts_with("Lowell ") && l.contains("FAIL"))
            .unwrap_or_else(|| panic!("no Lowell row:\n{out}"));
        let cells: Vec<&str> = row.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
        assert_eq!(cells, ["Lowell", "inbox/lowell.eml (Lowell SSoS submission.docx)", "FAIL", "2", "1", "7", "5"]);
        assert!(out.lines().any(|l| l.starts_with("Worcester, MA") && l.contains("PASS")), "{out}");
        assert!(out.contains("3 submissions: 1 pass, 1 fail, 1 unreadable; 3 errors, 1 warning, 1 advice"));
        assert!(out.contains("No submission from 1 expected district: Boston"), "{out}");
    }

    #[test]
    fn long_paragraphs_are_clipped_to_the_width() {
        let mut report = fixture::report();
        let text =
            format!("# 3. Stakeholder Engagement\n{} we asked families {}\n", "word ".repeat(300), "more ".repeat(300));
        let start = text.find("families").unwrap();
        report.files[0].source.as_mut().unwrap().text = text;
        for d in &mut report.files[0].diagnostics {
            d.span = d.span.map(|_| (start, start + "families".len()));
        }
        let out = render(&report, &fixture::options());
        assert!(out.contains("we asked families"), "{out}");
        let widest = out.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest <= 104, "a line of {widest} characters:\n{out}");
    }

    #[test]
    fn quiet_keeps_the_summary_and_unreadable_inputs_only() {
        let mut options = fixture::options();
        options.quiet = true;
        let out = render(&fixture::report(), &options);
        assert!(out.contains("3 submissions: 1 pass, 1 fail, 1 unreadable"), "{out}");
        assert!(out.lines().any(|l| l.starts_with("Lowell ") && l.contains("FAIL")), "{out}");
        assert!(!out.contains("ssos::stakeholders::group-missing"), "{out}");
        assert!(out.contains("drive/Springfield, MA/plan.doc: error:"), "{out}");
    }

    #[test]
    fn colour_when_asked() {
        let mut options = fixture::options();
        options.color = true;
        let out = render(&fixture::report(), &options);
        assert!(out.contains('\x1b'));
    }

    #[test]
    fn out_of_range_span_is_dropped_not_fatal() {
        let mut report = fixture::report();
        report.files[0].diagnostics[2].span = Some((10_000, 10_010));
        let out = render(&report, &fixture::options());
        assert!(out.contains("families and community (paragraph 41)"), "{out}");
        assert!(!out.contains("missing: families, community"));
    }
}
