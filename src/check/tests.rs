//! The claim engine on single sentences with the built-in pack: one small
//! case per rule (met, wrong claim, negated, synonym) and the examples.

use super::Engine;
use crate::config::Config;
use crate::pack::builtin;

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&std::sync::Arc::new(builtin()), &Config::default()))
}

/// Whether one unit of `text` meets `item` of rule `code` (any item when `None`).
fn meets(code: &str, item: Option<&str>, text: &str) -> bool {
    let e = engine();
    let rule = e.rule(&format!("ssos::{code}")).unwrap_or_else(|| panic!("no rule {code}"));
    let compiled = rule.compiled.as_ref().unwrap_or_else(|| panic!("{code} is not a claim rule"));
    e.lexicon.units(text, None).iter().any(|u| compiled.met_by(item, u))
}

fn labelled(code: &str, item: Option<&str>, label: &str, text: &str) -> bool {
    let e = engine();
    let compiled = e.rule(&format!("ssos::{code}")).unwrap().compiled.as_ref().unwrap();
    e.lexicon.units(text, Some(label)).iter().any(|u| compiled.met_by(item, u))
}

#[test]
fn clsp_focus() {
    let code = "priorities::no-clsp-focus";
    assert!(meets(code, None, "Strengthen culturally and linguistically sustaining literacy instruction."));
    assert!(meets(code, None, "Grade-level instruction that is culturally responsive and affirms home languages."));
    assert!(!meets(code, None, "Every student gets grade-appropriate instruction."));
    assert!(!meets(code, None, "Raise attendance in every school."));
    assert!(!meets(code, None, "We have not yet adopted culturally responsive practices."));
}

#[test]
fn priority_prompts() {
    let code = "priorities::prompt-unanswered";
    assert!(meets(code, Some("educator_practice"), "Teachers will plan lessons from the curriculum."));
    assert!(meets(code, Some("educator_practice"), "The shift in instructional practice is daily discussion."));
    assert!(!meets(code, Some("educator_practice"), "The central office will support teachers."));
    assert!(meets(code, Some("student_experience"), "Students will discuss grade-level texts every day."));
    assert!(meets(code, Some("student_experience"), "Young people will read and write about complex texts."));
    assert!(!meets(code, Some("student_experience"), "Students will be dismissed at 2:15."));
    assert!(meets(code, Some("equity_gaps"), "It closes opportunity gaps for multilingual learners."));
    assert!(meets(code, Some("equity_gaps"), "MLs trail their peers in reading by 20 points."));
    assert!(!meets(code, Some("equity_gaps"), "We found a gap in the bus schedule."));
}

#[test]
fn data_areas() {
    let code = "analysis::data-area-missing";
    assert!(meets(code, Some("instruction"), "Leaders visited 96 classrooms this spring."));
    assert!(meets(code, Some("instruction"), "Learning walks found grade-level texts in 40% of lessons."));
    assert!(!meets(code, Some("instruction"), "We did not conduct any learning walks."));
    assert!(meets(code, Some("systems_structures"), "There is no consistent PLC structure across schools."));
    assert!(meets(code, Some("student_outcomes"), "Only 30% met or exceeded expectations on MCAS."));
    assert!(meets(
        code,
        Some("stakeholder_perspectives"),
        "On the VOCAL survey, 58% said classes connect to their lives."
    ));
    assert!(!meets(code, Some("stakeholder_perspectives"), "The student survey was postponed."));
}

#[test]
fn a_reported_negative_finding_is_data() {
    let code = "analysis::data-area-missing";
    let finding = "Our review of structures showed that schools had no shared calendar for common planning \
                   and the district had not aligned its coaching model.";
    assert!(meets(code, Some("systems_structures"), finding));
    assert!(meets(code, Some("instruction"), "Walkthroughs found that teachers had not yet used the new texts."));
    // Without the report, the same words say the district did nothing.
    assert!(!meets(code, Some("instruction"), "We had not conducted learning walks."));
    // The report ends with its clause.
    assert!(!meets(code, Some("instruction"), "The survey showed strong morale; we did not conduct learning walks."));
}

#[test]
fn student_groups_with_data() {
    let code = "analysis::no-student-groups";
    assert!(meets(code, None, "Only 8% of English learners met expectations."));
    assert!(meets(code, None, "SWD scored 20 points lower than their peers."));
    assert!(!meets(code, None, "English learners are welcome in our schools."));
    assert!(!meets(code, None, "Boys and girls joined the club; 40% came weekly."));
}

#[test]
fn student_work_in_analysis() {
    let code = "analysis::no-student-work";
    assert!(meets(code, None, "Looking at student work, ILTs saw few text-based tasks."));
    assert!(meets(code, None, "Writing samples from grade 5 showed summaries rather than analysis."));
    assert!(!meets(code, None, "We have not yet looked at student work samples."));
}

