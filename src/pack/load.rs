//! Loading a pack: parse each TOML file, merge, validate against the JSON
//! Schema, deserialize, then check cross-references. Every error points at
//! the line of the pack file it comes from.

// Errors carry the pack file's text so miette can point into it; loading is a cold path.
#![allow(clippy::result_large_err)]

use std::path::Path;

use miette::{Diagnostic, NamedSource, SourceSpan};

use super::tree::Tree;
use super::{Check, Pack};

/// The files of the default built-in pack (`rules/`), embedded at build time;
/// its `pack.toml` comes first.
const DEFAULT_PACK: &[(&str, &str)] = &[
    ("rules/pack.toml", include_str!("../../rules/pack.toml")),
    ("rules/sections.toml", include_str!("../../rules/sections.toml")),
    ("rules/text.toml", include_str!("../../rules/text.toml")),
    ("rules/concepts.toml", include_str!("../../rules/concepts.toml")),
    ("rules/rules-input.toml", include_str!("../../rules/rules-input.toml")),
    ("rules/rules-section.toml", include_str!("../../rules/rules-section.toml")),
    ("rules/rules-priorities.toml", include_str!("../../rules/rules-priorities.toml")),
    ("rules/rules-analysis.toml", include_str!("../../rules/rules-analysis.toml")),
    ("rules/rules-stakeholders.toml", include_str!("../../rules/rules-stakeholders.toml")),
    ("rules/rules-outcomes.toml", include_str!("../../rules/rules-outcomes.toml")),
    ("rules/rules-roles.toml", include_str!("../../rules/rules-roles.toml")),
    ("rules/rules-monitoring.toml", include_str!("../../rules/rules-monitoring.toml")),
    ("rules/rules-resources.toml", include_str!("../../rules/rules-resources.toml")),
    ("rules/rules-differentiation.toml", include_str!("../../rules/rules-differentiation.toml")),
    ("rules/rules-document.toml", include_str!("../../rules/rules-document.toml")),
    ("rules/districts.toml", include_str!("../../rules/districts.toml")),
    ("rules/letter.toml", include_str!("../../rules/letter.toml")),
];

/// The default pack's files merged by `build.rs` when the crate is built,
/// as a tree of static nodes read without parsing (none when a file did
/// not parse there).
static DEFAULT_PACK_TREE: Option<Tree> = {
    use super::tree::Node;
    include!(concat!(env!("OUT_DIR"), "/default-pack.rs"))
};

/// A pack built into the binary, known by the id and aliases of its own
/// `[pack]` table (read from its first file, without loading the rest).
pub struct BuiltinPack {
    files: &'static [(&'static str, &'static str)],
    /// The same files merged at build time, when the build did so.
    merged: Option<&'static Tree>,
}

/// The packs built in, the default first.
const BUILTIN_PACKS: &[BuiltinPack] = &[BuiltinPack { files: DEFAULT_PACK, merged: DEFAULT_PACK_TREE.as_ref() }];

/// Every built-in pack.
pub fn builtin_packs() -> &'static [BuiltinPack] {
    BUILTIN_PACKS
}

/// The names built-in packs are selected by: aliases, then ids.
fn builtin_names() -> Vec<String> {
    BUILTIN_PACKS
        .iter()
        .flat_map(|b| {
            let (id, aliases) = b.names();
            aliases.into_iter().chain([id])
        })
        .collect()
}

impl BuiltinPack {
    /// Its `[pack]` table's `id` and `aliases`.
    pub fn names(&self) -> (String, Vec<String>) {
        let table = self.files.first().and_then(|(_, text)| text.parse::<toml::Table>().ok()).unwrap_or_default();
        let info = table.get("pack").and_then(|p| p.as_table());
        let id = info.and_then(|p| p.get("id")).and_then(|v| v.as_str()).unwrap_or_default().to_string();
        let aliases = info
            .and_then(|p| p.get("aliases"))
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        (id, aliases)
    }

    fn matches(&self, name: &str) -> bool {
        let (id, aliases) = self.names();
        id == name || aliases.iter().any(|a| a == name)
    }

    fn sources(&self) -> Vec<(String, String)> {
        self.files.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect()
    }

