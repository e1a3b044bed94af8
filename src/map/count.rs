//! Counting priorities and interim benchmarks in the mapped sections.

use std::collections::BTreeSet;

use regex::Regex;

use super::headings::Headings;
use super::{MappedSection, Part, PriorityMark};
use crate::model::{Block, Document};

/// The monitoring section's index in the pack (found by id at compile time of the pack).
fn monitoring(sections: &[MappedSection], headings: &Headings) -> Option<usize> {
    headings.monitoring_index().filter(|&i| i < sections.len())
}

/// Benchmarks per monitoring part: "Benchmark N:" paragraphs if there are
/// any, else the rows of a benchmark table, else list items (those after a
/// lead-in that mentions benchmarks, or all top-level ones).
pub fn benchmarks(doc: &Document, sections: &[MappedSection], headings: &Headings) -> Vec<(Option<usize>, usize)> {
    let Some(index) = monitoring(sections, headings) else {
        return Vec::new();
    };
    sections[index].parts.iter().map(|part| (part.priority, count_part(doc, part, headings))).collect()
}

fn count_part(doc: &Document, part: &Part, headings: &Headings) -> usize {
    let units = units(doc, part);
    let markers: BTreeSet<String> = units.iter().filter_map(|u| headings.benchmark_marker(u.text)).collect();
    if !markers.is_empty() {
        return markers.len();
    }
    let rows = table_rows(doc, part, headings);
    if rows > 0 {
        return rows;
    }
    list_items(&units, headings)
}

/// One line of the response: a paragraph, or a line of a multi-line cell.
struct Unit<'a> {
    text: &'a str,
    item: bool,
}

fn units<'a>(doc: &'a Document, part: &'a Part) -> Vec<Unit<'a>> {
    let typed = typed_item();
    let mut out = Vec::new();
    for piece in &part.pieces {
        let block = &doc.blocks[piece.block];
        let listed = block.is_list_item() && block.list_level.unwrap_or(0) == 0;
        for (i, line) in piece.text.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
            out.push(Unit { text: line, item: (listed && i == 0) || typed.is_match(line) });
        }
    }
    out
}

/// Rows under a benchmark table's header row (a row with a "Benchmark" cell).
fn table_rows(doc: &Document, part: &Part, headings: &Headings) -> usize {
    let mut header: Option<(usize, usize)> = None;
    let mut rows = BTreeSet::new();
    for &i in &part.blocks {
        let block = &doc.blocks[i];
        let Some(g) = block.grid else { continue };
        match header {
            Some((table, row)) if g.table == table && g.row > row => {
                let filled = !block.text.trim().is_empty() && !headings.is_placeholder(&block.text);
                if g.col == 0 && filled {
                    rows.insert((g.table, g.row));
                }
            }
            _ if headings.is_benchmark_header(&block.text) && block.text.split_whitespace().count() <= 4 => {
                header = Some((g.table, g.row));
            }
            _ => {}
        }
    }
    rows.len()
}

/// A typed list item: "1.", "a)", "-", "•", "(i)" and the like.
fn typed_item() -> &'static Regex {
    static TYPED: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"^\s*(?:\d{1,2}[.)]|[a-h][.)]|[-•*▪◦●]|\(\w\))\s+\S").expect("static regex")
    });
    &TYPED
}

fn is_item(block: &Block, typed: &Regex) -> bool {
    (block.is_list_item() && block.list_level.unwrap_or(0) == 0) || typed.is_match(&block.text)
}

/// List items: runs after a lead-in that mentions benchmarks, or else all.
fn list_items(units: &[Unit], headings: &Headings) -> usize {
    let mut led = 0;
    let mut all = 0;
    let mut in_led_run = false;
    for (i, unit) in units.iter().enumerate() {
        if !unit.item {
            in_led_run = false;
            continue;
        }
        all += 1;
        let previous = i.checked_sub(1).map(|p| &units[p]);
        if previous.is_none_or(|p| !p.item) {
            in_led_run = previous.is_some_and(|p| mentions_benchmarks(p.text, headings));
        }
        if in_led_run {
            led += 1;
        }
    }
    if led > 0 { led } else { all }
}

fn mentions_benchmarks(text: &str, headings: &Headings) -> bool {
    headings.is_benchmark_header(text) || text.to_lowercase().contains("benchmark")
}

/// Distinct priorities: numbered statements if any; else a list of
/// priorities after a lead-in; else one when section 1 has a response.
pub fn priorities(
    doc: &Document,
    sections: &[MappedSection],
    marks: Vec<PriorityMark>,
    headings: &Headings,
) -> Vec<PriorityMark> {
    let mut distinct: Vec<PriorityMark> = Vec::new();
    let in_lines =
        sections.get(headings.priorities_index()).into_iter().flat_map(|s| &s.parts).flat_map(|p| &p.pieces).flat_map(
            |piece| {
                piece
                    .text
                    .lines()
                    .skip(1)
                    .filter_map(move |line| headings.priority_marker_in(line).map(|(n, label)| (n, label, piece.block)))
            },
        );
    let extra: Vec<PriorityMark> = in_lines
        .map(|(n, label, block)| PriorityMark { number: n.unwrap_or(0), label, block })
        .filter(|m| m.number > 0)
        .collect();
    for mark in marks.into_iter().chain(extra) {
        if !distinct.iter().any(|m| m.number == mark.number) {
            distinct.push(mark);
        }
    }
    if !distinct.is_empty() {
        return distinct;
    }
    let Some(section) = sections.get(headings.priorities_index()) else {
        return Vec::new();
    };
    if section.words() == 0 {
        return Vec::new();
    }
    let listed = listed_priorities(doc, section, headings);
    if !listed.is_empty() {
        return listed;
    }
    let first = section.parts.iter().flat_map(|p| &p.pieces).next();
    first.map(|p| vec![PriorityMark { number: 1, label: "Priority".to_string(), block: p.block }]).unwrap_or_default()
}

/// List items right after a lead-in such as "Our priorities are:".
fn listed_priorities(doc: &Document, section: &MappedSection, _headings: &Headings) -> Vec<PriorityMark> {
    let typed = typed_item();
    let mut found = Vec::new();
    for part in &section.parts {
        let mut after_lead_in = false;
        for piece in &part.pieces {
            let block = &doc.blocks[piece.block];
            if is_item(block, typed) {
                if after_lead_in && block.text.split_whitespace().count() <= 60 {
                    found.push(PriorityMark {
                        number: found.len() + 1,
                        label: format!("Priority {}", found.len() + 1),
                        block: piece.block,
                    });
                }
            } else {
                let lower = block.text.to_lowercase();
                after_lead_in = lower.contains("priorit") && block.text.trim_end().ends_with(':');
            }
        }
    }
    found
}
