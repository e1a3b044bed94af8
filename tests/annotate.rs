//! `ssos-lint annotate`: every .docx sample (and the LibreOffice-saved ones)
//! annotated, then read back through the project's own reader: the plan's
//! text unchanged, one comment per finding on the paragraph it is about,
//! every other part byte-identical, old comments and tracked changes kept.

mod common;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use quick_xml::Reader;
use quick_xml::events::Event;
use ssos_lint::annotate::{self, Author};
use ssos_lint::read::{self, Limits};

fn docx_files() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["samples", "tests/fixtures/libreoffice"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "docx") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 20, "{files:?}");
    files
}

fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.insert(f.name().to_string(), data);
    }
    out
}

/// The blocks as the reader sees them: text, place and kind.
fn blocks(name: &str, bytes: &[u8]) -> Vec<(String, String, String)> {
    let doc = read::read_document(name, bytes, &Limits::default()).unwrap();
    doc.blocks.iter().map(|b| (b.text.clone(), format!("{:?}", b.location), format!("{:?}", b.kind))).collect()
}

fn main_part(parts: &BTreeMap<String, Vec<u8>>) -> String {
    let rels = String::from_utf8_lossy(&parts["_rels/.rels"]).into_owned();
    let at = rels.find("/officeDocument\"").unwrap();
    let target = &rels[at..];
    let t = &target[target.find("Target=\"").unwrap() + 8..];
    t[..t.find('"').unwrap()].trim_start_matches('/').to_string()
}

/// For each comment id in the main part: the text of the `t` elements
/// between its range start and end.
fn ranges(xml: &[u8]) -> BTreeMap<u64, String> {
    let mut reader = Reader::from_str(std::str::from_utf8(xml).unwrap());
    let mut open: BTreeMap<u64, String> = BTreeMap::new();
    let mut done = BTreeMap::new();
    let mut in_t = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name().into_inner().to_string();
                let id = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.local_name().into_inner() == "id")
                    .and_then(|a| a.value.parse::<u64>().ok());
                match (name.as_str(), id) {
                    ("commentRangeStart", Some(id)) => {
                        open.insert(id, String::new());
                    }
                    ("commentRangeEnd", Some(id)) => {
                        if let Some(text) = open.remove(&id) {
                            done.insert(id, text);
                        }
                    }
                    ("t", _) => in_t = true,
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().into_inner() == "t" => in_t = false,
            Event::Text(t) if in_t => {
                for text in open.values_mut() {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_t => {
                let name = r.clone().into_inner().to_string();
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&name).unwrap_or_default().to_string(),
                };
                for text in open.values_mut() {
                    text.push_str(&resolved);
                }
            }
            _ => {}
        }
    }
    done
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_docx_round_trips_with_one_comment_per_finding() {
    let linter = common::linter();
    let mut total = 0;
    for path in docx_files() {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let (annotated, report) = annotate::annotate_file(linter, &name, &bytes, &Author::default())
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(annotated.added, report.diagnostics.len(), "{name}");
        total += annotated.added;

        // The plan's text, as the reader sees it, is unchanged.
        assert_eq!(blocks(&name, &bytes), blocks(&name, &annotated.bytes), "{name}: text changed");
        let after = read::read_document(&name, &annotated.bytes, &Limits::default()).unwrap();
        assert_eq!(after.revisions.comments, annotated.existing + annotated.added, "{name}");

        // Every part but the patched ones is identical.
        let (old, new) = (parts(&bytes), parts(&annotated.bytes));
        let main = main_part(&old);
        let patched: Vec<&String> = old.keys().filter(|k| old[*k] != new[*k]).collect();
        for k in &patched {
            assert!(
                **k == main || k.ends_with("comments.xml") || k.ends_with(".rels") || *k == "[Content_Types].xml",
                "{name}: {k} changed"
            );
        }
        assert!(new.keys().filter(|k| !old.contains_key(*k)).all(|k| k.ends_with("comments.xml")), "{name}");
        if annotated.added == 0 {
            continue;
        }
        // Tracked changes survive.
        let count = |xml: &[u8], tag: &str| String::from_utf8_lossy(xml).matches(tag).count();
        for tag in [":ins ", ":del ", ":delText", ":moveFrom"] {
            assert_eq!(count(&old[&main], tag), count(&new[&main], tag), "{name}: {tag}");
        }

        // Each comment's range holds the words its finding points at.
        let ranges = ranges(&new[&main]);
        assert_eq!(ranges.len(), annotated.existing + annotated.added, "{name}: {ranges:?}");
        let doc = read::read_document(&name, &bytes, &Limits::default()).unwrap();
        let first_new = *ranges.keys().max().unwrap() + 1 - annotated.added as u64;
        for (i, d) in report.diagnostics.iter().enumerate() {
            let Some(p) = d.location.as_ref().and_then(|l| l.paragraph) else { continue };
            let block = doc.blocks.iter().find(|b| b.location.paragraph == Some(p)).unwrap();
            let want: String = squash(&block.text).chars().take(25).collect();
            let got = squash(&ranges[&(first_new + i as u64)]);
            assert!(got.contains(&want), "{name}: {} at paragraph {p}: {want:?} not in {got:?}", d.code);
        }
    }
    assert!(total >= 8, "the samples give {total} findings");
}

