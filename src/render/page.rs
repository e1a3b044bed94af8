//! The self-check web page (`ssos-lint serve`): server-rendered HTML for a
//! district staffer, usable without JavaScript. The page carries no inline
//! script or style (the server's Content-Security-Policy forbids both); its
//! look comes from [`STYLESHEET`], served at [`STYLESHEET_PATH`], which also
//! holds the print layout.
//!
//! Like every renderer it draws only from the [`Report`]; the guidance's
//! words for each section and prompt come from the pack, through [`Guide`].

use std::fmt::Write as _;

use super::common::{humanize_item, one_line};
use crate::pack::Pack;
use crate::report::{
    Diagnostic, Evidence, FileReport, PromptCoverage, PromptStatus, Report, SectionReport, SectionState, Severity,
    Status,
};

/// Where the server serves [`STYLESHEET`].
pub const STYLESHEET_PATH: &str = "/static/page.css";

/// The page's stylesheet, screen and print.
pub const STYLESHEET: &str = include_str!("page.css");

/// The guidance's words the page quotes: each section's prompt, and for each
/// sub-prompt the ask it stands for and how to meet it.
#[derive(Debug, Clone, Default)]
pub struct Guide {
    /// What districts send and the edition of the guidance, as the pack names them.
    product: String,
    edition: String,
    sections: Vec<(String, String)>,
    prompts: Vec<GuidePrompt>,
}

#[derive(Debug, Clone)]
struct GuidePrompt {
    section: String,
    id: String,
    ask: String,
    help: String,
}

impl Guide {
    /// The guidance quoted by `pack`: section prompts, and per sub-prompt the
    /// quote and help of the rule that reports its coverage.
    pub fn of(pack: &Pack) -> Self {
        let sections = pack.sections.iter().map(|s| (s.id.clone(), s.prompt.clone())).collect();
        let mut prompts: Vec<GuidePrompt> = Vec::new();
        for rule in &pack.rules {
            let (Some(section), Some(id)) = (&rule.section, &rule.prompt) else { continue };
            if prompts.iter().any(|p| &p.section == section && &p.id == id) {
                continue;
            }
            let ask = rule.quote.as_ref().map_or_else(|| rule.summary.clone(), |q| q.text.clone());
            prompts.push(GuidePrompt { section: section.clone(), id: id.clone(), ask, help: rule.help.clone() });
        }
        Guide { product: pack.pack.product.clone(), edition: pack.pack.edition.clone(), sections, prompts }
    }

    fn section_prompt(&self, id: &str) -> Option<&str> {
        self.sections.iter().find(|(s, _)| s == id).map(|(_, p)| p.as_str())
    }

    fn prompt(&self, section: &str, id: &str) -> Option<&GuidePrompt> {
        self.prompts.iter().find(|p| p.section == section && p.id == id)
    }
}

/// What the forms on the page offer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Forms {
    /// The server can return the plan with a comment per finding (`POST /annotate`).
    pub annotate: bool,
}

/// Text with a capital first letter and a closing full stop.
pub fn sentence_case(text: &str) -> String {
    super::common::sentence(text)
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn document(title: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} – ssos-lint</title>\n<link rel=\"stylesheet\" href=\"{STYLESHEET_PATH}\">\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">Skip to the content</a>\n\
         <header class=\"site\"><p><a href=\"/\">Plan self-check</a></p></header>\n\
         <main id=\"main\" tabindex=\"-1\">\n{main}</main>\n\
         <footer class=\"site\"><p>Files are checked in memory and never kept.</p></footer>\n</body>\n</html>\n",
        escape(title)
    )
}

fn upload_form(forms: Forms, heading_id: &str) -> String {
    let mut out = format!(
        "<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\" aria-labelledby=\"{heading_id}\">\n\
         <p><label for=\"plan-{heading_id}\">Your plan (Word, Excel, PowerPoint, PDF, a saved email or a zip \
         file)</label><br>\n\
         <input type=\"file\" id=\"plan-{heading_id}\" name=\"plan\" accept=\"{}\" required></p>\n\
         <p><button type=\"submit\">Check my plan</button>",
        crate::read::formats::accept()
    );
    if forms.annotate {
        out.push_str(
            " <button type=\"submit\" formaction=\"/annotate\" class=\"secondary\">Download my plan with comments</button>",
        );
    }
    out.push_str("</p>\n</form>\n");
    out
}

