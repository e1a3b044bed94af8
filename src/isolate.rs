//! Isolation: each untrusted file is read, mapped and checked in a worker
//! process, so that an allocation failure, an abort, a stack overflow or a
//! runaway loop in a parser ends that file's check only: the worker is the
//! same binary re-run with the hidden `__worker` command, under a memory
//! limit (`RLIMIT_AS`) and a CPU-time limit (`RLIMIT_CPU`) on Unix, and the
//! parent kills it once three times the file's time budget plus a grace
//! period has passed on the wall clock (a worker blocked on something). The worker prints the file's reports as JSON on standard output;
//! anything else (a signal, an exit code, no or bad JSON) becomes the file's
//! `ssos::input::unreadable` report naming the limit that was hit.
//!
//! Why a process rather than a counting allocator: Rust aborts the whole
//! process on a failed allocation (and a global allocator may not unwind),
//! and some crates (calamine, cfb) allocate from sizes they read before any
//! check of ours can run, so only a separate address space keeps the batch
//! alive. The cost is one process start per file (measured in the report
//! of issue 12: a few milliseconds plus loading the rules pack).

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::lint::Linter;
use crate::read::InputError;
use crate::report::FileReport;

/// The hidden command line word that runs one file's check as a worker.
pub const WORKER_COMMAND: &str = "__worker";

/// Default memory limit of a worker (address space), in bytes.
pub const DEFAULT_MEMORY: u64 = 512 * 1024 * 1024;

/// How to run a worker process.
#[derive(Debug, Clone)]
pub struct Isolation {
    /// The binary to run (normally `std::env::current_exe()`).
    pub exe: PathBuf,
    /// Arguments that make the worker's linter the same as ours (`--rules`,
    /// `--config`, limits), put before the file.
    pub args: Vec<OsString>,
    /// Memory limit of the worker (address space), in bytes.
    pub memory: u64,
    /// Wall-clock time past three times the budget before the worker is killed.
    pub grace: Duration,
}

/// One report as the worker sends it: the JSON report plus the fields the
/// report's JSON leaves out (the extracted text for the human renderer, the
/// package id for companions and superseding).
#[derive(serde::Serialize, serde::Deserialize)]
struct Wire {
    report: FileReport,
    source: Option<(String, String)>,
    package: Option<String>,
    /// Each diagnostic's span in the source text, in order.
    spans: Vec<Option<(usize, usize)>>,
}

impl Wire {
    fn from_report(mut report: FileReport) -> Self {
        let source = report.source.take().map(|s| (s.name, s.text));
        let package = report.package.take();
        let spans = report.diagnostics.iter().map(|d| d.span).collect();
        Wire { report, source, package, spans }
    }

    fn into_report(self) -> FileReport {
        let mut report = self.report;
        report.source = self.source.map(|(name, text)| crate::report::SourceText { name, text });
        report.package = self.package;
        for (diagnostic, span) in report.diagnostics.iter_mut().zip(self.spans) {
            diagnostic.span = span;
        }
        report
    }
}

/// How a worker ended, when it gave no reports.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Failure {
    /// Killed by us at the deadline, or by the CPU limit.
    Time,
    /// An allocation over the memory limit (Rust prints "memory allocation of
    /// N bytes failed" and aborts).
    Memory,
    /// Any other death (a signal, an exit code) with its description.
    Crash(String),
    /// The worker could not be started at all.
    Spawn(String),
}

impl Isolation {
    /// Workers running this same executable.
    pub fn current(args: Vec<OsString>, memory: u64) -> Option<Self> {
        let exe = std::env::current_exe().ok()?;
        Some(Isolation { exe, args, memory, grace: Duration::from_secs(2) })
    }

    /// Checks a file on disk in a worker.
    pub fn check_path(&self, linter: &Linter, path: &Path) -> Vec<FileReport> {
        let shown = path.display().to_string();
        let mut args = self.args.clone();
        args.push("--".into());
        args.push(path.as_os_str().to_owned());
        self.run(linter, &shown, args, None)
    }

    /// Checks bytes (an upload named `name`) in a worker fed on standard input.
    pub fn check_bytes(&self, linter: &Linter, name: &str, bytes: &[u8]) -> Vec<FileReport> {
        let mut args = self.args.clone();
        args.push("--name".into());
        args.push(name.into());
        args.push("--".into());
        args.push("-".into());
        self.run(linter, name, args, Some(bytes))
    }

    fn run(&self, linter: &Linter, shown: &str, args: Vec<OsString>, input: Option<&[u8]>) -> Vec<FileReport> {
        let limit = linter.limits.time_budget;
        // The worker stops itself when its processor time is spent (the
        // budget, then RLIMIT_CPU); the wall clock is only the backstop for
        // a worker that waits on something, generous for loaded machines.
        match self.spawn(args, input, limit.saturating_mul(3) + self.grace) {
            Ok(reports) => reports,
            Err(failure) => vec![linter.error_report(shown, None, &self.error(failure, limit))],
        }
    }

