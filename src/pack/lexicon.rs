//! The pack's language, compiled once per run: sentences, stemmed tokens,
//! concepts (synonym sets and claims) and the scope of negation,
//! hypotheticals and tense in the manner of NegEx/ConText.
//!
//! A section's text is cut into **units** (one sentence; a list item and a
//! table cell are their own units, led by their label), each tokenised once
//! with every concept mention and every trigger scope found in one pass. The
//! check engine then asks of a unit only "which concepts, where, and in what
//! scope" — no rule re-reads the text.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};

use super::pattern::Aligned;
use super::sentences::Sentences;
use super::{Category, ConceptDef, Context, Direction, Pack, TextRules};

mod tables;

/// A hash map with a fast hash (keys are words, looked up for every token),
/// still seeded per process.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
type FastSet<K> = HashSet<K, foldhash::fast::RandomState>;

/// A word in lower case and its stem, shared by the tokens of that word.
type Shared = (Arc<str>, Arc<str>);

/// The Snowball stem of every word of the built-in pack, sorted by word,
/// computed by `build.rs` with the same stemmer: terms are compiled from it
/// without running the stemmer.
static PACK_STEMS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/stems.rs"));

/// [`PACK_STEMS`] by [`tables::key_hash`] of the word, open addressing: 0
/// for a free slot, else 1 + the word's index (a power of two long).
static PACK_STEM_SLOTS: &[u32] = include!(concat!(env!("OUT_DIR"), "/stem-slots.rs"));

/// The stem `build.rs` computed for a word of the built-in pack.
fn pack_stem_of(lower: &str) -> Option<&'static str> {
    let mask = PACK_STEM_SLOTS.len().checked_sub(1)?;
    let mut at = tables::key_hash(lower) as usize & mask;
    loop {
        let (word, stem) = PACK_STEMS[(*PACK_STEM_SLOTS.get(at)? as usize).checked_sub(1)?];
        if word == lower {
            return Some(stem);
        }
        at = (at + 1) & mask;
    }
}

/// One word of a unit.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the unit's text.
    pub start: usize,
    pub end: usize,
    /// The word as written ("MLs").
    pub raw: Arc<str>,
    /// Lower case, curly apostrophes straightened.
    pub lower: Arc<str>,
    /// Snowball stem of `lower`.
    pub stem: Arc<str>,
}

/// A mention of a concept in a unit: tokens `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub concept: usize,
    pub from: usize,
    pub to: usize,
}

/// A sentence (or list item, or table cell) ready for claims.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The text looked at: the label (if any), ": ", then the sentence.
    pub text: String,
    pub tokens: Vec<Token>,
    /// Per token, the trigger categories whose scope covers it (bit per [`Category`]).
    pub scope: Vec<u8>,
    /// Per token, whether it is a past form of a verb ("held", "surveyed").
    pub past: Vec<bool>,
    /// Per token, its clause (a terminator or ";" starts the next).
    pub clause: Vec<u16>,
    /// Per token, its thread: its clause, joined to the clause before when it
    /// opens with a word that points back ("I met with the student council;
    /// they said ..."): who the pronoun stands for is named there.
    pub thread: Vec<u16>,
    /// Every concept mention, in text order.
    pub hits: Vec<Hit>,
    /// The unit speaks of the present or future ("will", "continue", "each").
    pub ongoing: bool,
    /// Tokens `[0, label_end)` are a run-in label ("Student work: ..."): they
    /// name the topic, so they can say who or where, but never make the claim.
    pub label_end: usize,
    /// The end of the sentence's own run-in label under a set-apart one
    /// ("Stakeholder input: Principals: spring retreat"), else `label_end`.
    pub inner_label_end: usize,
    /// The label names a topic ("Student work: ..."), not a question ("What
    /// will students experience: ..."), which only asks for one.
    pub topic_label: bool,
    /// No word of the unit is a clause verb or a past form: a fragment
    /// ("Community orgs + School Committee subcommittee"), not a sentence.
    pub verbless: bool,
    /// The words after the (inner) label open a sentence ("A council exists."), not a note.
    pub sentence_after_label: bool,
}

impl Unit {
    pub fn hits_of(&self, concept: usize) -> impl Iterator<Item = &Hit> {
        self.hits.iter().filter(move |h| h.concept == concept)
    }

    /// Trigger categories covering any token of `hit`.
    pub fn scope_of(&self, hit: &Hit) -> u8 {
        self.scope[hit.from..hit.to].iter().fold(0, |a, b| a | b)
    }

    pub fn has_past(&self, hit: &Hit) -> bool {
        self.past[hit.from..hit.to].iter().any(|p| *p)
    }

    /// Any past form in the unit.
    pub fn any_past(&self) -> bool {
        self.past.iter().any(|p| *p)
    }

    /// The run-in label the unit opens with, up to its colon, when words follow it.
    pub fn run_in_label(&self) -> Option<&str> {
        let body = self.tokens.get(self.label_end).filter(|_| self.label_end > 0)?;
        let label = self.text[..body.start].trim_end();
        label.ends_with(':').then_some(label)
    }
}

/// The short head before ": " that `text` opens with, past any dash or
/// bullet, and the words after it: a run-in label told cheaply (at most
/// `max_words` words, no sentence end; no verb test).
pub fn run_in_head(text: &str, max_words: usize) -> Option<(&str, &str)> {
    let text = text.trim_start_matches(['-', '•', ' ']);
    let colon = text.find(": ")?;
    let head = text[..colon].trim();
    let words = head.split_whitespace().count();
    (words > 0 && words <= max_words && !head.contains(['.', ';', '?', '!']))
        .then(|| (head, text[colon + 2..].trim_start()))
}

