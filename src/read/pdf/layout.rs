//! From positioned text to blocks: lines, segments, columns, tables,
//! paragraphs and headings, recovered from the geometry of a PDF page.
//!
//! The input is what a PDF text extractor gives: runs of text with a
//! position, a font size and (when known) a weight. Nothing here parses PDF.
//!
//! 1. Runs on one baseline form a line; a wide horizontal gap splits a line
//!    into segments (a table cell, a column).
//! 2. A vertical gutter that no body segment crosses, with text on both
//!    sides and columns of similar width, makes a two-column page: lines
//!    across the gutter (titles) are read in place, and between them the
//!    left column before the right. Tinted cards side by side are read a
//!    card at a time (a row cut by the page break: the left card's rest on
//!    the next page before the right card); a tinted band down the left with
//!    a section's name at its top is read before the text beside it.
//! 3. Runs of lines with segments in two or more aligned columns (of
//!    unequal width, or ruled) form a table: rows start where the left
//!    column starts again after a wider gap; each cell's lines become
//!    paragraphs with a grid position.
//! 4. Lines join into paragraphs unless the gap above is wider than the
//!    page's usual leading, the size or weight changes, the line starts a
//!    list item, or the line above ended short of the column's right edge
//!    with a full stop.
//! 5. Sizes above the body size (the most used one) are heading levels, the
//!    largest first. Lines repeated at the top or bottom of most pages, and
//!    page numbers, are running headers and footers, kept apart.

use std::collections::HashMap;

use crate::model::{Block, CellRef, GridPos, Location};

/// A run of text as the extractor gives it. `y` is the baseline, measured
/// from the top of the page.
#[derive(Debug, Clone)]
pub struct Run {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub bold: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub runs: Vec<Run>,
    /// Vertical ruling lines (x, top, bottom), measured from the top.
    pub vrules: Vec<(f32, f32, f32)>,
    /// Horizontal ruling lines (y, left, right), measured from the top.
    pub hrules: Vec<(f32, f32, f32)>,
    /// Pictures drawn (x0, top, x1, bottom), measured from the top.
    pub images: Vec<(f32, f32, f32, f32)>,
    /// Rectangles filled with a tint (x0, top, x1, bottom), measured from the top.
    pub shades: Vec<(f32, f32, f32, f32)>,
    /// Small filled shapes, bullets drawn (x0, top, x1, bottom), measured from the top.
    pub markers: Vec<(f32, f32, f32, f32)>,
}

/// The text of the stand-in segment for a picture.
const PICTURE: &str = "\u{fffc}";
/// Pictures smaller than this (points, each side) are icons or rules, not responses.
const MIN_PICTURE: f32 = 36.0;

impl Page {
    /// A vertical rule between `x0` and `x1` at the height of baseline `y`.
    fn rule_between(&self, x0: f32, x1: f32, y: f32, size: f32) -> bool {
        self.vrules.iter().any(|&(x, top, bottom)| x > x0 - 1.0 && x < x1 + 1.0 && top <= y && bottom >= y - size * 0.7)
    }

    /// A horizontal rule between baselines `y0` and `y1` that overlaps `x0..x1`.
    fn rule_across(&self, y0: f32, y1: f32, x0: f32, x1: f32, size: f32) -> bool {
        self.hrules.iter().any(|&(y, left, right)| y > y0 + 1.0 && y < y1 - size * 0.6 && left < x1 && right > x0)
    }
}

/// A stretch of a line between wide gaps.
#[derive(Debug, Clone)]
struct Seg {
    text: String,
    /// Baseline of its first run.
    y: f32,
    x0: f32,
    x1: f32,
    size: f32,
    /// Bytes of `text` set in bold from the start.
    bold_prefix: usize,
    bold: bool,
    /// Set on a tinted band across the page (see [`mark_bands`]).
    band: bool,
}

#[derive(Debug, Clone)]
struct Line {
    y: f32,
    segs: Vec<Seg>,
}

/// A line (or one segment of it) placed in reading order.
#[derive(Debug, Clone)]
struct Placed {
    seg: Seg,
    y: f32,
    /// (table, row, column) when in a table, page-local table number.
    cell: Option<(usize, usize, usize)>,
    /// The right edge of its column, for "ended short" tests.
    right: f32,
    /// How far down its page it sits (0 top, 1 bottom).
    depth: f32,
    /// In a row of cards that goes on from the page before.
    from_before: bool,
    /// In a row of cards that goes on to the next page.
    goes_on: bool,
    /// Which card of its row (0 for text outside cards).
    card: usize,
}

/// What the whole document tells about one page's lines.
pub struct Laid {
    pub blocks: Vec<Block>,
    pub headers: Vec<String>,
}

/// Lays out every page and returns the blocks in reading order.
pub fn lay_out(pages: &[Page]) -> Laid {
    let lines: Vec<Vec<Line>> =
        pages.iter().map(|p| mark_bands(p, with_bullets(p, with_pictures(p, lines_of(p))))).collect();
    let body_size = body_size(&lines);
    let levels = heading_sizes(&lines, body_size);
    let running = running_lines(pages, &lines);
    let mut blocks = Vec::new();
    let mut headers: Vec<String> = Vec::new();
    let mut tables = Tables::default();
    // The paragraph still open at the end of a page: it may go on at the top of the next.
    let mut open: Option<Open> = None;
    let mut last_table: Option<TableEnd> = None;
    let mut laid: Vec<Vec<Placed>> = Vec::with_capacity(pages.len());
    // Where the cards of a row cut by the page break start, for the next page.
    let mut cards_on: Option<Vec<f32>> = None;
    for (page, page_lines) in pages.iter().zip(&lines) {
        let mut kept = Vec::new();
        for line in page_lines {
            let text = line_text(line);
            if is_running(page, line, &text, &running) {
                if text != PICTURE && !headers.contains(&text) {
                    headers.push(text);
                }
            } else {
                kept.push(line.clone());
            }
        }
        // A table the page before ended with may go on at the top of this page.
        let carry = last_table.as_ref().map(|t| t.starts.clone());
        tables.carried_on_top = last_table.as_ref().is_none_or(|t| t.on_top);
        let rows = card_rows(page);
        let cut = cut_card_row(page, &kept, rows.last());
        let mut placed = order(
            page,
            &kept,
            &mut tables,
            carry.as_deref(),
            with_cards_going_on(page, &kept, rows, cards_on.as_deref()),
        );
        continue_table(page, &mut placed, &mut last_table, &tables);
        cards_on = cut;
        laid.push(placed);
    }
    // A row of cards cut by the page break: each card goes on at the top of
    // the next page, so each card's part on the first page is read just
    // before its own part on the next, card after card.
    let mut held: Vec<(usize, usize, std::ops::Range<usize>)> = Vec::new();
    for (p, placed) in laid.iter().enumerate() {
        let mut start = 0;
        if !held.is_empty() {
            start = placed.iter().take_while(|x| x.from_before).count();
            let goes_on = card_ranges(placed, 0..start);
            let cards = held.iter().map(|h| h.1).chain(goes_on.iter().map(|g| g.0)).max().unwrap_or(0);
            for card in 0..=cards {
                for (q, _, range) in held.iter().filter(|h| h.1 == card) {
                    paragraphs(&laid[*q], range.clone(), q + 1, body_size, &levels, &mut blocks, &mut open);
                }
                for (_, range) in goes_on.iter().filter(|g| g.0 == card) {
                    paragraphs(placed, range.clone(), p + 1, body_size, &levels, &mut blocks, &mut open);
                }
            }
            held.clear();
        }
        let end = placed.len() - placed[start..].iter().rev().take_while(|x| x.goes_on).count();
        paragraphs(placed, start..end, p + 1, body_size, &levels, &mut blocks, &mut open);
        held.extend(card_ranges(placed, end..placed.len()).into_iter().map(|(card, range)| (p, card, range)));
    }
    for (q, _, range) in held {
        paragraphs(&laid[q], range, q + 1, body_size, &levels, &mut blocks, &mut open);
    }
    if let Some((block, _, _)) = open {
        blocks.push(block);
    }
    outline_items(&mut blocks);
    if pages.iter().all(is_slide) {
        slide_titles(&mut blocks);
    }
    Laid { blocks, headers }
}

/// Page shapes of slides (16:9, 16:10, 4:3), width over height; a landscape
/// Letter (1.29) or A4 (1.41) page is none of them.
const SLIDE_ASPECTS: [f32; 3] = [16.0 / 9.0, 16.0 / 10.0, 4.0 / 3.0];

/// A page shaped like a slide: a deck exported as PDF.
fn is_slide(page: &Page) -> bool {
    page.height > 0.0 && SLIDE_ASPECTS.iter().any(|a| (page.width / page.height - a).abs() < 0.015)
}

/// On slides, a page's largest heading (the first of them) is the slide's
/// title, whatever size the deck shrank it to to fit: it heads at level 1,
/// the page's other headings below it.
fn slide_titles(blocks: &mut [Block]) {
    let mut start = 0;
    while start < blocks.len() {
        let page = blocks[start].location.page;
        let end = start + blocks[start..].iter().take_while(|b| b.location.page == page).count();
        let title = (start..end).filter_map(|i| blocks[i].heading_level.map(|l| (l, i))).min().map(|(_, i)| i);
        for (i, block) in blocks.iter_mut().enumerate().take(end).skip(start) {
            if let Some(level) = block.heading_level {
                block.heading_level = Some(if Some(i) == title { 1 } else { level.max(2) });
            }
        }
        start = end;
    }
}

/// "6.2" at the start of a paragraph: the outline number (section, item).
fn outline_number(text: &str) -> Option<(u32, u32)> {
    let (label, rest) = text.split_once(' ')?;
    let (a, b) = label.trim_end_matches('.').split_once('.')?;
    let ok = |s: &str| (1..=2).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit());
    (ok(a) && ok(b) && rest.starts_with(|c: char| c.is_alphabetic()))
        .then(|| (a.parse().ok(), b.parse().ok()))
        .and_then(|(a, b)| Some((a?, b?)))
}

/// An outline's sub-items typed with their numbers ("6.1 ...", "6.2 ...", as
/// a numbered outline prints): paragraphs in a row numbered n.1, n.2, ...
/// are list items, as the word processor's list was.
fn outline_items(blocks: &mut [Block]) {
    let mut i = 0;
    while i < blocks.len() {
        let Some((section, first)) = outline_number(&blocks[i].text) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        let mut last = first;
        while let Some(b) = blocks.get(end) {
            match outline_number(&b.text) {
                Some((s, n)) if s == section && n == last + 1 && b.grid == blocks[i].grid => {
                    last = n;
                    end += 1;
                }
                _ => break,
            }
        }
        if end - i >= 2 {
            for b in &mut blocks[i..end] {
                if b.list_label.is_none() && b.heading_level.is_none() {
                    b.list_label = Some("•".to_string());
                    b.list_level = Some(0);
                }
            }
        }
        i = end;
    }
}

/// The table a page ended with: its number, its header row's texts, its last row
/// and where its columns start.
struct TableEnd {
    number: usize,
    header: Vec<String>,
    last_row: usize,
    starts: Vec<f32>,
    on_top: bool,
    /// Whether its last row has text in its first column (a row cut before its label
    /// is not: its cells were centred, the label's lines fell on the next page).
    labelled: bool,
    /// For a ruled table: whether a rule closes its last row (`None`: no rules down its columns).
    /// Only a missing rule tells: some writers close a row cut by the page break too.
    closed: Option<bool>,
}

/// The tables laid out so far: the column starts of table `n` at `n - 1`,
/// and whether its row labels sit at the top of their rows (not centred).
#[derive(Default)]
struct Tables {
    starts: Vec<Vec<f32>>,
    on_top: Vec<bool>,
    /// `on_top` of the table the page before ended with, for one that goes on.
    carried_on_top: bool,
}

/// A table that starts a page and goes on from the table that ended the page
/// before is the same table: its repeated header row is dropped and its rows
/// follow the earlier ones (a first row with an empty first column finishes
/// the row that was cut by the page break).
fn continue_table(page: &Page, placed: &mut Vec<Placed>, last: &mut Option<TableEnd>, tables: &Tables) {
    if let Some(prev) = last.take()
        && let Some(first) = placed.first()
        && let Some((number, _, _)) = first.cell
    {
        let row0: Vec<String> = placed
            .iter()
            .filter(|p| p.cell.is_some_and(|(t, r, _)| t == number && r == 0))
            .map(|p| p.seg.text.clone())
            .collect();
        let repeated = !row0.is_empty() && row0 == prev.header;
        if repeated {
            placed.retain(|p| !p.cell.is_some_and(|(t, r, _)| t == number && r == 0));
        }
        let skip = usize::from(repeated);
        // A row cut by the page break: a ruled table's last row with no rule
        // below it (some writers close a cut row with a rule all the same),
        // or its first column is empty, or goes on mid-sentence (the other
        // columns often start in lower case: "the principal", "monthly").
        let first_row: Vec<&Placed> =
            placed.iter().filter(|p| p.cell.is_some_and(|(t, r, _)| t == number && r == skip)).collect();
        let label = first_row.iter().find(|p| p.cell.is_some_and(|(_, _, c)| c == 0));
        let mid_sentence = label.is_some_and(|p| p.seg.text.chars().next().is_some_and(char::is_lowercase));
        let split = prev.closed == Some(false) || !prev.labelled || mid_sentence || label.is_none();
        let offset = if split { prev.last_row } else { prev.last_row + 1 };
        for p in placed.iter_mut() {
            if let Some((t, r, c)) = p.cell
                && t == number
            {
                p.cell = Some((prev.number, offset + r - skip, c));
            }
        }
        let header = prev.header;
        *last = end_table(page, placed, Some(header), tables);
        return;
    }
    *last = end_table(page, placed, None, tables);
}

/// The table the page ends with, if its last line is in one.
fn end_table(page: &Page, placed: &[Placed], header: Option<Vec<String>>, tables: &Tables) -> Option<TableEnd> {
    let (number, _, _) = placed.last()?.cell?;
    let last_row = placed.iter().filter_map(|p| p.cell).filter(|&(t, _, _)| t == number).map(|(_, r, _)| r).max()?;
    let header = header.unwrap_or_else(|| {
        placed
            .iter()
            .filter(|p| p.cell.is_some_and(|(t, r, _)| t == number && r == 0))
            .map(|p| p.seg.text.clone())
            .collect()
    });
    let starts = tables.starts.get(number.checked_sub(1)?)?.clone();
    let on_top = tables.on_top.get(number - 1).copied().unwrap_or(true);
    let closed = closed_below(page, placed, number);
    let labelled = placed.iter().any(|p| p.cell == Some((number, last_row, 0)));
    Some(TableEnd { number, header, last_row, starts, on_top, labelled, closed })
}

/// Whether a rule closes the last row of table `number` on this page: the
/// rules down its columns beside its last line end at a rule across it.
/// `None` when no rule runs down beside its last line (an unruled table).
fn closed_below(page: &Page, placed: &[Placed], number: usize) -> Option<bool> {
    let cells: Vec<&Placed> = placed.iter().filter(|p| p.cell.is_some_and(|(t, _, _)| t == number)).collect();
    let last_y = cells.iter().map(|p| p.y).fold(f32::MIN, f32::max);
    let left = cells.iter().map(|p| p.seg.x0).fold(f32::MAX, f32::min);
    let right = cells.iter().map(|p| p.seg.x1).fold(f32::MIN, f32::max);
    let down = joined_vrules(page)
        .into_iter()
        .filter(|&(x, top, bottom)| x > left - 12.0 && x < right + 12.0 && top <= last_y && bottom >= last_y)
        .map(|(_, _, bottom)| bottom)
        .fold(f32::MIN, f32::max);
    (down > f32::MIN).then(|| {
        joined_hrules(page).iter().any(|&(y, l, r)| (y - down).abs() < 3.0 && y > last_y && l < right && r > left)
    })
}

