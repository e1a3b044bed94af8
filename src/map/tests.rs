//! The mapper on documents built block by block: each test is one kind of
//! label and the region it governs.

use super::*;
use crate::model::{Block, BlockKind, Document, Format, GridPos, Location};
use crate::report::SectionState;

fn mapper() -> Mapper {
    Mapper::new(&crate::pack::builtin())
}

pub(crate) fn para(text: &str) -> Block {
    Block { text: text.to_string(), location: Location::default(), ..Block::default() }
}

/// A top-level bulleted list item.
fn bullet(text: &str) -> Block {
    Block { list_label: Some("•".into()), list_level: Some(0), ..para(text) }
}

pub(crate) fn heading(level: u8, text: &str) -> Block {
    Block { heading_level: Some(level), ..para(text) }
}

fn bold(text: &str) -> Block {
    Block { bold: true, bold_prefix: text.len(), ..para(text) }
}

fn cell(table: usize, row: usize, col: usize, text: &str) -> Block {
    Block { grid: Some(GridPos { table, row, col, depth: 0 }), ..para(text) }
}

fn doc(blocks: Vec<Block>) -> Document {
    let mut d = Document::new(Format::Docx);
    d.blocks = blocks;
    d
}

const ANSWER: &str = "We will do this work with every school this year, and we explain how below in some detail.";

fn states(sub: &Submission) -> Vec<SectionState> {
    sub.sections.iter().map(|s| s.state).collect()
}

fn section_text(sub: &Submission, index: usize) -> String {
    sub.section(index).parts.iter().map(Part::text).collect::<Vec<_>>().join("\n")
}

fn all_present(sub: &Submission) -> bool {
    states(sub).iter().all(|s| *s == SectionState::Present)
}

/// The eight guidance titles as Heading 1, each over `ANSWER`.
pub(crate) fn headed_plan() -> Vec<Block> {
    let titles = [
        "1. Priority(ies)",
        "2. Analysis of Strengths and Challenges",
        "3. Stakeholder Engagement",
        "4. Outcomes",
        "5. Role Clarity",
        "6. Monitoring Implementation",
        "7. Resources",
        "8. Differentiation",
    ];
    titles.iter().flat_map(|t| [heading(1, t), para(ANSWER)]).collect()
}

#[test]
fn headings_govern_the_blocks_up_to_the_next_heading() {
    let sub = mapper().map(&doc(headed_plan()));
    assert!(all_present(&sub), "{:?}", states(&sub));
}

/// The guidance's eight section titles, unnumbered.
const GUIDANCE_TITLES: [&str; 8] = [
    "Priority(ies)",
    "Analysis of Strengths and Challenges",
    "Stakeholder Engagement",
    "Outcomes",
    "Role Clarity",
    "Monitoring Implementation",
    "Resources",
    "Differentiation",
];

/// The eight titles run in at the start of their first paragraph, closed by a
/// full stop: set off in bold (`bold`) or only typed with their number.
fn run_in_plan(bold: bool) -> Vec<Block> {
    let titles = GUIDANCE_TITLES;
    let mut blocks = vec![para("Executive Summary"), para("This plan answers each section below. Dr. Lee led it.")];
    for (i, title) in titles.iter().enumerate() {
        let head = if bold { format!("{title}. ") } else { format!("Section {} - {title}. ", i + 1) };
        let text = format!("{head}{ANSWER}");
        blocks.push(Block { bold_prefix: if bold { head.len() } else { 0 }, ..para(&text) });
        blocks.push(para(ANSWER));
    }
    blocks
}

#[test]
fn a_run_in_title_closed_by_a_stop_heads_its_paragraph() {
    for bold in [true, false] {
        let sub = mapper().map(&doc(run_in_plan(bold)));
        assert!(all_present(&sub), "bold {bold}: {:?}", states(&sub));
        // The answer after the stop is the section's text, not its title.
        assert!(section_text(&sub, 3).contains("We will do this work"), "{}", section_text(&sub, 3));
    }
    // A stop after words that name no section cuts nothing.
    let mut blocks = run_in_plan(false);
    blocks[4] = para(&format!("Section 2 - What we saw. {ANSWER}"));
    let sub = mapper().map(&doc(blocks));
    assert_ne!(sub.sections[1].state, SectionState::Present, "{:?}", states(&sub));
}

#[test]
fn a_merged_heading_with_a_part_of_its_own_heads_both_sections() {
    let mut blocks = headed_plan();
    blocks.truncate(12);
    blocks.push(heading(1, "Sections 7 and 8: Resources and Partners and Differentiated Support"));
    blocks.push(para(ANSWER));
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    // Words that name no section do not join anything.
    let mut blocks = headed_plan();
    blocks.truncate(12);
    blocks.push(heading(1, "Resources and Partners and Friends"));
    blocks.push(para(ANSWER));
    let sub = mapper().map(&doc(blocks));
    assert_ne!(sub.sections[7].state, SectionState::Present, "{:?}", states(&sub));
}

#[test]
fn a_numbered_heading_in_own_words_may_name_its_section_in_a_subtitle() {
    let mut blocks = headed_plan();
    blocks[2] = heading(1, "2. Why This Priority: Strengths and Challenges");
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert!(section_text(&sub, 1).contains("We will do this work"));
    // A numbered list item's note is no subtitle.
    let mut blocks = headed_plan();
    blocks.insert(5, Block { list_label: Some("1.".into()), ..para("Students: 3 focus groups + Panorama.") });
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert!(section_text(&sub, 2).contains("3 focus groups"), "{}", section_text(&sub, 2));
}

#[test]
fn a_heading_naming_two_sections_heads_both() {
    let blocks = vec![
        heading(1, "Priorities"),
        para("Priority 1: Early literacy. We will strengthen grade-level reading in K-3."),
        heading(1, "Data Analysis"),
        para(ANSWER),
        heading(1, "Stakeholder Engagement"),
        para(ANSWER),
        heading(1, "Outcomes and Progress Monitoring"),
        para(ANSWER),
        heading(1, "Roles and Responsibilities"),
        para(ANSWER),
        heading(1, "Resources & Differentiated Support"),
        para(ANSWER),
    ];
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
}

#[test]
fn analysis_of_strengths_and_challenges_is_one_section_not_two() {
    let sub = mapper().map(&doc(headed_plan()));
    let analysis = &sub.sections[1];
    assert_eq!(analysis.parts.len(), 1);
    assert!(sub.sections.iter().all(|s| s.parts.len() == 1));
}

#[test]
fn priority_sub_headings_split_every_section_per_priority() {
    let mut blocks = Vec::new();
    for title in [
        "Priority(ies)",
        "Analysis",
        "Stakeholder Engagement",
        "Outcomes",
        "Role Clarity",
        "Monitoring",
        "Resources",
        "Differentiation",
    ] {
        blocks.push(heading(1, title));
        for n in 1..=2 {
            blocks.push(heading(2, &format!("Priority {n}")));
            blocks.push(para(ANSWER));
        }
    }
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert_eq!(sub.priority_count(), 2);
    for section in &sub.sections[1..] {
        assert_eq!(section.priorities(), vec![1, 2], "section {}", section.index);
    }
}

#[test]
fn priority_blocks_repeat_sections_with_their_priority() {
    let mut blocks = vec![heading(1, "1. Priority(ies)"), para(ANSWER)];
    for n in 1..=2 {
        blocks.push(heading(1, &format!("Priority {n}: Literacy for all")));
        for title in ["Analysis", "Outcomes", "Monitoring"] {
            blocks.push(heading(2, title));
            blocks.push(para(ANSWER));
        }
    }
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.priority_count(), 2);
    assert_eq!(sub.sections[3].priorities(), vec![1, 2]);
    assert_eq!(sub.sections[3].state, SectionState::Present);
}

