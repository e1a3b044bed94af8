//! Hostile inputs (issue 12): small files that declare or expand into huge
//! grids, strings, counts or work. Each stands for a class: repeat and
//! dimension bombs in every sheet format, deep and very wide XML, long
//! single lines, huge attachment counts, cyclic references, quadratic
//! bodies. All deterministic; `gen-samples --hostile DIR` writes them.

use std::fmt::Write as _;
use std::io::{Cursor, Read, Write};

use crate::bad::BadFile;
use crate::xml::{XML_DECL, core_xml, zip_parts};
use crate::{Layout, Plan, SheetShape};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const UNREADABLE: Option<&str> = Some("ssos::input::unreadable");

/// Every hostile input, with the input code expected (`None`: any report will do).
pub fn catalog() -> Vec<BadFile> {
    let f = |name, bytes, expect| BadFile { name, bytes, expect };
    vec![
        f("ods-repeat-bomb.ods", ods_repeat_bomb(), UNREADABLE),
        f("ods-row-repeat.ods", ods_row_repeat(), UNREADABLE),
        f("ods-spaces.ods", ods_spaces(), UNREADABLE),
        f("xls-huge-dimensions.xls", xls_huge_dimensions(), UNREADABLE),
        f("xls-sparse.xls", xls_sparse(), UNREADABLE),
        f("xlsx-shared-strings-count.xlsx", xlsx_shared_strings_count(), UNREADABLE),
        f("xlsx-million-cells.xlsx", xlsx_million_cells(), None),
        f("docx-million-empty-paragraphs.docx", docx_empty_paragraphs(1_000_000), None),
        f("docx-long-lvltext.docx", docx_long_lvltext(), None),
        f("docx-long-style-name.docx", docx_long_style_name(), None),
        f("docx-long-run.docx", docx_long_run(), None),
        f("docx-long-inline-cell.docx", docx_long_cell(), None),
        f("docx-cyclic-styles.docx", docx_cyclic_styles(), None),
        f("docx-deep-nesting.docx", docx_deep_tables(20_000), UNREADABLE),
        f("docx-wide-element.docx", docx_wide_element(), None),
        f("docx-many-priorities.docx", docx_priority_lines(160_000), None),
        f("msg-style-body.msg", msg_style_body(), None),
        f("eml-many-attachments.eml", eml_many_attachments(5_000), None),
        f("zip-overlapping-entries.zip", zip_overlapping(), None),
    ]
}

fn minimal_docx_parts(document: String, styles: Option<String>, numbering: Option<String>) -> Vec<u8> {
    let ct = format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
    );
    let rels = format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>"
    );
    let doc_rels = format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/></Relationships>"
    );
    let styles = styles.unwrap_or_else(|| {
        format!(
            "{XML_DECL}<w:styles xmlns:w=\"{W_NS}\"><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style></w:styles>"
        )
    });
    let mut parts = vec![
        ("[Content_Types].xml".to_string(), ct.into_bytes()),
        ("_rels/.rels".into(), rels.into_bytes()),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/_rels/document.xml.rels".into(), doc_rels.into_bytes()),
        ("word/styles.xml".into(), styles.into_bytes()),
        ("docProps/core.xml".into(), core_xml("Hostile", "Unknown").into_bytes()),
    ];
    if let Some(n) = numbering {
        parts.push(("word/numbering.xml".into(), n.into_bytes()));
    }
    zip_parts(&parts)
}

fn document(body: &str) -> String {
    format!("{XML_DECL}<w:document xmlns:w=\"{W_NS}\"><w:body>{body}<w:sectPr/></w:body></w:document>")
}

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// `n` empty paragraphs (`<w:p/>`): 6 MB of XML, about 20 KB zipped.
pub fn docx_empty_paragraphs(n: usize) -> Vec<u8> {
    let mut body = para("1. Priority(ies)");
    body.push_str(&"<w:p/>".repeat(n));
    minimal_docx_parts(document(&body), None, None)
}

/// A 1 MB `lvlText` in a list used by 2,000 paragraphs.
pub fn docx_long_lvltext() -> Vec<u8> {
    let lvl = "%1.".repeat(350_000);
    let numbering = format!(
        "{XML_DECL}<w:numbering xmlns:w=\"{W_NS}\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"{lvl}\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    );
    let item = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>Priority</w:t></w:r></w:p>";
    minimal_docx_parts(document(&item.repeat(2_000)), None, Some(numbering))
}

