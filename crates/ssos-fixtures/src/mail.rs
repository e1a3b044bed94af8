//! Submissions wrapped the way they reach the agency: `.eml`, Outlook
//! `.msg` and `.zip`. All deterministic (fixed dates, ids and timestamps).

use std::io::{Cursor, Write};

use crate::xml::zip_parts;
use crate::{Layout, Plan};

/// MIME type for a file name's extension.
pub fn mime_type(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "txt" => "text/plain",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len() * 4 / 3 + data.len() / 57 * 2 + 4);
    for (i, c) in data.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n"); // 76 characters per line
        }
        let b = [c[0], *c.get(1).unwrap_or(&0), *c.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if c.len() > 1 { T[(n >> 6) as usize & 63] as char } else { '=' });
        out.push(if c.len() > 2 { T[n as usize & 63] as char } else { '=' });
    }
    out
}

/// An RFC 5322 / MIME email (`.eml`) from `from` to ssos1@mass.gov with a
/// plain-text body and base64 attachments `(file name, bytes)`.
pub fn eml(from: &str, subject: &str, body: &str, attachments: &[(&str, &[u8])]) -> Vec<u8> {
    let boundary = "----=_Part_20230629_ssos";
    let id = crate::content::Rng::from_name(&format!("{from}{subject}")).next();
    let mut m = format!(
        "From: {from}\r\nTo: SSoS <ssos1@mass.gov>\r\nSubject: {subject}\r\nDate: Thu, 29 Jun 2023 16:42:07 -0400\r\nMessage-ID: <{id:016x}@mail.example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n--{boundary}\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}\r\n",
        body.replace('\n', "\r\n")
    );
    for (name, bytes) in attachments {
        m.push_str(&format!(
            "\r\n--{boundary}\r\nContent-Type: {}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            mime_type(name),
            base64(bytes)
        ));
    }
    m.push_str(&format!("\r\n--{boundary}--\r\n"));
    m.into_bytes()
}

/// A `.zip` holding the given files (fixed timestamps).
pub fn zip_archive(files: &[(&str, &[u8])]) -> Vec<u8> {
    let parts: Vec<(String, Vec<u8>)> = files.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
    zip_parts(&parts)
}

/// The file name a district would give its plan: `"Lowell SSoS District
/// Prioritization Submission SY23-24.docx"`.
pub fn attachment_name(plan: &Plan, ext: &str) -> String {
    if plan.district.trim().is_empty() {
        return format!("SSoS District Prioritization Submission SY23-24.{ext}");
    }
    format!("{} SSoS District Prioritization Submission SY23-24.{ext}", plan.district)
}

/// A realistic submission email from the district with the plan attached
/// as a .docx in `layout` (file name from [`attachment_name`]).
pub fn submission_eml(plan: &Plan, layout: Layout) -> Vec<u8> {
    let doc = crate::docx(plan, layout);
    let name = attachment_name(plan, "docx");
    eml(&sender(plan), &subject(plan), &body(plan), &[(name.as_str(), doc.as_slice())])
}

/// Like [`submission_eml`], as an Outlook `.msg`.
pub fn submission_msg(plan: &Plan, layout: Layout) -> Vec<u8> {
    let doc = crate::docx(plan, layout);
    let name = attachment_name(plan, "docx");
    msg(&sender(plan), &subject(plan), &body(plan), &[(name.as_str(), doc.as_slice())])
}

fn sender(plan: &Plan) -> String {
    let host = crate::slug(&plan.district).replace('-', "");
    if host.is_empty() {
        return "Office of the Superintendent <superintendent@district.example.org>".into();
    }
    format!("Office of the Superintendent <superintendent@{host}.k12.ma.us>")
}

fn subject(plan: &Plan) -> String {
    let long = plan.district_long_name();
    if long.is_empty() {
        return "SSoS District Prioritization Submission SY23-24".into();
    }
    format!("{long} - SSoS District Prioritization Submission SY23-24")
}

