//! PowerPoint (.pptx) writer: the plan as a deck, in the shapes districts
//! send when they use the template's PowerPoint option.

use crate::xml::{XML_DECL, app_xml, core_xml, esc, zip_parts};
use crate::{Block, Plan, SectionId};

/// How the plan is laid out on slides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeckLayout {
    /// A title slide, then one "Title and Content" slide per section: the
    /// title placeholder holds "N. Title", the body placeholder the response
    /// (benchmarks as bullets). A section longer than three paragraphs runs
    /// on to a second slide titled "N. Title (cont.)". Every slide has
    /// speaker notes; slide parts are numbered in reverse of the
    /// presentation order; a hidden slide holds a stale draft.
    TitleAndContent,
    /// No placeholders: titles are bold text boxes ("Outcomes:"), responses
    /// text boxes; sections 2 and 5 sit in grouped shapes; section 1's
    /// priorities are a SmartArt list (diagram data part).
    TextBoxes,
    /// The template's table on slides: a two-column table (Component |
    /// District Response), two sections per slide, with slide titles
    /// "Submission (1 of 4)".
    Table,
}

impl DeckLayout {
    pub const ALL: [DeckLayout; 3] = [DeckLayout::TitleAndContent, DeckLayout::TextBoxes, DeckLayout::Table];

    pub fn slug(self) -> &'static str {
        match self {
            DeckLayout::TitleAndContent => "deck",
            DeckLayout::TextBoxes => "deck-text-boxes",
            DeckLayout::Table => "deck-table",
        }
    }
}

const NS: &str = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const EMU: i64 = 12700; // per point

/// One slide being written.
#[derive(Default)]
struct Slide {
    shapes: String,
    next_id: usize,
    notes: Option<String>,
    hidden: bool,
    /// SmartArt data part (XML) of this slide.
    diagram: Option<String>,
    picture: bool,
}

impl Slide {
    fn id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id + 1
    }

    fn title(&mut self, text: &str, kind: &str) {
        let id = self.id();
        self.shapes.push_str(&format!(
            "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Title {id}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"{kind}\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang=\"en-US\" dirty=\"0\"/><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp>",
            esc(text)
        ));
    }

    /// A body placeholder (`idx`) or a text box at (x, y, w, h) points.
    fn text(&mut self, paragraphs: &str, placeholder: Option<usize>, rect: (i64, i64, i64, i64)) -> String {
        let id = self.id();
        let (x, y, w, h) = rect;
        let xfrm = format!(
            "<a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm>",
            x * EMU,
            y * EMU,
            w * EMU,
            h * EMU
        );
        match placeholder {
            Some(idx) => format!(
                "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Content Placeholder {id}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph idx=\"{idx}\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr><a:normAutofit fontScale=\"85000\"/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody></p:sp>"
            ),
            None => format!(
                "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"TextBox {id}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr>{xfrm}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap=\"square\" rtlCol=\"0\"><a:spAutoFit/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody></p:sp>"
            ),
        }
    }

    fn footer(&mut self, text: &str) {
        let id = self.id();
        self.shapes.push_str(&format!(
            "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Footer {id}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"ftr\" sz=\"quarter\" idx=\"11\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang=\"en-US\"/><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp>",
            esc(text)
        ));
        let id = self.id();
        self.shapes.push_str(&format!(
            "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Slide Number {id}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldNum\" sz=\"quarter\" idx=\"12\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:fld id=\"{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}\" type=\"slidenum\"><a:rPr lang=\"en-US\"/><a:t>‹#›</a:t></a:fld></a:p></p:txBody></p:sp>"
        ));
    }
}

fn para(text: &str, bold: bool) -> String {
    let b = if bold { " b=\"1\"" } else { "" };
    format!(
        "<a:p><a:pPr marL=\"0\" indent=\"0\"><a:buNone/></a:pPr><a:r><a:rPr lang=\"en-US\"{b} dirty=\"0\"/><a:t>{}</a:t></a:r></a:p>",
        esc(text)
    )
}

