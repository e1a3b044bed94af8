//! Writes the plans `scripts/bench.sh` times into the folder given:
//! `typical.docx` (a complete plan, heading styles), `large.docx` (every
//! response repeated 48 times, about 80,000 words) and `distinct.docx` (the
//! same, each repetition's sentences made distinct, so that no sentence is
//! read twice: a document's repeated sentences are analysed once, which
//! `large.docx` favours far more than a real plan would).

use ssos_fixtures::{Layout, Plan, SectionId, docx};

/// Every response of a complete plan `times` over; from the second time on,
/// each sentence ends "... in cycle N." when `distinct`.
fn repeated(times: usize, distinct: bool) -> Plan {
    let mut plan = Plan::complete("Springfield");
    for s in SectionId::ALL {
        let own = plan.paragraphs(s).to_vec();
        let paragraphs: Vec<String> = (0..times)
            .flat_map(|k| {
                own.iter().map(move |p| match distinct && k > 0 {
                    true => vary(p, k),
                    false => p.clone(),
                })
            })
            .collect();
        plan = plan.replace(s, paragraphs);
    }
    plan
}

/// `paragraph` with " in cycle `k`" before each full stop that ends a sentence.
fn vary(paragraph: &str, k: usize) -> String {
    let mark = format!(" in cycle {k}.");
    let mut out = paragraph.replace(". ", &format!("{mark} "));
    if let Some(body) = out.strip_suffix('.') {
        out = format!("{body}{mark}");
    }
    out
}

fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("typical.docx"), docx(&Plan::complete("Lowell"), Layout::HeadingStyles))?;
    std::fs::write(dir.join("large.docx"), docx(&repeated(48, false), Layout::HeadingStyles))?;
    std::fs::write(dir.join("distinct.docx"), docx(&repeated(48, true), Layout::HeadingStyles))?;
    Ok(())
}
