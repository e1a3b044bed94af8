//! DOCX writer: one hand-written WordprocessingML package per layout.

use crate::xml::{XML_DECL, app_xml, core_xml, esc, zip_parts};
use crate::{Block, Plan, SectionId};

/// How the submission is laid out in the .docx — the shapes districts send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// `Heading 1` section titles ("1. Priority(ies)"), `Heading 2` for the
    /// "Interim Benchmarks" sub-heading, Normal responses, benchmarks as a
    /// bulleted list (numbering.xml).
    HeadingStyles,
    /// No heading styles: each title is a bold Normal paragraph
    /// ("Stakeholder Engagement:"); benchmarks typed with "• ".
    BoldLabels,
    /// Titles typed as "3. Stakeholder Engagement" (bold for odd sections,
    /// plain for even), not styled; benchmarks typed "1) ...".
    NumberedTyped,
    /// Titles are items of an auto-numbered list (`%1.`); the text has no
    /// number ("Stakeholder Engagement"); benchmarks in a `%1)` list.
    AutoNumbered,
    /// The template's two-column table: header row "Component | District
    /// Response", left cell `"N. Title: <guidance prompt>"`, right cell the
    /// response paragraphs (benchmarks as a bulleted list in the cell).
    TemplateTable,
    /// `Heading 1` title, then the guidance prompt as an italic paragraph,
    /// then a bold "District Response:" line and the response.
    PromptThenResponse,
    /// `Heading 1` titles in other words ([`SectionId::paraphrase`]).
    Paraphrased,
    /// Section 1 first, then one `Heading 1` `"Priority N: <statement>"` block
    /// (with a one-line lead-in paragraph)
    /// per priority with sections 2-8 repeated under it as `Heading 2`.
    PerPriority,
    /// Template-like: sections 1-4 as heading + block-level `w:sdt`, sections
    /// 5-8 in a table with a `w:sdt` in the response cell; the district name
    /// is an inline text content control. A blanked section (placeholder `""`
    /// or "Click or tap here to enter text.") is an SDT with `w:showingPlcHdr`
    /// holding "Click or tap here to enter text."; other placeholders are
    /// typed into the SDT.
    ContentControls,
    /// `Heading 1` titles; responses of sections 2, 4, 6, 8 inside text boxes
    /// (`mc:AlternateContent`: `wps:txbx` Choice and a VML `v:textbox`
    /// Fallback, both holding the same `w:txbxContent`).
    TextBoxes,
    /// `Heading 1` layout with revisions: an inserted paragraph (`w:ins`) in
    /// Analysis, a deleted "Priority 3" paragraph (`w:del`/`w:delText`) in
    /// section 1, a deleted and an inserted sentence in Outcomes, and one
    /// comment (comments.xml) on Stakeholder Engagement.
    TrackedChanges,
    /// `Heading 1` layout as Google Docs exports it: style ids "Heading1"
    /// named "heading 1", full `w:rPr` on every run, text split across runs,
    /// `w:bookmarkStart` "_heading=h.*" around headings, no app.xml.
    GoogleDocsStyle,
    /// `Heading 1` layout as LibreOffice writes it: "Heading 1" based on
    /// "Heading", responses in "Text Body", `w:val="true"` toggles, `<w:b/>`
    /// run props, a shape in `mc:AlternateContent`, app.xml "LibreOffice/...".
    LibreOfficeStyle,
    /// `Heading 1` layout in Strict OOXML: purl.oclc.org namespaces and
    /// relationship types, main part `word/main.xml`.
    StrictOoxml,
    /// A "plan on a page": one table whose header row names the sections
    /// (one column each) and one row per priority; the priority statement in
    /// the first column, each section's answer in its column (benchmarks as
    /// typed bullet lines inside the Monitoring cell). A blanked section has
    /// its placeholder in every row.
    PlanOnAPage,
    /// `Heading 1` section titles, each section split under `Heading 2`
    /// "Priority 1" / "Priority 2" sub-headings (the response halves).
    PrioritySplit,
    /// `Heading 1` titles where two sections share one heading: "4.
    /// Outcomes and Progress Monitoring" and "7. Resources & Differentiated
    /// Support" (when both are present and answered; otherwise apart).
    MergedHeadings,
}

impl Layout {
    /// Every layout.
    pub const ALL: [Layout; 17] = [
        Layout::HeadingStyles,
        Layout::BoldLabels,
        Layout::NumberedTyped,
        Layout::AutoNumbered,
        Layout::TemplateTable,
        Layout::PromptThenResponse,
        Layout::Paraphrased,
        Layout::PerPriority,
        Layout::ContentControls,
        Layout::TextBoxes,
        Layout::TrackedChanges,
        Layout::GoogleDocsStyle,
        Layout::LibreOfficeStyle,
        Layout::StrictOoxml,
        Layout::PlanOnAPage,
        Layout::PrioritySplit,
        Layout::MergedHeadings,
    ];

