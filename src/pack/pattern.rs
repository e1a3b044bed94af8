//! Regular expressions from the pack, compiled when first used and only once
//! per process: a pattern no document needs costs nothing, and the same
//! pattern named in several places (a concept included by others, the
//! priority markers the mapper and the check engine both use) is compiled once.
//!
//! Compiling a pattern with Unicode classes (`\p{L}`, `\w`, `(?i)`) for
//! every script costs far more than searching a plan with it. A text written
//! only in ASCII, or only in Latin-1 letters and common punctuation, cannot
//! hold any other character, so each class is first cut down to the
//! characters such a text can hold (and, for ASCII, `\b` is the ASCII one,
//! which means the same there): the same matches, for a fraction of the
//! work. A text with other characters gets the pattern as written.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures as Groups;
use regex_syntax::hir::{self, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// Which characters a text holds, and so which form of a pattern serves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Tier {
    Ascii,
    /// Latin-1 and the punctuation, symbols and shapes of word processors.
    Latin,
    Full,
}

/// The characters of [`Tier::Latin`].
const LATIN: &[(char, char)] =
    &[('\0', '\u{ff}'), ('\u{2000}', '\u{21ff}'), ('\u{2500}', '\u{25ff}'), ('\u{feff}', '\u{feff}')];

fn tier(text: &str) -> Tier {
    if text.is_ascii() {
        Tier::Ascii
    } else if text.chars().all(|c| LATIN.iter().any(|&(a, b)| a <= c && c <= b)) {
        Tier::Latin
    } else {
        Tier::Full
    }
}

/// A regular expression compiled on first use. An invalid pattern never
/// matches (the pack loader rejects those before they get here).
#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    /// By [`Tier`].
    compiled: [OnceLock<Option<Arc<Regex>>>; 3],
}

impl Clone for LazyRegex {
    fn clone(&self) -> Self {
        let compiled: [OnceLock<Option<Arc<Regex>>>; 3] = Default::default();
        for (to, from) in compiled.iter().zip(&self.compiled) {
            if let Some(done) = from.get() {
                let _ = to.set(done.clone());
            }
        }
        LazyRegex { pattern: self.pattern.clone(), compiled }
    }
}

/// Every pattern compiled in this process, by its text and tier.
type Cache = Mutex<HashMap<(String, Tier), Option<Arc<Regex>>>>;
static COMPILED: LazyLock<Cache> = LazyLock::new(Default::default);

/// The pattern with every class cut down to the characters of `tier`.
///
/// It is parsed once and built from its parsed form, with the engines a
/// short search needs: the regex crate's defaults, less the full DFA and the
/// literal prefilters, which cost far more to build than they save on the
/// few kilobytes of a section (the lazy DFA still runs each search in one
/// pass). The matches are the same: only how they are found differs.
fn compile(pattern: &str, tier: Tier) -> Option<Regex> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let hir = if tier == Tier::Full { hir } else { narrow(hir, tier) };
    let config = meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .dfa(false)
        .auto_prefilter(false);
    meta::Builder::new().configure(config).build_from_hir(&hir).ok()
}

/// A match of a [`LazyRegex`] in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Match<'t> {
    fn new(text: &'t str, span: regex_automata::Span) -> Self {
        Match { text, start: span.start, end: span.end }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// The groups of one match of a [`LazyRegex`].
#[derive(Debug)]
pub struct Captures<'t> {
    text: &'t str,
    groups: Groups,
}

impl<'t> Captures<'t> {
    /// Group `i` (0: the whole match), when it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'t>> {
        self.groups.get_group(i).map(|span| Match::new(self.text, span))
    }
}

