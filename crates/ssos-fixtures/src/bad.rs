//! Broken, unsupported and hostile inputs for the reader's error paths.
//!
//! Every function is deterministic. [`zip_bomb_docx`] is built once and
//! cached.

use std::io::{Cursor, Write};
use std::sync::OnceLock;

use crate::content::Rng;
use crate::xml::{XML_DECL, core_xml, zip_parts};
use crate::{Layout, Plan, SheetShape};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Size that [`zip_bomb_docx`]'s `word/document.xml` inflates to (bytes);
/// at least 2 GiB.
pub const ZIP_BOMB_INFLATED: u64 = zip_bomb_inflated();

const BOMB_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>1. Priority(ies)</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">";
const BOMB_TAIL: &str = "</w:t></w:r></w:p><w:sectPr/></w:body></w:document>";
/// Period 4, so every deflate match has distance 4 (no extra bits): the
/// stream compresses about 1000:1.
const BOMB_PARA: &str = "lol ";
const BOMB_PARAS_PER_CHUNK: u64 = 1 << 18;

const fn zip_bomb_inflated() -> u64 {
    let chunk = BOMB_PARA.len() as u64 * BOMB_PARAS_PER_CHUNK;
    let copies = (2u64 << 30).div_ceil(chunk);
    BOMB_HEAD.len() as u64 + chunk * copies + BOMB_TAIL.len() as u64
}

/// A valid .docx cut off half way (no central directory).
pub fn truncated_docx() -> Vec<u8> {
    let mut b = crate::docx(&Plan::complete("Lowell"), Layout::HeadingStyles);
    b.truncate(b.len() / 2);
    b
}

/// Zero bytes.
pub fn empty() -> Vec<u8> {
    Vec::new()
}

fn ole(streams: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb create");
    for (name, data) in streams {
        let mut s = cf.create_stream(format!("/{name}")).expect("cfb stream");
        s.write_all(data).expect("cfb write");
    }
    cf.flush().expect("cfb flush");
    cf.into_inner().into_inner()
}

/// A password-protected Office file as Word/Excel save it: an OLE compound
/// file (not a zip) with the streams `EncryptionInfo` (agile, version 4.4)
/// and `EncryptedPackage` (8-byte size + opaque bytes).
pub fn encrypted_ooxml() -> Vec<u8> {
    let mut info = vec![0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00];
    info.extend_from_slice(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<encryption xmlns=\"http://schemas.microsoft.com/office/2006/encryption\" xmlns:p=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\"><keyData saltSize=\"16\" blockSize=\"16\" keyBits=\"256\" hashSize=\"64\" cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" hashAlgorithm=\"SHA512\" saltValue=\"c2FsdHNhbHRzYWx0c2FsdA==\"/><keyEncryptors><keyEncryptor uri=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\"><p:encryptedKey spinCount=\"100000\" saltSize=\"16\" blockSize=\"16\" keyBits=\"256\" hashSize=\"64\" cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" hashAlgorithm=\"SHA512\" saltValue=\"c2FsdHNhbHRzYWx0c2FsdA==\"/></keyEncryptor></keyEncryptors></encryption>",
    );
    let mut pkg = 20_480u64.to_le_bytes().to_vec();
    pkg.extend(random_bytes(4, 20_480));
    ole(&[("EncryptionInfo", info), ("EncryptedPackage", pkg)])
}

