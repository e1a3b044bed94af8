//! Recognising section headings, prompt text, placeholders and markers,
//! compiled from the pack's titles, aliases, prompts and patterns.

use std::collections::{HashMap, HashSet};

use crate::model::{Block, BlockKind, Document};
use crate::pack::Pack;
use crate::pack::matcher::{Negation, TermSet, each_word, each_word_while, tokenize};
use crate::pack::pattern::{AnyOf, LazyRegex};

/// An outline number before a line ("6.5 "), so its digits are not read as a measure.
static OUTLINE_NUMBER: std::sync::LazyLock<LazyRegex> =
    std::sync::LazyLock::new(|| LazyRegex::new(crate::pack::forms::OUTLINE_NUMBER));

/// Fewest words a heading placed by its position must govern.
const MIN_REGION_WORDS: usize = 10;
/// Word triples in a row not in any prompt that make a text the district's
/// own answer, however much of a prompt it repeats.
const OWN_WORDS_RUN: usize = 5;

/// Hashed word triples of prompts (looked up for every triple of a text).
type PromptGrams = HashSet<u64, foldhash::fast::RandomState>;

/// How a block is set off as a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// A heading style or outline level.
    Styled,
    /// A worksheet's name.
    Sheet,
    /// The left (label) cell of a table row, or a one-cell title row.
    TableLabel,
    /// A numbered label, typed ("3. ...") or automatic.
    Numbered,
    /// A table cell holding a section's guidance prompt, with no title.
    PromptCell,
    /// A short bold line, or one in capitals.
    Bold,
    /// A bold label leading a paragraph: "**Outcomes:** We will ...".
    InlineBold,
    /// A short line ending with a colon.
    Label,
    /// A short plain line that is exactly a section's name.
    Plain,
}

impl Cue {
    pub fn is_strong(self) -> bool {
        // InlineBold and Bold are weak: a sub-label inside a section looks the same.
        matches!(self, Cue::Styled | Cue::Sheet | Cue::TableLabel | Cue::Numbered | Cue::PromptCell)
    }
}

/// The headings of a document: those that name a section, and those that
/// end one without naming another.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<HeadingHit>,
    pub boundaries: Vec<usize>,
    /// Blocks that open with a priority statement: (block, number, label).
    pub markers: Vec<(usize, Option<usize>, String)>,
}

/// A block that names a section.
#[derive(Debug, Clone)]
pub struct HeadingHit {
    pub block: usize,
    pub section: usize,
    pub cue: Cue,
    /// Response text on the heading's own line after the title ("Outcomes: We will ...").
    pub rest: Option<String>,
    /// The number written before the title ("3." → 3), if any.
    pub number: Option<u32>,
    /// Further sections the same label names ("Outcomes and Progress
    /// Monitoring" heads Outcomes and Monitoring alike).
    pub also: Vec<usize>,
}

impl HeadingHit {
    /// Every section this label heads, the first one first.
    pub fn sections(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.section).chain(self.also.iter().copied())
    }
}

struct SectionNames {
    number: u8,
    keywords: Vec<TermSet>,
    content_cues: Vec<TermSet>,
    names: Vec<Vec<String>>,
    prompt: PromptGrams,
}

pub struct Headings {
    sections: Vec<SectionNames>,
    all_prompts: PromptGrams,
    placeholders: AnyOf,
    priority_markers: Vec<LazyRegex>,
    benchmark_markers: Vec<LazyRegex>,
    /// Cuts a response into sentences as the check engine does.
    sentences: crate::pack::sentences::Sentences,
    benchmark_level_markers: AnyOf,
    benchmark_deadlines: AnyOf,
    priority_short_markers: Vec<LazyRegex>,
    priority_alt_markers: Vec<LazyRegex>,
    /// The most priorities other names may state ([`Self::alt_priority_marker`]).
    max_alt_priorities: usize,
    benchmark_headers: Vec<Vec<String>>,
    benchmark_measures: TermSet,
    plan_words: TermSet,
    end_markers: AnyOf,
    table_headers: HashSet<Vec<String>>,
    max_heading_words: usize,
    min_own_words_headings: usize,
    min_ordinal_agreement: usize,
    max_reference_words: usize,
    numbering: LazyRegex,
    number_words: Vec<String>,
    priority_list_lead_ins: AnyOf,
    priority_counts: Vec<LazyRegex>,
    benchmark_non_items: AnyOf,
    benchmark_dated_labels: Vec<LazyRegex>,
    cross_references: AnyOf,
    section_references: Vec<LazyRegex>,
    priority_deferrals: AnyOf,
    priority_statement_cues: TermSet,
    joiners: LazyRegex,
    continued: Vec<LazyRegex>,
    stop_words: Vec<String>,
    priorities: usize,
    monitoring: Option<usize>,
}

/// One pattern splitting a heading at any of the pack's joiners.
fn joiners(words: &[String]) -> LazyRegex {
    LazyRegex::new(crate::pack::forms::joiners(words))
}

/// A list asked only whether any of it matches, case-insensitive (see
/// [`crate::pack::pattern::AnyOf`]).
fn any_case_insensitive(patterns: &[String]) -> AnyOf {
    AnyOf::new(patterns.iter().map(|p| format!("(?i){p}")).collect())
}

fn case_insensitive(patterns: &[String], anchor: bool) -> Vec<LazyRegex> {
    patterns.iter().map(|p| LazyRegex::new(if anchor { format!("(?i){p}") } else { p.clone() })).collect()
}

/// Normalised words of a heading: stemmed, lower-case, the pack's stop words out.
/// A short word cut off with a full stop ("Diff.", "Engmt.", "Prog.") keeps
/// the stop as a mark, so that it can stand for a longer word of a name.
fn name_tokens(text: &str, stop_words: &[String]) -> Vec<String> {
    tokenize(text, &[])
        .into_iter()
        .filter(|t| !stop_words.contains(&t.word))
        .map(|t| {
            let cut = text[t.end..].starts_with('.')
                && (2..=5).contains(&t.word.len())
                && t.word.chars().all(char::is_alphabetic);
            if cut { format!("{}.", t.word) } else { t.word }
        })
        .collect()
}

/// Whether a heading's word stands for a name's word: the same word, or an
/// abbreviation whose letters the word spells in order from its first
/// ("diff." differentiated, "engmt." engagement, "mgmt." management).
fn same_word(heading: &str, name: &str) -> bool {
    let Some(short) = heading.strip_suffix('.') else { return heading == name };
    let short = short.as_bytes();
    if short == name.as_bytes() {
        return true;
    }
    if short.len() < 3 || name.len() <= short.len() || short[0] != name.as_bytes()[0] {
        return false;
    }
    let mut letters = name.bytes();
    short.iter().all(|&c| letters.any(|n| n == c))
}

fn same_words(heading: &[String], name: &[String]) -> bool {
    heading.len() == name.len() && heading.iter().zip(name).all(|(h, n)| same_word(h, n))
}

/// Word triples of `text`, hashed: prompt detection compares many of them.
/// Each word is hashed once and each triple from its words' hashes, with one
/// fixed hash, so the prompts' triples and a text's meet.
fn trigrams(text: &str) -> Vec<u64> {
    use std::hash::BuildHasher;
    let hasher = foldhash::fast::FixedState::default();
    let mut words: Vec<u64> = Vec::new();
    each_word(text, &[], |word, _, _, _| words.push(hasher.hash_one(word)));
    words.windows(3).map(|w| hasher.hash_one((w[0], w[1], w[2]))).collect()
}

impl Headings {
    pub fn new(pack: &Pack) -> Self {
        let m = &pack.mapping;
        let stop_words: Vec<String> = m.heading_stop_words.iter().map(|w| w.to_lowercase()).collect();
        let name_tokens = |text: &str| name_tokens(text, &stop_words);
        let sections: Vec<SectionNames> = pack
            .sections
            .iter()
            .map(|s| {
                let mut names: Vec<Vec<String>> = std::iter::once(&s.title)
                    .chain(&s.aliases)
                    .map(|n| name_tokens(n))
                    .filter(|n| !n.is_empty())
                    .collect();
                names.sort();
                names.dedup();
                let keywords = s.keywords.iter().map(|k| TermSet::new([k], &[])).collect();
                let content_cues = s.content_cues.iter().map(|k| TermSet::new([k], &[])).collect();
                SectionNames {
                    number: s.number,
                    keywords,
                    content_cues,
                    names,
                    prompt: trigrams(&s.prompt).into_iter().collect(),
                }
            })
            .collect();
        let all_prompts = sections.iter().flat_map(|s| s.prompt.iter().cloned()).collect();
        Headings {
            sentences: crate::pack::sentences::Sentences::new(&pack.text),
            sections,
            all_prompts,
            placeholders: any_case_insensitive(&m.placeholders),
            priority_markers: case_insensitive(&m.priority_markers, true),
            benchmark_markers: case_insensitive(&m.benchmark_markers, true),
            benchmark_level_markers: any_case_insensitive(&m.benchmark_level_markers),
            benchmark_deadlines: any_case_insensitive(&m.benchmark_deadlines),
            priority_short_markers: case_insensitive(&m.priority_short_markers, true),
            priority_alt_markers: case_insensitive(&m.priority_alt_markers, true),
            max_alt_priorities: pack.limits.max_priorities,
            benchmark_headers: m.benchmark_headers.iter().map(|h| name_tokens(h)).collect(),
            benchmark_measures: TermSet::new(&m.benchmark_measures, &[]),
            plan_words: TermSet::new(&m.benchmark_plan_words, &[]),
            end_markers: any_case_insensitive(&m.end_markers),
            table_headers: m.table_headers.iter().map(|h| name_tokens(h)).collect(),
            max_heading_words: m.max_heading_words,
            min_own_words_headings: m.min_own_words_headings,
            min_ordinal_agreement: m.min_ordinal_agreement,
            max_reference_words: m.max_reference_words,
            priorities: pack.sections.iter().position(|s| s.id == m.priorities_section).unwrap_or(0),
            monitoring: pack.sections.iter().position(|s| s.id == m.benchmarks_section),
            numbering: LazyRegex::new(crate::pack::forms::numbering(&m.heading_number_words)),
            number_words: m.heading_number_words.iter().map(|w| w.to_lowercase()).collect(),
            priority_list_lead_ins: any_case_insensitive(&m.priority_list_lead_ins),
            priority_counts: case_insensitive(&m.priority_counts, true),
            benchmark_non_items: any_case_insensitive(&m.benchmark_non_items),
            benchmark_dated_labels: case_insensitive(&m.benchmark_dated_labels, true),
            cross_references: any_case_insensitive(&m.cross_references),
            section_references: case_insensitive(&m.section_references, true),
            priority_deferrals: any_case_insensitive(&m.priority_deferrals),
            priority_statement_cues: TermSet::new(&m.priority_statement_cues, &[]),
            joiners: joiners(&m.heading_joiners),
            continued: case_insensitive(&m.heading_continued, true),
            stop_words,
        }
    }

