//! Outlook .msg (stub).
use super::archive::Origin;
use super::{Entry, Limits};

pub fn expand(path: &str, bytes: &[u8], limits: &Limits, depth: usize) -> Vec<Entry> {
    expand_in(&Origin::root(path), bytes, limits, depth, false)
}

pub(crate) fn expand_in(
    origin: &Origin,
    _bytes: &[u8],
    _limits: &Limits,
    _depth: usize,
    _forwarded: bool,
) -> Vec<Entry> {
    vec![origin.entry(
        None,
        Err(super::InputError::unsupported("not built yet", "")),
    )]
}