#[test]
fn data_cited_root_causes_and_equity_pause() {
    assert!(meets("analysis::no-data-cited", None, "On MCAS, 34% of students met expectations."));
    assert!(!meets("analysis::no-data-cited", None, "We care deeply about literacy."));
    assert!(meets("analysis::no-root-causes", None, "The root cause is uneven curriculum implementation."));
    assert!(meets("analysis::no-root-causes", None, "Scores are low because teachers lack planning time."));
    assert!(!meets("analysis::no-root-causes", None, "Scores are low in grade 3."));
    assert!(meets(
        "analysis::no-data-equity-pause",
        None,
        "Using the Data Equity Pause, we saw different experiences."
    ));
    assert!(!meets("analysis::no-data-equity-pause", None, "We did not use the Data Equity Pause."));
}

#[test]
fn stakeholder_groups_need_input_received() {
    let code = "stakeholders::group-missing";
    assert!(meets(code, Some("families"), "We not only surveyed 400 families but also met with teachers."));
    assert!(meets(code, Some("families"), "Guardians told us they want clearer report cards."));
    assert!(!meets(code, Some("families"), "We have not yet engaged families."));
    assert!(!meets(
        code,
        Some("families"),
        "We have not yet engaged families; listening sessions with parents were postponed."
    ));
    assert!(!meets(code, Some("families"), "We will survey families next fall."));
    assert!(!meets(code, Some("families"), "Families are important partners."));
    assert!(meets(code, Some("students"), "Young people in our youth council asked for more discussion."));
    assert!(meets(code, Some("educators"), "Teachers answered a staff survey."));
    assert!(meets(code, Some("school_leaders"), "Principals reviewed two drafts."));
    assert!(meets(code, Some("community"), "Community partners helped design the summer program."));
}

#[test]
fn identified_school_input() {
    let code = "stakeholders::no-identified-school-input";
    assert!(meets(code, None, "At Rafael Hernández K-8 School, parents asked for translated materials."));
    assert!(meets(code, None, "In our underperforming schools, teachers asked for more coaching."));
    assert!(!meets(code, None, "We will hold listening sessions at identified schools."));
    assert!(!meets(code, None, "Jefferson Elementary School has 400 students."));
}

#[test]
fn ongoing_engagement_is_recurring_and_not_past() {
    let code = "stakeholders::no-ongoing-engagement";
    assert!(meets(code, None, "Stakeholders will stay engaged through quarterly family forums."));
    assert!(meets(code, None, "The advisory council meets monthly to review progress."));
    assert!(!meets(code, None, "Regular education teachers took part in the survey."));
    assert!(!meets(code, None, "The Parent Advisory Council reviewed the draft."));
    assert!(!meets(code, None, "Last spring we held a listening session with families."));
    assert!(!meets(code, None, "We held monthly listening sessions last year."));
}

#[test]
fn accountability_targets_are_state_measures() {
    let code = "outcomes::no-accountability-targets";
    assert!(meets(code, None, "We will meet our ELA accountability targets by 2024."));
    assert!(meets(code, None, "The share meeting or exceeding expectations on MCAS will rise from 34% to 45%."));
    assert!(!meets(code, None, "Scores on our local screener will rise from 40% to 55%."));
    assert!(!meets(code, None, "We do not have accountability targets."));
}

#[test]
fn group_and_aggregate_targets() {
    assert!(meets("outcomes::no-student-group-targets", None, "For ELs the target is 20% meeting expectations."));
    assert!(!meets("outcomes::no-student-group-targets", None, "English learners are a growing group."));
    assert!(meets("outcomes::no-aggregate-targets", None, "For all students, the target is 45% proficient."));
    assert!(!meets("outcomes::no-aggregate-targets", None, "For ELs the target is 20%."));
    assert!(meets("outcomes::no-other-data-points", None, "We will also track i-Ready results and survey data."));
    assert!(!meets("outcomes::no-other-data-points", None, "We hope things improve."));
}

#[test]
fn roles_need_an_actor_then_an_action() {
    let code = "roles::level-missing";
    assert!(meets(code, Some("central_office"), "The central office will provide coaching."));
    assert!(labelled(code, Some("central_office"), "District", "Provide coaching and protected planning time."));
    assert!(meets(code, Some("school_leaders"), "Principals will lead weekly planning meetings."));
    assert!(!meets(code, Some("school_leaders"), "The central office will support school leaders."));
    assert!(meets(code, Some("teachers"), "Teachers will plan from the curriculum."));
    assert!(!meets(code, Some("teachers"), "The coaches will support teachers."));
    assert!(meets("roles::no-strategy", None, "Our strategy is a role map shared at the August institute."));
    assert!(!meets("roles::no-strategy", None, "Teachers teach."));
}

