//! Batch: many paths → one [`Report`]. Folders are walked, files checked in
//! parallel, a panic in one file becomes that file's error, and the order of
//! the output never depends on scheduling.

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::check::cross;
pub use crate::check::cross::{Answerable, credit_companions};
use crate::lint::Linter;
use crate::read::InputError;
use crate::report::{FileReport, Report, SCHEMA_VERSION, Summary, Tool};

/// What a run was asked to do beyond checking files.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    /// Worker threads (0 = one per core).
    pub jobs: usize,
    /// `--expect LIST`: report the districts of this registry list with no submission in the run.
    pub expect: Option<String>,
}

/// The files to check under `paths`: folders walked recursively (hidden,
/// lock and temp files skipped, symlink loops cut), sorted.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, InputError)>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, &mut problems, &mut seen_dirs);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            problems.push((
                path.clone(),
                InputError::unreadable("the file does not exist", "Check the path and try again."),
            ));
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<(PathBuf, InputError)>, seen: &mut HashSet<PathBuf>) {
    let Ok(canonical) = dir.canonicalize() else {
        return;
    };
    if !seen.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(err) => {
            let reason = format!("the folder cannot be read: {err}");
            problems.push((dir.to_path_buf(), InputError::unreadable(reason, "Check its permissions.")));
            return;
        }
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if is_skipped(&name) {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, problems, seen);
        } else if has_walked_extension(&name) {
            files.push(path);
        }
    }
}

/// Hidden files, Office lock files (`~$plan.docx`) and temp files.
fn is_skipped(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.starts_with('~')
        || name.ends_with(".tmp")
        || name.ends_with('~')
}

/// File endings a folder walk picks up (`read::formats`). Files named on the command line are
/// always checked, whatever their name, since the format is found by content.
fn has_walked_extension(name: &str) -> bool {
    crate::read::formats::is_walked(name)
}

/// Checks every file under `paths` and assembles the run's report.
pub fn run(
    linter: &Linter,
    paths: &[PathBuf],
    options: &BatchOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Report {
    let (files, problems) = collect(paths);
    let total = files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let check_one = |path: &PathBuf| {
        let reports = check_caught(linter, path);
        progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, total);
        reports
    };
    let mut reports: Vec<FileReport> = match rayon::ThreadPoolBuilder::new().num_threads(options.jobs).build() {
        Ok(pool) => pool.install(|| files.par_iter().flat_map_iter(check_one).collect()),
        Err(_) => files.iter().flat_map(check_one).collect(),
    };
    for (path, err) in problems {
        reports.push(linter.error_report(&path.display().to_string(), None, &err));
    }
    assemble(linter, reports, options.expect.as_deref())
}

/// The run's report from its files' reports: sorted, companions credited,
/// superseded submissions marked, totals counted. `check`, `serve` and
/// `watch` all finish here, so their JSON is the same for the same input.
pub fn assemble(linter: &Linter, mut reports: Vec<FileReport>, expect: Option<&str>) -> Report {
    reports.sort_by(|a, b| (&a.path, &a.attachment).cmp(&(&b.path, &b.attachment)));
    cross::credit_companions(&mut reports, &cross::Answerable::of(&linter.pack));
    cross::mark_superseded(&mut reports);
    let missing_districts =
        expect.map(|list| cross::missing_districts(&linter.pack, &reports, list)).unwrap_or_default();
    Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool::default(),
        rules: linter.rules_info(),
        summary: Summary::tally(&reports),
        files: reports,
        missing_districts,
    }
}

/// Checks one file; a panic anywhere in it becomes that file's error report.
pub fn check_caught(linter: &Linter, path: &Path) -> Vec<FileReport> {
    caught(linter, &path.display().to_string(), || linter.check_path(path))
}

/// Checks the bytes of one upload (named `name`); a panic becomes its error report.
pub fn check_bytes_caught(linter: &Linter, name: &str, bytes: &[u8]) -> Vec<FileReport> {
    if let Some(isolation) = &linter.isolation {
        return isolation.check_bytes(linter, name, bytes);
    }
    caught(linter, name, || linter.check_bytes(name, bytes))
}

fn caught(linter: &Linter, name: &str, check: impl FnOnce() -> Vec<FileReport>) -> Vec<FileReport> {
    match catch_unwind(AssertUnwindSafe(check)) {
        Ok(reports) => reports,
        Err(_) => {
            let err = InputError::unreadable(
                "ssos-lint hit an internal error while reading this file",
                "Please report this file to the ssos-lint maintainers; the other files were still checked.",
            );
            vec![linter.error_report(name, None, &err)]
        }
    }
}