#[test]
fn a_table_with_sections_as_columns_is_a_plan_on_a_page() {
    let headers = ["Priority", "Analysis", "Stakeholder Engagement", "Outcomes", "Role Clarity", "Monitoring"];
    let mut blocks: Vec<Block> = headers.iter().enumerate().map(|(c, h)| cell(0, 0, c, h)).collect();
    for row in 1..=2 {
        blocks.push(cell(0, row, 0, &format!("Priority {row}: Early literacy in grades K-3")));
        for col in 1..headers.len() {
            let text = if row == 2 && col == 3 { "TBD".to_string() } else { ANSWER.to_string() };
            blocks.push(cell(0, row, col, &text));
        }
    }
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.priority_count(), 2);
    for s in 0..6 {
        assert_eq!(sub.sections[s].state, SectionState::Present, "section {s}");
    }
    assert_eq!(sub.sections[3].priorities(), vec![1, 2]);
    assert_eq!(sub.sections[6].state, SectionState::Missing);
}

#[test]
fn a_grid_with_one_column_per_priority_keeps_each_priority() {
    let mut blocks = vec![cell(0, 0, 0, "Section"), cell(0, 0, 1, "Priority 1"), cell(0, 0, 2, "Priority 2")];
    for (row, title) in ["Priority(ies)", "Analysis", "Outcomes", "Monitoring"].iter().enumerate() {
        blocks.push(cell(0, row + 1, 0, title));
        blocks.push(cell(0, row + 1, 1, ANSWER));
        blocks.push(cell(0, row + 1, 2, ANSWER));
    }
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.sections[3].state, SectionState::Present);
    assert_eq!(sub.sections[3].priorities(), vec![1, 2]);
    assert_eq!(sub.priority_count(), 2);
}

#[test]
fn a_label_over_its_answer_after_a_line_break_heads_a_section() {
    let mut blocks = headed_plan();
    // Section 5 written as one paragraph: bold label, line break, answer.
    let text = format!("Who Does What\n{ANSWER}");
    blocks[8] = Block { bold_prefix: "Who Does What".len(), ..para(&text) };
    blocks.remove(9);
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
}

#[test]
fn an_unnamed_heading_between_two_sections_heads_the_missing_one() {
    let mut blocks = headed_plan();
    blocks[4] = heading(1, "Voices That Shaped This Plan");
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
}

#[test]
fn an_unnamed_label_over_the_kept_prompt_heads_the_prompts_section() {
    let mut blocks: Vec<Block> = headed_plan().into_iter().take(14).collect();
    blocks.push(heading(1, "Appendix A: Data Tables"));
    blocks.push(para(ANSWER));
    blocks.insert(14, heading(1, "Supporting Schools Differently"));
    blocks.insert(
        15,
        para("How will the district differentiate assistance for schools identified by the Accountability system as requiring assistance, and for other schools that need more support with this priority?"),
    );
    blocks.insert(16, para(ANSWER));
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.sections[7].state, SectionState::Present);
}

#[test]
fn a_table_of_contents_names_sections_without_being_them() {
    let mut blocks = vec![heading(1, "Contents")];
    for t in ["1. Priority(ies)\t2", "4. Outcomes\t5", "7. Resources\t9"] {
        blocks.push(para(t));
    }
    blocks.extend(headed_plan().into_iter().take(6));
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.sections[3].state, SectionState::Missing);
    assert_eq!(sub.sections[6].state, SectionState::Missing);
    assert_eq!(sub.sections[0].state, SectionState::Present);
}

#[test]
fn a_stated_number_of_priorities_is_counted() {
    let mut blocks = headed_plan();
    blocks[1] = para(
        "Our three instructional priorities are early literacy, grade-level math discourse and inclusive practice.",
    );
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.priority_count(), 3);
}

#[test]
fn a_strategic_plan_priority_cited_in_passing_is_not_counted() {
    let mut blocks = headed_plan();
    blocks[1] = para("Priority 1: Early literacy. This supports Strategic Priority 3 of our five-year plan.");
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.priority_count(), 1);
}

#[test]
fn focus_areas_and_strategic_objectives_are_priorities() {
    let mut blocks = headed_plan();
    blocks[1] = bold("Focus Area 1: Early literacy");
    blocks.insert(2, para(ANSWER));
    blocks.insert(3, bold("Focus Area 2: Math discourse"));
    blocks.insert(4, para(ANSWER));
    blocks.insert(5, bold("Focus Area 3: Attendance"));
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.priority_count(), 3);
    let mut blocks = headed_plan();
    blocks[1] = para("Strategic Objective A: Literacy. Strategic Objective B: Math. Strategic Objective C: SEL.");
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 3);
}

#[test]
fn a_deferred_choice_states_no_priority() {
    let mut blocks = headed_plan();
    blocks[1] = para("Under review. Our team has not yet settled on the focus and will decide over the summer.");
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 0);
    let mut blocks = headed_plan();
    blocks[1] = para(
        "We are still in the process of deciding where to focus. A working group will meet over the summer and a decision will be shared in the fall.",
    );
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 0);
    let mut blocks = headed_plan();
    blocks[1] = para("We will strengthen literacy instruction in grades K-3.");
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 1);
    // Deciding something else is not deferring the priority.
    let mut blocks = headed_plan();
    blocks[1] = para(
        "Our instructional priority: Improve Tier 1 instruction. Teachers will use student work to decide what to reteach.",
    );
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 1);
    let mut blocks = headed_plan();
    blocks[1] =
        para("Our team has not yet settled on a focus. We will use the summer retreat to decide, with our SSoS team.");
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 0);
}

#[test]
fn a_priority_label_after_an_outline_number_is_marked() {
    let mut blocks = headed_plan();
    blocks[1] = para("1.1 Instructional Priority #1: Improve Tier 1 instruction in ELA and math");
    blocks.insert(2, para("1.2 Instructional Priority #2: Build effective school ILTs"));
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 2);
}

