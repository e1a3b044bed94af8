//! Tests that build real .docx packages in memory.

use std::io::{Cursor, Write};

use super::read;
use crate::model::{Block, BlockKind, CellRef, Document};
use crate::read::{InputError, InputErrorKind, Limits};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const STRICT_W: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const R_OFFICE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn root_rels(main: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R_OFFICE}/officeDocument" Target="{main}"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{R_OFFICE}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

fn doc_rels(extra: &str) -> String {
    format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rS" Type="{R_OFFICE}/styles" Target="styles.xml"/><Relationship Id="rN" Type="{R_OFFICE}/numbering" Target="/word/numbering.xml"/>{extra}</Relationships>"#
    )
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>{body}<w:sectPr><w:pgSz w:w="12240"/></w:sectPr></w:body></w:document>"#
    )
}

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="District Head"/><w:basedOn w:val="Heading2"/></w:style>
<w:style w:type="paragraph" w:styleId="P3"><w:name w:val="Heading_20_3"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="list paragraph"/></w:style>
<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="Loop A"/><w:basedOn w:val="LoopB"/></w:style>
<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="Loop B"/><w:basedOn w:val="LoopA"/></w:style>
<w:style w:type="paragraph" w:styleId="ListPara"><w:name w:val="List Para"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b w:val="1"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>
</w:styles>"#;

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"#;

/// A full package around `body` (the inside of `w:body`).
fn docx_with(body: &str, extra_rels: &str, extra_parts: &[(&str, &str)]) -> Vec<u8> {
    let rr = root_rels("word/document.xml");
    let dr = doc_rels(extra_rels);
    let doc = document(body);
    let mut parts: Vec<(&str, &str)> = vec![
        ("[Content_Types].xml", CT),
        ("_rels/.rels", &rr),
        ("word/document.xml", &doc),
        ("word/_rels/document.xml.rels", &dr),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
    ];
    parts.extend_from_slice(extra_parts);
    zip(&parts)
}

fn read_body(body: &str) -> Document {
    read(&docx_with(body, "", &[]), &Limits::default()).expect("readable")
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn ps(style: &str, text: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.blocks.iter().map(|b| b.text.as_str()).collect()
}

fn block<'d>(doc: &'d Document, text: &str) -> &'d Block {
    doc.blocks.iter().find(|b| b.text == text).unwrap_or_else(|| panic!("no block {text:?} in {:?}", texts(doc)))
}

fn unreadable(result: Result<Document, InputError>) -> InputError {
    let err = result.expect_err("should be refused");
    assert_eq!(err.kind, InputErrorKind::Unreadable, "{err:?}");
    err
}

#[test]
fn headings_by_name_id_based_on_and_outline() {
    let body = [
        ps("Heading1", "One"),
        ps("Heading2", "Two"),
        ps("MyHead", "Custom"),
        ps("P3", "Libre"),
        ps("Heading4", "Undefined id"),
        ps("Title", "The Plan"),
        ps("TOC1", "1. Priority(ies)\t3"),
        ps("ListParagraph", "Listed"),
        ps("LoopA", "Cycle"),
        "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>Outlined</w:t></w:r></w:p>".to_string(),
        p("Plain"),
    ]
    .concat();
    let doc = read_body(&body);
    assert_eq!(block(&doc, "One").heading_level, Some(1));
    assert_eq!(block(&doc, "One").style.as_deref(), Some("Heading 1"));
    assert!(block(&doc, "One").bold, "paragraph style bold");
    assert_eq!(block(&doc, "Two").heading_level, Some(2));
    assert_eq!(block(&doc, "Custom").heading_level, Some(2));
    assert_eq!(block(&doc, "Custom").style.as_deref(), Some("District Head"));
    assert_eq!(block(&doc, "Libre").heading_level, Some(3));
    assert_eq!(block(&doc, "Undefined id").heading_level, Some(4));
    assert_eq!(block(&doc, "The Plan").heading_level, None);
    assert_eq!(block(&doc, "The Plan").style.as_deref(), Some("Title"));
    assert_eq!(block(&doc, "Cycle").heading_level, None);
    assert_eq!(block(&doc, "Outlined").heading_level, Some(3));
    assert_eq!(block(&doc, "Plain").heading_level, None);
    assert_eq!(block(&doc, "Plain").style.as_deref(), Some("Normal"));
    assert_eq!(block(&doc, "Plain").location.paragraph, Some(11));
    let toc = block(&doc, "1. Priority(ies)\t3");
    assert_eq!((toc.style.as_deref(), toc.heading_level), (Some("TOC 1"), None));
    assert_eq!(block(&doc, "Listed").style.as_deref(), Some("List Paragraph"));
}

