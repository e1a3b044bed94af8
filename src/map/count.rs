//! Counting priorities and interim benchmarks in the mapped sections.
//!
//! Both are counted over lines: a paragraph, or a line of a multi-line
//! spreadsheet cell, since districts type lists into one cell too.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use super::headings::Headings;
use super::{MappedSection, Part, PriorityMark};
use crate::model::Document;
use crate::pack::pattern::LazyRegex;

/// A typed list item: "1.", "a)", "-", "•", "(i)" and the like.
static TYPED_ITEM: LazyLock<LazyRegex> = LazyLock::new(|| LazyRegex::new(crate::pack::forms::TYPED_ITEM));

/// A benchmark's own code ("1a", "2b", "4.2").
static ITEM_CODE: LazyLock<LazyRegex> = LazyLock::new(|| LazyRegex::new(crate::pack::forms::ITEM_CODE));

/// One line of a response, and whether it is a list item.
struct Line<'a> {
    text: &'a str,
    item: bool,
    block: usize,
    /// An item under a benchmark label: it counts whatever it says.
    vouched: bool,
    /// The table row the line stands in, if any.
    row: Option<(usize, usize)>,
    /// A heading's subtitle put back as a line: a label, never a group label inside a list.
    heading: bool,
}

fn lines<'a>(doc: &'a Document, parts: &[&'a Part]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for (part, piece) in parts.iter().flat_map(|p| p.pieces.iter().map(move |piece| (p, piece))) {
        let block = &doc.blocks[piece.block];
        let heading = part.heading == Some(piece.block);
        let listed = block.is_list_item() && block.list_level.unwrap_or(0) == 0;
        let row = block.grid.map(|g| (g.table, g.row));
        for (i, text) in piece.text.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
            let item = (listed && i == 0) || TYPED_ITEM.is_match(text);
            out.push(Line { text, item, block: piece.block, vouched: false, row, heading });
        }
    }
    out
}

/// A priority's label that names benchmarks ("PRIORITY 2 BENCHMARKS") opens
/// its part but is not among its words: put it back as the lead-in of the
/// part's list, as it reads.
fn with_part_labels<'a>(
    doc: &'a Document,
    parts: &[&'a Part],
    lines: Vec<Line<'a>>,
    headings: &Headings,
) -> Vec<Line<'a>> {
    // Looked up in a set: a section may have as many parts as lines.
    let in_lines: std::collections::HashSet<usize> = lines.iter().map(|l| l.block).collect();
    let mut labels: Vec<(usize, &str, bool)> = parts
        .iter()
        .filter(|p| p.priority.is_some())
        .filter_map(|p| p.blocks.first().map(|&b| (b, doc.blocks[b].text.trim(), false)))
        .filter(|&(b, text, _)| !in_lines.contains(&b) && headings.is_benchmark_header(text))
        .collect();
    // A heading's subtitle leads its part the same way ("6a Monitoring
    // Implementation: Interim benchmarks" over one benchmark per line), and
    // ends the list before it ("6b Monitoring Implementation: Who monitors").
    labels.extend(parts.iter().filter_map(|p| {
        let h = p.heading?;
        let (_, subtitle) = doc.blocks[h].text.trim().rsplit_once(": ")?;
        let subtitle = subtitle.trim();
        (!in_lines.contains(&h) && !subtitle.is_empty() && subtitle.split_whitespace().nth(SHORT_LABEL_WORDS).is_none())
            .then_some((h, subtitle, true))
    }));
    labels.sort_unstable_by_key(|&(b, _, _)| b);
    labels.dedup_by_key(|&mut (b, _, _)| b);
    if labels.is_empty() {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() + labels.len());
    let mut pending = labels.into_iter().peekable();
    for line in lines {
        while let Some(&(b, text, heading)) = pending.peek().filter(|&&(b, _, _)| b < line.block) {
            out.push(Line {
                text,
                item: false,
                block: b,
                vouched: false,
                row: doc.blocks[b].grid.map(|g| (g.table, g.row)),
                heading,
            });
            pending.next();
        }
        out.push(line);
    }
    out
}

