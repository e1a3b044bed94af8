//! Prints the section headings the mapper finds in a file, with their cues:
//! `cargo run --release --example headings -- plan.docx`.

fn main() {
    let Some(path) = std::env::args().nth(1) else { return eprintln!("usage: headings FILE") };
    let Ok(bytes) = std::fs::read(&path) else { return eprintln!("cannot read {path}") };
    let doc = match ssos_lint::read::read_document(&path, &bytes, &Default::default()) {
        Ok(doc) => doc,
        Err(err) => return eprintln!("{}: {}", err.code(), err.reason),
    };
    print!("{}", ssos_lint::map::debug_headings(&ssos_lint::pack::builtin(), &doc));
}
