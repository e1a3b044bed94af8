//! Runs the DOCX reader over every `.docx` under a folder and reports files
//! read / refused (with reasons) / panics and the read time.
//!
//! cargo run --release --example docx_corpus -- DIR [--dump NAME-SUBSTRING] [--repeat N]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ssos_lint::read::{Limits, docx};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx")) {
            out.push(path);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: docx_corpus DIR [--dump NAME]");
        std::process::exit(2);
    };
    let dump = args.iter().position(|a| a == "--dump").and_then(|i| args.get(i + 1)).cloned();
    // --repeat N: read each file N times and keep the fastest (steady-state timing).
    let repeat: usize = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let mut files = Vec::new();
    walk(Path::new(dir), &mut files);
    files.sort();
    std::panic::set_hook(Box::new(|_| {}));
    let limits = Limits::default();
    let (mut ok, mut refused, mut panics) = (0, Vec::new(), Vec::new());
    let mut total = Duration::ZERO;
    let mut slowest = (Duration::ZERO, String::new());
    let mut blocks = 0;
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let name = path.display().to_string();
        let mut took = Duration::MAX;
        let mut result = None;
        for _ in 0..repeat.max(1) {
            let start = Instant::now();
            let r = std::panic::catch_unwind(|| docx::read(&bytes, &limits));
            took = took.min(start.elapsed());
            result = Some(r);
        }
        let Some(result) = result else { continue };
        if repeat > 1 {
            println!("TIME {took:?} {} bytes {name}", bytes.len());
        }
        total += took;
        if took > slowest.0 {
            slowest = (took, name.clone());
        }
        match result {
            Ok(Ok(doc)) => {
                ok += 1;
                if doc.blocks.is_empty() {
                    println!("EMPTY {name}");
                }
                let (missing, all, sample) = missing_chars(&bytes, &doc);
                if missing > 0 {
                    println!("MISSING {name}: {missing}/{all} chars, e.g. {sample:?}");
                }
                blocks += doc.blocks.len();
                if dump.as_deref().is_some_and(|d| name.contains(d)) {
                    println!("== {name} ({took:?}) {:?} {:?}", doc.properties, doc.revisions);
                    for b in &doc.blocks {
                        println!(
                            "{:>4} {:?} h={:?} b={} l={:?} plc={} img={} {:?} [{}] {:?}",
                            b.location.paragraph.unwrap_or(0),
                            b.kind,
                            b.heading_level,
                            b.bold,
                            b.list_label,
                            b.placeholder,
                            b.images,
                            b.grid.map(|g| (g.table, g.row, g.col, g.depth)),
                            b.style.as_deref().unwrap_or(""),
                            b.text
                        );
                    }
                    println!("headers: {:?}\nnotes: {:?}", doc.headers, doc.notes);
                }
            }
            Ok(Err(err)) => refused.push((name, err.reason)),
            Err(_) => panics.push(name),
        }
    }
    println!("files: {}  ok: {ok}  refused: {}  panics: {}", files.len(), refused.len(), panics.len());
    println!("blocks: {blocks}  total read time: {total:?}  mean: {:?}", total / files.len().max(1) as u32);
    println!("slowest: {:?} {}", slowest.0, slowest.1);
    for (name, reason) in &refused {
        println!("REFUSED {name}: {reason}");
    }
    for name in &panics {
        println!("PANIC {name}");
    }
}

/// Letters and digits of `w:t` runs in word/document.xml (a naive
/// reader's view) that the reader's blocks lack, as (missing, total): a hint
/// of lost text (deleted/hidden text and field codes show up legitimately).
fn missing_chars(bytes: &[u8], doc: &ssos_lint::model::Document) -> (usize, usize, String) {
    use std::collections::HashMap;
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return (0, 0, String::new());
    };
    let Ok(mut part) = zip.by_name("word/document.xml") else {
        return (0, 0, String::new());
    };
    let mut xml = String::new();
    if part.read_to_string(&mut xml).is_err() {
        return (0, 0, String::new());
    }
    let re = regex::Regex::new(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>").unwrap();
    let ent = regex::Regex::new(r"&[#a-zA-Z0-9]+;").unwrap();
    let mut have: HashMap<char, isize> = HashMap::new();
    for b in &doc.blocks {
        for c in b.text.chars().filter(|c| c.is_alphanumeric()) {
            *have.entry(c).or_default() += 1;
        }
    }
    let (mut missing, mut total, mut sample) = (0, 0, String::new());
    for cap in re.captures_iter(&xml) {
        let text = ent.replace_all(&cap[1], "");
        for c in text.chars().filter(|c| c.is_alphanumeric()) {
            total += 1;
            let n = have.entry(c).or_default();
            *n -= 1;
            if *n < 0 {
                missing += 1;
                if sample.chars().count() < 40 {
                    sample.push_str(&text);
                    sample.push('|');
                }
            }
        }
    }
    (missing, total, sample)
}
