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

/// `--format docx --out DIR` and `--format markdown --out DIR`: one letter
/// per submission, named for its district, readable by the project's own
/// reader, with no rule code, local path or footnote.
#[test]
fn letters_one_per_submission_named_for_the_district() {
    let samples = sample("");
    let (_, json) = run(&["check", samples.to_str().unwrap(), "--format", "json"]);
    let report: Value = serde_json::from_str(&json).unwrap();
    let files = report["files"].as_array().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for format in ["docx", "markdown"] {
        let out = dir.path().join(format);
        let status = bin()
            .args(["check", samples.to_str().unwrap(), "--format", format, "--out", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(status.status.code(), Some(1), "{}", String::from_utf8_lossy(&status.stderr));
        let mut names: Vec<String> =
            std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert_eq!(names.len(), files.len(), "{names:?}");
        for f in files {
            let Some(district) = f["district"].as_str() else { continue };
            let stem = district.replace([' ', ','], "-");
            let ext = if format == "docx" { "docx" } else { "md" };
            let path = out.join(format!("{stem}.{ext}"));
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} in {names:?}", path.display()));
            let text = if format == "docx" {
                let doc = ssos_lint::read::read_document("letter.docx", &bytes, &Default::default())
                    .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
                doc.blocks.iter().map(|b| b.text.clone()).collect::<Vec<_>>().join("\n")
            } else {
                String::from_utf8(bytes).unwrap()
            };
            assert!(text.contains(&format!("Dear {district} leadership team,")), "{text}");
            assert!(!text.contains("ssos::") && !text.contains("[^"), "{text}");
            assert!(!text.contains("samples/") && !text.contains(env!("CARGO_MANIFEST_DIR")), "{text}");
            assert!(text.contains("Statewide System of Support"), "{text}");
            if f["status"] == "fail" {
                assert!(text.contains("Required"), "{text}");
                assert!(text.contains("The guidance asks: “"), "{text}");
            }
        }
    }
    // The Word letter of the failing plan names what it does well, quoted on a word boundary.
    let taunton = std::fs::read(dir.path().join("docx/Taunton.docx")).unwrap();
    let doc = ssos_lint::read::read_document("Taunton.docx", &taunton, &Default::default()).unwrap();
    let strength = doc.blocks.iter().find(|b| b.text.contains("3. Stakeholder Engagement")).unwrap();
    assert!(strength.text.contains("describes input from"), "{}", strength.text);
    let quote = strength.text.split('“').nth(1).unwrap();
    assert!(quote.ends_with('”'), "{quote}");
    let before_ellipsis = quote.trim_end_matches('”').trim_end_matches('…');
    assert!(!before_ellipsis.ends_with(char::is_whitespace), "{quote}");
    // A docx without --out is a usage error, not binary on the terminal.
    let taunton = sample("taunton-incomplete.docx");
    bin().args(["check", taunton.to_str().unwrap(), "--format", "docx"]).assert().code(2);
}

/// A Word letter opens in LibreOffice (skipped, with a note, without soffice).
#[test]
fn libreoffice_opens_a_word_letter() {
    let Some(soffice) = std::env::var_os("PATH")
        .and_then(|p| std::env::split_paths(&p).map(|d| d.join("soffice")).find(|p| p.is_file()))
    else {
        eprintln!("note: soffice not installed; LibreOffice check skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let taunton = sample("taunton-incomplete.docx");
    let out = dir.path().join("letters");
    bin()
        .args(["check", taunton.to_str().unwrap(), "--format", "docx", "--out", out.to_str().unwrap()])
        .assert()
        .code(1);
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    let status = std::process::Command::new(soffice)
        .args([profile.as_str(), "--headless", "--convert-to", "txt:Text", "--outdir", dir.path().to_str().unwrap()])
        .arg(out.join("Taunton.docx"))
        .output()
        .unwrap();
    assert!(status.status.success());
    let text = std::fs::read_to_string(dir.path().join("Taunton.txt")).unwrap();
    assert!(text.contains("Dear Taunton leadership team,"), "{text}");
    assert!(text.contains("What to strengthen"), "{text}");
}
