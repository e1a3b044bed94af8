//! Isolation: each untrusted file is read, mapped and checked in a worker
//! process, so that an allocation failure, an abort, a stack overflow or a
//! runaway loop in a parser ends that file's check only. A worker is the
//! same binary re-run with the hidden `__worker` command, under a memory
//! limit (`RLIMIT_AS`) and, per file, a CPU-time limit (`RLIMIT_CPU`) on
//! Unix; the parent kills it once three times the file's time budget plus a
//! grace period has passed on the wall clock (a worker blocked on
//! something). Workers are kept in a pool and check one file after another
//! (requests on standard input, each file's reports as length-prefixed JSON
//! on standard output), so start-up is paid per worker, not per file; a
//! worker that ends without replying (a signal, an exit code, no or bad
//! JSON) turns that one file into an `ssos::input::unreadable` report
//! naming the limit that was hit, and the next file gets a fresh worker.
//!
//! Why a process rather than a counting allocator: Rust aborts the whole
//! process on a failed allocation (and a global allocator may not unwind),
//! and some crates (calamine, cfb) allocate from sizes they read before any
//! check of ours can run, so only a separate address space keeps the batch
//! alive.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::lint::Linter;
use crate::read::InputError;
use crate::report::FileReport;

/// The hidden command line word that runs one file's check as a worker.
pub const WORKER_COMMAND: &str = "__worker";

/// Default memory limit of a worker (address space), in bytes.
pub const DEFAULT_MEMORY: u64 = 512 * 1024 * 1024;

/// How to run worker processes, and the ones kept running between files.
#[derive(Debug, Clone)]
pub struct Isolation {
    /// The binary to run (normally `std::env::current_exe()`).
    pub exe: PathBuf,
    /// Arguments that make the worker's linter the same as ours (`--rules`,
    /// `--config`, limits).
    pub args: Vec<OsString>,
    /// Memory limit of the worker (address space), in bytes.
    pub memory: u64,
    /// Wall-clock time past three times the budget before the worker is killed.
    pub grace: Duration,
    pool: Pool,
}

/// Idle workers, ready for the next file; shared by the clones of one
/// `Isolation` (the batch's threads, the server's checks).
#[derive(Clone, Default)]
struct Pool {
    idle: Arc<Mutex<Vec<Worker>>>,
    started: Arc<AtomicUsize>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool").field("started", &self.started.load(Ordering::Relaxed)).finish()
    }
}

/// A worker process that checks one file after another: the start-up (the
/// binary, the rules pack) is paid once, not per file, and one that dies
/// takes only the file it was on with it.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    /// Each reply's bytes; closed once the worker's output ends.
    replies: Receiver<Vec<u8>>,
    /// The end of what the worker wrote to standard error (an abort message).
    stderr: Arc<Mutex<Vec<u8>>>,
    /// The thread keeping that tail; it ends when the worker does.
    stderr_reader: Option<std::thread::JoinHandle<()>>,
    files: usize,
}

/// Files one worker checks before it is replaced: a long-lived address space
/// under `RLIMIT_AS` slowly fragments, so none lives forever.
const FILES_PER_WORKER: usize = 100;

/// Largest reply a worker may send (the reports and the extracted text).
const MAX_REPLY: u64 = 1 << 30;

/// Longest name or path in a request.
const MAX_NAME: u32 = 64 * 1024;

impl Drop for Worker {
    fn drop(&mut self) {
        // An idle worker ends on its own when its input closes; one that
        // is stuck is not waited for.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
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
        Some(Self::with_exe(std::env::current_exe().ok()?, args, memory))
    }

    /// Workers running `exe` (an `ssos-lint` binary) with `args` (which
    /// must carry `--max-file-bytes` and `--time-budget-ms`).
    pub fn with_exe(exe: PathBuf, args: Vec<OsString>, memory: u64) -> Self {
        Isolation { exe, args, memory, grace: Duration::from_secs(2), pool: Pool::default() }
    }

    /// How many worker processes have been started so far.
    pub fn workers_started(&self) -> usize {
        self.pool.started.load(Ordering::Relaxed)
    }

