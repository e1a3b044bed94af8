//! The generic vocabulary rule kinds: `items` (each item of a list must be
//! mentioned) and `any` (something from a list must be mentioned), run only
//! inside the rule's own section, once per priority where sections repeat.

use super::{Coverage, Finding, RuleCtx};
use crate::map::{MappedSection, Piece};
use crate::model::excerpt;
use crate::pack::matcher::{Hit, Negation, TermSet, Token};
use crate::pack::{Check, ItemDef, Pack};
use crate::report::{Evidence, PromptStatus, SectionState};

/// One compiled item: what counts as a mention of it.
pub struct CompiledItem {
    pub id: String,
    pub label: String,
    terms: TermSet,
    contextual: TermSet,
    context: TermSet,
}

/// A compiled `items` or `any` check.
pub struct CompiledCheck {
    items: Vec<CompiledItem>,
    /// `any`: one item stands for the whole list, and no items are reported.
    any: bool,
    per_priority: bool,
    negation: bool,
}

impl CompiledCheck {
    pub fn new(check: &Check, pack: &Pack) -> Option<Self> {
        match check {
            Check::Items { items, per_priority, negation } => Some(CompiledCheck {
                items: items.iter().map(|i| compile_item(i, pack)).collect(),
                any: false,
                per_priority: *per_priority,
                negation: *negation,
            }),
            Check::Any { terms, vocab, patterns, per_priority, negation } => {
                let item = ItemDef {
                    id: String::new(),
                    label: String::new(),
                    terms: terms.clone(),
                    vocab: vocab.clone(),
                    patterns: patterns.clone(),
                    contextual: Vec::new(),
                    context: None,
                };
                Some(CompiledCheck {
                    items: vec![compile_item(&item, pack)],
                    any: true,
                    per_priority: *per_priority,
                    negation: *negation,
                })
            }
            _ => None,
        }
    }
}

fn compile_item(item: &ItemDef, pack: &Pack) -> CompiledItem {
    let vocab_terms = item.vocab.iter().filter_map(|v| pack.vocab.get(v)).flatten();
    let context = item.context.as_ref().and_then(|v| pack.vocab.get(v)).map(|terms| TermSet::new(terms, &[]));
    CompiledItem {
        id: item.id.clone(),
        label: item.label.clone(),
        terms: TermSet::new(item.terms.iter().chain(vocab_terms), &item.patterns),
        contextual: TermSet::new(&item.contextual, &[]),
        context: context.unwrap_or_default(),
    }
}

impl CompiledItem {
    /// The first mention of this item in `text` (cut into `tokens`).
    fn find(&self, text: &str, tokens: &[Token], negation: &Negation) -> Option<Hit> {
        if let Some(hit) = self.terms.find_in_tokens(text, tokens, negation) {
            return Some(hit);
        }
        if self.contextual.is_empty() {
            return None;
        }
        sentences(text).find_map(|(offset, sentence)| {
            let hit = self.contextual.find(sentence, negation)?;
            self.context.find(sentence, negation)?;
            Some(Hit { start: hit.start + offset, end: hit.end + offset, term: hit.term })
        })
    }
}