    /// Kebab-case name for file names (`"heading-styles"`).
    pub fn slug(self) -> &'static str {
        match self {
            Layout::HeadingStyles => "heading-styles",
            Layout::BoldLabels => "bold-labels",
            Layout::NumberedTyped => "numbered-typed",
            Layout::AutoNumbered => "auto-numbered",
            Layout::TemplateTable => "template-table",
            Layout::PromptThenResponse => "prompt-then-response",
            Layout::Paraphrased => "paraphrased",
            Layout::PerPriority => "per-priority",
            Layout::ContentControls => "content-controls",
            Layout::TextBoxes => "text-boxes",
            Layout::TrackedChanges => "tracked-changes",
            Layout::GoogleDocsStyle => "google-docs",
            Layout::LibreOfficeStyle => "libreoffice",
            Layout::StrictOoxml => "strict-ooxml",
            Layout::PlanOnAPage => "plan-on-a-page",
            Layout::PrioritySplit => "priority-split",
            Layout::MergedHeadings => "merged-headings",
        }
    }

    /// Name of the main document part inside the package.
    pub fn main_part(self) -> &'static str {
        if self == Layout::StrictOoxml { "word/main.xml" } else { "word/document.xml" }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Producer {
    Word,
    Google,
    Libre,
    Strict,
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_NS_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const R_NS_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const AUTHOR: &str = "Maria Santos";
const REV_DATE: &str = "2023-06-26T14:31:00Z";
const PLACEHOLDER: &str = "Click or tap here to enter text.";

/// List rendering for benchmark items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    /// numbering.xml bullets (numId 2)
    Bullets,
    /// numbering.xml decimal "%1)" (numId 3)
    Numbered,
    /// typed "• "
    TypedBullet,
    /// typed "1) "
    TypedNumber,
}

#[derive(Debug, Clone, Copy, Default)]
struct P<'a> {
    style: Option<&'a str>,
    bold: bool,
    italic: bool,
    num: Option<u32>,
    center: bool,
}

struct W {
    prod: Producer,
    ids: u32,
    comments: Vec<(u32, String)>,
    track: bool,
    picture: bool,
}

impl W {
    fn new(prod: Producer) -> W {
        W { prod, ids: 10, comments: Vec::new(), track: false, picture: false }
    }

    fn id(&mut self) -> u32 {
        self.ids += 1;
        self.ids
    }

    fn rpr(&self, bold: bool, italic: bool) -> String {
        let mut s = String::new();
        match self.prod {
            Producer::Google => {
                s.push_str("<w:rFonts w:ascii=\"Arial\" w:cs=\"Arial\" w:eastAsia=\"Arial\" w:hAnsi=\"Arial\"/>");
                if bold {
                    s.push_str("<w:b w:val=\"1\"/>");
                }
                if italic {
                    s.push_str("<w:i w:val=\"1\"/>");
                }
                s.push_str("<w:color w:val=\"000000\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:u w:val=\"none\"/><w:vertAlign w:val=\"baseline\"/><w:rtl w:val=\"0\"/>");
            }
            Producer::Libre => {
                if bold {
                    s.push_str("<w:b/><w:bCs/>");
                }
                if italic {
                    s.push_str("<w:i w:val=\"true\"/><w:iCs w:val=\"true\"/>");
                }
            }
            Producer::Word | Producer::Strict => {
                if bold {
                    s.push_str("<w:b/><w:bCs/>");
                }
                if italic {
                    s.push_str("<w:i/><w:iCs/>");
                }
            }
        }
        if s.is_empty() && self.prod != Producer::Libre {
            s
        } else {
            // LibreOffice writes an (often empty) rPr on every run.
            format!("<w:rPr>{s}</w:rPr>")
        }
    }

    fn run(&self, text: &str, bold: bool, italic: bool) -> String {
        format!("<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>", self.rpr(bold, italic), esc(text))
    }

    /// Runs for a text; Google Docs output splits long text into two runs.
    fn runs(&self, text: &str, bold: bool, italic: bool) -> String {
        if text.is_empty() {
            return String::new();
        }
        if self.prod == Producer::Google && text.len() > 60 {
            let mid = text.len() / 2;
            if let Some(cut) = text[mid..].find(' ').map(|i| mid + i) {
                return format!("{}{}", self.run(&text[..cut], bold, italic), self.run(&text[cut..], bold, italic));
            }
        }
        self.run(text, bold, italic)
    }

    fn ppr(&self, o: &P) -> String {
        let mut s = String::new();
        if let Some(st) = o.style {
            s.push_str(&format!("<w:pStyle w:val=\"{st}\"/>"));
            if self.prod == Producer::Libre && st.starts_with("Heading") {
                s.push_str("<w:keepNext w:val=\"true\"/><w:widowControl w:val=\"true\"/>");
            }
        }
        if let Some(n) = o.num {
            s.push_str(&format!("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{n}\"/></w:numPr>"));
        }
        if self.prod == Producer::Google {
            s.push_str("<w:spacing w:after=\"0\" w:before=\"0\" w:line=\"276\" w:lineRule=\"auto\"/>");
        }
        if o.center {
            s.push_str("<w:jc w:val=\"center\"/>");
        }
        if matches!(self.prod, Producer::Google | Producer::Libre) {
            s.push_str(&self.rpr(o.bold, o.italic));
        }
        if s.is_empty() { s } else { format!("<w:pPr>{s}</w:pPr>") }
    }

    fn p(&mut self, o: P, text: &str) -> String {
        let ppr = self.ppr(&o);
        let runs = self.runs(text, o.bold, o.italic);
        let heading = o.style.is_some_and(|s| s.starts_with("Heading") || s == "Title");
        if self.prod == Producer::Google && heading {
            let id = self.id();
            format!(
                "<w:p>{ppr}<w:bookmarkStart w:colFirst=\"0\" w:colLast=\"0\" w:name=\"_heading=h.{}\" w:id=\"{id}\"/>{runs}<w:bookmarkEnd w:id=\"{id}\"/></w:p>",
                google_bookmark(id)
            )
        } else {
            format!("<w:p>{ppr}{runs}</w:p>")
        }
    }