    /// The pack itself. It is not validated against the JSON Schema or
    /// cross-checked here, at every run: the test `builtin_packs_are_valid`
    /// loads the same files through [`load_sources`], which does both, and
    /// compares the result. It is read from the form merged at build time;
    /// should that not read (a file that did not parse then), from its files,
    /// which says where.
    pub fn load(&self) -> Result<Pack, PackError> {
        if let Some(pack) = self.merged.and_then(|tree| tree.deserialize::<Pack>().ok()) {
            return Ok(apply_scopes(pack));
        }
        load_unchecked(self.sources())
    }
}

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

    /// An error at `offset` of `file`; the message ends with the file and line.
    fn at(file: &SourceFile, offset: usize, len: usize, message: impl Into<String>, label: &str) -> Self {
        let offset = offset.min(file.text.len());
        let line = file.text[..offset].matches('\n').count() + 1;
        PackError {
            message: format!("{} ({}, line {line})", message.into(), file.name),
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

/// The default built-in pack (the 2023-24 guidance).
pub fn builtin() -> Pack {
    match BUILTIN_PACKS[0].load() {
        Ok(pack) => pack,
        // The built-in pack is validated by the tests; reaching this is a build defect.
        Err(err) => panic!("the built-in rules pack is invalid: {err:?}"),
    }
}

/// `--rules NAME`: a `.toml` file or a folder of them when such a path
/// exists, else a built-in pack by id or alias.
pub fn load_named(name: &str) -> Result<Pack, PackError> {
    let path = Path::new(name);
    if path.exists() {
        return load_path(path);
    }
    match BUILTIN_PACKS.iter().find(|b| b.matches(name)) {
        Some(b) => b.load(),
        None => {
            let known: Vec<String> = builtin_names().into_iter().map(|n| format!("`{n}`")).collect();
            let mut err = PackError::plain(format!("no file or folder `{name}` and no built-in pack of that name"));
            err.help = format!(
                "Give the path of a pack (a .toml file or a folder of them) or a built-in pack: {} (`ssos-lint rules --packs`).",
                known.join(", ")
            );
            Err(err)
        }
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

/// Largest pack file read, in bytes: a pack is text, well under this.
const MAX_PACK_FILE: u64 = 8 << 20;

fn read_text(path: &Path) -> Result<String, PackError> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_PACK_FILE {
        return Err(PackError::plain(format!("{}: {size} bytes is too large for a rules pack file", path.display())));
    }
    std::fs::read_to_string(path).map_err(|e| PackError::plain(format!("{}: {e}", path.display())))
}

/// Loads a pack from (name, text) pairs whose top-level tables are merged.
/// A pack with `extends = "<built-in id>"` is laid over that built-in pack.
pub fn load_sources(sources: Vec<(String, String)>) -> Result<Pack, PackError> {
    let own = sources.into_iter().map(|(name, text)| parse_file(name, text)).collect::<Result<Vec<_>, _>>()?;
    let (merged, provenance) = merge(&own, 0)?;
    let (files, merged, provenance) = match merged.get("extends") {
        None => (own, merged, provenance),
        Some(toml::Value::String(base_name)) => {
            let Some(base) = BUILTIN_PACKS.iter().find(|b| b.matches(base_name)) else {
                let file = own.iter().find(|f| f.table.contains_key("extends")).unwrap_or(&own[0]);
                let offset = find_key(&file.text, "extends").unwrap_or(0);
                let known = builtin_names();
                return Err(PackError::at(
                    file,
                    offset,
                    line_len(&file.text, offset),
                    format!(
                        "`extends` names `{base_name}`, which is not a built-in pack (built in: {})",
                        known.join(", ")
                    ),
                    "unknown pack",
                ));
            };
            let mut files = base.sources().into_iter().map(|(n, t)| parse_file(n, t)).collect::<Result<Vec<_>, _>>()?;
            let (mut base_table, mut base_prov) = merge(&files, 0)?;
            let (over_table, over_prov) = merge(&own, files.len())?;
            files.extend(own);
            overlay(&mut base_table, &mut base_prov, over_table, &over_prov);
            (files, base_table, base_prov)
        }
        Some(_) => return Err(PackError::plain("`extends` must be the id of a built-in pack, as a string")),
    };
    validate_schema(&merged, &files, &provenance)?;
    let pack: Pack =
        toml::Value::Table(merged).try_into().map_err(|e: toml::de::Error| PackError::plain(e.to_string()))?;
    check_references(&pack, &files, &provenance)?;
    Ok(apply_scopes(pack))
}

/// Parses and merges the files of a pack that extends none, without the
/// schema and cross-reference checks.
fn load_unchecked(sources: Vec<(String, String)>) -> Result<Pack, PackError> {
    let files = sources.into_iter().map(|(name, text)| parse_file(name, text)).collect::<Result<Vec<_>, _>>()?;
    let (merged, _) = merge(&files, 0)?;
    let pack: Pack =
        toml::Value::Table(merged).try_into().map_err(|e: toml::de::Error| PackError::plain(e.to_string()))?;
    Ok(apply_scopes(pack))
}

/// A rule's `scope` decides whether its claim check runs per priority.
fn apply_scopes(mut pack: Pack) -> Pack {
    for rule in &mut pack.rules {
        let Some(scope) = rule.scope else { continue };
        let per = scope == super::Scope::Priority;
        match &mut rule.check {
            Check::Items { per_priority, .. } | Check::Any { per_priority, .. } => *per_priority = per,
            _ => {}
        }
    }
    pack
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

/// Merges the top-level tables of `files` (numbered from `first`): arrays
/// of tables are appended, tables merged key by key, anything else defined once.
fn merge(files: &[SourceFile], first: usize) -> Result<(toml::Table, Provenance), PackError> {
    let mut merged = toml::Table::new();
    let mut provenance = Vec::new();
    for (fi, file) in files.iter().enumerate() {
        let fi = fi + first;
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
                        if into.contains_key(k) {
                            let offset = find_key(&file.text, k).unwrap_or(0);
                            return Err(PackError::at(
                                file,
                                offset,
                                k.len().max(1),
                                format!("`{key}.{k}` is defined twice"),
                                "again here",
                            ));
                        }
                        into.insert(k.clone(), v.clone());
                    }
                }
                (Some(_), _) => {
                    let offset = find_key(&file.text, key).or_else(|| file.text.find(key.as_str())).unwrap_or(0);
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

/// The key that identifies an element of a top-level array, for overlays.
fn element_key(top: &str) -> Option<&'static str> {
    match top {
        "rules" => Some("code"),
        "sections" => Some("id"),
        _ => None,
    }
}

/// Lays an overlay pack over its base: elements of `rules` and `sections`
/// with the base's `code`/`id` replace the base's fields one by one, others
/// are added; tables are merged key by key (recursively); the rest replaces.
fn overlay(base: &mut toml::Table, base_prov: &mut Provenance, over: toml::Table, over_prov: &Provenance) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Array(into)), toml::Value::Array(more)) if element_key(&key).is_some() => {
                let id_key = element_key(&key).unwrap_or("id");
                let prov: Vec<&(String, usize, usize)> = over_prov.iter().filter(|(k, _, _)| *k == key).collect();
                for (i, v) in more.into_iter().enumerate() {
                    let origin = prov.get(i).map(|p| (*p).clone()).unwrap_or((key.clone(), 0, i));
                    let id = v.get(id_key).and_then(|x| x.as_str()).map(str::to_string);
                    let existing = id
                        .as_deref()
                        .and_then(|id| into.iter().position(|e| e.get(id_key).and_then(|x| x.as_str()) == Some(id)));
                    match (existing, v) {
                        (Some(j), toml::Value::Table(fields)) => {
                            if let Some(toml::Value::Table(target)) = into.get_mut(j) {
                                target.extend(fields);
                            }
                            if let Some(slot) = base_prov.iter_mut().filter(|(k, _, _)| *k == key).nth(j) {
                                *slot = origin;
                            }
                        }
                        (_, v) => {
                            let at =
                                base_prov.iter().rposition(|(k, _, _)| *k == key).map_or(base_prov.len(), |p| p + 1);
                            base_prov.insert(at, origin);
                            into.push(v);
                        }
                    }
                }
            }
            (Some(toml::Value::Table(into)), toml::Value::Table(more)) => {
                let mut none = Provenance::new();
                overlay(into, &mut none, more, &Provenance::new());
            }
            (_, v) => {
                if let toml::Value::Array(items) = &v {
                    base_prov.retain(|(k, _, _)| *k != key);
                    base_prov.extend(over_prov.iter().filter(|(k, _, _)| *k == key).cloned());
                    let _ = items;
                }
                base.insert(key, v);
            }
        }
    }
}

