//! Every rule of the pack on real documents: each fires where the plan has
//! its defect (with the right items) and stays quiet where it does not.

mod common;

use common::*;
use ssos_lint::report::{PromptStatus, Severity, Status};

fn checked(replace: &[(&str, Option<Vec<&str>>)]) -> ssos_lint::report::FileReport {
    check("plan.docx", &plan_docx(replace))
}

/// Asserts `code` is reported for `section` with exactly `items`.
fn assert_reported(report: &ssos_lint::report::FileReport, code: &str, section: &str, items: &[&str]) {
    let d = find(report, code, Some(section)).unwrap_or_else(|| panic!("{code} not reported:\n{}", summary(report)));
    assert_eq!(d.items, items, "{}", summary(report));
}

#[test]
fn the_clean_plan_has_no_finding_at_all() {
    let report = checked(&[]);
    assert!(report.diagnostics.is_empty(), "{}", summary(&report));
    assert_eq!(report.status, Status::Pass);
    assert_eq!(report.priorities.count, 1);
    assert_eq!(report.benchmarks.count, 3);
    assert_eq!(report.district.as_deref(), Some("Lowell"));
    for section in &report.sections {
        for prompt in &section.prompts {
            assert_eq!(prompt.status, PromptStatus::Met, "{}: {}", section.id, prompt.id);
            assert!(!prompt.evidence.is_empty(), "{}: {} has no evidence", section.id, prompt.id);
        }
    }
}

#[test]
fn priorities_without_a_clsp_focus() {
    let report = checked(&[(
        "Priority",
        Some(vec![
            "Priority 1: Raise daily attendance in every school.",
            "Teachers will call families when a student misses two days, and principals will review attendance weekly.",
            "Students will experience a warm welcome each morning and an adult mentor.",
            "The priority addresses the attendance gap for low-income students.",
        ]),
    )]);
    assert_reported(&report, "ssos::priorities::no-clsp-focus", "priorities", &[]);
    assert!(find(&report, "ssos::priorities::prompt-unanswered", None).is_none(), "{}", summary(&report));
}

#[test]
fn priorities_prompt_unanswered_names_the_missing_prompts() {
    let report = checked(&[(
        "Priority",
        Some(vec![
            "Priority 1: Strengthen culturally and linguistically sustaining, grade-appropriate literacy instruction in grades K-8.",
            "Teachers will plan every unit from the core curriculum and lead daily academic discussion.",
        ]),
    )]);
    assert_reported(
        &report,
        "ssos::priorities::prompt-unanswered",
        "priorities",
        &["student_experience", "equity_gaps"],
    );
}

#[test]
fn analysis_data_areas_student_groups_and_student_work() {
    let report = checked(&[(
        "Analysis",
        Some(vec![
            "On the 2022 MCAS, 34% of students met or exceeded expectations in ELA, compared with 41% statewide.",
            "Our review of master schedules showed common planning time ranging from 40 to 120 minutes a week.",
        ]),
    )]);
    assert_reported(
        &report,
        "ssos::analysis::data-area-missing",
        "analysis",
        &["instruction", "stakeholder_perspectives"],
    );
    assert_reported(&report, "ssos::analysis::no-student-groups", "analysis", &[]);
    assert_reported(&report, "ssos::analysis::no-student-work", "analysis", &[]);
    assert_eq!(find(&report, "ssos::analysis::no-student-work", None).unwrap().severity, Severity::Advice);
}

#[test]
fn stakeholder_groups_missing_with_synonyms_and_negation() {
    let report = checked(&[(
        "Stakeholder",
        Some(vec![
            "Students shared feedback in focus groups at each middle school.",
            "We have not yet engaged families in this work.",
            "Paraprofessionals and the teachers union reviewed the draft.",
            "Assistant principals and ILTs reviewed the benchmarks.",
            "At Jefferson Elementary School, students asked for more discussion.",
            "Stakeholders will stay engaged through quarterly forums.",
        ]),
    )]);
    assert_reported(&report, "ssos::stakeholders::group-missing", "stakeholder_engagement", &["families", "community"]);
}

