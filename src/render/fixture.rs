//! A hand-built report for the renderers' tests: a failing DOCX out of an
//! email (a missing section, an empty section, a warning with items, an
//! advice, spans into its source text), an unreadable `.doc`, and a passing
//! workbook from a district whose name carries a comma.

use super::{RenderOptions, RuleMeta};
use crate::model::CellRef;
use crate::report::*;

/// The guidance's sections, as the built-in pack has them (test data).
const SECTIONS: [(&str, u8, &str); 8] = [
    ("priorities", 1, "Priority(ies)"),
    ("analysis", 2, "Analysis of Strengths and Challenges"),
    ("stakeholder_engagement", 3, "Stakeholder Engagement"),
    ("outcomes", 4, "Outcomes"),
    ("role_clarity", 5, "Role Clarity"),
    ("monitoring", 6, "Monitoring Implementation"),
    ("resources", 7, "Resources"),
    ("differentiation", 8, "Differentiation"),
];

fn section(
    id: &str,
    state: SectionState,
    location: Option<Location>,
    excerpt: Option<&str>,
    prompts: Vec<PromptCoverage>,
) -> SectionReport {
    let (_, number, title) = SECTIONS.iter().find(|(s, _, _)| *s == id).copied().unwrap();
    SectionReport {
        id: id.to_string(),
        number,
        guidance_title: title.to_string(),
        found: state != SectionState::Missing,
        state,
        title: format!("{number}. {title}"),
        location,
        words: if state == SectionState::Present { 120 } else { 0 },
        excerpt: excerpt.map(str::to_string),
        priorities: vec![],
        prompts,
        judgement: vec![],
    }
}

fn prompt(id: &str, status: PromptStatus, evidence: Option<(&str, Location)>) -> PromptCoverage {
    PromptCoverage {
        id: id.to_string(),
        ask: None,
        status,
        evidence: evidence
            .map(|(excerpt, location)| Evidence { excerpt: excerpt.to_string(), location, item: None })
            .into_iter()
            .collect(),
    }
}

fn lowell() -> FileReport {
    use PromptStatus::{Met, Partial};
    use SectionState::{Empty, Present};
    const MISSING: PromptStatus = PromptStatus::Missing;
    let text = "\
# 1. Priority(ies)
Priority 1: Strengthen grade-appropriate, culturally and linguistically sustaining literacy instruction in grades K-5.
# 2. Analysis of Strengths and Challenges
MCAS ELA data show a 22-point gap between English learners and their peers; walkthroughs show uneven use of HQIM.
# 3. Stakeholder Engagement
We met with teachers and principals at each elementary school in February.
# 4. Outcomes
Increase the share of grade 3 students meeting expectations from 31% to 40%.
# 5. Role Clarity
Click or tap here to enter text.
# 6. Monitoring Implementation
The Deputy Superintendent reviews benchmarks monthly with school leaders.
# 8. Differentiation
The Murkland and Greenhalge schools receive coaching cycles.
";
    let span_of = |needle: &str| {
        let start = text.find(needle).unwrap();
        Some((start, start + needle.len()))
    };
    let p = Location::paragraph;
    let sections = vec![
        section(
            "priorities",
            Present,
            Some(p(12)),
            Some("Priority 1: Strengthen grade-appropriate, culturally and linguistically sustaining literacy"),
            vec![
                prompt("educator_practice", Met, Some(("literacy instruction in grades K-5", p(13)))),
                prompt("student_experience", Met, Some(("culturally and linguistically sustaining", p(13)))),
                prompt("equity_gaps", Met, Some(("English learners", p(14)))),
            ],
        ),
        section(
            "analysis",
            Present,
            Some(p(20)),
            Some("MCAS ELA data show a 22-point gap between English learners and their peers"),
            vec![
                prompt("student_outcomes", Met, Some(("MCAS ELA data", p(21)))),
                prompt("instruction", Met, Some(("walkthroughs show uneven use of HQIM", p(21)))),
                prompt("stakeholder_perspectives", MISSING, None),
                prompt("systems_structures", MISSING, None),
            ],
        ),
        section(
            "stakeholder_engagement",
            Present,
            Some(p(40)),
            Some("We met with teachers and principals at each elementary school in February."),
            vec![
                prompt("educators", Met, Some(("We met with teachers", p(41)))),
                prompt("school_leaders", Met, Some(("principals at each elementary school", p(41)))),
                prompt("families", MISSING, None),
                prompt("community", MISSING, None),
                prompt("students", Partial, None),
            ],
        ),
        section(
            "outcomes",
            Present,
            Some(p(45)),
            Some("Increase the share of grade 3 students meeting expectations from 31% to 40%."),
            vec![prompt("accountability_targets", Met, Some(("from 31% to 40%", p(46))))],
        ),
        section("role_clarity", Empty, Some(p(52)), None, vec![prompt("levels", MISSING, None)]),
        section(
            "monitoring",
            Present,
            Some(p(55)),
            Some("The Deputy Superintendent reviews benchmarks monthly with school leaders."),
            vec![prompt("owner", Met, Some(("The Deputy Superintendent", p(56))))],
        ),
        section("resources", SectionState::Missing, None, None, vec![prompt("kinds", MISSING, None)]),
        section(
            "differentiation",
            Present,
            Some(p(60)),
            Some("The Murkland and Greenhalge schools receive coaching cycles."),
            vec![prompt("schools_listed", Met, Some(("The Murkland and Greenhalge schools", p(61))))],
        ),
    ];
    let diagnostics = vec![
        Diagnostic {
            code: "ssos::section::missing".into(),
            severity: Severity::Error,
            section: Some("resources".into()),
            items: vec![],
            priority: None,
            message: "section 7 (Resources) is missing".into(),
            help: "add a Resources section naming the internal and external resources for each priority".into(),
            location: None,
            span: None,
        },
        Diagnostic {
            code: "ssos::section::empty".into(),
            severity: Severity::Error,
            section: Some("role_clarity".into()),
            items: vec![],
            priority: None,
            message: "section 5 (Role Clarity) holds only placeholder text".into(),
            help: "describe the roles of central office, school leaders and teachers".into(),
            location: Some(p(52)),
            span: span_of("Click or tap here to enter text."),
        },
        Diagnostic {
            code: "ssos::stakeholders::group-missing".into(),
            severity: Severity::Warning,
            section: Some("stakeholder_engagement".into()),
            items: vec!["families".into(), "community".into()],
            priority: None,
            message: "stakeholder engagement does not describe input from families and community".into(),
            help: "describe how families and community members were engaged (for example surveys or forums)".into(),
            location: Some(p(41)),
            span: span_of("We met with teachers and principals at each elementary school in February."),
        },
        Diagnostic {
            code: "ssos::analysis::no-student-work".into(),
            severity: Severity::Advice,
            section: Some("analysis".into()),
            items: vec![],
            priority: None,
            message: "the analysis cites no themes from looking at student work".into(),
            help: "add what a review of student work samples showed".into(),
            location: Some(p(21)),
            span: None,
        },
    ];
    FileReport {
        path: "inbox/lowell.eml".into(),
        attachment: Some("Lowell SSoS submission.docx".into()),
        format: Some("docx".into()),
        district: Some("Lowell".into()),
        status: Status::Fail,
        sections,
        priorities: Count { count: 1 },
        benchmarks: Count { count: 4 },
        diagnostics,
        companions: vec![],
        superseded_by: None,
        source: Some(SourceText { name: "Lowell SSoS submission.docx".into(), text: text.into() }),
        package: None,
        received: None,
        sender: None,
    }
}

