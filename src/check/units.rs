//! Cutting a mapped submission into units once per document: every response
//! piece into sentences, each led by the label it stands under (a table row's
//! first cell, a column header, a "District:" line over a list).

use std::collections::HashMap;

use crate::map::Submission;
use crate::model::Document;
use crate::pack::lexicon::{Lexicon, Unit, UnitCache, run_in_head};

/// A unit and where it came from.
#[derive(Debug, Clone)]
pub struct PlacedUnit {
    /// Index of the part of the section.
    pub part: usize,
    /// The block the text came from.
    pub block: usize,
    /// The unit states a priority ("Priority 1: ..."), rather than answering a prompt about it.
    pub statement: bool,
    /// Where the unit's own words start in its text, after the label the
    /// document put it under (a column header, a row's first cell).
    pub own_from: usize,
    /// Shared by the places of a document that say the same thing.
    pub unit: std::rc::Rc<Unit>,
}

/// All units of one section, in reading order.
pub type SectionUnits = Vec<PlacedUnit>;

/// The units of every section of `submission`.
/// `markers` are the pack's priority markers: a unit that opens with one
/// states a priority, as does the first sentence of a block the mapper took
/// for a priority statement.
/// `form_headers` are a form's column headers ("District response",
/// "Prompt"): they name the form's columns, not what a cell is about, so
/// they label no cell.
pub fn cut(
    lexicon: &Lexicon,
    markers: &[crate::pack::pattern::LazyRegex],
    form_headers: &std::collections::HashSet<String>,
    doc: &Document,
    submission: &Submission,
) -> Vec<SectionUnits> {
    let cells = Grids::new(doc, lexicon.max_label_words, form_headers);
    let mut cache = UnitCache::default();
    let statements: std::collections::HashSet<usize> = submission.priorities.iter().map(|p| p.block).collect();
    submission
        .sections
        .iter()
        .map(|section| {
            let mut out = Vec::new();
            for (pi, part) in section.parts.iter().enumerate() {
                let mut list_label: Option<String> = None;
                // The run-in label of the paragraph before, for one that qualifies it.
                let mut run_in_before: Option<String> = None;
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
                    let (label, text) = match label {
                        Some(label) => (Some(label), piece.text.as_str()),
                        None => qualified(lexicon, &piece.text, &mut run_in_before),
                    };
                    let marked = statements.contains(&piece.block);
                    let units = lexicon.units_in(text, label.as_deref(), &mut cache);
                    for (i, (unit, carried)) in units.into_iter().enumerate() {
                        let own = own_words(&unit.text[carried..], label.as_deref());
                        let statement = (marked && i == 0) || markers.iter().any(|m| m.is_match(own.trim()));
                        let own_from = unit.text.len() - own.len();
                        out.push(PlacedUnit { part: pi, block: piece.block, statement, own_from, unit });
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
    cells: &'a Grids,
    lexicon: &'a Lexicon,
    row: Option<(usize, usize)>,
    blocks: Vec<usize>,
}

/// Cells of a row that make it a record rather than a label and its answer.
const RECORD_CELLS: usize = 3;

impl<'a> Record<'a> {
    fn new(doc: &'a Document, cells: &'a Grids, lexicon: &'a Lexicon) -> Self {
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
        if columns.len() < RECORD_CELLS
            || doc.blocks[first].grid.is_some_and(|g| g.row <= self.cells.header_row(g.table))
        {
            return;
        }
        let text: Vec<String> = blocks
            .iter()
            .map(|&b| {
                let cell = doc.blocks[b].text.trim();
                match column_header(doc, self.cells, b) {
                    Some(h) => format!("{h}: {cell}"),
                    None => cell.to_string(),
                }
            })
            .collect();
        let unit = self.lexicon.unit_in(&text.join(" – "), false, cache);
        out.push(PlacedUnit { part, block: first, statement: false, own_from: 0, unit });
    }
}

/// The header of a cell's column, when short and not one of the form's own.
fn column_header<'g>(doc: &Document, cells: &'g Grids, block: usize) -> Option<&'g str> {
    let g = doc.blocks[block].grid?;
    if g.row <= cells.header_row(g.table) {
        return None;
    }
    cells.column_labels.get(&(g.table, g.col)).map(String::as_str)
}

/// A header's words in lower case, for comparing with the pack's form headers.
pub fn form_key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cell `b`'s text as a label of `block`'s cell: another cell, of 1 to
/// `max` words, without its closing colon; a longer one without its aside
/// in brackets ("Central office (asst. supt. T&L, content directors)"
/// labels its row as "Central office": the aside is detail).
fn short_cell(doc: &Document, b: usize, block: usize, max: usize) -> Option<String> {
    let text = doc.blocks[b].text.trim();
    let text = if text.split_whitespace().nth(max).is_some() { without_brackets(text) } else { text.into() };
    let words = text.split_whitespace().count();
    (b != block && words > 0 && words <= max).then(|| text.trim_end_matches(':').trim().to_string())
}

/// `text` without what stands in round brackets.
fn without_brackets(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('(') {
        return text.into();
    }
    let mut depth = 0usize;
    let mut outside = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    outside.split_whitespace().collect::<Vec<_>>().join(" ").into()
}

/// `text` under the label of the paragraph before when its own label
/// qualifies that one ("By student group: the English learner group" under
/// "Accountability targets: ..."), as (joined label, words after it);
/// otherwise `text` as it is, and its own label becomes `before`.
fn qualified<'t>(lexicon: &Lexicon, text: &'t str, before: &mut Option<String>) -> (Option<String>, &'t str) {
    if let (Some(base), Some((head, body))) = (before.as_deref(), lexicon.qualifier_label(text)) {
        return (Some(format!("{base} {head}")), body);
    }
    // A label in two languages is twice as long.
    *before = run_in_head(text, lexicon.max_label_words * 2).map(|(head, _)| head.to_string());
    (None, text)
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
    for (unit, _) in lexicon.units_in(text, None, cache) {
        out.push(PlacedUnit { part, block, statement: false, own_from: 0, unit });
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

/// The tables of a document: the first block of each cell, and each
/// table's header row.
struct Grids {
    /// The first block of each table cell, by (table, row, col).
    first: HashMap<(usize, usize, usize), usize>,
    /// Per (table, column): the header cell's text as a label, worked out
    /// once (short, not one of the form's own headers; see [`cut`]).
    column_labels: HashMap<(usize, usize), String>,
    /// Each row whose first cell is empty: the first row of its run of such rows.
    run_of: HashMap<(usize, usize), usize>,
    /// Per (table, run, column): filled cells, and whether all are short.
    label_columns: HashMap<(usize, usize, usize), (usize, bool)>,
    /// Header rows below the first row: a sheet's title and prompt lines
    /// (one cell each) stand over its "Benchmark | Level | Owner" row. A
    /// row of two short cells there is as likely a label and its answer.
    header: HashMap<usize, usize>,
}

impl Grids {
    fn new(doc: &Document, max: usize, form_headers: &std::collections::HashSet<String>) -> Self {
        let mut first = HashMap::new();
        // Per (table, row): filled cells, and whether every one is short.
        let mut rows: std::collections::BTreeMap<(usize, usize), (usize, bool)> = Default::default();
        for (i, b) in doc.blocks.iter().enumerate() {
            let Some(g) = b.grid else { continue };
            if first.insert((g.table, g.row, g.col), i).is_some() {
                continue;
            }
            let words = b.text.split_whitespace().count();
            if words > 0 {
                let row = rows.entry((g.table, g.row)).or_insert((0, true));
                row.0 += 1;
                row.1 &= words <= max;
            }
        }
        let mut header = HashMap::new();
        let mut settled = std::collections::HashSet::new();
        for (&(table, row), &(filled, short)) in &rows {
            if filled <= 1 || settled.contains(&table) {
                continue;
            }
            settled.insert(table);
            if short && row > 0 && filled >= RECORD_CELLS {
                header.insert(table, row);
            }
        }
        let column_labels = first
            .iter()
            .filter(|&(&(table, row, _), _)| row == header.get(&table).copied().unwrap_or(0))
            .filter_map(|(&(table, _, col), &b)| Some(((table, col), short_cell(doc, b, usize::MAX, max)?)))
            .filter(|(_, label)| !form_headers.contains(&form_key(label)))
            .collect();
        let mut grids = Grids { first, column_labels, header, run_of: HashMap::new(), label_columns: HashMap::new() };
        grids.find_label_columns(doc, &rows, max);
        grids
    }

    /// Runs of rows whose first cell is empty, and the columns of short
    /// cells in each: a table set in a form's answer column labels its rows there.
    fn find_label_columns(
        &mut self,
        doc: &Document,
        rows: &std::collections::BTreeMap<(usize, usize), (usize, bool)>,
        max: usize,
    ) {
        let mut run: Option<(usize, usize)> = None;
        for &(table, row) in rows.keys() {
            if self.filled(doc, table, row, 0).is_some() {
                run = None;
                continue;
            }
            let key = match run {
                Some((t, start)) if t == table => (t, start),
                _ => (table, row),
            };
            run = Some(key);
            self.run_of.insert((table, row), key.1);
        }
        for (&(table, row, col), &b) in &self.first {
            let Some(&start) = self.run_of.get(&(table, row)) else { continue };
            let words = doc.blocks[b].text.split_whitespace().count();
            if words == 0 {
                continue;
            }
            let entry = self.label_columns.entry((table, start, col)).or_insert((0, true));
            entry.0 += 1;
            entry.1 &= words <= max;
        }
    }

    fn filled(&self, doc: &Document, table: usize, row: usize, col: usize) -> Option<usize> {
        self.first.get(&(table, row, col)).copied().filter(|&b| !doc.blocks[b].text.trim().is_empty())
    }

    /// Whether `col` holds the short labels of the run of rows `row` is in:
    /// two or more filled cells, every one short.
    fn is_label_column(&self, table: usize, row: usize, col: usize) -> bool {
        self.run_of
            .get(&(table, row))
            .and_then(|&start| self.label_columns.get(&(table, start, col)))
            .is_some_and(|&(count, short)| count >= 2 && short)
    }

    /// The row of `table` whose cells label the columns below it.
    fn header_row(&self, table: usize) -> usize {
        self.header.get(&table).copied().unwrap_or(0)
    }
}

/// A cell's label: its column's header and its row's first cell, when short.
fn grid_label(doc: &Document, cells: &Grids, block: usize, max: usize) -> Option<String> {
    let mut parts: Vec<String> = column_header(doc, cells, block).map(str::to_string).into_iter().collect();
    if let Some(r) = row_label(doc, cells, block).and_then(|b| short_cell(doc, b, block, max)) {
        parts.push(r);
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The cell labelling `block`'s row: its first cell, or, where the first
/// columns are empty (a table set in a form's answer column), the nearest
/// filled cell to its left when its column is one of short labels.
fn row_label(doc: &Document, cells: &Grids, block: usize) -> Option<usize> {
    let g = doc.blocks[block].grid?;
    if g.col == 0 {
        return None;
    }
    if let Some(b) = cells.filled(doc, g.table, g.row, 0) {
        return Some(b);
    }
    let col = (1..g.col).rev().find(|&c| cells.filled(doc, g.table, g.row, c).is_some())?;
    cells.is_label_column(g.table, g.row, col).then(|| cells.filled(doc, g.table, g.row, col)).flatten()
}
