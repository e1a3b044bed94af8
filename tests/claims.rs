//! Every content rule on real .docx files: the ask met, met in other words
//! (synonym), left out (positive), negated, and answered with the wrong claim.
//! Each case replaces one section of the clean plan; only the rule's own
//! code is asserted, with its items.

mod common;

use common::*;
use ssos_lint::report::{FileReport, PromptStatus};

/// One rule's cases: the section's other sentences, then one slot filled five ways.
struct Case {
    code: &'static str,
    /// A word of the section's heading in the clean plan.
    heading: &'static str,
    /// Items reported when the slot is missing (list codes).
    items: &'static [&'static str],
    /// The section's other sentences, which do not meet the ask.
    rest: &'static [&'static str],
    met: &'static str,
    synonym: &'static str,
    negated: &'static str,
    wrong: &'static str,
}

fn plan_with(case: &Case, slot: Option<&str>) -> FileReport {
    let mut body: Vec<&str> = case.rest.to_vec();
    body.extend(slot);
    check("plan.docx", &plan_docx(&[(case.heading, Some(body))]))
}

fn run(case: &Case) {
    let quiet = |what: &str, slot: &str| {
        let report = plan_with(case, Some(slot));
        assert!(
            find(&report, case.code, None).is_none(),
            "{}: {what} should meet the ask\n{}",
            case.code,
            summary(&report)
        );
    };
    let fires = |what: &str, slot: Option<&str>| {
        let report = plan_with(case, slot);
        let d = find(&report, case.code, None)
            .unwrap_or_else(|| panic!("{}: {what} should be reported\n{}", case.code, summary(&report)));
        assert_eq!(d.items, case.items, "{}: {what}", case.code);
    };
    quiet("met", case.met);
    quiet("synonym", case.synonym);
    fires("positive (left out)", None);
    fires("negated", Some(case.negated));
    fires("wrong claim", Some(case.wrong));
}

const PRIORITY_REST: &[&str] = &[
    "Priority 1: Strengthen culturally and linguistically sustaining, grade-appropriate literacy instruction in grades K-8.",
    "Teachers will plan every unit from the core curriculum and lead daily academic discussion.",
    "Students will read and discuss grade-level texts every day.",
];

#[test]
fn clsp_focus() {
    run(&Case {
        code: "ssos::priorities::no-clsp-focus",
        heading: "Priority",
        items: &[],
        rest: &[
            "Teachers will plan every unit from the core curriculum and lead daily academic discussion.",
            "Students will read and discuss grade-level texts every day.",
            "It closes the opportunity gaps for multilingual learners.",
        ],
        met: "Priority 1: Strengthen culturally and linguistically sustaining literacy instruction in grades K-8.",
        synonym: "Priority 1: Grade-level literacy instruction that is culturally responsive and affirms students' home languages.",
        negated: "Priority 1: Implement the new K-5 math curriculum; culturally and linguistically sustaining practices will not be a focus this year.",
        wrong: "Priority 1: Implement a new ELA curriculum in grades K-5 and build a data culture in every school.",
    });
}

#[test]
fn priority_prompt_equity_gaps() {
    run(&Case {
        code: "ssos::priorities::prompt-unanswered",
        heading: "Priority",
        items: &["equity_gaps"],
        rest: PRIORITY_REST,
        met: "The priority addresses the opportunity gaps in reading for multilingual learners and students with disabilities.",
        synonym: "It targets the disparities in reading results for our multilingual learners and pupils in special education.",
        negated: "We have not yet identified which equity or opportunity gaps this priority will address.",
        wrong: "We found a gap in the bus schedule that makes some riders late to first period.",
    });
}

#[test]
fn priority_prompt_student_experience() {
    run(&Case {
        code: "ssos::priorities::prompt-unanswered",
        heading: "Priority",
        items: &["student_experience"],
        rest: &[
            "Priority 1: Strengthen culturally and linguistically sustaining, grade-appropriate literacy instruction in grades K-8.",
            "Teachers will plan every unit from the core curriculum and lead daily academic discussion.",
            "The priority addresses the opportunity gaps in reading for multilingual learners.",
        ],
        met: "Students will read, discuss and write about grade-level texts every day.",
        synonym: "Young people will do more of the thinking: arguing from evidence and revising their writing.",
        negated: "We have not determined what students will experience differently in their learning.",
        wrong: "Students will be dismissed at 2:15 on Wednesdays so that teachers can meet.",
    });
}

