//! The one table of file formats. Adding a format means adding a row here
//! (and, for a new document format, its reader module and `model::Format`
//! variant): detection, the reader dispatch, archive and email triage, the
//! folder walk, the upload form and the e-mail MIME map all read this table.

use super::{InputError, Limits};
use crate::model::{Document, Format};

/// A reader: the bytes of one file → a [`Document`].
pub type Reader = fn(&[u8], Format, &Limits) -> Result<Document, InputError>;

/// Which container reader a member needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Email,
    Msg,
    Zip,
}

/// What ssos-lint does with files of one format.
#[derive(Clone, Copy)]
pub enum Kind {
    /// A plan document, read by `read`.
    Document { format: Format, read: Reader },
    /// A container (email, archive) whose members are checked.
    Container(Container),
    /// A document format that is not read: reported as unsupported, with
    /// what to save the plan as instead.
    Unsupported { save_as: &'static str },
    /// Never a submission (calendar invites, signatures, web pages): left
    /// out of containers and of folder walks.
    Never,
}

/// One row of the table.
pub struct FormatSpec {
    /// What it is called in messages ("PowerPoint 97-2003 (.ppt)").
    pub name: &'static str,
    /// File name extensions, lower case, without the dot; the first is the usual one.
    pub exts: &'static [&'static str],
    /// MIME types (e-mail attachments, OpenDocument `mimetype` entries), lower case.
    pub mimes: &'static [&'static str],
    /// Markers of the main part's content type in an OOXML package's
    /// `[Content_Types].xml`, lower case; rows are tried in table order.
    pub ooxml: &'static [&'static str],
    /// How its content is recognised when it says nothing of its type.
    pub signs: Signs,
    pub kind: Kind,
}

/// What in a file's content marks the format; rows are tried in table
/// order. In `ole` and `zip_parts` a name ending in `*` is a prefix.
#[derive(Clone, Copy)]
pub struct Signs {
    /// The bytes it starts with (after a byte-order mark and white space).
    pub magic: &'static [&'static [u8]],
    /// Top-level stream or storage names of an OLE compound file, lower case.
    pub ole: &'static [&'static str],
    /// Part names of a zip package with no `[Content_Types].xml` or
    /// `mimetype`, lower case.
    pub zip_parts: &'static [&'static str],
}

/// No signs: a row known by its name, MIME type or OOXML content type only.
pub const NONE: Signs = Signs { magic: &[], ole: &[], zip_parts: &[] };

const fn document(format: Format, read: Reader) -> Kind {
    Kind::Document { format, read }
}

const WORD: &str = "a Word document (.docx)";

fn read_docx(bytes: &[u8], _: Format, limits: &Limits) -> Result<Document, InputError> {
    super::docx::read(bytes, limits)
}

fn read_pptx(bytes: &[u8], _: Format, limits: &Limits) -> Result<Document, InputError> {
    super::pptx::read(bytes, limits)
}

fn read_pdf(bytes: &[u8], _: Format, limits: &Limits) -> Result<Document, InputError> {
    super::pdf::read(bytes, limits)
}