fn bullet(text: &str) -> String {
    format!(
        "<a:p><a:pPr marL=\"285750\" lvl=\"1\" indent=\"-285750\"><a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/></a:pPr><a:r><a:rPr lang=\"en-US\" dirty=\"0\"/><a:t>{}</a:t></a:r></a:p>",
        esc(text)
    )
}

fn paragraphs(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Para(t) | Block::Placeholder(t) => para(t, false),
            Block::Item(t) => bullet(t),
            Block::Picture => String::new(),
        })
        .collect()
}

fn picture(slide: &mut Slide) -> String {
    let id = slide.id();
    slide.picture = true;
    format!(
        "<p:pic><p:nvPicPr><p:cNvPr id=\"{id}\" name=\"Picture {id}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed=\"rIdImg\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x=\"838200\" y=\"1825625\"/><a:ext cx=\"6000000\" cy=\"3000000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
    )
}

/// Render `plan` as a .pptx in the given layout. Deterministic.
pub fn pptx(plan: &Plan, layout: DeckLayout) -> Vec<u8> {
    let mut slides = vec![title_slide(plan)];
    match layout {
        DeckLayout::TitleAndContent => title_and_content(plan, &mut slides),
        DeckLayout::TextBoxes => text_boxes(plan, &mut slides),
        DeckLayout::Table => table_slides(plan, &mut slides),
    }
    package(plan, slides, layout == DeckLayout::TitleAndContent)
}

fn title_slide(plan: &Plan) -> Slide {
    let mut s = Slide::default();
    let long = plan.district_long_name();
    if !long.is_empty() {
        s.title(&long, "ctrTitle");
    }
    let id = s.id();
    s.shapes.push_str(&format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Subtitle {id}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"subTitle\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{}{}</p:txBody></p:sp>",
        para("Statewide System of Support (SSoS) District Prioritization Submission, SY2023-24", false),
        para("Submitted to ssos1@mass.gov, June 2023", false)
    ));
    s
}

fn title_and_content(plan: &Plan, slides: &mut Vec<Slide>) {
    for (n, (section, _)) in plan.sections.iter().enumerate() {
        let blocks = plan.body(*section);
        // Sections with more than three paragraphs run on to a second slide.
        let split = if blocks.len() > 3 { blocks.len().div_ceil(2) } else { blocks.len() };
        for (part, chunk) in [&blocks[..split], &blocks[split..]].into_iter().enumerate() {
            if part == 1 && chunk.is_empty() {
                continue;
            }
            let mut s = Slide::default();
            let title = if part == 0 { section.heading() } else { format!("{} (cont.)", section.heading()) };
            s.title(&title, "title");
            if chunk.contains(&Block::Picture) {
                let pic = picture(&mut s);
                s.shapes.push_str(&pic);
            } else {
                let body = s.text(&paragraphs(chunk), Some(1), (60, 130, 840, 380));
                s.shapes.push_str(&body);
            }
            s.footer(&crate::doc_title(plan));
            s.notes = Some(format!(
                "Speaker notes for slide {}: thank the committee. Resources: none requested yet; the budget is TBD.",
                n + 2
            ));
            slides.push(s);
        }
    }
    // A hidden slide with a stale draft, which must not be read.
    let mut hidden = Slide { hidden: true, ..Slide::default() };
    hidden.title("9. Old Draft Priorities", "title");
    let body = hidden.text(
        &para("Priority 3: an abandoned draft priority about attendance.", false),
        Some(1),
        (60, 130, 840, 380),
    );
    hidden.shapes.push_str(&body);
    slides.push(hidden);
}