fn line_text(line: &Line) -> String {
    line.segs.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// Groups a page's runs into lines and segments.
fn lines_of(page: &Page) -> Vec<Line> {
    let mut runs: Vec<&Run> = page.runs.iter().filter(|r| !r.text.trim().is_empty() && r.size > 0.0).collect();
    runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<Vec<&Run>> = Vec::new();
    for run in runs {
        match groups.last_mut() {
            Some(g) if (run.y - g[0].y).abs() <= 0.45 * run.size.min(g[0].size) => g.push(run),
            _ => groups.push(vec![run]),
        }
    }
    for g in &mut groups {
        g.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    let lines = segments(page, &groups, &[]);
    // A table whose columns sit close together: a word that starts where a
    // column starts on other lines, after a wide space, starts a segment.
    let stops = column_stops(&lines, &groups);
    let mut lines = if stops.is_empty() { lines } else { segments(page, &groups, &stops) };
    for seg in lines.iter_mut().filter_map(|l| l.segs.first_mut()) {
        space_after_number(&mut seg.text);
    }
    contents_lines(lines)
}

/// A list number set flush against its item's first word ("17.Community:",
/// as LibreOffice prints a numbered list whose tab after the number came to
/// nothing) is a typed number all the same: a space goes after it. Only one
/// to three digits and a full stop or parenthesis before a capital letter:
/// "3.5 hours" and "U.S." stay as they are.
fn space_after_number(text: &mut String) {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let bytes = text.as_bytes();
    if (1..=3).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && bytes.get(digits + 1).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(digits + 2).is_some_and(u8::is_ascii_lowercase)
    {
        text.insert(digits + 1, ' ');
    }
}

/// 1 to 3 digits: a page number in a table of contents.
fn is_page_number(text: &str) -> bool {
    let text = text.trim();
    (1..=3).contains(&text.len()) && text.chars().all(|c| c.is_ascii_digit())
}

/// A typed table of contents: titles, each with its page number at a tab
/// stop further right. Where a page has three or more lines of a title and
/// a page number apart, each is one line with a tab before the number (as
/// the document has it), not a two-column table.
fn contents_lines(mut lines: Vec<Line>) -> Vec<Line> {
    let entry = |line: &Line| {
        let n = line.segs.len();
        n >= 2
            && is_page_number(&line.segs[n - 1].text)
            && line.segs[n - 2].text.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ')')
            && !is_page_number(&line.segs[n - 2].text)
    };
    let tabbed = |line: &Line| line.segs.len() == 1 && line.segs[0].text.contains('\t');
    let mut entries: Vec<bool> = lines.iter().map(|l| entry(l) || tabbed(l)).collect();
    if entries.iter().filter(|&&e| e).count() < 3 {
        return lines;
    }
    for (i, line) in lines.iter_mut().enumerate() {
        if entry(line) {
            let Some(number) = line.segs.pop() else { continue };
            if let Some(title) = line.segs.last_mut() {
                title.text.push('\t');
                title.text.push_str(&number.text);
                title.x1 = number.x1;
                title.bold &= number.bold;
            }
        } else if !entries[i]
            && i > 0
            && entries[i - 1]
            && entries[i + 1..].iter().take(2).any(|&e| e)
            && let [seg] = line.segs.as_mut_slice()
        {
            // Between entries, a number set close after its title (the tab
            // stop was near) is its page number too.
            let title = seg.text.trim_end_matches(|c: char| c.is_ascii_digit());
            let digits = seg.text.len() - title.len();
            let title = title.trim_end();
            if (1..=3).contains(&digits) && title.chars().last().is_some_and(|c| c.is_alphabetic() || c == ')') {
                seg.text = format!("{title}\t{}", &seg.text[seg.text.len() - digits..]);
                entries[i] = true;
            }
        }
    }
    lines
}

/// The x where a segment starts on three or more lines (a margin, an indent,
/// a column), or a run after a space wider than a word space: the columns of
/// a table set close together ("School  October" under "Level  By") are
/// apart by little more than a word space, so their cells join into one
/// segment on every line.
fn column_stops(lines: &[Line], groups: &[Vec<&Run>]) -> Vec<f32> {
    let after_space =
        groups.iter().flat_map(|g| g.windows(2).filter(|w| w[1].x0 - w[0].x1 > 0.8 * w[1].size).map(|w| w[1].x0));
    stops_of(lines.iter().flat_map(|l| &l.segs).map(|s| s.x0).chain(after_space).collect())
}

/// The xs that three or more starts share (within 1.5 points).
fn stops_of(mut xs: Vec<f32>) -> Vec<f32> {
    xs.sort_by(f32::total_cmp);
    let mut stops = Vec::new();
    let mut i = 0;
    while i < xs.len() {
        let j = i + xs[i..].partition_point(|&x| x - xs[i] < 1.5);
        if j - i >= 3 {
            stops.push(xs[i]);
        }
        i = j;
    }
    stops
}

/// Joins each line's runs into segments, split at wide gaps, rules and column `stops`.
fn segments(page: &Page, groups: &[Vec<&Run>], stops: &[f32]) -> Vec<Line> {
    groups
        .iter()
        .map(|g| {
            let y = g[0].y;
            let mut segs: Vec<Seg> = Vec::new();
            for &run in g {
                let gap_limit = (1.2 * run.size).max(9.0);
                let text = run.text.replace(['\u{a0}', '\t'], " ");
                let at_stop = |s: &Seg| {
                    run.x0 - s.x1 > 0.8 * run.size
                        && !is_label(&s.text)
                        && stops.iter().any(|&x| (run.x0 - x).abs() < 1.5 && x - s.x0 > 4.0)
                };
                match segs.last_mut() {
                    // A list label ("•", "3.") is followed by a tab, however wide.
                    Some(s)
                        if (run.x0 - s.x1 <= gap_limit || (is_label(&s.text) && run.x0 - s.x1 <= 6.0 * run.size))
                            && !page.rule_between(s.x1, run.x0, y, run.size)
                            && !at_stop(s) =>
                    {
                        let gap = run.x0 - s.x1;
                        if gap > 0.12 * run.size && !s.text.ends_with(' ') && !text.starts_with(' ') {
                            // A page number after a tab ends a contents line, as in the document.
                            let last = std::ptr::eq(run, *g.last().unwrap_or(&run));
                            s.text.push(if last && gap > 0.5 * run.size && is_page_number(&text) { '\t' } else { ' ' });
                        }
                        let all_bold_so_far = s.bold_prefix == s.text.trim_end().len();
                        s.text.push_str(&text);
                        if all_bold_so_far && run.bold {
                            s.bold_prefix = s.text.len();
                        }
                        s.bold &= run.bold;
                        s.x1 = s.x1.max(run.x1);
                        s.size = s.size.max(run.size);
                    }
                    _ => segs.push(Seg {
                        band: false,
                        y: run.y,
                        bold_prefix: if run.bold { text.len() } else { 0 },
                        text,
                        x0: run.x0,
                        x1: run.x1,
                        size: run.size,
                        bold: run.bold,
                    }),
                }
            }
            for s in &mut segs {
                let trimmed = s.text.trim().to_string();
                let lead = s.text.len() - s.text.trim_start().len();
                s.bold_prefix = s.bold_prefix.saturating_sub(lead).min(trimmed.len());
                s.text = trimmed;
            }
            Line { y, segs }
        })
        .filter(|l| !l.segs.is_empty())
        .collect()
}

/// Adds a one-segment line for each picture (at its bottom edge), in place.
fn with_pictures(page: &Page, mut lines: Vec<Line>) -> Vec<Line> {
    for &(x0, top, x1, bottom) in &page.images {
        if x1 - x0 < MIN_PICTURE || bottom - top < MIN_PICTURE {
            continue;
        }
        let seg =
            Seg { text: PICTURE.to_string(), y: bottom, x0, x1, size: 0.0, bold_prefix: 0, bold: false, band: false };
        let at = lines.partition_point(|l| l.y <= bottom);
        lines.insert(at, Line { y: bottom, segs: vec![seg] });
    }
    lines
}

/// A list bullet drawn as a shape (a browser draws a list's discs and
/// squares; only the items' text is in the text layer): a line whose first
/// segment starts a little right of a small filled shape set at the height
/// of its letters gets the bullet typed before its text, as a word
/// processor's export has it, so the item is read as a list item.
fn with_bullets(page: &Page, mut lines: Vec<Line>) -> Vec<Line> {
    for &(x0, top, x1, bottom) in &page.markers {
        let middle = (top + bottom) / 2.0;
        let line = lines.iter_mut().find(|l| {
            l.segs.first().is_some_and(|s| {
                middle < l.y && middle > l.y - s.size * 0.8 && s.x0 - x1 > 0.0 && s.x0 - x1 < s.size * 2.5
            })
        });
        if let Some(seg) = line.and_then(|l| l.segs.first_mut())
            && bullet(&seg.text).is_none()
            && x1 - x0 < seg.size
        {
            seg.text.insert_str(0, "• ");
            seg.bold_prefix += if seg.bold_prefix > 0 { "• ".len() } else { 0 };
        }
    }
    lines
}

/// A line of text set alone on a tinted band across the page (a shaded
/// title row, as web exports set a section's name above its response) is
/// marked: it is a heading however large its type.
fn mark_bands(page: &Page, mut lines: Vec<Line>) -> Vec<Line> {
    let width = if page.width > 0.0 { page.width } else { 612.0 };
    for line in &mut lines {
        let size = line.segs.iter().map(|s| s.size).fold(0.0f32, f32::max);
        let (x0, x1) = line.segs.iter().fold((f32::MAX, f32::MIN), |(a, b), s| (a.min(s.x0), b.max(s.x1)));
        let on_band = page.shades.iter().any(|&(left, top, right, bottom)| {
            right - left >= width * 0.4
                && bottom - top <= size * 3.0
                && left <= x0 + 1.0
                && right >= x1 - 1.0
                && top <= line.y - size * 0.5
                && bottom >= line.y
        });
        if on_band && size > 0.0 {
            for seg in &mut line.segs {
                seg.band = true;
            }
        }
    }
    lines
}

/// The most used font size, by characters (rounded to half points).
fn body_size(lines: &[Vec<Line>]) -> f32 {
    let mut by_size: HashMap<i32, usize> = HashMap::new();
    for seg in lines.iter().flatten().flat_map(|l| &l.segs).filter(|s| s.text != PICTURE) {
        *by_size.entry((seg.size * 2.0).round() as i32).or_default() += seg.text.chars().count();
    }
    by_size.into_iter().max_by_key(|&(size, n)| (n, -size)).map_or(11.0, |(s, _)| s as f32 / 2.0)
}

/// Sizes clearly above the body size, largest first: heading levels 1, 2, ...
fn heading_sizes(lines: &[Vec<Line>], body: f32) -> Vec<f32> {
    let mut sizes: Vec<f32> = Vec::new();
    for seg in lines.iter().flatten().flat_map(|l| &l.segs) {
        let s = (seg.size * 2.0).round() / 2.0;
        if s >= body + 1.0 && !sizes.iter().any(|&t| (t - s).abs() < 0.25) {
            sizes.push(s);
        }
    }
    sizes.sort_by(|a, b| b.total_cmp(a));
    sizes.truncate(6);
    sizes
}

fn level_of(levels: &[f32], size: f32) -> Option<u8> {
    let s = (size * 2.0).round() / 2.0;
    levels.iter().position(|&t| (t - s).abs() < 0.25).map(|i| i as u8 + 1)
}

/// A line's text with its digits blanked, for spotting running headers.
fn shape_of(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_digit() { '#' } else { c.to_ascii_lowercase() }).collect()
}