fn validate_schema(merged: &toml::Table, files: &[SourceFile], provenance: &Provenance) -> Result<(), PackError> {
    let instance = serde_json::to_value(merged).map_err(|e| PackError::plain(e.to_string()))?;
    let schema = Pack::json_schema();
    let validator = jsonschema::validator_for(&schema).map_err(|e| PackError::plain(e.to_string()))?;
    // A misspelt key also leaves a required one missing: name the misspelling first.
    let errors: Vec<_> = validator.iter_errors(&instance).collect();
    let Some(error) = errors
        .iter()
        .find(|e| matches!(e.kind(), jsonschema::error::ValidationErrorKind::AdditionalProperties { .. }))
        .or(errors.first())
    else {
        return Ok(());
    };
    let pointer = error.instance_path().to_string();
    let place = if pointer.is_empty() { "/".to_string() } else { pointer.clone() };
    match error.kind() {
        // Name the key that should not be there, on its own line.
        jsonschema::error::ValidationErrorKind::AdditionalProperties { unexpected } if !unexpected.is_empty() => {
            let key = &unexpected[0];
            let message = format!("unknown key `{key}` in `{}`", dotted(&pointer));
            Err(locate(&format!("{pointer}/{key}"), files, provenance)
                .map(|(file, offset, len)| PackError::at(file, offset, len, message.clone(), "unknown key"))
                .unwrap_or_else(|| PackError::plain(message)))
        }
        // A rule's `check` fits none of the kinds: say what is wrong with the kind it names.
        jsonschema::error::ValidationErrorKind::OneOfNotValid { .. } if pointer.ends_with("/check") => {
            let check = instance.pointer(&pointer).cloned().unwrap_or_default();
            let why = match serde_json::from_value::<Check>(check) {
                Err(e) => e.to_string(),
                Ok(_) => error.to_string(),
            };
            let key = why.split('`').nth(1).filter(|_| why.starts_with("unknown field")).map(str::to_string);
            let message = format!("`{}`: {why}", dotted(&pointer));
            let target = key.as_ref().map_or_else(|| format!("{pointer}/kind"), |k| format!("{pointer}/{k}"));
            Err(locate(&target, files, provenance)
                .map(|(file, offset, len)| PackError::at(file, offset, len, message.clone(), "here"))
                .unwrap_or_else(|| PackError::plain(message)))
        }
        _ => {
            let message = format!("{error} (at `{place}`)");
            Err(locate(&pointer, files, provenance)
                .map(|(file, offset, len)| PackError::at(file, offset, len, message.clone(), "does not fit the schema"))
                .unwrap_or_else(|| PackError::plain(message)))
        }
    }
}