fn text_boxes(plan: &Plan, slides: &mut Vec<Slide>) {
    for (section, _) in &plan.sections {
        let mut s = Slide::default();
        let blocks = plan.body(*section);
        let title = s.text(&para(&format!("{}:", section.title()), true), None, (40, 30, 860, 50));
        let body = if *section == SectionId::Priorities && plan.priorities.len() > 1 {
            // The priorities as a SmartArt list; the rest of the section in a text box.
            s.diagram = Some(diagram(&plan.priorities));
            let id = s.id();
            let frame = format!(
                "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"Diagram {id}\"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x=\"508000\" y=\"1270000\"/><a:ext cx=\"8000000\" cy=\"2000000\"/></p:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\"><dgm:relIds xmlns:dgm=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\" r:dm=\"rIdDm\" r:lo=\"rIdLo\" r:qs=\"rIdQs\" r:cs=\"rIdCs\"/></a:graphicData></a:graphic></p:graphicFrame>"
            );
            let rest: Vec<Block> = blocks.iter().filter(|b| !b.text().starts_with("Priority ")).cloned().collect();
            format!("{frame}{}", s.text(&paragraphs(&rest), None, (40, 260, 860, 250)))
        } else if blocks.contains(&Block::Picture) {
            picture(&mut s)
        } else {
            s.text(&paragraphs(&blocks), None, (40, 90, 860, 420))
        };
        if matches!(section, SectionId::Analysis | SectionId::RoleClarity) {
            let id = s.id();
            s.shapes.push_str(&format!(
                "<p:grpSp><p:nvGrpSpPr><p:cNvPr id=\"{id}\" name=\"Group {id}\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"11430000\" cy=\"6350000\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"11430000\" cy=\"6350000\"/></a:xfrm></p:grpSpPr>{title}{body}</p:grpSp>"
            ));
        } else {
            s.shapes.push_str(&title);
            s.shapes.push_str(&body);
        }
        slides.push(s);
    }
}

fn table_slides(plan: &Plan, slides: &mut Vec<Slide>) {
    let chunks: Vec<_> = plan.sections.chunks(2).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        let mut s = Slide::default();
        s.title(&format!("Submission ({} of {})", i + 1, chunks.len()), "title");
        let cell =
            |content: &str| format!("<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{content}</a:txBody><a:tcPr/></a:tc>");
        let mut rows = format!(
            "<a:tr h=\"370840\">{}{}</a:tr>",
            cell(&para("Component", true)),
            cell(&para("District Response", true))
        );
        for (section, _) in chunk.iter() {
            let left = format!(
                "<a:p><a:r><a:rPr lang=\"en-US\" b=\"1\"/><a:t>{}: </a:t></a:r><a:r><a:rPr lang=\"en-US\"/><a:t>{}</a:t></a:r></a:p>",
                esc(&section.heading()),
                esc(section.prompt())
            );
            let mut right = paragraphs(&plan.body(*section));
            if right.is_empty() {
                right = "<a:p><a:endParaRPr lang=\"en-US\"/></a:p>".to_string();
            }
            rows.push_str(&format!("<a:tr h=\"1500000\">{}{}</a:tr>", cell(&left), cell(&right)));
        }
        let id = s.id();
        s.shapes.push_str(&format!(
            "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"Table {id}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x=\"508000\" y=\"1270000\"/><a:ext cx=\"10400000\" cy=\"4800000\"/></p:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\" bandRow=\"1\"/><a:tblGrid><a:gridCol w=\"3600000\"/><a:gridCol w=\"6800000\"/></a:tblGrid>{rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
        ));
        slides.push(s);
    }
}

/// A SmartArt data part listing `items`, with the transition points Office writes.
fn diagram(items: &[String]) -> String {
    let mut pts = String::from(
        "<dgm:pt modelId=\"{0}\" type=\"doc\"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></dgm:t></dgm:pt>",
    );
    for (i, item) in items.iter().enumerate() {
        pts.push_str(&format!(
            "<dgm:pt modelId=\"{{{n}}}\"><dgm:prSet phldrT=\"[Text]\"/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang=\"en-US\"/><a:t>Priority {k}: {}</a:t></a:r></a:p></dgm:t></dgm:pt><dgm:pt modelId=\"{{{p}}}\" type=\"parTrans\" cxnId=\"{{{c}}}\"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></dgm:t></dgm:pt>",
            esc(item),
            n = 10 + i,
            k = i + 1,
            p = 100 + i,
            c = 200 + i
        ));
    }
    format!(
        "{XML_DECL}<dgm:dataModel xmlns:dgm=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><dgm:ptLst>{pts}</dgm:ptLst><dgm:cxnLst/><dgm:bg/><dgm:whole/></dgm:dataModel>"
    )
}

