//! The Outlook .msg reader (CFB) on arbitrary bytes.
#![no_main]
#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = ssos_lint::read::msg::expand("fuzz.msg", data, &common::limits(), 0);
});