fn lower_all(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// The bit of a category in [`Unit::scope`].
pub fn bit(category: Category) -> u8 {
    match category {
        Category::Negated => 1,
        Category::NotDone => 2,
        Category::Hypothetical => 4,
        Category::Future => 8,
        Category::Reported => 16,
    }
}

use tables::{FirstWords, Phrase, Tables, Word, is_caps, split_words};

/// A trigger category by its number in the tables.
const CATEGORY: [Category; 5] =
    [Category::Negated, Category::NotDone, Category::Hypothetical, Category::Future, Category::Reported];
/// A trigger direction by its number in the tables.
const DIRECTION: [Direction; 4] = [Direction::Forward, Direction::Backward, Direction::Both, Direction::Condition];

impl Word {
    fn matches(&self, t: &Token) -> bool {
        match self {
            Word::Stem(s) => *t.stem == **s,
            Word::Caps(w) => *t.raw == **w || t.raw.strip_suffix('s').is_some_and(|r| r == &**w),
            Word::Prefix(p) => t.lower.starts_with(&**p),
            Word::Exact(w) => *t.lower == **w,
        }
    }
}

impl Phrase {
    fn matches_at(&self, tokens: &[Token], at: usize) -> bool {
        at + self.words.len() <= tokens.len() && self.words.iter().zip(&tokens[at..]).all(|(w, t)| w.matches(t))
    }

    /// [`Phrase::matches_at`] for a phrase whose first word is known to
    /// match the token at `at`: one its index listed for that token
    /// ([`FirstWords::candidates`] lists only those), so only the rest is compared.
    fn rest_matches_at(&self, tokens: &[Token], at: usize) -> bool {
        at + self.words.len() <= tokens.len() && self.words.iter().zip(&tokens[at..]).skip(1).all(|(w, t)| w.matches(t))
    }
}

/// A token's keys (stem, lower case, as written, as written without a
/// final "s") and their [`tables::key_hash`], computed once for all the
/// indexes a word is looked up in.
struct TokenKeys<'t> {
    stem: (&'t str, u64),
    lower: (&'t str, u64),
    raw: (&'t str, u64),
    /// As written without a final "s" (for a capitalised plural, "MLs").
    raw_s: Option<(&'t str, u64)>,
}

impl<'t> TokenKeys<'t> {
    fn of(t: &'t Token) -> Self {
        let keyed = |key: &'t str| (key, tables::key_hash(key));
        TokenKeys {
            stem: keyed(&t.stem),
            lower: keyed(&t.lower),
            raw: keyed(&t.raw),
            raw_s: t.raw.strip_suffix('s').map(keyed),
        }
    }
}

impl FirstWords {
    /// Every item whose first word matches `t` (and perhaps a few more
    /// listed twice), in no particular order. `keys` are `t`'s own.
    fn candidates(&self, keys: &TokenKeys<'_>, out: &mut Vec<usize>) {
        out.clear();
        let mut take = |index: &tables::Index, (key, hash): (&str, u64)| {
            if let Some(items) = index.get_hashed(key, hash) {
                out.extend(items.iter().map(|&item| item as usize));
            }
        };
        if !self.stem.slots.is_empty() {
            take(&self.stem, keys.stem);
        }
        if !self.exact.slots.is_empty() {
            take(&self.exact, keys.lower);
        }
        if !self.caps.slots.is_empty() {
            take(&self.caps, keys.raw);
            if let Some(raw_s) = keys.raw_s {
                take(&self.caps, raw_s);
            }
        }
        if self.prefix_lens.first() == Some(&0) {
            take(&self.prefix, ("", tables::key_hash("")));
        }
        let lower = keys.lower.0;
        if lower.bytes().next().is_some_and(|b| self.prefix_starts.binary_search(&b).is_ok()) {
            for &len in self.prefix_lens.iter().filter(|&&len| len > 0) {
                let len = len as usize;
                match lower.get(..len) {
                    Some(head) => take(&self.prefix, (head, tables::key_hash(head))),
                    None if len > lower.len() => break,
                    None => {}
                }
            }
        }
    }
}

/// What the indexes of a vocabulary list for one token's forms (raw,
/// lower-case and stem), looked up once per word and thread rather than
/// once per token.
struct WordCandidates {
    pseudo: Box<[usize]>,
    /// Sorted, without repeats (the triggers' order: longest first).
    triggers: Box<[usize]>,
    ongoing: Box<[usize]>,
    /// In the order of their phrases.
    entries: Box<[usize]>,
    /// A clause verb ("is", "will"), by its lower-case form.
    clause_verb: bool,
    /// A past form, after anything but "be": a listed irregular form, or "-ed".
    past_form: bool,
    /// A word that ends a clause, by its stem.
    terminator: bool,
}

/// One token of a word as written: its raw, lower-case and stem forms and
/// their candidates.
type WordToken = (Arc<str>, Arc<str>, Arc<str>, std::rc::Rc<WordCandidates>);

/// The vocabulary's id and, by a word as written, its tokens (one; two for
/// "didn't"; "&" stands for the token of an ampersand).
type SeenWords = (usize, FastMap<Box<str>, std::rc::Rc<[WordToken]>>);

/// The distinct words a thread's word tables have room for from the start.
const WORDS_AHEAD: usize = 2048;

thread_local! {
    /// The words seen by this thread, for the vocabulary with this id.
    static WORDS_SEEN: std::cell::RefCell<SeenWords> = std::cell::RefCell::new((usize::MAX, FastMap::default()));
}

/// The language of a pack. Concept names are known at once (rules are
/// compiled against them); the vocabulary itself is compiled on first use,
/// so a run that reads no document never pays for it.
pub struct Lexicon {
    pub max_label_words: usize,
    /// See [`TextRules::qualifier_openers`], lower case.
    pub qualifier_openers: Vec<String>,
    names: HashMap<String, usize>,
    source: Option<Source>,
    compiled: std::sync::OnceLock<Compiled>,
}

/// What the vocabulary is compiled from: the pack's text rules, context and concepts.
type Source = Arc<Pack>;

impl std::ops::Deref for Lexicon {
    type Target = Compiled;

    fn deref(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            let pack = self.source.as_ref().expect("a lexicon keeps its pack until compiled");
            let tables = match vocabulary(pack) {
                Some(tables) => tables.clone(),
                None => compile_tables(&pack.context, &pack.concepts),
            };
            Compiled::build(&pack.text, &pack.context, tables)
        })
    }
}

/// The compiled vocabulary of a pack.
pub struct Compiled {
    /// Tells this vocabulary's words apart from another's in [`WORDS_SEEN`].
    id: usize,
    stemmer: Stemmer,
    sentences: Sentences,
    clause_verbs: FastSet<String>,
    sentence_openers: FastSet<String>,
    /// Openings that point back to the sentence before, lower case, by words.
    anaphors: Vec<Vec<String>>,
    /// Place words that point back after a short subject, by words.
    place_anaphors: Vec<Vec<String>>,
    anaphor_reach: usize,
    question_words: FastSet<String>,
    past_forms: FastSet<String>,
    adjective_forms: FastSet<String>,
    pub max_label_words: usize,
    /// The phrases and their indexes (static for the built-in pack).
    tables: Tables,
    /// The built-in tables' pattern sets, when these are those tables.
    pattern_sets: Option<&'static [PatternSetDfa]>,
    /// Per pattern, whether one of `pattern_sets` holds it.
    set_members: Vec<bool>,
    terminators: FastSet<String>,
    /// Lower-case words that end a backward scope.
    backward_stops: FastSet<String>,
    subordinators: FastSet<String>,
    /// Every distinct concept pattern (as `tables.patterns`).
    patterns: Vec<super::pattern::LazyRegex>,
    /// Which patterns are anchored at the start of the text ("^Owners?:"):
    /// under a label the document set apart, they are tried where the words start.
    anchored: Vec<bool>,
    window: usize,
}

/// The units one document has read, by their text (see [`Compiled::units_in`]).
#[derive(Default)]
pub struct UnitCache {
    plain: FastMap<String, std::rc::Rc<Unit>>,
    set_apart: FastMap<String, std::rc::Rc<Unit>>,
}

/// A concept term that uses a word the pack marks as ambiguous on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguous {
    pub concept: String,
    pub term: String,
}

impl Lexicon {
    /// The lexicon of a copy of `pack`.
    pub fn new(pack: &Pack) -> Self {
        Lexicon::of(Arc::new(pack.clone()))
    }

    /// The lexicon of a shared pack, compiled when first used.
    pub fn of(pack: Arc<Pack>) -> Self {
        Lexicon {
            max_label_words: pack.text.max_label_words,
            qualifier_openers: lower_all(&pack.text.qualifier_openers),
            names: pack.concepts.keys().enumerate().map(|(i, k)| (k.clone(), i)).collect(),
            source: Some(pack),
            compiled: std::sync::OnceLock::new(),
        }
    }

    /// A lexicon compiled at once from these parts.
    pub fn build(text: &TextRules, context: &Context, defs: &std::collections::BTreeMap<String, ConceptDef>) -> Self {
        let names: HashMap<String, usize> = defs.keys().enumerate().map(|(i, k)| (k.clone(), i)).collect();
        let compiled = Compiled::build(text, context, compile_tables(context, defs));
        Lexicon {
            max_label_words: compiled.max_label_words,
            qualifier_openers: lower_all(&text.qualifier_openers),
            names,
            source: None,
            compiled: std::sync::OnceLock::from(compiled),
        }
    }

    /// The run-in label `text` opens with ("Por grupo / By student group")
    /// when it qualifies the label before it (see
    /// [`TextRules::qualifier_openers`]), and the words after it.
    pub fn qualifier_label<'t>(&self, text: &'t str) -> Option<(&'t str, &'t str)> {
        let (head, body) = run_in_head(text, self.max_label_words)?;
        let first = head.split_whitespace().next()?.to_lowercase();
        self.qualifier_openers.contains(&first).then_some((head, body))
    }

    /// What the lexicon saw in `unit`, for debugging and `--explain`-style output:
    /// each mention as (concept, words, trigger categories covering it).
    pub fn describe(&self, unit: &Unit) -> Vec<(String, String, u8)> {
        let name = |i: usize| self.names.iter().find(|(_, v)| **v == i).map_or(String::new(), |(k, _)| k.clone());
        unit.hits
            .iter()
            .map(|h| {
                let words = unit.tokens[h.from..h.to].iter().map(|t| &*t.raw).collect::<Vec<_>>().join(" ");
                (name(h.concept), words, unit.scope_of(h))
            })
            .collect()
    }

    /// The index of a named concept.
    pub fn concept(&self, name: &str) -> Option<usize> {
        self.names.get(name).copied()
    }
}