    fn body_style(&self) -> Option<&'static str> {
        if self.prod == Producer::Libre { Some("TextBody") } else { None }
    }

    fn para(&mut self, text: &str) -> String {
        let style = self.body_style();
        self.p(P { style, ..P::default() }, text)
    }

    fn heading(&mut self, level: u8, text: &str) -> String {
        let style = if level == 1 { "Heading1" } else { "Heading2" };
        self.p(P { style: Some(style), ..P::default() }, text)
    }

    fn title_block(&mut self, plan: &Plan, styled: bool) -> String {
        let long = plan.district_long_name();
        let sub = "Statewide System of Support (SSoS) District Prioritization Submission, SY2023-24";
        if styled {
            let t = self.p(P { style: Some("Title"), ..P::default() }, &long);
            let s = self.p(P { style: Some("Subtitle"), ..P::default() }, sub);
            let d = self.para("Submitted to ssos1@mass.gov, June 2023");
            if long.is_empty() { format!("{s}{d}") } else { format!("{t}{s}{d}") }
        } else {
            let t = self.p(P { bold: true, center: true, ..P::default() }, &long);
            let s = self.p(P { bold: true, center: true, ..P::default() }, sub);
            if long.is_empty() { s } else { format!("{t}{s}") }
        }
    }

    /// Response blocks of a section.
    fn blocks(&mut self, blocks: &[Block], list: ListKind, bench_heading: bool) -> String {
        let mut out = String::new();
        let mut n = 0;
        for b in blocks {
            match b {
                Block::Para(t) | Block::Placeholder(t) => out.push_str(&self.para(t)),
                Block::Picture => out.push_str(&self.picture()),
                Block::Item(t) => {
                    if n == 0 && bench_heading {
                        out.push_str(&self.heading(2, "Interim Benchmarks"));
                    }
                    n += 1;
                    let x = match list {
                        ListKind::Bullets | ListKind::Numbered => {
                            let num = if list == ListKind::Bullets { 2 } else { 3 };
                            self.p(P { style: Some("ListParagraph"), num: Some(num), ..P::default() }, t)
                        }
                        ListKind::TypedBullet => self.para(&format!("\u{2022} {t}")),
                        ListKind::TypedNumber => self.para(&format!("{n}) {t}")),
                    };
                    out.push_str(&x);
                }
            }
        }
        out
    }

    fn table(&self, rows: &[(String, String)], header: Option<(&str, &str)>) -> String {
        let mut s = String::from(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3240\"/><w:gridCol w:w=\"6120\"/></w:tblGrid>",
        );
        let cell = |w: u32, content: &str| {
            format!("<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>{content}</w:tc>")
        };
        if let Some((a, b)) = header {
            let pa = format!("<w:p>{}</w:p>", self.run(a, true, false));
            let pb = format!("<w:p>{}</w:p>", self.run(b, true, false));
            s.push_str(&format!("<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}</w:tr>", cell(3240, &pa), cell(6120, &pb)));
        }
        for (l, r) in rows {
            s.push_str(&format!("<w:tr>{}{}</w:tr>", cell(3240, l), cell(6120, r)));
        }
        s.push_str("</w:tbl>");
        s
    }

    /// Left template cell: bold "N. Title:" then the prompt.
    fn prompt_cell(&self, s: SectionId) -> String {
        format!(
            "<w:p>{}{}</w:p>",
            self.run(&format!("{}: ", s.heading()), true, false),
            self.run(s.prompt(), false, false)
        )
    }

    fn sdt(&mut self, s: SectionId, inner: &str, placeholder: bool) -> String {
        let id = self.id();
        format!(
            "<w:sdt><w:sdtPr><w:alias w:val=\"{} response\"/><w:tag w:val=\"{}\"/><w:id w:val=\"{}\"/><w:placeholder><w:docPart w:val=\"DefaultPlaceholder_-1854013440\"/></w:placeholder>{}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>",
            esc(s.title()),
            s.id(),
            100_000 + id,
            if placeholder { "<w:showingPlcHdr/>" } else { "" }
        )
    }

    /// Response of a section wrapped in a content control.
    fn sdt_response(&mut self, plan: &Plan, s: SectionId) -> String {
        let blocks = plan.body(s);
        if let [Block::Placeholder(t)] = blocks.as_slice()
            && (t.trim().is_empty() || t.trim() == PLACEHOLDER)
        {
            let inner = format!(
                "<w:p><w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr><w:t>{PLACEHOLDER}</w:t></w:r></w:p>"
            );
            return self.sdt(s, &inner, true);
        }
        let inner = self.blocks(&blocks, ListKind::Bullets, false);
        self.sdt(s, &inner, false)
    }

    /// Inline picture (rId "rIdImg1" -> media/image1.png), no alt text.
    fn picture(&mut self) -> String {
        self.picture = true;
        let id = self.id();
        let (wp, a, pic) = if self.prod == Producer::Strict {
            (
                "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
                "http://purl.oclc.org/ooxml/drawingml/main",
                "http://purl.oclc.org/ooxml/drawingml/picture",
            )
        } else {
            (
                "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
                "http://schemas.openxmlformats.org/drawingml/2006/main",
                "http://schemas.openxmlformats.org/drawingml/2006/picture",
            )
        };
        let (pw, ph) = crate::png::SIZE;
        let (cx, cy) = (u64::from(pw) * 9525, u64::from(ph) * 9525);
        format!(
            "<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"{wp}\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{id}\" name=\"Picture {id}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"{a}\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic xmlns:a=\"{a}\"><a:graphicData uri=\"{pic}\"><pic:pic xmlns:pic=\"{pic}\"><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"image1.png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImg1\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        )
    }

    fn textbox(&mut self, inner: &str, first: bool) -> String {
        let id = self.id();
        let shapetype = if first {
            "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>"
        } else {
            ""
        };
        format!(
            "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"45720\" distB=\"45720\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" relativeHeight=\"{rh}\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx=\"5943600\" cy=\"2743200\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapTopAndBottom/><wp:docPr id=\"{id}\" name=\"Text Box {id}\"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"5943600\" cy=\"2743200\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill><a:miter lim=\"800000\"/></a:ln></wps:spPr><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr rot=\"0\" vert=\"horz\" wrap=\"square\" lIns=\"91440\" tIns=\"45720\" rIns=\"91440\" bIns=\"45720\" anchor=\"t\" anchorCtr=\"0\"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>{shapetype}<v:shape id=\"Text Box {id}\" o:spid=\"_x0000_s{spid}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:0;margin-top:0;width:468pt;height:216pt;z-index:{rh};visibility:visible;mso-wrap-style:square\"><v:textbox style=\"mso-fit-shape-to-text:t\"><w:txbxContent>{inner}</w:txbxContent></v:textbox><w10:wrap type=\"topAndBottom\"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
            rh = 251_659_264 + id,
            spid = 1025 + id,
        )
    }
}

