//! Which district sent a submission: from the document (title, first page,
//! headers), then the file name, then the email it came in. Names come from
//! the pack's district registry.

use crate::model::Document;
use crate::pack::Districts;
use crate::pack::pattern::LazyRegex;
use crate::read::Envelope;

/// Longest text (in bytes, ASCII only) searched name by name rather than
/// with the automaton of first words.
const SHORT_TEXT: usize = 200;

/// How many blocks from the top count as the "first page".
const FIRST_BLOCKS: usize = 15;

pub struct DistrictFinder {
    /// (canonical name, the name's words), longest names first so "Greater Lowell RVT" beats "Lowell".
    names: Vec<(String, Vec<String>)>,
    /// Indices into `names` by the first byte of their first word (ASCII
    /// lower case): the names that can start at a byte of a text.
    by_first_byte: Vec<Vec<usize>>,
    /// (canonical name, letters-only form) for email domains and file names.
    compact: Vec<(String, String)>,
    /// "<Name> Public Schools" for districts outside the registry.
    generic: LazyRegex,
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase()
}

/// Whether a regex `\b` stands at byte `at` of `text`.
fn word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back().is_some_and(regex_syntax::is_word_character);
    let after = text[at..].chars().next().is_some_and(regex_syntax::is_word_character);
    before != after
}

/// Whether `word` (lower case) is written at byte `at` of `text`, ignoring
/// case; the byte after it.
fn word_at(text: &str, at: usize, word: &str) -> Option<usize> {
    let mut rest = text[at..].char_indices();
    for expected in word.chars() {
        let (_, c) = rest.next()?;
        let folded = match c {
            '\u{17f}' => 's',
            c => c.to_lowercase().next().unwrap_or(c),
        };
        if folded != expected && c != expected {
            return None;
        }
    }
    Some(rest.next().map_or(text.len(), |(i, _)| at + i))
}

