//! The rules pack: everything the guidance requires, as data.
//!
//! The built-in pack is the TOML files under `rules/`, embedded at build
//! time. `--rules PATH` loads another (a file, or a folder of `.toml` files
//! whose top-level tables are merged), validated against
//! `schemas/rules.schema.json` before use.

pub mod forms;
pub mod lexicon;
mod load;
pub mod matcher;
pub mod pattern;
pub mod sentences;
mod tree;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use load::{BuiltinPack, PackError, builtin, builtin_packs, load_named, load_path, load_sources};

use crate::model::Severity;

/// A whole rules pack.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// A built-in pack (by id or alias) this pack starts from: its own
    /// entries replace the base's (rules by `code`, sections by `id`, keys
    /// of tables one by one) and add to them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    pub pack: PackInfo,
    pub limits: Thresholds,
    /// How text is cut into sentences and how negation and hypotheticals are scoped.
    pub text: TextRules,
    pub context: Context,
    pub mapping: Mapping,
    /// The guidance's sections, in its order.
    pub sections: Vec<SectionDef>,
    /// Named concepts (synonym sets and claims) that rules combine by name.
    #[serde(default)]
    pub concepts: BTreeMap<String, ConceptDef>,
    pub rules: Vec<RuleDef>,
    /// Codes that were renamed: old code → the code that replaces it. A
    /// config naming an old code applies to the new one; `explain` follows it.
    #[serde(default)]
    pub redirects: BTreeMap<String, String>,
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
    /// What districts send, as output names it ("District Prioritization Submission").
    pub product: String,
    /// The edition, as output names it ("2023-24 guidance").
    pub edition: String,
    /// The school year the plans are for ("2023–24"), for letters (`{school_year}`).
    pub school_year: String,
    /// Short names the pack is also selected by (`--rules ssos-2023-24`).
    #[serde(default)]
    pub aliases: Vec<String>,
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

/// How a section's text is cut into the units a claim is looked for in.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextRules {
    /// Words that end in a full stop without ending the sentence ("Dr.", "e.g.",
    /// "St."), written without the final stop; a single capital ("John F.") never ends one.
    pub abbreviations: Vec<String>,
    /// Single words no concept may use on its own, because they mean too many
    /// things ("gap", "school", "district"): a concept must qualify them.
    #[serde(default)]
    pub ambiguous: Vec<String>,
    /// Past forms that do not end in "-ed" ("held", "told"): a claim in one of
    /// them is about what happened, even in a sentence about plans.
    #[serde(default)]
    pub past_forms: Vec<String>,
    /// Words ending in "-ed" that a plan uses as adjectives ("scaled score",
    /// "targeted support"): never a past form.
    #[serde(default)]
    pub adjective_forms: Vec<String>,
    /// Longest label (in words) that names the subject of what follows it: a
    /// "District:" line over a list, a table row's first cell, a column header.
    #[serde(default = "default_label_words")]
    pub max_label_words: usize,
    /// A run-in label opening with one of these ("By student group:", "Por
    /// grupo / By student group:") qualifies the label of the paragraph
    /// before it ("Accountability targets:"): its line is read under both.
    #[serde(default)]
    pub qualifier_openers: Vec<String>,
    /// Words that make the text before a colon a clause rather than a label
    /// ("Engagement will be continuous: ..."), so that the text after it is
    /// not read as that label's subject.
    #[serde(default)]
    pub clause_verbs: Vec<String>,
    /// Words that open a question used as a label ("What students will
    /// experience: ..."): such a label stays one whatever verbs it has.
    #[serde(default)]
    pub question_words: Vec<String>,
    /// Words that open a sentence rather than a note ("Families: A Parent
    /// Advisory Council exists." against "Student work: PLCs weekly; ILTs
    /// each cycle."): after a label, a sentence must make its claim itself.
    #[serde(default)]
    pub sentence_openers: Vec<String>,
    /// Openings that point back to the sentence before ("There, teachers
    /// asked for coaching" after a sentence naming the schools): such a
    /// sentence is also read together with the one before it.
    #[serde(default)]
    pub anaphors: Vec<String>,
    /// Words that point back to a place the sentence before names ("Staff
    /// there told us ...", "Teachers in those schools asked ..."): they
    /// point back also after a short subject, standing within the first
    /// `anaphor_reach` words.
    #[serde(default)]
    pub place_anaphors: Vec<String>,
    /// How many words a subject before a place anaphor may have.
    #[serde(default = "default_anaphor_reach")]
    pub anaphor_reach: usize,
}

