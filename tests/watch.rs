//! `ssos-lint watch DIR --once`: real samples in a temporary folder; reports
//! written next to each file or mirrored under `--out`, and only changed
//! files checked again.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

/// Runs `watch ARGS --once`; returns the exit code and stderr.
fn watch_once(args: &[&str]) -> (i32, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_ssos-lint")).arg("watch").args(args).arg("--once").output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .expect("report is JSON")
}

fn checked_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("checked ")).collect()
}

#[test]
fn writes_reports_next_to_files_and_rechecks_only_changes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("sub")).unwrap();
    std::fs::copy(sample("taunton-incomplete.docx"), root.join("taunton.docx")).unwrap();
    std::fs::copy(sample("worcester-form.xlsx"), root.join("sub/worcester.xlsx")).unwrap();
    let dir_arg = root.to_str().unwrap();

    // taunton fails: `--once` exits 1.
    let (code, stderr) = watch_once(&[dir_arg]);
    assert_eq!(code, 1, "{stderr}");
    let lines = checked_lines(&stderr);
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines.iter().any(|l| l.contains("taunton.docx") && l.ends_with(": fail")), "{stderr}");

    let taunton = root.join("taunton.docx.ssos.json");
    let worcester = root.join("sub/worcester.xlsx.ssos.json");
    let report = json(&taunton);
    assert_eq!(report["files"][0]["status"], "fail");
    assert_eq!(report["files"][0]["sections"].as_array().unwrap().len(), 8);
    assert_eq!(json(&worcester)["files"][0]["format"], "xlsx");

    // Nothing changed: nothing is checked, and the reports themselves never are.
    let (code, stderr) = watch_once(&[dir_arg]);
    assert_eq!(code, 0);
    assert!(checked_lines(&stderr).is_empty(), "{stderr}");

    // Change one file: only it is checked again.
    let worcester_written = std::fs::metadata(&worcester).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(50));
    std::fs::copy(sample("unnamed-district.docx"), root.join("taunton.docx")).unwrap();
    let (code, stderr) = watch_once(&[dir_arg]);
    assert_eq!(code, 0);
    let lines = checked_lines(&stderr);
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains("taunton.docx"), "{stderr}");
    assert_eq!(std::fs::metadata(&worcester).unwrap().modified().unwrap(), worcester_written);
    assert!(!root.join("taunton.docx.ssos.json.ssos.json").exists());
}

#[test]
fn out_mirrors_the_folder_and_formats_pick_the_ending() {
    let watched = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(watched.path().join("a/b")).unwrap();
    std::fs::copy(sample("taunton-incomplete.docx"), watched.path().join("a/b/plan.docx")).unwrap();
    std::fs::write(watched.path().join("broken.docx"), b"not a zip").unwrap();

    let (code, stderr) = watch_once(&[watched.path().to_str().unwrap(), "--out", out.path().to_str().unwrap()]);
    assert_eq!(code, 1, "a failing plan and an unreadable file: {stderr}");
    assert!(stderr.contains("broken.docx: error"), "{stderr}");
    let report = json(&out.path().join("a/b/plan.docx.ssos.json"));
    assert_eq!(report["files"][0]["status"], "fail");
    assert!(out.path().join("broken.docx.ssos.json").exists());
    assert!(!watched.path().join("a/b/plan.docx.ssos.json").exists(), "nothing written next to the file");

    let (code, _) = watch_once(&[watched.path().to_str().unwrap(), "--format", "markdown"]);
    assert_eq!(code, 1);
    let md = std::fs::read_to_string(watched.path().join("a/b/plan.docx.ssos.md")).unwrap();
    assert!(md.contains("Resources"), "{md}");

    let (code, stderr) = watch_once(&[watched.path().join("missing").to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
}

/// The watch loop itself (no `--once`): a file dropped in later is picked up.
#[test]
fn keeps_watching_until_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_ssos-lint"))
        .args(["watch", dir.path().to_str().unwrap(), "--interval-ms", "100"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    let _guard = Kill(child);
    std::thread::sleep(Duration::from_millis(300));
    // Dropped in whole (hidden files are skipped), as a synced drive does.
    std::fs::copy(sample("taunton-incomplete.docx"), dir.path().join(".late.docx")).unwrap();
    std::fs::rename(dir.path().join(".late.docx"), dir.path().join("late.docx")).unwrap();
    let report = dir.path().join("late.docx.ssos.json");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while !report.exists() {
        assert!(std::time::Instant::now() < deadline, "no report within 30 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(json(&report)["files"][0]["status"], "fail");
}

struct Kill(std::process::Child);
impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(std::time::Instant::now() < deadline, "{what}: not within 60 s");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A file written slowly is checked once, after it stopped changing (never
/// as a half-written "damaged" file); its report goes when the file goes.
#[test]
fn waits_for_a_file_to_settle_and_removes_the_report_of_a_deleted_file() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("watch.log");
    let watched = dir.path().join("in");
    std::fs::create_dir(&watched).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_ssos-lint"))
        .args(["watch", watched.to_str().unwrap(), "--interval-ms", "200"])
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("starts");
    let _guard = Kill(child);
    // Write the plan in pieces, more slowly than the polling interval.
    let bytes = std::fs::read(sample("taunton-incomplete.docx")).unwrap();
    let plan = watched.join("slow.docx");
    let mut file = std::fs::File::create(&plan).unwrap();
    for chunk in bytes.chunks(bytes.len() / 4 + 1) {
        use std::io::Write;
        file.write_all(chunk).unwrap();
        file.flush().unwrap();
        std::thread::sleep(Duration::from_millis(450));
    }
    drop(file);
    let report = watched.join("slow.docx.ssos.json");
    wait_for("the report", || report.exists());
    assert_eq!(json(&report)["files"][0]["status"], "fail");
    let stderr = std::fs::read_to_string(&log).unwrap();
    let lines = checked_lines(&stderr);
    assert_eq!(lines, vec![format!("checked {}: fail", plan.display())], "checked once, whole: {stderr}");

    std::fs::remove_file(&plan).unwrap();
    wait_for("the report's removal", || !report.exists());
}

/// A file that cannot be read (a named pipe: reading it would block for
/// ever) and many files: each gets a report, and a second pass checks nothing.
#[test]
fn copes_with_unreadable_and_many_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        std::fs::write(dir.path().join(format!("note{i:03}.docx")), b"not a plan").unwrap();
    }
    let pipe = dir.path().join("pipe.docx");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status().expect("mkfifo runs");
    assert!(made.success());
    let (code, stderr) = watch_once(&[dir.path().to_str().unwrap(), "--in-process"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(checked_lines(&stderr).len(), 201, "{stderr}");
    let report = json(&dir.path().join("pipe.docx.ssos.json"));
    assert_eq!(report["files"][0]["status"], "error");
    let (code, stderr) = watch_once(&[dir.path().to_str().unwrap(), "--in-process"]);
    assert_eq!(code, 0);
    assert!(checked_lines(&stderr).is_empty(), "{stderr}");
}
