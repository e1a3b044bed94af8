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
//!
//! Most texts outside ASCII hold only a few word-processor characters
//! (curly quotes, dashes, bullets, a no-break space). Such a text is
//! searched in its ASCII shadow, each of those characters replaced by a
//! control character the pattern's ASCII form reads as that character
//! (see [`super::forms::STAND_INS`]), and the matches mapped back: the same
//! matches, without compiling the pattern for Unicode.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use regex_automata::dfa::{dense, regex::Regex as DfaRegex};
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::{self, pikevm::PikeVM};
use regex_automata::util::captures::Captures as AutomataGroups;
use regex_automata::util::iter::Searcher;
use regex_automata::{Anchored, Input};

pub(crate) use super::forms::Tier;
use super::forms::{narrow, tier};

/// A text outside ASCII as its ASCII shadow ([`super::forms::shadow`]),
/// which the pattern's ASCII form searches as it would the text.
#[derive(Debug)]
pub struct Shadow {
    text: String,
    /// For each byte of the shadow and its end, the byte offset in the text.
    offsets: Vec<u32>,
}

impl Shadow {
    /// The shadow of `text`, when every character of it outside ASCII has a stand-in.
    pub fn of(text: &str) -> Option<Shadow> {
        super::forms::shadow(text).map(|(text, offsets)| Shadow { text, offsets })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    fn span(&self, start: usize, end: usize) -> (usize, usize) {
        (self.offsets[start] as usize, self.offsets[end] as usize)
    }
}

/// A regular expression compiled on first use. An invalid pattern never
/// matches (the pack loader rejects those before they get here).
#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    /// By [`Tier`].
    compiled: [OnceLock<Arc<Forms>>; 3],
}

impl Clone for LazyRegex {
    fn clone(&self) -> Self {
        let compiled: [OnceLock<Arc<Forms>>; 3] = Default::default();
        for (to, from) in compiled.iter().zip(&self.compiled) {
            if let Some(done) = from.get() {
                let _ = to.set(done.clone());
            }
        }
        LazyRegex { pattern: self.pattern.clone(), compiled }
    }
}

/// A DFA of the built-in pack, deserialised from the bytes `build.rs` wrote.
type Prebuilt = DfaRegex<dense::DFA<&'static [u32]>>;

/// One pattern in one tier's form: the DFA `build.rs` compiled, when there
/// is one, and the general engine, compiled only when needed (no DFA, or
/// the groups of a match are asked for).
#[derive(Debug)]
struct Forms {
    pattern: String,
    tier: Tier,
    dfa: Option<Prebuilt>,
    /// Every match ends at the end of the text ([`super::forms::end_anchored`]).
    end_anchored: bool,
    meta: OnceLock<Option<Regex>>,
    /// For the groups of a match the DFA found: a forward NFA alone costs
    /// a fraction of the general engine to build.
    groups: OnceLock<Option<PikeVM>>,
    /// For the groups of a match in an ASCII text: the pattern as written,
    /// compiled by `regex_lite`, whose classes, `\b` and `(?i)` are ASCII
    /// ones, so it means there what the pattern narrowed to ASCII means;
    /// it compiles without Unicode tables, at a fraction of the cost of the
    /// NFA. None when it does not compile (a Unicode class such as `\p{L}`).
    lite: OnceLock<Option<regex_lite::Regex>>,
}

/// The groups of a match, as the engine that found them gives them.
#[derive(Debug)]
enum Groups {
    Automata(AutomataGroups),
    Lite(regex_lite::CaptureLocations),
}

impl Groups {
    fn get(&self, i: usize) -> Option<(usize, usize)> {
        match self {
            Groups::Automata(groups) => groups.get_group(i).map(|span| (span.start, span.end)),
            Groups::Lite(locations) => locations.get(i),
        }
    }
}

impl Forms {
    fn meta(&self) -> Option<&Regex> {
        self.meta.get_or_init(|| compile(&self.pattern, self.tier)).as_ref()
    }

