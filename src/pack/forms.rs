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
    if plain_ascii(text.as_bytes()) {
        Tier::Ascii
    } else if text.chars().all(|c| LATIN.iter().any(|&(a, b)| a <= c && c <= b)) {
        Tier::Latin
    } else {
        Tier::Full
    }
}

/// Characters of word processors outside ASCII, none a word character,
/// each with the ASCII control character that stands in for it in a text's
/// ASCII **shadow** ([`shadow`]), sorted by character. The pattern's ASCII
/// form ([`narrow`]) holds a stand-in exactly where the pattern holds its
/// character, so it finds in the shadow, character for character, what
/// the pattern finds in the text. No text from Word, Excel or PowerPoint
/// holds these control characters (XML cannot); a text that does is not
/// of [`Tier::Ascii`] and has no shadow.
pub const STAND_INS: &[(char, u8)] = &[
    ('\u{a0}', 0x01),
    ('\u{a7}', 0x02),
    ('\u{a9}', 0x03),
    ('\u{ad}', 0x04),
    ('\u{ae}', 0x05),
    ('\u{b0}', 0x06),
    ('\u{b7}', 0x07),
    ('\u{2009}', 0x08),
    ('\u{200b}', 0x0e),
    ('\u{2010}', 0x0f),
    ('\u{2013}', 0x10),
    ('\u{2014}', 0x11),
    ('\u{2018}', 0x12),
    ('\u{2019}', 0x13),
    ('\u{201c}', 0x14),
    ('\u{201d}', 0x15),
    ('\u{2022}', 0x16),
    ('\u{2026}', 0x17),
    ('\u{2122}', 0x18),
    ('\u{2192}', 0x19),
    ('\u{2212}', 0x1a),
    ('\u{25a0}', 0x1b),
    ('\u{25aa}', 0x1c),
    ('\u{25cf}', 0x1d),
    ('\u{25e6}', 0x1e),
    ('\u{2713}', 0x1f),
    ('\u{feff}', 0x7f),
];

/// Whether every byte is ASCII and none a stand-in, in blocks without a
/// branch per byte (so that the compiler checks many bytes at once).
fn plain_ascii(bytes: &[u8]) -> bool {
    bytes.chunks(128).all(|block| block.iter().fold(true, |plain, &b| plain & (b < 0x80) & !is_stand_in(b)))
}

/// A byte the ASCII form of a pattern reads as the character it stands in
/// for (see [`STAND_INS`]): the control characters other than white space
/// and NUL, and DEL.
pub fn is_stand_in(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0e..=0x1f | 0x7f)
}

/// `text`'s ASCII shadow: each character of [`STAND_INS`] replaced by its
/// stand-in, with, for each byte of the shadow and for its end, the byte
/// offset in `text` it stands for. None when `text` holds a stand-in
/// itself or another character outside ASCII.
pub fn shadow(text: &str) -> Option<(String, Vec<u32>)> {
    let mut out = Vec::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let b = if c.is_ascii() && !is_stand_in(c as u8) {
            c as u8
        } else {
            STAND_INS[STAND_INS.binary_search_by_key(&c, |&(s, _)| s).ok()?].1
        };
        out.push(b);
        offsets.push(at as u32);
    }
    offsets.push(text.len() as u32);
    // Every byte is ASCII.
    Some((String::from_utf8(out).ok()?, offsets))
}

