//! The claim rule kinds: `items` (each item must be met) and `any` (one
//! claim must be made). An item is met by one **unit** (a sentence, a list
//! item, a table cell with its label) of the rule's own section that names
//! every concept of one of the item's alternatives, in order when asked, with
//! no mention inside the scope of an excluded trigger, in the tense the
//! guidance asks for. The unit that met it is quoted as its evidence.

use super::units::PlacedUnit;
use super::{Coverage, Finding, Message, RuleCtx};
use crate::map::MappedSection;
use crate::model::{Evidence, PromptStatus, SectionState, excerpt};
use crate::pack::lexicon::{Hit, Lexicon, Unit, bit};
use crate::pack::{ACTED_CLAIM, Category, Check, ClaimDef, Tense};

/// A claim with its concepts resolved to indices.
#[derive(Debug, Clone)]
pub struct Claim {
    alternatives: Vec<Vec<usize>>,
    ordered: bool,
    exclude: u8,
    tense: Option<Tense>,
    subject: Option<usize>,
    label_answers: bool,
    fragment_answers: bool,
    same_clause: bool,
}

impl Claim {
    /// The concepts a claim opens with (who or what it is about), and its subject.
    fn first_concepts(&self) -> impl Iterator<Item = usize> + '_ {
        self.alternatives.iter().filter_map(|alt| alt.first().copied()).chain(self.subject).filter(|&c| c != ACTED)
    }

    pub fn new(def: &ClaimDef, lexicon: &Lexicon) -> Self {
        Claim {
            alternatives: def
                .when
                .iter()
                .map(|alt| alt.iter().filter_map(|name| concept_index(name, lexicon)).collect::<Vec<_>>())
                .filter(|alt: &Vec<usize>| !alt.is_empty())
                .collect(),
            ordered: def.ordered,
            exclude: def.exclude.iter().fold(0, |a, c| a | bit(*c)),
            tense: def.tense,
            subject: def.subject.as_deref().and_then(|s| lexicon.concept(s)),
            label_answers: def.label_answers,
            fragment_answers: def.fragment_answers,
            same_clause: def.same_clause,
        }
    }

    /// Whether `unit` makes this claim.
    pub fn met_by(&self, unit: &Unit) -> bool {
        self.alternatives.iter().any(|alt| self.alternative_met(alt, unit))
    }

    /// A topic label whose answer has words, none in an excluded scope.
    fn topic_answered(&self, unit: &Unit, label_end: usize) -> bool {
        let body = &unit.scope[label_end.min(unit.scope.len())..];
        unit.topic_label && body.len() >= MIN_TOPIC_ANSWER_WORDS && body.iter().all(|s| s & self.exclude == 0)
    }

    /// A run-in label naming the claim's first concept ("School leaders:
    /// monthly principals' meeting", "Teachers: grade-level lesson daily")
    /// stands for the rest of the claim when a note follows it, in no
    /// excluded scope and, where the claim is about what happened, not only
    /// planned. A full sentence after the label ("Families: A Parent Advisory
    /// Council exists.") must make the claim itself.
    fn label_answers_claim(&self, topic: usize, unit: &Unit) -> bool {
        let label = unit.inner_label_end.min(unit.scope.len());
        // A note, not a sentence: no closing stop, or no verb and words that
        // do not open a sentence ("Principals: weekly walkthroughs + feedback; run ILT
        // data cycles.", "Student work: PLCs weekly; ILTs each cycle.").
        let fragment = unit.verbless && !unit.sentence_after_label;
        let note = (!unit.text.trim_end().ends_with(['.', '!', '?']) || fragment)
            && unit.tokens.len() - label <= MAX_NOTE_WORDS;
        if !note || !self.topic_answered(unit, label) || !unit.hits_of(topic).any(|h| h.from < label) {
            return false;
        }
        let future = bit(Category::Future);
        let body = &unit.scope[label..];
        self.tense != Some(Tense::Past) || body.iter().all(|s| s & future == 0)
    }

    /// A fragment naming the claim's first concept among other words, with
    /// no verb, no closing full stop and nothing excluded, planned or
    /// recurring in it (see `ItemDef::fragment_answers`).
    fn fragment_answers_claim(&self, topic: usize, unit: &Unit) -> bool {
        let body = unit.label_end.min(unit.tokens.len());
        let words = unit.tokens.len() - body;
        let covered = self.exclude | bit(Category::Future);
        let Some(hit) = unit.hits_of(topic).find(|h| h.from >= body) else {
            return false;
        };
        unit.verbless
            && !unit.ongoing
            && !unit.text.trim_end().ends_with(['.', '!', '?'])
            && words <= MAX_NOTE_WORDS
            && words.saturating_sub(hit.to - hit.from) >= MIN_TOPIC_ANSWER_WORDS
            && unit.scope.iter().all(|s| s & covered == 0)
    }

    fn alternative_met(&self, alt: &[usize], unit: &Unit) -> bool {
        if self.label_answers && alt.len() > 1 && self.label_answers_claim(alt[0], unit) {
            return true;
        }
        if self.fragment_answers && self.fragment_answers_claim(alt[0], unit) {
            return true;
        }
        let valid = |concept: usize, before: Option<usize>| -> Vec<Hit> {
            let hits = match (concept, before) {
                (ACTED, Some(actor)) => acted(unit, actor),
                (ACTED, None) => Vec::new(),
                _ => unit.hits_of(concept).copied().collect(),
            };
            hits.into_iter().filter(|h| unit.scope_of(h) & self.exclude == 0).collect()
        };
        let mut per_concept: Vec<Vec<Hit>> =
            alt.iter().enumerate().map(|(i, &c)| valid(c, i.checked_sub(1).map(|p| alt[p]))).collect();
        // A run-in label names the topic: it may say who or where, never the
        // claim, unless the item is its topic alone (`label_answers`) and
        // words follow that no excluded trigger covers.
        let topic_only = self.label_answers && alt.len() == 1 && self.topic_answered(unit, unit.label_end);
        // Where labels answer, a label may state the claim when the words
        // after it name the rest ("Group targets: EL, SWD, high needs").
        // Where the claim is about what happened, the rest must not be only
        // planned ("Stakeholder Voice: ... a family survey is planned").
        let planned = |h: &Hit| self.tense == Some(Tense::Past) && unit.scope_of(h) & bit(Category::Future) != 0;
        let rest_in_body = self.label_answers
            && unit.topic_label
            && alt.len() > 1
            && per_concept[..alt.len() - 1]
                .iter()
                .all(|hits| hits.iter().any(|h| h.from >= unit.label_end && !planned(h)));
        if let Some(last) = per_concept.last_mut() {
            last.retain(|h| h.to > unit.label_end || topic_only || rest_in_body);
        }
        if let (Some(subject), Some(first)) = (self.subject, per_concept.first_mut()) {
            // The actor must be the first actor of its clause: no other one
            // stands before it, unless as its other name ("Directores
            // escolares / School leaders", "Principals/APs").
            first.retain(|h| {
                !unit.hits_of(subject).any(|o| {
                    o.from < h.from
                        && o.to <= h.from
                        && unit.clause[o.from] == unit.clause[h.from]
                        && !other_name(unit, o, h)
                })
            });
        }
        if per_concept.iter().any(Vec::is_empty) {
            return false;
        }
        if self.same_clause && !topic_only && !rest_in_body && !in_one_clause(unit, &per_concept) {
            return false;
        }
        if self.ordered {
            let mut after = 0;
            for hits in &per_concept {
                match hits.iter().find(|h| h.from >= after) {
                    Some(h) => after = h.to,
                    None => return false,
                }
            }
        }
        match self.tense {
            None => true,
            // What happened: the claim (the alternative's last concept) stands
            // outside a plan, or is itself a past form ("what families told us").
            // A unit only about what goes on ("Ongoing: quarterly family
            // forums") tells of no input received.
            Some(Tense::Past) => {
                let future = bit(Category::Future);
                (!unit.ongoing || unit.any_past())
                    && per_concept.last().is_some_and(|hits| {
                        // A group's own past-form verb inside a plan ("a family
                        // survey is planned") tells of nothing done yet.
                        hits.iter().any(|h| unit.scope_of(h) & future == 0 || (h.concept != ACTED && unit.has_past(h)))
                    })
            }
            // What goes on: said in the present or future, or at least not
            // only in the past. A past form right after the claim describes
            // it ("the progress target met on ACCESS"), it does not date it.
            Some(Tense::Ongoing) => {
                let describes_claim = |i: usize| per_concept.last().is_some_and(|hits| hits.iter().any(|h| h.to == i));
                unit.ongoing || !unit.past.iter().enumerate().any(|(i, &past)| past && !describes_claim(i))
            }
        }
    }
}