fn narrow(hir: Hir, tier: Tier) -> Hir {
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

impl LazyRegex {
    pub fn new(pattern: impl Into<String>) -> Self {
        LazyRegex { pattern: pattern.into(), compiled: Default::default() }
    }

    /// The pattern's text.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The compiled expression that serves `text`; `None` when the pattern is invalid.
    fn regex_for(&self, text: &str) -> Option<&Regex> {
        let tier = tier(text);
        self.compiled[tier as usize]
            .get_or_init(|| {
                let mut cache = COMPILED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                cache
                    .entry((self.pattern.clone(), tier))
                    .or_insert_with(|| compile(&self.pattern, tier).map(Arc::new))
                    .clone()
            })
            .as_deref()
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex_for(text).is_some_and(|re| re.is_match(text))
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.regex_for(text).and_then(|re| re.find(text)).map(|m| Match::new(text, m.span()))
    }

    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = Match<'t>> + use<'r, 't> {
        self.regex_for(text).into_iter().flat_map(move |re| re.find_iter(text)).map(move |m| Match::new(text, m.span()))
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        let re = self.regex_for(text)?;
        let mut groups = re.create_captures();
        re.captures(text, &mut groups);
        groups.is_match().then_some(Captures { text, groups })
    }

    pub fn split<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = &'t str> + use<'r, 't> {
        let re = self.regex_for(text);
        let whole = re.is_none().then_some(text);
        re.into_iter().flat_map(move |re| re.split(text)).map(move |span| &text[span.start..span.end]).chain(whole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_on_first_use_and_shares_the_result() {
        let a = LazyRegex::new(r"(?i)\bpriority\s+(\d)");
        assert!(a.compiled.iter().all(|c| c.get().is_none()));
        assert_eq!(a.captures("Our Priority 2 is").unwrap().get(1).unwrap().as_str(), "2");
        let b = LazyRegex::new(r"(?i)\bpriority\s+(\d)");
        assert!(b.is_match("PRIORITY 1"));
        let ascii = Tier::Ascii as usize;
        assert!(Arc::ptr_eq(
            a.compiled[ascii].get().unwrap().as_ref().unwrap(),
            b.compiled[ascii].get().unwrap().as_ref().unwrap()
        ));
        assert!(a.compiled[Tier::Full as usize].get().is_none());
    }

    #[test]
    fn a_bad_pattern_never_matches() {
        let bad = LazyRegex::new("(unclosed");
        assert!(!bad.is_match("(unclosed"));
        assert!(bad.find("x").is_none());
        assert_eq!(bad.find_iter("x").count(), 0);
        assert_eq!(bad.split("a b").collect::<Vec<_>>(), vec!["a b"]);
    }

    /// Every pattern of the built-in pack finds the same matches in each
    /// form, on texts of each kind.
    #[test]
    fn narrowed_forms_match_as_the_pattern_does() {
        let pack = crate::pack::builtin();
        let m = &pack.mapping;
        let mut patterns: Vec<String> = pack.concepts.values().flat_map(|c| c.patterns.clone()).collect();
        patterns.extend(
            m.placeholders
                .iter()
                .chain(&m.priority_markers)
                .chain(&m.benchmark_markers)
                .chain(&m.end_markers)
                .chain(&m.priority_list_lead_ins)
                .chain(&m.priority_counts)
                .chain(&m.benchmark_non_items)
                .chain(&m.priority_deferrals)
                .map(|p| format!("(?i){p}")),
        );
        patterns.push(r"\b\w+\b|\W+|(?i)k|\s+".to_string());
        let texts = [
            "District: The Murkland Elementary School and Bartlett Middle School will improve by 5 percent.",
            "Priority 1: Teachers will meet every two weeks; Who monitors: principals. Click here to enter text.",
            "Our district’s leaders — at Sánchez Elementary — surveyed 120 families in May, June and July.",
            "Principals: “We will visit 3 classrooms” • Brown University Lab, Acme Partners",
            "Škola Łódź Elementary: 40% of students ✓ improved; School: Ωmega Middle",
            "Ünïcödé  wörds—and KELVIN K sign ſ long s",
            "TBD",
            "",
        ];
        for p in &patterns {
            let full = regex::Regex::new(p).unwrap();
            for tier_ in [Tier::Ascii, Tier::Latin, Tier::Full] {
                let narrow = compile(p, tier_).unwrap();
                for text in texts.iter().filter(|t| tier(t) as usize <= tier_ as usize) {
                    let a: Vec<Vec<Option<(usize, usize)>>> = full
                        .captures_iter(text)
                        .map(|c| c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect())
                        .collect();
                    let b: Vec<Vec<Option<(usize, usize)>>> = narrow
                        .captures_iter(*text)
                        .map(|c| (0..c.group_len()).map(|i| c.get_group(i).map(|s| (s.start, s.end))).collect())
                        .collect();
                    assert_eq!(a, b, "{p} on {text}");
                    let lazy = LazyRegex::new(p.as_str());
                    let splits: Vec<&str> = full.split(text).collect();
                    assert_eq!(lazy.split(text).collect::<Vec<_>>(), splits, "{p} splits {text}");
                }
            }
        }
        assert_eq!(tier(texts[0]), Tier::Ascii);
        assert_eq!(tier(texts[2]), Tier::Latin);
        assert_eq!(tier(texts[4]), Tier::Full);
    }
}
