//! Vocabulary matching: case, plurals, punctuation and multi-word phrases,
//! with mentions negated in their own clause left out.
//!
//! Text and terms are cut into the same normalised word tokens ("Parents'" →
//! `parent`, "grade-appropriate" → `grade appropriate`), so a term matches a
//! run of tokens. A term word ending in `*` matches any word it starts
//! ("inequit*" matches "inequities").

use std::collections::HashMap;

use super::pattern::LazyRegex;

/// One normalised word of a text, with its byte range in the original.
#[derive(Debug, Clone)]
pub struct Token {
    pub word: String,
    pub start: usize,
    pub end: usize,
    /// Clause number: punctuation and clause-break words start a new clause.
    pub clause: usize,
}

/// Cuts `text` into normalised word tokens.
pub fn tokenize(text: &str, breaks: &[String]) -> Vec<Token> {
    let mut tokens = Vec::new();
    each_word(text, breaks, |word, start, end, clause| {
        tokens.push(Token { word: word.to_string(), start, end, clause });
    });
    tokens
}

/// The words [`tokenize`] cuts `text` into, in order, each with its byte
/// range and clause, handed over one at a time from one reused buffer (no
/// string per word when only looking at them).
pub fn each_word(text: &str, breaks: &[String], mut f: impl FnMut(&str, usize, usize, usize)) {
    each_word_while(text, breaks, |word, start, end, clause| {
        f(word, start, end, clause);
        true
    });
}

/// [`each_word`] until `f` returns false: the rest of `text` is not read.
pub fn each_word_while(text: &str, breaks: &[String], mut f: impl FnMut(&str, usize, usize, usize) -> bool) {
    let mut state = Words { clause: 0, pending_break: false, word: String::new() };
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((offset, ch)) = chars.next() {
        let in_word = ch.is_alphanumeric()
            || (ch == '\'' || ch == '’') && start.is_some() && chars.peek().is_some_and(|(_, c)| c.is_alphabetic());
        match (in_word, start) {
            (true, None) => start = Some(offset),
            (false, Some(s)) => {
                if !state.push(&text[s..offset], s, breaks, &mut f) {
                    return;
                }
                start = None;
            }
            _ => {}
        }
        if !in_word && matches!(ch, '.' | ';' | ':' | ',' | '!' | '?' | '\n' | '(' | ')' | '•' | '–' | '—') {
            state.pending_break = true;
        }
    }
    if let Some(s) = start {
        state.push(&text[s..], s, breaks, &mut f);
    }
}

struct Words {
    clause: usize,
    pending_break: bool,
    /// The word being handed over.
    word: String,
}

impl Words {
    /// Hands over one word (two for "n't"); false when `f` asked to stop.
    fn push(
        &mut self,
        raw: &str,
        start: usize,
        breaks: &[String],
        f: &mut impl FnMut(&str, usize, usize, usize) -> bool,
    ) -> bool {
        if self.pending_break {
            self.clause += 1;
            self.pending_break = false;
        }
        let word = &mut self.word;
        lower_into(word, raw);
        // "haven't" → "haven" + "not"; "parents'" / "district's" → stem.
        let negated = word.ends_with("n't");
        let base = match negated {
            true => word.len() - 3,
            false => super::lexicon::trim_suffix(word, "'s").trim_end_matches('\'').len(),
        };
        word.truncate(base);
        stem_in_place(word);
        if breaks.iter().any(|b| b == word) {
            self.clause += 1;
        }
        let end = start + raw.len();
        f(word, start, end, self.clause) && (!negated || f("not", start, end, self.clause))
    }
}

/// A light plural stem, the same for text and terms: "families" → "family",
/// "classes" → "class", "parents" → "parent"; short words are left alone.
/// Writes `raw` lower-cased into `out` (cleared first), with a typographic
/// apostrophe as a plain one; ASCII words without allocating.
pub(crate) fn lower_into(out: &mut String, raw: &str) {
    out.clear();
    if raw.is_ascii() {
        out.push_str(raw);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&raw.to_lowercase().replace('’', "'"));
    }
}

pub fn stem(word: &str) -> String {
    let mut word = word.to_string();
    stem_in_place(&mut word);
    word
}

