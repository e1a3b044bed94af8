//! `ssos-lint watch DIR`: polls a folder and lints each plan that appears or
//! changes, writing its report next to it (`plan.docx.ssos.json`) or under
//! `--out DIR` at the same relative path.

use std::collections::HashMap;
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
type Stamp = (Option<SystemTime>, u64);

/// Watches until stopped (or one scan with `once`). Errors only when the
/// folder cannot be watched at all.
pub fn run(linter: &Linter, options: &WatchOptions, render_options: &RenderOptions) -> Result<(), String> {
    if !options.dir.is_dir() {
        return Err(format!("{} is not a folder", options.dir.display()));
    }
    let mut seen: HashMap<PathBuf, Stamp> = HashMap::new();
    loop {
        scan(linter, options, render_options, &mut seen);
        if options.once {
            return Ok(());
        }
        std::thread::sleep(options.interval);
    }
}

/// One pass over the folder: checks what is new or changed since the last pass.
pub fn scan(
    linter: &Linter,
    options: &WatchOptions,
    render_options: &RenderOptions,
    seen: &mut HashMap<PathBuf, Stamp>,
) {
    let (files, _) = batch::collect(std::slice::from_ref(&options.dir));
    let out_dir = options.out.as_ref().and_then(|o| o.canonicalize().ok());
    let mut present = Vec::with_capacity(files.len());
    for file in files {
        if is_report(&file) || out_dir.as_ref().is_some_and(|o| file.canonicalize().is_ok_and(|f| f.starts_with(o))) {
            continue;
        }
        let Ok(meta) = std::fs::metadata(&file) else { continue };
        let stamp = (meta.modified().ok(), meta.len());
        present.push(file.clone());
        let target = report_path(options, &file);
        let changed = match seen.get(&file) {
            Some(previous) => *previous != stamp,
            // First sight in this process: an existing report at least as new
            // as the file means an earlier run already checked it.
            None => !report_is_current(&target, stamp.0),
        };
        seen.insert(file.clone(), stamp);
        if !changed {
            continue;
        }
        let report = batch::assemble(linter, batch::check_caught(linter, &file), None);
        let text = render::render(&report, options.format, render_options);
        match write_report(&target, &text) {
            Ok(()) => eprintln!("checked {}: {}", file.display(), verdict(&report)),
            Err(err) => eprintln!(
                "checked {}: {} (report not written to {}: {err})",
                file.display(),
                verdict(&report),
                target.display()
            ),
        }
    }
    seen.retain(|path, _| present.contains(path));
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
