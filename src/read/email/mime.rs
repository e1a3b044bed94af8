//! The raw MIME header of a part, read as a tolerant mail reader does:
//! fields unfolded however the server folded them, parameters with white
//! space around `=` (Exchange writes `name=` + line break + tab + `"…"`),
//! attachment names from RFC 2231 (`filename*0*=…`) and RFC 2047 encoded
//! words (split anywhere, even inside a character), and every charset a mail
//! client sends (through `encoding_rs`: Big5, GBK, EUC-KR/`ks_c_5601-1987`,
//! Shift_JIS, ISO-2022-JP, ...).

use std::borrow::Cow;

/// The unfolded fields of a header block: (lower-case name, raw value).
/// A line that is neither a field nor folded continues the previous field.
pub(crate) fn fields(block: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    for line in block.split(|&b| b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l)) {
        if line.is_empty() {
            if out.is_empty() {
                continue;
            }
            break;
        }
        let folded = line.starts_with(b" ") || line.starts_with(b"\t");
        match (folded, crate::read::detect::field_name(line)) {
            (false, Some(name)) => {
                let colon = line.iter().position(|&b| b == b':').unwrap_or(line.len());
                let value = line.get(colon + 1..).unwrap_or_default();
                out.push((String::from_utf8_lossy(name).to_ascii_lowercase(), value.to_vec()));
            }
            _ => {
                if let Some((_, value)) = out.last_mut() {
                    value.extend_from_slice(line);
                }
            }
        }
    }
    out
}

/// The first field named `name` (lower case).
pub(crate) fn field<'a>(fields: &'a [(String, Vec<u8>)], name: &str) -> Option<&'a [u8]> {
    fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_slice())
}

