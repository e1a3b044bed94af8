//! Hostile and unlucky inputs (issue 12): every class ends in a report for
//! itself and for the good plan beside it in the same run. Time and memory
//! are bounded by the readers' pre-checks, the per-file budget and the
//! worker process per file; they are measured, never asserted here.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use ssos_fixtures::{Layout, Plan};

fn bin() -> Command {
    Command::cargo_bin("ssos-lint").expect("binary built")
}

/// Runs `check --format json` over `dir`; returns the exit code and report.
fn check_dir(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let out = bin().args(["check", "--format", "json", "-q"]).args(extra).arg(dir).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let json: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("no JSON report ({e}); stderr: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap_or(-1), json)
}

fn good_plan(dir: &Path) -> PathBuf {
    let path = dir.join("good-plan.docx");
    std::fs::write(&path, ssos_fixtures::docx(&Plan::complete("Lowell"), Layout::HeadingStyles)).expect("write");
    path
}

/// The reports of the run whose path ends with `name`.
fn reports_of<'a>(report: &'a Value, name: &str) -> Vec<&'a Value> {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter(|f| f["path"].as_str().is_some_and(|p| p.ends_with(name)))
        .collect()
}

fn input_messages(file: &Value) -> Vec<(String, String)> {
    file["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("ssos::input::")))
        .map(|d| (d["code"].as_str().unwrap_or("").to_string(), d["message"].as_str().unwrap_or("").to_string()))
        .collect()
}

fn assert_good_plan_passes(report: &Value) {
    let good = reports_of(report, "good-plan.docx");
    assert_eq!(good.len(), 1, "the good plan beside the hostile files is reported");
    assert_eq!(good[0]["status"], "pass", "{:#}", good[0]);
}

/// Every hostile class of the catalog, each in a run with a good plan
/// beside it (worker processes, the default).
#[test]
fn every_hostile_file_is_reported_and_so_is_the_good_plan_beside_it() {
    let catalog = ssos_fixtures::hostile::catalog();
    for chunk in catalog.chunks(5) {
        let dir = tempfile::tempdir().expect("tempdir");
        good_plan(dir.path());
        for bad in chunk {
            std::fs::write(dir.path().join(bad.name), &bad.bytes).expect("write");
        }
        let (code, report) = check_dir(dir.path(), &["--jobs", "2"]);
        assert_good_plan_passes(&report);
        for bad in chunk {
            let files = reports_of(&report, bad.name);
            assert!(!files.is_empty(), "{}: no report", bad.name);
            if let Some(expect) = bad.expect {
                let messages = input_messages(files[0]);
                assert!(messages.iter().any(|(c, _)| c == expect), "{}: expected {expect}, got {messages:?}", bad.name);
            }
        }
        if chunk.iter().any(|b| b.expect.is_some()) {
            assert_eq!(code, 2, "an unreadable input makes the exit code 2");
        }
    }
}

/// The grid bombs are refused before calamine allocates, naming the limit,
/// in this process (no worker involved).
#[test]
fn sheet_bombs_are_refused_naming_the_grid_limit() {
    let linter = ssos_lint::lint::Linter::new(
        ssos_lint::pack::builtin(),
        &ssos_lint::config::Config::default(),
        ssos_lint::read::Limits::default(),
    );
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("repeat.ods", ssos_fixtures::hostile::ods_repeat_bomb(), "table:number-rows-repeated"),
        ("rows.ods", ssos_fixtures::hostile::ods_row_repeat(), "1048001 rows"),
        ("spaces.ods", ssos_fixtures::hostile::ods_spaces(), "repeated spaces"),
        ("dims.xls", ssos_fixtures::hostile::xls_huge_dimensions(), "declares 2147483647 rows"),
        ("sparse.xls", ssos_fixtures::hostile::xls_sparse(), "16777216 cells"),
        ("sst.xlsx", ssos_fixtures::hostile::xlsx_shared_strings_count(), "4000000000 shared strings"),
    ];
    for (name, bytes, says) in cases {
        let reports = linter.check_bytes(name, &bytes);
        assert_eq!(reports.len(), 1, "{name}");
        let messages = input_messages(&serde_json::to_value(&reports[0]).expect("json"));
        assert!(
            messages.iter().any(|(c, m)| c == "ssos::input::unreadable" && m.contains(says)),
            "{name}: {messages:?}"
        );
        if !name.ends_with("spaces.ods") && !name.ends_with("sst.xlsx") {
            assert!(messages.iter().any(|(_, m)| m.contains("limit of 2000000 cells")), "{name}: {messages:?}");
        }
    }
}

/// A worker that runs out of time is killed; its file gets the time-budget
/// error and the good plan beside it is still reported.
#[test]
fn a_file_over_the_time_budget_is_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    good_plan(dir.path());
    std::fs::write(dir.path().join("slow.docx"), ssos_fixtures::hostile::docx_priority_lines(160_000)).expect("write");
    // A budget too short for the 160,000-line plan but ample for the good one.
    let (code, report) = check_dir(dir.path(), &["--time-budget", "0.3", "--jobs", "1"]);
    let slow = reports_of(&report, "slow.docx");
    assert_eq!(slow.len(), 1);
    let messages = input_messages(slow[0]);
    assert!(
        messages.iter().any(|(c, m)| c == "ssos::input::unreadable" && m.contains("0.3 s time budget")),
        "{messages:?}"
    );
    assert_eq!(code, 2);
    let good = reports_of(&report, "good-plan.docx");
    assert_eq!(good.len(), 1, "the good plan is reported");
}