/// `/rules/12/check` → `rules[12].check`.
fn dotted(pointer: &str) -> String {
    let mut out = String::new();
    for part in pointer.trim_start_matches('/').split('/').filter(|p| !p.is_empty()) {
        if part.parse::<usize>().is_ok() {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    if out.is_empty() { "the pack".into() } else { out }
}

/// The text of element `index` of the top-level array `top` (`[[rules]]`): (file, start, end).
fn element<'a>(
    top: &str,
    index: usize,
    files: &'a [SourceFile],
    provenance: &Provenance,
) -> Option<(&'a SourceFile, usize, usize)> {
    let (_, fi, local) = provenance.iter().filter(|(k, _, _)| k == top).nth(index)?;
    let file = files.get(*fi)?;
    let header = format!("[[{top}]]");
    let start = file.text.match_indices(&header).nth(*local).map(|(o, _)| o)?;
    let end = file.text[start + header.len()..].find(&header).map_or(file.text.len(), |o| o + start + header.len());
    Some((file, start, end))
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
        let (file, start, end) = element(top, index, files, provenance)?;
        let within = find_key(&file.text[start..end], leaf)
            .or_else(|| find_inline_key(&file.text[start..end], leaf))
            .map_or(start, |o| start + o);
        return Some((file, within, line_len(&file.text, within)));
    }
    // A key under a table: look for it after the table's header when there is one.
    files.iter().rev().find_map(|file| {
        let header = parts.len() > 1 && parts[..parts.len() - 1].iter().all(|p| p.parse::<usize>().is_err());
        let from = header.then(|| file.text.find(&format!("[{}]", parts[..parts.len() - 1].join(".")))).flatten();
        let offset = match from {
            Some(h) => find_key(&file.text[h..], leaf).map(|o| o + h).or(Some(h)),
            None => find_key(&file.text, leaf).or_else(|| file.text.find(&format!("[{top}]"))),
        }?;
        Some((file, offset, line_len(&file.text, offset)))
    })
}