/// The start page: what the check does, and the upload form.
pub fn home(guide: &Guide, forms: Forms) -> String {
    let mut main = format!(
        "<h1 id=\"start\">Check a {}</h1>\n\
         <p>Upload your plan to see which of the {} sections the {} asks for are missing or \
         incomplete, what to fix first, and how. Nothing uploaded is kept: files are checked in memory and \
         discarded.</p>\n",
        escape(&guide.product),
        guide.sections.len(),
        escape(&guide.edition)
    );
    main.push_str(&upload_form(forms, "start"));
    if forms.annotate {
        main.push_str(
            "<p class=\"note\">“Download my plan with comments” gives back your Word file with a comment at each \
             place to fix (Word files only).</p>\n",
        );
    }
    document("Check a plan", &main)
}

/// A page that says one thing (an error, a missing page), with a way back.
pub fn message(title: &str, text: &str) -> String {
    let main = format!("<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"/\">Check a plan</a></p>\n", escape(title), escape(text));
    document(title, &main)
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Pass => "Pass",
        Status::Fail => "Fail",
        Status::Error => "Could not read",
    }
}

fn state_words(state: SectionState) -> &'static str {
    match state {
        SectionState::Present => "Found",
        SectionState::Empty => "Found, but it has no response",
        SectionState::Missing => "Not found",
    }
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Must fix",
        Severity::Warning => "Should fix",
        Severity::Advice => "Suggestion",
    }
}

