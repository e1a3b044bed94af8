//! The main document part: one streaming pass over `w:body` that turns
//! paragraphs (body, table cells, content controls, text boxes) into blocks.
//!
//! Decisions worth knowing:
//! - Containers that only wrap content (`w:hyperlink`, `w:smartTag`,
//!   `w:customXml`, `w:fldSimple`, `w:sdt`/`w:sdtContent` at any level,
//!   `w:ins`, `w:moveTo`) are transparent; `w:del`/`w:moveFrom` subtrees are
//!   skipped, as are the properties elements that can carry old text.
//! - `mc:AlternateContent`: the first `mc:Choice` is read, the rest and
//!   `mc:Fallback` skipped (the fallback is read only when there is no Choice).
//! - Text boxes (`w:txbxContent`) become `BlockKind::TextBox` blocks placed
//!   right after their anchor paragraph, sharing its table position.
//! - Content controls showing their placeholder (`w:showingPlcHdr`): when a
//!   paragraph has no other visible text, its text is the placeholder text and
//!   `placeholder = true`; when it mixes real text with a placeholder control,
//!   the placeholder text is left out and `placeholder = true` still flags
//!   the unanswered control. Runs styled "Placeholder Text" inside any
//!   content control count as placeholder text too.
//! - Paragraph numbers count every paragraph (empty ones too, text-box
//!   paragraphs included); blocks are emitted only for paragraphs with text,
//!   images or a placeholder. List counters advance when a paragraph closes
//!   (text-box paragraphs therefore count before their anchor).
//! - "Title"/"Subtitle" styles are not headings: `style` names them and
//!   `heading_level` stays `None`.
//! - Complex fields: the code (`w:instrText`, and anything between `begin`
//!   and `separate`) is left out, the result kept; a code left open closes
//!   at the end of its paragraph. Legacy form checkboxes read as "☒"/"☐".
//! - Runs found outside any paragraph (unknown wrappers, loose runs in a
//!   content control) form a paragraph of their own rather than being lost.

use quick_xml::events::{BytesStart, Event};

use super::numbering::Numbering;
use super::styles::Styles;
use super::xmlutil::{MAX_NAME, Xml, capped, int_val, local, reference_text, toggle, val};
use crate::model::{Block, BlockKind, CellRef, Document, GridPos, Location};
use crate::read::{InputError, Limits};

/// Most nested complex fields tracked (deeper `begin`s are ignored).
const MAX_FIELDS: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    PPr,
    NumPr,
    R,
    RPr,
    T,
    Tbl,
    Tr,
    TrPr,
    Tc,
    TcPr,
    Sdt,
    SdtPr,
    AltContent,
    Graphic,
    Txbx,
    FldChar,
    CheckBox,
    Other,
}

/// Most text kept from one paragraph (or table cell paragraph), in bytes.
pub(crate) const MAX_PARA_TEXT: usize = 1 << 20;

struct Acc {
    text: String,
    all_bold: bool,
    /// Every visible character is set off: bold, underlined, in capitals or larger than the body text.
    all_emphasis: bool,
    any: bool,
    /// Bytes at the start of `text` that are bold (a "**Label:** answer" paragraph).
    bold_prefix: usize,
    prefix_open: bool,
}

impl Acc {
    fn new() -> Self {
        Acc { text: String::new(), all_bold: true, all_emphasis: true, any: false, bold_prefix: 0, prefix_open: true }
    }

    fn push(&mut self, s: &str, format: RunFormat) {
        let bold = format.bold;
        let visible = s.chars().any(|c| !c.is_whitespace());
        if visible {
            self.any = true;
            if !bold {
                self.all_bold = false;
            }
            if !(bold || format.emphasis) {
                self.all_emphasis = false;
            }
        }
        if self.prefix_open {
            if bold || !visible {
                self.bold_prefix += s.len();
            } else {
                self.prefix_open = false;
            }
        }
        // One paragraph keeps at most MAX_PARA_TEXT bytes (a plan's longest
        // paragraph is a few KB; a 60 MB run would be copied at every stage).
        if self.text.len() < MAX_PARA_TEXT {
            let room = MAX_PARA_TEXT - self.text.len();
            let mut end = s.len().min(room);
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            self.text.push_str(&s[..end]);
        }
    }