/// `hir` with every class cut down to the characters of `tier` (and, for
/// ASCII, `\b` as the ASCII one, which means the same there). The ASCII
/// form reads each stand-in of [`STAND_INS`] as its character: a class
/// holds it where it holds the character, a literal has it in the
/// character's place (and a literal of a stand-in itself, which no text of
/// this tier holds, never matches).
pub fn narrow(hir: Hir, tier: Tier) -> Hir {
    if tier == Tier::Full {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(mut class)) if tier == Tier::Ascii => {
            let stand_ins = ClassUnicode::new(
                STAND_INS
                    .iter()
                    .filter(|&&(c, _)| class.ranges().iter().any(|r| r.start() <= c && c <= r.end()))
                    .map(|&(_, b)| ClassUnicodeRange::new(char::from(b), char::from(b))),
            );
            class.intersect(&ClassUnicode::new(
                (0u8..0x80).filter(|&b| !is_stand_in(b)).map(|b| ClassUnicodeRange::new(char::from(b), char::from(b))),
            ));
            class.union(&stand_ins);
            Hir::class(Class::Unicode(class))
        }
        HirKind::Class(Class::Unicode(mut class)) => {
            class.intersect(&ClassUnicode::new(LATIN.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b))));
            Hir::class(Class::Unicode(class))
        }
        HirKind::Class(Class::Bytes(mut class)) if tier == Tier::Ascii => {
            let allowed = regex_syntax::hir::ClassBytes::new(
                (0u8..0x80).filter(|&b| !is_stand_in(b)).map(|b| regex_syntax::hir::ClassBytesRange::new(b, b)),
            );
            class.intersect(&allowed);
            Hir::class(Class::Bytes(class))
        }
        HirKind::Literal(lit) if tier == Tier::Ascii => {
            if lit.0.iter().any(|&b| is_stand_in(b)) {
                return Hir::fail();
            }
            match std::str::from_utf8(&lit.0) {
                Ok(text) if !text.is_ascii() => match shadow(text) {
                    Some((ascii, _)) => Hir::literal(ascii.into_bytes()),
                    // A character outside ASCII without a stand-in: no text of this tier holds it.
                    None => Hir::fail(),
                },
                _ => Hir::literal(lit.0),
            }
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

/// Whether every match of `hir` ends at the end of the text (`...$`) and
/// holds a character: the one match, if any, is found by reading the text
/// backwards from its end, for as long as it can still match.
pub fn end_anchored(hir: &Hir) -> bool {
    let properties = hir.properties();
    properties.look_set_suffix().contains(Look::End) && properties.minimum_len().is_some_and(|n| n > 0)
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

/// A list item's own code after any list number: "1a ", "2b)", "(3c)",
/// "4.2 ", "B1." — the way a plan numbers benchmarks under priorities.
pub const ITEM_CODE: &str = r"^\s*(?:\d{1,2}[.)]\s*)?\(?(?:\d{1,2}[a-z]|\d{1,2}\.\d{1,2}|[A-Z]\d{1,2}[.):])\)?[.):]?\s";

pub const ENGINE_PATTERNS: &[&str] = &[TYPED_ITEM, PAGE_NUMBER, OUTLINE_NUMBER, ITEM_CODE];

/// The mapping's lists the engine asks only whether any of them matches:
/// `build.rs` compiles each into one DFA (see `pack::pattern::AnyOf`).
pub const ANY_OF_LISTS: &[&str] = &[
    "placeholders",
    "benchmark_level_markers",
    "benchmark_deadlines",
    "end_markers",
    "priority_list_lead_ins",
    "benchmark_non_items",
    "priority_deferrals",
    "cross_references",
];

/// The mapping lists whose patterns are matched case-insensitively, each
/// as `(?i)` and the pack's pattern.
pub const CASE_INSENSITIVE_LISTS: &[&str] = &[
    "placeholders",
    "priority_markers",
    "benchmark_markers",
    "benchmark_level_markers",
    "benchmark_deadlines",
    "priority_short_markers",
    "priority_alt_markers",
    "benchmark_dated_labels",
    "cross_references",
    "section_references",
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
        r"(?i)^\s*(?:(?:{words})\s*)?(?:#\s*)?(\d{{1,3}}|[ivxl]{{1,8}}|[a-z])(?:\.0\b)?(?:\s*(?:[-–/&]|\band\b)\s*(?:\d{{1,3}}|[ivxl]{{1,8}}|[a-z])\b)?(?:\s*[.):\-–—]\s*|\s+)"
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
