//! Spreadsheet reader (calamine): XLSX/XLSM, XLS and ODS workbooks become a
//! [`Document`] with one [`BlockKind::SheetName`] block per visible worksheet,
//! followed by one block per non-empty cell in row-major order.
//!
//! Cells carry absolute 0-based sheet coordinates in [`GridPos`] (the sheet's
//! workbook index is `GridPos::table`) and an A1 reference in their
//! [`Location`]. Numbers are written without a trailing ".0", dates as ISO
//! 8601, booleans as `TRUE`/`FALSE`; error values (`#N/A`, ...) are skipped.
//! Bold comes from the cell style (XLSX/XLSM only). Merged regions keep their
//! value in the top-left cell, as Excel stores it. Hidden sheets (lookup lists
//! behind drop-downs, usually) and chart sheets are left out.
//!
//! Zip-based workbooks are first inflated part by part against the limits
//! (into a sink), because calamine itself inflates without bounds; XLSX cells
//! are streamed so a sheet whose used range is absurdly large costs nothing
//! until the cell limit is reached. Any panic inside calamine becomes a
//! "damaged file" error.

use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{DataType, ExcelDateTime, Ods, Reader, SheetType, SheetVisible, Xls, Xlsx};

use super::{InputError, Limits};
use crate::model::{Block, BlockKind, Document, Format, GridPos, Location};

/// Most non-empty cells read from one workbook, all sheets together.
pub const MAX_CELLS: usize = 1_000_000;
/// Most text (bytes) read from one workbook, all cells together.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Reads a workbook whose `format` was detected by content.
pub fn read(bytes: &[u8], format: Format, limits: &Limits) -> Result<Document, InputError> {
    super::check_size(bytes, limits)?;
    let title = if matches!(format, Format::Xlsx | Format::Xlsm | Format::Ods) {
        check_zip_budget(bytes, limits)?;
        core_title(bytes, limits)
    } else {
        None
    };
    super::grid::precheck(bytes, format, limits)?;
    let mut doc = match catch_unwind(AssertUnwindSafe(|| read_cells(bytes, format))) {
        Ok(result) => result?,
        Err(_) => {
            return Err(InputError::corrupt("the spreadsheet reader could not make sense of its contents"));
        }
    };
    doc.properties.title = title;
    Ok(doc)
}

/// Inflates every part of a zip package into a sink, refusing the package when
/// a part or the whole would inflate past the limits (checked against the
/// declared sizes first, then against the bytes actually produced).
pub(crate) fn check_zip_budget(bytes: &[u8], limits: &Limits) -> Result<(), InputError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|err| InputError::corrupt(format!("the zip package cannot be opened: {err}")))?;
    if zip.len() > limits.max_entries {
        return Err(InputError::unreadable(
            format!("the package has {} parts, over the limit of {}", zip.len(), limits.max_entries),
            "This is not an ordinary plan file; save the plan again from Word or Excel.",
        ));
    }
    let declared: u64 = (0..zip.len())
        .filter_map(|i| zip.by_index_raw(i).ok().map(|e| e.size()))
        .fold(0u64, |a, b| a.saturating_add(b));
    if declared > limits.max_total_inflated {
        return Err(total_error(limits));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|err| InputError::corrupt(format!("a part of the package cannot be read: {err}")))?;
        let name = entry.name().to_string();
        if entry.encrypted() {
            return Err(InputError::unreadable(
                "the file is password-protected",
                "Remove the password, save, and send it again.",
            ));
        }
        if entry.size() > limits.max_part_bytes {
            return Err(super::xml::zip_bomb_error(&name, limits));
        }
        let cap = limits.max_part_bytes.min(limits.max_total_inflated.saturating_sub(total));
        let read = std::io::copy(&mut entry.take(cap + 1), &mut std::io::sink())
            .map_err(|err| InputError::corrupt(format!("part '{name}' is damaged: {err}")))?;
        if read > cap {
            return Err(if read > limits.max_part_bytes {
                super::xml::zip_bomb_error(&name, limits)
            } else {
                total_error(limits)
            });
        }
        total += read;
    }
    Ok(())
}

