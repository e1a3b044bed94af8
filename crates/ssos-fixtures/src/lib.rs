//! Fixture and sample generator for `ssos-lint`.
//!
//! Builds realistic SSoS "District Prioritization Submission" plans and
//! writes them as real `.docx` / `.xlsx` files in the layouts districts
//! actually send, plus a set of broken or hostile inputs ([`bad`]).
//!
//! ```
//! use ssos_fixtures::{Layout, Plan, SectionId, docx};
//! let plan = Plan::complete("Lowell").blank(SectionId::Outcomes, "TBD");
//! let bytes = docx(&plan, Layout::HeadingStyles);
//! assert_eq!(&bytes[..2], b"PK");
//! ```
//!
//! Everything is deterministic: the same plan and layout always give the
//! same bytes (fixed zip timestamps, fixed document dates).
//!
//! * [`Plan`]: the content. [`Plan::complete`] answers every sub-prompt;
//!   [`Plan::without`], [`Plan::blank`], [`Plan::replace`],
//!   [`Plan::with_priorities`], [`Plan::with_benchmarks`] and
//!   [`Plan::as_picture`] break it in controlled ways.
//! * [`docx`] with a [`Layout`] (14 shapes real districts send) and
//!   [`xlsx`] with a [`SheetShape`].
//! * [`mail`]: the plan inside an `.eml`, an Outlook `.msg` or a `.zip`.
//! * [`bad`]: truncated, empty, encrypted, `.doc`, PDF, random bytes, zip
//!   bomb, billion laughs, renamed and malformed files.
//! * [`sample_set`] (the committed `samples/`) and [`corpus`] (benchmarks).
//!
//! ```
//! use ssos_fixtures::{Plan, SectionId, SheetShape, mail, xlsx, Layout};
//! // A failing plan: no Resources section, 3 priorities, 12 benchmarks.
//! let plan = Plan::complete("Taunton")
//!     .without(SectionId::Resources)
//!     .with_priorities(3)
//!     .with_benchmarks(7);
//! let sheet = xlsx(&plan, SheetShape::WithBenchmarkTable);
//! let email = mail::submission_eml(&plan, Layout::TemplateTable);
//! assert!(!sheet.is_empty() && !email.is_empty());
//! ```

pub mod bad;
mod content;
mod docx;
pub mod hostile;
mod html;
pub mod mail;
mod pdf;
mod png;
mod pptx;
mod xlsx;
mod xml;

pub use docx::{Layout, docx};
pub use html::{HtmlLayout, html};
pub use pdf::{PdfLayout, pdf};
pub use pptx::{DeckLayout, pptx};
pub use xlsx::{SheetShape, xlsx};

/// The eight sections of the 2023-24 guidance, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionId {
    /// 1. Priority(ies)
    Priorities,
    /// 2. Analysis of Strengths and Challenges
    Analysis,
    /// 3. Stakeholder Engagement
    StakeholderEngagement,
    /// 4. Outcomes
    Outcomes,
    /// 5. Role Clarity
    RoleClarity,
    /// 6. Monitoring Implementation
    Monitoring,
    /// 7. Resources
    Resources,
    /// 8. Differentiation
    Differentiation,
}

impl SectionId {
    /// All sections in guidance order.
    pub const ALL: [SectionId; 8] = [
        SectionId::Priorities,
        SectionId::Analysis,
        SectionId::StakeholderEngagement,
        SectionId::Outcomes,
        SectionId::RoleClarity,
        SectionId::Monitoring,
        SectionId::Resources,
        SectionId::Differentiation,
    ];

