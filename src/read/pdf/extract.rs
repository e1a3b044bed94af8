//! Positioned text from a PDF, through `pdf-extract` (and the `lopdf` it
//! re-exports): every glyph with its position and size, page by page, each
//! page inside its own `catch_unwind` (quiet: see [`super::quietly`]) and under the time budget.
//!
//! Weight: `pdf-extract` does not say which font a glyph is in, so the
//! page's content stream is walked once more with `lopdf` (forms included,
//! in the same order) to list the font of every string shown; when that list
//! lines up with the strings `pdf-extract` reported, each glyph gets its
//! font's weight (a bold base font name, `/FontWeight` ≥ 600, or the
//! ForceBold flag). When it does not line up, the page has no weights.

use std::collections::HashMap;
use std::time::Instant;

use pdf_extract::{
    ColorSpace, Dictionary, Document, MediaBox, Object, ObjectId, OutputDev, OutputError, Path, PathOp, Transform,
};

use super::layout::{Page, Run};
use super::{MAX_PAGES, MAX_RUNS};
use crate::model::Properties;
use crate::read::{InputError, Limits};

/// Reads every page's runs; also says how many pages the extractor gave up on.
pub fn pages(bytes: &[u8], limits: &Limits, started: Instant) -> Result<(Vec<Page>, usize), InputError> {
    let mut doc =
        Document::load_mem(bytes).map_err(|err| InputError::corrupt(format!("the PDF cannot be opened: {err}")))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(InputError::unreadable("the PDF needs a password", ""));
    }
    let page_ids: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    if page_ids.len() > MAX_PAGES {
        return Err(InputError::unreadable(
            format!("the PDF has {} pages, over the limit of {MAX_PAGES}", page_ids.len()),
            "Send the plan itself, without appendices, or the Word file (.docx).",
        ));
    }
    blank_images(&mut doc);
    spell_out_widths(&mut doc);
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut runs = 0usize;
    let mut failed = 0usize;
    for (number, id) in page_ids {
        if started.elapsed() > limits.time_budget {
            return Err(InputError::unreadable(
                format!("reading the PDF took longer than the {} s time budget", limits.time_budget.as_secs()),
                "Send the plan as a Word file (.docx) instead.",
            ));
        }
        let page = super::quietly(|| read_page(&doc, number, id)).unwrap_or_else(|_| {
            failed += 1;
            Page::default()
        });
        runs += page.runs.len();
        if runs > MAX_RUNS {
            return Err(InputError::unreadable(
                format!("the PDF holds more than {MAX_RUNS} pieces of text"),
                "Send the plan itself, without appendices, or the Word file (.docx).",
            ));
        }
        pages.push(page);
    }
    Ok((pages, failed))
}

/// Image XObjects get empty content: `pdf-extract` would run a picture's
/// bytes as a content stream (and give up on the page).
fn blank_images(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object
            && stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Image")
        {
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.set_plain_content(Vec::new());
        }
    }
}

/// Most glyph widths one `c_first c_last w` range of a CID font's `/W` may stand for.
const MAX_WIDTH_RANGE: i64 = 65_536;

/// A CID font's `/W` ranges (`c_first c_last w`: one width for a run of
/// glyphs, as Chromium's Skia writes the digits) spelt out as lists
/// (`c_first [w w ...]`): `pdf-extract` reads only the list form and gives
/// the other glyphs the default width, so every glyph after one of them
/// would be set too far right ("2 3 %" for "23%").
fn spell_out_widths(doc: &mut Document) {
    let mut arrays: Vec<ObjectId> = Vec::new();
    for object in doc.objects.values_mut() {
        let Object::Dictionary(dict) = object else { continue };
        if !dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n.starts_with(b"CIDFontType")) {
            continue;
        }
        match dict.get_mut(b"W") {
            Ok(Object::Array(w)) => spell_out(w),
            Ok(Object::Reference(id)) => arrays.push(*id),
            _ => {}
        }
    }
    for id in arrays {
        if let Ok(Object::Array(w)) = doc.get_object_mut(id) {
            spell_out(w);
        }
    }
}