/// The parts of a section grouped by priority (one group when it does not repeat).
fn by_priority(section: &MappedSection) -> Vec<(Option<usize>, Vec<&Part>)> {
    let mut groups: Vec<(Option<usize>, Vec<&Part>)> = Vec::new();
    for part in &section.parts {
        match groups.iter_mut().find(|(p, _)| *p == part.priority) {
            Some((_, parts)) => parts.push(part),
            None => groups.push((part.priority, vec![part])),
        }
    }
    groups
}

/// Benchmarks per priority: "Benchmark N:" paragraphs if there are any, else
/// the rows of a benchmark table, else list items (those after a lead-in that
/// mentions benchmarks, or all top-level ones). The first that finds some
/// wins, so prose bullets beside a benchmark table are not added to it.
pub fn benchmarks(doc: &Document, sections: &[MappedSection], headings: &Headings) -> Vec<(Option<usize>, usize)> {
    let Some(section) = headings.monitoring_index().and_then(|i| sections.get(i)) else {
        return Vec::new();
    };
    let all: Vec<&Part> = section.parts.iter().collect();
    // The section's benchmark table, once: a group's rows may stand under a
    // header in another group's part.
    let section_rows = table_rows(doc, &all, headings, true);
    by_priority(section)
        .into_iter()
        .flat_map(|(priority, parts)| count_group(doc, &parts, &section_rows, headings, priority))
        .collect()
}

/// One group's benchmarks; a benchmark table's own priority column ("P1",
/// "P2") splits its rows by priority, whatever part they stand in.
fn count_group(
    doc: &Document,
    parts: &[&Part],
    section_rows: &BTreeMap<(usize, usize), Option<usize>>,
    headings: &Headings,
    priority: Option<usize>,
) -> Vec<(Option<usize>, usize)> {
    let lines = with_part_labels(doc, parts, lines(doc, parts), headings);
    let labelled = labelled_benchmarks(&lines, headings);
    if labelled > 0 {
        return vec![(priority, labelled)];
    }
    let mut rows = table_rows(doc, parts, headings, false);
    if rows.is_empty() {
        // The table's header may stand in another part of the section (the
        // rows of each priority are parts of their own): this group's rows.
        let own: BTreeSet<(usize, usize)> = parts
            .iter()
            .flat_map(|p| &p.blocks)
            .filter_map(|&i| doc.blocks[i].grid)
            .map(|g| (g.table, g.row))
            .collect();
        rows = section_rows.iter().filter(|(key, _)| own.contains(key)).map(|(&k, &p)| (k, p)).collect();
    }
    if !rows.is_empty() {
        let mut per: Vec<(Option<usize>, usize)> = Vec::new();
        for p in rows.into_values().map(|row_priority| row_priority.or(priority)) {
            match per.iter_mut().find(|(q, _)| *q == p) {
                Some((_, n)) => *n += 1,
                None => per.push((p, 1)),
            }
        }
        return per;
    }
    // A paragraph that names benchmarks and dates them one by one ("Our
    // interim benchmarks are simple. By October, ...") is the list itself.
    let led_dated = dated_sentences(lines.iter().filter(|l| headings.is_benchmark_header(l.text)), headings);
    if led_dated > 0 {
        return vec![(priority, led_dated)];
    }
    let dated = dated_sentences(lines.iter(), headings);
    let listed = count_listed(lines, headings);
    vec![(priority, if listed > 0 { listed } else { dated })]
}

/// Benchmarks written as the sentences of a paragraph, each opening with its
/// deadline ("By October, every ILT completes a data cycle. By June, 80% of
/// ..."); a dated plan without a measure ("By June, we will review ...") is
/// not one.
fn dated_sentences<'a>(lines: impl Iterator<Item = &'a Line<'a>>, headings: &Headings) -> usize {
    lines
        .flat_map(|l| headings.sentences(l.text))
        .filter(|s| headings.opens_with_deadline(s) && (has_number(s) || !headings.states_plan(s)))
        .count()
}

