//! The PDF reader on arbitrary bytes.
#![no_main]
#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = ssos_lint::read::pdf::read(data, &common::limits());
});