/// Whether one clause of `unit` holds a hit of every concept: the first
/// (who) and the rest (what is said of them). A hit in a run-in label stands
/// for every clause, and the rest may stand in a clause that points back to
/// the first one's ("I met with the student council; they said ...").
fn in_one_clause(unit: &Unit, per_concept: &[Vec<Hit>]) -> bool {
    let in_label = |h: &Hit| h.to <= unit.label_end;
    let Some((first, rest)) = per_concept.split_first() else {
        return true;
    };
    // Per concept of the rest, the clauses its hits stand in or point back
    // to (`None`: one stands in the label, so any clause will do).
    let reach: Vec<Option<std::collections::HashSet<u16>>> = rest
        .iter()
        .map(|hits| {
            (!hits.iter().any(in_label))
                .then(|| hits.iter().flat_map(|h| [unit.clause[h.from], unit.thread[h.from]]).collect())
        })
        .collect();
    first.iter().any(|f| {
        in_label(f) || reach.iter().all(|clauses| clauses.as_ref().is_none_or(|c| c.contains(&unit.clause[f.from])))
    })
}

/// Words between an actor and its other name after a slash ("Directores
/// escolares / School leaders").
const MAX_OTHER_NAME_GAP: usize = 2;

/// Whether `o` stands right before `h` as another name of it, joined by a slash.
fn other_name(unit: &Unit, o: &Hit, h: &Hit) -> bool {
    let (Some(before), Some(after)) = (unit.tokens.get(o.to.saturating_sub(1)), unit.tokens.get(h.from)) else {
        return false;
    };
    h.from - o.to <= MAX_OTHER_NAME_GAP
        && unit.text.get(before.end..after.start).is_some_and(|between| {
            between.contains('/') && !between.contains([',', ';', ':', '.']) && between.matches('/').count() == 1
        })
}

