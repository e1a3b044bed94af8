//! `numbering.xml`: list definitions and the running counters that turn a
//! paragraph's `numId`/`ilvl` into the label Word shows ("1.", "a)", "•").

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;

use super::styles::Styles;
use super::xmlutil::{MAX_NAME, Xml, attr, capped, int_val, local, val};
use crate::read::{InputError, Limits};

const LEVELS: usize = 9;

#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<i64>,
    fmt: Option<String>,
    text: Option<String>,
}

#[derive(Debug, Clone)]
struct Num {
    abs: u32,
    start_override: [Option<i64>; LEVELS],
}

#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<u32, Vec<Level>>,
    /// `w:numStyleLink`: abstract lists that take their levels from a
    /// numbering style (which names another `w:num`).
    style_links: HashMap<u32, String>,
    nums: HashMap<u32, Num>,
    /// Running counters per abstract list (Word shares them between the
    /// `w:num`s of one `w:abstractNum` unless a start override restarts).
    counters: HashMap<u32, [Option<i64>; LEVELS]>,
    /// (numId, ilvl) whose start override has been applied.
    overridden: HashSet<(u32, u8)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Abstract,
    Lvl,
    Num,
    Override,
    Other,
}

impl Numbering {
    pub(crate) fn parse(text: &str, part: &str, limits: &Limits) -> Result<Numbering, InputError> {
        let mut n = Numbering::default();
        let mut xml = Xml::new(text, part, limits);
        let mut stack: Vec<Ctx> = Vec::new();
        let mut cur_abs: Option<u32> = None;
        let mut cur_lvl: Option<usize> = None;
        let mut cur_num: Option<u32> = None;
        let mut cur_override: Option<usize> = None;
        while let Some(event) = xml.next()? {
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    stack.pop();
                    continue;
                }
                _ => continue,
            };
            let parent = stack.last().copied();
            let ctx = match (parent, local(e)) {
                (_, "abstractNum") => {
                    cur_abs = attr(e, "abstractNumId").and_then(|v| v.trim().parse().ok());
                    if let Some(id) = cur_abs {
                        n.abstracts.entry(id).or_insert_with(|| vec![Level::default(); LEVELS]);
                    }
                    Ctx::Abstract
                }
                (Some(Ctx::Abstract), "numStyleLink") => {
                    if let (Some(a), Some(v)) = (cur_abs, val(e)) {
                        n.style_links.insert(a, v.into_owned());
                    }
                    Ctx::Other
                }
                (Some(Ctx::Abstract), "lvl") => {
                    cur_lvl = attr(e, "ilvl").and_then(|v| v.trim().parse::<usize>().ok()).filter(|&l| l < LEVELS);
                    Ctx::Lvl
                }
                (Some(Ctx::Lvl), field @ ("start" | "numFmt" | "lvlText")) => {
                    if let (Some(a), Some(l)) = (cur_abs, cur_lvl)
                        && let Some(level) = n.abstracts.get_mut(&a).and_then(|v| v.get_mut(l))
                    {
                        match field {
                            "start" => level.start = int_val(e),
                            "numFmt" => level.fmt = val(e).map(|v| v.into_owned()),
                            // Capped: a label is built from it for every list item.
                            _ => level.text = Some(val(e).map(|v| capped(v, MAX_NAME)).unwrap_or_default()),
                        }
                    }
                    Ctx::Other
                }
                (_, "num") => {
                    cur_num = attr(e, "numId").and_then(|v| v.trim().parse().ok());
                    Ctx::Num
                }
                (Some(Ctx::Num), "abstractNumId") => {
                    if let (Some(id), Some(abs)) = (cur_num, int_val(e).and_then(|v| u32::try_from(v).ok())) {
                        n.nums.insert(id, Num { abs, start_override: [None; LEVELS] });
                    }
                    Ctx::Other
                }
                (Some(Ctx::Num), "lvlOverride") => {
                    cur_override = attr(e, "ilvl").and_then(|v| v.trim().parse::<usize>().ok()).filter(|&l| l < LEVELS);
                    Ctx::Override
                }
                (Some(Ctx::Override), "startOverride") => {
                    if let (Some(id), Some(l)) = (cur_num, cur_override)
                        && let Some(num) = n.nums.get_mut(&id)
                    {
                        num.start_override[l] = int_val(e);
                    }
                    Ctx::Other
                }
                _ => Ctx::Other,
            };
            if !empty {
                stack.push(ctx);
            }
        }
        Ok(n)
    }

    /// Points lists whose abstract definition is a `w:numStyleLink` at the
    /// abstract list the linked numbering style uses.
    pub(crate) fn resolve_style_links(&mut self, styles: &Styles) {
        if self.style_links.is_empty() {
            return;
        }
        let targets: Vec<(u32, u32)> = self
            .nums
            .iter()
            .filter_map(|(&id, num)| {
                let style = self.style_links.get(&num.abs)?;
                let linked = styles.numbering(Some(style)).0?;
                let abs = self.nums.get(&linked)?.abs;
                (abs != num.abs && !self.style_links.contains_key(&abs)).then_some((id, abs))
            })
            .collect();
        for (id, abs) in targets {
            if let Some(num) = self.nums.get_mut(&id) {
                num.abs = abs;
            }
        }
    }

    /// Advances the counters for a paragraph numbered (numId, ilvl) and
    /// returns its rendered label (None for `numFmt="none"` or an empty
    /// level text). Returns `None` overall when numId names no list.
    pub(crate) fn next_label(&mut self, num_id: u32, ilvl: u8) -> Option<Option<String>> {
        let num = self.nums.get(&num_id)?.clone();
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let levels = self.abstracts.get(&num.abs).cloned().unwrap_or_else(|| vec![Level::default(); LEVELS]);
        let counters = self.counters.entry(num.abs).or_insert([None; LEVELS]);
        let start_of = |l: usize| levels.get(l).and_then(|lv| lv.start).unwrap_or(1);
        let mut start = start_of(ilvl);
        if let Some(over) = num.start_override[ilvl]
            && self.overridden.insert((num_id, ilvl as u8))
        {
            counters[ilvl] = None;
            start = over;
        }
        counters[ilvl] = Some(match counters[ilvl] {
            Some(c) => c.saturating_add(1),
            None => start,
        });
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        let counters = *counters;
        let level = levels.get(ilvl).cloned().unwrap_or_default();
        let fmt = level.fmt.as_deref().unwrap_or("decimal");
        if fmt == "none" {
            return Some(None);
        }
        let text = level.text.unwrap_or_else(|| format!("%{}.", ilvl + 1));
        if fmt == "bullet" {
            return Some(Some(bullet(&text)));
        }
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
                && (1..=9).contains(&d)
            {
                chars.next();
                let l = (d - 1) as usize;
                let value = counters[l].unwrap_or_else(|| start_of(l));
                let lfmt =
                    if l == ilvl { fmt } else { levels.get(l).and_then(|lv| lv.fmt.as_deref()).unwrap_or("decimal") };
                out.push_str(&format_number(value, lfmt));
            } else {
                out.push(c);
            }
        }
        if out.trim().is_empty() { Some(None) } else { Some(Some(out)) }
    }
}