    /// The index of the section where priorities are stated.
    pub fn priorities_index(&self) -> usize {
        self.priorities
    }

    /// The index of the section where benchmarks are listed.
    pub fn monitoring_index(&self) -> Option<usize> {
        self.monitoring
    }

    pub fn max_heading_words(&self) -> usize {
        self.max_heading_words
    }

    pub fn max_reference_words(&self) -> usize {
        self.max_reference_words
    }

    /// The sections a short label cell names ("Outcomes", "4. Outcomes",
    /// "Outcomes & Monitoring"), if it names any.
    pub fn label_sections(&self, block: &Block) -> Option<Vec<usize>> {
        let (number, title, _) = self.split_heading(block);
        if title.split_whitespace().nth(self.max_heading_words).is_some() {
            return None;
        }
        if let Some(joined) = self.match_joined(&title, false) {
            return Some(joined);
        }
        self.match_name(&name_tokens(&title, &self.stop_words), false, number).map(|s| vec![s])
    }

    pub fn section_count(&self) -> usize {
        self.sections.len()
    }

    /// Every block that heads a section, with how it is set off, and the
    /// blocks set off the same way that head something else (an appendix, a
    /// district profile): those end the section before them.
    pub fn find_all(&self, doc: &Document) -> Found {
        let rows = row_occupancy(doc);
        let mut hits = Vec::new();
        let mut candidates = Vec::new();
        let mut ends = Vec::new();
        let mut markers = Vec::new();
        for (i, block) in doc.blocks.iter().enumerate() {
            if let Some((number, label)) = self.priority_marker(block) {
                markers.push((i, number, label));
                continue;
            }
            let Some(cue) = self.cue(doc, &rows, block) else { continue };
            if self.end_markers.is_match(block.text.trim()) {
                ends.push(i);
                continue;
            }
            match self.hit(doc, cue, i, block) {
                Some(hit) => hits.push(hit),
                None => candidates.push((i, cue)),
            }
        }
        drop_column_headers(doc, &rows, &mut hits);
        let families = self.answered_families(doc, &hits, &candidates);
        let (mut ordered, mut members) = self.ordinal_family(doc, &families);
        if ordered.is_empty() {
            (ordered, members) = self.content_family(doc, &hits, &families);
        }
        if !ordered.is_empty() {
            let blocks: HashSet<usize> = members.into_iter().collect();
            hits.retain(|h| !blocks.contains(&h.block));
            candidates.retain(|(i, _)| !blocks.contains(i));
            hits.extend(ordered);
        }
        let skeleton = self.keyword_skeleton(doc, &hits, &candidates);

        candidates.retain(|(i, _)| !skeleton.iter().any(|h| h.block == *i));
        hits.extend(skeleton);
        let mut boundaries = self.place_siblings(doc, &mut hits, &candidates);
        boundaries.extend(ends);
        hits.sort_by_key(|h| h.block);
        drop_cell_labels_out_of_place(&mut hits);
        Found { hits, boundaries, markers }
    }

    /// Headings that follow the guidance's order without naming it ("What
    /// told us this was the right focus?"): when one family of set-off
    /// headings has one heading per section over an answer (and up to two
    /// more inside a section, see [`Self::best_alignment`]), each heads the
    /// section at its place. Only when the other cues leave a section
    /// unnamed. Returns the hits and every member of the family taken.
    fn ordinal_family(&self, doc: &Document, families: &[Vec<Member>]) -> (Vec<HeadingHit>, Vec<usize>) {
        for members in families {
            let lines: Vec<&OrdinalLine> = members.iter().map(|m| &m.line).collect();
            let Some(sections) = self.best_alignment(&lines) else { continue };
            // A line after the last section's heading ("Next steps" on a
            // closing slide) is left to end that section, not taken inside it.
            let last = sections.iter().rposition(Option::is_some).unwrap_or(0);
            let taken = members.iter().take(last + 1).map(|m| m.line.block).collect();
            let placed =
                members.iter().zip(sections).filter_map(|(m, s)| s.map(|section| (m.line.block, m.line.cue, section)));
            return (self.placed_hits(doc, placed), taken);
        }
        (Vec::new(), Vec::new())
    }

    /// Headings in the district's own words set in another order than the
    /// guidance's ("What will be different by June?" before "What told us
    /// this was the right focus?"): when one family of set-off headings has
    /// exactly one heading per section, each over an answer, and no other
    /// heading names a section, each heads the section its name, its
    /// keywords and the words of its answer point to, taken together so that
    /// every section gets one (the best of all assignments). Every heading
    /// must have some evidence for its section.
    fn content_family(
        &self,
        doc: &Document,
        hits: &[HeadingHit],
        families: &[Vec<Member>],
    ) -> (Vec<HeadingHit>, Vec<usize>) {
        let n = self.sections.len();
        // A table's label cell inside a section is not one of the plan's headings.
        let heading_like = |cue: Cue| matches!(cue, Cue::Styled | Cue::Numbered | Cue::Sheet);
        let none = Negation::none();
        for members in families {
            let outside = hits.iter().any(|h| heading_like(h.cue) && !members.iter().any(|m| m.line.block == h.block));
            if members.len() != n || outside {
                continue;
            }
            let scores: Vec<Vec<usize>> = members
                .iter()
                .map(|m| {
                    let answer = m.answer_opening(doc);
                    (0..n)
                        .map(|s| match m.line.named {
                            Some(named) => usize::from(named == s) * NAMED_SCORE,
                            None => {
                                let cues =
                                    self.sections[s].content_cues.iter().filter(|c| c.find(&answer, &none).is_some());
                                cues.count() + usize::from(m.line.keyword == Some(s)) * KEYWORD_SCORE
                            }
                        })
                        .collect()
                })
                .collect();
            let Some(assignment) = best_assignment(&scores) else { continue };
            let placed = members.iter().zip(assignment).map(|(m, section)| (m.line.block, m.line.cue, section));
            return (self.placed_hits(doc, placed), members.iter().map(|m| m.line.block).collect());
        }
        (Vec::new(), Vec::new())
    }

    /// The families of set-off lines (one style level, or bold lines), each
    /// with the section its title names or else the one its keywords point
    /// to, keeping the members over an answer (a title or a group heading
    /// heads nothing), in document order, each with where its answer ends.
    /// Empty when the other cues name every section.
    fn answered_families(&self, doc: &Document, hits: &[HeadingHit], candidates: &[(usize, Cue)]) -> Vec<Vec<Member>> {
        let named: HashSet<usize> = hits.iter().flat_map(HeadingHit::sections).collect();
        if named.len() >= self.sections.len() {
            return Vec::new();
        }
        // A numbered bold label in a table cell ("4 · What success looks
        // like" atop a card) is set off like a numbered line: which column a
        // card stands in does not change what kind of label it is.
        let numbered_cell = |i: usize, cue: Cue| {
            cue == Cue::TableLabel && doc.blocks[i].bold && self.split_heading(&doc.blocks[i]).0.is_some()
        };
        let kind_cue = |i: usize, cue: Cue| if numbered_cell(i, cue) { Cue::Numbered } else { cue };
        let set_off = |cue: Cue| matches!(cue, Cue::Styled | Cue::Bold | Cue::Numbered);
        let short_title = |i: usize| {
            let (_, title, _) = self.split_heading(&doc.blocks[i]);
            !is_sub_number(&doc.blocks[i].text)
                && title.split_whitespace().nth(self.max_heading_words).is_none()
                && !is_sentence(doc.blocks[i].text.trim())
        };
        let mut lines: Vec<OrdinalLine> = hits
            .iter()
            .filter(|h| h.also.is_empty())
            .map(|h| (h.block, kind_cue(h.block, h.cue), Some(h.section)))
            .chain(candidates.iter().map(|&(i, cue)| (i, kind_cue(i, cue), None)))
            .filter(|&(i, cue, named)| set_off(cue) && (named.is_some() || short_title(i)))
            .map(|(block, cue, named)| {
                let keyword = named.is_none().then(|| self.keyword_section(&self.split_heading(&doc.blocks[block]).1));
                OrdinalLine { block, cue, named, keyword: keyword.flatten() }
            })
            .collect();
        lines.sort_unstable_by_key(|l| l.block);
        // One line per block, so that each member's answer ends after it starts.
        lines.dedup_by_key(|l| l.block);
        let mut families: Vec<(HeadingKind, Vec<OrdinalLine>)> = Vec::new();
        let title_of = |i: usize| self.split_heading(&doc.blocks[i]).1.to_lowercase();
        for line in lines {
            let kind = (line.cue, doc.blocks[line.block].heading_level);
            match families.iter_mut().find(|(k, _)| *k == kind) {
                // The title again ("Who does what (cont.)" on the next
                // slide) goes on with the member before it.
                Some((_, members)) if members.last().is_some_and(|m| title_of(m.block) == title_of(line.block)) => {}
                Some((_, members)) => members.push(line),
                None => families.push((kind, vec![line])),
            }
        }
        families
            .into_iter()
            .map(|(_, family)| {
                let ends: Vec<usize> = family.iter().skip(1).map(|l| l.block).chain([doc.blocks.len()]).collect();
                family
                    .into_iter()
                    .zip(ends)
                    .map(|(line, end)| Member { line, end })
                    // A heading that names its section keeps its place even
                    // over an empty answer (the district left it blank).
                    .filter(|m| m.line.named.is_some() || m.answers(doc))
                    .collect()
            })
            .collect()
    }