#[test]
fn priority_prompt_educator_practice() {
    run(&Case {
        code: "ssos::priorities::prompt-unanswered",
        heading: "Priority",
        items: &["educator_practice"],
        rest: &[
            "Priority 1: Strengthen culturally and linguistically sustaining, grade-appropriate literacy instruction in grades K-8.",
            "Students will read and discuss grade-level texts every day.",
            "The priority addresses the opportunity gaps in reading for multilingual learners.",
        ],
        met: "Teachers will plan lessons from the curriculum and use structured discussion routines.",
        synonym: "Classroom staff will rehearse each lesson with a coach and shift from telling to questioning.",
        negated: "Changes in educator practice are still to be decided; no changes to teaching practice are planned.",
        wrong: "The new teacher contract moves the evaluation timeline to October.",
    });
}

const ANALYSIS_REST: &[&str] = &[
    "On the 2022 MCAS, 34% of students met or exceeded expectations in ELA, compared with 41% statewide.",
    "Only 8% of English learners and 10% of students with disabilities met expectations.",
    "On the VOCAL survey, 58% of students in grades 5-8 said their classes connect to their lives.",
    "Our review of master schedules showed common planning time ranging from 40 to 120 minutes a week.",
    "Looking at student work, ILTs saw that writing tasks rarely asked students to use evidence.",
];

#[test]
fn data_area_instruction() {
    run(&Case {
        code: "ssos::analysis::data-area-missing",
        heading: "Analysis",
        items: &["instruction"],
        rest: ANALYSIS_REST,
        met: "Learning walks in 90 classrooms found grade-level texts in fewer than half of the lessons observed.",
        synonym: "We visited 96 classrooms with principals this spring; in most, the teacher did most of the talking.",
        negated: "We did not conduct any learning walks or classroom observations this year.",
        wrong: "The instructional calendar has 180 days, and instruction begins at 7:45 in all buildings.",
    });
}

#[test]
fn data_area_systems() {
    run(&Case {
        code: "ssos::analysis::data-area-missing",
        heading: "Analysis",
        items: &["systems_structures"],
        rest: &[
            "On the 2022 MCAS, 34% of students met or exceeded expectations in ELA, compared with 41% statewide.",
            "Only 8% of English learners and 10% of students with disabilities met expectations.",
            "Learning walks in 90 classrooms found grade-level texts in fewer than half of the lessons observed.",
            "On the VOCAL survey, 58% of students in grades 5-8 said their classes connect to their lives.",
            "Looking at student work, ILTs saw that writing tasks rarely asked students to use evidence.",
        ],
        met: "Our review of master schedules showed common planning time ranging from 40 to 120 minutes a week.",
        synonym: "Our bell schedule gives K-5 teams one shared planning period every two weeks.",
        negated: "We have not yet reviewed our schedules, staffing or other structures.",
        wrong: "An audit of heating systems and roof structures found repairs are needed.",
    });
}

#[test]
fn student_groups_in_analysis() {
    run(&Case {
        code: "ssos::analysis::no-student-groups",
        heading: "Analysis",
        items: &[],
        rest: &[
            "On the 2022 MCAS, 34% of students met or exceeded expectations in ELA, compared with 41% statewide.",
            "Learning walks in 90 classrooms found grade-level texts in fewer than half of the lessons observed.",
            "On the VOCAL survey, 58% of students in grades 5-8 said their classes connect to their lives.",
            "Our review of master schedules showed common planning time ranging from 40 to 120 minutes a week.",
        ],
        met: "Only 8% of English learners and 10% of students with disabilities met expectations.",
        synonym: "Our MLs and students on IEPs are furthest behind: 9% and 7% met expectations.",
        negated: "We did not disaggregate the data by student group this year.",
        wrong: "Students are grouped by reading level for the intervention block.",
    });
}

#[test]
fn student_work_in_analysis() {
    run(&Case {
        code: "ssos::analysis::no-student-work",
        heading: "Analysis",
        items: &[],
        rest: &ANALYSIS_REST[..4],
        met: "Looking at student work, ILTs saw that writing tasks rarely asked students to use evidence.",
        synonym: "When teachers sorted a stack of grade 6 essays together, few pieces used evidence from the text.",
        negated: "No student work was reviewed as part of this analysis.",
        wrong: "Students work in small groups during the intervention block.",
    });
}