fn package(plan: &Plan, slides: Vec<Slide>, reverse_names: bool) -> Vec<u8> {
    let n = slides.len();
    // Part names deliberately differ from the presentation order in some decks.
    let part_no = |i: usize| if reverse_names { n - i } else { i + 1 };
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut ct = String::from(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/><Override PartName=\"/ppt/presentation.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml\"/><Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml\"/><Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml\"/><Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
    );
    let mut pres_rels = format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/slideMaster\" Target=\"slideMasters/slideMaster1.xml\"/><Relationship Id=\"rId2\" Type=\"{REL}/theme\" Target=\"theme/theme1.xml\"/>"
    );
    let mut sld_ids = String::new();
    for (i, slide) in slides.into_iter().enumerate() {
        let k = part_no(i);
        let rid = format!("rId{}", 10 + i);
        pres_rels
            .push_str(&format!("<Relationship Id=\"{rid}\" Type=\"{REL}/slide\" Target=\"slides/slide{k}.xml\"/>"));
        sld_ids.push_str(&format!("<p:sldId id=\"{}\" r:id=\"{rid}\"/>", 256 + i));
        ct.push_str(&format!("<Override PartName=\"/ppt/slides/slide{k}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slide+xml\"/>"));
        let show = if slide.hidden { " show=\"0\"" } else { "" };
        let xml = format!(
            "{XML_DECL}<p:sld {NS}{show}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>",
            slide.shapes
        );
        parts.push((format!("ppt/slides/slide{k}.xml"), xml.into_bytes()));
        let mut rels = format!(
            "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/slideLayout\" Target=\"../slideLayouts/slideLayout1.xml\"/>"
        );
        if let Some(notes) = &slide.notes {
            rels.push_str(&format!(
                "<Relationship Id=\"rId2\" Type=\"{REL}/notesSlide\" Target=\"../notesSlides/notesSlide{k}.xml\"/>"
            ));
            ct.push_str(&format!("<Override PartName=\"/ppt/notesSlides/notesSlide{k}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml\"/>"));
            let xml = format!(
                "{XML_DECL}<p:notes {NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>",
                para(notes, false)
            );
            parts.push((format!("ppt/notesSlides/notesSlide{k}.xml"), xml.into_bytes()));
            parts.push((
                format!("ppt/notesSlides/_rels/notesSlide{k}.xml.rels"),
                format!("{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/slide\" Target=\"../slides/slide{k}.xml\"/></Relationships>").into_bytes(),
            ));
        }
        if let Some(data) = &slide.diagram {
            rels.push_str(&format!(
                "<Relationship Id=\"rIdDm\" Type=\"{REL}/diagramData\" Target=\"../diagrams/data{k}.xml\"/>"
            ));
            ct.push_str(&format!("<Override PartName=\"/ppt/diagrams/data{k}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml\"/>"));
            parts.push((format!("ppt/diagrams/data{k}.xml"), data.clone().into_bytes()));
        }
        if slide.picture {
            rels.push_str(&format!(
                "<Relationship Id=\"rIdImg\" Type=\"{REL}/image\" Target=\"../media/image{k}.png\"/>"
            ));
            parts.push((format!("ppt/media/image{k}.png"), crate::png::text_screenshot()));
        }
        rels.push_str("</Relationships>");
        parts.push((format!("ppt/slides/_rels/slide{k}.xml.rels"), rels.into_bytes()));
    }
    pres_rels.push_str("</Relationships>");
    ct.push_str("</Types>");
    let presentation = format!(
        "{XML_DECL}<p:presentation {NS} saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst><p:sldIdLst>{sld_ids}</p:sldIdLst><p:sldSz cx=\"12192000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>"
    );
    let mut all = vec![
        ("[Content_Types].xml".to_string(), format!("{XML_DECL}{ct}").into_bytes()),
        (
            "_rels/.rels".to_string(),
            format!("{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"ppt/presentation.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>").into_bytes(),
        ),
        ("ppt/presentation.xml".to_string(), presentation.into_bytes()),
        ("ppt/_rels/presentation.xml.rels".to_string(), pres_rels.into_bytes()),
        ("ppt/slideMasters/slideMaster1.xml".to_string(), master().into_bytes()),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels".to_string(),
            format!("{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/slideLayout\" Target=\"../slideLayouts/slideLayout1.xml\"/><Relationship Id=\"rId2\" Type=\"{REL}/theme\" Target=\"../theme/theme1.xml\"/></Relationships>").into_bytes(),
        ),
        ("ppt/slideLayouts/slideLayout1.xml".to_string(), layout().into_bytes()),
        (
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels".to_string(),
            format!("{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/slideMaster\" Target=\"../slideMasters/slideMaster1.xml\"/></Relationships>").into_bytes(),
        ),
        ("ppt/theme/theme1.xml".to_string(), theme().into_bytes()),
        ("docProps/core.xml".to_string(), core_xml(&crate::doc_title(plan), "SSoS Planning Team").into_bytes()),
        ("docProps/app.xml".to_string(), app_xml("Microsoft Office PowerPoint").into_bytes()),
    ];
    all.extend(parts);
    zip_parts(&all)
}