#[test]
fn monitoring_owner_and_frequency() {
    assert!(meets("monitoring::no-owner", None, "The DILT reviews district benchmarks monthly."));
    assert!(labelled("monitoring::no-owner", None, "Who monitors", "Director of ELA"));
    assert!(!meets("monitoring::no-owner", None, "An owner for each benchmark has not been named yet."));
    assert!(!meets("monitoring::no-owner", None, "Benchmarks are important."));
    let code = "monitoring::no-frequency";
    assert!(meets(code, None, "Results are reviewed in November, February and May."));
    assert!(meets(code, None, "We review data at BOY, MOY and EOY."));
    assert!(meets(code, None, "Teams look at data every six weeks."));
    assert!(!meets(code, None, "Boys and girls clubs help with homework."));
}

#[test]
fn monitoring_levels_and_student_work() {
    let code = "monitoring::level-missing";
    assert!(meets(code, Some("district"), "District: 70% of classrooms use grade-level texts."));
    assert!(meets(code, Some("school"), "Each school's ILT completes three cycles."));
    assert!(!meets(code, Some("district"), "Reading improves."));
    assert!(meets("monitoring::no-student-work", None, "Student work samples will be analyzed monthly by ILTs."));
    assert!(!meets("monitoring::no-student-work", None, "Students will complete assignments."));
}

#[test]
fn resources_and_budget_equity() {
    let code = "resources::kind-missing";
    assert!(meets(code, Some("external"), "We have a contract with Teaching Lab for coaching."));
    assert!(meets(code, Some("internal"), "ESSER funds pay for three coaches."));
    assert!(!meets(code, Some("external"), "We will not use any outside vendors."));
    let code = "resources::no-budget-equity";
    assert!(meets(code, None, "Our budget review found inequities, so we are reallocating coaching hours."));
    assert!(!meets(code, None, "The budget pays for coaches."));
}

#[test]
fn differentiation_schools_and_support() {
    let code = "differentiation::no-schools-listed";
    assert!(meets(code, None, "Rafael Hernández K-8 School will receive weekly coaching."));
    assert!(!meets(code, None, "Schools identified as requiring assistance will receive coaching."));
    assert!(!meets(code, None, "Middle School teachers will get more coaching."));
    assert!(meets("differentiation::no-support-described", None, "Identified schools will receive weekly coaching."));
    assert!(!meets("differentiation::no-support-described", None, "Some schools are different."));
}

#[test]
fn a_benchmark_row_read_as_one_record_names_its_level_and_schedule() {
    // How a table row of three cells or more reads as one unit (see `units::Record`).
    let row = "Percent of ELA units taught with the adopted core texts reaches 90% – Level: District – Owner: Deputy Superintendent – Review frequency: Quarterly";
    assert!(meets("monitoring::level-missing", Some("district"), row));
    assert!(!meets("monitoring::level-missing", Some("school"), row));
    assert!(meets("monitoring::no-frequency", None, row));
    assert!(!meets("monitoring::no-frequency", None, "Review frequency: to be decided – Level: School"));
}

#[test]
fn budget_equity_in_other_words() {
    let code = "resources::no-budget-equity";
    assert!(meets(
        code,
        None,
        "Our ESSA budget review found that per-pupil spending at Hurley School was below the district average; the plan redirects coaching FTE to that school."
    ));
    assert!(!meets(code, None, "Our budget pays for coaches and curriculum."));
}

#[test]
fn a_student_work_label_over_a_finding_is_a_theme() {
    let code = "analysis::no-student-work";
    assert!(labelled(
        code,
        None,
        "Themes from student work analysis",
        "students can recall facts but rarely explain their reasoning."
    ));
    assert!(labelled(code, None, "Student work", "Samples from grade 5 showed that tasks were below grade level."));
    assert!(!labelled(code, None, "Student work", "Students work in small groups during the intervention block."));
    // A slide's note: the theme as a judgement.
    assert!(meets(code, None, "Student work: little written reasoning"));
    assert!(!meets(code, None, "Student work: due Friday"));
}

#[test]
fn a_stop_after_a_no_break_space_cuts_cleanly() {
    // "(cf. the profile, p.\u{a0}2)." once panicked: the word before the stop
    // was found one byte into the two-byte no-break space.
    let e = engine();
    let text = "Targets are as in DESE\u{2019}s report (cf. the profile, p.\u{a0}2). Families were surveyed.";
    let cut: Vec<&str> = e.lexicon.sentences(text).into_iter().map(|(a, b)| &text[a..b]).collect();
    assert_eq!(cut.last(), Some(&"Families were surveyed."));
    assert!(cut.iter().all(|s| !s.is_empty()));
}
#[test]
fn a_clause_before_a_colon_is_not_a_label_but_a_question_is() {
    let code = "stakeholders::no-ongoing-engagement";
    // "Engagement will be continuous:" states the claim itself.
    let continuous =
        "Engagement will be continuous: each review cycle ends with a report back to the families who gave input.";
    assert!(meets(code, None, continuous));
    let consulted =
        "We consulted local organizations: the city's Office of Immigrant Affairs and two faith-based organizations.";
    assert!(meets("stakeholders::group-missing", Some("community"), consulted));
    // "What students will experience:" only names the topic; what follows is not an experience.
    let code = "priorities::prompt-unanswered";
    let dismissal =
        "What students will experience: Students will be dismissed at 2:15 on Wednesdays so that teachers can meet.";
    assert!(!meets(code, Some("student_experience"), dismissal));
    // A short question leads its answer the same way.
    let notice = "What will students notice? Classes where they talk more than the adult and reason about texts.";
    assert!(meets(code, Some("student_experience"), notice));
    assert!(!meets(code, Some("student_experience"), "What will students notice? See the attached overview."));
}