#[test]
fn stakeholder_synonyms_count_for_each_group() {
    let report = checked(&[(
        "Stakeholder",
        Some(vec![
            "Our youth council ran an empathy interview project with scholars in grades 6-8.",
            "Parents and guardians from the ELPAC met with the family liaisons in three listening sessions.",
            "Educators answered a staff survey.",
            "Building leaders discussed the plan at the principals' meeting.",
            "Local nonprofits and a community-based organization co-designed the tutoring model.",
            "In our underperforming schools, students and parents asked for more tutoring.",
            "These groups will continue to meet each quarter to review progress.",
        ]),
    )]);
    assert!(find(&report, "ssos::stakeholders::group-missing", None).is_none(), "{}", summary(&report));
    assert!(find(&report, "ssos::stakeholders::no-identified-school-input", None).is_none(), "{}", summary(&report));
}

#[test]
fn a_mention_in_another_section_does_not_count() {
    // Families appear in the priorities section, but not in stakeholder engagement.
    let report = checked(&[
        (
            "Priority",
            Some(vec![
                "Priority 1: Strengthen culturally and linguistically sustaining, grade-appropriate literacy instruction.",
                "Teachers will plan lessons with families in mind; students will experience more discussion; this closes opportunity gaps for English learners.",
            ]),
        ),
        (
            "Stakeholder",
            Some(vec![
                "Students shared feedback in focus groups. Teachers answered a survey. Principals reviewed drafts.",
                "Community partners helped design the summer program.",
                "At Jefferson Elementary School, students asked for more books.",
                "We will keep meeting with these groups quarterly.",
            ]),
        ),
    ]);
    assert_reported(&report, "ssos::stakeholders::group-missing", "stakeholder_engagement", &["families"]);
}

#[test]
fn stakeholders_identified_schools_and_ongoing_engagement() {
    let report = checked(&[(
        "Stakeholder",
        Some(vec![
            "Students shared feedback in focus groups. Parents joined listening sessions. Teachers answered a survey.",
            "Principals reviewed drafts, and community partners helped design the summer program.",
        ]),
    )]);
    assert_reported(&report, "ssos::stakeholders::no-identified-school-input", "stakeholder_engagement", &[]);
    assert_reported(&report, "ssos::stakeholders::no-ongoing-engagement", "stakeholder_engagement", &[]);
}

#[test]
fn outcomes_without_targets_or_group_targets() {
    let report = checked(&[("Outcomes", Some(vec!["We hope reading will improve across the district next year."]))]);
    assert_reported(&report, "ssos::outcomes::no-accountability-targets", "outcomes", &[]);
    // The SPEC's group-target finding is "targets only in the aggregate": with
    // none at all, the accountability finding says it.
    assert!(find(&report, "ssos::outcomes::no-student-group-targets", None).is_none());

    let aggregate_only = checked(&[(
        "Outcomes",
        Some(vec![
            "We will meet our ELA accountability target of 45% of students meeting or exceeding expectations on MCAS.",
        ]),
    )]);
    assert!(find(&aggregate_only, "ssos::outcomes::no-accountability-targets", None).is_none());
    assert_reported(&aggregate_only, "ssos::outcomes::no-student-group-targets", "outcomes", &[]);
}

#[test]
fn roles_level_missing() {
    let report = checked(&[(
        "Role",
        Some(vec![
            "The central office will provide coaching and planning time.",
            "Principals will lead weekly planning meetings.",
        ]),
    )]);
    assert_reported(&report, "ssos::roles::level-missing", "role_clarity", &["teachers"]);
}

#[test]
fn monitoring_owner_frequency_level_and_student_work() {
    let report = checked(&[(
        "Monitoring",
        Some(vec![
            "We will track these benchmarks:",
            "- 70% of lessons use grade-level texts.",
            "- More English learners read on track in i-Ready.",
        ]),
    )]);
    assert_reported(&report, "ssos::monitoring::no-owner", "monitoring", &[]);
    assert_reported(&report, "ssos::monitoring::no-frequency", "monitoring", &[]);
    assert_reported(&report, "ssos::monitoring::level-missing", "monitoring", &["district", "school"]);
    assert_reported(&report, "ssos::monitoring::no-student-work", "monitoring", &[]);
}

