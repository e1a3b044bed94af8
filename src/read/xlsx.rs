//! Spreadsheet reader (calamine).

use super::{InputError, Limits};
use crate::model::{Document, Format};

pub fn read(_bytes: &[u8], _format: Format, _limits: &Limits) -> Result<Document, InputError> {
    Err(InputError::unsupported("the spreadsheet reader is not built yet", ""))
}