#[test]
fn any_prefix_and_strict_namespace() {
    let doc = format!(
        r#"<x:document xmlns:x="{STRICT_W}"><x:body><x:p><x:pPr><x:pStyle x:val="Heading1"/></x:pPr><x:r><x:rPr><x:b x:val="true"/></x:rPr><x:t>Strict heading</x:t></x:r></x:p><x:p><x:r><x:t>Body</x:t></x:r></x:p></x:body></x:document>"#
    );
    let styles = STYLES.replace("w:", "s:").replace(W, STRICT_W);
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document.xml"/></Relationships>"#;
    let drels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="styles.xml"/></Relationships>"#;
    let bytes = zip(&[
        ("[Content_Types].xml", CT),
        ("_rels/.rels", rels),
        ("word/document.xml", &doc),
        ("word/_rels/document.xml.rels", drels),
        ("word/styles.xml", &styles),
    ]);
    let doc = read(&bytes, &Limits::default()).unwrap();
    assert_eq!(texts(&doc), ["Strict heading", "Body"]);
    assert_eq!(doc.blocks[0].heading_level, Some(1));
    assert!(doc.blocks[0].bold);
    assert!(!doc.blocks[1].bold);
}

#[test]
fn main_part_found_through_rels() {
    let rr = root_rels("word/document2.xml");
    let body = document(&ps("Heading1", "Found"));
    let bytes = zip(&[
        ("[Content_Types].xml", CT),
        ("_rels/.rels", &rr),
        ("word/document2.xml", &body),
        ("word/_rels/document2.xml.rels", &doc_rels("")),
        ("word/styles.xml", STYLES),
    ]);
    let doc = read(&bytes, &Limits::default()).unwrap();
    assert_eq!(texts(&doc), ["Found"]);
    assert_eq!(doc.blocks[0].heading_level, Some(1));
    // No main part at all.
    let bytes = zip(&[("[Content_Types].xml", CT), ("_rels/.rels", &rr)]);
    unreadable(read(&bytes, &Limits::default()));
}

fn np(num: u32, ilvl: u8, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
    )
}

#[test]
fn numbering_labels() {
    let body = [
        np(1, 0, "first"),
        np(1, 1, "sub a"),
        np(1, 1, "sub b"),
        np(1, 0, "second"),
        np(1, 1, "sub again"),
        np(1, 2, "deep"),
        np(2, 0, "bullet"),
        np(0, 0, "not numbered"),
        ps("ListPara", "from style"),
        np(3, 0, "override"),
        np(3, 0, "after override"),
        np(99, 0, "unknown list"),
    ]
    .concat();
    let doc = read_body(&body);
    let label = |t: &str| block(&doc, t).list_label.clone();
    assert_eq!(label("first").as_deref(), Some("1."));
    assert_eq!(label("sub a").as_deref(), Some("a)"));
    assert_eq!(label("sub b").as_deref(), Some("b)"));
    assert_eq!(label("second").as_deref(), Some("2."));
    assert_eq!(label("sub again").as_deref(), Some("a)"));
    assert_eq!(label("deep").as_deref(), Some("2.I"));
    assert_eq!(block(&doc, "deep").list_level, Some(2));
    assert_eq!(label("bullet").as_deref(), Some("•"));
    assert_eq!(label("not numbered"), None);
    assert_eq!(block(&doc, "not numbered").list_level, None);
    assert_eq!(label("from style").as_deref(), Some("3."));
    assert_eq!(label("override").as_deref(), Some("5."));
    assert_eq!(label("after override").as_deref(), Some("6."));
    assert_eq!(label("unknown list"), None);
    assert_eq!(block(&doc, "first").display_text(), "1. first");
}

fn tc(inner: &str) -> String {
    format!("<w:tc>{inner}</w:tc>")
}

