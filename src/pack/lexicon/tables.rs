//! A pack's vocabulary compiled to plain tables: every term, trigger,
//! pseudo-trigger and ongoing cue as a phrase of words, and the indexes by
//! a phrase's first word. `build.rs` compiles the built-in pack's with this
//! very module and writes the result as static data (`Cow::Borrowed`), so a
//! run of the built-in pack compiles nothing; another pack is compiled when
//! first used (`Cow::Owned`). Only `std` here: `build.rs` includes the file.

use std::borrow::Cow;
use std::collections::BTreeMap;

pub type Str = Cow<'static, str>;
pub type List<T> = Cow<'static, [T]>;

/// One word of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Word {
    /// Matches a token with this stem.
    Stem(Str),
    /// Matches a token written exactly so, or with a plural "s" ("ML", "MLs").
    Caps(Str),
    /// Matches a token whose lower case starts so.
    Prefix(Str),
    /// Matches a token whose lower case is exactly this (a term written "=regularly").
    Exact(Str),
}

#[derive(Debug, Clone)]
pub struct Phrase {
    pub words: List<Word>,
}

/// A trigger: its category and direction as [`CATEGORIES`] and
/// [`DIRECTIONS`] number them.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub category: u8,
    pub direction: u8,
    pub first: Phrase,
    /// The second half of a "no ... was gathered" trigger.
    pub second: Option<Phrase>,
}

/// The pack's names of trigger categories, in the order of their numbers.
pub const CATEGORIES: [&str; 5] = ["negated", "not-done", "hypothetical", "future", "reported"];
/// The pack's names of trigger directions, in the order of their numbers.
pub const DIRECTIONS: [&str; 4] = ["forward", "backward", "both", "condition"];

/// Items (phrases, or entries naming one) by their phrase's first word, so
/// a token is compared only with the phrases that can start at it. Each
/// list is sorted by its key (binary search) and holds the items in the
/// order they were added.
#[derive(Debug, Clone, Default)]
pub struct FirstWords {
    pub stem: Index,
    pub caps: Index,
    pub exact: Index,
    /// By the prefix itself: a token is looked up by each of its own
    /// prefixes of a length some prefix has, when it starts as one does.
    pub prefix: Index,
    /// Sorted.
    pub prefix_lens: List<u32>,
    /// Sorted.
    pub prefix_starts: List<u8>,
}

/// Items by a word: a hash table (open addressing) over the keys.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Sorted by key.
    pub keys: List<(Str, List<u32>)>,
    /// A power of two long (or empty): 0 for a free slot, else 1 + the key's index.
    pub slots: List<u32>,
}

impl Index {
    fn new(keys: Vec<(Str, List<u32>)>) -> Self {
        let mut slots = vec![0u32; if keys.is_empty() { 0 } else { (keys.len() * 2).next_power_of_two() }];
        let mask = slots.len().wrapping_sub(1);
        for (i, (key, _)) in keys.iter().enumerate() {
            let mut at = key_hash(key) as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = i as u32 + 1;
        }
        Index { keys: keys.into(), slots: slots.into() }
    }

    /// The items of `key`, whose [`key_hash`] is `hash`.
    pub fn get_hashed(&self, key: &str, hash: u64) -> Option<&[u32]> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots[at] as usize;
            if slot == 0 {
                return None;
            }
            let (k, items) = &self.keys[slot - 1];
            if **k == *key {
                return Some(items);
            }
            at = (at + 1) & mask;
        }
    }
}

/// The hash of an index's key.
pub fn key_hash(key: &str) -> u64 {
    let mut h = Hasher(0x9e37_79b9_7f4a_7c15);
    h.text(key);
    h.0 ^ (h.0 >> 32)
}

/// A concept's own patterns (indices into [`Tables::patterns`]) and stop words.
#[derive(Debug, Clone)]
pub struct ConceptTables {
    pub patterns: List<u32>,
    /// Lower case, sorted, without repeats.
    pub stop_words: List<Str>,
}

/// The compiled vocabulary.
#[derive(Debug, Clone)]
pub struct Tables {
    /// What it was compiled from (see [`Input::fingerprint`]).
    pub fingerprint: u64,
    pub concepts: List<ConceptTables>,
    /// Indices into `entries` by the phrase's first word.
    pub by_first: FirstWords,
    /// (concept, phrase).
    pub entries: List<(u32, u32)>,
    pub phrases: List<Phrase>,
    /// Longest first.
    pub triggers: List<Trigger>,
    pub pseudo: List<Phrase>,
    pub ongoing: List<Phrase>,
    /// Every distinct concept pattern.
    pub patterns: List<Str>,
    /// Indices into `pseudo`, `triggers` and `ongoing` by their first word.
    pub pseudo_first: FirstWords,
    pub trigger_first: FirstWords,
    pub ongoing_first: FirstWords,
}

/// What the tables are compiled from: the pack's `context` and `concepts`.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub terminators: Vec<&'a str>,
    pub pseudo: Vec<&'a str>,
    pub ongoing: Vec<&'a str>,
    /// (category, direction, terms), as the pack names them.
    pub triggers: Vec<(&'a str, &'a str, Vec<&'a str>)>,
    /// In the order of their names.
    pub concepts: Vec<ConceptInput<'a>>,
}