/// Most opening words of a sentence compared with the anaphors (a subject
/// of `anaphor_reach` words and the longest anaphor after it).
const MAX_OPENING_WORDS: usize = 12;

/// Phrases as lower-case words, empty ones left out.
fn phrases_by_words(phrases: &[String]) -> Vec<Vec<String>> {
    phrases
        .iter()
        .map(|a| a.split_whitespace().map(str::to_lowercase).collect())
        .filter(|a: &Vec<String>| !a.is_empty())
        .collect()
}

impl Compiled {
    fn build(text: &TextRules, context: &Context, tables: Tables) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let pattern_sets =
            builtin_tables().filter(|builtin| builtin.fingerprint == tables.fingerprint).map(|_| pattern_sets());
        let mut set_members = vec![false; tables.patterns.len()];
        for set in pattern_sets.unwrap_or_default() {
            for &p in &set.patterns {
                if let Some(member) = set_members.get_mut(p) {
                    *member = true;
                }
            }
        }
        Compiled {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            sentences: Sentences::new(text),
            clause_verbs: text.clause_verbs.iter().map(|w| w.to_lowercase()).collect(),
            sentence_openers: text.sentence_openers.iter().map(|w| w.to_lowercase()).collect(),
            anaphors: phrases_by_words(&text.anaphors),
            place_anaphors: phrases_by_words(&text.place_anaphors),
            anaphor_reach: text.anaphor_reach,
            question_words: text.question_words.iter().map(|w| w.to_lowercase()).collect(),
            past_forms: text.past_forms.iter().map(|p| p.to_lowercase()).collect(),
            adjective_forms: text.adjective_forms.iter().map(|p| p.to_lowercase()).collect(),
            max_label_words: text.max_label_words,
            terminators: context.terminators.iter().map(|t| pack_stem(&stemmer, &t.to_lowercase())).collect(),
            backward_stops: context.backward_stops.iter().map(|t| t.to_lowercase()).collect(),
            subordinators: context.subordinators.iter().map(|t| t.to_lowercase()).collect(),
            // Bad patterns were rejected when the pack loaded.
            patterns: tables.patterns.iter().map(|p| super::pattern::LazyRegex::new(&**p)).collect(),
            anchored: tables.patterns.iter().map(|p| starts_anchored(p)).collect(),
            pattern_sets,
            set_members,
            tables,
            window: context.window.max(1),
            stemmer,
        }
    }

    /// The Snowball stem of a lower-case word (remembered with the word, by [`Compiled::word`]).
    fn stem<'w>(&self, lower: &'w str) -> Cow<'w, str> {
        match pack_stem_of(lower) {
            Some(stem) => Cow::Borrowed(stem),
            None => self.stemmer.stem(lower),
        }
    }

    /// A word of a text in lower case, and its stem (one copy when they
    /// are the same), each shared by every token of that word: remembered
    /// per thread, as a plan uses a few thousand distinct words many times over.
    fn word(&self, lower: &str) -> Shared {
        thread_local! {
            static WORDS: std::cell::RefCell<FastMap<String, Shared>> =
                std::cell::RefCell::new(FastMap::with_capacity_and_hasher(WORDS_AHEAD, Default::default()));
        }
        WORDS.with(|words| {
            let mut words = words.borrow_mut();
            if let Some((lower, stem)) = words.get(lower) {
                return (lower.clone(), stem.clone());
            }
            let shared = Arc::<str>::from(lower);
            let stem = match self.stem(lower) {
                stem if *stem == *lower => shared.clone(),
                stem => Arc::from(&*stem),
            };
            let entry = (shared, stem);
            if words.len() >= 50_000 {
                words.clear();
            }
            words.insert(lower.to_string(), entry.clone());
            entry
        })
    }

    /// Cuts `text` into sentences: byte ranges, trimmed, never empty.
    pub fn sentences(&self, text: &str) -> Vec<(usize, usize)> {
        self.sentences.split(text)
    }

    /// The units of one piece of text; `label` leads each one.
    /// A short question ("What will students notice?") leads the sentence
    /// after it as a label would: it names the topic, never the claim.
    pub fn units(&self, text: &str, label: Option<&str>) -> Vec<Unit> {
        let mut out = Vec::new();
        self.each_unit(text, label, |text, set_apart, _| {
            let unit = self.unit_with(text, set_apart);
            let label = unit.run_in_label().map(str::len);
            out.push(unit);
            label
        });
        out
    }

    /// [`Compiled::units`], each unit read once per `cache` (a document
    /// repeats sentences: a per-priority table's cells, a statement quoted
    /// again), shared.
    /// With each unit, where its text starts after a run-in label carried
    /// from the paragraph's first sentence (0 when none was).
    pub fn units_in(&self, text: &str, label: Option<&str>, cache: &mut UnitCache) -> Vec<(std::rc::Rc<Unit>, usize)> {
        let mut out = Vec::new();
        self.each_unit(text, label, |text, set_apart, carried| {
            let unit = self.unit_in(text, set_apart, cache);
            let label = unit.run_in_label().map(str::len);
            out.push((unit, carried));
            label
        });
        out
    }

    /// [`Compiled::unit`] (or a labelled unit, when `set_apart`), read once per `cache`.
    pub fn unit_in(&self, text: &str, set_apart: bool, cache: &mut UnitCache) -> std::rc::Rc<Unit> {
        let seen = if set_apart { &mut cache.set_apart } else { &mut cache.plain };
        if let Some(unit) = seen.get(text) {
            return unit.clone();
        }
        let unit = std::rc::Rc::new(self.unit_with(text, set_apart));
        seen.insert(text.to_string(), unit.clone());
        unit
    }

    /// The text of each unit of `text` under `label`, and whether it is a
    /// labelled unit, in order.
    /// `f` reads one unit's text, whether it is labelled and how many bytes
    /// of it are a label carried from the paragraph's first sentence, and
    /// gives back the length of the unit's own run-in label, if any.
    ///
    /// A run-in label opening a paragraph ("Budget equity (ESSA review): When
    /// we reviewed ... . The budget adds staff there first.") governs the
    /// paragraph: each later sentence is read under it, as the sentences of
    /// a list under a label line are.
    fn each_unit(&self, text: &str, label: Option<&str>, mut f: impl FnMut(&str, bool, usize) -> Option<usize>) {
        let mut question: Option<&str> = None;
        let mut before: Option<&str> = None;
        let mut run_in: Option<&str> = None;
        let mut emit = |unit: &str, lead: Option<&str>, carried: bool| match lead {
            Some(l) => {
                let lead = l.trim().trim_end_matches([':', '?']);
                f(&format!("{lead}: {unit}"), true, if carried { lead.len() + 2 } else { 0 })
            }
            None => f(unit, false, 0),
        };
        for (i, (a, b)) in self.sentences(text).into_iter().enumerate() {
            let sentence = &text[a..b];
            // A sentence with a label of its own ("... internalization.
            // Classroom teachers: will plan ...") ends the one before.
            let relabelled = i > 0 && self.opens_with_label(sentence);
            let carried = label.is_none() && question.is_none() && run_in.is_some() && !relabelled;
            let lead = label.or(question).or(run_in.filter(|_| carried));
            let own_label = emit(sentence, lead, carried);
            if lead.is_none() && (i == 0 || relabelled) {
                run_in = own_label.map(|end| &sentence[..end]);
            }
            // A sentence that points back is also read with the one it points
            // to, as a clause after it: "...identified schools: A and B; There,
            // teachers asked for coaching."
            if let Some(before) = before.filter(|_| self.points_back(sentence)) {
                let joined = format!("{}; {}", before.trim_end_matches(['.', ':']), sentence);
                emit(&joined, lead, carried);
            }
            // (The words are counted only for a question.)
            let question_mark = sentence.ends_with('?');
            question =
                (question_mark && sentence.split_whitespace().nth(self.max_label_words).is_none()).then_some(sentence);
            before = Some(sentence);
        }
    }

    /// Whether a sentence opens with a short head before ": " (a run-in
    /// label, told cheaply: no verb test), without reading it as a unit.
    fn opens_with_label(&self, sentence: &str) -> bool {
        run_in_head(sentence, self.max_label_words).is_some()
    }

    /// Whether a sentence opens with one of the pack's anaphors, or has a
    /// place anaphor after a short subject (compared word by word, without
    /// a lower-case copy: it runs on every sentence).
    fn points_back(&self, sentence: &str) -> bool {
        // The opening words, cut once: every anaphor is compared with them.
        let mut opening: [&str; MAX_OPENING_WORDS] = [""; MAX_OPENING_WORDS];
        let words = sentence.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty());
        let n = opening.iter_mut().zip(words).map(|(slot, w)| *slot = w).count();
        let opening = &opening[..n];
        let starts_at = |anaphor: &[String], skip: usize| {
            opening
                .get(skip..skip + anaphor.len())
                .is_some_and(|ws| ws.iter().zip(anaphor).all(|(w, a)| w.eq_ignore_ascii_case(a)))
        };
        self.anaphors.iter().any(|anaphor| starts_at(anaphor, 0))
            || (0..=self.anaphor_reach).any(|skip| self.place_anaphors.iter().any(|anaphor| starts_at(anaphor, skip)))
    }

    /// The tokens of `raw`, a word as written (or "&"), with their
    /// candidates in the indexes: cut, stemmed and looked up once per word
    /// and thread. `lower` is scratch space.
    fn word_tokens(&self, seen: &mut SeenWords, raw: &str, lower: &mut String) -> std::rc::Rc<[WordToken]> {
        if let Some(found) = seen.1.get(raw) {
            return found.clone();
        }
        let mut forms: Vec<(Arc<str>, Arc<str>, Arc<str>)> = Vec::new();
        if raw == "&" {
            forms.push((interned("&"), interned("and"), interned("and")));
        } else {
            let bare = trim_suffix(trim_suffix(raw, "'s"), "’s").trim_end_matches(['\'', '’']);
            super::matcher::lower_into(lower, raw);
            if lower.ends_with("n't") {
                for (lower, _) in expand(lower) {
                    let (lower, stem) = self.word(&lower);
                    forms.push((lower.clone(), lower, stem));
                }
            } else {
                // As [`expand`] does for a word without "n't", in place.
                let base = lower.strip_suffix("'s").unwrap_or(lower).trim_end_matches('\'').len();
                lower.truncate(base);
                let (lower, stem) = self.word(lower);
                let raw = if *bare == *lower { lower.clone() } else { interned(bare) };
                forms.push((raw, lower, stem));
            }
        }
        let mut found = Vec::new();
        let tokens: std::rc::Rc<[WordToken]> = forms
            .into_iter()
            .map(|(raw, lower, stem)| {
                let t = Token { start: 0, end: 0, raw, lower, stem };
                let keys = TokenKeys::of(&t);
                let mut list = |index: &FirstWords| -> Box<[usize]> {
                    index.candidates(&keys, &mut found);
                    found.as_slice().into()
                };
                let mut triggers = list(&self.tables.trigger_first).into_vec();
                triggers.sort_unstable();
                triggers.dedup();
                let candidates = WordCandidates {
                    pseudo: list(&self.tables.pseudo_first),
                    triggers: triggers.into(),
                    ongoing: list(&self.tables.ongoing_first),
                    entries: {
                        // By phrase: a phrase several concepts share is
                        // compared once per token (see `hits`).
                        let mut entries = list(&self.tables.by_first);
                        entries.sort_unstable_by_key(|&e| {
                            let (concept, phrase) = self.tables.entries[e];
                            (phrase, concept)
                        });
                        entries
                    },
                    clause_verb: self.clause_verbs.contains(&*t.lower),
                    past_form: self.past_forms.contains(&*t.lower)
                        || (t.lower.len() > 4 && t.lower.ends_with("ed") && !self.adjective_forms.contains(&*t.lower)),
                    terminator: self.terminators.contains(&*t.stem),
                };
                (t.raw, t.lower, t.stem, std::rc::Rc::new(candidates))
            })
            .collect();
        if seen.1.len() >= 50_000 {
            seen.1.clear();
        }
        seen.1.insert(raw.into(), tokens.clone());
        tokens
    }

    /// One unit: tokens, trigger scopes and concept hits.
    pub fn unit(&self, text: &str) -> Unit {
        self.unit_with(text, false)
    }

    /// One unit; `set_apart` when its text starts with a label the
    /// document set apart (a lead-in over a list, a question over its
    /// answer): the label stays one whatever verbs it has.
    fn unit_with(&self, text: &str, set_apart: bool) -> Unit {
        let (tokens, break_at, words) = self.tokenize(text);
        let n = tokens.len();
        // Whether each token starts a new clause (after ";", "?", "!").
        let mut breaks = vec![false; n];
        break_at.into_iter().filter(|&i| i < n).for_each(|i| breaks[i] = true);
        // Clauses by punctuation first; triggers and pseudo-triggers are found within them.
        let mut clause = vec![0u16; n];
        let mut c = 0u16;
        for (i, slot) in clause.iter_mut().enumerate() {
            if breaks[i] {
                c += 1;
            }
            *slot = c;
        }
        let same_clause =
            |from: usize, len: usize, clause: &[u16]| clause[from..from + len].windows(2).all(|w| w[0] == w[1]);
        let mut masked = vec![false; n];
        for at in 0..n {
            for p in words[at].pseudo.iter().map(|&i| &self.tables.pseudo[i]) {
                if p.rest_matches_at(&tokens, at) && same_clause(at, p.words.len(), &clause) {
                    masked[at..at + p.words.len()].iter_mut().for_each(|m| *m = true);
                }
            }
        }
        // Triggers: (category, direction, span, gap-scope end).
        let mut found: Vec<(Category, Direction, usize, usize, Option<usize>)> = Vec::new();
        let mut used = vec![false; n];
        for at in 0..n {
            if masked[at] || used[at] {
                continue;
            }
            // The longest trigger at this word wins; every trigger of that span
            // applies ("have not" scopes both ways).
            let mut best: Option<(usize, Option<usize>)> = None;
            let mut matched: Vec<(&tables::Trigger, Option<usize>)> = Vec::new();
            // In the triggers' order (longest first).
            for t in words[at].triggers.iter().map(|&i| &self.tables.triggers[i]) {
                let len = t.first.words.len();
                if !t.first.rest_matches_at(&tokens, at)
                    || !same_clause(at, len, &clause)
                    || used[at..at + len].iter().any(|u| *u)
                    || masked[at..at + len].iter().any(|m| *m)
                {
                    continue;
                }
                let gap = match &t.second {
                    None => None,
                    Some(second) => {
                        let limit = (at + len + self.window).min(n);
                        match (at + len..limit).find(|&j| second.matches_at(&tokens, j) && clause[j] == clause[at]) {
                            Some(j) => Some(j),
                            None => continue,
                        }
                    }
                };
                let key = (len + t.second.as_ref().map_or(0, |s| s.words.len()), gap);
                match best {
                    None => {
                        best = Some(key);
                        matched.push((t, gap));
                    }
                    Some(b) if b == key => matched.push((t, gap)),
                    _ => {}
                }
            }
            for (t, gap) in matched {
                let len = t.first.words.len();
                used[at..at + len].iter_mut().for_each(|u| *u = true);
                if let (Some(j), Some(second)) = (gap, &t.second) {
                    used[j..j + second.words.len()].iter_mut().for_each(|u| *u = true);
                }
                found.push((CATEGORY[t.category as usize], DIRECTION[t.direction as usize], at, at + len, gap));
            }
        }
        // Word terminators end clauses, unless they belong to a trigger ("not
        // yet"), or a backward trigger follows with no subject between ("a
        // forum was scheduled for May but was postponed": the forum was).
        let mut backward_at = vec![false; n + 1];
        found.iter().filter(|f| f.1 == Direction::Backward).for_each(|f| backward_at[f.2] = true);
        let mut c = 0u16;
        for i in 0..n {
            let shared_subject = backward_at[i + 1];
            if breaks[i] || (!used[i] && !masked[i] && words[i].terminator && !shared_subject) {
                c += 1;
            }
            clause[i] = c;
        }
        let thread = self.threads(text, &tokens, &breaks, &clause);
        let reported = self.reported_words(&found, &clause);
        let main_from = self.after_introductory_clause(text, &tokens);
        let mut scope = vec![0u8; n];
        for (category, direction, from, to, gap) in found {
            let category = match category {
                Category::NotDone if reported[from] => Category::Negated,
                other => other,
            };
            let b = bit(category);
            // The trigger's own words are in its scope too ("did not disaggregate").
            (from..to).for_each(|k| scope[k] |= b);
            if let Some(j) = gap {
                (to..j).for_each(|k| scope[k] |= b);
                continue;
            }
            if matches!(direction, Direction::Forward | Direction::Both) {
                let c = clause[from.min(n - 1)];
                (to..(to + self.window).min(n)).take_while(|&k| clause[k] == c).for_each(|k| scope[k] |= b);
            }
            if direction == Direction::Condition {
                let c = clause[from.min(n - 1)];
                // Two tokens of one written word ("don't": "do", "not") share
                // their span: nothing stands between them.
                let comma_before =
                    |k: usize| text.get(tokens[k - 1].end..tokens[k].start).is_some_and(|gap| gap.contains(','));
                (to..(to + self.window).min(n))
                    .take_while(|&k| clause[k] == c && !comma_before(k))
                    .for_each(|k| scope[k] |= b);
            }
            if matches!(direction, Direction::Backward | Direction::Both) {
                let c = clause[from];
                let floor = if from >= main_from { main_from } else { 0 };
                (from.saturating_sub(self.window).max(floor)..from)
                    .rev()
                    .take_while(|&k| clause[k] == c && !self.backward_stops.contains(&*tokens[k].lower))
                    .for_each(|k| scope[k] |= b);
            }
        }
        let past: Vec<bool> = (0..n).map(|i| self.is_past(&tokens, &words, i)).collect();
        let ongoing = (0..n)
            .any(|at| words[at].ongoing.iter().any(|&i| self.tables.ongoing[i].rest_matches_at(&tokens, at)))
            || scope.iter().any(|s| s & bit(Category::Future) != 0);
        let label_end = self.label_end(text, &tokens, &words, &past, set_apart);
        // The words under a set-apart label start a line of their own.
        let body_from = (set_apart && label_end > 0).then(|| tokens.get(label_end).map(|t| t.start)).flatten();
        let hits = self.hits(text, &tokens, &words, body_from);
        // Under a label the document set apart, the sentence's own run-in
        // label ("Stakeholder input: Principals: spring retreat").
        let inner_label_end = match set_apart && label_end > 0 {
            true => self.run_in_label(text, &tokens, &words, &past, label_end, false).unwrap_or(label_end),
            false => label_end,
        };
        // The label nearest the words names their topic: under a question
        // ("Who Does What (Role Clarity): Teachers: ..."), the line's own label.
        let nearest = if inner_label_end > label_end { label_end } else { 0 };
        let topic_label = label_end > 0 && !self.question_words.contains(&*tokens[nearest].lower);
        // A note has no verb after its labels ("What they will do, Principals:
        // weekly walkthroughs + feedback"): the labels' own words do not count.
        let verbless = !(inner_label_end.min(n)..n).any(|i| words[i].clause_verb || past[i]);
        let sentence_after_label = inner_label_end > 0
            && tokens.get(inner_label_end).is_some_and(|t| self.sentence_openers.contains(&*t.lower));
        Unit {
            text: text.to_string(),
            tokens,
            scope,
            past,
            clause,
            thread,
            hits,
            ongoing,
            label_end,
            inner_label_end,
            topic_label,
            verbless,
            sentence_after_label,
        }
    }

    /// The first token after a sentence's introductory clause: after the
    /// first comma when the sentence opens with a subordinator ("When ...,
    /// ..."), also after a label or two ("Student work: When teachers
    /// looked at ..., most pieces did not ..."); 0 otherwise.
    fn after_introductory_clause(&self, text: &str, tokens: &[Token]) -> usize {
        let gap_has =
            |k: usize, c: char| text.get(tokens[k - 1].end..tokens[k].start).is_some_and(|gap| gap.contains(c));
        let reach = tokens.len().min(2 * self.max_label_words + 2);
        let Some(opening) =
            (0..reach).find(|&k| (k == 0 || gap_has(k, ':')) && self.subordinators.contains(&*tokens[k].lower))
        else {
            return 0;
        };
        (opening + 1..tokens.len()).find(|&k| gap_has(k, ',')).unwrap_or(0)
    }

    /// Which words stand in a reported finding: after a `reported` trigger
    /// ("our review showed that ..."), to the end of its clause.
    fn reported_words(
        &self,
        found: &[(Category, Direction, usize, usize, Option<usize>)],
        clause: &[u16],
    ) -> Vec<bool> {
        let mut reported = vec![false; clause.len()];
        for &(_, _, from, to, _) in found.iter().filter(|f| f.0 == Category::Reported) {
            let c = clause[from];
            (to..clause.len()).take_while(|&k| clause[k] == c).for_each(|k| reported[k] = true);
        }
        reported
    }

    /// Tokens of a run-in label: a few words before a colon at the start.
    /// (`words` are the tokens' candidates, `past` whether each is a past form.)
    fn label_end(
        &self,
        text: &str,
        tokens: &[Token],
        words: &[std::rc::Rc<WordCandidates>],
        past: &[bool],
        set_apart: bool,
    ) -> usize {
        self.run_in_label(text, tokens, words, past, 0, set_apart).unwrap_or(0)
    }

    /// The end of a run-in label starting at token `from`: a few words, with
    /// no sentence end and (unless set apart) no verb, before ": ".
    fn run_in_label(
        &self,
        text: &str,
        tokens: &[Token],
        words: &[std::rc::Rc<WordCandidates>],
        past: &[bool],
        from: usize,
        set_apart: bool,
    ) -> Option<usize> {
        let start = tokens.get(from)?.start;
        let colon = start + text[start..].find(": ")?;
        let before = tokens.iter().take_while(|t| t.end <= colon).count();
        let head = &text[start..colon];
        // A parenthesis is an aside: "Identified schools (St. Mary's, Westside Academy):".
        let aside =
            |t: &Token| head[..t.start - start].matches('(').count() > head[..t.start - start].matches(')').count();
        let label_words = tokens[from..before].iter().filter(|t| !aside(t)).count();
        // A label the document set apart (a column header with its row's
        // label) may be longer than a run-in one.
        let most = if set_apart { self.max_label_words * 3 } else { self.max_label_words };
        (label_words > 0 && label_words <= most).then_some(())?;
        let sentence_end = head.char_indices().any(|(i, c)| match c {
            ';' | '?' | '!' => true,
            // "Identified schools (St. Mary's, Westside)" is still a label, and
            // so is a label the document set apart with its number in it
            // ("District response, 5. Role Clarity").
            '.' => {
                head[i + 1..].starts_with(char::is_whitespace)
                    && !(set_apart && is_list_number(&head[..i]))
                    && self.sentences.ends_sentence(text, start + i)
            }
            _ => false,
        });
        let question = self.question_words.contains(&*tokens[from].lower);
        // "We consulted local organizations: ..." is a clause, its claim
        // included; a participle leading the label is an adjective
        // ("Identified schools: ...", "Targeted supports: ...").
        let verb = (from..before).any(|i| words[i].clause_verb || (i > from && past[i]));
        (!sentence_end && (set_apart || question || !verb)).then_some(before)
    }

    /// Per token, its thread (see [`Unit::thread`]): a clause after a ";"
    /// that opens with an anaphor continues the one before it.
    fn threads(&self, text: &str, tokens: &[Token], breaks: &[bool], clause: &[u16]) -> Vec<u16> {
        let mut thread = Vec::with_capacity(tokens.len());
        let mut current = 0u16;
        for (i, t) in tokens.iter().enumerate() {
            let opens = i == 0 || clause[i] != clause[i - 1];
            if opens && i > 0 && !(breaks[i] && self.points_back(&text[t.start..])) {
                current = clause[i];
            }
            thread.push(current);
        }
        thread
    }

    /// A past form: a listed irregular form, or "-ed" not after "be" ("will
    /// be held" is not past). `words` are the tokens' candidates.
    fn is_past(&self, tokens: &[Token], words: &[std::rc::Rc<WordCandidates>], i: usize) -> bool {
        let after_be = i > 0 && matches!(&*tokens[i - 1].lower, "be" | "being");
        !after_be && words[i].past_form
    }

    fn hits(
        &self,
        text: &str,
        tokens: &[Token],
        words: &[std::rc::Rc<WordCandidates>],
        body_from: Option<usize>,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (at, word) in words.iter().enumerate() {
            // The entries of one phrase are next to each other: it is
            // compared once. (The hits are sorted below.)
            let mut last: Option<(u32, bool)> = None;
            for &(concept, pi) in word.entries.iter().map(|&e| &self.tables.entries[e]) {
                let phrase = &self.tables.phrases[pi as usize];
                let matches = match last {
                    Some((seen, matches)) if seen == pi => matches,
                    _ => {
                        let matches = phrase.rest_matches_at(tokens, at);
                        last = Some((pi, matches));
                        matches
                    }
                };
                if matches {
                    hits.push(Hit { concept: concept as usize, from: at, to: at + phrase.words.len() });
                }
            }
        }
        // Token spans of each pattern's matches, found when a concept first asks.
        let mut spans: Vec<Option<Vec<(usize, usize)>>> = vec![None; self.patterns.len()];
        let tier = super::forms::tier(text);
        let ascii = tier == super::forms::Tier::Ascii;
        // A text outside ASCII is searched in its ASCII shadow when it has one.
        let shadow = if ascii { None } else { super::pattern::Shadow::of(text) };
        // In an ASCII text (or its shadow), the patterns that match anywhere
        // in it, found in a pass per set: the others are not searched for.
        let searched = if ascii { Some(text) } else { shadow.as_ref().map(|s| s.text()) };
        if let Some(searched) = searched
            && let Some(sets) = self.pattern_sets
        {
            // A pattern no set holds (one too large for a DFA) is searched for as usual.
            let mut matching: Vec<bool> = self.set_members.iter().map(|&member| !member).collect();
            let input = regex_automata::Input::new(searched);
            let mut complete = true;
            for set in sets {
                let mut found = regex_automata::PatternSet::new(set.patterns.len());
                if regex_automata::dfa::Automaton::try_which_overlapping_matches(&set.dfa, &input, &mut found).is_err()
                {
                    complete = false;
                    break;
                }
                found.iter().for_each(|p| matching[set.patterns[p.as_usize()]] = true);
            }
            if complete {
                for ((slot, matches), anchored) in spans.iter_mut().zip(matching).zip(&self.anchored) {
                    // An anchored pattern may still match where a set-apart label's words start.
                    let at_body = body_from.is_some() && *anchored;
                    if !(matches || at_body) {
                        *slot = Some(Vec::new());
                    }
                }
            }
        }

        let to_tokens = |start: usize, end: usize| {
            let from = tokens.iter().position(|t| t.end > start)?;
            let to = tokens.iter().rposition(|t| t.start < end).map(|e| e + 1)?;
            (to > from).then_some((from, to))
        };
        // An anchored pattern is also tried where the words under a
        // set-apart label start ("6. Monitoring: Owners: the DILT").
        let body = body_from.map(|b| (b, &text[b..], super::forms::tier(&text[b..])));
        let body_shadow = body.and_then(|(_, body, tier)| {
            (tier != super::forms::Tier::Ascii).then(|| super::pattern::Shadow::of(body)).flatten()
        });
        for (ci, concept) in self.tables.concepts.iter().enumerate() {
            for &pi in concept.patterns.iter() {
                let pi = pi as usize;
                let found = spans[pi].get_or_insert_with(|| {
                    let mut found: Vec<(usize, usize)> = self.patterns[pi]
                        .find_iter_shadowed(text, tier, shadow.as_ref())
                        .filter_map(|m| to_tokens(m.start(), m.end()))
                        .collect();
                    if let Some((b, body, body_tier)) = body.filter(|_| self.anchored[pi]) {
                        found.extend(
                            self.patterns[pi]
                                .find_iter_shadowed(body, body_tier, body_shadow.as_ref())
                                .filter_map(|m| to_tokens(b + m.start(), b + m.end())),
                        );
                    }
                    found
                });
                for &(from, to) in found.iter() {
                    if !concept.stop_words.is_empty()
                        && tokens[from..to]
                            .iter()
                            .all(|t| concept.stop_words.binary_search_by(|s| (**s).cmp(&*t.lower)).is_ok())
                    {
                        continue;
                    }
                    hits.push(Hit { concept: ci, from, to });
                }
            }
        }
        // The key is the whole hit: an unstable sort gives the same order.
        // Packed into one number when each part fits in 21 bits (always, but
        // for a sentence of two million words).
        const BITS: u32 = 21;
        if tokens.len() < 1 << BITS && self.tables.concepts.len() < 1 << BITS {
            // The numbers themselves are sorted (cheaper to move and compare
            // than the hits), then read back.
            let mask = (1u64 << BITS) - 1;
            let mut keys: Vec<u64> = hits
                .iter()
                .map(|h| ((h.from as u64) << (2 * BITS)) | ((h.to as u64) << BITS) | h.concept as u64)
                .collect();
            keys.sort_unstable();
            keys.dedup();
            hits.clear();
            hits.extend(keys.into_iter().map(|k| Hit {
                concept: (k & mask) as usize,
                from: (k >> (2 * BITS)) as usize,
                to: ((k >> BITS) & mask) as usize,
            }));
        } else {
            hits.sort_unstable_by_key(|h| (h.from, h.to, h.concept));
            hits.dedup();
        }
        hits
    }

    /// Tokens, the token indices that start a new clause (after ";", "?",
    /// "!"), and each token's candidates in the indexes.
    fn tokenize(&self, text: &str) -> (Vec<Token>, Vec<usize>, Vec<std::rc::Rc<WordCandidates>>) {
        WORDS_SEEN.with(|cell| {
            let mut seen = cell.borrow_mut();
            if seen.0 != self.id {
                seen.0 = self.id;
                seen.1.clear();
                // A plan has a few thousand distinct words: room for them
                // from the start, rather than the table grown step by step.
                seen.1.reserve(WORDS_AHEAD);
            }
            // About a token a space (Token is large: a vector grown step by
            // step is copied over and over).
            let estimate = text.bytes().filter(|&b| b == b' ').count() + 1;
            let mut tokens = Vec::with_capacity(estimate);
            let mut words = Vec::with_capacity(estimate);
            let mut breaks = Vec::new();
            let mut pending = false;
            let mut word_start: Option<usize> = None;
            // Scratch space for the lower-case form of a word seen first.
            let mut lower = String::new();
            let mut push = |raw: &str, from: usize, to: usize, tokens: &mut Vec<Token>| {
                for (raw, lower, stem, candidates) in self.word_tokens(&mut seen, raw, &mut lower).iter() {
                    tokens.push(Token {
                        start: from,
                        end: to,
                        raw: raw.clone(),
                        lower: lower.clone(),
                        stem: stem.clone(),
                    });
                    words.push(candidates.clone());
                }
            };
            let bytes = text.as_bytes();
            let mut offset = 0;
            while offset < bytes.len() {
                // A run of ASCII letters and digits is in a word whatever
                // comes before it: skipped over at once (what the general
                // step below does for each of its characters).
                if bytes[offset].is_ascii_alphanumeric() {
                    word_start.get_or_insert(offset);
                    offset += 1;
                    while bytes.get(offset).is_some_and(u8::is_ascii_alphanumeric) {
                        offset += 1;
                    }
                    continue;
                }
                let (ch, width) = match bytes[offset] {
                    b if b.is_ascii() => (char::from(b), 1),
                    _ => {
                        let ch = text[offset..].chars().next().expect("offsets stay on character boundaries");
                        (ch, ch.len_utf8())
                    }
                };
                let apostrophe = (ch == '\'' || ch == '’')
                    && word_start.is_some()
                    && text[offset + width..].chars().next().is_some_and(char::is_alphabetic);
                let in_word = ch.is_alphanumeric() || apostrophe;
                match (in_word, word_start) {
                    (true, None) => word_start = Some(offset),
                    (false, Some(s)) => {
                        if pending {
                            breaks.push(tokens.len());
                            pending = false;
                        }
                        push(&text[s..offset], s, offset, &mut tokens);
                        word_start = None;
                    }
                    _ => {}
                }
                if ch == '&' {
                    push("&", offset, offset + 1, &mut tokens);
                }
                if matches!(ch, ';' | '?' | '!' | '•') {
                    pending = true;
                }
                offset += width;
            }
            if let Some(s) = word_start {
                if pending {
                    breaks.push(tokens.len());
                }
                push(&text[s..], s, text.len(), &mut tokens);
            }
            // (`push` borrows `words` until its last use above.)
            (tokens, breaks, words)
        })
    }
}

