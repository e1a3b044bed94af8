//! Loading a pack: parse each TOML file, merge, validate against the JSON
//! Schema, deserialize, then check cross-references. Every error points at
//! the line of the pack file it comes from.

// Errors carry the pack file's text so miette can point into it; loading is a cold path.
#![allow(clippy::result_large_err)]

use std::path::Path;

use miette::{Diagnostic, NamedSource, SourceSpan};

use super::{Check, Pack};

/// The files of the built-in pack, embedded at build time.
const BUILTIN: &[(&str, &str)] = &[
    ("rules/pack.toml", include_str!("../../rules/pack.toml")),
    ("rules/sections.toml", include_str!("../../rules/sections.toml")),
    ("rules/text.toml", include_str!("../../rules/text.toml")),
    ("rules/concepts.toml", include_str!("../../rules/concepts.toml")),
    ("rules/rules.toml", include_str!("../../rules/rules.toml")),
    ("rules/districts.toml", include_str!("../../rules/districts.toml")),
    ("rules/letter.toml", include_str!("../../rules/letter.toml")),
];

/// A pack that cannot be used, pointing at the place in the pack file.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("invalid rules pack: {message}")]
#[diagnostic(code(ssos::rules::invalid), help("{help}"))]
pub struct PackError {
    pub message: String,
    pub help: String,
    #[source_code]
    pub src: Option<NamedSource<String>>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
}

impl PackError {
    fn plain(message: impl Into<String>) -> Self {
        PackError {
            message: message.into(),
            help: "Check the pack against `ssos-lint schema rules`.".into(),
            src: None,
            span: None,
            label: String::new(),
        }
    }

    fn at(file: &SourceFile, offset: usize, len: usize, message: impl Into<String>, label: &str) -> Self {
        let offset = offset.min(file.text.len());
        PackError {
            message: message.into(),
            help: "Fix the pack file at the marked place; `ssos-lint schema rules` prints the expected shape.".into(),
            src: Some(NamedSource::new(&file.name, file.text.clone())),
            span: Some((offset, len.min(file.text.len() - offset)).into()),
            label: label.to_string(),
        }
    }
}

struct SourceFile {
    name: String,
    text: String,
    table: toml::Table,
}

/// The built-in pack for the 2023-24 guidance.
pub fn builtin() -> Pack {
    let sources: Vec<(String, String)> = BUILTIN.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    match load_sources(sources) {
        Ok(pack) => pack,
        // The built-in pack is validated by the tests; reaching this is a build defect.
        Err(err) => panic!("the built-in rules pack is invalid: {err:?}"),
    }
}

/// Loads a pack from a `.toml` file or a folder of them.
pub fn load_path(path: &Path) -> Result<Pack, PackError> {
    let mut files = Vec::new();
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| PackError::plain(format!("{}: {e}", path.display())))?;
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for p in paths {
            files.push((p.display().to_string(), read_text(&p)?));
        }
    } else {
        files.push((path.display().to_string(), read_text(path)?));
    }
    if files.is_empty() {
        return Err(PackError::plain(format!("{} holds no .toml files", path.display())));
    }
    load_sources(files)
}

fn read_text(path: &Path) -> Result<String, PackError> {
    std::fs::read_to_string(path).map_err(|e| PackError::plain(format!("{}: {e}", path.display())))
}

/// Loads a pack from (name, text) pairs whose top-level tables are merged.
pub fn load_sources(sources: Vec<(String, String)>) -> Result<Pack, PackError> {
    let files = sources.into_iter().map(|(name, text)| parse_file(name, text)).collect::<Result<Vec<_>, _>>()?;
    let (merged, provenance) = merge(&files)?;
    validate_schema(&merged, &files, &provenance)?;
    let pack: Pack =
        toml::Value::Table(merged).try_into().map_err(|e: toml::de::Error| PackError::plain(e.to_string()))?;
    check_references(&pack, &files)?;
    Ok(pack)
}