fn spell_out(w: &mut Vec<Object>) {
    if !w.windows(3).any(|t| t.iter().all(|o| !matches!(o, Object::Array(_)))) {
        return;
    }
    let mut out = Vec::with_capacity(w.len());
    let mut i = 0;
    while i < w.len() {
        match (&w[i], w.get(i + 1), w.get(i + 2)) {
            (first, Some(Object::Array(list)), _) => {
                out.push(first.clone());
                out.push(Object::Array(list.clone()));
                i += 2;
            }
            (Object::Integer(first), Some(Object::Integer(last)), Some(width))
                if (0..MAX_WIDTH_RANGE).contains(&(last - first)) && width.as_float().is_ok() =>
            {
                out.push(Object::Integer(*first));
                out.push(Object::Array(vec![width.clone(); (last - first + 1) as usize]));
                i += 3;
            }
            // Not a width entry: the rest is left as it was.
            _ => {
                out.extend(w[i..].iter().cloned());
                break;
            }
        }
    }
    *w = out;
}

fn read_page(doc: &Document, number: u32, id: ObjectId) -> Page {
    let mut sink = Sink::default();
    let _ = pdf_extract::output_doc_page(doc, &mut sink, number);
    let shown = super::quietly(|| fonts_shown(doc, id)).ok().flatten();
    let (weights, images, shades, markers) = match shown {
        Some(s) => (Some(s.bold), s.images, s.shades, s.markers),
        None => (None, Vec::new(), Vec::new(), Vec::new()),
    };
    let aligned = weights.as_ref().is_some_and(|w| w.len() == sink.strings);
    let mut page = Page {
        width: sink.width,
        height: sink.height,
        runs: Vec::new(),
        vrules: std::mem::take(&mut sink.vrules),
        hrules: std::mem::take(&mut sink.hrules),
        images: Vec::new(),
        shades: Vec::new(),
        markers: Vec::new(),
    };
    let top = sink.top.unwrap_or(792.0) as f32;
    page.images = images.into_iter().map(|(x0, y0, x1, y1)| (x0, top - y1, x1, top - y0)).collect();
    page.shades = shades.into_iter().map(|(x0, y0, x1, y1)| (x0, top - y1, x1, top - y0)).collect();
    page.markers = markers.into_iter().map(|(x0, y0, x1, y1)| (x0, top - y1, x1, top - y0)).collect();
    for g in sink.glyphs {
        let bold = aligned && weights.as_ref().and_then(|w| w.get(g.string)).copied().unwrap_or(false);
        match page.runs.last_mut() {
            // Glyphs of one string (or of strings in the same font on the same baseline) make one run.
            Some(r)
                if (r.y - g.y).abs() < 0.5
                    && (g.x - r.x1).abs() < g.size * 0.12
                    && r.bold == bold
                    && (r.size - g.size).abs() < 0.1 =>
            {
                r.text.push_str(&g.text);
                r.x1 = g.x + g.width;
            }
            _ => page.runs.push(Run { text: g.text, x0: g.x, x1: g.x + g.width, y: g.y, size: g.size, bold }),
        }
    }
    page
}

struct Glyph {
    text: String,
    x: f32,
    y: f32,
    width: f32,
    size: f32,
    /// Which shown string (Tj, or TJ element) it came from.
    string: usize,
}

#[derive(Default)]
struct Sink {
    glyphs: Vec<Glyph>,
    strings: usize,
    /// Page height, to measure `y` from the top; `None` before the page begins.
    top: Option<f64>,
    width: f32,
    height: f32,
    /// Vertical rules (x, top, bottom) and horizontal ones (y, left, right), from the top.
    vrules: Vec<(f32, f32, f32)>,
    hrules: Vec<(f32, f32, f32)>,
}

/// Most ruling lines kept per page.
const MAX_RULES: usize = 20_000;

