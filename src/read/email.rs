//! Container reader: each supported attachment or member becomes an Entry.

use super::{Entry, InputError, Limits};

pub fn expand(path: &str, _bytes: &[u8], _limits: &Limits, _depth: usize) -> Vec<Entry> {
    vec![Entry {
        path: path.to_string(),
        attachment: None,
        envelope: None,
        package: None,
        result: Err(InputError::unsupported("not built yet", "")),
    }]
}
