//! Which district sent a submission: from the document (title, first page,
//! headers), then the file name, then the email it came in. Names come from
//! the pack's district registry.

use regex::Regex;

use crate::model::Document;
use crate::pack::Districts;
use crate::read::Envelope;

/// How many blocks from the top count as the "first page".
const FIRST_BLOCKS: usize = 15;

pub struct DistrictFinder {
    /// (canonical name, pattern), longest names first so "Greater Lowell RVT" beats "Lowell".
    names: Vec<(String, Regex)>,
    /// (canonical name, letters-only form) for email domains and file names.
    compact: Vec<(String, String)>,
    /// "<Name> Public Schools" for districts outside the registry.
    generic: Regex,
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase()
}

impl DistrictFinder {
    pub fn new(districts: &Districts) -> Self {
        let mut names: Vec<(String, String)> = Vec::new();
        for name in districts.all() {
            names.push((name.clone(), name.clone()));
            for alias in districts.aliases.get(name).into_iter().flatten() {
                names.push((name.clone(), alias.clone()));
            }
        }
        names.sort_by_key(|(_, n)| std::cmp::Reverse(n.len()));
        let compiled = names
            .iter()
            .filter_map(|(canonical, n)| {
                let words: Vec<String> = n
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .filter(|w| !w.is_empty())
                    .map(regex::escape)
                    .collect();
                let pattern = format!(r"(?i)\b{}\b", words.join(r"[\s\-_]*"));
                Regex::new(&pattern).ok().map(|re| (canonical.clone(), re))
            })
            .collect();
        let compact_names =
            names.iter().map(|(canonical, n)| (canonical.clone(), compact(n))).filter(|(_, c)| c.len() >= 5).collect();
        let suffixes = districts.name_suffixes.iter().map(|x| regex::escape(x)).collect::<Vec<_>>().join("|");
        DistrictFinder {
            names: compiled,
            compact: compact_names,
            generic: Regex::new(&format!(
                r"\b([A-Z][A-Za-z.'\-]+(?:[ \-][A-Z][A-Za-z.'\-]+){{0,3}})\s+(?:{suffixes})\b"
            ))
            .expect("suffixes are escaped"),
        }
    }

    /// The district of a submission, looking at the most telling places first.
    pub fn find(&self, doc: Option<&Document>, file_name: &str, envelope: Option<&Envelope>) -> Option<String> {
        if let Some(doc) = doc {
            let first_page: Vec<String> = doc.blocks.iter().take(FIRST_BLOCKS).map(|b| b.text.clone()).collect();
            let places = doc.properties.title.iter().cloned().chain(first_page).chain(doc.headers.iter().cloned());
            let text = places.collect::<Vec<_>>().join("\n");
            if let Some(name) = self.in_text(&text) {
                return Some(name);
            }
        }
        let stem = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        if let Some(name) = self.in_text(&stem.replace(['_', '-', '.'], " ")).or_else(|| self.in_compact(stem)) {
            return Some(name);
        }
        envelope.and_then(|env| self.in_envelope(env)).or_else(|| doc.and_then(|d| self.generic_name(d)))
    }

    /// The subject, the sender (name, then domain), then the body and its signature.
    fn in_envelope(&self, env: &Envelope) -> Option<String> {
        let subject = env.subject.as_deref().unwrap_or("");
        let from = env.from.as_deref().unwrap_or("");
        let domain = from.rsplit('@').next().unwrap_or("").trim_end_matches('>');
        let body: String = env.body.chars().take(4000).collect();
        self.in_text(subject)
            .or_else(|| self.in_text(from))
            .or_else(|| self.in_compact(domain))
            .or_else(|| self.in_text(&body))
    }

    /// The registry district named earliest in `text`.
    fn in_text(&self, text: &str) -> Option<String> {
        self.names
            .iter()
            .filter_map(|(name, re)| re.find(text).map(|m| (m.start(), std::cmp::Reverse(m.len()), name)))
            .min()
            .map(|(_, _, name)| name.clone())
    }

    fn in_compact(&self, text: &str) -> Option<String> {
        let text = compact(text);
        self.compact.iter().find(|(_, c)| text.contains(c.as_str())).map(|(name, _)| name.clone())
    }

    /// "Holyoke Public Schools" on the first page, for districts outside the registry.
    fn generic_name(&self, doc: &Document) -> Option<String> {
        let text: Vec<&str> = doc
            .properties
            .title
            .iter()
            .map(String::as_str)
            .chain(doc.blocks.iter().take(FIRST_BLOCKS).map(|b| b.text.as_str()))
            .collect();
        self.generic.captures(&text.join("\n")).and_then(|c| c.get(1)).map(|m| m.as_str().trim().to_string())
    }
}
