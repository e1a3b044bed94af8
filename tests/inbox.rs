//! The reviewer's inbox: emails, Outlook messages, archives and folders in
//! one run, with companions, districts, duplicates and missing districts.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use ssos_fixtures::{Layout, Plan, SectionId, SheetShape, bad, docx, mail, xlsx};

fn run(args: &[&str]) -> (i32, Value) {
    let out = Command::cargo_bin("ssos-lint").unwrap().args(args).output().unwrap();
    let json =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap_or(-1), json)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A workbook holding only the benchmark table, as districts send beside a narrative.
fn benchmark_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Benchmarks").unwrap();
    let rows = [
        ["Benchmark", "Level", "Who monitors", "Frequency", "Data source"],
        ["70% of lessons use grade-level texts", "District", "DILT", "Quarterly", "Learning walks"],
        ["Every ILT completes three cycles on student work", "School", "Principals", "Monthly", "ILT notes"],
        [
            "English learners on track in i-Ready rises 8 points",
            "District",
            "Director of ELA",
            "Three times a year",
            "i-Ready",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *value).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn files(json: &Value) -> &Vec<Value> {
    json["files"].as_array().unwrap()
}

#[test]
fn a_companion_workbook_answers_the_section_the_narrative_lacks() {
    let narrative = docx(&Plan::complete("Lowell").without(SectionId::Monitoring), Layout::HeadingStyles);
    let message = mail::eml(
        "Jane Doe <jdoe@lowell.k12.ma.us>",
        "Lowell SSoS submission",
        "Attached are our narrative and benchmark table.",
        &[("Lowell narrative.docx", &narrative), ("Benchmarks.xlsx", &benchmark_workbook())],
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "lowell.eml", &message);
    let (code, json) = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    let entries = files(&json);
    assert_eq!(entries.len(), 2, "{json:#}");
    let doc = entries.iter().find(|f| f["attachment"] == "Lowell narrative.docx").expect("narrative entry");
    assert_eq!(doc["status"], "pass", "{doc:#}");
    assert_eq!(doc["companions"][0]["section"], "monitoring");
    assert_eq!(doc["companions"][0]["attachment"], "Benchmarks.xlsx");
    assert_eq!(doc["district"], "Lowell");
    let book = entries.iter().find(|f| f["attachment"] == "Benchmarks.xlsx").unwrap();
    assert_eq!(book["district"], "Lowell", "district from the email");
    assert_eq!(book["benchmarks"]["count"], 3);
    assert_eq!(code, 0);
}

#[test]
fn a_folder_of_emails_archives_and_broken_files_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "inbox/springfield.eml", &mail::submission_eml(&Plan::complete("Springfield"), Layout::TemplateTable));
    write(d, "inbox/athol.msg", &mail::submission_msg(&Plan::complete("Athol-Royalston"), Layout::BoldLabels));
    let zipped = mail::zip_archive(&[
        ("Chelsea/plan.docx", &docx(&Plan::complete("Chelsea"), Layout::AutoNumbered)),
        ("Fitchburg/plan.xlsx", &xlsx(&Plan::complete("Fitchburg"), SheetShape::FormSheet)),
    ]);
    write(d, "drive/bundle.zip", &zipped);
    // Content-control plans once mapped differently from run to run (a hash-order tie).
    for district in ["Boston", "Brockton", "Lowell"] {
        let plan = Plan::complete(district).blank(SectionId::RoleClarity, "TBD");
        write(d, &format!("cc/{district}.docx"), &docx(&plan, Layout::ContentControls));
    }
    write(d, "drive/broken.docx", &bad::truncated_docx());
    write(d, "drive/old.doc", &bad::legacy_doc());
    write(d, "drive/~$lock.docx", b"lock");
    write(d, "drive/.hidden.docx", b"hidden");
    write(d, "drive/notes.txt", b"not a submission");
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("drive"), d.join("drive/loop")).unwrap();

    let root = d.to_str().unwrap();
    let (code, json) = run(&["check", root, "--format", "json", "--jobs", "2"]);
    assert_eq!(code, 2, "unreadable inputs give exit 2");
    let entries = files(&json);
    let names: Vec<String> = entries
        .iter()
        .map(|f| {
            format!(
                "{}|{}",
                f["path"].as_str().unwrap().trim_start_matches(root),
                f["attachment"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(entries.len(), 9, "{names:#?}");
    let by_district =
        |name: &str| entries.iter().find(|f| f["district"] == name).unwrap_or_else(|| panic!("{name}: {names:#?}"));
    for district in ["Springfield", "Athol-Royalston", "Chelsea", "Fitchburg"] {
        assert_eq!(by_district(district)["status"], "pass", "{:#}", by_district(district));
    }
    assert!(by_district("Chelsea")["attachment"].as_str().unwrap().ends_with("Chelsea/plan.docx"));
    let errors: Vec<&Value> = entries.iter().filter(|f| f["status"] == "error").collect();
    assert_eq!(errors.len(), 2);
    let codes: Vec<&str> = errors.iter().map(|f| f["diagnostics"][0]["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"ssos::input::unreadable") && codes.contains(&"ssos::input::unsupported"), "{codes:?}");

    // Neither the order nor the findings depend on scheduling or the process.
    for _ in 0..3 {
        let (_, one) = run(&["check", root, "--format", "json", "--jobs", "1"]);
        assert_eq!(one, json);
    }
}

#[test]
fn registry_lists_missing_districts_and_flags_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let early = mail::eml(
        "a@lowell.k12.ma.us",
        "Lowell plan (draft)",
        "Draft",
        &[("plan.docx", &docx(&Plan::complete("Lowell"), Layout::HeadingStyles))],
    );
    let late = mail::eml(
        "a@lowell.k12.ma.us",
        "Lowell plan (final)",
        "Final",
        &[("plan v2.docx", &docx(&Plan::complete("Lowell"), Layout::BoldLabels))],
    );
    // Dates decide which submission counts, not file names, and time zones
    // count: the draft's clock reads later (16:00 at +02:00 is 14:00 UTC)
    // than the final's (11:00 at -04:00 is 15:00 UTC).
    let fixture_date = "Date: Thu, 29 Jun 2023 16:42:07 -0400";
    let early = String::from_utf8(early).unwrap().replacen(fixture_date, "Date: Fri, 30 Jun 2023 16:00:00 +0200", 1);
    let late = String::from_utf8(late).unwrap().replacen(fixture_date, "Date: Fri, 30 Jun 2023 11:00:00 -0400", 1);
    write(d, "b-first.eml", late.as_bytes());
    write(d, "z-second.eml", early.as_bytes());
    write(d, "lynn.docx", &docx(&Plan::complete("Lynn"), Layout::HeadingStyles));
    let (_, json) = run(&["check", d.to_str().unwrap(), "--format", "json", "--expect", "ssos"]);
    let missing: Vec<&str> =
        json["missing_districts"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(missing.len(), 20, "{missing:?}");
    assert!(!missing.contains(&"Lowell") && !missing.contains(&"Lynn") && missing.contains(&"Boston"));
    let entries = files(&json);
    let draft = entries.iter().find(|f| f["path"].as_str().unwrap().ends_with("z-second.eml")).unwrap();
    let final_ = entries.iter().find(|f| f["path"].as_str().unwrap().ends_with("b-first.eml")).unwrap();
    assert!(draft["superseded_by"].as_str().unwrap().contains("b-first.eml"), "{draft:#}");
    assert!(final_.get("superseded_by").is_none(), "{final_:#}");
}

#[test]
fn a_batch_of_hundreds_of_submissions_finishes_without_error() {
    let dir = tempfile::tempdir().unwrap();
    let districts = ["Boston", "Brockton", "Chelsea", "Chicopee", "Fall River", "Lowell", "Lynn", "Taunton"];
    let mut n = 0;
    for (i, layout) in Layout::ALL.iter().enumerate() {
        for (j, district) in districts.iter().enumerate() {
            let plan = Plan::complete(district);
            write(dir.path(), &format!("{i:02}-{j}.docx"), &docx(&plan, *layout));
            n += 1;
        }
    }
    for (i, shape) in SheetShape::ALL.iter().enumerate() {
        for (j, district) in districts.iter().enumerate() {
            write(dir.path(), &format!("x{i}-{j}.xlsx"), &xlsx(&Plan::complete(district), *shape));
            n += 1;
        }
    }
    let (code, json) = run(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert!(n >= 140);
    assert_eq!(files(&json).len(), n);
    // One submission per district counts; the others are superseded, none fails.
    let summary = &json["summary"];
    let counted = summary["pass"].as_u64().unwrap() + summary["superseded"].as_u64().unwrap();
    assert_eq!(counted as usize, n, "{summary}");
    assert_eq!(summary["pass"].as_u64().unwrap() as usize, districts.len(), "{summary}");
    assert_eq!(summary["fail"], 0, "{summary}");
    assert_eq!(code, 0);
}

#[test]
fn hostile_inputs_inside_emails_and_archives_are_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let good = docx(&Plan::complete("Worcester"), Layout::HeadingStyles);
    let bomb = bad::zip_bomb_docx();
    let nested = mail::zip_archive(&[("inner.zip", &mail::zip_archive(&[("bomb.docx", &bomb)]))]);
    let message = mail::eml(
        "x@worcesterschools.net",
        "Worcester plan",
        "See attached",
        &[("plan.docx", &good), ("bundle.zip", &nested), ("laughs.docx", &bad::billion_laughs_docx())],
    );
    let path = write(dir.path(), "worcester.eml", &message);
    let (code, json) = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 2);
    let entries = files(&json);
    assert!(entries.iter().any(|f| f["attachment"] == "plan.docx" && f["status"] == "pass"), "{json:#}");
    let unreadable = entries.iter().filter(|f| f["diagnostics"][0]["code"] == "ssos::input::unreadable").count();
    assert!(unreadable >= 2, "{json:#}");
}