fn google_bookmark(id: u32) -> String {
    const ALPH: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut x = id.wrapping_mul(2_654_435_761) as u64 + 1_000_000;
    let mut s = String::new();
    while x > 0 {
        s.push(ALPH[(x % 36) as usize] as char);
        x /= 36;
    }
    s
}

/// Render `plan` as a .docx in the given layout. Deterministic.
pub fn docx(plan: &Plan, layout: Layout) -> Vec<u8> {
    let prod = match layout {
        Layout::GoogleDocsStyle => Producer::Google,
        Layout::LibreOfficeStyle => Producer::Libre,
        Layout::StrictOoxml => Producer::Strict,
        _ => Producer::Word,
    };
    let mut w = W::new(prod);
    let body = match layout {
        Layout::HeadingStyles | Layout::GoogleDocsStyle | Layout::LibreOfficeStyle | Layout::StrictOoxml => {
            heading_styles(&mut w, plan, layout)
        }
        Layout::BoldLabels => typed_titles(&mut w, plan, true),
        Layout::NumberedTyped => typed_titles(&mut w, plan, false),
        Layout::AutoNumbered => auto_numbered(&mut w, plan),
        Layout::TemplateTable => template_table(&mut w, plan),
        Layout::PromptThenResponse => prompt_then_response(&mut w, plan),
        Layout::Paraphrased => paraphrased(&mut w, plan),
        Layout::PerPriority => per_priority(&mut w, plan),
        Layout::ContentControls => content_controls(&mut w, plan),
        Layout::TextBoxes => text_boxes(&mut w, plan),
        Layout::TrackedChanges => tracked(&mut w, plan),
        Layout::PlanOnAPage => plan_on_a_page(&mut w, plan),
        Layout::PrioritySplit => priority_split(&mut w, plan),
        Layout::MergedHeadings => merged_headings(&mut w, plan),
    };
    package(plan, &w, layout, &body)
}

fn heading_styles(w: &mut W, plan: &Plan, layout: Layout) -> String {
    let mut out = w.title_block(plan, true);
    if layout == Layout::LibreOfficeStyle {
        out.push_str(&libre_shape(w));
    }
    for (s, _) in &plan.sections {
        out.push_str(&w.heading(1, &s.heading()));
        let b = plan.body(*s);
        out.push_str(&w.blocks(&b, ListKind::Bullets, true));
    }
    out
}

fn libre_shape(w: &mut W) -> String {
    let id = w.id();
    let inner = w.para("Draft for SSoS review");
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"TextBody\"/></w:pPr><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor behindDoc=\"0\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" locked=\"0\" layoutInCell=\"0\" allowOverlap=\"1\" relativeHeight=\"2\"><wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>4572000</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx=\"1371600\" cy=\"365760\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapSquare wrapText=\"largest\"/><wp:docPr id=\"{id}\" name=\"Shape{id}\"></wp:docPr><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"1371600\" cy=\"365760\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val=\"DEE6EF\"/></a:solidFill><a:ln w=\"0\"><a:solidFill><a:srgbClr val=\"3465A4\"/></a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect id=\"shape_{id}\" style=\"position:absolute;margin-left:360pt;margin-top:0pt;width:108pt;height:28.8pt\" fillcolor=\"#dee6ef\" strokecolor=\"#3465a4\"><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
}

fn typed_titles(w: &mut W, plan: &Plan, labels: bool) -> String {
    let mut out = w.title_block(plan, false);
    for (s, _) in &plan.sections {
        let (text, bold) = if labels { (format!("{}:", s.title()), true) } else { (s.heading(), s.number() % 2 == 1) };
        out.push_str(&w.p(P { bold, ..P::default() }, &text));
        let list = if labels { ListKind::TypedBullet } else { ListKind::TypedNumber };
        let b = plan.body(*s);
        out.push_str(&w.blocks(&b, list, false));
    }
    out
}

fn auto_numbered(w: &mut W, plan: &Plan) -> String {
    let mut out = w.title_block(plan, true);
    for (s, _) in &plan.sections {
        out.push_str(&w.p(P { style: Some("ListParagraph"), bold: true, num: Some(1), ..P::default() }, s.title()));
        let b = plan.body(*s);
        out.push_str(&w.blocks(&b, ListKind::Numbered, false));
    }
    out
}

