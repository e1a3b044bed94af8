//! DOCX reader: zip package → relationships → styles, numbering → one
//! streaming pass over the main document part (see [`body`]) → blocks;
//! comments, notes, headers and footers kept apart; core/app properties.
//!
//! Parts are found through relationships (`_rels/.rels`, then the main
//! part's own rels), transitional or Strict, with any namespace prefix.
//! Every part is inflated under a cap and parsed with quick-xml without a
//! DOM; DOCTYPE entities are never expanded; nesting depth is bounded.

mod body;
mod numbering;
mod styles;
pub(crate) mod xmlutil;

#[cfg(test)]
mod tests;

use quick_xml::events::Event;

use self::numbering::Numbering;
use self::styles::Styles;
use self::xmlutil::{Xml, attr, local, reference_text};
use super::xml::{Package, decode_xml_text};
use super::{InputError, Limits};
use crate::model::{Document, Format};

/// Cap on one XML part of a DOCX: real plans are a few MB at most.
const MAX_XML_PART: u64 = 64 * 1024 * 1024;

/// Most headers/footers/notes parts read.
const MAX_AUX_PARTS: usize = 64;

#[derive(Debug, Clone)]
pub(crate) struct Rel {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) target: String,
}

impl Rel {
    /// The last segment of the relationship type (`.../officeDocument`).
    pub(crate) fn is(&self, suffix: &str) -> bool {
        self.kind.rsplit('/').next() == Some(suffix)
    }
}

/// The signature of an OLE compound file: an encrypted OOXML package or an
/// old binary Word document, never a readable .docx.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, InputError> {
    if bytes.starts_with(&CFB_MAGIC) {
        return Err(compound_file_error(bytes));
    }
    let mut pkg = Package::open(bytes, limits)?;
    let root_rels = read_rels(&mut pkg, "_rels/.rels", "", limits)?;

    let main = root_rels
        .iter()
        .filter(|r| r.is("officeDocument"))
        .map(|r| r.target.clone())
        .find(|t| pkg.find(t).is_some())
        .or_else(|| pkg.find("word/document.xml"))
        .ok_or_else(|| {
            InputError::corrupt("the package has no main document part (word/document.xml); it may not be a Word file")
        })?;
    let main = pkg.find(&main).unwrap_or(main);
    let (dir, file) = split_part(&main);
    let rels = read_rels(&mut pkg, &format!("{dir}_rels/{file}.rels"), dir, limits)?;
    let target = |suffix: &str, fallback: &str| -> Option<String> {
        rels.iter().find(|r| r.is(suffix)).map(|r| r.target.clone()).or_else(|| Some(format!("{dir}{fallback}")))
    };

    let styles = match target("styles", "styles.xml") {
        Some(name) => match read_part(&mut pkg, &name)? {
            Some(text) => Styles::parse(&text, &name, limits)?,
            None => Styles::default(),
        },
        None => Styles::default(),
    };
    let mut numbering = match target("numbering", "numbering.xml") {
        Some(name) => match read_part(&mut pkg, &name)? {
            Some(text) => Numbering::parse(&text, &name, limits)?,
            None => Numbering::default(),
        },
        None => Numbering::default(),
    };

    numbering.resolve_style_links(&styles);

    let mut doc = Document::new(Format::Docx);
    let text = read_part(&mut pkg, &main)?
        .ok_or_else(|| InputError::corrupt(format!("the main document part '{main}' is missing")))?;
    body::read_body(&text, &main, limits, &styles, &mut numbering, &mut doc)?;
    drop(text);

    // Comments, footnotes, endnotes: one note per entry.
    for (suffix, container) in [("comments", "comment"), ("footnotes", "footnote"), ("endnotes", "endnote")] {
        for rel in rels.iter().filter(|r| r.is(suffix)).take(MAX_AUX_PARTS) {
            if let Some(text) = read_part(&mut pkg, &rel.target)? {
                let count = collect_text(&text, &rel.target, limits, Some(container), &mut doc.notes)?;
                if suffix == "comments" {
                    doc.revisions.comments += count;
                }
            }
        }
    }
    // Headers and footers, in relationship order: one entry per part.
    for rel in rels.iter().filter(|r| r.is("header") || r.is("footer")).take(MAX_AUX_PARTS) {
        if let Some(text) = read_part(&mut pkg, &rel.target)? {
            collect_text(&text, &rel.target, limits, None, &mut doc.headers)?;
        }
    }

    read_properties(&mut pkg, &root_rels, limits, &mut doc)?;
    Ok(doc)
}

