//! PDF writer: the plan as the PDF a word processor or a web system exports
//! (a text layer in the standard Helvetica fonts, one text object per
//! line, Flate-compressed content streams), plus a scanned (image-only) and
//! an encrypted variant. Deterministic: no dates, no random ids.

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;

use crate::{Block, Plan};

/// How the plan is laid out on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfLayout {
    /// A Word "Save as PDF": 20 pt bold title, 14 pt bold "N. Title"
    /// headings, 11 pt body, benchmarks as "•" bullets, a running header and
    /// "Page N of M" footer on every page.
    WordExport,
    /// A newsletter-style page: the title across the top, then the plan in
    /// two columns (12 pt bold headings), left column first.
    TwoColumn,
    /// The template's two-column table (Component | District Response) with
    /// ruled cells; the left cell holds "N. Title:" in bold and the prompt.
    Table,
    /// Titles as bold body-size labels ("Outcomes:"), benchmarks typed "1) ...".
    BoldLabels,
    /// A scanned plan: every page is a picture, with no text layer.
    Scanned,
    /// [`PdfLayout::WordExport`] protected by a password to open.
    Encrypted,
}

impl PdfLayout {
    pub const ALL: [PdfLayout; 6] = [
        PdfLayout::WordExport,
        PdfLayout::TwoColumn,
        PdfLayout::Table,
        PdfLayout::BoldLabels,
        PdfLayout::Scanned,
        PdfLayout::Encrypted,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            PdfLayout::WordExport => "word-export",
            PdfLayout::TwoColumn => "two-column",
            PdfLayout::Table => "table",
            PdfLayout::BoldLabels => "bold-labels",
            PdfLayout::Scanned => "scanned",
            PdfLayout::Encrypted => "encrypted",
        }
    }
}

const PAGE_W: f32 = 612.0;
const PAGE_H: f32 = 792.0;
const MARGIN: f32 = 72.0;

#[derive(Clone, Copy, PartialEq)]
enum Font {
    Regular,
    Bold,
    Italic,
}

impl Font {
    fn name(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
            Font::Italic => "F3",
        }
    }

    /// The advance of `text` in points (Helvetica metrics; bold a little wider).
    fn width(self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(helvetica_width).sum();
        let scale = if self == Font::Bold { 1.06 } else { 1.0 };
        units as f32 / 1000.0 * size * scale
    }
}

/// Helvetica's advance widths (1/1000 em) for printable ASCII; 556 otherwise.
fn helvetica_width(c: char) -> u32 {
    const ASCII: [u32; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space - /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0-9
        278, 278, 584, 584, 584, 556, 1015, // : - @
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667,
        944, 667, 667, 611, // A-Z
        278, 278, 278, 469, 556, 333, // [ - `
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500,
        722, 500, 500, 500, // a-z
        334, 260, 334, 584, // { - ~
    ];
    match c {
        '•' => 350,
        '—' => 1000,
        '‘' | '’' => 222,
        '“' | '”' => 333,
        c if (32..=126).contains(&(c as u32)) => ASCII[(c as u32 - 32) as usize],
        _ => 556,
    }
}

/// Lays out text on pages.
struct Writer {
    pages: Vec<String>,
    page: String,
    y: f32,
    /// Column left edge and width.
    x: f32,
    width: f32,
    /// Two-column mode: the column index (0 or 1) and the top of the columns.
    column: Option<(usize, f32)>,
}

impl Writer {
    fn new() -> Self {
        Writer {
            pages: Vec::new(),
            page: String::new(),
            y: PAGE_H - MARGIN,
            x: MARGIN,
            width: PAGE_W - 2.0 * MARGIN,
            column: None,
        }
    }

    fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.page));
        self.y = PAGE_H - MARGIN;
        if let Some((_, _)) = self.column {
            self.column = Some((0, self.y));
            self.x = MARGIN;
        }
    }

    /// Room for `h` points, else the next column or page.
    fn room(&mut self, h: f32) {
        if self.y - h >= MARGIN {
            return;
        }
        match self.column {
            Some((0, top)) => {
                self.column = Some((1, top));
                self.x = MARGIN + self.width + 24.0;
                self.y = top;
            }
            _ => self.new_page(),
        }
    }

    fn text_at(&mut self, x: f32, y: f32, font: Font, size: f32, text: &str) {
        self.page.push_str(&format!(
            "BT /{} {size} Tf 1 0 0 1 {x:.2} {y:.2} Tm ({}) Tj ET\n",
            font.name(),
            pdf_string(text)
        ));
    }

    /// Wraps `text` to `width` points, as a word processor does.
    fn wrap(text: &str, font: Font, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            if !line.is_empty() && font.width(&format!("{line} {word}"), size) > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// A paragraph: wrapped lines at `indent`, with `before` points of space above.
    fn para(&mut self, text: &str, font: Font, size: f32, indent: f32, before: f32) {
        let lead = size * 1.2;
        self.y -= before;
        for line in Self::wrap(text, font, size, self.width - indent) {
            self.room(lead);
            self.y -= lead;
            let (x, y) = (self.x + indent, self.y);
            self.text_at(x, y, font, size, &line);
        }
    }

    /// A bulleted or numbered item: the label hanging, the text indented.
    fn item(&mut self, label: &str, text: &str, size: f32) {
        let lead = size * 1.2;
        self.y -= size * 0.3;
        for (i, line) in Self::wrap(text, Font::Regular, size, self.width - 36.0).into_iter().enumerate() {
            self.room(lead);
            self.y -= lead;
            let y = self.y;
            if i == 0 {
                let x = self.x + 18.0;
                self.text_at(x, y, Font::Regular, size, label);
            }
            let x = self.x + 36.0;
            self.text_at(x, y, Font::Regular, size, &line);
        }
    }

    fn finish(mut self) -> Vec<String> {
        if !self.page.is_empty() {
            self.pages.push(std::mem::take(&mut self.page));
        }
        self.pages
    }
}

/// A PDF literal string in WinAnsiEncoding, with `(`, `)` and `\` escaped.
fn pdf_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let code: u32 = match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                c as u32
            }
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            c if (c as u32) < 0x7f || (0xa0..=0xff).contains(&(c as u32)) => c as u32,
            _ => '?' as u32,
        };
        if code < 0x80 {
            out.push(char::from_u32(code).unwrap_or('?'));
        } else {
            out.push_str(&format!("\\{code:03o}"));
        }
    }
    out
}

fn response(w: &mut Writer, blocks: &[Block], numbered: bool) {
    let mut n = 0;
    for b in blocks {
        match b {
            Block::Para(t) | Block::Placeholder(t) => w.para(t, Font::Regular, 11.0, 0.0, 6.0),
            Block::Item(t) => {
                n += 1;
                let label = if numbered { format!("{n})") } else { "•".to_string() };
                w.item(&label, t, 11.0);
            }
            Block::Picture => {}
        }
    }
}

fn title(w: &mut Writer, plan: &Plan, size: f32) {
    let long = plan.district_long_name();
    if !long.is_empty() {
        w.para(&long, Font::Bold, size, 0.0, 0.0);
    }
    w.para(
        "Statewide System of Support (SSoS) District Prioritization Submission, SY2023-24",
        Font::Regular,
        13.0,
        0.0,
        4.0,
    );
    w.para("Submitted to ssos1@mass.gov, June 2023", Font::Regular, 11.0, 0.0, 4.0);
}

fn word_export(plan: &Plan) -> Vec<String> {
    let mut w = Writer::new();
    title(&mut w, plan, 20.0);
    for (s, _) in &plan.sections {
        w.room(60.0);
        w.para(&s.heading(), Font::Bold, 14.0, 0.0, 14.0);
        response(&mut w, &plan.body(*s), false);
    }
    let mut pages = w.finish();
    let total = pages.len();
    let district = plan.district_long_name();
    for (i, page) in pages.iter_mut().enumerate() {
        let mut extra = Writer::new();
        extra.text_at(
            MARGIN,
            PAGE_H - 40.0,
            Font::Italic,
            9.0,
            &format!("{district} District Prioritization Submission"),
        );
        extra.text_at(PAGE_W / 2.0 - 30.0, 36.0, Font::Regular, 9.0, &format!("Page {} of {total}", i + 1));
        page.push_str(&extra.page);
    }
    pages
}