#[test]
fn monitoring_too_many_benchmarks_counts_list_items() {
    let items: Vec<String> =
        (1..=8).map(|i| format!("- District benchmark {i}: a measure reviewed monthly by the DILT.")).collect();
    let mut body = vec!["Interim benchmarks:"];
    body.extend(items.iter().map(String::as_str));
    let report = checked(&[("Monitoring", Some(body))]);
    assert_eq!(report.benchmarks.count, 8, "{}", summary(&report));
    let d = find(&report, "ssos::monitoring::too-many-benchmarks", Some("monitoring")).expect("too many benchmarks");
    assert!(d.message.contains('8'), "{}", d.message);
}

#[test]
fn resources_kinds_and_budget_equity() {
    let report = checked(&[("Resources", Some(vec!["ESSER funds pay for three instructional coaches."]))]);
    assert_reported(&report, "ssos::resources::kind-missing", "resources", &["external"]);
    assert_reported(&report, "ssos::resources::no-budget-equity", "resources", &[]);
}

#[test]
fn differentiation_without_named_schools() {
    let report = checked(&[(
        "Differentiation",
        Some(vec![
            "Schools identified as requiring assistance will receive weekly coaching and monthly learning walks.",
        ]),
    )]);
    assert_reported(&report, "ssos::differentiation::no-schools-listed", "differentiation", &[]);
}

#[test]
fn priorities_none_and_too_many() {
    let none = checked(&[("Priority", Some(vec!["TBD"]))]);
    assert!(has(&none, "ssos::priorities::none"), "{}", summary(&none));
    assert!(has(&none, "ssos::section::empty"), "{}", summary(&none));
    assert_eq!(none.priorities.count, 0);

    let three = checked(&[(
        "Priority",
        Some(vec![
            "Priority 1: Strengthen culturally and linguistically sustaining literacy instruction.",
            "Priority 2: Adopt high-quality math materials.",
            "Priority 3: Improve attendance.",
            "Teachers will plan together; students will experience richer tasks; we close gaps for English learners.",
        ]),
    )]);
    assert_eq!(three.priorities.count, 3);
    let d = find(&three, "ssos::priorities::too-many", Some("priorities")).expect("too many");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(three.status, Status::Fail);
}

#[test]
fn per_priority_blocks_are_checked_separately() {
    let mut paras = vec![Para::T("Lowell Public Schools"), Para::H("1. Priority(ies)")];
    paras.push(Para::T("We have two priorities, described below with their own plans."));
    let sections = clean_sections();
    for (n, title) in [(1, "Priority 1: Literacy"), (2, "Priority 2: Instructional leadership teams")] {
        paras.push(Para::H(title));
        for (heading, body) in sections.iter().skip(1) {
            paras.push(Para::H(heading));
            let body: Vec<&str> = if n == 2 && heading.contains("Stakeholder") {
                vec![
                    "Students shared feedback in focus groups. Teachers answered a survey. Principals reviewed drafts.",
                    "Community partners helped design the summer program.",
                    "At Jefferson Elementary School, students asked for more books.",
                    "We will keep meeting with these groups quarterly.",
                ]
            } else {
                body.clone()
            };
            paras.extend(body.into_iter().map(Para::T));
        }
    }
    let report = check("per-priority.docx", &simple_docx(&paras));
    assert_eq!(report.priorities.count, 2, "{}", summary(&report));
    let d = find(&report, "ssos::stakeholders::group-missing", None).unwrap_or_else(|| panic!("{}", summary(&report)));
    assert_eq!(d.priority, Some(2));
    assert_eq!(d.items, ["families"]);
    assert!(d.message.contains("priority 2"), "{}", d.message);
    assert_eq!(report.section("stakeholder_engagement").unwrap().priorities, [1, 2]);
}

#[test]
fn evidence_quotes_the_text_that_met_a_prompt() {
    let report = checked(&[]);
    let stakeholders = report.section("stakeholder_engagement").unwrap();
    let groups = stakeholders.prompts.iter().find(|p| p.id == "stakeholder_groups").unwrap();
    let families = groups.evidence.iter().find(|e| e.item.as_deref() == Some("families")).expect("families evidence");
    assert!(families.excerpt.contains("caregivers"), "{}", families.excerpt);
    assert!(families.location.paragraph.is_some());
}