    /// The groups of the match in `text` (a shadow, when `shadow`): the DFA
    /// finds where it starts, then a Pike VM, anchored there, finds its
    /// groups (the leftmost-first match is the first one by priority among
    /// those starting leftmost).
    fn captures(&self, text: &str, shadow: bool) -> Option<Groups> {
        let Some(dfa) = &self.dfa else {
            let re = self.meta()?;
            let mut groups = re.create_captures();
            re.captures(text, &mut groups);
            return groups.is_match().then_some(Groups::Automata(groups));
        };
        let start = dfa.try_search(&Input::new(text)).ok()??.start();
        // The leftmost-first match starts at `start`: searched for from
        // there (with the text before it as context for `\b`), it is found again.
        // (Not in a shadow, whose stand-ins regex-lite reads as control characters.)
        if self.tier == Tier::Ascii
            && !shadow
            && let Some(lite) = self.lite.get_or_init(|| regex_lite::Regex::new(&self.pattern).ok()).as_ref()
        {
            let mut locations = lite.capture_locations();
            lite.captures_read_at(&mut locations, text, start)?;
            return Some(Groups::Lite(locations));
        }
        let vm = self
            .groups
            .get_or_init(|| {
                let hir = narrow(regex_syntax::Parser::new().parse(&self.pattern).ok()?, self.tier);
                let nfa = thompson::Compiler::new()
                    .configure(thompson::Config::new().nfa_size_limit(Some(10 * (1 << 20))))
                    .build_from_hir(&hir)
                    .ok()?;
                PikeVM::new_from_nfa(nfa).ok()
            })
            .as_ref()?;
        let mut cache = vm.create_cache();
        let mut groups = vm.create_captures();
        vm.search(&mut cache, &Input::new(text).range(start..).anchored(Anchored::Yes), &mut groups);
        groups.is_match().then_some(Groups::Automata(groups))
    }

    /// The match starting the search `input`, by the DFA or the general engine.
    fn search(&self, input: &Input<'_>) -> Option<regex_automata::Match> {
        // A pattern anchored at the end of the text matches there or not at
        // all: the reverse DFA, anchored at the end, reads back only as far
        // as the match can reach and stops at its leftmost start (as the
        // forward search would find it).
        if self.end_anchored
            && let Some(dfa) = &self.dfa
            && input.start() == 0
            && input.end() == input.haystack().len()
        {
            let back = input.clone().anchored(Anchored::Yes).earliest(false);
            if let Ok(found) = regex_automata::dfa::Automaton::try_search_rev(dfa.reverse(), &back) {
                return found
                    .map(|start| regex_automata::Match::new(start.pattern(), start.offset()..input.haystack().len()));
            }
        }
        if let Some(dfa) = &self.dfa
            && let Ok(found) = dfa.try_search(input)
        {
            return found;
        }
        self.meta().and_then(|re| re.search(input))
    }
}

/// Every pattern form used in this process, by its text and tier.
type Cache = Mutex<HashMap<(String, Tier), Arc<Forms>>>;
static COMPILED: LazyLock<Cache> = LazyLock::new(Default::default);

/// Bytes `build.rs` wrote, aligned as a DFA's transitions must be (and as
/// the u64 runs of the pattern sets read): one wrapper for every such table.
#[repr(C)]
pub(crate) struct Aligned<B: ?Sized> {
    pub(crate) _align: [u64; 0],
    pub(crate) bytes: B,
}

