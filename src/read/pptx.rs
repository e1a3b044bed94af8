//! PowerPoint reader (.pptx, .potx, .ppsx and the macro-enabled variants):
//! the same bounded zip [`Package`] and streaming quick-xml parsing as DOCX.
//!
//! Slides are taken in presentation order (`p:sldIdLst` in the main part,
//! resolved through its relationships, never by file name); hidden slides
//! are left out. On each slide the title placeholder (`title`/`ctrTitle`)
//! becomes one heading block, read first; then, in the shape tree's order,
//! body placeholders, text boxes and shapes (grouped ones included) give one
//! block per paragraph, tables one block per cell paragraph with its grid
//! position, SmartArt diagrams the text of their data part's points, and
//! pictures an empty block that counts the image. Date, footer, header and
//! slide-number placeholders are left out. Speaker notes go to
//! `Document::notes`, not the body.
//!
//! Locations: `slide` (1-based, presentation order), `shape` (1-based among
//! the slide's shapes in tree order), and `row`/`cell` in a table.

use quick_xml::events::{BytesStart, Event};

use super::docx::xmlutil::{Xml, attr, local, reference_text};
use super::docx::{Rel, read_part, read_properties, read_rels, split_part};
use super::xml::Package;
use super::{InputError, Limits};
use crate::model::{Block, BlockKind, CellRef, Document, Format, GridPos, Location};

/// Most slides read from one deck.
const MAX_SLIDES: usize = 2_000;
/// Most SmartArt diagrams read from one slide.
const MAX_DIAGRAMS: usize = 32;

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, InputError> {
    let mut pkg = Package::open(bytes, limits)?;
    let root_rels = read_rels(&mut pkg, "_rels/.rels", "", limits)?;
    let main = root_rels
        .iter()
        .filter(|r| r.is("officeDocument"))
        .map(|r| r.target.clone())
        .find(|t| pkg.find(t).is_some())
        .or_else(|| pkg.find("ppt/presentation.xml"))
        .ok_or_else(|| InputError::corrupt("the package has no presentation part (ppt/presentation.xml)"))?;
    let main = pkg.find(&main).unwrap_or(main);
    let (dir, file) = split_part(&main);
    let rels = read_rels(&mut pkg, &format!("{dir}_rels/{file}.rels"), dir, limits)?;
    let text = read_part(&mut pkg, &main)?
        .ok_or_else(|| InputError::corrupt(format!("the presentation part '{main}' is missing")))?;
    let slide_ids = slide_order(&text, &main, limits)?;
    drop(text);

    let mut slides: Vec<String> = slide_ids
        .iter()
        .filter_map(|id| rels.iter().find(|r| &r.id == id && r.is("slide")).map(|r| r.target.clone()))
        .collect();
    if slides.is_empty() {
        // No (usable) slide list: fall back to the slide relationships' order.
        slides = rels.iter().filter(|r| r.is("slide")).map(|r| r.target.clone()).collect();
    }
    if slides.len() > MAX_SLIDES {
        return Err(InputError::unreadable(
            format!("the presentation has {} slides, over the limit of {MAX_SLIDES}", slides.len()),
            "Send the plan itself, not a whole slide library.",
        ));
    }

    let mut doc = Document::new(Format::Pptx);
    let mut reader = SlideReader::default();
    for (index, slide) in slides.iter().enumerate() {
        let Some(text) = read_part(&mut pkg, slide)? else {
            continue;
        };
        let (sdir, sfile) = split_part(slide);
        let srels = read_rels(&mut pkg, &format!("{sdir}_rels/{sfile}.rels"), sdir, limits)?;
        let parsed = parse_slide(&text, slide, limits)?;
        drop(text);
        if parsed.hidden {
            continue;
        }
        reader.emit(&mut pkg, &srels, limits, index + 1, parsed, &mut doc)?;
        for rel in srels.iter().filter(|r| r.is("notesSlide")).take(1) {
            if let Some(text) = read_part(&mut pkg, &rel.target)? {
                let notes = parse_slide(&text, &rel.target, limits)?;
                let body: Vec<String> = notes
                    .shapes
                    .iter()
                    .filter(|s| matches!(s.placeholder.as_deref(), Some("body")))
                    .flat_map(|s| s.paragraphs.iter().map(|p| p.text.trim().to_string()))
                    .filter(|t| !t.is_empty())
                    .collect();
                if !body.is_empty() {
                    doc.notes.push(format!("Slide {}: {}", index + 1, body.join("\n")));
                }
            }
        }
    }
    read_properties(&mut pkg, &root_rels, limits, &mut doc)?;
    Ok(doc)
}