    /// Hits for headings placed by a family reading: (block, cue, section).
    fn placed_hits(&self, doc: &Document, placed: impl Iterator<Item = (usize, Cue, usize)>) -> Vec<HeadingHit> {
        placed
            .map(|(block, cue, section)| {
                let (number, _, rest) = self.split_heading(&doc.blocks[block]);
                let rest =
                    rest.filter(|r| r.split_whitespace().nth(2).is_some() && !self.is_prompt_text(r, Some(section)));
                HeadingHit { block, section, cue, rest, number, also: Vec::new() }
            })
            .collect()
    }

    /// The sections of a family's members in the guidance's order, one
    /// member per section; a member or two more (a sub-heading such as
    /// "Interim benchmarks", a title over an introduction) stand inside the
    /// section before them (`None`). Of every such reading, the one whose
    /// members' names and keywords agree most with their places, and a name
    /// that points elsewhere counts against it twice; `None` when the best
    /// agrees less than the pack asks or its names disagree too often.
    fn best_alignment(&self, members: &[&OrdinalLine]) -> Option<Vec<Option<usize>>> {
        let n = self.sections.len();
        let extra = members.len().checked_sub(n).filter(|&e| e <= MAX_ORDINAL_EXTRAS)?;
        let mut best: Option<(isize, usize, Vec<Option<usize>>)> = None;
        let pairs: Vec<(usize, usize)> = match extra {
            0 => vec![(usize::MAX, usize::MAX)],
            1 => (0..members.len()).map(|a| (a, usize::MAX)).collect(),
            _ => (0..members.len()).flat_map(|a| (a + 1..members.len()).map(move |b| (a, b))).collect(),
        };
        for (a, b) in pairs {
            let mut next = 0;
            let mut current: Option<usize> = None;
            let (mut agree, mut conflicts, mut astray) = (0usize, 0usize, 0isize);
            let mut reading = Vec::with_capacity(members.len());
            for (k, m) in members.iter().enumerate() {
                if k == a || k == b {
                    // Inside the section before it; a name of another section counts against.
                    conflicts += usize::from(m.named.is_some_and(|s| Some(s) != current));
                    astray += isize::from(m.named.is_none() && m.keyword.is_some_and(|s| Some(s) != current));
                    reading.push(None);
                    continue;
                }
                current = Some(next);
                agree += usize::from(m.named.or(m.keyword) == Some(next));
                conflicts += usize::from(m.named.is_some_and(|s| s != next));
                astray += isize::from(m.named.is_none() && m.keyword.is_some_and(|s| s != next));
                reading.push(Some(next));
                next += 1;
            }
            // Keywords pointing elsewhere only break ties between readings.
            let score = 2 * (agree as isize - 2 * conflicts as isize) - astray;
            // One heading named otherwise may be a slip; two moved off
            // their names (a title slide counted as section 1) are a misreading.
            if agree >= self.min_ordinal_agreement
                && conflicts * 2 <= agree
                && conflicts <= MAX_ORDINAL_CONFLICTS
                && best.as_ref().is_none_or(|(s, _, _)| score > *s)
            {
                best = Some((score, agree, reading));
            }
        }
        best.map(|(_, _, reading)| reading)
    }

