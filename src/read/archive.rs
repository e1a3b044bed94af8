//! Zip archives: the members of a zip on disk or inside an email, listed
//! for the dispatcher ([`super::dispatch`]), which reads or expands each.
//!
//! Members left out: directories, `__MACOSX/`, hidden files (a path part
//! starting with '.'), Office lock files (`~$...`). An archive whose entries
//! overlap (the shape of a zip bomb) is refused when opened. Members are
//! inflated through [`Package`], so every inflate is capped; each member's
//! declared (central directory) size is listed so the dispatcher can refuse
//! a bomb before inflating it.

use std::collections::HashMap;
use std::io::Cursor;

use super::dispatch::{Listing, Member, MemberKind};
use super::formats::Container;
use super::xml::Package;
use super::{Entry, InputError, Limits};

/// Expands a zip archive on disk: the dispatcher with this archive at the top.
pub fn expand(path: &str, bytes: &[u8], limits: &Limits, depth: usize) -> Vec<Entry> {
    super::dispatch::expand_as(Container::Zip, path, bytes, limits, depth)
}

/// An opened zip archive, listing its members in central-directory order.
pub(crate) struct Zip<'a> {
    package: Package<'a>,
    names: std::vec::IntoIter<String>,
    declared: HashMap<String, u64>,
    current: String,
}

impl<'a> Zip<'a> {
    /// Opens an archive; `limits.max_total_inflated` is what it may inflate in all.
    pub(crate) fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self, InputError> {
        let package = Package::open(bytes, limits)?;
        if overlapping_entries(bytes) {
            return Err(InputError::unreadable(
                "the archive's entries overlap one another (the shape of a zip bomb)",
                "Make a new .zip of the plan files, or attach the plans directly.",
            ));
        }
        let names: Vec<String> = package.names().into_iter().filter(|n| !skipped_member(n)).collect();
        Ok(Zip { package, names: names.into_iter(), declared: declared_sizes(bytes), current: String::new() })
    }
}

impl Listing for Zip<'_> {
    fn next(&mut self) -> Option<Result<Member, InputError>> {
        let name = self.names.next()?;
        let declared = self.declared.get(&name).copied().unwrap_or(0);
        self.current.clone_from(&name);
        Some(Ok(Member { name, kind: MemberKind::File { declared: Some(declared) } }))
    }

    fn rest(&mut self) -> usize {
        self.names.len()
    }

    fn take(&mut self) -> Result<Option<Vec<u8>>, InputError> {
        self.package.read(&self.current)
    }
}

/// Member paths left out of archives: folders, macOS metadata, hidden files, lock files.
fn skipped_member(name: &str) -> bool {
    name.ends_with('/')
        || name.starts_with("__MACOSX/")
        || name
            .split(['/', '\\'])
            .any(|part| (part.starts_with('.') && part != "." && part != "..") || part.starts_with("~$"))
}

/// The declared (central directory) inflated size of each member.
/// Whether two entries of the central directory share their data (several
/// names for one local entry, or one entry's data inside another's): no
/// archiver writes that; overlapping zip bombs do.
fn overlapping_entries(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let mut spans: Vec<(u64, u64)> = (0..zip.len())
        .filter_map(|i| zip.by_index_raw(i).ok().map(|e| (e.header_start(), e.compressed_size())))
        .collect();
    spans.sort_unstable();
    spans.windows(2).any(|w| w[0].0 == w[1].0 || w[0].0.saturating_add(w[0].1) > w[1].0)
}

