//! Annotate: a copy of the district's own `.docx` with one Word comment per
//! finding, anchored on the paragraph (or table cell) the finding is about.
//!
//! Nothing is round-tripped through a model: the package is copied entry by
//! entry (compressed bytes as they are), and only four parts are patched as
//! text: the main document part (a `commentRangeStart` after the paragraph's
//! properties, a `commentRangeEnd` and a `commentReference` run before its
//! end), the comments part (created, or extended after its last comment),
//! the main part's relationships and `[Content_Types].xml` (only when the
//! comments part is new). Existing comments and tracked changes are left as
//! they are; new comment ids start above every id already used.
//!
//! Paragraphs are numbered the way the DOCX reader numbers them (every
//! `w:p` in document order, text-box paragraphs included; deleted text,
//! property-change records and unchosen `mc:AlternateContent` branches
//! skipped), so a finding's `paragraph` lands on the words it quotes. A
//! paragraph inside a text box is annotated on the body paragraph holding
//! the text box. Findings with no place (document-level ones) go on the
//! first paragraph; a missing section goes before the heading of the next
//! section found, else after the previous one, else at the start.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};

use quick_xml::Reader;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use crate::pack::Pack;
use crate::read::xml::Package;
use crate::read::{InputError, Limits};
use crate::report::{Diagnostic, FileReport, SectionState, Severity};

/// Largest XML part patched (the DOCX reader's own cap on a part).
const MAX_PART: u64 = 64 * 1024 * 1024;
/// Most comments written into one file.
const MAX_COMMENTS: usize = 10_000;

const W_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const REL_COMMENTS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const REL_COMMENTS_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments";
const CT_COMMENTS: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// One comment to add: where, and its text (one entry per paragraph).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The paragraph (numbered as the reader numbers them); None = the start.
    pub paragraph: Option<usize>,
    pub text: Vec<String>,
}

/// Who the comments are from.
#[derive(Debug, Clone)]
pub struct Author {
    pub name: String,
    pub initials: String,
    /// The comments' date (`2026-11-30T01:02:03Z`), when given.
    pub date: Option<String>,
}

impl Default for Author {
    fn default() -> Self {
        Author { name: "ssos-lint".to_string(), initials: "SSoS".to_string(), date: None }
    }
}

impl Author {
    /// The default author, dated now.
    pub fn now() -> Self {
        Author { date: Some(crate::report::utc_timestamp(std::time::SystemTime::now())), ..Author::default() }
    }
}

/// The annotated package.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub bytes: Vec<u8>,
    /// Comments added (one per note).
    pub added: usize,
    /// Comments the file already had.
    pub existing: usize,
}

/// The notes for a checked file: one per finding, in the report's order.
pub fn notes(report: &FileReport, pack: &Pack) -> Vec<Note> {
    report.diagnostics.iter().map(|d| note(report, pack, d)).collect()
}

fn note(report: &FileReport, pack: &Pack, d: &Diagnostic) -> Note {
    let lead = match d.severity {
        Severity::Error => "Required",
        Severity::Warning => "Recommended",
        Severity::Advice => "Suggestion",
    };
    let message = d.message.trim().trim_end_matches('.').to_string();
    let mut text = vec![format!("{lead}: {message}.")];
    if !d.help.trim().is_empty() {
        text.push(d.help.trim().to_string());
    }
    let section = d.section.as_deref().and_then(|id| report.section(id));
    let section_def = d.section.as_deref().and_then(|id| pack.section(id));
    let mut paragraph = d.location.as_ref().and_then(|l| l.paragraph);
    let whole_section =
        section.is_some_and(|s| s.state != SectionState::Present) && d.code.starts_with("ssos::section::");
    if paragraph.is_none()
        && let Some(s) = section
    {
        if s.state == SectionState::Missing {
            let at = |s: &crate::report::SectionReport| s.location.as_ref().and_then(|l| l.paragraph);
            let next = report.sections.iter().filter(|o| o.number > s.number).find_map(|o| at(o).map(|p| (p, o)));
            let prev = report.sections.iter().rev().filter(|o| o.number < s.number).find_map(|o| at(o).map(|p| (p, o)));
            match (next, prev) {
                (Some((p, o)), _) => {
                    paragraph = Some(p);
                    text.push(format!(
                        "Section {} ({}) belongs before this heading, “{}”.",
                        s.number, s.guidance_title, o.title
                    ));
                }
                (None, Some((p, o))) => {
                    paragraph = Some(p);
                    text.push(format!(
                        "Section {} ({}) belongs after section “{}”.",
                        s.number, s.guidance_title, o.title
                    ));
                }
                (None, None) => {}
            }
        } else {
            paragraph = s.location.as_ref().and_then(|l| l.paragraph);
        }
    }
    // The guidance's own words: the section's prompt for a missing or empty
    // section, else the passage the rule enforces.
    let quote = if whole_section {
        section_def.map(|s| s.prompt.lines().next().unwrap_or_default().trim().to_string())
    } else {
        pack.rule(&d.code).and_then(|r| r.quote.as_ref()).map(|q| q.text.trim().to_string())
    };
    if let Some(q) = quote.filter(|q| !q.is_empty()) {
        text.push(format!("The guidance asks: “{q}”"));
    }
    Note { paragraph, text }
}