impl Lexicon {
    /// Terms of `concept` that are a single ambiguous word.
    pub fn ambiguous_terms(pack: &Pack) -> Vec<Ambiguous> {
        let ambiguous: HashSet<String> = pack.text.ambiguous.iter().map(|a| a.to_lowercase()).collect();
        let mut out = Vec::new();
        for (name, def) in &pack.concepts {
            for term in &def.terms {
                let words: Vec<Cow<str>> = split_words(term).collect();
                if words.len() == 1
                    && !is_caps(&words[0])
                    && ambiguous.contains(words[0].to_lowercase().trim_end_matches('*'))
                {
                    out.push(Ambiguous { concept: name.clone(), term: term.clone() });
                }
            }
        }
        out
    }
}

/// One shared copy of a word as written, remembered per thread.
fn interned(text: &str) -> Arc<str> {
    thread_local! {
        static TEXTS: std::cell::RefCell<FastMap<String, Arc<str>>> = std::cell::RefCell::new(FastMap::default());
    }
    TEXTS.with(|texts| {
        let mut texts = texts.borrow_mut();
        if let Some(shared) = texts.get(text) {
            return shared.clone();
        }
        let shared = Arc::<str>::from(text);
        if texts.len() >= 50_000 {
            texts.clear();
        }
        texts.insert(text.to_string(), shared.clone());
        shared
    })
}

