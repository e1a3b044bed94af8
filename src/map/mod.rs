//! Map: a [`Document`] → the pack's sections, however the district
//! laid them out (heading styles, bold or numbered labels, the template's
//! prompt/response table, sheets), with the priorities and benchmarks found.
//!
//! All vocabulary (titles, aliases, prompts, placeholder and marker
//! patterns) comes from the rules pack; this module holds only the method.

mod count;
pub mod district;
mod grid;
mod headings;
#[cfg(test)]
pub(crate) mod tests;

use std::collections::{HashMap, HashSet};

use crate::model::{Block, BlockKind, Document, Location};
use crate::pack::Pack;
use crate::report::SectionState;

use grid::{Grids, Route};
pub use headings::Cue;
use headings::{HeadingHit, Headings};

/// Most words of a bare label ("Priority 1", "Focus Area 2:", "Goal 3") that says nothing more.
const BARE_LABEL_WORDS: usize = 3;

/// A compiled mapper for one rules pack; build once, use for every file.
pub struct Mapper {
    headings: Headings,
    min_words: usize,
}

/// A piece of the district's response: (part of) one block's text.
#[derive(Debug, Clone)]
pub struct Piece {
    pub block: usize,
    pub text: String,
}

/// One stretch of a section: under one heading, for one priority.
#[derive(Debug, Clone, Default)]
pub struct Part {
    /// The priority (1-based) this part belongs to, when sections repeat per priority.
    pub priority: Option<usize>,
    /// The heading block, when the part started at one.
    pub heading: Option<usize>,
    /// The district's response in this part.
    pub pieces: Vec<Piece>,
    /// Blocks under the heading that held placeholders.
    pub placeholders: usize,
    /// Blocks under the heading that repeated the guidance's prompt.
    pub prompt_blocks: usize,
    /// Pictures under the heading.
    pub images: usize,
    /// Every block under the heading (response or not), for counting.
    pub blocks: Vec<usize>,
    /// The answer only points to another priority's ("Same as Priority 1."):
    /// that answer stands for this priority too.
    pub reference: bool,
}

impl Part {
    pub fn words(&self) -> usize {
        self.pieces.iter().map(|p| count_words(&p.text)).sum()
    }

    /// Nothing under the heading: no answer, placeholder, prompt or picture.
    fn is_blank(&self) -> bool {
        self.pieces.is_empty() && self.placeholders == 0 && self.prompt_blocks == 0 && self.images == 0
    }

    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
    }
}

/// `text.split_whitespace().count()`, byte by byte for an ASCII text (the
/// characters `char::is_whitespace` takes there).
fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    // A word starts at a byte that is no space, first or after a space:
    // counted over pairs of bytes, branch-free, a block at a time (sums
    // the compiler keeps in vector registers).
    let space = |b: u8| (b == b' ') | (b.wrapping_sub(b'\t') < 5);
    let bytes = text.as_bytes();
    let first = usize::from(bytes.first().is_some_and(|&b| !space(b)));
    let pairs = bytes.get(1..).unwrap_or_default();
    let starts: usize = bytes
        .chunks(1 << 16)
        .zip(pairs.chunks(1 << 16))
        .map(|(before, at)| before.iter().zip(at).map(|(&a, &b)| u32::from(space(a) & !space(b))).sum::<u32>() as usize)
        .sum();
    first + starts
}

/// A section as found in the document.
#[derive(Debug, Clone)]
pub struct MappedSection {
    /// Index into the pack's sections.
    pub index: usize,
    pub parts: Vec<Part>,
    pub state: SectionState,
    /// Why the section is empty, in words, when it is.
    pub empty_reason: Option<String>,
    /// The section whose answer this one points to ("See section 2
    /// above."): its asks are looked for there.
    pub refers_to: Option<usize>,
}

impl MappedSection {
    pub fn found(&self) -> bool {
        self.state != SectionState::Missing
    }

    pub fn first_heading(&self) -> Option<usize> {
        self.parts.iter().find_map(|p| p.heading)
    }

    pub fn words(&self) -> usize {
        self.parts.iter().map(Part::words).sum()
    }

    pub fn images(&self) -> usize {
        self.parts.iter().map(|p| p.images).sum()
    }

