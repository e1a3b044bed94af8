//! Feedback letters: one per submission, in the pack's words, as a small
//! document model that the Markdown and Word writers both print. A letter
//! names the district, says what each section does well (the sub-prompts
//! met, with a short quotation cut on a word boundary) and what to
//! strengthen (the finding in plain words, the guidance's prompt quoted).
//! No rule codes, no file paths, no footnotes.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::RenderOptions;
use super::common::*;
use crate::pack::{Check, LetterDef, Pack};
use crate::report::{Diagnostic, FileReport, PromptStatus, Report, SectionState, Severity, Status};

/// A run of text, plain or strong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Plain(String),
    Strong(String),
}

/// One block of a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 1 is the letter's title, 2 a part, 3 a section.
    Heading(u8, String),
    Para(Vec<Span>),
    Bullet(Vec<Span>),
    /// Lines kept together (the sign-off).
    Lines(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct Letter {
    /// File name for `--out DIR`, without extension, named for the district.
    pub name: String,
    pub district: Option<String>,
    pub blocks: Vec<Block>,
    /// A later submission from the same district supersedes this one.
    pub superseded_by: Option<String>,
}

impl Letter {
    /// The whole letter as plain text (tests, and a check that no code leaks).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            match b {
                Block::Heading(_, t) => out.push_str(t),
                Block::Para(spans) | Block::Bullet(spans) => {
                    for s in spans {
                        match s {
                            Span::Plain(t) | Span::Strong(t) => out.push_str(t),
                        }
                    }
                }
                Block::Lines(lines) => out.push_str(&lines.join("\n")),
            }
            out.push('\n');
        }
        out
    }
}

/// The pack in use, or the built-in one.
pub(super) fn pack_of(options: &RenderOptions) -> Arc<Pack> {
    static BUILTIN: LazyLock<Arc<Pack>> = LazyLock::new(|| Arc::new(crate::pack::builtin()));
    options.pack.clone().unwrap_or_else(|| BUILTIN.clone())
}

/// The letter wording of `pack`, or the built-in pack's.
fn wording(pack: &Pack) -> LetterDef {
    static BUILTIN: LazyLock<Option<LetterDef>> = LazyLock::new(|| crate::pack::builtin().letter);
    let words = pack.letter.clone().or_else(|| BUILTIN.clone()).unwrap_or_else(|| LetterDef {
        title: "Feedback on the {district} {product}".into(),
        salutation: "Dear {district} leadership team,".into(),
        salutation_unknown: "Dear district leadership team,".into(),
        opening: String::new(),
        opening_fail: String::new(),
        opening_clean: String::new(),
        opening_gaps: String::new(),
        strengths_heading: "What the plan does well".into(),
        strengths_none: String::new(),
        strengths_response: "“{quote}”".into(),
        strengthen_heading: "What to strengthen".into(),
        strengthen_none: String::new(),
        document_heading: String::new(),
        section_missing: "{section}".into(),
        section_empty: "{section}".into(),
        guidance_asks: "“{quote}”".into(),
        companion: "{section}: {file}".into(),
        unreadable: "{file}".into(),
        resend: String::new(),
        closing: String::new(),
        sign_off: Vec::new(),
        required: "Required".into(),
        recommended: "Recommended".into(),
        suggestion: "Suggestion".into(),
        quote_chars: 110,
        prompts: BTreeMap::new(),
    });
    with_pack_words(words, pack)
}

/// Fills the pack's own words (`{product}`, `{edition}`, `{school_year}`,
/// `{section_count}`) into every text of a letter's wording.
fn with_pack_words(words: LetterDef, pack: &Pack) -> LetterDef {
    let count = pack.sections.len().to_string();
    let values = [
        ("product", pack.pack.product.as_str()),
        ("edition", pack.pack.edition.as_str()),
        ("school_year", pack.pack.school_year.as_str()),
        ("section_count", count.as_str()),
    ];
    fn walk(v: &mut serde_json::Value, values: &[(&str, &str)]) {
        match v {
            serde_json::Value::String(s) => *s = fill(s, values),
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| walk(x, values)),
            serde_json::Value::Object(o) => o.values_mut().for_each(|x| walk(x, values)),
            _ => {}
        }
    }
    let Ok(mut value) = serde_json::to_value(&words) else { return words };
    walk(&mut value, &values);
    serde_json::from_value(value).unwrap_or(words)
}

/// Fills `{key}` placeholders.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in values {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// One letter per submission, in the report's order; names unique in the run.
pub fn letters(report: &Report, options: &RenderOptions) -> Vec<Letter> {
    let pack = pack_of(options);
    let words = wording(&pack);
    let labels = item_labels(&pack);
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    report
        .files
        .iter()
        .map(|f| {
            let base = file_name_for(f);
            let n = used.entry(base.to_lowercase()).or_insert(0);
            *n += 1;
            let name = if *n == 1 { base } else { format!("{base}-{n}") };
            let blocks =
                if f.status == Status::Error { unreadable(f, &words) } else { letter(f, &words, &pack, &labels) };
            Letter { name, district: f.district.clone(), blocks, superseded_by: f.superseded_by.clone() }
        })
        .collect()
}