/// `text` without any number of `suffix` at its end: `trim_end_matches`
/// with a string, without building a substring searcher for each word.
pub(crate) fn trim_suffix<'t>(mut text: &'t str, suffix: &str) -> &'t str {
    while let Some(rest) = text.strip_suffix(suffix) {
        text = rest;
    }
    text
}

/// The built-in pack's vocabulary, compiled by `build.rs` with [`tables`]
/// (none when its pack did not parse there).
mod builtin {
    use std::borrow::Cow;

    use super::tables::{ConceptTables, FirstWords, Index, Phrase, Tables, Trigger, Word};

    pub static TABLES: Option<Tables> = include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
}

fn builtin_tables() -> Option<&'static Tables> {
    builtin::TABLES.as_ref()
}

/// A DFA over some patterns of the built-in tables, in their ASCII form,
/// that says which of them match anywhere in a text.
pub(crate) struct PatternSetDfa {
    /// The patterns' indices in the tables, by their number in the DFA.
    patterns: Vec<usize>,
    dfa: regex_automata::dfa::dense::DFA<&'static [u32]>,
}

/// The bytes `build.rs` wrote: runs of (patterns, length) as u32, the
/// patterns' indices as u32, padding to 8, a DFA's bytes, padding to 8
/// (see `pattern_set` there).
static PATTERN_SET_BYTES: &Aligned<[u8]> =
    &Aligned { _align: [], bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/pattern-set.dfa")) };

/// The built-in tables' pattern sets (none on a big-endian target, where
/// the bytes do not read, or when `build.rs` could not make them).
fn pattern_sets() -> &'static [PatternSetDfa] {
    static SETS: std::sync::OnceLock<Vec<PatternSetDfa>> = std::sync::OnceLock::new();
    SETS.get_or_init(|| read_pattern_sets(false).unwrap_or_default())
}