fn default_anaphor_reach() -> usize {
    3
}

fn default_ordinal_agreement() -> usize {
    3
}

fn default_reference_words() -> usize {
    24
}

fn default_label_words() -> usize {
    6
}

/// Negation, hypotheticals and tense in the manner of NegEx/ConText: triggers
/// with a direction and a scope that ends at a terminator, pseudo-triggers that
/// look like triggers but are not ("not only"), all as data.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Most words a trigger's scope reaches (it ends earlier at a terminator).
    pub window: usize,
    /// Words that end a trigger's scope ("but", "however"); ";" always does.
    pub terminators: Vec<String>,
    /// Words that end a backward scope only: a relative pronoun puts the
    /// trigger in its own clause ("asked for intervention blocks that do
    /// not pull students out": the asking is not denied).
    #[serde(default)]
    pub backward_stops: Vec<String>,
    /// Words that open a sentence's introductory clause ("When teachers
    /// looked at student writing, most pieces did not cite evidence"): a
    /// backward trigger after its comma does not reach into it.
    #[serde(default)]
    pub subordinators: Vec<String>,
    /// Phrases that contain a trigger but do not trigger ("not only", "no fewer than").
    pub pseudo: Vec<String>,
    pub triggers: Vec<TriggerDef>,
    /// Words that show a sentence is about the present or future ("will",
    /// "continue", "each"): with one, a sentence with a past form still counts as ongoing.
    #[serde(default)]
    pub ongoing: Vec<String>,
}

/// One group of triggers of the same category and direction.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TriggerDef {
    pub category: Category,
    pub direction: Direction,
    /// Phrases; "no ... was gathered" scopes what stands between its two halves.
    pub terms: Vec<String>,
}

/// What a trigger says about the words in its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Denied: "not", "no", "without".
    Negated,
    /// An event that did not (yet) happen: "was postponed", "have yet to".
    NotDone,
    /// Only possible: "if", "could", "would like to".
    Hypothetical,
    /// Only planned: "will", "plan to", "next year".
    Future,
    /// A finding reported: "showed that", "found that". The rest of its
    /// clause states what was found, so an event trigger in it ("schools
    /// had no shared calendar") denies a fact (negated), not an activity of
    /// the district that did not happen (not-done).
    Reported,
}

/// Which way a trigger's scope reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// The words after it ("not engaged families").
    Forward,
    /// The words before it ("family input was postponed").
    Backward,
    /// Both ("families will be surveyed").
    Both,
    /// The words after it up to the end of its condition, the first comma
    /// ("If the priority works, we will meet our targets": only the
    /// condition is hypothetical).
    Condition,
}

