//! Prints the blocks a reader makes of a file, with their cues, for debugging the mapper:
//! `cargo run --release --example blocks -- plan.docx`.

fn main() {
    let Some(path) = std::env::args().nth(1) else { return eprintln!("usage: blocks FILE") };
    let Ok(bytes) = std::fs::read(&path) else { return eprintln!("cannot read {path}") };
    let doc = match ssos_lint::read::read_document(&path, &bytes, &Default::default()) {
        Ok(doc) => doc,
        Err(err) => return eprintln!("{}: {}", err.code(), err.reason),
    };
    for (i, b) in doc.blocks.iter().enumerate().take(std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(60))
    {
        println!(
            "{i:3} {:?} p={:?} l={:?} h={:?} b={} l={:?} ph={} g={:?} {:?}",
            b.kind,
            b.location.page,
            b.location.line,
            b.heading_level,
            b.bold,
            b.list_label,
            b.placeholder,
            b.grid.map(|g| (g.table, g.row, g.col)),
            b.text.chars().take(90).collect::<String>()
        );
    }
}