/// Every format ssos-lint knows, in detection order.
pub static FORMATS: &[FormatSpec] = &[
    FormatSpec {
        name: "Word document",
        exts: &["docx", "docm", "dotx", "dotm"],
        mimes: &[
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
            "application/vnd.ms-word.document.macroenabled.12",
        ],
        ooxml: &[
            "wordprocessingml.document.main",
            "wordprocessingml.template.main",
            "document.macroenabled.main",
            "ms-word.template.macroenabledtemplate.main",
        ],
        signs: Signs { zip_parts: &["word/document.xml"], ..NONE },
        kind: document(Format::Docx, read_docx),
    },
    FormatSpec {
        name: "Excel binary workbook (.xlsb)",
        exts: &["xlsb"],
        mimes: &["application/vnd.ms-excel.sheet.binary.macroenabled.12"],
        ooxml: &["sheet.binary.macroenabled.main"],
        signs: NONE,
        kind: Kind::Unsupported { save_as: "an Excel workbook (.xlsx)" },
    },
    FormatSpec {
        name: "Excel macro-enabled workbook",
        exts: &["xlsm", "xltm"],
        mimes: &["application/vnd.ms-excel.sheet.macroenabled.12", "application/vnd.ms-excel.template.macroenabled.12"],
        ooxml: &["sheet.macroenabled.main"],
        signs: NONE,
        kind: document(Format::Xlsm, super::xlsx::read),
    },
    FormatSpec {
        name: "Excel workbook",
        exts: &["xlsx", "xltx"],
        mimes: &[
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
        ],
        ooxml: &["spreadsheetml.sheet.main", "spreadsheetml.template.main"],
        signs: Signs { zip_parts: &["xl/workbook.xml"], ..NONE },
        kind: document(Format::Xlsx, super::xlsx::read),
    },
    FormatSpec {
        name: "PowerPoint presentation",
        exts: &["pptx", "pptm", "potx", "potm", "ppsx", "ppsm"],
        mimes: &[
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
            "application/vnd.openxmlformats-officedocument.presentationml.template",
            "application/vnd.ms-powerpoint.presentation.macroenabled.12",
            "application/vnd.ms-powerpoint.slideshow.macroenabled.12",
            "application/vnd.ms-powerpoint.template.macroenabled.12",
        ],
        ooxml: &[
            "presentationml.presentation.main",
            "presentationml.slideshow.main",
            "presentationml.template.main",
            "ms-powerpoint.presentation.macroenabled.main",
            "ms-powerpoint.slideshow.macroenabled.main",
            "ms-powerpoint.template.macroenabled.main",
            "presentationml",
        ],
        signs: NONE,
        kind: document(Format::Pptx, read_pptx),
    },
    FormatSpec {
        // Other WordprocessingML / SpreadsheetML main parts, after the specific ones.
        name: "Word document",
        exts: &[],
        mimes: &[],
        ooxml: &["wordprocessingml"],
        signs: NONE,
        kind: document(Format::Docx, read_docx),
    },
    FormatSpec {
        name: "Excel workbook",
        exts: &[],
        mimes: &[],
        ooxml: &["spreadsheetml"],
        signs: NONE,
        kind: document(Format::Xlsx, super::xlsx::read),
    },
    FormatSpec {
        name: "Excel 97-2003 workbook",
        exts: &["xls", "xlt"],
        mimes: &["application/vnd.ms-excel"],
        ooxml: &[],
        signs: Signs { ole: &["workbook", "book"], ..NONE },
        kind: document(Format::Xls, super::xlsx::read),
    },
    FormatSpec {
        name: "OpenDocument spreadsheet",
        exts: &["ods"],
        mimes: &["application/vnd.oasis.opendocument.spreadsheet"],
        ooxml: &[],
        signs: NONE,
        kind: document(Format::Ods, super::xlsx::read),
    },
    FormatSpec {
        name: "PDF",
        exts: &["pdf"],
        mimes: &["application/pdf", "application/x-pdf"],
        ooxml: &[],
        signs: Signs { magic: &[b"%PDF"], ..NONE },
        kind: document(Format::Pdf, read_pdf),
    },
    FormatSpec {
        name: "email",
        exts: &["eml"],
        mimes: &["message/rfc822", "message/global"],
        ooxml: &[],
        signs: NONE,
        kind: Kind::Container(Container::Email),
    },
    FormatSpec {
        name: "Outlook message",
        exts: &["msg"],
        mimes: &["application/vnd.ms-outlook"],
        ooxml: &[],
        signs: Signs { ole: &["__properties_version1.0", "__substg1.0_*"], ..NONE },
        kind: Kind::Container(Container::Msg),
    },
    FormatSpec {
        name: "zip archive",
        exts: &["zip"],
        mimes: &["application/zip", "application/x-zip-compressed", "application/x-zip"],
        ooxml: &[],
        signs: NONE,
        kind: Kind::Container(Container::Zip),
    },
    FormatSpec {
        name: "Word 97-2003 (.doc)",
        exts: &["doc", "dot"],
        mimes: &["application/msword"],
        ooxml: &[],
        signs: Signs { ole: &["worddocument"], ..NONE },
        kind: Kind::Unsupported { save_as: WORD },
    },
    FormatSpec {
        name: "PowerPoint 97-2003 (.ppt)",
        exts: &["ppt", "pps", "pot"],
        mimes: &["application/vnd.ms-powerpoint"],
        ooxml: &[],
        signs: Signs { ole: &["powerpoint document"], ..NONE },
        kind: Kind::Unsupported { save_as: "a PowerPoint presentation (.pptx) or a Word document (.docx)" },
    },
    FormatSpec {
        name: "OpenDocument text (.odt)",
        exts: &["odt"],
        mimes: &["application/vnd.oasis.opendocument.text"],
        ooxml: &[],
        signs: NONE,
        kind: Kind::Unsupported { save_as: WORD },
    },
    FormatSpec {
        name: "OpenDocument presentation (.odp)",
        exts: &["odp"],
        mimes: &["application/vnd.oasis.opendocument.presentation"],
        ooxml: &[],
        signs: NONE,
        kind: Kind::Unsupported { save_as: "a PowerPoint presentation (.pptx) or a Word document (.docx)" },
    },
    FormatSpec {
        name: "Apple Pages",
        exts: &["pages"],
        mimes: &[],
        ooxml: &[],
        signs: Signs { zip_parts: &["index.xml", "index/document*"], ..NONE },
        kind: Kind::Unsupported { save_as: WORD },
    },
    FormatSpec {
        name: "Apple Numbers",
        exts: &["numbers"],
        mimes: &[],
        ooxml: &[],
        signs: NONE,
        kind: Kind::Unsupported { save_as: "an Excel workbook (.xlsx)" },
    },
    FormatSpec {
        name: "Rich Text Format (.rtf)",
        exts: &["rtf"],
        mimes: &["application/rtf", "text/rtf"],
        ooxml: &[],
        signs: Signs { magic: &[b"{\\rtf"], ..NONE },
        kind: Kind::Unsupported { save_as: WORD },
    },
    FormatSpec {
        name: "WordPerfect",
        exts: &["wpd"],
        mimes: &[],
        ooxml: &[],
        signs: NONE,
        kind: Kind::Unsupported { save_as: WORD },
    },
    FormatSpec {
        name: "not a plan",
        exts: &["ics", "vcf", "vcs", "p7s", "p7m", "p7c", "asc", "sig", "htm", "html", "txt", "css", "js", "dat"],
        mimes: &[],
        ooxml: &[],
        signs: NONE,
        kind: Kind::Never,
    },
];