/// A structured value (`type/subtype; key=value; key="value"`): the value
/// before the first `;` (lower case, trimmed) and the parameters (keys in
/// lower case, values unquoted, still raw bytes).
pub(crate) fn parameters(value: &[u8]) -> (String, Vec<(String, Vec<u8>)>) {
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < value.len() && value[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    let start = i;
    while i < value.len() && value[i] != b';' {
        i += 1;
    }
    let head = String::from_utf8_lossy(&value[start..i]).trim().to_ascii_lowercase();
    let mut params = Vec::new();
    while i < value.len() {
        i += 1; // the ';'
        skip_ws(&mut i);
        let key_start = i;
        while i < value.len() && !matches!(value[i], b'=' | b';') {
            i += 1;
        }
        let key = String::from_utf8_lossy(&value[key_start..i]).trim().to_ascii_lowercase();
        if i >= value.len() || value[i] == b';' {
            continue; // a key without a value
        }
        i += 1; // the '='
        skip_ws(&mut i);
        let mut raw = Vec::new();
        if value.get(i) == Some(&b'"') {
            i += 1;
            while i < value.len() && value[i] != b'"' {
                if value[i] == b'\\' && i + 1 < value.len() {
                    i += 1;
                }
                raw.push(value[i]);
                i += 1;
            }
            i += 1; // the closing quote
            while i < value.len() && value[i] != b';' {
                i += 1; // anything after the quoted string
            }
        } else {
            let v_start = i;
            while i < value.len() && value[i] != b';' {
                i += 1;
            }
            raw.extend_from_slice(value[v_start..i].trim_ascii());
        }
        if !key.is_empty() {
            params.push((key, raw));
        }
    }
    (head, params)
}

/// A parameter (`name` or `filename`) decoded: RFC 2231 (`name*`, `name*0`,
/// `name*0*`, ... in any order) first, else the plain value with encoded
/// words decoded and raw 8-bit bytes taken as UTF-8 or `fallback_charset`.
pub(crate) fn parameter(params: &[(String, Vec<u8>)], name: &str, fallback_charset: Option<&str>) -> Option<String> {
    if let Some(extended) = rfc2231(params, name) {
        return Some(extended);
    }
    let plain = params.iter().find(|(k, _)| k == name).map(|(_, v)| v)?;
    Some(decode_words(plain, fallback_charset))
}

fn rfc2231(params: &[(String, Vec<u8>)], name: &str) -> Option<String> {
    let star = format!("{name}*");
    if let Some((_, v)) = params.iter().find(|(k, _)| *k == star) {
        let (charset, bytes) = split_charset(v);
        return Some(decode_charset(&charset, &percent_decode(bytes)));
    }
    // Continuations: name*N (literal) or name*N* (percent-encoded).
    let mut parts: Vec<(u32, bool, &[u8])> = params
        .iter()
        .filter_map(|(k, v)| {
            let rest = k.strip_prefix(&star)?;
            let (number, encoded) = match rest.strip_suffix('*') {
                Some(n) => (n, true),
                None => (rest, false),
            };
            Some((number.parse::<u32>().ok()?, encoded, v.as_slice()))
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    parts.sort_by_key(|p| p.0);
    let mut charset = String::new();
    let mut bytes = Vec::new();
    for (index, (_, encoded, value)) in parts.iter().enumerate() {
        if *encoded {
            let value = if index == 0 {
                let (cs, rest) = split_charset(value);
                charset = cs;
                rest
            } else {
                value
            };
            bytes.extend(percent_decode(value));
        } else {
            bytes.extend_from_slice(value);
        }
    }
    if charset.is_empty() {
        return Some(decode_words(&bytes, None));
    }
    Some(decode_charset(&charset, &bytes))
}

/// `charset'language'value` → (charset, value); no quotes → ("", value).
fn split_charset(value: &[u8]) -> (String, &[u8]) {
    let mut pieces = value.splitn(3, |&b| b == b'\'');
    match (pieces.next(), pieces.next(), pieces.next()) {
        (Some(cs), Some(_lang), Some(rest)) => (String::from_utf8_lossy(cs).trim().to_string(), rest),
        _ => (String::new(), value),
    }
}

fn percent_decode(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        if value[i] == b'%'
            && let Some(byte) = value
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(value[i]);
        i += 1;
    }
    out
}

/// Text with RFC 2047 encoded words (`=?charset?B?…?=`, `=?charset?Q?…?=`)
/// decoded. Adjacent words in one charset are joined before decoding, so a
/// character split across two words comes out whole; white space between
/// encoded words is dropped. Other bytes are UTF-8, else `fallback`, else
/// Windows-1252.
pub(crate) fn decode_words(text: &[u8], fallback: Option<&str>) -> String {
    let mut out = String::new();
    let mut pending: Option<(String, Vec<u8>)> = None;
    let mut literal: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if let Some((charset, bytes, len)) = encoded_word(&text[i..]) {
            // White space between two encoded words is not text.
            let between_words = pending.is_some() && literal.iter().all(u8::is_ascii_whitespace);
            if !between_words {
                flush_word(&mut out, &mut pending);
                out.push_str(&decode_raw(&literal, fallback));
            }
            literal.clear();
            match &mut pending {
                Some((cs, acc)) if cs.eq_ignore_ascii_case(&charset) => acc.extend(bytes),
                _ => {
                    flush_word(&mut out, &mut pending);
                    pending = Some((charset, bytes));
                }
            }
            i += len;
        } else {
            literal.push(text[i]);
            i += 1;
        }
    }
    flush_word(&mut out, &mut pending);
    out.push_str(&decode_raw(&literal, fallback));
    out
}

fn flush_word(out: &mut String, pending: &mut Option<(String, Vec<u8>)>) {
    if let Some((charset, bytes)) = pending.take() {
        out.push_str(&decode_charset(&charset, &bytes));
    }
}

/// One encoded word at the start of `text`: (charset, decoded bytes, length).
fn encoded_word(text: &[u8]) -> Option<(String, Vec<u8>, usize)> {
    let rest = text.strip_prefix(b"=?")?;
    let q1 = rest.iter().position(|&b| b == b'?')?;
    let charset = std::str::from_utf8(&rest[..q1]).ok()?;
    let charset = charset.split('*').next().unwrap_or(charset); // RFC 2231 language
    if charset.is_empty() || charset.len() > 40 || charset.bytes().any(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let encoding = *rest.get(q1 + 1)?;
    if rest.get(q1 + 2) != Some(&b'?') {
        return None;
    }
    let body_start = q1 + 3;
    let end = rest[body_start..].windows(2).position(|w| w == b"?=")? + body_start;
    let body = &rest[body_start..end];
    if body.iter().any(|b| b.is_ascii_whitespace()) && !matches!(encoding, b'B' | b'b') {
        return None;
    }
    let bytes = match encoding {
        b'B' | b'b' => {
            let clean: Vec<u8> = body.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
            base64(&clean)?
        }
        b'Q' | b'q' => {
            let mut out = Vec::with_capacity(body.len());
            let mut i = 0;
            while i < body.len() {
                match body[i] {
                    b'_' => out.push(b' '),
                    b'=' if let Some(byte) = body
                        .get(i + 1..i + 3)
                        .and_then(|h| std::str::from_utf8(h).ok())
                        .and_then(|h| u8::from_str_radix(h, 16).ok()) =>
                    {
                        out.push(byte);
                        i += 2;
                    }
                    b => out.push(b),
                }
                i += 1;
            }
            out
        }
        _ => return None,
    };
    Some((charset.to_string(), bytes, 2 + end + 2))
}

/// Lenient base64: padding optional, stray characters skipped.
pub(crate) fn base64(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Bytes not in an encoded word: UTF-8 if valid, else the fallback charset,
/// else Windows-1252 (what Outlook writes when it writes 8-bit names raw).
fn decode_raw(bytes: &[u8], fallback: Option<&str>) -> String {
    if bytes.is_empty() {
        return String::new();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => decode_charset(fallback.unwrap_or("windows-1252"), bytes),
    }
}

/// `bytes` in the charset named `label` (any name a mail client writes);
/// an unknown charset is read as UTF-8 if valid, else Windows-1252.
pub(crate) fn decode_charset(label: &str, bytes: &[u8]) -> String {
    let label = label.trim().trim_matches('"');
    if let Some(encoding) = encoding(label) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    if let Some(decoder) = mail_parser::decoders::charsets::map::charset_decoder(label.as_bytes()) {
        return decoder(bytes);
    }
    match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(text) => text.to_string(),
        Cow::Owned(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

fn encoding(label: &str) -> Option<&'static encoding_rs::Encoding> {
    let lower = label.to_ascii_lowercase();
    // Names mail clients write that the WHATWG table does not list.
    let label = match lower.as_str() {
        "ks_c_5601" | "ks_c_5601_1987" | "ksc5601" | "ksc_5601" | "cp949" | "uhc" | "ms949" => "euc-kr",
        "cp936" | "ms936" | "gb_2312" | "gb_2312-80" | "x-gbk" => "gbk",
        "cp950" | "ms950" | "big5-hkscs" | "x-x-big5" | "cn-big5" => "big5",
        "ms932" | "cp932" | "windows-31j" | "x-sjis" | "sjis" | "shift-jis" => "shift_jis",
        "iso-2022-jp-2" | "iso-2022-jp-3" | "csiso2022jp" => "iso-2022-jp",
        "utf8" => "utf-8",
        other => other,
    };
    encoding_rs::Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_of(header: &str) -> Option<String> {
        let fields = fields(header.as_bytes());
        let (_, disposition) = parameters(field(&fields, "content-disposition").unwrap_or_default());
        let (_, ctype) = parameters(field(&fields, "content-type").unwrap_or_default());
        parameter(&disposition, "filename", None).or_else(|| parameter(&ctype, "name", None))
    }

    #[test]
    fn exchange_folding() {
        let h = "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=\r\n\t\"Lowell Public Schools SSoS District Prioritization Submission 2023-24 final.docx\"\r\n\r\n";
        assert_eq!(
            name_of(h).as_deref(),
            Some("Lowell Public Schools SSoS District Prioritization Submission 2023-24 final.docx")
        );
        let h = "Content-Disposition: attachment;\r\n\tfilename=\r\n\t\"=?utf-8?B?TG93ZWxsIFBsYW4gw6l0w6kgMjAy?=\r\n =?utf-8?B?My5kb2N4?=\"\r\n";
        assert_eq!(name_of(h).as_deref(), Some("Lowell Plan été 2023.docx"));
    }

    #[test]
    fn rfc2231_however_folded() {
        let h = "Content-Disposition: attachment;\r\n filename*1*=%20Plan.docx;\r\n filename*0*=utf-8'en'Lowell%C3%A9;\r\n filename*2=\" v2\"\r\n";
        assert_eq!(name_of(h).as_deref(), Some("Lowellé Plan.docx v2"));
        let h = "Content-Disposition: attachment; filename*=iso-8859-1''Pl%E9n.xlsx\r\n";
        assert_eq!(name_of(h).as_deref(), Some("Plén.xlsx"));
    }

    #[test]
    fn every_charset_a_client_sends() {
        let cases: [(&str, &[u8], &str); 6] = [
            ("big5", b"\xa7A\xa6n.docx", "你好.docx"),
            ("gb2312", b"\xc4\xe3\xba\xc3.docx", "你好.docx"),
            ("ks_c_5601-1987", b"\xbe\xc8\xb3\xe7.docx", "안녕.docx"),
            ("euc-kr", b"\xbe\xc8\xb3\xe7.docx", "안녕.docx"),
            ("shift_jis", b"\x83n\x83\x8D\x81[.docx", "ハロー.docx"),
            ("iso-2022-jp", b"\x1b$B%O%m!<\x1b(B.docx", "ハロー.docx"),
        ];
        for (charset, bytes, want) in cases {
            let b64 = crate::read::email::tests::b64_line(bytes);
            // Encoded word, split into two words in the middle of a character.
            let h = format!("Content-Type: application/octet-stream; name=\"=?{charset}?B?{b64}?=\"\r\n");
            assert_eq!(name_of(&h).as_deref(), Some(want), "{charset}");
            let pct: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
            let h = format!("Content-Disposition: attachment; filename*={charset}''{pct}\r\n");
            assert_eq!(name_of(&h).as_deref(), Some(want), "{charset} rfc2231");
            let q: String = bytes.iter().map(|b| format!("={b:02X}")).collect();
            let (a, b) = q.split_at(6);
            let h = format!("Content-Type: x/y; name=\"=?{charset}?Q?{a}?=\r\n =?{charset}?Q?{b}?=\"\r\n");
            assert_eq!(name_of(&h).as_deref(), Some(want), "{charset} split word");
        }
    }
}