const STAKEHOLDER_OTHERS: [&str; 5] = [
    "Students shared feedback in focus groups, asking for more discussion in class.",
    "Teachers and paraprofessionals answered a staff survey on curriculum implementation.",
    "Principals and school ILTs reviewed two drafts of the plan.",
    "Community partners, among them the public library, helped design the summer reading program.",
    "Stakeholders will stay engaged through quarterly forums that review progress.",
];

#[test]
fn stakeholder_group_families() {
    run(&Case {
        code: "ssos::stakeholders::group-missing",
        heading: "Stakeholder",
        items: &["families"],
        rest: &[
            STAKEHOLDER_OTHERS[0],
            STAKEHOLDER_OTHERS[1],
            STAKEHOLDER_OTHERS[2],
            STAKEHOLDER_OTHERS[3],
            "At Jefferson Elementary School, an identified school, teachers asked for more coaching.",
            STAKEHOLDER_OTHERS[4],
        ],
        met: "Families took part in listening sessions in English, Spanish and Portuguese.",
        synonym: "We not only surveyed 400 guardians and caregivers but also held two evening forums.",
        negated: "We have not yet engaged families; listening sessions with parents were postponed to the fall.",
        wrong: "A Parent Advisory Council exists at the district level.",
    });
}

/// The group must be named in the clause that says input was received: after
/// a ";" it is what another group's help is for, not who was heard.
#[test]
fn a_group_named_only_in_another_clause_gave_no_input() {
    let case = |slot: &'static str| Case {
        code: "ssos::stakeholders::group-missing",
        heading: "Stakeholder",
        items: &["families"],
        rest: &[
            STAKEHOLDER_OTHERS[0],
            STAKEHOLDER_OTHERS[1],
            STAKEHOLDER_OTHERS[2],
            "At Jefferson Elementary School, an identified school, teachers asked for more coaching.",
            STAKEHOLDER_OTHERS[4],
        ],
        met: slot,
        synonym: slot,
        negated: slot,
        wrong: slot,
    };
    let other_clause = case("We met with the public library in April; they offered help reaching families.");
    let report = plan_with(&other_clause, Some(other_clause.met));
    let d =
        find(&report, other_clause.code, None).unwrap_or_else(|| panic!("families not heard\n{}", summary(&report)));
    assert_eq!(d.items, ["families"]);
    let same_clause = case("We met with families and the public library in April; they offered help.");
    let report = plan_with(&same_clause, Some(same_clause.met));
    assert!(find(&report, same_clause.code, None).is_none(), "families heard\n{}", summary(&report));
}
#[test]
fn stakeholder_group_school_leaders_by_what_they_did() {
    run(&Case {
        code: "ssos::stakeholders::group-missing",
        heading: "Stakeholder",
        items: &["school_leaders"],
        rest: &[
            STAKEHOLDER_OTHERS[0],
            STAKEHOLDER_OTHERS[1],
            "Families took part in listening sessions in English, Spanish and Portuguese.",
            STAKEHOLDER_OTHERS[3],
            "At Jefferson Elementary School, an identified school, parents asked for take-home books.",
            STAKEHOLDER_OTHERS[4],
        ],
        // No word of input: the group did something to the plan (`@acted`).
        met: "School leaders refined the theory of action during monthly principal meetings.",
        synonym: "Assistant principals reshaped the second priority at the spring leadership retreat.",
        negated: "Principals have not yet weighed in on the draft.",
        wrong: "School leaders will attend monthly meetings on the plan next year.",
    });
}

#[test]
fn stakeholder_group_students() {
    run(&Case {
        code: "ssos::stakeholders::group-missing",
        heading: "Stakeholder",
        items: &["students"],
        rest: &[
            "Families took part in listening sessions in English, Spanish and Portuguese.",
            STAKEHOLDER_OTHERS[1],
            STAKEHOLDER_OTHERS[2],
            STAKEHOLDER_OTHERS[3],
            "At Jefferson Elementary School, an identified school, parents asked for take-home books.",
            STAKEHOLDER_OTHERS[4],
        ],
        met: STAKEHOLDER_OTHERS[0],
        synonym: "Young people in our youth council told us they want books that reflect their lives.",
        negated: "We will survey students next fall, once the new schedule is in place.",
        wrong: "Students are at the center of everything we do.",
    });
}