#[derive(Debug, Clone, Default)]
pub struct ConceptInput<'a> {
    pub name: &'a str,
    pub terms: Vec<&'a str>,
    pub patterns: Vec<&'a str>,
    pub include: Vec<&'a str>,
    pub stop_words: Vec<&'a str>,
}

impl Input<'_> {
    /// A hash of everything the tables are compiled from (and of this
    /// module's format), the same in `build.rs` and at run time: equal
    /// fingerprints, equal tables.
    pub fn fingerprint(&self) -> u64 {
        let mut h = Hasher(0x6c65_7869_636f_6e31);
        let list = |h: &mut Hasher, items: &[&str]| {
            h.word(items.len() as u64);
            items.iter().for_each(|s| h.text(s));
        };
        list(&mut h, &self.terminators);
        list(&mut h, &self.pseudo);
        list(&mut h, &self.ongoing);
        h.word(self.triggers.len() as u64);
        for (category, direction, terms) in &self.triggers {
            h.text(category);
            h.text(direction);
            list(&mut h, terms);
        }
        h.word(self.concepts.len() as u64);
        for c in &self.concepts {
            h.text(c.name);
            list(&mut h, &c.terms);
            list(&mut h, &c.patterns);
            list(&mut h, &c.include);
            list(&mut h, &c.stop_words);
        }
        h.0
    }

    /// Compiles the tables; `stem` gives the Snowball stem of a lower-case word.
    pub fn compile(&self, stem: &mut dyn FnMut(&str) -> String) -> Tables {
        let mut phrase = |term: &str| compile_phrase(term, stem);
        let pseudo: Vec<Phrase> = self.pseudo.iter().filter_map(|p| phrase(p)).collect();
        let ongoing: Vec<Phrase> = self.ongoing.iter().filter_map(|p| phrase(p)).collect();
        let mut triggers = Vec::new();
        for (category, direction, terms) in &self.triggers {
            let category = CATEGORIES.iter().position(|c| c == category).unwrap_or(0) as u8;
            let direction = DIRECTIONS.iter().position(|d| d == direction).unwrap_or(0) as u8;
            for term in terms {
                let (first, second) = match term.split_once("...") {
                    Some((a, b)) => (phrase(a), phrase(b)),
                    None => (phrase(term), None),
                };
                if let Some(first) = first {
                    triggers.push(Trigger { category, direction, first, second });
                }
            }
        }
        // Longer triggers first, so "did not conduct" wins over "not".
        triggers
            .sort_by_key(|t| std::cmp::Reverse(t.first.words.len() + t.second.as_ref().map_or(0, |s| s.words.len())));
        let index = |phrases: &mut dyn Iterator<Item = &Phrase>| {
            let mut first = FirstWordsBuilder::default();
            for (i, p) in phrases.enumerate() {
                first.add(&p.words[0], i as u32);
            }
            first.finish()
        };
        let trigger_first = index(&mut triggers.iter().map(|t| &t.first));
        let pseudo_first = index(&mut pseudo.iter());
        let ongoing_first = index(&mut ongoing.iter());

        let by_name: BTreeMap<&str, &ConceptInput> = self.concepts.iter().map(|c| (c.name, c)).collect();
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut entries: Vec<(u32, u32)> = Vec::new();
        let mut by_first = FirstWordsBuilder::default();
        let mut patterns: Vec<Str> = Vec::new();
        let mut concepts = Vec::new();
        // A term several concepts share (by inclusion) is compiled once.
        let mut compiled_terms: BTreeMap<&str, Option<u32>> = BTreeMap::new();
        for (ci, concept) in self.concepts.iter().enumerate() {
            let (mut terms, mut pats, mut stops) = (Vec::new(), Vec::new(), Vec::new());
            collect(&by_name, concept, &mut Vec::new(), &mut terms, &mut pats, &mut stops);
            for term in terms {
                let pi = *compiled_terms.entry(term).or_insert_with(|| {
                    phrase(term).map(|p| {
                        phrases.push(p);
                        phrases.len() as u32 - 1
                    })
                });
                if let Some(pi) = pi {
                    by_first.add(&phrases[pi as usize].words[0], entries.len() as u32);
                    entries.push((ci as u32, pi));
                }
            }
            // A pattern several concepts share (by inclusion) is searched for once per unit.
            let pats: Vec<u32> = pats
                .iter()
                .map(|p| match patterns.iter().position(|known| known == p) {
                    Some(i) => i as u32,
                    None => {
                        patterns.push(Cow::Owned(p.to_string()));
                        patterns.len() as u32 - 1
                    }
                })
                .collect();
            let mut stops: Vec<Str> = stops.iter().map(|s| Cow::Owned(s.to_lowercase())).collect();
            stops.sort();
            stops.dedup();
            concepts.push(ConceptTables { patterns: pats.into(), stop_words: stops.into() });
        }
        Tables {
            fingerprint: self.fingerprint(),
            concepts: concepts.into(),
            by_first: by_first.finish(),
            entries: entries.into(),
            phrases: phrases.into(),
            triggers: triggers.into(),
            pseudo: pseudo.into(),
            ongoing: ongoing.into(),
            patterns: patterns.into(),
            pseudo_first,
            trigger_first,
            ongoing_first,
        }
    }
}