/// A default paragraph style whose name is 4 MB, used by 2,000 paragraphs.
pub fn docx_long_style_name() -> Vec<u8> {
    let name = "Heading 1 ".repeat(400_000);
    let styles = format!(
        "{XML_DECL}<w:styles xmlns:w=\"{W_NS}\"><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"{name}\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Big\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style></w:styles>"
    );
    let item = "<w:p><w:pPr><w:pStyle w:val=\"Big\"/></w:pPr><w:r><w:t>Priority</w:t></w:r></w:p>";
    minimal_docx_parts(document(&item.repeat(2_000)), Some(styles), None)
}

fn long_text(bytes: usize) -> String {
    let words = ["Priority", "1:", "literacy", "outcomes", "benchmark", "students", "data", "monitoring"];
    let mut s = String::with_capacity(bytes + 16);
    let mut i = 0usize;
    while s.len() < bytes {
        s.push_str(words[i % words.len()]);
        s.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7) % 1013;
    }
    s
}

/// One text run of 60 MB (under the 64 MB part cap).
pub fn docx_long_run() -> Vec<u8> {
    let body = format!("{}{}", para("1. Priority(ies)"), para(&long_text(60 << 20)));
    minimal_docx_parts(document(&body), None, None)
}

/// One table cell holding 60 MB of inline text.
pub fn docx_long_cell() -> Vec<u8> {
    let body = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        para("1. Priority(ies)"),
        para(&long_text(60 << 20))
    );
    minimal_docx_parts(document(&body), None, None)
}

/// Styles based on each other in a ring, and a numbering whose style link
/// points back at itself.
pub fn docx_cyclic_styles() -> Vec<u8> {
    let mut styles = format!("{XML_DECL}<w:styles xmlns:w=\"{W_NS}\">");
    for i in 0..500 {
        let _ = write!(
            styles,
            "<w:style w:type=\"paragraph\" w:styleId=\"S{i}\"><w:name w:val=\"heading {}\"/><w:basedOn w:val=\"S{}\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>",
            i % 9 + 1,
            (i + 1) % 500
        );
    }
    styles.push_str("<w:style w:type=\"numbering\" w:styleId=\"L\"><w:name w:val=\"L\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>");
    let numbering = format!(
        "{XML_DECL}<w:numbering xmlns:w=\"{W_NS}\"><w:abstractNum w:abstractNumId=\"0\"><w:numStyleLink w:val=\"L\"/></w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:styleLink w:val=\"L\"/><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:pStyle w:val=\"S0\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>"
    );
    let mut body = String::new();
    for i in 0..2_000 {
        let _ = write!(
            body,
            "<w:p><w:pPr><w:pStyle w:val=\"S{}\"/></w:pPr><w:r><w:t>Priority {i}</w:t></w:r></w:p>",
            i % 500
        );
    }
    minimal_docx_parts(document(&body), Some(styles), Some(numbering))
}

/// Tables nested `depth` deep.
pub fn docx_deep_tables(depth: usize) -> Vec<u8> {
    let open = "<w:tbl><w:tr><w:tc>".repeat(depth);
    let close = "<w:p/></w:tc></w:tr></w:tbl>".repeat(depth);
    minimal_docx_parts(document(&format!("{open}{}{close}", para("x"))), None, None)
}

/// A paragraph with 300,000 attributes and 300,000 runs.
pub fn docx_wide_element() -> Vec<u8> {
    let mut attrs = String::new();
    for i in 0..300_000 {
        let _ = write!(attrs, " a{i}=\"{i}\"");
    }
    let runs = "<w:r><w:t>x</w:t></w:r>".repeat(300_000);
    let body = format!("{}<w:p{attrs}>{runs}</w:p>", para("1. Priority(ies)"));
    minimal_docx_parts(document(&body), None, None)
}

/// `n` "Priority N: ..." paragraphs (quadratic mapping, issue 12).
pub fn docx_priority_lines(n: usize) -> Vec<u8> {
    let mut body = para("1. Priority(ies)");
    for i in 0..n {
        let _ = write!(body, "<w:p><w:r><w:t>Priority {i}: raise grade 3 literacy</w:t></w:r></w:p>");
    }
    minimal_docx_parts(document(&body), None, None)
}

fn ods(content_body: &str) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:spreadsheet>{content_body}</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    let mut zw = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let deflated = stored.compression_method(zip::CompressionMethod::Deflated);
    zw.start_file("mimetype", stored).expect("zip");
    zw.write_all(b"application/vnd.oasis.opendocument.spreadsheet").expect("zip");
    zw.start_file("META-INF/manifest.xml", deflated).expect("zip");
    zw.write_all(manifest.as_bytes()).expect("zip");
    zw.start_file("content.xml", deflated).expect("zip");
    zw.write_all(content.as_bytes()).expect("zip");
    zw.finish().expect("zip").into_inner()
}

