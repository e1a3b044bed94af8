//! Does once, when the crate is built, what every run would otherwise do
//! first: the built-in rules pack (`rules/*.toml`) is merged into one JSON
//! document, which loads several times faster than its TOML, and every word
//! of it is stemmed, so the lexicon starts from a table instead of running
//! the stemmer on each term. Neither changes what the pack says: the test
//! `builtin_packs_are_valid` loads the TOML files through the full,
//! validating loader and compares the two.

use std::collections::BTreeMap;
use std::path::Path;

use regex_automata::dfa::{StartKind, dense};
use regex_automata::nfa::thompson;

/// The forms of a pattern, shared with the crate (`src/pack/pattern.rs`).
#[allow(dead_code)]
#[path = "src/pack/forms.rs"]
mod forms;

/// The compiled vocabulary's tables, shared with the crate (`src/pack/lexicon/tables.rs`).
#[allow(dead_code)]
#[path = "src/pack/lexicon/tables.rs"]
mod tables;

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
    println!("cargo::rerun-if-changed=src/pack/lexicon/tables.rs");
    println!("cargo::rerun-if-changed=src/pack/forms.rs");
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
    prebuild_patterns(&merged, Path::new(&out));
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let tables = (!merged.is_empty()).then(|| lexicon_input(&merged).compile(&mut |w| stemmer.stem(w).into_owned()));
    let lexicon = tables.as_ref().map_or("None".to_string(), |t| format!("Some({})", emit_tables(t)));
    std::fs::write(Path::new(&out).join("lexicon.rs"), lexicon).expect("writes OUT_DIR");
    let set = tables.as_ref().and_then(|t| pattern_set(&t.patterns)).unwrap_or_default();
    std::fs::write(Path::new(&out).join("pattern-set.dfa"), set).expect("writes OUT_DIR");
    let tree = if merged.is_empty() { "None".to_string() } else { format!("Some({})", emit_tree(&merged)) };
    std::fs::write(Path::new(&out).join("default-pack.rs"), tree).expect("writes OUT_DIR");

    // Every word of the pack, lower case, as the lexicon cuts terms.
    let mut words = std::collections::BTreeSet::new();
    collect_words(&toml::Value::Table(merged), &mut words);
    let stems: BTreeMap<String, String> =
        words.into_iter().map(|w| (w.clone(), stemmer.stem(&w).into_owned())).collect();
    let mut table = String::from("&[\n");
    for (word, stem) in &stems {
        table.push_str(&format!("    ({word:?}, {stem:?}),\n"));
    }
    table.push(']');
    std::fs::write(Path::new(&out).join("stems.rs"), table).expect("writes OUT_DIR");
    // An open-addressing index of the words (as `tables::Index` has): 0 for
    // a free slot, else 1 + the word's place in `stems.rs`.
    let mut slots = vec![0u32; (stems.len() * 2).next_power_of_two()];
    let mask = slots.len() - 1;
    for (i, word) in stems.keys().enumerate() {
        let mut at = tables::key_hash(word) as usize & mask;
        while slots[at] != 0 {
            at = (at + 1) & mask;
        }
        slots[at] = i as u32 + 1;
    }
    let slots: Vec<String> = slots.iter().map(u32::to_string).collect();
    std::fs::write(Path::new(&out).join("stem-slots.rs"), format!("&[{}]", slots.join(","))).expect("writes OUT_DIR");
}

