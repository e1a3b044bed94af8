//! What the reviewer and CI get back: quiet runs, annotated copies, letters
//! and summaries, on the committed samples through the real binary.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn bin() -> Command {
    Command::cargo_bin("ssos-lint").expect("binary built")
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

fn run(args: &[&str]) -> (i32, String) {
    let out = bin().args(args).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).expect("utf-8 output"))
}

/// `-q` hides the progress bar and the human format's per-file text; it
/// never removes a finding from any format.
#[test]
fn quiet_keeps_every_finding_in_every_format() {
    let taunton = sample("taunton-incomplete.docx");
    let path = taunton.to_str().unwrap();
    let (code, json) = run(&["check", path, "--format", "json"]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&json).unwrap();
    let findings = report["files"][0]["diagnostics"].as_array().unwrap().len();
    assert!(findings >= 3, "{json}");
    let errors =
        report["files"][0]["diagnostics"].as_array().unwrap().iter().filter(|d| d["severity"] == "error").count();
    for format in ["json", "sarif", "junit", "github", "markdown", "csv", "text"] {
        let (loud_code, loud) = run(&["check", path, "--format", format]);
        let (quiet_code, quiet) = run(&["check", path, "--format", format, "-q"]);
        assert_eq!(loud_code, quiet_code, "{format}");
        match format {
            "json" => {
                let v: Value = serde_json::from_str(&quiet).unwrap();
                assert_eq!(v["files"][0]["diagnostics"].as_array().unwrap().len(), findings, "{quiet}");
            }
            "sarif" => {
                let v: Value = serde_json::from_str(&quiet).unwrap();
                assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), findings, "{quiet}");
            }
            "junit" => {
                let count = |s: &str| s.matches("<failure").count();
                assert!(count(&quiet) > 0 && count(&quiet) == count(&loud), "{quiet}");
            }
            "github" => {
                assert_eq!(quiet.lines().filter(|l| l.starts_with("::")).count(), findings, "{quiet}");
            }
            "csv" => {
                let row = quiet.lines().nth(1).unwrap();
                assert!(row.contains(&format!(",fail,{errors},")), "{row}");
            }
            _ => {}
        }
        // JUnit carries the run's time; the others are identical.
        if format != "junit" {
            assert_eq!(loud, quiet, "{format}: -q changed the output");
        }
    }
    // Human: the summary table stays, the per-file findings go.
    let (_, loud) = run(&["check", path]);
    let (code, quiet) = run(&["check", path, "-q"]);
    assert_eq!(code, 1);
    assert!(loud.contains("ssos::section::missing"), "{loud}");
    assert!(!quiet.contains("ssos::section::missing"), "{quiet}");
    assert!(quiet.contains("1 submission: 0 pass, 1 fail"), "{quiet}");
    assert!(quiet.lines().any(|l| l.starts_with("Taunton") && l.contains("FAIL")), "{quiet}");
}
