//! DOCX reader (streaming, zip + quick-xml).

use super::{InputError, Limits};
use crate::model::Document;

pub fn read(_bytes: &[u8], _limits: &Limits) -> Result<Document, InputError> {
    Err(InputError::unsupported("the DOCX reader is not built yet", ""))
}