    /// Checks a file on disk in a worker.
    pub fn check_path(&self, linter: &Linter, path: &Path) -> Vec<FileReport> {
        // As given: the worker shares our working folder, and reports name
        // the file the way the user did.
        let shown = path.display().to_string();
        self.run(linter, &shown, &request(PATH, path.as_os_str().as_encoded_bytes(), &[]))
    }

    /// Checks bytes (an upload named `name`) in a worker.
    pub fn check_bytes(&self, linter: &Linter, name: &str, bytes: &[u8]) -> Vec<FileReport> {
        self.run(linter, name, &request(BYTES, name.as_bytes(), bytes))
    }

    fn run(&self, linter: &Linter, shown: &str, request: &[u8]) -> Vec<FileReport> {
        let limit = linter.limits.time_budget;
        // The worker stops itself when its processor time is spent (the
        // budget, then RLIMIT_CPU); the wall clock is only the backstop for
        // a worker that waits on something, generous for loaded machines.
        let wait = limit.saturating_mul(3) + self.grace;
        let mut worker = match self.checkout() {
            Ok(worker) => worker,
            Err(failure) => return vec![linter.error_report(shown, None, &self.error(failure, limit))],
        };
        match exchange(&mut worker, request, wait) {
            Ok(reports) => {
                self.checkin(worker);
                reports
            }
            Err(failure) => vec![linter.error_report(shown, None, &self.error(failure, limit))],
        }
    }

    fn checkout(&self) -> Result<Worker, Failure> {
        let idle = self.pool.idle.lock().map(|mut idle| idle.pop()).unwrap_or(None);
        match idle {
            Some(worker) => Ok(worker),
            None => self.spawn(),
        }
    }

    fn checkin(&self, mut worker: Worker) {
        worker.files += 1;
        if worker.files < FILES_PER_WORKER
            && let Ok(mut idle) = self.pool.idle.lock()
        {
            idle.push(worker);
        }
    }

    fn spawn(&self) -> Result<Worker, Failure> {
        let mut child = Command::new(&self.exe)
            .arg(WORKER_COMMAND)
            .arg("--memory-bytes")
            .arg(self.memory.to_string())
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| Failure::Spawn(e.to_string()))?;
        self.pool.started.fetch_add(1, Ordering::Relaxed);
        let (Some(stdin), Some(stdout), Some(stderr)) = (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Failure::Spawn("no pipes".into()));
        };
        let (sender, replies) = std::sync::mpsc::channel();
        std::thread::spawn(move || forward_replies(stdout, sender));
        let tail = Arc::new(Mutex::new(Vec::new()));
        let writer = tail.clone();
        let stderr_reader = Some(std::thread::spawn(move || keep_tail(stderr, &writer)));
        Ok(Worker { child, stdin, replies, stderr: tail, stderr_reader, files: 0 })
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

/// Request kinds: a file on disk, or an upload's bytes.
const PATH: u8 = 0;
const BYTES: u8 = 1;

/// A request to a worker: its kind, the name (or path) with its length, and
/// the payload with its length (little-endian).
fn request(kind: u8, name: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(13 + name.len() + payload.len());
    frame.push(kind);
    frame.extend_from_slice(&(name.len() as u32).to_le_bytes());
    frame.extend_from_slice(name);
    frame.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    frame.extend_from_slice(payload);
    frame
}