/// The `r:id`s of `p:sldIdLst`, in order.
fn slide_order(text: &str, part: &str, limits: &Limits) -> Result<Vec<String>, InputError> {
    let mut xml = Xml::new(text, part, limits);
    let mut ids = Vec::new();
    while let Some(event) = xml.next()? {
        if let Event::Start(e) | Event::Empty(e) = &event
            && local(e) == "sldId"
            && let Some(id) = rel_id(e)
        {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// The relationship id attribute (`r:id`, any prefix) of an element.
fn rel_id(e: &BytesStart<'_>) -> Option<String> {
    prefixed_attr(e, ":id")
}

/// The value of a namespace-prefixed attribute whose name ends with `suffix` (`":dm"`).
fn prefixed_attr(e: &BytesStart<'_>, suffix: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find_map(|a| a.key.into_inner().ends_with(suffix).then(|| a.value.trim().to_string()))
}

/// One paragraph of a shape or cell.
#[derive(Debug, Default, Clone)]
struct Para {
    text: String,
    /// Bytes of leading bold text; `bold` when it covers all the text.
    bold_prefix: usize,
    bold: bool,
    level: u8,
    /// An explicit bullet or number (`a:buChar`, `a:buAutoNum`).
    bullet: Option<Bullet>,
}

#[derive(Debug, Clone)]
enum Bullet {
    Char(String),
    Auto { scheme: String, start: usize },
}

/// A table cell paragraph: (table-local row, column, paragraph).
#[derive(Debug, Default)]
struct Table {
    cells: Vec<(usize, usize, Para)>,
}

#[derive(Debug, Default)]
struct Shape {
    /// Placeholder type (`title`, `body`, `subTitle`, ...); `Some("body")` for a typeless one.
    placeholder: Option<String>,
    text_box: bool,
    paragraphs: Vec<Para>,
    table: Option<Table>,
    /// Relationship ids of SmartArt data parts.
    diagrams: Vec<String>,
    pictures: usize,
}

#[derive(Debug, Default)]
struct Slide {
    hidden: bool,
    shapes: Vec<Shape>,
}

/// The state of one pass over a slide part.
#[derive(Default)]
struct Parse {
    depth: usize,
    /// Depth at which a skipped subtree (`mc:Fallback`, `rPr`'s children) ends.
    skip_to: Option<usize>,
    /// Open shapes (`p:sp`, `p:graphicFrame`, `p:pic`, `p:cxnSp`), innermost last, with their depth.
    open: Vec<(usize, Shape)>,
    para: Option<Para>,
    run_bold: bool,
    /// Every run so far in the paragraph was bold.
    all_bold: bool,
    in_t: bool,
    row: Option<usize>,
    col: Option<usize>,
    /// The current cell continues a merged one (its text is empty anyway).
    merged: bool,
}

fn parse_slide(text: &str, part: &str, limits: &Limits) -> Result<Slide, InputError> {
    let mut xml = Xml::new(text, part, limits);
    let mut slide = Slide::default();
    let mut p = Parse::default();
    while let Some(event) = xml.next()? {
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                if p.skip_to.is_none() {
                    start(&mut p, &mut slide, e, empty);
                }
                if !empty {
                    p.depth += 1;
                }
            }
            Event::End(e) => {
                p.depth = p.depth.saturating_sub(1);
                if let Some(d) = p.skip_to {
                    if p.depth <= d {
                        p.skip_to = None;
                    }
                    continue;
                }
                end(&mut p, &mut slide, e.local_name().into_inner());
            }
            Event::Text(t) if p.in_t && p.skip_to.is_none() => push_text(&mut p, &t.xml10_content()),
            Event::CData(t) if p.in_t && p.skip_to.is_none() => push_text(&mut p, &t.xml10_content()),
            Event::GeneralRef(r) if p.in_t && p.skip_to.is_none() => {
                let mut s = String::new();
                reference_text(r, &mut s);
                push_text(&mut p, &s);
            }
            _ => {}
        }
    }
    Ok(slide)
}

fn push_text(p: &mut Parse, text: &str) {
    if let Some(para) = p.para.as_mut() {
        if p.all_bold && p.run_bold {
            para.text.push_str(text);
            para.bold_prefix = para.text.len();
        } else {
            if !text.trim().is_empty() {
                p.all_bold = false;
            }
            para.text.push_str(text);
        }
    }
}

fn start(p: &mut Parse, slide: &mut Slide, e: &BytesStart<'_>, empty: bool) {
    match local(e) {
        "sld" => slide.hidden = attr(e, "show").is_some_and(|v| matches!(v.trim(), "0" | "false")),
        "Fallback" if !empty => p.skip_to = Some(p.depth),
        "sp" | "graphicFrame" | "pic" | "cxnSp" if !empty => p.open.push((p.depth, Shape::default())),
        "pic" => slide.shapes.push(Shape { pictures: 1, ..Shape::default() }),
        "ph" => {
            if let Some((_, shape)) = p.open.last_mut() {
                shape.placeholder = Some(attr(e, "type").map_or_else(|| "body".to_string(), |t| t.trim().to_string()));
            }
        }
        "cNvSpPr" => {
            if let Some((_, shape)) = p.open.last_mut() {
                shape.text_box = attr(e, "txBox").is_some_and(|v| matches!(v.trim(), "1" | "true"));
            }
        }
        "blip" => {
            if let Some((_, shape)) = p.open.last_mut() {
                shape.pictures = shape.pictures.max(1);
            }
        }
        "relIds" => {
            if let Some((_, shape)) = p.open.last_mut() {
                shape.diagrams.extend(prefixed_attr(e, ":dm"));
            }
        }
        "tbl" => {
            if let Some((_, shape)) = p.open.last_mut() {
                shape.table = Some(Table::default());
            }
            p.row = None;
        }
        "tr" => {
            p.row = Some(p.row.map_or(0, |r| r + 1));
            p.col = None;
        }
        "tc" => {
            p.col = Some(p.col.map_or(0, |c| c + 1));
            p.merged =
                ["hMerge", "vMerge"].iter().any(|k| attr(e, k).is_some_and(|v| matches!(v.trim(), "1" | "true")));
        }
        "p" if !empty && p.open.last().is_some() => {
            p.para = Some(Para::default());
            p.all_bold = true;
            p.run_bold = false;
        }
        "pPr" => {
            if let Some(para) = p.para.as_mut() {
                para.level = attr(e, "lvl").and_then(|v| v.trim().parse::<u8>().ok()).unwrap_or(0).min(8);
            }
        }
        "buChar" => {
            if let Some(para) = p.para.as_mut() {
                para.bullet = Some(Bullet::Char(attr(e, "char").map_or_else(|| "•".to_string(), |c| c.to_string())));
            }
        }
        "buBlip" => {
            if let Some(para) = p.para.as_mut() {
                para.bullet = Some(Bullet::Char("•".to_string()));
            }
        }
        "buAutoNum" => {
            if let Some(para) = p.para.as_mut() {
                let scheme = attr(e, "type").map_or_else(|| "arabicPeriod".to_string(), |t| t.trim().to_string());
                let start = attr(e, "startAt").and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 9999);
                para.bullet = Some(Bullet::Auto { scheme, start });
            }
        }
        "buNone" => {
            if let Some(para) = p.para.as_mut() {
                para.bullet = None;
            }
        }
        "r" | "fld" => p.run_bold = false,
        "rPr" => {
            p.run_bold = attr(e, "b").is_some_and(|v| matches!(v.trim(), "1" | "true"));
            if !empty {
                p.skip_to = Some(p.depth); // fonts, colours, hyperlinks: no text
            }
        }
        "t" => p.in_t = !empty && p.para.is_some(),
        "br" => {
            if let Some(para) = p.para.as_mut() {
                para.text.push('\n');
            }
        }
        "tab" => {
            if let Some(para) = p.para.as_mut() {
                para.text.push('\t');
            }
        }
        _ => {}
    }
}