/// Checks a .docx and returns it annotated, with its report: the one entry
/// point the command line and the web service share.
pub fn annotate_file(
    linter: &crate::lint::Linter,
    name: &str,
    bytes: &[u8],
    author: &Author,
) -> Result<(Annotated, FileReport), InputError> {
    let limits = &linter.limits;
    crate::read::check_size(bytes, limits)?;
    let mut reports = linter.check_bytes(name, bytes);
    let report = match reports.len() {
        1 => reports.remove(0),
        _ => return Err(not_docx()),
    };
    if report.status == crate::report::Status::Error {
        let d = report.diagnostics.first();
        return Err(InputError::unreadable(
            d.map_or_else(|| "the file cannot be read".to_string(), |d| d.message.clone()),
            d.map_or_else(String::new, |d| d.help.clone()),
        ));
    }
    if report.format.as_deref() != Some("docx") {
        return Err(not_docx());
    }
    let notes = notes(&report, &linter.pack);
    Ok((annotate(bytes, &notes, author, limits)?, report))
}

fn not_docx() -> InputError {
    InputError::unsupported(
        "annotate writes comments into a Word document (.docx); this file is not one",
        "Run `ssos-lint check` on it instead, or save the plan as .docx and annotate that.",
    )
}

/// Patches `bytes` (a .docx package) with one comment per note.
pub fn annotate(bytes: &[u8], notes: &[Note], author: &Author, limits: &Limits) -> Result<Annotated, InputError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(InputError::unreadable(
            format!("the file is {} MB, over the {} MB limit", bytes.len() >> 20, limits.max_file_bytes >> 20),
            "Remove large pictures or embedded files and save it again.",
        ));
    }
    if notes.len() > MAX_COMMENTS {
        return Err(InputError::unreadable(
            format!("{} comments are more than the {MAX_COMMENTS} written into one file", notes.len()),
            "Check the plan with `ssos-lint check` instead.",
        ));
    }
    let mut pkg = Package::open(bytes, limits)?;
    let not_word = not_docx;
    let root_rels = match read_part(&mut pkg, "_rels/.rels")? {
        Some(b) => rels(&b, limits)?,
        None => Vec::new(),
    };
    let main = root_rels
        .iter()
        .filter(|r| r.kind.ends_with("/officeDocument"))
        .find_map(|r| pkg.find(&resolve("", &r.target)))
        .or_else(|| pkg.find("word/document.xml"))
        .ok_or_else(not_word)?;
    let strict = root_rels.iter().any(|r| r.kind.starts_with("http://purl.oclc.org/"));
    let (dir, file) = main.rsplit_once('/').map_or(("", main.as_str()), |(d, f)| (d, f));
    let dir = if dir.is_empty() { String::new() } else { format!("{dir}/") };
    let rels_name = format!("{dir}_rels/{file}.rels");
    let rels_part = pkg.find(&rels_name);
    let rels_bytes = match &rels_part {
        Some(name) => read_part(&mut pkg, name)?,
        None => None,
    };
    let main_rels = match &rels_bytes {
        Some(b) => rels(b, limits)?,
        None => Vec::new(),
    };
    let comments_rel = main_rels.iter().find(|r| r.kind.ends_with("/comments") && !r.external);
    let existing_comments = match comments_rel.and_then(|r| pkg.find(&resolve(&dir, &r.target))) {
        Some(name) => read_part(&mut pkg, &name)?.map(|b| (name, b)),
        None => None,
    };
    let document = read_part(&mut pkg, &main)?.ok_or_else(not_word)?;

    // Ids: above every id in the comments part and the main part.
    let (comment_ids, existing) = match &existing_comments {
        Some((name, b)) => comment_ids(b, name, limits)?,
        None => (None, 0),
    };
    let scan = scan_document(&document, &main, notes, limits)?;
    let base = comment_ids.max(scan.max_id).map_or(0, |m| m.saturating_add(1));
    if base.checked_add(notes.len() as u64).is_none_or(|top| top > i32::MAX as u64) {
        return Err(InputError::unreadable(
            "the file's comment ids leave no room for more comments",
            "Save the plan again from Word and retry.",
        ));
    }
    let w_ns = scan.namespace.clone().unwrap_or_else(|| (if strict { W_STRICT } else { W_TRANSITIONAL }).to_string());
    let new_document = patch_document(&document, &scan, base, &w_ns);

    // The comments part: extended, or new (with its relationship and content type).
    let mut replaced: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut added_parts: Vec<(String, Vec<u8>)> = Vec::new();
    replaced.insert(main.clone(), new_document);
    match existing_comments {
        Some((name, b)) => {
            let patched = append_to_root(&b, &name, limits, |prefix, ns_decl| {
                comment_elements(notes, base, author, prefix, ns_decl.then_some(w_ns.as_str()))
            })?;
            replaced.insert(name, patched);
        }
        None => {
            let mut part = format!("{dir}comments.xml");
            let mut n = 1;
            while pkg.find(&part).is_some() {
                part = format!("{dir}comments{n}.xml");
                n += 1;
            }
            let body = comment_elements(notes, base, author, "w:", None);
            let xml = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:comments xmlns:w=\"{w_ns}\">{body}</w:comments>"
            );
            let rel_type = if strict || w_ns == W_STRICT { REL_COMMENTS_STRICT } else { REL_COMMENTS };
            let used: Vec<&str> = main_rels.iter().map(|r| r.id.as_str()).collect();
            let mut id = "rIdSsosComments".to_string();
            let mut k = 1;
            while used.contains(&id.as_str()) {
                id = format!("rIdSsosComments{k}");
                k += 1;
            }
            let target = part.strip_prefix(&dir).unwrap_or(&part).to_string();
            let rel = format!("<Relationship Id=\"{id}\" Type=\"{rel_type}\" Target=\"{}\"/>", escape(&target));
            match (&rels_part, &rels_bytes) {
                (Some(name), Some(b)) => {
                    let patched = append_to_root(b, name, limits, |prefix, _| {
                        rel.replace("<Relationship", &format!("<{prefix}Relationship"))
                    })?;
                    replaced.insert(name.clone(), patched);
                }
                _ => added_parts.push((
                    rels_name.clone(),
                    format!(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rel}</Relationships>"
                    )
                    .into_bytes(),
                )),
            }
            let types_name = pkg.find("[Content_Types].xml").ok_or_else(not_word)?;
            let types = read_part(&mut pkg, &types_name)?.ok_or_else(not_word)?;
            let override_ = format!("<Override PartName=\"/{}\" ContentType=\"{CT_COMMENTS}\"/>", escape(&part));
            let patched = append_to_root(&types, &types_name, limits, |prefix, _| {
                override_.replace("<Override", &format!("<{prefix}Override"))
            })?;
            replaced.insert(types_name, patched);
            added_parts.push((part, xml.into_bytes()));
        }
    }
    let bytes = rewrite_zip(bytes, &replaced, &added_parts)?;
    Ok(Annotated { bytes, added: notes.len(), existing })
}

