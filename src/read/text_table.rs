//! Tables typed as text: lines of cells between `|` bars (a markdown table
//! pasted from another tool, a table typed into one spreadsheet cell or one
//! paragraph per row). Each run of such lines becomes a table of its own in
//! the document model, so mapping and checks read its header, rows and cells
//! as they read any table, whatever format the plan came in.

use crate::model::{Block, BlockKind, Document, GridPos};

/// Rows (the header included) a run of bar-separated lines needs to be read
/// as a table: one line with bars is prose ("Dist | Sch" in a sentence).
const MIN_ROWS: usize = 2;
/// Most cells a typed row may have; a longer line of bars is not a table row.
const MAX_CELLS: usize = 24;
/// Most cells rebuilt from typed tables in one document: each becomes a
/// block of its own, so a file of nothing but short lines with bars could
/// otherwise multiply its size in memory; past this, lines stay prose.
const MAX_TYPED_CELLS: usize = 50_000;

/// One line of a block, and whether it is a typed table row.
struct Line<'a> {
    block: usize,
    text: &'a str,
    cells: Option<Vec<&'a str>>,
}

/// Rebuilds `doc.blocks` with every typed table split into cell blocks.
pub fn recover(doc: &mut Document) {
    if !doc.blocks.iter().any(|b| b.text.contains('|')) {
        return;
    }
    if let Some(blocks) = rebuilt(&doc.blocks) {
        doc.blocks = blocks;
    }
}

/// `old` with its typed tables split into cells, or `None` when it has none.
fn rebuilt(old: &[Block]) -> Option<Vec<Block>> {
    let lines = lines_of(old);
    let runs = table_runs(&lines, old);
    if runs.is_empty() {
        return None;
    }
    let mut next_table = old.iter().filter_map(|b| b.grid).map(|g| g.table + 1).max().unwrap_or(0);
    let mut out = Vec::with_capacity(old.len() + lines.len());
    let mut li = 0;
    let mut runs = runs.into_iter().peekable();
    for (bi, block) in old.iter().enumerate() {
        let mut prose: Vec<&str> = Vec::new();
        while li < lines.len() && lines[li].block == bi {
            match runs.peek() {
                Some(run) if run.start == li => {
                    flush_prose(&mut out, block, &mut prose);
                    let run = runs.next().expect("peeked");
                    push_table(&mut out, old, &lines[run.start..run.end], next_table);
                    next_table += 1;
                    li = run.end;
                }
                _ => {
                    prose.push(lines[li].text);
                    li += 1;
                }
            }
        }
        if prose.len() == block_lines(block) {
            out.push(block.clone());
        } else {
            flush_prose(&mut out, block, &mut prose);
        }
    }
    Some(out)
}

/// Every line of every block, in reading order.
fn lines_of(blocks: &[Block]) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        let mut any = false;
        for text in b.text.lines() {
            any = true;
            lines.push(Line { block: bi, text, cells: typed_row(text) });
        }
        if !any {
            lines.push(Line { block: bi, text: "", cells: None });
        }
    }
    lines
}

fn block_lines(b: &Block) -> usize {
    b.text.lines().count().max(1)
}

/// A line's cells when it is a typed table row: `a | b | c` or `| a | b |`.
fn typed_row(line: &str) -> Option<Vec<&str>> {
    let t = line.trim();
    if !t.contains('|') {
        return None;
    }
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    (cells.len() >= 2 && cells.len() <= MAX_CELLS && cells.iter().any(|c| !c.is_empty())).then_some(cells)
}

/// A markdown rule under the header: `|---|:--:|`.
fn is_rule(cells: &[&str]) -> bool {
    cells.iter().all(|c| {
        let c = c.trim_matches(':');
        c.len() >= 3 && c.chars().all(|ch| ch == '-')
    })
}

/// Lines `start..end` read as one table.
struct Run {
    start: usize,
    end: usize,
}

