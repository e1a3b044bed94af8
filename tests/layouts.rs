//! Sections come out right (present, missing, empty) in every layout
//! districts use, for DOCX and XLSX, on real generated files.

mod common;

use common::*;
use ssos_fixtures::{Layout, Plan, SectionId, SheetShape, docx, xlsx};
use ssos_lint::report::SectionState;

const PLACEHOLDERS: [&str; 4] = ["", "Click or tap here to enter text.", "[Insert response here]", "TBD"];

fn expect_states(name: &str, bytes: &[u8], plan: &Plan, failures: &mut Vec<String>) {
    let report = check(name, bytes);
    for s in SectionId::ALL {
        // A benchmark table answers section 6 (who monitors what, how often)
        // even when the narrative row for it is gone or blank.
        let table_answers =
            name.starts_with("benchmarks-") && s == SectionId::Monitoring && !plan.benchmarks.is_empty();
        let expected = if table_answers {
            SectionState::Present
        } else if !plan.has(s) {
            SectionState::Missing
        } else if plan.is_blank(s) {
            SectionState::Empty
        } else {
            SectionState::Present
        };
        let got = state(&report, s.id());
        if got != expected {
            failures.push(format!("{name}: {} expected {expected:?}, got {got:?}", s.id()));
        }
    }
}

fn variants() -> Vec<(String, Plan)> {
    let mut out = vec![("complete".to_string(), Plan::complete("Lowell"))];
    for (i, s) in SectionId::ALL.into_iter().enumerate() {
        out.push((format!("without-{}", s.id()), Plan::complete("Lynn").without(s)));
        let placeholder = PLACEHOLDERS[i % PLACEHOLDERS.len()];
        out.push((format!("blank-{}", s.id()), Plan::complete("Taunton").blank(s, placeholder)));
    }
    out
}

#[test]
fn every_docx_layout_maps_present_missing_and_empty_sections() {
    let mut failures = Vec::new();
    let mut total = 0;
    for layout in Layout::ALL {
        for (variant, plan) in variants() {
            let name = format!("{}-{variant}.docx", layout.slug());
            expect_states(&name, &docx(&plan, layout), &plan, &mut failures);
            total += 8;
        }
    }
    assert!(failures.is_empty(), "{} of {total} section states wrong:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_sheet_shape_maps_present_missing_and_empty_sections() {
    let mut failures = Vec::new();
    for shape in SheetShape::ALL {
        for (variant, plan) in variants() {
            let name = format!("{}-{variant}.xlsx", shape.slug());
            expect_states(&name, &xlsx(&plan, shape), &plan, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{} section states wrong:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn complete_plans_have_no_errors_in_any_layout() {
    for layout in Layout::ALL {
        let plan = Plan::complete("Worcester");
        let report = check(&format!("{}.docx", layout.slug()), &docx(&plan, layout));
        assert_eq!(report.status, ssos_lint::report::Status::Pass, "{}", summary(&report));
        assert!(report.priorities.count >= 1, "{}", summary(&report));
    }
}

/// The clean plan's paragraphs under other headings: `heading(i, title)` gives
/// the heading paragraph for section `i` (0-based) with the guidance title.
fn plan_with(heading: impl Fn(usize, &'static str) -> Vec<Para<'static>>) -> Vec<Para<'static>> {
    let mut paras = vec![Para::T("Chelsea Public Schools — District Prioritization Submission")];
    for (i, (title, body)) in clean_sections().into_iter().enumerate() {
        paras.extend(heading(i, title));
        paras.extend(body.into_iter().map(Para::T));
    }
    paras
}

fn all_present(paras: &[Para]) -> ssos_lint::report::FileReport {
    let report = check("plan.docx", &simple_docx(paras));
    for s in &report.sections {
        assert_eq!(s.state, SectionState::Present, "{}: {}", s.id, summary(&report));
    }
    report
}

const PARAPHRASES: [&str; 8] = [
    "Our Instructional Focus Areas",
    "Our Data Story",
    "Engaging Our Community",
    "Goals and Targets",
    "Who Does What",
    "Tracking Our Progress",
    "Leveraging Resources",
    "Supports for Schools",
];

#[test]
fn paraphrased_headings_are_placed_by_number_or_keywords() {
    // Numbered: the number places the heading whatever its words.
    all_present(&plan_with(|i, _| vec![Para::H(Box::leak(format!("{}. {}", i + 1, PARAPHRASES[i]).into_boxed_str()))]));
    // Unnumbered: the section's keywords place it.
    all_present(&plan_with(|i, _| vec![Para::H(PARAPHRASES[i])]));
}

#[test]
fn inline_bold_labels_head_their_sections() {
    let mut paras = vec![Para::T("Chelsea Public Schools")];
    for (title, body) in clean_sections() {
        let label: &'static str = Box::leak(format!("{}:", title.split_once(". ").unwrap().1).into_boxed_str());
        paras.push(Para::B(label, body[0]));
        paras.extend(body[1..].iter().map(|p| Para::T(p)));
    }
    all_present(&paras);
}

#[test]
fn contents_lines_and_appendices_are_not_sections() {
    let mut paras = vec![Para::T("Chelsea Public Schools"), Para::T("Table of Contents")];
    for (i, (title, _)) in clean_sections().into_iter().enumerate() {
        paras.push(Para::T(Box::leak(format!("{title}\t{}", i + 2).into_boxed_str())));
    }
    paras.push(Para::T("Dear colleagues, we are pleased to share our plan with the Statewide System of Support."));
    for (title, body) in clean_sections() {
        paras.push(Para::H(title));
        let body = if title.starts_with("8.") { vec!["TBD"] } else { body };
        paras.extend(body.into_iter().map(Para::T));
    }
    paras.push(Para::H("Appendix A: Data Tables"));
    paras.push(Para::T(
        "Grade 3 ELA: 31% meeting expectations at Jefferson Elementary School and 28% at Lincoln Middle School.",
    ));
    let report = check("toc.docx", &simple_docx(&paras));
    assert_eq!(state(&report, "differentiation"), SectionState::Empty, "{}", summary(&report));
    for id in ["priorities", "analysis", "stakeholder_engagement", "monitoring"] {
        assert_eq!(state(&report, id), SectionState::Present, "{}", summary(&report));
    }
    let first = report.section("priorities").unwrap().location.as_ref().unwrap().paragraph.unwrap();
    assert!(first > 11, "the heading, not the contents line: paragraph {first}");
}

#[test]
fn a_bold_appendix_ends_the_last_section() {
    let mut paras = vec![Para::T("Chelsea Public Schools")];
    for (title, body) in clean_sections() {
        let label: &'static str = Box::leak(format!("{title}:").into_boxed_str());
        let body = if title.starts_with("8.") { vec!["TBD"] } else { body };
        paras.push(Para::B(label, ""));
        paras.extend(body.into_iter().map(Para::T));
    }
    paras.push(Para::B("Appendix A: Data tables", ""));
    paras.push(Para::T("Jefferson Elementary School: 31% of students met expectations in ELA in 2022."));
    let report = check("appendix.docx", &simple_docx(&paras));
    assert_eq!(state(&report, "differentiation"), SectionState::Empty, "{}", summary(&report));
    assert_eq!(state(&report, "resources"), SectionState::Present, "{}", summary(&report));
}
