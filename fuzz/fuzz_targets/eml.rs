//! The .eml reader (MIME, attachments, TNEF) on arbitrary bytes.
#![no_main]
#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = ssos_lint::read::email::expand("fuzz.eml", data, &common::limits(), 0);
});
