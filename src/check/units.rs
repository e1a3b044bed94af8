//! Cutting a mapped submission into units once per document: every response
//! piece into sentences, each led by the label it stands under (a table row's
//! first cell, a column header, a "District:" line over a list).

use std::collections::HashMap;

use crate::map::Submission;
use crate::model::Document;
use crate::pack::lexicon::{Lexicon, Unit, UnitCache};

/// A unit and where it came from.
#[derive(Debug, Clone)]
pub struct PlacedUnit {
    /// Index of the part of the section.
    pub part: usize,
    /// The block the text came from.
    pub block: usize,
    /// The unit states a priority ("Priority 1: ..."), rather than answering a prompt about it.
    pub statement: bool,
    /// Shared by the places of a document that say the same thing.
    pub unit: std::rc::Rc<Unit>,
}

/// All units of one section, in reading order.
pub type SectionUnits = Vec<PlacedUnit>;

/// The units of every section of `submission`.
/// `markers` are the pack's priority markers: a unit that opens with one
/// states a priority, as does the first sentence of a block the mapper took
/// for a priority statement.
pub fn cut(
    lexicon: &Lexicon,
    markers: &[crate::pack::pattern::LazyRegex],
    doc: &Document,
    submission: &Submission,
) -> Vec<SectionUnits> {
    let cells = cell_index(doc);
    let mut cache = UnitCache::default();
    let statements: std::collections::HashSet<usize> = submission.priorities.iter().map(|p| p.block).collect();
    submission
        .sections
        .iter()
        .map(|section| {
            let mut out = Vec::new();
            for (pi, part) in section.parts.iter().enumerate() {
                let mut list_label: Option<String> = None;
                let mut row = Record::new(doc, &cells, lexicon);
                for piece in &part.pieces {
                    let block = &doc.blocks[piece.block];
                    row.take(piece.block, pi, &mut out, &mut cache);
                    let is_label = block.grid.is_none()
                        && !block.is_list_item()
                        && piece.text.trim_end().ends_with(':')
                        && piece.text.split_whitespace().nth(lexicon.max_label_words).is_none();
                    if is_label {
                        list_label = Some(piece.text.trim().to_string());
                        continue_label(&mut out, lexicon, pi, piece.block, &piece.text, &mut cache);
                        continue;
                    }
                    let label = match block.grid {
                        Some(_) => grid_label(doc, &cells, piece.block, lexicon.max_label_words),
                        None if block.is_list_item() || starts_with_dash(&piece.text) => list_label.clone(),
                        None => {
                            list_label = None;
                            None
                        }
                    };
                    let marked = statements.contains(&piece.block);
                    for (i, unit) in lexicon.units_in(&piece.text, label.as_deref(), &mut cache).into_iter().enumerate()
                    {
                        let own = own_words(&unit.text, label.as_deref());
                        let statement = (marked && i == 0) || markers.iter().any(|m| m.is_match(own.trim()));
                        out.push(PlacedUnit { part: pi, block: piece.block, statement, unit });
                    }
                }
                row.flush(pi, &mut out, &mut cache);
            }
            out
        })
        .collect()
}

/// The cells of one table row, read so far: a row of three cells or more is
/// a record ("Percent of ... reaches 90% | District | Deputy Superintendent |
/// Every six weeks") and is a unit of its own too, each cell under its
/// column's header, so a claim may take its parts from several cells.
struct Record<'a> {
    doc: &'a Document,
    cells: &'a HashMap<(usize, usize, usize), usize>,
    lexicon: &'a Lexicon,
    row: Option<(usize, usize)>,
    blocks: Vec<usize>,
}

/// Cells of a row that make it a record rather than a label and its answer.
const RECORD_CELLS: usize = 3;

impl<'a> Record<'a> {
    fn new(doc: &'a Document, cells: &'a HashMap<(usize, usize, usize), usize>, lexicon: &'a Lexicon) -> Self {
        Record { doc, cells, lexicon, row: None, blocks: Vec::new() }
    }