    /// The bold prefix measured in the trimmed text.
    fn trimmed_bold_prefix(&self) -> usize {
        let lead = self.text.len() - self.text.trim_start().len();
        let trimmed = self.text.trim();
        self.bold_prefix.saturating_sub(lead).min(trimmed.len())
    }
}

struct Para {
    real: Acc,
    plc: Acc,
    has_placeholder: bool,
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    images: usize,
    kind: BlockKind,
    grid: Option<GridPos>,
    /// Text-box paragraphs anchored here, in order (None: counted, not emitted).
    pending: Vec<Option<Block>>,
    /// Opened for runs found outside any paragraph (damaged or unusual
    /// files): the element depth it closes below.
    implicit: Option<usize>,
}

/// The effective formatting of a run that the mapper cares about.
#[derive(Debug, Clone, Copy, Default)]
struct RunFormat {
    bold: bool,
    hidden: bool,
    /// Underlined, in capitals (`w:caps`) or set in a larger size than the body text.
    emphasis: bool,
}

#[derive(Default)]
struct Run {
    bold: Option<bool>,
    underline: Option<bool>,
    caps: Option<bool>,
    /// `w:sz` in half-points.
    size: Option<u32>,
    vanish: Option<bool>,
    style: Option<String>,
    hidden_seen: bool,
    /// Cached effective format, computed at the first text.
    resolved: Option<RunFormat>,
}

struct Table {
    number: usize,
    row: Option<usize>,
    col: usize,
    cell_col: usize,
    span: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Code,
    Result,
}

struct Graphic {
    /// A picture outside any text box of this drawing (a group may hold both).
    image: bool,
    object: bool,
    /// Text-box nesting when the drawing began.
    textboxes: usize,
}

struct Body<'s> {
    styles: &'s Styles,
    numbering: &'s mut Numbering,
    doc: &'s mut Document,
    stack: Vec<Tag>,
    /// While `Some(d)`, everything is skipped until the stack is back to `d`.
    skip_to: Option<usize>,
    paras: Vec<Para>,
    runs: Vec<Run>,
    tables: Vec<Table>,
    table_count: usize,
    sdts: Vec<bool>,
    placeholders: usize,
    alt: Vec<bool>,
    fields: Vec<Field>,
    code_fields: usize,
    graphics: Vec<Graphic>,
    textboxes: usize,
    /// A legacy form checkbox being read: (checked, set explicitly).
    checkbox: Option<(bool, bool)>,
    para_count: usize,
}

pub(crate) fn read_body(
    text: &str,
    part: &str,
    limits: &Limits,
    styles: &Styles,
    numbering: &mut Numbering,
    doc: &mut Document,
) -> Result<(), InputError> {
    let mut xml = Xml::new(text, part, limits);
    let mut body = Body {
        styles,
        numbering,
        doc,
        stack: Vec::with_capacity(32),
        skip_to: None,
        paras: Vec::new(),
        runs: Vec::new(),
        tables: Vec::new(),
        table_count: 0,
        sdts: Vec::new(),
        placeholders: 0,
        alt: Vec::new(),
        fields: Vec::new(),
        code_fields: 0,
        graphics: Vec::new(),
        textboxes: 0,
        checkbox: None,
        para_count: 0,
    };
    while let Some(event) = xml.next()? {
        match event {
            Event::Start(e) => {
                if body.skip_to.is_some() {
                    body.stack.push(Tag::Other);
                    continue;
                }
                let tag = body.start(&e);
                body.stack.push(tag);
            }
            Event::Empty(e) => {
                if body.skip_to.is_some() {
                    continue;
                }
                let depth = body.stack.len();
                let tag = body.start(&e);
                body.stack.push(tag);
                body.end();
                if body.skip_to == Some(depth) {
                    body.skip_to = None;
                }
            }
            Event::End(_) => {
                if let Some(d) = body.skip_to {
                    body.stack.pop();
                    if body.stack.len() <= d {
                        body.skip_to = None;
                    }
                    continue;
                }
                body.end();
            }
            Event::Text(t) if body.in_text() => body.push_text(&t.xml10_content()),
            Event::CData(t) if body.in_text() => body.push_text(&t.xml10_content()),
            Event::GeneralRef(r) if body.in_text() => {
                let mut s = String::new();
                reference_text(&r, &mut s);
                body.push_text(&s);
            }
            _ => {}
        }
    }
    // Unclosed paragraphs cannot happen (the parser checks nesting), but be safe.
    while !body.paras.is_empty() {
        body.finish_para();
    }
    Ok(())
}

