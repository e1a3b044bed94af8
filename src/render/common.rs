//! Helpers shared by the renderers: names, section labels, counts, and the
//! small bits of text shaping every format needs.

use crate::report::{Diagnostic, FileReport, SectionState, Severity};

/// The guidance's eight sections: id, number, title (SPEC.md vocabulary).
/// Used when a file report carries no sections (unreadable files).
pub const SECTIONS: [(&str, u8, &str); 8] = [
    ("priorities", 1, "Priority(ies)"),
    ("analysis", 2, "Analysis of Strengths and Challenges"),
    ("stakeholder_engagement", 3, "Stakeholder Engagement"),
    ("outcomes", 4, "Outcomes"),
    ("role_clarity", 5, "Role Clarity"),
    ("monitoring", 6, "Monitoring Implementation"),
    ("resources", 7, "Resources"),
    ("differentiation", 8, "Differentiation"),
];

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
    f.district
        .as_deref()
        .filter(|d| !d.trim().is_empty())
        .unwrap_or("Unknown district")
}

/// The section's number in the guidance (0 when unknown or document-level).
pub fn section_number(f: &FileReport, id: Option<&str>) -> u8 {
    let Some(id) = id else { return 0 };
    if let Some(s) = f.section(id) {
        return s.number;
    }
    SECTIONS
        .iter()
        .find(|(sid, _, _)| *sid == id)
        .map(|(_, n, _)| *n)
        .unwrap_or(0)
}

/// "3. Stakeholder Engagement" for a section id (the id itself when unknown).
pub fn section_label(f: &FileReport, id: &str) -> String {
    if let Some(s) = f.section(id) {
        return format!("{}. {}", s.number, s.guidance_title);
    }
    match SECTIONS.iter().find(|(sid, _, _)| *sid == id) {
        Some((_, n, t)) => format!("{n}. {t}"),
        None => id.to_string(),
    }
}

/// Ids of sections in `state`, in the guidance's order.
pub fn sections_in_state(f: &FileReport, state: SectionState) -> Vec<&str> {
    f.sections
        .iter()
        .filter(|s| s.state == state)
        .map(|s| s.id.as_str())
        .collect()
}

/// Numbers of sections in `state`, in the guidance's order.
pub fn section_numbers_in_state(f: &FileReport, state: SectionState) -> Vec<u8> {
    f.sections
        .iter()
        .filter(|s| s.state == state)
        .map(|s| s.number)
        .collect()
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

/// "a", "a and b", "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

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
    let first = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>())
        .unwrap_or_default();
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
    (start <= end
        && end <= text.len()
        && text.is_char_boundary(start)
        && text.is_char_boundary(end))
    .then_some((start, end))
}
