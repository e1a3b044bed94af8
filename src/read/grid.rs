//! Grid bounds: what calamine would allocate, worked out before it does.
//!
//! calamine builds each ODS and XLS sheet as a dense grid over the sheet's
//! bounding box (`rows × columns` cells, empty ones included), reserves the
//! grid an XLS `DIMENSIONS` record declares, and reserves the shared-string
//! table an XLSX `uniqueCount` declares. A few hundred bytes can declare
//! billions of cells (`table:number-rows-repeated`, a lying DIMENSIONS
//! record, one cell at A1 and one at IV65536), and a failed allocation
//! aborts the process. So the same numbers are read here first, in one
//! streaming pass that allocates nothing per cell, and a workbook over
//! [`MAX_GRID`] is refused with `ssos::input::unreadable` naming the limit.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{InputError, Limits};
use crate::model::Format;

/// Most cells (filled or empty) in the grid calamine may allocate for one
/// sheet, and in all of a workbook's sheets together (about 56 bytes each:
/// value plus formula).
pub const MAX_GRID: u64 = 2_000_000;
/// Most spaces one ODS workbook may ask for with `<text:s text:c="N"/>`.
pub const MAX_ODS_SPACES: u64 = 1_000_000;
/// Most shared strings an XLSX may declare (calamine reserves them).
pub const MAX_SHARED_STRINGS: u64 = 2_000_000;

/// calamine's caps on an ODS sheet.
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLUMNS: u64 = 16_384;

/// Refuses a workbook whose sheets would make calamine allocate past the limits.
pub fn precheck(bytes: &[u8], format: Format, limits: &Limits) -> Result<(), InputError> {
    match format {
        Format::Ods => ods(bytes, limits),
        Format::Xls => xls(bytes, limits),
        Format::Xlsx | Format::Xlsm => xlsx(bytes, limits),
        _ => Ok(()),
    }
}

/// Runs `f` over a part of a zip package as a buffered stream, capped at
/// the part limit (the package's sizes were checked before); `Ok` when the
/// part is absent or unreadable (calamine reports that).
fn with_part(
    bytes: &[u8],
    name: &str,
    limits: &Limits,
    f: impl FnOnce(&mut dyn std::io::BufRead) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    let Some(index) = zip.index_for_name(name) else { return Ok(()) };
    let Ok(file) = zip.by_index(index) else { return Ok(()) };
    let mut reader = std::io::BufReader::new(file.take(limits.max_part_bytes));
    f(&mut reader)
}

fn too_big(what: String) -> InputError {
    InputError::unreadable(
        format!(
            "{what}, over the limit of {MAX_GRID} cells per workbook: far more than a plan holds (a damaged or hostile file)"
        ),
        "Send only the plan: delete the empty rows and columns below and right of it, or copy the plan into a new workbook.",
    )
}

/// Running bounding box of the filled cells of one sheet.
#[derive(Default)]
struct Bounds {
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
}

impl Bounds {
    fn add(&mut self, row: (u64, u64), col: (u64, u64)) {
        self.rows = Some(self.rows.map_or(row, |(a, b)| (a.min(row.0), b.max(row.1))));
        self.cols = Some(self.cols.map_or(col, |(a, b)| (a.min(col.0), b.max(col.1))));
    }

    fn area(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => (r1 - r0 + 1).saturating_mul(c1 - c0 + 1),
            _ => 0,
        }
    }
}

fn attr_u64(e: &BytesStart<'_>, key: &str) -> Option<u64> {
    e.attributes().with_checks(false).flatten().find(|a| a.key.as_ref() == key).map(|a| {
        let digits: &str = a.value.as_ref();
        // A repeat count too long for u64 is as good as infinite.
        digits.trim().parse::<u64>().unwrap_or(u64::MAX)
    })
}

fn has_attr(e: &BytesStart<'_>, key: &str) -> bool {
    e.attributes().with_checks(false).flatten().any(|a| a.key.as_ref() == key)
}

/// ODS: one pass over `content.xml` counting rows and columns with their
/// repeats, as calamine will expand them.
fn ods(bytes: &[u8], limits: &Limits) -> Result<(), InputError> {
    with_part(bytes, "content.xml", limits, |content| ods_content(content, limits))
}

