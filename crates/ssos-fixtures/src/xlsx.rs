//! XLSX writer (rust_xlsxwriter), deterministic.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Image, Workbook, Worksheet};

use crate::{Block, Plan, SectionId};

/// How the submission is laid out in a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SheetShape {
    /// One sheet "Submission": A1 district name, A2 title, header row 4
    /// "Component | District Response", then one row per section: column A
    /// the section label "N. Title", column B the whole response (paragraphs
    /// joined by blank lines, benchmarks as "- " lines).
    FormSheet,
    /// One sheet "Submission": each section label in column A (bold), the
    /// response paragraphs one per row in the rows below (column A).
    FormBelow,
    /// A "Cover" sheet (district, title), then one sheet per section named
    /// after the section title (cut to Excel's 31 characters at a word
    /// boundary: "Analysis of Strengths and"); A1 is the heading "N. Title",
    /// A2.. the paragraphs.
    SheetPerSection,
    /// [`SheetShape::FormSheet`] plus a "Benchmarks" sheet with header
    /// `Benchmark | Level | Who monitors | Frequency | Data source` and one
    /// row per benchmark; the form's section 6 cell then refers to that
    /// sheet instead of listing the benchmarks.
    WithBenchmarkTable,
}

impl SheetShape {
    /// Every shape.
    pub const ALL: [SheetShape; 4] =
        [SheetShape::FormSheet, SheetShape::FormBelow, SheetShape::SheetPerSection, SheetShape::WithBenchmarkTable];

    /// Kebab-case name for file names.
    pub fn slug(self) -> &'static str {
        match self {
            SheetShape::FormSheet => "form",
            SheetShape::FormBelow => "form-below",
            SheetShape::SheetPerSection => "sheet-per-section",
            SheetShape::WithBenchmarkTable => "benchmarks",
        }
    }
}

/// Sheet name used by [`SheetShape::SheetPerSection`] for a section.
pub fn sheet_name(s: SectionId) -> String {
    let t = s.title();
    if t.len() <= 31 {
        return t.to_string();
    }
    let mut out = String::new();
    for w in t.split(' ') {
        if out.len() + w.len() + usize::from(!out.is_empty()) > 31 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn lines(plan: &Plan, s: SectionId, with_items: bool) -> Vec<String> {
    plan.body(s)
        .into_iter()
        .filter_map(|b| match b {
            Block::Item(t) => with_items.then(|| format!("- {t}")),
            Block::Para(t) | Block::Placeholder(t) => Some(t),
            Block::Picture => None,
        })
        .collect()
}

/// Render `plan` as an .xlsx workbook in the given shape. Deterministic.
pub fn xlsx(plan: &Plan, shape: SheetShape) -> Vec<u8> {
    build(plan, shape).expect("xlsx generation")
}

fn build(plan: &Plan, shape: SheetShape) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2023, 6, 28)?.and_hms(14, 5, 0)?;
    let long = plan.district_long_name();
    wb.set_properties(
        &DocProperties::new()
            .set_title(crate::doc_title(plan))
            .set_author("Office of Teaching and Learning")
            .set_creation_datetime(&created),
    );
    let picture = |ws: &mut Worksheet, row: u32, col: u16| -> Result<(), rust_xlsxwriter::XlsxError> {
        let img = Image::new_from_buffer(&crate::png::text_screenshot())?;
        ws.insert_image(row, col, &img)?;
        Ok(())
    };
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let title = "Statewide System of Support (SSoS) District Prioritization Submission, SY2023-24";

    let header = |ws: &mut Worksheet| -> Result<(), rust_xlsxwriter::XlsxError> {
        if !long.is_empty() {
            ws.write_string_with_format(0, 0, &long, &bold)?;
        }
        ws.write_string(1, 0, title)?;
        Ok(())
    };

    match shape {
        SheetShape::FormSheet | SheetShape::WithBenchmarkTable => {
            let table = shape == SheetShape::WithBenchmarkTable;
            let ws = wb.add_worksheet();
            ws.set_name("Submission")?;
            ws.set_column_width(0, 40)?;
            ws.set_column_width(1, 100)?;
            header(ws)?;
            ws.write_string_with_format(3, 0, "Component", &bold)?;
            ws.write_string_with_format(3, 1, "District Response", &bold)?;
            for (row, (s, _)) in (4u32..).zip(plan.sections.iter()) {
                ws.write_string_with_format(row, 0, s.heading(), &wrap)?;
                let mut ls = lines(plan, *s, !table);
                if table && *s == SectionId::Monitoring && !plan.is_blank(*s) {
                    ls.insert(1, "See the Benchmarks tab for our interim benchmarks.".into());
                }
                if plan.pictures.contains(s) {
                    picture(ws, row, 1)?;
                }
                let text = ls.join("\n\n");
                if !text.is_empty() {
                    ws.write_string_with_format(row, 1, text, &wrap)?;
                }
            }
            if table {
                let ws = wb.add_worksheet();
                ws.set_name("Benchmarks")?;
                let hdr = ["Benchmark", "Level", "Who monitors", "Frequency", "Data source"];
                for (c, h) in hdr.iter().enumerate() {
                    ws.write_string_with_format(0, c as u16, *h, &bold)?;
                }
                ws.set_column_width(0, 70)?;
                ws.set_column_width(2, 40)?;
                ws.set_column_width(4, 30)?;
                for (i, b) in plan.benchmarks.iter().enumerate() {
                    let r = i as u32 + 1;
                    ws.write_string_with_format(r, 0, &b.text, &wrap)?;
                    ws.write_string(r, 1, &b.level)?;
                    ws.write_string(r, 2, &b.owner)?;
                    ws.write_string(r, 3, &b.frequency)?;
                    ws.write_string(r, 4, &b.data_source)?;
                }
            }
        }
        SheetShape::FormBelow => {
            let ws = wb.add_worksheet();
            ws.set_name("Submission")?;
            ws.set_column_width(0, 120)?;
            header(ws)?;
            let mut row = 3;
            for (s, _) in &plan.sections {
                ws.write_string_with_format(row, 0, s.heading(), &bold)?;
                row += 1;
                if plan.pictures.contains(s) {
                    picture(ws, row, 0)?;
                    row += 8;
                }
                for l in lines(plan, *s, true) {
                    if !l.is_empty() {
                        ws.write_string_with_format(row, 0, l, &wrap)?;
                    }
                    row += 1;
                }
                row += 1;
            }
        }
        SheetShape::SheetPerSection => {
            let ws = wb.add_worksheet();
            ws.set_name("Cover")?;
            ws.set_column_width(0, 90)?;
            header(ws)?;
            ws.write_string(3, 0, "Each tab holds one component of the submission.")?;
            for (s, _) in &plan.sections {
                let ws = wb.add_worksheet();
                ws.set_name(sheet_name(*s))?;
                ws.set_column_width(0, 120)?;
                ws.write_string_with_format(0, 0, s.heading(), &bold)?;
                if plan.pictures.contains(s) {
                    picture(ws, 1, 0)?;
                }
                for (i, l) in lines(plan, *s, true).into_iter().enumerate() {
                    if !l.is_empty() {
                        ws.write_string_with_format(i as u32 + 1, 0, l, &wrap)?;
                    }
                }
            }
        }
    }
    wb.save_to_buffer()
}