fn compound_file_error(bytes: &[u8]) -> InputError {
    let marker: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
    if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
        InputError::unreadable(
            "the document is password-protected (encrypted)",
            "Remove the password in Word (File > Info > Protect Document > Encrypt with Password), save, and resend it.",
        )
    } else {
        InputError::unsupported(
            "this is an older Word document (.doc), not a .docx",
            "Open it in Word and use File > Save As > Word Document (.docx), then resend it.",
        )
    }
}

/// Reads one XML part as text (None when absent), under the part cap.
pub(crate) fn read_part(pkg: &mut Package<'_>, name: &str) -> Result<Option<String>, InputError> {
    Ok(pkg.read_capped(name, MAX_XML_PART)?.map(|mut bytes| {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return decode_xml_text(&bytes);
        }
        if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            bytes.drain(..3);
        }
        // Valid UTF-8 (the usual case) is taken without a copy.
        String::from_utf8(bytes).unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
    }))
}

/// ("word/", "document.xml") for "word/document.xml".
pub(crate) fn split_part(name: &str) -> (&str, &str) {
    match name.rfind('/') {
        Some(i) => name.split_at(i + 1),
        None => ("", name),
    }
}

/// Resolves a relationship target against the source part's folder.
fn resolve_target(base_dir: &str, target: &str) -> String {
    let target = target.split(['#', '?']).next().unwrap_or(target);
    let target = target.replace('\\', "/");
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{base_dir}{target}"),
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
    let out = parts.join("/");
    percent_decode(&out)
}

/// Decodes `%20`-style escapes in part names (invalid escapes kept as is).
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (bytes.get(i + 1), bytes.get(i + 2))
            && let (Some(h), Some(l)) = ((*h as char).to_digit(16), (*l as char).to_digit(16))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Reads a relationships part; a missing or damaged one yields no rels
/// (the caller falls back to the default part names).
pub(crate) fn read_rels(
    pkg: &mut Package<'_>,
    name: &str,
    base_dir: &str,
    limits: &Limits,
) -> Result<Vec<Rel>, InputError> {
    let Some(text) = read_part(pkg, name)? else {
        return Ok(Vec::new());
    };
    let mut rels = Vec::new();
    let mut xml = Xml::new(&text, name, limits);
    loop {
        let event = match xml.next() {
            Ok(Some(ev)) => ev,
            Ok(None) => break,
            Err(err) if err.reason.contains("nested too deeply") => return Err(err),
            Err(_) => break,
        };
        if let Event::Start(e) | Event::Empty(e) = &event
            && local(e) == "Relationship"
        {
            if attr(e, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external")) {
                continue;
            }
            let (Some(kind), Some(target)) = (attr(e, "Type"), attr(e, "Target")) else {
                continue;
            };
            let id = attr(e, "Id").map(|i| i.trim().to_string()).unwrap_or_default();
            rels.push(Rel { id, kind: kind.trim().to_string(), target: resolve_target(base_dir, target.trim()) });
        }
    }
    Ok(rels)
}