/// Every regular expression of the built-in pack, as the engine writes it
/// (see `src/pack/forms.rs`), compiled to a forward and a reverse dense DFA
/// for ASCII texts and, when it has no Unicode word boundary, for Latin
/// ones: `patterns.dfa` holds their bytes, `patterns.rs` the table the crate
/// looks them up in, with whether every match ends at the end of the text
/// (`forms::end_anchored`). A pattern with no DFA here is compiled when
/// first used.
fn prebuild_patterns(pack: &toml::Table, out: &Path) {
    let strings = |v: Option<&toml::Value>| -> Vec<String> {
        v.and_then(toml::Value::as_array)
            .map(|a| a.iter().filter_map(|s| s.as_str().map(String::from)).collect())
            .unwrap_or_default()
    };
    let mut patterns = std::collections::BTreeSet::new();
    if let Some(concepts) = pack.get("concepts").and_then(toml::Value::as_table) {
        for concept in concepts.values() {
            patterns.extend(strings(concept.get("patterns")));
        }
    }
    let empty = toml::Table::new();
    let mapping = pack.get("mapping").and_then(toml::Value::as_table).unwrap_or(&empty);
    for list in forms::CASE_INSENSITIVE_LISTS {
        patterns.extend(strings(mapping.get(*list)).into_iter().map(|p| format!("(?i){p}")));
    }
    patterns.insert(forms::numbering(&strings(mapping.get("heading_number_words"))));
    patterns.insert(forms::joiners(&strings(mapping.get("heading_joiners"))));
    let districts = pack.get("districts").and_then(toml::Value::as_table).unwrap_or(&empty);
    patterns.insert(forms::district_generic(&strings(districts.get("name_suffixes"))));

    patterns.extend(forms::ENGINE_PATTERNS.iter().map(|p| p.to_string()));

    let mut bytes: Vec<u8> = Vec::new();
    let mut table = String::from("&[\n");
    for pattern in &patterns {
        let Ok(hir) = regex_syntax::Parser::new().parse(pattern) else { continue };
        let end_anchored = forms::end_anchored(&hir);
        for tier in [forms::Tier::Ascii, forms::Tier::Latin] {
            let hir = forms::narrow(hir.clone(), tier);
            let Some((forward, reverse)) = dfas(&hir) else { continue };
            let (f, r) = (append_dfa(&mut bytes, &forward), append_dfa(&mut bytes, &reverse));
            table.push_str(&format!("    ({pattern:?}, {}, {f:?}, {r:?}, {end_anchored}),\n", tier as u8));
        }
    }
    table.push(']');
    std::fs::write(out.join("patterns.dfa"), bytes).expect("writes OUT_DIR");
    std::fs::write(out.join("patterns.rs"), table).expect("writes OUT_DIR");
    any_sets(mapping, out);
}

/// For each of the mapping's lists in `forms::ANY_OF_LISTS`, one DFA over
/// all its patterns in their ASCII form, which says in one pass whether any
/// of them matches (`pack::pattern::AnyOf`): `any-sets.dfa` holds their
/// bytes, `any-sets.rs` the lists (as the engine writes them, `(?i)` first)
/// and byte ranges. A list with a pattern that does not parse, or whose
/// DFA grows too large, has none (each pattern is then asked in turn).
fn any_sets(mapping: &toml::Table, out: &Path) {
    let mut bytes: Vec<u8> = Vec::new();
    let mut table = String::from("&[\n");
    for list in forms::ANY_OF_LISTS {
        let patterns: Vec<String> = mapping
            .get(*list)
            .and_then(toml::Value::as_array)
            .map(|a| a.iter().filter_map(|s| s.as_str().map(|p| format!("(?i){p}"))).collect())
            .unwrap_or_default();
        if patterns.is_empty() {
            continue;
        }
        let Some(hirs) = patterns
            .iter()
            .map(|p| Some(forms::narrow(regex_syntax::Parser::new().parse(p).ok()?, forms::Tier::Ascii)))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let Some(dfa) = any_match_dfa(&hirs) else {
            continue;
        };
        let (from, to) = append_dfa(&mut bytes, &dfa);
        table.push_str(&format!("    (&{patterns:?}, ({from}, {to})),\n"));
    }
    table.push(']');
    std::fs::write(out.join("any-sets.dfa"), bytes).expect("writes OUT_DIR");
    std::fs::write(out.join("any-sets.rs"), table).expect("writes OUT_DIR");
}

type Dfa = dense::DFA<Vec<u32>>;