/// The 844-byte class of issue 12: every row and column repeated, filled.
pub fn ods_repeat_bomb() -> Vec<u8> {
    ods(
        "<table:table table:name=\"Plan\"><table:table-row table:number-rows-repeated=\"1048576\"><table:table-cell table:number-columns-repeated=\"95\" office:value-type=\"string\"><text:p>Priority</text:p></table:table-cell></table:table-row></table:table>",
    )
}

/// A filled cell, then a filled row repeated a million times two columns wide.
pub fn ods_row_repeat() -> Vec<u8> {
    ods(
        "<table:table table:name=\"Plan\"><table:table-row><table:table-cell office:value-type=\"string\"><text:p>1. Priority(ies)</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell office:value-type=\"float\" office:value=\"1\"/><table:table-cell table:number-columns-repeated=\"2\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row></table:table>",
    )
}

/// A cell asking for a billion spaces (`<text:s text:c=".."/>`).
pub fn ods_spaces() -> Vec<u8> {
    ods(
        "<table:table table:name=\"Plan\"><table:table-row><table:table-cell office:value-type=\"string\"><text:p>a<text:s text:c=\"1000000000\"/>b</text:p></table:table-cell></table:table-row></table:table>",
    )
}

fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    out.extend_from_slice(&typ.to_le_bytes());
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
}

fn bof(dt: u16) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend_from_slice(&0x0600u16.to_le_bytes());
    d.extend_from_slice(&dt.to_le_bytes());
    d.extend_from_slice(&[0u8; 12]);
    d
}

fn number(row: u16, col: u16, value: f64) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend_from_slice(&row.to_le_bytes());
    d.extend_from_slice(&col.to_le_bytes());
    d.extend_from_slice(&0u16.to_le_bytes());
    d.extend_from_slice(&value.to_le_bytes());
    d
}

/// A BIFF8 workbook of one sheet whose records are `sheet` (between its BOF and EOF).
fn xls(sheet: &[Vec<u8>]) -> Vec<u8> {
    let name = b"Plan";
    let build = |offset: u32| {
        let mut globals = Vec::new();
        record(&mut globals, 0x0809, &bof(0x0005));
        record(&mut globals, 0x0042, &1200u16.to_le_bytes());
        let mut bs = Vec::new();
        bs.extend_from_slice(&offset.to_le_bytes());
        bs.extend_from_slice(&[0, 0, name.len() as u8, 0]);
        bs.extend_from_slice(name);
        record(&mut globals, 0x0085, &bs);
        record(&mut globals, 0x000A, &[]);
        globals
    };
    let globals_len = build(0).len() as u32;
    let mut stream = build(globals_len);
    record(&mut stream, 0x0809, &bof(0x0010));
    for r in sheet {
        stream.extend_from_slice(r);
    }
    record(&mut stream, 0x000A, &[]);
    let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
    cf.create_stream("/Workbook").expect("cfb").write_all(&stream).expect("cfb");
    cf.flush().expect("cfb");
    cf.into_inner().into_inner()
}

/// A sheet whose DIMENSIONS record claims 2^31 rows by 256 columns.
pub fn xls_huge_dimensions() -> Vec<u8> {
    let mut dims = Vec::new();
    dims.extend_from_slice(&0u32.to_le_bytes());
    dims.extend_from_slice(&0x7FFF_FFFFu32.to_le_bytes());
    dims.extend_from_slice(&0u16.to_le_bytes());
    dims.extend_from_slice(&0xFFu16.to_le_bytes());
    dims.extend_from_slice(&0u16.to_le_bytes());
    let mut records = Vec::new();
    let mut r = Vec::new();
    record(&mut r, 0x0200, &dims);
    records.push(r);
    let mut c = Vec::new();
    record(&mut c, 0x0203, &number(0, 0, 1.0));
    records.push(c);
    xls(&records)
}

/// A sheet of two cells, at A1 and IV65536 (a 16-million-cell grid).
pub fn xls_sparse() -> Vec<u8> {
    let mut r = Vec::new();
    record(&mut r, 0x0203, &number(0, 0, 1.0));
    record(&mut r, 0x0203, &number(65_535, 255, 2.0));
    xls(&[r])
}

/// Rewrites the parts of a zip package through `f`.
fn rewrite_zip(bytes: &[u8], f: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut e = zip.by_index(i).expect("zip");
        let name = e.name().to_string();
        let mut data = Vec::new();
        e.read_to_end(&mut data).expect("zip");
        let data = f(&name, data);
        parts.push((name, data));
    }
    zip_parts(&parts)
}