    /// Stable id from the spec (`priorities`, `analysis`, ...).
    pub fn id(self) -> &'static str {
        match self {
            SectionId::Priorities => "priorities",
            SectionId::Analysis => "analysis",
            SectionId::StakeholderEngagement => "stakeholder_engagement",
            SectionId::Outcomes => "outcomes",
            SectionId::RoleClarity => "role_clarity",
            SectionId::Monitoring => "monitoring",
            SectionId::Resources => "resources",
            SectionId::Differentiation => "differentiation",
        }
    }

    /// Guidance title without the number (`"Priority(ies)"`, ...).
    pub fn title(self) -> &'static str {
        match self {
            SectionId::Priorities => "Priority(ies)",
            SectionId::Analysis => "Analysis of Strengths and Challenges",
            SectionId::StakeholderEngagement => "Stakeholder Engagement",
            SectionId::Outcomes => "Outcomes",
            SectionId::RoleClarity => "Role Clarity",
            SectionId::Monitoring => "Monitoring Implementation",
            SectionId::Resources => "Resources",
            SectionId::Differentiation => "Differentiation",
        }
    }

    /// Section number in the guidance, 1..=8.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// `"3. Stakeholder Engagement"`.
    pub fn heading(self) -> String {
        format!("{}. {}", self.number(), self.title())
    }

    /// A heading in other words, as used by the [`Layout::Paraphrased`] layout
    /// (`"Community and Family Voice"`, ...).
    pub fn paraphrase(self) -> &'static str {
        match self {
            SectionId::Priorities => "Instructional Focus",
            SectionId::Analysis => "Data Analysis and Root Causes",
            SectionId::StakeholderEngagement => "Community and Family Voice",
            SectionId::Outcomes => "Measures of Success",
            SectionId::RoleClarity => "Roles and Responsibilities",
            SectionId::Monitoring => "Progress Monitoring Plan",
            SectionId::Resources => "Budget and Partnerships",
            SectionId::Differentiation => "Differentiated School Supports",
        }
    }

    /// The guidance's prompt for this section (the question text a template
    /// keeps next to the response), as printed in the 2023-24 guidance.
    pub fn prompt(self) -> &'static str {
        content::prompt(self)
    }

    /// Section from a spec id.
    pub fn from_id(id: &str) -> Option<SectionId> {
        SectionId::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// One interim benchmark (section 6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Benchmark {
    /// What will be measured, one or two sentences.
    pub text: String,
    /// `"District"` or `"School"`.
    pub level: String,
    /// Who monitors it (e.g. `"Chief Academic Officer and DILT"`).
    pub owner: String,
    /// How often (e.g. `"monthly"`, `"three times a year"`).
    pub frequency: String,
    /// Where the evidence comes from (e.g. `"i-Ready diagnostic"`).
    pub data_source: String,
}

impl Benchmark {
    /// The benchmark as one line of prose, as written in a docx list item:
    /// `"District benchmark: <text> Monitored by <owner>, <frequency>; data source: <data_source>."`
    pub fn line(&self) -> String {
        format!(
            "{} benchmark: {} Monitored by {}, {}; data source: {}.",
            self.level, self.text, self.owner, self.frequency, self.data_source
        )
    }
}

/// A district's submission: the content, independent of file layout.
///
/// Rendering rules shared by all layouts:
/// * section 1 is written as one `"Priority N: <statement>"` paragraph per
///   entry of [`Plan::priorities`], followed by the section's paragraphs;
/// * section 6 is its first paragraph, then the [`Plan::benchmarks`] as a
///   list (one item per benchmark, see [`Benchmark::line`]), then the rest;
/// * a section listed in [`Plan::blanked`] is written as its heading and the
///   placeholder only (no priority statements, no benchmarks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Short district name as the state lists it (`"Fall River"`).
    pub district: String,
    /// Priority statements, one per priority.
    pub priorities: Vec<String>,
    /// Response paragraphs per section, in document order. A section not
    /// listed here is absent from the document (heading and text).
    pub sections: Vec<(SectionId, Vec<String>)>,
    /// Interim benchmarks written in section 6.
    pub benchmarks: Vec<Benchmark>,
    /// Sections whose response is a placeholder (the paragraphs in
    /// `sections` hold exactly the placeholder text, possibly `""`).
    pub blanked: Vec<SectionId>,
    /// Schools named in the plan (identified schools first).
    pub schools: Vec<String>,
    /// Sections whose response is only a pasted picture (a PNG with no alt
    /// text) instead of text; see [`Plan::as_picture`].
    pub pictures: Vec<SectionId>,
}