/// A Word 97-2003 `.doc`: OLE compound file with a `WordDocument` stream
/// (FIB magic `0xA5EC`) and a `1Table` stream.
pub fn legacy_doc() -> Vec<u8> {
    let mut wd = vec![0u8; 4096];
    wd[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    wd[2..4].copy_from_slice(&0x00C1u16.to_le_bytes());
    let text = b"Lowell Public Schools District Prioritization Submission";
    wd[1024..1024 + text.len()].copy_from_slice(text);
    ole(&[("WordDocument", wd), ("1Table", vec![0u8; 1024])])
}

/// A tiny valid one-page PDF with a correct xref table.
pub fn pdf() -> Vec<u8> {
    one_page_pdf("BT /F1 18 Tf 72 720 Td (Lowell Public Schools - District Prioritization Submission) Tj ET")
}

/// A one-page PDF (Helvetica as `/F1`) whose content stream is `content`,
/// with a correct xref table.
fn one_page_pdf(content: &str) -> Vec<u8> {
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

/// `n` pseudo-random bytes from `seed` (splitmix64).
pub fn random_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut r = Rng::new(seed);
    let mut out = Vec::with_capacity(n + 8);
    while out.len() < n {
        out.extend_from_slice(&r.next().to_le_bytes());
    }
    out.truncate(n);
    out
}

/// A minimal but well-formed package around a given `word/document.xml`.
pub fn minimal_docx(document_xml: &str) -> Vec<u8> {
    zip_parts(&minimal_parts(document_xml.as_bytes().to_vec()))
}

fn minimal_parts(document: Vec<u8>) -> Vec<(String, Vec<u8>)> {
    let ct = format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>"
    );
    let rels = format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>"
    );
    let doc_rels = format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
    );
    let styles = format!(
        "{XML_DECL}<w:styles xmlns:w=\"{W_NS}\"><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style></w:styles>"
    );
    vec![
        ("[Content_Types].xml".into(), ct.into_bytes()),
        ("_rels/.rels".into(), rels.into_bytes()),
        ("word/document.xml".into(), document),
        ("word/_rels/document.xml.rels".into(), doc_rels.into_bytes()),
        ("word/styles.xml".into(), styles.into_bytes()),
        ("docProps/core.xml".into(), core_xml("Bomb", "Unknown").into_bytes()),
    ]
}

/// A small .docx whose `word/document.xml` inflates to
/// [`ZIP_BOMB_INFLATED`] bytes (>= 2 GiB) — about 2 MB on disk. The text is
/// one paragraph "1. Priority(ies)" and then one 2 GiB `w:t` of "lol lol ...".
///
/// Built without inflating anything: one chunk of repeated paragraphs is
/// deflated once (sync-flushed, so it is a byte-aligned run of non-final
/// blocks) and the compressed bytes are repeated; the CRC-32 is combined
/// arithmetically. The zip headers carry the true sizes and CRC, so a
/// reader that trusts them, or that inflates without a limit, is caught.
/// Cached after the first call.
pub fn zip_bomb_docx() -> Vec<u8> {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(build_bomb).clone()
}

fn deflate_flushed(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).expect("deflate");
    e.flush().expect("deflate flush");
    e.get_ref().clone()
}

fn build_bomb() -> Vec<u8> {
    let chunk = BOMB_PARA.repeat(BOMB_PARAS_PER_CHUNK as usize);
    let copies = (2u64 << 30).div_ceil(chunk.len() as u64);
    let head_c = deflate_flushed(BOMB_HEAD.as_bytes());
    let chunk_c = deflate_flushed(chunk.as_bytes());
    let tail_c = deflate_flushed(BOMB_TAIL.as_bytes());

    let mut crc = crc32fast::Hasher::new();
    crc.update(BOMB_HEAD.as_bytes());
    let mut pow = crc32fast::Hasher::new();
    pow.update(chunk.as_bytes());
    let mut n = copies;
    while n > 0 {
        if n & 1 == 1 {
            crc.combine(&pow);
        }
        let p = pow.clone();
        pow.combine(&p);
        n >>= 1;
    }
    crc.update(BOMB_TAIL.as_bytes());
    let crc = crc.finalize();

    let mut data = Vec::with_capacity(head_c.len() + chunk_c.len() * copies as usize + 64);
    data.extend_from_slice(&head_c);
    for _ in 0..copies {
        data.extend_from_slice(&chunk_c);
    }
    data.extend_from_slice(&tail_c);
    data.extend_from_slice(&[0x03, 0x00]); // final empty fixed-Huffman block
    let usize_ = ZIP_BOMB_INFLATED;
    assert!(usize_ < u64::from(u32::MAX));

    // Other parts stored as-is; document.xml is the raw deflate stream.
    let mut entries: Vec<(String, u16, u32, Vec<u8>, u32)> = Vec::new();
    for (name, bytes) in minimal_parts(Vec::new()) {
        if name == "word/document.xml" {
            entries.push((name, 8, crc, std::mem::take(&mut data), usize_ as u32));
        } else {
            let c = crc32fast::hash(&bytes);
            let len = bytes.len() as u32;
            entries.push((name, 0, c, bytes, len));
        }
    }
    raw_zip(&entries)
}