/// A named concept: a synonym set ("families" = parents, caregivers, ...) or
/// a claim ("input received" = surveyed, told us, focus groups, ...).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConceptDef {
    /// Words and phrases matched by their Snowball stem, ignoring case and
    /// punctuation; a word in capitals ("BOY", "ML") matches only in capitals
    /// (plural "MLs" too); a word ending in `*` matches any word it starts; a
    /// term starting with `=` matches its words exactly as written, lower-cased
    /// ("=regularly", where the stem "regular" would also match "regular education").
    #[serde(default)]
    pub terms: Vec<String>,
    /// Regular expressions over the unit's text (case-sensitive unless `(?i)`).
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Other concepts whose terms and patterns also count.
    #[serde(default)]
    pub include: Vec<String>,
    /// Words that alone never make a pattern hit: a school's name is more than
    /// "Middle School", so a hit made only of these words is dropped.
    #[serde(default)]
    pub stop_words: Vec<String>,
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
    /// Regular expressions (case-insensitive) for a priority's short label
    /// ("P1", "P2:"); group 1 is the number. It states a priority in section
    /// 1 and names a row's priority in a table's priority column.
    #[serde(default)]
    pub priority_short_markers: Vec<String>,
    /// Regular expressions (case-insensitive) for the other names a plan may
    /// give its priorities when it never calls them priorities ("Initiative
    /// A", "Strategy 1 —"); group 1 is the number or letter. They count only
    /// in section 1, only when no priority marker is there, and only when
    /// they name at least two and at most the pack's limit: the same names
    /// also mark the strategies under one priority.
    #[serde(default)]
    pub priority_alt_markers: Vec<String>,
    /// Regular expressions (case-insensitive) that start a benchmark ("Benchmark 3:").
    pub benchmark_markers: Vec<String>,
    /// Regular expressions (case-insensitive) for a benchmark given by its
    /// level ("District: 80% of classrooms ..."); counted only when the
    /// section has no other kind of benchmark list.
    #[serde(default)]
    pub benchmark_level_markers: Vec<String>,
    /// Regular expressions (case-insensitive) for a sentence that opens with
    /// its deadline ("By January, 60% of ..."): benchmarks written as the
    /// sentences of a paragraph are counted by these when the section has no
    /// other kind of benchmark list.
    #[serde(default)]
    pub benchmark_deadlines: Vec<String>,
    /// Words that make a list item read as a measurable benchmark ("increase",
    /// "percent"); an item with a digit counts too. When a list mixes such
    /// items with prose bullets, only these are counted.
    #[serde(default)]
    pub benchmark_measures: Vec<String>,
    /// Words of a plan ("will", "plan to"): an item with one of them and no
    /// measure, after the last benchmark of a list, says what someone will
    /// do rather than what will be measured.
    #[serde(default)]
    pub benchmark_plan_words: Vec<String>,
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
    /// Regular expressions (case-insensitive) for a mark that a heading goes
    /// on from an earlier page or slide ("Outcomes (cont.)"): cut off before
    /// the heading is named, so the section is the one it continues.
    #[serde(default)]
    pub heading_continued: Vec<String>,
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
    /// Regular expressions (case-insensitive) for a date or term label at
    /// the start of a line ("November:", "Q2 –"): the line is a schedule
    /// entry, not a benchmark, unless the words after the label state a
    /// measure ("November: 60% of classrooms ...").
    #[serde(default)]
    pub benchmark_dated_labels: Vec<String>,
    /// Regular expressions (case-insensitive) for an answer that only points
    /// to another priority's answer ("Same as Priority 1.", "See P1"): that
    /// answer stands for both.
    #[serde(default)]
    pub cross_references: Vec<String>,
    /// Regular expressions (case-insensitive) for a section's answer that only
    /// points to another section ("See section 2 above."); group 1 is its number.
    #[serde(default)]
    pub section_references: Vec<String>,
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
    /// Fewest headings in a district's own words, of one kind and in the
    /// guidance's order by their keywords, taken for its sections when nothing
    /// else names two of them.
    #[serde(default = "default_own_words_headings")]
    pub min_own_words_headings: usize,
    /// How many headings of a family with one heading per section must
    /// point, by name or keyword, to the section at their place before the
    /// family is read in the guidance's order (fewer than half may point
    /// elsewhere).
    #[serde(default = "default_ordinal_agreement")]
    pub min_ordinal_agreement: usize,
    /// Longest answer, in words, that may only point elsewhere ("Same as
    /// Priority 1: the math work runs through the same structures.", "See
    /// section 2 above.").
    #[serde(default = "default_reference_words")]
    pub max_reference_words: usize,
}

fn default_own_words_headings() -> usize {
    4
}

/// One of the guidance's sections.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    /// Stable id (`priorities`, `analysis`, ...).
    pub id: String,
    /// The guidance's number for the section (1, 2, ...; unique in the pack).
    pub number: u8,
    /// The guidance's title ("Stakeholder Engagement").
    pub title: String,
    /// Other headings districts use for the section ("Community and Family Voice").
    pub aliases: Vec<String>,
    /// Words that identify the section in a heading no alias names ("Engaging
    /// Our Community"); used only for headings set off like the others.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Words an answer to the section tends to use ("benchmark", "every six
    /// weeks" for monitoring): they place headings in the district's own
    /// words, set in another order than the guidance's, by what they head.
    #[serde(default)]
    pub content_cues: Vec<String>,
    /// The guidance's prompt for the section, quoted.
    pub prompt: String,
    /// The section's asks that text cannot show, in plain words: left to the reviewer.
    #[serde(default)]
    pub judgement: Vec<String>,
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
    /// The guidance's ask this rule covers, in plain words, for coverage lists.
    #[serde(default)]
    pub ask: Option<String>,
    /// Where the rule looks: the whole `document`, its `section` once, or
    /// each `priority` of its section. For `items` and `any` checks it
    /// replaces their `per_priority`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// A page that explains the rule further (shown by `explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// `stable`; `preview` (off unless a config gives it a level); `removed`
    /// (never runs, its code stays known so configs naming it still load).
    #[serde(default)]
    pub status: RuleStatus,
    /// Codes whose finding says this one already: where one of them is
    /// reported for the same section and priority, this rule is not ("no
    /// targets at all" leaves nothing to say about group targets).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implied_by: Vec<String>,
    pub check: Check,
}

