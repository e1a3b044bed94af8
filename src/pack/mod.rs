//! The rules pack: everything the guidance requires, as data.
//!
//! The built-in pack is the TOML files under `rules/`, embedded at build
//! time. `--rules PATH` loads another (a file, or a folder of `.toml` files
//! whose top-level tables are merged), validated against
//! `schemas/rules.schema.json` before use.

mod load;
pub mod matcher;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use load::{PackError, builtin, load_path, load_sources};

use crate::report::Severity;

/// A whole rules pack.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub pack: PackInfo,
    pub limits: Thresholds,
    pub matching: Matching,
    pub mapping: Mapping,
    /// The guidance's sections, in its order.
    pub sections: Vec<SectionDef>,
    /// Named term lists that rules refer to by name.
    #[serde(default)]
    pub vocab: BTreeMap<String, Vec<String>>,
    pub rules: Vec<RuleDef>,
    pub districts: Districts,
    /// Wording of the feedback letters (`rules/letter.toml`); a pack
    /// without one uses the built-in pack's.
    #[serde(default)]
    pub letter: Option<LetterDef>,
}

/// The words of a feedback letter to a district. Placeholders in braces
/// are filled in by the renderer: `{district}`, `{year}`, `{section}`,
/// `{file}`, `{quote}`, `{items}`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LetterDef {
    /// The letter's title ("Feedback on the {district} District Prioritization Submission").
    pub title: String,
    pub salutation: String,
    /// The salutation when the district is not known.
    pub salutation_unknown: String,
    pub opening: String,
    /// Added to the opening when an error-level finding remains.
    pub opening_fail: String,
    /// Added when nothing was found.
    pub opening_clean: String,
    /// Added when only warnings and advice remain.
    pub opening_gaps: String,
    pub strengths_heading: String,
    /// When no section has a response yet.
    pub strengths_none: String,
    /// A section with a response but no sub-prompt met yet ("responds: {quote}").
    pub strengths_response: String,
    pub strengthen_heading: String,
    pub strengthen_none: String,
    /// Heading over findings about the whole document.
    pub document_heading: String,
    /// Marks a section heading that is not in the plan / has no response.
    pub section_missing: String,
    pub section_empty: String,
    /// How a guidance quote is introduced ("The guidance asks: “{quote}”").
    pub guidance_asks: String,
    /// A section answered in another file of the same submission.
    pub companion: String,
    /// The letter for a file that could not be opened.
    pub unreadable: String,
    pub resend: String,
    pub closing: String,
    /// Lines of the sign-off ("Sincerely,", "[Reviewer name]", ...).
    pub sign_off: Vec<String>,
    /// How each severity is named to a district.
    pub required: String,
    pub recommended: String,
    pub suggestion: String,
    /// Longest quotation from the plan, in characters (cut on a word boundary).
    pub quote_chars: usize,
    /// What meeting each sub-prompt says about the plan, by prompt id
    /// ("describes input from {items}").
    pub prompts: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    /// Stable id of the pack, e.g. `ssos-district-priority-2023-24`.
    pub id: String,
    pub version: String,
    /// The guidance document the pack implements.
    pub guidance: String,
}

/// Numeric thresholds; a config file may override them.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Most instructional priorities allowed ("1-2 top instructional priorities").
    pub max_priorities: usize,
    /// Most interim benchmarks per priority ("less is more").
    pub max_benchmarks_per_priority: usize,
    /// A response shorter than this many words (after prompt text is removed) is empty.
    #[serde(default = "default_min_words")]
    pub min_response_words: usize,
}

fn default_min_words() -> usize {
    3
}

/// How text is matched against vocabularies.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Matching {
    /// Words or phrases that negate a mention when they come shortly before it
    /// in the same clause ("we have not yet engaged families").
    pub negation_cues: Vec<String>,
    /// How many words before a mention a negation cue may stand.
    pub negation_window: usize,
    /// Words that end a clause for negation purposes ("but", "although").
    #[serde(default)]
    pub clause_breaks: Vec<String>,
    /// Words or phrases that negate a mention when they follow it closely
    /// ("family input was not gathered").
    #[serde(default)]
    pub negation_after: Vec<String>,
    /// How many words after a mention a trailing negation may stand.
    #[serde(default)]
    pub negation_after_window: usize,
}