/// Runs of typed rows with as many cells as the first. A run stays inside
/// one block, or goes over whole one-line paragraphs (a markdown table
/// pasted as one paragraph per row); it never crosses a cell of a real table.
fn table_runs(lines: &[Line<'_>], blocks: &[Block]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut cells = 0;
    let mut i = 0;
    while i < lines.len() {
        let Some(width) = lines[i].cells.as_ref().map(Vec::len) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        let mut rows = 1;
        while end < lines.len() && joins(&lines[end - 1], &lines[end], blocks) {
            match &lines[end].cells {
                Some(c) if is_rule(c) => {}
                Some(c) if c.len() == width => rows += 1,
                _ => break,
            }
            end += 1;
        }
        if rows >= MIN_ROWS {
            cells += rows * width;
            if cells > MAX_TYPED_CELLS {
                break;
            }
            runs.push(Run { start: i, end });
            i = end;
        } else {
            i += 1;
        }
    }
    runs
}

/// Whether line `b` may follow line `a` in one typed table.
fn joins(a: &Line<'_>, b: &Line<'_>, blocks: &[Block]) -> bool {
    if a.block == b.block {
        return true;
    }
    let (x, y) = (&blocks[a.block], &blocks[b.block]);
    b.block == a.block + 1
        && x.grid.is_none()
        && y.grid.is_none()
        && block_lines(x) == 1
        && block_lines(y) == 1
        && x.kind == BlockKind::Paragraph
        && y.kind == BlockKind::Paragraph
}

/// The lines of `block` not in a table, as one block like it.
fn flush_prose(out: &mut Vec<Block>, block: &Block, prose: &mut Vec<&str>) {
    if prose.iter().all(|l| l.trim().is_empty()) {
        prose.clear();
        return;
    }
    let mut b = block.clone();
    b.text = prose.join("\n");
    b.bold_prefix = b.bold_prefix.min(b.text.len());
    out.push(b);
    prose.clear();
}

/// The rows of one typed table as cell blocks of table `table`.
fn push_table(out: &mut Vec<Block>, blocks: &[Block], lines: &[Line<'_>], table: usize) {
    let mut row = 0;
    for line in lines {
        let Some(cells) = &line.cells else { continue };
        if is_rule(cells) {
            continue;
        }
        let source = &blocks[line.block];
        let depth = source.grid.map_or(0, |g| g.depth + 1);
        for (col, cell) in cells.iter().enumerate() {
            out.push(Block {
                kind: BlockKind::Paragraph,
                text: (*cell).to_string(),
                bold: row == 0,
                emphasis: row == 0,
                grid: Some(GridPos { table, row, col, depth }),
                location: source.location.clone(),
                ..Block::default()
            });
        }
        row += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn doc(texts: &[&str]) -> Document {
        let mut d = Document::new(Format::Docx);
        d.blocks = texts.iter().map(|t| Block { text: (*t).to_string(), ..Block::default() }).collect();
        d
    }

    fn cells(d: &Document) -> Vec<(usize, usize, &str)> {
        d.blocks.iter().filter_map(|b| b.grid.map(|g| (g.row, g.col, b.text.as_str()))).collect()
    }

    #[test]
    fn a_table_typed_in_one_cell_becomes_rows_and_cells() {
        let mut d = doc(&[
            "Benchmarks",
            "# | Benchmark | Lvl\n1 | Lessons observed | Dist\n2 | Teams meet weekly | Sch\nReview cadence: monthly.",
        ]);
        recover(&mut d);
        assert_eq!(d.blocks[0].text, "Benchmarks");
        assert_eq!(cells(&d)[4], (1, 1, "Lessons observed"));
        assert_eq!(cells(&d).len(), 9);
        assert_eq!(d.blocks.last().map(|b| b.text.as_str()), Some("Review cadence: monthly."));
    }

    #[test]
    fn a_markdown_table_one_paragraph_per_row_drops_its_rule() {
        let mut d = doc(&["| Benchmark | Level |", "|---|:---:|", "| Lessons observed | District |", "After."]);
        recover(&mut d);
        assert_eq!(
            cells(&d),
            vec![(0, 0, "Benchmark"), (0, 1, "Level"), (1, 0, "Lessons observed"), (1, 1, "District")]
        );
        assert_eq!(d.blocks.last().map(|b| b.text.as_str()), Some("After."));
    }

    #[test]
    fn one_line_with_a_bar_is_prose() {
        let mut d = doc(&["Owner | DILT", "We meet monthly."]);
        recover(&mut d);
        assert!(cells(&d).is_empty());
        assert_eq!(d.blocks.len(), 2);
    }

    #[test]
    fn typed_tables_stop_at_a_bounded_number_of_cells() {
        let line = "a | b\n".repeat(MAX_TYPED_CELLS);
        let mut d = doc(&["x | y\nz | w", &line]);
        recover(&mut d);
        // The first table is rebuilt; the one past the bound stays one block of prose.
        assert_eq!(cells(&d).len(), 4);
        assert_eq!(d.blocks.len(), 5);
    }

    #[test]
    fn rows_of_another_width_end_the_table() {
        let mut d = doc(&["a | b\nc | d\ne | f | g"]);
        recover(&mut d);
        assert_eq!(cells(&d).len(), 4);
        assert_eq!(d.blocks.last().map(|b| b.text.as_str()), Some("e | f | g"));
    }
}
