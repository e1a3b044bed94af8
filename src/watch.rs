//! `ssos-lint watch DIR`: polls a folder and lints each plan that appears or
//! changes, writing its report next to it (`plan.docx.ssos.json`) or under
//! `--out DIR` at the same relative path.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::batch;
use crate::lint::Linter;
use crate::render::{self, OutputFormat, RenderOptions};
use crate::report::{Report, Status};

/// What `watch` was asked to do.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    pub dir: PathBuf,
    /// Write reports under this folder instead of next to each file.
    pub out: Option<PathBuf>,
    pub format: OutputFormat,
    pub interval: Duration,
    /// One scan, then return.
    pub once: bool,
}

/// A file's identity for change detection: modification time and size.
pub type Stamp = (Option<SystemTime>, u64);

/// Watches until stopped (or one scan with `once`). Errors only when the
/// folder cannot be watched at all. Returns whether a file checked in the
/// (last) pass failed or could not be read, for `--once`'s exit code.
pub fn run(linter: &Linter, options: &WatchOptions, render_options: &RenderOptions) -> Result<bool, String> {
    if !options.dir.is_dir() {
        return Err(format!("{} is not a folder", options.dir.display()));
    }
    let mut state = WatchState::default();
    loop {
        let failed = scan_settled(linter, options, render_options, &mut state);
        if options.once {
            return Ok(failed);
        }
        std::thread::sleep(options.interval);
    }
}

/// What the watcher remembers between passes.
#[derive(Debug, Default)]
pub struct WatchState {
    /// Files checked, with the stamp they had then.
    pub seen: HashMap<PathBuf, Stamp>,
    /// Files that changed, with the stamp of the pass that saw the change: a
    /// file is checked once a later pass finds the same stamp (it stopped
    /// changing for at least one interval), so a file still being written
    /// or copied never gets a transient "damaged file" report.
    pub pending: HashMap<PathBuf, Stamp>,
}

/// How long a file must have gone unmodified before it is checked.
const SETTLE: Duration = Duration::from_secs(1);

/// One pass. Outside `--once`, a new or changed file waits until it has
/// stopped changing; the report of a file that disappeared is removed.
/// Returns whether a file checked in this pass failed or was unreadable.
pub fn scan_settled(
    linter: &Linter,
    options: &WatchOptions,
    render_options: &RenderOptions,
    state: &mut WatchState,
) -> bool {
    let (files, _) = batch::collect(std::slice::from_ref(&options.dir));
    let out_dir = options.out.as_ref().and_then(|o| o.canonicalize().ok());
    let mut present = HashSet::with_capacity(files.len());
    let mut failed = false;
    for file in files {
        if is_report(&file) || out_dir.as_ref().is_some_and(|o| file.canonicalize().is_ok_and(|f| f.starts_with(o))) {
            continue;
        }
        // Unreadable metadata (permissions, a file vanishing mid-scan): skip
        // it this pass, it is looked at again in the next.
        let Ok(meta) = std::fs::metadata(&file) else { continue };
        let stamp = (meta.modified().ok(), meta.len());
        present.insert(file.clone());
        let target = report_path(options, &file);
        let changed = match state.seen.get(&file) {
            Some(previous) => *previous != stamp,
            // First sight in this process: an existing report at least as new
            // as the file means an earlier run already checked it.
            None => !report_is_current(&target, stamp.0),
        };
        if !changed {
            state.pending.remove(&file);
            continue;
        }
        // Held still for two passes, and not written to in the last moment
        // (a writer may pause between pieces for longer than the interval).
        let fresh = stamp.0.and_then(|m| SystemTime::now().duration_since(m).ok()).is_some_and(|age| age < SETTLE);
        if !options.once && (state.pending.get(&file) != Some(&stamp) || fresh) {
            state.pending.insert(file.clone(), stamp);
            continue; // look again next pass: checked once it holds still
        }
        state.pending.remove(&file);
        state.seen.insert(file.clone(), stamp);
        let report = batch::assemble(linter, batch::check_caught(linter, &file), None);
        let verdict = verdict(&report);
        failed |= verdict != "pass";
        let text = render::render(&report, options.format, render_options);
        match write_report(&target, &text) {
            Ok(()) => eprintln!("checked {}: {verdict}", file.display()),
            Err(err) => {
                eprintln!("checked {}: {verdict} (report not written to {}: {err})", file.display(), target.display())
            }
        }
    }
    // Files gone since the last pass: their reports go too.
    let gone: Vec<PathBuf> = state.seen.keys().filter(|p| !present.contains(*p)).cloned().collect();
    for file in gone {
        state.seen.remove(&file);
        let target = report_path(options, &file);
        if std::fs::remove_file(&target).is_ok() {
            eprintln!("removed {}: {} is gone", target.display(), file.display());
        }
    }
    state.pending.retain(|path, _| present.contains(path));
    failed
}

/// `error` if any submission of the file could not be read, else `fail` if any failed, else `pass`.
fn verdict(report: &Report) -> &'static str {
    let statuses = report.files.iter().map(|f| f.status);
    let all: Vec<Status> = statuses.collect();
    if all.is_empty() || all.contains(&Status::Error) {
        "error"
    } else if all.contains(&Status::Fail) {
        "fail"
    } else {
        "pass"
    }
}

/// Our own report files (`*.ssos.*`) are never checked.
fn is_report(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().contains(".ssos."))
}

/// The file ending of a report in `format`.
pub fn extension(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Json => "json",
        OutputFormat::Sarif => "sarif",
        OutputFormat::Junit => "xml",
        OutputFormat::Markdown | OutputFormat::Docx => "md",
        OutputFormat::Csv => "csv",
        OutputFormat::Html => "html",
        OutputFormat::Human | OutputFormat::Text | OutputFormat::Github => "txt",
    }
}

/// Where the report of `file` goes: `<file>.ssos.<ext>` next to it, or under
/// `--out` at the file's path relative to the watched folder.
pub fn report_path(options: &WatchOptions, file: &Path) -> PathBuf {
    let name = format!(
        "{}.ssos.{}",
        file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        extension(options.format)
    );
    match &options.out {
        None => file.with_file_name(name),
        Some(out) => {
            let relative = file.strip_prefix(&options.dir).unwrap_or(file);
            let parent = relative.parent().unwrap_or(Path::new(""));
            out.join(parent).join(name)
        }
    }
}

fn report_is_current(target: &Path, modified: Option<SystemTime>) -> bool {
    let Some(modified) = modified else { return false };
    std::fs::metadata(target).and_then(|m| m.modified()).is_ok_and(|written| written >= modified)
}

/// Writes through a hidden temporary file and a rename, so a reader never
/// sees half a report.
fn write_report(target: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = target.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&temp, text)?;
    std::fs::rename(&temp, target).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}