fn template_table(w: &mut W, plan: &Plan) -> String {
    let mut out = w.title_block(plan, true);
    out.push_str(
        &w.para(
            "Information to be Addressed in Submission. Please respond to each component in the right-hand column.",
        ),
    );
    let mut rows = Vec::new();
    for (s, _) in &plan.sections {
        let left = w.prompt_cell(*s);
        let b = plan.body(*s);
        let mut right = w.blocks(&b, ListKind::Bullets, false);
        if right.is_empty() {
            right = "<w:p/>".to_string();
        }
        rows.push((left, right));
    }
    out.push_str(&w.table(&rows, Some(("Component", "District Response"))));
    out.push_str("<w:p/>");
    out
}

fn prompt_then_response(w: &mut W, plan: &Plan) -> String {
    let mut out = w.title_block(plan, true);
    for (s, _) in &plan.sections {
        out.push_str(&w.heading(1, &s.heading()));
        out.push_str(&w.p(P { italic: true, ..P::default() }, s.prompt()));
        out.push_str(&w.p(P { bold: true, ..P::default() }, "District Response:"));
        let b = plan.body(*s);
        out.push_str(&w.blocks(&b, ListKind::Bullets, false));
    }
    out
}

fn paraphrased(w: &mut W, plan: &Plan) -> String {
    let mut out = w.title_block(plan, true);
    for (s, _) in &plan.sections {
        out.push_str(&w.heading(1, s.paraphrase()));
        let b = plan.body(*s);
        out.push_str(&w.blocks(&b, ListKind::Bullets, false));
    }
    out
}

fn per_priority(w: &mut W, plan: &Plan) -> String {
    let mut out = w.title_block(plan, true);
    if plan.has(SectionId::Priorities) {
        out.push_str(&w.heading(1, &SectionId::Priorities.heading()));
        let b = plan.body(SectionId::Priorities);
        out.push_str(&w.blocks(&b, ListKind::Bullets, false));
    }
    // With no priority statements the sections still appear, once.
    let blocks: Vec<Option<(usize, &String)>> =
        if plan.priorities.is_empty() { vec![None] } else { plan.priorities.iter().enumerate().map(Some).collect() };
    for block in blocks {
        if let Some((i, pr)) = block {
            out.push_str(&w.heading(1, &format!("Priority {}: {}", i + 1, pr)));
            out.push_str(&w.para(&format!("The components below describe how we will carry out Priority {}.", i + 1)));
        }
        for (s, _) in plan.sections.iter().filter(|(s, _)| *s != SectionId::Priorities) {
            out.push_str(&w.heading(2, &s.heading()));
            let b = plan.body(*s);
            out.push_str(&w.blocks(&b, ListKind::Bullets, false));
        }
    }
    out
}

fn plan_on_a_page(w: &mut W, plan: &Plan) -> String {
    let mut out = w.title_block(plan, true);
    let sections: Vec<SectionId> = plan.sections.iter().map(|(s, _)| *s).collect();
    let rows = plan.priorities.len().max(1);
    let cell = |content: &str| format!("<w:tc><w:tcPr><w:tcW w:w=\"1200\" w:type=\"dxa\"/></w:tcPr>{content}</w:tc>");
    let mut table = String::from(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>",
    );
    for _ in 0..sections.len() {
        table.push_str("<w:gridCol w:w=\"1200\"/>");
    }
    table.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for s in &sections {
        table.push_str(&cell(&format!("<w:p>{}</w:p>", w.run(&s.heading(), true, false))));
    }
    table.push_str("</w:tr>");
    for row in 0..rows {
        table.push_str("<w:tr>");
        for s in &sections {
            let mut blocks = plan.body(*s);
            if *s == SectionId::Priorities && !plan.is_blank(*s) {
                // Each row states its own priority, then the section's other paragraphs.
                blocks.retain(|b| !matches!(b, Block::Para(t) if t.starts_with("Priority ")));
                if let Some(p) = plan.priorities.get(row) {
                    blocks.insert(0, Block::Para(format!("Priority {}: {p}", row + 1)));
                }
            }
            let content = w.blocks(&blocks, ListKind::TypedBullet, false);
            table.push_str(&cell(if content.is_empty() { "<w:p/>" } else { &content }));
        }
        table.push_str("</w:tr>");
    }
    table.push_str("</w:tbl><w:p/>");
    out.push_str(&table);
    out
}

/// Each section answered once per priority, under "Priority N" sub-headings.
fn priority_split(w: &mut W, plan: &Plan) -> String {
    let mut out = w.title_block(plan, true);
    for (s, _) in &plan.sections {
        out.push_str(&w.heading(1, &s.heading()));
        let blocks = plan.body(*s);
        for n in 1..=2 {
            out.push_str(&w.heading(2, &format!("Priority {n}")));
            out.push_str(&w.blocks(&blocks, ListKind::Bullets, false));
        }
    }
    out
}