fn read_part(pkg: &mut Package<'_>, name: &str) -> Result<Option<Vec<u8>>, InputError> {
    let bytes = pkg.read_capped(name, MAX_PART)?;
    match bytes {
        Some(b) if b.starts_with(&[0xFF, 0xFE]) || b.starts_with(&[0xFE, 0xFF]) => Err(InputError::unreadable(
            format!("part '{name}' is stored as UTF-16, which annotate does not patch"),
            "Save the plan again from Word and retry.",
        )),
        other => Ok(other),
    }
}

/// Copies every entry as it is, except the replaced ones; appends new ones.
fn rewrite_zip(
    bytes: &[u8],
    replaced: &BTreeMap<String, Vec<u8>>,
    added: &[(String, Vec<u8>)],
) -> Result<Vec<u8>, InputError> {
    let broken = |e: zip::result::ZipError| InputError::corrupt(format!("the package cannot be rewritten: {e}"));
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(broken)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() + 64 * 1024)));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).map_err(broken)?;
        let name = file.name().to_string();
        match replaced.get(&name) {
            Some(data) => {
                drop(file);
                out.start_file(name, options).map_err(broken)?;
                out.write_all(data).map_err(|e| InputError::corrupt(format!("writing the package: {e}")))?;
            }
            None => out.raw_copy_file(file).map_err(broken)?,
        }
    }
    for (name, data) in added {
        out.start_file(name.clone(), options).map_err(broken)?;
        out.write_all(data).map_err(|e| InputError::corrupt(format!("writing the package: {e}")))?;
    }
    Ok(out.finish().map_err(broken)?.into_inner())
}