/// Texts (digits blanked) that sit in the top or bottom band of at least
/// half the pages (and two or more).
fn running_lines(pages: &[Page], lines: &[Vec<Line>]) -> Vec<String> {
    if pages.len() < 2 {
        return Vec::new();
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (page, page_lines) in pages.iter().zip(lines) {
        let mut on_page: Vec<String> =
            page_lines.iter().filter(|l| in_margin_band(page, l)).map(|l| shape_of(&line_text(l))).collect();
        on_page.sort();
        on_page.dedup();
        for s in on_page {
            *seen.entry(s).or_default() += 1;
        }
    }
    let need = pages.len().div_ceil(2).max(2);
    seen.into_iter().filter(|(_, n)| *n >= need).map(|(s, _)| s).collect()
}

fn in_margin_band(page: &Page, line: &Line) -> bool {
    let h = if page.height > 0.0 { page.height } else { 792.0 };
    line.y < h * 0.09 || line.y > h * 0.91
}

fn is_running(page: &Page, line: &Line, text: &str, running: &[String]) -> bool {
    if !in_margin_band(page, line) {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    let page_number = lower.trim_matches(|c: char| c == '-' || c.is_whitespace()).chars().all(|c| c.is_ascii_digit())
        || (lower.starts_with("page ") && lower.split_whitespace().nth(1).is_some_and(|w| w.parse::<u32>().is_ok()));
    page_number || running.contains(&shape_of(text))
}

/// Puts a page's lines in reading order: columns, tables, the rest.
/// `carry`: the column starts of the table the page before ended with;
/// `rows`: the page's rows of cards (see [`with_cards_going_on`]).
fn order(page: &Page, lines: &[Line], tables: &mut Tables, carry: Option<&[f32]>, rows: Vec<CardRow>) -> Vec<Placed> {
    let width = if page.width > 0.0 { page.width } else { 612.0 };
    let right_edge = lines.iter().flat_map(|l| &l.segs).map(|s| s.x1).fold(0.0f32, f32::max);
    // A table cut by the page break goes on here: its columns are not a two-column page.
    let carried = carry.filter(|starts| continues(page, lines, starts));
    if carried.is_none() && !rows.is_empty() {
        return cards(page, lines, &rows, right_edge, tables);
    }
    let bands = side_bands(page, lines, width);
    if carried.is_none() && !bands.is_empty() {
        return banded(page, lines, &bands, right_edge, tables);
    }
    if carried.is_none()
        && let Some(gutter) = gutter(page, lines, width)
    {
        return columns(page, lines, gutter, right_edge, tables);
    }
    if let Some(placed) = centred_label_table(page, lines, right_edge, tables) {
        return placed;
    }
    let lines = labels_together(lines);
    flow(page, &lines, right_edge, tables, carried)
}

/// Most words in a label of [`centred_label_table`]: a section's name, not a cell of text.
const MAX_CENTRED_LABEL_WORDS: usize = 8;

/// A two-column table without rules whose labels are centred in their tall
/// rows (as `pandoc` styles an HTML table: "Component | Response", each
/// section's name set half-way down its answer): most lines hold only the
/// answer, and a label sits alone or beside an answer line in the middle of
/// a paragraph. Each label's row is the stretch of answer lines it is centred
/// on, starting at a paragraph's first line; rows run from one row's start to
/// the next. Only when a label stands mid-paragraph (labels set at the top of
/// their rows are read as a table by [`flow`]). The table's lines as cells,
/// with the lines above and below it read as usual.
fn centred_label_table(page: &Page, lines: &[Line], right_edge: f32, tables: &mut Tables) -> Option<Vec<Placed>> {
    // The answers' column: where most lone lines start.
    let singles: Vec<f32> = lines.iter().filter(|l| l.segs.len() == 1).map(|l| l.segs[0].x0).collect();
    let (right, count) = singles
        .iter()
        .map(|&x| (x, singles.iter().filter(|&&y| (y - x).abs() < 1.5).count()))
        .max_by_key(|&(_, n)| n)?;
    if count < 8 {
        return None;
    }
    let is_answer = |s: &Seg| (s.x0 - right).abs() < 2.0;
    let is_label = |s: &Seg| s.x1 < right - 4.0 && s.x0 < right - 40.0;
    // (label, answer) of each line in the table's stretch.
    let kind = |l: &Line| match l.segs.as_slice() {
        [a] if is_answer(a) => Some((None, Some(0))),
        [a] if is_label(a) => Some((Some(0), None)),
        [a, b] if is_label(a) && is_answer(b) => Some((Some(0), Some(1))),
        _ => None,
    };
    // The longest stretch of such lines.
    let (mut best, mut i) = ((0, 0), 0);
    while i < lines.len() {
        let end = i + lines[i..].iter().take_while(|l| kind(l).is_some()).count();
        if end - i > best.1 - best.0 {
            best = (i, end);
        }
        i = end.max(i + 1);
    }
    let stretch = &lines[best.0..best.1];
    let answers: Vec<(f32, &Seg)> =
        stretch.iter().filter_map(|l| kind(l)?.1.map(|k| (l.segs[k].y, &l.segs[k]))).collect();
    let mut labels: Vec<(f32, Seg)> = Vec::new();
    // The baseline of each label's first line.
    let mut firsts: Vec<f32> = Vec::new();
    for line in stretch {
        if let Some((Some(k), _)) = kind(line) {
            let seg = &line.segs[k];
            match labels.last_mut() {
                // A label wrapped over lines is one label, centred on its middle line.
                Some((y, label)) if seg.y - label.y <= seg.size * 1.8 && (seg.x0 - label.x0).abs() < 2.0 => {
                    label.text.push(' ');
                    label.text.push_str(&seg.text);
                    label.x1 = label.x1.max(seg.x1);
                    label.y = seg.y;
                    *y = (*y + seg.y) / 2.0;
                }
                _ => {
                    labels.push((seg.y, seg.clone()));
                    firsts.push(seg.y);
                }
            }
        }
    }
    // Two columns of short labels and long answers (a page of three or more
    // columns is another kind of table).
    let short = labels.iter().all(|(_, s)| s.text.split_whitespace().count() <= MAX_CENTRED_LABEL_WORDS);
    if answers.len() < 6 || labels.is_empty() || labels.len() * 3 > answers.len() || !short {
        return None;
    }
    if lines.iter().any(|l| l.segs.len() >= 3) {
        return None;
    }
    // Rules between the rows tell where they start: the table is read as one by
    // [`flow`]. (A rule under the header row, above the second answer line, is not one.)
    let (top, bottom) = (answers[1].0, stretch[stretch.len() - 1].y);
    let label_x = labels.iter().map(|(_, s)| s.x0).fold(f32::MAX, f32::min);
    if joined_hrules(page).iter().any(|&(y, l, r)| y > top && y < bottom && l < label_x + 4.0 && r > right + 4.0) {
        return None;
    }
    let mut gaps: Vec<f32> = answers.windows(2).map(|w| w[1].0 - w[0].0).filter(|&g| g > 0.0).collect();
    gaps.sort_by(f32::total_cmp);
    let lead = *gaps.get(gaps.len() / 3)?;
    // Paragraph starts and ends among the answer lines.
    // (A bold header row ends where the regular type starts.)
    let header_ends = |k: usize| answers[k].1.bold && !answers[k + 1].1.bold;
    let starts: Vec<usize> = (0..answers.len())
        .filter(|&k| k == 0 || answers[k].0 - answers[k - 1].0 > lead * 1.12 || header_ends(k - 1))
        .collect();
    let ends: Vec<usize> = (0..answers.len())
        .filter(|&k| k + 1 == answers.len() || answers[k + 1].0 - answers[k].0 > lead * 1.12 || header_ends(k))
        .collect();
    // Labels set at the top of their rows start on the baseline of a paragraph's
    // first line; most labels elsewhere (alone between lines, or beside a later
    // line within the grouping's tolerance) are centred.
    let on_top = firsts.iter().filter(|&&y| starts.iter().any(|&k| (answers[k].1.y - y).abs() < 0.5)).count();
    if on_top * 2 >= labels.len() {
        return None;
    }
    // Each label's row starts at the paragraph start that centres it best.
    let mut row_starts: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    let ys: Vec<f32> = answers.iter().map(|a| a.0).collect();
    let ys = ys.as_slice();
    for (n, &(y, _)) in labels.iter().enumerate() {
        let best = starts
            .iter()
            .filter(|&&s| s >= from && ys[s] <= y + lead * 0.5)
            .flat_map(|&s| ends.iter().filter(move |&&e| e >= s && ys[e] >= y - lead * 0.5).map(move |&e| (s, e)))
            .min_by(|a, b| {
                let off = |(s, e): (usize, usize)| ((ys[s] + ys[e]) / 2.0 - y).abs();
                off(*a).total_cmp(&off(*b))
            });
        let (s, e) = best?;
        // Centred: its row's first and last lines are as far above as below it.
        // (A row cut by the page break is centred on its box down to the page's
        // foot, not on its lines: where it starts cannot be told.)
        let cut = e + 1 == ys.len() && ys[e] > page.height.max(1.0) * 0.8;
        if ((ys[s] + ys[e]) / 2.0 - y).abs() > lead || cut || row_starts.last().is_some_and(|&(k, _)| k == s) {
            return None;
        }
        row_starts.push((s, n));
        from = s + 1;
    }
    let number = tables.starts.len() + 1;
    tables.starts.push(vec![labels[0].1.x0, right]);
    tables.on_top.push(false);
    let label_right = labels.iter().map(|(_, s)| s.x1).fold(0.0f32, f32::max);
    let answer_right = answers.iter().map(|(_, s)| s.x1).fold(0.0f32, f32::max);
    let place = |seg: &Seg, y: f32, cell: (usize, usize, usize), right: f32| Placed {
        seg: seg.clone(),
        y,
        cell: Some((number, cell.1, cell.2)),
        right,
        depth: y / page.height.max(1.0),
        from_before: false,
        goes_on: false,
        card: 0,
    };
    let mut out = flow(page, &lines[..best.0], right_edge, tables, None);
    // Answer lines before the first labelled row: the rest of a row cut by the page break.
    let first = row_starts[0].0;
    let offset = usize::from(first > 0);
    for (y, seg) in &answers[..first] {
        out.push(place(seg, *y, (number, 0, 1), answer_right));
    }
    let mut r = offset;
    for (k, &(s, n)) in row_starts.iter().enumerate() {
        let next = row_starts.get(k + 1).map_or(answers.len(), |&(j, _)| j);
        let (y, label) = &labels[n];
        out.push(place(label, label.y.max(*y), (number, r, 0), label_right));
        // A header row repeated at the top of a page: the answer lines after it
        // finish the row cut by the page break, a row of their own.
        let header = answers[s].1.bold && s + 1 < next && header_ends(s);
        let end = if header { s + 1 } else { next };
        for (y, seg) in &answers[s..end] {
            out.push(place(seg, *y, (number, r, 1), answer_right));
        }
        r += 1;
        if end < next {
            for (y, seg) in &answers[end..next] {
                out.push(place(seg, *y, (number, r, 1), answer_right));
            }
            r += 1;
        }
    }
    out.extend(flow(page, &lines[best.1..], right_edge, tables, None));
    Some(out)
}

/// A row of cards: where it starts and ends down the page, and where each
/// card after the first starts across it.
#[derive(Debug, Clone, PartialEq)]
struct CardRow {
    top: f32,
    bottom: f32,
    splits: Vec<f32>,
    /// Goes on from the page before (its cards have no titles here).
    carried: bool,
}

/// Narrowest card, as a share of the page's width (three cards side by side
/// with gutters are each under a third).
const MIN_CARD_WIDTH: f32 = 0.2;
/// Shortest card box; a shorter tinted box is a card's title bar.
const MIN_CARD_HEIGHT: f32 = 30.0;
/// Shortest title bar.
const MIN_TITLE_BAR: f32 = 10.0;

/// Rows of boxes set side by side ("cards" of a web page printed from a
/// flex or grid layout): two or more tinted boxes, each over a fifth of the
/// page wide, with the same top and bottom, each ending before the next
/// starts. A box several lines tall is a card; a short one is a card's
/// title bar, and its card runs down as far as the rules of its border (or
/// to the next row of cards).
fn card_rows(page: &Page) -> Vec<CardRow> {
    let width = if page.width > 0.0 { page.width } else { 612.0 };
    let mut boxes: Vec<(f32, f32, f32, f32)> = page
        .shades
        .iter()
        .filter(|b| b.2 - b.0 >= width * MIN_CARD_WIDTH && b.3 - b.1 >= MIN_TITLE_BAR)
        .copied()
        .collect();
    // Taller boxes first: a card before the title bar inside it.
    boxes.sort_by(|a, b| a.1.total_cmp(&b.1).then((b.3 - b.1).total_cmp(&(a.3 - a.1))));
    let mut rows: Vec<CardRow> = Vec::new();
    for a in &boxes {
        if rows.iter().any(|r| (r.top - a.1).abs() < 2.0) {
            continue;
        }
        let mut row: Vec<&(f32, f32, f32, f32)> =
            boxes.iter().filter(|b| (b.1 - a.1).abs() < 2.0 && (b.3 - a.3).abs() < 2.0).collect();
        row.sort_by(|x, y| x.0.total_cmp(&y.0));
        row.dedup_by(|x, y| (x.0 - y.0).abs() < 2.0);
        let side_by_side = row.windows(2).all(|w| w[0].2 <= w[1].0 + 1.0 && w[1].0 - w[0].2 < width * 0.1);
        if row.len() < 2 || !side_by_side {
            continue;
        }
        let bottom = if a.3 - a.1 >= MIN_CARD_HEIGHT { a.3 } else { bordered_bottom(page, &row).unwrap_or(f32::MAX) };
        let splits = row.windows(2).map(|w| (w[0].2 + w[1].0) / 2.0).collect();
        rows.push(CardRow { top: a.1, bottom, splits, carried: false });
    }
    rows.sort_by(|a, b| a.top.total_cmp(&b.top));
    let height = if page.height > 0.0 { page.height } else { 792.0 };
    for k in 0..rows.len() {
        let next = rows.get(k + 1).map_or(height, |r| r.top);
        rows[k].bottom = rows[k].bottom.min(next);
    }
    rows
}

/// How far down the border of a row of titled cards runs: the lowest rule
/// down a card's left edge that starts at its title bar.
fn bordered_bottom(page: &Page, bars: &[&(f32, f32, f32, f32)]) -> Option<f32> {
    page.vrules
        .iter()
        .filter(|&&(x, top, _)| bars.iter().any(|b| (x - b.0).abs() < 4.0 && top > b.1 - 6.0 && top < b.3 + 6.0))
        .map(|&(_, _, bottom)| bottom)
        .reduce(f32::max)
}

/// The rows of cards of a page, and above the first of them (or over the
/// whole page) the cards of a row the page before cut, which go on here
/// without their titles.
fn with_cards_going_on(page: &Page, lines: &[Line], mut rows: Vec<CardRow>, cards_on: Option<&[f32]>) -> Vec<CardRow> {
    let Some(splits) = cards_on else { return rows };
    let height = if page.height > 0.0 { page.height } else { 792.0 };
    let first_top = rows.first().map_or(height, |r| r.top);
    let top = lines.first().map_or(first_top, |l| l.y - 1.0);
    // A row found at the top of the page is already the cards going on.
    if rows.first().is_some_and(|r| r.top < height * 0.15) || top >= first_top {
        if let Some(r) = rows.first_mut().filter(|r| r.top < height * 0.15) {
            r.carried = true;
        }
        return rows;
    }
    rows.insert(0, CardRow { top: top - 1.0, bottom: first_top, splits: splits.to_vec(), carried: true });
    rows
}

/// Where the cards start of the row that ends a page cut by the page
/// break: the page's last row of cards (`last`), running to the page's
/// foot, with no line after it.
fn cut_card_row(page: &Page, lines: &[Line], last: Option<&CardRow>) -> Option<Vec<f32>> {
    let height = if page.height > 0.0 { page.height } else { 792.0 };
    let last = last?;
    let after = lines.iter().any(|l| l.y > last.bottom);
    (last.bottom > height * 0.85 && !after).then(|| last.splits.clone())
}

/// Reading order on a page of cards: each row of cards is read a card at a
/// time, left to right; lines outside the rows run as on a plain page.
fn cards(page: &Page, lines: &[Line], rows: &[CardRow], right_edge: f32, tables: &mut Tables) -> Vec<Placed> {
    let row_of = |line: &Line| rows.iter().position(|r| line.y > r.top && line.y <= r.bottom);
    let height = page.height.max(1.0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let row = row_of(&lines[i]);
        let end = i + lines[i..].iter().take_while(|l| row_of(l) == row).count();
        let group = &lines[i..end];
        match row {
            Some(r) => {
                let row = &rows[r];
                // A row at the very top of the page, before any other line, may go on
                // from the page before; one at the very bottom, after every other line, to the next.
                let from_before = i == 0 && (row.carried || row.top < height * 0.15);
                let goes_on = end == lines.len() && row.bottom > height * 0.85;
                let edges: Vec<f32> = std::iter::once(f32::MIN).chain(row.splits.iter().copied()).collect();
                for (card, &left) in edges.iter().enumerate() {
                    let right = row.splits.get(card).copied().unwrap_or(f32::MAX);
                    let mine = side_of(group, &|s: &Seg| s.x0 >= left && s.x0 < right);
                    // A card's lines end short against its own text's edge, not the gutter.
                    let own_edge = mine.iter().flat_map(|l| &l.segs).map(|s| s.x1).fold(0.0f32, f32::max);
                    let edge = if own_edge > 0.0 { own_edge.min(right_edge) } else { right_edge };
                    out.extend(flow(page, &mine, edge, tables, None).into_iter().map(|p| Placed {
                        from_before,
                        goes_on,
                        card,
                        ..p
                    }));
                }
            }
            None => out.extend(flow(page, &labels_together(group), right_edge, tables, None)),
        }
        i = end;
    }
    out
}

/// The runs of items of one card each among `range`: (card, items).
fn card_ranges(placed: &[Placed], range: std::ops::Range<usize>) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut out: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for i in range {
        match out.last_mut() {
            Some((card, r)) if *card == placed[i].card && r.end == i => r.end = i + 1,
            _ => out.push((placed[i].card, i..i + 1)),
        }
    }
    out
}

/// Tinted boxes down the left of the page with a section's title at their
/// top and its response beside them (a two-column CSS grid: a shaded band
/// on the left, the answer on the right, no rules): each box narrow (under
/// 35% of the page) and several lines tall, with no rule down its edge,
/// with text beside it. Each as (top, bottom, right edge).
fn side_bands(page: &Page, lines: &[Line], width: f32) -> Vec<(f32, f32, f32)> {
    let mut bands: Vec<(f32, f32, f32)> = Vec::new();
    for &(left, top, right, bottom) in &page.shades {
        let narrow = right - left >= 40.0 && right - left <= width * 0.35 && left < width * 0.3;
        if !narrow || bottom - top < 20.0 {
            continue;
        }
        let within = |y: f32| y > top && y <= bottom + 1.0;
        let beside = lines.iter().filter(|l| within(l.y)).flat_map(|l| &l.segs).any(|s| s.x0 >= right - 1.0);
        let ruled = page.vrules.iter().any(|&(x, t, b)| (x - right).abs() < 6.0 && t < bottom && b > top);
        // A box inside the text of the line beside it is a highlight, not a band.
        let crossed = lines
            .iter()
            .filter(|l| within(l.y))
            .flat_map(|l| &l.segs)
            .any(|s| s.x0 < right - 2.0 && s.x1 > right + 2.0);
        if beside && !ruled && !crossed && !bands.iter().any(|b| (b.0 - top).abs() < 2.0) {
            bands.push((top, bottom, right));
        }
    }
    bands.sort_by(|a, b| a.0.total_cmp(&b.0));
    bands
}

/// Reading order on a page of side bands: each band's own text first (its
/// first paragraph, the section's title, marked as a band so it is a
/// heading), then the text beside it; lines outside the bands run as on a
/// plain page.
fn banded(page: &Page, lines: &[Line], bands: &[(f32, f32, f32)], right_edge: f32, tables: &mut Tables) -> Vec<Placed> {
    let band_of = |line: &Line| bands.iter().position(|&(top, bottom, _)| line.y > top && line.y <= bottom + 1.0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let band = band_of(&lines[i]);
        let end = i + lines[i..].iter().take_while(|l| band_of(l) == band).count();
        let group = &lines[i..end];
        match band {
            Some(b) => {
                let split = bands[b].2;
                let mut inside = side_of(group, &|s: &Seg| s.x0 < split);
                let beside = side_of(group, &|s: &Seg| s.x0 >= split);
                // The title: the band's first lines, close together, in the first line's type,
                // set apart from the rest of the band's text (bold or larger) or alone in it.
                // A band cut by the page break goes on without one ("in schools identified ...").
                let first = inside.first().and_then(|l| l.segs.first()).cloned();
                let titled = first.as_ref().is_some_and(|first| {
                    let larger = inside.iter().flat_map(|l| &l.segs).any(|s| first.size - s.size >= 0.6);
                    (first.bold || larger || inside.len() <= 2) && !first.text.starts_with(|c: char| c.is_lowercase())
                });
                if let Some(first) = first.filter(|_| titled) {
                    let mut last_y = f32::NAN;
                    for line in &mut inside {
                        let same = line.segs.iter().all(|s| s.bold == first.bold && (s.size - first.size).abs() < 0.6);
                        if !same || (!last_y.is_nan() && line.y - last_y > first.size * 1.6) {
                            break;
                        }
                        last_y = line.y;
                        for seg in &mut line.segs {
                            seg.band = true;
                        }
                    }
                }
                out.extend(flow(page, &inside, split, tables, None));
                out.extend(flow(page, &beside, right_edge, tables, None));
            }
            None => out.extend(flow(page, &labels_together(group), right_edge, tables, None)),
        }
        i = end;
    }
    out
}

/// A table without rules whose labels are centred in their rows: a label
/// wrapped over lines ("Part III –", "Engaging", "Stakeholders") shares no
/// baseline with the response beside it, so its lines fall between the
/// response's. Where lines start at a left column and a right one (each on
/// three lines or more), and every left line ends before the right column,
/// a label's lines are put together where it starts, as one paragraph.
fn labels_together(lines: &[Line]) -> Vec<Line> {
    let single: Vec<&Seg> = lines.iter().filter(|l| l.segs.len() == 1).map(|l| &l.segs[0]).collect();
    let stops = stops_of(single.iter().map(|s| s.x0).collect());
    let (Some(&left), Some(&right)) = (stops.first(), stops.iter().find(|&&x| x - stops[0] >= 40.0)) else {
        return lines.to_vec();
    };
    let is_label = |l: &Line| l.segs.len() == 1 && (l.segs[0].x0 - left).abs() < 1.5 && l.segs[0].x1 < right - 4.0;
    let is_response = |l: &Line| l.segs.len() == 1 && l.segs[0].x0 >= right - 2.0;
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        // A stretch of label and response lines only.
        let end = i + lines[i..].iter().take_while(|l| is_label(l) || is_response(l)).count();
        if end == i {
            out.push(lines[i].clone());
            i += 1;
            continue;
        }
        let stretch = &lines[i..end];
        let labels = stretch.iter().filter(|l| is_label(l)).count();
        if labels < 2 || stretch.len() - labels < 3 {
            out.extend_from_slice(stretch);
            i = end;
            continue;
        }
        let size = stretch[0].segs[0].size;
        let mut placed = vec![false; stretch.len()];
        for k in 0..stretch.len() {
            if placed[k] {
                continue;
            }
            placed[k] = true;
            let mut line = stretch[k].clone();
            if is_label(&line) {
                // The label's next lines, each close below the last, join it.
                let mut last_y = line.y;
                for m in k + 1..stretch.len() {
                    if placed[m] || !is_label(&stretch[m]) {
                        continue;
                    }
                    if stretch[m].y - last_y > size * 1.8 {
                        break;
                    }
                    last_y = stretch[m].y;
                    placed[m] = true;
                    let (seg, next) = (&mut line.segs[0], &stretch[m].segs[0]);
                    seg.text.push(' ');
                    seg.text.push_str(&next.text);
                    seg.x1 = seg.x1.max(next.x1);
                    seg.bold &= next.bold;
                }
            }
            out.push(line);
        }
        i = end;
    }
    out
}

