//! Prints, for each file named (.eml, .msg or winmail.dat), the attachment
//! names ssos-lint reads, one JSON object per line, to compare with other
//! mail readers (`scripts/compare_mail.py`):
//! `cargo run --example mail_names -- FILE...`.

use ssos_lint::read::{email, msg};

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let names = if bytes.starts_with(&[0x78, 0x9F, 0x3E, 0x22]) {
            email::winmail_names(&bytes)
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            msg::attachment_names(&bytes)
        } else {
            email::attachment_names(&bytes)
        };
        println!("{}", serde_json::json!({ "path": path, "names": names }));
    }
}
