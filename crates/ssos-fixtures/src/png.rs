//! A small deterministic PNG: a "screenshot" of text lines (grey bars).

use std::io::Write;

/// Width and height in pixels of [`text_screenshot`].
pub(crate) const SIZE: (u32, u32) = (480, 160);

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut h = crc32fast::Hasher::new();
    h.update(kind);
    h.update(data);
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&h.finalize().to_be_bytes());
}

/// An 8-bit greyscale PNG that looks like a pasted picture of a paragraph.
pub(crate) fn text_screenshot() -> Vec<u8> {
    let (w, h) = SIZE;
    let mut raw = Vec::with_capacity(((w + 1) * h) as usize);
    let mut r = crate::content::Rng::new(42);
    let mut line_len = 0u32;
    for y in 0..h {
        raw.push(0); // filter: none
        let band = y % 20;
        if band == 0 {
            line_len = r.range(w / 2, w - 20);
        }
        for x in 0..w {
            let ink = (6..14).contains(&band) && x >= 10 && x < line_len && (x / 7) % 6 != 5;
            raw.push(if ink { 60 } else { 250 });
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&raw).expect("zlib");
    let idat = z.finish().expect("zlib");
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit greyscale
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &idat);
    chunk(&mut out, b"IEND", &[]);
    out
}