#[derive(Debug)]
struct Rel {
    id: String,
    kind: String,
    target: String,
    external: bool,
}

fn reader(text: &str) -> Reader<&[u8]> {
    let mut r = Reader::from_str(text);
    let c = r.config_mut();
    c.check_end_names = true;
    c.expand_empty_elements = false;
    c.trim_text(false);
    r
}

fn xml_error(part: &str, err: impl std::fmt::Display) -> InputError {
    InputError::corrupt(format!("part '{part}' is not well-formed XML: {err}"))
}

fn hostile(part: &str) -> InputError {
    InputError::unreadable(
        format!("part '{part}' declares a DOCTYPE, which Word never writes"),
        "Save the plan again from Word and retry.",
    )
}

fn too_deep() -> InputError {
    InputError::unreadable("the XML is nested too deeply", "Save the plan again from Word and retry.")
}

fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find(|a| a.key.local_name().into_inner() == local).map(|a| {
        match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
            Ok(v) => v.into_owned(),
            Err(_) => a.value.clone().into_owned(),
        }
    })
}

/// A part's text (UTF-8, a BOM skipped) and the BOM's length.
fn as_text<'b>(bytes: &'b [u8], part: &str) -> Result<(&'b str, usize), InputError> {
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    std::str::from_utf8(&bytes[bom..])
        .map(|t| (t, bom))
        .map_err(|e| InputError::corrupt(format!("part '{part}' is not UTF-8 text: {e}")))
}

fn rels(bytes: &[u8], limits: &Limits) -> Result<Vec<Rel>, InputError> {
    let Ok((text, _)) = as_text(bytes, "relationships") else {
        return Ok(Vec::new());
    };
    let mut r = reader(text);
    let mut out = Vec::new();
    let mut depth = 0usize;
    loop {
        match r.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                depth += 1;
                if depth > limits.max_xml_depth {
                    return Err(too_deep());
                }
                push_rel(&e, &mut out);
            }
            Ok(Event::Empty(e)) => push_rel(&e, &mut out),
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::DocType(_)) => return Err(hostile("relationships")),
            Ok(_) => {}
            // A damaged rels part: keep what was read.
            Err(_) => break,
        }
    }
    Ok(out)
}