impl Plan {
    /// A realistic, complete plan for `district` answering every sub-prompt
    /// of the guidance: 2 priorities, 4 benchmarks (district and school
    /// level), roughly 1,500-2,000 words. Wording, numbers and school names
    /// vary with the district name; the same name always gives the same plan.
    ///
    /// `Plan::complete("")` is an anonymous plan: the district is named
    /// nowhere (no title line, no core title, generic school names), for
    /// `ssos::document::district-unknown`.
    pub fn complete(district: &str) -> Plan {
        content::complete(district)
    }

    /// The district's long name, e.g. `"Lowell Public Schools"` (empty for
    /// an anonymous plan, `Plan::complete("")`).
    pub fn district_long_name(&self) -> String {
        content::long_name(&self.district)
    }

    /// Remove a section entirely (heading and text).
    pub fn without(mut self, s: SectionId) -> Plan {
        self.sections.retain(|(id, _)| *id != s);
        self.blanked.retain(|id| *id != s);
        self.pictures.retain(|id| *id != s);
        self
    }

    /// Keep the heading but replace the response by `placeholder` (`""`,
    /// `"Click or tap here to enter text."`, `"[Insert response here]"`,
    /// `"TBD"`, ...). If the section was removed it is put back in order.
    pub fn blank(mut self, s: SectionId, placeholder: &str) -> Plan {
        self = self.replace(s, vec![placeholder.to_string()]);
        if !self.blanked.contains(&s) {
            self.blanked.push(s);
        }
        self
    }

    /// Replace a section's response by a pasted picture of text (a PNG with
    /// no alt text and no readable text), as when a district pastes a
    /// screenshot of a table: `ssos::document::text-in-image`. In .docx it is
    /// an inline `w:drawing` (`word/media/image1.png`); in .xlsx an image
    /// placed where the response would be.
    pub fn as_picture(mut self, s: SectionId) -> Plan {
        if !self.has(s) {
            self = self.replace(s, Vec::new());
        }
        self.blanked.retain(|id| *id != s);
        if !self.pictures.contains(&s) {
            self.pictures.push(s);
        }
        self
    }

    /// Use `n` priorities (taken from a pool of statements; the first two
    /// are the ones of [`Plan::complete`]).
    pub fn with_priorities(mut self, n: usize) -> Plan {
        self.priorities = content::priorities(&self.district, n);
        self
    }

    /// Use `n` interim benchmarks, alternating district and school level.
    pub fn with_benchmarks(mut self, n: usize) -> Plan {
        self.benchmarks = content::benchmarks(&self.district, n);
        self
    }

    /// Replace a section's response paragraphs (inserting the section in
    /// guidance order if it was removed). Clears a previous `blank`.
    pub fn replace(mut self, s: SectionId, paragraphs: Vec<String>) -> Plan {
        self.blanked.retain(|id| *id != s);
        self.pictures.retain(|id| *id != s);
        if let Some(entry) = self.sections.iter_mut().find(|(id, _)| *id == s) {
            entry.1 = paragraphs;
        } else {
            let pos = self.sections.iter().position(|(id, _)| *id > s).unwrap_or(self.sections.len());
            self.sections.insert(pos, (s, paragraphs));
        }
        self
    }

    /// Whether the section is present (possibly blank).
    pub fn has(&self, s: SectionId) -> bool {
        self.sections.iter().any(|(id, _)| *id == s)
    }

    /// Whether the section was blanked with [`Plan::blank`].
    pub fn is_blank(&self, s: SectionId) -> bool {
        self.blanked.contains(&s)
    }

    /// Response paragraphs of a section (empty if absent).
    pub fn paragraphs(&self, s: SectionId) -> &[String] {
        self.sections.iter().find(|(id, _)| *id == s).map(|(_, p)| p.as_slice()).unwrap_or(&[])
    }

    /// Total words of the response text (priorities, paragraphs, benchmarks).
    pub fn word_count(&self) -> usize {
        let mut n = 0;
        for (s, _) in &self.sections {
            for b in self.body(*s) {
                n += b.text().split_whitespace().count();
            }
        }
        n
    }