#[test]
fn an_owner_or_schedule_after_a_benchmark_may_be_passive() {
    assert!(meets("monitoring::no-owner", None, "Monitored by the Director of English Learner Education."));
    assert!(meets("monitoring::no-owner", None, "Attendance rises to 92% (owner: the DILT; frequency: monthly)."));
    assert!(!meets("monitoring::no-owner", None, "These benchmarks will be monitored and reported."));
    assert!(meets("monitoring::no-frequency", None, "Reviewed in November, February and May."));
    assert!(!meets("monitoring::no-frequency", None, "Reviewed by the DILT."));
}

#[test]
fn practice_changes_said_as_shifts_and_equity_said_as_rebalancing() {
    let code = "priorities::prompt-unanswered";
    let item = Some("educator_practice");
    assert!(meets(
        code,
        item,
        "We expect to see teachers doing less of the thinking: fewer worksheets, more rich tasks."
    ));
    assert!(meets(code, item, "Our staff will move from teacher-directed lessons to lessons where they facilitate."));
    assert!(!meets(code, item, "Teachers' contracts were settled in June."));
    let code = "resources::no-budget-equity";
    let rebalance = "Our review of school-level budgeting data found that schools with the most English learners had the fewest ESL staff; we are rebalancing ESL staffing by October.";
    assert!(meets(code, None, rebalance));
    assert!(!meets(code, None, "Title I funds pay for two coaches."));
}

#[test]
fn common_writing_tasks_are_student_work() {
    let code = "monitoring::no-student-work";
    assert!(meets(
        code,
        None,
        "We will collect a common writing task from every classroom; teams score it with a shared rubric."
    ));
    assert!(!meets(code, None, "We will not collect any writing tasks this year."));
}

#[test]
fn a_data_source_label_over_its_figures_cites_that_area() {
    let code = "analysis::data-area-missing";
    assert!(labelled(code, Some("student_outcomes"), "MCAS ELA meeting/exceeding", "21% (state 47%)."));
    assert!(meets(code, Some("student_outcomes"), "Achievement: ELA M/E 33%; chronic absence 16% district-wide."));
    assert!(!labelled(code, Some("instruction"), "Learning walks", "We did not conduct any this year."));
    // Other items still need their claim after the label.
    assert!(!labelled("analysis::no-student-work", None, "Student work", "Students work in small groups."));
}

#[test]
fn group_data_may_be_a_comparison_without_a_number() {
    let code = "analysis::no-student-groups";
    assert!(meets(
        code,
        None,
        "Multilingual learners and students with disabilities are the students most often pulled from core instruction."
    ));
    assert!(!meets(code, None, "Multilingual learners and students with disabilities are welcome in every classroom."));
}

#[test]
fn a_maybe_is_not_ongoing_engagement() {
    let code = "stakeholders::no-ongoing-engagement";
    assert!(meets(
        code,
        None,
        "The same groups will be brought back together in November and March to look at benchmark data."
    ));
    assert!(!meets(
        code,
        None,
        "We may look for ways to keep stakeholders involved once the school year starts, if capacity allows."
    ));
}

/// "Reviewed quarterly." after a benchmark gives its schedule, also in the
/// benchmark's own cell under its label ("Benchmark 1 | ... Reviewed monthly.").
#[test]
fn a_passive_schedule_under_a_benchmark_label_is_a_frequency() {
    let code = "monitoring::no-frequency";
    assert!(meets(code, None, "Reviewed monthly."));
    assert!(labelled(code, None, "Benchmark 1", "Reviewed monthly."));
    assert!(!labelled(code, None, "Benchmark 1", "Reviewed by the DILT."));
}

