//! A bounded loopback load test of `ssos-lint serve`.
//!
//! ```sh
//! cargo build --release && cargo run --release --example loadtest
//! cargo run --release --example loadtest -- --plan samples/lowell-heading-styles.docx --requests 300
//! ```
//!
//! Starts the release binary on a free loopback port, then for concurrency
//! 1, 8 and 32 sends `--requests` checks of one plan (each client keeps its
//! connection alive) and prints requests/s, p50/p99 latency, errors and the
//! server's peak resident memory during the phase (sampled from /proc).
//! A last phase sends 8 concurrent ~25 MB workbooks. Nothing here asserts a
//! speed; it measures.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

struct Args {
    bin: PathBuf,
    plan: PathBuf,
    requests: usize,
    large: bool,
}

fn args() -> Args {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = Args {
        bin: root.join("target/release/ssos-lint"),
        plan: root.join("samples/taunton-incomplete.docx"),
        requests: 400,
        large: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bin" => args.bin = it.next().expect("--bin PATH").into(),
            "--plan" => args.plan = it.next().expect("--plan PATH").into(),
            "--requests" => args.requests = it.next().expect("--requests N").parse().expect("a number"),
            "--no-large" => args.large = false,
            other => panic!("unknown argument {other}"),
        }
    }
    args
}

/// One keep-alive POST; returns the status.
fn post(stream: &mut TcpStream, reader: &mut BufReader<TcpStream>, addr: &str, body: &[u8]) -> std::io::Result<u16> {
    let head = format!(
        "POST /api/v1/check HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/octet-stream\r\n\
         X-Filename: plan.docx\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status: u16 = status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == "\r\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(status)
}

fn rss_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The server's RSS plus that of its check workers (the processes whose
/// parent it is), as one figure: what the service costs the machine.
fn tree_rss_kib(pid: u32) -> u64 {
    let children = std::fs::read_dir("/proc").into_iter().flatten().flatten().filter_map(|e| {
        let child: u32 = e.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{child}/stat")).ok()?;
        // The parent pid is the second field after the `(name)` one.
        let ppid: u32 = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()?;
        (ppid == pid).then_some(child)
    });
    rss_kib(pid, "VmRSS:") + children.map(|c| rss_kib(c, "VmRSS:")).sum::<u64>()
}

struct Phase {
    rps: f64,
    p50: Duration,
    p99: Duration,
    errors: usize,
    peak_mib: f64,
    statuses: Vec<(u16, usize)>,
}

fn phase(pid: u32, addr: &str, body: Arc<Vec<u8>>, concurrency: usize, total: usize) -> Phase {
    let peak = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, done) = (peak.clone(), done.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                peak.fetch_max(tree_rss_kib(pid), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };
    let per = total.div_ceil(concurrency);
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let (addr, body) = (addr.to_string(), body.clone());
            std::thread::spawn(move || {
                let mut results = Vec::with_capacity(per);
                let mut conn: Option<(TcpStream, BufReader<TcpStream>)> = None;
                for _ in 0..per {
                    if conn.is_none() {
                        let s = TcpStream::connect(&addr).expect("connect");
                        s.set_read_timeout(Some(Duration::from_secs(300))).unwrap();
                        s.set_nodelay(true).unwrap();
                        let r = BufReader::new(s.try_clone().unwrap());
                        conn = Some((s, r));
                    }
                    let (s, r) = conn.as_mut().unwrap();
                    let t = Instant::now();
                    let status = post(s, r, &addr, &body).unwrap_or(0);
                    results.push((status, t.elapsed()));
                    if status != 200 {
                        conn = None;
                    }
                }
                results
            })
        })
        .collect();
    let results: Vec<(u16, Duration)> = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    let elapsed = started.elapsed();
    done.store(true, Ordering::Relaxed);
    sampler.join().unwrap();
    let mut latencies: Vec<Duration> = results.iter().map(|(_, d)| *d).collect();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1];
    let mut statuses: Vec<(u16, usize)> = Vec::new();
    for (s, _) in &results {
        match statuses.iter_mut().find(|(k, _)| k == s) {
            Some((_, n)) => *n += 1,
            None => statuses.push((*s, 1)),
        }
    }
    Phase {
        rps: results.len() as f64 / elapsed.as_secs_f64(),
        p50: pct(0.50),
        p99: pct(0.99),
        errors: results.iter().filter(|(s, _)| *s != 200).count(),
        peak_mib: peak.load(Ordering::Relaxed) as f64 / 1024.0,
        statuses,
    }
}

/// A workbook of about `mib` MB: one sheet of hard-to-compress text cells.
fn large_workbook(mib: usize) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "1. Priority(ies)").unwrap();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut row = 1u32;
    let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";
    // About 40 bytes of compressed text per cell.
    let cells = mib * 1024 * 1024 / 40;
    for i in 0..cells {
        let text: String = (0..48)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                alphabet[(x % alphabet.len() as u64) as usize] as char
            })
            .collect();
        sheet.write(row, (i % 8) as u16, text).unwrap();
        if i % 8 == 7 {
            row += 1;
        }
    }
    book.save_to_buffer().unwrap()
}

fn main() {
    let args = args();
    assert!(args.bin.is_file(), "build the server first: cargo build --release ({} not found)", args.bin.display());
    let plan = Arc::new(std::fs::read(&args.plan).expect("the plan"));
    let mut server = Command::new(&args.bin)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("server starts");
    let stderr = server.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(a) = line.strip_prefix("Listening on http://") {
                let _ = tx.send(a.trim().to_string());
            }
        }
    });
    let addr = rx.recv_timeout(Duration::from_secs(30)).expect("server address");
    let pid = server.id();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "plan: {} ({} bytes), {} requests per phase, {cores} CPUs, server pid {pid}",
        args.plan.display(),
        plan.len(),
        args.requests
    );
    println!("idle RSS: {:.1} MiB", rss_kib(pid, "VmRSS:") as f64 / 1024.0);
    // Warm up.
    let _ = phase(pid, &addr, plan.clone(), 1, 10);
    println!("| concurrency | requests/s | p50 | p99 | errors | peak RSS (server + workers) |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for c in [1, 8, 32] {
        let p = phase(pid, &addr, plan.clone(), c, args.requests);
        println!(
            "| {c} | {:.0} | {:.1} ms | {:.1} ms | {} | {:.1} MiB |",
            p.rps,
            p.p50.as_secs_f64() * 1e3,
            p.p99.as_secs_f64() * 1e3,
            p.errors,
            p.peak_mib
        );
        if p.errors > 0 {
            println!("  statuses: {:?}", p.statuses);
        }
    }
    if args.large {
        let big = Arc::new(large_workbook(25));
        println!("large: 8 concurrent uploads of a {:.1} MB workbook", big.len() as f64 / 1e6);
        let p = phase(pid, &addr, big, 8, 8);
        println!(
            "| 8 x large | {:.2} | {:.0} ms | {:.0} ms | {} | {:.1} MiB |  statuses {:?}",
            p.rps,
            p.p50.as_secs_f64() * 1e3,
            p.p99.as_secs_f64() * 1e3,
            p.errors,
            p.peak_mib,
            p.statuses
        );
    }
    println!("server peak RSS over the run (VmHWM): {:.1} MiB", rss_kib(pid, "VmHWM:") as f64 / 1024.0);
    let _ = server.kill();
    let _ = server.wait();
}