    /// The blocks written for a section's response, in order.
    pub(crate) fn body(&self, s: SectionId) -> Vec<Block> {
        let paras = self.paragraphs(s);
        if self.pictures.contains(&s) {
            return vec![Block::Picture];
        }
        if self.is_blank(s) {
            return vec![Block::Placeholder(paras.first().cloned().unwrap_or_default())];
        }
        let mut out = Vec::new();
        match s {
            SectionId::Priorities => {
                for (i, p) in self.priorities.iter().enumerate() {
                    out.push(Block::Para(format!("Priority {}: {}", i + 1, p)));
                }
                out.extend(paras.iter().cloned().map(Block::Para));
            }
            SectionId::Monitoring => {
                let mut it = paras.iter();
                if let Some(first) = it.next() {
                    out.push(Block::Para(first.clone()));
                }
                out.extend(self.benchmarks.iter().map(|b| Block::Item(b.line())));
                out.extend(it.cloned().map(Block::Para));
            }
            _ => out.extend(paras.iter().cloned().map(Block::Para)),
        }
        out
    }
}

/// A unit of response text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// A normal paragraph.
    Para(String),
    /// A list item (benchmarks).
    Item(String),
    /// Placeholder of a blanked section.
    Placeholder(String),
    /// A pasted picture with no text.
    Picture,
}

impl Block {
    pub(crate) fn text(&self) -> &str {
        match self {
            Block::Para(t) | Block::Item(t) | Block::Placeholder(t) => t,
            Block::Picture => "",
        }
    }
}

/// Core-properties title: `"Lowell Public Schools — SSoS District
/// Prioritization Submission SY23-24"`.
pub(crate) fn doc_title(plan: &Plan) -> String {
    let long = plan.district_long_name();
    if long.is_empty() {
        "SSoS District Prioritization Submission SY23-24".into()
    } else {
        format!("{long} \u{2014} SSoS District Prioritization Submission SY23-24")
    }
}

/// One generated file: a realistic file name and its bytes.
#[derive(Debug, Clone)]
pub struct Sample {
    /// File name, e.g. `"lowell-heading-styles.docx"`.
    pub name: String,
    /// What the file shows (one line, for README tables).
    pub description: String,
    /// File contents.
    pub bytes: Vec<u8>,
}

