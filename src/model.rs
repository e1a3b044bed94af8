//! The one document model every reader produces and the mapper consumes.
//!
//! Readers (DOCX, XLSX, ...) flatten a file into an ordered list of [`Block`]s
//! (paragraphs, table-cell paragraphs, spreadsheet cells), each with the
//! formatting cues the mapper needs to spot headings and with a [`Location`]
//! that names the place in the source file. Nothing here knows about rules.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The file formats ssos-lint reads, detected by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Docx,
    Xlsx,
    Xlsm,
    Xls,
    Ods,
    Pptx,
    Pdf,
    Eml,
    Msg,
    Zip,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Xlsm => "xlsm",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Pptx => "pptx",
            Format::Pdf => "pdf",
            Format::Eml => "eml",
            Format::Msg => "msg",
            Format::Zip => "zip",
        }
    }

    pub fn is_spreadsheet(self) -> bool {
        matches!(self, Format::Xlsx | Format::Xlsm | Format::Xls | Format::Ods)
    }
}

/// A table cell position: a number in a DOCX table, an A1 reference in a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum CellRef {
    /// 1-based column index of the cell within its DOCX table row.
    Index(usize),
    /// A spreadsheet cell reference such as `B7`.
    A1(String),
}

/// The place of a piece of text in the source document.
///
/// DOCX: `paragraph` is the 1-based index of the paragraph among all body
/// paragraphs in reading order (table-cell paragraphs included), plus
/// `table`/`row`/`cell` (1-based) when it sits in a table.
/// Spreadsheets: `sheet` and `cell` (`"B7"`).
/// Presentations: `slide` (1-based, in presentation order), `shape` (1-based
/// among the slide's text-bearing shapes) and `row`/`cell` in a table.
/// PDF: `page` and `line` (1-based line on the page, in reading order).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<CellRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slide: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shape: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// A short quotation of the text at this place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
}

impl Location {
    pub fn paragraph(index: usize) -> Self {
        Location { paragraph: Some(index), ..Default::default() }
    }

    pub fn sheet_cell(sheet: &str, a1: &str) -> Self {
        Location { sheet: Some(sheet.to_string()), cell: Some(CellRef::A1(a1.to_string())), ..Default::default() }
    }

    /// A copy of this location carrying an excerpt of `text`.
    pub fn with_excerpt(&self, text: &str) -> Self {
        Location { excerpt: Some(excerpt(text, 120)), ..self.clone() }
    }

    /// A short human description: "paragraph 12", "table 1, row 3, cell 2", "sheet 'Plan', cell B7".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(sheet) = &self.sheet {
            parts.push(format!("sheet '{sheet}'"));
        }
        if let Some(s) = self.slide {
            parts.push(format!("slide {s}"));
        }
        if let Some(s) = self.shape {
            parts.push(format!("shape {s}"));
        }
        if let Some(p) = self.page {
            parts.push(format!("page {p}"));
        }
        if let Some(l) = self.line {
            parts.push(format!("line {l}"));
        }
        if let Some(p) = self.paragraph {
            parts.push(format!("paragraph {p}"));
        }
        if let Some(t) = self.table {
            parts.push(format!("table {t}"));
        }
        if let Some(r) = self.row {
            parts.push(format!("row {r}"));
        }
        match &self.cell {
            Some(CellRef::Index(c)) => parts.push(format!("cell {c}")),
            Some(CellRef::A1(a)) => parts.push(format!("cell {a}")),
            None => {}
        }
        if parts.is_empty() { "the document".to_string() } else { parts.join(", ") }
    }
}

/// Shortens `text` to at most `max` characters on a char boundary, adding "…".
/// Only as many words are read as the excerpt can show (a section's whole
/// text is often what is given).
pub fn excerpt(text: &str, max: usize) -> String {
    // Word by word, each copied whole; once past `max` characters the rest
    // is never read (the cut below keeps fewer than `max`).
    let mut joined = String::with_capacity(text.len().min(max.saturating_mul(4) + 8));
    let mut chars = 0;
    let mut word: Option<(usize, usize)> = None;
    let push = |joined: &mut String, chars: &mut usize, (from, count): (usize, usize), to: usize| {
        if !joined.is_empty() {
            joined.push(' ');
            *chars += 1;
        }
        joined.push_str(&text[from..to]);
        *chars += count;
    };
    for (at, ch) in text.char_indices() {
        match (ch.is_whitespace(), word.as_mut()) {
            (false, Some((_, count))) => *count += 1,
            (false, None) => word = Some((at, 1)),
            (true, Some(_)) => {
                push(&mut joined, &mut chars, word.take().expect("a word is open"), at);
                if chars > max {
                    break;
                }
            }
            (true, None) => {}
        }
    }
    if let Some(open) = word.filter(|_| chars <= max) {
        push(&mut joined, &mut chars, open, text.len());
    }
    if chars <= max {
        return joined;
    }
    let cut = joined.char_indices().nth(max.saturating_sub(1)).map_or(joined.len(), |(at, _)| at);
    format!("{}…", joined[..cut].trim_end())
}

/// "a", "a and b", "a, b and c": a list in a sentence.
pub fn join_labels(labels: &[String]) -> String {
    match labels {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Where a block sits in a grid (a DOCX table or a spreadsheet), 0-based.
/// The mapper uses it to pair a prompt cell with its response cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GridPos {
    /// Document-wide table number (DOCX) or sheet number (spreadsheets).
    pub table: usize,
    pub row: usize,
    pub col: usize,
    /// Nesting depth: 0 for a top-level table.
    pub depth: usize,
}

/// What kind of thing a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BlockKind {
    #[default]
    Paragraph,
    /// The name of a worksheet, emitted once before the sheet's cells.
    SheetName,
    /// Text from a text box, shape or frame anchored in the body.
    TextBox,
}

