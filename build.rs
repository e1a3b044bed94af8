//! Does once, when the crate is built, what every run would otherwise do
//! first: the built-in rules pack (`rules/*.toml`) is merged into one JSON
//! document, which loads several times faster than its TOML, and every word
//! of it is stemmed, so the lexicon starts from a table instead of running
//! the stemmer on each term. Neither changes what the pack says: the test
//! `builtin_packs_are_valid` loads the TOML files through the full,
//! validating loader and compares the two.

use std::collections::BTreeMap;
use std::path::Path;

/// The files of the default pack, in the order `src/pack/load.rs` lists them
/// (the order of top-level arrays such as `rules` follows it).
const DEFAULT_PACK: &[&str] = &[
    "rules/pack.toml",
    "rules/sections.toml",
    "rules/text.toml",
    "rules/concepts.toml",
    "rules/rules-input.toml",
    "rules/rules-section.toml",
    "rules/rules-priorities.toml",
    "rules/rules-analysis.toml",
    "rules/rules-stakeholders.toml",
    "rules/rules-outcomes.toml",
    "rules/rules-roles.toml",
    "rules/rules-monitoring.toml",
    "rules/rules-resources.toml",
    "rules/rules-differentiation.toml",
    "rules/rules-document.toml",
    "rules/districts.toml",
    "rules/letter.toml",
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=rules");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut merged = toml::Table::new();
    for name in DEFAULT_PACK {
        println!("cargo::rerun-if-changed={name}");
        let text = std::fs::read_to_string(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        // A file that does not parse is left to the loader, which says where
        // (the pack test fails with the file and line).
        let Ok(table) = text.parse::<toml::Table>() else {
            merged = toml::Table::new();
            break;
        };
        for (key, value) in table {
            match (merged.get_mut(&key), value) {
                (Some(toml::Value::Array(into)), toml::Value::Array(more)) => into.extend(more),
                (Some(toml::Value::Table(into)), toml::Value::Table(more)) => into.extend(more),
                (_, value) => {
                    merged.insert(key, value);
                }
            }
        }
    }
    let json = serde_json::to_string(&merged).expect("a TOML table is JSON");
    std::fs::write(Path::new(&out).join("default-pack.json"), json).expect("writes OUT_DIR");

    // Every word of the pack, lower case, as the lexicon cuts terms.
    let mut words = std::collections::BTreeSet::new();
    collect_words(&toml::Value::Table(merged), &mut words);
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let stems: BTreeMap<String, String> =
        words.into_iter().map(|w| (w.clone(), stemmer.stem(&w).into_owned())).collect();
    let mut table = String::from("&[\n");
    for (word, stem) in &stems {
        table.push_str(&format!("    ({word:?}, {stem:?}),\n"));
    }
    table.push(']');
    std::fs::write(Path::new(&out).join("stems.rs"), table).expect("writes OUT_DIR");
}

fn collect_words(value: &toml::Value, words: &mut std::collections::BTreeSet<String>) {
    match value {
        toml::Value::String(s) => {
            for raw in s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
                let lower = raw.to_lowercase().replace('’', "'");
                let bare = lower.trim_matches('\'');
                if bare.is_empty() {
                    continue;
                }
                let base = bare.strip_suffix("'s").unwrap_or(bare);
                words.insert(base.to_string());
                if let Some(b) = bare.strip_suffix("n't") {
                    words.insert(b.to_string());
                }
            }
        }
        toml::Value::Array(items) => items.iter().for_each(|v| collect_words(v, words)),
        toml::Value::Table(t) => t.values().for_each(|v| collect_words(v, words)),
        _ => {}
    }
}