#[test]
fn identified_school_input() {
    run(&Case {
        code: "ssos::stakeholders::no-identified-school-input",
        heading: "Stakeholder",
        items: &[],
        rest: &[
            STAKEHOLDER_OTHERS[0],
            "Families took part in listening sessions in English, Spanish and Portuguese.",
            STAKEHOLDER_OTHERS[1],
            STAKEHOLDER_OTHERS[2],
            STAKEHOLDER_OTHERS[3],
            STAKEHOLDER_OTHERS[4],
        ],
        met: "At Jefferson Elementary School, an identified school, parents asked for take-home books.",
        synonym: "Teachers and families at the Rafael Hernández K-8 School, in the lowest 10th percentile, asked us to protect intervention time.",
        negated: "We did not hold separate input sessions at our schools identified as requiring assistance.",
        wrong: "Jefferson Elementary School and Lincoln Middle School are identified as requiring assistance.",
    });
}

#[test]
fn ongoing_engagement() {
    run(&Case {
        code: "ssos::stakeholders::no-ongoing-engagement",
        heading: "Stakeholder",
        items: &[],
        rest: &[
            STAKEHOLDER_OTHERS[0],
            "Families took part in listening sessions in English, Spanish and Portuguese.",
            STAKEHOLDER_OTHERS[1],
            STAKEHOLDER_OTHERS[2],
            STAKEHOLDER_OTHERS[3],
            "At Jefferson Elementary School, an identified school, parents asked for take-home books.",
        ],
        met: "Stakeholders will stay engaged through quarterly family forums and a student advisory group.",
        synonym: "Going forward, caregivers and staff will see benchmark results at each trimester's family night.",
        negated: "We have no plan yet for engaging stakeholders during implementation.",
        wrong: "Regular education teachers and special education teachers were both on the planning committee.",
    });
    // A past listening session and a council that merely exists are not ongoing engagement either.
    let case = Case {
        code: "ssos::stakeholders::no-ongoing-engagement",
        heading: "Stakeholder",
        items: &[],
        rest: &[STAKEHOLDER_OTHERS[0], STAKEHOLDER_OTHERS[1]],
        met: "",
        synonym: "",
        negated: "",
        wrong: "",
    };
    for wrong in [
        "Last spring we held a listening session with families.",
        "Our Parent Advisory Council exists and meets as required by law.",
    ] {
        let report = plan_with(&case, Some(wrong));
        assert!(find(&report, case.code, None).is_some(), "{wrong}\n{}", summary(&report));
    }
}

#[test]
fn accountability_targets() {
    run(&Case {
        code: "ssos::outcomes::no-accountability-targets",
        heading: "Outcomes",
        items: &[],
        rest: &[
            "For English learners and students with disabilities, the target is 20% meeting expectations.",
            "We will also track the share of lessons using grade-level texts.",
        ],
        met: "We will meet our ELA accountability targets: 45% of students meeting or exceeding expectations on MCAS by 2024.",
        synonym: "On the state test, the share Meeting or Exceeding in ELA will rise from 31% to 36%.",
        negated: "Accountability targets have not been released yet, so we have not named any targets.",
        wrong: "Increase the share of students at or above benchmark from 40% to 55% on our local screener.",
    });
}

#[test]
fn student_group_targets() {
    run(&Case {
        code: "ssos::outcomes::no-student-group-targets",
        heading: "Outcomes",
        items: &[],
        rest: &[
            "We will meet our ELA accountability targets: 45% of students meeting or exceeding expectations on MCAS by 2024.",
            "We will also track the share of lessons using grade-level texts.",
        ],
        met: "For English learners and students with disabilities, the target is 20% meeting expectations.",
        synonym: "For our MLs and students on IEPs, Meeting or Exceeding will rise from 9% to 14%.",
        negated: "We have not set targets for individual student groups.",
        wrong: "These targets are for all students as one group.",
    });
}

const ROLES_CENTRAL: &str = "The central office will provide coaching and protected planning time.";
const ROLES_LEADERS: &str = "Principals will lead weekly planning meetings and observe classrooms.";

