//! Check: the pack's rules over a mapped submission → findings and the
//! coverage of every section's sub-prompts.
//!
//! Each rule is one entry of the pack; its `check.kind` picks the engine
//! function that runs it. Structural kinds live in [`structure`], the claim
//! kinds (`items`, `any`) in [`claims`]. Every section is cut into units
//! (sentences, list items, labelled table cells) once per document, and all
//! rules share them.

mod claims;
pub mod cross;
mod structure;
#[cfg(test)]
mod tests;
mod units;

use crate::config::Config;
use crate::map::Submission;
use crate::model::{Document, Evidence, PromptStatus, Severity};
use crate::pack::lexicon::Lexicon;
use std::sync::Arc;

use crate::pack::{Check, Pack, RuleDef, RuleStatus, Thresholds};

pub use claims::{Claim, CompiledCheck};
pub use units::{PlacedUnit, SectionUnits};

/// One finding, before it is placed in the report.
#[derive(Debug, Clone)]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    /// Index of the section in the pack, or none for document-level findings.
    pub section: Option<usize>,
    pub items: Vec<String>,
    pub priority: Option<usize>,
    pub message: String,
    pub help: String,
    /// The block the finding points at.
    pub block: Option<usize>,
}

/// Coverage of one sub-prompt of a section.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub section: usize,
    pub prompt: String,
    /// The guidance's ask in plain words.
    pub ask: Option<String>,
    pub status: PromptStatus,
    pub evidence: Vec<(Evidence, usize)>,
}

/// What the checks found in one document.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub coverage: Vec<Coverage>,
}

/// Facts about the file that are not in the document model.
#[derive(Debug, Clone, Default)]
pub struct FileFacts {
    pub district: Option<String>,
}

/// A rule ready to run: its pack entry, effective severity, compiled matcher.
pub struct ActiveRule {
    pub def: RuleRef,
    pub severity: Option<Severity>,
    pub section: Option<usize>,
    pub compiled: Option<CompiledCheck>,
}

/// A rule of a shared pack, read in place.
#[derive(Clone)]
pub struct RuleRef {
    pack: Arc<Pack>,
    index: usize,
}

impl std::ops::Deref for RuleRef {
    type Target = RuleDef;

    fn deref(&self) -> &RuleDef {
        &self.pack.rules[self.index]
    }
}

/// The compiled rules of a pack under a config.
pub struct Engine {
    pub rules: Vec<ActiveRule>,
    pub thresholds: Thresholds,
    section_titles: Vec<String>,
    pub lexicon: Lexicon,
    /// The pack's priority markers, to tell a priority's statement from what is said about it.
    priority_markers: Vec<crate::pack::pattern::LazyRegex>,
    /// The pack's form column headers, as [`units::form_key`] writes them.
    form_headers: std::collections::HashSet<String>,
}

impl Engine {
    pub fn new(pack: &Arc<Pack>, config: &Config) -> Self {
        let lexicon = Lexicon::of(pack.clone());
        let rules = pack
            .rules
            .iter()
            .enumerate()
            .map(|(index, def)| ActiveRule {
                severity: match def.status {
                    RuleStatus::Stable => config.severity_of(&def.code, def.severity),
                    // A preview rule runs only when the config gives it a level.
                    RuleStatus::Preview if config.rules.contains_key(&def.code) => {
                        config.severity_of(&def.code, def.severity)
                    }
                    RuleStatus::Preview | RuleStatus::Removed => None,
                },
                section: def.section.as_ref().and_then(|id| pack.sections.iter().position(|s| &s.id == id)),
                compiled: CompiledCheck::new(&def.check, &lexicon),
                def: RuleRef { pack: pack.clone(), index },
            })
            .collect();
        Engine {
            rules,
            thresholds: config.thresholds(&pack.limits),
            section_titles: pack.sections.iter().map(|s| format!("{}. {}", s.number, s.title)).collect(),
            lexicon,
            form_headers: pack.mapping.table_headers.iter().map(|h| units::form_key(h)).collect(),
            // Bad patterns were rejected when the pack loaded.
            priority_markers: pack
                .mapping
                .priority_markers
                .iter()
                .map(|m| crate::pack::pattern::LazyRegex::new(format!("(?i){m}")))
                .collect(),
        }
    }

    pub fn rule(&self, code: &str) -> Option<&ActiveRule> {
        self.rules.iter().find(|r| r.def.code == code)
    }