/// Sentences of `text` with their byte offsets.
fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    let mut out = Vec::new();
    for (i, ch) in text.char_indices() {
        if matches!(ch, '.' | '!' | '?' | '\n' | ';') {
            let end = i + ch.len_utf8();
            out.push((start, &text[start..end]));
            start = end;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out.into_iter()
}

/// The sentence around a hit, shortened for quoting.
fn sentence_around(text: &str, hit: &Hit) -> String {
    let sentence = sentences(text).find(|(o, s)| hit.start >= *o && hit.start < o + s.len()).map_or(text, |(_, s)| s);
    excerpt(sentence.trim(), 180)
}

struct GroupResult {
    priority: Option<usize>,
    heading: Option<usize>,
    missing: Vec<usize>,
    evidence: Vec<(Evidence, usize)>,
}

pub(crate) fn run(ctx: &RuleCtx, compiled: &CompiledCheck) -> (Vec<Finding>, Vec<Coverage>) {
    let Some(index) = ctx.rule.section else {
        return (Vec::new(), Vec::new());
    };
    let section = ctx.submission.section(index);
    let prompt = ctx.rule.def.prompt.clone().unwrap_or_else(|| ctx.rule.def.code.clone());
    if section.state != SectionState::Present {
        let coverage = Coverage { section: index, prompt, status: PromptStatus::Missing, evidence: Vec::new() };
        return (Vec::new(), vec![coverage]);
    }
    let results: Vec<GroupResult> =
        groups(section, compiled.per_priority).iter().map(|g| evaluate(ctx, compiled, index, g)).collect();
    let findings = results.iter().filter(|r| !r.missing.is_empty()).map(|r| finding(ctx, compiled, r, index)).collect();
    let coverage = Coverage {
        section: index,
        prompt,
        status: status(&results, compiled.items.len()),
        evidence: results.into_iter().flat_map(|r| r.evidence).take(8).collect(),
    };
    (findings, vec![coverage])
}

/// Parts of a section (by index) checked together, for one priority or all.
struct Group {
    priority: Option<usize>,
    parts: Vec<usize>,
}

/// The section's parts, grouped by priority when the check runs per priority
/// and the section repeats per priority; else all parts as one group.
fn groups(section: &MappedSection, per_priority: bool) -> Vec<Group> {
    let all = || (0..section.parts.len()).collect();
    if !per_priority || section.priorities().is_empty() {
        return vec![Group { priority: None, parts: all() }];
    }
    let mut out: Vec<Group> = Vec::new();
    for (i, part) in section.parts.iter().enumerate() {
        match out.iter_mut().find(|g| g.priority == part.priority) {
            Some(g) => g.parts.push(i),
            None => out.push(Group { priority: part.priority, parts: vec![i] }),
        }
    }
    out
}

fn evaluate(ctx: &RuleCtx, compiled: &CompiledCheck, section: usize, group: &Group) -> GroupResult {
    let negation = if compiled.negation { &ctx.engine.negation } else { &ctx.engine.no_negation };
    let parts = &ctx.submission.section(section).parts;
    let pieces: Vec<(&Piece, &[Token])> = group
        .parts
        .iter()
        .flat_map(|&p| parts[p].pieces.iter().zip(ctx.tokens[section][p].iter().map(Vec::as_slice)))
        .collect();
    let mut missing = Vec::new();
    let mut evidence = Vec::new();
    for (i, item) in compiled.items.iter().enumerate() {
        let hit =
            pieces.iter().find_map(|(piece, tokens)| item.find(&piece.text, tokens, negation).map(|hit| (*piece, hit)));
        match hit {
            Some((piece, hit)) => {
                let location = ctx.doc.blocks[piece.block].location.clone();
                let quote = sentence_around(&piece.text, &hit);
                let item_id = (!compiled.any).then(|| item.id.clone());
                evidence.push((Evidence { excerpt: quote, location, item: item_id }, piece.block));
            }
            None => missing.push(i),
        }
    }
    let heading =
        group.parts.iter().find_map(|&p| parts[p].heading).or_else(|| pieces.first().map(|(piece, _)| piece.block));
    GroupResult { priority: group.priority, heading, missing, evidence }
}

fn finding(ctx: &RuleCtx, compiled: &CompiledCheck, result: &GroupResult, section: usize) -> Finding {
    let labels: Vec<String> = result.missing.iter().map(|&i| compiled.items[i].label.clone()).collect();
    let mut message = ctx.message().items(&labels).priority(result.priority);
    if result.priority.is_some() && !ctx.rule.def.message.contains("{priority}") {
        message = Message::append_priority(message, result.priority);
    }
    let mut f = ctx.finding(message, Some(section), result.heading);
    if !compiled.any {
        f.items = result.missing.iter().map(|&i| compiled.items[i].id.clone()).collect();
    }
    f.priority = result.priority;
    f
}

use super::Message;

impl Message {
    /// Adds "(priority N)" to a message whose template has no `{priority}`.
    fn append_priority(self, priority: Option<usize>) -> Message {
        let text = self.finish();
        let text = match priority {
            Some(p) => format!("{} (priority {p})", text.trim_end_matches('.')) + ".",
            None => text,
        };
        Message::new(&text)
    }
}

fn status(results: &[GroupResult], items: usize) -> PromptStatus {
    let total = results.len() * items;
    let missing: usize = results.iter().map(|r| r.missing.len()).sum();
    match missing {
        0 => PromptStatus::Met,
        m if m == total => PromptStatus::Missing,
        _ => PromptStatus::Partial,
    }
}