fn read_pattern_sets(checked: bool) -> Option<Vec<PatternSetDfa>> {
    if cfg!(target_endian = "big") {
        return None;
    }
    let mut bytes = &PATTERN_SET_BYTES.bytes[..];
    let mut sets = Vec::new();
    while !bytes.is_empty() {
        let word = |i: usize| -> Option<usize> {
            Some(u32::from_ne_bytes(bytes.get(4 * i..4 * i + 4)?.try_into().ok()?) as usize)
        };
        let (count, len) = (word(0)?, word(1)?);
        let patterns = (2..2 + count).map(word).collect::<Option<Vec<usize>>>()?;
        let at = (4 * (2 + count)).next_multiple_of(8);
        let dfa_bytes = bytes.get(at..at + len)?;
        let dfa = if checked {
            regex_automata::dfa::dense::DFA::from_bytes(dfa_bytes).ok()?.0
        } else {
            // SAFETY: these bytes are what `build.rs` serialised with this
            // very version of regex-automata, for this target's endianness,
            // at an 8-byte aligned offset (the test `pattern_sets_are_valid`
            // reads them all with the checks).
            unsafe { regex_automata::dfa::dense::DFA::from_bytes_unchecked(dfa_bytes).ok()?.0 }
        };
        sets.push(PatternSetDfa { patterns, dfa });
        bytes = bytes.get((at + len).next_multiple_of(8)..)?;
    }
    Some(sets)
}