/// Benchmarks typed as a list or as paragraphs under a benchmark label.
fn count_listed(lines: Vec<Line>, headings: &Headings) -> usize {
    let leads = |text: &str| headings.is_benchmark_header(text);
    let lines = paragraphs_under_labels(lines, &leads, headings);
    let not_fields = |l: &&Line| !headings.is_benchmark_non_item(l.text);
    if let Some(led) = led_lines(&lines, leads, |text| headings.is_benchmark_field(text)) {
        let led: Vec<&Line> = led.into_iter().filter(|l| !headings.is_schedule_line(l.text)).collect();
        // A lead-in that names benchmarks vouches for every item of its list,
        // with or without a number in it, but not for the plans that trail
        // it ("6.6 The DILT will review ..."): no measure, and a plan's verb.
        let plan = |l: &&&Line| !headings.is_measure(l.text) && headings.states_plan(l.text);
        let trailing = led.iter().rev().take_while(plan).count();
        return coded_only(&led[..led.len() - trailing]).len();
    }
    let items: Vec<&Line> = lines.iter().filter(|l| l.item).filter(not_fields).collect();
    let items = coded_only(&items);
    // Without a lead-in, prose bullets ("Staff told us ...") beside measurable
    // ones are not benchmarks.
    if items.is_empty() {
        // Paragraphs that carry their level ("District: ...") or their date
        // on a timeline ("November: 60% of ...") and a measure.
        let marked = |l: &&Line| headings.is_level_benchmark(l.text) || headings.is_dated_benchmark(l.text);
        return lines.iter().filter(marked).filter(|l| headings.is_measure(l.text)).count();
    }
    let measures = items.iter().filter(|l| headings.is_measure(l.text)).count();
    if measures > 0 { measures } else { items.len() }
}

/// A list whose items carry codes ("1a ...", "1b ...", "2a ..."), without
/// the lines that carry none: after the last code, notes on the list ("The
/// assistant superintendent owns all benchmarks."); among the codes, when
/// most lines have one, the rest of a wrapped line. Neither is a benchmark.
fn coded_only<'a>(lines: &[&'a Line<'a>]) -> Vec<&'a Line<'a>> {
    let coded = |l: &&Line| ITEM_CODE.is_match(l.text);
    let count = lines.iter().filter(|l| coded(l)).count();
    if count < 2 || !lines.first().is_some_and(coded) {
        return lines.to_vec();
    }
    let last = lines.iter().rposition(coded).unwrap_or(0);
    let list = &lines[..=last];
    if count * 2 > list.len() { list.iter().copied().filter(coded).collect() } else { list.to_vec() }
}

