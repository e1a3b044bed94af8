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