fn two_column(plan: &Plan) -> Vec<String> {
    let mut w = Writer::new();
    title(&mut w, plan, 18.0);
    w.y -= 12.0;
    w.width = (PAGE_W - 2.0 * MARGIN - 24.0) / 2.0;
    w.column = Some((0, w.y));
    for (s, _) in &plan.sections {
        w.room(50.0);
        w.para(&s.heading(), Font::Bold, 12.0, 0.0, 10.0);
        response(&mut w, &plan.body(*s), false);
    }
    w.finish()
}

fn bold_labels(plan: &Plan) -> Vec<String> {
    let mut w = Writer::new();
    title(&mut w, plan, 11.0);
    for (s, _) in &plan.sections {
        w.room(40.0);
        w.para(&format!("{}:", s.title()), Font::Bold, 11.0, 0.0, 12.0);
        response(&mut w, &plan.body(*s), true);
    }
    w.finish()
}

fn table(plan: &Plan) -> Vec<String> {
    let mut w = Writer::new();
    title(&mut w, plan, 16.0);
    w.para(
        "Information to be Addressed in Submission. Please respond to each component in the right-hand column.",
        Font::Regular,
        11.0,
        0.0,
        8.0,
    );
    w.y -= 10.0;
    let (left_w, right_w) = (170.0, PAGE_W - 2.0 * MARGIN - 170.0);
    let size = 10.0;
    let lead = size * 1.2;
    type Row = (Vec<(Font, String)>, Vec<(Font, String, f32)>);
    let mut rows: Vec<Row> =
        vec![(vec![(Font::Bold, "Component".to_string())], vec![(Font::Bold, "District Response".to_string(), 0.0)])];
    for (s, _) in &plan.sections {
        let mut left: Vec<(Font, String)> = vec![(Font::Bold, format!("{}:", s.heading()))];
        left.extend(
            Writer::wrap(s.prompt(), Font::Regular, size, left_w - 12.0).into_iter().map(|l| (Font::Regular, l)),
        );
        let mut right = Vec::new();
        for b in plan.body(*s) {
            match b {
                Block::Para(t) | Block::Placeholder(t) => {
                    right.extend(
                        Writer::wrap(&t, Font::Regular, size, right_w - 12.0)
                            .into_iter()
                            .map(|l| (Font::Regular, l, 0.0)),
                    );
                }
                Block::Item(t) => {
                    for (i, l) in Writer::wrap(&t, Font::Regular, size, right_w - 30.0).into_iter().enumerate() {
                        let text = if i == 0 { format!("•  {l}") } else { l };
                        right.push((Font::Regular, text, if i == 0 { 6.0 } else { 16.0 }));
                    }
                }
                Block::Picture => {}
            }
        }
        rows.push((left, right));
    }
    for (left, right) in rows {
        let lines = left.len().max(right.len()).max(1);
        let h = lines as f32 * lead + 8.0;
        if w.y - h < MARGIN {
            w.new_page();
        }
        let top = w.y;
        // Cell borders.
        w.page.push_str(&format!(
            "0.5 w {x0:.2} {top:.2} m {x2:.2} {top:.2} l S {x0:.2} {b:.2} m {x2:.2} {b:.2} l S {x0:.2} {top:.2} m {x0:.2} {b:.2} l S {x1:.2} {top:.2} m {x1:.2} {b:.2} l S {x2:.2} {top:.2} m {x2:.2} {b:.2} l S\n",
            x0 = MARGIN,
            x1 = MARGIN + left_w,
            x2 = MARGIN + left_w + right_w,
            b = top - h
        ));
        for (i, (font, text)) in left.iter().enumerate() {
            w.text_at(MARGIN + 6.0, top - 4.0 - (i as f32 + 1.0) * lead + 2.0, *font, size, text);
        }
        for (i, (font, text, indent)) in right.iter().enumerate() {
            w.text_at(MARGIN + left_w + 6.0 + indent, top - 4.0 - (i as f32 + 1.0) * lead + 2.0, *font, size, text);
        }
        w.y = top - h;
    }
    w.finish()
}