/// Under a benchmark label ("School benchmarks", "Interim benchmarks
/// (district and school level):"), plain paragraphs are that list's items,
/// also when short group labels ("Adult practice" / "Student learning")
/// split the list. The list ends at a field ("How often: ..."), at a
/// lead-in for something else, or at a paragraph of several sentences (the
/// prose after the list: "The DILT reviews ... . Principals ..."). A label
/// over a real list (numbered or bulleted) keeps it as it is.
fn paragraphs_under_labels<'a>(
    mut lines: Vec<Line<'a>>,
    leads: &impl Fn(&str) -> bool,
    headings: &Headings,
) -> Vec<Line<'a>> {
    #[derive(PartialEq, Clone, Copy)]
    enum Under {
        Nothing,
        Label,
        PlainList,
        RealList,
    }
    let mut under = Under::Nothing;
    // A label in a table cell governs its own row only.
    let mut label_row: Option<(usize, usize)> = None;
    for line in &mut lines {
        if label_row.is_some() && line.row != label_row {
            under = Under::Nothing;
            label_row = None;
        }
        let words = line.text.split_whitespace().count();
        let label = words <= SHORT_LABEL_WORDS && !line.text.ends_with('.');
        let lead_in = line.text.ends_with(':');
        if headings.is_benchmark_non_item(line.text) {
            // A field ends the list; a meeting on its timeline does not.
            if !headings.is_schedule_line(line.text) {
                under = Under::Nothing;
            }
            continue;
        }
        if (label || lead_in) && leads(line.text) {
            under = Under::Label;
            label_row = line.row;
            continue;
        }
        if label && !lead_in && under != Under::Nothing && !line.item && !line.heading {
            // A group label inside the list.
            under = Under::Label;
            continue;
        }
        if label || lead_in {
            under = Under::Nothing;
            continue;
        }
        // Prose that names the benchmarks but no measure ("The deputy
        // monitors district benchmarks every six weeks") is about the list,
        // not one of it.
        if !line.item && under != Under::Nothing && leads(line.text) && !headings.is_measure(line.text) {
            under = Under::Nothing;
            continue;
        }
        if under == Under::Label {
            under = if line.item { Under::RealList } else { Under::PlainList };
        }
        match under {
            Under::PlainList if headings.sentences(line.text).nth(1).is_some() => under = Under::Nothing,
            Under::PlainList => {
                line.item = true;
                line.vouched = true;
            }
            Under::RealList if line.item => line.vouched = true,
            Under::RealList => under = Under::Nothing,
            _ => {}
        }
    }
    lines
}

/// Most words of a label line ("District-level benchmarks").
const SHORT_LABEL_WORDS: usize = 5;

/// Lines labelled as benchmarks: "Benchmark 2: ..." (each number once in
/// its run) and "District benchmark: ..." (each line). Numbering that starts
/// again ("Benchmark 1" after "Benchmark 2", under the next topic) begins a
/// new run.
fn labelled_benchmarks(lines: &[Line], headings: &Headings) -> usize {
    let mut counted = 0;
    let mut run: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut last: Option<(usize, String)> = None;
    let mut unnumbered = 0;
    for line in lines {
        match headings.benchmark_marker(line.text.trim_start_matches(|c: char| !c.is_alphanumeric())) {
            Some(Some(number)) => {
                let key = (number.len(), number);
                if last.as_ref().is_some_and(|l| key < *l) {
                    counted += run.len();
                    run.clear();
                }
                run.insert(key.clone());
                last = Some(key);
            }
            Some(None) => unnumbered += 1,
            None => {}
        }
    }
    counted + run.len() + unnumbered
}