impl Sink {
    /// Records the thin horizontal and vertical parts of a drawn path as rules.
    fn rules(&mut self, ctm: &Transform, path: &Path, edges: bool) {
        let Some(top) = self.top else {
            return;
        };
        let map = |x: f64, y: f64| -> (f32, f32) {
            let px = ctm.m11 * x + ctm.m21 * y + ctm.m31;
            let py = ctm.m12 * x + ctm.m22 * y + ctm.m32;
            (px as f32, (top - py) as f32)
        };
        let add = |a: (f32, f32), b: (f32, f32), vrules: &mut Vec<_>, hrules: &mut Vec<_>| {
            let (dx, dy) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
            if dx < 2.5 && dy > 6.0 {
                vrules.push(((a.0 + b.0) / 2.0, a.1.min(b.1), a.1.max(b.1)));
            } else if dy < 2.5 && dx > 6.0 {
                hrules.push(((a.1 + b.1) / 2.0, a.0.min(b.0), a.0.max(b.0)));
            }
        };
        let mut current = (0.0, 0.0);
        for op in &path.ops {
            if self.vrules.len() + self.hrules.len() > MAX_RULES {
                return;
            }
            match *op {
                PathOp::MoveTo(x, y) => current = map(x, y),
                PathOp::LineTo(x, y) => {
                    let next = map(x, y);
                    add(current, next, &mut self.vrules, &mut self.hrules);
                    current = next;
                }
                PathOp::CurveTo(_, _, _, _, x, y) => current = map(x, y),
                PathOp::Rect(x, y, w, h) => {
                    let (a, b) = (map(x, y), map(x + w, y + h));
                    let (dx, dy) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
                    if dx < 2.5 || dy < 2.5 {
                        // A thin filled bar: a rule along its length.
                        let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                        if dx < 2.5 {
                            add((mid.0, a.1), (mid.0, b.1), &mut self.vrules, &mut self.hrules);
                        } else {
                            add((a.0, mid.1), (b.0, mid.1), &mut self.vrules, &mut self.hrules);
                        }
                    } else if edges {
                        // A stroked box: its four sides.
                        for (p, q) in [
                            ((a.0, a.1), (b.0, a.1)),
                            ((a.0, b.1), (b.0, b.1)),
                            ((a.0, a.1), (a.0, b.1)),
                            ((b.0, a.1), (b.0, b.1)),
                        ] {
                            add(p, q, &mut self.vrules, &mut self.hrules);
                        }
                    }
                }
                PathOp::Close => {}
            }
        }
    }
}

impl OutputDev for Sink {
    fn stroke(&mut self, ctm: &Transform, _: &ColorSpace, _: &[f64], path: &Path) -> Result<(), OutputError> {
        self.rules(ctm, path, true);
        Ok(())
    }

    fn fill(&mut self, ctm: &Transform, _: &ColorSpace, _: &[f64], path: &Path) -> Result<(), OutputError> {
        self.rules(ctm, path, false);
        Ok(())
    }

