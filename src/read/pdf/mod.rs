//! PDF reader for plans with a text layer (Word, LibreOffice, Google Docs
//! and web-system exports).
//!
//! Before any parsing, a bounded scan of the raw bytes counts objects,
//! notes encryption and images, and inflates every Flate stream under a cap,
//! so an object or decompression bomb is refused without building anything.
//! Text runs with their positions, sizes and weights come from the
//! extractor (see [`extract`]), called page by page under the time budget
//! and inside `catch_unwind` (without printing the panic, see [`quietly`]); [`layout`] turns them into blocks (lines,
//! paragraphs, headings, columns, tables) with `page`/`line` locations.
//!
//! A PDF with no text (a scan) ends in [`InputError::scanned`]; one that
//! needs a password in `ssos::input::unreadable`.

mod extract;
pub mod layout;

use std::cell::Cell;
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::time::Instant;

use super::{InputError, Limits};
use crate::model::{Document, Format};

/// Most pages read from one PDF: a plan is a few dozen pages.
pub const MAX_PAGES: usize = 500;
/// Most indirect objects in one PDF.
pub const MAX_OBJECTS: usize = 500_000;
/// Largest inflated size of one stream.
pub const MAX_STREAM_BYTES: u64 = 64 * 1024 * 1024;
/// Most text runs taken from the whole document.
pub const MAX_RUNS: usize = 2_000_000;
/// Fewer characters than this in the whole file: no text layer.
const MIN_TEXT_CHARS: usize = 20;

/// What the raw bytes say before parsing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scan {
    pub objects: usize,
    pub encrypted: bool,
    pub images: usize,
    pub streams: usize,
    pub inflated: u64,
}

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, InputError> {
    let started = Instant::now();
    let scan = prescan(bytes, limits)?;
    let (pages, failed) = match quietly(|| extract::pages(bytes, limits, started)) {
        Ok(Ok(read)) => read,
        Ok(Err(err)) => return Err(refine(err, &scan)),
        Err(_) => {
            return Err(refine(InputError::corrupt("the PDF's structure could not be made sense of"), &scan));
        }
    };
    let chars: usize = pages.iter().flat_map(|p| &p.runs).map(|r| r.text.trim().chars().count()).sum();
    if chars < MIN_TEXT_CHARS {
        if scan.encrypted {
            return Err(encrypted());
        }
        if failed > 0 {
            // Not a scan: the text is there but could not be made out.
            return Err(InputError::corrupt(format!("the text of {failed} page(s) of the PDF could not be made out")));
        }
        return Err(InputError::scanned(
            if scan.images > 0 {
                format!("the PDF is a scanned image ({} page(s) of pictures, no text layer)", pages.len())
            } else {
                "the PDF has no text layer".to_string()
            },
            "Send the plan as the Word file (.docx) it was written in, or a PDF saved from Word (File > Save As > PDF), not a scan.",
        ));
    }
    let laid = layout::lay_out(&pages);
    let mut doc = Document::new(Format::Pdf);
    doc.blocks = laid.blocks;
    doc.headers = laid.headers;
    doc.properties = extract::properties(bytes);
    Ok(doc)
}