/// The committed sample set (`samples/`): every docx layout and xlsx shape
/// once, each for a different district, plus `taunton-incomplete.docx` and
/// the plan wrapped as `.eml`, `.msg` and `.zip`.
pub fn sample_set() -> Vec<Sample> {
    let docs: [(&str, Layout, &str); 17] = [
        ("Lowell", Layout::HeadingStyles, "complete plan; Heading 1 section titles, bulleted benchmarks"),
        ("Fall River", Layout::TemplateTable, "complete plan in the template's two-column table (prompt | response)"),
        ("Springfield", Layout::PerPriority, "two priorities, sections 2-8 repeated under each"),
        ("Chelsea", Layout::BoldLabels, "titles as bold Normal paragraphs (\"Outcomes:\"), no heading styles"),
        ("Lynn", Layout::ContentControls, "responses inside content controls (block-level and in table cells)"),
        ("Brockton", Layout::NumberedTyped, "titles typed as \"3. Stakeholder Engagement\", not styled"),
        ("Framingham", Layout::AutoNumbered, "titles in an auto-numbered list (number not in the text)"),
        ("New Bedford", Layout::PromptThenResponse, "heading, the guidance prompt in italics, then the response"),
        ("Chicopee", Layout::Paraphrased, "section titles in other words (\"Measures of Success\")"),
        ("Fitchburg", Layout::TextBoxes, "sections 2, 4, 6, 8 answered inside text boxes (DrawingML + VML fallback)"),
        ("Greenfield", Layout::TrackedChanges, "tracked insertions/deletions (a deleted Priority 3) and a comment"),
        ("North Adams", Layout::GoogleDocsStyle, "Google Docs export quirks (split runs, bookmarks, rPr everywhere)"),
        ("Webster", Layout::LibreOfficeStyle, "LibreOffice-style XML (Heading 1 based on Heading, Text Body, a shape)"),
        ("Winchendon", Layout::StrictOoxml, "Strict OOXML namespaces, main part word/main.xml"),
        ("Haverhill", Layout::PlanOnAPage, "a plan on a page: one table, sections as columns, one row per priority"),
        ("Wareham", Layout::PrioritySplit, "every section split under \"Priority 1\" / \"Priority 2\" sub-headings"),
        ("Salem", Layout::MergedHeadings, "two sections under one heading (\"Outcomes and Progress Monitoring\")"),
    ];
    let mut out: Vec<Sample> = docs
        .iter()
        .map(|(d, l, what)| Sample {
            name: format!("{}-{}.docx", slug(d), l.slug()),
            description: what.to_string(),
            bytes: docx(&Plan::complete(d), *l),
        })
        .collect();
    out.push(Sample {
        name: "taunton-incomplete.docx".into(),
        description: "FAILING plan: Resources missing, Outcomes blank (\"Click or tap here to enter text.\"), 3 priorities, 16 benchmarks (more than 5 for each priority)".into(),
        bytes: docx(&incomplete_plan(), Layout::HeadingStyles),
    });
    out.push(Sample {
        name: "everett-pasted-image.docx".into(),
        description: "WARNING demo: section 2 answered only with a pasted picture of text (no alt text)".into(),
        bytes: docx(&Plan::complete("Everett").as_picture(SectionId::Analysis), Layout::HeadingStyles),
    });
    out.push(Sample {
        name: "unnamed-district.docx".into(),
        description: "ADVICE demo: a complete plan that never names its district".into(),
        bytes: docx(&Plan::complete(""), Layout::TemplateTable),
    });
    let sheets: [(&str, SheetShape, &str); 4] = [
        ("Worcester", SheetShape::FormSheet, "form sheet: section label in A, response in B"),
        (
            "Pittsfield",
            SheetShape::WithBenchmarkTable,
            "form sheet plus a Benchmarks sheet (Benchmark | Level | Who monitors | Frequency | Data source)",
        ),
        ("Northampton", SheetShape::FormBelow, "section label in A, response paragraphs in the rows below"),
        ("Boston", SheetShape::SheetPerSection, "one sheet per section, named after the section"),
    ];
    for (d, s, what) in sheets {
        out.push(Sample {
            name: format!("{}-{}.xlsx", slug(d), s.slug()),
            description: what.to_string(),
            bytes: xlsx(&Plan::complete(d), s),
        });
    }
    out.push(Sample {
        name: "malden-deck.pptx".into(),
        description: "the plan as a PowerPoint deck: one Title and Content slide per section, a long section continued on a \"(cont.)\" slide, speaker notes, a hidden draft slide, slide parts numbered out of order".into(),
        bytes: pptx(&Plan::complete("Malden"), DeckLayout::TitleAndContent),
    });
    out.push(Sample {
        name: "gloucester-word-export.pdf".into(),
        description: "the plan saved as PDF from Word: sized bold headings, bulleted benchmarks, running header and page-number footer".into(),
        bytes: pdf(&Plan::complete("Gloucester"), PdfLayout::WordExport),
    });
    out.push(Sample {
        name: "waltham-two-column.pdf".into(),
        description: "a PDF laid out in two columns (read left column, then right)".into(),
        bytes: pdf(&Plan::complete("Waltham"), PdfLayout::TwoColumn),
    });
    let g = Plan::complete("Gateway");
    out.push(Sample {
        name: "gateway-submission.eml".into(),
        description: "the plan as it arrives: an email to ssos1@mass.gov with the .docx attached (heading styles)"
            .into(),
        bytes: mail::submission_eml(&g, Layout::HeadingStyles),
    });
    let a = Plan::complete("Athol-Royalston");
    out.push(Sample {
        name: "athol-royalston-submission.msg".into(),
        description: "an Outlook .msg with the .docx attached (template table)".into(),
        bytes: mail::submission_msg(&a, Layout::TemplateTable),
    });
    let o = Plan::complete("Orange");
    let od = docx(&o, Layout::BoldLabels);
    out.push(Sample {
        name: "orange-submission.zip".into(),
        description: "a .zip holding the plan (bold labels)".into(),
        bytes: mail::zip_archive(&[(mail::attachment_name(&o, "docx").as_str(), od.as_slice())]),
    });
    out
}