/// A bullet's label: symbol-font (private use) glyphs become "•"; letters
/// used as bullets ("o" in Courier) become "◦" so they never read as labels.
fn bullet(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)) {
        return "•".to_string();
    }
    if text.chars().any(char::is_alphanumeric) {
        return "◦".to_string();
    }
    text.to_string()
}

pub(crate) fn format_number(n: i64, fmt: &str) -> String {
    match fmt {
        "lowerLetter" => letters(n, b'a'),
        "upperLetter" => letters(n, b'A'),
        "lowerRoman" => roman(n).map(|r| r.to_lowercase()).unwrap_or_else(|| n.to_string()),
        "upperRoman" => roman(n).unwrap_or_else(|| n.to_string()),
        "decimalZero" => format!("{n:02}"),
        "bullet" | "none" => String::new(),
        _ => n.to_string(),
    }
}

/// Word's letter numbering: a..z, then aa..zz, aaa.. (repeated letter).
fn letters(n: i64, base: u8) -> String {
    if n <= 0 {
        return n.to_string();
    }
    let idx = ((n - 1) % 26) as u8;
    let reps = ((n - 1) / 26 + 1).min(10) as usize;
    std::iter::repeat_n((base + idx) as char, reps).collect()
}

fn roman(n: i64) -> Option<String> {
    if !(1..4000).contains(&n) {
        return None;
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    Some(out)
}