/// Most words of a note after a label (a slide's fragment, not a sentence).
const MAX_NOTE_WORDS: usize = 14;

/// Fewest words after a topic label for it to count as answered.
const MIN_TOPIC_ANSWER_WORDS: usize = 2;

/// Index standing for [`ACTED_CLAIM`] among concept indices.
const ACTED: usize = usize::MAX;

fn concept_index(name: &str, lexicon: &Lexicon) -> Option<usize> {
    if name == ACTED_CLAIM { Some(ACTED) } else { lexicon.concept(name) }
}

/// Past forms standing after a mention of `actor` in the same clause.
fn acted(unit: &Unit, actor: usize) -> Vec<Hit> {
    (0..unit.past.len())
        .filter(|&i| unit.past[i])
        .filter(|&i| unit.hits_of(actor).any(|h| h.to <= i && unit.clause[h.from] == unit.clause[i]))
        .map(|i| Hit { concept: ACTED, from: i, to: i + 1 })
        .collect()
}

/// One compiled item.
pub struct CompiledItem {
    pub id: String,
    pub label: String,
    claim: Claim,
}

/// A compiled `items` or `any` check.
pub struct CompiledCheck {
    items: Vec<CompiledItem>,
    /// `any`: one item stands for the whole check, and no items are reported.
    any: bool,
    per_priority: bool,
    skip_statements: bool,
    /// An answer in any priority's part stands for all ([`crate::pack::Check::Any`]'s `shared`).
    shared: bool,
    /// Lines in the prompt's order answer by position ([`crate::pack::Check::Items`]'s `in_order`).
    in_order: bool,
}

impl CompiledCheck {
    pub fn new(check: &Check, lexicon: &Lexicon) -> Option<Self> {
        match check {
            Check::Items { items, per_priority, skip_statements, shared, in_order } => Some(CompiledCheck {
                items: items
                    .iter()
                    .map(|i| CompiledItem {
                        id: i.id.clone(),
                        label: i.label.clone(),
                        claim: Claim::new(&i.claim(), lexicon),
                    })
                    .collect(),
                any: false,
                per_priority: *per_priority,
                skip_statements: *skip_statements,
                shared: *shared,
                in_order: *in_order,
            }),
            Check::Any { when, ordered, exclude, tense, subject, label_answers, per_priority, shared } => {
                let def = ClaimDef {
                    when: when.clone(),
                    ordered: *ordered,
                    exclude: exclude.clone(),
                    tense: *tense,
                    subject: subject.clone(),
                    label_answers: *label_answers,
                    fragment_answers: false,
                    same_clause: false,
                };
                Some(CompiledCheck {
                    items: vec![CompiledItem {
                        id: String::new(),
                        label: String::new(),
                        claim: Claim::new(&def, lexicon),
                    }],
                    any: true,
                    per_priority: *per_priority,
                    skip_statements: false,
                    shared: *shared,
                    in_order: false,
                })
            }
            _ => None,
        }
    }
}