    /// Headings all in the district's own words ("What the data told us",
    /// "Who we heard from", "How we will know"), none naming a section: when
    /// the document names fewer than two sections otherwise, the headings of
    /// one kind (one style level, or bold lines) whose keywords point to
    /// sections in the guidance's order, at least the pack's `min_own_words_headings`,
    /// head those sections; the others are left to be placed by order.
    fn keyword_skeleton(&self, doc: &Document, hits: &[HeadingHit], candidates: &[(usize, Cue)]) -> Vec<HeadingHit> {
        let named: HashSet<usize> = hits.iter().map(|h| h.section).collect();
        if named.len() >= 2 {
            return Vec::new();
        }
        let mut families: Vec<(HeadingKind, Vec<(usize, usize)>)> = Vec::new();
        let mut add = |kind: HeadingKind, entry: (usize, usize)| match families.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, found)) => found.push(entry),
            None => families.push((kind, vec![entry])),
        };
        let kind_of = |i: usize, cue: Cue| (cue, doc.blocks[i].heading_level);
        let set_off = |cue: Cue| matches!(cue, Cue::Styled | Cue::Bold | Cue::Numbered);
        for h in hits.iter().filter(|h| set_off(h.cue)) {
            add(kind_of(h.block, h.cue), (h.block, h.section));
        }
        for &(i, cue) in candidates.iter().filter(|(_, cue)| set_off(*cue)) {
            let (_, title, _) = self.split_heading(&doc.blocks[i]);
            if is_sub_number(&doc.blocks[i].text)
                || title.split_whitespace().nth(self.max_heading_words).is_some()
                || is_sentence(doc.blocks[i].text.trim())
            {
                continue;
            }
            if let Some(section) = self.keyword_section(&title) {
                add(kind_of(i, cue), (i, section));
            }
        }
        let best = families
            .into_iter()
            .map(|(key, mut found)| {
                found.sort_unstable();
                (key.0, increasing_run(&found))
            })
            .filter(|(_, run)| run.len() >= self.min_own_words_headings)
            .max_by_key(|(_, run)| run.len());
        let Some((cue, run)) = best else { return Vec::new() };
        run.into_iter()
            .filter(|(_, s)| !named.contains(s))
            .map(|(block, section)| {
                let (number, _, rest) = self.split_heading(&doc.blocks[block]);
                let rest =
                    rest.filter(|r| r.split_whitespace().nth(2).is_some() && !self.is_prompt_text(r, Some(section)));
                HeadingHit { block, section, cue, rest, number, also: Vec::new() }
            })
            .collect()
    }

    /// The section a short set-off title names by its keywords ("Stakeholders"
    /// in bold on a slide of its own), when it carries no number and no answer.
    fn stray_title(&self, block: &Block, cue: Cue) -> Option<usize> {
        let (number, title, rest) = self.split_heading(block);
        let set_off = matches!(cue, Cue::Styled | Cue::Bold) && (block.bold || block.heading_level.is_some());
        let short = title.split_whitespace().nth(MAX_STRAY_TITLE_WORDS).is_none();
        (set_off && short && number.is_none() && rest.is_none()).then(|| self.keyword_section(&title)).flatten()
    }

    /// Headings set off like the recognised ones but named otherwise ("4.
    /// Goals and Targets", "Engaging Our Community"): placed by their number
    /// when the document numbers its sections as the guidance does, else by
    /// the section's keywords; the rest are boundaries.
    fn place_siblings(&self, doc: &Document, hits: &mut Vec<HeadingHit>, candidates: &[(usize, Cue)]) -> Vec<usize> {
        // A bold line and a bold label over its answer are set off alike.
        // Numbered lines are one family only when set off alike: "IV. Outcome
        // Measures" in bold is not a sibling of an automatic list's "7. ...".
        let signature = |i: usize, cue: Cue| {
            let cue = if cue == Cue::InlineBold { Cue::Bold } else { cue };
            let block = &doc.blocks[i];
            let set_off = cue == Cue::Numbered && (block.bold || block.emphasis || block.bold_prefix > 0);
            (cue, block.heading_level, set_off)
        };
        let named: HashSet<usize> = hits.iter().map(|h| h.section).collect();
        let numbered: Vec<(u32, usize)> = hits.iter().filter_map(|h| h.number.map(|n| (n, h.section))).collect();
        let agree = numbered.iter().filter(|&&(n, s)| n == u32::from(self.sections[s].number)).count();
        let numbers_trusted = agree >= 2 && agree * 4 >= numbered.len() * 3;
        let used_numbers: HashSet<u32> = numbered.iter().map(|&(n, _)| n).collect();
        // The commonest way section headings are set off; a tie goes to the
        // one seen first, so the choice never depends on hashing order.
        // The family of labels that names the most distinct sections (labels
        // repeated inside one section, "District benchmark:", do not make a
        // family); a tie goes to strong cues, then to the one seen first.
        type Signature = (Cue, Option<u8>, bool);
        let mut families: Vec<(Signature, Vec<usize>, bool)> = Vec::new();
        for h in hits.iter() {
            let sig = signature(h.block, h.cue);
            match families.iter_mut().find(|(s, _, _)| *s == sig) {
                Some((_, sections, _)) if !sections.contains(&h.section) => sections.push(h.section),
                Some(_) => {}
                None => families.push((sig, vec![h.section], h.cue.is_strong())),
            }
        }
        // A family whose lines stand one under the other, each over the next
        // rather than over an answer, lists the sections (an agenda slide, a
        // typed contents list): it yields to the headings that govern text.
        let listing = |sig: Signature| {
            let mut members: Vec<usize> =
                hits.iter().filter(|h| signature(h.block, h.cue) == sig).map(|h| h.block).collect();
            members.sort_unstable();
            let stacked = members.windows(2).filter(|w| next_with_words(doc, w[0]) == Some(w[1])).count();
            stacked * 2 > members.len()
        };
        // Each family's kind worked out once.
        let listings: Vec<Signature> = families.iter().map(|(sig, _, _)| *sig).filter(|&sig| listing(sig)).collect();
        let dominant = families
            .iter()
            .filter(|(_, sections, _)| sections.len() >= 2)
            .map(|(sig, sections, strong)| (*sig, (!listings.contains(sig), sections.len(), *strong)))
            .fold(None::<(Signature, (bool, usize, bool))>, |best, (sig, rank)| match best {
                Some((_, was)) if was >= rank => best,
                _ => Some((sig, rank)),
            })
            .map(|(sig, _)| sig);
        // With headings that govern text, a listing of the sections names
        // none of them: it is an agenda, not where they stand.
        if dominant.is_some_and(|d| !listings.contains(&d)) {
            hits.retain(|h| !listings.contains(&signature(h.block, h.cue)));
        }
        // A section named only by a weak label off the headings' family ("Root
        // cause: ..." in bold inside section 2) is still open to the heading
        // that carries its number ("2. Why This Priority: Our Data").
        let firmly_named: HashSet<usize> = hits
            .iter()
            .filter(|h| h.cue.is_strong() || Some(signature(h.block, h.cue)) == dominant)
            .map(|h| h.section)
            .collect();
        // Label cells count as siblings only in the tables that hold section
        // labels: a benchmark table's first column is not a list of sections.
        // A table cut over several slides or pages repeats its header row
        // ("Section | Priority 1 | Priority 2"): its pieces count together.
        let header_of = table_headers(doc);
        let kind_of = |table: usize| header_of.get(&table).map_or(TableKind::Alone(table), |h| TableKind::Headed(h));
        let mut label_counts: HashMap<TableKind, usize> = HashMap::new();
        for g in hits.iter().filter(|h| h.cue == Cue::TableLabel).filter_map(|h| doc.blocks[h.block].grid) {
            *label_counts.entry(kind_of(g.table)).or_default() += 1;
        }
        let label_tables: HashSet<usize> = doc
            .blocks
            .iter()
            .filter_map(|b| b.grid)
            .map(|g| g.table)
            .filter(|&t| label_counts.get(&kind_of(t)).is_some_and(|&n| n >= 2))
            .collect();
        // Where the named sections stand: a section placed by number or words
        // must stand between its neighbours ("2) School benchmark: ..." under
        // section 6 is a list item, not section 2).
        let order: Vec<(usize, usize)> = hits.iter().map(|h| (h.block, h.section)).collect();
        let between = Neighbours::of(&order);
        let mut boundaries = Vec::new();
        let mut unplaced = Vec::new();
        let mut strays = HashSet::new();
        for &(i, cue) in candidates {
            let block = &doc.blocks[i];
            if cue != Cue::Sheet && Some(signature(i, cue)) != dominant {
                // Set off otherwise (a slide's title printed at its own size),
                // a short title that names a section no heading names, where
                // that section stands in the order, heads it all the same.
                if let Some(section) = self.stray_title(block, cue).filter(|s| !named.contains(s))
                    && between.fits(i, section)
                    && strays.insert(section)
                {
                    hits.push(HeadingHit { block: i, section, cue, rest: None, number: None, also: Vec::new() });
                }
                continue;
            }
            if cue == Cue::TableLabel && !block.grid.is_some_and(|g| label_tables.contains(&g.table)) {
                continue;
            }
            let (number, title, rest) = self.split_heading(block);
            let first_line = block.text.trim().lines().next().unwrap_or("");
            if number.is_none() && rest.is_none() && is_sentence(first_line.trim()) {
                continue; // "We talked to a lot of people." opens an answer; it heads nothing.
            }
            // A label set off from its answer on the same line (bold, a line
            // break, or a short title before a colon) may head a long paragraph.
            let labelled = self.bold_label(block).is_some()
                || cue == Cue::InlineBold
                || rest.is_some() && block.text.trim().get(..title.len() + 8).is_some_and(|head| head.contains(':'));
            if title.split_whitespace().nth(self.max_heading_words).is_some()
                || (!labelled
                    && cue != Cue::TableLabel
                    && block.text.split_whitespace().nth(self.max_heading_words * 2).is_some())
            {
                continue;
            }
            if cue == Cue::Numbered && number.is_some_and(|n| used_numbers.contains(&n)) {
                continue; // "2. Math" in a list under a numbered section: content.
            }
            let by_number = number
                .filter(|_| numbers_trusted)
                .and_then(|n| self.sections.iter().position(|s| u32::from(s.number) == n));
            let in_order = |s: &usize| order.iter().all(|&(b, named)| (named < *s) == (b < i) || named == *s);
            let target = by_number.filter(|s| !firmly_named.contains(s) && in_order(s)).or_else(|| {
                self.keyword_section(&title)
                    .or_else(|| self.prompt_after(doc, i))
                    .filter(|s| !named.contains(s) && in_order(s))
            });
            match target {
                Some(section) => {
                    let rest = rest
                        .filter(|r| r.split_whitespace().nth(2).is_some() && !self.is_prompt_text(r, Some(section)));
                    hits.push(HeadingHit { block: i, section, cue, rest, number, also: Vec::new() });
                }
                None => unplaced.push((i, cue, number)),
            }
        }
        let anchors: Vec<(usize, usize)> = {
            let mut a: Vec<(usize, usize)> = hits
                .iter()
                .filter(|h| h.cue == Cue::Sheet || Some(signature(h.block, h.cue)) == dominant)
                .map(|h| (h.block, h.section))
                .collect();
            a.sort_unstable();
            a
        };
        let absorbed = self.place_by_order(doc, hits, &anchors, &unplaced);
        let mut by_block: Vec<(usize, usize)> = hits.iter().map(|h| (h.block, h.section)).collect();
        by_block.sort_unstable();
        // A long paragraph under an unknown label is an answer, not a heading
        // that ends the section it stands in.
        let short = |i: usize| doc.blocks[i].text.split_whitespace().nth(self.max_heading_words * 2).is_none();
        boundaries.extend(
            unplaced
                .iter()
                .filter(|(i, cue, _)| {
                    !absorbed.contains(i) && matches!(cue, Cue::Styled | Cue::Numbered | Cue::Sheet) && short(*i)
                })
                // A priority under another name ("Strategy 1: ...") is section 1's content.
                .filter(|(i, _, _)| self.alt_priority_marker(&doc.blocks[*i].text).is_none())
                // The open section's own name again (a slide's title under the
                // divider slide that opened it) goes on with that section.
                .filter(|(i, _, _)| {
                    let open = by_block.partition_point(|&(b, _)| b < *i).checked_sub(1).map(|k| by_block[k]);
                    let title = self.split_heading(&doc.blocks[*i]).1;
                    open.is_none_or(|(b, section)| {
                        self.keyword_section(&title) != Some(section)
                            && !self.split_heading(&doc.blocks[b]).1.eq_ignore_ascii_case(&title)
                    })
                })
                .map(|(i, _, _)| *i),
        );
        boundaries
    }

    /// Section headings come in the guidance's order: an unnamed heading set
    /// off like the named ones, standing where a section no heading names
    /// should be (between "2. Analysis" and "4. Outcomes", say), heads that
    /// section. Returns the blocks placed, and the further unnamed headings
    /// of a filled gap (sub-headings of the section just placed).
    fn place_by_order(
        &self,
        doc: &Document,
        hits: &mut Vec<HeadingHit>,
        anchors: &[(usize, usize)],
        unplaced: &[(usize, Cue, Option<u32>)],
    ) -> HashSet<usize> {
        let named: HashSet<usize> = hits.iter().flat_map(HeadingHit::sections).collect();
        let unnamed = |s: &usize| !named.contains(s);
        let mut all_hits: Vec<usize> = hits.iter().map(|h| h.block).collect();
        all_hits.sort_unstable();
        let mut gaps: std::collections::BTreeMap<usize, Vec<(usize, Cue, Option<u32>)>> = Default::default();
        for &candidate in unplaced {
            gaps.entry(anchors.partition_point(|&(b, _)| b < candidate.0)).or_default().push(candidate);
        }
        let mut absorbed = HashSet::new();
        for (gap, candidates) in gaps {
            let before = gap.checked_sub(1).map(|g| anchors[g].1);
            let after = anchors.get(gap).map(|&(_, s)| s);
            let missing: Vec<usize> = match (before, after) {
                (Some(a), Some(b)) if b > a + 1 => (a + 1..b).filter(unnamed).collect(),
                (Some(a), None) => (a + 1..self.sections.len()).take_while(unnamed).collect(),
                (None, Some(b)) => (0..b).filter(unnamed).collect(),
                _ => Vec::new(),
            };
            if missing.is_empty() {
                continue;
            }
            // A heading over nothing but further labels ("Implementation" over
            // the table that holds sections 5-8) groups sections; it is not one.
            let governs_text = |&&(block, _, _): &&(usize, Cue, Option<u32>)| {
                let next = all_hits.iter().copied().find(|&b| b > block).unwrap_or(doc.blocks.len());
                let words: usize = doc.blocks[block + 1..next].iter().map(|b| b.text.split_whitespace().count()).sum();
                words >= MIN_REGION_WORDS
            };
            let mut candidates: Vec<&(usize, Cue, Option<u32>)> = candidates.iter().filter(governs_text).collect();
            let mut missing = &missing[..];
            if before.is_none() {
                // Before the first named section stand title pages and
                // introductions too: only the labels nearest it, set off as
                // it is (a sheet's name is not a row label), one per section
                // missing there, are taken for the sections nearest. A
                // workbook's first tabs are its cover and instructions.
                let first_kind = anchors.first().map(|&(b, _)| doc.blocks[b].kind);
                candidates.retain(|&&(b, cue, _)| cue != Cue::Sheet && Some(doc.blocks[b].kind) == first_kind);
                candidates = candidates.split_off(candidates.len().saturating_sub(missing.len()));
                missing = &missing[missing.len() - candidates.len()..];
            }
            for (&&(block, cue, number), &section) in candidates.iter().zip(missing) {
                let (_, _, rest) = self.split_heading(&doc.blocks[block]);
                let rest =
                    rest.filter(|r| r.split_whitespace().nth(2).is_some() && !self.is_prompt_text(r, Some(section)));
                hits.push(HeadingHit { block, section, cue, rest, number, also: Vec::new() });
                absorbed.insert(block);
            }
            if after.is_some() && before.is_some() {
                absorbed.extend(candidates.iter().map(|c| c.0));
            }
        }
        absorbed
    }

    /// The section whose guidance prompt follows a label: an unnamed label
    /// over the kept prompt ("Supporting Schools Differently" over "How will
    /// the district differentiate ...") heads that prompt's section.
    fn prompt_after(&self, doc: &Document, index: usize) -> Option<usize> {
        let next = doc.blocks.get(index + 1..)?.iter().take(3).find(|b| !b.text.trim().is_empty())?;
        self.prompt_section(&next.text)
    }

    /// The section whose keywords a heading uses most, if one clearly leads.
    fn keyword_section(&self, title: &str) -> Option<usize> {
        let none = Negation::none();
        let scores: Vec<usize> = self
            .sections
            .iter()
            .map(|s| s.keywords.iter().filter(|k| k.find(title, &none).is_some()).count())
            .collect();
        let best = *scores.iter().max()?;
        let leaders: Vec<usize> = (0..scores.len()).filter(|&i| scores[i] == best).collect();
        (best > 0 && leaders.len() == 1).then(|| leaders[0])
    }

    fn hit(&self, doc: &Document, cue: Cue, index: usize, block: &Block) -> Option<HeadingHit> {
        let (number, title, rest) = self.split_heading(block);
        let tokens = name_tokens(&title, &self.stop_words);
        let exact_only = cue == Cue::Plain;
        let long = block.text.split_whitespace().nth(self.max_heading_words).is_some();
        let joined = self.match_joined(&title, exact_only).or_else(|| self.match_alternative(&title, exact_only));
        let matched = joined.as_ref().map(|j| j[0]).or_else(|| self.match_name(&tokens, exact_only, number));
        // A long numbered paragraph ("1) District benchmark: By December ...")
        // is a heading only when its number is the section's own.
        let matched =
            matched.filter(|&s| !(long && cue == Cue::Numbered) || number == Some(u32::from(self.sections[s].number)));
        if let Some(section) = matched {
            let rest = rest.filter(|r| !self.is_prompt_text(r, Some(section)) && !self.is_placeholder(r));
            let rest = rest.filter(|r| r.split_whitespace().nth(2).is_some());
            let also = joined.map(|j| j[1..].to_vec()).unwrap_or_default();
            return Some(HeadingHit { block: index, section, cue, rest, number, also });
        }
        // A heading in the district's own words ("Question 5: Does everyone
        // know their role?", "4. How we'll know"): its number and its
        // keywords name the same section.
        if matches!(cue, Cue::Styled | Cue::Numbered)
            && !long
            && !is_sub_number(&block.text)
            && let Some(n) = number
        {
            let numbered =
                |words: &str| self.keyword_section(words).filter(|&s| u32::from(self.sections[s].number) == n);
            if let Some(section) = numbered(&title) {
                let rest =
                    rest.filter(|r| r.split_whitespace().nth(2).is_some() && !self.is_prompt_text(r, Some(section)));
                return Some(HeadingHit { block: index, section, cue, rest, number, also: Vec::new() });
            }
            // The keywords in a subtitle ("2. Why This Priority: Strengths and
            // Challenges") of a heading set off as one, not a list item's note.
            let subtitle = rest.as_deref().filter(|r| {
                (cue == Cue::Styled || block.bold)
                    && r.split_whitespace().count() <= self.max_heading_words
                    && !r.trim_end().ends_with(['.', '!'])
            });
            if let Some(section) = subtitle.and_then(numbered) {
                return Some(HeadingHit { block: index, section, cue, rest: None, number, also: Vec::new() });
            }
        }
        if cue == Cue::TableLabel && !doc.format.is_spreadsheet() {
            let section = self.prompt_section(&block.text)?;
            return Some(HeadingHit {
                block: index,
                section,
                cue: Cue::PromptCell,
                rest: None,
                number,
                also: Vec::new(),
            });
        }
        None
    }

    fn cue(&self, doc: &Document, rows: &RowOccupancy, block: &Block) -> Option<Cue> {
        if block.kind == BlockKind::SheetName {
            return Some(Cue::Sheet);
        }
        let text = block.text.trim();
        if text.is_empty() || is_contents_entry(block) {
            return None;
        }
        let words = text.split_whitespace().count();
        let short = words <= self.max_heading_words;
        if let Some(g) = block.grid
            && g.col == 0
        {
            let wide = rows.columns.get(&g.table).is_some_and(|&n| n > 1);
            if doc.format.is_spreadsheet() {
                let others = rows.cells.get(&(g.table, g.row)).is_some_and(|cols| cols.iter().any(|&c| c != 0));
                if others && words <= 200 {
                    return Some(Cue::TableLabel);
                }
                if short {
                    return Some(Cue::Label);
                }
            } else if wide && words <= 200 {
                return Some(Cue::TableLabel);
            }
        }
        let titled = || self.split_heading(block).1.split_whitespace().nth(self.max_heading_words).is_none();
        if block.heading_level.is_some() && (words <= 25 || titled()) {
            return Some(Cue::Styled);
        }
        let auto_numbered = block.list_label.as_deref().is_some_and(|l| l.chars().any(|c| c.is_alphanumeric()));
        let typed_number = self.numbering.is_match(text) && self.starts_with_number(text);
        if !block.bold && self.bold_label(block).is_some() {
            return Some(if typed_number || auto_numbered { Cue::Numbered } else { Cue::InlineBold });
        }
        if !short {
            // "3. Stakeholder Engagement: How did input from ..." — a numbered
            // title with the prompt (or the response) run on after it.
            let (_, title, _) = self.split_heading(block);
            let titled = title.split_whitespace().nth(self.max_heading_words).is_none();
            if (typed_number || auto_numbered || block.bold || block.emphasis) && titled {
                return Some(Cue::Numbered);
            }
            return self.first_line_label(block).then_some(Cue::InlineBold);
        }
        if auto_numbered || typed_number {
            return Some(Cue::Numbered);
        }
        if block.bold || block.emphasis || is_capitals(text) {
            return Some(Cue::Bold);
        }
        if text.ends_with(':') {
            return Some(Cue::Label);
        }
        (words <= 6).then_some(Cue::Plain)
    }

    /// A label on the first line of a paragraph, its answer after a line
    /// break ("Outcomes⏎By June ...") or a colon ("Outcomes: By June ..."):
    /// the label must be set off (bold, capitals, a colon) or be exactly a
    /// section's name.
    fn first_line_label(&self, block: &Block) -> bool {
        let text = block.text.trim();
        let Some((head, _)) = text.split_once('\n').or_else(|| text.split_once(": ")) else {
            return false;
        };
        let head = head.trim();
        if head.is_empty() || head.split_whitespace().nth(self.max_heading_words).is_some() {
            return false;
        }
        let set_off = block.bold_prefix >= head.len() || is_capitals(head) || head.ends_with(':');
        let (_, title, _) = self.split_heading(&Block { text: head.to_string(), ..Block::default() });
        set_off || self.match_name(&name_tokens(&title, &self.stop_words), true, None).is_some()
    }

    /// "Outcomes and Progress Monitoring", "Resources & Differentiated
    /// Support": the sections a label names when each of its joined parts
    /// names a different one.
    fn match_joined(&self, title: &str, exact_only: bool) -> Option<Vec<usize>> {
        let parts: Vec<&str> = self.joiners.split(title).map(str::trim).filter(|p| !p.is_empty()).collect();
        if parts.len() < 2 {
            return None;
        }
        // A part may name no section ("Resources and Partners and
        // Differentiated Support"), as long as most parts name one.
        let mut sections = Vec::new();
        let mut unnamed = 0;
        for part in &parts {
            match self.match_name(&name_tokens(part, &self.stop_words), exact_only, None) {
                Some(section) if !sections.contains(&section) => sections.push(section),
                Some(_) => {}
                None => unnamed += 1,
            }
        }
        (sections.len() >= 2 && unnamed * 2 < parts.len()).then_some(sections)
    }

    /// A title given twice, as alternatives ("Resultados / Outcomes",
    /// "Análisis de fortalezas y desafíos / Analysis of Strengths and
    /// Challenges"): the sections of the one half that names some, when the
    /// other names none.
    fn match_alternative(&self, title: &str, exact_only: bool) -> Option<Vec<usize>> {
        let (a, b) = title.split_once(" / ")?;
        let names = |half: &str| {
            self.match_joined(half, exact_only)
                .or_else(|| self.match_name(&name_tokens(half, &self.stop_words), exact_only, None).map(|s| vec![s]))
        };
        match (names(a), names(b)) {
            (Some(s), None) | (None, Some(s)) => Some(s),
            _ => None,
        }
    }

    /// (number, title, rest): "3. Stakeholder Engagement: How did ..." →
    /// (3, "Stakeholder Engagement", "How did ..."). A section's number with
    /// a sub-item's letter ("2a Analysis of Strengths and Challenges: Data")
    /// counts only before a section's name: "1a 75% of ELs ..." is a list item.
    fn split_heading(&self, block: &Block) -> (Option<u32>, String, Option<String>) {
        let split = self.split_numbered(block);
        if split.0.is_none()
            && let Some((number, after)) = lettered_number(block.text.trim())
        {
            let trimmed = block.text.trim();
            let cut = block.text.len() - block.text.trim_start().len() + trimmed.len() - after.len();
            let inner =
                Block { text: after.to_string(), bold_prefix: block.bold_prefix.saturating_sub(cut), ..block.clone() };
            let (_, title, rest) = self.split_numbered(&inner);
            if self.names_section(&title, Some(number)) {
                return (Some(number), title, rest);
            }
        }
        split
    }

    fn split_numbered(&self, block: &Block) -> (Option<u32>, String, Option<String>) {
        let mut number = block.list_label.as_deref().and_then(parse_number);
        let (mut text, bold_rest) = match self.bold_label(block) {
            Some((label, rest)) => {
                let rest = rest.trim_start_matches([':', ' ', '\u{a0}', '-', '–', '—']).trim();
                (label.to_string(), Some((!rest.is_empty()).then(|| rest.to_string())))
            }
            None => (block.text.trim().to_string(), None),
        };
        if let Some(m) = self.numbering.captures(&text) {
            let label = m.get(1).map_or("", |g| g.as_str());
            let whole = m.get(0).map_or(0, |g| g.end());
            // A single letter counts as a label only with punctuation ("a." not "A Focus").
            let punctuated = text[..whole].trim_end().ends_with(['.', ')', ':', '-', '–', '—']);
            if (label.chars().all(|c| c.is_ascii_digit()) || punctuated) && whole < text.len() {
                number = number.or_else(|| parse_number(label));
                text = text[whole..].to_string();
            }
        }
        for re in &self.continued {
            if let Some(m) = re.find(&text)
                && m.start() > 0
            {
                text.truncate(m.start());
            }
        }
        if let Some(rest) = bold_rest {
            return (number, text.trim().trim_end_matches([':', '.']).to_string(), rest);
        }
        // A run-in title closed by a full stop, its answer after it
        // ("Section 3 - Stakeholder Engagement. We met ..."): only where the
        // words before the stop name a section, so "Dr. Lee" never cuts. A
        // plain paragraph is no heading whatever it opens with: it is not
        // looked at (this runs on every paragraph).
        let set_off = number.is_some() || block.bold || block.emphasis || block.heading_level.is_some();
        if set_off
            && let Some((head, rest)) = text.split_once(". ")
            && self.names_section(head, number)
        {
            let rest = rest.trim();
            return (number, head.trim().to_string(), (!rest.is_empty()).then(|| rest.to_string()));
        }
        // The first separator in the text (the shorter where two start at
        // one place), found in one pass.
        const SEPARATORS: [&str; 7] = [": ", "? ", " – ", " — ", " - ", "\n", "\t"];
        let bytes = text.as_bytes();
        let cut = (0..bytes.len()).filter(|&i| matches!(bytes[i], b':' | b'?' | b' ' | b'\n' | b'\t')).find_map(|i| {
            SEPARATORS.iter().filter(|sep| bytes[i..].starts_with(sep.as_bytes())).map(|sep| (i, sep.len())).min()
        });
        match cut {
            Some((i, len)) => {
                let rest = text[i + len..].trim().to_string();
                (number, text[..i].trim().trim_end_matches([':', '?']).to_string(), (!rest.is_empty()).then_some(rest))
            }
            // The full stop of an abbreviation ("Stakeholder Engmt.") stays: it marks the word.
            None => {
                let text = text.trim_end_matches([':', '?']);
                let abbreviated = text.strip_suffix('.').and_then(|t| t.rsplit(|c: char| !c.is_alphabetic()).next());
                let keep_stop = abbreviated.is_some_and(|w| (2..=5).contains(&w.chars().count()));
                (number, if keep_stop { text } else { text.trim_end_matches('.') }.to_string(), None)
            }
        }
    }

    /// Whether a few words are a section's name (or two names joined).
    fn names_section(&self, head: &str, number: Option<u32>) -> bool {
        let head = head.trim();
        !head.is_empty()
            && head.split_whitespace().count() <= self.max_heading_words
            && (self.match_name(&name_tokens(head, &self.stop_words), false, number).is_some()
                || self.match_joined(head, false).is_some())
    }

    /// A bold label leading a paragraph with more after it: ("Outcomes", " We will ...").
    fn bold_label<'b>(&self, block: &'b Block) -> Option<(&'b str, &'b str)> {
        if block.bold || block.bold_prefix == 0 {
            return None;
        }
        let text = block.text.trim();
        let (label, rest) = (text.get(..block.bold_prefix)?, text.get(block.bold_prefix..)?);
        let colon = label.trim_end().ends_with(':') || rest.trim_start().starts_with(':');
        // A run-in head closed by a full stop ("Stakeholder Engagement. We met ...").
        let stop = label.trim_end().ends_with('.') && !label.trim_end().ends_with("..");
        let label = label.trim().trim_end_matches(':').trim();
        let words = label.split_whitespace().count();
        ((colon || stop) && words > 0 && words <= self.max_heading_words && !rest.trim().is_empty())
            .then_some((label, rest))
    }

    /// The section whose name these heading words are: all of a name, or a name
    /// followed by at most two more words ("Outcomes (Priority 1)").
    fn match_name(&self, tokens: &[String], exact_only: bool, number: Option<u32>) -> Option<usize> {
        if tokens.is_empty() {
            return None;
        }
        let mut best: Option<(usize, usize, bool)> = None;
        for (index, section) in self.sections.iter().enumerate() {
            for name in &section.names {
                let exact = same_words(tokens, name);
                let prefix = !exact_only
                    && tokens.len() <= name.len() + 2
                    && tokens.len() >= name.len()
                    && same_words(&tokens[..name.len()], name);
                if !(exact || prefix) {
                    continue;
                }
                let numbered = number == Some(u32::from(section.number));
                let better = match best {
                    None => true,
                    Some((_, len, was_numbered)) => (name.len(), numbered) > (len, was_numbered),
                };
                if better {
                    best = Some((index, name.len(), numbered));
                }
            }
        }
        best.map(|(index, _, _)| index)
    }

    /// The section whose guidance prompt `text` mostly repeats, if any.
    fn prompt_section(&self, text: &str) -> Option<usize> {
        let grams = trigrams(text);
        if grams.len() < 4 {
            return None;
        }
        self.sections
            .iter()
            .enumerate()
            .map(|(i, s)| (i, grams.iter().filter(|g| s.prompt.contains(*g)).count()))
            .filter(|&(_, n)| n * 2 >= grams.len())
            .max_by_key(|&(_, n)| n)
            .map(|(i, _)| i)
    }

    /// Whether `text` is the guidance's prompt kept in the template rather than
    /// the district's words: most of its word triples come from a prompt.
    pub fn is_prompt_text(&self, text: &str, section: Option<usize>) -> bool {
        use std::hash::BuildHasher;
        let known = |g: &u64| match section {
            Some(s) => self.sections[s].prompt.contains(g) || self.all_prompts.contains(g),
            None => self.all_prompts.contains(g),
        };
        // An answer may echo the prompt ("Student work samples will be
        // analyzed at the district, school and classroom level") but goes on
        // in its own words; a kept prompt, even reworded, has no such run or
        // still asks its question. The text's triples (as [`trigrams`] hashes
        // them) are read only until such a run settles it.
        let question = text.contains('?');
        let hasher = foldhash::fast::FixedState::default();
        let (mut grams, mut hits, mut run, mut longest_own_run) = (0, 0, 0, 0);
        let (mut first, mut second): (Option<u64>, Option<u64>) = (None, None);
        each_word_while(text, &[], |word, _, _, _| {
            let word = hasher.hash_one(word);
            if let (Some(a), Some(b)) = (first, second) {
                grams += 1;
                if known(&hasher.hash_one((a, b, word))) {
                    hits += 1;
                    run = 0;
                } else {
                    run += 1;
                    longest_own_run = longest_own_run.max(run);
                }
            }
            (first, second) = (second, Some(word));
            question || longest_own_run < OWN_WORDS_RUN
        });
        grams > 0 && hits * 10 >= grams * 6 && (longest_own_run < OWN_WORDS_RUN || question)
    }

    pub fn is_placeholder(&self, text: &str) -> bool {
        let text = text.trim();
        let placeholder = |t: &str| !t.is_empty() && self.placeholders.is_match(t);
        if placeholder(text) {
            return true;
        }
        // A sub-prompt's label over nothing but a placeholder ("7a. External: TBD"):
        // a short line, so a paragraph is passed over at its first words.
        if text.split_whitespace().nth(2 * self.max_heading_words).is_some() {
            return false;
        }
        let is_label = |label: &str| {
            let words: Vec<&str> = label.split_whitespace().collect();
            // Past its own number ("7a."), a label holds no sentence.
            let numbered = words.first().is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
            let words = &words[usize::from(numbered)..];
            !words.is_empty() && words.len() < self.max_heading_words && !words.iter().any(|w| w.contains(['.', ';']))
        };
        [": ", " - ", " – ", " — "]
            .iter()
            .filter_map(|sep| text.split_once(sep))
            .any(|(label, rest)| is_label(label) && placeholder(rest.trim()))
    }

    pub fn is_table_header(&self, block: &Block) -> bool {
        block.grid.is_some_and(|g| g.row == 0)
            && self.table_headers.contains(&name_tokens(&block.text, &self.stop_words))
    }

    /// "Priority 1: ..." at the start of a block: its number and a label ("Priority 1").
    pub fn priority_marker(&self, block: &Block) -> Option<(Option<usize>, String)> {
        self.priority_marker_in(block.text.lines().next().unwrap_or(""))
    }

    /// A priority statement at the start of `text` (a paragraph or a line of a cell).
    pub fn priority_marker_in(&self, text: &str) -> Option<(Option<usize>, String)> {
        let text = text.trim();
        self.priority_markers.iter().find_map(|re| re.captures(text)).map(|c| {
            let raw = c.get(1).map_or("", |m| m.as_str());
            let number = parse_number(raw).map(|n| n as usize);
            (number, format!("Priority {}", number.map_or(raw.to_string(), |n| n.to_string())))
        })
    }

    /// "Benchmark 3: ..." or "District benchmark: ..." at the start of a
    /// line: `Some(Some(number))` for a numbered one, `Some(None)` otherwise.
    pub fn benchmark_marker(&self, text: &str) -> Option<Option<String>> {
        self.benchmark_markers
            .iter()
            .find_map(|re| re.captures(text.trim()))
            .map(|c| c.get(1).map(|m| m.as_str().to_ascii_lowercase()))
    }

    /// A table column headed "Priority" ("Priority #", "Focus area").
    pub fn is_priority_column_header(&self, text: &str) -> bool {
        let text = text.trim().trim_end_matches([':', '#']).trim();
        text.split_whitespace().nth(2).is_none()
            && self.priority_markers.iter().any(|re| re.is_match(&format!("{text} 1")))
    }

    /// The priority a cell of a priority column names: "P1", "Priority 2", "2", "B".
    pub fn priority_in_cell(&self, text: &str) -> Option<usize> {
        let text = text.trim();
        if let Some((Some(n), _)) = self.priority_marker_in(text) {
            return Some(n);
        }
        if let Some(n) = self.short_priority_marker(text) {
            return Some(n);
        }
        let bare = text.trim_start_matches('#');
        (bare.len() <= 3).then(|| parse_number(bare)).flatten().map(|n| n as usize).filter(|&n| n > 0)
    }

    /// A priority's short label at the start of `text` ("P1", "P2: ..."): its number.
    pub fn short_priority_marker(&self, text: &str) -> Option<usize> {
        let text = text.trim();
        let captures = self.priority_short_markers.iter().find_map(|re| re.captures(text))?;
        parse_number(captures.get(1)?.as_str()).map(|n| n as usize).filter(|&n| n > 0)
    }

    /// Whether an answer only points to another one ("Same as Priority 1.").
    pub fn is_cross_reference(&self, text: &str) -> bool {
        text.split_whitespace().nth(self.max_reference_words).is_none() && self.cross_references.is_match(text)
    }

    /// The section an answer only points to ("See section 2 above."), by the
    /// number it gives.
    pub fn section_reference(&self, text: &str) -> Option<usize> {
        if text.split_whitespace().nth(self.max_reference_words).is_some() {
            return None;
        }
        let captures = self.section_references.iter().find_map(|re| re.captures(text))?;
        let number = parse_number(captures.get(1)?.as_str())?;
        self.sections.iter().position(|s| u32::from(s.number) == number)
    }

    /// Another name for a priority at the start of `text` ("Initiative B —
    /// ..."): its number or letter, lower-cased.
    pub fn alt_priority_marker(&self, text: &str) -> Option<String> {
        let captures = self.priority_alt_markers.iter().find_map(|re| re.captures(text.trim()))?;
        Some(captures.get(1)?.as_str().to_ascii_lowercase())
    }

    /// The most priorities that other names may state: more such names are
    /// the strategies of one priority, not priorities.
    pub fn max_alt_priorities(&self) -> usize {
        self.max_alt_priorities
    }

    /// Whether a line says what someone will do ("The DILT will review ...").
    pub fn states_plan(&self, text: &str) -> bool {
        self.plan_words.find(text, &Negation::none()).is_some()
    }

    /// Whether a line gives a benchmark by its level ("District: 80% of ...").
    /// Whether a sentence opens with its deadline ("By January, 60% of ...").
    pub fn opens_with_deadline(&self, text: &str) -> bool {
        self.benchmark_deadlines.is_match(text.trim())
    }

    pub fn is_level_benchmark(&self, text: &str) -> bool {
        self.benchmark_level_markers.is_match(text.trim())
    }

    /// Whether a line starts with a heading number: "3", "III.", "Section 3".
    fn starts_with_number(&self, text: &str) -> bool {
        let t = text.trim_start();
        let lower = t.to_ascii_lowercase();
        t.starts_with(|c: char| c.is_ascii_digit())
            || self.number_words.iter().any(|w| lower.starts_with(w.as_str()))
            || lower.split(['.', ')']).next().is_some_and(|p| {
                !p.is_empty()
                    && p.len() <= 8
                    && p.chars().all(|c| "ivxl".contains(c))
                    && (p.len() > 1 || p != "l")
                    && roman(p).is_some()
            })
    }

    /// The number of priorities a sentence states ("Our two priorities are ..."), if any.
    pub fn stated_priority_count(&self, text: &str) -> Option<usize> {
        self.priority_counts
            .iter()
            .find_map(|re| re.captures(text))
            .and_then(|c| c.get(1))
            .and_then(|m| parse_number(m.as_str()))
            .map(|n| n as usize)
    }

    /// Whether a list item of the benchmarks section is a field or a schedule line, not a benchmark.
    pub fn is_benchmark_non_item(&self, text: &str) -> bool {
        // A field typed as a numbered list item ("32. Owners: ...") is still a field.
        let text = OUTLINE_NUMBER.find(text).map_or(text, |m| &text[m.end()..]);
        let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
        self.benchmark_non_items.is_match(text) || self.is_schedule_entry(text)
    }

    /// A field among the benchmarks ("Who monitors: ...", "32. Owners:"):
    /// after it the list is about something else.
    pub fn is_benchmark_field(&self, text: &str) -> bool {
        let text = OUTLINE_NUMBER.find(text).map_or(text, |m| &text[m.end()..]);
        self.benchmark_non_items.is_match(text.trim_start_matches(|c: char| !c.is_alphanumeric()))
    }

    /// A meeting on a timeline ("October: DILT reviews the data"): not a
    /// benchmark, but the timeline goes on after it.
    pub fn is_schedule_line(&self, text: &str) -> bool {
        self.is_schedule_entry(text.trim_start_matches(|c: char| !c.is_alphanumeric()))
    }

    /// A line under a date label that states a measure: a benchmark on a
    /// timeline ("November: 60% of classrooms use the texts").
    pub fn is_dated_benchmark(&self, text: &str) -> bool {
        let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
        self.benchmark_dated_labels.iter().any(|re| re.is_match(text)) && !self.is_schedule_entry(text)
    }

    /// A line under a date label that states no measure ("October: DILT
    /// reviews the data"); under its date, a measure makes it a benchmark
    /// on a timeline ("November: 60% of classrooms use the texts").
    fn is_schedule_entry(&self, text: &str) -> bool {
        let Some(label) = self.benchmark_dated_labels.iter().find_map(|re| re.find(text)) else {
            return false;
        };
        let rest = &text[label.end()..];
        !(rest.contains('%') || self.benchmark_measures.find(rest, &Negation::none()).is_some())
    }

    /// The sentences of `text`, cut as the check engine cuts them (an
    /// abbreviation such as "Asst." ends none).
    pub fn sentences<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> {
        self.sentences.split(text).into_iter().map(move |(a, b)| &text[a..b])
    }

    /// Whether a sentence says the priority is not chosen yet.
    pub fn defers_priority(&self, text: &str) -> bool {
        self.priority_deferrals.is_match(text)
    }

    /// Whether a sentence states a focus ("We will strengthen ...").
    pub fn states_focus(&self, text: &str) -> bool {
        self.priority_statement_cues.find(text, &Negation::none()).is_some()
    }

    /// Whether a line announces a list of priorities ("We will focus on two priorities:").
    pub fn announces_priorities(&self, text: &str) -> bool {
        self.priority_list_lead_ins.is_match(text)
    }

    /// Whether a list item reads as a measurable benchmark (a number, a percentage, a change).
    pub fn is_measure(&self, text: &str) -> bool {
        let text = OUTLINE_NUMBER.find(text).map_or(text, |m| &text[m.end()..]);
        text.chars().any(|c| c.is_ascii_digit() || c == '%')
            || self.benchmark_measures.find(text, &Negation::none()).is_some()
    }

    pub fn is_benchmark_header(&self, text: &str) -> bool {
        let tokens = name_tokens(text, &self.stop_words);
        self.benchmark_headers.iter().any(|h| !h.is_empty() && tokens.windows(h.len()).any(|w| w == h.as_slice()))
    }
}