    /// The priorities (1-based) the parts belong to, when the section repeats per priority.
    pub fn priorities(&self) -> Vec<usize> {
        let mut seen: Vec<usize> = self.parts.iter().filter_map(|p| p.priority).collect();
        seen.dedup();
        if seen.len() > 1 { seen } else { Vec::new() }
    }
}

/// A priority statement found in the document.
#[derive(Debug, Clone)]
pub struct PriorityMark {
    /// The priority's number as written ("Priority 2" → 2), else its order.
    pub number: usize,
    pub label: String,
    pub block: usize,
}

/// The section map of one document.
#[derive(Debug, Clone)]
pub struct Submission {
    pub sections: Vec<MappedSection>,
    pub priorities: Vec<PriorityMark>,
    /// Benchmarks counted in the monitoring section, per priority part.
    pub benchmarks: Vec<(Option<usize>, usize)>,
}

impl Submission {
    pub fn section(&self, index: usize) -> &MappedSection {
        &self.sections[index]
    }

    pub fn priority_count(&self) -> usize {
        self.priorities.len()
    }

    pub fn benchmark_count(&self) -> usize {
        self.benchmarks.iter().map(|(_, n)| n).sum()
    }
}

impl Mapper {
    pub fn new(pack: &Pack) -> Self {
        Mapper { headings: Headings::new(pack), min_words: pack.limits.min_response_words }
    }

    /// Maps `doc` to the pack's sections.
    ///
    /// Every label (a heading, a set-off line, a table header or row label)
    /// governs a region: a paragraph label the blocks up to the next label,
    /// a column header the cells below it, a row label its row. One pass in
    /// reading order, each block looked up in constant time.
    pub fn map(&self, doc: &Document) -> Submission {
        let found = self.headings.find_all(doc);
        let grids = Grids::find(doc, &self.headings);
        let accepted = accept_hits(doc, &found.hits);
        let label_cells = label_cells(doc, &accepted);
        let hit_at: HashMap<usize, &HeadingHit> = accepted.iter().rev().map(|h| (h.block, h)).collect();
        // Whether a section after the first is headed more than once: the
        // plan repeats its sections per priority.
        let repeats = {
            let mut seen = HashSet::new();
            accepted.iter().filter(|h| h.section != self.headings.priorities_index()).any(|h| !seen.insert(h.section))
        };
        // The title repeated under its own heading (a sheet "Outcomes" whose
        // first cell says "4. Outcomes"); an unnumbered sub-label such as
        // "District benchmarks" under "6. Monitoring" is part of the answer.
        let bare_titles: HashSet<(usize, usize)> = found
            .hits
            .iter()
            .filter(|h| h.rest.is_none() && (h.number.is_some() || doc.format.is_spreadsheet()))
            .flat_map(|h| h.sections().map(move |s| (h.block, s)))
            .collect();
        let boundaries: HashSet<usize> = found.boundaries.into_iter().collect();
        let marker_at: HashMap<usize, (Option<usize>, String)> =
            found.markers.into_iter().rev().map(|(b, n, l)| (b, (n, l))).collect();
        let mut walk = Walk::new(self.headings.section_count(), self.headings.priorities_index());
        let mut hit_blocks: Vec<usize> = hit_at.keys().copied().collect();
        hit_blocks.sort_unstable();

        for (i, block) in doc.blocks.iter().enumerate() {
            match grids.route(block) {
                Route::Outside => {}
                Route::Header(sections) => {
                    walk.column(&sections, i);
                    continue;
                }
                Route::Cell { sections, priority, header } => {
                    let content = self.classify(block, sections.first().copied());
                    walk.in_region(&sections, priority, header, i, block, content);
                    continue;
                }
                Route::RowLabel { priority } => {
                    walk.row_label(i, block, priority);
                    continue;
                }
            }
            if let Some(hit) = hit_at.get(&i) {
                if repeats_open_section(doc, hit, &walk) {
                    // "District benchmarks" as a sub-heading under "6. Monitoring":
                    // its words are part of the answer, not a new section.
                    walk.response(i, block, None);
                } else {
                    walk.open(hit);
                }
                continue;
            }
            if boundaries.contains(&i) {
                walk.close();
                continue;
            }
            let short = || self.short_statement(block, &walk).map(|n| (Some(n), format!("Priority {n}")));
            if let Some((number, label)) = marker_at.get(&i).cloned().or_else(short) {
                let number = number.unwrap_or(walk.priorities.len() + 1);
                let mark = PriorityMark { number, label, block: i };
                if grids.is_priority_header(block) {
                    walk.priorities.push(mark);
                    continue;
                }
                let answered_below = text_follows(doc, i, |j| hit_at.contains_key(&j) || marker_at.contains_key(&j))
                    && answers_before_next_heading(doc, i, &hit_blocks)
                    && !heads_deeper_sections(doc, i, &hit_blocks);
                match self.priority_role(doc, i, &walk, repeats, answered_below) {
                    PriorityRole::Block => walk.priority_block(mark),
                    PriorityRole::Statement => walk.priority_statement(i, mark, block.display_text()),
                    PriorityRole::Part => walk.priority_part(i, number, block),
                }
                continue;
            }
            let title_again = walk.current.first().is_some_and(|&s| bare_titles.contains(&(i, s)));
            if label_cells.contains(&cell_key(block)) || title_again {
                walk.prompt(i);
                continue;
            }
            let priority = grids.column_priority(block);
            match self.classify(block, walk.current.first().copied()) {
                Content::Placeholder => walk.placeholder(i, priority),
                Content::Prompt => walk.prompt(i),
                Content::Header => {}
                Content::Response => walk.response(i, block, priority),
            }
        }
        let priorities = walk.priorities.clone();
        let mut sections = walk.finish();
        for section in &mut sections {
            self.settle_state(section);
        }
        for s in 0..sections.len() {
            // Only a short answer is a pointer: a long one is not joined to find out.
            if sections[s].words() > self.headings.max_reference_words() {
                continue;
            }
            let text = sections[s].parts.iter().map(Part::text).collect::<Vec<_>>().join(" ");
            let refers_to = self.headings.section_reference(text.trim());
            sections[s].refers_to = refers_to.filter(|&r| r != s && sections[r].state == SectionState::Present);
        }
        let benchmarks = count::benchmarks(doc, &sections, &self.headings);
        let priorities = count::priorities(doc, &sections, priorities, &self.headings);
        Submission { sections, priorities, benchmarks }
    }