fn body(plan: &Plan) -> String {
    format!(
        "Good afternoon,\n\nAttached is the SY2023-24 District Prioritization Submission for {}. Please let us know if you need anything else.\n\nThank you,\nOffice of the Superintendent\n",
        match plan.district_long_name() {
            l if l.is_empty() => "our district".to_string(),
            l => l,
        }
    )
}

// ---- Outlook .msg (MS-OXMSG) -------------------------------------------

enum Val<'a> {
    Str(&'a str),
    Bin(&'a [u8]),
    Int(u32),
    Time(u64),
}

/// Write a property object: `__properties_version1.0` plus `__substg1.0_*`
/// streams for variable-length values, under `dir` ("" for the root).
fn props<F: std::io::Read + Write + std::io::Seek>(
    cf: &mut cfb::CompoundFile<F>,
    dir: &str,
    header: &[u8],
    list: &[(u32, Val)],
) {
    let mut ps = header.to_vec();
    for (tag, v) in list {
        ps.extend_from_slice(&tag.to_le_bytes());
        ps.extend_from_slice(&6u32.to_le_bytes()); // readable | writable
        let stream = |cf: &mut cfb::CompoundFile<F>, data: &[u8]| {
            let mut s = cf.create_stream(format!("{dir}/__substg1.0_{tag:08X}")).expect("msg stream");
            s.write_all(data).expect("msg write");
        };
        match v {
            Val::Int(n) => {
                ps.extend_from_slice(&n.to_le_bytes());
                ps.extend_from_slice(&0u32.to_le_bytes());
            }
            Val::Time(t) => ps.extend_from_slice(&t.to_le_bytes()),
            Val::Str(s) => {
                let data: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
                ps.extend_from_slice(&(data.len() as u32 + 2).to_le_bytes());
                ps.extend_from_slice(&0u32.to_le_bytes());
                stream(cf, &data);
            }
            Val::Bin(b) => {
                ps.extend_from_slice(&(b.len() as u32).to_le_bytes());
                ps.extend_from_slice(&0u32.to_le_bytes());
                stream(cf, b);
            }
        }
    }
    let mut s = cf.create_stream(format!("{dir}/__properties_version1.0")).expect("msg props");
    s.write_all(&ps).expect("msg write");
}

/// An Outlook `.msg` (OLE compound file, MS-OXMSG): subject, sender, body,
/// one recipient (ssos1@mass.gov) and the attachments as
/// `__attach_version1.0_#0000000N` storages with `PidTagAttachLongFilename`
/// (`__substg1.0_3707001F`) and `PidTagAttachDataBinary`
/// (`__substg1.0_37010102`). Directory timestamps are zeroed so the bytes
/// are reproducible.
pub fn msg(from: &str, subject: &str, body: &str, attachments: &[(&str, &[u8])]) -> Vec<u8> {
    let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb create");
    // 2023-06-29T20:42:07Z as FILETIME
    let sent: u64 = (1_688_071_327 + 11_644_473_600) * 10_000_000;
    let (name, addr) = match (from.find('<'), from.find('>')) {
        (Some(a), Some(b)) if a < b => (from[..a].trim(), &from[a + 1..b]),
        _ => (from, from),
    };
    let mut header = vec![0u8; 8];
    header.extend_from_slice(&1u32.to_le_bytes()); // next recipient id
    header.extend_from_slice(&(attachments.len() as u32).to_le_bytes()); // next attachment id
    header.extend_from_slice(&1u32.to_le_bytes()); // recipient count
    header.extend_from_slice(&(attachments.len() as u32).to_le_bytes());
    header.extend_from_slice(&[0u8; 8]);
    props(
        &mut cf,
        "",
        &header,
        &[
            (0x001A_001F, Val::Str("IPM.Note")),
            (0x0037_001F, Val::Str(subject)),
            (0x0C1A_001F, Val::Str(name)),
            (0x0C1F_001F, Val::Str(addr)),
            (0x0042_001F, Val::Str(name)),
            (0x5D01_001F, Val::Str(addr)),
            (0x0E04_001F, Val::Str("SSoS")),
            (0x1000_001F, Val::Str(body)),
            (0x0039_0040, Val::Time(sent)),
            (0x0E06_0040, Val::Time(sent)),
            (0x0E07_0003, Val::Int(1)),
        ],
    );
    cf.create_storage("/__nameid_version1.0").expect("nameid");
    for s in ["00020102", "00030102", "00040102"] {
        cf.create_stream(format!("/__nameid_version1.0/__substg1.0_{s}")).expect("nameid stream");
    }
    let r = "/__recip_version1.0_#00000000";
    cf.create_storage(r).expect("recip");
    props(
        &mut cf,
        r,
        &[0u8; 8],
        &[
            (0x3001_001F, Val::Str("SSoS")),
            (0x3003_001F, Val::Str("ssos1@mass.gov")),
            (0x39FE_001F, Val::Str("ssos1@mass.gov")),
            (0x0C15_0003, Val::Int(1)),
        ],
    );
    for (i, (fname, bytes)) in attachments.iter().enumerate() {
        let dir = format!("/__attach_version1.0_#{i:08X}");
        cf.create_storage(&dir).expect("attach");
        let ext = fname.rfind('.').map(|p| &fname[p..]).unwrap_or("");
        props(
            &mut cf,
            &dir,
            &[0u8; 8],
            &[
                (0x0E21_0003, Val::Int(i as u32)),
                (0x3705_0003, Val::Int(1)), // ATTACH_BY_VALUE
                (0x3707_001F, Val::Str(fname)),
                (0x3704_001F, Val::Str(fname)),
                (0x3001_001F, Val::Str(fname)),
                (0x3703_001F, Val::Str(ext)),
                (0x370E_001F, Val::Str(mime_type(fname))),
                (0x0E20_0003, Val::Int(bytes.len() as u32)),
                (0x3701_0102, Val::Bin(bytes)),
            ],
        );
    }
    cf.flush().expect("cfb flush");
    let mut out = cf.into_inner().into_inner();
    zero_cfb_timestamps(&mut out);
    out
}

/// Zero the creation/modification FILETIMEs of every directory entry of a
/// compound file (cfb stamps storages with the current time).
pub(crate) fn zero_cfb_timestamps(b: &mut [u8]) {
    let u32_at = |b: &[u8], o: usize| u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
    let ss = 1usize << u16::from_le_bytes([b[0x1E], b[0x1F]]);
    let nfat = u32_at(b, 0x2C) as usize;
    assert!(nfat <= 109, "compound file too large for this helper");
    let mut fat = Vec::new();
    for i in 0..nfat {
        let sec = u32_at(b, 0x4C + 4 * i) as usize;
        let off = (sec + 1) * ss;
        for j in 0..ss / 4 {
            fat.push(u32_at(b, off + 4 * j));
        }
    }
    let mut id = u32_at(b, 0x30);
    let mut guard = 0;
    while id < 0xFFFF_FFFA && guard < fat.len() {
        let off = (id as usize + 1) * ss;
        for e in 0..ss / 128 {
            let eo = off + e * 128;
            b[eo + 100..eo + 116].fill(0);
        }
        id = fat[id as usize];
        guard += 1;
    }
}

// ---- Mail as Microsoft 365 and Exchange deliver it ----------------------

/// One attachment of an [`m365_eml`]: its file name, how the name is
/// written, the Content-Type header (or none), and its bytes.
pub struct Part<'a> {
    pub name: &'a str,
    pub naming: Naming,
    /// The declared type (`None`: no Content-Type header at all).
    pub content_type: Option<&'a str>,
    pub bytes: &'a [u8],
}