/// The column a segment starting at `x` is in.
fn col_of(starts: &[f32], x: f32) -> usize {
    starts.iter().rposition(|&c| x >= c - 8.0).unwrap_or(0)
}

/// A segment that starts in a column and does not run on into the next one.
fn fits(starts: &[f32], seg: &Seg) -> bool {
    let c = col_of(starts, seg.x0);
    seg.x0 >= starts[0] - 8.0 && starts.get(c + 1).is_none_or(|&next| seg.x0 > next - 20.0 || seg.x1 <= next + 2.0)
}

/// The page's first line sits in the columns `starts` of a table: every
/// segment starts at a column start, and it is not a lone first-column line
/// unless a rule runs down a column boundary beside it.
fn continues(page: &Page, lines: &[Line], starts: &[f32]) -> bool {
    let Some(first) = lines.first() else {
        return false;
    };
    let ruled_beside = || {
        page.vrules.iter().any(|&(x, top, bottom)| {
            top <= first.y && bottom >= first.y && starts[1..].iter().any(|&s| (x - s).abs() < 10.0)
        })
    };
    // Without rules: a lone first-column line (the rest of a label cut by the
    // page break) with lines in the other columns close below it.
    let in_columns =
        |line: &Line| line.segs.iter().all(|s| starts.iter().any(|&x| (s.x0 - x).abs() <= 8.0) && fits(starts, s));
    let size = first.segs[0].size;
    let beside_below = || {
        lines[1..]
            .iter()
            .zip(lines)
            .take(6)
            .take_while(|(line, above)| line.y - above.y <= size * 2.0)
            .any(|(line, _)| in_columns(line) && line.segs.iter().any(|s| col_of(starts, s.x0) > 0))
    };
    starts.len() >= 2
        && in_columns(first)
        && (first.segs.len() >= 2 || col_of(starts, first.segs[0].x0) > 0 || ruled_beside() || beside_below())
}

/// Horizontal rules with the pieces that meet end to end (one per cell) joined.
fn joined_hrules(page: &Page) -> Vec<(f32, f32, f32)> {
    joined(&page.hrules)
}

/// Vertical rules with the pieces that meet end to end (one per cell) joined.
fn joined_vrules(page: &Page) -> Vec<(f32, f32, f32)> {
    joined(&page.vrules)
}

/// Rules as (position across, start, end) with the pieces on one line that
/// meet end to end joined into one.
fn joined(rules: &[(f32, f32, f32)]) -> Vec<(f32, f32, f32)> {
    let mut rules = rules.to_vec();
    rules.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<(f32, f32, f32)> = Vec::new();
    for rule in rules {
        match out.last_mut() {
            Some(m) if (m.0 - rule.0).abs() < 1.5 && rule.1 <= m.2 + 3.0 => m.2 = m.2.max(rule.2),
            _ => out.push(rule),
        }
    }
    out
}

/// The x of a gutter between two columns of running text, if the page has one.
/// A rule down the gap, or one across it with text of both sides above and
/// below it, makes the gap a table's, not a gutter.
fn gutter(page: &Page, lines: &[Line], width: f32) -> Option<f32> {
    let segs: Vec<&Seg> = lines.iter().flat_map(|l| &l.segs).collect();
    if segs.len() < 8 {
        return None;
    }
    // The candidate crossed by the fewest segments, then with the most text on its thinner side.
    let mut best: Option<((usize, usize), f32)> = None;
    let mut x = width * 0.3;
    while x <= width * 0.7 {
        let crossing = segs.iter().filter(|s| s.x0 < x - 2.0 && s.x1 > x + 2.0).count();
        let left = segs.iter().filter(|s| s.x1 <= x).count();
        let right = segs.iter().filter(|s| s.x0 >= x).count();
        if crossing * 10 <= segs.len() && left >= 3 && right >= 3 {
            let key = (crossing, usize::MAX - left.min(right));
            if best.is_none_or(|(b, _)| key < b) {
                best = Some((key, x));
            }
        }
        x += 2.0;
    }
    let (_, x) = best?;
    // Columns of running text have similar widths; a table's label column is narrower.
    let left_w = segs.iter().filter(|s| s.x1 <= x).map(|s| s.x1 - s.x0).fold(0.0f32, f32::max);
    let right_w = segs.iter().filter(|s| s.x0 >= x).map(|s| s.x1 - s.x0).fold(0.0f32, f32::max);
    let ratio = left_w / right_w.max(1.0);
    if !(0.7..=1.45).contains(&ratio) {
        return None;
    }
    // The empty band around x, between the two columns' text.
    let gap_left = segs.iter().filter(|s| s.x1 <= x).map(|s| s.x1).fold(f32::MIN, f32::max);
    let gap_right = segs.iter().filter(|s| s.x0 >= x).map(|s| s.x0).fold(f32::MAX, f32::min);
    // A rule down the gap divides a table's columns when the table's rows
    // run across it; the border of a table inside one column ends its rows.
    // Only rules reaching into the gap can cross a rule in it (checked once).
    let reaching: Vec<&(f32, f32, f32)> =
        page.hrules.iter().filter(|&&(_, left, right)| left < gap_right - 3.0 && right > gap_left + 3.0).collect();
    let crossed = |vx: f32, top: f32, bottom: f32| {
        reaching
            .iter()
            .any(|&&(y, left, right)| y >= top - 1.0 && y <= bottom + 1.0 && left < vx - 5.0 && right > vx + 5.0)
    };
    if page.vrules.iter().any(|&(vx, top, bottom)| {
        vx > gap_left - 2.0 && vx < gap_right + 2.0 && bottom - top > 30.0 && crossed(vx, top, bottom)
    }) {
        return None;
    }
    if hole_beside_text(lines, x) {
        return None;
    }
    let beside: Vec<f32> = segs.iter().filter(|s| s.x1 <= x || s.x0 >= x).map(|s| s.y).collect();
    let across = joined_hrules(page).into_iter().any(|(y, left, right)| {
        left < gap_left && right > gap_right && beside.iter().any(|&t| t < y) && beside.iter().any(|&t| t > y)
    });
    (!across).then_some(x)
}

/// Running text fills each column from the top down; a table's short cell
/// leaves a hole beside its long neighbour. True when one side of `x` has
/// an empty stretch (more than five lines tall) beside three or more lines
/// of the other side, with its own text going on below it.
fn hole_beside_text(lines: &[Line], x: f32) -> bool {
    let mut sizes: Vec<f32> = lines.iter().flat_map(|l| &l.segs).map(|s| s.size).collect();
    sizes.sort_by(f32::total_cmp);
    let limit = sizes.get(sizes.len() / 2).copied().unwrap_or(11.0) * 5.0;
    let left = |s: &Seg| s.x1 <= x + 2.0;
    let right = |s: &Seg| s.x0 >= x - 2.0;
    for (here, there) in [(&left as &dyn Fn(&Seg) -> bool, &right as &dyn Fn(&Seg) -> bool), (&right, &left)] {
        let mut top = lines.first().map_or(0.0, |l| l.y);
        let mut beside = 0;
        for line in lines {
            if line.segs.iter().any(|s| s.x0 < x - 2.0 && s.x1 > x + 2.0) {
                // A line across both columns starts a new band.
                top = line.y;
                beside = 0;
            } else if line.segs.iter().any(here) {
                if line.y - top > limit && beside >= 3 {
                    return true;
                }
                top = line.y;
                beside = 0;
            } else if line.segs.iter().any(there) {
                beside += 1;
            }
        }
    }
    false
}

fn columns(page: &Page, lines: &[Line], gutter: f32, right_edge: f32, tables: &mut Tables) -> Vec<Placed> {
    let mut out = Vec::new();
    let mut band: Vec<Line> = Vec::new();
    let flush = |band: &mut Vec<Line>, out: &mut Vec<Placed>, tables: &mut Tables| {
        // Each column's part of a line keeps its own baseline.
        let side = |keep: &dyn Fn(&Seg) -> bool| -> Vec<Line> { side_of(band, keep) };
        let left = side(&|s: &Seg| s.x1 <= gutter + 2.0);
        let right = side(&|s: &Seg| s.x1 > gutter + 2.0);
        out.extend(flow(page, &left, gutter, tables, None));
        out.extend(flow(page, &right, right_edge, tables, None));
        band.clear();
    };
    for line in lines {
        let spans_gutter = line.segs.iter().any(|s| s.x0 < gutter - 2.0 && s.x1 > gutter + 2.0);
        if spans_gutter {
            flush(&mut band, &mut out, tables);
            let right = line.segs.iter().map(|s| s.x1).fold(0.0f32, f32::max).max(right_edge);
            out.extend(flow(page, std::slice::from_ref(line), right, tables, None));
        } else {
            band.push(line.clone());
        }
    }
    flush(&mut band, &mut out, tables);
    out
}

/// Single-column text with tables in it; `carry`: the columns of a table
/// that goes on from the page before in the first line.
fn flow(page: &Page, lines: &[Line], right_edge: f32, tables: &mut Tables, carry: Option<&[f32]>) -> Vec<Placed> {
    let mut out: Vec<Placed> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let carry = carry.filter(|_| i == 0);
        if (lines[i].segs.len() >= 2 || carry.is_some())
            && let Some(end) = table_end(page, lines, i, carry)
        {
            // Lines above inside the grid's first row (a header cell's text
            // centred over two lines, "Review / frequency") are the table's.
            let mut start = i;
            // Without rules: a bold header line just above a bold first line,
            // set in its columns (a header cell centred round the others').
            let first = &lines[i];
            let header_above = |above: &Line| {
                let size = first.segs[0].size;
                above.y < first.y
                    && first.y - above.y <= size * 1.3
                    && first.segs.iter().all(|s| s.bold)
                    && above.segs.iter().all(|s| s.bold && (s.size - size).abs() < 0.6)
                    && above.segs.iter().all(|s| s.x0 > first.segs[0].x0 + 8.0 || (s.x0 - first.segs[0].x0).abs() < 2.0)
                    && above.segs.iter().all(|s| !first.segs.iter().any(|f| f.x0 < s.x1 && s.x0 < f.x1))
            };
            let top = grid_top(page, first)
                .or_else(|| (i > 0 && header_above(&lines[i - 1]) && carry.is_none()).then(|| lines[i - 1].y - 2.0))
                .or_else(|| {
                    // A centred first-column label whose first lines come before the first line beside it.
                    let above = if carry.is_none() { centred_label_above(lines, i) } else { i };
                    (above < i).then(|| lines[above].y - 1.5)
                });
            if let Some(top) = top {
                while start > 0 && lines[start - 1].y > top + 1.0 {
                    let n = lines[start - 1].segs.len();
                    let placed_above = out.len() >= n
                        && out[out.len() - n..].iter().all(|p| p.cell.is_none() && p.y == lines[start - 1].y);
                    if !placed_above {
                        break;
                    }
                    out.truncate(out.len() - n);
                    start -= 1;
                }
            }
            out.extend(table(page, &lines[start..end], tables, right_edge, carry));
            i = end;
            continue;
        }
        for seg in &lines[i].segs {
            out.push(Placed {
                seg: seg.clone(),
                y: lines[i].y,
                cell: None,
                right: right_edge,
                depth: lines[i].y / page.height.max(1.0),
                from_before: false,
                goes_on: false,
                card: 0,
            });
        }
        i += 1;
    }
    out
}

