//! Prints the section headings the mapper finds in a file, with their cues:
//! `cargo run --release --example headings -- plan.docx`.

fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let doc = ssos_lint::read::read_document(&path, &bytes, &Default::default()).unwrap();
    let pack = ssos_lint::pack::builtin();
    let h = ssos_lint::map::debug_headings(&pack, &doc);
    println!("{h}");
}