/// A cell of a table's header row that alone names a section found
/// elsewhere too ("Priority" over a column of P1, P1, P2 in the benchmark
/// table) heads a column, not a section. A header row naming several
/// sections is a plan on a page; a header cell naming a section nothing
/// else names ("Resource | Type | Amount" under an unknown heading) may be
/// the only sign of that section, so it stays.
fn drop_column_headers(doc: &Document, rows: &RowOccupancy, hits: &mut Vec<HeadingHit>) {
    let mut per_row: HashMap<(usize, usize), HashSet<usize>> = HashMap::new();
    let mut per_section: HashMap<usize, usize> = HashMap::new();
    for h in hits.iter() {
        if let Some(g) = doc.blocks[h.block].grid {
            per_row.entry((g.table, g.row)).or_default().insert(h.section);
        }
        *per_section.entry(h.section).or_default() += 1;
    }
    hits.retain(|h| {
        let Some(g) = doc.blocks[h.block].grid else { return true };
        h.cue != Cue::TableLabel
            || !rows.is_header_row(g.table, g.row)
            || per_row[&(g.table, g.row)].len() >= PLAN_ON_A_PAGE_SECTIONS
            || per_section[&h.section] < 2
    });
}

/// Fewest sections a header row names to be a plan on a page's.
const PLAN_ON_A_PAGE_SECTIONS: usize = 3;