/// The DFAs `build.rs` compiled from the built-in pack's patterns.
static PREBUILT_BYTES: &Aligned<[u8]> =
    &Aligned { _align: [], bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/patterns.dfa")) };
/// (pattern, tier, forward DFA's byte range, reverse DFA's byte range,
/// whether every match ends at the end of the text), sorted by pattern and tier.
type PrebuiltEntry = (&'static str, u8, (usize, usize), (usize, usize), bool);
static PREBUILT: &[PrebuiltEntry] = include!(concat!(env!("OUT_DIR"), "/patterns.rs"));

/// The DFA `build.rs` compiled for `pattern` in `tier`'s form, if any, and
/// whether every match of the pattern ends at the end of the text.
fn prebuilt(pattern: &str, tier: Tier, checked: bool) -> Option<(Prebuilt, bool)> {
    if cfg!(target_endian = "big") {
        return None;
    }
    let i = PREBUILT.binary_search_by(|(p, t, _, _, _)| (*p, *t).cmp(&(pattern, tier as u8))).ok()?;
    let (_, _, fwd, rev, end_anchored) = PREBUILT[i];
    let bytes = &PREBUILT_BYTES.bytes;
    let dfa = |(from, to): (usize, usize)| -> Option<dense::DFA<&'static [u32]>> {
        let slice = bytes.get(from..to)?;
        if checked {
            return dense::DFA::from_bytes(slice).ok().map(|(dfa, _)| dfa);
        }
        // SAFETY: these bytes are what `build.rs` serialised with this very
        // version of regex-automata (`DFA::write_to_native_endian`), built
        // into the binary and never changed, so they are a valid DFA; the
        // test `prebuilt_dfas_are_valid` checks every one of them with the
        // validating `from_bytes`. Unchecked, a DFA costs nothing to load
        // (validating one reads its whole transition table).
        unsafe { dense::DFA::from_bytes_unchecked(slice).ok().map(|(dfa, _)| dfa) }
    };
    Some((DfaRegex::builder().build_from_dfas(dfa(fwd)?, dfa(rev)?), end_anchored))
}

/// The pattern with every class cut down to the characters of `tier`.
///
/// It is parsed once and built from its parsed form, with the engines a
/// short search needs: the regex crate's defaults, less the full DFA and the
/// literal prefilters, which cost far more to build than they save on the
/// few kilobytes of a section (the lazy DFA still runs each search in one
/// pass). The matches are the same: only how they are found differs.
fn compile(pattern: &str, tier: Tier) -> Option<Regex> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let hir = narrow(hir, tier);
    let config = meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .dfa(false)
        .auto_prefilter(false);
    meta::Builder::new().configure(config).build_from_hir(&hir).ok()
}

/// The [`Tier`] of `text` and its shadow, if it is not ASCII and has one.
/// The last text read is remembered (per thread): the mapper asks a dozen
/// patterns about each line, and comparing the text again costs a fraction
/// of reading it.
fn read(text: &str) -> (Tier, Option<std::rc::Rc<Shadow>>) {
    type Read = (String, Tier, Option<std::rc::Rc<Shadow>>);
    thread_local! {
        static LAST: std::cell::RefCell<Option<Read>> = const { std::cell::RefCell::new(None) };
    }
    /// Longer texts are read each time rather than copied.
    const REMEMBERED: usize = 1 << 16;
    if text.len() > REMEMBERED {
        let tier = tier(text);
        return (tier, if tier == Tier::Ascii { None } else { Shadow::of(text).map(std::rc::Rc::new) });
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((seen, tier, shadow)) = last.as_ref()
            && seen == text
        {
            return (*tier, shadow.clone());
        }
        let tier = tier(text);
        let shadow = if tier == Tier::Ascii { None } else { Shadow::of(text).map(std::rc::Rc::new) };
        match last.as_mut() {
            Some((seen, t, s)) => {
                seen.clear();
                seen.push_str(text);
                *t = tier;
                *s = shadow.clone();
            }
            None => *last = Some((text.to_string(), tier, shadow.clone())),
        }
        (tier, shadow)
    })
}

/// One iterator or another.
enum Either<A, B> {
    Left(A),
    Right(B),
}

impl<T, A: Iterator<Item = T>, B: Iterator<Item = T>> Iterator for Either<A, B> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            Either::Left(a) => a.next(),
            Either::Right(b) => b.next(),
        }
    }
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
    /// The shadow's offsets, when the groups were found in the text's shadow.
    offsets: Option<Vec<u32>>,
}