/// A worker over the memory limit ends its own file only.
#[test]
fn a_file_over_the_memory_limit_is_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    good_plan(dir.path());
    std::fs::write(dir.path().join("long-run.docx"), ssos_fixtures::hostile::docx_long_run()).expect("write");
    // 100 MB holds a good plan (a debug build too) but not the 60 MB part
    // inflated plus its text.
    let (_, report) = check_dir(dir.path(), &["--max-memory", "100", "--jobs", "1", "--time-budget", "60"]);
    let big = reports_of(&report, "long-run.docx");
    assert_eq!(big.len(), 1);
    let messages = input_messages(big[0]);
    assert!(messages.iter().any(|(c, m)| c == "ssos::input::unreadable" && m.contains("memory limit")), "{messages:?}");
    assert_good_plan_passes(&report);
}

/// In-process and worker runs give the same reports for ordinary files.
#[test]
fn worker_and_in_process_reports_are_the_same() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let (a_code, a) = check_dir(&samples, &[]);
    let (b_code, b) = check_dir(&samples, &["--in-process"]);
    assert_eq!(a_code, b_code);
    assert_eq!(a["files"], b["files"]);
    assert!(a["files"].as_array().is_some_and(|f| f.len() > 10));
    // The human format quotes the extracted text, which the worker sends
    // beside the JSON report.
    let human = |extra: &[&str]| {
        let out = bin().args(["check", "--format", "human"]).args(extra).arg(&samples).output().expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (a, b) = (human(&[]), human(&["--in-process"]));
    assert!(a.contains("taunton-incomplete.docx"), "{a}");
    assert_eq!(a, b);
}

/// Workers are kept between files: one worker checks a run of files, and a
/// file that ends its worker costs that file only, the next file getting a
/// fresh worker.
#[test]
fn a_worker_checks_many_files_and_one_that_dies_takes_only_its_file() {
    use ssos_lint::isolate::Isolation;
    let dir = tempfile::tempdir().expect("tempdir");
    let good = good_plan(dir.path());
    let bomb = dir.path().join("many-priorities.docx");
    std::fs::write(&bomb, ssos_fixtures::hostile::docx_priority_lines(160_000)).expect("write");
    let limits = ssos_lint::read::Limits { time_budget: std::time::Duration::from_secs(60), ..Default::default() };
    let mut linter = ssos_lint::lint::Linter::new(ssos_lint::pack::builtin(), &Default::default(), limits.clone());
    let args = ["--max-file-bytes", &limits.max_file_bytes.to_string(), "--time-budget-ms", "60000"];
    let isolation = Isolation::with_exe(
        PathBuf::from(env!("CARGO_BIN_EXE_ssos-lint")),
        args.iter().map(Into::into).collect(),
        // Enough for the good plan (debug or release build); 160,000
        // priorities do not fit, and the worker dies of it.
        150 * 1024 * 1024,
    );
    linter.isolation = Some(isolation.clone());
    let status = |path: &Path| {
        let reports = linter.check_path(path);
        assert_eq!(reports.len(), 1);
        (reports[0].status, reports[0].diagnostics.iter().map(|d| d.code.clone()).collect::<Vec<_>>())
    };
    for _ in 0..4 {
        assert_eq!(status(&good).0, ssos_lint::report::Status::Pass);
    }
    assert_eq!(isolation.workers_started(), 1, "one worker for the first four files");
    let (bomb_status, codes) = status(&bomb);
    assert_eq!(bomb_status, ssos_lint::report::Status::Error, "{codes:?}");
    assert!(codes.iter().any(|c| c == "ssos::input::unreadable"), "{codes:?}");
    let message = &linter.check_path(&bomb)[0].diagnostics[0].message;
    assert!(message.contains("150 MB memory limit"), "the worker died of it: {message}");
    for _ in 0..4 {
        assert_eq!(status(&good).0, ssos_lint::report::Status::Pass);
    }
    assert_eq!(isolation.workers_started(), 3, "each bomb's worker died; one more after each");
    // Uploads go the same way.
    let bytes = std::fs::read(&good).unwrap();
    let reports = isolation.check_bytes(&linter, "upload.docx", &bytes);
    assert_eq!(reports[0].path, "upload.docx");
    assert_eq!(reports[0].status, ssos_lint::report::Status::Pass);
    assert_eq!(isolation.workers_started(), 3);
}

/// Inputs the fuzzers found (`fuzz/run.sh pdf`, `fuzz/run.sh any`): PDFs
/// on which the PDF crates panic (a missing object, a font's width table
/// one entry short). Each ends in its own diagnostic, with no panic text
/// on standard error, in a worker and in-process alike.
#[test]
fn fuzzer_finds_end_in_a_diagnostic() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for name in ["pdf-missing-object.pdf", "any-font-widths.pdf"] {
        for extra in [&[][..], &["--in-process"][..]] {
            let out = bin()
                .args(["check", "--format", "json", "-q"])
                .args(extra)
                .arg(fixtures.join(name))
                .output()
                .expect("runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{name} {extra:?}: {stderr}");
            assert_eq!(out.status.code(), Some(2), "{name} {extra:?}");
            let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
            let messages = input_messages(&report["files"][0]);
            assert!(messages.iter().any(|(c, _)| c == "ssos::input::unreadable"), "{name}: {messages:?}");
        }
    }
}