/// Cues the mapper uses to find sections, priorities and benchmarks.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The section where priorities are stated (and counted).
    pub priorities_section: String,
    /// The section where interim benchmarks are listed (and counted).
    pub benchmarks_section: String,
    /// Regular expressions (case-insensitive) for placeholder text that is not a response.
    pub placeholders: Vec<String>,
    /// Regular expressions (case-insensitive) that start a priority statement
    /// ("Priority 1:", "Priority #2 -", "Instructional Priority A").
    pub priority_markers: Vec<String>,
    /// Regular expressions (case-insensitive) that start a benchmark ("Benchmark 3:").
    pub benchmark_markers: Vec<String>,
    /// Words that make a list item read as a measurable benchmark ("increase",
    /// "percent"); an item with a digit counts too. When a list mixes such
    /// items with prose bullets, only these are counted.
    #[serde(default)]
    pub benchmark_measures: Vec<String>,
    /// Header-cell words of a benchmark table ("Benchmark", "Interim benchmark").
    pub benchmark_headers: Vec<String>,
    /// Header cells of a template table that are not section prompts ("District Response").
    pub table_headers: Vec<String>,
    /// Regular expressions (case-insensitive) for headings that end the last
    /// section whatever their formatting ("Appendix A", "Attachments").
    #[serde(default)]
    pub end_markers: Vec<String>,
    /// Words left out when comparing a heading with a section's names
    /// ("Budget & Partnerships" = "Budget and Partnerships").
    pub heading_stop_words: Vec<String>,
    /// Words and signs that join two section names in one label
    /// ("Outcomes and Progress Monitoring", "Resources & Support").
    #[serde(default)]
    pub heading_joiners: Vec<String>,
    /// Words that may stand before a heading's number ("Section 3", "Part 3 -").
    pub heading_number_words: Vec<String>,
    /// Regular expressions (case-insensitive) for a lead-in that announces a
    /// list of priorities ("We will focus on two priorities:"); a singular
    /// "Our priority is ..." followed by sub-points is one priority.
    pub priority_list_lead_ins: Vec<String>,
    /// Regular expressions (case-insensitive) for list items in the benchmarks
    /// section that are not benchmarks ("Who: ...", "November: ...").
    #[serde(default)]
    pub benchmark_non_items: Vec<String>,
    /// Regular expressions (case-insensitive) for a sentence that states how
    /// many priorities the plan has ("Our two priorities are ..."); the first
    /// group is the number, in digits or words.
    #[serde(default)]
    pub priority_counts: Vec<String>,
    /// Regular expressions (case-insensitive) for a sentence saying the
    /// priority is not chosen yet ("has not yet settled on", "under review").
    #[serde(default)]
    pub priority_deferrals: Vec<String>,
    /// Words of a sentence that states a focus ("we will", "focus on"); section
    /// 1 with a deferral and none of these states no priority.
    #[serde(default)]
    pub priority_statement_cues: Vec<String>,
    /// Longest heading, in words, that still counts as a heading when it is only bold.
    pub max_heading_words: usize,
}

/// One of the guidance's eight sections.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    /// Stable id (`priorities`, `analysis`, ...).
    pub id: String,
    /// The guidance's number for the section (1-8).
    pub number: u8,
    /// The guidance's title ("Stakeholder Engagement").
    pub title: String,
    /// Other headings districts use for the section ("Community and Family Voice").
    pub aliases: Vec<String>,
    /// Words that identify the section in a heading no alias names ("Engaging
    /// Our Community"); used only for headings set off like the others.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The guidance's prompt for the section, quoted.
    pub prompt: String,
}