    /// Runs every enabled rule over `submission`.
    pub fn run(&self, doc: &Document, submission: &Submission, facts: &FileFacts) -> Outcome {
        let mut outcome = Outcome::default();
        let units = units::cut(&self.lexicon, &self.priority_markers, &self.form_headers, doc, submission);
        for rule in &self.rules {
            let ctx = RuleCtx { engine: self, rule, doc, submission, facts, units: &units };
            let found = match (&rule.def.check, &rule.compiled) {
                (Check::Items { .. } | Check::Any { .. }, Some(compiled)) => {
                    let (findings, coverage) = claims::run(&ctx, compiled);
                    outcome.coverage.extend(coverage);
                    findings
                }
                (check, _) => structure::run(&ctx, check),
            };
            if rule.severity.is_some() {
                outcome.findings.extend(found);
            }
        }
        self.drop_implied(&mut outcome.findings);
        outcome
    }

    /// Drops each finding another one already says (see `RuleDef::implied_by`).
    fn drop_implied(&self, findings: &mut Vec<Finding>) {
        let reported: std::collections::HashSet<(&str, Option<usize>, Option<usize>)> =
            findings.iter().map(|f| (f.code.as_str(), f.section, f.priority)).collect();
        let implied: Vec<bool> = findings
            .iter()
            .map(|f| {
                self.rule(&f.code).is_some_and(|r| {
                    r.def.implied_by.iter().any(|c| reported.contains(&(c.as_str(), f.section, f.priority)))
                })
            })
            .collect();
        let mut keep = implied.into_iter().map(|i| !i);
        findings.retain(|_| keep.next().unwrap_or(true));
    }

    /// The finding for a file that could not be read.
    pub fn input_finding(&self, code: &str, reason: &str, help: &str) -> Finding {
        let rule = self.rule(code);
        let severity = rule.and_then(|r| r.severity).unwrap_or(Severity::Error);
        let message = rule.map_or_else(|| reason.to_string(), |r| Message::new(&r.def.message).reason(reason).finish());
        Finding {
            code: code.to_string(),
            severity,
            section: None,
            items: Vec::new(),
            priority: None,
            message,
            help: if help.is_empty() { rule.map_or(String::new(), |r| r.def.help.clone()) } else { help.to_string() },
            block: None,
        }
    }
}

/// Everything one rule sees while it runs.
pub(crate) struct RuleCtx<'a> {
    pub engine: &'a Engine,
    pub rule: &'a ActiveRule,
    pub doc: &'a Document,
    pub submission: &'a Submission,
    pub facts: &'a FileFacts,
    /// Units of every section, cut once per document.
    pub units: &'a [SectionUnits],
}

impl RuleCtx<'_> {
    /// A finding of this rule with its message filled in.
    pub fn finding(&self, message: Message, section: Option<usize>, block: Option<usize>) -> Finding {
        let section = section.or(self.rule.section);
        let message = message.section(section.map(|s| self.engine.section_titles[s].as_str())).finish();
        Finding {
            code: self.rule.def.code.clone(),
            severity: self.rule.severity.unwrap_or(self.rule.def.severity),
            section,
            items: Vec::new(),
            priority: None,
            message,
            help: self.rule.def.help.clone(),
            block,
        }
    }

    pub fn message(&self) -> Message {
        Message::new(&self.rule.def.message)
    }
}

/// A rule's message template with its placeholders being filled in.
pub struct Message {
    text: String,
}

impl Message {
    pub fn new(template: &str) -> Self {
        Message { text: template.to_string() }
    }

    fn set(mut self, key: &str, value: &str) -> Self {
        self.text = self.text.replace(&format!("{{{key}}}"), value);
        self
    }

    pub fn section(self, title: Option<&str>) -> Self {
        let title = title.map(|t| format!("\"{t}\"")).unwrap_or_default();
        self.set("section", &title)
    }

    pub fn items(self, labels: &[String]) -> Self {
        self.set("items", &crate::model::join_labels(labels))
    }

    pub fn count(self, n: usize) -> Self {
        self.set("count", &n.to_string())
    }

    pub fn limit(self, n: usize) -> Self {
        self.set("limit", &n.to_string())
    }

    pub fn priority(self, priority: Option<usize>) -> Self {
        self.set("priority", &priority.map(|p| format!(" for priority {p}")).unwrap_or_default())
    }

    pub fn reason(self, reason: &str) -> Self {
        self.set("reason", reason)
    }

    pub fn finish(self) -> String {
        // Placeholders a rule's kind does not fill are dropped rather than shown.
        ["items", "count", "limit", "priority", "reason", "section"]
            .iter()
            .fold(self.text, |text, key| text.replace(&format!(" {{{key}}}."), ".").replace(&format!("{{{key}}}"), ""))
    }
}
