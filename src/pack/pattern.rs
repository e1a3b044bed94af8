//! Regular expressions from the pack, compiled when first used and only once
//! per process: a pattern no document needs costs nothing, and the same
//! pattern named in several places (a concept included by others, the
//! priority markers the mapper and the check engine both use) is compiled once.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use regex::{Captures, Match, Regex};

/// A regular expression compiled on first use. An invalid pattern never
/// matches (the pack loader rejects those before they get here).
#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    compiled: OnceLock<Option<Arc<Regex>>>,
}

impl Clone for LazyRegex {
    fn clone(&self) -> Self {
        let compiled = OnceLock::new();
        if let Some(done) = self.compiled.get() {
            let _ = compiled.set(done.clone());
        }
        LazyRegex { pattern: self.pattern.clone(), compiled }
    }
}

/// Every pattern compiled in this process, by its text.
static COMPILED: LazyLock<Mutex<HashMap<String, Option<Arc<Regex>>>>> = LazyLock::new(Default::default);

impl LazyRegex {
    pub fn new(pattern: impl Into<String>) -> Self {
        LazyRegex { pattern: pattern.into(), compiled: OnceLock::new() }
    }

    /// The pattern's text.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The compiled expression; `None` when the pattern is invalid.
    pub fn regex(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| {
                let mut cache = COMPILED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                cache
                    .entry(self.pattern.clone())
                    .or_insert_with(|| Regex::new(&self.pattern).ok().map(Arc::new))
                    .clone()
            })
            .as_deref()
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex().is_some_and(|re| re.is_match(text))
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.regex().and_then(|re| re.find(text))
    }

    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = Match<'t>> + use<'r, 't> {
        self.regex().into_iter().flat_map(move |re| re.find_iter(text))
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.regex().and_then(|re| re.captures(text))
    }

    pub fn split<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = &'t str> + use<'r, 't> {
        let re = self.regex();
        let whole = re.is_none().then_some(text);
        re.into_iter().flat_map(move |re| re.split(text)).chain(whole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_on_first_use_and_shares_the_result() {
        let a = LazyRegex::new(r"(?i)\bpriority\s+(\d)");
        assert!(a.compiled.get().is_none());
        assert_eq!(a.captures("Our Priority 2 is").unwrap().get(1).unwrap().as_str(), "2");
        let b = LazyRegex::new(r"(?i)\bpriority\s+(\d)");
        assert!(b.is_match("PRIORITY 1"));
        assert!(Arc::ptr_eq(a.compiled.get().unwrap().as_ref().unwrap(), b.compiled.get().unwrap().as_ref().unwrap()));
    }

    #[test]
    fn a_bad_pattern_never_matches() {
        let bad = LazyRegex::new("(unclosed");
        assert!(!bad.is_match("(unclosed"));
        assert!(bad.find("x").is_none());
        assert_eq!(bad.find_iter("x").count(), 0);
        assert_eq!(bad.split("a b").collect::<Vec<_>>(), vec!["a b"]);
    }
}