#[test]
fn document_level_findings() {
    use ssos_fixtures::{Layout, Plan, SectionId, docx};
    let tracked = check("t.docx", &docx(&Plan::complete("Greenfield"), Layout::TrackedChanges));
    assert!(has(&tracked, "ssos::document::tracked-changes"), "{}", summary(&tracked));
    let clean = check("c.docx", &docx(&Plan::complete("Greenfield"), Layout::HeadingStyles));
    assert!(!has(&clean, "ssos::document::tracked-changes"));
    assert!(!has(&clean, "ssos::document::district-unknown"));

    let unnamed = check("plan.docx", &docx(&Plan::complete(""), Layout::HeadingStyles));
    assert!(has(&unnamed, "ssos::document::district-unknown"), "{}", summary(&unnamed));

    let picture =
        check("p.docx", &docx(&Plan::complete("Everett").as_picture(SectionId::Analysis), Layout::HeadingStyles));
    let d = find(&picture, "ssos::document::text-in-image", Some("analysis"))
        .unwrap_or_else(|| panic!("{}", summary(&picture)));
    assert_eq!(d.severity, Severity::Warning);
}

#[test]
fn rules_run_on_spreadsheets_too() {
    use ssos_fixtures::{Plan, SectionId, SheetShape, xlsx};
    let plan =
        Plan::complete("Worcester").replace(SectionId::Resources, vec!["ESSER funds pay for coaches.".to_string()]);
    let report = check("w.xlsx", &xlsx(&plan, SheetShape::FormSheet));
    assert_reported(&report, "ssos::resources::kind-missing", "resources", &["external"]);
    let location = &find(&report, "ssos::resources::kind-missing", None).unwrap().location;
    assert!(location.as_ref().and_then(|l| l.sheet.as_ref()).is_some(), "{location:?}");
}

#[test]
fn priorities_are_counted_however_they_are_written() {
    let cases: [(&[&str], usize); 4] = [
        (
            &[
                "We will focus on two priorities next year.",
                "1. Grade-appropriate literacy instruction.",
                "2. Strong instructional leadership teams.",
            ],
            2,
        ),
        (&["Priority Area 1: Literacy instruction.", "Priority Area 2: Leadership teams."], 2),
        (&["Our first priority is literacy instruction. Our second priority is building leadership teams."], 2),
        (
            &[
                "Our priority is literacy.",
                "1. Teachers will plan together.",
                "2. Students will talk more.",
                "3. Gaps will close.",
            ],
            1,
        ),
    ];
    for (body, expected) in cases {
        let report = checked(&[("Priority", Some(body.to_vec()))]);
        assert_eq!(report.priorities.count, expected, "{body:?}\n{}", summary(&report));
    }
}

#[test]
fn benchmarks_in_a_table_are_not_added_to_prose_bullets() {
    let mut paras = vec![Para::T("Lowell Public Schools")];
    for (heading, body) in clean_sections() {
        paras.push(Para::H(heading));
        paras.extend(body.into_iter().map(Para::T));
    }
    let xml_table = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Benchmark</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Who monitors</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>70% of lessons use grade-level texts</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>DILT</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>ILTs run three inquiry cycles</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Principals</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    // `simple_docx` has no tables: this body is written by hand with one.
    let mut body = String::new();
    for p in &paras {
        let (style, text) = match p {
            Para::H(t) => (r#"<w:pPr><w:outlineLvl w:val="0"/></w:pPr>"#, *t),
            Para::T(t) => ("", *t),
            Para::B(_, t) => ("", *t),
        };
        body.push_str(&format!(
            r#"<w:p>{style}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            text.replace('&', "&amp;")
        ));
        if text.starts_with("ILTs will analyze student work samples") {
            body.push_str(xml_table);
        }
    }
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let report = check("table.docx", &ssos_fixtures::bad::minimal_docx(&xml));
    // Three "- ..." bullets in the prose, two table rows: the table is the list of benchmarks.
    assert_eq!(report.benchmarks.count, 2, "{}", summary(&report));
}
