//! The structural rule kinds: sections present and answered, how many
//! priorities and benchmarks, and document-level findings.

use super::{Finding, RuleCtx};
use crate::model::SectionState;
use crate::pack::Check;

pub(crate) fn run(ctx: &RuleCtx, check: &Check) -> Vec<Finding> {
    match check {
        Check::SectionMissing => sections_in_state(ctx, SectionState::Missing, false),
        Check::SectionEmpty => sections_in_state(ctx, SectionState::Empty, false),
        Check::TextInImage => sections_in_state(ctx, SectionState::Empty, true),
        Check::PrioritiesNone => priorities_none(ctx),
        Check::PrioritiesTooMany => priorities_too_many(ctx),
        Check::BenchmarksTooMany => benchmarks_too_many(ctx),
        Check::TrackedChanges => tracked_changes(ctx),
        Check::DistrictUnknown => district_unknown(ctx),
        // Input findings are made where a file fails to read; vocabulary kinds elsewhere.
        Check::InputUnreadable
        | Check::InputUnsupported
        | Check::InputScanned
        | Check::DistrictMismatch
        | Check::Items { .. }
        | Check::Any { .. } => Vec::new(),
    }
}

/// Sections in `state`; `pictures` picks the empty sections that hold only pictures.
fn sections_in_state(ctx: &RuleCtx, state: SectionState, pictures: bool) -> Vec<Finding> {
    ctx.submission
        .sections
        .iter()
        .filter(|s| s.state == state)
        .filter(|s| state != SectionState::Empty || (s.images() > 0) == pictures)
        .map(|s| {
            let reason = s.empty_reason.clone().unwrap_or_default();
            ctx.finding(ctx.message().reason(&reason), Some(s.index), s.first_heading())
        })
        .collect()
}

fn priorities_none(ctx: &RuleCtx) -> Vec<Finding> {
    if !ctx.submission.priorities.is_empty() {
        return Vec::new();
    }
    let heading = ctx.rule.section.and_then(|s| ctx.submission.section(s).first_heading());
    vec![ctx.finding(ctx.message(), None, heading)]
}

fn priorities_too_many(ctx: &RuleCtx) -> Vec<Finding> {
    let count = ctx.submission.priority_count();
    let limit = ctx.engine.thresholds.max_priorities;
    if count <= limit {
        return Vec::new();
    }
    let first_extra = ctx.submission.priorities.get(limit).map(|m| m.block);
    vec![ctx.finding(ctx.message().count(count).limit(limit), None, first_extra)]
}

/// Per priority when the monitoring section repeats per priority; otherwise
/// the whole list against the limit times the number of priorities.
fn benchmarks_too_many(ctx: &RuleCtx) -> Vec<Finding> {
    let limit = ctx.engine.thresholds.max_benchmarks_per_priority;
    let parts = &ctx.submission.benchmarks;
    let heading = ctx.rule.section.and_then(|s| ctx.submission.section(s).first_heading());
    // Priority sub-parts that hold no benchmark ("Priority 1" named in a
    // sentence above one shared list) do not make the list per priority.
    let per_priority = parts.iter().filter(|(p, n)| p.is_some() && *n > 0).count() > 1;
    if per_priority {
        let mut by_priority: Vec<(usize, usize)> = Vec::new();
        for (priority, n) in parts {
            let p = priority.unwrap_or(0);
            match by_priority.iter_mut().find(|(q, _)| *q == p) {
                Some((_, total)) => *total += n,
                None => by_priority.push((p, *n)),
            }
        }
        return by_priority
            .into_iter()
            .filter(|&(_, n)| n > limit)
            .map(|(p, n)| {
                let priority = (p > 0).then_some(p);
                let mut f = ctx.finding(ctx.message().count(n).limit(limit).priority(priority), None, heading);
                f.priority = priority;
                f
            })
            .collect();
    }
    let total = ctx.submission.benchmark_count();

    // Benchmarks not split by priority count against every priority named:
    // naming too many priorities is its own finding, not this one.
    let priorities = ctx.submission.priority_count().max(1);
    if total <= limit * priorities {
        return Vec::new();
    }
    vec![ctx.finding(ctx.message().count(total).limit(limit).priority(None), None, heading)]
}

fn tracked_changes(ctx: &RuleCtx) -> Vec<Finding> {
    let r = &ctx.doc.revisions;
    if !r.has_tracked_changes() {
        return Vec::new();
    }
    let mut parts = Vec::new();
    for (n, what) in [(r.insertions, "insertion"), (r.deletions, "deletion"), (r.comments, "comment")] {
        if n > 0 {
            parts.push(format!("{n} {what}{}", if n == 1 { "" } else { "s" }));
        }
    }
    vec![ctx.finding(ctx.message().reason(&crate::model::join_labels(&parts)), None, None)]
}

fn district_unknown(ctx: &RuleCtx) -> Vec<Finding> {
    if ctx.facts.district.is_some() {
        return Vec::new();
    }
    vec![ctx.finding(ctx.message().reason(""), None, None)]
}