impl Body<'_> {
    fn parent(&self) -> Option<Tag> {
        self.stack.last().copied()
    }

    fn skip(&mut self) -> Tag {
        self.skip_to = Some(self.stack.len());
        Tag::Other
    }

    fn start(&mut self, e: &BytesStart<'_>) -> Tag {
        let parent = self.parent();
        let name = local(e);
        if matches!(name, "p" | "tbl") && self.paras.last().is_some_and(|p| p.implicit.is_some()) {
            self.finish_para();
        }
        match name {
            "p" => {
                self.start_para();
                Tag::P
            }
            "pPr" if parent == Some(Tag::P) => Tag::PPr,
            "pStyle" if parent == Some(Tag::PPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.style = val(e).map(|v| capped(v, MAX_NAME));
                }
                Tag::Other
            }
            "numPr" if parent == Some(Tag::PPr) => Tag::NumPr,
            "numId" if parent == Some(Tag::NumPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.num_id = int_val(e).and_then(|v| u32::try_from(v).ok());
                }
                Tag::Other
            }
            "ilvl" if parent == Some(Tag::NumPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.ilvl = int_val(e).and_then(|v| u8::try_from(v).ok()).map(|v| v.min(8));
                }
                Tag::Other
            }
            "outlineLvl" if parent == Some(Tag::PPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.outline = int_val(e).and_then(|v| u8::try_from(v).ok());
                }
                Tag::Other
            }
            // Paragraph-mark properties, section properties and recorded
            // formatting changes hold no visible text.
            "rPr" if parent == Some(Tag::PPr) => self.skip(),
            "sectPr" | "pPrChange" | "rPrChange" | "tblPrChange" | "trPrChange" | "tcPrChange" | "sectPrChange"
            | "tblGridChange" | "numberingChange" | "sdtEndPr" => self.skip(),
            "r" => {
                if self.paras.is_empty() {
                    self.start_para();
                    if let Some(p) = self.paras.last_mut() {
                        p.implicit = Some(self.stack.len());
                    }
                }
                self.runs.push(Run::default());
                Tag::R
            }
            "rPr" if parent == Some(Tag::R) => Tag::RPr,
            "b" if parent == Some(Tag::RPr) => {
                if let Some(r) = self.runs.last_mut() {
                    r.bold = Some(toggle(e));
                }
                Tag::Other
            }
            "u" if parent == Some(Tag::RPr) => {
                if let Some(r) = self.runs.last_mut() {
                    r.underline = Some(toggle(e));
                }
                Tag::Other
            }
            "caps" if parent == Some(Tag::RPr) => {
                if let Some(r) = self.runs.last_mut() {
                    r.caps = Some(toggle(e));
                }
                Tag::Other
            }
            "sz" if parent == Some(Tag::RPr) => {
                if let Some(r) = self.runs.last_mut() {
                    r.size = super::xmlutil::int_val(e).and_then(|v| u32::try_from(v).ok());
                }
                Tag::Other
            }
            "vanish" if parent == Some(Tag::RPr) => {
                if let Some(r) = self.runs.last_mut() {
                    r.vanish = Some(toggle(e));
                }
                Tag::Other
            }
            "rStyle" if parent == Some(Tag::RPr) => {
                if let Some(r) = self.runs.last_mut() {
                    r.style = val(e).map(|v| capped(v, MAX_NAME));
                }
                Tag::Other
            }
            "t" if parent == Some(Tag::R) => Tag::T,
            "delText" | "delInstrText" => self.skip(),
            "instrText" => {
                self.doc.revisions.field_codes += 1;
                self.skip()
            }
            "tab" | "ptab" if parent == Some(Tag::R) => {
                self.push_char("\t");
                Tag::Other
            }
            "br" | "cr" if parent == Some(Tag::R) => {
                self.push_char("\n");
                Tag::Other
            }
            "noBreakHyphen" if parent == Some(Tag::R) => {
                self.push_char("-");
                Tag::Other
            }
            "fldChar" => {
                match super::xmlutil::attr(e, "fldCharType").as_deref() {
                    Some("begin") if self.fields.len() < MAX_FIELDS => {
                        self.fields.push(Field::Code);
                        self.code_fields += 1;
                    }
                    Some("separate") => {
                        if let Some(f) = self.fields.last_mut()
                            && *f == Field::Code
                        {
                            *f = Field::Result;
                            self.code_fields -= 1;
                        }
                    }
                    Some("end") => {
                        if let Some(f) = self.fields.pop()
                            && f == Field::Code
                        {
                            self.code_fields -= 1;
                        }
                    }
                    _ => {}
                }
                Tag::FldChar
            }
            // A legacy form checkbox (FORMCHECKBOX) shows no text of its
            // own: its state becomes "☒" or "☐" in the paragraph text.
            "checkBox" if self.stack.contains(&Tag::FldChar) => {
                self.checkbox = Some((false, false));
                Tag::CheckBox
            }
            "default" | "checked" if parent == Some(Tag::CheckBox) => {
                let explicit = local(e) == "checked";
                if let Some((state, set)) = self.checkbox.as_mut()
                    && (explicit || !*set)
                {
                    *state = if explicit { toggle(e) } else { int_val(e).is_some_and(|v| v != 0) };
                    *set |= explicit;
                }
                Tag::Other
            }
            "del" | "moveFrom" if parent != Some(Tag::RPr) && parent != Some(Tag::TrPr) => {
                self.doc.revisions.deletions += 1;
                self.skip()
            }
            "ins" | "moveTo" if parent != Some(Tag::RPr) && parent != Some(Tag::TrPr) => {
                self.doc.revisions.insertions += 1;
                Tag::Other
            }
            "sdt" => {
                self.sdts.push(false);
                Tag::Sdt
            }
            "sdtPr" if parent == Some(Tag::Sdt) => Tag::SdtPr,
            "showingPlcHdr" if parent == Some(Tag::SdtPr) => {
                if toggle(e)
                    && let Some(top) = self.sdts.last_mut()
                    && !*top
                {
                    *top = true;
                    self.placeholders += 1;
                }
                Tag::Other
            }
            _ if parent == Some(Tag::SdtPr) => self.skip(),
            "AlternateContent" => {
                self.alt.push(false);
                Tag::AltContent
            }
            "Choice" if parent == Some(Tag::AltContent) => match self.alt.last_mut() {
                Some(taken) if !*taken => {
                    *taken = true;
                    Tag::Other
                }
                _ => self.skip(),
            },
            "Fallback" if parent == Some(Tag::AltContent) => {
                if self.alt.last().copied().unwrap_or(false) {
                    self.skip()
                } else {
                    Tag::Other
                }
            }
            "drawing" | "pict" | "object" => {
                self.graphics.push(Graphic { image: false, object: name == "object", textboxes: self.textboxes });
                Tag::Graphic
            }
            "blip" | "imagedata" | "pic" => {
                let textboxes = self.textboxes;
                if let Some(g) = self.graphics.last_mut()
                    && g.textboxes == textboxes
                {
                    g.image = true;
                }
                Tag::Other
            }
            "txbxContent" => {
                self.textboxes += 1;
                Tag::Txbx
            }
            "tbl" => {
                self.tables.push(Table { number: self.table_count, row: None, col: 0, cell_col: 0, span: 1 });
                self.table_count += 1;
                Tag::Tbl
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(t.row.map_or(0, |r| r + 1));
                    t.col = 0;
                }
                Tag::Tr
            }
            "trPr" if parent == Some(Tag::Tr) => Tag::TrPr,
            "gridBefore" if parent == Some(Tag::TrPr) => {
                if let Some(t) = self.tables.last_mut() {
                    t.col += int_val(e).unwrap_or(0).clamp(0, 64) as usize;
                }
                Tag::Other
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell_col = t.col;
                    t.span = 1;
                }
                Tag::Tc
            }
            "tcPr" if parent == Some(Tag::Tc) => Tag::TcPr,
            "gridSpan" if parent == Some(Tag::TcPr) => {
                if let Some(t) = self.tables.last_mut() {
                    t.span = int_val(e).unwrap_or(1).clamp(1, 64) as usize;
                }
                Tag::Other
            }
            _ => Tag::Other,
        }
    }

    fn end(&mut self) {
        let Some(tag) = self.stack.pop() else { return };
        if let Some(depth) = self.paras.last().and_then(|p| p.implicit)
            && self.stack.len() < depth
        {
            self.finish_para();
        }
        match tag {
            Tag::P => self.finish_para(),
            Tag::R => {
                if let Some(run) = self.runs.pop()
                    && run.hidden_seen
                {
                    self.doc.revisions.hidden += 1;
                }
            }
            Tag::Tbl => {
                self.tables.pop();
            }
            Tag::Tc => {
                if let Some(t) = self.tables.last_mut() {
                    t.col = t.cell_col + t.span;
                }
            }
            Tag::Sdt => {
                let was_placeholder = self.sdts.pop() == Some(true);
                if was_placeholder {
                    self.placeholders = self.placeholders.saturating_sub(1);
                }
            }
            Tag::AltContent => {
                self.alt.pop();
            }
            Tag::Graphic => {
                if let Some(g) = self.graphics.pop() {
                    let counts = g.object || g.image;
                    if counts && let Some(p) = self.paras.last_mut() {
                        p.images += 1;
                    }
                }
            }
            Tag::Txbx => self.textboxes = self.textboxes.saturating_sub(1),
            Tag::FldChar => {
                if let Some((checked, _)) = self.checkbox.take() {
                    self.push_visible(if checked { "☒" } else { "☐" });
                }
            }
            _ => {}
        }
    }

    fn in_text(&self) -> bool {
        self.skip_to.is_none() && self.parent() == Some(Tag::T)
    }

    fn start_para(&mut self) {
        let grid = self.tables.last().filter(|t| t.row.is_some()).map(|t| GridPos {
            table: t.number,
            row: t.row.unwrap_or(0),
            col: t.cell_col,
            depth: self.tables.len() - 1,
        });
        let kind = if self.textboxes > 0 { BlockKind::TextBox } else { BlockKind::Paragraph };
        // A text box's paragraphs sit where their anchor sits.
        let grid = match (kind, self.paras.last()) {
            (BlockKind::TextBox, Some(anchor)) if self.tables.len() <= anchor_tables(anchor) => anchor.grid,
            _ => grid,
        };
        self.paras.push(Para {
            real: Acc::new(),
            plc: Acc::new(),
            has_placeholder: false,
            style: None,
            num_id: None,
            ilvl: None,
            outline: None,
            images: 0,
            kind,
            grid,
            pending: Vec::new(),
            implicit: None,
        });
    }

    /// Effective format of the current run.
    fn run_format(&mut self) -> RunFormat {
        let styles = self.styles;
        let para_style = self.paras.last().and_then(|p| p.style.as_deref()).or(styles.default_para.as_deref());
        let Some(run) = self.runs.last_mut() else {
            let bold = styles.bold(para_style).unwrap_or(styles.default_bold);
            let emphasis = styles.emphasis(&[para_style], super::styles::Emphasis::default());
            return RunFormat { bold, hidden: false, emphasis };
        };
        if let Some(r) = run.resolved {
            return r;
        }
        let bold = run
            .bold
            .or_else(|| styles.bold(run.style.as_deref()))
            .or_else(|| styles.bold(para_style))
            .unwrap_or(styles.default_bold);
        let hidden = run.vanish.or_else(|| styles.vanish(run.style.as_deref())).unwrap_or(false);
        let own = super::styles::Emphasis { underline: run.underline, caps: run.caps, size: run.size };
        let emphasis = styles.emphasis(&[run.style.as_deref(), para_style], own);
        let format = RunFormat { bold, hidden, emphasis };
        run.resolved = Some(format);
        format
    }

    fn push_char(&mut self, s: &str) {
        if self.skip_to.is_none() {
            self.push_text(s);
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.code_fields > 0 {
            return;
        }
        self.push_visible(s);
    }

    /// Adds text to the current paragraph unless its run is hidden.
    fn push_visible(&mut self, s: &str) {
        if self.paras.is_empty() {
            return;
        }
        let format = self.run_format();
        if format.hidden {
            if let Some(r) = self.runs.last_mut() {
                r.hidden_seen = true;
            }
            return;
        }
        // Placeholder text: inside a control showing its placeholder, or
        // styled "Placeholder Text" inside any content control.
        let placeholder = self.placeholders > 0 || (!self.sdts.is_empty() && self.run_is_placeholder_styled());
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        if placeholder {
            p.has_placeholder = true;
            p.plc.push(s, format);
        } else {
            p.real.push(s, format);
        }
    }

    fn run_is_placeholder_styled(&self) -> bool {
        self.runs
            .last()
            .and_then(|r| r.style.as_deref())
            .is_some_and(|id| id == "PlaceholderText" || self.styles.display_name(id) == "Placeholder Text")
    }

    fn finish_para(&mut self) {
        let Some(para) = self.paras.pop() else { return };
        if self.paras.is_empty() {
            // A field code never legitimately runs past its paragraph; a
            // `begin` left open (damaged file) must not swallow the rest.
            while self.fields.last() == Some(&Field::Code) {
                self.fields.pop();
                self.code_fields = self.code_fields.saturating_sub(1);
            }
        }
        let mut items = Vec::with_capacity(1 + para.pending.len());
        let block = self.make_block(&para);
        items.push(block);
        items.extend(para.pending);
        if let Some(anchor) = self.paras.last_mut() {
            anchor.pending.extend(items);
            return;
        }
        for item in items {
            self.para_count += 1;
            if let Some(mut block) = item {
                block.location.paragraph = Some(self.para_count);
                self.doc.blocks.push(block);
            }
        }
    }

    fn make_block(&mut self, para: &Para) -> Option<Block> {
        let styles = self.styles;
        let style_id = para.style.as_deref().or(styles.default_para.as_deref());
        // Numbering advances for every numbered paragraph, empty or not.
        let (style_num, style_ilvl) = styles.numbering(style_id);
        let num_id = para.num_id.or(style_num).unwrap_or(0);
        let mut list_label = None;
        let mut list_level = None;
        if num_id != 0 {
            let ilvl = para.ilvl.or(style_ilvl).unwrap_or(0);
            if let Some(label) = self.numbering.next_label(num_id, ilvl) {
                list_label = label;
                list_level = Some(ilvl);
            }
        }
        let (acc, placeholder) = if para.real.any {
            (&para.real, para.has_placeholder)
        } else if para.plc.any {
            (&para.plc, true)
        } else {
            (&para.real, para.has_placeholder)
        };
        let text = acc.text.trim();
        if text.is_empty() && para.images == 0 && !placeholder {
            return None;
        }
        let heading_level = match para.outline {
            Some(o) if o < 9 => Some(o + 1),
            Some(_) => None,
            None => styles.heading_level(style_id),
        };
        let mut location = Location::default();
        if let Some(g) = para.grid {
            location.table = Some(g.table + 1);
            location.row = Some(g.row + 1);
            location.cell = Some(CellRef::Index(g.col + 1));
        }
        Some(Block {
            kind: para.kind,
            text: text.to_string(),
            heading_level,
            style: style_id.map(|id| styles.display_name(id)),
            bold: acc.any && acc.all_bold,
            emphasis: acc.any && acc.all_emphasis,
            bold_prefix: acc.trimmed_bold_prefix(),
            list_label,
            list_level,
            placeholder,
            images: para.images,
            grid: para.grid,
            location,
        })
    }
}

/// How many tables enclosed the anchor paragraph (its grid depth + 1).
fn anchor_tables(anchor: &Para) -> usize {
    anchor.grid.map_or(0, |g| g.depth + 1)
}