/// Zero bytes up to the next multiple of 8: a DFA is read in place, aligned.
fn pad_to_8(bytes: &mut Vec<u8>) {
    while !bytes.len().is_multiple_of(8) {
        bytes.push(0);
    }
}

/// Appends `dfa`'s bytes at an 8-byte boundary; the byte range it takes.
fn append_dfa(bytes: &mut Vec<u8>, dfa: &Dfa) -> (usize, usize) {
    pad_to_8(bytes);
    let from = bytes.len();
    bytes.resize(from + dfa.write_to_len(), 0);
    let n = dfa.write_to_native_endian(&mut bytes[from..]).expect("the buffer is the DFA's size");
    bytes.truncate(from + n);
    (from, from + n)
}

/// One unanchored DFA reporting every pattern of `hirs` that matches (no
/// captures), within 8 MB; `None` when it would grow larger.
fn any_match_dfa<H: std::borrow::Borrow<regex_syntax::hir::Hir>>(hirs: &[H]) -> Option<Dfa> {
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
        .build_many_from_hir(hirs)
        .ok()?;
    let limit = Some(8 << 20);
    dense::Builder::new()
        .configure(
            dense::Config::new()
                .match_kind(regex_automata::MatchKind::All)
                .start_kind(StartKind::Unanchored)
                .dfa_size_limit(limit)
                .determinize_size_limit(limit),
        )
        .build_from_nfa(&nfa)
        .ok()
}

/// DFAs of the vocabulary's patterns in their ASCII form, each over a group
/// of them, which say in one pass over an ASCII text which of their
/// patterns match anywhere in it. The patterns anchored at the start of the
/// text come first, so that their groups' DFAs stop after a few bytes; then
/// the others, in order; a group is as large as a DFA of bounded size
/// (8 MB) holds: every group is one more pass over each sentence (four
/// groups cost a third of the eight that 1 MB allowed). Written as runs
/// of: u32 patterns, u32 length, the patterns' indices (u32 each), padding
/// to 8, the DFA's bytes, padding to 8. Empty when a pattern does not parse;
/// a pattern too large for a DFA is in no set.
fn pattern_set(patterns: &[tables::Str]) -> Option<Vec<u8>> {
    let hirs = patterns
        .iter()
        .map(|p| Some(forms::narrow(regex_syntax::Parser::new().parse(p).ok()?, forms::Tier::Ascii)))
        .collect::<Option<Vec<_>>>()?;
    let at_start =
        |h: &regex_syntax::hir::Hir| h.properties().look_set_prefix().contains(regex_syntax::hir::Look::Start);
    let order: Vec<usize> = (0..hirs.len())
        .filter(|&i| at_start(&hirs[i]))
        .chain((0..hirs.len()).filter(|&i| !at_start(&hirs[i])))
        .collect();
    let build = |group: &[usize]| -> Option<Dfa> {
        let group: Vec<&regex_syntax::hir::Hir> = group.iter().map(|&i| &hirs[i]).collect();
        any_match_dfa(&group)
    };
    let mut out = Vec::new();
    let mut first = 0;
    while first < order.len() {
        // The longest group from `first` that fits and does not mix the
        // anchored patterns with the others.
        let mut best: Option<(usize, Dfa)> = None;
        let mut len = 1;
        while first + len <= order.len() && at_start(&hirs[order[first + len - 1]]) == at_start(&hirs[order[first]]) {
            match build(&order[first..first + len]) {
                Some(dfa) => best = Some((len, dfa)),
                None => break,
            }
            len += 1;
        }
        // A pattern too large for a DFA of its own is left out of every
        // set: the engine searches for it as usual.
        let Some((len, dfa)) = best else {
            first += 1;
            continue;
        };
        let (bytes, skip) = dfa.to_bytes_native_endian();
        let bytes = &bytes[skip..];
        for n in [len as u32, bytes.len() as u32] {
            out.extend_from_slice(&n.to_ne_bytes());
        }
        for &i in &order[first..first + len] {
            out.extend_from_slice(&(i as u32).to_ne_bytes());
        }
        pad_to_8(&mut out);
        out.extend_from_slice(bytes);
        pad_to_8(&mut out);
        first += len;
    }
    Some(out)
}

