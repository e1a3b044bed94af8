//! A workbook laid out as a form: a sheet per section, its numbered title in
//! the first row, then a bold label beside each answer. The labels under a
//! title are its sub-labels, even when one of them ("Community input",
//! "Analysis of student work") could name a section of its own.

mod common;

use common::*;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

const STAKEHOLDER_ROWS: [(&str, &str); 7] = [
    ("Student input", "Students on the student council said they want more discussion in class."),
    ("Family input", "Families answered a survey in three languages and asked for take-home books."),
    ("Educator input", "Teachers told us in a staff survey that they need time to plan together."),
    ("School leader input", "Principals reviewed two drafts of the plan and changed the benchmarks."),
    ("Community input", "The public library offered summer reading programming that uses the same routines."),
    ("Input from identified schools", "At Jefferson Elementary School, an identified school, staff asked for a coach."),
    ("Ongoing engagement", "Stakeholder representatives will join the quarterly progress reviews."),
];

const BENCHMARK_ROWS: [[&str; 4]; 3] = [
    ["Percent of classrooms using grade-level texts on learning walks", "District", "Director of ELA", "Quarterly"],
    ["Every ILT completes three cycles of instructional rounds", "School", "Principal", "Monthly"],
    [
        "English learners on track in i-Ready reading rise by 8 points",
        "District",
        "Director of ELE",
        "Three times a year",
    ],
];

/// The clean plan as a form, with the stakeholder and monitoring sheets as
/// label | answer rows; `student_work_row` adds the monitoring form's last
/// prompt under its benchmark table.
fn form_workbook(student_work_row: bool) -> Vec<u8> {
    let bold = Format::new().set_bold();
    let mut book = Workbook::new();
    for (i, (heading, body)) in clean_sections().into_iter().enumerate() {
        let sheet = book.add_worksheet();
        // Sheet names that name no section: the title row must.
        sheet.set_name(format!("Tab {}", i + 1)).unwrap();
        sheet.write_string_with_format(0, 0, heading, &bold).unwrap();
        match i {
            2 => labelled_rows(sheet, &bold, &STAKEHOLDER_ROWS),
            5 => monitoring_form(sheet, &bold, student_work_row),
            _ => {
                for (r, line) in body.iter().enumerate() {
                    sheet.write_string(r as u32 + 2, 0, *line).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn labelled_rows(sheet: &mut Worksheet, bold: &Format, rows: &[(&str, &str)]) {
    for (r, (label, answer)) in rows.iter().enumerate() {
        sheet.write_string_with_format(r as u32 + 2, 0, *label, bold).unwrap();
        sheet.write_string(r as u32 + 2, 1, *answer).unwrap();
    }
}

fn monitoring_form(sheet: &mut Worksheet, bold: &Format, student_work_row: bool) {
    for (c, h) in ["Interim benchmark", "Level", "Person responsible", "Frequency"].iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *h, bold).unwrap();
    }
    for (r, row) in BENCHMARK_ROWS.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(3 + r as u32, c as u16, *cell).unwrap();
        }
    }
    if student_work_row {
        sheet.write_string_with_format(6, 0, "Analysis of student work", bold).unwrap();
        sheet
            .write_string(6, 1, "ILTs will analyze student writing samples each cycle with the curriculum rubric.")
            .unwrap();
    }
}

#[test]
fn a_numbered_title_over_its_own_label_rows_heads_the_section() {
    let report = check("plan.xlsx", &form_workbook(true));
    // Every group's row is read as the section's: "Community input" does
    // not open the section after the other groups' rows.
    assert!(!has(&report, "ssos::stakeholders::group-missing"), "{}", summary(&report));
    for id in ["stakeholder_engagement", "monitoring", "analysis"] {
        assert_eq!(state(&report, id), ssos_lint::report::SectionState::Present, "{id}\n{}", summary(&report));
    }
}

#[test]
fn a_row_naming_an_earlier_section_inside_a_later_one_is_its_sub_label() {
    let with_row = check("plan.xlsx", &form_workbook(true));
    // The student-work prompt of the monitoring form answers monitoring,
    // and is neither a fourth benchmark nor part of the analysis.
    assert!(!has(&with_row, "ssos::monitoring::no-student-work"), "{}", summary(&with_row));
    assert_eq!(with_row.benchmarks.count, 3, "{}", summary(&with_row));

    // Without that row, monitoring says nothing of student work.
    let without = check("plan.xlsx", &form_workbook(false));
    assert!(has(&without, "ssos::monitoring::no-student-work"), "{}", summary(&without));
    assert_eq!(without.benchmarks.count, 3, "{}", summary(&without));
}