/// The "what a failing plan looks like" demo (Taunton): Resources removed,
/// Outcomes blank with "Click or tap here to enter text.", 3 priorities,
/// 12 benchmarks.
/// The plans printed from HTML by `weasyprint` into
/// `tests/fixtures/weasyprint/` (`regen-web-pdf.sh weasyprint`): file stem, plan, layout.
pub fn web_exports() -> Vec<(&'static str, Plan, HtmlLayout)> {
    vec![
        // The page breaks inside a benchmark row (no rule below its first part).
        ("taunton-headings", Plan::complete("Taunton").with_benchmarks(4), HtmlLayout::Headings),
        // The page ends with the benchmark table's header row alone.
        ("lynn-headings", Plan::complete("Lynn").with_benchmarks(4), HtmlLayout::Headings),
        // Records typed one to a paragraph in a cell, no space between them.
        ("salem-row-labels", Plan::complete("Salem").with_benchmarks(5), HtmlLayout::RowLabels),
        // Every answer typed with its outline number ("6.2 ...").
        ("chelsea-outline", Plan::complete("Chelsea"), HtmlLayout::Outline),
        ("lowell-banded", short_priority(Plan::complete("Lowell")), HtmlLayout::Banded),
        // A table without rules, rows close together, cells centred in them.
        ("pittsfield-pandoc", Plan::complete("Pittsfield").with_benchmarks(4), HtmlLayout::Pandoc),
    ]
}

/// One priority, stated in a short line (a title more than a paragraph).
fn short_priority(mut plan: Plan) -> Plan {
    plan.priorities = vec![
        "Improve Tier 1 instruction: grade-level work, taught in culturally and linguistically sustaining ways, in ELA and math"
            .to_string(),
    ];
    plan
}

pub fn incomplete_plan() -> Plan {
    Plan::complete("Taunton")
        .without(SectionId::Resources)
        .blank(SectionId::Outcomes, "Click or tap here to enter text.")
        .with_priorities(3)
        .with_benchmarks(16)
}

/// A large corpus for benchmarks: every layout and shape for each district,
/// plus complete/missing/blank variants. Names are `<district>-<variant>-<layout>.<ext>`.
pub fn corpus(districts: &[&str]) -> Vec<Sample> {
    let mut out = Vec::new();
    for d in districts {
        let variants = [
            ("complete", Plan::complete(d)),
            ("no-analysis", Plan::complete(d).without(SectionId::Analysis)),
            ("tbd-roles", Plan::complete(d).blank(SectionId::RoleClarity, "TBD")),
        ];
        for (v, plan) in &variants {
            for l in Layout::ALL {
                out.push(Sample {
                    name: format!("{}-{v}-{}.docx", slug(d), l.slug()),
                    description: format!("{d}, {v}, {l:?}"),
                    bytes: docx(plan, l),
                });
            }
            for s in SheetShape::ALL {
                out.push(Sample {
                    name: format!("{}-{v}-{}.xlsx", slug(d), s.slug()),
                    description: format!("{d}, {v}, {s:?}"),
                    bytes: xlsx(plan, s),
                });
            }
        }
    }
    out
}

/// Write samples into `dir` (created if needed).
pub fn write_samples(dir: &std::path::Path, samples: &[Sample]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for s in samples {
        std::fs::write(dir.join(&s.name), &s.bytes)?;
    }
    Ok(())
}

/// `"Fall River"` -> `"fall-river"`.
pub fn slug(s: &str) -> String {
    s.to_lowercase().split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-")
}

/// Districts receiving prioritized SSoS assistance in SY22-23 (from the
/// state's October 2022 letter).
pub const SSOS_DISTRICTS: [&str; 22] = [
    "Athol-Royalston",
    "Boston",
    "Brockton",
    "Chelsea",
    "Chicopee",
    "Fall River",
    "Fitchburg",
    "Framingham",
    "Gateway",
    "Greenfield",
    "Lowell",
    "Lynn",
    "New Bedford",
    "North Adams",
    "Northampton",
    "Orange",
    "Pittsfield",
    "Springfield",
    "Taunton",
    "Webster",
    "Winchendon",
    "Worcester",
];