/// A plan that splits monitoring per priority and then says once, after the
/// last priority's benchmarks, who monitors and how often: neither priority
/// lacks an owner or a schedule.
#[test]
fn an_answer_after_the_last_priority_serves_every_priority() {
    use crate::map::tests::{headed_plan, heading, para};
    use crate::model::{Document, Format};
    let mut blocks = headed_plan();
    let at = blocks.iter().position(|b| b.text == "6. Monitoring Implementation").unwrap() + 1;
    blocks.splice(
        at..at + 1,
        [
            heading(2, "Priority 1"),
            para("District: 80% of K-5 classrooms use the adopted texts by March."),
            para("School: each ILT completes two data cycles by February."),
            heading(2, "Priority 2"),
            para("District: chronic absence falls to 12% by June."),
            para("School: belonging survey favourability reaches 70% at each school."),
            para("The Chief Academic Officer monitors every benchmark, and the DILT reviews the data every six weeks."),
        ],
    );
    let mut doc = Document::new(Format::Docx);
    doc.blocks = blocks;
    let pack = std::sync::Arc::new(builtin());
    let submission = crate::map::Mapper::new(&pack).map(&doc);
    assert!(submission.section(5).parts.iter().any(|p| p.priority == Some(1)), "monitoring is not split per priority");
    let outcome = engine().run(&doc, &submission, &Default::default());
    let codes: Vec<&str> = outcome.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(!codes.contains(&"ssos::monitoring::no-owner"), "{codes:?}");
    assert!(!codes.contains(&"ssos::monitoring::no-frequency"), "{codes:?}");
}

/// A slide's note after a label naming the group or role answers for it; a
/// full sentence after the label must make the claim itself, and a negated
/// note answers nothing.
#[test]
fn a_label_with_a_note_answers_for_the_group_it_names() {
    let groups = "stakeholders::group-missing";
    assert!(meets(groups, Some("school_leaders"), "School leaders: monthly principals' mtg"));
    assert!(meets(groups, Some("community"), "Community: partner roundtable"));
    assert!(!meets(groups, Some("families"), "Families: A Parent Advisory Council exists at the district level."));
    assert!(!meets(groups, Some("families"), "Families: not yet consulted"));
    let roles = "roles::level-missing";
    assert!(meets(roles, Some("teachers"), "Teachers: grade-level lesson daily + exit tickets"));
    assert!(!meets(
        roles,
        Some("teachers"),
        "Teachers: Regular education teachers and special education teachers are assigned to each grade-level team."
    ));
}

#[test]
fn a_slide_fragment_naming_a_group_counts_as_its_input() {
    let code = "stakeholders::group-missing";
    assert!(meets(code, Some("community"), "Community orgs + School Committee subcommittee"));
    assert!(meets(code, Some("educators"), "Teacher leaders on planning team"));
    // A sentence must make the claim itself; a fragment may not be planned, recurring or negated.
    assert!(!meets(code, Some("community"), "The School Committee meets in the town library."));
    assert!(!meets(code, Some("families"), "Ongoing: quarterly family forums, semester student advisory"));
    assert!(!meets(code, Some("families"), "No family input yet"));
    assert!(!meets(code, Some("families"), "Families"));
    // Under a column header, the line's own label still names the group.
    assert!(labelled(code, Some("school_leaders"), "Stakeholder Input", "• Principals: spring retreat"));
}

#[test]
fn a_label_with_an_aside_and_a_leading_participle_is_still_a_label() {
    let code = "stakeholders::no-identified-school-input";
    assert!(meets(
        code,
        None,
        "Identified schools (St. Mary's Street Elementary, Westside Academy): scheduling, newcomers"
    ));
    assert!(!meets(code, None, "Identified schools (Westside Academy): to be surveyed next spring"));
}

#[test]
fn a_target_label_over_its_measures_names_the_targets() {
    assert!(meets("outcomes::no-accountability-targets", None, "Accountability targets: ELA + math achievement"));
    assert!(!meets("outcomes::no-accountability-targets", None, "Accountability targets: not yet set"));
    assert!(meets(
        "outcomes::no-student-group-targets",
        None,
        "Student group targets: high needs, students with disabilities"
    ));
    assert!(meets("analysis::no-student-groups", None, "Widest gaps: Hispanic/Latino students, English learners"));
    assert!(!meets("analysis::no-student-groups", None, "We found a gap in the bus schedule."));
}

#[test]
fn a_note_after_a_label_answers_but_a_sentence_must_claim_itself() {
    assert!(meets("monitoring::no-student-work", None, "Student work: PLCs weekly; ILTs each cycle; DILT quarterly."));
    assert!(meets(
        "roles::level-missing",
        Some("school_leaders"),
        "Principals: weekly walkthroughs + feedback; run ILT data cycles."
    ));
    assert!(!meets(
        "roles::level-missing",
        Some("teachers"),
        "Teachers: Regular education teachers and special education teachers are assigned to each grade-level team."
    ));
    assert!(!meets("stakeholders::group-missing", Some("families"), "Families: A Parent Advisory Council exists."));
    assert!(meets("outcomes::no-student-group-targets", None, "Group targets: EL, SWD, high needs (ELA + math)."));
    assert!(!meets("outcomes::no-student-group-targets", None, "Group targets: to be set next year."));
}