/// The lower-case extension of a file name ("" when it has none).
pub fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// The row for a file name's extension.
pub fn by_name(name: &str) -> Option<&'static FormatSpec> {
    let ext = extension(name);
    FORMATS.iter().find(|f| f.exts.contains(&ext.as_str()))
}

/// The row for a MIME type (parameters ignored).
pub fn by_mime(mime: &str) -> Option<&'static FormatSpec> {
    let mime = mime.split(';').next().unwrap_or(mime).trim().to_ascii_lowercase();
    FORMATS.iter().find(|f| f.mimes.contains(&mime.as_str()))
}

/// The usual extension for a MIME type: `application/pdf` → `pdf`.
pub fn ext_for_mime(mime: &str) -> Option<&'static str> {
    by_mime(mime).and_then(|f| f.exts.first().copied())
}

/// The row whose OOXML main content type appears in `[Content_Types].xml`.
pub fn by_ooxml(content_types: &str) -> Option<&'static FormatSpec> {
    let types = content_types.to_ascii_lowercase();
    FORMATS.iter().find(|f| f.ooxml.iter().any(|marker| types.contains(marker)))
}

/// The row whose magic bytes `head` starts with.
pub fn by_magic(head: &[u8]) -> Option<&'static FormatSpec> {
    FORMATS.iter().find(|f| f.signs.magic.iter().any(|m| head.starts_with(m)))
}

/// The row one of whose OLE stream names is among `names` (lower case).
pub fn by_ole(names: &[String]) -> Option<&'static FormatSpec> {
    FORMATS.iter().find(|f| f.signs.ole.iter().any(|sign| names.iter().any(|n| sign_matches(sign, n))))
}

/// The row one of whose zip part names is among `names` (lower case).
pub fn by_zip_parts(names: &[String]) -> Option<&'static FormatSpec> {
    FORMATS.iter().find(|f| f.signs.zip_parts.iter().any(|sign| names.iter().any(|n| sign_matches(sign, n))))
}

fn sign_matches(sign: &str, name: &str) -> bool {
    match sign.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => name == sign,
    }
}

/// The container a file name says it is ("Fwd.eml" → an email).
pub fn container_by_name(name: &str) -> Option<Container> {
    by_name(name).and_then(|f| match f.kind {
        Kind::Container(container) => Some(container),
        _ => None,
    })
}

/// The reader of a document format.
pub fn reader(format: Format) -> Option<Reader> {
    FORMATS.iter().find_map(|f| match f.kind {
        Kind::Document { format: g, read } if g == format => Some(read),
        _ => None,
    })
}

/// A name a district may have meant as its plan (read or not).
pub fn is_documentish(name: &str) -> bool {
    by_name(name).is_some_and(|f| matches!(f.kind, Kind::Document { .. } | Kind::Unsupported { .. }))
}

/// A name that is never a submission, whatever its content.
pub fn is_never(name: &str) -> bool {
    by_name(name).is_some_and(|f| matches!(f.kind, Kind::Never))
}