/// One paragraph (or cell) of text with the cues the mapper needs.
#[derive(Debug, Clone, Default)]
pub struct Block {
    pub kind: BlockKind,
    /// The visible text, with list labels *not* included (see `list_label`).
    pub text: String,
    /// Outline level 1..=9 when the paragraph style (or its `basedOn` chain,
    /// or the paragraph's own outline level) makes it a heading.
    pub heading_level: Option<u8>,
    /// The style's display name ("Heading 1", "Title", ...), if any.
    pub style: Option<String>,
    /// True when every visible character is bold.
    pub bold: bool,
    /// True when every visible character is set off by direct or style
    /// formatting: bold, underlined, in capitals, or larger than body text.
    pub emphasis: bool,
    /// Bytes at the start of `text` that are bold: a "**Outcomes:** We will..."
    /// paragraph has a label set off in bold before its response.
    pub bold_prefix: usize,
    /// The rendered automatic list label ("1.", "a)", "•"), if numbered.
    pub list_label: Option<String>,
    /// List nesting level (0-based) when the paragraph is a list item.
    pub list_level: Option<u8>,
    /// The text is a content control still showing its placeholder.
    pub placeholder: bool,
    /// Pictures in the block (drawings, VML images, embedded objects).
    pub images: usize,
    pub grid: Option<GridPos>,
    pub location: Location,
}

impl Block {
    /// The text as a reader sees it, with its list label in front.
    pub fn display_text(&self) -> String {
        match &self.list_label {
            Some(label) if !label.trim().is_empty() && !is_bullet(label) => {
                format!("{} {}", label.trim(), self.text)
            }
            _ => self.text.clone(),
        }
    }

    pub fn is_list_item(&self) -> bool {
        self.list_level.is_some() || self.list_label.is_some()
    }
}

fn is_bullet(label: &str) -> bool {
    !label.chars().any(|c| c.is_alphanumeric())
}

/// Document properties a reader could find (core.xml / app.xml / workbook).
#[derive(Debug, Clone, Default)]
pub struct Properties {
    pub title: Option<String>,
    pub subject: Option<String>,
    pub author: Option<String>,
    pub company: Option<String>,
}

/// Counts of what the reader saw but did not treat as the district's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Revisions {
    /// Tracked insertions (`w:ins`, `w:moveTo`) read as accepted.
    pub insertions: usize,
    /// Tracked deletions (`w:del`, `w:moveFrom`) left out.
    pub deletions: usize,
    /// Comments in the comments part.
    pub comments: usize,
    /// Field-code runs (`w:instrText`) left out.
    pub field_codes: usize,
    /// Hidden-text runs (`w:vanish`) left out.
    pub hidden: usize,
}

impl Revisions {
    pub fn has_tracked_changes(&self) -> bool {
        self.insertions + self.deletions + self.comments > 0
    }
}

/// A whole file as the mapper sees it.
#[derive(Debug, Clone)]
pub struct Document {
    pub format: Format,
    pub blocks: Vec<Block>,
    pub properties: Properties,
    /// Text of headers and footers, kept apart from the body.
    pub headers: Vec<String>,
    /// Text of footnotes, endnotes and comments, kept apart from the body.
    pub notes: Vec<String>,
    pub revisions: Revisions,
}

impl Document {
    pub fn new(format: Format) -> Self {
        Document {
            format,
            blocks: Vec::new(),
            properties: Properties::default(),
            headers: Vec::new(),
            notes: Vec::new(),
            revisions: Revisions::default(),
        }
    }

    pub fn word_count(&self) -> usize {
        self.blocks.iter().map(|b| b.text.split_whitespace().count()).sum()
    }
}

// ---------------------------------------------------------------- shared vocabulary
// Types every stage speaks (pack, map, check, config, report), kept here so no
// stage has to import another's.

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Advice,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Advice => "advice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SectionState {
    /// A heading and a response were found.
    Present,
    /// A heading was found but no response under it.
    Empty,
    /// Neither a heading nor content for the section was found.
    Missing,
}

/// Whether a sub-prompt of a section is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PromptStatus {
    Met,
    Partial,
    Missing,
}

/// The district's text that satisfied an ask, quoted.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    pub excerpt: String,
    pub location: Location,
    /// The item of the prompt's list this evidence satisfied, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    /// The excerpt as first written: every word joined, then cut.
    fn joined_then_cut(text: &str, max: usize) -> String {
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if joined.chars().count() <= max {
            return joined;
        }
        let cut = joined.char_indices().nth(max.saturating_sub(1)).map_or(joined.len(), |(at, _)| at);
        format!("{}…", joined[..cut].trim_end())
    }

    #[test]
    fn an_excerpt_reads_only_what_it_shows_and_says_the_same() {
        let texts = [
            "",
            "   ",
            "one",
            "  two  words  ",
            "Priority\u{a0}1:\u{2003}ELA\tinstruction\n\nacross   grades",
            "a verylongwordthatgoespastthelimitofthe excerpt entirely and more",
            "exactly ten",
            "exactly ten ",
            "élèves à l’école — “quotes” • bullets and ünïcödé words everywhere here",
        ];
        for text in texts {
            for max in [0, 1, 2, 5, 10, 11, 12, 20, 200] {
                assert_eq!(excerpt(text, max), joined_then_cut(text, max), "{text:?} at {max}");
            }
        }
    }
}