    fn spawn(&self, args: Vec<OsString>, input: Option<&[u8]>, wait: Duration) -> Result<Vec<FileReport>, Failure> {
        let mut command = Command::new(&self.exe);
        command
            .arg(WORKER_COMMAND)
            .arg("--memory-bytes")
            .arg(self.memory.to_string())
            .args(args)
            .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().map_err(|e| Failure::Spawn(e.to_string()))?;
        let stdin = child.stdin.take();
        let bytes = input.map(<[u8]>::to_vec);
        let feeder = std::thread::spawn(move || {
            if let (Some(mut stdin), Some(bytes)) = (stdin, bytes) {
                let _ = stdin.write_all(&bytes);
            }
        });
        let mut stdout = child.stdout.take();
        let mut stderr = child.stderr.take();
        let out_reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            if let Some(s) = stdout.as_mut() {
                let _ = s.read_to_end(&mut out);
            }
            out
        });
        let err_reader = std::thread::spawn(move || {
            // Only the tail matters (the abort message); keep it small.
            let mut tail = Vec::new();
            let mut buf = [0u8; 4096];
            if let Some(s) = stderr.as_mut() {
                while let Ok(n) = s.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    tail.extend_from_slice(&buf[..n]);
                    if tail.len() > 16 * 1024 {
                        tail.drain(..tail.len() - 8 * 1024);
                    }
                }
            }
            tail
        });
        let status = match wait_timeout::ChildExt::wait_timeout(&mut child, wait) {
            Ok(Some(status)) => Some(status),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                None
            }
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Failure::Crash(e.to_string()));
            }
        };
        let _ = feeder.join();
        let out = out_reader.join().unwrap_or_default();
        let err = err_reader.join().unwrap_or_default();
        let Some(status) = status else {
            return Err(Failure::Time);
        };
        if status.success()
            && let Ok(wires) = serde_json::from_slice::<Vec<Wire>>(&out)
        {
            return Ok(wires.into_iter().map(Wire::into_report).collect());
        }
        let err = String::from_utf8_lossy(&err);
        if err.contains("memory allocation of") || err.contains("out of memory") {
            return Err(Failure::Memory);
        }
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            match status.signal() {
                Some(libc::SIGXCPU) | Some(libc::SIGKILL) if !err.contains("panicked") => return Err(Failure::Time),
                Some(libc::SIGSEGV | libc::SIGABRT)
                    if err.contains("overflowed its stack") || err.contains("stack overflow") =>
                {
                    return Err(Failure::Crash("its structure is nested too deeply (stack overflow)".into()));
                }
                Some(sig) => return Err(Failure::Crash(format!("signal {sig}"))),
                None => {}
            }
        }
        Err(Failure::Crash(match status.code() {
            Some(code) => format!("exit code {code}"),
            None => "no result".into(),
        }))
    }

    fn error(&self, failure: Failure, limit: Duration) -> InputError {
        match failure {
            Failure::Time => crate::budget::OverBudget { limit }.into_error("reading, mapping or checking it"),
            Failure::Memory => InputError::unreadable(
                format!(
                    "reading the file needed more than the {} MB memory limit per file (a damaged or hostile file)",
                    self.memory / (1024 * 1024)
                ),
                "Save the plan again from Word or Excel and send only the plan; remove data sheets and embedded files.",
            ),
            Failure::Crash(how) => InputError::unreadable(
                format!("the reader stopped on this file ({how}): it is damaged or not what its name says"),
                "Open it in Word or Excel, save it again as .docx or .xlsx, and resend it.",
            ),
            Failure::Spawn(why) => InputError::unreadable(
                format!("the file could not be checked: the worker process did not start ({why})"),
                "Run the check again; if it keeps failing, report it with the file.",
            ),
        }
    }
}

/// Sets this process's memory (address space) and CPU-time limits: the
/// first thing a worker does.
pub fn limit_self(memory: u64, cpu: Duration) {
    #[cfg(unix)]
    {
        let set = |resource, soft: u64, hard: u64| {
            let limit = libc::rlimit { rlim_cur: soft as libc::rlim_t, rlim_max: hard as libc::rlim_t };
            // SAFETY: setrlimit only reads the struct we pass; lowering our
            // own limits cannot break memory safety.
            unsafe { libc::setrlimit(resource, &limit) };
        };
        set(libc::RLIMIT_AS, memory, memory);
        // The soft CPU limit sends SIGXCPU (which ends the process) once the
        // budget is used, in whole seconds (the budget itself stops readers
        // and, once they poll it, the mapper and checker at the exact limit).
        let secs = cpu.as_secs_f64().ceil().max(1.0) as u64;
        set(libc::RLIMIT_CPU, secs, secs.saturating_add(1));
    }
    #[cfg(not(unix))]
    {
        let _ = (memory, cpu);
    }
}

/// The worker's side: checks `path` ("-" = standard input, named `name`) in
/// this process and prints the reports as JSON. Returns the exit code.
pub fn worker_main(linter: &Linter, path: &Path, name: Option<&str>) -> std::process::ExitCode {
    let reports = if path == Path::new("-") {
        let mut bytes = Vec::new();
        let cap = linter.limits.max_file_bytes;
        match std::io::stdin().take(cap + 1).read_to_end(&mut bytes) {
            Ok(_) => crate::batch::check_bytes_caught(linter, name.unwrap_or("upload"), &bytes),
            Err(e) => vec![linter.error_report(
                name.unwrap_or("upload"),
                None,
                &InputError::unreadable(format!("the upload could not be read: {e}"), "Send it again."),
            )],
        }
    } else {
        crate::batch::check_caught(linter, path)
    };
    let wires: Vec<Wire> = reports.into_iter().map(Wire::from_report).collect();
    let text = serde_json::to_vec(&wires).unwrap_or_default();
    let mut out = std::io::stdout().lock();
    if out.write_all(&text).and_then(|()| out.flush()).is_err() {
        return std::process::ExitCode::from(3);
    }
    std::process::ExitCode::SUCCESS
}