/// A full sentence: several words ending as a sentence ends. Headings do not.
/// How a heading is set off: its cue and style level.
type HeadingKind = (Cue, Option<u8>);

/// The best one-to-one assignment of members to sections by score (every
/// permutation: a family has one member per section, eight in the built-in
/// pack), when each member's section has some evidence (score above 0).
fn best_assignment(scores: &[Vec<usize>]) -> Option<Vec<usize>> {
    let n = scores.len();
    if n == 0 || n > MAX_ASSIGNED_SECTIONS {
        return None;
    }
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut perm: Vec<usize> = (0..n).collect();
    // Heap's algorithm, iteratively.
    let mut c = vec![0usize; n];
    let mut consider = |perm: &[usize]| {
        if perm.iter().enumerate().all(|(m, &s)| scores[m][s] > 0) {
            let total: usize = perm.iter().enumerate().map(|(m, &s)| scores[m][s]).sum();
            if best.as_ref().is_none_or(|(b, _)| total > *b) {
                best = Some((total, perm.to_vec()));
            }
        }
    };
    consider(&perm);
    let mut i = 0;
    while i < n {
        if c[i] < i {
            if i % 2 == 0 {
                perm.swap(0, i)
            } else {
                perm.swap(c[i], i)
            }
            consider(&perm);
            c[i] += 1;
            i = 0;
        } else {
            c[i] = 0;
            i += 1;
        }
    }
    best.map(|(_, p)| p)
}