#[test]
fn a_line_label_under_a_question_header_names_its_topic() {
    let t = "• Teachers: adopted materials, routines, bring student work";
    assert!(labelled("roles::level-missing", Some("teachers"), "Who Does What (Role Clarity)", t));
}

#[test]
fn a_numbered_label_set_apart_governs_its_cells() {
    // A table cell under its column header and a numbered row label.
    let label = "District response, 5. Role Clarity";
    let office = "District office: PD, data protocols, one calendar";
    assert!(labelled("roles::level-missing", Some("central_office"), label, office));
    let teachers = "Teachers: grade-level lesson daily + exit tickets";
    assert!(labelled("roles::level-missing", Some("teachers"), label, teachers));
    assert!(!labelled("roles::level-missing", Some("teachers"), label, office));
    // A field label in the cell starts its own line under the set-apart label.
    let monitoring = "District response, 6. Monitoring Implementation";
    let owners = "Owners: Director of Curriculum (district); principals + ILTs (school)";
    assert!(labelled("monitoring::no-owner", None, monitoring, owners));
    assert!(labelled("monitoring::no-frequency", None, monitoring, "Review frequency: quarterly with the DILT"));
    assert!(!labelled("monitoring::no-owner", None, monitoring, "Ownership of the plan is shared by all."));
    let who = "Who: district benchmarks - Asst. Supt. for Teaching & Learning + DILT; school benchmarks - principals";
    assert!(labelled("monitoring::no-owner", None, monitoring, who));
    // In running text a number's stop still ends the sentence before a colon.
    assert!(!meets("roles::level-missing", Some("teachers"), "We grew by 5. Teachers: none."));
}

#[test]
fn a_sentence_that_points_back_is_read_with_the_one_before() {
    let code = "stakeholders::no-identified-school-input";
    let schools = "We paid particular attention to the schools identified as requiring assistance: Parkview Middle School and Hurley K-8 School.";
    let there = format!("{schools} There, teachers asked for coaching they could use the next day.");
    assert!(meets(code, None, &there));
    assert!(!meets(code, None, schools));
    // Negation stays in its own sentence's clause.
    let none = format!("{schools} There, we have not yet held any listening sessions.");
    assert!(!meets(code, None, &none));
    // A sentence that does not point back stays on its own.
    let apart = format!("{schools} Teachers across the district asked for coaching.");
    assert!(!meets(code, None, &apart));
    // A place word after a short subject points back too.
    let staff = format!("{schools} Staff there told us that coaching had felt like compliance.");
    assert!(meets(code, None, &staff));
    let families = format!("{schools} Families in those schools asked for curriculum nights.");
    assert!(meets(code, None, &families));
    // Not once the subject is long: the place word is then the sentence's own.
    let far = format!("{schools} Our teachers, coaches and many other staff there asked for coaching.");
    assert!(!meets(code, None, &far));
}

#[test]
fn point_abbreviations_are_measures() {
    let code = "analysis::no-student-groups";
    assert!(meets(code, None, "MCAS by student group: ELs -24 pts; students with disabilities -31 pts vs. district"));
    assert!(meets(code, None, "English learners trail by 12 pp in grade 5 math."));
    assert!(!meets(code, None, "English learners and students with disabilities are part of every PLC."));
}

#[test]
fn only_a_condition_is_hypothetical() {
    let code = "outcomes::no-accountability-targets";
    let works = "If the priority works, we will see it in our accountability results: we expect to meet our targets.";
    assert!(meets(code, None, works));
    assert!(!meets(code, None, "If we meet our accountability targets we will celebrate."));
    // A hypothetical that scopes its clause still does.
    assert!(!meets(code, None, "We would like to set accountability targets once the data arrive."));
}

#[test]
fn a_relative_clause_keeps_its_negation_to_itself() {
    let code = "stakeholders::no-identified-school-input";
    let asked = "At Bowe Elementary, which is identified as requiring assistance, families asked for intervention blocks that do not pull students out of class.";
    assert!(meets(code, None, asked));
    let not_asked =
        "Families at Bowe Elementary, which is identified as requiring assistance, were not asked for input.";
    assert!(!meets(code, None, not_asked));
}

#[test]
fn assignments_that_are_collected_and_analysed_are_student_work() {
    let code = "monitoring::no-student-work";
    assert!(meets(
        code,
        None,
        "At each level, assignments will be collected and analyzed against the grade-level standard."
    ));
    assert!(meets(code, None, "Teams collect the common assignments and analyze them each week."));
    // Assignments of people are not students' work.
    assert!(!meets(code, None, "Coaching assignments will be set by the principal."));
    assert!(!meets(code, None, "Staff assignments are made in August."));
}