const TREE_START: &str = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>";

fn placeholders() -> String {
    format!(
        "{TREE_START}<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"838200\" y=\"365125\"/><a:ext cx=\"10515600\" cy=\"1325563\"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang=\"en-US\"/><a:t>Click to edit Master title style</a:t></a:r></a:p></p:txBody></p:sp><p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Text Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"838200\" y=\"1825625\"/><a:ext cx=\"10515600\" cy=\"4351338\"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang=\"en-US\"/><a:t>Click to edit Master text styles</a:t></a:r></a:p></p:txBody></p:sp>"
    )
}

fn master() -> String {
    format!(
        "{XML_DECL}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>{}</p:spTree></p:cSld><p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/><p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle><a:lvl1pPr><a:defRPr sz=\"4000\"/></a:lvl1pPr></p:titleStyle><p:bodyStyle><a:lvl1pPr marL=\"228600\" indent=\"-228600\"><a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/><a:defRPr sz=\"2400\"/></a:lvl1pPr></p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1800\"/></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>",
        placeholders()
    )
}

fn layout() -> String {
    format!(
        "{XML_DECL}<p:sldLayout {NS} type=\"obj\" preserve=\"1\"><p:cSld name=\"Title and Content\"><p:spTree>{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>",
        placeholders()
    )
}

fn theme() -> String {
    let clr = |name: &str, rgb: &str| format!("<a:{name}><a:srgbClr val=\"{rgb}\"/></a:{name}>");
    let colors = [
        clr("dk1", "000000"),
        clr("lt1", "FFFFFF"),
        clr("dk2", "44546A"),
        clr("lt2", "E7E6E6"),
        clr("accent1", "4472C4"),
        clr("accent2", "ED7D31"),
        clr("accent3", "A5A5A5"),
        clr("accent4", "FFC000"),
        clr("accent5", "5B9BD5"),
        clr("accent6", "70AD47"),
        clr("hlink", "0563C1"),
        clr("folHlink", "954F72"),
    ]
    .concat();
    let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = "<a:ln w=\"6350\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>";
    format!(
        "{XML_DECL}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office Theme\"><a:themeElements><a:clrScheme name=\"Office\">{colors}</a:clrScheme><a:fontScheme name=\"Office\"><a:majorFont><a:latin typeface=\"Calibri Light\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont><a:minorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont></a:fontScheme><a:fmtScheme name=\"Office\"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{line}{line}{line}</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
    )
}