/// The built-in pack's tables when `pack`'s context and concepts are the
/// built-in pack's (`build.rs` compiled them; they serve any such pack).
fn vocabulary(pack: &Pack) -> Option<&'static Tables> {
    builtin_tables().filter(|tables| input(&pack.context, &pack.concepts).fingerprint() == tables.fingerprint)
}

/// What a pack's tables are compiled from, borrowed from its context and concepts.
fn input<'a>(context: &'a Context, defs: &'a std::collections::BTreeMap<String, ConceptDef>) -> tables::Input<'a> {
    let strs = |v: &'a [String]| v.iter().map(String::as_str).collect::<Vec<_>>();
    tables::Input {
        terminators: strs(&context.terminators),
        pseudo: strs(&context.pseudo),
        ongoing: strs(&context.ongoing),
        triggers: context
            .triggers
            .iter()
            .map(|t| {
                let category = tables::CATEGORIES[CATEGORY.iter().position(|c| *c == t.category).unwrap_or(0)];
                let direction = tables::DIRECTIONS[DIRECTION.iter().position(|d| *d == t.direction).unwrap_or(0)];
                (category, direction, strs(&t.terms))
            })
            .collect(),
        concepts: defs
            .iter()
            .map(|(name, def)| tables::ConceptInput {
                name,
                terms: strs(&def.terms),
                patterns: strs(&def.patterns),
                include: strs(&def.include),
                stop_words: strs(&def.stop_words),
            })
            .collect(),
    }
}