fn declared_sizes(bytes: &[u8]) -> HashMap<String, u64> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return HashMap::new();
    };
    (0..zip.len()).filter_map(|i| zip.by_index_raw(i).ok().map(|e| (e.name().to_string(), e.size()))).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use super::*;
    use crate::read::InputErrorKind;

    pub fn tiny_xlsx(text: &str) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let sheet = wb.add_worksheet().set_name("Plan").unwrap();
        sheet.write_string(0, 0, "1. Priority(ies)").unwrap();
        sheet.write_string(0, 1, text).unwrap();
        wb.save_to_buffer().unwrap()
    }

    pub fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            for (name, data) in members {
                if name.ends_with('/') {
                    zip.add_directory(name.trim_end_matches('/'), opts).unwrap();
                } else {
                    zip.start_file(*name, opts).unwrap();
                    zip.write_all(data).unwrap();
                }
            }
            zip.finish().unwrap();
        }
        buf.into_inner()
    }

    fn cell_text(entry: &Entry) -> String {
        let doc = entry.result.as_ref().unwrap();
        doc.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("|")
    }

    #[test]
    fn members_are_read_and_junk_skipped() {
        let xlsx = tiny_xlsx("literacy");
        let bytes = zip_of(&[
            ("Lowell/", b""),
            ("Lowell/plan.xlsx", &xlsx),
            ("__MACOSX/Lowell/._plan.xlsx", b"junk"),
            ("Lowell/.DS_Store", b"junk"),
            ("Lowell/~$plan.xlsx", b"lock"),
            ("Lowell/logo.png", b"\x89PNG\r\n\x1a\n...."),
            ("Lowell/plan.pdf", b"%PDF-1.7 ..."),
            ("Lowell/plan.docx", b"this is not a zip"),
            ("./dot/plan2.xlsx", &xlsx),
        ]);
        let entries = crate::read::expand("inbox/plans.zip", &bytes, &Limits::default());
        let names: Vec<_> = entries.iter().map(|e| e.attachment.clone().unwrap()).collect();
        assert_eq!(names, ["Lowell/plan.xlsx", "Lowell/plan.pdf", "Lowell/plan.docx", "./dot/plan2.xlsx"]);
        assert!(entries.iter().all(|e| e.path == "inbox/plans.zip"));
        assert!(entries.iter().all(|e| e.package.as_deref() == Some("inbox/plans.zip")));
        assert!(cell_text(&entries[0]).contains("literacy"));
        // A PDF is read now; this one is only a header, so it is damaged.
        assert_eq!(entries[1].result.as_ref().unwrap_err().kind, InputErrorKind::Unreadable);
        assert!(entries[1].result.as_ref().unwrap_err().help.contains(".docx"));
        assert_eq!(entries[2].result.as_ref().unwrap_err().kind, InputErrorKind::Unreadable);
    }

    #[test]
    fn nested_zips_and_depth_limit() {
        let xlsx = tiny_xlsx("math");
        let level3 = zip_of(&[("deep.xlsx", &xlsx)]);
        let level2 = zip_of(&[("c.zip", &level3), ("mid.xlsx", &xlsx)]);
        let level1 = zip_of(&[("b.zip", &level2)]);
        let limits = Limits { max_archive_depth: 1, ..Limits::default() };
        let entries = expand("all.zip", &level1, &limits, 0);
        let names: Vec<_> = entries.iter().map(|e| e.attachment.clone().unwrap()).collect();
        assert_eq!(names, ["b.zip/c.zip", "b.zip/mid.xlsx"]);
        let err = entries[0].result.as_ref().unwrap_err();
        assert!(err.reason.contains("nested too deeply"), "{}", err.reason);
        assert!(cell_text(&entries[1]).contains("math"));

        let deeper = expand("all.zip", &level1, &Limits::default(), 0);
        let names: Vec<_> = deeper.iter().map(|e| e.attachment.clone().unwrap()).collect();
        assert_eq!(names, ["b.zip/c.zip/deep.xlsx", "b.zip/mid.xlsx"]);
        assert!(deeper[0].result.is_ok());
    }

    #[test]
    fn nested_zip_bomb_is_refused_quickly() {
        let zeros = vec![0u8; 4 << 20];
        let bomb = zip_of(&[("bomb.xlsx", &zeros)]);
        assert!(bomb.len() < 100_000);
        let outer = zip_of(&[("inner.zip", &bomb), ("ok.xlsx", &tiny_xlsx("fine"))]);
        let limits = Limits { max_part_bytes: 1 << 20, max_total_inflated: 4 << 20, ..Limits::default() };
        let entries = expand("bombs.zip", &outer, &limits, 0);
        let names: Vec<_> = entries.iter().map(|e| e.attachment.clone().unwrap()).collect();
        assert_eq!(names, ["inner.zip/bomb.xlsx", "ok.xlsx"]);
        let err = entries[0].result.as_ref().unwrap_err();
        assert!(err.reason.contains("zip bomb"), "{}", err.reason);
        assert!(entries[1].result.is_ok());
    }

    /// Rewrites every declared uncompressed size (local headers and central
    /// directory) to 10 bytes, as a hostile zip would.
    fn lie_about_sizes(mut zip: Vec<u8>) -> Vec<u8> {
        let mut i = 0;
        while i + 30 <= zip.len() {
            if zip[i..].starts_with(b"PK\x03\x04") {
                zip[i + 22..i + 26].copy_from_slice(&10u32.to_le_bytes());
            } else if zip[i..].starts_with(b"PK\x01\x02") {
                zip[i + 24..i + 28].copy_from_slice(&10u32.to_le_bytes());
            }
            i += 1;
        }
        zip
    }

    #[test]
    fn lying_declared_sizes_are_still_bounded() {
        let zeros = vec![0u8; 3 << 20];
        let bomb = lie_about_sizes(zip_of(&[("bomb.xlsx", &zeros)]));
        let limits = Limits { max_part_bytes: 1 << 20, max_total_inflated: 2 << 20, ..Limits::default() };
        let outer = zip_of(&[("inner.zip", &bomb)]);
        let entries = expand("liar.zip", &outer, &limits, 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].attachment.as_deref(), Some("inner.zip/bomb.xlsx"));
        // Either refused as a bomb or found damaged: never inflated past the cap.
        assert_eq!(entries[0].result.as_ref().unwrap_err().kind, InputErrorKind::Unreadable);
        assert!(outer.len() < 100_000 && entries.len() == 1);
        assert!(
            crate::read::xlsx::read(&bomb, crate::model::Format::Xlsx, &limits).is_err(),
            "a workbook with lying sizes is refused before calamine"
        );
    }

    #[test]
    fn nested_archives_share_one_budget() {
        let three_mb = vec![7u8; 3 << 20];
        let inner = zip_of(&[("big.xlsx", &three_mb)]);
        let outer = zip_of(&[("a.zip", &inner), ("b.zip", &inner), ("c.zip", &inner)]);
        let limits = Limits { max_part_bytes: 4 << 20, max_total_inflated: 8 << 20, ..Limits::default() };
        let entries = expand("budget.zip", &outer, &limits, 0);
        let reasons: Vec<String> = entries.iter().map(|e| e.result.as_ref().unwrap_err().reason.clone()).collect();
        assert_eq!(reasons.len(), 3);
        // The first two are read (and found not to be workbooks); the third is over budget.
        assert!(!reasons[0].contains("limit"), "{}", reasons[0]);
        assert!(!reasons[1].contains("limit"), "{}", reasons[1]);
        assert!(reasons[2].contains("inflated-size limit"), "{}", reasons[2]);
        assert_eq!(entries[2].attachment.as_deref(), Some("c.zip/big.xlsx"));
    }

    #[test]
    fn empty_and_broken_archives_are_reported() {
        let bytes = zip_of(&[("readme.txt", b"hello"), ("pics/", b"")]);
        let entries = expand("x.zip", &bytes, &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].attachment, None);
        assert!(entries[0].result.as_ref().unwrap_err().reason.contains("no .docx or .xlsx"));

        let mut broken = zip_of(&[("a.xlsx", &tiny_xlsx("x"))]);
        broken.truncate(broken.len() - 30);
        let entries = expand("broken.zip", &broken, &Limits::default(), 0);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].result.as_ref().unwrap_err().kind, InputErrorKind::Unreadable);
    }

    #[test]
    fn emails_inside_archives() {
        let xlsx = tiny_xlsx("emailed");
        let zipped_xlsx = zip_of(&[("p.xlsx", &xlsx)]);
        // An email whose attachment is a zip; the member is found through both.
        let b64 = base64(&zipped_xlsx);
        let eml = format!(
            "From: Lowell <l@lowell.org>\r\nSubject: plan\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"z\"\r\n\r\n--z\r\n\
             Content-Type: application/zip; name=\"plan.zip\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{b64}\r\n--z--\r\n"
        );
        let empty = "From: Boston <b@boston.org>\r\nSubject: see body\r\n\r\nOur plan is below.\r\n";
        let bytes = zip_of(&[("inbox/lowell.eml", eml.as_bytes()), ("inbox/boston.eml", empty.as_bytes())]);
        let entries = expand("saved.zip", &bytes, &Limits::default(), 0);
        let names: Vec<_> = entries.iter().map(|e| e.attachment.clone().unwrap()).collect();
        assert_eq!(names, ["inbox/lowell.eml/plan.zip/p.xlsx", "inbox/boston.eml"]);
        assert!(cell_text(&entries[0]).contains("emailed"));
        assert_eq!(entries[0].package.as_deref(), Some("saved.zip/inbox/lowell.eml"));
        assert_eq!(entries[0].envelope.as_ref().unwrap().from.as_deref(), Some("Lowell <l@lowell.org>"));
        assert!(entries[1].result.as_ref().unwrap_err().reason.contains("no .docx or .xlsx attachment"));
        assert_eq!(entries[1].package.as_deref(), Some("saved.zip/inbox/boston.eml"));
    }

    fn base64(bytes: &[u8]) -> String {
        const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for (i, chunk) in bytes.chunks(3).enumerate() {
            if i > 0 && i % 19 == 0 {
                out.push_str("\r\n");
            }
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
            for k in 0..4 {
                out.push(if k <= chunk.len() { T[(n >> (18 - 6 * k) & 63) as usize] as char } else { '=' });
            }
        }
        out
    }
}