/// Sends one request and waits for its reply, or for the worker's end.
fn exchange(worker: &mut Worker, request: &[u8], wait: Duration) -> Result<Vec<FileReport>, Failure> {
    if let Ok(mut tail) = worker.stderr.lock() {
        tail.clear();
    }
    let sent = worker.stdin.write_all(request).and_then(|()| worker.stdin.flush());
    let reply = match sent {
        Ok(()) => worker.replies.recv_timeout(wait),
        // A worker that stopped reading has ended: its status says why.
        Err(_) => Err(RecvTimeoutError::Disconnected),
    };
    match reply {
        Ok(bytes) => match serde_json::from_slice::<Vec<Wire>>(&bytes) {
            Ok(wires) => Ok(wires.into_iter().map(Wire::into_report).collect()),
            Err(e) => Err(Failure::Crash(format!("an unreadable reply ({e})"))),
        },
        Err(RecvTimeoutError::Timeout) => {
            let _ = worker.child.kill();
            let _ = worker.child.wait();
            Err(Failure::Time)
        }
        Err(RecvTimeoutError::Disconnected) => {
            let status = worker.child.wait().map_err(|e| Failure::Crash(e.to_string()))?;
            // The worker's last words are all read once its stderr closes.
            if let Some(reader) = worker.stderr_reader.take() {
                let _ = reader.join();
            }
            let tail = worker.stderr.lock().map(|t| t.clone()).unwrap_or_default();
            Err(why_it_ended(status, &String::from_utf8_lossy(&tail)))
        }
    }
}

/// The worker's replies, one message each, until its output ends.
fn forward_replies(mut stdout: ChildStdout, sender: Sender<Vec<u8>>) {
    loop {
        let mut len = [0u8; 8];
        if stdout.read_exact(&mut len).is_err() {
            return;
        }
        let len = u64::from_le_bytes(len);
        if len > MAX_REPLY {
            return;
        }
        let mut reply = Vec::new();
        if (&mut stdout).take(len).read_to_end(&mut reply).is_err() || reply.len() as u64 != len {
            return;
        }
        if sender.send(reply).is_err() {
            return;
        }
    }
}

/// Keeps the last few kilobytes the worker wrote to standard error: only
/// the end (an abort message) matters.
fn keep_tail(mut stderr: ChildStderr, tail: &Mutex<Vec<u8>>) {
    let mut buf = [0u8; 4096];
    while let Ok(n) = stderr.read(&mut buf) {
        if n == 0 {
            return;
        }
        let Ok(mut tail) = tail.lock() else { return };
        tail.extend_from_slice(&buf[..n]);
        if tail.len() > 16 * 1024 {
            let cut = tail.len() - 8 * 1024;
            tail.drain(..cut);
        }
    }
}

/// Why a worker ended without replying, from its exit status and last words.
fn why_it_ended(status: std::process::ExitStatus, err: &str) -> Failure {
    if err.contains("memory allocation of") || err.contains("out of memory") {
        return Failure::Memory;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        match status.signal() {
            Some(libc::SIGXCPU) | Some(libc::SIGKILL) if !err.contains("panicked") => return Failure::Time,
            Some(libc::SIGSEGV | libc::SIGABRT)
                if err.contains("overflowed its stack") || err.contains("stack overflow") =>
            {
                return Failure::Crash("its structure is nested too deeply (stack overflow)".into());
            }
            Some(sig) => return Failure::Crash(format!("signal {sig}")),
            None => {}
        }
    }
    Failure::Crash(match status.code() {
        Some(code) => format!("exit code {code}"),
        None => "no result".into(),
    })
}

/// Sets this process's memory (address space) limit, and lets the CPU-time
/// limit be set per file: the first thing a worker does.
pub fn limit_self(memory: u64) {
    #[cfg(unix)]
    {
        set_limit(libc::RLIMIT_AS, memory, memory);
        // The hard CPU limit stays open so that each file's soft limit can
        // be set above the time already used (`allow_cpu_for`).
        set_limit(libc::RLIMIT_CPU, libc::RLIM_INFINITY, libc::RLIM_INFINITY);
    }
    #[cfg(not(unix))]
    {
        let _ = memory;
    }
}

/// The type `setrlimit` takes for a resource (glibc names its own).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
type Resource = libc::__rlimit_resource_t;
#[cfg(all(unix, not(all(target_os = "linux", target_env = "gnu"))))]
type Resource = libc::c_int;

#[cfg(unix)]
fn set_limit(resource: Resource, soft: u64, hard: u64) {
    let limit = libc::rlimit { rlim_cur: soft as libc::rlim_t, rlim_max: hard as libc::rlim_t };
    // SAFETY: setrlimit only reads the struct we pass; changing our own
    // limits cannot break memory safety.
    unsafe { libc::setrlimit(resource, &limit) };
}