#[test]
fn tables_spans_nesting_and_locations() {
    let nested = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc(&p("n1")), tc(&p("n2")));
    let body = [
        p("before"),
        "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>".to_string(),
        format!(
            "<w:tr>{}{}{}</w:tr>",
            tc(&format!("<w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}", p("wide"))),
            tc(&p("third")),
            tc(&format!("{}{}", p("outer"), nested))
        ),
        format!(
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr>",
            tc(&format!("<w:tcPr><w:vMerge/></w:tcPr>{}", "<w:p/>")),
            tc(&format!("{}{}", p("r2c3 a"), p("r2c3 b")))
        ),
        "</w:tbl>".to_string(),
        p("after"),
    ]
    .concat();
    let doc = read_body(&body);
    let b = block(&doc, "wide");
    assert_eq!((b.grid.unwrap().row, b.grid.unwrap().col, b.grid.unwrap().table), (0, 0, 0));
    assert_eq!(b.location.paragraph, Some(2));
    assert_eq!(b.location.table, Some(1));
    assert_eq!(b.location.row, Some(1));
    assert_eq!(b.location.cell, Some(CellRef::Index(1)));
    assert_eq!(block(&doc, "third").grid.unwrap().col, 2);
    assert_eq!(block(&doc, "outer").grid.unwrap().col, 3);
    let n2 = block(&doc, "n2").grid.unwrap();
    assert_eq!((n2.table, n2.row, n2.col, n2.depth), (1, 0, 1, 1));
    assert_eq!(block(&doc, "n2").location.table, Some(2));
    let r2 = block(&doc, "r2c3 b");
    assert_eq!((r2.grid.unwrap().row, r2.grid.unwrap().col), (1, 2));
    assert_eq!(r2.location.paragraph, Some(9));
    let after = block(&doc, "after");
    assert_eq!(after.grid, None);
    assert_eq!(after.location.paragraph, Some(10));
    assert_eq!(after.location.table, None);
}

#[test]
fn content_controls_at_every_level() {
    let sdt = |inner: &str| {
        format!("<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>")
    };
    let plc = |inner: &str| {
        format!(
            "<w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtEndPr><w:rPr><w:b/></w:rPr></w:sdtEndPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
        )
    };
    let body = [
        sdt(&p("block level")),
        format!("<w:p><w:r><w:t xml:space=\"preserve\">run </w:t></w:r>{}</w:p>", sdt("<w:r><w:t>level</w:t></w:r>")),
        format!(
            "<w:tbl>{}<w:tr>{}</w:tr></w:tbl>",
            sdt(&format!("<w:tr>{}</w:tr>", tc(&p("row level")))),
            sdt(&tc(&p("cell level")))
        ),
        plc(&p("Click or tap here to enter text.")),
        format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">Name: </w:t></w:r>{}</w:p>",
            plc("<w:r><w:t>Click here</w:t></w:r>")
        ),
        "<w:sdt><w:sdtPr><w:showingPlcHdr w:val=\"0\"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Answered</w:t></w:r></w:p></w:sdtContent></w:sdt>".to_string(),
    ]
    .concat();
    let doc = read_body(&body);
    assert_eq!(
        texts(&doc),
        [
            "block level",
            "run level",
            "row level",
            "cell level",
            "Click or tap here to enter text.",
            "Name:",
            "Answered"
        ]
    );
    assert_eq!(block(&doc, "cell level").grid.unwrap().row, 1);
    assert!(block(&doc, "Click or tap here to enter text.").placeholder);
    assert!(block(&doc, "Name:").placeholder);
    assert!(!block(&doc, "Answered").placeholder);
    assert!(!block(&doc, "block level").placeholder);
}

#[test]
fn text_box_read_once_after_anchor() {
    let txbx = |t: &str| format!("<w:txbxContent>{}{}</w:txbxContent>", p(t), "<w:p/>");
    let body = [
        format!(
            "<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space=\"preserve\"> text</w:t></w:r></w:p>",
            txbx("Boxed"),
            txbx("Boxed")
        ),
        p("Next"),
        format!("<w:p><w:r><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></w:r></w:p>", txbx("VML only")),
    ]
    .concat();
    let doc = read_body(&body);
    assert_eq!(texts(&doc), ["Anchor text", "Boxed", "Next", "VML only"]);
    assert_eq!(block(&doc, "Boxed").kind, BlockKind::TextBox);
    assert_eq!(block(&doc, "Anchor text").kind, BlockKind::Paragraph);
    assert_eq!(block(&doc, "Anchor text").images, 0);
    assert_eq!(block(&doc, "Boxed").location.paragraph, Some(2));
    assert_eq!(block(&doc, "Next").location.paragraph, Some(4));
    assert_eq!(block(&doc, "VML only").location.paragraph, Some(6));
}

#[test]
fn images_counted() {
    let body = [
        "<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"x\"><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed=\"rId9\" xmlns:r=\"r\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>".to_string(),
        "<w:p><w:r><w:t>Logo</w:t></w:r><w:r><w:pict><v:shape><v:imagedata r:id=\"rId8\" xmlns:r=\"r\"/></v:shape></w:pict></w:r><w:r><w:object><v:shape><v:imagedata/></v:shape></w:object></w:r></w:p>".to_string(),
    ]
    .concat();
    let doc = read_body(&body);
    assert_eq!(doc.blocks.len(), 2);
    assert_eq!(doc.blocks[0].images, 1);
    assert_eq!(doc.blocks[0].text, "");
    assert_eq!(block(&doc, "Logo").images, 2);
}

