//! Regions that tables govern beyond "a row label heads its row": a header
//! row of section names makes each column a section (a "plan on a page",
//! or a sheet with sections as columns and priorities as rows), and a
//! header row of priorities makes each column one priority's answer
//! ("Section | Priority 1 | Priority 2").

use std::collections::HashMap;

use super::headings::Headings;
use crate::model::{Block, Document};

/// Fewest distinct sections a header row must name to make its columns sections.
const MIN_SECTION_COLUMNS: usize = 3;
/// Fewest priorities a header row must name to make its columns priorities.
const MIN_PRIORITY_COLUMNS: usize = 2;

/// The table regions of one document.
#[derive(Debug, Default)]
pub struct Grids {
    /// Tables whose columns are sections: table → its header row.
    section_tables: HashMap<usize, SectionTable>,
    /// (table, column) → the priority a header cell names.
    priority_columns: HashMap<(usize, usize), usize>,
    /// Tables whose header row names priorities: table → header row.
    priority_headers: HashMap<usize, usize>,
}

#[derive(Debug, Default)]
struct SectionTable {
    header_row: usize,
    /// column → (header block, sections the header names).
    columns: HashMap<usize, (usize, Vec<usize>)>,
    /// row → its priority (a marker in a label cell, else the row's order).
    row_priority: HashMap<usize, usize>,
    /// Whether a column holds section 1 itself; if not, label cells of data rows state the priorities.
    has_priorities_column: bool,
}

/// One table row: its (table, row) key and its (column, block) cells.
type Row = ((usize, usize), Vec<(usize, usize)>);

/// Where a block of a section table goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A header cell naming these sections: it names the region, it is not an answer.
    Header(Vec<usize>),
    /// A cell under a section's header: its sections, the row's priority, the header block.
    Cell { sections: Vec<usize>, priority: Option<usize>, header: usize },
    /// A label cell of a data row ("Priority 1: Early literacy") in a table
    /// with no section-1 column: it states that row's priority.
    RowLabel { priority: Option<usize> },
    /// Above the header row (a title row), or a cell with no header: read as usual.
    Outside,
}

impl Grids {
    pub fn find(doc: &Document, headings: &Headings) -> Grids {
        let mut rows: Vec<Row> = Vec::new();
        let mut row_index: HashMap<(usize, usize), usize> = HashMap::new();
        for (i, block) in doc.blocks.iter().enumerate() {
            let Some(g) = block.grid.filter(|g| g.depth == 0) else { continue };
            let key = (g.table, g.row);
            let at = *row_index.entry(key).or_insert_with(|| {
                rows.push((key, Vec::new()));
                rows.len() - 1
            });
            rows[at].1.push((g.col, i));
        }
        let mut grids = Grids::default();
        for ((table, row), cells) in &rows {
            if grids.section_tables.contains_key(table) || grids.priority_headers.contains_key(table) {
                continue;
            }
            if let Some(columns) = section_header(doc, headings, cells) {
                let has_priorities_column = columns.values().any(|(_, s)| s.contains(&headings.priorities_index()));
                let table_rows = rows.iter().filter(|((t, r), _)| t == table && r > row);
                let row_priority = row_priorities(doc, headings, table_rows, &columns);
                let section_table = SectionTable { header_row: *row, columns, row_priority, has_priorities_column };
                grids.section_tables.insert(*table, section_table);
            } else if let Some(priorities) = priority_header(doc, headings, cells) {
                grids.priority_headers.insert(*table, *row);
                grids.priority_columns.extend(priorities.into_iter().map(|(col, n)| ((*table, col), n)));
            }
        }
        grids
    }

    /// Where a block of a section table belongs; `Outside` for any other block.
    pub fn route(&self, block: &Block) -> Route {
        let Some(g) = block.grid.filter(|g| g.depth == 0) else { return Route::Outside };
        let Some(table) = self.section_tables.get(&g.table) else { return Route::Outside };
        if g.row < table.header_row {
            return Route::Outside;
        }
        if g.row == table.header_row {
            return match table.columns.get(&g.col) {
                Some((_, sections)) => Route::Header(sections.clone()),
                None => Route::Outside,
            };
        }
        let priority = table.row_priority.get(&g.row).copied();
        match table.columns.get(&g.col) {
            Some((header, sections)) => Route::Cell { sections: sections.clone(), priority, header: *header },
            None if !table.has_priorities_column => Route::RowLabel { priority },
            None => Route::Outside,
        }
    }

    /// The priority a column answers for, in a table whose header names priorities.
    pub fn column_priority(&self, block: &Block) -> Option<usize> {
        let g = block.grid.filter(|g| g.depth == 0)?;
        let header = *self.priority_headers.get(&g.table)?;
        (g.row > header).then(|| self.priority_columns.get(&(g.table, g.col)).copied()).flatten()
    }