#[test]
fn a_long_set_apart_label_with_a_verb_still_leads_a_note() {
    // A column header "What they will do consistently" with the row label "Principals / school leaders".
    let label = "What they will do consistently, Principals / school leaders";
    let note = "Principals: weekly walkthroughs + feedback; run ILT data cycles.";
    assert!(labelled("roles::level-missing", Some("school_leaders"), label, note));
    // A full sentence after the label must still make the claim itself.
    assert!(!labelled("roles::level-missing", Some("school_leaders"), label, "Principals: the council exists."));
}

#[test]
fn a_condition_over_a_contracted_word_reads_cleanly() {
    // "don't" is two tokens over one span: the condition's scope must not slice between them.
    let code = "stakeholders::group-missing";
    // (Whether it meets is the negation's business; it must not panic.)
    let _ = meets(code, Some("families"), "If teachers don't meet, families told us they want more updates.");
    assert!(meets(code, Some("families"), "If the plan works, families told us they would stay involved."));
    assert!(!meets(code, Some("families"), "If families can't come, we would survey them."));
}

#[test]
fn school_names_in_a_run_in_label_list_the_schools() {
    let code = "differentiation::no-schools-listed";
    assert!(meets(code, None, "Identified schools (Carney Academy, Keith Middle School): a full-time literacy coach."));
    assert!(!meets(code, None, "Identified schools: a full-time literacy coach and monthly walkthroughs."));
}

#[test]
fn a_planned_survey_is_not_input_received() {
    let code = "stakeholders::group-missing";
    assert!(!meets(code, Some("families"), "A family survey is planned for the fall."));
    assert!(!meets(
        code,
        Some("families"),
        "We did not survey families this year; a family survey is planned for the fall."
    ));
    assert!(meets(code, Some("families"), "Families told us they want reading nights."));
    assert!(!meets(
        code,
        Some("families"),
        "Families: We did not survey families this year due to the SIS transition; a family survey is planned for fall 2023."
    ));
    assert!(!meets(
        code,
        Some("families"),
        "We did not survey families this year; a family survey is planned for fall 2023 once the new platform is in place."
    ));
    assert!(!labelled(
        code,
        Some("families"),
        "Stakeholder Voice & Engagement",
        "We did not survey families this year; a family survey is planned for fall 2023 once the new platform is in place."
    ));
    assert!(!labelled(
        code,
        Some("families"),
        "Families",
        "did not survey families this yr (survey vendor contract lapsed); family survey planned for Oct."
    ));
}

#[test]
fn an_introductory_clause_after_a_label_is_out_of_the_negation_behind_it() {
    let code = "analysis::no-student-work";
    let text = "When teachers looked at scholars’ writing together, most pieces did not use evidence from the text.";
    assert!(labelled(code, None, "2. Analysis of Strengths and Challenges", text));
    assert!(!labelled(code, None, "2. Analysis", "Teachers did not look at scholars’ writing this year."));
}

#[test]
fn samples_of_a_school_skill_are_student_work() {
    let code = "analysis::no-student-work";
    assert!(meets(
        code,
        None,
        "K-2 teams scored 300 spelling and dictation samples in March; few spelled vowel teams."
    ));
    assert!(meets(code, None, "Teams looked at student reflections to see which supports students valued."));
    assert!(!meets(code, None, "The lab sent 300 water samples in March."));
}

#[test]
fn an_expected_result_for_named_groups_is_a_group_target() {
    let code = "outcomes::no-student-group-targets";
    let text = "We expect this work to move the grade 3 MCAS ELA rate named in our accountability targets, \
                and to meet the targets set for English learners and students with disabilities.";
    assert!(meets(code, None, text));
    assert!(!meets(code, None, "Only 6% of English learners met expectations last spring."));
}

#[test]
fn an_actor_named_in_two_languages_is_one_actor() {
    let code = "roles::level-missing";
    let text = "Directores escolares / School leaders: will attend grade-level team meetings and conduct walkthroughs.";
    assert!(meets(code, Some("school_leaders"), text));
    // Two actors in a list: the first one acts.
    assert!(!meets(
        code,
        Some("school_leaders"),
        "The content directors, with school leaders, will attend team meetings."
    ));
}

#[test]
fn a_group_target_may_be_a_cut_and_may_name_a_target_met() {
    let code = "outcomes::no-student-group-targets";
    assert!(meets(
        code,
        None,
        "For student groups: cut the suspension rate for Black students and students with disabilities by half."
    ));
    let met = "For student groups: English learners from 14% to 22%, and the ELs' progress target met on ACCESS.";
    assert!(meets(code, None, met));
}