fn push_rel(e: &BytesStart<'_>, out: &mut Vec<Rel>) {
    if e.local_name().into_inner() != "Relationship" {
        return;
    }
    if let (Some(kind), Some(target)) = (attr(e, "Type"), attr(e, "Target")) {
        out.push(Rel {
            id: attr(e, "Id").unwrap_or_default(),
            kind: kind.trim().to_string(),
            target: target.trim().to_string(),
            external: attr(e, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external")),
        });
    }
}

/// A relationship target resolved against the source part's folder.
fn resolve(dir: &str, target: &str) -> String {
    let target = target.replace('\\', "/");
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The largest comment id in a comments part, and how many comments it has.
fn comment_ids(bytes: &[u8], part: &str, limits: &Limits) -> Result<(Option<u64>, usize), InputError> {
    let (text, _) = as_text(bytes, part)?;
    let mut r = reader(text);
    let (mut max, mut count, mut depth) = (None::<u64>, 0usize, 0usize);
    loop {
        let event = r.read_event().map_err(|e| xml_error(part, e))?;
        let e = match &event {
            Event::Eof => break,
            Event::Start(e) => {
                depth += 1;
                if depth > limits.max_xml_depth {
                    return Err(too_deep());
                }
                e
            }
            Event::Empty(e) => e,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Event::DocType(_) => return Err(hostile(part)),
            _ => continue,
        };
        if e.local_name().into_inner() == "comment" {
            count += 1;
            if let Some(id) = attr(e, "id").and_then(|v| v.trim().parse::<u64>().ok()) {
                max = Some(max.map_or(id, |m| m.max(id)));
            }
        }
    }
    Ok((max, count))
}

/// Inserts `fragment(prefix, needs_ns)` before the root element's end tag.
/// `prefix` is the root's own prefix with its colon ("w:" or ""); `needs_ns`
/// is true when the root has no prefix (the caller declares one itself).
fn append_to_root(
    bytes: &[u8],
    part: &str,
    limits: &Limits,
    fragment: impl Fn(&str, bool) -> String,
) -> Result<Vec<u8>, InputError> {
    let (text, bom) = as_text(bytes, part)?;
    let mut r = reader(text);
    let mut depth = 0usize;
    loop {
        let before = r.buffer_position() as usize + bom;
        let event = r.read_event().map_err(|e| xml_error(part, e))?;
        let after = r.buffer_position() as usize + bom;
        match event {
            Event::Eof => return Err(InputError::corrupt(format!("part '{part}' has no root element"))),
            Event::DocType(_) => return Err(hostile(part)),
            Event::Start(_) => {
                depth += 1;
                if depth > limits.max_xml_depth {
                    return Err(too_deep());
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let qname = e.name().into_inner().to_string();
                    let prefix = prefix_of(&qname);
                    let mut out = Vec::with_capacity(bytes.len() + 4096);
                    out.extend_from_slice(&bytes[..before]);
                    out.extend_from_slice(fragment(&prefix, prefix.is_empty()).as_bytes());
                    out.extend_from_slice(&bytes[before..]);
                    return Ok(out);
                }
            }
            Event::Empty(e) if depth == 0 => {
                let qname = e.name().into_inner().to_string();
                let prefix = prefix_of(&qname);
                let tag = &bytes[before..after];
                let open = tag.strip_suffix(b"/>").unwrap_or(tag);
                let mut out = Vec::with_capacity(bytes.len() + 4096);
                out.extend_from_slice(&bytes[..before]);
                out.extend_from_slice(open);
                out.push(b'>');
                out.extend_from_slice(fragment(&prefix, prefix.is_empty()).as_bytes());
                out.extend_from_slice(format!("</{qname}>").as_bytes());
                out.extend_from_slice(&bytes[after..]);
                return Ok(out);
            }
            _ => {}
        }
    }
}

/// "w:" for "w:p", "" for "p".
fn prefix_of(qname: &str) -> String {
    qname.rsplit_once(':').map_or(String::new(), |(p, _)| format!("{p}:"))
}

/// The `<w:comment>` elements for the notes, ids from `base`.
fn comment_elements(notes: &[Note], base: u64, author: &Author, prefix: &str, declare: Option<&str>) -> String {
    // A root without a prefix: declare `w` on each comment.
    let (p, decl) = match declare {
        Some(ns) => ("w:".to_string(), format!(" xmlns:w=\"{}\"", escape(ns))),
        None => (prefix.to_string(), String::new()),
    };
    let mut out = String::new();
    for (i, note) in notes.iter().enumerate() {
        let id = base + i as u64;
        let date = author.date.as_ref().map_or(String::new(), |d| format!(" {p}date=\"{}\"", escape(d)));
        out.push_str(&format!(
            "<{p}comment{decl} {p}id=\"{id}\" {p}author=\"{}\"{date} {p}initials=\"{}\">",
            escape(&author.name),
            escape(&author.initials)
        ));
        let paras: Vec<&String> = note.text.iter().filter(|t| !t.trim().is_empty()).collect();
        if paras.is_empty() {
            out.push_str(&format!("<{p}p/>"));
        }
        for text in paras {
            out.push_str(&format!(
                "<{p}p><{p}r><{p}t xml:space=\"preserve\">{}</{p}t></{p}r></{p}p>",
                escape(clean_text(text))
            ));
        }
        out.push_str(&format!("</{p}comment>"));
    }
    out
}

/// Text safe in XML 1.0: control characters other than tab/newline dropped.
fn clean_text(text: &str) -> String {
    text.chars().filter(|c| !c.is_control() || *c == '\t').map(|c| if c == '\n' { ' ' } else { c }).collect()
}

// ---------------------------------------------------------------------------
// The main document part.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    PPr,
    R,
    RPr,
    Tr,
    TrPr,
    Sdt,
    SdtPr,
    AltContent,
    Other,
}

/// A paragraph that receives comments: where to put the range start and end.
#[derive(Debug, Clone)]
struct Anchor {
    /// Offset where the range start goes (after the start tag or `pPr`).
    start: usize,
    /// Offset of the paragraph's end tag (range end and reference go before).
    end: usize,
    /// For `<w:p/>`: the whole element's range, rewritten with content.
    empty: Option<(usize, usize)>,
    qname: String,
    /// Indices into the notes.
    notes: Vec<usize>,
}

#[derive(Debug)]
struct OpenPara {
    /// Implicit (runs outside any paragraph): the depth it closes below.
    implicit: Option<usize>,
    start: usize,
    qname: String,
    notes: Vec<usize>,
    outer: bool,
}

#[derive(Debug, Default)]
struct Scan {
    anchors: Vec<Anchor>,
    /// The first body paragraph, for notes with no place.
    first: Option<Anchor>,
    unplaced: Vec<usize>,
    max_id: Option<u64>,
    namespace: Option<String>,
    paragraphs: usize,
}

fn scan_document(bytes: &[u8], part: &str, notes: &[Note], limits: &Limits) -> Result<Scan, InputError> {
    let mut wanted: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut scan = Scan::default();
    for (i, n) in notes.iter().enumerate() {
        match n.paragraph {
            Some(p) if p > 0 => wanted.entry(p).or_default().push(i),
            _ => scan.unplaced.push(i),
        }
    }
    let (text, bom) = as_text(bytes, part)?;
    let mut r = reader(text);
    let mut stack: Vec<Tag> = Vec::with_capacity(64);
    let mut skip_to: Option<usize> = None;
    let mut alt: Vec<bool> = Vec::new();
    let mut paras: Vec<OpenPara> = Vec::new();
    let mut count = 0usize;
    let mut root_seen = false;
    let mut prefixes: BTreeMap<String, String> = BTreeMap::new();
    loop {
        let before = r.buffer_position() as usize + bom;
        let event = r.read_event().map_err(|e| xml_error(part, e))?;
        let after = r.buffer_position() as usize + bom;
        let (e, empty) = match &event {
            Event::Eof => break,
            Event::DocType(_) => return Err(hostile(part)),
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                if let Some(d) = skip_to {
                    stack.pop();
                    if stack.len() <= d {
                        skip_to = None;
                    }
                    continue;
                }
                end_tag(&mut stack, &mut paras, &mut alt, &mut scan, (before, after), false);
                continue;
            }
            _ => continue,
        };
        if stack.len() >= limits.max_xml_depth {
            return Err(too_deep());
        }
        let name = e.local_name().into_inner();
        if matches!(name, "commentRangeStart" | "commentRangeEnd" | "commentReference")
            && let Some(id) = attr(e, "id").and_then(|v| v.trim().parse::<u64>().ok())
        {
            scan.max_id = Some(scan.max_id.map_or(id, |m| m.max(id)));
        }
        if !root_seen {
            root_seen = true;
            for a in e.attributes().with_checks(false).flatten() {
                let key = a.key.into_inner().to_string();
                let value = a.value.to_string();
                if let Some(p) = key.strip_prefix("xmlns:") {
                    prefixes.insert(format!("{p}:"), value);
                } else if key == "xmlns" {
                    prefixes.insert(String::new(), value);
                }
            }
        }
        if skip_to.is_some() {
            if !empty {
                stack.push(Tag::Other);
            }
            continue;
        }
        let depth = stack.len();
        let parent = stack.last().copied();
        if matches!(name, "p" | "tbl") && paras.last().is_some_and(|p| p.implicit.is_some()) {
            finish(&mut paras, &mut scan, None, before);
        }
        let mut skip = false;
        let tag = match name {
            "p" => {
                count += 1;
                let qname = e.name().into_inner().to_string();
                if scan.namespace.is_none() {
                    scan.namespace = prefixes.get(&prefix_of(&qname)).cloned();
                }
                let outer = paras.iter().all(|p| p.implicit.is_some());
                let mut own = wanted.remove(&count).unwrap_or_default();
                if !outer {
                    // Nested (a text box): the comment goes on the body paragraph.
                    if let Some(o) = paras.iter_mut().find(|p| p.outer) {
                        o.notes.append(&mut own);
                    } else {
                        scan.unplaced.append(&mut own);
                    }
                }
                paras.push(OpenPara { implicit: None, start: after, qname, notes: own, outer });
                Tag::P
            }
            "pPr" if parent == Some(Tag::P) => Tag::PPr,
            "rPr" if parent == Some(Tag::PPr) => {
                skip = true;
                Tag::Other
            }
            "sectPr" | "pPrChange" | "rPrChange" | "tblPrChange" | "trPrChange" | "tcPrChange" | "sectPrChange"
            | "tblGridChange" | "numberingChange" | "sdtEndPr" | "delText" | "delInstrText" | "instrText" => {
                skip = true;
                Tag::Other
            }
            "r" => {
                if paras.is_empty() {
                    count += 1;
                    if let Some(mut own) = wanted.remove(&count) {
                        scan.unplaced.append(&mut own);
                    }
                    paras.push(OpenPara {
                        implicit: Some(depth),
                        start: before,
                        qname: String::new(),
                        notes: Vec::new(),
                        outer: false,
                    });
                }
                Tag::R
            }
            "rPr" if parent == Some(Tag::R) => Tag::RPr,
            "del" | "moveFrom" if parent != Some(Tag::RPr) && parent != Some(Tag::TrPr) => {
                skip = true;
                Tag::Other
            }
            "sdt" => Tag::Sdt,
            "sdtPr" if parent == Some(Tag::Sdt) => Tag::SdtPr,
            _ if parent == Some(Tag::SdtPr) => {
                skip = true;
                Tag::Other
            }
            "AlternateContent" => {
                alt.push(false);
                Tag::AltContent
            }
            "Choice" if parent == Some(Tag::AltContent) => match alt.last_mut() {
                Some(taken) if !*taken => {
                    *taken = true;
                    Tag::Other
                }
                _ => {
                    skip = true;
                    Tag::Other
                }
            },
            "Fallback" if parent == Some(Tag::AltContent) => {
                skip = alt.last().copied().unwrap_or(false);
                Tag::Other
            }
            "tr" => Tag::Tr,
            "trPr" if parent == Some(Tag::Tr) => Tag::TrPr,
            _ => Tag::Other,
        };
        if skip {
            skip_to = Some(depth);
        }
        stack.push(tag);
        if empty {
            end_tag(&mut stack, &mut paras, &mut alt, &mut scan, (before, after), true);
            if skip_to == Some(depth) {
                skip_to = None;
            }
        }
    }
    while !paras.is_empty() {
        finish(&mut paras, &mut scan, None, bytes.len());
    }
    scan.paragraphs = count;
    // Notes for paragraphs past the end (a stale location) go to the start.
    for (_, mut v) in wanted {
        scan.unplaced.append(&mut v);
    }
    if !scan.unplaced.is_empty() {
        let Some(first) = scan.first.clone() else {
            return Err(InputError::unreadable(
                "the document has no paragraph to attach a comment to",
                "Check the plan with `ssos-lint check` instead.",
            ));
        };
        let mut unplaced = std::mem::take(&mut scan.unplaced);
        match scan.anchors.iter_mut().find(|a| a.start == first.start) {
            Some(a) => {
                unplaced.append(&mut a.notes);
                a.notes = unplaced;
            }
            None => scan.anchors.insert(0, Anchor { notes: unplaced, ..first }),
        }
    }
    Ok(scan)
}