fn merged_headings(w: &mut W, plan: &Plan) -> String {
    const PAIRS: [(SectionId, SectionId, &str); 2] = [
        (SectionId::Outcomes, SectionId::Monitoring, "Outcomes and Progress Monitoring"),
        (SectionId::Resources, SectionId::Differentiation, "Resources & Differentiated Support"),
    ];
    let answered = |s: SectionId| plan.has(s) && !plan.is_blank(s) && !plan.pictures.contains(&s);
    let mut out = w.title_block(plan, true);
    let mut done: Vec<SectionId> = Vec::new();
    for (s, _) in &plan.sections {
        if done.contains(s) {
            continue;
        }
        let pair = PAIRS.iter().find(|(a, b, _)| (a == s || b == s) && answered(*a) && answered(*b));
        match pair {
            Some((a, b, title)) => {
                out.push_str(&w.heading(1, &format!("{}. {title}", a.number())));
                for x in [a, b] {
                    let body = plan.body(*x);
                    out.push_str(&w.blocks(&body, ListKind::Bullets, false));
                    done.push(*x);
                }
            }
            None => {
                out.push_str(&w.heading(1, &s.heading()));
                let body = plan.body(*s);
                out.push_str(&w.blocks(&body, ListKind::Bullets, false));
            }
        }
    }
    out
}

fn content_controls(w: &mut W, plan: &Plan) -> String {
    let long = plan.district_long_name();
    let mut out = w.p(P { style: Some("Title"), ..P::default() }, "District Prioritization Submission, SY2023-24");
    let id = w.id();
    let (plc, content) = if long.is_empty() {
        (
            "<w:showingPlcHdr/>",
            format!("<w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr><w:t>{PLACEHOLDER}</w:t></w:r>"),
        )
    } else {
        ("", w.run(&long, false, false))
    };
    out.push_str(&format!(
        "<w:p>{}<w:sdt><w:sdtPr><w:alias w:val=\"District\"/><w:tag w:val=\"district\"/><w:id w:val=\"{}\"/>{plc}<w:text/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt></w:p>",
        w.run("District: ", true, false),
        100_000 + id,
    ));
    let mut rows = Vec::new();
    for (s, _) in &plan.sections {
        if s.number() <= 4 {
            out.push_str(&w.heading(1, &s.heading()));
            out.push_str(&w.p(P { italic: true, ..P::default() }, s.prompt()));
            out.push_str(&w.sdt_response(plan, *s));
        } else {
            let left = w.prompt_cell(*s);
            let right = w.sdt_response(plan, *s);
            rows.push((left, right));
        }
    }
    if !rows.is_empty() {
        out.push_str(&w.heading(1, "Implementation"));
        out.push_str(&w.table(&rows, Some(("Component", "District Response"))));
        out.push_str("<w:p/>");
    }
    out
}

fn text_boxes(w: &mut W, plan: &Plan) -> String {
    let mut out = w.title_block(plan, true);
    let mut first = true;
    for (s, _) in &plan.sections {
        out.push_str(&w.heading(1, &s.heading()));
        let b = plan.body(*s);
        let inner = w.blocks(&b, ListKind::Bullets, false);
        if s.number() % 2 == 0 && !inner.is_empty() && !b.contains(&Block::Picture) {
            out.push_str(&w.textbox(&inner, first));
            first = false;
        } else {
            out.push_str(&inner);
        }
    }
    out
}

fn tracked(w: &mut W, plan: &Plan) -> String {
    w.track = true;
    let mut out = w.title_block(plan, true);
    let rev = |w: &mut W| {
        let id = w.id();
        format!("w:id=\"{id}\" w:author=\"{AUTHOR}\" w:date=\"{REV_DATE}\"")
    };
    for (s, _) in &plan.sections {
        out.push_str(&w.heading(1, &s.heading()));
        let blocks = plan.body(*s);
        for (i, b) in blocks.iter().enumerate() {
            let t = b.text();
            match (s, i) {
                (SectionId::StakeholderEngagement, 0) if matches!(b, Block::Para(_)) => {
                    let cid = w.comments.len() as u32;
                    w.comments.push((
                        cid,
                        "Can we add the number of SEPAC and ELPAC meetings here? Also confirm the student focus group count with the principals."
                            .to_string(),
                    ));
                    out.push_str(&format!(
                        "<w:p><w:commentRangeStart w:id=\"{cid}\"/>{}<w:commentRangeEnd w:id=\"{cid}\"/><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"{cid}\"/></w:r></w:p>",
                        w.runs(t, false, false)
                    ));
                }
                (SectionId::Outcomes, 0) if matches!(b, Block::Para(_)) => {
                    let d = rev(w);
                    let a = rev(w);
                    out.push_str(&format!(
                        "<w:p>{}<w:del {d}><w:r><w:delText xml:space=\"preserve\"> We also expect to close every achievement gap within one year.</w:delText></w:r></w:del><w:ins {a}><w:r><w:t xml:space=\"preserve\"> Targets will be confirmed when DESE releases the accountability targets.</w:t></w:r></w:ins></w:p>",
                        w.runs(t, false, false)
                    ));
                }
                _ => {
                    let inserted = *s == SectionId::Analysis && i + 1 == blocks.len() && matches!(b, Block::Para(_));
                    if inserted {
                        let m = rev(w);
                        let r = rev(w);
                        out.push_str(&format!(
                            "<w:p><w:pPr><w:rPr><w:ins {m}/></w:rPr></w:pPr><w:ins {r}>{}</w:ins></w:p>",
                            w.runs(t, false, false)
                        ));
                    } else {
                        out.push_str(&w.blocks(std::slice::from_ref(b), ListKind::Bullets, false));
                    }
                }
            }
            if *s == SectionId::Priorities && matches!(b, Block::Para(_)) && i + 1 == plan.priorities.len() {
                let m = rev(w);
                let r = rev(w);
                let n = plan.priorities.len() + 1;
                out.push_str(&format!(
                    "<w:p><w:pPr><w:rPr><w:del {m}/></w:rPr></w:pPr><w:del {r}><w:r><w:delText xml:space=\"preserve\">Priority {n}: Expand after-school tutoring to every middle school.</w:delText></w:r></w:del></w:p>"
                ));
            }
        }
    }
    out
}