#[test]
fn an_aside_naming_who_and_how_often_answers_both() {
    let line =
        "December: 60% of K-2 classrooms observed using the routines [School] (Building principal; every six weeks)";
    assert!(meets("monitoring::no-owner", None, line));
    assert!(meets("monitoring::no-frequency", None, line));
    // An aside with a person and no schedule is no cadence.
    assert!(!meets(
        "monitoring::no-frequency",
        None,
        "December: 60% of classrooms use the routines (Building principal; walkthrough tool)"
    ));
}

#[test]
fn a_charter_networks_campuses_are_its_schools() {
    assert!(meets(
        "differentiation::no-schools-listed",
        None,
        "Littleville Campus: intensive support; weekly coaching"
    ));
    assert!(!meets("differentiation::no-schools-listed", None, "Each Campus: weekly coaching"));
    let line =
        "2. Classrooms observed teaching the full skills block — campus level; principal and deans every 3 weeks";
    assert!(meets("monitoring::level-missing", Some("school"), line));
    assert!(!meets("monitoring::level-missing", Some("district"), line));
    let input = "At Littleville Campus, our campus identified for state assistance, the CAO held listening sessions \
                 with staff and caregivers; they asked for in-class coaching.";
    assert!(meets("stakeholders::no-identified-school-input", None, input));
}

#[test]
fn a_telegraphic_passive_negates_the_note_before_it() {
    let code = "stakeholders::group-missing";
    let label = "Families";
    assert!(!labelled(code, Some("families"), label, "family survey not administered this yr (vendor lapse)"));
    assert!(labelled(code, Some("families"), label, "family survey administered in May (n=212)"));
}

#[test]
fn a_run_in_label_governs_the_sentences_of_its_paragraph() {
    let code = "resources::no-budget-equity";
    let paragraph = "Budget equity: When we reviewed school budgets, we found that ESL staffing had not grown with \
                     enrollment. The new budget adds staff there first.";
    assert!(meets(code, None, paragraph));
    // The second sentence alone names no budget review and no inequity.
    assert!(!meets(code, None, "The new budget adds staff there first."));
    // Nor does the label carry into a sentence that only plans a review.
    assert!(!meets(code, None, "Budget equity: TBD. We have not reviewed budgets yet."));
}

#[test]
fn an_adjective_in_ed_does_not_date_a_target() {
    let code = "outcomes::no-student-group-targets";
    assert!(meets(
        code,
        None,
        "For student groups, meet the targets for English learners (average scaled score from 482 to 487)."
    ));
    // A target met in the past is not one still to reach.
    assert!(!meets(code, None, "Last year English learners reached an average score of 482."));
}

#[test]
fn a_pronoun_after_a_semicolon_continues_the_clause_it_points_back_to() {
    let code = "stakeholders::group-missing";
    assert!(meets(
        code,
        Some("students"),
        "I met twice with the student council at the high school. They said they want more time to talk."
    ));
    // The group named only in the clause after it gave nothing: the library did.
    assert!(!meets(
        code,
        Some("families"),
        "We met with the public library in April; they offered help reaching families."
    ));
}

#[test]
fn a_purpose_clause_is_not_a_hypothetical() {
    let code = "roles::level-missing";
    assert!(meets(
        code,
        Some("school_leaders"),
        "To make that possible, building leaders will build co-planning into the schedule and coach teachers."
    ));
    assert!(!meets(code, Some("school_leaders"), "Principals could possibly observe classrooms."));
}

#[test]
fn a_campus_director_leads_a_school() {
    let code = "roles::level-missing";
    let label = "Campus directors and deans";
    assert!(labelled(code, Some("school_leaders"), label, "Build co-planning into the schedule and coach teachers."));
    assert!(!labelled(code, Some("central_office"), label, "Build co-planning into the schedule and coach teachers."));
}

#[test]
fn end_of_unit_tasks_are_student_work_and_sat_is_a_test_only_in_capitals() {
    assert!(meets("analysis::no-student-work", None, "We sat down with a stack of end-of-unit math tasks in March."));
    let code = "analysis::data-area-missing";
    assert!(meets(code, Some("student_outcomes"), "Average SAT scores fell to 980 last spring."));
    assert!(!meets(code, Some("student_outcomes"), "We sat down with principals in March."));
}

#[test]
fn a_sentence_with_its_own_label_ends_the_label_before_it() {
    let code = "roles::level-missing";
    let paragraph = "Principals: will observe classrooms weekly and lead ILT cycles. Classroom teachers: will plan with \
                     the curriculum in teams and bring student work to team meetings.";
    assert!(meets(code, Some("teachers"), paragraph));
    assert!(meets(code, Some("school_leaders"), paragraph));
}

#[test]
fn groups_points_behind_are_an_equity_gap() {
    let code = "priorities::prompt-unanswered";
    assert!(meets(
        code,
        Some("equity_gaps"),
        "Latino scholars and English learners are 11 to 15 points behind in math."
    ));
    assert!(!meets(code, Some("equity_gaps"), "Scholars will explain their thinking out loud in math."));
}