fn end(p: &mut Parse, slide: &mut Slide, name: &str) {
    match name {
        "t" => p.in_t = false,
        "p" => {
            let Some(mut para) = p.para.take() else {
                return;
            };
            para.bold = p.all_bold && !para.text.trim().is_empty();
            let Some((_, shape)) = p.open.last_mut() else {
                return;
            };
            match (shape.table.as_mut(), p.row, p.col) {
                (Some(table), Some(row), Some(col)) if !p.merged => table.cells.push((row, col, para)),
                (Some(_), _, _) => {}
                (None, _, _) => shape.paragraphs.push(para),
            }
        }
        "sp" | "graphicFrame" | "pic" | "cxnSp" => {
            if p.open.last().is_some_and(|(d, _)| *d == p.depth)
                && let Some((_, shape)) = p.open.pop()
            {
                slide.shapes.push(shape);
            }
        }
        _ => {}
    }
}

/// Turns parsed slides into blocks, counting tables across the deck.
#[derive(Default)]
struct SlideReader {
    tables: usize,
}

impl SlideReader {
    fn emit(
        &mut self,
        pkg: &mut Package<'_>,
        rels: &[Rel],
        limits: &Limits,
        number: usize,
        slide: Slide,
        doc: &mut Document,
    ) -> Result<(), InputError> {
        let at = |shape: usize| Location { slide: Some(number), shape: Some(shape), ..Default::default() };
        // The title first, whatever its place in the tree.
        let is_title = |s: &Shape| matches!(s.placeholder.as_deref(), Some("title" | "ctrTitle"));
        let mut order: Vec<usize> = (0..slide.shapes.len()).collect();
        order.sort_by_key(|&i| !is_title(&slide.shapes[i]));
        for i in order {
            let shape = &slide.shapes[i];
            let loc = at(i + 1);
            if matches!(shape.placeholder.as_deref(), Some("dt" | "ftr" | "hdr" | "sldNum" | "sldImg")) {
                continue;
            }
            if is_title(shape) {
                let text = shape.paragraphs.iter().map(|p| p.text.replace('\n', " ")).collect::<Vec<_>>().join(" ");
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    doc.blocks.push(Block {
                        text,
                        heading_level: Some(1),
                        style: Some("Title".to_string()),
                        bold: shape.paragraphs.iter().all(|p| p.bold || p.text.trim().is_empty()),
                        location: loc,
                        ..Block::default()
                    });
                }
                continue;
            }
            if let Some(table) = &shape.table {
                self.tables += 1;
                for (row, col, para) in &table.cells {
                    let mut block = para_block(
                        para,
                        None,
                        BlockKind::Paragraph,
                        Location { row: Some(row + 1), cell: Some(CellRef::Index(col + 1)), ..loc.clone() },
                    );
                    block.grid = Some(GridPos { table: self.tables, row: *row, col: *col, depth: 0 });
                    push(doc, block);
                }
                continue;
            }
            let kind = if shape.placeholder.is_some() { BlockKind::Paragraph } else { BlockKind::TextBox };
            let mut numbers = AutoNumbers::default();
            for para in &shape.paragraphs {
                let label = numbers.label(para);
                push(doc, para_block(para, label, kind, loc.clone()));
            }
            for id in shape.diagrams.iter().take(MAX_DIAGRAMS) {
                let Some(rel) = rels.iter().find(|r| &r.id == id) else {
                    continue;
                };
                if let Some(text) = read_part(pkg, &rel.target)? {
                    for point in diagram_points(&text, &rel.target, limits)? {
                        push(doc, Block { text: point, kind, location: loc.clone(), ..Block::default() });
                    }
                }
            }
            if shape.pictures > 0 && shape.paragraphs.iter().all(|p| p.text.trim().is_empty()) {
                doc.blocks.push(Block { images: shape.pictures, location: loc, ..Block::default() });
            }
        }
        Ok(())
    }
}