/// Closes the element on top of the stack; `(before, after)` is the range of
/// its end tag, or of the whole element when it was written as `<x/>` (`empty`).
fn end_tag(
    stack: &mut Vec<Tag>,
    paras: &mut Vec<OpenPara>,
    alt: &mut Vec<bool>,
    scan: &mut Scan,
    (before, after): (usize, usize),
    empty: bool,
) {
    let Some(tag) = stack.pop() else { return };
    if let Some(depth) = paras.last().and_then(|p| p.implicit)
        && stack.len() < depth
    {
        finish(paras, scan, None, before);
    }
    match tag {
        Tag::P => finish(paras, scan, empty.then_some((before, after)), before),
        Tag::PPr => {
            // The range start goes after the paragraph's properties.
            if let Some(p) = paras.last_mut() {
                p.start = after;
            }
        }
        Tag::AltContent => {
            alt.pop();
        }
        _ => {}
    }
}

fn finish(paras: &mut Vec<OpenPara>, scan: &mut Scan, empty: Option<(usize, usize)>, before: usize) {
    let Some(p) = paras.pop() else { return };
    if p.implicit.is_some() || !p.outer {
        return;
    }
    let anchor = Anchor { start: p.start, end: before, empty, qname: p.qname, notes: p.notes };
    if scan.first.is_none() {
        scan.first = Some(Anchor { notes: Vec::new(), ..anchor.clone() });
    }
    if !anchor.notes.is_empty() {
        scan.anchors.push(anchor);
    }
}