/// One rule: a stable code, its default severity, its words and its check.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// Stable code, `ssos::<area>::<kebab-name>`.
    pub code: String,
    pub severity: Severity,
    /// The section it concerns, or none for document-level rules.
    #[serde(default)]
    pub section: Option<String>,
    /// One line for `ssos-lint rules`.
    pub summary: String,
    /// The finding, in plain words. Placeholders: `{section}`, `{items}`,
    /// `{count}`, `{limit}`, `{priority}`, `{reason}`.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Longer explanation for `ssos-lint explain`.
    pub explain: String,
    /// The guidance prompt the rule enforces, quoted, with its section number.
    #[serde(default)]
    pub quote: Option<Quote>,
    /// The sub-prompt this rule reports coverage for, in the section's `prompts` list.
    #[serde(default)]
    pub prompt: Option<String>,
    pub check: Check,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub section: u8,
    pub text: String,
}

/// What a rule checks. The structural kinds are implemented by the engine;
/// `items` and `any` are generic vocabulary checks over one section.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Check {
    InputUnreadable,
    InputUnsupported,
    SectionMissing,
    SectionEmpty,
    PrioritiesNone,
    PrioritiesTooMany,
    BenchmarksTooMany,
    TrackedChanges,
    TextInImage,
    DistrictUnknown,
    /// The plan names another district than the e-mail that sent it (found
    /// where the file and its e-mail meet, in the lint stage).
    DistrictMismatch,
    /// Each item must be mentioned (not negated) in the section; the missing ones are reported.
    Items {
        items: Vec<ItemDef>,
        /// Run once per priority when the section repeats per priority.
        #[serde(default = "yes")]
        per_priority: bool,
        /// Leave out mentions negated in their clause (off where a negative
        /// finding still counts, as data cited in an analysis).
        #[serde(default = "yes")]
        negation: bool,
    },
    /// At least one term (or pattern) must be mentioned in the section.
    Any {
        #[serde(default)]
        terms: Vec<String>,
        /// Names of `vocab` lists whose terms also count.
        #[serde(default)]
        vocab: Vec<String>,
        /// Regular expressions matched against the original text (case-sensitive
        /// unless they start with `(?i)`).
        #[serde(default)]
        patterns: Vec<String>,
        #[serde(default = "yes")]
        per_priority: bool,
        #[serde(default = "yes")]
        negation: bool,
    },
}

fn yes() -> bool {
    true
}

/// One item of a list check (`families`, `central_office`, ...).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemDef {
    /// Item id, from SPEC.md's vocabularies.
    pub id: String,
    /// How the item is named in messages ("families").
    pub label: String,
    #[serde(default)]
    pub terms: Vec<String>,
    #[serde(default)]
    pub vocab: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Terms that count only in a sentence that also mentions a `context` term
    /// ("students" counts as input only next to "survey", "told", ...).
    #[serde(default)]
    pub contextual: Vec<String>,
    /// Name of the `vocab` list that gives `contextual` terms their context.
    #[serde(default)]
    pub context: Option<String>,
}

/// The district registry (memo of October 18, 2022).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Districts {
    /// Districts receiving prioritized SSoS assistance: expected to submit.
    pub ssos: Vec<String>,
    /// Districts receiving CSDP support instead.
    pub csdp: Vec<String>,
    /// Districts transitioning off the SSoS caseload.
    pub transitioning: Vec<String>,
    /// What follows a district's name in its title ("Holyoke Public Schools"),
    /// for naming districts outside the registry.
    pub name_suffixes: Vec<String>,
    /// Other names a district goes by ("Fall River Public Schools" is matched
    /// anyway; list e.g. email domains or abbreviations here).
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
}

impl Districts {
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.ssos.iter().chain(&self.csdp).chain(&self.transitioning)
    }
}

impl Pack {
    pub fn section(&self, id: &str) -> Option<&SectionDef> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn rule(&self, code: &str) -> Option<&RuleDef> {
        self.rules.iter().find(|r| r.code == code)
    }

    /// The JSON Schema every pack is validated against.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Pack)).unwrap_or_default()
    }
}