#[test]
fn roles_teachers() {
    run(&Case {
        code: "ssos::roles::level-missing",
        heading: "Role",
        items: &["teachers"],
        rest: &["Our strategy is a role map shared at the August institute.", ROLES_CENTRAL, ROLES_LEADERS],
        met: "Teachers will plan from the curriculum and check student work each week.",
        synonym: "Classroom educators will plan together weekly and use the discussion routines daily.",
        negated: "The role of teachers has not been defined yet; it will be developed with the union in the fall.",
        wrong: "Regular education teachers and special education teachers are assigned to each grade-level team.",
    });
}

#[test]
fn roles_school_leaders() {
    run(&Case {
        code: "ssos::roles::level-missing",
        heading: "Role",
        items: &["school_leaders"],
        rest: &[
            "Our strategy is a role map shared at the August institute.",
            "The central office will run monthly principal learning sessions and protect planning time.",
            "Teachers will plan from the curriculum and check student work each week.",
        ],
        met: ROLES_LEADERS,
        synonym: "Building leaders will observe every ELA teacher every two weeks and give feedback.",
        negated: "We have not yet defined what principals will do.",
        wrong: "Principals are important to our success.",
    });
}

#[test]
fn a_role_table_labelled_district() {
    // The template's role table: the first cell says who, the second what.
    let rows = [
        ("District", "Provide coaching and protect common planning time in every school."),
        ("School leaders", "Lead weekly planning meetings and observe classrooms."),
        ("Teachers", "Plan from the curriculum and look at student work weekly."),
    ];
    quiet_then_central_office_missing(&rows);
}

#[test]
fn a_role_label_with_a_long_aside_in_brackets_still_labels_its_row() {
    // Terse notes: only the row label says whose actions they are.
    let rows = [
        (
            "Central office (asst. supt. T&L, content directors)",
            "monthly principal PD; coaching assignments; protects CPT",
        ),
        ("Principals and assistant principals", "run ILT twice a month; weekly walkthroughs with feedback"),
        ("Teachers (all K-8 classroom and ESL staff)", "plan from HQIM in CPT; bring student work to CPT"),
    ];
    quiet_then_central_office_missing(&rows);
}

/// The role table answers every level; without its first row, central office is reported.
fn quiet_then_central_office_missing(rows: &[(&str, &str)]) {
    let report = check("roles-table.docx", &plan_with_role_table(rows));
    assert!(find(&report, "ssos::roles::level-missing", None).is_none(), "{}", summary(&report));
    let without = check("roles-table.docx", &plan_with_role_table(&rows[1..]));
    let d = find(&without, "ssos::roles::level-missing", None).unwrap_or_else(|| panic!("{}", summary(&without)));
    assert_eq!(d.items, ["central_office"]);
}