fn patch_document(bytes: &[u8], scan: &Scan, base: u64, w_ns: &str) -> Vec<u8> {
    // Edits: (offset, end of replaced range, text), applied in order.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for a in &scan.anchors {
        let prefix = prefix_of(&a.qname);
        let (p, decl) = if prefix.is_empty() {
            ("w:".to_string(), format!(" xmlns:w=\"{}\"", escape(w_ns)))
        } else {
            (prefix, String::new())
        };
        let ids: Vec<u64> = a.notes.iter().map(|i| base + *i as u64).collect();
        let starts: String = ids.iter().map(|id| format!("<{p}commentRangeStart{decl} {p}id=\"{id}\"/>")).collect();
        let ends: String = ids
            .iter()
            .map(|id| {
                format!(
                    "<{p}commentRangeEnd{decl} {p}id=\"{id}\"/><{p}r{decl}><{p}commentReference {p}id=\"{id}\"/></{p}r>"
                )
            })
            .collect();
        match a.empty {
            Some((s, e)) => {
                let tag = &bytes[s..e];
                let open = String::from_utf8_lossy(tag.strip_suffix(b"/>").unwrap_or(tag)).into_owned();
                edits.push((s, e, format!("{open}>{starts}{ends}</{}>", a.qname)));
            }
            None => {
                edits.push((a.start, a.start, starts));
                edits.push((a.end, a.end, ends));
            }
        }
    }
    edits.sort_by_key(|(s, _, _)| *s);
    let mut out = Vec::with_capacity(bytes.len() + edits.iter().map(|e| e.2.len()).sum::<usize>());
    let mut at = 0;
    for (s, e, text) in edits {
        if s < at {
            continue;
        }
        out.extend_from_slice(&bytes[at..s]);
        out.extend_from_slice(text.as_bytes());
        at = e;
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> Vec<u8> {
        format!("<?xml version=\"1.0\"?><w:document xmlns:w=\"{W_TRANSITIONAL}\"><w:body>{body}</w:body></w:document>")
            .into_bytes()
    }

    fn patched(body: &str, notes: &[Note]) -> String {
        let bytes = doc(body);
        let scan = scan_document(&bytes, "word/document.xml", notes, &Limits::default()).unwrap();
        String::from_utf8(patch_document(&bytes, &scan, scan.max_id.map_or(0, |m| m + 1), W_TRANSITIONAL)).unwrap()
    }

    fn at(p: usize) -> Note {
        Note { paragraph: Some(p), text: vec!["x".into()] }
    }

    #[test]
    fn ranges_go_after_properties_and_before_the_end() {
        let out = patched(
            "<w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>One</w:t></w:r></w:p><w:p><w:r><w:t>Two</w:t></w:r></w:p>",
            &[at(2), at(1)],
        );
        assert!(out.contains("</w:pPr><w:commentRangeStart w:id=\"1\"/><w:r><w:t>One</w:t></w:r><w:commentRangeEnd w:id=\"1\"/><w:r><w:commentReference w:id=\"1\"/></w:r></w:p>"), "{out}");
        assert!(
            out.contains(
                "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Two</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>"
            ),
            "{out}"
        );
    }

    #[test]
    fn deleted_paragraphs_and_fallbacks_are_not_counted_and_ids_avoid_existing_ones() {
        let body = "<w:p><w:commentRangeStart w:id=\"7\"/><w:r><w:t>A</w:t></w:r><w:commentRangeEnd w:id=\"7\"/></w:p>\
            <w:del w:id=\"1\"><w:p><w:r><w:delText>gone</w:delText></w:r></w:p></w:del>\
            <w:p><w:r><mc:AlternateContent xmlns:mc=\"m\"><mc:Choice><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>B</w:t></w:r></w:p>\
            <w:p/><w:p><w:r><w:t>C</w:t></w:r></w:p>";
        // 1 = A, 2 = the anchor of the text box, 3 = the box's paragraph, 4 = empty, 5 = C.
        let out = patched(body, &[at(5), at(3), at(4)]);
        assert!(out.contains("<w:commentRangeStart w:id=\"8\"/><w:r><w:t>C</w:t>"), "{out}");
        // The text box's note goes on its anchor paragraph.
        assert!(out.contains("<w:p><w:commentRangeStart w:id=\"9\"/><w:r><mc:AlternateContent"), "{out}");
        assert!(out.contains("<w:p><w:commentRangeStart w:id=\"10\"/><w:commentRangeEnd w:id=\"10\"/>"), "{out}");
        assert!(out.contains("<w:p/></mc:Fallback>"), "{out}");
    }

    #[test]
    fn notes_without_a_place_go_on_the_first_paragraph() {
        let out = patched(
            "<w:p><w:r><w:t>A</w:t></w:r></w:p><w:p><w:r><w:t>B</w:t></w:r></w:p>",
            &[Note { paragraph: None, text: vec![] }, at(99), at(1)],
        );
        assert!(out.starts_with(&String::from_utf8(doc("")).unwrap()[..80]));
        assert!(
            out.contains("<w:p><w:commentRangeStart w:id=\"0\"/><w:commentRangeStart w:id=\"1\"/><w:commentRangeStart w:id=\"2\"/><w:r><w:t>A</w:t>"),
            "{out}"
        );
    }

    #[test]
    fn deep_nesting_and_doctype_are_refused() {
        let deep = format!("{}{}", "<w:x>".repeat(600), "</w:x>".repeat(600));
        assert!(scan_document(&doc(&deep), "d", &[], &Limits::default()).is_err());
        let dtd = b"<!DOCTYPE x [<!ENTITY a \"b\">]><w:document/>";
        assert!(scan_document(dtd, "d", &[], &Limits::default()).is_err());
    }
}