/// [`stem`] of a word it owns, without a copy.
fn stem_in_place(word: &mut String) {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        word.truncate(n - 3);
        word.push('y');
    } else if n > 4
        && (word.ends_with("sses") || word.ends_with("ches") || word.ends_with("shes") || word.ends_with("xes"))
    {
        word.truncate(n - 2);
    } else if n > 2 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") {
        word.truncate(n - 1);
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum WordPattern {
    Exact(String),
    Prefix(String),
}

impl WordPattern {
    fn matches(&self, word: &str) -> bool {
        match self {
            WordPattern::Exact(w) => w == word,
            WordPattern::Prefix(p) => word.starts_with(p.as_str()),
        }
    }
}

/// A compiled term: a phrase of word patterns.
#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<WordPattern>,
}

impl Phrase {
    fn compile(term: &str) -> Option<Phrase> {
        let words: Vec<WordPattern> = term
            .split(|c: char| !(c.is_alphanumeric() || c == '*' || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .flat_map(|w| {
                let lower = w.to_lowercase();
                match lower.strip_suffix('*') {
                    Some(prefix) => vec![WordPattern::Prefix(prefix.to_string())],
                    None => tokenize(&lower, &[]).into_iter().map(|t| WordPattern::Exact(t.word)).collect(),
                }
            })
            .collect();
        (!words.is_empty()).then_some(Phrase { words })
    }

    fn matches_at(&self, tokens: &[Token], at: usize) -> bool {
        self.words.len() <= tokens.len() - at
            && self.words.iter().zip(&tokens[at..]).all(|(p, t)| p.matches(&t.word))
            && tokens[at..at + self.words.len()].windows(2).all(|w| w[0].clause == w[1].clause)
    }
}

/// Negation cues for the mapper's simple term matching (the check engine uses
/// [`super::lexicon`], whose scopes come from the pack's `[context]`).
#[derive(Debug, Clone, Default)]
pub struct Matching {
    pub negation_cues: Vec<String>,
    pub negation_window: usize,
    pub clause_breaks: Vec<String>,
    pub negation_after: Vec<String>,
    pub negation_after_window: usize,
}

/// Negation cues, compiled.
#[derive(Debug, Clone)]
pub struct Negation {
    before: Vec<Phrase>,
    after: Vec<Phrase>,
    window: usize,
    after_window: usize,
    pub breaks: Vec<String>,
}

impl Negation {
    pub fn new(matching: &Matching) -> Self {
        let compile = |list: &[String]| list.iter().filter_map(|t| Phrase::compile(t)).collect();
        Negation {
            before: compile(&matching.negation_cues),
            after: compile(&matching.negation_after),
            window: matching.negation_window,
            after_window: matching.negation_after_window,
            breaks: matching.clause_breaks.iter().map(|b| stem(&b.to_lowercase())).collect(),
        }
    }

    /// No negation at all: every mention counts.
    pub fn none() -> Self {
        Negation { before: Vec::new(), after: Vec::new(), window: 0, after_window: 0, breaks: Vec::new() }
    }

    /// Whether the mention at tokens `[at, end)` is negated in its clause.
    fn negates(&self, tokens: &[Token], at: usize, end: usize) -> bool {
        let clause = tokens[at].clause;
        let from = at.saturating_sub(self.window);
        let before = (from..at).filter(|&i| tokens[i].clause == clause);
        for i in before {
            if self.before.iter().any(|p| p.matches_at(&tokens[..at], i)) {
                return true;
            }
        }
        let until = (end + self.after_window).min(tokens.len());
        (end..until)
            .filter(|&i| tokens[i].clause == clause)
            .any(|i| self.after.iter().any(|p| p.matches_at(&tokens[..until], i)))
    }
}

/// A mention found in a text: its byte range and the term that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub term: String,
}

/// A compiled set of terms and patterns: does a text mention any of them?
#[derive(Debug, Clone, Default)]
pub struct TermSet {
    phrases: Vec<(Phrase, String)>,
    /// Phrases by their exact first word, so a token is compared only with
    /// the phrases that can start at it.
    by_first: HashMap<String, Vec<usize>>,
    /// Phrases whose first word is a prefix pattern (`inequit*`).
    prefixed: Vec<usize>,
    patterns: Vec<LazyRegex>,
}

impl TermSet {
    /// Compiles terms and regular expressions; bad patterns were rejected when the pack loaded.
    pub fn new<'a>(terms: impl IntoIterator<Item = &'a String>, patterns: &[String]) -> Self {
        let phrases: Vec<(Phrase, String)> =
            terms.into_iter().filter_map(|t| Phrase::compile(t).map(|p| (p, t.clone()))).collect();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        let mut prefixed = Vec::new();
        for (i, (phrase, _)) in phrases.iter().enumerate() {
            match &phrase.words[0] {
                WordPattern::Exact(w) => by_first.entry(w.clone()).or_default().push(i),
                WordPattern::Prefix(_) => prefixed.push(i),
            }
        }
        TermSet { phrases, by_first, prefixed, patterns: patterns.iter().map(LazyRegex::new).collect() }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty() && self.patterns.is_empty()
    }