/// Hand-written zip: (name, method, crc, data as stored, uncompressed size).
fn raw_zip(entries: &[(String, u16, u32, Vec<u8>, u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, method, crc, data, usize_) in entries {
        let offset = out.len() as u32;
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed
            v.extend_from_slice(&0u16.to_le_bytes()); // flags
            v.extend_from_slice(&method.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // time
            v.extend_from_slice(&0x21u16.to_le_bytes()); // date 1980-01-01
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&(data.len() as u32).to_le_bytes());
            v.extend_from_slice(&usize_.to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        common(&mut central);
        central.extend_from_slice(&0u16.to_le_bytes()); // comment
        central.extend_from_slice(&0u16.to_le_bytes()); // disk
        central.extend_from_slice(&0u16.to_le_bytes()); // internal attrs
        central.extend_from_slice(&0u32.to_le_bytes()); // external attrs
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A .docx whose `word/document.xml` declares nested entities
/// ("billion laughs": `&lol9;` expands to 10^9 "lol"s). A safe reader must
/// refuse the DOCTYPE or not expand entities.
pub fn billion_laughs_docx() -> Vec<u8> {
    let mut dtd = String::from("<!DOCTYPE w:document [\n<!ENTITY lol \"lol\">\n");
    for i in 1..=9 {
        let prev = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">\n", format!("&{prev};").repeat(10)));
    }
    dtd.push_str("]>\n");
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{dtd}<w:document xmlns:w=\"{W_NS}\"><w:body><w:p><w:r><w:t>1. Priority(ies)</w:t></w:r></w:p><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    );
    minimal_docx(&doc)
}

/// Real .docx bytes, meant to be saved under a `.xlsx` name.
pub fn docx_renamed_xlsx() -> Vec<u8> {
    crate::docx(&Plan::complete("Lowell"), Layout::HeadingStyles)
}

/// Real .xlsx bytes, meant to be saved under a `.docx` name.
pub fn xlsx_renamed_docx() -> Vec<u8> {
    crate::xlsx(&Plan::complete("Worcester"), SheetShape::FormSheet)
}

/// A valid zip that is not an OOXML package (no `[Content_Types].xml`,
/// no `word/document.xml`), e.g. to save as `.docx`.
pub fn zip_not_ooxml() -> Vec<u8> {
    zip_parts(&[("notes.txt".into(), b"Draft notes for the SSoS submission.\n".to_vec())])
}

/// A package with content types and rels but no main document part.
pub fn docx_missing_document() -> Vec<u8> {
    let parts: Vec<_> = minimal_parts(Vec::new()).into_iter().filter(|(n, _)| n != "word/document.xml").collect();
    zip_parts(&parts)
}

/// A .docx whose `word/document.xml` is not well-formed XML.
pub fn malformed_xml_docx() -> Vec<u8> {
    minimal_docx(&format!(
        "{XML_DECL}<w:document xmlns:w=\"{W_NS}\"><w:body><w:p><w:r><w:t>1. Priority(ies)</w:t></w:r></w:body>"
    ))
}

/// A scanned plan: a PDF whose pages are pictures, with no text layer.
pub fn scanned_pdf() -> Vec<u8> {
    crate::pdf(&crate::Plan::complete("Lowell"), crate::PdfLayout::Scanned)
}

/// A PDF that needs a password to open.
pub fn encrypted_pdf() -> Vec<u8> {
    crate::pdf(&crate::Plan::complete("Lowell"), crate::PdfLayout::Encrypted)
}

/// A PDF cut off after its first third.
pub fn truncated_pdf() -> Vec<u8> {
    let mut bytes = crate::pdf(&crate::Plan::complete("Lowell"), crate::PdfLayout::WordExport);
    bytes.truncate(bytes.len() / 3);
    bytes
}

/// A PDF whose one content stream inflates to 80 MB of zeros (a decompression
/// bomb, past the reader's 64 MB cap per stream): one flushed deflate block
/// repeated, in a zlib wrapper. Cached after the first call.
pub fn pdf_bomb() -> Vec<u8> {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        const MB: usize = 1 << 20;
        const COPIES: usize = 80;
        let chunk = deflate_flushed(&vec![0u8; MB]);
        let mut data = vec![0x78, 0xDA];
        for _ in 0..COPIES {
            data.extend_from_slice(&chunk);
        }
        data.extend_from_slice(&[0x03, 0x00]); // final empty fixed-Huffman block
        // Adler-32 of n zero bytes: a = 1, b = n mod 65521.
        let adler = (((COPIES * MB) % 65521) as u32) << 16 | 1;
        data.extend_from_slice(&adler.to_be_bytes());
        let mut out = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n".to_vec();
        out.extend_from_slice(format!("4 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n", data.len()).as_bytes());
        out.extend_from_slice(&data);
        out.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        out
    })
    .clone()
}