/// The end of `words` written from byte `at` of `text`, as the pattern
/// `(?i)\bw1[\s\-_]*w2\b` matches it.
fn name_at(text: &str, at: usize, words: &[String]) -> Option<usize> {
    if !word_boundary(text, at) {
        return None;
    }
    let mut end = at;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            end += text[end..].len()
                - text[end..].trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '_').len();
        }
        end = word_at(text, end, word)?;
    }
    word_boundary(text, end).then_some(end)
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
        let words: Vec<(String, Vec<String>)> = names
            .iter()
            .map(|(canonical, n)| {
                let words: Vec<String> = n
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                (canonical.clone(), words)
            })
            .filter(|(_, words)| !words.is_empty())
            .collect();
        let compact_names =
            names.iter().map(|(canonical, n)| (canonical.clone(), compact(n))).filter(|(_, c)| c.len() >= 5).collect();
        let mut by_first_byte = vec![Vec::new(); 256];
        for (i, (_, words)) in words.iter().enumerate() {
            if let Some(&b) = words[0].as_bytes().first() {
                by_first_byte[b.to_ascii_lowercase() as usize].push(i);
            }
        }
        DistrictFinder {
            names: words,
            by_first_byte,
            compact: compact_names,
            generic: LazyRegex::new(crate::pack::forms::district_generic(&districts.name_suffixes)),
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

    /// The registry district named earliest in `text` (the longest name
    /// there, on a tie): each name's first word is found in one pass, and
    /// the rest of the name checked where it starts.
    fn in_text(&self, text: &str) -> Option<String> {
        // (where a name's first word starts, the name)
        let mut starts: Vec<(usize, usize)> = Vec::new();
        if text.len() <= SHORT_TEXT && text.is_ascii() {
            // A file name or a subject line: each first word looked for in
            // turn costs less than building the automaton.
            let lower = text.to_ascii_lowercase();
            for (i, (_, words)) in self.names.iter().enumerate() {
                let mut from = 0;
                while let Some(at) = lower[from..].find(words[0].as_str()) {
                    starts.push((from + at, i));
                    from += at + 1;
                }
            }
        } else {
            // Every place a first word is written (ASCII case ignored), in
            // one pass: only the names starting with each byte are compared,
            // and only where a word can start (a name needs `\b` there).
            let bytes = text.as_bytes();
            for (at, &b) in bytes.iter().enumerate() {
                let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
                if at > 0 && word_byte(bytes[at - 1]) && word_byte(b) {
                    continue;
                }
                for &i in &self.by_first_byte[b.to_ascii_lowercase() as usize] {
                    let first = self.names[i].1[0].as_bytes();
                    if bytes.get(at..at + first.len()).is_some_and(|here| here.eq_ignore_ascii_case(first)) {
                        starts.push((at, i));
                    }
                }
            }
        }
        starts
            .into_iter()
            .filter_map(|(start, i)| {
                let (name, words) = &self.names[i];
                let end = name_at(text, start, words)?;
                Some((start, std::cmp::Reverse(end - start), name))
            })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn finder() -> DistrictFinder {
        DistrictFinder::new(&crate::pack::builtin().districts)
    }

    #[test]
    fn names_match_as_whole_words_in_any_case_and_spacing() {
        let f = finder();
        assert_eq!(f.in_text("Submitted by FALL RIVER Public Schools").as_deref(), Some("Fall River"));
        assert_eq!(f.in_text("fall-river plan").as_deref(), Some("Fall River"));
        assert_eq!(f.in_text("Fall_River").as_deref(), Some("Fall River"));
        assert_eq!(f.in_text("FallRiver").as_deref(), Some("Fall River"));
        assert_eq!(f.in_text("Lowellville and Fitchburgh"), None);
        assert_eq!(f.in_text("x_Lowell"), None);
    }

    #[test]
    fn a_long_text_finds_the_names_a_short_one_does() {
        let f = finder();
        let filler = " and then the plan goes on".repeat(10);
        for text in [
            "Submitted by FALL RIVER Public Schools",
            "fall-river plan",
            "Fall_River",
            "FallRiver",
            "Lowellville and Fitchburgh",
            "x_Lowell",
            "Greater Lowell RVT, near Lowell",
            "Lowell, then Greater Lowell RVT",
            "Amherst-Pelham Regional",
            "see grsd.org",
        ] {
            let long = format!("{text}{filler}");
            assert!(long.len() > SHORT_TEXT);
            assert_eq!(f.in_text(&long), f.in_text(text), "{text}");
        }
        let unicode = format!("Plan — café{filler}\nSubmitted by FALL RIVER Public Schools");
        assert_eq!(f.in_text(&unicode).as_deref(), Some("Fall River"));
        assert_eq!(f.in_text(&format!("éLowell{filler}")).as_deref(), None, "no word boundary after é");
    }

    #[test]
    fn the_earliest_then_the_longest_name_wins() {
        let f = finder();
        assert_eq!(f.in_text("Greater Lowell RVT, near Lowell").as_deref(), Some("Greater Lowell RVT"));
        assert_eq!(f.in_text("Lowell, then Greater Lowell RVT").as_deref(), Some("Lowell"));
        assert_eq!(f.in_text("Amherst-Pelham Regional").as_deref(), Some("Amherst-Pelham"));
        assert_eq!(f.in_text("see grsd.org").as_deref(), Some("Gateway"));
    }

    #[test]
    fn the_same_answers_as_one_pattern_per_name() {
        let f = finder();
        let texts = [
            "Plan of the Chelsea Public Schools",
            "NEW  BEDFORD",
            "athol royalston regional",
            "Salem-Malden",
            "Ağawam Winchendon",
            "",
            "—Worcester—",
            "Worcesters",
            "Hoosac Valley Regional School District",
            "x_Lowell lowell-ville aaa Fall River",
        ];
        let long = format!("{} Pittsfield then Springfield", "word ".repeat(60));
        let texts = texts.iter().copied().chain([long.as_str()]);
        for text in texts {
            let by_regex = f
                .names
                .iter()
                .filter_map(|(name, words)| {
                    let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
                    let re = regex::Regex::new(&format!(r"(?i)\b{}\b", escaped.join(r"[\s\-_]*"))).unwrap();
                    re.find(text).map(|m| (m.start(), std::cmp::Reverse(m.len()), name.clone()))
                })
                .min()
                .map(|(_, _, name)| name);
            assert_eq!(f.in_text(text), by_regex, "{text}");
        }
    }
}