fn ods_content(content: &mut dyn std::io::BufRead, limits: &Limits) -> Result<(), InputError> {
    let mut reader = Reader::from_reader(content);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut total: u64 = 0;
    let mut spaces: u64 = 0;
    let mut sheet = String::new();
    let mut bounds = Bounds::default();
    // calamine's per-row buffer: cells pushed for each row element (not
    // multiplied by the row's repeat), summed over the sheet.
    let mut pushed: u64 = 0;
    let (mut row, mut row_repeat, mut col, mut in_row) = (0u64, 1u64, 0u64, false);
    let mut row_pushed: u64 = 0;
    loop {
        limits.check_deadline()?;
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(_) => return Ok(()), // malformed: calamine says so
        };
        let (e, has_content) = match &event {
            Event::Start(e) => (Some(e), true),
            Event::Empty(e) => (Some(e), false),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table" => {
                        total = total.saturating_add(bounds.area());
                        check_ods_sheet(&sheet, &bounds, pushed, total)?;
                    }
                    "table:table-row" if in_row => {
                        in_row = false;
                        pushed = pushed.saturating_add(row_pushed);
                        row = row.saturating_add(row_repeat).min(ODS_MAX_ROWS);
                    }
                    _ => {}
                }
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        let Some(e) = e else { continue };
        match e.name().as_ref() {
            "table:table" => {
                sheet = e
                    .attributes()
                    .with_checks(false)
                    .flatten()
                    .find(|a| a.key.as_ref() == "table:name")
                    .map(|a| a.value.chars().take(64).collect())
                    .unwrap_or_default();
                bounds = Bounds::default();
                pushed = 0;
                row = 0;
            }
            "table:table-row" => {
                row_repeat = attr_u64(e, "table:number-rows-repeated").unwrap_or(1).max(1);
                row_repeat = row_repeat.min(ODS_MAX_ROWS.saturating_sub(row)).max(1);
                col = 0;
                row_pushed = 0;
                if has_content {
                    in_row = true;
                } else {
                    row = row.saturating_add(row_repeat).min(ODS_MAX_ROWS);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let repeat = attr_u64(e, "table:number-columns-repeated").unwrap_or(1).max(1);
                let repeat = repeat.min(ODS_MAX_COLUMNS.saturating_sub(col)).max(1);
                let filled = has_content
                    || has_attr(e, "office:value-type")
                    || has_attr(e, "office:value")
                    || has_attr(e, "table:formula");
                if filled {
                    let rows = (row, row.saturating_add(row_repeat - 1));
                    bounds.add(rows, (col, col.saturating_add(repeat - 1)));
                    // calamine pushes the empty cells before a filled one too.
                    row_pushed = (col.saturating_add(repeat)).min(ODS_MAX_COLUMNS);
                }
                col = col.saturating_add(repeat).min(ODS_MAX_COLUMNS);
                if bounds.area() > MAX_GRID || pushed.saturating_add(row_pushed) > MAX_GRID {
                    check_ods_sheet(&sheet, &bounds, pushed.saturating_add(row_pushed), total)?;
                }
            }
            "text:s" => {
                spaces = spaces.saturating_add(attr_u64(e, "text:c").unwrap_or(1));
                if spaces > MAX_ODS_SPACES {
                    return Err(InputError::unreadable(
                        format!("the workbook asks for more than {MAX_ODS_SPACES} repeated spaces (text:s)"),
                        "Save the plan again from LibreOffice or Excel, or copy it into a new workbook.",
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_ods_sheet(sheet: &str, bounds: &Bounds, pushed: u64, total: u64) -> Result<(), InputError> {
    let area = bounds.area();
    if area > MAX_GRID || pushed > MAX_GRID || total > MAX_GRID {
        let rows = bounds.rows.map_or(0, |(a, b)| b - a + 1);
        let cols = bounds.cols.map_or(0, |(a, b)| b - a + 1);
        return Err(too_big(format!(
            "sheet '{sheet}' spans {rows} rows by {cols} columns with its repeated rows and columns \
             (table:number-rows-repeated, table:number-columns-repeated)"
        )));
    }
    Ok(())
}

/// XLS: the BIFF records of the workbook stream: every sheet's DIMENSIONS
/// record and the bounding box of its cell records.
fn xls(bytes: &[u8], limits: &Limits) -> Result<(), InputError> {
    let Ok(mut ole) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Ok(()); // calamine reports it
    };
    let name = ["/Workbook", "/Book", "/WORKBOOK", "/BOOK"].into_iter().find(|n| ole.is_stream(n));
    let Some(name) = name else { return Ok(()) };
    let Ok(stream) = ole.open_stream(name) else { return Ok(()) };
    if stream.len() > limits.max_file_bytes {
        return Err(super::xml::zip_bomb_error(name.trim_start_matches('/'), limits));
    }
    let mut data = Vec::new();
    if stream.take(limits.max_file_bytes).read_to_end(&mut data).is_err() {
        return Ok(());
    }
    let mut at = 0usize;
    let mut sheet = 0usize;
    let mut depth = 0usize;
    let mut bounds = Bounds::default();
    let mut total: u64 = 0;
    let u16_at = |d: &[u8], i: usize| d.get(i..i + 2).map_or(0, |b| u64::from(u16::from_le_bytes([b[0], b[1]])));
    let u32_at =
        |d: &[u8], i: usize| d.get(i..i + 4).map_or(0, |b| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])));
    while at + 4 <= data.len() {
        limits.check_deadline()?;
        let typ = u16_at(&data, at);
        let len = u16_at(&data, at + 2) as usize;
        let Some(r) = data.get(at + 4..at + 4 + len) else { break };
        at += 4 + len;
        match typ {
            0x0809 => {
                depth += 1;
                if depth == 1 {
                    sheet += 1;
                    bounds = Bounds::default();
                }
            }
            0x000A => {
                if depth == 1 {
                    total = total.saturating_add(bounds.area());
                    if bounds.area() > MAX_GRID || total > MAX_GRID {
                        return Err(too_big(format!(
                            "the cells of sheet {} spread over {} cells (one far from the others)",
                            sheet.saturating_sub(1),
                            bounds.area()
                        )));
                    }
                }
                depth = depth.saturating_sub(1);
            }
            // DIMENSIONS, as calamine reads it (it reserves rows × columns).
            0x0200 if depth == 1 => {
                let (rf, rl, mut cf, cl) = match r.len() {
                    10 => (u16_at(r, 0), u16_at(r, 2), u16_at(r, 4), u16_at(r, 6)),
                    14 | 16 => (u32_at(r, 0), u32_at(r, 4), u16_at(r, 8), u16_at(r, 10)),
                    _ => continue,
                };
                if cf > 0xFF || cl < cf {
                    cf = 0;
                }
                let (rows, cols) = if rl >= 1 && cl >= 1 {
                    // calamine computes `end - start + 1` in u32, wrapping when end < start.
                    let rows = (rl - 1).wrapping_sub(rf).wrapping_add(1) & 0xFFFF_FFFF;
                    let cols = (cl - 1).wrapping_sub(cf).wrapping_add(1) & 0xFFFF_FFFF;
                    (rows, cols)
                } else {
                    (1, 1)
                };
                if rows.saturating_mul(cols) > MAX_GRID {
                    return Err(too_big(format!("sheet {} declares {rows} rows by {cols} columns", sheet - 1)));
                }
            }
            // Cell records: row and column first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 | 0x0207 if depth == 1 && r.len() >= 4 => {
                let (row, col) = (u16_at(r, 0), u16_at(r, 2));
                bounds.add((row, row), (col, col));
            }
            // MULRK: row, first column, ..., last column.
            0x00BD if depth == 1 && r.len() >= 6 => {
                let (row, first, last) = (u16_at(r, 0), u16_at(r, 2), u16_at(r, r.len() - 2));
                bounds.add((row, row), (first.min(last), first.max(last)));
            }
            _ => {}
        }
        if bounds.area() > MAX_GRID {
            return Err(too_big(format!(
                "the cells of sheet {} spread over {} cells (one far from the others)",
                sheet.saturating_sub(1),
                bounds.area()
            )));
        }
    }
    Ok(())
}

/// XLSX: the shared-string count calamine reserves.
fn xlsx(bytes: &[u8], limits: &Limits) -> Result<(), InputError> {
    with_part(bytes, "xl/sharedStrings.xml", limits, shared_strings)
}

fn shared_strings(content: &mut dyn std::io::BufRead) -> Result<(), InputError> {
    let mut reader = Reader::from_reader(content);
    let mut buf = Vec::new();
    for _ in 0..64 {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                let count = attr_u64(&e, "uniqueCount").unwrap_or(0);
                if count > MAX_SHARED_STRINGS {
                    return Err(InputError::unreadable(
                        format!(
                            "the workbook declares {count} shared strings, over the limit of {MAX_SHARED_STRINGS} \
                             (a damaged or hostile file)"
                        ),
                        "Save the plan again from Excel, or copy it into a new workbook.",
                    ));
                }
                return Ok(());
            }
            Ok(Event::Eof) | Err(_) => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}