/// A comment on every block of every sample lands on that block's words:
/// the annotator numbers paragraphs exactly as the reader does, in every
/// layout (tables, text boxes, content controls, tracked changes, Strict).
#[test]
fn a_comment_on_every_paragraph_lands_on_its_words() {
    for path in docx_files() {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let doc = read::read_document(&name, &bytes, &Limits::default()).unwrap();
        let notes: Vec<annotate::Note> = doc
            .blocks
            .iter()
            .map(|b| annotate::Note { paragraph: b.location.paragraph, text: vec![b.text.clone()] })
            .collect();
        let annotated = annotate::annotate(&bytes, &notes, &Author::default(), &Limits::default()).unwrap();
        assert_eq!(blocks(&name, &bytes), blocks(&name, &annotated.bytes), "{name}: text changed");
        let parts = parts(&annotated.bytes);
        let ranges = ranges(&parts[&main_part(&parts)]);
        let base = ranges.keys().max().map_or(0, |m| m + 1) - notes.len() as u64;
        for (i, b) in doc.blocks.iter().enumerate() {
            let want: String = squash(&b.text).chars().take(25).collect();
            let got = squash(ranges.get(&(base + i as u64)).map_or("", String::as_str));
            assert!(got.contains(&want), "{name}: paragraph {:?}: {want:?} not in {got:?}", b.location.paragraph);
        }
    }
}

#[test]
fn a_missing_section_is_anchored_on_the_next_heading_with_its_prompt() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/taunton-incomplete.docx");
    let bytes = std::fs::read(&path).unwrap();
    let (annotated, report) =
        annotate::annotate_file(common::linter(), "taunton.docx", &bytes, &Author::default()).unwrap();
    let missing = report.sections.iter().find(|s| s.state == ssos_lint::report::SectionState::Missing);
    let parts = parts(&annotated.bytes);
    let comments = String::from_utf8_lossy(&parts["word/comments.xml"]).into_owned();
    if let Some(missing) = missing {
        let (i, _) = report
            .diagnostics
            .iter()
            .enumerate()
            .find(|(_, d)| d.code == "ssos::section::missing" && d.section.as_deref() == Some(&missing.id))
            .unwrap();
        let next = report.sections.iter().find(|s| s.number > missing.number && s.location.is_some()).unwrap();
        let ranges = ranges(&parts["word/document.xml"]);
        let range = squash(&ranges[&(i as u64)]);
        assert!(range.contains(squash(&next.title).trim_end_matches('…')), "{range:?} vs {}", next.title);
        assert!(comments.contains("belongs before this heading"), "{comments}");
    }
    // The guidance's own words are quoted in the comments.
    assert!(comments.contains("The guidance asks: “"), "{comments}");
    assert!(!comments.contains("ssos::"), "no rule codes in the district's file");
}

#[test]
fn annotating_twice_keeps_ids_unique_and_old_comments() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/greenfield-tracked-changes.docx");
    let bytes = std::fs::read(&path).unwrap();
    let linter = common::linter();
    let (once, _) = annotate::annotate_file(linter, "g.docx", &bytes, &Author::default()).unwrap();
    let (twice, _) = annotate::annotate_file(linter, "g.docx", &once.bytes, &Author::default()).unwrap();
    assert_eq!(twice.existing, once.existing + once.added);
    let parts = parts(&twice.bytes);
    let comments = String::from_utf8_lossy(&parts["word/comments.xml"]).into_owned();
    let mut ids: Vec<&str> = comments
        .match_indices("<w:comment ")
        .map(|(i, _)| &comments[i..])
        .map(|c| c.split('"').nth(1).unwrap())
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "{comments}");
    assert_eq!(n, twice.existing + twice.added);
    assert_eq!(ranges(&parts["word/document.xml"]).len(), n);
}

#[test]
fn non_docx_and_broken_inputs_are_refused_with_a_diagnostic() {
    let linter = common::linter();
    let xlsx = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/worcester-form.xlsx")).unwrap();
    let err = annotate::annotate_file(linter, "w.xlsx", &xlsx, &Author::default()).unwrap_err();
    assert_eq!(err.code(), "ssos::input::unsupported");
    for bad in [ssos_fixtures::bad::truncated_docx(), ssos_fixtures::bad::billion_laughs_docx(), b"junk".to_vec()] {
        let err = annotate::annotate_file(linter, "bad.docx", &bad, &Author::default()).unwrap_err();
        assert!(err.code().starts_with("ssos::input::"), "{err:?}");
    }
}

/// LibreOffice opens the result and sees every comment. Skipped, with a
/// note, only where `soffice` is not installed (CI installs it).
#[test]
fn libreoffice_opens_annotated_files() {
    let Some(soffice) = which("soffice") else {
        eprintln!("note: soffice not installed; LibreOffice check skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let linter = common::linter();
    let mut expected = BTreeMap::new();
    for name in ["taunton-incomplete.docx", "greenfield-tracked-changes.docx", "fitchburg-text-boxes.docx"] {
        let bytes = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)).unwrap();
        let (annotated, _) = annotate::annotate_file(linter, name, &bytes, &Author::now()).unwrap();
        std::fs::write(dir.path().join(name), &annotated.bytes).unwrap();
        expected.insert(name.trim_end_matches(".docx").to_string(), annotated.existing + annotated.added);
    }
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    let out = dir.path().join("out");
    let status = std::process::Command::new(&soffice)
        .args([profile.as_str(), "--headless", "--convert-to", "odt", "--outdir", out.to_str().unwrap()])
        .args(expected.keys().map(|k| dir.path().join(format!("{k}.docx"))))
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    for (stem, n) in expected {
        let odt = std::fs::read(out.join(format!("{stem}.odt"))).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let content = String::from_utf8_lossy(&parts(&odt)["content.xml"]).into_owned();
        let found = content.matches("<office:annotation ").count() + content.matches("<office:annotation>").count();
        assert_eq!(found, n, "{stem}: LibreOffice sees {found} comments");
    }
}

fn which(cmd: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| Path::new(d).join(cmd)).find(|p| p.is_file())
}