fn total_error(limits: &Limits) -> InputError {
    InputError::unreadable(
        format!(
            "the package inflates past the {} MB limit (a damaged file or a zip bomb)",
            limits.max_total_inflated / (1024 * 1024)
        ),
        "Save the plan again from Word or Excel; if it really is this large, remove embedded files.",
    )
}

/// The title in `docProps/core.xml`, when there is one.
fn core_title(bytes: &[u8], limits: &Limits) -> Option<String> {
    let mut package = super::xml::Package::open(bytes, limits).ok()?;
    let core = package.read_text("docProps/core.xml").ok()??;
    let start = core.find("<dc:title>")? + "<dc:title>".len();
    let end = start + core[start..].find("</dc:title>")?;
    let raw = &core[start..end];
    let title = quick_xml::escape::unescape(raw).map(|t| t.into_owned()).unwrap_or_else(|_| raw.to_string());
    let title = title.trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// One non-empty cell, before it becomes a block.
struct CellText {
    row: u32,
    col: u32,
    text: String,
    bold: bool,
}

/// Counts cells and text against the workbook-wide limits.
#[derive(Default)]
struct Budget {
    cells: usize,
    text: usize,
}

impl Budget {
    fn add(&mut self, text: &str) -> Result<(), InputError> {
        self.cells += 1;
        self.text += text.len();
        if self.cells > MAX_CELLS {
            return Err(InputError::unreadable(
                format!("the workbook has more than {MAX_CELLS} filled cells, far more than a plan holds"),
                "Send only the plan: remove data sheets or copy the plan into a new workbook.",
            ));
        }
        if self.text > MAX_TEXT_BYTES {
            return Err(InputError::unreadable(
                format!("the workbook holds more than {} MB of text", MAX_TEXT_BYTES / (1024 * 1024)),
                "Send only the plan: remove data sheets or copy the plan into a new workbook.",
            ));
        }
        Ok(())
    }
}

fn read_cells(bytes: &[u8], format: Format) -> Result<Document, InputError> {
    let mut doc = Document::new(format);
    let mut budget = Budget::default();
    match format {
        Format::Xlsx | Format::Xlsm => {
            let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|err| open_error(&err))?;
            for (index, name) in worksheets(&book) {
                let mut reader = book.worksheet_cells_reader(&name).map_err(|err| sheet_error(&name, &err))?;
                let mut cells = Vec::new();
                while let Some((cell, style)) =
                    reader.next_cell_with_style_id().map_err(|err| sheet_error(&name, &err))?
                {
                    let Some(text) = cell_text(cell.get_value()) else {
                        continue;
                    };
                    budget.add(&text)?;
                    let bold =
                        reader.styles().get(style).and_then(|s| s.font.as_ref()).is_some_and(|font| font.is_bold());
                    let (row, col) = cell.get_position();
                    cells.push(CellText { row, col, text, bold });
                }
                push_sheet(&mut doc, index, &name, cells);
            }
        }
        Format::Xls => {
            let book = Xls::new(Cursor::new(bytes)).map_err(|err| open_error(&err))?;
            read_ranges(book, &mut doc, &mut budget)?;
        }
        Format::Ods => {
            let book = Ods::new(Cursor::new(bytes)).map_err(|err| open_error(&err))?;
            read_ranges(book, &mut doc, &mut budget)?;
        }
        other => {
            return Err(InputError::unsupported(
                format!("{} files are not spreadsheets", other.as_str()),
                "Save the plan as an Excel workbook (.xlsx) and send it again.",
            ));
        }
    }
    Ok(doc)
}

/// Visible worksheets with their workbook index.
fn worksheets<RS, R: Reader<RS>>(book: &R) -> Vec<(usize, String)>
where
    RS: std::io::Read + std::io::Seek,
{
    book.sheets_metadata()
        .iter()
        .enumerate()
        .filter(|(_, s)| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|(i, s)| (i, s.name.clone()))
        .collect()
}