impl<'t> Captures<'t> {
    /// Group `i` (0: the whole match), when it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'t>> {
        let (start, end) = self.groups.get(i)?;
        let (start, end) = match &self.offsets {
            Some(offsets) => (offsets[start] as usize, offsets[end] as usize),
            None => (start, end),
        };
        Some(Match { text: self.text, start, end })
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

    /// The forms of the pattern for a text of `tier`.
    fn forms_in(&self, tier: Tier) -> &Forms {
        self.compiled[tier as usize].get_or_init(|| {
            let mut cache = COMPILED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            cache
                .entry((self.pattern.clone(), tier))
                .or_insert_with(|| {
                    let (dfa, end_anchored) = match prebuilt(&self.pattern, tier, false) {
                        Some((dfa, end_anchored)) => (Some(dfa), end_anchored),
                        None => (None, false),
                    };
                    Arc::new(Forms {
                        pattern: self.pattern.clone(),
                        tier,
                        dfa,
                        end_anchored,
                        meta: OnceLock::new(),
                        groups: OnceLock::new(),
                        lite: OnceLock::new(),
                    })
                })
                .clone()
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        let (tier, shadow) = read(text);
        if let Some(shadow) = shadow {
            return self.forms_in(Tier::Ascii).search(&Input::new(&shadow.text).earliest(true)).is_some();
        }
        self.forms_in(tier).search(&Input::new(text).earliest(true)).is_some()
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        let (tier, shadow) = read(text);
        if let Some(shadow) = shadow {
            let m = self.forms_in(Tier::Ascii).search(&Input::new(&shadow.text))?;
            let (start, end) = shadow.span(m.start(), m.end());
            return Some(Match { text, start, end });
        }
        self.forms_in(tier).search(&Input::new(text)).map(|m| Match::new(text, m.span()))
    }

    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = Match<'t>> + use<'r, 't> {
        let (tier, shadow) = read(text);
        self.find_iter_shadowed(text, tier, shadow.as_deref())
    }

    /// [`LazyRegex::find_iter`] for a text whose [`Tier`] is known
    /// (`forms::tier(text)`), searched in `shadow` (its shadow) if any.
    pub fn find_iter_shadowed<'r, 't>(
        &'r self,
        text: &'t str,
        tier: Tier,
        shadow: Option<&Shadow>,
    ) -> impl Iterator<Item = Match<'t>> + use<'r, 't> {
        if let Some(shadow) = shadow.filter(|_| tier != Tier::Ascii) {
            let forms = self.forms_in(Tier::Ascii);
            let mut searcher = Searcher::new(Input::new(&shadow.text));
            let found: Vec<Match<'t>> = std::iter::from_fn(|| searcher.advance(|input| Ok(forms.search(input))))
                .map(|m| {
                    let (start, end) = shadow.span(m.start(), m.end());
                    Match { text, start, end }
                })
                .collect();
            return Either::Left(found.into_iter());
        }
        let forms = self.forms_in(tier);
        let mut searcher = Searcher::new(Input::new(text));
        Either::Right(
            std::iter::from_fn(move || searcher.advance(|input| Ok(forms.search(input))))
                .map(move |m| Match::new(text, m.span())),
        )
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        let (tier, shadow) = read(text);
        if let Some(shadow) = shadow {
            let groups = self.forms_in(Tier::Ascii).captures(&shadow.text, true)?;
            return Some(Captures { text, groups, offsets: Some(shadow.offsets.clone()) });
        }
        self.forms_in(tier).captures(text, false).map(|groups| Captures { text, groups, offsets: None })
    }

    pub fn split<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = &'t str> + use<'r, 't> {
        let mut matches = self.find_iter(text);
        let mut last = Some(0);
        // As the regex crate splits: the text between matches, then the rest.
        std::iter::from_fn(move || {
            let from = last?;
            match matches.next() {
                Some(m) => {
                    last = Some(m.end());
                    Some(&text[from..m.start()])
                }
                None => {
                    last = None;
                    Some(&text[from..])
                }
            }
        })
    }
}