/// The clean plan with section 5 answered as a two-column table.
fn plan_with_role_table(rows: &[(&str, &str)]) -> Vec<u8> {
    let cell = |t: &str| format!(r#"<w:tc><w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p></w:tc>"#);
    let table: String = rows.iter().map(|(a, b)| format!("<w:tr>{}{}</w:tr>", cell(a), cell(b))).collect();
    let mut body = String::new();
    let para = |t: &str, heading: bool| {
        let style = if heading { r#"<w:pPr><w:outlineLvl w:val="0"/></w:pPr>"# } else { "" };
        format!(r#"<w:p>{style}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#, t.replace('&', "&amp;"))
    };
    body.push_str(&para("Lowell Public Schools — District Prioritization Submission", false));
    for (heading, paras) in clean_sections() {
        body.push_str(&para(heading, true));
        if heading.contains("Role") {
            body.push_str(&para("Our strategy is a role map shared at the August institute.", false));
            body.push_str(&format!("<w:tbl>{table}</w:tbl>"));
            continue;
        }
        for p in paras {
            body.push_str(&para(p, false));
        }
    }
    ssos_fixtures::bad::minimal_docx(&format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    ))
}

const MONITORING_BENCHMARKS: [&str; 4] = [
    "We will track three interim benchmarks:",
    "- District: 70% of classrooms visited on learning walks use grade-level texts by January 2024.",
    "- School: every ILT completes three cycles of looking at student writing by March 2024.",
    "ILTs will analyze student work samples each cycle.",
];

#[test]
fn monitoring_owner() {
    run(&Case {
        code: "ssos::monitoring::no-owner",
        heading: "Monitoring",
        items: &[],
        rest: &[
            MONITORING_BENCHMARKS[0],
            MONITORING_BENCHMARKS[1],
            MONITORING_BENCHMARKS[2],
            "Benchmark data are reviewed in November, February and May.",
            "Student work samples will be analyzed each cycle.",
        ],
        met: "The Chief Academic Officer is responsible for monitoring these benchmarks.",
        synonym: "The Director of ELA will review these benchmarks with the DILT.",
        negated: "An owner for each benchmark has not been named yet.",
        wrong: "These benchmarks will be monitored and reported.",
    });
}

#[test]
fn monitoring_frequency() {
    run(&Case {
        code: "ssos::monitoring::no-frequency",
        heading: "Monitoring",
        items: &[],
        rest: &[
            MONITORING_BENCHMARKS[0],
            MONITORING_BENCHMARKS[1],
            MONITORING_BENCHMARKS[2],
            "The Chief Academic Officer is responsible for monitoring these benchmarks.",
            MONITORING_BENCHMARKS[3],
        ],
        met: "The DILT reviews district benchmarks monthly.",
        synonym: "Benchmark data are reviewed in November, February and May, at BOY, MOY and EOY.",
        negated: "We have not yet set a schedule for reviewing benchmark data.",
        wrong: "Benchmark data are disaggregated for boys and girls and for English learners.",
    });
}

#[test]
fn monitoring_levels() {
    run(&Case {
        code: "ssos::monitoring::level-missing",
        heading: "Monitoring",
        items: &["school"],
        rest: &[
            MONITORING_BENCHMARKS[0],
            MONITORING_BENCHMARKS[1],
            "The Chief Academic Officer is responsible for monitoring these benchmarks, reviewed monthly.",
            MONITORING_BENCHMARKS[3],
        ],
        met: MONITORING_BENCHMARKS[2],
        synonym: "In each building, the ILT completes two inquiry cycles by February 2024.",
        negated: "We have not yet identified school-level benchmarks.",
        wrong: "School-level: the school day runs 8:00 to 2:45, with the ELA block first.",
    });
}

#[test]
fn monitoring_student_work() {
    run(&Case {
        code: "ssos::monitoring::no-student-work",
        heading: "Monitoring",
        items: &[],
        rest: &[
            MONITORING_BENCHMARKS[0],
            MONITORING_BENCHMARKS[1],
            "- School: every ILT completes three inquiry cycles by March 2024.",
            "The Chief Academic Officer is responsible for monitoring these benchmarks, reviewed monthly.",
        ],
        met: "ILTs will analyze student work samples each cycle.",
        synonym: "Teachers will bring three essays from each class to PLCs and calibrate their scoring.",
        negated: "We do not plan to analyze student work samples this year.",
        wrong: "Students will work on i-Ready lessons for 45 minutes a week.",
    });
}

const RESOURCES_INTERNAL: &str = "Internal resources: ESSER and Title I funds pay for three instructional coaches.";
const RESOURCES_BUDGET: &str =
    "Our budget review found inequities in coaching time across schools, so we are reallocating coaching hours.";

#[test]
fn resources_external() {
    run(&Case {
        code: "ssos::resources::kind-missing",
        heading: "Resources",
        items: &["external"],
        rest: &[RESOURCES_INTERNAL, RESOURCES_BUDGET],
        met: "External resources: DESE's regional assistance team and a literacy partner from a local university.",
        synonym: "We have a contract with Teaching Lab for curriculum coaching.",
        negated: "We have not identified any outside partners yet; we hope to form partnerships next year.",
        wrong: "External factors such as transportation and housing instability affect attendance.",
    });
}

#[test]
fn resources_budget_equity() {
    run(&Case {
        code: "ssos::resources::no-budget-equity",
        heading: "Resources",
        items: &[],
        rest: &[RESOURCES_INTERNAL, "External resources: DESE's regional assistance team and a university partner."],
        met: RESOURCES_BUDGET,
        synonym: "When we compared per-pupil spending across buildings, two schools came out lowest, so new coaches go there first.",
        negated: "We have not yet completed the review of school-level budget data required by ESSA.",
        wrong: "The total budget for this plan is $1.2 million.",
    });
}

#[test]
fn differentiation_schools_listed() {
    run(&Case {
        code: "ssos::differentiation::no-schools-listed",
        heading: "Differentiation",
        items: &[],
        rest: &["Other schools will receive coaching every other week and quarterly data reviews."],
        met: "Jefferson Elementary School and Lincoln Middle School will receive weekly coaching.",
        synonym: "Rafael Hernández K-8 School will receive weekly coaching and a second learning walk each month.",
        negated: "We have not yet decided which schools will receive differentiated support.",
        wrong: "All schools in Lowell Public Schools will receive the same support.",
    });
}

#[test]
fn new_asks_are_advice_and_fire_only_when_missing() {
    let cases: [(&str, &str, &[&str], &str); 4] = [
        (
            "ssos::analysis::no-root-causes",
            "Analysis",
            &ANALYSIS_REST[..3],
            "The root cause is uneven curriculum implementation.",
        ),
        (
            "ssos::analysis::no-data-equity-pause",
            "Analysis",
            &ANALYSIS_REST[..3],
            "Using the Data Equity Pause, we saw English learners spend more time in pull-out settings.",
        ),
        (
            "ssos::roles::no-strategy",
            "Role",
            &[ROLES_CENTRAL, ROLES_LEADERS, "Teachers will plan from the curriculum."],
            "Our strategy is a role map shared at the August leadership institute.",
        ),
        (
            "ssos::outcomes::no-other-data-points",
            "Outcomes",
            &[
                "We will meet our ELA accountability targets: 45% of students meeting or exceeding expectations on MCAS by 2024.",
            ],
            "We will also track the share of lessons using grade-level texts and survey results.",
        ),
    ];
    for (code, heading, rest, met) in cases {
        let without = check("plan.docx", &plan_docx(&[(heading, Some(rest.to_vec()))]));
        let d = find(&without, code, None).unwrap_or_else(|| panic!("{code}\n{}", summary(&without)));
        assert_eq!(d.severity, ssos_lint::report::Severity::Advice, "{code}");
        let mut body = rest.to_vec();
        body.push(met);
        let with = check("plan.docx", &plan_docx(&[(heading, Some(body))]));
        assert!(find(&with, code, None).is_none(), "{code}\n{}", summary(&with));
    }
}

#[test]
fn evidence_is_per_item_and_never_negated() {
    let report = check(
        "plan.docx",
        &plan_docx(&[(
            "Stakeholder",
            Some(vec![
                "We have not yet engaged families; listening sessions with parents were postponed.",
                "Guardians told us at the spring forum that they want books at home.",
                "Students shared feedback in focus groups. Teachers answered a staff survey.",
                "Principals reviewed two drafts, and community partners helped design the summer program.",
            ]),
        )]),
    );
    let section = report.section("stakeholder_engagement").unwrap();
    let groups = section.prompts.iter().find(|p| p.id == "stakeholder_groups").unwrap();
    assert_eq!(groups.status, PromptStatus::Met, "{}", summary(&report));
    assert!(groups.ask.as_deref().is_some_and(|a| a.contains("families")), "{:?}", groups.ask);
    let quote = |item: &str| groups.evidence.iter().find(|e| e.item.as_deref() == Some(item)).unwrap().excerpt.clone();
    assert!(quote("families").starts_with("Guardians told us"), "{}", quote("families"));
    // One sentence per item: "Students shared ..." and "Teachers answered ..." are quoted apart.
    assert!(quote("students").starts_with("Students shared") && !quote("students").contains("Teachers"));
    assert!(quote("educators").starts_with("Teachers answered"));
    // The asks left to the reviewer are listed in plain words.
    assert!(!section.judgement.is_empty());
}

#[test]
fn the_committed_samples_stay_silent_except_where_they_lack_something() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|x| x != "md")) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expected: &[&str] = match name.as_str() {
            "taunton-incomplete.docx" => &[
                "ssos::priorities::too-many",
                "ssos::section::empty",
                // 16 benchmarks for the 3 priorities it names: more than 5 each.
                "ssos::monitoring::too-many-benchmarks",
                "ssos::section::missing",
            ],
            "everett-pasted-image.docx" => &["ssos::document::text-in-image"],
            "greenfield-tracked-changes.docx" => &["ssos::document::tracked-changes"],
            "unnamed-district.docx" => &["ssos::document::district-unknown"],
            _ => &[],
        };
        for report in linter().check_path(path) {
            let mut got = codes(&report);
            got.sort();
            got.dedup();
            let mut want: Vec<String> = expected.iter().map(|c| c.to_string()).collect();
            want.sort();
            assert_eq!(got, want, "{name}\n{}", summary(&report));
        }
    }
}