fn read_ranges<RS, R>(mut book: R, doc: &mut Document, budget: &mut Budget) -> Result<(), InputError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    for (index, name) in worksheets(&book) {
        let range = book.worksheet_range(&name).map_err(|err| sheet_error(&name, &err))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut cells = Vec::new();
        for (r, c, value) in range.used_cells() {
            let Some(text) = cell_text(value) else {
                continue;
            };
            budget.add(&text)?;
            cells.push(CellText { row: row0 + r as u32, col: col0 + c as u32, text, bold: false });
        }
        push_sheet(doc, index, &name, cells);
    }
    Ok(())
}

fn push_sheet(doc: &mut Document, index: usize, name: &str, mut cells: Vec<CellText>) {
    doc.blocks.push(Block {
        kind: BlockKind::SheetName,
        text: name.to_string(),
        heading_level: Some(1),
        location: Location { sheet: Some(name.to_string()), ..Default::default() },
        ..Default::default()
    });
    cells.sort_by_key(|c| (c.row, c.col));
    cells.dedup_by_key(|c| (c.row, c.col));
    for cell in cells {
        let a1 = a1(cell.row, cell.col);
        doc.blocks.push(Block {
            text: cell.text,
            bold: cell.bold,
            grid: Some(GridPos { table: index, row: cell.row as usize, col: cell.col as usize, depth: 0 }),
            location: Location::sheet_cell(name, &a1),
            ..Default::default()
        });
    }
}

/// `(row, col)` 0-based → "B7".
pub fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col as u64 + 1;
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8(letters).unwrap_or_default(), row as u64 + 1)
}

/// A cell's text, for any of calamine's cell types (streamed or loaded); `None`
/// for empty and error cells.
fn cell_text<T: DataType>(value: &T) -> Option<String> {
    if let Some(i) = value.get_int() {
        return Some(i.to_string());
    }
    if let Some(f) = value.get_float() {
        return Some(float_text(f));
    }
    if let Some(b) = value.get_bool() {
        return Some(bool_text(b));
    }
    if let Some(dt) = value.get_datetime() {
        return Some(datetime_text(&dt));
    }
    value.get_string().or_else(|| value.get_datetime_iso()).or_else(|| value.get_duration_iso()).and_then(clean)
}

/// Cell text with line breaks normalised to '\n'; `None` when blank.
fn clean(s: &str) -> Option<String> {
    if s.trim().is_empty() {
        return None;
    }
    Some(s.replace("\r\n", "\n").replace('\r', "\n"))
}

fn bool_text(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.to_string()
}

fn float_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", f as i64) } else { format!("{f}") }
}

fn datetime_text(dt: &ExcelDateTime) -> String {
    if dt.is_duration() {
        let secs = (dt.as_f64() * 86_400.0).round() as i64;
        return format!("{}:{:02}:{:02}", secs / 3600, (secs / 60) % 60, secs % 60);
    }
    let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
    if dt.as_f64() < 1.0 && dt.as_f64() >= 0.0 {
        // A time of day without a date.
        return format!("{h:02}:{mi:02}:{s:02}");
    }
    if (h, mi, s) == (0, 0, 0) {
        format!("{y:04}-{mo:02}-{d:02}")
    } else {
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}")
    }
}

fn open_error(err: &dyn std::fmt::Display) -> InputError {
    let text = err.to_string();
    if text.to_ascii_lowercase().contains("password") {
        return InputError::unreadable(
            "the workbook is password-protected, so its cells cannot be read",
            "Remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and send it again.",
        );
    }
    InputError::corrupt(format!("the workbook cannot be opened: {text}"))
}