/// Render `plan` as a PDF in the given layout. Deterministic.
pub fn pdf(plan: &Plan, layout: PdfLayout) -> Vec<u8> {
    let pages = match layout {
        PdfLayout::WordExport | PdfLayout::Encrypted => word_export(plan),
        PdfLayout::TwoColumn => two_column(plan),
        PdfLayout::Table => table(plan),
        PdfLayout::BoldLabels => bold_labels(plan),
        PdfLayout::Scanned => {
            // One page per two sections, each a full-page picture.
            let n = plan.sections.len().div_ceil(2).max(1);
            vec!["q 468 0 0 648 72 72 cm /Im1 Do Q\n".to_string(); n]
        }
    };
    assemble(plan, &pages, layout)
}

fn assemble(plan: &Plan, pages: &[String], layout: PdfLayout) -> Vec<u8> {
    let scanned = layout == PdfLayout::Scanned;
    // Objects: 1 catalog, 2 pages, 3-5 fonts, 6 info, 7 image, then page + content pairs.
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let first_page = 8;
    let kids: Vec<String> = (0..pages.len()).map(|i| format!("{} 0 R", first_page + 2 * i)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R /Lang (en-US) >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()).into_bytes());
    // Widths as word processors write them (the metrics the text was laid out with).
    for (base, font) in
        [("Helvetica", Font::Regular), ("Helvetica-Bold", Font::Bold), ("Helvetica-Oblique", Font::Italic)]
    {
        let widths: Vec<String> = (32u8..=255)
            .map(|code| {
                let c = match code {
                    0x91 => '‘',
                    0x92 => '’',
                    0x93 => '“',
                    0x94 => '”',
                    0x95 => '•',
                    0x96 => '–',
                    0x97 => '—',
                    _ => code as char,
                };
                ((font.width(&c.to_string(), 1000.0)).round() as u32).to_string()
            })
            .collect();
        objects.push(
            format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [{}] >>",
                widths.join(" ")
            )
            .into_bytes(),
        );
    }
    let producer = if scanned { "Xerox WorkCentre 7845 scan" } else { "Microsoft® Word for Microsoft 365" };
    objects.push(
        format!(
            "<< /Title ({}) /Author (SSoS Planning Team) /Producer ({}) >>",
            pdf_string(&crate::doc_title(plan)),
            pdf_string(producer)
        )
        .into_bytes(),
    );
    // A small grey image standing for a scanned page.
    let pixels = vec![0xC0u8; 64 * 64];
    let image = deflate(&pixels);
    let mut img = format!(
        "<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {} >>\nstream\n",
        image.len()
    )
    .into_bytes();
    img.extend_from_slice(&image);
    img.extend_from_slice(b"\nendstream");
    objects.push(img);
    for (i, content) in pages.iter().enumerate() {
        let resources = if scanned {
            "<< /XObject << /Im1 7 0 R >> >>".to_string()
        } else {
            "<< /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >>".to_string()
        };
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] /Resources {resources} /Contents {} 0 R >>",
                first_page + 2 * i + 1
            )
            .into_bytes(),
        );
        let data = deflate(content.as_bytes());
        let mut stream = format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", data.len()).into_bytes();
        stream.extend_from_slice(&data);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    let encrypt = if layout == PdfLayout::Encrypted {
        // Standard security handler, RC4 40-bit, with a user password: the
        // O and U entries are fixed bytes that match no empty password.
        objects.push(
            format!(
                "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -3904 /O <{}> /U <{}> >>",
                "7A".repeat(32),
                "3C".repeat(32)
            )
            .into_bytes(),
        );
        Some(objects.len())
    } else {
        None
    };

    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, obj) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(obj);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    let id = "5353534F532D6C696E742D6669787475";
    let enc = encrypt.map(|n| format!(" /Encrypt {n} 0 R")).unwrap_or_default();
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R /ID [<{id}> <{id}>]{enc} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    let _ = z.write_all(data);
    z.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_encoded() {
        assert_eq!(pdf_string("a (b) \\ c"), "a \\(b\\) \\\\ c");
        assert_eq!(pdf_string("• x — y"), "\\225 x \\227 y");
    }

    #[test]
    fn deterministic_and_well_formed() {
        let plan = Plan::complete("Lowell");
        for layout in PdfLayout::ALL {
            let a = pdf(&plan, layout);
            assert_eq!(a, pdf(&plan, layout), "{layout:?}");
            assert!(a.starts_with(b"%PDF-1.7") && a.ends_with(b"%%EOF\n"));
        }
    }
}