/// Patterns of which only one thing is asked: whether any of them matches
/// a text. For a list of the built-in pack, `build.rs` compiled one DFA over
/// all of them in their ASCII form (`any-sets.dfa`): an ASCII text (or the
/// ASCII shadow of one) is then read once, not once per pattern. Any other
/// text, or a list with no such DFA, is asked pattern by pattern; the
/// answer is the same.
#[derive(Debug, Clone)]
pub struct AnyOf {
    each: Vec<LazyRegex>,
    union: Option<dense::DFA<&'static [u32]>>,
}

/// The bytes of the DFAs over the built-in pack's lists (see [`AnyOf`]).
static ANY_SET_BYTES: &Aligned<[u8]> =
    &Aligned { _align: [], bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/any-sets.dfa")) };
/// (a list's patterns, as the engine writes them, and its DFA's byte range).
type AnySetEntry = (&'static [&'static str], (usize, usize));
static ANY_SETS: &[AnySetEntry] = include!(concat!(env!("OUT_DIR"), "/any-sets.rs"));

/// The DFA `build.rs` compiled over exactly `patterns`, if any.
fn union_of(patterns: &[String], checked: bool) -> Option<dense::DFA<&'static [u32]>> {
    if cfg!(target_endian = "big") || patterns.is_empty() {
        return None;
    }
    let &(_, (from, to)) = ANY_SETS
        .iter()
        .find(|(list, _)| list.len() == patterns.len() && list.iter().zip(patterns).all(|(a, b)| *a == b))?;
    let slice = ANY_SET_BYTES.bytes.get(from..to)?;
    if checked {
        return dense::DFA::from_bytes(slice).ok().map(|(dfa, _)| dfa);
    }
    // SAFETY: as for `prebuilt`: bytes `build.rs` serialised with this very
    // version of regex-automata, built into the binary; the test
    // `any_sets_are_valid_and_answer_as_each_pattern` validates every one.
    unsafe { dense::DFA::from_bytes_unchecked(slice).ok().map(|(dfa, _)| dfa) }
}

impl AnyOf {
    pub fn new(patterns: Vec<String>) -> Self {
        let union = union_of(&patterns, false);
        AnyOf { each: patterns.into_iter().map(LazyRegex::new).collect(), union }
    }

