//! Prints what the lexicon sees in a sentence: `cargo run --example explain_unit -- "text"`.
fn main() {
    let pack = ssos_lint::pack::builtin();
    let lex = ssos_lint::pack::lexicon::Lexicon::new(&pack);
    let text = std::env::args().nth(1).unwrap_or_default();
    let label = std::env::args().nth(2);
    for unit in lex.units(&text, label.as_deref()) {
        println!("{}", unit.text);
        for (concept, words, scope) in lex.describe(&unit) {
            println!("  {concept:<32} {words:<30} scope={scope:04b}");
        }
        println!("  ongoing={} past={:?}", unit.ongoing, unit.past);
    }
}