fn prompt_word(status: PromptStatus) -> &'static str {
    match status {
        PromptStatus::Met => "Met",
        PromptStatus::Partial => "Partly met",
        PromptStatus::Missing => "Missing",
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// The findings of one upload: a verdict, what to fix first, then each
/// section's checklist of the guidance's asks with the quoted evidence.
pub fn results(report: &Report, guide: &Guide, forms: Forms) -> String {
    let mut main = String::from("<h1>Results</h1>\n");
    let s = &report.summary;
    let _ = writeln!(
        main,
        "<p>{} checked: {} passed, {} failed, {} could not be read. The file was checked in memory and has not \
         been kept.</p>\n<p class=\"noprint\">To keep these results, print this page or save it as PDF with your \
         browser’s Print command (Ctrl+P, or ⌘P on a Mac); the printout leaves out the forms.</p>",
        count(s.files, "submission", "submissions"),
        s.pass,
        s.fail,
        s.error
    );
    for (index, file) in report.files.iter().enumerate() {
        file_section(&mut main, index, file, guide);
    }
    main.push_str("<section class=\"noprint\" aria-labelledby=\"again\">\n<h2 id=\"again\">Check another plan</h2>\n");
    main.push_str(&upload_form(forms, "again"));
    main.push_str("</section>\n");
    document("Results", &main)
}

fn file_name(file: &FileReport) -> String {
    match &file.attachment {
        Some(a) => format!("{a} (in {})", file.path),
        None => file.path.clone(),
    }
}

fn file_section(out: &mut String, index: usize, file: &FileReport, guide: &Guide) {
    let id = format!("f{index}");
    let _ = writeln!(
        out,
        "<section class=\"file\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>",
        escape(&file_name(file))
    );
    let _ = write!(
        out,
        "<p class=\"verdict\">Result: <strong class=\"{}\">{}</strong>",
        file.status.as_str(),
        status_word(file.status)
    );
    if let Some(d) = &file.district {
        let _ = write!(out, ". District: {}", escape(d));
    }
    if file.status != Status::Error {
        let _ = write!(
            out,
            ". {}, {}, {}",
            count(file.count(Severity::Error), "must-fix", "must-fixes"),
            count(file.count(Severity::Warning), "should-fix", "should-fixes"),
            count(file.count(Severity::Advice), "suggestion", "suggestions")
        );
    }
    out.push_str(".</p>\n");
    if let Some(by) = &file.superseded_by {
        let _ = writeln!(out, "<p>A later submission from the same district replaces this one: {}.</p>", escape(by));
    }
    if file.status == Status::Error {
        let _ = writeln!(out, "<h3>Why it could not be read</h3>");
        let all: Vec<&Diagnostic> = file.diagnostics.iter().collect();
        findings(out, &all, file, &id);
        out.push_str("</section>\n");
        return;
    }
    fix_first(out, file, &id);
    let _ = writeln!(out, "<h3 id=\"{id}-sections\">Section by section</h3>");
    let document_level: Vec<&Diagnostic> = file.diagnostics.iter().filter(|d| d.section.is_none()).collect();
    if !document_level.is_empty() {
        let _ = writeln!(out, "<h4>The whole document</h4>");
        findings(out, &document_level, file, &id);
    }
    for section in &file.sections {
        section_block(out, file, section, guide, &id);
    }
    out.push_str("</section>\n");
}

fn section_anchor(file_id: &str, section: &str) -> String {
    format!("{file_id}-{}", section.replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
}

/// Errors, then warnings: the list a staffer works down.
fn fix_first(out: &mut String, file: &FileReport, id: &str) {
    let _ = writeln!(out, "<h3 id=\"{id}-first\">What to fix first</h3>");
    let mut urgent: Vec<&Diagnostic> =
        file.diagnostics.iter().filter(|d| matches!(d.severity, Severity::Error | Severity::Warning)).collect();
    if urgent.is_empty() {
        out.push_str("<p>Nothing must or should be fixed.</p>\n");
        return;
    }
    // Errors first; within a severity, the guidance's section order.
    let number = |d: &Diagnostic| d.section.as_deref().and_then(|s| file.section(s)).map_or(0, |s| s.number);
    urgent.sort_by_key(|d| (std::cmp::Reverse(d.severity), number(d)));
    out.push_str("<ol class=\"first\">\n");
    for d in urgent {
        let _ = write!(out, "<li><strong class=\"{}\">{}:</strong> ", d.severity.as_str(), severity_word(d.severity));
        if let Some(section) = d.section.as_deref().and_then(|s| file.section(s)) {
            let _ = write!(
                out,
                "<a href=\"#{}\">{}. {}</a> — ",
                section_anchor(id, &section.id),
                section.number,
                escape(&section.guidance_title)
            );
        }
        let _ = write!(out, "{}", escape(&d.message));
        let _ = writeln!(out, "<br><span class=\"help\">How to fix it: {}</span></li>", escape(&d.help));
    }
    out.push_str("</ol>\n");
}

fn section_block(out: &mut String, file: &FileReport, section: &SectionReport, guide: &Guide, id: &str) {
    let anchor = section_anchor(id, &section.id);
    let _ = writeln!(
        out,
        "<section class=\"part\" aria-labelledby=\"{anchor}\">\n<h4 id=\"{anchor}\">{}. {} <span class=\"state {}\">{}</span></h4>",
        section.number,
        escape(&section.guidance_title),
        state_class(section.state),
        state_words(section.state)
    );
    if section.state == SectionState::Present && section.title != section.guidance_title {
        let _ = writeln!(out, "<p>Found under the heading “{}”.</p>", escape(&section.title));
    }
    if let Some(companion) = file.companions.iter().find(|c| c.section == section.id) {
        let _ = writeln!(out, "<p>It is answered in {}.</p>", escape(&companion.attachment));
    }
    if section.state != SectionState::Present
        && let Some(prompt) = guide.section_prompt(&section.id)
    {
        out.push_str("<p>What the guidance asks for in this section:</p>\n<blockquote class=\"guidance\">");
        for line in prompt.lines().filter(|l| !l.trim().is_empty()) {
            let _ = write!(out, "<p>{}</p>", escape(line.trim()));
        }
        out.push_str("</blockquote>\n");
    }
    if !section.prompts.is_empty() {
        let met = section.prompts.iter().filter(|p| p.status == PromptStatus::Met).count();
        let _ = writeln!(
            out,
            "<p>The guidance’s asks: {met} of {} met.</p>\n<ul class=\"checklist\">",
            section.prompts.len()
        );
        for prompt in &section.prompts {
            checklist_item(out, &section.id, prompt, guide);
        }
        out.push_str("</ul>\n");
    }
    let found: Vec<&Diagnostic> =
        file.diagnostics.iter().filter(|d| d.section.as_deref() == Some(&section.id)).collect();
    if found.is_empty() {
        out.push_str("<p>No problems found.</p>\n");
    } else {
        findings(out, &found, file, id);
    }
    out.push_str("</section>\n");
}

fn state_class(state: SectionState) -> &'static str {
    match state {
        SectionState::Present => "present",
        SectionState::Empty => "empty",
        SectionState::Missing => "missing",
    }
}

fn prompt_class(status: PromptStatus) -> &'static str {
    match status {
        PromptStatus::Met => "met",
        PromptStatus::Partial => "partial",
        PromptStatus::Missing => "missing",
    }
}