fn sheet_error(sheet: &str, err: &dyn std::fmt::Display) -> InputError {
    let text = err.to_string();
    if text.to_ascii_lowercase().contains("password") {
        return open_error(err);
    }
    InputError::corrupt(format!("sheet '{sheet}' cannot be read: {text}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CellRef;
    use rust_xlsxwriter::{Format as XFormat, Workbook};

    fn limits() -> Limits {
        Limits::default()
    }

    fn cell<'a>(doc: &'a Document, sheet: &str, a1: &str) -> Option<&'a Block> {
        doc.blocks.iter().find(|b| {
            b.location.sheet.as_deref() == Some(sheet) && b.location.cell == Some(CellRef::A1(a1.to_string()))
        })
    }

    fn plan_workbook() -> Vec<u8> {
        let mut wb = Workbook::new();
        wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_title("Lowell SSoS Plan"));
        let bold = XFormat::new().set_bold();
        let form = wb.add_worksheet().set_name("Form").unwrap();
        form.write_string_with_format(0, 0, "District Prioritization Submission", &bold).unwrap();
        form.write_string(1, 0, "District name").unwrap();
        form.write_string(1, 1, "Lowell Public Schools").unwrap();
        form.write_string(2, 0, "1. Priority(ies)").unwrap();
        form.write_string(2, 1, "Priority 1: literacy\nPriority 2: math").unwrap();
        form.write_number(3, 1, 42.0).unwrap();
        form.write_number(4, 1, 0.25).unwrap();
        form.write_boolean(5, 1, true).unwrap();
        form.write_string(6, 1, "   ").unwrap();
        let merged = XFormat::new();
        form.merge_range(8, 0, 8, 3, "Merged heading across A9:D9", &merged).unwrap();

        let section = wb.add_worksheet().set_name("3. Stakeholder Engagement").unwrap();
        // A used range starting at C5 (row 4, col 2): coordinates must be absolute.
        section.write_string(4, 2, "Students").unwrap();
        section.write_string(4, 3, "Surveys of 1,200 students").unwrap();
        section.write_string(5, 2, "Families").unwrap();
        section.write_number(5, 3, 2024.0).unwrap();

        let bench = wb.add_worksheet().set_name("Benchmarks").unwrap();
        for (c, h) in ["Benchmark", "Owner", "Frequency"].iter().enumerate() {
            bench.write_string_with_format(0, c as u16, *h, &bold).unwrap();
        }
        bench.write_string(1, 0, "80% of grade 3 at benchmark").unwrap();
        bench.write_string(1, 1, "Literacy coach").unwrap();
        bench.write_string(1, 2, "Monthly").unwrap();
        let date = XFormat::new().set_num_format("yyyy-mm-dd");
        let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 6, 30).unwrap();
        bench.write_datetime_with_format(2, 2, &d, &date).unwrap();

        let hidden = wb.add_worksheet().set_name("Lists").unwrap();
        hidden.write_string(0, 0, "1. Priority(ies)").unwrap();
        hidden.set_hidden(true);
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn reads_form_sections_and_benchmarks() {
        let bytes = plan_workbook();
        let doc = super::super::read_document("plan.xlsx", &bytes, &limits()).unwrap();
        assert_eq!(doc.format, Format::Xlsx);
        assert_eq!(doc.properties.title.as_deref(), Some("Lowell SSoS Plan"));

        let sheets: Vec<&str> =
            doc.blocks.iter().filter(|b| b.kind == BlockKind::SheetName).map(|b| b.text.as_str()).collect();
        assert_eq!(sheets, ["Form", "3. Stakeholder Engagement", "Benchmarks"], "hidden sheet left out");
        assert_eq!(doc.blocks[0].heading_level, Some(1));

        let title = cell(&doc, "Form", "A1").unwrap();
        assert!(title.bold);
        assert_eq!(title.grid, Some(GridPos { table: 0, row: 0, col: 0, depth: 0 }));
        assert!(!cell(&doc, "Form", "A2").unwrap().bold);
        assert_eq!(cell(&doc, "Form", "B2").unwrap().text, "Lowell Public Schools");
        assert_eq!(cell(&doc, "Form", "B3").unwrap().text, "Priority 1: literacy\nPriority 2: math");
        assert_eq!(cell(&doc, "Form", "B4").unwrap().text, "42");
        assert_eq!(cell(&doc, "Form", "B5").unwrap().text, "0.25");
        assert_eq!(cell(&doc, "Form", "B6").unwrap().text, "TRUE");
        assert!(cell(&doc, "Form", "B7").is_none(), "blank cell skipped");
        assert_eq!(cell(&doc, "Form", "A9").unwrap().text, "Merged heading across A9:D9");
        assert!(cell(&doc, "Form", "B9").is_none());

        let c5 = cell(&doc, "3. Stakeholder Engagement", "C5").unwrap();
        assert_eq!(c5.text, "Students");
        assert_eq!(c5.grid, Some(GridPos { table: 1, row: 4, col: 2, depth: 0 }));
        let d6 = cell(&doc, "3. Stakeholder Engagement", "D6").unwrap();
        assert_eq!(d6.text, "2024");
        assert_eq!(d6.grid, Some(GridPos { table: 1, row: 5, col: 3, depth: 0 }));

        assert!(cell(&doc, "Benchmarks", "B1").unwrap().bold);
        assert_eq!(cell(&doc, "Benchmarks", "C3").unwrap().text, "2024-06-30");

        // Row-major order within each sheet.
        let form: Vec<(usize, usize)> =
            doc.blocks.iter().filter_map(|b| b.grid).filter(|g| g.table == 0).map(|g| (g.row, g.col)).collect();
        let mut sorted = form.clone();
        sorted.sort();
        assert_eq!(form, sorted);
    }

    /// A minimal OpenDocument spreadsheet written by hand.
    fn tiny_ods() -> Vec<u8> {
        let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet>
<table:table table:name="Plan"><table:table-row><table:table-cell table:number-columns-repeated="3"/></table:table-row><table:table-row><table:table-cell/><table:table-cell office:value-type="string"><text:p>1. Priority(ies)</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell/><table:table-cell office:value-type="string"><text:p>Line one</text:p><text:p>Line two</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"#;
        let mut buf = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            zip.start_file("mimetype", stored).unwrap();
            std::io::Write::write_all(&mut zip, b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
            zip.start_file("content.xml", stored).unwrap();
            std::io::Write::write_all(&mut zip, content.as_bytes()).unwrap();
            zip.start_file("META-INF/manifest.xml", stored).unwrap();
            std::io::Write::write_all(
                &mut zip,
                br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#,
            )
            .unwrap();
            zip.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn reads_ods_with_absolute_coordinates() {
        let bytes = tiny_ods();
        let doc = super::super::read_document("plan.ods", &bytes, &limits()).unwrap();
        assert_eq!(doc.format, Format::Ods);
        assert_eq!(doc.blocks[0].kind, BlockKind::SheetName);
        let b2 = cell(&doc, "Plan", "B2").unwrap();
        assert_eq!(b2.text, "1. Priority(ies)");
        assert_eq!(b2.grid, Some(GridPos { table: 0, row: 1, col: 1, depth: 0 }));
        assert_eq!(cell(&doc, "Plan", "C2").unwrap().text, "2");
        assert_eq!(cell(&doc, "Plan", "B3").unwrap().text, "Line one\nLine two");
    }

    fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
        out.extend_from_slice(&typ.to_le_bytes());
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
    }

    fn label(row: u16, col: u16, text: &str) -> Vec<u8> {
        let mut d = Vec::new();
        d.extend_from_slice(&row.to_le_bytes());
        d.extend_from_slice(&col.to_le_bytes());
        d.extend_from_slice(&0u16.to_le_bytes());
        d.extend_from_slice(&(text.len() as u16).to_le_bytes());
        d.push(0); // 8-bit characters
        d.extend_from_slice(text.as_bytes());
        d
    }

    /// A minimal BIFF8 workbook (.xls) in a real OLE container.
    fn tiny_xls() -> Vec<u8> {
        let bof = |kind: u16| {
            let mut d = vec![0u8; 16];
            d[0..2].copy_from_slice(&0x0600u16.to_le_bytes());
            d[2..4].copy_from_slice(&kind.to_le_bytes());
            d
        };
        let name = "Plan";
        let mut globals = Vec::new();
        record(&mut globals, 0x0809, &bof(0x0005));
        let boundsheet_at = globals.len() + 4;
        let mut bs = vec![0u8; 6];
        bs.push(name.len() as u8);
        bs.push(0);
        bs.extend_from_slice(name.as_bytes());
        record(&mut globals, 0x0085, &bs);
        record(&mut globals, 0x000A, &[]);
        let sheet_pos = globals.len() as u32;
        globals[boundsheet_at..boundsheet_at + 4].copy_from_slice(&sheet_pos.to_le_bytes());

        let mut sheet = Vec::new();
        record(&mut sheet, 0x0809, &bof(0x0010));
        record(&mut sheet, 0x0204, &label(4, 2, "1. Priority(ies)"));
        let mut num = Vec::new();
        num.extend_from_slice(&4u16.to_le_bytes());
        num.extend_from_slice(&3u16.to_le_bytes());
        num.extend_from_slice(&0u16.to_le_bytes());
        num.extend_from_slice(&2.0f64.to_le_bytes());
        record(&mut sheet, 0x0203, &num);
        record(&mut sheet, 0x000A, &[]);

        let mut stream = globals;
        stream.extend_from_slice(&sheet);
        stream.resize(stream.len().max(5000), 0); // a regular (not mini) stream
        let mut ole = cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).unwrap();
        std::io::Write::write_all(&mut ole.create_stream("/Workbook").unwrap(), &stream).unwrap();
        ole.flush().unwrap();
        ole.into_inner().into_inner()
    }

    #[test]
    fn reads_xls_with_absolute_coordinates() {
        let bytes = tiny_xls();
        assert_eq!(super::super::detect("plan.xls", &bytes), super::super::Detected::Office(Format::Xls));
        let doc = super::super::read_document("plan.xls", &bytes, &limits()).unwrap();
        assert_eq!(doc.format, Format::Xls);
        let c5 = cell(&doc, "Plan", "C5").unwrap();
        assert_eq!(c5.text, "1. Priority(ies)");
        assert_eq!(c5.grid, Some(GridPos { table: 0, row: 4, col: 2, depth: 0 }));
        assert_eq!(cell(&doc, "Plan", "D5").unwrap().text, "2");
    }

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(6, 1), "B7");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(9, 701), "ZZ10");
        assert_eq!(a1(0, 702), "AAA1");
    }

    #[test]
    fn corrupt_and_truncated_workbooks_are_errors() {
        let bytes = plan_workbook();
        let truncated = &bytes[..bytes.len() / 2];
        let err = read(truncated, Format::Xlsx, &limits()).unwrap_err();
        assert_eq!(err.code(), "ssos::input::unreadable");

        // A zip that claims to be a workbook but whose parts are garbage.
        let mut buf = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            zip.start_file("[Content_Types].xml", opts).unwrap();
            std::io::Write::write_all(&mut zip, b"<Types>spreadsheetml.sheet.main</Types>").unwrap();
            zip.start_file("xl/workbook.xml", opts).unwrap();
            std::io::Write::write_all(&mut zip, b"<workbook><sheets><sheet name=").unwrap();
            zip.finish().unwrap();
        }
        let err = read(buf.get_ref(), Format::Xlsx, &limits()).unwrap_err();
        assert_eq!(err.code(), "ssos::input::unreadable");
        assert!(err.reason.contains("damaged"), "{}", err.reason);
    }

    #[test]
    fn zip_bomb_workbook_is_refused_before_calamine() {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            zip.start_file("[Content_Types].xml", opts).unwrap();
            std::io::Write::write_all(&mut zip, b"<Types>spreadsheetml.sheet.main</Types>").unwrap();
            zip.start_file("xl/sharedStrings.xml", opts).unwrap();
            let zeros = vec![b' '; 1 << 20];
            for _ in 0..3 {
                std::io::Write::write_all(&mut zip, &zeros).unwrap();
            }
            zip.finish().unwrap();
        }
        let small = Limits { max_part_bytes: 1 << 20, max_total_inflated: 2 << 20, ..Limits::default() };
        let err = read(buf.get_ref(), Format::Xlsx, &small).unwrap_err();
        assert!(err.reason.contains("zip bomb"), "{}", err.reason);
    }

    #[test]
    fn too_many_cells_is_refused() {
        let mut b = Budget::default();
        for _ in 0..MAX_CELLS {
            b.add("x").unwrap();
        }
        assert!(b.add("x").unwrap_err().reason.contains("filled cells"));
    }

    #[test]
    fn number_and_date_text() {
        assert_eq!(float_text(3.0), "3");
        assert_eq!(float_text(-12.0), "-12");
        assert_eq!(float_text(2.5), "2.5");
        assert_eq!(float_text(1e20), "100000000000000000000");
    }
}