/// Most sections assigned by trying every permutation (8! = 40,320).
const MAX_ASSIGNED_SECTIONS: usize = 9;
/// The score of a heading named for a section: its name decides.
const NAMED_SCORE: usize = 100;
/// The score a heading's own keyword adds to what its answer's words say.
const KEYWORD_SCORE: usize = 2;
/// How much of a heading's answer is read for content cues.
const CONTENT_CUE_CHARS: usize = 4000;

/// Most members beyond one per section that a family read in the
/// guidance's order may have (sub-headings inside a section, a title).
const MAX_ORDINAL_EXTRAS: usize = 2;

/// Most headings of an ordinal reading that stand where another section's
/// name would put them.
const MAX_ORDINAL_CONFLICTS: usize = 1;

/// A member of a family of set-off lines, with the text it heads.
struct Member {
    line: OrdinalLine,
    /// The block after its answer (the next member's, or the document's end).
    end: usize,
}

impl Member {
    /// The blocks of its answer.
    fn answer<'d>(&self, doc: &'d Document) -> &'d [Block] {
        &doc.blocks[self.line.block + 1..self.end]
    }

    /// Whether it heads an answer of some words (a title over the next
    /// heading does not), counted only as far as needed.
    fn answers(&self, doc: &Document) -> bool {
        self.answer(doc).iter().flat_map(|b| b.text.split_whitespace()).nth(MIN_REGION_WORDS - 1).is_some()
    }

    /// The opening of its answer, as much as is read for content cues.
    fn answer_opening(&self, doc: &Document) -> String {
        let mut text = String::new();
        for block in self.answer(doc) {
            if text.len() >= CONTENT_CUE_CHARS {
                break;
            }
            text.push_str(&block.text);
            text.push('\n');
        }
        text.truncate(text.floor_char_boundary(CONTENT_CUE_CHARS));
        text
    }
}

/// A set-off line considered for a heading read in the guidance's order.
struct OrdinalLine {
    block: usize,
    cue: Cue,
    /// The section its title names.
    named: Option<usize>,
    /// The section its keywords point to.
    keyword: Option<usize>,
}

