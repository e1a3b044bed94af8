//! Helpers shared by the renderers: names, section labels, counts, and the
//! small bits of text shaping every format needs.

use crate::report::{Diagnostic, FileReport, SectionState, Severity};

/// The file as a reader names it: `path` or `path → attachment`.
pub fn display_name(f: &FileReport) -> String {
    match &f.attachment {
        Some(a) => format!("{} → {}", f.path, a),
        None => f.path.clone(),
    }
}

/// The submission's own name: the attachment when there is one, else the path.
pub fn short_name(f: &FileReport) -> &str {
    f.attachment.as_deref().unwrap_or(&f.path)
}

/// `path/attachment`, or `path`: one identifier per submission.
pub fn joined_name(f: &FileReport) -> String {
    match &f.attachment {
        Some(a) => format!("{}/{}", f.path, a),
        None => f.path.clone(),
    }
}

pub fn district_or_unknown(f: &FileReport) -> &str {
    f.district.as_deref().filter(|d| !d.trim().is_empty()).unwrap_or("Unknown district")
}

/// The section's number in the guidance (0 when unknown or document-level).
pub fn section_number(f: &FileReport, id: Option<&str>) -> u8 {
    let Some(id) = id else { return 0 };
    f.section(id).map_or(0, |s| s.number)
}

/// "3. Stakeholder Engagement" for a section id (the id itself when unknown).
pub fn section_label(f: &FileReport, id: &str) -> String {
    f.section(id).map_or_else(|| id.to_string(), |s| format!("{}. {}", s.number, s.guidance_title))
}

/// Ids of sections in `state`, in the guidance's order.
pub fn sections_in_state(f: &FileReport, state: SectionState) -> Vec<&str> {
    f.sections.iter().filter(|s| s.state == state).map(|s| s.id.as_str()).collect()
}

/// Numbers of sections in `state`, in the guidance's order.
pub fn section_numbers_in_state(f: &FileReport, state: SectionState) -> Vec<u8> {
    f.sections.iter().filter(|s| s.state == state).map(|s| s.number).collect()
}

/// Diagnostics in display order: document-level first, then by section
/// number; the report's own order is kept within a section.
pub fn ordered_diagnostics(f: &FileReport) -> Vec<&Diagnostic> {
    let mut ds: Vec<&Diagnostic> = f.diagnostics.iter().collect();
    ds.sort_by_key(|d| section_number(f, d.section.as_deref()));
    ds
}

/// `families`, `school_leaders` → "families", "school leaders".
pub fn humanize_item(item: &str) -> String {
    item.replace('_', " ")
}

pub use crate::model::join_labels;

/// "1 error", "2 warnings", "1 advice" (advice has no plural).
pub fn plural(n: usize, severity: Severity) -> String {
    match severity {
        Severity::Error => format!("{n} error{}", if n == 1 { "" } else { "s" }),
        Severity::Warning => format!("{n} warning{}", if n == 1 { "" } else { "s" }),
        Severity::Advice => format!("{n} advice"),
    }
}

/// Text with a capital first letter and a closing full stop.
pub fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() {
        return String::new();
    }
    let mut chars = t.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    let mut s = format!("{first}{}", chars.as_str());
    if !s.ends_with(['.', '!', '?', '…', ':']) {
        s.push('.');
    }
    s
}

/// The message without a trailing full stop, so a location can follow it.
pub fn trim_stop(text: &str) -> &str {
    text.trim().trim_end_matches('.')
}

/// Collapses runs of whitespace (newlines included) to single spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts `text` to `max` characters, marking the cut with "…".
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// The span, when it lies inside `text` on character boundaries.
pub fn valid_span(text: &str, span: Option<(usize, usize)>) -> Option<(usize, usize)> {
    let (start, end) = span?;
    (start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end))
        .then_some((start, end))
}

/// A cut of `text` for showing `span` in a snippet: only the span's line and
/// one line either side, each at most `max` characters (the span's line cut
/// to a window around the span, a span running past it or onto later lines
/// cut short). Blank lines stand in for the text before, so line numbers
/// stay those of `text`. Returns the cut and the span's place in it.
pub fn snippet_window(text: &str, (start, end): (usize, usize), max: usize) -> (String, (usize, usize)) {
    let max = max.max(20);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let end = end.min(line_end);
    let mut out = String::new();
    // The line before, if any, after blank lines for all lines above it.
    if line_start > 0 {
        let prev_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        out.push_str(&"\n".repeat(text[..prev_start].matches('\n').count()));
        out.push_str(&clip(&text[prev_start..line_start - 1], max));
        out.push('\n');
    }
    // The span's line: a window that starts a little before the span.
    let line = &text[line_start..line_end];
    let (s, e) = (start - line_start, end - line_start);
    let lead = 20.min(max / 4);
    let ws = if line[..s].chars().count() > lead {
        line[..s].char_indices().rev().nth(lead - 1).map_or(0, |(i, _)| i)
    } else {
        0
    };
    let we = line[ws..].char_indices().nth(max).map_or(line.len(), |(i, _)| ws + i);
    if ws > 0 {
        out.push('…');
    }
    let new_start = out.len() + (s - ws);
    let new_end = out.len() + (e.min(we).max(s) - ws);
    out.push_str(&line[ws..we]);
    if we < line.len() {
        out.push('…');
    }
    // The line after, if any.
    if line_end < text.len() {
        let next = &text[line_end + 1..];
        let next = &next[..next.find('\n').unwrap_or(next.len())];
        out.push('\n');
        out.push_str(&clip(next, max));
    }
    (out, (new_start, new_end))
}

fn clip(line: &str, max: usize) -> String {
    match line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_keeps_short_lines_and_line_numbers() {
        let text = "one\ntwo\nthree four\nfive\nsix";
        let start = text.find("four").unwrap();
        let (cut, (s, e)) = snippet_window(text, (start, start + 4), 80);
        assert_eq!(cut, "\ntwo\nthree four\nfive");
        assert_eq!(&cut[s..e], "four");
    }

    #[test]
    fn window_clips_long_paragraphs_around_the_span() {
        let long = format!("{}TARGET é{}", "a".repeat(500), "b".repeat(500));
        let text = format!("é heading\n{long}\n{}", "c".repeat(300));
        let start = text.find("TARGET").unwrap();
        let (cut, (s, e)) = snippet_window(&text, (start, start + "TARGET é".len()), 60);
        assert_eq!(&cut[s..e], "TARGET é");
        let lines: Vec<&str> = cut.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "é heading");
        assert!(lines[1].starts_with('…') && lines[1].ends_with('…'), "{}", lines[1]);
        assert!(lines.iter().all(|l| l.chars().count() <= 62), "{cut}");
        assert_eq!(lines[2], format!("{}…", "c".repeat(60)));
    }

    #[test]
    fn window_cuts_long_and_multiline_spans() {
        let text = format!("x\n{}\ny", "z".repeat(300));
        let (cut, (s, e)) = snippet_window(&text, (2, text.len()), 50);
        assert_eq!(&cut[s..e], "z".repeat(50));
        assert_eq!(cut, format!("x\n{}…\ny", "z".repeat(50)));
        let (cut, (s, e)) = snippet_window("abc", (1, 1), 50);
        assert_eq!((cut.as_str(), s, e), ("abc", 1, 1));
    }
}