/// Filled rows under a benchmark table's header (a row with a "Benchmark"
/// cell beside other header cells), counted in the header's column wherever
/// the table starts. A lone "Benchmarks:" cell in a one-column sheet is a
/// lead-in, not a table header.
/// Each row counted, with the priority its priority column names, if any.
/// `whole_rows`: read every cell of the rows the parts touch, so that a header
/// cell the mapper took for the section's label ("Interim benchmark") still
/// heads its column; done once per section (it walks the section's span).
fn table_rows(
    doc: &Document,
    parts: &[&Part],
    headings: &Headings,
    whole_rows: bool,
) -> BTreeMap<(usize, usize), Option<usize>> {
    let in_parts: BTreeSet<usize> = parts.iter().flat_map(|p| &p.blocks).copied().collect();
    let rows_in_parts: BTreeSet<(usize, usize)> =
        in_parts.iter().filter_map(|&i| doc.blocks[i].grid).map(|g| (g.table, g.row)).collect();
    let row_mates = |i: usize| {
        let g = doc.blocks[i].grid?;
        let first = in_parts.first().copied().unwrap_or(0);
        (i >= first && rows_in_parts.contains(&(g.table, g.row))).then_some(i)
    };
    let span = match whole_rows {
        true => in_parts.first().copied().unwrap_or(0)..in_parts.last().map_or(0, |l| l + 1),
        false => 0..0,
    };
    let whole: BTreeSet<usize> = in_parts.iter().copied().chain(span.filter_map(row_mates)).collect();
    let blocks: Vec<&crate::model::Block> = whole.iter().map(|&i| &doc.blocks[i]).collect();
    let mut filled_cells: std::collections::HashMap<(usize, usize), usize> = std::collections::HashMap::new();
    for g in blocks.iter().filter(|b| !b.text.trim().is_empty()).filter_map(|b| b.grid) {
        *filled_cells.entry((g.table, g.row)).or_default() += 1;
    }
    // A table's rows fill two cells or more; a list typed one item per cell
    // down a merged label ("District-level benchmarks:" beside the section's
    // name) does not. The last such row of each table, found once.
    let mut last_wide_row: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (&(table, row), _) in filled_cells.iter().filter(|&(_, &n)| n >= 2) {
        let last = last_wide_row.entry(table).or_insert(row);
        *last = (*last).max(row);
    }
    // A header row holds labels only ("Level | Benchmark | Who monitors"); a
    // row with an answer in it ("Benchmarks | District: 80% of ...") is a
    // prompt and its response, not the head of a table of benchmarks.
    let mut answer_rows = std::collections::HashSet::new();
    // So is a row with a lead-in or a sentence in it ("Benchmarks | Interim
    // benchmarks for this year:", "Interim benchmarks | See the next tab."):
    // a form's label and its answer. Header cells are names, unpunctuated.
    let answers = |b: &&&crate::model::Block| {
        let text = b.text.trim_end();
        text.split_whitespace().nth(HEADER_CELL_WORDS).is_some() || text.ends_with([':', '.'])
    };
    for g in blocks.iter().filter(answers).filter_map(|b| b.grid) {
        answer_rows.insert((g.table, g.row));
    }
    let mut header: Option<(usize, usize, usize)> = None;
    let mut rows = BTreeSet::new();
    let cells: std::collections::HashMap<(usize, usize, usize), &str> =
        blocks.iter().filter_map(|b| b.grid.map(|g| ((g.table, g.row, g.col), b.text.trim()))).collect();
    for &block in &blocks {
        let Some(g) = block.grid else { continue };
        match header {
            Some((table, row, col)) if g.table == table && g.row > row => {
                let filled = !block.text.trim().is_empty() && !headings.is_placeholder(&block.text);
                // A line typed under the table (a sheet's next row) with no
                // measure is a note about the table, not one more benchmark.
                let note_below = last_wide_row.get(&g.table).is_some_and(|&last| g.row > last)
                    && (!headings.is_measure(&block.text) || headings.is_benchmark_non_item(&block.text));
                // The header typed again over the next priority's rows, and
                // the title band just above it, are not benchmarks.
                let header_text = cells.get(&(table, row, col)).copied().unwrap_or_default();
                let repeats_header = |r: usize| {
                    cells.get(&(g.table, r, col)).is_some_and(|t| t.eq_ignore_ascii_case(header_text))
                        && filled_cells.get(&(g.table, r)).is_some_and(|&n| n >= 2)
                };
                let sub_table_head = repeats_header(g.row)
                    || (filled_cells.get(&(g.table, g.row)) == Some(&1) && repeats_header(g.row + 1));
                // A bold label over an answer in fewer cells than the header
                // names ("Analysis of student work | Teachers will ...") is
                // the form's next prompt, not one more benchmark.
                let filled_in = |r: usize| filled_cells.get(&(g.table, r)).copied().unwrap_or(0);
                let form_row = block.bold && filled_in(g.row) < filled_in(row);
                if g.col == col && filled && !note_below && !sub_table_head && !form_row {
                    rows.insert((g.table, g.row));
                }
            }
            // A column per priority ("Priority 1 benchmarks | Priority 2
            // benchmarks") is a grid of lists, not a table of benchmarks.
            _ if headings.is_benchmark_header(&block.text)
                && headings.priority_marker_in(&block.text).is_none()
                && block.text.split_whitespace().nth(4).is_none()
                && !block.text.trim_end().ends_with(':')
                && filled_cells.get(&(g.table, g.row)).is_some_and(|&n| n >= 2)
                && !answer_rows.contains(&(g.table, g.row))
                && last_wide_row.get(&g.table).is_some_and(|&last| last > g.row) =>
            {
                header = Some((g.table, g.row, g.col));
            }
            _ => {}
        }
    }
    let Some((table, header_row, _)) = header else { return BTreeMap::new() };
    let priority_col = cells
        .iter()
        .filter(|&(&(t, r, _), text)| t == table && r == header_row && headings.is_priority_column_header(text))
        .map(|(&(_, _, c), _)| c)
        .min();
    rows.into_iter()
        .map(|(t, r)| {
            let priority =
                priority_col.and_then(|c| cells.get(&(t, r, c))).and_then(|text| headings.priority_in_cell(text));
            ((t, r), priority)
        })
        .collect()
}

