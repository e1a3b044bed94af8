//! Tables however they are typed: a sheet whose header row stands under a
//! title and a prompt, and a table typed as text with `|` bars (in one
//! spreadsheet cell, or a markdown table pasted one paragraph per row).

mod common;

use common::*;

const MONITORING_ROWS: [[&str; 4]; 3] = [
    ["Observed lessons using grade-level texts reach 70%", "District", "Director of ELA", "Quarterly"],
    ["Every ILT completes three cycles of looking at student writing", "School", "Principal", "Monthly"],
    [
        "English learners on track in i-Ready reading rise by 8 points",
        "District",
        "Director of ELE",
        "Three times a year",
    ],
];

/// A workbook with one sheet per section of the clean plan; the monitoring
/// sheet is built by `monitoring`.
fn workbook(monitoring: impl Fn(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (i, (heading, body)) in clean_sections().into_iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(format!("Section {}", i + 1)).unwrap();
        sheet.write_string(0, 0, heading).unwrap();
        if heading.contains("Monitoring") {
            monitoring(sheet);
            continue;
        }
        for (r, line) in body.iter().enumerate() {
            sheet.write_string(r as u32 + 1, 0, *line).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn monitoring_notes(sheet: &mut rust_xlsxwriter::Worksheet, from: u32) {
    let notes =
        ["Principals and their ILTs analyze student writing samples every cycle, and teachers bring work to planning."];
    for (i, note) in notes.iter().enumerate() {
        sheet.write_string(from + i as u32, 0, *note).unwrap();
    }
}

/// A monitoring sheet: a prompt line, then "Benchmark | Lvl | Owner | How
/// often" under it, levels abbreviated (so only the column's header says
/// what they are) and each written as `level` gives it.
fn abbreviated_levels(level: impl Fn(&str) -> &str) -> Vec<u8> {
    workbook(|sheet| {
        sheet
            .write_string(1, 0, "What benchmarks will you track, at which level, who monitors them and how often?")
            .unwrap();
        for (c, h) in ["Benchmark", "Lvl", "Owner", "How often"].iter().enumerate() {
            sheet.write_string(2, c as u16, *h).unwrap();
        }
        for (r, row) in MONITORING_ROWS.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let cell = match level(cell) {
                    "District" => "Dist.",
                    "School" => "Sch.",
                    other => other,
                };
                sheet.write_string(3 + r as u32, c as u16, cell).unwrap();
            }
        }
        monitoring_notes(sheet, 7);
    })
}

#[test]
fn a_sheet_header_row_under_its_title_and_prompt_labels_the_columns() {
    let report = check("plan.xlsx", &abbreviated_levels(|cell| cell));
    assert!(!has(&report, "ssos::monitoring::level-missing"), "{}", summary(&report));
    assert!(!has(&report, "ssos::monitoring::no-frequency"), "{}", summary(&report));
    assert_eq!(report.benchmarks.count, 3, "{}", summary(&report));

    // The same sheet with no school-level row is still reported.
    let district_only = abbreviated_levels(|cell| if cell == "School" { "District" } else { cell });
    let report = check("plan.xlsx", &district_only);
    let d = find(&report, "ssos::monitoring::level-missing", None)
        .unwrap_or_else(|| panic!("no school level should be reported\n{}", summary(&report)));
    assert_eq!(d.items, ["school"]);
}

fn typed_table(rows: &[[&str; 4]]) -> Vec<String> {
    let mut lines = vec!["| Benchmark | Level | Owner | How often |".to_string(), "|---|---|---|---|".to_string()];
    lines.extend(rows.iter().map(|r| format!("| {} |", r.join(" | "))));
    lines
}

#[test]
fn a_markdown_table_pasted_one_paragraph_per_row_is_a_table() {
    let lines = typed_table(&MONITORING_ROWS);
    let mut body: Vec<&str> = vec!["We will track three interim benchmarks:"];
    body.extend(lines.iter().map(String::as_str));
    body.push("Principals and their ILTs analyze student writing samples every cycle.");
    let report = check("plan.docx", &plan_docx(&[("Monitoring", Some(body))]));
    assert!(!has(&report, "ssos::monitoring::level-missing"), "{}", summary(&report));
    assert_eq!(report.benchmarks.count, 3, "{}", summary(&report));
}

#[test]
fn a_table_typed_in_one_cell_is_read_by_its_columns() {
    let table = typed_table(&MONITORING_ROWS).join("\n");
    let book = workbook(|sheet| {
        sheet.write_string(1, 0, &table).unwrap();
        monitoring_notes(sheet, 2);
    });
    let report = check("plan.xlsx", &book);
    assert!(!has(&report, "ssos::monitoring::level-missing"), "{}", summary(&report));
    assert_eq!(report.benchmarks.count, 3, "{}", summary(&report));

    // Without the level column, the levels are reported missing.
    let bare: Vec<String> = std::iter::once("Benchmark | Owner".to_string())
        .chain(MONITORING_ROWS.iter().map(|r| format!("{} | {}", r[0], r[2])))
        .collect();
    let book = workbook(|sheet| {
        sheet.write_string(1, 0, bare.join("\n")).unwrap();
        monitoring_notes(sheet, 2);
    });
    let report = check("plan.xlsx", &book);
    assert!(has(&report, "ssos::monitoring::level-missing"), "{}", summary(&report));
}

/// One sheet laid out as the agency's form: "Section | Guiding question |
/// District response", section 5 answered by a small table in the
/// response columns (the form's first columns empty beside it).
fn form_sheet(role_rows: &[[&str; 2]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Lowell Public Schools: District Prioritization Submission").unwrap();
    for (c, h) in ["Section", "Guiding question", "District response"].iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let mut row = 2u32;
    for (heading, body) in clean_sections() {
        sheet.write_string(row, 0, heading).unwrap();
        sheet.write_string(row, 1, "See the guidance.").unwrap();
        if heading.contains("Role") {
            sheet.write_string(row, 2, "Our strategy is a role map shared at the August institute.").unwrap();
            row += 1;
            sheet.write_string(row, 2, "Role").unwrap();
            sheet.write_string(row, 3, "What we will do consistently").unwrap();
            for [who, what] in role_rows {
                row += 1;
                sheet.write_string(row, 2, *who).unwrap();
                sheet.write_string(row, 3, *what).unwrap();
            }
            row += 2;
            continue;
        }
        sheet.write_string(row, 2, body.join("\n")).unwrap();
        row += 2;
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_table_in_the_response_column_is_labelled_by_its_own_first_column() {
    let rows = [
        ["District office", "Biweekly principal coaching; monthly joint learning walks; protect PD days"],
        ["Principals and APs", "Lead ILT cycles every six weeks; weekly observation and feedback"],
        ["Classroom teachers", "Internalize units; use built-in scaffolds; bring student work to team meetings"],
    ];
    let report = check("plan.xlsx", &form_sheet(&rows));
    assert!(!has(&report, "ssos::roles::level-missing"), "{}", summary(&report));
    let report = check("plan.xlsx", &form_sheet(&rows[..2]));
    let d = find(&report, "ssos::roles::level-missing", None)
        .unwrap_or_else(|| panic!("teachers should be reported\n{}", summary(&report)));
    assert_eq!(d.items, ["teachers"]);
}
