//! Small helpers shared by the DOCX part parsers: a depth-bounded event
//! source over one part, namespace-agnostic attribute access, toggles, text.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::read::{InputError, Limits};

/// A pull parser over one XML part that counts element depth, refuses
/// nesting past the limit and turns parse errors into diagnostics.
pub(crate) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
    depth: usize,
    max_depth: usize,
    /// Events read so far; the clock is looked at every [`CLOCK_EVERY`] events.
    events: u64,
    budget: crate::budget::Budget,
}

/// How often (in events) the time budget is checked: rarely enough to cost nothing.
const CLOCK_EVERY: u64 = 4096;

impl<'a> Xml<'a> {
    pub(crate) fn new(text: &'a str, part: &'a str, limits: &Limits) -> Self {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        let budget = limits.budget.unwrap_or_else(|| crate::budget::Budget::start(limits.time_budget));
        Xml { reader, part, depth: 0, max_depth: limits.max_xml_depth.max(1), events: 0, budget }
    }

    /// The next event; `Ok(None)` at the end of the part.
    pub(crate) fn next(&mut self) -> Result<Option<Event<'a>>, InputError> {
        self.events += 1;
        if (self.events == 1 || self.events.is_multiple_of(CLOCK_EVERY))
            && let Err(over) = self.budget.check()
        {
            return Err(over.into_error(&format!("reading part '{}'", self.part)));
        }
        match self.reader.read_event() {
            Ok(Event::Eof) => {
                if self.depth > 0 {
                    return Err(InputError::corrupt(format!(
                        "part '{}' ends before its elements are closed",
                        self.part
                    )));
                }
                Ok(None)
            }
            Ok(event) => {
                match &event {
                    Event::Start(_) => {
                        self.depth += 1;
                        if self.depth > self.max_depth {
                            return Err(too_deep());
                        }
                    }
                    Event::End(_) => self.depth = self.depth.saturating_sub(1),
                    // OOXML forbids DTDs and Word never writes one: a DOCTYPE
                    // (entity bombs, external entities) means a hostile file.
                    Event::DocType(_) => return Err(hostile_doctype(self.part)),
                    _ => {}
                }
                Ok(Some(event))
            }
            Err(err) => Err(InputError::corrupt(format!(
                "part '{}' is not well-formed XML near byte {}: {err}",
                self.part,
                self.reader.error_position()
            ))),
        }
    }
}

pub(crate) fn hostile_doctype(part: &str) -> InputError {
    InputError::unreadable(
        format!("part '{part}' declares an XML DOCTYPE, which Word and Excel never write (a tampered or hostile file)"),
        "Open the plan in Word or Excel, save it again as .docx or .xlsx, and resend it.",
    )
}

pub(crate) fn too_deep() -> InputError {
    InputError::unreadable(
        "the document's structure is nested too deeply",
        "Open it in Word, save it again as .docx, and resend it; if it still fails, copy the text into a new document.",
    )
}

/// The local name of an element (`w:p` → `p`), whatever its prefix.
#[inline]
pub(crate) fn local<'e>(e: &'e BytesStart<'_>) -> &'e str {
    e.local_name().into_inner()
}

/// The value of the attribute whose local name is `key`, entities resolved.
pub(crate) fn attr<'e>(e: &'e BytesStart<'_>, key: &str) -> Option<Cow<'e, str>> {
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.local_name().into_inner() == key {
            return Some(match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                Ok(v) => v,
                Err(_) => a.value,
            });
        }
    }
    None
}

/// `w:val` of an element.
#[inline]
pub(crate) fn val<'e>(e: &'e BytesStart<'_>) -> Option<Cow<'e, str>> {
    attr(e, "val")
}

/// An on/off property (`<w:b/>`, `<w:b w:val="false"/>`): absent val is true.
pub(crate) fn toggle(e: &BytesStart<'_>) -> bool {
    match val(e) {
        None => true,
        Some(v) => !matches!(v.trim(), "false" | "0" | "off" | "none"),
    }
}

/// A small integer attribute value, tolerant of junk.
pub(crate) fn int_val(e: &BytesStart<'_>) -> Option<i64> {
    val(e).and_then(|v| v.trim().parse::<i64>().ok())
}

/// Text of an entity or character reference (`&amp;`, `&#x41;`); unknown
/// (DOCTYPE-declared) entities are never expanded.
pub(crate) fn reference_text(r: &BytesRef<'_>, out: &mut String) {
    if r.is_char_ref() {
        if let Ok(Some(c)) = r.resolve_char_ref() {
            out.push(c);
        }
        return;
    }
    let name = r.clone().into_inner();
    if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
        out.push_str(s);
    }
}

/// Longest style name, style id or list label template kept (Word's own
/// limit on style names is 253 characters; real `lvlText`s are a few).
pub(crate) const MAX_NAME: usize = 255;

/// `s` cut to at most `max` bytes, on a character boundary.
pub(crate) fn capped(s: std::borrow::Cow<'_, str>, max: usize) -> String {
    if s.len() <= max {
        return s.into_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}