/// Most words of a cell in a table's header row.
const HEADER_CELL_WORDS: usize = 6;

/// The runs of list items that follow a lead-in `leads` accepts, each up to
/// its first field (`ends`: "Who monitors: ...", after which the list is
/// about something else); `None` when no run has such a lead-in.
fn led_lines<'a>(
    lines: &'a [Line<'a>],
    leads: impl Fn(&str) -> bool,
    ends: impl Fn(&str) -> bool,
) -> Option<Vec<&'a Line<'a>>> {
    let mut led = Vec::new();
    let mut in_led_run = false;
    let mut any_lead = false;
    for (i, line) in lines.iter().enumerate() {
        if !line.item {
            in_led_run = false;
            continue;
        }
        let previous = i.checked_sub(1).map(|p| &lines[p]);
        if previous.is_none_or(|p| !p.item) {
            in_led_run = previous.is_some_and(|p| leads(p.text));
            any_lead |= in_led_run;
        }
        if ends(line.text) {
            in_led_run = false;
        }
        any_lead |= line.vouched;
        if in_led_run || line.vouched {
            led.push(line);
        }
    }
    any_lead.then_some(led)
}

/// Distinct priorities: numbered statements ("Priority 2: ...") if any,
/// raised to the number a sentence states ("Our four priorities are ...");
/// else a list after a lead-in that mentions priorities; else one when
/// section 1 states a focus, none when it only says the choice is not made.
pub fn priorities(
    doc: &Document,
    sections: &[MappedSection],
    marks: Vec<PriorityMark>,
    headings: &Headings,
) -> Vec<PriorityMark> {
    let section = sections.get(headings.priorities_index());
    let sentences: Vec<(usize, &str)> = section
        .into_iter()
        .flat_map(|s| &s.parts)
        .flat_map(|p| &p.pieces)
        .flat_map(|piece| statements(&piece.text).map(move |s| (piece.block, s)))
        .collect();
    // Statements that start a later line or sentence of a paragraph ("Our
    // first priority is ... Our second priority is ...").
    let in_sentences = sentences.iter().filter_map(|&(block, sentence)| {
        let (number, label) = headings.priority_marker_in(sentence)?;
        Some(PriorityMark { number: number?, label, block })
    });
    let mut distinct: Vec<PriorityMark> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for mark in marks.into_iter().chain(in_sentences) {
        if seen.insert(mark.number) {
            distinct.push(mark);
        }
    }
    let stated = sentences
        .iter()
        .filter_map(|&(block, s)| headings.stated_priority_count(s).map(|n| (block, n)))
        .max_by_key(|&(_, n)| n);
    if let Some((block, n)) = stated {
        let mut free = (1..).filter(|k| !seen.contains(k));
        while distinct.len() < n {
            let number = free.next().unwrap_or(n);
            distinct.push(PriorityMark { number, label: format!("Priority {number}"), block });
        }
    }
    if !distinct.is_empty() {
        return distinct;
    }
    let named = alt_named(&sentences, headings);
    if (2..=headings.max_alt_priorities()).contains(&named.len()) {
        return named;
    }
    let Some(section) = section.filter(|s| s.words() > 0) else {
        return Vec::new();
    };
    let rows = priority_table_rows(doc, section, headings);
    if !rows.is_empty() {
        return rows;
    }
    let deferred = sentences.iter().any(|&(_, s)| headings.defers_priority(s));
    let focus = sentences.iter().any(|&(_, s)| !headings.defers_priority(s) && headings.states_focus(s));
    if deferred && !focus {
        return Vec::new();
    }
    let parts: Vec<&Part> = section.parts.iter().collect();
    let lines = lines(doc, &parts);
    // Only a lead-in that announces priorities (plural) heads a list of them:
    // "Our priority is literacy:" followed by its sub-points is one priority.
    let listed = led_lines(&lines, |text| headings.announces_priorities(text), |_| false).unwrap_or_default();
    if listed.is_empty() {
        let first = section.parts.iter().flat_map(|p| &p.pieces).next().map_or(0, |p| p.block);
        return vec![PriorityMark { number: 1, label: "Priority".to_string(), block: first }];
    }
    listed
        .iter()
        .enumerate()
        .map(|(i, line)| PriorityMark { number: i + 1, label: format!("Priority {}", i + 1), block: line.block })
        .collect()
}