/// A terse answer in the prompt's order: one note per level, naming no one.
#[test]
fn role_notes_in_the_prompts_order_answer_by_position() {
    let lines = [
        "Strategy: a one-page who-does-what from the August retreat, revisited at mid-year",
        "monthly principal PD on the priority; protect CPT; joint learning walks",
        "observe every two weeks with feedback; ILT on the priority; guard team time",
        "internalize units with the team; daily talk routines; bring student work to CPT",
    ];
    let report = check("plan.docx", &plan_docx(&[("Role", Some(lines.to_vec()))]));
    assert!(find(&report, "ssos::roles::level-missing", None).is_none(), "{}", summary(&report));
    // One line short: no position can be trusted, and the gaps are reported.
    let report = check("plan.docx", &plan_docx(&[("Role", Some(lines[..3].to_vec()))]));
    assert!(find(&report, "ssos::roles::level-missing", None).is_some(), "{}", summary(&report));
    // Sentences say whom they are about; prose in three lines is not a list of notes.
    let prose: Vec<String> = lines.iter().map(|l| format!("{l}.")).collect();
    let report = check("plan.docx", &plan_docx(&[("Role", Some(prose.iter().map(String::as_str).collect()))]));
    assert!(find(&report, "ssos::roles::level-missing", None).is_some(), "{}", summary(&report));
}

