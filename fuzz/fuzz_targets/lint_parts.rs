//! Structure-aware: a valid plan whose word/document.xml, styles.xml or
//! numbering.xml (picked by the first byte) is replaced by the fuzz bytes,
//! then the whole lint (read, map, check, report).
#![no_main]
#[path = "common.rs"]
mod common;

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

const PARTS: [&str; 3] = ["word/document.xml", "word/styles.xml", "word/numbering.xml"];

fn plan_parts() -> &'static Vec<(String, Vec<u8>)> {
    static PARTS_OF_PLAN: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    PARTS_OF_PLAN.get_or_init(|| {
        let plan = ssos_fixtures::Plan::complete("Lowell");
        let bytes = ssos_fixtures::docx(&plan, ssos_fixtures::Layout::AutoNumbered);
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("plan zip");
        (0..zip.len())
            .map(|i| {
                let mut e = zip.by_index(i).expect("entry");
                let mut data = Vec::new();
                e.read_to_end(&mut data).expect("read");
                (e.name().to_string(), data)
            })
            .collect()
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&pick, xml)) = data.split_first() else { return };
    let target = PARTS[usize::from(pick) % PARTS.len()];
    let mut zw = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut replaced = false;
    for (name, bytes) in plan_parts() {
        let _ = zw.start_file(name.as_str(), opts);
        if name == target {
            replaced = true;
            let _ = zw.write_all(xml);
        } else {
            let _ = zw.write_all(bytes);
        }
    }
    if !replaced {
        let _ = zw.start_file(target, opts);
        let _ = zw.write_all(xml);
    }
    let Ok(cursor) = zw.finish() else { return };
    let _ = common::linter().check_bytes("plan.docx", &cursor.into_inner());
});