#[test]
fn labelled_benchmark_lines_are_counted_and_fields_are_not() {
    let mut blocks = headed_plan();
    let lines = [
        "District benchmark: 80% of classrooms use grade-level texts by January.",
        "School benchmark: every ILT completes two inquiry cycles by March.",
        "Benchmark 3: attendance rises to 92% by May.",
        "Who: the Chief Academic Officer and the DILT.",
        "How often: monthly.",
    ];
    let at = 11;
    blocks.remove(at);
    for (k, line) in lines.iter().enumerate() {
        blocks.insert(at + k, para(line));
    }
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 3);
    // The same as plain paragraphs under a label.
    let blocks = with_monitoring(vec![
        para("Initiative A benchmarks"),
        para("October: DILT meets to review the data"),
        para("December: 65% of observed lessons post a language objective"),
        para("February: co-planning occurs weekly in 80% of teams"),
        para("Who monitors: the DILT, monthly."),
        para("The DILT reports to the school committee in June."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
}

#[test]
fn bullets_after_a_lead_in_are_benchmarks_but_schedule_lines_are_not() {
    let blocks = with_monitoring(vec![
        para("We will track these interim benchmarks:"),
        bullet("80% of K-2 classrooms teach the foundational skills block as designed by January"),
        bullet("Every ILT completes four instructional rounds"),
        para("Data meeting schedule:"),
        bullet("September: DILT launch meeting"),
        bullet("November: first quarterly data meeting"),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
}

/// A table's cells, row by row.
fn table(rows: &[Vec<&str>]) -> Vec<Block> {
    rows.iter().enumerate().flat_map(|(r, row)| row.iter().enumerate().map(move |(c, t)| cell(0, r, c, t))).collect()
}

/// The plan of `headed_plan` with the monitoring response replaced by `new`.
fn with_monitoring(new: Vec<Block>) -> Vec<Block> {
    let mut blocks = headed_plan();
    let at = 11;
    blocks.remove(at);
    for (k, b) in new.into_iter().enumerate() {
        blocks.insert(at + k, b);
    }
    blocks
}

#[test]
fn a_lead_in_vouches_for_items_without_numbers_up_to_a_field() {
    let blocks = with_monitoring(vec![
        para("We will watch a small number of benchmarks:"),
        bullet("80% of observed lessons use a grade-level task by February"),
        bullet("English learners show the same median typical growth as all students"),
        bullet("Who monitors: the DILT"),
        bullet("Families will hear about results at quarterly forums"),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
}

#[test]
fn plans_that_trail_a_benchmark_list_are_not_benchmarks() {
    let blocks = with_monitoring(vec![
        para("Interim benchmarks, adult practice and student experience:"),
        bullet("District level: every school has an ILT that meets twice a month"),
        bullet("School level: office discipline referrals drop by 20% at each identified school"),
        bullet("The DILT will review a sample of student assignments from every school each quarter."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
}

#[test]
fn a_benchmark_given_by_its_level_counts_when_nothing_else_is_a_list() {
    let blocks = with_monitoring(vec![
        para("District: 80% of classrooms use grade-level texts by January."),
        para("School: every ILT completes two inquiry cycles by March."),
        para("The DILT reviews these benchmarks monthly."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
    // Beside a list a lead-in vouches for, a level line is not one more.
    let blocks = with_monitoring(vec![
        para("District-level benchmarks:"),
        bullet("By December, 80% of classrooms use grade-level texts."),
        bullet("By March, 90% of teachers attend common planning time."),
        para("School-level: the school day runs from 8:00 to 2:45."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
}

#[test]
fn benchmark_numbers_that_start_again_under_each_topic_all_count() {
    let blocks = with_monitoring(vec![
        para("Early literacy:"),
        para("Benchmark 1: 80% of K-2 classrooms teach the foundational skills block by January"),
        para("Benchmark 2: DIBELS composite at or above benchmark rises by 10 points"),
        para("Mathematics:"),
        para("Benchmark 1: 75% of observed lessons use a grade-level task"),
        para("Benchmark 2: every math team uses a discourse routine weekly"),
        para("Benchmark 2: every math team uses a discourse routine weekly"),
    ]);
    // The repeated "Benchmark 2" is one benchmark; the second "Benchmark 1" starts a new run.
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 4);
}

#[test]
fn group_labels_inside_a_benchmark_list_keep_it_and_prose_after_it_ends_it() {
    let blocks = with_monitoring(vec![
        para("Interim benchmarks (district and school level):"),
        para("Adult practice"),
        para("75% of observed math lessons use a grade-level task by February"),
        para("Every math team uses a common discourse routine three times a week"),
        para("Student learning"),
        para("English learners show the same typical growth on the winter diagnostic as all students"),
        para("The DILT monitors the district benchmarks. Principals review theirs every six weeks."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 3);
}

#[test]
fn a_lone_benchmarks_cell_in_a_one_column_sheet_is_a_lead_in() {
    let mut blocks = vec![cell(0, 0, 0, "Monitoring")];
    let lines = [
        "District-level benchmarks:",
        "• By December, 80% of classrooms use grade-level texts.",
        "• By March, 90% of teachers attend common planning.",
        "School-level benchmarks:",
        "• Each ILT completes two inquiry cycles by February.",
        "The Chief Academic Officer monitors these benchmarks monthly.",
    ];
    for (k, line) in lines.iter().enumerate() {
        blocks.push(cell(0, k + 1, 1, line));
    }
    let mut d = doc(blocks);
    d.format = Format::Xlsx;
    assert_eq!(mapper().map(&d).benchmark_count(), 3);
}

#[test]
fn mapping_is_linear_in_the_number_of_blocks() {
    // 20,000 "Priority N" lines and headings: the old mapper scanned every
    // heading for every block. This must finish (no time assertion: the
    // benchmark measures speed); it checks the structure stays right.
    let mut blocks = headed_plan();
    for k in 0..20_000 {
        blocks.push(para(&format!("Priority {}: line {k}", k % 7 + 1)));
    }
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.sections[7].state, SectionState::Present);
}

#[test]
fn section_numbers_of_any_length_parse() {
    use super::headings::parse_number;
    for (label, n) in [
        ("3", 3),
        ("12.", 12),
        ("iii", 3),
        ("VIII", 8),
        ("IX.", 9),
        ("x", 10),
        ("XIV)", 14),
        ("xl", 40),
        ("c", 3),
        ("l.", 12),
        ("nine", 9),
        ("Twelve", 12),
        ("tenth", 10),
        ("(i)", 1),
    ] {
        assert_eq!(parse_number(label), Some(n), "{label}");
    }
    for label in ["iiii", "vx", "ic", "ill", "", "ab"] {
        assert_eq!(parse_number(label), None, "{label}");
    }
}

#[test]
fn abbreviated_heading_words_stand_for_the_title_words() {
    let mut blocks = headed_plan();
    blocks[4] = heading(1, "III. Stakeholder Engmt.");
    blocks[14] = heading(1, "VIII. Diff. Support");
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert_eq!(sub.section(7).parts[0].heading, Some(14));
}

#[test]
fn a_numbered_range_heads_the_two_sections_it_names() {
    let mut blocks = headed_plan();
    blocks.drain(8..12);
    blocks.insert(8, heading(1, "5/6. Role Clarity and Monitoring Implementation"));
    blocks.insert(9, para(ANSWER));
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
}

#[test]
fn a_continued_heading_adds_to_the_section_it_continues() {
    let mut blocks = headed_plan();
    blocks.insert(4, heading(1, "Analysis of Strengths and Challenges (cont.)"));
    blocks.insert(5, para("Student work: looking at student work in grade teams showed tasks below grade level."));
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert!(section_text(&sub, 1).contains("looking at student work"));
}

#[test]
fn an_unnamed_label_just_before_the_first_named_section_heads_the_section_missing_there() {
    let intro = para("Worcester is a city of many neighbourhoods, and this introduction tells its story.");
    let mut blocks = vec![heading(1, "Worcester Public Schools"), intro, heading(1, "Our Work Ahead")];
    blocks.push(para(ANSWER));
    blocks.extend(headed_plan().into_iter().skip(2));
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert!(!section_text(&sub, 0).contains("neighbourhoods"));
}

#[test]
fn an_answer_that_echoes_its_prompt_is_kept() {
    let mut blocks = headed_plan();
    blocks.insert(
        12,
        para(
            "Student assignments and work samples will be analyzed at the district, school, and classroom level using a common looking-at-student-work protocol.",
        ),
    );
    let sub = mapper().map(&doc(blocks));
    assert!(section_text(&sub, 5).contains("looking-at-student-work protocol"));
}

#[test]
fn words_are_counted_as_split_whitespace_counts_them() {
    for text in [
        "",
        "  ",
        "one",
        " two  words ",
        "a\tb\nc\x0bd\x0ce\rf",
        "tab\t\t end\n",
        "Sánchez — café\u{a0}x",
        "x\u{2003}y",
    ] {
        assert_eq!(super::count_words(text), text.split_whitespace().count(), "{text:?}");
    }
}

#[test]
fn sub_numbered_benchmark_labels_each_count() {
    let blocks = with_monitoring(vec![
        para("Benchmark 1.1: Student discourse observed in 50% of visited classrooms; School; coaches; biweekly"),
        para("Benchmark 1.2: 94% of teachers attend unit internalization PD; District; Director of ELA; monthly"),
        para("Benchmark 2.1: All schools hold two ILT data cycles per semester; District; Director of ELA; monthly"),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 3);
}

#[test]
fn an_outline_number_is_not_the_measure_of_a_trailing_plan() {
    let blocks = with_monitoring(vec![
        para("6.1 These are the interim benchmarks we will track:"),
        para("6.2 Chronic absenteeism falls below 20% by the March attendance report."),
        para("6.3 41% of observed classrooms show grade-level tasks by February."),
        para("6.4 Samples of student assignments will be pulled from classrooms in November and May."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
}

/// A benchmark table whose header row starts with "Priority": that cell
/// heads a column, not the priorities section found above it.
#[test]
fn a_priority_column_header_in_the_benchmark_table_keeps_the_table_in_monitoring() {
    let table = table(&[
        vec!["Priority", "Interim benchmark", "Level", "Monitored by"],
        vec!["P1", "ELs in grades 3-5 meet the ACCESS growth target", "District", "Director of ELA"],
        vec!["P1", "53% of K-2 students at or above benchmark at mid-year", "School", "coaches"],
        vec!["P2", "Every ILT completes a Data Equity Pause by December", "School", "principals"],
    ]);
    let d = doc(with_monitoring(table));
    let sub = mapper().map(&d);
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert!(section_text(&sub, 5).contains("Data Equity Pause"));
    assert_eq!(sub.benchmark_count(), 3);
}

/// Notes typed under a benchmark table (the sheet's next rows) with no
/// measure are not more benchmarks.
#[test]
fn a_note_under_a_benchmark_table_is_not_a_benchmark() {
    let mut table = table(&[
        vec!["Interim benchmark", "Level", "Who monitors"],
        vec!["Attendance rises to 92% by May", "District", "the DILT"],
        vec!["80% of classrooms use the new texts", "District", "the DILT"],
    ]);
    table.push(cell(0, 3, 0, "At each level we'll look at what students produce in team meetings."));
    assert_eq!(mapper().map(&doc(with_monitoring(table))).benchmark_count(), 2);
}

/// Between "3. Stakeholder Engagement" and "5. Role Clarity", a plain
/// sentence opening the answer does not head the missing section 4.
#[test]
fn a_sentence_does_not_head_a_missing_section() {
    let mut blocks = headed_plan();
    blocks.drain(6..8); // section 4 and its answer
    blocks[5] = para("We talked to a lot of people.");
    blocks.insert(6, para(ANSWER));
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.section(3).state, SectionState::Missing);
    assert_eq!(sub.section(2).state, SectionState::Present);
}

#[test]
fn a_deferral_is_a_placeholder() {
    let mut blocks = headed_plan();
    blocks[3] = para("To be completed by the DILT in August.");
    assert_eq!(mapper().map(&doc(blocks)).section(1).state, SectionState::Empty);
}

/// A benchmark table's priority column ("P1", "P2") counts each priority's
/// benchmarks apart, so six for one priority are six, not three of twelve.
#[test]
fn a_priority_column_splits_the_benchmark_count() {
    let benchmarks: Vec<String> =
        (1..=7).map(|r| format!("{}% of classrooms use the new texts by May", 50 + r)).collect();
    let mut rows = vec![vec!["Priority", "Interim benchmark", "Level"]];
    rows.extend(
        benchmarks.iter().enumerate().map(|(i, b)| vec![if i < 6 { "P1" } else { "P2" }, b.as_str(), "District"]),
    );
    let table = table(&rows);
    let sub = mapper().map(&doc(with_monitoring(table)));
    assert!(sub.benchmarks.contains(&(Some(1), 6)), "{:?}", sub.benchmarks);
    assert!(sub.benchmarks.contains(&(Some(2), 1)), "{:?}", sub.benchmarks);
}

/// "Benchmark 2" alone in a cell, its benchmark in the next cell (a table
/// on a slide): each numbered label is one benchmark.
#[test]
fn numbered_benchmark_labels_beside_their_text_count() {
    let mut table = Vec::new();
    for r in 0..3 {
        table.push(cell(0, r, 0, &format!("Benchmark {}", r + 1)));
        table.push(cell(0, r, 1, "Chronic absenteeism falls below 20% by March. Reviewed quarterly."));
    }
    assert_eq!(mapper().map(&doc(with_monitoring(table))).benchmark_count(), 3);
}

/// A form sheet's label column ("Interim benchmarks | See the next tab.",
/// "Student work | ...") is not a benchmark table: a row whose other cell is
/// a sentence or a lead-in is a label and its answer, so only the real table
/// on the second sheet counts.
#[test]
fn a_form_label_beside_its_answer_does_not_head_a_benchmark_table() {
    let mut blocks = with_monitoring(table(&[
        vec!["Benchmarks", "Interim benchmarks for this year:"],
        vec!["Interim benchmarks", "See the second tab."],
        vec!["Student work", "Samples of student assignments are pulled in November and May."],
        vec!["Monitoring", "The DILT reviews them."],
    ]));
    let second = [
        vec!["#", "Interim benchmark", "Level"],
        vec!["1", "Attendance rises to 92% by May", "District"],
        vec!["2", "80% of classrooms use the new texts", "School"],
    ];
    let at = blocks.iter().position(|b| b.text == "The DILT reviews them.").unwrap() + 1;
    for (r, row) in second.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            blocks.insert(at + r * row.len() + c, cell(1, r, c, text));
        }
    }
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
}

/// "P1" / "P2" in section 1 state the priorities; the same short labels in a
/// benchmark table's priority column name each row's priority and split
/// nothing.
#[test]
fn short_priority_labels_state_priorities_in_section_one_only() {
    let mut blocks = headed_plan();
    blocks.splice(
        1..2,
        table(&[
            vec!["P1", "Grade-level literacy through culturally sustaining instruction in every K-5 classroom"],
            vec!["P2", "Every student reports a strong sense of belonging at school"],
        ]),
    );
    let mut benchmarks = table(&[
        vec!["Priority", "Interim benchmark", "Level"],
        vec!["P1", "80% of classrooms use the adopted texts by March", "School"],
        vec!["P1", "Chronic absence falls to 12% by June", "District"],
        vec!["P2", "Belonging survey favourability rises to 70%", "District"],
    ]);
    for b in &mut benchmarks {
        b.grid.as_mut().unwrap().table = 1;
    }
    let blocks = with_monitoring_in(blocks, benchmarks);
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert_eq!(sub.priority_count(), 2);
    assert!(sub.section(5).parts.iter().all(|p| p.priority.is_none()), "the P1/P2 cells split monitoring");
    assert!(sub.benchmarks.contains(&(Some(1), 2)) && sub.benchmarks.contains(&(Some(2), 1)), "{:?}", sub.benchmarks);
}

/// `blocks` with the monitoring answer (the paragraph after its heading) replaced by `new`.
fn with_monitoring_in(mut blocks: Vec<Block>, new: Vec<Block>) -> Vec<Block> {
    let at = blocks.iter().position(|b| b.text == "6. Monitoring Implementation").unwrap() + 1;
    blocks.splice(at..at + 1, new);
    blocks
}

/// Benchmarks written as the sentences of one paragraph, each opening with
/// its deadline, count one each; a dated plan without a measure does not.
#[test]
fn dated_sentences_in_a_paragraph_are_benchmarks() {
    let blocks = with_monitoring(vec![
        para(
            "Our interim benchmarks are simple. By October, in every school: each ILT completes a full data \
             cycle. By December, district-wide: 90% of students in grades 3-5 are at or above benchmark. By \
             June, at the school level: 80% of teachers complete the CLSP series.",
        ),
        para("By June, we will review what we learned with the School Committee."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 3);
}

/// "E/F) Role clarity and Monitoring implementation": a heading numbered by
/// two letters names both sections.
#[test]
fn a_heading_numbered_by_two_letters_heads_both_sections() {
    let mut blocks = headed_plan();
    let role = blocks.iter().position(|b| b.text == "5. Role Clarity").unwrap();
    blocks.splice(role..role + 4, [heading(1, "E/F) Role clarity and Monitoring implementation"), para(ANSWER)]);
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert_eq!(section_text(&sub, 4), section_text(&sub, 5));
}

/// A section named only by a bold run-in label inside another section
/// ("Root cause: ...") is still headed by the heading carrying its number.
#[test]
fn a_numbered_heading_outranks_a_bold_run_in_label_for_its_section() {
    let mut blocks = headed_plan();
    blocks[2] = heading(1, "2. Why This Priority: Our Data");
    let mut label = para("Root cause: our systems have not given teachers the time to plan together.");
    label.bold_prefix = "Root cause:".len();
    blocks.insert(4, label);
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    let analysis = section_text(&sub, 1);
    assert!(analysis.contains(ANSWER) && analysis.contains("Root cause"), "{analysis}");
}

/// One sheet holding a benchmark table per priority and outcome kind: each
/// sub-table's title band and its header typed again are not benchmarks,
/// and neither is a field line under the last table.
#[test]
fn repeated_sub_table_heads_in_one_sheet_are_not_benchmarks() {
    let rows = [
        vec!["Priority 1 benchmarks – adult outcomes"],
        vec!["Benchmark", "Level", "Owner"],
        vec!["75% of teachers complete the CLSP series", "School", "ILT chairs"],
        vec!["Priority 1 benchmarks – student outcomes"],
        vec!["Benchmark", "Level", "Owner"],
        vec!["55% of writing samples meet the grade-level rubric", "District", "the Executive Director"],
        vec!["Benchmark", "Level", "Owner"],
        vec!["Chronic absence falls to 12% or lower", "District", "the Data Coordinator"],
        vec!["• Student work: teams every 6 weeks, ILT quarterly"],
    ];
    let cells: Vec<Vec<&str>> = rows.iter().map(|r| r.to_vec()).collect();
    assert_eq!(mapper().map(&doc(with_monitoring(table(&cells)))).benchmark_count(), 3);
}

/// A paragraph that names the benchmarks and dates them one by one is the
/// list, whatever short lines follow it ("Reviewed quarterly", "Every 6 weeks").
#[test]
fn dated_benchmarks_named_in_a_paragraph_win_over_stray_lines() {
    let blocks = with_monitoring(vec![
        para(
            "Our interim benchmarks are simple. By October, at the school level: 55% of teachers use two talk \
             routines. By June, district-wide: 85% of writing samples meet the rubric.",
        ),
        bullet("Monitored by the Chief Academic Officer"),
        bullet("Reviewed quarterly (Oct/Jan/Apr/Jun)"),
        bullet("Every 6 weeks"),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
}

/// Headings in a district's own words, as `make` sets them, each over `ANSWER`.
fn own_words_plan(titles: &[&str], make: fn(&str) -> Block) -> Vec<Block> {
    titles.iter().flat_map(|t| [make(t), para(ANSWER)]).collect()
}

#[test]
fn numbered_questions_in_own_words_head_the_sections_their_numbers_name() {
    let titles = [
        "Question 1: What are our priorities?",
        "Question 2: What did we learn from the data?",
        "Question 3: How did we hear from people?",
        "Question 4: Which targets will we meet?",
        "Question 5: Does everyone know their role?",
        "Question 6: How will we monitor implementation?",
        "Question 7: What will it take?",
        "Question 8: How will support differ by school?",
    ];
    let sub = mapper().map(&doc(own_words_plan(&titles, |t| heading(1, t))));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert!(section_text(&sub, 6).contains("every school"));
}

#[test]
fn unnumbered_own_words_headings_in_guidance_order_head_the_sections() {
    let titles = [
        "Where we are focusing",
        "What the data told us",
        "Who we heard from",
        "How we will know it worked",
        "Who does what",
        "Checking our progress",
        "What it will take",
        "Support that differs by school",
    ];
    for make in [|t: &str| heading(1, t), bold as fn(&str) -> Block] {
        let sub = mapper().map(&doc(own_words_plan(&titles, make)));
        assert!(all_present(&sub), "{:?}", states(&sub));
    }
}

#[test]
fn own_words_headings_out_of_the_guidance_order_are_not_taken_for_sections() {
    // Keywords of four sections, but backwards: a report's own chapters.
    let titles = ["Checking our progress", "Who does what", "What the data told us", "Where we are focusing"];
    let sub = mapper().map(&doc(own_words_plan(&titles, |t| heading(1, t))));
    // "Who does what" is a name of role clarity; the others only share keywords.
    for index in [0, 1, 5] {
        assert_ne!(sub.sections[index].state, SectionState::Present, "{:?}", states(&sub));
    }
}

#[test]
fn a_sub_numbered_heading_with_a_section_keyword_stays_inside_its_section() {
    let mut blocks = headed_plan();
    let monitoring = blocks.iter().position(|b| b.text.starts_with("6.")).unwrap();
    blocks.insert(monitoring + 2, heading(2, "6.1 Interim benchmarks we will track"));
    blocks.insert(monitoring + 3, para("By January, 80% of classrooms use the new units."));
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.sections[5].parts.len(), 1, "{:?}", sub.sections[5].parts.len());
    assert!(section_text(&sub, 5).contains("80% of classrooms"));
}

#[test]
fn benchmark_labels_with_an_aside_before_the_colon_count() {
    let blocks = vec![
        para("Benchmark 1 (Priority 1): All math teachers complete the PD sequence. Target: Nov 2023."),
        para("Benchmark 2 (Priority 1): Each school cuts the share of students below benchmark by 4 points."),
        para("Benchmark 3 (Priority 2): Referrals to special education fall 4 points district-wide."),
    ];
    assert_eq!(mapper().map(&doc(with_monitoring(blocks))).benchmark_count(), 3);
}

#[test]
fn priorities_after_a_template_response_label_are_stated() {
    let mut blocks = headed_plan();
    blocks[1] = para("Response: Priority 1: Implement Bridges in Mathematics with integrity in grades K-8.");
    blocks.insert(2, para("Priority 2: Improve every young person's sense of belonging and attendance."));
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.priority_count(), 2, "{:?}", sub.priorities);
}

#[test]
fn the_longest_run_of_sections_in_order_is_found_in_one_pass() {
    // (block, section): 0 2 1 3 5 4 6 → 0 1 3 4 6 (or another run of five).
    let found = [(1, 0), (2, 2), (3, 1), (4, 3), (5, 5), (6, 4), (7, 6)];
    let run = super::headings::increasing_run(&found);
    assert_eq!(run.len(), 5, "{run:?}");
    assert!(run.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1), "{run:?}");
    assert!(super::headings::increasing_run(&[]).is_empty());
}

#[test]
fn lettered_sub_items_of_a_section_all_belong_to_it() {
    // One slide per sub-prompt: "1a Priority(ies): Priority", "1b Priority(ies): Equity gaps", ...
    let titles = GUIDANCE_TITLES;
    let mut blocks = Vec::new();
    for (i, title) in titles.iter().enumerate() {
        for letter in ['a', 'b'] {
            blocks.push(heading(1, &format!("{}{letter} {title}: Part {letter}", i + 1)));
            blocks.push(para(&format!("{ANSWER} ({}{letter})", i + 1)));
        }
        if i == 5 {
            // A lettered list item is no heading.
            blocks.push(para("6c 75% of ELs show growth on ACCESS interim checks by November"));
        }
    }
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    let outcomes = section_text(&sub, 3);
    assert!(outcomes.contains("(4a)") && outcomes.contains("(4b)") && !outcomes.contains("(5a)"), "{outcomes}");
    assert!(section_text(&sub, 5).contains("6c 75% of ELs"), "{}", section_text(&sub, 5));
}

#[test]
fn a_sheet_per_priority_names_that_priority() {
    let titles =
        ["1. Priority(ies)", "2. Analysis of Strengths and Challenges", "3. Stakeholder Engagement", "4. Outcomes"];
    let mut blocks = Vec::new();
    for (table, sheet) in ["Priority 1", "Priority 2"].iter().enumerate() {
        blocks.push(Block { kind: BlockKind::SheetName, heading_level: Some(1), ..para(sheet) });
        for (row, title) in titles.iter().enumerate() {
            blocks.push(Block { bold: true, ..cell(table, row, 0, title) });
            blocks.push(cell(table, row, 1, &format!("{ANSWER} ({sheet})")));
        }
    }
    let mut d = doc(blocks);
    d.format = Format::Xlsx;
    let sub = mapper().map(&d);
    assert_eq!(sub.priority_count(), 2, "{:?}", sub.priorities);
    assert!(section_text(&sub, 3).contains("(Priority 2)"), "{}", section_text(&sub, 3));
}

#[test]
fn priorities_run_on_in_one_paragraph_are_each_counted() {
    let mut blocks = headed_plan();
    blocks[1] = para(
        "Priority 1: Build a literacy block for ELs. / Priority 2: Implement MTSS. / Priority 3: Expand pathways.",
    );
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.priority_count(), 3, "{:?}", sub.priorities);
    // A priority of the strategic plan cited in passing is not one.
    let mut blocks = headed_plan();
    blocks[1] = para("Priority 1: Build a literacy block. This supports Strategic Priority 3 of our plan.");
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 1);
}

#[test]
fn a_heading_subtitle_leads_its_list_and_ends_the_one_before() {
    // One slide per sub-prompt: the benchmarks are plain lines under "6a ...: Interim benchmarks".
    let mut blocks = headed_plan();
    blocks.truncate(10);
    blocks.push(heading(1, "6a Monitoring Implementation: Interim benchmarks"));
    for b in [
        "By mid-year, every ILT completes two data cycles",
        "Attendance rises to 92% by March",
        "Exit tickets show 68% mastery by June",
    ] {
        blocks.push(para(b));
    }
    blocks.push(heading(1, "6b Monitoring Implementation: Who monitors, and how often"));
    blocks
        .push(para("The Assistant Superintendent owns the district benchmarks and reviews them with the DLT monthly"));
    blocks.extend(headed_plan().into_iter().skip(12));
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert_eq!(sub.benchmarks, vec![(None, 3)]);
}

#[test]
fn sub_prompt_labels_over_placeholders_leave_a_section_empty() {
    let mut blocks = headed_plan();
    blocks
        .splice(13..14, [para("7a. External: TBD"), para("7b. Internal: TBD"), para("7c. Budget equity (ESSA): N/A")]);
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.sections[6].state, SectionState::Empty, "{:?}", states(&sub));
    // A label with an answer is an answer.
    let mut blocks = headed_plan();
    blocks.splice(13..14, [para("7a. External: TBD"), para("7b. Internal: two coaches funded by Title I")]);
    assert_eq!(mapper().map(&doc(blocks)).sections[6].state, SectionState::Present);
}

#[test]
fn a_decimal_outline_heads_sections_at_its_top_level() {
    let titles = GUIDANCE_TITLES;
    let mut blocks = Vec::new();
    for (i, title) in titles.iter().enumerate() {
        blocks.push(heading(1, &format!("{}.0 {title}", i + 1)));
        blocks.push(para(&format!("{}.1 {ANSWER}", i + 1)));
        blocks.push(para(&format!("{}.2 {ANSWER}", i + 1)));
    }
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert!(section_text(&sub, 3).contains("4.2 We will"), "{}", section_text(&sub, 3));
}

#[test]
fn a_field_typed_as_a_numbered_item_ends_the_benchmark_list() {
    // The whole plan is one numbered list: the owners line is still a field,
    // and the prose after it is not one more benchmark.
    let numbered = |n: u32, text: &str| Block { list_label: Some(format!("{n}.")), list_level: Some(0), ..para(text) };
    let blocks = with_monitoring(vec![
        bold("District-level benchmarks"),
        numbered(26, "75% of grade 4-8 writing samples cite text evidence, June 2024"),
        numbered(27, "All schools complete three data cycles, May 2024"),
        bold("School-level benchmarks"),
        numbered(28, "Common unit assessment results for ELs rise by 6 points, Nov 2023"),
        numbered(29, "Owners: Asst. Supt. (district), principals (school)."),
        numbered(30, "We review progress each trimester, with a mid-year review in January."),
        numbered(31, "A district team scores 30 writing samples three times a year."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 3);
}

#[test]
fn lines_without_the_lists_codes_are_not_benchmarks() {
    let blocks = with_monitoring(vec![
        bullet("1a Median i-Ready growth reaches 59% district-wide by winter"),
        bullet("1b Each school cuts the share of students in the urgent band by 7 points"),
        bullet("2a Chronic absenteeism falls to 24% or lower by June 2024"),
        bullet("The Chief Academic Officer tracks the district measures; ILTs track the rest."),
        bullet("Review: monthly (DILT), every 6 weeks (ILTs)."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 3);
    // Without codes, the same notes are left to the other rules.
    let uncoded = with_monitoring(vec![
        bullet("Median i-Ready growth reaches 59% district-wide by winter"),
        bullet("Each school cuts the share of students in the urgent band by 7 points"),
    ]);
    assert_eq!(mapper().map(&doc(uncoded)).benchmark_count(), 2);
}

#[test]
fn an_abbreviation_does_not_make_a_benchmark_two_sentences() {
    // "Asst. Superintendent" once cut the line in two, and a line of two
    // sentences under a label reads as the prose after the list.
    let blocks = with_monitoring(vec![
        para("Benchmark 1a"),
        para("60% of K-2 students at or above benchmark on DIBELS 8 (target Feb 2024) - lead: Asst. Superintendent"),
        para("Benchmark 2a"),
        para("Panorama sense-of-belonging rises 7 points district-wide (target Dec 2023) - lead: Asst. Superintendent"),
        para("Who monitors and how often"),
        para("We review progress each trimester, with a deeper review in January and June."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
}

#[test]
fn a_roman_numeral_ends_a_sentence_and_a_response_label_leads_a_short_marker() {
    let mut blocks = headed_plan();
    blocks[1] =
        para("Priority 1: Rigor in every math classroom from grade 1 to Algebra I. Priority 2: Inclusive practice.");
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 2);
    let mut blocks = headed_plan();
    blocks[1] = para("Response: P1: Implement Eureka Math Squared with integrity in grades K-8.");
    blocks.insert(2, para("P2: Student belonging and engagement in grades 6-12."));
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.priority_count(), 2, "{:?}", sub.priorities);
}

/// Eight headings of one style, each only the district's question ("What
/// told us this was the right focus?"), stand for the eight sections in the
/// guidance's order, though some of their words point elsewhere.
#[test]
fn question_headings_are_read_in_the_guidance_order() {
    let questions = [
        "Where are we putting our energy next year, and why?",
        "What told us this was the right focus?",
        "Who did we listen to, and what did we hear?",
        "What will be different, and how will we know?",
        "Who does what?",
        "How will we keep track along the way?",
        "What will we use to get this done?",
        "Which schools get more help, and what does it look like?",
    ];
    let answer = "Our district team wrote this answer with enough words to be a real response to the question.";
    let mut blocks = vec![heading(1, "Salem Public Schools plan")];
    for q in questions {
        blocks.push(heading(2, q));
        blocks.push(para(answer));
    }
    let sub = mapper().map(&doc(blocks.clone()));
    assert!(all_present(&sub), "{:?}", states(&sub));
    // Seven such headings are not read by their order: which one is left out
    // cannot be told.
    blocks.drain(7..9);
    let sub = mapper().map(&doc(blocks));
    assert!(!all_present(&sub));
}

/// Priorities named "Initiative A/B" count as two; strategies under one
/// named priority do not count at all, and four of them are not four priorities.
#[test]
fn priorities_under_other_names() {
    let mut blocks = headed_plan();
    blocks[1] = para("Initiative A — Grade-level literacy in every classroom.");
    blocks.insert(2, para("Initiative B — Inclusive math for students with disabilities."));
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 2);
    let mut blocks = headed_plan();
    blocks[1] = para("Priority 1: Grade-level literacy.");
    blocks.insert(2, para("Strategy 1 — Coaching cycles."));
    blocks.insert(3, para("Strategy 2 — Common planning time."));
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 1);
    let mut blocks = headed_plan();
    blocks[1] = para("Our focus is literacy.");
    for (k, s) in
        ["Strategy 1: coaching.", "Strategy 2: planning.", "Strategy 3: texts.", "Strategy 4: data."].iter().enumerate()
    {
        blocks.insert(2 + k, para(s));
    }
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 1);
}

/// Benchmarks on a timeline ("November: 60% of classrooms ...") count; a
/// schedule line under a month ("October: DILT reviews the data") does not,
/// nor the prose about the list.
#[test]
fn timeline_benchmarks_count_and_schedule_lines_do_not() {
    let blocks = with_monitoring(vec![
        para("Benchmarks:"),
        para("November: District: 60% of classrooms use the new texts in observed lessons."),
        para("January: School: 50% of students score proficient on the mid-unit task."),
        para("March: walkthroughs find discussion in 70% of classrooms."),
        para("May: ML students gain 9 points on i-Ready."),
        para("The deputy superintendent monitors district benchmarks every six weeks."),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 4);
    let blocks = with_monitoring(vec![
        para("Benchmarks:"),
        bullet("60% of classrooms use the new texts."),
        bullet("50% of students score proficient on the unit task."),
        para("Schedule:"),
        bullet("October: DILT reviews walkthrough data"),
        bullet("February: principals meet with coaches"),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 2);
}

/// Column headers in the district's own words stand for the sections the
/// guidance's order leaves them, before, between and after the named ones;
/// an answer that points to another priority's is marked as such.
#[test]
fn own_words_section_columns_are_placed_by_order() {
    let headers = [
        "Initiative",
        "Strategic Focus",
        "Diagnostic Findings",
        "Stakeholder Engagement",
        "Outcomes",
        "Role Clarity",
        "Monitoring",
        "Resourcing & Partnerships",
        "Tiered School Support",
    ];
    let mut blocks: Vec<Block> = headers.iter().enumerate().map(|(c, h)| cell(0, 0, c, h)).collect();
    for row in 1..=2 {
        blocks.push(cell(0, row, 0, &format!("Initiative {row}")));
        for col in 1..headers.len() {
            let text = if row == 2 && col == 2 { "Same as Priority 1" } else { ANSWER };
            blocks.push(cell(0, row, col, text));
        }
    }
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    let analysis = &sub.sections[1];
    assert!(analysis.parts.iter().any(|p| p.priority == Some(2) && p.reference));
    assert!(analysis.parts.iter().any(|p| p.priority == Some(1) && !p.reference));
}

/// A title given in two languages ("Resultados / Outcomes") names the section
/// its known half names.
#[test]
fn a_title_in_two_languages_names_its_section() {
    let titles = [
        "Prioridades / Priority(ies)",
        "Análisis de fortalezas y desafíos / Analysis of Strengths and Challenges",
        "Participación de la comunidad / Stakeholder Engagement",
        "Resultados / Outcomes",
        "Claridad de roles / Role Clarity",
        "Monitoreo / Monitoring Implementation",
        "Recursos / Resources",
        "Diferenciación / Differentiation",
    ];
    let mut blocks = Vec::new();
    for t in titles {
        blocks.push(bold(t));
        blocks.push(para(ANSWER));
    }
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
}

/// A section answered only by a pointer to another ("See section 2 above.")
/// refers to it; any other short answer does not.
#[test]
fn a_section_that_points_to_another_refers_to_it() {
    let mut blocks = headed_plan();
    let at = blocks.iter().position(|b| b.text == "3. Stakeholder Engagement").unwrap() + 1;
    blocks[at] = para("See section 2 above.");
    let sub = mapper().map(&doc(blocks.clone()));
    assert_eq!(sub.sections[2].refers_to, Some(1));
    assert_eq!(sub.sections[2].state, SectionState::Present);
    blocks[at] = para("We met with families twice.");
    assert_eq!(mapper().map(&doc(blocks)).sections[2].refers_to, None);
}

/// Question headings with a sub-heading of the same style inside one
/// section ("Interim benchmarks" under "How will we know it's working?"),
/// and a priority headed like them inside section 1: every section is found
/// and section 1 keeps its priority's words.
#[test]
fn question_headings_with_a_sub_heading_and_a_headed_priority() {
    let questions = [
        "What are we focusing on next year?",
        "What told us this was the right focus?",
        "Who did we hear from, and what did they tell us?",
        "What will success look like in June?",
        "Who does what?",
        "How will we know it is working?",
        "Interim benchmarks",
        "What will we use to get it done?",
        "Which schools get extra help?",
    ];
    let answer = "Our district team wrote this answer with enough words to be a real response to the question.";
    let mut blocks = Vec::new();
    for (k, q) in questions.iter().enumerate() {
        blocks.push(heading(2, q));
        if k == 0 {
            blocks.push(heading(2, "Priority 1: Grade-level, culturally sustaining reading instruction in K-5"));
        }
        blocks.push(para(answer));
    }
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert!(section_text(&sub, 0).contains(answer));
    assert_eq!(sub.priority_count(), 1);
}

/// A timeline of bullets after a sentence about the benchmarks: schedule
/// lines among them are skipped, not the end of the list.
#[test]
fn a_schedule_line_inside_a_timeline_does_not_end_it() {
    let blocks = with_monitoring(vec![
        para("Benchmarks are reviewed by the cabinet every six weeks and by each ILT monthly."),
        bullet("September: DLT meets the first Monday of every month to review data"),
        bullet("November: Each school: 90% of teacher teams complete a unit protocol"),
        bullet("December: Mid-year progress monitoring meeting with the regional team"),
        bullet("January: District walkthroughs: percent of classrooms on grade-level tasks rises to 60%"),
        bullet("March: Each school: at least 80% of observed classrooms show the look-fors"),
    ]);
    assert_eq!(mapper().map(&doc(blocks)).benchmark_count(), 3);
}

/// Question headings in another order than the guidance's are placed by
/// what they head: each answer's words point to its section.
#[test]
fn reordered_question_headings_are_placed_by_their_answers() {
    let plan = [
        (
            "What are we going to focus on?",
            "Our priority is to focus on culturally sustaining, grade-level literacy; students will experience daily discussion of texts.",
        ),
        (
            "What will be different by June?",
            "We will meet our accountability targets in the aggregate and for student groups, and we will track other data points.",
        ),
        (
            "What told us this was the right focus?",
            "MCAS results showed 29% met expectations; walkthrough observations and survey results showed the root causes.",
        ),
        (
            "Who does what",
            "Central office will coach principals; principals will observe weekly; teachers will plan together, each role clear.",
        ),
        (
            "Who did we hear from, and what did they say?",
            "We surveyed 300 families, held focus groups with students, and heard input and feedback from community partners.",
        ),
        (
            "How will we know it is working?",
            "Benchmarks: 60% of classrooms use the texts by January; the cabinet will monitor progress every six weeks.",
        ),
        (
            "Which schools get extra help, and what kind?",
            "Lincoln Elementary and Washington Middle School, identified schools, will receive additional support and intensive coaching.",
        ),
        (
            "What will we use to get it done?",
            "Title I funding pays for two coaches and our partner provides training; the budget review found inequities we will fix.",
        ),
    ];
    let mut blocks = Vec::new();
    for (q, a) in plan {
        blocks.push(heading(2, q));
        blocks.push(para(a));
    }
    let sub = mapper().map(&doc(blocks.clone()));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert!(section_text(&sub, 1).contains("MCAS"));
    assert!(section_text(&sub, 7).contains("Lincoln"));
    assert!(section_text(&sub, 6).contains("Title I"));
    // Seven such headings are not placed: which section is left out cannot be told.
    blocks.drain(12..14);
    assert!(!all_present(&mapper().map(&doc(blocks))));
}

/// A priority under another name that borrows the guidance's words is still
/// the district's statement, and counts.
#[test]
fn a_strategy_in_the_guidance_words_is_a_priority() {
    let mut blocks = headed_plan();
    blocks[1] = para("Strategy 1: Culturally and linguistically sustaining literacy instruction in every classroom.");
    blocks.insert(2, para("Strategy 2: Strengthening the learning environment and students' sense of belonging"));
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 2);
}

/// A priority labelled in two languages ("Prioridad 1 / Priority 1:") is a
/// priority statement.
#[test]
fn a_priority_labelled_in_two_languages_counts() {
    let mut blocks = headed_plan();
    blocks[1] =
        para("Prioridad 1 / Priority 1: Instrucción culturalmente sostenible / culturally sustaining instruction.");
    blocks.insert(2, para("Prioridad 2 / Priority 2: Sentido de pertenencia / sense of belonging."));
    assert_eq!(mapper().map(&doc(blocks)).priority_count(), 2);
}

/// A deck's slide per priority under each section's slide: "Priority 1: ..."
/// titled at the section titles' own level, over bullets, splits that section.
#[test]
fn a_priority_slide_at_the_section_level_over_text_splits_the_open_section() {
    let mut blocks = Vec::new();
    for title in GUIDANCE_TITLES {
        blocks.push(heading(1, title));
        blocks.push(para("Each priority's answer is on its own slide."));
        for n in 1..=2 {
            blocks.push(heading(1, &format!("Priority {n}: Early literacy")));
            blocks.push(bullet(ANSWER));
        }
    }
    let sub = mapper().map(&doc(blocks));
    assert!(all_present(&sub), "{:?}", states(&sub));
    for section in &sub.sections[1..] {
        assert_eq!(section.priorities(), vec![1, 2], "section {}", section.index);
        assert!(section_text(&sub, section.index).contains("every school"), "section {}", section.index);
    }
}

/// An agenda slide lists the eight titles one under the other; the sections
/// stand on the slides after it, one of them left out by the district.
#[test]
fn an_agenda_listing_the_sections_names_none_of_them() {
    let mut blocks = vec![heading(1, "Agenda")];
    blocks.extend(GUIDANCE_TITLES.iter().map(|t| heading(3, t)));
    for (i, title) in GUIDANCE_TITLES.iter().enumerate().filter(|&(i, _)| i != 2) {
        blocks.push(heading(1, title));
        blocks.push(para(if i == 0 { "Priority 1: Grade-level literacy for every K-3 student." } else { ANSWER }));
    }
    let sub = mapper().map(&doc(blocks));
    let mut want = vec![SectionState::Present; 8];
    want[2] = SectionState::Missing;
    assert_eq!(states(&sub), want);
}

/// Section 1 as a table with a "Priority" column: one priority a row.
#[test]
fn a_priority_column_in_section_one_counts_its_rows() {
    let mut blocks = vec![heading(1, "1. Priority(ies)")];
    for (col, text) in ["Priority", "Shift in educator practice", "What students will experience"].iter().enumerate() {
        blocks.push(cell(0, 0, col, text));
    }
    for row in 1..=2 {
        blocks.push(cell(0, row, 0, &format!("{row}. Grade-level mathematics instruction in grades 3-8")));
        blocks.push(cell(0, row, 1, "Launch rich tasks and orchestrate discourse"));
        blocks.push(cell(0, row, 2, "Daily math talk on grade-level problems"));
    }
    blocks.extend(headed_plan().into_iter().skip(2));
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.priority_count(), 2);
}

/// A short title set off unlike the others ("Stakeholders" in bold where the
/// rest are headings) heads the section no heading names, in its place.
#[test]
fn a_short_title_set_off_otherwise_heads_the_section_left_unnamed() {
    let mut blocks = headed_plan();
    blocks[4] = bold("Stakeholders");
    let sub = mapper().map(&doc(blocks.clone()));
    assert!(all_present(&sub), "{:?}", states(&sub));
    assert!(section_text(&sub, 1).starts_with("We will"), "{}", section_text(&sub, 1));
    // Out of its place (after Outcomes) it heads nothing.
    blocks.swap(4, 6);
    blocks.swap(5, 7);
    let sub = mapper().map(&doc(blocks));
    assert_ne!(sub.sections[2].state, SectionState::Present);
}

/// A slide per priority holding a table of its sections ("Outcomes | ...",
/// "Monitoring | ..."), a footer line under each slide's title: each title
/// heads the table under it, not a part of the section before.
#[test]
fn a_priority_title_over_a_table_of_its_sections_heads_them() {
    let mut blocks = vec![heading(1, "1. Priority(ies)"), para(ANSWER)];
    for n in 1..=2 {
        blocks.push(heading(1, &format!("Priority {n}: Early literacy")));
        blocks.push(para("Granite Ridge · FY26"));
        for (row, label) in ["Outcomes", "Monitoring"].into_iter().enumerate() {
            blocks.push(cell(n, row, 0, label));
            blocks.push(cell(n, row, 1, ANSWER));
        }
    }
    let sub = mapper().map(&doc(blocks));
    assert_eq!(sub.sections[3].priorities(), vec![1, 2]);
    assert_eq!(sub.sections[5].priorities(), vec![1, 2]);
}