    /// What a "Priority N" line does where it stands:
    /// - it heads a run of sections (a heading at the level of the section
    ///   headings or above, or standing outside any section);
    /// - it states a priority in section 1 (or before any section);
    /// - it splits a later section into per-priority parts ("Priority 1" as
    ///   a sub-heading or a lead-in paragraph under "Outcomes").
    ///
    /// `repeats`: whether the plan repeats its sections per priority; if not,
    /// a priority headed like the sections inside section 1 ("What are we
    /// focusing on?" then "Priority 1: ...", both Heading 2) is stated there.
    /// `answered_below`: text, not a heading, stands right under the line; a
    /// priority headed at the very level of the open section's heading then
    /// splits that section (a deck's "Priority 1: Early literacy" slide after
    /// the "Outcomes" slide) rather than heading sections of its own.
    fn priority_role(
        &self,
        doc: &Document,
        index: usize,
        walk: &Walk,
        repeats: bool,
        answered_below: bool,
    ) -> PriorityRole {
        // A sheet named for a priority holds that priority's whole plan.
        if doc.blocks[index].kind == BlockKind::SheetName {
            return PriorityRole::Block;
        }
        let level = doc.blocks[index].heading_level;
        let section_level = walk.current_heading().and_then(|h| doc.blocks[h].heading_level);
        let in_priorities = walk.current.first() == Some(&self.headings.priorities_index());
        let at_or_above = match (level, section_level) {
            (Some(l), Some(s)) if l == s && answered_below => false,
            (Some(l), Some(s)) => l <= s,
            // Under a section opened by a table's row label, a heading with
            // no answer under it heads the table of its own sections.
            (Some(_), None) => walk.current.is_empty() || (!answered_below && !in_priorities),
            (None, _) => false,
        };
        match walk.current.first() {
            None if level.is_some() => PriorityRole::Block,
            None => PriorityRole::Statement,
            Some(_) if in_priorities && !repeats => PriorityRole::Statement,
            Some(_) if at_or_above => PriorityRole::Block,
            Some(&s) if s == self.headings.priorities_index() => PriorityRole::Statement,
            Some(_) => PriorityRole::Part,
        }
    }