/// How an attachment's file name is written in its MIME header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// Exchange: `name=` + line break + tab + `"…"` in both headers.
    ExchangeFolded,
    /// Outlook for non-ASCII names: an RFC 2047 encoded word (base64, split
    /// into words of at most 12 bytes, so characters are cut between words)
    /// in `name`, and RFC 2231 continuations (`filename*0*`, `filename*1*`)
    /// in Content-Disposition, both in `charset`.
    Encoded { charset: &'static str, raw: &'static [u8] },
}

/// A message as Microsoft 365 delivers it: a blank first line, Exchange
/// transport headers, sensitivity labels (`msip_labels:`), `To    :`, a raw
/// 8-bit (Windows-1252) subject, and the multipart boundary on a
/// continuation line without leading white space. `from` is the sender.
pub fn m365_eml(from: &str, subject_latin1: &[u8], parts: &[Part]) -> Vec<u8> {
    let boundary = "_004_BN8PR04MB625812C3A1B2C3D4E5F6BN8PR04MB6258namp_";
    let mut m = b"\r\nReceived: from BN8PR04MB6258.namprd04.prod.outlook.com (2603:10b6:408:d4::17) by\r\n SN6PR04MB4543.namprd04.prod.outlook.com with HTTPS; Thu, 29 Jun 2023 20:42:07 +0000\r\n".to_vec();
    m.extend_from_slice(b"msip_labels: MSIP_Label_4f2b9e0d_Enabled=True;\r\n MSIP_Label_4f2b9e0d_SiteId=6a3c1e2d;MSIP_Label_4f2b9e0d_Method=Standard\r\n");
    m.extend_from_slice(format!("From: {from}\r\nTo    : SSoS <ssos1@mass.gov>\r\nSubject: ").as_bytes());
    m.extend_from_slice(subject_latin1);
    m.extend_from_slice(
        b"\r\nThread-Topic: SSoS\r\nThread-Index: AQHZqtest\r\nDate: Thu, 29 Jun 2023 20:42:07 +0000\r\n\
          Message-ID: <BN8PR04MB625812C3@BN8PR04MB6258.namprd04.prod.outlook.com>\r\n\
          Accept-Language: en-US\r\nX-MS-Has-Attach: yes\r\nX-MS-TNEF-Correlator:\r\n\
          X-MS-Exchange-Organization-SCL: -1\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n",
    );
    m.extend_from_slice(format!("boundary=\"{boundary}\"\r\n\r\n").as_bytes());
    m.extend_from_slice(
        format!("--{boundary}\r\nContent-Type: text/plain; charset=\"iso-8859-1\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nPlease find our submission attached.\r\n\r\n")
            .as_bytes(),
    );
    for part in parts {
        m.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let (type_name, disposition) = match part.naming {
            Naming::ExchangeFolded => {
                (format!(" name=\r\n\t\"{}\"", part.name), format!("attachment; filename=\r\n\t\"{}\";", part.name))
            }
            Naming::Encoded { charset, raw } => {
                let words: Vec<String> = raw.chunks(12).map(|c| format!("=?{charset}?B?{}?=", base64(c))).collect();
                let pct: Vec<String> =
                    raw.chunks(9).map(|c| c.iter().map(|b| format!("%{b:02X}")).collect::<String>()).collect();
                let mut cd = String::from("attachment;");
                for (i, chunk) in pct.iter().enumerate() {
                    let lead = if i == 0 { format!("{charset}''") } else { String::new() };
                    cd.push_str(&format!("\r\n\tfilename*{i}*={lead}{chunk};"));
                }
                (format!("\r\n\tname=\"{}\"", words.join("\r\n ")), cd)
            }
        };
        if let Some(ct) = part.content_type {
            m.extend_from_slice(format!("Content-Type: {ct};{type_name}\r\n").as_bytes());
        }
        m.extend_from_slice(
            format!(
                "Content-Description: {}\r\nContent-Disposition: {disposition}\r\n\tsize={}; creation-date=\"Thu, 29 Jun 2023 20:41:00 GMT\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n\r\n",
                if matches!(part.naming, Naming::ExchangeFolded) { part.name } else { "attachment" },
                part.bytes.len(),
                base64(part.bytes)
            )
            .as_bytes(),
        );
    }
    m.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    m
}

