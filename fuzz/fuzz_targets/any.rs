//! The whole pipeline (detect, read, map, check) on arbitrary bytes.
#![no_main]
#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = common::linter().check_bytes("fuzz", data);
});