    /// A short label ("P1", "P2: ...") in section 1 states a priority there;
    /// anywhere else it is only words.
    fn short_statement(&self, block: &Block, walk: &Walk) -> Option<usize> {
        if walk.current.first() != Some(&self.headings.priorities_index()) {
            return None;
        }
        self.headings.short_priority_marker(block.text.lines().next().unwrap_or(""))
    }

    fn classify(&self, block: &Block, section: Option<usize>) -> Content {
        let text = block.text.trim();
        if block.placeholder || self.headings.is_placeholder(text) {
            return Content::Placeholder;
        }
        if text.is_empty() {
            return if block.images > 0 { Content::Response } else { Content::Header };
        }
        if self.headings.is_table_header(block) {
            return Content::Header;
        }
        // A priority named in the guidance's words ("Strategy 2: Strengthening
        // the learning environment ...") is the district's own statement.
        if self.headings.is_prompt_text(text, section) && self.headings.alt_priority_marker(text).is_none() {
            return Content::Prompt;
        }
        Content::Response
    }

    fn settle_state(&self, section: &mut MappedSection) {
        for part in section.parts.iter_mut().filter(|p| p.priority.is_some() && !p.pieces.is_empty()) {
            part.reference = self.headings.is_cross_reference(part.text().trim());
        }
        if section.parts.is_empty() {
            section.state = SectionState::Missing;
            return;
        }
        if section.words() >= self.min_words {
            section.state = SectionState::Present;
            return;
        }
        section.state = SectionState::Empty;
        let placeholders: usize = section.parts.iter().map(|p| p.placeholders).sum();
        let prompts: usize = section.parts.iter().map(|p| p.prompt_blocks).sum();
        section.empty_reason = Some(if section.images() > 0 {
            "it holds only a picture".to_string()
        } else if placeholders > 0 {
            "it holds only placeholder text".to_string()
        } else if prompts > 0 {
            "it only repeats the guidance's prompt".to_string()
        } else if section.words() > 0 {
            "the response is only a word or two".to_string()
        } else {
            "it is blank".to_string()
        });
    }
}

enum PriorityRole {
    Block,
    Statement,
    Part,
}

/// Whether the next section heading after `index` stands deeper than it
/// ("Priority 2" as Heading 1 over "Analysis" as Heading 2): the line heads
/// the sections below it.
fn heads_deeper_sections(doc: &Document, index: usize, hit_blocks: &[usize]) -> bool {
    let next = hit_blocks.get(hit_blocks.partition_point(|&b| b <= index));
    match (doc.blocks[index].heading_level, next.and_then(|&b| doc.blocks[b].heading_level)) {
        (Some(line), Some(heading)) => heading > line,
        _ => false,
    }
}

/// Whether an answer's worth of words stands between `index` and the next
/// section heading: a slide's footer and a table's header row ("Section |
/// Our plan") over the table of a priority's sections are not one.
fn answers_before_next_heading(doc: &Document, index: usize, hit_blocks: &[usize]) -> bool {
    let next = hit_blocks.get(hit_blocks.partition_point(|&b| b <= index)).copied().unwrap_or(doc.blocks.len());
    doc.blocks[index + 1..next]
        .iter()
        .take(MAX_LOOKAHEAD_BLOCKS)
        .flat_map(|b| b.text.split_whitespace())
        .nth(MIN_ANSWER_WORDS - 1)
        .is_some()
}

/// Fewest words under a priority line for it to be answered there.
const MIN_ANSWER_WORDS: usize = 12;

/// How many blocks after a priority line are looked at for its answer.
const MAX_LOOKAHEAD_BLOCKS: usize = 64;

/// Whether the first block with words after `index` is text rather than a
/// heading or another label (`is_label`).
fn text_follows(doc: &Document, index: usize, is_label: impl Fn(usize) -> bool) -> bool {
    headings::next_with_words(doc, index).is_some_and(|j| !is_label(j) && doc.blocks[j].heading_level.is_none())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    Placeholder,
    Prompt,
    Header,
    Response,
}