    fn begin_page(&mut self, _: u32, media_box: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.top = Some(media_box.ury);
        self.width = (media_box.urx - media_box.llx) as f32;
        self.height = (media_box.ury - media_box.lly) as f32;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let Some(top) = self.top else {
            return Ok(());
        };
        // The font size as drawn: the text matrix applied to a square of the nominal size.
        let (vx, vy) = (font_size * (trm.m11 + trm.m21), font_size * (trm.m12 + trm.m22));
        let size = (vx * vy).abs().sqrt();
        let (x, y) = (trm.m31, top - trm.m32);
        if !size.is_finite() || !x.is_finite() || !y.is_finite() || self.glyphs.len() > MAX_RUNS {
            return Ok(());
        }
        self.glyphs.push(Glyph {
            text: unligate(text),
            x: x as f32,
            y: y as f32,
            width: (width * size) as f32,
            size: size as f32,
            string: self.strings.saturating_sub(1),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.strings += 1;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A glyph's text with typographic ligatures spelt out: Chromium (Skia) and
/// other writers map a ligature glyph to its own code point ("o\u{fb03}ce"
/// for "office"), which no word in the rules matches.
fn unligate(text: &str) -> String {
    if !text.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

/// What a page's content stream shows, walked in `pdf-extract`'s order.
#[derive(Default)]
struct Shown {
    /// The weight of the font of every string shown (forms entered where drawn).
    bold: Vec<bool>,
    /// Pictures drawn, as (x0, y0, x1, y1) in PDF space (from the bottom).
    images: Vec<(f32, f32, f32, f32)>,
    /// Rectangles filled with a tint (not white), as (x0, y0, x1, y1) in PDF space.
    shades: Vec<(f32, f32, f32, f32)>,
    /// Small filled shapes (a list bullet drawn as a disc or a square), as (x0, y0, x1, y1) in PDF space.
    markers: Vec<(f32, f32, f32, f32)>,
}

/// Most pictures noted per page.
const MAX_IMAGES: usize = 1_000;
/// Most tinted rectangles noted per page.
const MAX_SHADES: usize = 2_000;
/// Smallest tinted rectangle noted (points, width and height): smaller ones are rules and bullets.
const MIN_SHADE: (f32, f32) = (36.0, 6.0);
/// Most drawn bullets noted per page.
const MAX_MARKERS: usize = 2_000;
/// The sides of a drawn bullet (points): a filled shape about as wide as tall, in this range.
const MARKER_SIDE: (f32, f32) = (2.0, 8.0);

/// A filled shape that may be a drawn list bullet: small, about as wide as tall.
fn is_marker((x0, y0, x1, y1): (f32, f32, f32, f32)) -> bool {
    let (w, h) = (x1 - x0, y1 - y0);
    (MARKER_SIDE.0..=MARKER_SIDE.1).contains(&w) && (MARKER_SIDE.0..=MARKER_SIDE.1).contains(&h) && (w - h).abs() < 1.0
}

/// The corners' bounding box of the rectangle `x, y, w, h` placed by `ctm`.
fn placed(ctm: Matrix, x: f32, y: f32, w: f32, h: f32) -> (f32, f32, f32, f32) {
    let corners = [(x, y), (x + w, y), (x, y + h), (x + w, y + h)]
        .map(|(x, y)| (ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]));
    let xs = corners.map(|c| c.0);
    let ys = corners.map(|c| c.1);
    let min = |v: [f32; 4]| v.into_iter().fold(f32::MAX, f32::min);
    let max = |v: [f32; 4]| v.into_iter().fold(f32::MIN, f32::max);
    (min(xs), min(ys), max(xs), max(ys))
}

/// A fill colour that is a tint, not white (nor an unknown colour space):
/// gray, RGB or CMYK components as the colour operators give them.
fn tinted(color: &[f32]) -> bool {
    match *color {
        [g] => g < 0.97,
        [r, g, b] => r.min(g).min(b) < 0.97,
        [c, m, y, k] => c.max(m).max(y).max(k) > 0.03,
        _ => false,
    }
}

fn fonts_shown(doc: &Document, page: ObjectId) -> Option<Shown> {
    let content = doc.get_page_content(page).ok()?;
    let page_dict = doc.get_object(page).ok()?.as_dict().ok()?;
    let resources = inherited_resources(doc, page_dict)?;
    let mut out = Shown::default();
    let mut cache = HashMap::new();
    walk(doc, &content, resources, IDENTITY, &mut out, &mut cache, 0)?;
    Some(out)
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n` (PDF row-vector convention: `m × n`).
fn multiply(m: Matrix, n: Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn inherited_resources<'a>(doc: &'a Document, mut dict: &'a Dictionary) -> Option<&'a Dictionary> {
    for _ in 0..32 {
        if let Ok(r) = dict.get(b"Resources") {
            return resolve(doc, r)?.as_dict().ok();
        }
        let parent = dict.get(b"Parent").ok()?.as_reference().ok()?;
        dict = doc.get_object(parent).ok()?.as_dict().ok()?;
    }
    None
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    match object {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

fn walk(
    doc: &Document,
    content: &[u8],
    resources: &Dictionary,
    base: Matrix,
    out: &mut Shown,
    cache: &mut HashMap<Vec<u8>, bool>,
    depth: usize,
) -> Option<()> {
    if depth > 8 {
        return None;
    }
    let ops = pdf_extract::content::Content::decode(content).ok()?;
    let fonts = resources.get(b"Font").ok().and_then(|f| resolve(doc, f)).and_then(|f| f.as_dict().ok());
    let mut bold = false;
    let mut ctm = base;
    let mut fill: Vec<f32> = vec![0.0];
    // Rectangles of the path being built, placed on the page.
    let mut rects: Vec<(f32, f32, f32, f32)> = Vec::new();
    // The bounding box of the path's other points (lines and curves), placed on the page.
    let mut outline: Option<(f32, f32, f32, f32)> = None;
    let mut stack = Vec::new();
    for op in &ops.operations {
        let numbers = || op.operands.iter().filter_map(|o| o.as_float().ok()).collect::<Vec<f32>>();
        match op.operator.as_str() {
            "q" => stack.push((bold, ctm, fill.clone())),
            "Q" => (bold, ctm, fill) = stack.pop().unwrap_or((bold, ctm, fill)),
            "g" | "rg" | "k" | "sc" | "scn" => fill = numbers(),
            "re" => {
                if let [x, y, w, h] = numbers()[..]
                    && rects.len() < 64
                {
                    rects.push(placed(ctm, x, y, w, h));
                }
            }
            "m" | "l" | "c" | "v" | "y" => {
                for xy in numbers().chunks_exact(2) {
                    let (x, y, _, _) = placed(ctm, xy[0], xy[1], 0.0, 0.0);
                    let b = outline.get_or_insert((x, y, x, y));
                    *b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
                }
            }
            "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                if tinted(&fill) {
                    for &(x0, y0, x1, y1) in &rects {
                        if x1 - x0 >= MIN_SHADE.0 && y1 - y0 >= MIN_SHADE.1 && out.shades.len() < MAX_SHADES {
                            out.shades.push((x0, y0, x1, y1));
                        }
                    }
                }
                // A lone small shape: a bullet drawn, not typed.
                let shapes: Vec<_> = rects.iter().copied().chain(outline).collect();
                if let [shape] = shapes[..]
                    && is_marker(shape)
                    && out.markers.len() < MAX_MARKERS
                {
                    out.markers.push(shape);
                }
                rects.clear();
                outline = None;
            }
            "n" | "S" | "s" => {
                rects.clear();
                outline = None;
            }
            "cm" => {
                let n: Vec<f32> = op.operands.iter().filter_map(|o| o.as_float().ok()).collect();
                if let [a, b, c, d, e, f] = n[..] {
                    ctm = multiply([a, b, c, d, e, f], ctm);
                }
            }
            "Tf" => {
                let name = op.operands.first()?.as_name().ok()?.to_vec();
                bold = match cache.get(&name) {
                    Some(&b) => b,
                    None => {
                        let b = fonts
                            .and_then(|f| f.get(&name).ok())
                            .and_then(|f| resolve(doc, f))
                            .and_then(|f| f.as_dict().ok())
                            .is_some_and(|f| is_bold(doc, f));
                        cache.insert(name, b);
                        b
                    }
                };
            }
            "Tj" => out.bold.push(bold),
            "TJ" => {
                if let Some(Object::Array(items)) = op.operands.first() {
                    out.bold.extend(items.iter().filter(|i| matches!(i, Object::String(..))).map(|_| bold));
                }
            }
            "Do" => {
                let name = op.operands.first()?.as_name().ok()?;
                let xobjects =
                    resources.get(b"XObject").ok().and_then(|x| resolve(doc, x)).and_then(|x| x.as_dict().ok())?;
                let Object::Stream(xobject) = resolve(doc, xobjects.get(name).ok()?)? else {
                    return None;
                };
                let subtype = xobject.dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
                if subtype == b"Form" {
                    let inner = xobject
                        .dict
                        .get(b"Resources")
                        .ok()
                        .and_then(|r| resolve(doc, r))
                        .and_then(|r| r.as_dict().ok())
                        .unwrap_or(resources);
                    let matrix = xobject
                        .dict
                        .get(b"Matrix")
                        .ok()
                        .and_then(|m| m.as_array().ok())
                        .map(|m| m.iter().filter_map(|o| o.as_float().ok()).collect::<Vec<f32>>())
                        .and_then(|m| <[f32; 6]>::try_from(m).ok())
                        .unwrap_or(IDENTITY);
                    let data = xobject.decompressed_content().unwrap_or_else(|_| xobject.content.clone());
                    walk(doc, &data, inner, multiply(matrix, ctm), out, cache, depth + 1)?;
                } else if subtype == b"Image" && out.images.len() < MAX_IMAGES {
                    // The unit square, placed by the CTM.
                    out.images.push(placed(ctm, 0.0, 0.0, 1.0, 1.0));
                }
            }
            _ => {}
        }
    }
    Some(())
}

/// A font that is bold by its name, its descriptor's weight or its flags.
fn is_bold(doc: &Document, font: &Dictionary) -> bool {
    let name = font.get(b"BaseFont").and_then(Object::as_name).map(|n| String::from_utf8_lossy(n).to_ascii_lowercase());
    if name.as_deref().is_ok_and(|n| ["bold", "black", "heavy", "semibold", "demi"].iter().any(|w| n.contains(w))) {
        return true;
    }
    let descriptor =
        font.get(b"FontDescriptor").ok().and_then(|d| resolve(doc, d)).and_then(|d| d.as_dict().ok()).or_else(|| {
            // Type0 fonts keep the descriptor on the descendant font.
            let desc = font.get(b"DescendantFonts").ok().and_then(|d| resolve(doc, d))?.as_array().ok()?.first()?;
            resolve(doc, desc)?
                .as_dict()
                .ok()?
                .get(b"FontDescriptor")
                .ok()
                .and_then(|d| resolve(doc, d))?
                .as_dict()
                .ok()
        });
    let Some(d) = descriptor else {
        return false;
    };
    let weight = d.get(b"FontWeight").ok().and_then(|w| w.as_float().ok()).unwrap_or(0.0);
    let flags = d.get(b"Flags").ok().and_then(|f| f.as_i64().ok()).unwrap_or(0);
    weight >= 600.0 || flags & (1 << 18) != 0
}

/// Title, subject and author from the document information dictionary.
pub fn properties(bytes: &[u8]) -> Properties {
    let run = || -> Option<Properties> {
        let doc = Document::load_mem(bytes).ok()?;
        let info = doc.trailer.get(b"Info").ok().and_then(|i| resolve(&doc, i))?.as_dict().ok()?;
        let text = |key: &[u8]| {
            let value = info.get(key).ok().and_then(|v| resolve(&doc, v))?;
            let Object::String(bytes, _) = value else {
                return None;
            };
            let s = decode_text_string(bytes);
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        };
        Some(Properties { title: text(b"Title"), subject: text(b"Subject"), author: text(b"Author"), company: None })
    };
    super::quietly(run).ok().flatten().unwrap_or_default()
}

/// A PDF text string: UTF-16BE with a BOM, else PDFDocEncoding (close to Latin-1).
fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| b as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_ranges_are_spelt_out_and_ligatures_spelt_in_letters() {
        let int = Object::Integer;
        let mut w = vec![
            int(0),
            Object::Array(vec![int(600), int(0)]),
            int(19),
            int(21),
            Object::Real(636.2),
            int(29),
            Object::Array(vec![int(337)]),
        ];
        spell_out(&mut w);
        assert_eq!(w.len(), 6, "{w:?}");
        assert_eq!(w[2], int(19));
        assert_eq!(w[3], Object::Array(vec![Object::Real(636.2); 3]));
        assert_eq!(w[5], Object::Array(vec![int(337)]));
        // A range too long to spell out is left as it was.
        let mut huge = vec![int(0), int(1 << 40), int(500)];
        spell_out(&mut huge);
        assert_eq!(huge, vec![int(0), int(1 << 40), int(500)]);
        assert_eq!(unligate("o\u{fb03}ce \u{fb01}rst \u{fb02}oor"), "office first floor");
        assert_eq!(unligate("plain"), "plain");
    }
}
