//! The real binary on real files: formats, exit codes, schemas, rules,
//! explain, extract and config.

mod common;

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn bin() -> Command {
    Command::cargo_bin("ssos-lint").expect("binary built")
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

fn run_json(args: &[&str]) -> (i32, Value) {
    let out = bin().args(args).output().expect("runs");
    let json: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap_or(-1), json)
}

fn schema(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas").join(format!("{name}.schema.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).expect("schema json")
}

fn assert_valid(schema_name: &str, instance: &Value) {
    let schema = schema(schema_name);
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let errors: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{schema_name}: {errors:#?}");
}

#[test]
fn committed_schemas_match_the_types() {
    for name in ["rules", "report", "submission"] {
        let out = bin().args(["schema", name]).output().unwrap();
        let generated: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            generated,
            schema(name),
            "schemas/{name}.schema.json drifted: run `ssos-lint schema {name} > schemas/{name}.schema.json`"
        );
    }
}

#[test]
fn json_report_of_every_sample_validates_against_the_schema() {
    let samples = sample("");
    let (code, json) = run_json(&["check", samples.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1, "the incomplete sample fails the run");
    assert_valid("report", &json);
    let files = json["files"].as_array().unwrap();
    assert!(files.len() >= 20, "{}", files.len());
    for f in files {
        assert_eq!(f["sections"].as_array().unwrap().len(), 8, "{}", f["path"]);
        let ids: Vec<&str> = f["sections"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
        assert_eq!(ids[0], "priorities");
        assert_eq!(ids[7], "differentiation");
    }
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["rules"]["id"], "ssos-district-priority-2023-24");
    let summary = &json["summary"];
    assert_eq!(summary["files"].as_u64().unwrap() as usize, files.len());
}

#[test]
fn exit_codes_follow_the_spec() {
    bin().args(["check", sample("lowell-heading-styles.docx").to_str().unwrap(), "--format", "json"]).assert().code(0);
    bin().args(["check", sample("taunton-incomplete.docx").to_str().unwrap(), "--format", "json"]).assert().code(1);
    // A warning fails only under --deny warnings.
    let everett = sample("everett-pasted-image.docx");
    bin().args(["check", everett.to_str().unwrap(), "--format", "json"]).assert().code(0);
    bin().args(["check", everett.to_str().unwrap(), "--format", "json", "--deny", "warnings"]).assert().code(1);
    // An unreadable input is 2, and the other inputs are still reported.
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.docx");
    std::fs::write(&broken, b"PK\x03\x04 not really").unwrap();
    let (code, json) = run_json(&[
        "check",
        broken.to_str().unwrap(),
        sample("lowell-heading-styles.docx").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 2);
    assert_eq!(json["files"].as_array().unwrap().len(), 2);
    assert_eq!(json["summary"]["error"], 1);
    assert_eq!(json["summary"]["pass"], 1);
    // Bad usage is 2.
    bin().args(["check", "--format", "nonsense", "x.docx"]).assert().code(2);
}

#[test]
fn every_format_renders_the_incomplete_sample() {
    let taunton = sample("taunton-incomplete.docx");
    let path = taunton.to_str().unwrap();
    let text = |format: &str| {
        let out = bin().args(["check", path, "--format", format]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        String::from_utf8(out.stdout).unwrap()
    };
    let human = text("human");
    assert!(human.contains("ssos::section::missing") && human.contains("help:"), "{human}");
    let plain = text("text");
    assert!(plain.contains("Resources") && !plain.contains('╭'), "{plain}");
    let sarif: Value = serde_json::from_str(&text("sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "ssos::section::missing" && r["level"] == "error"));
    let junit = text("junit");
    assert!(junit.contains("<testsuite") && junit.contains("<failure"), "{junit}");
    let github = text("github");
    assert!(github.lines().any(|l| l.starts_with("::error ")), "{github}");
    let markdown = text("markdown");
    assert!(markdown.contains("7. Resources") && markdown.contains("Taunton"), "{markdown}");
    let csv = text("csv");
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("path,attachment,district,status"));
    let row = lines.next().unwrap();
    assert!(row.contains("Taunton") && row.contains("fail") && row.contains("resources"), "{row}");
}

#[test]
fn extract_prints_the_section_map() {
    let out = bin().args(["extract", sample("fall-river-template-table.docx").to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let map: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid("submission", &map);
    let sections = map["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 8);
    let stakeholders = &sections[2];
    assert_eq!(stakeholders["state"], "present");
    let text = stakeholders["text"].as_str().unwrap();
    assert!(!text.contains("How did input from students"), "the template's prompt is not the response: {text}");
    assert!(stakeholders["location"]["table"].is_number(), "{}", stakeholders["location"]);
}

#[test]
fn rules_lists_and_explain_quotes_the_guidance() {
    let out = bin().arg("rules").output().unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    for code in ["ssos::section::missing", "ssos::stakeholders::group-missing", "ssos::document::district-unknown"] {
        assert!(listing.contains(code), "{listing}");
    }
    let out = bin().args(["explain", "ssos::stakeholders::group-missing"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("section 3 of the guidance") && text.contains("How did input from students"), "{text}");
    let out = bin().args(["explain", "ssos::stakeholder::group-missing"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `ssos::stakeholders::group-missing`"));
}

#[test]
fn config_changes_severity_and_thresholds_and_rejects_unknown_codes() {
    let dir = tempfile::tempdir().unwrap();
    let taunton = sample("taunton-incomplete.docx");
    let config = dir.path().join("ssos-lint.toml");

    std::fs::write(&config, "[rules]\n\"ssos::section::missing\" = \"off\"\n\"ssos::section::empty\" = \"warning\"\n\"ssos::priorities::too-many\" = \"advice\"\n").unwrap();
    let (code, json) =
        run_json(&["check", taunton.to_str().unwrap(), "--format", "json", "--config", config.to_str().unwrap()]);
    let codes: Vec<&str> =
        json["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(!codes.contains(&"ssos::section::missing"), "{codes:?}");
    let empty = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "ssos::section::empty")
        .unwrap();
    assert_eq!(empty["severity"], "warning");
    assert_eq!(code, 0, "no error-level finding is left");

    // Found in the working folder without --config.
    let out =
        bin().current_dir(dir.path()).args(["check", taunton.to_str().unwrap(), "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));

    std::fs::write(&config, "[limits]\nmax_priorities = 3\nmax_benchmarks_per_priority = 20\n").unwrap();
    let (_, json) =
        run_json(&["check", taunton.to_str().unwrap(), "--format", "json", "--config", config.to_str().unwrap()]);
    let codes: Vec<&str> =
        json["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(
        !codes.contains(&"ssos::priorities::too-many") && !codes.contains(&"ssos::monitoring::too-many-benchmarks"),
        "{codes:?}"
    );

    std::fs::write(&config, "[rules]\n\"ssos::section::mising\" = \"off\"\n").unwrap();
    let out = bin().args(["check", taunton.to_str().unwrap(), "--config", config.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown rule code") && err.contains("ssos::section::missing"), "{err}");
}

#[test]
fn a_bad_rules_pack_points_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let pack_dir = dir.path().join("rules");
    std::fs::create_dir(&pack_dir).unwrap();
    for entry in std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")).unwrap() {
        let src = entry.unwrap().path();
        let name = src.file_name().unwrap().to_string_lossy().to_string();
        let mut text = std::fs::read_to_string(&src).unwrap();
        if name == "rules-analysis.toml" {
            text = text.replacen("severity = \"advice\"", "severity = \"sometimes\"", 1);
        }
        std::fs::write(pack_dir.join(name), text).unwrap();
    }
    let out = bin().args(["--rules", pack_dir.to_str().unwrap(), "rules"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rules-analysis.toml") && err.contains("severity"), "{err}");
    // The same pack, unbroken, loads and lists the rules.
    std::fs::write(
        pack_dir.join("rules-analysis.toml"),
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules/rules-analysis.toml")).unwrap(),
    )
    .unwrap();
    bin().args(["--rules", pack_dir.to_str().unwrap(), "rules"]).assert().success();
}

#[test]
fn a_pdf_the_extractor_panics_on_gives_only_the_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.pdf");
    std::fs::write(&path, ssos_fixtures::bad::extractor_panic_pdf()).unwrap();
    for extra in [&[][..], &["--in-process"][..]] {
        let out = bin()
            .args(["check", path.to_str().unwrap(), "--format", "json"])
            .args(extra)
            .env("RUST_BACKTRACE", "0")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{extra:?}: {stderr}");
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        let codes: Vec<&str> =
            json["files"][0]["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["code"].as_str()).collect();
        assert_eq!(codes, ["ssos::input::unreadable"], "{extra:?}");
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
    }
}