impl CompiledCheck {
    /// Whether `unit` meets `item` (the only one, for `any`).
    pub fn met_by(&self, item: Option<&str>, unit: &Unit) -> bool {
        self.items.iter().filter(|i| item.is_none_or(|id| i.id == id)).any(|i| i.claim.met_by(unit))
    }
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
    let ask = ctx.rule.def.ask.clone();
    if section.state != SectionState::Present {
        let coverage = Coverage { section: index, prompt, ask, status: PromptStatus::Missing, evidence: Vec::new() };
        return (Vec::new(), vec![coverage]);
    }
    // An answer that points to another section ("See section 2 above.") is
    // looked for there.
    let content = section.refers_to.unwrap_or(index);
    let section = ctx.submission.section(content);
    // Units by part, so that each group reads only its own (linear in the
    // section however many priorities split it).
    let mut by_part: Vec<Vec<&PlacedUnit>> = vec![Vec::new(); section.parts.len()];
    for u in &ctx.units[content] {
        if let Some(part) = by_part.get_mut(u.part) {
            part.push(u);
        }
    }
    let mut results: Vec<GroupResult> =
        groups(section, compiled.per_priority).iter().map(|g| evaluate(ctx, compiled, &by_part, section, g)).collect();
    share_answers(&mut results, compiled.items.len());
    if compiled.shared {
        share_everywhere(&mut results, compiled.items.len());
    }
    let findings = results.iter().filter(|r| !r.missing.is_empty()).map(|r| finding(ctx, compiled, r, index)).collect();
    let coverage = Coverage {
        section: index,
        prompt,
        ask,
        status: status(&results, compiled.items.len()),
        evidence: results.into_iter().flat_map(|r| r.evidence).take(12).collect(),
    };
    (findings, vec![coverage])
}

/// An item a later priority's part answers is answered for the priorities
/// before it: a plan often says once, after the last priority's table, who
/// monitors and how often ("The CAO owns the district benchmarks ..."), and
/// that is not a gap in the priorities above it. An item the last priority
/// leaves out is still its gap.
fn share_answers(results: &mut [GroupResult], items: usize) {
    // One pass from the last priority up, linear however many there are.
    let mut answered_later = vec![false; items];
    for result in results.iter_mut().rev() {
        let missing_here: Vec<bool> = (0..items).map(|i| result.missing.contains(&i)).collect();
        result.missing.retain(|&i| !answered_later[i]);
        for (i, missing) in missing_here.into_iter().enumerate() {
            answered_later[i] |= !missing;
        }
    }
}

/// An item any priority's part answers is answered for every priority
/// (`shared` checks): linear in the priorities.
fn share_everywhere(results: &mut [GroupResult], items: usize) {
    let mut answered = vec![false; items];
    for result in results.iter() {
        for (i, done) in answered.iter_mut().enumerate() {
            *done |= !result.missing.contains(&i);
        }
    }
    for result in results.iter_mut() {
        result.missing.retain(|&i| !answered[i]);
    }
}

/// Parts of a section (by index) checked together, for one priority or all.
struct Group {
    priority: Option<usize>,
    parts: Vec<usize>,
}

/// The section's parts, grouped by priority when the check runs per priority
/// and the section repeats per priority; else all parts as one group. The
/// parts of no priority (the section's own lead-in, its prompt) belong to
/// every priority's group rather than being checked alone.
fn groups(section: &MappedSection, per_priority: bool) -> Vec<Group> {
    let all = || (0..section.parts.len()).collect();
    if !per_priority || section.priorities().is_empty() {
        return vec![Group { priority: None, parts: all() }];
    }
    let shared: Vec<usize> = (0..section.parts.len()).filter(|&i| section.parts[i].priority.is_none()).collect();
    let mut out: Vec<Group> = Vec::new();
    let mut at: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (i, part) in section.parts.iter().enumerate() {
        let Some(priority) = part.priority else { continue };
        // "Same as Priority 1": that priority's answer stands for this one.
        if part.reference {
            continue;
        }
        match at.get(&priority) {
            Some(&g) => out[g].parts.push(i),
            None => {
                at.insert(priority, out.len());
                out.push(Group { priority: Some(priority), parts: shared.iter().copied().chain([i]).collect() });
            }
        }
    }
    out
}