/// Strong cues always count; a weak one (a bold line, a "Label:") counts only
/// for a section that has no strong heading anywhere, so a bold sub-label
/// inside another section does not steal it.
///
/// A plain cell label ("Community input", a row of a sheet's form) is strong,
/// but a weak title above it in its own table ("3. Stakeholder Engagement"
/// in the sheet's first row) still heads the section: the rows under the
/// title are its sub-labels.
fn accept_hits(doc: &Document, hits: &[HeadingHit]) -> Vec<HeadingHit> {
    let strong: HashSet<usize> = hits.iter().filter(|h| h.cue.is_strong()).map(|h| h.section).collect();
    let table = |h: &HeadingHit| doc.blocks.get(h.block).and_then(|b| b.grid).map(|g| g.table);
    let mut last_cell_label: HashMap<(usize, usize), usize> = HashMap::new();
    for h in hits.iter().filter(|h| is_cell_label(h)) {
        if let Some(t) = table(h) {
            let last = last_cell_label.entry((h.section, t)).or_default();
            *last = (*last).max(h.block);
        }
    }
    let over_its_labels = |h: &HeadingHit| {
        table(h).and_then(|t| last_cell_label.get(&(h.section, t))).is_some_and(|&last| last > h.block)
    };
    hits.iter().filter(|h| h.cue.is_strong() || !strong.contains(&h.section) || over_its_labels(h)).cloned().collect()
}

/// A table cell naming a section with nothing else: no number, no answer.
fn is_cell_label(hit: &HeadingHit) -> bool {
    hit.cue == Cue::TableLabel && hit.number.is_none() && hit.rest.is_none()
}

/// Table cells that hold an accepted heading and whose row answers in
/// another cell: the rest of such a cell is the template's prompt, not the
/// district's response. A row whose only text stands in label cells (cards
/// side by side, "7. Resources" over its answer in one box) answers inside
/// each label's own cell.
fn label_cells(doc: &Document, accepted: &[HeadingHit]) -> HashSet<Option<(usize, usize, usize)>> {
    let labels: HashSet<Option<(usize, usize, usize)>> = accepted
        .iter()
        .filter(|h| matches!(h.cue, Cue::TableLabel | Cue::PromptCell))
        .filter_map(|h| doc.blocks.get(h.block))
        .filter(|b| b.grid.is_some() && b.kind != crate::model::BlockKind::SheetName)
        .filter(|_| !doc.format.is_spreadsheet())
        .map(cell_key)
        .collect();
    let headed: HashSet<(usize, usize, usize)> =
        accepted.iter().filter_map(|h| doc.blocks.get(h.block)).filter_map(cell_key).collect();
    let answering_rows: HashSet<(usize, usize)> = doc
        .blocks
        .iter()
        .filter(|b| !b.text.trim().is_empty())
        .filter_map(|b| b.grid)
        .filter(|g| !headed.contains(&(g.table, g.row, g.col)))
        .map(|g| (g.table, g.row))
        .collect();
    labels.into_iter().filter(|k| k.is_some_and(|(t, r, _)| answering_rows.contains(&(t, r)))).collect()
}

/// A deeper heading naming only the section already open, or an unnumbered
/// cell label naming it ("Interim benchmark" heading a column of the
/// monitoring table): a sub-label of the answer, not a new section.
fn repeats_open_section(doc: &Document, hit: &HeadingHit, walk: &Walk) -> bool {
    let level = doc.blocks[hit.block].heading_level;
    let open_level = walk.current_heading().and_then(|h| doc.blocks[h].heading_level);
    let deeper = matches!((level, open_level), (Some(l), Some(o)) if l > o);
    walk.current == [hit.section] && hit.also.is_empty() && (deeper || is_cell_label(hit))
}

fn add_response(part: &mut Part, index: usize, block: &Block) {
    part.blocks.push(index);
    part.images += block.images;
    if !block.text.trim().is_empty() {
        part.pieces.push(Piece { block: index, text: block.display_text() });
    }
}

fn cell_key(block: &Block) -> Option<(usize, usize, usize)> {
    block.grid.map(|g| (g.table, g.row, g.col))
}

