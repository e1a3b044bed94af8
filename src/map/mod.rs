//! Map: a [`Document`] → the guidance's eight sections, however the district
//! laid them out (heading styles, bold or numbered labels, the template's
//! prompt/response table, sheets), with the priorities and benchmarks found.
//!
//! All vocabulary (titles, aliases, prompts, placeholder and marker
//! patterns) comes from the rules pack; this module holds only the method.

mod count;
pub mod district;
mod headings;

use std::collections::HashSet;

use crate::model::{Block, Document, Location};
use crate::pack::Pack;
use crate::report::SectionState;

pub use headings::Cue;
use headings::{HeadingHit, Headings};

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
}

impl Part {
    pub fn words(&self) -> usize {
        self.pieces.iter().map(|p| p.text.split_whitespace().count()).sum()
    }

    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
    }
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
    pub fn map(&self, doc: &Document) -> Submission {
        let found = self.headings.find_all(doc);
        let hits = found.hits;
        let boundaries: HashSet<usize> = found.boundaries.into_iter().collect();
        let markers = found.markers;
        let accepted = accept_hits(&hits);
        let mut walk = Walk::new(self.headings.section_count(), self.headings.priorities_index());
        let label_cells = label_cells(doc, &accepted);

        for (i, block) in doc.blocks.iter().enumerate() {
            if let Some(hit) = accepted.iter().find(|h| h.block == i) {
                walk.open(hit);
                continue;
            }
            if boundaries.contains(&i) {
                walk.current = None;
                continue;
            }
            if let Some((_, number, label)) = markers.iter().find(|(b, _, _)| *b == i) {
                let number = number.unwrap_or(walk.priorities.len() + 1);
                let mark = PriorityMark { number, label: label.clone(), block: i };
                let structural = self.starts_priority_block(doc, i, &walk);
                walk.priority(i, mark, block.display_text(), structural);
                continue;
            }
            if label_cells.contains(&cell_key(block)) || self.repeats_current_title(&hits, i, walk.current) {
                walk.prompt(i);
                continue;
            }
            match self.classify(block, walk.current_section()) {
                Content::Placeholder => walk.placeholder(i),
                Content::Prompt => walk.prompt(i),
                Content::Header => {}
                Content::Response => walk.response(i, block),
            }
        }
        let priorities = walk.priorities.clone();
        let mut sections = walk.finish();
        for section in &mut sections {
            self.settle_state(section);
        }
        let benchmarks = count::benchmarks(doc, &sections, &self.headings);
        let priorities = count::priorities(doc, &sections, priorities, &self.headings);
        Submission { sections, priorities, benchmarks }
    }

    /// A "Priority N" heading that heads a run of sections (a sibling of the
    /// section headings, or outside section 1) rather than a sub-heading of
    /// section 1: it sets the priority but is not itself section 1's response.
    fn starts_priority_block(&self, doc: &Document, index: usize, walk: &Walk) -> bool {
        let block = &doc.blocks[index];
        let Some(level) = block.heading_level else {
            return false;
        };
        if walk.current != Some(self.headings.priorities_index()) {
            return true;
        }
        let section_level = walk.current_heading().and_then(|h| doc.blocks[h].heading_level);
        section_level.is_some_and(|l| level <= l)
    }

    /// A title repeated under its own heading (a sheet named "Outcomes" whose
    /// first cell says "4. Outcomes") is not part of the response.
    fn repeats_current_title(&self, hits: &[HeadingHit], index: usize, current: Option<usize>) -> bool {
        current.is_some() && hits.iter().any(|h| h.block == index && Some(h.section) == current && h.rest.is_none())
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
        if self.headings.is_prompt_text(text, section) {
            return Content::Prompt;
        }
        Content::Response
    }

    fn settle_state(&self, section: &mut MappedSection) {
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

enum Content {
    Placeholder,
    Prompt,
    Header,
    Response,
}

/// Strong cues always count; a weak one (a bold line, a "Label:") counts only
/// for a section that has no strong heading anywhere, so a bold sub-label
/// inside another section does not steal it.
fn accept_hits(hits: &[HeadingHit]) -> Vec<HeadingHit> {
    let strong: HashSet<usize> = hits.iter().filter(|h| h.cue.is_strong()).map(|h| h.section).collect();
    hits.iter().filter(|h| h.cue.is_strong() || !strong.contains(&h.section)).cloned().collect()
}

/// Table cells that hold an accepted heading: the rest of such a cell is the
/// template's prompt, not the district's response.
fn label_cells(doc: &Document, accepted: &[HeadingHit]) -> HashSet<Option<(usize, usize, usize)>> {
    accepted
        .iter()
        .filter(|h| matches!(h.cue, Cue::TableLabel | Cue::PromptCell))
        .filter_map(|h| doc.blocks.get(h.block))
        .filter(|b| b.grid.is_some() && b.kind != crate::model::BlockKind::SheetName)
        .filter(|_| !doc.format.is_spreadsheet())
        .map(cell_key)
        .collect()
}

fn cell_key(block: &Block) -> Option<(usize, usize, usize)> {
    block.grid.map(|g| (g.table, g.row, g.col))
}

/// The state of a walk through the blocks in reading order.
struct Walk {
    sections: Vec<Vec<Part>>,
    current: Option<usize>,
    priority: Option<usize>,
    priorities: Vec<PriorityMark>,
    priorities_section: usize,
}

impl Walk {
    fn new(count: usize, priorities_section: usize) -> Self {
        Walk {
            sections: vec![Vec::new(); count],
            current: None,
            priority: None,
            priorities: Vec::new(),
            priorities_section,
        }
    }

    fn current_section(&self) -> Option<usize> {
        self.current
    }

    fn part(&mut self) -> Option<&mut Part> {
        let section = self.current?;
        self.sections[section].last_mut()
    }

    fn open(&mut self, hit: &HeadingHit) {
        self.current = Some(hit.section);
        let mut part = Part { priority: self.priority, heading: Some(hit.block), ..Default::default() };
        part.blocks.push(hit.block);
        if let Some(rest) = &hit.rest {
            part.pieces.push(Piece { block: hit.block, text: rest.clone() });
        }
        self.sections[hit.section].push(part);
    }

    /// A "Priority N: ..." statement. Heading a run of sections, it only sets
    /// the priority; otherwise its words belong to section 1.
    fn priority(&mut self, block: usize, mark: PriorityMark, text: String, structural: bool) {
        let number = mark.number;
        self.priorities.push(mark);
        if structural {
            self.priority = Some(number);
            self.current = None;
            return;
        }
        match self.current {
            Some(s) if s == self.priorities_section => {
                self.sections[s].push(Part { priority: Some(number), ..Default::default() });
            }
            Some(_) => {}
            None => {
                self.current = Some(self.priorities_section);
                self.sections[self.priorities_section].push(Part { priority: Some(number), ..Default::default() });
            }
        }
        if let Some(part) = self.part() {
            part.blocks.push(block);
            part.pieces.push(Piece { block, text });
        }
    }

    fn current_heading(&self) -> Option<usize> {
        let section = self.current?;
        self.sections[section].last().and_then(|p| p.heading)
    }

    fn response(&mut self, index: usize, block: &Block) {
        if let Some(part) = self.part() {
            part.blocks.push(index);
            part.images += block.images;
            if !block.text.trim().is_empty() {
                part.pieces.push(Piece { block: index, text: block.display_text() });
            }
        }
    }

    fn placeholder(&mut self, index: usize) {
        if let Some(part) = self.part() {
            part.blocks.push(index);
            part.placeholders += 1;
        }
    }

    fn prompt(&mut self, index: usize) {
        if let Some(part) = self.part() {
            part.blocks.push(index);
            part.prompt_blocks += 1;
        }
    }

    fn finish(mut self) -> Vec<MappedSection> {
        let repeats = self.sections.iter().enumerate().any(|(i, parts)| {
            let mut seen: Vec<usize> = parts.iter().filter_map(|p| p.priority).collect();
            seen.sort_unstable();
            seen.dedup();
            i != self.priorities_section && seen.len() > 1
        });
        if !repeats {
            for (i, parts) in self.sections.iter_mut().enumerate() {
                if i != self.priorities_section {
                    parts.iter_mut().for_each(|p| p.priority = None);
                }
            }
        }
        self.sections
            .into_iter()
            .enumerate()
            .map(|(index, parts)| MappedSection { index, parts, state: SectionState::Missing, empty_reason: None })
            .collect()
    }
}

/// The location of a block, for reports.
pub fn location_of(doc: &Document, block: usize) -> Option<Location> {
    doc.blocks.get(block).map(|b| b.location.with_excerpt(&b.display_text()))
}