/// "Lowell", "Athol-Royalston", "New-Bedford"; the file's own name when the
/// district is unknown.
fn file_name_for(f: &FileReport) -> String {
    let raw = match f.district.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(d) => d.to_string(),
        None => {
            let name = std::path::Path::new(short_name(f)).file_stem().map(|s| s.to_string_lossy().into_owned());
            format!("unknown-district-{}", name.unwrap_or_default())
        }
    };
    let mut out = String::new();
    for c in raw.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(80).collect();
    if out.is_empty() { "letter".to_string() } else { out }
}

/// Item id → label, from the pack's list checks.
fn item_labels(pack: &Pack) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for rule in &pack.rules {
        if let Check::Items { items, .. } = &rule.check {
            for i in items {
                map.entry(i.id.clone()).or_insert_with(|| i.label.clone());
            }
        }
    }
    map
}

/// A checker-written message as a plain sentence, any rule code removed.
fn prose(text: &str) -> String {
    static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`?ssos::[A-Za-z0-9_:-]+`?").expect("valid regex"));
    sentence(&one_line(&CODE.replace_all(text, "this finding")))
}

/// A quotation of at most `max` characters, cut on a word boundary (an
/// excerpt already cut mid-word loses its broken last word).
pub fn quote_words(text: &str, max: usize) -> String {
    let text = one_line(text);
    let (body, was_cut) = match text.strip_suffix('…') {
        Some(b) => (b.trim_end(), true),
        None => (text.as_str(), false),
    };
    let max = max.max(10);
    if !was_cut && body.chars().count() <= max {
        // A clause cut from a list ends on its own word, not on "," or ";".
        return body.trim_end_matches([',', ';', ':']).to_string();
    }
    let end = body.char_indices().nth(max).map_or(body.len(), |(i, _)| i);
    let window = &body[..end];
    // The window's last word is whole when a space follows it, or when the
    // text ends there and was not already cut.
    let whole = body[end..].starts_with(char::is_whitespace) || (end == body.len() && !was_cut);
    let kept = if whole { window } else { window.rsplit_once(char::is_whitespace).map_or("", |(a, _)| a) };
    let kept =
        kept.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '('));
    if kept.is_empty() { String::new() } else { format!("{kept}…") }
}

fn weight(words: &LetterDef, severity: Severity) -> &str {
    match severity {
        Severity::Error => &words.required,
        Severity::Warning => &words.recommended,
        Severity::Advice => &words.suggestion,
    }
}

fn heading_blocks(f: &FileReport, words: &LetterDef) -> Vec<Block> {
    let district = f.district.as_deref().filter(|d| !d.trim().is_empty());
    let title = fill(&words.title, &[("district", district.unwrap_or("district"))]);
    let salutation = match district {
        Some(d) => fill(&words.salutation, &[("district", d)]),
        None => words.salutation_unknown.clone(),
    };
    vec![Block::Heading(1, one_line(&title)), Block::Para(vec![Span::Plain(salutation)])]
}

fn closing_blocks(words: &LetterDef) -> Vec<Block> {
    let mut out = Vec::new();
    if !words.closing.trim().is_empty() {
        out.push(Block::Para(vec![Span::Plain(words.closing.clone())]));
    }
    if !words.sign_off.is_empty() {
        out.push(Block::Lines(words.sign_off.clone()));
    }
    out
}