fn evaluate(
    ctx: &RuleCtx,
    compiled: &CompiledCheck,
    by_part: &[Vec<&PlacedUnit>],
    section: &MappedSection,
    group: &Group,
) -> GroupResult {
    let mut missing = Vec::new();
    let mut evidence = Vec::new();
    let in_group = || {
        group
            .parts
            .iter()
            .flat_map(|&p| by_part[p].iter().copied())
            .filter(|u| !(compiled.skip_statements && u.statement))
    };
    for (i, item) in compiled.items.iter().enumerate() {
        match in_group().find(|u| item.claim.met_by(&u.unit)) {
            Some(u) => {
                let location = ctx.doc.blocks[u.block].location.clone();
                let item_id = (!compiled.any).then(|| item.id.clone());
                let quote = excerpt(&u.unit.text, 200);
                evidence.push((Evidence { excerpt: quote, location, item: item_id }, u.block));
            }
            None => missing.push(i),
        }
    }
    if compiled.in_order && !missing.is_empty() {
        let units: Vec<&PlacedUnit> = in_group().collect();
        if let Some(lines) = lines_in_order(compiled, ctx.doc, &units) {
            for &i in &missing {
                let u = lines[i];
                let location = ctx.doc.blocks[u.block].location.clone();
                let quote = excerpt(&u.unit.text, 200);
                evidence
                    .push((Evidence { excerpt: quote, location, item: Some(compiled.items[i].id.clone()) }, u.block));
            }
            missing.clear();
        }
    }
    let heading = group
        .parts
        .iter()
        .find_map(|&p| section.parts[p].heading)
        .or_else(|| group.parts.iter().find_map(|&p| section.parts[p].pieces.first().map(|piece| piece.block)));
    GroupResult { priority: group.priority, heading, missing, evidence }
}

/// Most words of one line answering one ask by its position.
const MAX_IN_ORDER_LINE_WORDS: usize = 40;

/// The answer's last lines (a line: the first unit of each block), one per
/// item, when they answer the items by position: exactly as many lines as
/// items stand at the end, each a note (no closing stop) with no label of
/// its own and not opening with an item's subject ("monthly principal PD; protect CPT" / "observe q2wks +
/// feedback" / "internalize units w/ team"), while the line before them,
/// if any, does not look like one of them (a "Strategy: ..." line does not).
fn lines_in_order<'u>(
    compiled: &CompiledCheck,
    doc: &crate::model::Document,
    units: &[&'u PlacedUnit],
) -> Option<Vec<&'u PlacedUnit>> {
    let n = compiled.items.len();
    // A line: the first unit of a block, or every unit of a block of several lines.
    let mut lines: Vec<&PlacedUnit> = Vec::new();
    for &u in units {
        if lines.last().is_none_or(|l| l.block != u.block) || doc.blocks[u.block].text.contains('\n') {
            lines.push(u);
        }
    }
    let subjects: Vec<usize> = compiled.items.iter().flat_map(|i| i.claim.first_concepts()).collect();
    // Under the label the document gave it (a row's "5. Role Clarity"), a
    // line's own words hold no label of their own and open with no subject.
    let anonymous = |u: &PlacedUnit| {
        let unit = &u.unit;
        let own = unit.text.get(u.own_from..).unwrap_or("");
        let first = unit.tokens.iter().position(|t| t.start >= u.own_from);
        !u.statement
            && (3..=MAX_IN_ORDER_LINE_WORDS).contains(&own.split_whitespace().count())
            && !own.contains(':')
            // A note, not a sentence: prose lines say whom they are about.
            && !own.trim_end().ends_with(['.', '!', '?'])
            && first.is_some_and(|f| !subjects.iter().any(|&c| unit.hits_of(c).any(|h| h.from == f)))
    };
    if n < 2 || lines.len() < n {
        return None;
    }
    let (before, last) = lines.split_at(lines.len() - n);
    (last.iter().all(|u| anonymous(u)) && before.last().is_none_or(|u| !anonymous(u))).then(|| last.to_vec())
}

fn finding(ctx: &RuleCtx, compiled: &CompiledCheck, result: &GroupResult, section: usize) -> Finding {
    let labels: Vec<String> = result.missing.iter().map(|&i| compiled.items[i].label.clone()).collect();
    // The message names its priority itself, so every renderer shows it.
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