/// A PowerPoint deck cut off half-way.
pub fn truncated_pptx() -> Vec<u8> {
    let mut bytes = crate::pptx(&crate::Plan::complete("Lowell"), crate::DeckLayout::TitleAndContent);
    bytes.truncate(bytes.len() / 2);
    bytes
}

/// A deck whose first slide is not well-formed XML.
pub fn corrupt_pptx() -> Vec<u8> {
    let bytes = crate::pptx(&crate::Plan::complete("Lowell"), crate::DeckLayout::Table);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("own zip");
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("own zip");
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).expect("own zip");
        if f.name() == "ppt/slides/slide1.xml" {
            let cut = data.len() - 40;
            data.truncate(cut);
        }
        parts.push((f.name().to_string(), data));
    }
    zip_parts(&parts)
}

/// One hostile or broken input, with a realistic file name.
#[derive(Debug, Clone)]
pub struct BadFile {
    /// Suggested file name (the extension is part of the test: a `.docx`
    /// name on something that is not a docx).
    pub name: &'static str,
    /// File contents.
    pub bytes: Vec<u8>,
    /// The input diagnostic SPEC.md implies for this file, if any
    /// (`None`: the content is readable under another format, or the
    /// outcome depends on design choices).
    pub expect: Option<&'static str>,
}

/// Every bad input of this module, for table-driven tests. Includes the
/// zip bomb (cached, a few MB).
pub fn catalog() -> Vec<BadFile> {
    const UNREADABLE: Option<&str> = Some("ssos::input::unreadable");
    const UNSUPPORTED: Option<&str> = Some("ssos::input::unsupported");
    let f = |name, bytes, expect| BadFile { name, bytes, expect };
    vec![
        f("truncated.docx", truncated_docx(), UNREADABLE),
        f("empty.docx", empty(), UNREADABLE),
        f("password-protected.docx", encrypted_ooxml(), UNREADABLE),
        f("old-format.doc", legacy_doc(), UNSUPPORTED),
        f("scanned-plan.pdf", scanned_pdf(), Some("ssos::document::scanned-pdf")),
        f("password-protected.pdf", encrypted_pdf(), UNREADABLE),
        f("truncated.pdf", truncated_pdf(), UNREADABLE),
        f("pdf-bomb.pdf", pdf_bomb(), UNREADABLE),
        f("truncated.pptx", truncated_pptx(), UNREADABLE),
        f("corrupt-deck.pptx", corrupt_pptx(), UNREADABLE),
        f("one-line.pdf", pdf(), None),
        f("random.docx", random_bytes(1, 4096), UNREADABLE),
        f("zip-bomb.docx", zip_bomb_docx(), UNREADABLE),
        f("billion-laughs.docx", billion_laughs_docx(), UNREADABLE),
        f("missing-document-part.docx", docx_missing_document(), UNREADABLE),
        f("malformed-xml.docx", malformed_xml_docx(), UNREADABLE),
        f("plain-zip.docx", zip_not_ooxml(), None),
        f("really-a-docx.xlsx", docx_renamed_xlsx(), None),
        f("really-an-xlsx.docx", xlsx_renamed_docx(), None),
    ]
}

/// A one-page PDF whose content stream shows a number where a string must
/// be (`5 Tj`): `pdf-extract` panics on that page.
pub fn extractor_panic_pdf() -> Vec<u8> {
    one_page_pdf("BT /F1 12 Tf 72 720 Td 5 Tj ET")
}
