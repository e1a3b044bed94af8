fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let doc = ssos_lint::read::read_document(&path, &bytes, &Default::default()).unwrap();
    for (i, b) in doc.blocks.iter().enumerate().take(60) {
        println!(
            "{i:3} {:?} h={:?} b={} l={:?} ph={} g={:?} {:?}",
            b.kind,
            b.heading_level,
            b.bold,
            b.list_label,
            b.placeholder,
            b.grid.map(|g| (g.table, g.row, g.col)),
            b.text.chars().take(90).collect::<String>()
        );
    }
}