#[test]
fn inline_wrappers_are_read() {
    let body = [
        "<w:p><w:hyperlink r:id=\"rId5\" xmlns:r=\"r\"><w:r><w:t xml:space=\"preserve\">Visit </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>our</w:t></w:r><w:r><w:t xml:space=\"preserve\"> site</w:t></w:r></w:hyperlink></w:p>".to_string(),
        "<w:p><w:smartTag w:element=\"place\"><w:smartTag w:element=\"City\"><w:r><w:t>Boston</w:t></w:r></w:smartTag></w:smartTag><w:customXml w:element=\"x\"><w:r><w:t xml:space=\"preserve\"> schools</w:t></w:r></w:customXml></w:p>".to_string(),
        "<w:p><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>7</w:t></w:r></w:fldSimple><w:r><w:tab/><w:t>A&amp;B&#x41;</w:t><w:br/><w:t>x</w:t><w:noBreakHyphen/><w:t>y</w:t></w:r></w:p>".to_string(),
    ]
    .concat();
    let doc = read_body(&body);
    assert_eq!(texts(&doc), ["Visit our site", "Boston schools", "7\tA&BA\nx-y"]);
    assert!(!doc.blocks[0].bold);
}

#[test]
fn tracked_changes_fields_and_hidden_text() {
    let body = [
        "<w:p><w:r><w:t xml:space=\"preserve\">We </w:t></w:r><w:ins w:id=\"1\"><w:r><w:t>will</w:t></w:r><w:r><w:t xml:space=\"preserve\"> now</w:t></w:r></w:ins><w:del w:id=\"2\"><w:r><w:delText>might</w:delText></w:r></w:del><w:r><w:t xml:space=\"preserve\"> act</w:t></w:r></w:p>".to_string(),
        "<w:p><w:moveFrom w:id=\"3\"><w:r><w:t>old place</w:t></w:r></w:moveFrom><w:moveTo w:id=\"4\"><w:r><w:t>new place</w:t></w:r></w:moveTo><w:r><w:rPr><w:ins w:id=\"9\"/></w:rPr><w:t xml:space=\"preserve\"> ok</w:t></w:r></w:p>".to_string(),
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> HYPERLINK \"http://x\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>link result</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>".to_string(),
        "<w:p><w:r><w:t xml:space=\"preserve\">Shown</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Secret\"/></w:rPr><w:t>styled secret</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t xml:space=\"preserve\"> too</w:t></w:r></w:p>".to_string(),
    ]
    .concat();
    let doc = read_body(&body);
    assert_eq!(texts(&doc), ["We will now act", "new place ok", "link result", "Shown too"]);
    assert_eq!(doc.revisions.insertions, 2);
    assert_eq!(doc.revisions.deletions, 2);
    assert_eq!(doc.revisions.field_codes, 1);
    assert_eq!(doc.revisions.hidden, 2);
}

#[test]
fn bold_toggles() {
    let run = |props: &str, t: &str| format!("<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{t}</w:t></w:r>");
    let body = [
        format!("<w:p>{}{}</w:p>", run("<w:b w:val=\"true\"/>", "All "), run("<w:b w:val=\"on\"/>", "bold")),
        format!("<w:p>{}{}</w:p>", run("<w:b/>", "Half "), run("<w:b w:val=\"0\"/>", "bold")),
        format!("<w:p>{}{}</w:p>", run("<w:rStyle w:val=\"Strong\"/>", "Strong"), run("", " ")),
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>{}</w:p>",
            run("<w:b w:val=\"false\"/>", "Unbolded")
        ),
        format!("<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>{}</w:p>", run("", "Mark only")),
    ]
    .concat();
    let doc = read_body(&body);
    assert!(block(&doc, "All bold").bold);
    assert!(!block(&doc, "Half bold").bold);
    assert!(block(&doc, "Strong").bold);
    assert!(!block(&doc, "Unbolded").bold);
    assert!(!block(&doc, "Mark only").bold);
}