fn find_key(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let bare = trimmed.strip_prefix('"').and_then(|t| t.strip_prefix(key)).and_then(|t| t.strip_prefix('"'));
        let rest = bare.or_else(|| trimmed.strip_prefix(key));
        if rest.is_some_and(|r| r.trim_start().starts_with('=')) {
            return Some(offset + line.len() - trimmed.len());
        }
        offset += line.len();
    }
    None
}

/// A key inside an inline table (`check = { kind = "any", whn = ... }`).
fn find_inline_key(text: &str, key: &str) -> Option<usize> {
    text.match_indices(key).map(|(o, _)| o).find(|&o| {
        let before = text[..o].chars().next_back();
        let after = text[o + key.len()..].trim_start();
        before.is_some_and(|c| c == ' ' || c == '{' || c == ',') && after.starts_with('=')
    })
}

fn line_len(text: &str, offset: usize) -> usize {
    text[offset..].find('\n').unwrap_or(text.len() - offset).max(1)
}

/// Placeholders a rule's `message` may use; every other text of a rule is shown as written.
const MESSAGE_PLACEHOLDERS: &[&str] = &["section", "items", "count", "limit", "priority", "reason"];

/// Placeholders of the letter's wording: the pack's own words in all of
/// them, and what each part of a letter fills in.
const LETTER_PACK_PLACEHOLDERS: &[&str] = &["product", "edition", "school_year", "section_count"];