fn styles_xml(prod: Producer, ns: &str) -> String {
    let (font, defaults) = match prod {
        Producer::Google => ("Arial", "<w:spacing w:after=\"0\" w:line=\"276\" w:lineRule=\"auto\"/>"),
        Producer::Libre => ("Liberation Serif", "<w:widowControl/><w:suppressAutoHyphens w:val=\"true\"/>"),
        _ => ("Calibri", "<w:spacing w:after=\"160\" w:line=\"259\" w:lineRule=\"auto\"/>"),
    };
    let mut s = format!(
        "{XML_DECL}<w:styles xmlns:w=\"{ns}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{font}\" w:eastAsia=\"{font}\" w:hAnsi=\"{font}\" w:cs=\"{font}\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-US\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{defaults}</w:pPr></w:pPrDefault></w:docDefaults>"
    );
    s.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    s.push_str("<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>");
    s.push_str("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    let heading = |id: &str, name: &str, based: &str, lvl: u8, sz: u32, toggle: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"{based}\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext{toggle}/><w:keepLines{toggle}/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"{lvl}\"/></w:pPr><w:rPr><w:b{toggle}/><w:bCs{toggle}/><w:color w:val=\"2F5496\"/><w:sz w:val=\"{sz}\"/><w:szCs w:val=\"{sz}\"/></w:rPr></w:style>"
        )
    };
    match prod {
        Producer::Libre => {
            s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Heading\"><w:name w:val=\"Heading\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"TextBody\"/><w:qFormat/><w:pPr><w:keepNext w:val=\"true\"/><w:spacing w:before=\"240\" w:after=\"120\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Liberation Sans\" w:hAnsi=\"Liberation Sans\" w:eastAsia=\"Noto Sans CJK SC\" w:cs=\"Lohit Devanagari\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>");
            s.push_str(&heading("Heading1", "Heading 1", "Heading", 0, 36, " w:val=\"true\""));
            s.push_str(&heading("Heading2", "Heading 2", "Heading", 1, 32, " w:val=\"true\""));
            s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"TextBody\"><w:name w:val=\"Body Text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"0\" w:after=\"140\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:style>");
            s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Heading\"/><w:next w:val=\"TextBody\"/><w:qFormat/><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"56\"/><w:szCs w:val=\"56\"/></w:rPr></w:style>");
            s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Heading\"/><w:next w:val=\"TextBody\"/><w:qFormat/><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:style>");
        }
        Producer::Google => {
            s.push_str(&heading("Heading1", "heading 1", "Normal", 0, 40, " w:val=\"1\""));
            s.push_str(&heading("Heading2", "heading 2", "Normal", 1, 32, " w:val=\"1\""));
            s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext w:val=\"1\"/><w:keepLines w:val=\"1\"/><w:spacing w:after=\"60\" w:before=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/></w:rPr></w:style>");
            s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"320\" w:before=\"0\"/></w:pPr><w:rPr><w:color w:val=\"666666\"/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/></w:rPr></w:style>");
        }
        _ => {
            s.push_str(&heading("Heading1", "heading 1", "Normal", 0, 32, ""));
            s.push_str(&heading("Heading2", "heading 2", "Normal", 1, 26, ""));
            s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:contextualSpacing/></w:pPr><w:rPr><w:spacing w:val=\"-10\"/><w:kern w:val=\"28\"/><w:sz w:val=\"56\"/><w:szCs w:val=\"56\"/></w:rPr></w:style>");
            s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"11\"/><w:qFormat/><w:rPr><w:color w:val=\"5A5A5A\"/><w:spacing w:val=\"15\"/></w:rPr></w:style>");
            s.push_str("<w:style w:type=\"character\" w:styleId=\"PlaceholderText\"><w:name w:val=\"Placeholder Text\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:rPr><w:color w:val=\"808080\"/></w:rPr></w:style>");
            s.push_str("<w:style w:type=\"character\" w:styleId=\"CommentReference\"><w:name w:val=\"annotation reference\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>");
            s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"CommentText\"><w:name w:val=\"annotation text\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>");
        }
    }
    s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"34\"/><w:qFormat/><w:pPr><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>");
    s.push_str("<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders></w:tblPr></w:style>");
    s.push_str("</w:styles>");
    s
}

fn numbering_xml(ns: &str) -> String {
    let lvl = |fmt: &str, text: &str| {
        format!(
            "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
        )
    };
    format!(
        "{XML_DECL}<w:numbering xmlns:w=\"{ns}\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>{}</w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>{}</w:abstractNum><w:abstractNum w:abstractNumId=\"2\"><w:multiLevelType w:val=\"hybridMultilevel\"/>{}</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num><w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num></w:numbering>",
        lvl("decimal", "%1."),
        lvl("bullet", "\u{2022}"),
        lvl("decimal", "%1)")
    )
}

/// Strict OOXML spells left/right as start/end.
fn strictify(strict: bool, xml: String) -> String {
    if !strict {
        return xml;
    }
    xml.replace(" w:left=\"", " w:start=\"")
        .replace(" w:right=\"", " w:end=\"")
        .replace("<w:left ", "<w:start ")
        .replace("<w:right ", "<w:end ")
        .replace("<w:lvlJc w:val=\"left\"/>", "<w:lvlJc w:val=\"start\"/>")
}