fn parse_file(name: String, text: String) -> Result<SourceFile, PackError> {
    match text.parse::<toml::Table>() {
        Ok(table) => Ok(SourceFile { name, text, table }),
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            let file = SourceFile { name, text, table: toml::Table::new() };
            Err(PackError::at(&file, span.start, span.len().max(1), err.message().to_string(), "here"))
        }
    }
}

/// Where each element of a merged top-level array came from: (key, file index, index in that file).
type Provenance = Vec<(String, usize, usize)>;

fn merge(files: &[SourceFile]) -> Result<(toml::Table, Provenance), PackError> {
    let mut merged = toml::Table::new();
    let mut provenance = Vec::new();
    for (fi, file) in files.iter().enumerate() {
        for (key, value) in &file.table {
            match (merged.get_mut(key), value) {
                (Some(toml::Value::Array(into)), toml::Value::Array(more)) => {
                    for (i, v) in more.iter().enumerate() {
                        provenance.push((key.clone(), fi, i));
                        into.push(v.clone());
                    }
                }
                (Some(toml::Value::Table(into)), toml::Value::Table(more)) => {
                    for (k, v) in more {
                        into.insert(k.clone(), v.clone());
                    }
                }
                (Some(_), _) => {
                    let offset = file.text.find(key.as_str()).unwrap_or(0);
                    return Err(PackError::at(
                        file,
                        offset,
                        key.len(),
                        format!("`{key}` is defined twice"),
                        "again here",
                    ));
                }
                (None, v) => {
                    if let toml::Value::Array(items) = v {
                        provenance.extend((0..items.len()).map(|i| (key.clone(), fi, i)));
                    }
                    merged.insert(key.clone(), v.clone());
                }
            }
        }
    }
    Ok((merged, provenance))
}

fn validate_schema(merged: &toml::Table, files: &[SourceFile], provenance: &Provenance) -> Result<(), PackError> {
    let instance = serde_json::to_value(merged).map_err(|e| PackError::plain(e.to_string()))?;
    let schema = Pack::json_schema();
    let validator = jsonschema::validator_for(&schema).map_err(|e| PackError::plain(e.to_string()))?;
    let Some(error) = validator.iter_errors(&instance).next() else {
        return Ok(());
    };
    let pointer = error.instance_path().to_string();
    let message = format!("{} (at `{}`)", error, if pointer.is_empty() { "/" } else { &pointer });
    Err(locate(&pointer, files, provenance)
        .map(|(file, offset, len)| PackError::at(file, offset, len, message.clone(), "does not fit the schema"))
        .unwrap_or_else(|| PackError::plain(message)))
}

/// Finds the line of a JSON pointer such as `/rules/12/severity` in the pack files.
fn locate<'a>(
    pointer: &str,
    files: &'a [SourceFile],
    provenance: &Provenance,
) -> Option<(&'a SourceFile, usize, usize)> {
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    let top = *parts.first()?;
    let leaf = parts.iter().rev().find(|p| p.parse::<usize>().is_err()).copied().unwrap_or(top);
    if let Some(index) = parts.get(1).and_then(|p| p.parse::<usize>().ok()) {
        let (_, fi, local) = provenance.iter().filter(|(k, _, _)| k == top).nth(index)?;
        let file = &files[*fi];
        let header = format!("[[{top}]]");
        let start = file.text.match_indices(&header).nth(*local).map(|(o, _)| o)?;
        let end = file.text[start + header.len()..].find(&header).map_or(file.text.len(), |o| o + start + header.len());
        let within = find_key(&file.text[start..end], leaf).map_or(start, |o| start + o);
        return Some((file, within, line_len(&file.text, within)));
    }
    files.iter().find_map(|file| {
        let offset = find_key(&file.text, leaf).or_else(|| file.text.find(&format!("[{top}]")))?;
        Some((file, offset, line_len(&file.text, offset)))
    })
}

