//! Times read+map+check on the committed samples and on a large generated
//! plan. Run with `cargo bench`; prints one line per case (median of runs).
//! Figures are measured here, never asserted in tests.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use ssos_fixtures::{Layout, Plan, SectionId, SheetShape, docx, xlsx};
use ssos_lint::config::Config;
use ssos_lint::lint::Linter;
use ssos_lint::pack;
use ssos_lint::read::{self, Limits};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Runs `f` repeatedly for about `budget` and returns the median time of one run.
fn time(budget: Duration, mut f: impl FnMut()) -> (Duration, usize) {
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || times.len() < 5 {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    let runs = times.len();
    (median(times), runs)
}

fn report(name: &str, bytes: usize, (t, runs): (Duration, usize)) {
    println!("{name:48} {:>8} KB  {:>10.3} ms  ({runs} runs)", bytes / 1024, t.as_secs_f64() * 1000.0);
}

/// A complete plan with every section's response repeated `times` times.
fn repeated(times: usize) -> Plan {
    let mut plan = Plan::complete("Springfield");
    for s in SectionId::ALL {
        let paragraphs: Vec<String> =
            plan.paragraphs(s).iter().cycle().take(plan.paragraphs(s).len() * times).cloned().collect();
        plan = plan.replace(s, paragraphs);
    }
    plan
}

fn main() {
    let limits = Limits::default();
    let linter = Linter::new(pack::builtin(), &Config::default(), limits.clone());
    let budget = Duration::from_millis(300);
    println!("{:48} {:>11}  {:>13}", "case", "size", "read+map+check");

    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut entries: Vec<_> =
        std::fs::read_dir(&samples).expect("samples/").filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    let mut total = Duration::ZERO;
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "docx" || e == "xlsx")) {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let timing = time(budget, || {
            black_box(linter.check_bytes(&name, black_box(&bytes)));
        });
        total += timing.0;
        report(&name, bytes.len(), timing);
    }
    println!("{:48} {:>11}  {:>10.3} ms", "all samples, sum of medians", "", total.as_secs_f64() * 1000.0);

    let typical = docx(&Plan::complete("Lowell"), Layout::HeadingStyles);
    report(
        "read only: typical plan (docx)",
        typical.len(),
        time(budget, || {
            black_box(read::read_document("plan.docx", black_box(&typical), &limits).unwrap());
        }),
    );

    // A large plan: every section's response repeated 40 times (~80,000 words).
    let large_docx = docx(&repeated(40), Layout::HeadingStyles);
    report(
        "large plan (docx, ~80k words)",
        large_docx.len(),
        time(budget, || {
            black_box(linter.check_bytes("large.docx", black_box(&large_docx)));
        }),
    );
    // A workbook cell holds at most 32,767 characters: a smaller multiple.
    let large_xlsx = xlsx(&repeated(8), SheetShape::FormSheet);
    report(
        "large plan (xlsx form, ~16k words)",
        large_xlsx.len(),
        time(budget, || {
            black_box(linter.check_bytes("large.xlsx", black_box(&large_xlsx)));
        }),
    );
}
