//! Cutting text into sentences: at line ends, bullets and the stops that
//! end a sentence, never after an initial ("John F.") or one of the pack's
//! abbreviations ("Asst.", "e.g."). Shared by the mapper (counting
//! benchmarks) and the check engine (its units), so both cut alike.

use std::borrow::Cow;
use std::collections::HashSet;

use super::TextRules;

/// The pack's abbreviations, lower case, without their full stop.
#[derive(Debug, Clone, Default)]
pub struct Sentences {
    abbreviations: HashSet<String, foldhash::fast::RandomState>,
}

/// The bytes [`Sentences::split`] stops at: line ends, the stops that
/// may end a sentence, and the lead byte of a bullet.
const SENTENCE_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let stops = *b"\n\r.!?\xe2";
    while i < stops.len() {
        table[stops[i] as usize] = true;
        i += 1;
    }
    table
};

impl Sentences {
    pub fn new(text: &TextRules) -> Self {
        Sentences { abbreviations: text.abbreviations.iter().map(|a| a.trim_end_matches('.').to_lowercase()).collect() }
    }

    /// Cuts `text` into sentences: byte ranges, trimmed, never empty.
    pub fn split(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        let push = |from: usize, to: usize, out: &mut Vec<(usize, usize)>| {
            let s = &text[from..to];
            let lead = s.len() - s.trim_start().len();
            let body = s.trim();
            if body.chars().any(char::is_alphanumeric) {
                out.push((from + lead, from + lead + body.len()));
            }
        };
        // Byte by byte: the characters that end a sentence are ASCII, or
        // bullets whose first byte (0xE2) starts no other kind of byte.
        // The bytes between them are skipped by a table lookup each.
        let bytes = text.as_bytes();
        let mut next = 0;
        while let Some(skip) = bytes[next..].iter().position(|&b| SENTENCE_BYTES[b as usize]) {
            let offset = next + skip;
            let b = bytes[offset];
            next = offset + 1;
            match b {
                b'\n' | b'\r' => {
                    push(start, offset, &mut out);
                    start = offset + 1;
                }
                0xe2 => {
                    let ch = text[offset..].chars().next().expect("a character starts at a lead byte");
                    if matches!(ch, '•' | '▪' | '◦' | '●') {
                        push(start, offset, &mut out);
                        start = offset + ch.len_utf8();
                    }
                }
                b'.' | b'!' | b'?' if text[offset + 1..].chars().next().is_none_or(char::is_whitespace) => {
                    if b == b'.' && !self.ends_sentence(text, offset) {
                        continue;
                    }
                    push(start, offset + 1, &mut out);
                    start = offset + 1;
                }
                _ => {}
            }
        }
        push(start, text.len(), &mut out);
        out
    }

    /// Whether the full stop at byte `offset` ends a sentence.
    pub fn ends_sentence(&self, text: &str, offset: usize) -> bool {
        // The separator may be wider than a byte (a no-break space).
        let word_start = text[..offset]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || c == '(')
            .map_or(0, |(p, c)| p + c.len_utf8());
        let word = &text[word_start..offset];
        // "John F." — an initial: one character, an upper-case letter.
        let mut chars = word.chars();
        // Not "I": after a name ("Algebra I.", "Title I.") it is a numeral
        // that ends the sentence, and it is rarely anyone's initial.
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_alphabetic()
            && c.is_uppercase()
            && c != 'I'
        {
            return false;
        }
        let lower = match word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            true => Cow::Borrowed(word),
            false => Cow::Owned(word.to_lowercase()),
        };
        if self.abbreviations.contains(&*lower) {
            return false;
        }
        // The next word starts in lower case: "approx. five".
        let rest = text[offset + 1..].chars().find(|c| !c.is_whitespace());
        !rest.is_some_and(char::is_lowercase)
    }
}