fn letter_placeholders(field: &str) -> &'static [&'static str] {
    match field {
        "title" | "salutation" => &["district"],
        "strengths_response" | "guidance_asks" => &["quote"],
        "section_missing" | "section_empty" => &["section"],
        "companion" => &["section", "file"],
        "unreadable" | "resend" => &["file"],
        "prompts" => &["items"],
        _ => &[],
    }
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.push(name);
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// Cross-references the schema cannot express: unique codes, ids and
/// numbers; known sections, concepts, prompts and placeholders; checks that
/// can fail; regular expressions that compile.
fn check_references(pack: &Pack, files: &[SourceFile], provenance: &Provenance) -> Result<(), PackError> {
    let point = |needle: &str, message: String| -> PackError {
        files
            .iter()
            .rev()
            .find_map(|f| {
                f.text.find(needle).map(|o| PackError::at(f, o, needle.len().max(1), message.clone(), "here"))
            })
            .unwrap_or_else(|| PackError::plain(message))
    };
    // An error inside element `index` of `top`, at `key` (or at `needle` within it).
    let point_in = |top: &str, index: usize, key: &str, needle: Option<&str>, message: String| -> PackError {
        match element(top, index, files, provenance) {
            Some((file, start, end)) => {
                let text = &file.text[start..end];
                let at_key = find_key(text, key).or_else(|| find_inline_key(text, key));
                let found = needle
                    .and_then(|n| {
                        let from = at_key.unwrap_or(0);
                        text[from..].find(n).map(|o| o + from).or_else(|| text.find(n))
                    })
                    .or(at_key);
                let offset = start + found.unwrap_or(0);
                let len = needle.filter(|_| found.is_some()).map_or_else(|| line_len(&file.text, offset), str::len);
                PackError::at(file, offset, len.max(1), message, "here")
            }
            None => point(needle.unwrap_or(key), message),
        }
    };
    let point_key = |table: &str, key: &str, message: String| -> PackError {
        match locate(&format!("/{}/{key}", table.replace('.', "/")), files, provenance) {
            Some((file, offset, len)) => PackError::at(file, offset, len, message, "here"),
            None => PackError::plain(message),
        }
    };

    // Sections: unique ids and numbers.
    let mut ids = std::collections::HashSet::new();
    let mut numbers = std::collections::HashMap::new();
    for (i, section) in pack.sections.iter().enumerate() {
        if !ids.insert(section.id.as_str()) {
            return Err(point_in(
                "sections",
                i,
                "id",
                None,
                format!("section id `{}` is used by two sections", section.id),
            ));
        }
        if section.number == 0 {
            return Err(point_in("sections", i, "number", None, format!("section `{}` has number 0", section.id)));
        }
        if let Some(other) = numbers.insert(section.number, section.id.as_str()) {
            return Err(point_in(
                "sections",
                i,
                "number",
                None,
                format!("sections `{other}` and `{}` both have number {}", section.id, section.number),
            ));
        }
    }
    if pack.sections.is_empty() {
        return Err(PackError::plain("the pack has no `[[sections]]`"));
    }
    let known_section = |id: &str| pack.section(id).is_some();
    let section_ids = || pack.sections.iter().map(|s| format!("`{}`", s.id)).collect::<Vec<_>>().join(", ");
    for (key, value) in [
        ("priorities_section", &pack.mapping.priorities_section),
        ("benchmarks_section", &pack.mapping.benchmarks_section),
    ] {
        if !known_section(value) {
            return Err(point_key(
                "mapping",
                key,
                format!("`mapping.{key}` names `{value}`, which is not a section id (the sections: {})", section_ids()),
            ));
        }
    }
    if pack.limits.max_priorities == 0 {
        return Err(point_key("limits", "max_priorities", "`limits.max_priorities` must be at least 1".into()));
    }
    if pack.limits.max_benchmarks_per_priority == 0 {
        return Err(point_key(
            "limits",
            "max_benchmarks_per_priority",
            "`limits.max_benchmarks_per_priority` must be at least 1".into(),
        ));
    }

    let code_shape = regex::Regex::new(r"^ssos::[a-z]+::[a-z0-9]+(-[a-z0-9]+)*$").expect("static regex");
    let mut seen = std::collections::HashSet::new();
    let mut prompts: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for (i, rule) in pack.rules.iter().enumerate() {
        if !code_shape.is_match(&rule.code) {
            return Err(point_in(
                "rules",
                i,
                "code",
                None,
                format!("code `{}` is not of the form ssos::<area>::<kebab-name>", rule.code),
            ));
        }
        if !seen.insert(rule.code.as_str()) {
            return Err(point_in("rules", i, "code", None, format!("code `{}` is defined twice", rule.code)));
        }
        if let Some(section) = &rule.section
            && !known_section(section)
        {
            return Err(point_in(
                "rules",
                i,
                "section",
                None,
                format!("rule `{}` names unknown section `{section}` (the sections: {})", rule.code, section_ids()),
            ));
        }
        if let Some(quote) = &rule.quote {
            let bad = match &quote.section {
                super::SectionRef::Number(0) => None,
                super::SectionRef::Number(n) => (pack.quoted_section(quote).is_none())
                    .then(|| format!("`quote.section = {n}` of rule `{}` is no section's number", rule.code)),
                super::SectionRef::Id(id) => (!known_section(id))
                    .then(|| format!("`quote.section = \"{id}\"` of rule `{}` is no section's id", rule.code)),
            };
            if let Some(message) = bad {
                let numbers: Vec<String> = pack.sections.iter().map(|s| s.number.to_string()).collect();
                return Err(point_in(
                    "rules",
                    i,
                    "quote",
                    None,
                    format!(
                        "{message} (ids: {}; numbers: {}; 0 = the guidance as a whole)",
                        section_ids(),
                        numbers.join(", ")
                    ),
                ));
            }
        }
        if let Some(prompt) = &rule.prompt
            && let Some(other) = prompts.insert(prompt.as_str(), rule.code.as_str())
        {
            return Err(point_in(
                "rules",
                i,
                "prompt",
                None,
                format!("prompt id `{prompt}` is used by rules `{other}` and `{}`", rule.code),
            ));
        }
        for name in placeholders(&rule.message) {
            if !MESSAGE_PLACEHOLDERS.contains(&name) {
                return Err(point_in(
                    "rules",
                    i,
                    "message",
                    Some(&format!("{{{name}}}")),
                    format!(
                        "rule `{}`: unknown placeholder `{{{name}}}` in `message` (it may use {})",
                        rule.code,
                        MESSAGE_PLACEHOLDERS.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(" ")
                    ),
                ));
            }
        }
        for (field, text) in [("summary", &rule.summary), ("help", &rule.help), ("explain", &rule.explain)] {
            if let Some(name) = placeholders(text).first() {
                return Err(point_in(
                    "rules",
                    i,
                    field,
                    Some(&format!("{{{name}}}")),
                    format!(
                        "rule `{}`: `{field}` is shown as written, so `{{{name}}}` would reach districts; only `message` has placeholders",
                        rule.code
                    ),
                ));
            }
        }
        match (rule.scope, &rule.section) {
            (Some(super::Scope::Document), Some(section)) => {
                return Err(point_in(
                    "rules",
                    i,
                    "scope",
                    None,
                    format!("rule `{}` has `scope = \"document\"` but names section `{section}`", rule.code),
                ));
            }
            (Some(scope @ (super::Scope::Section | super::Scope::Priority)), None)
                if matches!(rule.check, Check::Items { .. } | Check::Any { .. }) =>
            {
                return Err(point_in(
                    "rules",
                    i,
                    "scope",
                    None,
                    format!("rule `{}` has `scope = \"{scope:?}\"` but no `section`", rule.code).to_lowercase(),
                ));
            }
            _ => {}
        }
        check_claims(&rule.check)
            .map_err(|(key, message)| point_in("rules", i, key, None, format!("rule `{}`: {message}", rule.code)))?;
        if let Some(code) = rule.implied_by.iter().find(|c| !pack.rules.iter().any(|r| &r.code == *c)) {
            return Err(point_in(
                "rules",
                i,
                "implied_by",
                Some(&format!("\"{code}\"")),
                format!("rule `{}` is implied by unknown code `{code}`", rule.code),
            ));
        }
        for name in concept_names(&rule.check) {
            if !pack.concepts.contains_key(name) && name != super::ACTED_CLAIM {
                return Err(point_in(
                    "rules",
                    i,
                    "check",
                    Some(&format!("\"{name}\"")),
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
        .chain(&pack.mapping.benchmark_level_markers)
        .chain(&pack.mapping.benchmark_deadlines)
        .chain(&pack.mapping.priority_short_markers)
        .chain(&pack.mapping.priority_alt_markers)
        .chain(&pack.mapping.benchmark_dated_labels)
        .chain(&pack.mapping.cross_references)
        .chain(&pack.mapping.section_references)
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
    // Redirects: from a code no rule has to a code a rule has.
    for (from, to) in &pack.redirects {
        if pack.rule(from).is_some() {
            return Err(point_key(
                "redirects",
                from,
                format!("`redirects` renames `{from}`, but a rule still has that code"),
            ));
        }
        if pack.rule(to).is_none() {
            return Err(point_key(
                "redirects",
                from,
                format!("`redirects` sends `{from}` to `{to}`, which no rule has"),
            ));
        }
    }
    // Districts: every alias belongs to a district of some list.
    let all: std::collections::HashSet<&str> = pack.districts.all().map(String::as_str).collect();
    for name in pack.districts.aliases.keys() {
        if !all.contains(name.as_str()) {
            return Err(point_key(
                "districts.aliases",
                name,
                format!("`districts.aliases` names `{name}`, which is in no list of `districts.lists`"),
            ));
        }
    }
    if let Some(letter) = &pack.letter {
        check_letter(letter, &prompts, &seen).map_err(|(key, needle, message)| {
            let target = if key.contains('.') { key.clone() } else { format!("letter.{key}") };
            let (table, leaf) = target.rsplit_once('.').unwrap_or(("letter", &target));
            match needle.as_deref().and_then(|n| {
                files.iter().rev().find_map(|f| {
                    let h = f.text.find(&format!("[{table}]"))?;
                    let k = find_key(&f.text[h..], leaf)? + h;
                    let o = f.text[k..].find(n)? + k;
                    Some(PackError::at(f, o, n.len(), message.clone(), "here"))
                })
            }) {
                Some(e) => e,
                None => point_key(table, leaf, message),
            }
        })?;
    }
    Ok(())
}

/// A letter's wording: known placeholders only, prompts that exist.
fn check_letter(
    letter: &super::LetterDef,
    prompts: &std::collections::HashMap<&str, &str>,
    codes: &std::collections::HashSet<&str>,
) -> Result<(), (String, Option<String>, String)> {
    let value = serde_json::to_value(letter).unwrap_or_default();
    let Some(fields) = value.as_object() else { return Ok(()) };
    for (field, v) in fields {
        let texts: Vec<(String, &str)> = match v {
            serde_json::Value::String(s) => vec![(field.clone(), s.as_str())],
            serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).map(|s| (field.clone(), s)).collect(),
            serde_json::Value::Object(o) => {
                o.iter().filter_map(|(k, x)| x.as_str().map(|s| (format!("letter.prompts.{k}"), s))).collect()
            }
            _ => Vec::new(),
        };
        for (key, text) in texts {
            for name in placeholders(text) {
                let allowed = letter_placeholders(field);
                if !allowed.contains(&name) && !LETTER_PACK_PLACEHOLDERS.contains(&name) {
                    let all: Vec<String> =
                        allowed.iter().chain(LETTER_PACK_PLACEHOLDERS).map(|p| format!("{{{p}}}")).collect();
                    return Err((
                        key.clone(),
                        Some(format!("{{{name}}}")),
                        format!("unknown placeholder `{{{name}}}` in `{key}` (it may use {})", all.join(" ")),
                    ));
                }
            }
        }
    }
    for prompt in letter.prompts.keys() {
        // A claim rule without a `prompt` reports its coverage under its code.
        if !prompts.contains_key(prompt.as_str()) && !codes.contains(prompt.as_str()) {
            let mut known: Vec<&str> = prompts.keys().copied().collect();
            known.sort_unstable();
            return Err((
                format!("letter.prompts.{prompt}"),
                None,
                format!("`letter.prompts.{prompt}` names no rule's `prompt` (the prompts: {})", known.join(", ")),
            ));
        }
    }
    Ok(())
}

/// A claim check that can fail and can be met: items with ids, each with
/// at least one alternative of at least one concept.
fn check_claims(check: &Check) -> Result<(), (&'static str, String)> {
    let alternatives = |when: &[Vec<String>], what: &str| -> Result<(), (&'static str, String)> {
        if when.is_empty() {
            return Err((
                "when",
                format!(
                    "{what} has an empty `when`: it would be met by nothing or fire on every plan; list at least one set of concepts"
                ),
            ));
        }
        if when.iter().any(Vec::is_empty) {
            return Err((
                "when",
                format!("{what} has an empty alternative `[]` in `when`: name at least one concept in it"),
            ));
        }
        Ok(())
    };
    match check {
        Check::Items { items, .. } => {
            if items.is_empty() {
                return Err(("items", "an `items` check with no `[[rules.check.items]]` checks nothing".into()));
            }
            let mut ids = std::collections::HashSet::new();
            for item in items {
                if !ids.insert(item.id.as_str()) {
                    return Err(("id", format!("item id `{}` appears twice in one check", item.id)));
                }
                alternatives(&item.when, &format!("item `{}`", item.id))?;
            }
            Ok(())
        }
        Check::Any { when, .. } => alternatives(when, "the `any` check"),
        _ => Ok(()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in packs skip validation at run time: each must pass it
    /// here, and load to the same pack either way.
    #[test]
    fn builtin_packs_are_valid() {
        for builtin in BUILTIN_PACKS {
            let checked = match load_sources(builtin.sources()) {
                Ok(pack) => pack,
                Err(err) => panic!("the built-in pack {} fails validation: {err:?}", builtin.names().0),
            };
            // The tree `build.rs` made reads (`load` would fall back to the TOML).
            let tree = builtin.merged.expect("build.rs merged the built-in pack");
            let fast = apply_scopes(tree.deserialize::<Pack>().unwrap_or_else(|e| panic!("the pack's tree: {e}")));
            assert_eq!(serde_json::to_value(&checked).unwrap(), serde_json::to_value(&fast).unwrap());
            assert!(!fast.rules.is_empty() && !fast.sections.is_empty());
        }
    }
}