/// Pushes a block unless it holds no text.
fn push(doc: &mut Document, block: Block) {
    if !block.text.trim().is_empty() {
        doc.blocks.push(block);
    }
}

fn para_block(para: &Para, label: Option<String>, kind: BlockKind, location: Location) -> Block {
    let text = para.text.trim_end().to_string();
    let listed = para.bullet.is_some() || para.level > 0;
    Block {
        kind,
        bold_prefix: if para.bold { 0 } else { para.bold_prefix.min(text.len()) },
        bold: para.bold,
        text,
        list_label: label,
        list_level: listed.then_some(para.level),
        location,
        ..Block::default()
    }
}

/// Rendered `a:buAutoNum` labels: counters per level, reset by a paragraph
/// of a lower level or without numbering.
#[derive(Default)]
struct AutoNumbers {
    counters: Vec<(u8, usize)>,
}

impl AutoNumbers {
    fn label(&mut self, para: &Para) -> Option<String> {
        match &para.bullet {
            Some(Bullet::Char(c)) => Some(c.clone()),
            Some(Bullet::Auto { scheme, start }) => {
                self.counters.retain(|(l, _)| *l <= para.level);
                let n = match self.counters.iter_mut().find(|(l, _)| *l == para.level) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        self.counters.push((para.level, *start));
                        *start
                    }
                };
                Some(render_number(scheme, n))
            }
            None => {
                if !para.text.trim().is_empty() {
                    self.counters.retain(|(l, _)| *l < para.level);
                }
                None
            }
        }
    }
}

