//! The command line: argument parsing and the commands, each a thin layer
//! over the library (lint, batch, render, pack).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use miette::Diagnostic;

use crate::batch::{self, BatchOptions};
use crate::config::Config;
use crate::lint::{Linter, read_bounded};
use crate::pack::{self, Pack};
use crate::read::{self, Limits};
use crate::render::{self, OutputFormat, RenderOptions, RuleMeta};
use crate::report::{Report, Severity, Status, SubmissionMap};

#[derive(Parser)]
#[command(
    name = "ssos-lint",
    version,
    about = "Checks district plans against the guidance of a rules pack (the SSoS district prioritization guidance built in)"
)]
struct Cli {
    /// The rules pack: a built-in one by id (`ssos-lint rules --packs`), or a .toml file or folder of them.
    #[arg(long, global = true, value_name = "ID|PATH")]
    rules: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check plans: .docx, .xlsx/.xlsm/.xls/.ods, .pptx, .pdf, .eml/.msg (each attachment), .zip (each member), and folders.
    Check(CheckArgs),
    /// Write a copy of a .docx plan with one Word comment per finding, anchored where the finding is.
    Annotate(AnnotateArgs),
    /// Print the section map of one plan as JSON.
    Extract { file: PathBuf },
    /// List every rule: code, severity, section, summary (`--packs`: the built-in packs).
    #[command(name = "rules")]
    ListRules {
        /// List the built-in rules packs (id, aliases, edition) instead.
        #[arg(long)]
        packs: bool,
        /// `json`: one object per rule (or pack), with every field of its pack entry.
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Explain one rule, quoting the guidance prompt it enforces.
    Explain {
        code: String,
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Serve a web page for checking a plan, and a JSON API (POST /api/v1/check).
    Serve(ServeArgs),
    /// Check each plan that appears or changes under DIR; write its report next to it or under --out.
    Watch(WatchArgs),
    /// Print a JSON Schema.
    Schema { which: SchemaKind },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff), generated from the command-line definition.
    Manpage,
    /// Internal: check one file in this process and print its reports as JSON (see `isolate`).
    #[command(name = "__worker", hide = true)]
    Worker(WorkerArgs),
}

/// Limits of work per file, shared by `check`, `watch` and `serve`.
#[derive(clap::Args, Clone)]
struct WorkArgs {
    /// Time budget per file (read, map and check), in seconds.
    #[arg(long, default_value_t = 4.0, value_name = "SECS")]
    time_budget: f64,
    /// Memory limit per file (its worker process), in MB.
    #[arg(long, default_value_t = 512, value_name = "MB")]
    max_memory: u64,
    /// Check files in this process instead of a worker process per file
    /// (faster, but a hostile file can then take the whole run down).
    #[arg(long)]
    in_process: bool,
}

impl WorkArgs {
    fn time_budget(&self) -> std::time::Duration {
        std::time::Duration::try_from_secs_f64(self.time_budget.max(0.0)).unwrap_or(read::DEFAULT_TIME_BUDGET)
    }