/// The forward and reverse DFAs of a leftmost-first search for `hir`, as
/// `regex_automata::dfa::regex::Builder` makes them; none for a pattern a
/// DFA cannot hold (a Unicode word boundary) or that grows too large.
fn dfas(hir: &regex_syntax::hir::Hir) -> Option<(Dfa, Dfa)> {
    let nfa = |reverse: bool| {
        thompson::Compiler::new()
            .configure(thompson::Config::new().reverse(reverse).which_captures(thompson::WhichCaptures::None))
            .build_from_hir(hir)
            .ok()
    };
    let limit = Some(4 << 20);
    let forward = dense::Builder::new()
        .configure(dense::Config::new().dfa_size_limit(limit).determinize_size_limit(limit))
        .build_from_nfa(&nfa(false)?)
        .ok()?;
    let reverse = dense::Builder::new()
        .configure(
            dense::Config::new()
                .prefilter(None)
                .specialize_start_states(false)
                .start_kind(StartKind::Anchored)
                .match_kind(regex_automata::MatchKind::All)
                .dfa_size_limit(limit)
                .determinize_size_limit(limit),
        )
        .build_from_nfa(&nfa(true)?)
        .ok()?;
    Some((forward, reverse))
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

/// The input of the vocabulary's tables, as the crate takes it from a loaded
/// pack (`Lexicon::new`): absent lists are empty, concepts in name order.
fn lexicon_input(pack: &toml::Table) -> tables::Input<'_> {
    fn strs(v: Option<&toml::Value>) -> Vec<&str> {
        v.and_then(toml::Value::as_array)
            .map(|a| a.iter().filter_map(toml::Value::as_str).collect())
            .unwrap_or_default()
    }
    static EMPTY: std::sync::OnceLock<toml::Table> = std::sync::OnceLock::new();
    let empty = EMPTY.get_or_init(toml::Table::new);
    let context = pack.get("context").and_then(toml::Value::as_table).unwrap_or(empty);
    let triggers = context.get("triggers").and_then(toml::Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let mut concepts: Vec<tables::ConceptInput> = pack
        .get("concepts")
        .and_then(toml::Value::as_table)
        .unwrap_or(empty)
        .iter()
        .map(|(name, c)| tables::ConceptInput {
            name,
            terms: strs(c.get("terms")),
            patterns: strs(c.get("patterns")),
            include: strs(c.get("include")),
            stop_words: strs(c.get("stop_words")),
        })
        .collect();
    concepts.sort_by(|a, b| a.name.cmp(b.name));
    tables::Input {
        terminators: strs(context.get("terminators")),
        pseudo: strs(context.get("pseudo")),
        ongoing: strs(context.get("ongoing")),
        triggers: triggers
            .iter()
            .map(|t| {
                let field = |k: &str| t.get(k).and_then(toml::Value::as_str).unwrap_or_default();
                (field("category"), field("direction"), strs(t.get("terms")))
            })
            .collect(),
        concepts,
    }
}

/// The tables as a Rust expression of static data.
fn emit_tables(t: &tables::Tables) -> String {
    fn list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
        format!("Cow::Borrowed(&[{}])", items.iter().map(f).collect::<Vec<_>>().join(", "))
    }
    fn text(s: &str) -> String {
        format!("Cow::Borrowed({s:?})")
    }
    fn word(w: &tables::Word) -> String {
        match w {
            tables::Word::Stem(s) => format!("Word::Stem({})", text(s)),
            tables::Word::Caps(s) => format!("Word::Caps({})", text(s)),
            tables::Word::Prefix(s) => format!("Word::Prefix({})", text(s)),
            tables::Word::Exact(s) => format!("Word::Exact({})", text(s)),
        }
    }
    fn phrase(p: &tables::Phrase) -> String {
        format!("Phrase {{ words: {} }}", list(&p.words, word))
    }
    fn first(f: &tables::FirstWords) -> String {
        let map = |m: &tables::Index| {
            format!(
                "Index {{ keys: {}, slots: {} }}",
                list(&m.keys, |(k, v)| format!("({}, {})", text(k), list(v, |i| i.to_string()))),
                list(&m.slots, |i| i.to_string())
            )
        };
        format!(
            "FirstWords {{ stem: {}, caps: {}, exact: {}, prefix: {}, prefix_lens: {}, prefix_starts: {} }}",
            map(&f.stem),
            map(&f.caps),
            map(&f.exact),
            map(&f.prefix),
            list(&f.prefix_lens, |i| i.to_string()),
            list(&f.prefix_starts, |i| i.to_string()),
        )
    }
    let trigger = |tr: &tables::Trigger| {
        format!(
            "Trigger {{ category: {}, direction: {}, first: {}, second: {} }}",
            tr.category,
            tr.direction,
            phrase(&tr.first),
            tr.second.as_ref().map_or("None".to_string(), |s| format!("Some({})", phrase(s)))
        )
    };
    let concept = |c: &tables::ConceptTables| {
        format!(
            "ConceptTables {{ patterns: {}, stop_words: {} }}",
            list(&c.patterns, |i| i.to_string()),
            list(&c.stop_words, |s| text(s))
        )
    };
    format!(
        "Tables {{ fingerprint: {}, concepts: {}, by_first: {}, entries: {}, phrases: {}, triggers: {}, pseudo: {}, ongoing: {}, patterns: {}, pseudo_first: {}, trigger_first: {}, ongoing_first: {} }}",
        t.fingerprint,
        list(&t.concepts, concept),
        first(&t.by_first),
        list(&t.entries, |(c, p)| format!("({c}, {p})")),
        list(&t.phrases, phrase),
        list(&t.triggers, trigger),
        list(&t.pseudo, phrase),
        list(&t.ongoing, phrase),
        list(&t.patterns, |s| text(s)),
        first(&t.pseudo_first),
        first(&t.trigger_first),
        first(&t.ongoing_first),
    )
}