/// The top of the grid whose rules run down between the segments of `line`.
fn grid_top(page: &Page, line: &Line) -> Option<f32> {
    let (left, right) = (line.segs.first()?.x0, line.segs.last()?.x1);
    let size = line.segs[0].size;
    let top = joined_vrules(page)
        .into_iter()
        .filter(|&(x, top, bottom)| x > left + 4.0 && x < right - 4.0 && top <= line.y && bottom >= line.y - size)
        .map(|(_, top, _)| top)
        .fold(f32::MAX, f32::min);
    (top < f32::MAX).then_some(top)
}

/// The usual distance between baselines in a table's columns: between
/// consecutive lines of one column (the lower third of the plausible ones),
/// since the lines of side-by-side cells interleave. A small table has too
/// few of them to tell its rows' spacing from its lines': there the lines
/// where first-column cells wrap (a lone line right below a line of several
/// cells, starting where its first cell starts), two or more, tell the
/// leading when it is smaller.
fn column_lead(lines: &[Line], starts: &[f32]) -> f32 {
    let size = lines.first().and_then(|l| l.segs.first()).map_or(11.0, |s| s.size);
    let widest = lines.iter().map(|l| l.segs.len()).max().unwrap_or(1);
    let mut last: Vec<Option<f32>> = vec![None; starts.len()];
    let mut gaps = Vec::new();
    let mut wraps = Vec::new();
    let mut previous: Option<&Line> = None;
    for line in lines {
        for seg in &line.segs {
            let c = col_of(starts, seg.x0);
            if let Some(above) = last[c] {
                let gap = line.y - above;
                if gap > size * 0.6 && gap < size * 4.0 {
                    gaps.push(gap);
                    let wrapped = widest >= 2
                        && c == 0
                        && line.segs.len() == 1
                        && previous
                            .is_some_and(|p| p.y == above && p.segs.len() > 1 && (p.segs[0].x0 - seg.x0).abs() < 2.0);
                    if wrapped {
                        wraps.push(gap);
                    }
                }
            }
            last[c] = Some(line.y);
        }
        previous = Some(line);
    }
    gaps.sort_by(f32::total_cmp);
    wraps.sort_by(f32::total_cmp);
    let lead = gaps.get(gaps.len() / 3).copied().unwrap_or(size * 1.2);
    if wraps.len() < 2 {
        return lead;
    }
    wraps[wraps.len() / 2].min(lead)
}

/// Where a table that starts at `lines[start]` (a line of two or more
/// segments, or the first line of a page that goes on with the table of the
/// page before, whose columns are `carry`) ends. A grid (a table with
/// vertical rules) ends below its last horizontal rule; other tables end at a
/// line that starts left of the first column or runs across a column start,
/// at a lone first-column line after a wide gap, or after a very wide gap.
fn table_end(page: &Page, lines: &[Line], start: usize, carry: Option<&[f32]>) -> Option<usize> {
    let first = &lines[start];
    let mut starts: Vec<f32> = carry.map_or_else(|| first.segs.iter().map(|s| s.x0).collect(), <[f32]>::to_vec);
    let left = starts[0];
    let right = first.segs.iter().map(|s| s.x1).fold(0.0f32, f32::max).max(starts[starts.len() - 1] + 1.0);
    let size = first.segs[0].size;
    let lead = column_lead(&lines[start..], &starts);
    // A grid: a rule down between the columns beside the first line. It
    // ends where that rule (joined end to end) ends, at the last horizontal
    // rule above that point.
    let down = joined_vrules(page)
        .into_iter()
        .filter(|&(x, top, bottom)| x > left + 4.0 && x < right - 4.0 && top <= first.y && bottom >= first.y - size)
        .map(|(_, _, bottom)| bottom)
        .fold(f32::MIN, f32::max);
    let grid = down > f32::MIN;
    // A grid's header cells may be centred: its rows start at its left rule.
    let left = if grid {
        joined_vrules(page)
            .into_iter()
            .filter(|&(x, top, bottom)| x < left && top <= first.y && bottom >= first.y - size)
            .map(|(x, _, _)| x)
            .fold(left, |best, x| if best == left || x > best { x } else { best })
    } else if let Some(x) = carry.is_none().then(|| centred_first_column(lines, start)).flatten() {
        starts.insert(0, x);
        x
    } else {
        left
    };
    let bottom = page
        .hrules
        .iter()
        .filter(|&&(y, l, r)| y > first.y - 30.0 && y <= down + 2.0 && l < right && r > left)
        .map(|&(y, _, _)| y)
        .fold(f32::MIN, f32::max);
    // A row cut by the page break has its column rules but no rule below it:
    // the grid goes on to where the column rules end.
    let bottom = if grid && down > bottom + size { down } else { bottom };
    let ruled = grid && bottom > first.y;
    let mut end = start + 1;
    let mut multi = 1;
    while end < lines.len() {
        let line = &lines[end];
        if line.segs[0].x0 < left - 8.0 {
            break;
        }
        if ruled {
            if line.y > bottom {
                break;
            }
        } else {
            let gap = line.y - lines[end - 1].y;
            // A lone first-column line after a gap ends the table, unless the
            // lines right below it go on in the other columns (a row whose
            // cells are centred: its label's first line comes before theirs).
            let lone_label = line.segs.len() < 2 && col_of(&starts, line.segs[0].x0) == 0 && {
                let mut k = end + 1;
                let mut beside = false;
                while k < lines.len() && k < end + 8 && lines[k].y - lines[k - 1].y <= lead * 1.6 {
                    if lines[k].segs.iter().any(|s| col_of(&starts, s.x0) > 0) {
                        beside = lines[k].segs.iter().all(|s| fits(&starts, s));
                        break;
                    }
                    k += 1;
                }
                !beside
            };
            // A bold line set left of the cells' text (a caption over the next table: cells
            // are padded, a caption is not), or a row of cells that start where this
            // table has no column (the next table's header), ends the table.
            let caption = line.segs.len() == 1 && line.segs[0].bold && line.segs[0].x0 < starts[0] - 2.0;
            let other_columns = line.segs.len() >= 2
                && line.segs[1..].iter().any(|s| {
                    starts.iter().all(|&x| (s.x0 - x).abs() > 8.0)
                        && lines[start..end]
                            .iter()
                            .flat_map(|l| &l.segs)
                            .any(|t| t.x0 < s.x0 - 4.0 && t.x1 > s.x0 + 4.0)
                });
            if gap > lead * 4.0
                || (lone_label && gap > lead * 1.6)
                || !line.segs.iter().all(|s| fits(&starts, s))
                || caption
                || other_columns
            {
                break;
            }
        }
        if line.segs.len() >= 2 {
            multi += 1;
        }
        end += 1;
    }
    (multi >= 2 || ruled || carry.is_some()).then_some(end)
}

/// The start of a first column whose cells are centred in their rows, when
/// the line that starts a table has no text in it: a table without rules
/// printed from HTML (cells centred by default) whose first row's label is
/// set between the lines of the cells beside it ("Baseline / (2023)",
/// "Target / (2024)" with "Measure" between). A lone line just below, left
/// of the first segment and ending before it, is that column's.
fn centred_first_column(lines: &[Line], start: usize) -> Option<f32> {
    let first = &lines[start];
    let (x, size) = (first.segs[0].x0, first.segs[0].size);
    lines[start + 1..]
        .iter()
        .zip(&lines[start..])
        .take(3)
        .take_while(|(line, above)| line.y - above.y <= size * 2.0)
        .find_map(|(line, _)| match line.segs.as_slice() {
            [seg] if seg.x0 < x - 8.0 && seg.x1 < x - size * 0.5 => Some(seg.x0),
            _ => None,
        })
}

/// The lines just above a table that starts at `lines[start]` with an empty
/// centred first column (see [`centred_first_column`]) that belong to its
/// first row: each a lone line in that column, close above the next.
fn centred_label_above(lines: &[Line], start: usize) -> usize {
    let Some(x) = centred_first_column(lines, start) else {
        return start;
    };
    let first = &lines[start].segs[0];
    let mut top = start;
    while top > 0 && start - top < 3 {
        let (above, below) = (&lines[top - 1], &lines[top]);
        match above.segs.as_slice() {
            [seg]
                if (seg.x0 - x).abs() < 2.0
                    && seg.x1 < first.x0 - first.size * 0.5
                    && below.y - above.y <= first.size * 2.0 =>
            {
                top -= 1
            }
            _ => break,
        }
    }
    top
}

fn table(page: &Page, lines: &[Line], tables: &mut Tables, right_edge: f32, carry: Option<&[f32]>) -> Vec<Placed> {
    // Column starts: the vertical rules inside the table when it is ruled,
    // else the left edges of the line with the most segments.
    let (top, bottom) = (lines[0].y - 20.0, lines[lines.len() - 1].y + 10.0);
    let x_min = lines.iter().flat_map(|l| &l.segs).map(|s| s.x0).fold(f32::MAX, f32::min);
    let mut ruled: Vec<f32> = page
        .vrules
        .iter()
        .filter(|&&(x, t, b)| t < bottom && b > top && x > x_min + 4.0 && x < right_edge)
        .map(|&(x, _, _)| x)
        .collect();
    ruled.sort_by(f32::total_cmp);
    ruled.dedup_by(|a, b| (*a - *b).abs() < 4.0);
    let grid = !ruled.is_empty();
    let starts: Vec<f32> = if let Some(carried) = carry {
        carried.to_vec()
    } else if !grid {
        let widest = lines.iter().max_by_key(|l| l.segs.len()).unwrap_or(&lines[0]);
        let mut starts: Vec<f32> = widest.segs.iter().map(|s| s.x0).collect();
        // A column whose cells are centred in their rows may start on no
        // line with the most cells: an x where two or more segments start
        // and that no segment runs across is a column start too.
        let segs: Vec<&Seg> = lines.iter().flat_map(|l| &l.segs).collect();
        let mut xs: Vec<f32> = segs.iter().map(|s| s.x0).collect();
        xs.sort_by(f32::total_cmp);
        let mut k = 0;
        while k < xs.len() {
            let j = k + xs[k..].partition_point(|&x| x - xs[k] < 3.0);
            let x = xs[k];
            // (Left of the widest line's first segment: a first column whose cells are centred.)
            if j - k >= 2
                && starts.iter().all(|&s| (s - x).abs() > 8.0)
                && !segs.iter().any(|s| s.x0 < x - 4.0 && s.x1 > x + 4.0)
            {
                starts.push(x);
            }
            k = j;
        }
        starts.sort_by(f32::total_cmp);
        starts
    } else {
        std::iter::once(x_min).chain(ruled.iter().copied()).collect()
    };
    let number = tables.starts.len() + 1;
    let col_of = |x: f32| col_of(&starts, x);
    let lead = column_lead(lines, &starts);
    let (left, right) = (starts[0], right_edge);
    // Rows are split by the rules between them when the body is ruled (a
    // grid, or rules below more than the first row); else by rules and gaps.
    let across: Vec<bool> = (0..lines.len())
        .map(|k| k > 0 && page.rule_across(lines[k - 1].y, lines[k].y, left, right, lines[k].segs[0].size))
        .collect();
    // (One rule across is the header's: a header row may take several lines.)
    let body_ruled = grid || across.iter().filter(|&&a| a).count() >= 2;
    let gap = |k: usize| lines[k].y - lines[k - 1].y;
    let wide = |k: usize| k == 0 || across[k] || gap(k) > lead * 2.1;
    // Labels set at the top of their rows (not centred in them): a first-column
    // line after a smaller gap starts a row too. Judged on the rows that wide
    // gaps make: does their first-column text start on their first line? The
    // first row (a header), and the row cut by the page break when the table
    // goes on from the page before, say nothing; with nothing said, a table
    // that goes on keeps what its first page said.
    let (mut top, mut centred) = (0usize, 0usize);
    let mut k = 0;
    let mut cut_row = carry.is_some();
    while k < lines.len() {
        let next = (k + 1..lines.len()).find(|&j| wide(j)).unwrap_or(lines.len());
        let labelled = lines[k..next].iter().any(|l| l.segs.iter().any(|s| col_of(s.x0) == 0));
        let label_first = lines[k].segs.iter().any(|s| col_of(s.x0) == 0);
        if k > 0 && cut_row && !label_first {
            cut_row = false;
        } else if k > 0 && labelled {
            cut_row = false;
            if label_first { top += 1 } else { centred += 1 }
        }
        k = next;
    }
    let labels_on_top = if top + centred == 0 && carry.is_some() { tables.carried_on_top } else { top >= centred };
    tables.starts.push(starts.clone());
    tables.on_top.push(labels_on_top);
    let mut rows: Vec<Vec<&Line>> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let new_row = if k == 0 {
            true
        } else if body_ruled || across[k] {
            across[k]
        } else {
            let first_col = col_of(line.segs[0].x0);
            wide(k) || (labels_on_top && first_col == 0 && line.segs.len() >= 2 && gap(k) > lead * 1.25)
        };
        if new_row {
            rows.push(Vec::new());
        }
        if let Some(row) = rows.last_mut() {
            row.push(line);
        }
    }
    if !body_ruled
        && let Some(by_cells) = rows_by_cells(lines, &starts, lead, carry.is_some())
        && by_cells.len() > rows.len()
    {
        rows = by_cells;
    }
    // Each column's right edge: where its longest line ends.
    let mut rights = vec![0.0f32; starts.len()];
    for seg in lines.iter().flat_map(|l| &l.segs) {
        let c = col_of(seg.x0);
        rights[c] = rights[c].max(seg.x1);
    }
    let mut out = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, &edge) in rights.iter().enumerate() {
            let right = if edge > 0.0 { edge } else { starts.get(c + 1).copied().unwrap_or(right_edge) };
            for line in row {
                for seg in line.segs.iter().filter(|s| col_of(s.x0) == c) {
                    out.push(Placed {
                        seg: seg.clone(),
                        y: line.y,
                        cell: Some((number, r, c)),
                        right,
                        depth: line.y / page.height.max(1.0),
                        from_before: false,
                        goes_on: false,
                        card: 0,
                    });
                }
            }
        }
    }
    out
}

/// The rows of a table without rules whose rows are set close together (a
/// little cell padding between them, as `pandoc` styles HTML tables), its
/// cells centred in their rows: each column's lines fall into cells where
/// the gap between them is wider than the column's leading; a row is a run
/// of cells that overlap from top to bottom (a centred cell lies within the
/// tallest one beside it). `None` unless every row so found has text in two
/// columns or more (a cell whose paragraphs are spaced apart would otherwise
/// make a row of its own; `cut`: the first row may be the rest of one cut by
/// the page break, text in one column only).
fn rows_by_cells<'a>(lines: &'a [Line], starts: &[f32], lead: f32, cut: bool) -> Option<Vec<Vec<&'a Line>>> {
    // Each column's cells, as (top baseline, bottom baseline).
    let mut cells: Vec<(f32, f32)> = Vec::new();
    for c in 0..starts.len() {
        let mut open: Option<(f32, f32)> = None;
        for line in lines.iter().filter(|l| l.segs.iter().any(|s| col_of(starts, s.x0) == c)) {
            match open.as_mut() {
                Some(cell) if line.y - cell.1 <= lead * 1.1 => cell.1 = line.y,
                _ => {
                    cells.extend(open.take());
                    open = Some((line.y, line.y));
                }
            }
        }
        cells.extend(open);
    }
    cells.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut spans: Vec<(f32, f32)> = Vec::new();
    for (top, bottom) in cells {
        match spans.last_mut() {
            Some(span) if top <= span.1 + 0.5 => span.1 = span.1.max(bottom),
            _ => spans.push((top, bottom)),
        }
    }
    let mut rows: Vec<Vec<&Line>> = vec![Vec::new(); spans.len()];
    for line in lines {
        let r = spans.iter().position(|&(top, bottom)| line.y >= top - 0.5 && line.y <= bottom + 0.5)?;
        rows[r].push(line);
    }
    let columns = |row: &Vec<&Line>| {
        let mut cols: Vec<usize> = row.iter().flat_map(|l| &l.segs).map(|s| col_of(starts, s.x0)).collect();
        cols.sort_unstable();
        cols.dedup();
        cols.len()
    };
    (rows.len() >= 2 && rows.iter().enumerate().all(|(r, row)| columns(row) >= 2 || (cut && r == 0))).then_some(rows)
}