fn springfield() -> FileReport {
    FileReport {
        path: "drive/Springfield, MA/plan.doc".into(),
        attachment: None,
        format: None,
        district: Some("Springfield".into()),
        status: Status::Error,
        sections: vec![],
        priorities: Count::default(),
        benchmarks: Count::default(),
        diagnostics: vec![Diagnostic {
            code: "ssos::input::unsupported".into(),
            severity: Severity::Error,
            section: None,
            items: vec![],
            priority: None,
            message: "a Word 97-2003 document (.doc) cannot be read\n100% of its content was skipped".into(),
            help: "open it in Word and save it as a Word Document (.docx)".into(),
            location: None,
            span: None,
        }],
        companions: vec![],
        superseded_by: None,
        source: None,
        package: None,
        received: None,
        sender: None,
    }
}

fn worcester() -> FileReport {
    let sections = SECTIONS
        .iter()
        .enumerate()
        .map(|(i, (id, _, _))| {
            let row = 3 + i * 2;
            let loc = Location {
                sheet: Some("Plan".into()),
                cell: Some(CellRef::A1(format!("B{row}"))),
                ..Default::default()
            };
            section(
                id,
                SectionState::Present,
                Some(loc.clone()),
                Some("Worcester's response"),
                vec![prompt("main", PromptStatus::Met, Some(("Worcester's response", loc)))],
            )
        })
        .collect();
    FileReport {
        path: "drive/worcester plan.xlsx".into(),
        attachment: None,
        format: Some("xlsx".into()),
        district: Some("Worcester, MA".into()),
        status: Status::Pass,
        sections,
        priorities: Count { count: 2 },
        benchmarks: Count { count: 6 },
        diagnostics: vec![],
        companions: vec![],
        superseded_by: None,
        source: None,
        package: None,
        received: None,
        sender: None,
    }
}

pub fn report() -> Report {
    let files = vec![lowell(), springfield(), worcester()];
    Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool::default(),
        rules: RulesInfo { id: "ssos-district-priority-2023-24".into(), version: "1.0.0".into() },
        summary: Summary::tally(&files),
        files,
        missing_districts: vec!["Boston".into()],
    }
}

pub fn options() -> RenderOptions {
    let rule = |code: &str, severity, summary: &str, section: Option<&str>| RuleMeta {
        code: code.into(),
        severity,
        summary: summary.into(),
        help: format!("help for {code}"),
        section: section.map(str::to_string),
        link: (code == "ssos::section::missing").then(|| "https://example.org/rules/section-missing".to_string()),
    };
    RenderOptions {
        color: false,
        coverage: false,
        width: 100,
        quiet: false,
        pack: None,
        run: super::RunInfo { timestamp: "2023-06-30T16:30:00".into(), hostname: "reviewer-pc".into(), seconds: 1.25 },
        rules: vec![
            rule("ssos::section::missing", Severity::Error, "A required section is missing", None),
            rule("ssos::section::empty", Severity::Error, "A section holds no response", None),
            rule(
                "ssos::stakeholders::group-missing",
                Severity::Warning,
                "A stakeholder group's input is not described",
                Some("stakeholder_engagement"),
            ),
            rule("ssos::analysis::no-student-work", Severity::Advice, "No themes from student work", Some("analysis")),
        ],
    }
}