    /// The first mention in `text` that is not negated in its clause.
    pub fn find(&self, text: &str, negation: &Negation) -> Option<Hit> {
        let tokens = tokenize(text, &negation.breaks);
        self.find_in_tokens(text, &tokens, negation)
    }

    pub fn find_in_tokens(&self, text: &str, tokens: &[Token], negation: &Negation) -> Option<Hit> {
        for at in 0..tokens.len() {
            let exact = self.by_first.get(&tokens[at].word).map_or(&[][..], Vec::as_slice);
            for &i in exact.iter().chain(&self.prefixed) {
                let (phrase, term) = &self.phrases[i];
                if phrase.matches_at(tokens, at) {
                    let end = at + phrase.words.len();
                    if !negation.negates(tokens, at, end) {
                        return Some(Hit { start: tokens[at].start, end: tokens[end - 1].end, term: term.clone() });
                    }
                }
            }
        }
        self.patterns.iter().find_map(|re| {
            re.find_iter(text).find_map(|m| {
                let at = tokens.iter().position(|t| t.start >= m.start())?;
                let end = tokens.iter().rposition(|t| t.end <= m.end()).map_or(at + 1, |e| e + 1).max(at + 1);
                (!negation.negates(tokens, at, end)).then(|| Hit {
                    start: m.start(),
                    end: m.end(),
                    term: m.as_str().to_string(),
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn negation() -> Negation {
        Negation::new(&Matching {
            negation_cues: ["not", "no", "never", "without", "yet to"].map(String::from).to_vec(),
            negation_window: 6,
            clause_breaks: ["but", "although"].map(String::from).to_vec(),
            negation_after: ["was not", "were not"].map(String::from).to_vec(),
            negation_after_window: 4,
        })
    }

    fn set(terms: &[&str]) -> TermSet {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        TermSet::new(&terms, &[])
    }

    #[test]
    fn matches_plurals_case_and_punctuation() {
        let s = set(&["family", "community partner", "grade-appropriate"]);
        let n = negation();
        assert_eq!(s.find("We met with FAMILIES weekly.", &n).unwrap().term, "family");
        assert!(s.find("Our Community-Partners joined.", &n).is_some());
        assert!(s.find("grade appropriate tasks", &n).is_some());
        assert!(set(&["parent"]).find("Parents' night", &n).is_some());
        assert!(s.find("The familiar routine", &n).is_none());
    }

    #[test]
    fn negated_mentions_do_not_count() {
        let s = set(&["families", "family input"]);
        let n = negation();
        assert!(s.find("We have not yet engaged families.", &n).is_none());
        assert!(s.find("No family input was gathered.", &n).is_none());
        assert!(s.find("We haven't engaged families.", &n).is_none());
        assert!(s.find("Family input was not gathered this year.", &n).is_none());
        assert!(s.find("Surveys were not returned, but families joined forums.", &n).is_some());
        assert!(s.find("No survey was sent. Families joined forums.", &n).is_some());
    }

    #[test]
    fn prefix_terms_and_phrases_stay_in_one_clause() {
        let s = set(&["inequit*", "student work"]);
        let n = negation();
        assert!(s.find("address budget inequities", &n).is_some());
        assert!(s.find("student, work", &n).is_none());
        assert!(s.find("samples of student work", &n).is_some());
    }

    #[test]
    fn patterns_match_original_text() {
        let s = TermSet::new(&[], &[r"\b[A-Z][a-z]+ Elementary\b".to_string()]);
        assert!(s.find("support for Murkland Elementary", &negation()).is_some());
        assert!(s.find("support for every elementary school", &negation()).is_none());
    }
}
