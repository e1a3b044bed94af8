//! Bad input never crashes: every file of the bad-input catalog ends in its
//! `ssos::input::…` diagnostic, and files named wrongly are read by content.

mod common;

use common::*;
use ssos_fixtures::bad;
use ssos_lint::report::Status;

#[test]
fn every_bad_input_ends_in_its_input_diagnostic() {
    for file in bad::catalog() {
        let report = check(file.name, &file.bytes);
        match file.expect {
            Some(code) => {
                assert_eq!(report.status, Status::Error, "{}: {}", file.name, summary(&report));
                let d = &report.diagnostics[0];
                assert_eq!(d.code, code, "{}: {}", file.name, d.message);
                assert!(!d.help.is_empty() && !d.message.is_empty(), "{}", file.name);
            }
            // A zip that is no office package holds no plan; renamed files are read (next test).
            None if file.name == "plain-zip.docx" => {
                assert_eq!(report.status, Status::Error, "{}", summary(&report));
                assert!(report.diagnostics[0].code.starts_with("ssos::input::"), "{}", summary(&report));
            }
            None => assert_ne!(report.status, Status::Error, "{}: {}", file.name, summary(&report)),
        }
    }
}

#[test]
fn a_file_is_read_by_its_content_not_its_name() {
    let renamed = check("really-a-docx.xlsx", &bad::docx_renamed_xlsx());
    assert_eq!(renamed.format.as_deref(), Some("docx"));
    assert_eq!(renamed.status, Status::Pass, "{}", summary(&renamed));
    let renamed = check("really-an-xlsx.docx", &bad::xlsx_renamed_docx());
    assert!(renamed.format.as_deref().is_some_and(|f| f.starts_with("xls")), "{:?}", renamed.format);
}

#[test]
fn helpful_reasons_for_the_common_mistakes() {
    let encrypted = check("plan.docx", &bad::encrypted_ooxml());
    assert!(encrypted.diagnostics[0].help.to_lowercase().contains("password"), "{}", summary(&encrypted));
    let doc = check("plan.doc", &bad::legacy_doc());
    assert!(doc.diagnostics[0].help.contains(".docx"), "{}", summary(&doc));
    let pdf = check("plan.pdf", &bad::scanned_pdf());
    assert_eq!(pdf.diagnostics[0].code, "ssos::document::scanned-pdf");
    assert!(pdf.diagnostics[0].help.contains("Word file"), "{}", summary(&pdf));
    let pdf = check("plan.pdf", &bad::encrypted_pdf());
    assert!(pdf.diagnostics[0].message.contains("password"), "{}", summary(&pdf));
    let bomb = check("bomb.docx", &bad::zip_bomb_docx());
    assert!(bomb.diagnostics[0].message.contains("limit"), "{}", summary(&bomb));
}

#[test]
fn random_bytes_of_every_size_are_refused_not_fatal() {
    for (seed, n) in [(1, 0), (2, 1), (3, 4), (4, 22), (5, 512), (6, 4096), (7, 65536)] {
        let mut bytes = bad::random_bytes(seed, n);
        if n >= 4 {
            bytes[..4].copy_from_slice(b"PK\x03\x04"); // looks like a zip, is not
        }
        let report = check("random.docx", &bytes);
        assert_eq!(report.status, Status::Error, "{n} bytes: {}", summary(&report));
    }
}