fn checklist_item(out: &mut String, section: &str, prompt: &PromptCoverage, guide: &Guide) {
    let known = guide.prompt(section, &prompt.id);
    let ask = known.map_or_else(|| humanize_item(&prompt.id), |p| p.ask.clone());
    let _ = write!(
        out,
        "<li><span class=\"mark {}\">{}</span> <q class=\"ask\">{}</q>",
        prompt_class(prompt.status),
        prompt_word(prompt.status),
        escape(&ask)
    );
    if !prompt.evidence.is_empty() {
        out.push_str("<ul class=\"evidence\">");
        for e in prompt.evidence.iter().take(4) {
            evidence(out, e);
        }
        out.push_str("</ul>");
    }
    if prompt.status != PromptStatus::Met
        && let Some(p) = known
    {
        let _ = write!(out, "<p class=\"help\">To meet it: {}</p>", escape(&p.help));
    }
    out.push_str("</li>\n");
}

fn evidence(out: &mut String, e: &Evidence) {
    out.push_str("<li>");
    if let Some(item) = &e.item {
        let _ = write!(out, "{}: ", escape(&humanize_item(item)));
    }
    let _ = write!(
        out,
        "<q>{}</q> <span class=\"where\">({})</span></li>",
        escape(&one_line(&e.excerpt)),
        escape(&e.location.describe())
    );
}

fn findings(out: &mut String, diagnostics: &[&Diagnostic], _file: &FileReport, _id: &str) {
    out.push_str("<ul class=\"findings\">\n");
    for d in diagnostics {
        let _ = write!(
            out,
            "<li><strong class=\"{}\">{}:</strong> {}",
            d.severity.as_str(),
            severity_word(d.severity),
            escape(&d.message)
        );
        if let Some(location) = &d.location {
            match location.excerpt.as_deref().filter(|e| !e.is_empty()) {
                Some(excerpt) => {
                    let _ = write!(
                        out,
                        "<br>Where: <q>{}</q> <span class=\"where\">({})</span>",
                        escape(&one_line(excerpt)),
                        escape(&location.describe())
                    );
                }
                None => {
                    let _ = write!(out, "<br>Where: {}", escape(&location.describe()));
                }
            }
        }
        let _ = writeln!(
            out,
            "<p class=\"help\">How to fix it: {}</p><p class=\"code\">Rule <code>{}</code></p></li>",
            escape(&d.help),
            escape(&d.code)
        );
    }
    out.push_str("</ul>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn pages_have_no_inline_script_or_style() {
        let guide = Guide::of(&crate::pack::builtin());
        let report = fixture::report();
        for html in [
            home(&guide, Forms::default()),
            home(&guide, Forms { annotate: true }),
            results(&report, &guide, Forms::default()),
        ] {
            assert!(!html.contains("<script") && !html.contains("<style") && !html.contains(" style="), "{html}");
            assert!(html.contains(&format!("href=\"{STYLESHEET_PATH}\"")));
        }
        assert!(STYLESHEET.contains("@media print"));
    }

    #[test]
    fn results_put_errors_before_warnings_and_quote_the_guidance() {
        let guide = Guide::of(&crate::pack::builtin());
        let report = fixture::report();
        let html = results(&report, &guide, Forms::default());
        let first = &html[html.find("What to fix first").expect("fix-first list")..];
        let list = &first[..first.find("</ol>").expect("list end")];
        if let (Some(e), Some(w)) = (list.find("Must fix"), list.find("Should fix")) {
            assert!(e < w, "errors come before warnings: {list}");
        }
        assert!(!list.contains("Suggestion"), "advice is not in the fix-first list");
        assert!(html.contains("class=\"checklist\""), "{html}");
    }
}