/// A pack's tables compiled now (a pack whose vocabulary is not the built-in one).
fn compile_tables(context: &Context, defs: &std::collections::BTreeMap<String, ConceptDef>) -> Tables {
    let stemmer = Stemmer::create(Algorithm::English);
    input(context, defs).compile(&mut |lower| pack_stem(&stemmer, lower))
}

/// The stem of a word of a term: from the table `build.rs` made of the
/// built-in pack's words, or by the stemmer (the same stem either way).
fn pack_stem(stemmer: &Stemmer, lower: &str) -> String {
    match pack_stem_of(lower) {
        Some(stem) => stem.to_string(),
        None => stemmer.stem(lower).into_owned(),
    }
}

/// A lower-case word as tokens: "didn't" → "did" + "not"; "parents'" → "parents".
fn expand(lower: &str) -> Vec<(String, bool)> {
    if let Some(base) = lower.strip_suffix("n't") {
        let base = match base {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            b => b,
        };
        return vec![(base.to_string(), true), ("not".to_string(), true)];
    }
    let base = lower.strip_suffix("'s").unwrap_or(lower).trim_end_matches('\'');
    vec![(base.to_string(), false)]
}

#[cfg(test)]
mod tests;

/// Whether `head` ends in a list or section number ("5", "III", "C") whose
/// stop follows: the word before the stop, standing alone.
fn is_list_number(head: &str) -> bool {
    let word = head.rsplit([' ', ',', '(']).next().unwrap_or_default();
    !word.is_empty()
        && (word.chars().all(|c| c.is_ascii_digit())
            || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
            || word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// Whether a pattern only matches at the start of the text: `^` first,
/// after any leading flag groups ("(?i)^community:").
fn starts_anchored(pattern: &str) -> bool {
    let mut rest = pattern;
    while let Some(after) = rest.strip_prefix("(?") {
        match after.find(')') {
            Some(close) if after[..close].chars().all(|c| c.is_ascii_alphabetic() || c == '-') => {
                rest = &after[close + 1..];
            }
            _ => break,
        }
    }
    rest.starts_with('^')
}