/// The file's own name, never its folder.
fn file_label(f: &FileReport) -> String {
    std::path::Path::new(short_name(f)).file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

fn unreadable(f: &FileReport, words: &LetterDef) -> Vec<Block> {
    let mut out = heading_blocks(f, words);
    out.push(Block::Para(vec![Span::Plain(fill(&words.unreadable, &[("file", &file_label(f))]))]));
    for d in &f.diagnostics {
        let mut line = prose(&d.message);
        if !d.help.trim().is_empty() {
            line.push(' ');
            line.push_str(&prose(&d.help));
        }
        out.push(Block::Para(vec![Span::Plain(line)]));
    }
    if !words.resend.trim().is_empty() {
        out.push(Block::Para(vec![Span::Plain(words.resend.clone())]));
    }
    out.extend(closing_blocks(words));
    out
}

fn letter(f: &FileReport, words: &LetterDef, pack: &Pack, labels: &BTreeMap<String, String>) -> Vec<Block> {
    let mut out = heading_blocks(f, words);
    let mut opening = words.opening.clone();
    let tail = match f.status {
        Status::Fail => &words.opening_fail,
        _ if f.diagnostics.is_empty() => &words.opening_clean,
        _ => &words.opening_gaps,
    };
    if !tail.trim().is_empty() {
        opening = format!("{} {}", opening.trim(), tail.trim());
    }
    out.push(Block::Para(vec![Span::Plain(opening.trim().to_string())]));

    out.push(Block::Heading(2, words.strengths_heading.clone()));
    let present: Vec<_> = f.sections.iter().filter(|s| s.state == SectionState::Present).collect();
    if present.is_empty() {
        out.push(Block::Para(vec![Span::Plain(words.strengths_none.clone())]));
    }
    for s in present {
        let mut phrases = Vec::new();
        let mut quote = None;
        for p in s.prompts.iter().filter(|p| p.status != PromptStatus::Missing) {
            let Some(template) = words.prompts.get(&p.id) else { continue };
            let mut items: Vec<String> = Vec::new();
            for e in &p.evidence {
                if let Some(i) = &e.item {
                    let label = labels.get(i).cloned().unwrap_or_else(|| humanize_item(i));
                    if !items.contains(&label) {
                        items.push(label);
                    }
                }
            }
            if template.contains("{items}") && items.is_empty() {
                continue;
            }
            phrases.push(fill(template, &[("items", &join_labels(&items))]));
            if quote.is_none() {
                quote = p.evidence.first().map(|e| quote_words(&e.excerpt, words.quote_chars));
            }
        }
        let quote =
            quote.or_else(|| s.excerpt.as_ref().map(|e| quote_words(e, words.quote_chars))).filter(|q| !q.is_empty());
        let mut text = if phrases.is_empty() {
            match &quote {
                Some(q) => fill(&words.strengths_response, &[("quote", q)]),
                None => continue,
            }
        } else {
            let mut t = phrases.join("; ");
            if let Some(q) = &quote {
                t.push_str(&format!(": “{q}”"));
            }
            t
        };
        if !text.ends_with(['.', '”', '…']) {
            text.push('.');
        }
        out.push(Block::Bullet(vec![
            Span::Strong(format!("{}. {}", s.number, s.guidance_title)),
            Span::Plain(format!(" — {text}")),
        ]));
    }
    for c in &f.companions {
        let section = section_label(f, &c.section);
        let file = std::path::Path::new(&c.attachment)
            .file_name()
            .map_or_else(|| c.attachment.clone(), |n| n.to_string_lossy().into_owned());
        out.push(Block::Bullet(vec![Span::Plain(fill(&words.companion, &[("section", &section), ("file", &file)]))]));
    }

    out.push(Block::Heading(2, words.strengthen_heading.clone()));
    if f.diagnostics.is_empty() {
        out.push(Block::Para(vec![Span::Plain(words.strengthen_none.clone())]));
    }
    // Sections with findings: missing or empty ones first, each group in the guidance's order.
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
        let label = section_label(f, id);
        let title = match f.section(id).map(|s| s.state) {
            Some(SectionState::Missing) if !present => fill(&words.section_missing, &[("section", &label)]),
            Some(SectionState::Empty) if !present => fill(&words.section_empty, &[("section", &label)]),
            _ => label,
        };
        out.push(Block::Heading(3, title));
        let mut ds: Vec<&Diagnostic> = f.diagnostics.iter().filter(|d| d.section.as_deref() == Some(id)).collect();
        ds.sort_by_key(|d| std::cmp::Reverse(d.severity));
        for d in ds {
            out.push(finding(f, d, words, pack, labels));
        }
    }
    let document: Vec<&Diagnostic> = f.diagnostics.iter().filter(|d| d.section.is_none()).collect();
    if !document.is_empty() {
        out.push(Block::Heading(3, words.document_heading.clone()));
        for d in document {
            out.push(finding(f, d, words, pack, labels));
        }
    }
    out.extend(closing_blocks(words));
    out
}