fn package(plan: &Plan, w: &W, layout: Layout, body: &str) -> Vec<u8> {
    let strict = w.prod == Producer::Strict;
    let (wns, rns) = if strict { (W_NS_STRICT, R_NS_STRICT) } else { (W_NS, R_NS) };
    let rel_base = if strict {
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    } else {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    };
    let main = layout.main_part();
    let main_name = main.trim_start_matches("word/");
    let title = crate::doc_title(plan);
    let root_ns = if strict {
        format!("xmlns:w=\"{wns}\" xmlns:r=\"{rns}\" w:conformance=\"strict\"")
    } else {
        format!(
            "xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:r=\"{rns}\" xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:wp14=\"http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:w10=\"urn:schemas-microsoft-com:office:word\" xmlns:w=\"{wns}\" xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" xmlns:wpg=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" mc:Ignorable=\"w14 wp14\""
        )
    };
    let sect = "<w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/><w:cols w:space=\"720\"/></w:sectPr>";
    let document = format!("{XML_DECL}<w:document {root_ns}><w:body>{body}{sect}</w:body></w:document>");

    let has_comments = !w.comments.is_empty();
    let has_app = w.prod != Producer::Google;
    let mut ct = String::from(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    );
    if w.picture {
        ct.push_str("<Default Extension=\"png\" ContentType=\"image/png\"/>");
    }
    let mut ov = |part: &str, t: &str| {
        ct.push_str(&format!("<Override PartName=\"/{part}\" ContentType=\"application/vnd.openxmlformats-{t}\"/>"))
    };
    ov(main, "officedocument.wordprocessingml.document.main+xml");
    ov("word/styles.xml", "officedocument.wordprocessingml.styles+xml");
    ov("word/numbering.xml", "officedocument.wordprocessingml.numbering+xml");
    ov("word/settings.xml", "officedocument.wordprocessingml.settings+xml");
    if has_comments {
        ov("word/comments.xml", "officedocument.wordprocessingml.comments+xml");
    }
    ov("docProps/core.xml", "package.core-properties+xml");
    if has_app {
        ov("docProps/app.xml", "officedocument.extended-properties+xml");
    }
    ct.push_str("</Types>");
    let ct = format!("{XML_DECL}{ct}");

    let mut root_rels = format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel_base}/officeDocument\" Target=\"{main}\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    );
    if has_app {
        root_rels.push_str(&format!(
            "<Relationship Id=\"rId3\" Type=\"{rel_base}/{}\" Target=\"docProps/app.xml\"/>",
            if strict { "extendedProperties" } else { "extended-properties" }
        ));
    }
    root_rels.push_str("</Relationships>");

    let mut doc_rels = format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel_base}/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" Type=\"{rel_base}/numbering\" Target=\"numbering.xml\"/><Relationship Id=\"rId3\" Type=\"{rel_base}/settings\" Target=\"settings.xml\"/>"
    );
    if has_comments {
        doc_rels.push_str(&format!("<Relationship Id=\"rId4\" Type=\"{rel_base}/comments\" Target=\"comments.xml\"/>"));
    }
    if w.picture {
        doc_rels
            .push_str(&format!("<Relationship Id=\"rIdImg1\" Type=\"{rel_base}/image\" Target=\"media/image1.png\"/>"));
    }
    doc_rels.push_str("</Relationships>");

    let settings = format!(
        "{XML_DECL}<w:settings xmlns:w=\"{wns}\">{}<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>",
        if w.track { "<w:trackRevisions/>" } else { "" }
    );

    let creator = match w.prod {
        Producer::Google => "",
        _ => "Office of Teaching and Learning",
    };
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), ct.into_bytes()),
        ("_rels/.rels".into(), root_rels.into_bytes()),
        (main.into(), document.into_bytes()),
        (format!("word/_rels/{main_name}.rels"), doc_rels.into_bytes()),
        ("word/styles.xml".into(), strictify(strict, styles_xml(w.prod, wns)).into_bytes()),
        ("word/numbering.xml".into(), strictify(strict, numbering_xml(wns)).into_bytes()),
        ("word/settings.xml".into(), settings.into_bytes()),
    ];
    if has_comments {
        let mut c = format!("{XML_DECL}<w:comments xmlns:w=\"{wns}\">");
        for (id, text) in &w.comments {
            c.push_str(&format!(
                "<w:comment w:id=\"{id}\" w:author=\"SSoS Regional Assistance Team\" w:date=\"2023-06-27T09:12:00Z\" w:initials=\"RAT\"><w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:annotationRef/></w:r><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:comment>",
                esc(text)
            ));
        }
        c.push_str("</w:comments>");
        parts.push(("word/comments.xml".into(), c.into_bytes()));
    }
    if w.picture {
        parts.push(("word/media/image1.png".into(), crate::png::text_screenshot()));
    }
    parts.push(("docProps/core.xml".into(), core_xml(&title, creator).into_bytes()));
    if has_app {
        let app = match w.prod {
            Producer::Libre => format!(
                "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Template></Template><TotalTime>37</TotalTime><Application>LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2</Application><AppVersion>15.0000</AppVersion><Pages>6</Pages></Properties>"
            ),
            Producer::Strict => app_xml("Microsoft Office Word")
                .replace(
                    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
                    "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
                )
                .replace(
                    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
                    "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
                ),
            _ => app_xml("Microsoft Office Word"),
        };
        parts.push(("docProps/app.xml".into(), app.into_bytes()));
    }
    zip_parts(&parts)
}