    /// Whether any of the patterns matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        if let Some(dfa) = &self.union {
            let (tier, shadow) = read(text);
            let searched = match (&shadow, tier) {
                (Some(shadow), _) => Some(shadow.text()),
                (None, Tier::Ascii) => Some(text),
                (None, _) => None,
            };
            if let Some(searched) = searched
                && let Ok(found) =
                    regex_automata::dfa::Automaton::try_search_fwd(dfa, &Input::new(searched).earliest(true))
            {
                return found.is_some();
            }
        }
        self.each.iter().any(|re| re.is_match(text))
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
        assert!(Arc::ptr_eq(a.compiled[ascii].get().unwrap(), b.compiled[ascii].get().unwrap()));
        assert!(a.compiled[Tier::Full as usize].get().is_none());
    }

    #[test]
    fn a_text_with_word_processor_characters_is_searched_in_its_shadow() {
        let text = "Owner:\u{a0}the principal’s team — weekly";
        let shadow = Shadow::of(text).unwrap();
        assert_eq!(shadow.text(), "Owner:\x01the principal\x13s team \x11 weekly");
        // The stand-ins are read as their characters: a literal apostrophe
        // or space is not a curly one or a no-break space, `\s` and `\W` hold them.
        for (pattern, expected) in [
            (r"(?i)\bweekly\b|\bteam\b", vec!["team", "weekly"]),
            (r"principal's|Owner: the", vec![]),
            (r"principal’s|[’]s\b|\s—\s", vec!["principal’s", " — "]),
            (r"Owner:\s+\w+", vec!["Owner:\u{a0}the"]),
            (r"\W+", vec![":\u{a0}", " ", "’", " ", " — "]),
        ] {
            let lazy = LazyRegex::new(pattern);
            assert_eq!(lazy.find_iter(text).map(|m| m.as_str()).collect::<Vec<_>>(), expected, "{pattern}");
            assert!(lazy.compiled[Tier::Latin as usize].get().is_none(), "{pattern} was searched in the shadow");
        }
        let groups = LazyRegex::new(r"Owner:\s+(\w+)\s+(\w+)").captures(text).unwrap();
        assert_eq!(groups.get(2).unwrap().as_str(), "principal");
        assert_eq!(groups.get(0).unwrap().as_str(), "Owner:\u{a0}the principal");
        // A character without a stand-in, or a control character, leaves the text unshadowed.
        assert!(Shadow::of("Sánchez").is_none());
        assert!(Shadow::of("a\x01b").is_none());
        assert_eq!(tier("a\x01b"), Tier::Latin);
        // The stand-ins are not word characters, as their control characters are not.
        for &(c, b) in crate::pack::forms::STAND_INS {
            assert!(!regex_syntax::is_word_character(c), "{c:?}");
            assert!(crate::pack::forms::is_stand_in(b), "{c:?}");
        }
        let bytes: std::collections::BTreeSet<u8> = crate::pack::forms::STAND_INS.iter().map(|s| s.1).collect();
        assert_eq!(bytes.len(), crate::pack::forms::STAND_INS.len(), "one stand-in per character");
        assert!(crate::pack::forms::STAND_INS.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
    }

    #[test]
    fn a_bad_pattern_never_matches() {
        let bad = LazyRegex::new("(unclosed");
        assert!(!bad.is_match("(unclosed"));
        assert!(bad.find("x").is_none());
        assert_eq!(bad.find_iter("x").count(), 0);
        assert_eq!(bad.split("a b").collect::<Vec<_>>(), vec!["a b"]);
    }

    /// Every pattern the engine builds from the built-in pack.
    fn builtin_patterns() -> Vec<String> {
        let pack = crate::pack::builtin();
        let m = &pack.mapping;
        let mut patterns: Vec<String> = pack.concepts.values().flat_map(|c| c.patterns.clone()).collect();
        patterns.extend(
            m.placeholders
                .iter()
                .chain(&m.priority_markers)
                .chain(&m.benchmark_markers)
                .chain(&m.benchmark_level_markers)
                .chain(&m.benchmark_deadlines)
                .chain(&m.priority_short_markers)
                .chain(&m.priority_alt_markers)
                .chain(&m.benchmark_dated_labels)
                .chain(&m.cross_references)
                .chain(&m.section_references)
                .chain(&m.end_markers)
                .chain(&m.priority_list_lead_ins)
                .chain(&m.priority_counts)
                .chain(&m.benchmark_non_items)
                .chain(&m.priority_deferrals)
                .chain(&m.heading_continued)
                .map(|p| format!("(?i){p}")),
        );
        patterns.push(crate::pack::forms::numbering(&m.heading_number_words));
        patterns.push(crate::pack::forms::joiners(&m.heading_joiners));
        patterns.push(crate::pack::forms::district_generic(&pack.districts.name_suffixes));
        patterns.extend(crate::pack::forms::ENGINE_PATTERNS.iter().map(|p| p.to_string()));
        patterns
    }

    /// Every list of the built-in pack asked only "does any match" has its
    /// DFA, which passes full validation and answers as its patterns do,
    /// on texts of each kind (ASCII, a shadow's stand-ins, other scripts).
    #[test]
    fn any_sets_are_valid_and_answer_as_each_pattern() {
        let pack = crate::pack::builtin();
        let m = &pack.mapping;
        let lists = [
            &m.placeholders,
            &m.end_markers,
            &m.benchmark_level_markers,
            &m.benchmark_deadlines,
            &m.priority_list_lead_ins,
            &m.benchmark_non_items,
            &m.priority_deferrals,
            &m.cross_references,
        ];
        let texts = [
            "",
            "TBD",
            "tbd.",
            "N/A",
            "To be completed by the DILT in August.",
            "This section will be completed by the district team",
            "Appendix A: Data",
            "References",
            "Level: district",
            "By June 2024",
            "Our priorities are:",
            "We will meet every six weeks to review student work.",
            "District response:",
            "“TBD”",
            "To be completed — August",
            "À déterminer",
            "   ",
            "Priority 1: Strengthen literacy instruction in every K-8 classroom.",
        ];
        for list in lists {
            let patterns: Vec<String> = list.iter().map(|p| format!("(?i){p}")).collect();
            assert!(union_of(&patterns, true).is_some(), "no DFA for {patterns:?}");
            let any = AnyOf::new(patterns.clone());
            assert!(any.union.is_some());
            let each: Vec<LazyRegex> = patterns.iter().map(|p| LazyRegex::new(p.clone())).collect();
            for text in texts.iter().copied().chain(list.iter().map(String::as_str)) {
                assert_eq!(any.is_match(text), each.iter().any(|re| re.is_match(text)), "{text:?} in {patterns:?}");
            }
        }
        // The placeholders' DFA does say yes, and no.
        let placeholders = AnyOf::new(m.placeholders.iter().map(|p| format!("(?i){p}")).collect());
        for (text, placeholder) in [("TBD", true), ("[Insert text]", true), ("“TBD”", false), ("We met.", false)] {
            assert_eq!(placeholders.is_match(text), placeholder, "{text}");
        }
        for &(list, _) in ANY_SETS {
            let patterns: Vec<String> = list.iter().map(|p| p.to_string()).collect();
            assert!(union_of(&patterns, true).is_some(), "{list:?}");
        }
    }

    /// Every DFA `build.rs` wrote passes the full validation of
    /// `DFA::from_bytes` (the crate loads them without it), and every
    /// pattern of the built-in pack has one for ASCII texts.
    #[test]
    fn prebuilt_dfas_are_valid() {
        assert!(!PREBUILT.is_empty());
        for &(pattern, tier, _, _, _) in PREBUILT {
            let tier = [Tier::Ascii, Tier::Latin, Tier::Full][tier as usize];
            assert!(prebuilt(pattern, tier, true).is_some(), "{pattern} {tier:?}");
        }
        for p in builtin_patterns() {
            assert!(prebuilt(&p, Tier::Ascii, true).is_some(), "no DFA for {p}");
        }
        assert!(PREBUILT.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)), "sorted for binary search");
    }

    /// Every pattern of the built-in pack finds the same matches in each
    /// form (the DFAs `build.rs` compiled and the general engine), on texts
    /// of each kind, as the regex crate finds them with the pattern as written.
    #[test]
    fn narrowed_forms_match_as_the_pattern_does() {
        let mut patterns = builtin_patterns();
        patterns.push(r"\b\w+\b|\W+|(?i)k|\s+".to_string());
        let texts = [
            "District: The Murkland Elementary School and Bartlett Middle School will improve by 5 percent.",
            "Priority 1: Teachers will meet every two weeks; Who monitors: principals. Click here to enter text.",
            "Our district’s leaders — at Sánchez Elementary — surveyed 120 families in May, June and July.",
            "Principals: “We will visit 3 classrooms” • Brown University Lab, Acme Partners",
            "Škola Łódź Elementary: 40% of students ✓ improved; School: Ωmega Middle",
            "Ünïcödé  wörds—and KELVIN K sign ſ long s",
            "Section 2: Analysis & Data / Root Causes (cont’d) — Springfield Public Schools",
            // Only characters with stand-ins: searched in the ASCII shadow.
            "School leaders — monthly principals’ mtg; Owner:\u{a0}the ILT… § 3 · 40%\u{a0}of students ● Teachers – weekly",
            "•\tDistrict – Priority 1: “Literacy” by June… don’t wait; Who monitors:\u{a0}Principals → 85 percent",
            "‘Families’: 12 families—surveyed; Frequency:\u{feff} monthly • ELA 45 % ✓",
            "Outcomes, continued",
            "Section 4: Outcomes (cont’d)",
            "Monitoring – continued ",
            "TBD",
            "",
        ];
        let (mut dfas, mut lite, mut asked, mut anchored) = (0, 0, 0, 0);
        for p in &patterns {
            let full = regex::Regex::new(p).unwrap();
            for tier_ in [Tier::Ascii, Tier::Latin, Tier::Full] {
                let narrow = compile(p, tier_).unwrap();
                let (dfa, end_anchored) = prebuilt(p, tier_, true).map_or((None, false), |(d, e)| (Some(d), e));
                dfas += usize::from(dfa.is_some());
                anchored += usize::from(end_anchored);
                let forms = Forms {
                    pattern: p.clone(),
                    tier: tier_,
                    dfa,
                    end_anchored,
                    meta: OnceLock::new(),
                    groups: OnceLock::new(),
                    lite: OnceLock::new(),
                };
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
                    let whole: Vec<(usize, usize)> = full.find_iter(text).map(|m| (m.start(), m.end())).collect();
                    let mut searcher = Searcher::new(Input::new(*text));
                    let found: Vec<(usize, usize)> =
                        std::iter::from_fn(|| searcher.advance(|input| Ok(forms.search(input))))
                            .map(|m| (m.start(), m.end()))
                            .collect();
                    assert_eq!(whole, found, "{p} ({tier_:?} forms) on {text}");
                    assert_eq!(full.is_match(text), forms.search(&Input::new(*text).earliest(true)).is_some());
                    let lazy = LazyRegex::new(p.as_str());
                    let splits: Vec<&str> = full.split(text).collect();
                    assert_eq!(lazy.split(text).collect::<Vec<_>>(), splits, "{p} splits {text}");
                    assert_eq!(lazy.is_match(text), full.is_match(text), "{p} is_match {text}");
                    assert_eq!(
                        lazy.find(text).map(|m| (m.start(), m.end())),
                        full.find(text).map(|m| (m.start(), m.end())),
                        "{p} find {text}"
                    );
                    let groups = |c: Option<Captures>| {
                        c.map(|c| (0..4).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect::<Vec<_>>())
                    };
                    let expected = full
                        .captures(text)
                        .map(|c| (0..4).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect::<Vec<_>>());
                    assert_eq!(groups(lazy.captures(text)), expected, "{p} captures on {text}");
                    let in_form = forms.captures(text, false).map(|g| Captures { text, groups: g, offsets: None });
                    assert_eq!(groups(in_form), expected, "{p} ({tier_:?} forms) captures on {text}");
                }
                // An ASCII text's groups came from the pattern compiled by regex-lite.
                if tier_ == Tier::Ascii
                    && forms.dfa.is_some()
                    && texts.iter().any(|t| tier(t) == Tier::Ascii && full.is_match(t))
                {
                    lite += usize::from(matches!(forms.lite.get(), Some(Some(_))));
                    asked += 1;
                }
            }
        }
        assert!(dfas >= patterns.len() - 1, "{dfas} DFAs");
        // The headings' "(continued)" patterns, searched from the end.
        assert!(anchored >= 3, "{anchored} DFAs of patterns anchored at the end");
        // (Not those with a Unicode class, `\p{Lu}`, which regex-lite does not have.)
        assert!(asked > 10 && lite + 2 >= asked, "regex-lite served {lite} of {asked} patterns");
        assert!(texts[7..10].iter().all(|t| tier(t) != Tier::Ascii && Shadow::of(t).is_some()));
        assert_eq!(tier(texts[0]), Tier::Ascii);
        assert_eq!(tier(texts[2]), Tier::Latin);
        assert_eq!(tier(texts[4]), Tier::Full);
    }
}