/// A real workbook whose shared-string table declares four billion strings.
pub fn xlsx_shared_strings_count() -> Vec<u8> {
    let good = crate::xlsx(&Plan::complete("Lowell"), SheetShape::FormSheet);
    rewrite_zip(&good, |name, data| {
        if name != "xl/sharedStrings.xml" {
            return data;
        }
        let text = String::from_utf8(data).expect("utf8");
        let start = text.find("uniqueCount=\"").expect("uniqueCount") + "uniqueCount=\"".len();
        let end = start + text[start..].find('"').expect("quote");
        format!("{}4000000000{}", &text[..start], &text[end..]).into_bytes()
    })
}

/// A sheet of 1,100,000 filled number cells (over the cell limit).
pub fn xlsx_million_cells() -> Vec<u8> {
    let mut sheet = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for r in 1..=110_000u32 {
        let _ = write!(sheet, "<row r=\"{r}\">");
        for c in 0..10u8 {
            let _ = write!(sheet, "<c r=\"{}{r}\"><v>{r}</v></c>", (b'A' + c) as char);
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let good = crate::xlsx(&Plan::complete("Lowell"), SheetShape::FormSheet);
    rewrite_zip(&good, |name, data| if name == "xl/worksheets/sheet1.xml" { sheet.clone().into_bytes() } else { data })
}

/// An Outlook message whose only body is HTML of 150,000 `<style></style>`.
pub fn msg_style_body() -> Vec<u8> {
    let html = format!("<html><body>{}<p>Hello from Lowell</p></body></html>", "<style></style>".repeat(150_000));
    let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
    let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
    let streams: Vec<(&str, Vec<u8>)> = vec![
        ("/__substg1.0_0037001F", utf16("SSoS plan")),
        ("/__substg1.0_0C1A001F", utf16("Lowell Public Schools")),
        ("/__substg1.0_10130102", html.into_bytes()),
        ("/__properties_version1.0", vec![0u8; 32]),
    ];
    for (name, data) in streams {
        cf.create_stream(name).expect("cfb").write_all(&data).expect("cfb");
    }
    let docx = crate::docx(&Plan::complete("Lowell"), Layout::HeadingStyles);
    let at = "/__attach_version1.0_#00000000";
    cf.create_storage(at).expect("cfb");
    cf.create_stream(format!("{at}/__substg1.0_3707001F")).expect("cfb").write_all(&utf16("plan.docx")).expect("cfb");
    cf.create_stream(format!("{at}/__substg1.0_37010102")).expect("cfb").write_all(&docx).expect("cfb");
    cf.flush().expect("cfb");
    cf.into_inner().into_inner()
}

/// An email with `n` small attachments.
pub fn eml_many_attachments(n: usize) -> Vec<u8> {
    let names: Vec<String> = (0..n).map(|i| format!("note{i}.txt")).collect();
    let data = b"not a plan".to_vec();
    let attachments: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), data.as_slice())).collect();
    crate::mail::eml("Lowell <plans@lowell.k12.ma.us>", "SSoS plan", "Attached.", &attachments)
}

/// A zip whose 5,000 central-directory entries all point at the same local
/// entry (a plan), each claiming a different name and a tiny size.
pub fn zip_overlapping() -> Vec<u8> {
    let plan = crate::docx(&Plan::complete("Lowell"), Layout::HeadingStyles);
    let one = crate::mail::zip_archive(&[("a.docx", &plan)]);
    // Split the archive: local entry | central directory | end record.
    let eocd = one.windows(4).rposition(|w| w == [0x50, 0x4b, 0x05, 0x06]).expect("eocd");
    let cd_offset = u32::from_le_bytes(one[eocd + 16..eocd + 20].try_into().expect("4")) as usize;
    let local = &one[..cd_offset];
    let central = &one[cd_offset..eocd];
    let name_len = u16::from_le_bytes([central[28], central[29]]) as usize;
    let extra_len = u16::from_le_bytes([central[30], central[31]]) as usize;
    let comment_len = u16::from_le_bytes([central[32], central[33]]) as usize;
    let fixed = &central[..46];
    let rest = &central[46 + name_len..46 + name_len + extra_len + comment_len];
    let n = 5_000u16;
    let mut cd = Vec::new();
    for i in 0..n {
        let name = format!("p{i:04}.docx");
        let mut h = fixed.to_vec();
        h[28..30].copy_from_slice(&(name.len() as u16).to_le_bytes());
        cd.extend_from_slice(&h);
        cd.extend_from_slice(name.as_bytes());
        cd.extend_from_slice(rest);
    }
    let mut out = local.to_vec();
    let cd_start = out.len() as u32;
    out.extend_from_slice(&cd);
    out.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&(cd.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}
