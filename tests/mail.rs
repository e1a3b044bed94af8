//! Mail as real inboxes deliver it (Microsoft 365, Exchange, Outlook): every
//! plan attachment is read, named exactly, and attributed to its district,
//! through the command line.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use ssos_fixtures::mail::{self, Naming, Part};
use ssos_fixtures::{Layout, Plan, docx};

fn check(path: &Path) -> Value {
    let out = Command::cargo_bin("ssos-lint")
        .unwrap()
        .args(["check", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn files(json: &Value) -> Vec<Value> {
    json["files"].as_array().unwrap().clone()
}

fn attachments(json: &Value) -> Vec<String> {
    files(json).iter().map(|f| f["attachment"].as_str().unwrap_or_default().to_string()).collect()
}

/// An anonymous plan: the district is named nowhere in it, only by the file name.
fn anonymous_plan() -> Vec<u8> {
    docx(&Plan::complete(""), Layout::HeadingStyles)
}

const SENDER: &str = "Jane Doe <jane.doe1987@gmail.com>";

#[test]
fn exchange_folded_name_labelled_text_is_read_and_attributed() {
    let plan = anonymous_plan();
    let name = "Taunton Public Schools SSoS District Prioritization Submission SY2023-24 (final).docx";
    for content_type in
        [Some("text/plain"), None, Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    {
        let eml = mail::m365_eml(
            SENDER,
            b"Soumission du plan d'am\xe9lioration",
            &[Part { name, naming: Naming::ExchangeFolded, content_type, bytes: &plan }],
        );
        let dir = tempfile::tempdir().unwrap();
        let json = check(&write(dir.path(), "m365.eml", &eml));
        let entries = files(&json);
        assert_eq!(attachments(&json), [name], "{content_type:?}: {json:#}");
        assert_eq!(entries[0]["district"], "Taunton", "{content_type:?}: {:#}", entries[0]);
        assert_ne!(entries[0]["status"], "unreadable", "{content_type:?}: {:#}", entries[0]);
        assert!(
            !entries[0]["diagnostics"].to_string().contains("ssos::input::"),
            "{content_type:?}: a valid .docx is read, never reported damaged: {:#}",
            entries[0]
        );
    }
}

#[test]
fn names_in_asian_charsets_are_exact() {
    let plan = anonymous_plan();
    let cases: [(&str, &'static [u8], &str); 5] = [
        ("big5", b"Lowell \xadp\xb9\xba\xae\xd1.docx", "Lowell 計劃書.docx"),
        ("gb2312", b"Lowell \xbc\xc6\xbb\xae\xca\xe9.docx", "Lowell 计划书.docx"),
        ("ks_c_5601-1987", b"Lowell \xb0\xe8\xc8\xb9\xbc\xad.docx", "Lowell 계획서.docx"),
        ("shift_jis", b"Lowell \x8cv\x89\xe6\x8f\x91.docx", "Lowell 計画書.docx"),
        ("iso-2022-jp", b"Lowell \x1b$B7W2h=q\x1b(B.docx", "Lowell 計画書.docx"),
    ];
    let parts: Vec<Part> = cases
        .iter()
        .map(|(charset, raw, _)| Part {
            name: "",
            naming: Naming::Encoded { charset, raw },
            content_type: Some("application/octet-stream"),
            bytes: &plan,
        })
        .collect();
    let eml = mail::m365_eml(SENDER, b"plan", &parts);
    let dir = tempfile::tempdir().unwrap();
    let json = check(&write(dir.path(), "asian.eml", &eml));
    let mut want: Vec<&str> = cases.iter().map(|c| c.2).collect();
    want.sort();
    let mut got = attachments(&json);
    got.sort();
    assert_eq!(got, want, "{json:#}");
    for entry in files(&json) {
        assert_eq!(entry["district"], "Lowell", "{entry:#}");
    }
}

#[test]
fn forwarded_as_octet_stream_and_inside_a_zip() {
    let plan = anonymous_plan();
    let name = "Fall River SSoS Submission.docx";
    let inner = mail::m365_eml(
        "Superintendent <super@fallriverschools.example.org>",
        b"plan",
        &[Part { name, naming: Naming::ExchangeFolded, content_type: Some("application/octet-stream"), bytes: &plan }],
    );
    let dir = tempfile::tempdir().unwrap();
    // Forwarded without a file name, and with one.
    let json = check(&write(dir.path(), "fwd.eml", &mail::forward_as_octet_stream(SENDER, &inner, None)));
    assert_eq!(attachments(&json), [format!("attachment 1/{name}")], "{json:#}");
    assert_eq!(files(&json)[0]["district"], "Fall River");
    let json = check(&write(dir.path(), "fwd2.eml", &mail::forward_as_octet_stream(SENDER, &inner, Some("plan.eml"))));
    assert_eq!(attachments(&json), [format!("plan.eml/{name}")], "{json:#}");

    // Saved messages in a zip: one read, one unreadable and reported.
    let zip = mail::zip_archive(&[("saved/plan.eml", &inner), ("saved/unreadable.eml", b"\x00\x01\x02garbage\xff")]);
    let json = check(&write(dir.path(), "saved.zip", &zip));
    assert_eq!(attachments(&json), [format!("saved/plan.eml/{name}"), "saved/unreadable.eml".to_string()], "{json:#}");
    assert_eq!(files(&json)[0]["district"], "Fall River");
    assert!(files(&json)[1]["diagnostics"].to_string().contains("ssos::input::unreadable"), "{json:#}");
}

#[test]
fn damaged_winmail_dat_keeps_the_plan() {
    let plan = anonymous_plan();
    let dat =
        mail::winmail_dat(&[("Brockton Public Schools plan.docx", &plan), ("image001.png", b"\x89PNG\r\n\x1a\n....")]);
    let dir = tempfile::tempdir().unwrap();
    // Two stray bytes at the end; and the last attribute cut short.
    let mut trailing = dat.clone();
    trailing.extend_from_slice(&[0, 0]);
    let cut = &dat[..dat.len() - 7];
    for (label, stream) in [("trailing bytes", &trailing[..]), ("cut last attribute", cut)] {
        let json = check(&write(dir.path(), "tnef.eml", &mail::tnef_eml(SENDER, stream)));
        assert_eq!(attachments(&json), ["Brockton Public Schools plan.docx"], "{label}: {json:#}");
        assert_eq!(files(&json)[0]["district"], "Brockton", "{label}");
    }
}

#[test]
fn folder_scans_find_templates_and_macro_files() {
    let dir = tempfile::tempdir().unwrap();
    let plan = docx(&Plan::complete("Lowell"), Layout::HeadingStyles);
    write(dir.path(), "Lowell plan.dotm", &plan);
    write(dir.path(), "Lowell plan.dotx", &plan);
    let book = ssos_fixtures::xlsx(&Plan::complete("Lowell"), ssos_fixtures::SheetShape::FormSheet);
    write(dir.path(), "Lowell book.xltx", &book);
    write(dir.path(), "Lowell book.xltm", &book);
    let json = check(dir.path());
    let mut paths: Vec<String> = files(&json)
        .iter()
        .map(|f| Path::new(f["path"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    paths.sort();
    assert_eq!(paths, ["Lowell book.xltm", "Lowell book.xltx", "Lowell plan.dotm", "Lowell plan.dotx"], "{json:#}");
}
