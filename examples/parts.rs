//! Prints the parts the mapper gives each section (priority, heading, first
//! words of each piece) and the benchmarks it counts per priority:
//! `cargo run --release --example parts -- plan.docx [section-number]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else { return eprintln!("usage: parts FILE [SECTION]") };
    let only: Option<usize> = args.next().and_then(|s| s.parse().ok());
    let Ok(bytes) = std::fs::read(&path) else { return eprintln!("cannot read {path}") };
    let doc = match ssos_lint::read::read_document(&path, &bytes, &Default::default()) {
        Ok(doc) => doc,
        Err(err) => return eprintln!("{}: {}", err.code(), err.reason),
    };
    let pack = ssos_lint::pack::builtin();
    let submission = ssos_lint::map::Mapper::new(&pack).map(&doc);
    for (n, section) in submission.sections.iter().enumerate() {
        if only.is_some_and(|o| o != n + 1) {
            continue;
        }
        println!("== section {} {:?}", n + 1, section.state);
        for part in &section.parts {
            println!("  -- part priority={:?} heading={:?}", part.priority, part.heading);
            for piece in &part.pieces {
                let text: String = piece.text.chars().take(100).collect();
                println!("     [{}] {}", piece.block, text.replace('\n', " / "));
            }
        }
    }
    let priorities: Vec<_> = submission.priorities.iter().map(|p| (p.number, p.block)).collect();
    println!("priorities {priorities:?}");
    println!("benchmarks {:?}", submission.benchmarks);
}