thread_local! {
    /// Set while this thread runs the PDF crates under [`quietly`].
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` (a call into the PDF crates, which panic on some damaged files)
/// and catches a panic in it without printing its message: the user sees only
/// the diagnostic the caller makes of it. A panic hook, set once, stays silent
/// while this thread is inside `quietly` and hands every other panic to the
/// hook that was there before (the default one prints as usual).
pub(crate) fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.replace(true);
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.set(was);
    result
}

/// A parse failure on an encrypted file is about the password.
fn refine(err: InputError, scan: &Scan) -> InputError {
    if scan.encrypted { encrypted() } else { err }
}

fn encrypted() -> InputError {
    InputError::unreadable(
        "the PDF is password-protected (encrypted), so its text cannot be read",
        "Save the PDF again without a password (or send the Word file it was made from) and resend it.",
    )
}

/// Counts objects and images, notes `/Encrypt`, and inflates every
/// `/FlateDecode` stream under [`MAX_STREAM_BYTES`] and the package budget.
pub fn prescan(bytes: &[u8], limits: &Limits) -> Result<Scan, InputError> {
    let mut scan = Scan::default();
    let deadline = Instant::now() + limits.time_budget;
    let mut i = 0;
    while let Some(k) = find(&bytes[i..], b"obj") {
        let at = i + k;
        i = at + 3;
        let before = at.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(at + 3).copied();
        if before.is_some_and(|b| b.is_ascii_whitespace()) && after.is_none_or(|b| !b.is_ascii_alphanumeric()) {
            scan.objects += 1;
        }
    }
    scan.encrypted = find(bytes, b"/Encrypt").is_some();
    scan.images = count(bytes, b"/Subtype/Image") + count(bytes, b"/Subtype /Image");
    let budget = limits.max_total_inflated;
    let mut i = 0;
    while let Some(k) = find(&bytes[i..], b"stream") {
        let at = i + k;
        i = at + 6;
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            continue;
        }
        let mut start = at + 6;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) != Some(&b'\n') {
            continue;
        }
        start += 1;
        let dict = &bytes[at.saturating_sub(2048)..at];
        let dict = match rfind(dict, b"<<") {
            Some(d) => &dict[d..],
            None => dict,
        };
        // Object streams hold more objects.
        if find(dict, b"/ObjStm").is_some()
            && let Some(n) = number_after(dict, b"/N")
        {
            scan.objects += n;
        }
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        scan.streams += 1;
        if find(dict, b"/FlateDecode").is_some() || find(dict, b"/Fl ").is_some() {
            let cap = MAX_STREAM_BYTES.min(budget.saturating_sub(scan.inflated));
            let n = inflated_len(&bytes[start..end], cap);
            if n > cap {
                return Err(InputError::unreadable(
                    format!(
                        "a stream in the PDF inflates past the {} MB limit (a damaged file or a decompression bomb)",
                        cap / (1024 * 1024)
                    ),
                    "Save the PDF again from the program that made it, or send the Word file.",
                ));
            }
            scan.inflated += n;
        }
        i = end.max(i);
        if scan.streams.is_multiple_of(256) && Instant::now() > deadline {
            return Err(InputError::unreadable(
                format!("reading the PDF took longer than the {} s time budget", limits.time_budget.as_secs()),
                "Send the plan as a Word file (.docx) instead.",
            ));
        }
    }
    if scan.objects > MAX_OBJECTS {
        return Err(InputError::unreadable(
            format!("the PDF has {} objects, over the limit of {MAX_OBJECTS}", scan.objects),
            "This is not an ordinary plan; send the Word file (.docx) instead.",
        ));
    }
    Ok(scan)
}

/// The inflated length of a zlib (or raw deflate) stream, reading at most `cap + 1` bytes.
fn inflated_len(data: &[u8], cap: u64) -> u64 {
    let mut sink = std::io::sink();
    let zlib = flate2::read::ZlibDecoder::new(data);
    match std::io::copy(&mut zlib.take(cap + 1), &mut sink) {
        Ok(n) if n > 0 => n,
        _ => {
            let raw = flate2::read::DeflateDecoder::new(data);
            std::io::copy(&mut raw.take(cap + 1), &mut sink).unwrap_or(0)
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

fn number_after(hay: &[u8], key: &[u8]) -> Option<usize> {
    let at = find(hay, key)? + key.len();
    let digits: String = hay[at..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| b as char)
        .collect();
    digits.parse().ok().map(|n: usize| n.min(MAX_OBJECTS + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::InputErrorKind;

    /// A one-page PDF whose content stream is `content`.
    fn one_page(content: &str) -> Vec<u8> {
        let objs = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        ];
        let mut out = String::from("%PDF-1.4\n");
        let mut offsets = Vec::new();
        for (i, o) in objs.iter().enumerate() {
            offsets.push(out.len());
            out.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
        }
        let xref = out.len();
        out.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1));
        for off in offsets {
            out.push_str(&format!("{off:010} 00000 n \n"));
        }
        out.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objs.len() + 1));
        out.into_bytes()
    }

    #[test]
    fn text_pages_are_read_and_pages_the_extractor_chokes_on_are_damage_not_scans() {
        let ok = read(
            &one_page("BT /F1 12 Tf 72 720 Td (Priority 1: early literacy in every school) Tj ET"),
            &Limits::default(),
        )
        .unwrap();
        assert!(ok.blocks.iter().any(|b| b.text.contains("early literacy")));
        assert_eq!(ok.blocks[0].location.page, Some(1));
        // A number where a string must be: pdf-extract panics on the page; the panic is caught.
        let err = read(&one_page("BT /F1 12 Tf 72 720 Td 5 Tj ET"), &Limits::default()).unwrap_err();
        assert_eq!(err.kind, InputErrorKind::Unreadable, "{}", err.reason);
        assert!(err.reason.contains("could not be made out"), "{}", err.reason);
        let blank = read(&one_page("0 0 m 10 10 l S"), &Limits::default()).unwrap_err();
        assert_eq!(blank.kind, InputErrorKind::Scanned);
    }

    #[test]
    fn panics_are_quiet_only_inside_quietly_and_only_on_that_thread() {
        assert!(!QUIET.with(Cell::get));
        let caught = quietly(|| {
            assert!(QUIET.with(Cell::get), "quiet inside");
            // Another thread is not quiet while this one is.
            let other = std::thread::spawn(|| QUIET.with(Cell::get)).join().unwrap();
            assert!(!other);
            // Nested calls keep the flag until the outer one ends.
            let inner: std::thread::Result<()> = quietly(|| panic!("inner"));
            assert!(inner.is_err());
            assert!(QUIET.with(Cell::get), "still quiet after a nested call");
            panic!("damaged page")
        });
        assert!(caught.is_err());
        assert!(!QUIET.with(Cell::get), "loud again after the call");
        assert_eq!(quietly(|| 7).ok(), Some(7));
        assert!(!QUIET.with(Cell::get));
    }

    #[test]
    fn prescan_counts_objects_and_notices_encryption() {
        let scan = prescan(&one_page("BT ET"), &Limits::default()).unwrap();
        assert_eq!(scan.objects, 5);
        assert!(!scan.encrypted);
        assert_eq!(scan.streams, 1);
    }
}