    /// A header cell naming a priority: it is counted, but it is not an answer.
    pub fn is_priority_header(&self, block: &Block) -> bool {
        block.grid.is_some_and(|g| {
            self.priority_headers.get(&g.table) == Some(&g.row) && self.priority_columns.contains_key(&(g.table, g.col))
        })
    }
}

/// A row naming at least three sections in different cells: column → (block, sections).
fn section_header(
    doc: &Document,
    headings: &Headings,
    cells: &[(usize, usize)],
) -> Option<HashMap<usize, (usize, Vec<usize>)>> {
    let mut columns = HashMap::new();
    let mut distinct: Vec<usize> = Vec::new();
    for &(col, i) in cells {
        let Some(sections) = headings.label_sections(&doc.blocks[i]) else { continue };
        for &s in &sections {
            if !distinct.contains(&s) {
                distinct.push(s);
            }
        }
        columns.entry(col).or_insert((i, sections));
    }
    if distinct.len() < MIN_SECTION_COLUMNS || columns.len() < MIN_SECTION_COLUMNS {
        return None;
    }
    fill_by_order(doc, headings, cells, &mut columns);
    Some(columns)
}

/// Header cells in the district's own words ("Resourcing & Partnerships")
/// before, between or after the columns that name sections, where the guidance's
/// order leaves exactly one section for each: those sections. Section
/// columns come in the guidance's order as headings do.
fn fill_by_order(
    doc: &Document,
    headings: &Headings,
    cells: &[(usize, usize)],
    columns: &mut HashMap<usize, (usize, Vec<usize>)>,
) {
    let named: Vec<(usize, usize)> = {
        let mut n: Vec<(usize, usize)> =
            columns.iter().filter(|(_, (_, s))| s.len() == 1).map(|(&col, (_, s))| (col, s[0])).collect();
        n.sort_unstable();
        n
    };
    let taken: Vec<usize> = columns.values().flat_map(|(_, s)| s.iter().copied()).collect();
    let in_order = named.windows(2).all(|w| w[0].1 < w[1].1);
    if !in_order {
        return;
    }
    for &(col, i) in cells {
        let text = doc.blocks[i].text.trim();
        if columns.contains_key(&col)
            || text.is_empty()
            || text.split_whitespace().nth(headings.max_heading_words()).is_some()
        {
            continue;
        }
        let before = named.iter().rev().find(|&&(c, _)| c < col);
        let after = named.iter().find(|&&(c, _)| c > col);
        let section = match (before, after) {
            // Between two named columns whose gap in sections matches the gap in columns.
            (Some(&(cb, sb)), Some(&(ca, sa))) if sa - sb == ca - cb => Some(sb + (col - cb)),
            // After the last named column, in the columns that follow it without a gap.
            (Some(&(cb, sb)), None) => Some(sb + (col - cb)).filter(|&s| s < headings.section_count()),
            // Before the first, as far back as the guidance has sections.
            (None, Some(&(ca, sa))) => sa.checked_sub(ca - col),
            _ => None,
        };
        if let Some(s) = section.filter(|s| !taken.contains(s)) {
            columns.insert(col, (i, vec![s]));
        }
    }
}

/// A row whose cells past the first name priorities: column → number.
fn priority_header(doc: &Document, headings: &Headings, cells: &[(usize, usize)]) -> Option<Vec<(usize, usize)>> {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for &(col, i) in cells.iter().filter(|(col, _)| *col > 0) {
        let block = &doc.blocks[i];
        if block.text.split_whitespace().nth(headings.max_heading_words()).is_some() {
            continue;
        }
        if let Some((number, _)) = headings.priority_marker(block) {
            found.push((col, number.unwrap_or(found.len() + 1)));
        }
    }
    (found.len() >= MIN_PRIORITY_COLUMNS).then_some(found)
}

/// The priority of each data row: the number of a priority marker in one of
/// its label cells (outside the section columns, or in section 1's), else
/// its order among the filled rows when there are several.
fn row_priorities<'a>(
    doc: &Document,
    headings: &Headings,
    rows: impl Iterator<Item = &'a Row>,
    columns: &HashMap<usize, (usize, Vec<usize>)>,
) -> HashMap<usize, usize> {
    let filled: Vec<&Row> =
        rows.filter(|(_, cells)| cells.iter().any(|&(_, i)| !doc.blocks[i].text.trim().is_empty())).collect();
    let mut out = HashMap::new();
    if filled.len() < 2 {
        return out;
    }
    let label_column =
        |col: usize| columns.get(&col).is_none_or(|(_, sections)| sections.contains(&headings.priorities_index()));
    for (order, ((_, row), cells)) in filled.iter().enumerate() {
        let marked = cells
            .iter()
            .filter(|&&(col, _)| label_column(col))
            .find_map(|&(_, i)| headings.priority_marker(&doc.blocks[i]).and_then(|(n, _)| n));
        out.insert(*row, marked.unwrap_or(order + 1));
    }
    out
}