    /// Adds `block` to the row being read, or ends that row first.
    fn take(&mut self, block: usize, part: usize, out: &mut SectionUnits, cache: &mut UnitCache) {
        let row = self.doc.blocks[block].grid.map(|g| (g.table, g.row));
        if row != self.row {
            self.flush(part, out, cache);
            self.row = row;
        }
        if row.is_some() && !self.doc.blocks[block].text.trim().is_empty() {
            self.blocks.push(block);
        }
    }

    fn flush(&mut self, part: usize, out: &mut SectionUnits, cache: &mut UnitCache) {
        let blocks = std::mem::take(&mut self.blocks);
        let doc = self.doc;
        let Some(&first) = blocks.first() else { return };
        let columns: std::collections::HashSet<usize> =
            blocks.iter().filter_map(|&b| doc.blocks[b].grid).map(|g| g.col).collect();
        if columns.len() < RECORD_CELLS || doc.blocks[first].grid.is_some_and(|g| g.row == 0) {
            return;
        }
        let text: Vec<String> = blocks
            .iter()
            .map(|&b| {
                let cell = doc.blocks[b].text.trim();
                match column_header(doc, self.cells, b, self.lexicon.max_label_words) {
                    Some(h) => format!("{h}: {cell}"),
                    None => cell.to_string(),
                }
            })
            .collect();
        let unit = self.lexicon.unit_in(&text.join(" – "), false, cache);
        out.push(PlacedUnit { part, block: first, statement: false, unit });
    }
}

/// The header of a cell's column, when short.
fn column_header(
    doc: &Document,
    cells: &HashMap<(usize, usize, usize), usize>,
    block: usize,
    max: usize,
) -> Option<String> {
    let g = doc.blocks[block].grid?;
    let &b = cells.get(&(g.table, 0, g.col))?;
    if g.row == 0 {
        return None;
    }
    short_cell(doc, b, block, max)
}

/// Cell `b`'s text as a label of `block`'s cell: another cell, of 1 to
/// `max` words, without its closing colon.
fn short_cell(doc: &Document, b: usize, block: usize, max: usize) -> Option<String> {
    let text = doc.blocks[b].text.trim();
    let words = text.split_whitespace().count();
    (b != block && words > 0 && words <= max).then(|| text.trim_end_matches(':').to_string())
}

/// A label line is a unit of its own too ("Owner: the DILT" is not a label, but "Owners:" is).
fn continue_label(
    out: &mut SectionUnits,
    lexicon: &Lexicon,
    part: usize,
    block: usize,
    text: &str,
    cache: &mut UnitCache,
) {
    for unit in lexicon.units_in(text, None, cache) {
        out.push(PlacedUnit { part, block, statement: false, unit });
    }
}

/// A unit's words without the label it was read under: a column headed
/// "Priority 1: Math" does not make each of its cells state a priority.
fn own_words<'a>(text: &'a str, label: Option<&str>) -> &'a str {
    label
        .and_then(|l| text.strip_prefix(l.trim().trim_end_matches([':', '?'])))
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(text)
}

fn starts_with_dash(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("- ") || t.starts_with("– ") || t.starts_with("* ")
}

/// The first block of each table cell, by (table, row, col).
fn cell_index(doc: &Document) -> HashMap<(usize, usize, usize), usize> {
    let mut cells = HashMap::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        if let Some(g) = b.grid {
            cells.entry((g.table, g.row, g.col)).or_insert(i);
        }
    }
    cells
}

/// A cell's label: its column's header and its row's first cell, when short.
fn grid_label(
    doc: &Document,
    cells: &HashMap<(usize, usize, usize), usize>,
    block: usize,
    max: usize,
) -> Option<String> {
    let g = doc.blocks[block].grid?;
    let mut parts: Vec<String> = column_header(doc, cells, block, max).into_iter().collect();
    if g.col > 0
        && let Some(r) = cells.get(&(g.table, g.row, 0)).and_then(|&b| short_cell(doc, b, block, max))
    {
        parts.push(r);
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}