/// With no target at all, the plan is told it has no accountability targets;
/// "targets only for all students" would be wrong, so it is not said too.
#[test]
fn no_targets_at_all_is_one_finding() {
    let none = vec![
        "We expect this priority to improve achievement across the district.",
        "Other data points we will track include i-Ready growth three times a year and VOCAL survey results.",
    ];
    let report = check("plan.docx", &plan_docx(&[("Outcomes", Some(none))]));
    assert!(has(&report, "ssos::outcomes::no-accountability-targets"), "{}", summary(&report));
    assert!(!has(&report, "ssos::outcomes::no-student-group-targets"), "{}", summary(&report));
    assert!(!has(&report, "ssos::outcomes::no-aggregate-targets"), "{}", summary(&report));

    let aggregate_only = vec![
        "We will meet our ELA accountability targets: 45% of students meeting or exceeding expectations on MCAS by 2024.",
        "Other data points we will track include i-Ready growth three times a year.",
    ];
    let report = check("plan.docx", &plan_docx(&[("Outcomes", Some(aggregate_only))]));
    assert!(!has(&report, "ssos::outcomes::no-accountability-targets"), "{}", summary(&report));
    assert!(has(&report, "ssos::outcomes::no-student-group-targets"), "{}", summary(&report));
}

/// A label opening with "By" or "Por" qualifies the label of the line before:
/// "By student group: the English learner group" under "Accountability
/// targets: ..." names the groups the targets are for.
#[test]
fn a_qualifying_label_is_read_under_the_label_before_it() {
    let targets = "Metas de rendición de cuentas / Accountability targets: progress toward English language proficiency \
                   and MCAS ELA achievement targets in our 2023-24 accountability report.";
    let other = "Other data points: ACCESS growth by grade span and the share of lessons with structured talk.";
    let qualified = vec![
        targets,
        "Por grupo / By student group: the English learner group, with attention to long-term ELs.",
        other,
    ];
    let report = check("plan.docx", &plan_docx(&[("Outcomes", Some(qualified))]));
    assert!(!has(&report, "ssos::outcomes::no-student-group-targets"), "{}", summary(&report));

    // The same groups under a label that qualifies nothing state no target.
    let unqualified =
        vec![targets, "Student groups: the English learner group, with attention to long-term ELs.", other];
    let report = check("plan.docx", &plan_docx(&[("Outcomes", Some(unqualified))]));
    assert!(has(&report, "ssos::outcomes::no-student-group-targets"), "{}", summary(&report));
}