/// A message wrapping another one as an `application/octet-stream`
/// attachment (how some gateways forward), with no file name when `name` is
/// `None`.
pub fn forward_as_octet_stream(from: &str, inner: &[u8], name: Option<&str>) -> Vec<u8> {
    let name = name.map(|n| format!("; name=\"{n}\"")).unwrap_or_default();
    format!(
        "From: {from}\r\nTo: SSoS <ssos1@mass.gov>\r\nSubject: FW: submission\r\nDate: Fri, 30 Jun 2023 08:00:00 -0400\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"fwd\"\r\n\r\n--fwd\r\nContent-Type: text/plain\r\n\r\nForwarding.\r\n--fwd\r\nContent-Type: application/octet-stream{name}\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--fwd--\r\n",
        base64(inner)
    )
    .into_bytes()
}

fn tnef_attribute(out: &mut Vec<u8>, level: u8, id: u32, data: &[u8]) {
    out.push(level);
    out.extend_from_slice(&id.to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
    let sum = data.iter().fold(0u16, |s, &b| s.wrapping_add(u16::from(b)));
    out.extend_from_slice(&sum.to_le_bytes());
}

/// A `winmail.dat` (TNEF, MS-OXTNEF) as Outlook writes it in rich-text
/// mode: per attachment `attAttachRendData`, an 8.3 `attAttachTitle`,
/// `attAttachData` and the MAPI properties with `PR_ATTACH_LONG_FILENAME`.
pub fn winmail_dat(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = vec![0x78, 0x9F, 0x3E, 0x22, 0x01, 0x00];
    tnef_attribute(&mut out, 1, 0x0008_9006, &[1, 0, 0, 0, 0, 0, 0, 0]); // attTnefVersion
    tnef_attribute(&mut out, 1, 0x0006_9007, &[0xE4, 0x04, 0, 0, 0, 0, 0, 0]); // attOemCodepage 1252
    tnef_attribute(&mut out, 1, 0x0007_8008, b"IPM.Microsoft Mail.Note\0");
    for (name, data) in files {
        tnef_attribute(&mut out, 2, 0x0006_9002, &[1, 0, 0xFF, 0xFF, 0xFF, 0xFF, 1, 0, 1, 0, 0, 0, 0, 0]);
        let short: String = name.chars().filter(char::is_ascii_alphanumeric).take(6).collect();
        tnef_attribute(&mut out, 2, 0x0001_8010, format!("{}~1.DAT\0", short.to_ascii_uppercase()).as_bytes());
        tnef_attribute(&mut out, 2, 0x0006_800F, data);
        let mut props = Vec::new();
        props.extend_from_slice(&2u32.to_le_bytes());
        props.extend_from_slice(&0x0003u16.to_le_bytes());
        props.extend_from_slice(&0x3705u16.to_le_bytes());
        props.extend_from_slice(&1u32.to_le_bytes());
        let name16: Vec<u8> = name.encode_utf16().chain([0]).flat_map(u16::to_le_bytes).collect();
        props.extend_from_slice(&0x001Fu16.to_le_bytes());
        props.extend_from_slice(&0x3707u16.to_le_bytes());
        props.extend_from_slice(&1u32.to_le_bytes());
        props.extend_from_slice(&(name16.len() as u32).to_le_bytes());
        props.extend_from_slice(&name16);
        props.resize(props.len().div_ceil(4) * 4, 0);
        tnef_attribute(&mut out, 2, 0x0006_9005, &props);
    }
    out
}

/// A message carrying `dat` as `winmail.dat` (`application/ms-tnef`).
pub fn tnef_eml(from: &str, dat: &[u8]) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: SSoS <ssos1@mass.gov>\r\nSubject: Submission\r\nDate: Thu, 29 Jun 2023 16:42:07 -0400\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"tnef\"\r\n\r\n--tnef\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--tnef\r\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\r\nContent-Disposition: attachment; filename=\"winmail.dat\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--tnef--\r\n",
        base64(dat)
    )
    .into_bytes()
}
