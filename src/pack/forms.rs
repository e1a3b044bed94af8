//! The forms a pack pattern is compiled in, shared by the crate and by
//! `build.rs` (which includes this file): the pattern as the engine writes it
//! from the pack's words, and the pattern cut down to the characters a text
//! can hold. `build.rs` compiles the built-in pack's patterns in these forms
//! to DFAs once per build; the crate compiles any other pattern the same way
//! when it is first used. Both must agree to the byte, so both use this file.
//!
//! It depends on `regex_syntax` only.

use regex_syntax::hir::{self, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// Which characters a text holds, and so which form of a pattern serves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    Ascii = 0,
    /// Latin-1 and the punctuation, symbols and shapes of word processors.
    Latin = 1,
    Full = 2,
}

/// The characters of [`Tier::Latin`].
pub const LATIN: &[(char, char)] =
    &[('\0', '\u{ff}'), ('\u{2000}', '\u{21ff}'), ('\u{2500}', '\u{25ff}'), ('\u{feff}', '\u{feff}')];

pub fn tier(text: &str) -> Tier {
    if text.is_ascii() {
        Tier::Ascii
    } else if text.chars().all(|c| LATIN.iter().any(|&(a, b)| a <= c && c <= b)) {
        Tier::Latin
    } else {
        Tier::Full
    }
}

/// `hir` with every class cut down to the characters of `tier` (and, for
/// ASCII, `\b` as the ASCII one, which means the same there).
pub fn narrow(hir: Hir, tier: Tier) -> Hir {
    if tier == Tier::Full {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(mut class)) => {
            let allowed = match tier {
                Tier::Ascii => ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]),
                _ => ClassUnicode::new(LATIN.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b))),
            };
            class.intersect(&allowed);
            Hir::class(Class::Unicode(class))
        }
        HirKind::Look(look) if tier == Tier::Ascii => Hir::look(ascii_look(look)),
        HirKind::Repetition(rep) => Hir::repetition(hir::Repetition { sub: Box::new(narrow(*rep.sub, tier)), ..rep }),
        HirKind::Capture(cap) => Hir::capture(hir::Capture { sub: Box::new(narrow(*cap.sub, tier)), ..cap }),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(|h| narrow(h, tier)).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(|h| narrow(h, tier)).collect()),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(look) => Hir::look(look),
    }
}

/// The ASCII form of a word look-around (the same on an ASCII text).
fn ascii_look(look: Look) -> Look {
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

/// A typed list item: "1.", "a)", "-", "•", "(i)" and the like.
pub const TYPED_ITEM: &str = r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•*▪◦●]|\(\w\))\s+\S";

/// A table-of-contents line's page number after a tab or dot leader.
pub const PAGE_NUMBER: &str = r"(?:\t|\.{3,}|…|\s{3,})\s*\d{1,3}\s*$";

/// The engine's own patterns (not from the pack).
/// An outline number before a line's text ("6.5 ", "3.", "2)"): its digits
/// are the document's numbering, not a measure the line states.
pub const OUTLINE_NUMBER: &str = r"^\s*\(?(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)])\s+";

pub const ENGINE_PATTERNS: &[&str] = &[TYPED_ITEM, PAGE_NUMBER, OUTLINE_NUMBER];

/// The mapping lists whose patterns are matched case-insensitively, each
/// as `(?i)` and the pack's pattern.
pub const CASE_INSENSITIVE_LISTS: &[&str] = &[
    "placeholders",
    "priority_markers",
    "benchmark_markers",
    "benchmark_level_markers",
    "benchmark_deadlines",
    "priority_short_markers",
    "end_markers",
    "priority_list_lead_ins",
    "priority_counts",
    "benchmark_non_items",
    "priority_deferrals",
    "heading_continued",
];

/// A heading's number, after one of the pack's number words ("Section 2.").
pub fn numbering(number_words: &[String]) -> String {
    let words = number_words.iter().map(|w| regex_syntax::escape(w)).collect::<Vec<_>>().join("|");
    format!(
        r"(?i)^\s*(?:(?:{words})\s*)?(?:#\s*)?(\d{{1,3}}|[ivxl]{{1,8}}|[a-z])(?:\s*[-–/&]\s*(?:\d{{1,3}}|[ivxl]{{1,8}}|[a-z])\b)?(?:\s*[.):\-–—]\s*|\s+)"
    )
}

/// One pattern splitting a heading at any of the pack's joiners: words
/// ("and") only between spaces, symbols ("&", "/") anywhere.
pub fn joiners(words: &[String]) -> String {
    let alternatives: Vec<String> = words
        .iter()
        .map(|w| {
            let escaped = regex_syntax::escape(w.trim());
            if w.chars().all(char::is_alphanumeric) { format!(r"\s+{escaped}\s+") } else { format!(r"\s*{escaped}\s*") }
        })
        .collect();
    if alternatives.is_empty() { "$^".to_string() } else { format!("(?i){}", alternatives.join("|")) }
}

/// A district's name as a capitalised run of words before one of the
/// pack's name suffixes ("Springfield Public Schools").
pub fn district_generic(suffixes: &[String]) -> String {
    let suffixes = suffixes.iter().map(|x| regex_syntax::escape(x)).collect::<Vec<_>>().join("|");
    format!(r"\b([A-Z][A-Za-z.'\-]+(?:[ \-][A-Z][A-Za-z.'\-]+){{0,3}})\s+(?:{suffixes})\b")
}