/// The merged pack as a `pack::tree::Tree`: nodes without pointers, the
/// children of each array or table in one run, every string in one text.
fn emit_tree(pack: &toml::Table) -> String {
    fn node(value: &toml::Value, nodes: &mut Vec<String>, text: &mut String) -> String {
        let string = |s: &str, text: &mut String| {
            let from = text.len();
            text.push_str(s);
            format!("Node::Str({from}, {})", s.len())
        };
        match value {
            toml::Value::String(s) => string(s, text),
            toml::Value::Integer(i) => format!("Node::Int({i})"),
            toml::Value::Float(f) => format!("Node::Float({f:?})"),
            toml::Value::Boolean(b) => format!("Node::Bool({b})"),
            toml::Value::Datetime(d) => string(&d.to_string(), text),
            toml::Value::Array(items) => {
                let start = nodes.len();
                nodes.resize(start + items.len(), String::new());
                for (i, item) in items.iter().enumerate() {
                    nodes[start + i] = node(item, nodes, text);
                }
                format!("Node::Array({start}, {})", items.len())
            }
            toml::Value::Table(table) => {
                let start = nodes.len();
                nodes.resize(start + 2 * table.len(), String::new());
                for (i, (key, item)) in table.iter().enumerate() {
                    nodes[start + 2 * i] = string(key, text);
                    nodes[start + 2 * i + 1] = node(item, nodes, text);
                }
                format!("Node::Table({start}, {})", table.len())
            }
        }
    }
    let (mut nodes, mut text) = (Vec::new(), String::new());
    let root = node(&toml::Value::Table(pack.clone()), &mut nodes, &mut text);
    nodes.push(root);
    format!("Tree {{ nodes: &[{}], text: {text:?} }}", nodes.join(", "))
}
