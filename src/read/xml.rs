//! Bounded access to the parts of a zip package (DOCX, XLSX, archives):
//! every inflate is capped, so a zip bomb ends in a diagnostic, not in memory.

use std::io::{Cursor, Read};

use super::{InputError, Limits};

/// An opened zip package with a running budget of inflated bytes.
pub struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    inflated: u64,
    limits: &'a Limits,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self, InputError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|err| InputError::corrupt(format!("the zip package cannot be opened: {err}")))?;
        if zip.len() > limits.max_entries {
            return Err(InputError::unreadable(
                format!("the package has {} parts, over the limit of {}", zip.len(), limits.max_entries),
                "This is not an ordinary plan file; save the plan again from Word or Excel.",
            ));
        }
        Ok(Package { zip, inflated: 0, limits })
    }

    pub fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_string).collect()
    }

    /// The exact part name matching `name` case-insensitively (zip names may
    /// differ in case from what relationships say), ignoring a leading '/'.
    pub fn find(&self, name: &str) -> Option<String> {
        let name = name.trim_start_matches('/');
        self.zip.file_names().find(|n| n.eq_ignore_ascii_case(name)).map(str::to_string)
    }

    /// Reads one part, refusing it when it would inflate past the limits.
    /// Returns `Ok(None)` when the part does not exist.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, InputError> {
        self.read_capped(name, self.limits.max_part_bytes)
    }

    /// Like [`Package::read`], with a tighter per-part cap (never above
    /// `max_part_bytes`). A part whose central-directory entry already
    /// declares more than the cap is refused without inflating anything;
    /// one that lies about its size is cut off after `cap + 1` bytes.
    pub fn read_capped(&mut self, name: &str, part_cap: u64) -> Result<Option<Vec<u8>>, InputError> {
        let Some(exact) = self.find(name) else {
            return Ok(None);
        };
        let part_cap = part_cap.min(self.limits.max_part_bytes);
        let entry = self
            .zip
            .by_name(&exact)
            .map_err(|err| InputError::corrupt(format!("part '{exact}' cannot be read: {err}")))?;
        if entry.encrypted() {
            return Err(InputError::unreadable(
                "the archive is password-protected",
                "Send the files without a password.",
            ));
        }
        let cap = part_cap.min(self.limits.max_total_inflated.saturating_sub(self.inflated));
        if entry.size() > cap {
            return Err(part_too_large(&exact, part_cap));
        }
        let mut data = Vec::with_capacity(entry.size().min(cap).min(16 << 20) as usize);
        let read = entry.take(cap + 1).read_to_end(&mut data).map_err(|err| {
            if err.kind() == std::io::ErrorKind::OutOfMemory {
                InputError::unreadable(
                    format!("part '{exact}' needs more memory than the memory limit per file allows"),
                    "Save the plan again from Word or Excel and send only the plan; remove embedded files.",
                )
            } else {
                InputError::corrupt(format!("part '{exact}' is damaged: {err}"))
            }
        })?;
        if read as u64 > cap {
            return Err(part_too_large(&exact, part_cap));
        }
        self.inflated += read as u64;
        Ok(Some(data))
    }

    /// Reads one part as text (UTF-8, or UTF-16 with a BOM).
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>, InputError> {
        Ok(self.read(name)?.map(|bytes| decode_xml_text(&bytes)))
    }
}

pub fn zip_bomb_error(part: &str, limits: &Limits) -> InputError {
    part_too_large(part, limits.max_part_bytes)
}

fn part_too_large(part: &str, cap: u64) -> InputError {
    InputError::unreadable(
        format!("part '{part}' inflates past the {} MB limit (a damaged file or a zip bomb)", cap / (1024 * 1024)),
        "Save the plan again from Word or Excel; if it really is this large, remove embedded files.",
    )
}

/// Decodes XML bytes: UTF-8 (with or without BOM), or UTF-16 LE/BE with a BOM.
pub fn decode_xml_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}