/// Where a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Document,
    Section,
    Priority,
}

/// Whether a rule runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RuleStatus {
    #[default]
    Stable,
    Preview,
    Removed,
}

impl RuleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleStatus::Stable => "stable",
            RuleStatus::Preview => "preview",
            RuleStatus::Removed => "removed",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The section quoted: its id (`"analysis"`), its number, or 0 for the
    /// guidance's general part.
    pub section: SectionRef,
    pub text: String,
}

/// A section named by id or by number (0: no section, the guidance as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum SectionRef {
    Number(u8),
    Id(String),
}

/// What a rule checks. The structural kinds are implemented by the engine;
/// `items` and `any` look for sentences that make a claim, in one section.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Check {
    InputUnreadable,
    InputUnsupported,
    /// A PDF with no text layer; made where the file is read.
    InputScanned,
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
    /// Each item must be met by a sentence of the section; the missing ones are reported.
    Items {
        items: Vec<ItemDef>,
        /// Run once per priority when the section repeats per priority.
        #[serde(default = "yes")]
        per_priority: bool,
        /// The statement of a priority ("Priority 1: ...") does not answer the
        /// prompts asked about it: only the sentences that follow count.
        #[serde(default)]
        skip_statements: bool,
        /// An item answered in any priority's part is answered for all (an
        /// analysis that cites its survey data once for both priorities).
        #[serde(default)]
        shared: bool,
        /// The items are the prompt's asks in its order, and a terse answer
        /// may give one line per ask in that order without naming whom each
        /// is about: the answer's last lines, as many as the items, none
        /// opening with a label or with the first concept of any item
        /// (its subject), answer the items still missing by position.
        #[serde(default)]
        in_order: bool,
    },
    /// One sentence of the section must make the claim.
    Any {
        /// Alternatives; each lists concepts that must all be named in one sentence.
        when: Vec<Vec<String>>,
        /// The concepts must stand in the order listed.
        #[serde(default)]
        ordered: bool,
        /// Mentions in the scope of these trigger categories do not count.
        #[serde(default = "default_exclude")]
        exclude: Vec<Category>,
        /// The tense the guidance asks for.
        #[serde(default)]
        tense: Option<Tense>,
        /// A concept of actors: the first concept's mention must be the first of these in its clause.
        #[serde(default)]
        subject: Option<String>,
        /// A run-in label naming the first concept stands for the claim when a short note follows it.
        #[serde(default)]
        label_answers: bool,
        #[serde(default = "yes")]
        per_priority: bool,
        /// An answer in any priority's part stands for every priority: a
        /// schedule or an owner stated once, in the first priority's column
        /// as often as after the last.
        #[serde(default)]
        shared: bool,
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
    /// Alternatives; each lists concepts that must all be named in one sentence
    /// (`[["families", "input_received"]]`: a family group and input from it).
    /// The last concept of an alternative is the claim its tense applies to.
    /// `@acted` after a concept: that concept's mention followed by a past form
    /// of a verb in its clause.
    pub when: Vec<Vec<String>>,
    /// The concepts must stand in the order listed (an actor, then its action).
    #[serde(default)]
    pub ordered: bool,
    /// Mentions in the scope of these trigger categories do not count.
    #[serde(default = "default_exclude")]
    pub exclude: Vec<Category>,
    /// The tense the guidance asks for: `past` (input that informed the plan)
    /// or `ongoing` (engagement that goes on).
    #[serde(default)]
    pub tense: Option<Tense>,
    /// A concept of actors: the first concept's mention must be the first of
    /// these in its clause, the one who acts ("The central office will support
    /// principals" is not a principal's role).
    #[serde(default)]
    pub subject: Option<String>,
    /// A run-in label naming the item answers it when words follow that no
    /// excluded trigger covers ("MCAS ELA: 21% (state 47%)" cites student
    /// outcomes); by default a label only names the topic of its sentence.
    #[serde(default)]
    pub label_answers: bool,
    /// A fragment with no verb naming the item's first concept, among other
    /// words that no excluded, future or ongoing cue covers, answers it
    /// ("Community orgs + School Committee subcommittee" under a stakeholder
    /// heading): the section's prompt supplies the claim a slide's note leaves out.
    #[serde(default)]
    pub fragment_answers: bool,
    /// The concepts must be named in one clause (a ";" or "but" ends one):
    /// "We met with the library; they offered help reaching families" names
    /// families, but not as the ones who gave input.
    #[serde(default)]
    pub same_clause: bool,
}