/// Collects the plain text of a comments/notes part (one string per
/// `container` element, separator notes skipped) or of a whole
/// header/footer part (`container` None). Returns how many containers
/// were seen (comments are counted even when empty).
fn collect_text(
    text: &str,
    part: &str,
    limits: &Limits,
    container: Option<&str>,
    out: &mut Vec<String>,
) -> Result<usize, InputError> {
    let mut xml = Xml::new(text, part, limits);
    let mut buf = String::new();
    let mut active = container.is_none();
    let mut count = 0;
    let mut depth = 0usize;
    let mut skip_to: Option<usize> = None;
    let mut in_t = false;
    let mut container_depth = 0usize;
    while let Some(event) = xml.next()? {
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                if skip_to.is_none() {
                    let name = local(e);
                    if Some(name) == container {
                        let kind = attr(e, "type");
                        let separator = kind
                            .as_deref()
                            .is_some_and(|k| k.to_ascii_lowercase().contains("separator") || k == "continuationNotice");
                        if !separator {
                            count += 1;
                            active = true;
                            buf.clear();
                            container_depth = depth;
                        }
                    } else if active {
                        match name {
                            "t" => in_t = !empty,
                            "tab" | "ptab" => buf.push('\t'),
                            "br" | "cr" => buf.push('\n'),
                            "del" | "moveFrom" | "instrText" | "delText" | "rPr" | "pPr" | "sdtPr" | "Fallback"
                                if !empty =>
                            {
                                skip_to = Some(depth);
                            }
                            _ => {}
                        }
                    }
                }
                if !empty {
                    depth += 1;
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if let Some(d) = skip_to {
                    if depth <= d {
                        skip_to = None;
                    }
                    continue;
                }
                let name = e.local_name().into_inner();
                match name {
                    "t" => in_t = false,
                    "p" if active && !buf.is_empty() && !buf.ends_with('\n') => buf.push('\n'),
                    _ => {}
                }
                if container.is_some() && Some(name) == container && active && depth == container_depth {
                    push_note(&mut buf, out);
                    active = false;
                }
            }
            Event::Text(t) if in_t && active && skip_to.is_none() => buf.push_str(&t.xml10_content()),
            Event::CData(t) if in_t && active && skip_to.is_none() => buf.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_t && active && skip_to.is_none() => reference_text(r, &mut buf),
            _ => {}
        }
    }
    if container.is_none() {
        push_note(&mut buf, out);
        count = 1;
    }
    Ok(count)
}

fn push_note(buf: &mut String, out: &mut Vec<String>) {
    let note = buf.trim();
    if !note.is_empty() {
        out.push(note.to_string());
    }
    buf.clear();
}

/// `docProps/core.xml` (title, subject, creator) and `docProps/app.xml`
/// (Company), found through the package rels or at their usual paths.
pub(crate) fn read_properties(
    pkg: &mut Package<'_>,
    root_rels: &[Rel],
    limits: &Limits,
    doc: &mut Document,
) -> Result<(), InputError> {
    let core = root_rels
        .iter()
        .find(|r| r.is("core-properties"))
        .map(|r| r.target.clone())
        .unwrap_or_else(|| "docProps/core.xml".to_string());
    let app = root_rels
        .iter()
        .find(|r| r.is("extended-properties") || r.is("extendedProperties"))
        .map(|r| r.target.clone())
        .unwrap_or_else(|| "docProps/app.xml".to_string());
    for (part, keys) in [(core, &["title", "subject", "creator"][..]), (app, &["Company"][..])] {
        let Some(text) = read_part(pkg, &part)? else {
            continue;
        };
        // Properties are a nicety: a damaged part is ignored, not fatal.
        let Ok(values) = simple_values(&text, &part, limits, keys) else {
            continue;
        };
        for (key, value) in values {
            let slot = match key {
                "title" => &mut doc.properties.title,
                "subject" => &mut doc.properties.subject,
                "creator" => &mut doc.properties.author,
                _ => &mut doc.properties.company,
            };
            if slot.is_none() && !value.trim().is_empty() {
                *slot = Some(value.trim().to_string());
            }
        }
    }
    Ok(())
}

/// Text of the top-level children named `keys` (local names) of a part.
fn simple_values<'k>(
    text: &str,
    part: &str,
    limits: &Limits,
    keys: &[&'k str],
) -> Result<Vec<(&'k str, String)>, InputError> {
    let mut xml = Xml::new(text, part, limits);
    let mut out = Vec::new();
    let mut current: Option<(&'k str, String)> = None;
    let mut depth = 0usize;
    while let Some(event) = xml.next()? {
        match &event {
            Event::Start(e) => {
                depth += 1;
                if depth == 2 {
                    let name = local(e);
                    current = keys.iter().find(|k| **k == name).map(|k| (*k, String::new()));
                }
            }
            Event::End(_) => {
                if depth == 2
                    && let Some(c) = current.take()
                {
                    out.push(c);
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => {
                if let Some((_, s)) = current.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, s)) = current.as_mut() {
                    reference_text(r, s);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}
