//! The spreadsheet reader (XLSX, XLS, ODS) on arbitrary bytes; the first
//! byte picks the format calamine is asked to read.
#![no_main]
#[path = "common.rs"]
mod common;

use ssos_lint::model::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let format = match pick % 3 {
        0 => Format::Xlsx,
        1 => Format::Xls,
        _ => Format::Ods,
    };
    let _ = ssos_lint::read::xlsx::read(bytes, format, &common::limits());
});