#[test]
fn notes_comments_headers_kept_apart() {
    let comments = format!(
        r#"<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="A"><w:p><w:r><w:t>Needs data</w:t></w:r></w:p></w:comment><w:comment w:id="1"><w:p><w:r><w:t>Second</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let footnotes = format!(
        r#"<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>See DESE guidance.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let header = format!(r#"<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>Springfield Public Schools</w:t></w:r></w:p></w:hdr>"#);
    let footer = format!(
        r#"<w:ftr xmlns:w="{W}"><w:p><w:r><w:t>Page </w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p></w:ftr>"#
    );
    let extra = format!(
        r#"<Relationship Id="c" Type="{R_OFFICE}/comments" Target="comments.xml"/><Relationship Id="f" Type="{R_OFFICE}/footnotes" Target="footnotes.xml"/><Relationship Id="h" Type="{R_OFFICE}/header" Target="header1.xml"/><Relationship Id="g" Type="{R_OFFICE}/footer" Target="./footer1.xml"/><Relationship Id="l" Type="{R_OFFICE}/hyperlink" Target="http://example.org" TargetMode="External"/>"#
    );
    let body = "<w:p><w:r><w:t>Body text</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r><w:commentRangeStart w:id=\"0\"/></w:p>";
    let bytes = docx_with(
        body,
        &extra,
        &[
            ("word/comments.xml", &comments),
            ("word/footnotes.xml", &footnotes),
            ("word/header1.xml", &header),
            ("word/footer1.xml", &footer),
        ],
    );
    let doc = read(&bytes, &Limits::default()).unwrap();
    assert_eq!(texts(&doc), ["Body text"]);
    assert_eq!(doc.notes, ["Needs data", "Second", "See DESE guidance."]);
    assert_eq!(doc.revisions.comments, 2);
    assert_eq!(doc.headers, ["Springfield Public Schools", "Page"]);
}

#[test]
fn core_and_app_properties() {
    let core = r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>District Plan &amp; Priorities</dc:title><dc:subject>SSoS</dc:subject><dc:creator>J. Smith</dc:creator></cp:coreProperties>"#;
    let app = r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>Lowell Public Schools</Company></Properties>"#;
    let bytes = docx_with(&p("x"), "", &[("docProps/core.xml", core), ("docProps/app.xml", app)]);
    let doc = read(&bytes, &Limits::default()).unwrap();
    assert_eq!(doc.properties.title.as_deref(), Some("District Plan & Priorities"));
    assert_eq!(doc.properties.subject.as_deref(), Some("SSoS"));
    assert_eq!(doc.properties.author.as_deref(), Some("J. Smith"));
    assert_eq!(doc.properties.company.as_deref(), Some("Lowell Public Schools"));
}

#[test]
fn billion_laughs_is_refused_unexpanded() {
    let mut dtd = String::from("<!DOCTYPE w:document [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let prev = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">", format!("&{prev};").repeat(10)));
    }
    dtd.push_str("]>");
    let doc = document("<w:p><w:r><w:t>Hi &lol9; there</w:t></w:r></w:p>").replacen("?>", &format!("?>{dtd}"), 1);
    let rr = root_rels("word/document.xml");
    let bytes = zip(&[("[Content_Types].xml", CT), ("_rels/.rels", &rr), ("word/document.xml", &doc)]);
    // Word never writes a DTD: the file is refused, and nothing is expanded.
    let err = read(&bytes, &Limits::default()).expect_err("a DOCTYPE is refused");
    assert_eq!(err.kind, crate::read::InputErrorKind::Unreadable);
    assert!(err.reason.contains("DOCTYPE"), "{}", err.reason);
}

#[test]
fn deep_nesting_refused() {
    let inner = "<w:customXml>".repeat(10_000) + "<w:r><w:t>x</w:t></w:r>" + &"</w:customXml>".repeat(10_000);
    let doc = document(&format!("<w:p>{inner}</w:p>"));
    let rr = root_rels("word/document.xml");
    let bytes = zip(&[("[Content_Types].xml", CT), ("_rels/.rels", &rr), ("word/document.xml", &doc)]);
    let err = unreadable(read(&bytes, &Limits::default()));
    assert!(err.reason.contains("nested too deeply"), "{err:?}");
}

#[test]
fn malformed_and_truncated_refused() {
    let rr = root_rels("word/document.xml");
    let bad = document("<w:p><w:r><w:t>x</w:r></w:p>");
    let bytes = zip(&[("[Content_Types].xml", CT), ("_rels/.rels", &rr), ("word/document.xml", &bad)]);
    let err = unreadable(read(&bytes, &Limits::default()));
    assert!(err.reason.contains("damaged"), "{err:?}");

    let good = docx_with(&p("hello"), "", &[]);
    for cut in [good.len() / 2, good.len() - 10, 30, 0] {
        unreadable(read(&good[..cut], &Limits::default()));
    }
    unreadable(read(b"not a zip at all", &Limits::default()));
}

/// A raw deflate stream of `units * 258 + 1` spaces (fixed Huffman codes:
/// one literal, then length-258/distance-1 copies), about 1:1000.
fn deflate_spaces(units: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        // Deflate packs Huffman codes most significant bit first.
        fn code(&mut self, code: u32, len: u32) {
            for i in (0..len).rev() {
                self.bit((code >> i) & 1);
            }
        }
        fn bit(&mut self, b: u32) {
            self.acc |= u64::from(b) << self.n;
            self.n += 1;
            if self.n == 8 {
                self.out.push(self.acc as u8);
                self.acc = 0;
                self.n = 0;
            }
        }
    }
    let mut b = Bits { out: Vec::with_capacity(units * 13 / 8 + 16), acc: 0, n: 0 };
    b.bit(1); // BFINAL
    b.bit(1); // BTYPE=01 (fixed), LSB first
    b.bit(0);
    b.code(0x30 + 0x20, 8); // literal ' '
    for _ in 0..units {
        b.code(0b1100_0101, 8); // length code 285 = 258
        b.code(0, 5); // distance code 0 = 1
    }
    b.code(0, 7); // end of block (256)
    while b.n != 0 {
        b.bit(0);
    }
    b.out
}