/// The next file may use `budget` more processor time: past it the soft CPU
/// limit sends SIGXCPU, which ends the worker (the budget itself stops
/// readers and, as they poll it, the mapper and checker at the exact limit).
fn allow_cpu_for(budget: Duration) {
    #[cfg(unix)]
    {
        // SAFETY: getrusage writes into the zeroed struct we own.
        let used = unsafe {
            let mut usage: libc::rusage = std::mem::zeroed();
            libc::getrusage(libc::RUSAGE_SELF, &mut usage);
            (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) as u64 + 1
        };
        let secs = used + budget.as_secs_f64().ceil().max(1.0) as u64;
        set_limit(libc::RLIMIT_CPU, secs, libc::RLIM_INFINITY);
    }
    #[cfg(not(unix))]
    {
        let _ = budget;
    }
}

/// What a worker is asked to check.
enum Request {
    Path(PathBuf),
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
    /// An upload over the size limit (its bytes were skipped, not kept).
    TooLarge {
        name: String,
        len: u64,
    },
}

/// The next request on standard input; `None` when the input has ended.
fn read_request(input: &mut impl Read, max_bytes: u64) -> std::io::Result<Option<Request>> {
    let mut kind = [0u8; 1];
    match input.read_exact(&mut kind) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut len = [0u8; 4];
    input.read_exact(&mut len)?;
    let name_len = u32::from_le_bytes(len);
    if name_len > MAX_NAME {
        return Err(std::io::Error::other("name too long"));
    }
    let mut name = vec![0u8; name_len as usize];
    input.read_exact(&mut name)?;
    let mut len = [0u8; 8];
    input.read_exact(&mut len)?;
    let payload = u64::from_le_bytes(len);
    let name_text = String::from_utf8_lossy(&name).into_owned();
    if kind[0] == PATH {
        // SAFETY: the parent encoded these bytes from an OsStr in the same
        // binary on the same platform (`as_encoded_bytes`).
        let path = PathBuf::from(unsafe { OsString::from_encoded_bytes_unchecked(name) });
        std::io::copy(&mut input.take(payload), &mut std::io::sink())?;
        return Ok(Some(Request::Path(path)));
    }
    if payload > max_bytes {
        std::io::copy(&mut input.take(payload), &mut std::io::sink())?;
        return Ok(Some(Request::TooLarge { name: name_text, len: payload }));
    }
    let mut bytes = Vec::with_capacity(payload as usize);
    input.take(payload).read_to_end(&mut bytes)?;
    Ok(Some(Request::Bytes { name: name_text, bytes }))
}

/// The worker's side: checks one requested file after another in this
/// process, replying with each file's reports as JSON, until its input
/// ends. Returns the exit code.
pub fn worker_main(linter: &Linter) -> std::process::ExitCode {
    let mut input = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    loop {
        let request = match read_request(&mut input, linter.limits.max_file_bytes) {
            Ok(Some(request)) => request,
            Ok(None) => return std::process::ExitCode::SUCCESS,
            Err(_) => return std::process::ExitCode::from(3),
        };
        allow_cpu_for(linter.limits.time_budget);
        let reports = match request {
            Request::Path(path) => crate::batch::check_caught(linter, &path),
            Request::Bytes { name, bytes } => crate::batch::check_bytes_caught(linter, &name, &bytes),
            Request::TooLarge { name, len } => {
                let err = InputError::unreadable(
                    format!(
                        "the file is {} MB, over the {} MB limit",
                        len / (1024 * 1024),
                        linter.limits.max_file_bytes / (1024 * 1024)
                    ),
                    "Remove large pictures or embedded files, or raise the limit with --max-file-size.",
                );
                vec![linter.error_report(&name, None, &err)]
            }
        };
        let wires: Vec<Wire> = reports.into_iter().map(Wire::from_report).collect();
        let text = serde_json::to_vec(&wires).unwrap_or_default();
        let sent = out
            .write_all(&(text.len() as u64).to_le_bytes())
            .and_then(|()| out.write_all(&text))
            .and_then(|()| out.flush());
        if sent.is_err() {
            return std::process::ExitCode::from(3);
        }
    }
}