/// Files a folder walk picks up: documents (read or reported) and containers.
pub fn is_walked(name: &str) -> bool {
    by_name(name).is_some_and(|f| !matches!(f.kind, Kind::Never))
}

/// The `accept` list of the upload form: every extension that is read or expanded.
pub fn accept() -> String {
    FORMATS
        .iter()
        .filter(|f| matches!(f.kind, Kind::Document { .. } | Kind::Container(_)))
        .flat_map(|f| f.exts.iter().map(|e| format!(".{e}")))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_read_format_has_a_reader_and_unique_extensions() {
        for format in [Format::Docx, Format::Xlsx, Format::Xlsm, Format::Xls, Format::Ods, Format::Pptx, Format::Pdf] {
            assert!(reader(format).is_some(), "{format:?}");
        }
        let mut seen = std::collections::HashSet::new();
        for f in FORMATS {
            for e in f.exts {
                assert!(seen.insert(*e), "extension {e} is in two rows");
                assert_eq!(*e, e.to_ascii_lowercase());
            }
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(ext_for_mime("application/pdf; name=x.pdf"), Some("pdf"));
        assert_eq!(
            ext_for_mime("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Some("pptx")
        );
        assert_eq!(ext_for_mime("Application/ZIP"), Some("zip"));
        assert_eq!(ext_for_mime("image/png"), None);
        assert!(is_walked("a/Plan.PPTX") && is_walked("p.pdf") && is_walked("x.doc") && is_walked("m.eml"));
        assert!(!is_walked("invite.ics") && !is_walked("logo.png") && !is_walked("README"));
        assert!(is_documentish("deck.potx") && is_documentish("plan.pages") && !is_documentish("bundle.zip"));
        assert!(is_never("smime.p7s") && !is_never("plan.pdf"));
        let accept = accept();
        for e in [".docx", ".pptx", ".pdf", ".xlsx", ".eml", ".msg", ".zip", ".ppsx"] {
            assert!(accept.split(',').any(|a| a == e), "{e} in {accept}");
        }
        assert!(!accept.contains(".doc,") && !accept.contains(".ics"));
    }

    #[test]
    fn content_signs() {
        let name = |f: Option<&FormatSpec>| f.map(|f| f.name);
        assert_eq!(name(by_magic(b"%PDF-1.7\n")), Some("PDF"));
        assert_eq!(name(by_magic(b"{\\rtf1\\ansi")), Some("Rich Text Format (.rtf)"));
        assert_eq!(name(by_magic(b"PDF")), None);
        let names = |list: &[&str]| list.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(
            name(by_ole(&names(&["\u{5}summaryinformation", "worddocument", "1table"]))),
            Some("Word 97-2003 (.doc)")
        );
        assert_eq!(name(by_ole(&names(&["__substg1.0_0037001f", "__nameid_version1.0"]))), Some("Outlook message"));
        assert_eq!(name(by_ole(&names(&["workbook"]))), Some("Excel 97-2003 workbook"));
        assert_eq!(name(by_ole(&names(&["contents"]))), None);
        assert_eq!(
            name(by_zip_parts(&names(&["index/document.iwa", "metadata/properties.plist"]))),
            Some("Apple Pages")
        );
        assert_eq!(name(by_zip_parts(&names(&["word/document.xml"]))), Some("Word document"));
        assert_eq!(name(by_zip_parts(&names(&["plans/word/document.xml"]))), None);
        assert_eq!(container_by_name("Fwd: plan.EML"), Some(Container::Email));
        assert_eq!(container_by_name("bundle.zip"), Some(Container::Zip));
        assert_eq!(container_by_name("plan.docx"), None);
    }

    #[test]
    fn ooxml_content_types_in_order() {
        let kind = |t: &str| by_ooxml(t).map(|f| f.name);
        assert_eq!(
            kind("application/vnd.ms-excel.sheet.binary.macroEnabled.main+xml"),
            Some("Excel binary workbook (.xlsb)")
        );
        assert_eq!(kind("application/vnd.ms-excel.sheet.macroEnabled.main+xml"), Some("Excel macro-enabled workbook"));
        assert_eq!(
            kind("application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml"),
            Some("PowerPoint presentation")
        );
        assert_eq!(
            kind("application/vnd.ms-powerpoint.template.macroEnabled.main+xml"),
            Some("PowerPoint presentation")
        );
        assert_eq!(kind("application/vnd.ms-word.template.macroEnabledTemplate.main+xml"), Some("Word document"));
        assert_eq!(kind("application/xml"), None);
    }
}