/// A table of section 1 with a column headed "Priority" ("Focus area"):
/// each later row with words in that column states one priority.
fn priority_table_rows(doc: &Document, section: &MappedSection, headings: &Headings) -> Vec<PriorityMark> {
    let cells: Vec<(usize, crate::model::GridPos)> = section
        .parts
        .iter()
        .flat_map(|p| &p.pieces)
        .filter_map(|piece| doc.blocks[piece.block].grid.map(|g| (piece.block, g)))
        .collect();
    let Some(column) = cells
        .iter()
        .find(|(b, g)| g.row == 0 && headings.is_priority_column_header(&doc.blocks[*b].text))
        .map(|(_, g)| *g)
    else {
        return Vec::new();
    };
    let mut rows: Vec<(usize, usize)> = cells
        .iter()
        .filter(|(b, g)| {
            g.table == column.table && g.col == column.col && g.row > 0 && !doc.blocks[*b].text.trim().is_empty()
        })
        .map(|(b, g)| (g.row, *b))
        .collect();
    rows.sort_unstable();
    rows.dedup_by_key(|(row, _)| *row);
    rows.iter()
        .enumerate()
        .map(|(i, &(_, block))| PriorityMark { number: i + 1, label: format!("Priority {}", i + 1), block })
        .collect()
}

/// Priorities under another name ("Initiative A —", "Strategy 2:"), each
/// name once, in the order they first stand at the start of a statement.
fn alt_named(sentences: &[(usize, &str)], headings: &Headings) -> Vec<PriorityMark> {
    let mut names: Vec<String> = Vec::new();
    let mut marks = Vec::new();
    for &(block, sentence) in sentences {
        let Some(name) = headings.alt_priority_marker(sentence) else { continue };
        if !names.contains(&name) {
            names.push(name);
            let number = names.len();
            marks.push(PriorityMark { number, label: format!("Priority {number}"), block });
        }
    }
    marks
}

/// Whether a sentence holds a number or a rate (its deadline aside, a plan's
/// "By June, we will review ..." has none).
fn has_number(sentence: &str) -> bool {
    let after_deadline = sentence.split_once(',').map_or(sentence, |(_, rest)| rest);
    after_deadline.chars().any(|c| c.is_ascii_digit() || c == '%')
}

/// The statements of section 1, line by line, cut at every full stop before
/// a space: a priority's label may follow any stop ("... to Algebra I.
/// Priority 2: ...", "... K-8. P2: ..."), whatever the word before it.
fn statements(text: &str) -> impl Iterator<Item = &str> {
    text.lines().flat_map(|line| line.split(". ")).map(str::trim).filter(|s| !s.is_empty())
}