    /// The worker processes, unless `--in-process`.
    fn isolation(
        &self,
        rules: Option<&std::path::Path>,
        config: Option<&std::path::Path>,
        limits: &Limits,
    ) -> Option<crate::isolate::Isolation> {
        if self.in_process {
            return None;
        }
        let mut args: Vec<std::ffi::OsString> = Vec::new();
        if let Some(rules) = rules {
            // A built-in pack's id is passed as it is; a path, made absolute.
            let rules =
                if rules.exists() { std::path::absolute(rules).unwrap_or(rules.to_path_buf()) } else { rules.into() };
            args.extend(["--rules".into(), rules.into()]);
        }
        if let Some(config) = config {
            args.extend(["--config".into(), std::path::absolute(config).unwrap_or(config.to_path_buf()).into()]);
        }
        args.extend([
            "--max-file-bytes".into(),
            limits.max_file_bytes.to_string().into(),
            "--time-budget-ms".into(),
            limits.time_budget.as_millis().to_string().into(),
        ]);
        crate::isolate::Isolation::current(args, self.max_memory.saturating_mul(1024 * 1024))
    }
}

#[derive(clap::Args)]
struct WorkerArgs {
    #[arg(long)]
    memory_bytes: u64,
    #[arg(long)]
    config: Option<PathBuf>,
    #[arg(long)]
    max_file_bytes: u64,
    #[arg(long)]
    time_budget_ms: u64,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Per-rule severities and thresholds (default: ssos-lint.toml here or in a parent folder).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    work: WorkArgs,
    /// Checks that run at once (default: the number of CPUs, at most 8).
    #[arg(long, value_name = "N")]
    max_checks: Option<usize>,
    /// Uploads that may wait for a check; beyond them the answer is 503.
    #[arg(long, value_name = "N", default_value_t = 16)]
    queue: usize,
    /// Upload bytes held in memory across all requests, in MB; beyond it the answer is 503.
    #[arg(long, value_name = "MB", default_value_t = 256)]
    memory_budget: u64,
    /// Longest pause while receiving an upload, in seconds (then 408).
    #[arg(long, value_name = "SECS", default_value_t = 15)]
    body_idle_timeout: u64,
    /// Longest time to receive a request's headers, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    header_timeout: u64,
}

#[derive(clap::Args)]
struct WatchArgs {
    /// The folder to watch (recursively).
    dir: PathBuf,
    /// Write reports under this folder (same relative paths) instead of next to each file.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "json")]
    format: OutputFormat,
    /// Time between scans, in milliseconds.
    #[arg(long, default_value_t = 1000, value_name = "MS")]
    interval_ms: u64,
    /// Scan once, write the reports and exit.
    #[arg(long)]
    once: bool,
    /// Per-rule severities and thresholds (default: ssos-lint.toml here or in a parent folder).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    work: WorkArgs,
}

#[derive(clap::Args)]
struct AnnotateArgs {
    /// The plan (.docx).
    file: PathBuf,
    /// Where to write the annotated copy (default: PLAN.reviewed.docx next to the plan).
    #[arg(long, short = 'o', value_name = "OUT.docx")]
    output: Option<PathBuf>,
    /// Per-rule severities and thresholds (default: ssos-lint.toml here or in a parent folder).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaKind {
    Rules,
    Report,
    Submission,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    Warnings,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files and folders to check.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: OutputFormat,
    /// Treat warnings as errors for the exit code.
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Files checked at once (default: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    jobs: usize,
    /// Per-rule severities and thresholds (default: ssos-lint.toml here or in a parent folder).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// No progress bar, and only the summary table in the human format (findings stay in every other format).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Show every section's prompt checklist with its evidence.
    #[arg(long)]
    coverage: bool,
    /// List the districts of a registry list of the rules pack (e.g. `ssos`) that have no submission in the run.
    #[arg(long, value_name = "LIST")]
    expect: Option<String>,
    /// Largest file read, in MB.
    #[arg(long, default_value_t = 50, value_name = "MB")]
    max_file_size: u64,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write one letter per submission into DIR, named for the district (`markdown` and `docx`).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Colour in the human format: auto (a terminal, unless NO_COLOR; FORCE_COLOR forces it), always, never.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    color: ColorChoice,
    #[command(flatten)]
    work: WorkArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `--color`: `always`/`never` win; `auto` follows NO_COLOR (any non-empty
/// value turns colour off), then FORCE_COLOR (on unless "0" or "false"),
/// then whether the output is a terminal.
fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    let set = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto => match set("FORCE_COLOR") {
            Some(v) => !matches!(v.as_str(), "0" | "false"),
            None => terminal,
        },
    }
}

/// Runs the command line; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let pack = match &cli.rules {
        Some(name) => match pack::load_named(name) {
            Ok(p) => p,
            Err(err) => return fail(err),
        },
        None => pack::builtin(),
    };
    // For the worker processes: the same `--rules` (a built-in id, or a path made absolute there).
    let rules = cli.rules.as_deref().map(std::path::Path::new);
    match cli.command {
        Command::Worker(args) => worker(pack, args),
        Command::Check(args) => check(pack, rules, args),
        Command::Annotate(args) => annotate(pack, args),
        Command::Extract { file } => extract(pack, &file),
        Command::ListRules { packs: true, format } => list_packs(format),
        Command::ListRules { packs: false, format } => list_rules(&pack, format),
        Command::Explain { code, format } => explain(&pack, &code, format),
        Command::Serve(args) => serve(pack, rules, args),
        Command::Watch(args) => watch(pack, rules, args),
        Command::Schema { which } => schema(which),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "ssos-lint", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Manpage => {
            let man = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command());
            match man.render(&mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("error: {err}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

fn linter_with_config(
    pack: Pack,
    rules: Option<&std::path::Path>,
    config: Option<&std::path::Path>,
    work: &WorkArgs,
) -> Result<Linter, ExitCode> {
    let c = discover_config(config, &pack)?;
    let limits = Limits { time_budget: work.time_budget(), ..Limits::default() };
    let isolation = work.isolation(rules, config, &limits);
    let mut linter = Linter::new(pack, &c, limits);
    linter.isolation = isolation;
    Ok(linter)
}

/// The configuration given, or found here or in a parent folder; a bad one
/// is reported and ends the command with exit code 2.
fn discover_config(config: Option<&std::path::Path>, pack: &Pack) -> Result<Config, ExitCode> {
    let cwd = std::env::current_dir().unwrap_or_default();
    Config::discover(config, &cwd, pack).map_err(|err| {
        eprintln!("{:?}", miette::Report::new_boxed(err));
        ExitCode::from(2)
    })
}

fn serve(pack: Pack, rules: Option<&std::path::Path>, args: ServeArgs) -> ExitCode {
    let linter = match linter_with_config(pack, rules, args.config.as_deref(), &args.work) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut options = crate::serve::Options {
        addr: args.addr,
        queue: args.queue,
        memory_budget: args.memory_budget << 20,
        body_idle_timeout: std::time::Duration::from_secs(args.body_idle_timeout.max(1)),
        header_timeout: std::time::Duration::from_secs(args.header_timeout.max(1)),
        ..Default::default()
    };
    if let Some(n) = args.max_checks {
        options.max_checks = n.max(1);
    }
    match crate::serve::run(linter, options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn watch(pack: Pack, rules: Option<&std::path::Path>, args: WatchArgs) -> ExitCode {
    let linter = match linter_with_config(pack, rules, args.config.as_deref(), &args.work) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let render_options = RenderOptions { rules: rule_metas(&linter), ..RenderOptions::default() };
    let options = crate::watch::WatchOptions {
        dir: args.dir,
        out: args.out,
        format: args.format,
        interval: std::time::Duration::from_millis(args.interval_ms.max(50)),
        once: args.once,
    };
    match crate::watch::run(&linter, &options, &render_options) {
        // `--once`: 1 when a plan checked in the pass failed or was unreadable.
        Ok(true) => ExitCode::from(1),
        Ok(false) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn fail(err: impl Diagnostic + Send + Sync + 'static) -> ExitCode {
    eprintln!("{:?}", miette::Report::new(err));
    ExitCode::from(2)
}

/// The hidden worker command: the files its parent sends, one after
/// another, in this process, under the limits.
fn worker(pack: Pack, args: WorkerArgs) -> ExitCode {
    let budget = std::time::Duration::from_millis(args.time_budget_ms);
    crate::isolate::limit_self(args.memory_bytes);
    let config = match discover_config(args.config.as_deref(), &pack) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let limits = Limits { max_file_bytes: args.max_file_bytes, time_budget: budget, ..Limits::default() };
    // Freed by the process's exit, not piece by piece.
    let linter = std::mem::ManuallyDrop::new(Linter::new(pack, &config, limits));
    crate::isolate::worker_main(&linter)
}

fn check(pack: Pack, rules: Option<&std::path::Path>, args: CheckArgs) -> ExitCode {
    let config = match discover_config(args.config.as_deref(), &pack) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let limits = Limits {
        max_file_bytes: args.max_file_size.saturating_mul(1024 * 1024),
        time_budget: args.work.time_budget(),
        ..Limits::default()
    };
    let isolation = args.work.isolation(rules, args.config.as_deref(), &limits);
    let mut linter = Linter::new(pack, &config, limits);
    linter.isolation = isolation;
    // Freed by the process's exit, not piece by piece.
    let linter = std::mem::ManuallyDrop::new(linter);
    let progress = Progress::new(!args.quiet);
    let started = (std::time::SystemTime::now(), std::time::Instant::now());
    if let Some(list) = &args.expect
        && !linter.pack.districts.lists.contains_key(list)
    {
        let lists: Vec<String> =
            linter.pack.districts.lists.iter().map(|(id, l)| format!("  {id}: {}", l.name)).collect();
        eprintln!("error: the rules pack has no district list `{list}`; its lists:\n{}", lists.join("\n"));
        return ExitCode::from(2);
    }
    let options = BatchOptions { jobs: args.jobs, expect: args.expect.clone() };
    let (stdin, paths): (Vec<PathBuf>, Vec<PathBuf>) = args.paths.iter().cloned().partition(|p| p.as_os_str() == "-");
    // A path under a folder with its own ssos-lint.toml (found walking up
    // from it) is checked under that config; the rest under the one found
    // from the working folder (or --config, which applies to all).
    let mut groups: std::collections::BTreeMap<PathBuf, Vec<PathBuf>> = std::collections::BTreeMap::new();
    let mut main_paths = Vec::new();
    for p in paths {
        match args.config.is_none().then(|| config_near(&p)).flatten() {
            Some(found) if Some(&found) != config.path.as_ref() => groups.entry(found).or_default().push(p),
            _ => main_paths.push(p),
        }
    }
    let tick = |done, total| progress.tick(done, total);
    let mut report = batch::run(&linter, &main_paths, &options, &tick);
    let mut extra = Vec::new();
    for (path, group) in &groups {
        let config = match discover_config(Some(path), &linter.pack) {
            Ok(c) => c,
            Err(code) => return code,
        };
        let other = Linter::new(Pack::clone(&linter.pack), &config, linter.limits.clone());
        extra.extend(batch::run(&other, group, &options, &tick).files);
    }
    progress.finish();
    if !stdin.is_empty() {
        // `-`: one file from standard input, read under the file size limit.
        let mut bytes = Vec::new();
        let limit = linter.limits.max_file_bytes;
        let read = std::io::Read::read_to_end(&mut std::io::Read::take(std::io::stdin().lock(), limit + 1), &mut bytes);
        match read {
            Ok(_) => extra.extend(batch::check_bytes_caught(&linter, "-", &bytes)),
            Err(e) => {
                let err = crate::read::InputError::unreadable(format!("standard input cannot be read: {e}"), "");
                extra.push(linter.error_report("-", None, &err));
            }
        }
    }
    if !extra.is_empty() {
        let mut files = std::mem::take(&mut report.files);
        files.extend(extra);
        report = batch::assemble(&linter, files, options.expect.as_deref());
    }
    if args.deny == Some(Deny::Warnings) {
        report.deny_warnings();
    }
    let to_terminal = args.output.as_ref().is_none_or(|p| p.as_os_str() == "-") && std::io::stdout().is_terminal();
    let render_options = RenderOptions {
        color: args.format == OutputFormat::Human && use_color(args.color, to_terminal),
        coverage: args.coverage,
        width: 0,
        quiet: args.quiet,
        rules: rule_metas(&linter),
        // Only the letters word themselves from the pack.
        pack: matches!(args.format, OutputFormat::Markdown | OutputFormat::Docx).then(|| linter.pack.clone()),
        run: render::RunInfo::new(started.0, started.1.elapsed().as_secs_f64()),
    };
    let code = exit_code(&report, args.deny == Some(Deny::Warnings));
    if let Some(dir) = &args.out {
        return match write_letters(&report, args.format, &render_options, dir) {
            Ok(()) => code,
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::from(2)
            }
        };
    }
    if args.format == OutputFormat::Docx {
        eprintln!("error: `--format docx` writes one Word letter per submission: add `--out DIR`");
        return ExitCode::from(2);
    }
    let text = render::render(&report, args.format, &render_options);
    std::mem::forget(report);
    let written = match &args.output {
        Some(path) if path.as_os_str() != "-" => std::fs::write(path, text.as_bytes()),
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).and_then(|()| out.flush())
        }
    };
    if let Err(err) = written {
        eprintln!("error: cannot write the report: {err}");
        return ExitCode::from(2);
    }
    code
}

/// The `ssos-lint.toml` in the folder of `path` (or `path` itself when it
/// is a folder) or the nearest parent, as an absolute path.
fn config_near(path: &std::path::Path) -> Option<PathBuf> {
    let dir = if path.is_dir() { path } else { path.parent().unwrap_or(path) };
    let dir = if dir.as_os_str().is_empty() { std::path::Path::new(".") } else { dir };
    let dir = std::path::absolute(dir).ok()?;
    dir.ancestors().map(|d| d.join(crate::config::FILE_NAME)).find(|p| p.is_file())
}

/// `--out DIR`: one letter per submission (markdown or docx).
fn write_letters(
    report: &Report,
    format: OutputFormat,
    options: &RenderOptions,
    dir: &std::path::Path,
) -> Result<(), String> {
    if !matches!(format, OutputFormat::Markdown | OutputFormat::Docx) {
        return Err("`--out DIR` writes letters: use it with `--format markdown` or `--format docx`".into());
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let files = render::letter_files(report, format, options)?;
    for (name, bytes) in &files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    eprintln!("{} letter{} written to {}", files.len(), if files.len() == 1 { "" } else { "s" }, dir.display());
    Ok(())
}

/// 2 when a file could not be read at all; 1 on an error-level finding (or a
/// warning under `--deny warnings`) in a submission that counts (a
/// superseded one does not); else 0.
fn exit_code(report: &Report, deny_warnings: bool) -> ExitCode {
    if report.files.iter().any(|f| f.status == Status::Error) || report.files.is_empty() {
        return ExitCode::from(2);
    }
    let worst = report
        .files
        .iter()
        .filter(|f| f.superseded_by.is_none())
        .flat_map(|f| &f.diagnostics)
        .map(|d| d.severity)
        .max();
    match worst {
        Some(Severity::Error) => ExitCode::from(1),
        Some(Severity::Warning) if deny_warnings => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

fn rule_metas(linter: &Linter) -> Vec<RuleMeta> {
    linter
        .engine()
        .rules
        .iter()
        .map(|r| RuleMeta {
            code: r.def.code.clone(),
            severity: r.severity.unwrap_or(r.def.severity),
            summary: r.def.summary.clone(),
            help: r.def.help.clone(),
            section: r.def.section.clone(),
            link: r.def.link.clone(),
        })
        .collect()
}

fn annotate(pack: Pack, args: AnnotateArgs) -> ExitCode {
    // One plan the user names, read in this process with the library budget.
    let work = WorkArgs { time_budget: read::LIBRARY_TIME_BUDGET.as_secs_f64(), max_memory: 512, in_process: true };
    let linter = match linter_with_config(pack, None, args.config.as_deref(), &work) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let shown = args.file.display().to_string();
    let author = crate::annotate::Author::now();
    let result = read_bounded(&args.file, &linter.limits)
        .and_then(|bytes| crate::annotate::annotate_file(&linter, &shown, &bytes, &author));
    let (annotated, _) = match result {
        Ok(r) => r,
        Err(err) => {
            eprintln!("error[{}]: {}: {}\n  help: {}", err.code(), shown, err.reason, err.help);
            return ExitCode::from(2);
        }
    };
    let out = args.output.unwrap_or_else(|| {
        let stem = args.file.file_stem().map_or_else(|| "plan".into(), |s| s.to_string_lossy().into_owned());
        args.file.with_file_name(format!("{stem}.reviewed.docx"))
    });
    if let Err(err) = std::fs::write(&out, &annotated.bytes) {
        eprintln!("error: cannot write {}: {err}", out.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "{}: {} comment{} added{} → {}",
        shown,
        annotated.added,
        if annotated.added == 1 { "" } else { "s" },
        if annotated.existing > 0 { format!(" ({} already there kept)", annotated.existing) } else { String::new() },
        out.display()
    );
    ExitCode::SUCCESS
}

fn extract(pack: Pack, file: &std::path::Path) -> ExitCode {
    let limits = Limits::default();
    let linter = Linter::new(pack, &Config::default(), limits.clone());
    let shown = file.display().to_string();
    let doc = read_bounded(file, &limits).and_then(|bytes| read::read_document(&shown, &bytes, &limits));
    match doc {
        Ok(doc) => {
            let map: SubmissionMap = linter.extract(&shown, &doc);
            println!("{}", serde_json::to_string_pretty(&map).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error[{}]: {}: {}\n  help: {}", err.code(), shown, err.reason, err.help);
            ExitCode::from(2)
        }
    }
}

/// `rules --packs`: the built-in packs, the default first.
fn list_packs(format: ListFormat) -> ExitCode {
    let mut rows = Vec::new();
    for b in pack::builtin_packs() {
        let loaded = match b.load() {
            Ok(p) => p,
            Err(err) => return fail(err),
        };
        rows.push(serde_json::json!({
            "id": loaded.pack.id,
            "aliases": loaded.pack.aliases,
            "version": loaded.pack.version,
            "edition": loaded.pack.edition,
            "product": loaded.pack.product,
            "school_year": loaded.pack.school_year,
            "guidance": loaded.pack.guidance,
            "sections": loaded.sections.len(),
            "rules": loaded.rules.len(),
        }));
    }
    if format == ListFormat::Json {
        println!("{}", serde_json::to_string_pretty(&rows).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    for (i, r) in rows.iter().enumerate() {
        let aliases: Vec<&str> = r["aliases"].as_array().into_iter().flatten().filter_map(|a| a.as_str()).collect();
        println!(
            "{}{}  {} ({} sections, {} rules){}",
            r["id"].as_str().unwrap_or_default(),
            if aliases.is_empty() { String::new() } else { format!(" ({})", aliases.join(", ")) },
            r["edition"].as_str().unwrap_or_default(),
            r["sections"],
            r["rules"],
            if i == 0 { "  [default]" } else { "" }
        );
    }
    ExitCode::SUCCESS
}

/// A rule's pack entry as JSON, with its section's number and title.
fn rule_json(pack: &Pack, rule: &pack::RuleDef) -> serde_json::Value {
    let mut value = serde_json::to_value(rule).unwrap_or_default();
    if let Some(s) = rule.section.as_deref().and_then(|id| pack.section(id)) {
        value["section_number"] = serde_json::json!(s.number);
        value["section_title"] = serde_json::json!(s.title);
    }
    if let Some(q) = rule.quote.as_ref() {
        value["quote"]["section_id"] = serde_json::json!(pack.quoted_section(q).map(|s| s.id.clone()));
    }
    value
}

fn list_rules(pack: &Pack, format: ListFormat) -> ExitCode {
    if format == ListFormat::Json {
        let rules: Vec<serde_json::Value> = pack.rules.iter().map(|r| rule_json(pack, r)).collect();
        println!("{}", serde_json::to_string_pretty(&rules).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    let width = pack.rules.iter().map(|r| r.code.len()).max().unwrap_or(0);
    for rule in &pack.rules {
        let section = rule
            .section
            .as_deref()
            .and_then(|id| pack.section(id))
            .map_or("-".to_string(), |s| format!("{}", s.number));
        let status = match rule.status {
            pack::RuleStatus::Stable => String::new(),
            s => format!(" [{}]", s.as_str()),
        };
        println!("{:width$}  {:7}  {:>2}  {}{status}", rule.code, rule.severity.as_str(), section, rule.summary);
    }
    ExitCode::SUCCESS
}

fn explain(pack: &Pack, code: &str, format: ListFormat) -> ExitCode {
    let Some(rule) = pack.resolve(code) else {
        eprintln!("error: no rule has the code `{code}`");
        let ranked = suggestions(pack, code);
        match ranked.split_first() {
            None => eprintln!("  help: `ssos-lint rules` lists every code"),
            Some((best, [])) => eprintln!("  help: did you mean `{best}`? (`ssos-lint rules` lists every code)"),
            Some((best, others)) => {
                let others: Vec<String> = others.iter().map(|c| format!("`{c}`")).collect();
                eprintln!("  help: did you mean `{best}`? Also close: {}.", others.join(", "));
            }
        }
        return ExitCode::from(2);
    };
    if format == ListFormat::Json {
        println!("{}", serde_json::to_string_pretty(&rule_json(pack, rule)).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    if rule.code != code {
        println!("`{code}` was renamed `{}`.\n", rule.code);
    }
    match rule.status {
        pack::RuleStatus::Stable => println!("{} ({})", rule.code, rule.severity.as_str()),
        status => println!("{} ({}, {})", rule.code, rule.severity.as_str(), status.as_str()),
    }
    if let Some(section) = rule.section.as_deref().and_then(|id| pack.section(id)) {
        println!("Section {}. {}", section.number, section.title);
    }
    println!("\n{}\n\n{}", rule.summary, rule.explain);
    if let Some(quote) = &rule.quote {
        let place = match pack.quoted_section(quote) {
            None => "the guidance".to_string(),
            Some(s) => format!("section {} of the guidance, {}", s.number, s.title),
        };
        println!("\nThe guidance asks ({place}):\n  > \u{201c}{}\u{201d}", quote.text);
        println!("  — {}", pack.pack.guidance);
    }
    println!("\nHow to fix it: {}", rule.help);
    if let Some(link) = &rule.link {
        println!("More: {link}");
    }
    ExitCode::SUCCESS
}

/// Codes most like `query`, most similar first (at most 3): the whole code
/// and its last one or two segments are compared, so `no-owner` and
/// `monitoring::no-owner` find `ssos::monitoring::no-owner`.
fn suggestions(pack: &Pack, query: &str) -> Vec<String> {
    let q = query.trim().to_lowercase();
    let mut scored: Vec<(f64, &str)> = pack
        .rules
        .iter()
        .map(|r| {
            let code = r.code.as_str();
            let parts: Vec<&str> = code.split("::").collect();
            let tail1 = parts.last().copied().unwrap_or(code);
            let tail2 = parts[parts.len().saturating_sub(2)..].join("::");
            let mut score = [code, tail1, tail2.as_str()]
                .iter()
                .map(|t| strsim::jaro_winkler(&q, t).max(strsim::normalized_levenshtein(&q, t)))
                .fold(0.0, f64::max);
            if !q.is_empty() && code.contains(&q) {
                score = score.max(0.95);
            }
            (score, code)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let best = scored.first().map_or(0.0, |s| s.0);
    scored.into_iter().filter(|(s, _)| *s >= 0.6 && *s >= best - 0.1).take(3).map(|(_, c)| c.to_string()).collect()
}

fn schema(which: SchemaKind) -> ExitCode {
    println!("{}", schema_text(which));
    ExitCode::SUCCESS
}

fn schema_text(which: SchemaKind) -> String {
    let value = match which {
        SchemaKind::Rules => Pack::json_schema(),
        SchemaKind::Report => serde_json::to_value(schemars::schema_for!(Report)).unwrap_or_default(),
        SchemaKind::Submission => serde_json::to_value(schemars::schema_for!(SubmissionMap)).unwrap_or_default(),
    };
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// A progress bar on standard error, only on a terminal, outside CI, and
/// only once a run is long enough to need one.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(wanted: bool) -> Self {
        let shown = wanted && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = shown.then(|| {
            let bar = indicatif::ProgressBar::hidden();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {pos}/{len} files checked [{elapsed}] {wide_bar}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        Progress { bar }
    }

    fn tick(&self, done: usize, total: usize) {
        if let Some(bar) = &self.bar {
            if bar.is_hidden() && total >= 20 && bar.elapsed().as_millis() > 300 {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