impl ItemDef {
    pub fn claim(&self) -> ClaimDef {
        ClaimDef {
            when: self.when.clone(),
            ordered: self.ordered,
            exclude: self.exclude.clone(),
            tense: self.tense,
            subject: self.subject.clone(),
            label_answers: self.label_answers,
            fragment_answers: self.fragment_answers,
            same_clause: self.same_clause,
        }
    }
}

/// What one sentence must say to meet an ask (an item's or an `any` check's fields).
#[derive(Debug, Clone)]
pub struct ClaimDef {
    pub when: Vec<Vec<String>>,
    pub ordered: bool,
    pub exclude: Vec<Category>,
    pub tense: Option<Tense>,
    pub subject: Option<String>,
    pub label_answers: bool,
    pub fragment_answers: bool,
    pub same_clause: bool,
}

/// The built-in claim `@acted`, usable in any alternative after a concept:
/// a past form of a verb after that concept's mention in its clause ("School
/// leaders refined the theory of action"): the group did something, whatever
/// the verb.
pub const ACTED_CLAIM: &str = "@acted";

fn default_exclude() -> Vec<Category> {
    vec![Category::Negated, Category::NotDone, Category::Hypothetical]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Tense {
    /// What happened: a claim only planned ("we will survey families") does not count.
    Past,
    /// What goes on: a claim only in the past ("we held a forum in May") does not count.
    Ongoing,
}

/// The district registry: named lists of districts and how to recognise them.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Districts {
    /// Named lists (`[districts.lists.ssos]`): `check --expect ID` reports
    /// the districts of list ID with no submission in the run.
    pub lists: BTreeMap<String, DistrictList>,
    /// What follows a district's name in its title ("Holyoke Public Schools"),
    /// for naming districts outside the registry.
    pub name_suffixes: Vec<String>,
    /// Other names a district goes by ("Fall River Public Schools" is matched
    /// anyway; list e.g. email domains or abbreviations here).
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
}

/// One list of districts ("receiving prioritized SSoS assistance").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DistrictList {
    /// What the list is, in plain words, for `--expect` and its report.
    pub name: String,
    pub districts: Vec<String>,
}

impl Districts {
    /// Every district of every list, each once, in list order.
    pub fn all(&self) -> impl Iterator<Item = &String> {
        let mut seen = std::collections::HashSet::new();
        self.lists.values().flat_map(|l| &l.districts).filter(move |d| seen.insert(d.as_str()))
    }
}

impl Pack {
    pub fn section(&self, id: &str) -> Option<&SectionDef> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn rule(&self, code: &str) -> Option<&RuleDef> {
        self.rules.iter().find(|r| r.code == code)
    }

    /// The rule a code names now: itself, or the code it was renamed to.
    pub fn resolve<'a>(&'a self, code: &'a str) -> Option<&'a RuleDef> {
        self.rule(code).or_else(|| self.redirects.get(code).and_then(|to| self.rule(to)))
    }

    /// The section a quote names: `None` for the guidance as a whole (0) or an unknown one.
    pub fn quoted_section(&self, quote: &Quote) -> Option<&SectionDef> {
        match &quote.section {
            SectionRef::Number(n) => self.sections.iter().find(|s| s.number == *n),
            SectionRef::Id(id) => self.section(id),
        }
    }

    /// The JSON Schema every pack is validated against.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Pack)).unwrap_or_default()
    }
}