/// Terms, patterns and stop words of a concept and the concepts it
/// includes (each included concept once).
fn collect<'a>(
    by_name: &BTreeMap<&str, &ConceptInput<'a>>,
    concept: &ConceptInput<'a>,
    seen: &mut Vec<&'a str>,
    terms: &mut Vec<&'a str>,
    patterns: &mut Vec<&'a str>,
    stops: &mut Vec<&'a str>,
) {
    terms.extend(&concept.terms);
    patterns.extend(&concept.patterns);
    stops.extend(&concept.stop_words);
    for &name in &concept.include {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        if let Some(inner) = by_name.get(name) {
            collect(by_name, inner, seen, terms, patterns, stops);
        }
    }
}

#[derive(Default)]
struct FirstWordsBuilder {
    stem: BTreeMap<String, Vec<u32>>,
    caps: BTreeMap<String, Vec<u32>>,
    exact: BTreeMap<String, Vec<u32>>,
    prefix: BTreeMap<String, Vec<u32>>,
}

impl FirstWordsBuilder {
    fn add(&mut self, first: &Word, item: u32) {
        let (map, key) = match first {
            Word::Stem(s) => (&mut self.stem, s),
            Word::Caps(w) => (&mut self.caps, w),
            Word::Exact(w) => (&mut self.exact, w),
            Word::Prefix(p) => (&mut self.prefix, p),
        };
        match map.get_mut(key.as_ref()) {
            Some(items) => items.push(item),
            None => {
                map.insert(key.to_string(), vec![item]);
            }
        }
    }

    fn finish(self) -> FirstWords {
        let list = |map: BTreeMap<String, Vec<u32>>| -> Index {
            Index::new(map.into_iter().map(|(k, v)| (Cow::Owned(k), Cow::Owned(v))).collect())
        };
        let mut prefix_lens: Vec<u32> = self.prefix.keys().map(|p| p.len() as u32).collect();
        prefix_lens.sort_unstable();
        prefix_lens.dedup();
        let mut prefix_starts: Vec<u8> = self.prefix.keys().filter_map(|p| p.bytes().next()).collect();
        prefix_starts.sort_unstable();
        prefix_starts.dedup();
        FirstWords {
            stem: list(self.stem),
            caps: list(self.caps),
            exact: list(self.exact),
            prefix: list(self.prefix),
            prefix_lens: prefix_lens.into(),
            prefix_starts: prefix_starts.into(),
        }
    }
}

/// Compiles a term the way text is tokenised, so both meet in the middle.
fn compile_phrase(term: &str, stem: &mut dyn FnMut(&str) -> String) -> Option<Phrase> {
    let mut words = Vec::new();
    let (exact, term) = match term.trim().strip_prefix('=') {
        Some(t) => (true, t),
        None => (false, term.trim()),
    };
    for raw in split_words(term) {
        if exact {
            expand_each(&lower_case(&raw), |lower| words.push(Word::Exact(Cow::Owned(lower.to_string()))));
        } else if let Some(prefix) = raw.strip_suffix('*') {
            words.push(Word::Prefix(Cow::Owned(prefix.to_lowercase())));
        } else if is_caps(&raw) {
            words.push(Word::Caps(Cow::Owned(raw.into_owned())));
        } else {
            expand_each(&lower_case(&raw), |lower| words.push(Word::Stem(Cow::Owned(stem(lower)))));
        }
    }
    (!words.is_empty()).then(|| Phrase { words: words.into() })
}

/// A word in capitals: two or more letters, all upper case ("ML", "BOY", "K").
pub fn is_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Words of a term, split as text is: letters and digits, inner apostrophes, a trailing `*`.
pub fn split_words(term: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    term.split(|c: char| !(c.is_alphanumeric() || c == '*' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| if w.contains('’') { Cow::Owned(w.replace('’', "'")) } else { Cow::Borrowed(w) })
}

/// `word` in lower case, borrowed when it already is.
pub fn lower_case(word: &str) -> Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// A lower-case word as the words of its tokens, each handed to `f`:
/// "didn't" → "did" + "not"; "parents'" → "parents".
pub fn expand_each(lower: &str, mut f: impl FnMut(&str)) {
    if let Some(base) = lower.strip_suffix("n't") {
        f(match base {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            b => b,
        });
        f("not");
        return;
    }
    f(lower.strip_suffix("'s").unwrap_or(lower).trim_end_matches('\''));
}

/// A small, fixed hash (the same in every build and process).
struct Hasher(u64);

impl Hasher {
    fn word(&mut self, w: u64) {
        self.0 = (self.0 ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }

    fn text(&mut self, s: &str) {
        self.word(s.len() as u64);
        let mut chunks = s.as_bytes().chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.word(u64::from_le_bytes(last));
    }
}