/// "arabicPeriod" 3 → "3.", "alphaLcParenR" 2 → "b)", "romanUcPeriod" 4 → "IV.".
fn render_number(scheme: &str, n: usize) -> String {
    let body = if scheme.starts_with("alphaLc") {
        alpha(n).to_lowercase()
    } else if scheme.starts_with("alphaUc") {
        alpha(n)
    } else if scheme.starts_with("romanLc") {
        roman(n).to_lowercase()
    } else if scheme.starts_with("romanUc") {
        roman(n)
    } else {
        n.to_string()
    };
    if scheme.ends_with("ParenBoth") {
        format!("({body})")
    } else if scheme.ends_with("ParenR") {
        format!("{body})")
    } else if scheme.ends_with("Plain") {
        body
    } else {
        format!("{body}.")
    }
}

fn alpha(mut n: usize) -> String {
    let mut s = Vec::new();
    while n > 0 {
        n -= 1;
        s.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v && s.len() < 32 {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// The text of a SmartArt data part: one string per content point
/// (`dgm:pt` without a type, or of type `node`), paragraphs joined by spaces.
fn diagram_points(text: &str, part: &str, limits: &Limits) -> Result<Vec<String>, InputError> {
    let mut xml = Xml::new(text, part, limits);
    let mut points = Vec::new();
    let mut current: Option<String> = None;
    let mut in_t = false;
    while let Some(event) = xml.next()? {
        match &event {
            Event::Start(e) | Event::Empty(e) => match local(e) {
                "pt" if matches!(event, Event::Start(_)) => {
                    let kind = attr(e, "type").map(|t| t.trim().to_string());
                    current = matches!(kind.as_deref(), None | Some("node")).then(String::new);
                }
                "t" => in_t = matches!(event, Event::Start(_)),
                "p" if current.as_ref().is_some_and(|c| !c.is_empty()) => {
                    if let Some(c) = current.as_mut() {
                        c.push(' ');
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_t = false,
                "pt" => {
                    if let Some(c) = current.take() {
                        let c = c.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !c.is_empty() {
                            points.push(c);
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_t => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_t => {
                if let Some(c) = current.as_mut() {
                    reference_text(r, c);
                }
            }
            _ => {}
        }
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_render_in_each_scheme() {
        assert_eq!(render_number("arabicPeriod", 3), "3.");
        assert_eq!(render_number("alphaLcParenR", 2), "b)");
        assert_eq!(render_number("romanUcPeriod", 4), "IV.");
        assert_eq!(render_number("arabicParenBoth", 12), "(12)");
        assert_eq!(alpha(27), "AA");
    }
}