/// A zip with stored small parts and one pre-deflated part, built by hand.
fn raw_zip(stored: &[(&str, &str)], big_name: &str, deflated: &[u8], declared: u32) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    let mut entries = 0u16;
    let mut add = |name: &str, method: u16, data: &[u8], crc: u32, size: u32| {
        let offset = out.len() as u32;
        let header = |sig: u32, central_dir: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central_dir {
                h.extend_from_slice(&20u16.to_le_bytes());
            }
            h.extend_from_slice(&20u16.to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            h.extend_from_slice(&method.to_le_bytes());
            h.extend_from_slice(&[0, 0, 0x21, 0]);
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&size.to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            if central_dir {
                h.extend_from_slice(&[0; 6]);
                h.extend_from_slice(&0u32.to_le_bytes());
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(data);
        central.extend(header(0x0201_4b50, true));
        entries += 1;
    };
    for (name, text) in stored {
        add(name, 0, text.as_bytes(), crc32(text.as_bytes()), text.len() as u32);
    }
    add(big_name, 8, deflated, 0, declared);
    let cd_offset = out.len() as u32;
    let cd_len = central.len() as u32;
    out.extend(central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&entries.to_le_bytes());
    out.extend_from_slice(&entries.to_le_bytes());
    out.extend_from_slice(&cd_len.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[test]
fn zip_bomb_refused_quickly() {
    // 8.4 million copies of 258 spaces: a document.xml of about 2.17 GB.
    let units = 8_400_000;
    let inflated = units * 258 + 1;
    assert!(inflated >= 2_000_000_000);
    let deflated = deflate_spaces(units);
    assert!(deflated.len() < 15 << 20);
    let rr = root_rels("word/document.xml");
    let stored = [("[Content_Types].xml", CT), ("_rels/.rels", rr.as_str())];
    let limits = Limits { max_file_bytes: 64 << 20, ..Limits::default() };

    // Honest central directory: refused before inflating anything.
    let honest = raw_zip(&stored, "word/document.xml", &deflated, inflated as u32);
    let err = unreadable(read(&honest, &limits));
    assert!(err.reason.contains("limit"), "{err:?}");

    // A central directory that lies (declares 1 KB): cut off at the cap.
    let lying = raw_zip(&stored, "word/document.xml", &deflated, 1024);
    let err = unreadable(read(&lying, &limits));
    assert!(err.reason.contains("limit"), "{err:?}");
}

#[test]
fn compound_files_refused_with_reason() {
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.extend_from_slice(&[0; 64]);
    let err = read(&cfb, &Limits::default()).unwrap_err();
    assert_eq!(err.kind, InputErrorKind::Unsupported);
    cfb.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    let err = unreadable(read(&cfb, &Limits::default()));
    assert!(err.reason.contains("password"), "{err:?}");
}

#[test]
fn placeholder_styled_text_in_a_control() {
    let styles_extra = "<w:p><w:sdt><w:sdtPr><w:id w:val=\"1\"/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr><w:t>Enter your answer.</w:t></w:r></w:sdtContent></w:sdt></w:p>";
    let doc = read_body(styles_extra);
    assert_eq!(texts(&doc), ["Enter your answer."]);
    assert!(doc.blocks[0].placeholder);
}

/// A plan of about ten pages: eight sections, each a heading, prompts, a
/// numbered list and a two-column response table.
pub(super) fn typical_plan() -> Vec<u8> {
    let words = "Our district will use common planning time and walkthrough data to strengthen \
                 culturally and linguistically sustaining practices for English learners and \
                 students with disabilities across grades three through eight this year";
    let mut body = String::new();
    for s in 1..=8 {
        body.push_str(&ps("Heading1", &format!("{s}. Section {s}")));
        for _ in 0..3 {
            body.push_str(&format!("<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Prompt: describe the evidence you used.</w:t></w:r><w:r><w:t xml:space=\"preserve\"> {words}</w:t></w:r></w:p>"));
        }
        for i in 0..5 {
            body.push_str(&np(1, 0, &format!("Item {i} {words}")));
        }
        body.push_str("<w:tbl>");
        for _ in 0..6 {
            body.push_str("<w:tr>");
            body.push_str(&tc(&p("Benchmark")));
            body.push_str(&tc(&format!("{}{}", p(words), p(words))));
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
    }
    docx_with(&body, "", &[])
}

#[test]
fn typical_plan_reads() {
    let bytes = typical_plan();
    let doc = read(&bytes, &Limits::default()).unwrap();
    assert_eq!(doc.blocks.iter().filter(|b| b.heading_level == Some(1)).count(), 8);
    assert!(doc.word_count() > 4000, "{}", doc.word_count());
    if let Ok(dir) = std::env::var("SSOS_WRITE_TYPICAL_PLAN") {
        std::fs::write(std::path::Path::new(&dir).join("typical_plan.docx"), &bytes).unwrap();
    }
}

#[test]
fn utf16_part_and_unclosed_field() {
    let body = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p><w:p><w:r><w:t>Still read</w:t></w:r></w:p>";
    let doc = document(body);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(doc.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").encode_utf16().flat_map(u16::to_le_bytes));
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let rr = root_rels("word/document.xml");
    for (name, data) in
        [("[Content_Types].xml", CT.as_bytes()), ("_rels/.rels", rr.as_bytes()), ("word/document.xml", &utf16)]
    {
        w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(data).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    let doc = read(&bytes, &Limits::default()).unwrap();
    assert_eq!(texts(&doc), ["Still read"]);
    assert_eq!(doc.blocks[0].location.paragraph, Some(2));
}

#[test]
fn runs_outside_paragraphs_are_kept() {
    let body = "<w:p2><w:r><w:t>Unknown wrapper</w:t></w:r><w:r><w:t xml:space=\"preserve\"> text</w:t></w:r></w:p2><w:sdt><w:sdtContent><w:r><w:t>Loose run</w:t></w:r></w:sdtContent></w:sdt><w:p><w:r><w:t>Real</w:t></w:r></w:p>";
    let doc = read_body(body);
    assert_eq!(texts(&doc), ["Unknown wrapper text", "Loose run", "Real"]);
    assert_eq!(doc.blocks[2].location.paragraph, Some(3));
}

#[test]
fn list_style_links_share_levels() {
    let numbering = format!(
        r#"<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="5"><w:styleLink w:val="OutlineList"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="6"><w:numStyleLink w:val="OutlineList"/></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="6"/></w:num></w:numbering>"#
    );
    let styles = STYLES.replace(
        "</w:styles>",
        r#"<w:style w:type="numbering" w:styleId="OutlineList"><w:name w:val="Outline List"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>"#,
    );
    let rr = root_rels("word/document.xml");
    let doc = document(&[np(8, 0, "alpha"), np(8, 0, "beta")].concat());
    let bytes = zip(&[
        ("[Content_Types].xml", CT),
        ("_rels/.rels", &rr),
        ("word/document.xml", &doc),
        ("word/_rels/document.xml.rels", &doc_rels("")),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
    ]);
    let doc = read(&bytes, &Limits::default()).unwrap();
    let labels: Vec<_> = doc.blocks.iter().map(|b| b.list_label.as_deref()).collect();
    assert_eq!(labels, [Some("A."), Some("B.")]);
}

#[test]
fn mangled_xml_never_panics() {
    let body = [
        ps("Heading1", "Head"),
        np(1, 0, "item"),
        format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", tc(&p("cell"))),
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>X</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>ph</w:t></w:r></w:sdtContent></w:sdt><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>".to_string(),
    ]
    .concat();
    let xml = document(&body);
    let rr = root_rels("word/document.xml");
    let dr = doc_rels("");
    // A small deterministic generator (no extra crates).
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let chars: Vec<char> = xml.chars().collect();
    for round in 0..300 {
        let mut mangled = chars.clone();
        match round % 3 {
            0 => mangled.truncate(next(chars.len())),
            1 => {
                let i = next(mangled.len());
                mangled.remove(i);
            }
            _ => {
                let i = next(mangled.len());
                mangled.insert(i, ['<', '>', '/', '&', '"', 'p'][next(6)]);
            }
        }
        let mangled: String = mangled.into_iter().collect();
        let bytes = zip(&[
            ("[Content_Types].xml", CT),
            ("_rels/.rels", &rr),
            ("word/document.xml", &mangled),
            ("word/_rels/document.xml.rels", &dr),
            ("word/styles.xml", STYLES),
            ("word/numbering.xml", NUMBERING),
        ]);
        if let Err(err) = read(&bytes, &Limits::default()) {
            assert_eq!(err.kind, InputErrorKind::Unreadable);
        }
    }
}

#[test]
fn flipped_zip_bytes_never_panic() {
    let good = typical_plan();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut bytes = good.clone();
        let i = (seed % bytes.len() as u64) as usize;
        bytes[i] ^= (seed >> 32) as u8 | 1;
        let _ = read(&bytes, &Limits::default());
    }
}

#[test]
fn bom_and_invalid_utf8_tolerated() {
    let mut xml = vec![0xEF, 0xBB, 0xBF];
    xml.extend(document("<w:p><w:r><w:t>caf\u{e9} X</w:t></w:r></w:p>").replace(" X", "\u{1}").into_bytes());
    let pos = xml.iter().position(|&b| b == 1).unwrap();
    xml[pos] = 0xFF;
    let rr = root_rels("word/document.xml");
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in [("_rels/.rels", rr.as_bytes()), ("word/document.xml", &xml)] {
        w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(data).unwrap();
    }
    let doc = read(&w.finish().unwrap().into_inner(), &Limits::default()).unwrap();
    assert_eq!(texts(&doc), ["caf\u{e9}\u{fffd}"]);
}

#[test]
fn legacy_checkboxes_show_their_state() {
    let check = |inner: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"Check1\"/><w:checkBox><w:sizeAuto/>{inner}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space=\"preserve\"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    let body = format!(
        "<w:p>{}<w:r><w:t xml:space=\"preserve\"> Students </w:t></w:r>{}<w:r><w:t xml:space=\"preserve\"> Families </w:t></w:r>{}<w:r><w:t xml:space=\"preserve\"> Community</w:t></w:r></w:p>",
        check("<w:default w:val=\"0\"/><w:checked/>"),
        check("<w:default w:val=\"1\"/>"),
        check("<w:default w:val=\"1\"/><w:checked w:val=\"0\"/>"),
    );
    let doc = read_body(&body);
    assert_eq!(texts(&doc), ["☒ Students ☒ Families ☐ Community"]);
    assert_eq!(doc.revisions.field_codes, 3);
}

#[test]
fn group_with_picture_and_text_box() {
    let body = "<w:p><w:r><w:drawing><wpg:wgp xmlns:wpg=\"g\"><pic:pic><pic:blipFill><a:blip/></pic:blipFill></pic:pic><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Figure 1</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></wpg:wgp></w:drawing></w:r></w:p><w:p><w:r><w:drawing><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:drawing><pic:pic><a:blip/></pic:pic></w:drawing><w:t>Logo inside</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></w:r></w:p>";
    let doc = read_body(body);
    assert_eq!(texts(&doc), ["", "Figure 1", "Logo inside"]);
    assert_eq!(doc.blocks.iter().map(|b| b.images).collect::<Vec<_>>(), [1, 0, 1]);
}

#[test]
fn read_document_routes_docx_here() {
    let bytes = docx_with(&ps("Heading1", "1. Priority(ies)"), "", &[]);
    let doc = crate::read::read_document("plan.docx", &bytes, &Limits::default()).unwrap();
    assert_eq!(doc.format, crate::model::Format::Docx);
    assert_eq!(doc.blocks[0].heading_level, Some(1));
}

#[test]
fn a_spent_time_budget_stops_the_reader() {
    // Enough events for the clock to be looked at; a zero budget is spent at once.
    let body = "<w:p><w:r><w:t>word</w:t></w:r></w:p>".repeat(3000);
    let doc = document(&body);
    let rr = root_rels("word/document.xml");
    let bytes = zip(&[("[Content_Types].xml", CT), ("_rels/.rels", &rr), ("word/document.xml", &doc)]);
    let limits = Limits { time_budget: std::time::Duration::ZERO, ..Limits::default() };
    let err = read(&bytes, &limits).expect_err("budget spent");
    assert!(err.reason.contains("time budget"), "{}", err.reason);
    assert!(read(&bytes, &Limits::default()).is_ok());
}