/// The longest run of `(block, section)` whose sections strictly increase
/// (blocks are in document order): the headings that follow the guidance.
pub(super) fn increasing_run(found: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Linear: the longest run so far ending at each section, by section.
    let sections = found.iter().map(|&(_, s)| s + 1).max().unwrap_or(0);
    let mut ends: Vec<Option<usize>> = vec![None; sections];
    let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(found.len());
    for (i, &(_, s)) in found.iter().enumerate() {
        let prev = ends[..s].iter().flatten().copied().max_by_key(|&j| (best[j].0, j));
        let length = prev.map_or(1, |j| best[j].0 + 1);
        best.push((length, prev));
        if ends[s].is_none_or(|e| best[e].0 <= length) {
            ends[s] = Some(i);
        }
    }
    let Some(mut at) = (0..found.len()).max_by_key(|&i| (best[i].0, std::cmp::Reverse(i))) else {
        return Vec::new();
    };
    let mut run = vec![found[at]];
    while let Some(p) = best[at].1 {
        run.push(found[p]);
        at = p;
    }
    run.reverse();
    run
}

/// A sub-section's number ("6.1 Interim benchmarks"): it heads part of a section.
/// "2a Analysis ...": the number of a section's lettered sub-item, and the words after it.
fn lettered_number(text: &str) -> Option<(u32, &str)> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let letter = text[digits..].chars().next()?;
    let after = text[digits..].strip_prefix(letter)?;
    (digits > 0 && digits <= 3 && letter.is_ascii_lowercase() && after.starts_with(' '))
        .then(|| Some((text[..digits].parse().ok()?, after.trim_start())))
        .flatten()
}

fn is_sub_number(text: &str) -> bool {
    let t = text.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let after = &t[digits..];
    // "3.0 Outcomes" is the outline's top level, "3.1 ..." under it.
    let top_level = after.starts_with(".0") && !after[2..].starts_with(|c: char| c.is_ascii_digit());
    digits > 0 && !top_level && after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// Where named sections stand, for asking in logarithmic time whether a
/// section fits at a block: every section named before it is lower, every
/// one after it higher.
/// A cell that only names an earlier section ("Analysis of student work",
/// a row of the monitoring form between "6. Monitoring" and "7. Resources")
/// is a sub-label of the numbered section it stands in, when that earlier
/// section has a numbered title of its own elsewhere. `hits` are in block order.
fn drop_cell_labels_out_of_place(hits: &mut Vec<HeadingHit>) {
    let numbered: Vec<(usize, usize)> =
        hits.iter().filter(|h| h.number.is_some() && h.cue != Cue::TableLabel).map(|h| (h.block, h.section)).collect();
    let titled: HashSet<usize> = numbered.iter().map(|&(_, s)| s).collect();
    hits.retain(|h| {
        let plain_cell = h.cue == Cue::TableLabel && h.number.is_none() && h.rest.is_none() && h.also.is_empty();
        if !plain_cell || !titled.contains(&h.section) {
            return true;
        }
        let k = numbered.partition_point(|&(b, _)| b < h.block);
        let inside_later = k > 0 && numbered[k - 1].1 > h.section;
        let before_next = numbered.get(k).is_none_or(|&(_, next)| next > h.section);
        !(inside_later && before_next)
    });
}

struct Neighbours {
    blocks: Vec<usize>,
    /// Highest section named at or before each block of `blocks`.
    max_before: Vec<usize>,
    /// Lowest section named at or after each block of `blocks`.
    min_after: Vec<usize>,
}

impl Neighbours {
    fn of(order: &[(usize, usize)]) -> Self {
        let mut sorted = order.to_vec();
        sorted.sort_unstable();
        let blocks = sorted.iter().map(|&(b, _)| b).collect();
        let max_before = sorted
            .iter()
            .scan(0, |m, &(_, s)| {
                *m = (*m).max(s);
                Some(*m)
            })
            .collect();
        let mut min_after: Vec<usize> = sorted
            .iter()
            .rev()
            .scan(usize::MAX, |m, &(_, s)| {
                *m = (*m).min(s);
                Some(*m)
            })
            .collect();
        min_after.reverse();
        Neighbours { blocks, max_before, min_after }
    }

    /// Whether `section` may stand at `block` (a section named elsewhere too
    /// does not fit: it is named there).
    fn fits(&self, block: usize, section: usize) -> bool {
        let k = self.blocks.partition_point(|&b| b < block);
        let before_ok = k == 0 || self.max_before[k - 1] < section;
        let after_ok = self.min_after.get(k).is_none_or(|&m| m > section);
        before_ok && after_ok
    }
}

/// Most words of a title set off unlike the section headings that may still
/// head a section ("Stakeholders", "Family Voice").
const MAX_STRAY_TITLE_WORDS: usize = 3;

/// The first block after `index` with words.
pub(super) fn next_with_words(doc: &Document, index: usize) -> Option<usize> {
    (index + 1..doc.blocks.len()).find(|&j| !doc.blocks[j].text.trim().is_empty())
}

/// A table, known by its header row's words when it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum TableKind<'a> {
    Headed(&'a str),
    Alone(usize),
}

/// The header row of each table with two header cells or more, as one
/// string ("Section | Priority 1 | Priority 2").
fn table_headers(doc: &Document) -> HashMap<usize, String> {
    let mut cells: HashMap<usize, Vec<&str>> = HashMap::new();
    for b in &doc.blocks {
        if let Some(g) = b.grid.filter(|g| g.row == 0) {
            cells.entry(g.table).or_default().push(b.text.trim());
        }
    }
    cells.into_iter().filter(|(_, c)| c.len() >= 2).map(|(t, c)| (t, c.join(" | "))).collect()
}

fn is_sentence(text: &str) -> bool {
    text.split_whitespace().nth(3).is_some() && text.ends_with(['.', '!'])
}

/// Which columns of each table row hold text, and how wide each table is.
#[derive(Default)]
struct RowOccupancy {
    cells: HashMap<(usize, usize), Vec<usize>>,
    columns: HashMap<usize, usize>,
    /// Rows with a cell that is no column header: long, or a sentence.
    answered: HashSet<(usize, usize)>,
}

impl RowOccupancy {
    /// A table's header row: three cells or more, each a short label
    /// ("Priority | Interim benchmark | Level | Monitored by").
    fn is_header_row(&self, table: usize, row: usize) -> bool {
        self.cells.get(&(table, row)).is_some_and(|cols| cols.len() >= 3) && !self.answered.contains(&(table, row))
    }
}

/// Most words of a column header cell.
const HEADER_LABEL_WORDS: usize = 4;

fn row_occupancy(doc: &Document) -> RowOccupancy {
    let mut rows = RowOccupancy::default();
    for block in &doc.blocks {
        let Some(g) = block.grid else { continue };
        let width = rows.columns.entry(g.table).or_default();
        *width = (*width).max(g.col + 1);
        let text = block.text.trim();
        if !text.is_empty() {
            let cols = rows.cells.entry((g.table, g.row)).or_default();
            if !cols.contains(&g.col) {
                cols.push(g.col);
            }
            if text.split_whitespace().nth(HEADER_LABEL_WORDS).is_some() || text.ends_with('.') {
                rows.answered.insert((g.table, g.row));
            }
        }
    }
    rows
}

/// A table-of-contents line ("TOC 1" style, or a title with a tab or dot
/// leader before a page number) repeats a heading; it is not one.
fn is_contents_entry(block: &Block) -> bool {
    static PAGE_NUMBER: std::sync::LazyLock<LazyRegex> =
        std::sync::LazyLock::new(|| LazyRegex::new(crate::pack::forms::PAGE_NUMBER));
    let styled = block.style.as_deref().is_some_and(|s| {
        let s = s.to_ascii_lowercase();
        s.starts_with("toc") || s.starts_with("table of contents") || s.starts_with("contents")
    });
    styled || PAGE_NUMBER.is_match(&block.text)
}

fn is_capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// "3", "iii", "IX", "c", "three", "ninth", "3." → the number; of any
/// size (a section 12 is "12.", "XII." or "Section Twelve").
pub fn parse_number(label: &str) -> Option<u32> {
    let label = label.trim().trim_end_matches(['.', ')', ':']).trim_start_matches('(').to_ascii_lowercase();
    if let Ok(n) = label.parse() {
        return Some(n);
    }
    // A sub-item of a section ("2a Analysis ..."): the section's number.
    if let Some(digits) = label.strip_suffix(|c: char| c.is_ascii_alphabetic())
        && let Ok(n) = digits.parse()
    {
        return Some(n);
    }
    const WORDS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = WORDS.iter().position(|w| *w == label) {
        return Some(i as u32 + 1);
    }
    const ORDINALS: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth",
    ];
    if let Some(i) = ORDINALS.iter().position(|w| *w == label) {
        return Some(i as u32 + 1);
    }
    // A single letter other than i, v, x is a letter ("c." is the third, "l." the twelfth).
    if (label.len() > 1 || matches!(label.as_str(), "i" | "v" | "x"))
        && let Some(n) = roman(&label)
    {
        return Some(n);
    }
    match label.as_bytes() {
        [c @ b'a'..=b'z'] => Some(u32::from(c - b'a') + 1),
        _ => None,
    }
}

/// A roman numeral written the usual way ("ix", "xiv", "xl"), up to 399; not "iiii" or "ic".
fn roman(label: &str) -> Option<u32> {
    let value = |c: char| match c.to_ascii_lowercase() {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = label.chars().map(value).collect::<Option<_>>()?;
    if digits.is_empty() {
        return None;
    }
    let mut total = 0u32;
    let mut i = 0;
    while i < digits.len() {
        let d = digits[i];
        match digits.get(i + 1) {
            Some(&next) if next > d => {
                total += next - d;
                i += 2;
            }
            _ => {
                total += d;
                i += 1;
            }
        }
    }
    // Only the usual spelling counts: re-encoded, it must read the same.
    (total > 0 && total < 400 && encode_roman(total) == label.to_ascii_lowercase()).then_some(total)
}

fn encode_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] =
        [(100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod abbreviation_tests {
    use super::same_word;

    #[test]
    fn an_abbreviation_spells_its_word_in_order_from_the_first_letter() {
        assert!(same_word("diff.", "differentiated"));
        assert!(same_word("engmt.", "engagement"));
        assert!(same_word("mgmt.", "management"));
        assert!(same_word("role.", "role"));
        assert!(!same_word("dfx.", "differentiated"));
        assert!(!same_word("eng.", "stakeholder"));
        assert!(!same_word("di.", "differentiated"), "two letters are too few");
        assert!(!same_word("diff", "differentiated"), "no full stop, no abbreviation");
    }
}