/// The state of a walk through the blocks in reading order.
struct Walk {
    sections: Vec<Vec<Part>>,
    /// The sections the last label opened (two for "Outcomes and Monitoring").
    current: Vec<usize>,
    priority: Option<usize>,
    priorities: Vec<PriorityMark>,
    priorities_section: usize,
    /// The column header naming each section, in tables of section columns.
    column_headers: Vec<Option<usize>>,
    /// The heading block of the open sections.
    heading: Option<usize>,
    /// (section, column header, priority) → index of its part, for table cells.
    region_parts: HashMap<(usize, usize, Option<usize>), usize>,
}

impl Walk {
    fn new(count: usize, priorities_section: usize) -> Self {
        Walk {
            sections: vec![Vec::new(); count],
            current: Vec::new(),
            priority: None,
            priorities: Vec::new(),
            priorities_section,
            column_headers: vec![None; count],
            heading: None,
            region_parts: HashMap::new(),
        }
    }

    /// The open parts, one per current section.
    fn parts(&mut self) -> impl Iterator<Item = &mut Part> {
        let current = &self.current;
        self.sections
            .iter_mut()
            .enumerate()
            .filter(move |(i, _)| current.contains(i))
            .filter_map(|(_, parts)| parts.last_mut())
    }

    fn open(&mut self, hit: &HeadingHit) {
        self.current = hit.sections().collect();
        self.heading = Some(hit.block);
        for section in hit.sections() {
            let mut part = Part { priority: self.priority, heading: Some(hit.block), ..Default::default() };
            part.blocks.push(hit.block);
            if let Some(rest) = &hit.rest {
                part.pieces.push(Piece { block: hit.block, text: rest.clone() });
            }
            self.sections[section].push(part);
        }
    }

    /// An unnamed heading set off like the section headings ends the section.
    fn close(&mut self) {
        self.current.clear();
        self.heading = None;
    }

    /// A "Priority N" heading over a run of sections: later sections belong to it.
    fn priority_block(&mut self, mark: PriorityMark) {
        self.priority = Some(mark.number);
        self.priorities.push(mark);
        self.close();
    }

    /// A priority stated in section 1 (opening section 1 when no section is open).
    fn priority_statement(&mut self, block: usize, mark: PriorityMark, text: String) {
        let number = mark.number;
        self.priorities.push(mark);
        if self.current.is_empty() {
            self.current = vec![self.priorities_section];
        }
        let mut part = Part { priority: Some(number), blocks: vec![block], ..Default::default() };
        // A bare "Priority 1" label states nothing yet; its words are not an answer.
        if text.split_whitespace().nth(BARE_LABEL_WORDS).is_some() {
            part.pieces.push(Piece { block, text });
        }
        self.sections[self.priorities_section].push(part);
    }

    /// "Priority 1" inside a later section: a new part of that section for
    /// the priority; the line's own words after the label are its answer.
    fn priority_part(&mut self, block: usize, number: usize, source: &Block) {
        let current = self.current.clone();
        for section in current {
            let heading = self.sections[section].last().and_then(|p| p.heading);
            let mut part = Part { priority: Some(number), heading, ..Default::default() };
            part.blocks.push(block);
            let text = source.display_text();
            if text.split_whitespace().nth(BARE_LABEL_WORDS).is_some() {
                part.pieces.push(Piece { block, text });
            }
            self.sections[section].push(part);
        }
    }

    fn current_heading(&self) -> Option<usize> {
        self.heading.filter(|_| !self.current.is_empty())
    }

    /// The part for `priority` in each open section: the open one when the
    /// priority agrees (or none is asked), else a new part under the same
    /// heading (parts of one priority are grouped when checked).
    fn parts_for(&mut self, priority: Option<usize>) -> Vec<&mut Part> {
        if let Some(priority) = priority {
            let current = self.current.clone();
            for section in current {
                let parts = &mut self.sections[section];
                if parts.last().is_some_and(|p| p.priority != Some(priority)) {
                    let heading = parts.last().and_then(|p| p.heading);
                    parts.push(Part { priority: Some(priority), heading, ..Default::default() });
                }
            }
        }
        self.parts().collect()
    }

    fn response(&mut self, index: usize, block: &Block, priority: Option<usize>) {
        for part in self.parts_for(priority) {
            add_response(part, index, block);
        }
    }

    fn placeholder(&mut self, index: usize, priority: Option<usize>) {
        for part in self.parts_for(priority) {
            part.blocks.push(index);
            part.placeholders += 1;
        }
    }