fn finding(f: &FileReport, d: &Diagnostic, words: &LetterDef, pack: &Pack, labels: &BTreeMap<String, String>) -> Block {
    let mut msg = prose(&d.message);
    let mut place = Vec::new();
    if let Some(p) = d.priority {
        place.push(format!("priority {p}"));
    }
    if let Some(loc) = &d.location {
        place.push(loc.describe());
    }
    if !place.is_empty() {
        msg = format!("{} (see {}).", trim_stop(&msg), place.join(", "));
    }
    let lower = d.message.to_lowercase();
    let unnamed: Vec<String> = d
        .items
        .iter()
        .filter(|i| !lower.contains(&humanize_item(i).to_lowercase()))
        .map(|i| labels.get(i.as_str()).cloned().unwrap_or_else(|| humanize_item(i)))
        .filter(|label| !lower.contains(&label.to_lowercase()))
        .collect();
    if !unnamed.is_empty() {
        msg.push_str(&format!(" Not yet addressed: {}.", join_labels(&unnamed)));
    }
    if !d.help.trim().is_empty() {
        msg.push(' ');
        msg.push_str(&prose(&d.help));
    }
    // The guidance's words: the section's prompt when the whole section is
    // absent, else the passage the rule enforces.
    let absent = d.section.as_deref().and_then(|id| f.section(id)).is_some_and(|s| s.state != SectionState::Present);
    let quote = if absent && d.code.starts_with("ssos::section::") {
        d.section.as_deref().and_then(|id| pack.section(id)).map(|s| s.prompt.lines().next().unwrap_or_default())
    } else {
        pack.rule(&d.code).and_then(|r| r.quote.as_ref()).map(|q| q.text.as_str())
    };
    if let Some(q) = quote.map(str::trim).filter(|q| !q.is_empty()) {
        msg.push(' ');
        msg.push_str(&fill(&words.guidance_asks, &[("quote", q)]));
    }
    Block::Bullet(vec![Span::Strong(format!("{}.", weight(words, d.severity))), Span::Plain(format!(" {msg}"))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    fn all() -> Vec<Letter> {
        letters(&fixture::report(), &fixture::options())
    }

    #[test]
    fn quotes_are_cut_on_word_boundaries() {
        assert_eq!(quote_words("We met with teachers", 50), "We met with teachers");
        assert_eq!(quote_words("We met with teachers and principals", 20), "We met with teachers…");
        assert_eq!(quote_words("We met with teachers and principals", 18), "We met with…");
        // An excerpt already cut mid-word loses the broken word.
        assert_eq!(quote_words("We met with teachers and princ…", 200), "We met with teachers and…");
        assert_eq!(quote_words("Budget, staffing, and time for coaching", 17), "Budget, staffing…");
        assert_eq!(quote_words("Monitored by the DILT, quarterly;", 80), "Monitored by the DILT, quarterly");
    }

    #[test]
    fn one_letter_per_submission_named_for_the_district() {
        let ls = all();
        assert_eq!(ls.len(), 3);
        let names: Vec<&str> = ls.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Lowell", "Springfield", "Worcester-MA"]);
        let lowell = ls[0].text();
        assert!(lowell.starts_with("Feedback on the Lowell District Prioritization Submission\n"), "{lowell}");
        assert!(lowell.contains("Dear Lowell leadership team,"), "{lowell}");
        assert!(lowell.contains("for the 2023–24 school year"), "{lowell}");
        for l in &ls {
            let t = l.text();
            assert!(!t.contains("ssos::"), "{t}");
            assert!(!t.contains("inbox/") && !t.contains("drive/"), "no local paths: {t}");
            assert!(!t.contains("[^"), "no footnotes: {t}");
            assert!(t.contains("Statewide System of Support"), "{t}");
        }
    }

    #[test]
    fn strengths_name_prompts_met_and_gaps_quote_the_guidance() {
        let lowell = all()[0].text();
        let well = &lowell[lowell.find("What the plan does well").unwrap()..lowell.find("What to strengthen").unwrap()];
        assert!(well.contains("3. Stakeholder Engagement — "), "{well}");
        assert!(well.contains("“We met with teachers and principals"), "{well}");
        assert!(!well.contains("5. Role Clarity") && !well.contains("7. Resources"), "{well}");
        let fix = &lowell[lowell.find("What to strengthen").unwrap()..];
        assert!(fix.contains("7. Resources (not found in the plan)"), "{fix}");
        assert!(fix.contains("5. Role Clarity (no response yet)"), "{fix}");
        assert!(fix.contains("The guidance asks: “"), "{fix}");
        assert!(fix.contains("Required."), "{fix}");
        assert!(fix.find("7. Resources").unwrap() < fix.find("3. Stakeholder Engagement").unwrap(), "{fix}");
    }

    #[test]
    fn the_builtin_pack_words_every_sub_prompt() {
        let pack = crate::pack::builtin();
        let words = pack.letter.clone().expect("rules/letter.toml");
        for rule in &pack.rules {
            if let Some(p) = &rule.prompt {
                assert!(words.prompts.contains_key(p), "rules/letter.toml has no phrase for prompt `{p}`");
            }
        }
        assert!(!words.sign_off.is_empty());
    }

    #[test]
    fn unreadable_file_letter_asks_for_docx_without_its_path() {
        let t = all()[1].text();
        assert!(t.contains("Dear Springfield leadership team"), "{t}");
        assert!(t.contains("could not open the file plan.doc."), "{t}");
        assert!(!t.contains("drive/"), "{t}");
        assert!(!t.contains("What the plan does well"), "{t}");
    }
}