fn find_key(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(key) && trimmed[key.len()..].trim_start().starts_with('=') {
            return Some(offset + line.len() - trimmed.len());
        }
        offset += line.len();
    }
    None
}

fn line_len(text: &str, offset: usize) -> usize {
    text[offset..].find('\n').unwrap_or(text.len() - offset).max(1)
}

/// Cross-references the schema cannot express: unique codes, known sections
/// and vocabularies, regular expressions that compile.
fn check_references(pack: &Pack, files: &[SourceFile]) -> Result<(), PackError> {
    let point = |needle: &str, message: String| -> PackError {
        files
            .iter()
            .find_map(|f| {
                f.text.find(needle).map(|o| PackError::at(f, o, needle.len().max(1), message.clone(), "here"))
            })
            .unwrap_or_else(|| PackError::plain(message))
    };
    let code_shape = regex::Regex::new(r"^ssos::[a-z]+::[a-z0-9]+(-[a-z0-9]+)*$").expect("static regex");
    let mut seen = std::collections::HashSet::new();
    for rule in &pack.rules {
        if !code_shape.is_match(&rule.code) {
            return Err(point(
                &rule.code,
                format!("code `{}` is not of the form ssos::<area>::<kebab-name>", rule.code),
            ));
        }
        if !seen.insert(rule.code.as_str()) {
            return Err(point(&rule.code, format!("code `{}` is defined twice", rule.code)));
        }
        if let Some(section) = &rule.section
            && pack.section(section).is_none()
        {
            return Err(point(
                &format!("\"{section}\""),
                format!("rule `{}` names unknown section `{section}`", rule.code),
            ));
        }
        for name in concept_names(&rule.check) {
            if !pack.concepts.contains_key(name) {
                return Err(point(
                    &format!("\"{name}\""),
                    format!("rule `{}` uses unknown concept `{name}`", rule.code),
                ));
            }
        }
    }
    for (name, concept) in &pack.concepts {
        for inner in &concept.include {
            if !pack.concepts.contains_key(inner) {
                return Err(point(
                    &format!("\"{inner}\""),
                    format!("concept `{name}` includes unknown concept `{inner}`"),
                ));
            }
        }
        for pattern in &concept.patterns {
            if let Err(err) = regex::Regex::new(pattern) {
                return Err(point(pattern, format!("concept `{name}` has a bad pattern: {err}")));
            }
        }
    }
    if let Some(bad) = super::lexicon::Lexicon::ambiguous_terms(pack).into_iter().next() {
        return Err(point(
            &format!("\"{}\"", bad.term),
            format!(
                "concept `{}` uses the ambiguous word `{}` on its own; qualify it (\"equity gap\", not \"gap\")",
                bad.concept, bad.term
            ),
        ));
    }
    for pattern in pack
        .mapping
        .placeholders
        .iter()
        .chain(&pack.mapping.priority_markers)
        .chain(&pack.mapping.benchmark_markers)
        .chain(&pack.mapping.end_markers)
        .chain(&pack.mapping.priority_list_lead_ins)
        .chain(&pack.mapping.priority_counts)
        .chain(&pack.mapping.benchmark_non_items)
        .chain(&pack.mapping.priority_deferrals)
    {
        if let Err(err) = regex::Regex::new(&format!("(?i){pattern}")) {
            return Err(point(pattern, format!("bad pattern: {err}")));
        }
    }
    Ok(())
}

fn concept_names(check: &Check) -> Vec<&str> {
    match check {
        Check::Items { items, .. } => {
            items.iter().flat_map(|i| i.when.iter().flatten().chain(&i.subject).map(String::as_str)).collect()
        }
        Check::Any { when, subject, .. } => when.iter().flatten().chain(subject).map(String::as_str).collect(),
        _ => Vec::new(),
    }
}