/// A list bullet at the start of a line: the glyphs word processors use.
fn bullet(text: &str) -> Option<(&str, &str)> {
    let first = text.chars().next()?;
    let bullets =
        ['•', '◦', '▪', '■', '●', '○', '·', '\u{f0b7}', '\u{f0a7}', '\u{2023}', '\u{2043}', '–', '-', '❖', '➢'];
    if !bullets.contains(&first) {
        return None;
    }
    let rest = &text[first.len_utf8()..];
    (rest.starts_with(' ') || rest.is_empty()).then(|| (&text[..first.len_utf8()], rest.trim_start()))
}

/// A list label standing alone: a bullet glyph or a number like "3." or "b)".
fn is_label(text: &str) -> bool {
    let t = text.trim();
    bullet(t).is_some_and(|(_, rest)| rest.is_empty()) || (t.len() <= 5 && numbered(&format!("{t} x")))
}

/// A typed list number: "1.", "2)", "(3)", "a.", "iv)".
fn numbered(text: &str) -> bool {
    let mut it = text.splitn(2, ' ');
    let (Some(label), Some(_)) = (it.next(), it.next()) else {
        return false;
    };
    let core = label.trim_start_matches('(').trim_end_matches(['.', ')', ':']);
    let punctuated = label.len() > core.len();
    punctuated
        && !core.is_empty()
        && core.len() <= 4
        && (core.chars().all(|c| c.is_ascii_digit())
            || (core.len() == 1 && core.chars().all(|c| c.is_ascii_lowercase()))
            || core.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
}

/// Records typed one to a paragraph with no space between them ("Benchmark:
/// ...; Level: ..."): a line that starts with the label its paragraph
/// started with (or one of its kind: "District benchmark:", "School
/// benchmark:"), or a labelled line after a short lead-in paragraph ending in
/// a colon ("Interim benchmarks:"), starts a new paragraph.
fn starts_record(paragraph: &str, line: &str) -> bool {
    let lead_in = paragraph.trim_end().ends_with(':') && paragraph.split_whitespace().count() <= 6;
    let kind = |label: &str| label.rsplit(' ').next().map(str::to_lowercase);
    field_label(line).is_some_and(|l| lead_in || field_label(paragraph).is_some_and(|p| kind(p) == kind(l)))
}

/// The label a line starts with: one or two capitalised words and a colon
/// ("Benchmark:", "Review frequency:").
fn field_label(text: &str) -> Option<&str> {
    let (label, _) = text.split_once(": ")?;
    let words = label.split_whitespace().count();
    ((1..=2).contains(&words)
        && label.starts_with(|c: char| c.is_uppercase())
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && label.len() <= 24)
        .then_some(label)
}

/// A word broken without a hyphen where a narrow cell ends ("Stakeholde|r",
/// "Engageme|nt", "mathemati|cs"): the line above is filled to its column's
/// edge with letters, and the next line starts with a piece of a word no
/// word is: one to three lower-case letters without a vowel. (A piece with
/// a vowel, "Instruction|al", cannot be told from a word by its shape.)
fn broken_word(prev: &Placed, line: &Placed) -> bool {
    let (Some(tail), Some(head)) = (prev.seg.text.split_whitespace().last(), line.seg.text.split_whitespace().next())
    else {
        return false;
    };
    let head = head.trim_end_matches([',', '.', ';', ':', ')']);
    let per_char = (prev.seg.x1 - prev.seg.x0) / prev.seg.text.chars().count().max(1) as f32;
    prev.right - prev.seg.x1 < per_char * 1.5
        && tail.chars().all(char::is_alphabetic)
        && (1..=3).contains(&head.len())
        && head.chars().all(|c| c.is_ascii_lowercase() && !"aeiouy".contains(c))
}

/// How many times the usual leading a line may stand below a line it
/// continues mid-sentence and still join its paragraph.
const MID_SENTENCE_LEADING: f32 = 1.75;

/// Joins placed lines into paragraph blocks.
/// A paragraph being built: the block, its last line, and the text x of a list item.
type Open = (Block, Placed, f32);

#[allow(clippy::too_many_arguments)]
fn paragraphs(
    placed: &[Placed],
    range: std::ops::Range<usize>,
    page: usize,
    body: f32,
    levels: &[f32],
    blocks: &mut Vec<Block>,
    current: &mut Option<Open>,
) {
    // The page's usual leading at body size.
    let mut leads: Vec<f32> = placed
        .windows(2)
        .filter(|w| w[0].cell == w[1].cell && (w[0].seg.size - body).abs() < 0.6 && (w[1].seg.size - body).abs() < 0.6)
        .map(|w| w[1].y - w[0].y)
        .filter(|&d| d > body * 0.8 && d < body * 3.0)
        .collect();
    leads.sort_by(f32::total_cmp);
    let usual_body = leads.get(leads.len() / 3).copied().unwrap_or(body * 1.2);
    // Table cells may be set at their own size and leading.
    let mut cell_leads: Vec<f32> = placed
        .windows(2)
        .filter(|w| w[0].cell.is_some() && w[0].cell == w[1].cell && (w[0].seg.size - w[1].seg.size).abs() < 0.6)
        .map(|w| (w[1].y - w[0].y, w[1].seg.size))
        .filter(|&(d, size)| d > size * 0.8 && d < size * 3.0)
        .map(|(d, _)| d)
        .collect();
    cell_leads.sort_by(f32::total_cmp);
    let usual_cell = cell_leads.get(cell_leads.len() / 3).copied().unwrap_or(usual_body);
    // Larger type is set with more leading: a heading that wraps ("Priority 1: Deepen
    // culturally and / linguistically sustaining ...") is one paragraph.
    let usual_of =
        |line: &Placed| if line.cell.is_some() { usual_cell } else { usual_body * (line.seg.size / body).max(1.0) };
    let mut cells_seen: Vec<(usize, usize, usize)> = Vec::new();
    let mut appending: Option<((usize, usize, usize), usize, f32)> = None;
    for (n, line) in placed.iter().enumerate().take(range.end).skip(range.start) {
        let text = line.seg.text.as_str();
        if text == PICTURE {
            if let Some((block, _, _)) = current.take() {
                blocks.push(block);
            }
            let location = Location { page: Some(page), line: Some(n + 1), ..Location::default() };
            blocks.push(Block { images: 1, location, ..Block::default() });
            continue;
        }
        // A band's title is a heading below the ones its type size makes.
        let level = level_of(levels, line.seg.size).or_else(|| line.seg.band.then_some(levels.len() as u8 + 1));
        let heading_words = text.split_whitespace().count() <= 30;
        let starts_item = bullet(text).is_some() || numbered(text);
        let join = match &*current {
            Some((block, prev, item_x)) => {
                let same_cell = prev.cell == line.cell;
                let gap = line.y - prev.y;
                let same_size = (prev.seg.size - line.seg.size).abs() < 0.6;
                // A bold title may wrap onto a line that turns regular part-way ("and Challenges: What ...").
                let same_weight = prev.seg.bold == line.seg.bold
                    || (block.bold && line.seg.bold_prefix > 0)
                    || block.text.len() > 200;
                // The line above stopped although this line's first word would have fitted after it.
                // A title is kept with the name after it ("Ms. Ortiz", a no-break space).
                let mut words = text.split_whitespace();
                let first_word = words.next().unwrap_or("");
                let titled = ["Mr.", "Ms.", "Mrs.", "Dr.", "St."].contains(&first_word);
                let first_len = first_word.chars().count()
                    + if titled { 1 + words.next().map_or(0, |w| w.chars().count()) } else { 0 };
                let per_char = (line.seg.x1 - line.seg.x0) / text.chars().count().max(1) as f32;
                let word_width = first_len as f32 * per_char;
                let ended_short = prev.right - prev.seg.x1 > word_width * 1.3 + line.seg.size;
                let indented = line.seg.x0 > prev.seg.x0 + line.seg.size * 1.5
                    && (item_x.is_nan() || (line.seg.x0 - item_x).abs() > line.seg.size);
                let label_line = prev.seg.bold && prev.seg.text.ends_with(':') && !line.seg.bold;
                let next_record = starts_record(&block.text, text);
                let same_band = prev.seg.band == line.seg.band;
                // The first line of a page or column may continue the last paragraph of the one before.
                let page_turn = (n == 0 || line.y < prev.y) && prev.depth > 0.7 && line.depth < 0.35;
                // A sentence cut mid-way goes on in lower case: the leading
                // measured in a table whose columns are set at different
                // sizes is only a rough guide then.
                let mid_sentence = !prev.seg.text.trim_end().ends_with(['.', '!', '?', ':', ';'])
                    && first_word.starts_with(|c: char| c.is_lowercase());
                let leading = usual_of(line) * if mid_sentence { MID_SENTENCE_LEADING } else { 1.25 };

                same_cell
                    && (page_turn || (gap > 0.0 && gap <= leading + 0.5))
                    && same_size
                    && same_weight
                    && !starts_item
                    && !ended_short
                    && (page_turn || !indented || mid_sentence)
                    && !label_line
                    && !next_record
                    && same_band
            }
            None => false,
        };
        if join {
            if let Some((block, prev, _)) = current.as_mut() {
                let joined_bold = block.bold && line.seg.bold;
                // Word processors do not hyphenate unless asked: a hyphen at
                // the line end is the word's own ("grade-|level", "end-|of-year");
                // a word wider than a narrow cell is broken at its edge.
                let hyphen = block.text.ends_with('-') && !block.text.ends_with(" -");
                if !hyphen && !broken_word(prev, line) {
                    block.text.push(' ');
                }
                if block.bold && line.seg.bold_prefix > 0 {
                    let before = block.text.len();
                    block.text.push_str(text);
                    block.bold_prefix = before + line.seg.bold_prefix;
                } else {
                    block.text.push_str(text);
                }
                block.bold = joined_bold;
                *prev = line.clone();
            }
            continue;
        }
        if let Some((block, _, _)) = current.take() {
            blocks.push(block);
        }
        // Lines after a cell's continuation go on appending to the same earlier block.
        if let Some((cell, index, last_y)) = appending
            && line.cell == Some(cell)
            && line.y - last_y > 0.0
            && line.y - last_y <= usual_of(line) * 1.25 + 0.5
            && bullet(text).is_none()
            && !numbered(text)
            && let Some(earlier) = blocks.get_mut(index)
            && !starts_record(&earlier.text, text)
        {
            earlier.text.push(' ');
            earlier.text.push_str(text);
            appending = Some((cell, index, line.y));
            continue;
        }
        appending = None;
        // A cell cut by a page break goes on, mid-sentence, in its first line on the next page.
        let first_in_cell = line.cell.is_some_and(|cell| !cells_seen.contains(&cell));
        if let Some(cell) = line.cell {
            cells_seen.push(cell);
        }
        if let Some((t, r, c)) = line.cell
            && first_in_cell
            && line.depth < 0.35
            && let Some(index) = blocks.iter().enumerate().rev().take(200).find_map(|(i, b)| {
                (b.location.page.is_some_and(|p| p + 1 == page)
                    && b.grid.is_some_and(|g| (g.table, g.row, g.col) == (t, r, c)))
                .then_some(i)
            })
            && let Some(earlier) = blocks.get_mut(index)
            && (text.chars().next().is_some_and(char::is_lowercase)
                || !earlier.text.trim_end().ends_with(['.', '!', '?', ':']))
            && !starts_record(&earlier.text, text)
            && bullet(text).is_none()
            && !numbered(text)
        {
            earlier.text.push(' ');
            earlier.text.push_str(text);
            earlier.bold = earlier.bold && line.seg.bold;
            appending = Some(((t, r, c), index, line.y));
            continue;
        }
        let (list_label, body_text, item_x) = match bullet(text) {
            Some((_, rest)) => {
                let x =
                    line.seg.x0 + (line.seg.x1 - line.seg.x0) * (1.0 - rest.len() as f32 / text.len().max(1) as f32);
                (Some("•".to_string()), rest.to_string(), x)
            }
            // A typed number stays in the text; its lines wrap to the text after it.
            None if numbered(text) => {
                let label = text.split(' ').next().unwrap_or("");
                let rest = text[label.len()..].trim_start();
                let x =
                    line.seg.x0 + (line.seg.x1 - line.seg.x0) * (1.0 - rest.len() as f32 / text.len().max(1) as f32);
                (None, text.to_string(), x)
            }
            None => (None, text.to_string(), f32::NAN),
        };
        let removed = text.len() - body_text.len();
        let mut location = Location { page: Some(page), line: Some(n + 1), ..Location::default() };
        let mut grid = None;
        if let Some((t, r, c)) = line.cell {
            location.row = Some(r + 1);
            location.cell = Some(CellRef::Index(c + 1));
            grid = Some(GridPos { table: t, row: r, col: c, depth: 0 });
        }
        let block = Block {
            heading_level: level.filter(|_| heading_words && line.cell.is_none()),
            bold: line.seg.bold,
            bold_prefix: if line.seg.bold { 0 } else { line.seg.bold_prefix.saturating_sub(removed) },
            list_level: list_label.as_ref().map(|_| 0),
            list_label,
            text: body_text,
            grid,
            location,
            ..Block::default()
        };
        *current = Some((block, line.clone(), item_x));
    }
}

/// One side of a band of lines (the segments `keep` takes), each line with
/// its own baseline; lines left empty are dropped.
fn side_of(lines: &[Line], keep: &dyn Fn(&Seg) -> bool) -> Vec<Line> {
    lines
        .iter()
        .map(|l| {
            let segs: Vec<Seg> = l.segs.iter().filter(|s| keep(s)).cloned().collect();
            let y = segs.iter().map(|s| s.y).fold(f32::MAX, f32::min);
            Line { y, segs }
        })
        .filter(|l| !l.segs.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, x0: f32, y: f32, size: f32, bold: bool) -> Run {
        Run { text: text.to_string(), x0, x1: x0 + text.len() as f32 * size * 0.5, y, size, bold }
    }

    /// An A4 page of `runs` with horizontal rules `hrules` (y, x0, x1).
    fn a4_page(runs: Vec<Run>, hrules: Vec<(f32, f32, f32)>) -> Page {
        Page { width: 595.0, height: 842.0, runs, hrules, ..Page::default() }
    }

    fn texts(laid: &Laid) -> Vec<String> {
        laid.blocks.iter().map(|b| b.display_text()).collect()
    }

    #[test]
    fn lines_join_into_paragraphs_and_headings_get_levels() {
        let runs = vec![
            run("1. Priority(ies)", 72.0, 100.0, 16.0, true),
            run("Our first priority is early literacy in all", 72.0, 130.0, 11.0, false),
            run("schools of the district.", 72.0, 143.0, 11.0, false),
            run("• District benchmark: 60% of grade 3 students", 90.0, 170.0, 11.0, false),
            run("meet the spring target.", 108.0, 183.0, 11.0, false),
            run("Body text again follows here and goes on for a while.", 72.0, 210.0, 11.0, false),
        ];
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        assert_eq!(
            texts(&laid),
            [
                "1. Priority(ies)",
                "Our first priority is early literacy in all schools of the district.",
                "District benchmark: 60% of grade 3 students meet the spring target.",
                "Body text again follows here and goes on for a while.",
            ]
        );
        assert_eq!(laid.blocks[0].heading_level, Some(1));
        assert!(laid.blocks[0].bold);
        assert_eq!(laid.blocks[1].heading_level, None);
        assert_eq!(laid.blocks[2].list_label.as_deref(), Some("•"));
        assert_eq!(laid.blocks[3].location.page, Some(1));
    }

    /// A deck exported as PDF: each slide's title shrunk to its own size.
    #[test]
    fn a_slide_title_heads_its_page_at_level_one_whatever_its_size() {
        let slide = |title: &str, size: f32, sub: &str| Page {
            width: 960.0,
            height: 540.0,
            runs: vec![
                run(title, 40.0, 40.0, size, true),
                run(sub, 40.0, 90.0, 20.0, true),
                run("Body text on the slide, long enough to be the body size.", 40.0, 130.0, 14.0, false),
                run("More body text on the slide, long enough to be body text.", 40.0, 150.0, 14.0, false),
            ],
            ..Page::default()
        };
        let pages = [slide("Who we listened to", 28.0, "Priority 1"), slide("What we will use", 24.0, "Priority 2")];
        let laid = lay_out(&pages);
        let levels: Vec<Option<u8>> = laid.blocks.iter().map(|b| b.heading_level).collect();
        assert_eq!(levels, [Some(1), Some(3), None, Some(1), Some(3), None]);
        // The same pages as Letter paper keep the sizes' own levels.
        let paper: Vec<Page> = pages.into_iter().map(|p| Page { width: 612.0, height: 792.0, ..p }).collect();
        let levels: Vec<Option<u8>> = lay_out(&paper).blocks.iter().map(|b| b.heading_level).collect();
        assert_eq!(levels, [Some(1), Some(3), None, Some(2), Some(3), None]);
    }

    #[test]
    fn a_hanging_line_that_goes_on_in_lower_case_joins_its_item() {
        // "27.1a": the list number's tab lost in the text layer, so the item
        // is not seen as one; its wrapped line hangs under the text.
        let runs = vec![
            run(
                "27.1a (P1) District learning walks find grade-level text in use in 80% of ELA",
                72.0,
                100.0,
                11.0,
                false,
            ),
            run("classrooms, June 2024 - School ILTs", 90.0, 113.0, 11.0, false),
            run("28.2a (P2) All schools complete three data cycles with the district data", 72.0, 126.0, 11.0, false),
            run("Protocol owners meet, March 2024.", 90.0, 139.0, 11.0, false),
        ];
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        assert_eq!(
            texts(&laid),
            [
                "27.1a (P1) District learning walks find grade-level text in use in 80% of ELA classrooms, June 2024 - School ILTs",
                "28.2a (P2) All schools complete three data cycles with the district data",
                "Protocol owners meet, March 2024.",
            ]
        );
    }

    #[test]
    fn a_wrapped_heading_in_large_type_is_one_heading() {
        // A 22-point title set with its own leading (26 points), then body text.
        let runs = vec![
            run("Priority 1: Deepen culturally and", 72.0, 100.0, 22.0, true),
            run("linguistically sustaining practices", 72.0, 126.0, 22.0, true),
            run(
                "Our first priority is early literacy in all schools of the district, so that",
                72.0,
                160.0,
                11.0,
                false,
            ),
            run("every child reads on grade level.", 72.0, 173.0, 11.0, false),
        ];
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        assert_eq!(laid.blocks[0].text, "Priority 1: Deepen culturally and linguistically sustaining practices");
        assert_eq!(laid.blocks[0].heading_level, Some(1));
        assert_eq!(laid.blocks.len(), 2, "{:?}", texts(&laid));
        assert_eq!(laid.blocks[1].heading_level, None);
    }

    #[test]
    fn an_unruled_table_with_centred_cells_and_close_rows_keeps_its_rows() {
        // As HTML prints a table without rules: every cell centred in its row,
        // rows 4 points apart (cell padding), the first column empty on the
        // header's first line ("Measure" is set between "Baseline" and "(2023)").
        let r = |t: &str, x: f32, y: f32| run(t, x, y, 10.0, false);
        let runs = vec![
            run("District response:", 72.0, 70.0, 10.0, true),
            r("Baseline", 250.0, 100.0),
            r("Target", 330.0, 100.0),
            r("Measure", 72.0, 107.0),
            r("(2023)", 250.0, 114.0),
            r("(2024)", 330.0, 114.0),
            r("ELA Meeting/Exceeding", 72.0, 132.0),
            r("29%", 250.0, 139.0),
            r("35%", 330.0, 139.0),
            r("(accountability target)", 72.0, 146.0),
            r("Chronic absenteeism, Black/African", 72.0, 164.0),
            r("31%", 250.0, 171.0),
            r("24%", 330.0, 171.0),
            r("American students", 72.0, 178.0),
            r("This paragraph follows the table and runs across the columns.", 72.0, 220.0),
        ];
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        let cell = |text: &str| {
            let b = laid.blocks.iter().find(|b| b.text == text).unwrap_or_else(|| panic!("{text}: {:?}", texts(&laid)));
            b.grid.map(|g| (g.row, g.col))
        };
        assert_eq!(cell("District response:"), None);
        assert_eq!(cell("Measure"), Some((0, 0)));
        assert_eq!(cell("Baseline (2023)"), Some((0, 1)));
        assert_eq!(cell("Target (2024)"), Some((0, 2)));
        assert_eq!(cell("ELA Meeting/Exceeding (accountability target)"), Some((1, 0)));
        assert_eq!(cell("35%"), Some((1, 2)));
        assert_eq!(cell("Chronic absenteeism, Black/African American students"), Some((2, 0)));
        assert_eq!(cell("31%"), Some((2, 1)));
        assert_eq!(cell("This paragraph follows the table and runs across the columns."), None);
    }

    #[test]
    fn a_line_that_stops_before_a_title_and_name_goes_on() {
        // "Ms. Ortiz" is kept together (a no-break space): the line above stops short of it.
        let runs = vec![
            run(
                "District level: the gap between English learners and all young people narrows -",
                72.0,
                100.0,
                11.0,
                false,
            ),
            run("Ms. Ortiz, Director of English Learner Education reviews this monthly.", 72.0, 113.0, 11.0, false),
        ];
        let mut page = Page { width: 612.0, height: 792.0, runs, ..Page::default() };
        // The column runs a little past the first line: room for "Ms." but not "Ms. Ortiz,".
        page.runs.push(run("x", 72.0 + 84.0 * 5.5 + 20.0 - 5.5, 200.0, 11.0, false));
        let laid = lay_out(&[page]);
        assert!(texts(&laid)[0].ends_with("reviews this monthly."), "{:?}", texts(&laid));
    }

    #[test]
    fn line_end_hyphens_stay_and_words_broken_at_a_cell_edge_are_joined() {
        let lines = [
            "Engagement with our Stakeholde",
            "r groups in every school, mid-",
            "year and end-of-year reviews.",
            "Every team meets the principal",
            "on Mondays.",
        ];
        let runs = lines.iter().enumerate().map(|(i, t)| run(t, 72.0, 100.0 + 13.0 * i as f32, 11.0, false)).collect();
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        assert_eq!(
            texts(&laid),
            ["Engagement with our Stakeholder groups in every school, mid-year and end-of-year reviews. \
                 Every team meets the principal on Mondays."]
        );
    }

    #[test]
    fn a_label_centred_beside_its_response_is_read_as_one_line() {
        // An unruled two-column table: the label "Part III – Engaging
        // Stakeholders" wraps over three lines set between the response's.
        let mut runs = vec![run(
            "The district plan, as sent to the state in the fall, with all of its parts.",
            58.0,
            60.0,
            11.0,
            false,
        )];
        for (i, text) in
            ["This plan was shaped by many voices.", "Our students told us what matters.", "Families came to forums."]
                .iter()
                .enumerate()
        {
            runs.push(run(text, 158.0, 100.0 + 14.0 * i as f32, 11.0, false));
        }
        for (i, text) in ["Part III –", "Engaging", "Stakeholders"].iter().enumerate() {
            runs.push(run(text, 58.0, 107.0 + 14.0 * i as f32, 11.0, true));
        }
        runs.push(run("Engagement will not stop at submission.", 158.0, 156.0, 11.0, false));
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        let got = texts(&laid);
        assert!(got.contains(&"Part III – Engaging Stakeholders".to_string()), "{got:?}");
        assert!(got.iter().all(|t| t != "Engaging" && t != "Stakeholders"), "{got:?}");

        // Short lines at the left margin between indented lines, each a line
        // apart, are not a wrapped label: they stay in reading order.
        let lines = ["Goals:", "Literacy for all.", "Notes:", "Math for all.", "Later:", "Reviewed monthly."];
        let runs = lines
            .iter()
            .enumerate()
            .map(|(i, t)| run(t, if i % 2 == 0 { 72.0 } else { 140.0 }, 100.0 + 14.0 * i as f32, 11.0, false))
            .collect();
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        assert_eq!(texts(&laid).join(" "), lines.join(" "));
    }

    #[test]
    fn a_typed_table_of_contents_keeps_its_tabs() {
        let mut runs = vec![run("Contents", 72.0, 80.0, 14.0, true)];
        let entries =
            [("1. Priority(ies)", "3"), ("2. Analysis of Strengths and Challenges", "4"), ("3. Stakeholders", "5")];
        for (i, (title, page)) in entries.iter().enumerate() {
            let y = 100.0 + 14.0 * i as f32;
            runs.push(run(title, 72.0, y, 12.0, false));
            runs.push(run(page, 400.0, y, 12.0, false));
        }
        // A number set close after its title (a tab stop just past it), or glued to it.
        runs.push(run("4. Outcomes", 72.0, 142.0, 12.0, false));
        runs.push(run("6", 72.0 + 11.0 * 6.0 + 2.0, 142.0, 12.0, false));
        runs.push(run("5. Resources9", 72.0, 156.0, 12.0, false));
        runs.push(run("6. Differentiation", 72.0, 170.0, 12.0, false));
        runs.push(run("10", 72.0 + 18.0 * 6.0 + 9.0, 170.0, 12.0, false));
        runs.push(run("The plan follows the state's template and its eight sections.", 72.0, 200.0, 12.0, false));
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        assert_eq!(
            texts(&laid)[1..7],
            [
                "1. Priority(ies)\t3",
                "2. Analysis of Strengths and Challenges\t4",
                "3. Stakeholders\t5",
                "4. Outcomes\t6",
                "5. Resources\t9",
                "6. Differentiation\t10",
            ]
        );
        assert!(laid.blocks.iter().all(|b| b.grid.is_none()), "a contents page is not a table");

        // Two titles with numbers apart are not yet a table of contents.
        let runs = vec![
            run("Grade 3 reading", 72.0, 100.0, 12.0, false),
            run("45", 400.0, 100.0, 12.0, false),
            run("Grade 4 reading", 72.0, 114.0, 12.0, false),
            run("52", 400.0, 114.0, 12.0, false),
        ];
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        assert!(texts(&laid).iter().all(|t| !t.contains('\t')), "{:?}", texts(&laid));
    }

    #[test]
    fn two_columns_read_left_then_right() {
        let mut runs = vec![run("A Title Across The Whole Page Of The Report", 72.0, 60.0, 18.0, true)];
        for i in 0..8 {
            let y = 100.0 + i as f32 * 14.0;
            runs.push(run(&format!("left line {i} of the column"), 72.0, y, 11.0, false));
            runs.push(run(&format!("right line {i} of the column"), 320.0, y + 5.0, 11.0, false));
        }
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        let all = texts(&laid).join(" | ");
        let left = all.find("left line 7").unwrap();
        let right = all.find("right line 0").unwrap();
        assert!(left < right, "{all}");
    }

    #[test]
    fn running_headers_and_page_numbers_are_kept_apart() {
        let page = |n: usize| Page {
            width: 612.0,
            height: 792.0,
            vrules: Vec::new(),
            images: Vec::new(),
            shades: Vec::new(),
            markers: Vec::new(),
            hrules: Vec::new(),
            runs: vec![
                run("Lowell District Prioritization Submission", 72.0, 40.0, 9.0, false),
                run(&format!("Body of page {n} is here."), 72.0, 300.0, 11.0, false),
                run(&format!("Page {n} of 3"), 280.0, 760.0, 9.0, false),
            ],
        };
        let laid = lay_out(&[page(1), page(2), page(3)]);
        assert_eq!(texts(&laid), ["Body of page 1 is here.", "Body of page 2 is here.", "Body of page 3 is here."]);
        assert!(laid.headers.iter().any(|h| h.contains("Lowell")));
    }

    /// A two-column table ruled only across (rows, no column rules), as HTML
    /// exports draw it, whose long right-hand cell runs over a page break:
    /// page 2 starts with the right column alone, then the next row's label
    /// sits centred beside its response. It must not be read as a two-column page.
    #[test]
    fn a_long_cell_over_a_page_break_stays_in_its_row() {
        let rule = |y: f32| [(y, 93.0, 297.0), (y, 297.0, 501.0)];
        let mut p1 = vec![run("Component", 100.0, 100.0, 12.0, true), run("Response", 304.0, 100.0, 12.0, true)];
        p1.push(run("1. Priority(ies)", 100.0, 150.0, 12.0, false));
        for i in 0..30 {
            p1.push(run(&format!("priority line {i:02} goes on here"), 304.0, 150.0 + 18.0 * i as f32, 12.0, false));
        }
        // A prompt line that ends 14 pt before the response column starts.
        p1.push(run("What will be the meaningful xx", 100.0, 168.0, 12.0, false));
        for (i, prompt) in ["changes in practice", "be the focus of", "this priority?"].iter().enumerate() {
            p1.push(run(prompt, 100.0, 186.0 + 18.0 * i as f32, 12.0, false));
        }
        let mut p2 = Vec::new();
        for i in 0..12 {
            p2.push(run(&format!("and the priority goes on {i:02}"), 304.0, 70.0 + 18.0 * i as f32, 12.0, false));
        }
        for i in 0..16 {
            p2.push(run(&format!("analysis response line {i:02}"), 304.0, 330.0 + 18.0 * i as f32, 12.0, false));
        }
        p2.push(run("2. Analysis of Strengths", 100.0, 456.0, 12.0, false));
        let laid = lay_out(&[a4_page(p1, [rule(85.0), rule(110.0)].concat()), a4_page(p2, rule(300.0).to_vec())]);
        let find = |needle: &str| laid.blocks.iter().find(|b| b.text.contains(needle)).unwrap();
        let grids: Vec<_> = laid.blocks.iter().map(|b| (b.grid.map(|g| (g.table, g.row, g.col)), &b.text)).collect();
        assert!(laid.blocks.iter().all(|b| b.grid.is_some()), "{grids:#?}");
        let row = |needle: &str| find(needle).grid.map(|g| (g.table, g.row, g.col)).unwrap();
        let (t, r, _) = row("1. Priority");
        assert_eq!(row("priority goes on 11"), (t, r, 1), "the cut cell goes on in its row");
        let (t2, r2, c2) = row("2. Analysis");
        assert_eq!((t2, c2), (t, 0));
        assert!(r2 > r);
        assert_eq!(row("analysis response line 00"), (t, r2, 1), "a centred label is in its response's row");
        let at = |needle: &str| laid.blocks.iter().position(|b| b.text.contains(needle)).unwrap();
        assert!(at("priority goes on 11") < at("2. Analysis") && at("2. Analysis") < at("analysis response line 00"));
        assert!(find("meaningful xx").grid.is_some_and(|g| g.col == 0), "{:?}", find("meaningful xx").text);
        assert!(!find("meaningful xx").text.contains("priority line"));
    }

    /// A table with no rules at all (LibreOffice, borders off): its short label
    /// cells leave holes beside the long responses, which running text in
    /// columns never does; it is a table, not a two-column page.
    #[test]
    fn an_unruled_table_is_not_two_columns() {
        let mut runs =
            vec![run("Guidance prompt", 72.0, 100.0, 12.0, false), run("Response", 306.0, 100.0, 12.0, false)];
        let mut y = 124.0;
        for (label, lines) in [("1. Priority(ies)", 12), ("2. Analysis of Strengths", 10), ("3. Stakeholders", 9)] {
            runs.push(run(label, 72.0, y, 12.0, false));
            for i in 0..lines {
                runs.push(run(&format!("{label} answer line {i:02}"), 306.0, y + 14.0 * i as f32, 12.0, false));
            }
            y += 14.0 * lines as f32 + 24.0;
        }
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        let grids: Vec<_> = laid.blocks.iter().map(|b| (b.grid.map(|g| (g.row, g.col)), &b.text)).collect();
        assert!(laid.blocks.iter().all(|b| b.grid.is_some()), "{grids:#?}");
        let row = |needle: &str| laid.blocks.iter().find(|b| b.text.contains(needle)).and_then(|b| b.grid).unwrap().row;
        assert_eq!(row("2. Analysis of Strengths"), row("2. Analysis of Strengths answer line 09"), "{grids:#?}");
        assert_ne!(row("1. Priority"), row("2. Analysis of Strengths"));
    }

    /// A ruled grid (as LibreOffice exports a Word table) whose header cells
    /// are centred both ways: "Review / frequency" wraps round the line of the
    /// other headers, and "Benchmark" starts right of the body's first
    /// column. The header's lines and the rows below are one table.
    #[test]
    fn a_grid_with_centred_header_cells_is_one_table() {
        let cols = [57.0, 299.0, 339.0, 485.0, 567.0];
        let mut runs = vec![
            run("Review", 508.0, 41.7, 11.0, true),
            run("Benchmark", 148.0, 48.6, 11.0, true),
            run("Level", 305.0, 48.6, 11.0, true),
            run("Owner", 394.0, 48.6, 11.0, true),
            run("frequency", 500.0, 55.5, 11.0, true),
        ];
        let mut hrules = vec![(28.6, 57.0, 567.0), (74.0, 57.0, 567.0)];
        for r in 0..3 {
            let top = 74.0 + 45.0 * r as f32;
            runs.push(run(&format!("Percent {r} of walks showing"), 58.0, top + 13.0, 11.0, false));
            runs.push(run("the grade-level tasks", 58.0, top + 27.0, 11.0, false));
            runs.push(run("District", 301.0, top + 20.0, 11.0, false));
            runs.push(run("Deputy Superintendent", 340.0, top + 20.0, 11.0, false));
            runs.push(run("Monthly", 487.0, top + 20.0, 11.0, false));
            hrules.push((top + 45.0, 57.0, 567.0));
        }
        let vrules = cols.iter().map(|&x| (x, 28.6, 209.0)).collect();
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, vrules, hrules, ..Page::default() }]);
        let grids: Vec<_> = laid.blocks.iter().map(|b| (b.grid.map(|g| (g.table, g.row, g.col)), &b.text)).collect();
        assert!(laid.blocks.iter().all(|b| b.grid.is_some_and(|g| g.table == 1)), "{grids:#?}");
        let cell =
            |needle: &str| laid.blocks.iter().find(|b| b.text == needle).and_then(|b| b.grid).map(|g| (g.row, g.col));
        assert_eq!(cell("Review frequency"), Some((0, 3)), "{grids:#?}");
        assert_eq!(cell("Benchmark"), Some((0, 0)));
        assert_eq!(cell("Percent 2 of walks showing the grade-level tasks"), Some((3, 0)), "{grids:#?}");
        assert_eq!(cell("Monthly").map(|c| c.1), Some(3));
    }

    /// A table as a document converter prints it: rules only above the
    /// header and under it, bold header cells centred in their row (the
    /// wrapped "Review / frequency" above and below the others), body cells
    /// centred in their rows, set larger than the body text. A row is cut by
    /// the page break before its label (only its centred "District" is on
    /// the first page), and the next page repeats the header.
    #[test]
    fn a_centred_table_over_a_page_break_keeps_its_columns_and_rows() {
        let header = |top: f32| {
            vec![
                run("Review", 420.0, top, 12.0, true),
                run("Benchmark", 100.0, top + 9.0, 12.0, true),
                run("Level", 249.0, top + 9.0, 12.0, true),
                run("Owner", 306.0, top + 9.0, 12.0, true),
                run("frequency", 420.0, top + 18.0, 12.0, true),
            ]
        };
        let row = |y: f32, k: usize, level: &str| {
            vec![
                run(&format!("Percent {k} of learning"), 100.0, y, 12.0, false),
                run("walks showing that the", 100.0, y + 18.0, 12.0, false),
                run("Deputy", 306.0, y + 27.0, 12.0, false),
                run("Every six", 420.0, y + 27.0, 12.0, false),
                run("grade-level tasks are", 100.0, y + 36.0, 12.0, false),
                run(level, 249.0, y + 36.0, 12.0, false),
                run("Superintendent", 306.0, y + 45.0, 12.0, false),
                run("weeks", 420.0, y + 45.0, 12.0, false),
                run("in most of the lessons", 100.0, y + 54.0, 12.0, false),
                run("by the spring.", 100.0, y + 72.0, 12.0, false),
            ]
        };
        let mut p1 = vec![run("Interim benchmarks:", 72.0, 560.0, 11.0, false)];
        p1.extend(header(583.0));
        p1.extend(row(640.0, 1, "District"));
        // The next row's Level cell, centred, is all that fits on the page.
        p1.push(run("District", 249.0, 772.0, 12.0, false));
        let mut p2 = header(88.0);
        // The rest of that row: its label's lines, its owner and frequency.
        p2.extend(row(140.0, 2, "").into_iter().filter(|r| !r.text.is_empty()));
        p2.extend(row(262.0, 3, "School"));
        let laid = lay_out(&[
            a4_page(p1, vec![(570.0, 94.0, 501.0), (608.0, 94.0, 501.0)]),
            a4_page(p2, vec![(75.0, 94.0, 501.0), (113.0, 94.0, 501.0)]),
        ]);
        let grids: Vec<_> = laid.blocks.iter().map(|b| (b.grid.map(|g| (g.table, g.row, g.col)), &b.text)).collect();
        let cell = |needle: &str| {
            laid.blocks
                .iter()
                .filter(|b| b.text.starts_with(needle))
                .filter_map(|b| b.grid)
                .map(|g| (g.row, g.col))
                .collect::<Vec<_>>()
        };
        assert_eq!(cell("Review frequency"), [(0, 3)], "the wrapped header is one cell: {grids:#?}");
        assert_eq!(cell("Benchmark"), [(0, 0)], "the repeated header is dropped: {grids:#?}");
        assert_eq!(
            cell(
                "Percent 1 of learning walks showing that the grade-level tasks are in most of the lessons by the spring."
            ),
            [(1, 0)],
            "{grids:#?}"
        );
        assert_eq!(cell("Every six weeks"), [(1, 3), (2, 3), (3, 3)], "{grids:#?}");
        assert_eq!(cell("Deputy Superintendent"), [(1, 2), (2, 2), (3, 2)], "{grids:#?}");
        assert_eq!(cell("Percent 2"), [(2, 0)], "the cut row is finished on the next page: {grids:#?}");
        assert_eq!(cell("District"), [(1, 1), (2, 1)], "{grids:#?}");
        assert_eq!(cell("School"), [(3, 1)], "{grids:#?}");
        assert!(laid.blocks.iter().all(|b| b.grid.is_none_or(|g| g.table == 1)), "{grids:#?}");
    }

    /// Two ruled tables on one page: the first ends where its column rules
    /// end, so the heading between them is not a cell of either.
    #[test]
    fn a_ruled_table_ends_where_its_rules_end() {
        let mut runs = Vec::new();
        let mut vrules = Vec::new();
        let mut hrules = Vec::new();
        for (top, heading) in [(100.0, "II. Data Analysis"), (400.0, "III. Stakeholder Engagement")] {
            runs.push(run(heading, 90.0, top - 20.0, 11.0, true));
            for r in 0..4 {
                let y = top + 16.0 + 40.0 * r as f32;
                runs.push(run(&format!("label {r}"), 90.0, y, 11.0, false));
                runs.push(run(&format!("{heading} cell {r} first line"), 306.0, y, 11.0, false));
                runs.push(run("and its second line", 306.0, y + 13.0, 11.0, false));
                hrules.push((top + 40.0 * r as f32, 84.0, 516.0));
            }
            hrules.push((top + 160.0, 84.0, 516.0));
            vrules.extend([(84.0, top, top + 160.0), (300.0, top, top + 160.0), (516.0, top, top + 160.0)]);
        }
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, vrules, hrules, ..Page::default() }]);
        let heading = laid.blocks.iter().find(|b| b.text == "III. Stakeholder Engagement").unwrap();
        assert_eq!(heading.grid, None);
        let cell = laid.blocks.iter().find(|b| b.text.starts_with("II. Data Analysis cell 3")).unwrap();
        assert_eq!(cell.grid.map(|g| (g.row, g.col)), Some((3, 1)));
    }

    /// An unruled table whose cells are centred in their rows: a long first
    /// cell's first line stands alone after the gap between rows, and the
    /// other cells start lines later. The row stays in the table.
    #[test]
    fn a_centred_row_whose_label_starts_alone_stays_in_the_table() {
        let mut runs = vec![
            run("Benchmark", 100.0, 100.0, 12.0, true),
            run("Level", 250.0, 100.0, 12.0, true),
            run("Owner", 320.0, 100.0, 12.0, true),
        ];
        let mut y = 100.0;
        for r in 0..3 {
            y += 46.0;
            runs.push(run(&format!("Percent {r} of"), 100.0, y, 12.0, false));
            runs.push(run("walks showing", 100.0, y + 18.0, 12.0, false));
            runs.push(run("Deputy", 320.0, y + 27.0, 12.0, false));
            runs.push(run("practices", 100.0, y + 36.0, 12.0, false));
            runs.push(run("District", 250.0, y + 36.0, 12.0, false));
            y += 36.0;
        }
        let laid = lay_out(&[Page { width: 595.0, height: 842.0, runs, ..Page::default() }]);
        let grids: Vec<_> = laid.blocks.iter().map(|b| (b.grid.map(|g| (g.row, g.col)), &b.text)).collect();
        assert!(laid.blocks.iter().all(|b| b.grid.is_some()), "{grids:#?}");
        let row = |needle: &str| laid.blocks.iter().find(|b| b.text.contains(needle)).and_then(|b| b.grid).unwrap();
        assert_eq!(row("Percent 2").col, 0);
        assert!(row("Percent 2").row > row("Percent 1").row, "{grids:#?}");
    }

    #[test]
    fn a_list_number_flush_against_its_item_starts_an_item() {
        // LibreOffice prints "17.Community: ..." when the tab after a list number comes to nothing.
        let runs = vec![
            run("14.The family engagement coordinator ran listening sessions in three", 72.0, 100.0, 11.0, false),
            run("languages.", 72.0, 113.0, 11.0, false),
            run(
                "15.Educators from every building reviewed the draft in faculty meetings and",
                72.0,
                126.0,
                11.0,
                false,
            ),
            run("sent written comments.", 72.0, 139.0, 11.0, false),
            run("16.5 hours of coaching a week and 3.5 more in U.S. history were added.", 72.0, 152.0, 11.0, false),
        ];
        let laid = lay_out(&[Page { width: 612.0, height: 792.0, runs, ..Page::default() }]);
        assert_eq!(
            texts(&laid),
            [
                "14. The family engagement coordinator ran listening sessions in three languages.",
                "15. Educators from every building reviewed the draft in faculty meetings and sent written comments.",
                "16.5 hours of coaching a week and 3.5 more in U.S. history were added.",
            ]
        );
    }

    #[test]
    fn labels_and_numbers() {
        assert!(numbered("1. Priority") && numbered("2) By June") && numbered("(3) x") && numbered("b. item"));
        assert!(!numbered("2023 was") && !numbered("A Focus") && !numbered("Priority 1: x"));
        assert_eq!(bullet("• text"), Some(("•", "text")));
        assert_eq!(bullet("-5 degrees"), None);
    }
    /// Three cards side by side, each under a tinted title bar and inside a
    /// ruled border, cut by the page break: on the next page each card goes
    /// on, untitled, before a new row of cards. Each card is read whole,
    /// its words from both pages together, card after card.
    #[test]
    fn three_titled_cards_cut_by_a_page_break_are_read_card_by_card() {
        let lefts = [36.0f32, 220.0, 404.0];
        let bars = |top: f32| lefts.iter().map(|&x| (x, top, x + 172.0, top + 20.0)).collect::<Vec<_>>();
        let borders = |top: f32, bottom: f32| {
            lefts.iter().flat_map(|&x| [(x, top, bottom), (x + 172.0, top, bottom)]).collect::<Vec<_>>()
        };
        let mut p1 = Vec::new();
        for (k, &x) in lefts.iter().enumerate() {
            p1.push(run(&format!("{} Card title", k + 4), x + 6.0, 115.0, 11.0, true));
            for i in 0..40 {
                p1.push(run(&format!("card {k} first page {i:02}"), x + 6.0, 140.0 + 15.0 * i as f32, 9.0, false));
            }
        }
        let page1 = Page {
            width: 612.0,
            height: 792.0,
            runs: p1,
            shades: bars(100.0),
            vrules: borders(100.0, 760.0),
            ..Page::default()
        };
        let mut p2 = Vec::new();
        for (k, &x) in lefts.iter().enumerate() {
            for i in 0..3 {
                p2.push(run(&format!("card {k} next page {i}"), x + 6.0, 50.0 + 15.0 * i as f32, 9.0, false));
            }
            p2.push(run(&format!("{} Next title", k + 7), x + 6.0, 215.0, 11.0, true));
            p2.push(run(&format!("card {} body", k + 3), x + 6.0, 240.0, 9.0, false));
        }
        let page2 = Page {
            width: 612.0,
            height: 792.0,
            runs: p2,
            shades: bars(200.0),
            vrules: borders(200.0, 300.0),
            ..Page::default()
        };
        let all = texts(&lay_out(&[page1, page2])).join(" | ");
        let at = |needle: &str| all.find(needle).unwrap_or_else(|| panic!("{needle} not in {all}"));
        assert!(at("4 Card title") < at("card 0 first page 39"));
        assert!(at("card 0 first page 39") < at("card 0 next page 2"), "{all}");
        assert!(at("card 0 next page 2") < at("5 Card title"), "{all}");
        assert!(at("card 1 next page 2") < at("6 Card title"), "{all}");
        assert!(at("card 2 next page 2") < at("7 Next title"), "{all}");
        assert!(at("7 Next title") < at("card 3 body") && at("card 3 body") < at("8 Next title"), "{all}");
    }

    /// A two-column page whose left column holds a ruled table: the table's
    /// right border stands in the gutter, but its rows end there, so the page
    /// is still read a column at a time.
    #[test]
    fn a_table_inside_the_left_column_keeps_the_page_in_two_columns() {
        let mut runs = Vec::new();
        for i in 0..6 {
            let y = 100.0 + i as f32 * 20.0;
            runs.push(run(&format!("Area {i}"), 40.0, y, 9.0, false));
            runs.push(run(&format!("finding {i} in a cell"), 120.0, y, 9.0, false));
        }
        for i in 0..12 {
            runs.push(run(&format!("right column line {i:02} runs here"), 320.0, 100.0 + i as f32 * 12.0, 9.0, false));
            runs.push(run(&format!("left column text {i:02} goes on"), 40.0, 230.0 + i as f32 * 12.0, 9.0, false));
        }
        let hrules = (0..7).map(|i| (92.0 + i as f32 * 20.0, 36.0, 290.0)).collect();
        let vrules = vec![(36.0, 92.0, 212.0), (115.0, 92.0, 212.0), (290.0, 92.0, 212.0)];
        let page = Page { width: 612.0, height: 792.0, runs, hrules, vrules, ..Page::default() };
        let all = texts(&lay_out(&[page])).join(" | ");
        assert!(all.find("finding 5").unwrap() < all.find("right column line 00").unwrap(), "{all}");
        assert!(!all.contains("finding 0 in a cell right column"), "{all}");
    }
}