    fn prompt(&mut self, index: usize) {
        for part in self.parts() {
            part.blocks.push(index);
            part.prompt_blocks += 1;
        }
    }

    /// A cell under a section's column header, in the row of `priority`.
    fn in_region(
        &mut self,
        sections: &[usize],
        priority: Option<usize>,
        header: usize,
        index: usize,
        block: &Block,
        content: Content,
    ) {
        for &section in sections {
            let parts = &mut self.sections[section];
            let at = *self.region_parts.entry((section, header, priority)).or_insert_with(|| {
                parts.push(Part { priority, heading: Some(header), blocks: vec![header], ..Default::default() });
                parts.len() - 1
            });
            let part = &mut parts[at];
            match content {
                Content::Placeholder => {
                    part.blocks.push(index);
                    part.placeholders += 1;
                }
                Content::Prompt => {
                    part.blocks.push(index);
                    part.prompt_blocks += 1;
                }
                Content::Header => {}
                Content::Response => add_response(part, index, block),
            }
        }
    }

    /// A column header naming sections: they are present, answered or not,
    /// below it (an empty part is added at the end if no cell answered).
    fn column(&mut self, sections: &[usize], header: usize) {
        for &section in sections {
            self.column_headers[section].get_or_insert(header);
        }
    }

    /// The label cell of a row in a table of section columns: the row's priority, stated.
    fn row_label(&mut self, index: usize, block: &Block, priority: Option<usize>) {
        let text = block.display_text();
        if text.trim().is_empty() {
            return;
        }
        let number = priority.unwrap_or(self.priorities.len() + 1);
        if !self.priorities.iter().any(|m| m.number == number) {
            self.priorities.push(PriorityMark { number, label: format!("Priority {number}"), block: index });
        }
        let section = self.priorities_section;
        let mut part = Part { priority, blocks: vec![index], ..Default::default() };
        part.pieces.push(Piece { block: index, text });
        self.sections[section].push(part);
    }

    fn finish(mut self) -> Vec<MappedSection> {
        for (parts, header) in self.sections.iter_mut().zip(&self.column_headers) {
            if let (true, Some(header)) = (parts.is_empty(), header) {
                parts.push(Part { heading: Some(*header), blocks: vec![*header], ..Default::default() });
            }
        }
        let repeats = self.sections.iter().enumerate().any(|(i, parts)| {
            let mut seen: Vec<usize> = parts.iter().filter_map(|p| p.priority).collect();
            seen.sort_unstable();
            seen.dedup();
            i != self.priorities_section && seen.len() > 1
        });
        if repeats {
            // A section heading over "Priority 1" / "Priority 2" sub-parts
            // answers nothing itself: its empty part is not a priority's answer.
            for (i, parts) in self.sections.iter_mut().enumerate() {
                if i != self.priorities_section && parts.iter().any(|p| p.priority.is_some()) {
                    parts.retain(|p| p.priority.is_some() || !p.is_blank());
                }
            }
        } else {
            for (i, parts) in self.sections.iter_mut().enumerate() {
                if i != self.priorities_section {
                    parts.iter_mut().for_each(|p| p.priority = None);
                }
            }
        }
        self.sections
            .into_iter()
            .enumerate()
            .map(|(index, parts)| MappedSection {
                index,
                parts,
                state: SectionState::Missing,
                empty_reason: None,
                refers_to: None,
            })
            .collect()
    }
}

/// The headings found in `doc`, described, for debugging the mapper.
pub fn debug_headings(pack: &Pack, doc: &Document) -> String {
    let found = Headings::new(pack).find_all(doc);
    let mut out = String::new();
    for h in &found.hits {
        out.push_str(&format!(
            "hit {} s{} {:?} n={:?} also={:?} {:?}\n",
            h.block,
            h.section,
            h.cue,
            h.number,
            h.also,
            doc.blocks[h.block].text.chars().take(60).collect::<String>()
        ));
    }
    out.push_str(&format!("boundaries {:?}\n", found.boundaries));
    out
}

/// The location of a block, for reports.
pub fn location_of(doc: &Document, block: usize) -> Option<Location> {
    doc.blocks.get(block).map(|b| b.location.with_excerpt(&b.display_text()))
}
