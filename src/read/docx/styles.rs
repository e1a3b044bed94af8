//! `styles.xml`: style names, `basedOn` chains, outline levels, bold/hidden
//! run properties and numbering inherited from paragraph styles.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::xmlutil::{MAX_NAME, Xml, attr, capped, int_val, local, toggle, val};
use crate::read::{InputError, Limits};

/// Longest `basedOn` chain followed (also ends cycles).
const MAX_CHAIN: usize = 16;

#[derive(Debug, Default, Clone)]
pub(crate) struct StyleDef {
    pub name: Option<String>,
    pub based_on: Option<String>,
    /// `w:pPr/w:outlineLvl` (0..=8; 9 means body text).
    pub outline: Option<u8>,
    pub bold: Option<bool>,
    pub vanish: Option<bool>,
    pub emphasis: Emphasis,
    pub num_id: Option<u32>,
    pub ilvl: Option<u8>,
}

#[derive(Debug, Default)]
pub(crate) struct Styles {
    map: HashMap<String, StyleDef>,
    /// The default paragraph style's id.
    pub default_para: Option<String>,
    /// `w:docDefaults/w:rPrDefault` bold.
    pub default_bold: bool,
    /// `w:docDefaults/w:rPrDefault` size in half-points.
    pub default_size: Option<u32>,
}

/// Run properties that set a line off without bold: underline, capitals, size.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Emphasis {
    pub underline: Option<bool>,
    pub caps: Option<bool>,
    /// `w:sz` in half-points.
    pub size: Option<u32>,
}

/// How much larger than body text (in half-points) a run must be to stand out.
const LARGER_BY: u32 = 4;
/// Word's size when nothing sets one (11 pt).
const WORD_DEFAULT_SIZE: u32 = 22;

impl Styles {
    pub(crate) fn parse(text: &str, part: &str, limits: &Limits) -> Result<Styles, InputError> {
        let mut styles = Styles::default();
        let mut xml = Xml::new(text, part, limits);
        // Which of the interesting containers we are in.
        let mut stack: Vec<Ctx> = Vec::new();
        let mut cur: Option<(String, StyleDef)> = None;
        while let Some(event) = xml.next()? {
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    if let Some(Ctx::Style) = stack.pop()
                        && let Some((id, def)) = cur.take()
                    {
                        styles.map.entry(id).or_insert(def);
                    }
                    continue;
                }
                _ => continue,
            };
            let parent = stack.last().copied();
            let name = local(e);
            let ctx = match (parent, name) {
                (_, "style") => {
                    let id = attr(e, "styleId").map(|s| capped(s, MAX_NAME)).unwrap_or_default();
                    let is_para = attr(e, "type").is_none_or(|t| t == "paragraph");
                    if is_para && attr(e, "default").is_some_and(|d| matches!(&*d, "1" | "true" | "on")) {
                        styles.default_para = Some(id.clone());
                    }
                    cur = Some((id, StyleDef::default()));
                    Ctx::Style
                }
                (Some(Ctx::Style), "name") => {
                    if let Some((_, def)) = cur.as_mut() {
                        // Capped: the name is copied into every paragraph of the style.
                        def.name = val(e).map(|v| capped(v, MAX_NAME));
                    }
                    Ctx::Other
                }
                (Some(Ctx::Style), "basedOn") => {
                    if let Some((_, def)) = cur.as_mut() {
                        def.based_on = val(e).map(|v| capped(v, MAX_NAME));
                    }
                    Ctx::Other
                }
                (Some(Ctx::Style), "pPr") => Ctx::PPr,
                (Some(Ctx::Style), "rPr") => Ctx::RPr,
                (Some(Ctx::PPr), "outlineLvl") => {
                    if let Some((_, def)) = cur.as_mut() {
                        def.outline = int_val(e).and_then(|v| u8::try_from(v).ok());
                    }
                    Ctx::Other
                }
                (Some(Ctx::PPr), "numPr") => Ctx::NumPr,
                (Some(Ctx::NumPr), "numId") => {
                    if let Some((_, def)) = cur.as_mut() {
                        def.num_id = int_val(e).and_then(|v| u32::try_from(v).ok());
                    }
                    Ctx::Other
                }
                (Some(Ctx::NumPr), "ilvl") => {
                    if let Some((_, def)) = cur.as_mut() {
                        def.ilvl = int_val(e).and_then(|v| u8::try_from(v).ok()).map(|v| v.min(8));
                    }
                    Ctx::Other
                }
                (Some(Ctx::RPr), "b") => {
                    if let Some((_, def)) = cur.as_mut() {
                        def.bold = Some(toggle(e));
                    }
                    Ctx::Other
                }
                (Some(Ctx::RPr), "u") => {
                    if let Some((_, def)) = cur.as_mut() {
                        def.emphasis.underline = Some(toggle(e));
                    }
                    Ctx::Other
                }
                (Some(Ctx::RPr), "caps") => {
                    if let Some((_, def)) = cur.as_mut() {
                        def.emphasis.caps = Some(toggle(e));
                    }
                    Ctx::Other
                }
                (Some(Ctx::RPr), "sz") => {
                    if let Some((_, def)) = cur.as_mut() {
                        def.emphasis.size = int_val(e).and_then(|v| u32::try_from(v).ok());
                    }
                    Ctx::Other
                }
                (Some(Ctx::DefaultRPr), "sz") => {
                    styles.default_size = int_val(e).and_then(|v| u32::try_from(v).ok());
                    Ctx::Other
                }
                (Some(Ctx::RPr), "vanish") => {
                    if let Some((_, def)) = cur.as_mut() {
                        def.vanish = Some(toggle(e));
                    }
                    Ctx::Other
                }
                (Some(Ctx::DefaultRPr), "b") => {
                    styles.default_bold = toggle(e);
                    Ctx::Other
                }
                (_, "rPrDefault") => Ctx::RPrDefault,
                (Some(Ctx::RPrDefault), "rPr") => Ctx::DefaultRPr,
                _ => Ctx::Other,
            };
            if empty {
                if ctx == Ctx::Style
                    && let Some((id, def)) = cur.take()
                {
                    styles.map.entry(id).or_insert(def);
                }
            } else {
                stack.push(ctx);
            }
        }
        Ok(styles)
    }

    /// The style and its `basedOn` ancestors, nearest first (cycle-safe).
    pub(crate) fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = &'s StyleDef> + 's {
        let mut next = id;
        let mut steps = 0;
        std::iter::from_fn(move || {
            if steps >= MAX_CHAIN {
                return None;
            }
            steps += 1;
            let def = self.map.get(next?)?;
            next = def.based_on.as_deref();
            Some(def)
        })
    }

    /// The heading level (1..=9) the style (or an ancestor) gives a paragraph.
    pub(crate) fn heading_level(&self, id: Option<&str>) -> Option<u8> {
        let mut next = id;
        for _ in 0..MAX_CHAIN {
            let sid = next?;
            let Some(def) = self.map.get(sid) else {
                return heading_from_name(sid);
            };
            if let Some(o) = def.outline
                && o < 9
            {
                return Some(o + 1);
            }
            if let Some(l) = def.name.as_deref().and_then(heading_from_name).or_else(|| heading_from_name(sid)) {
                return Some(l);
            }
            next = def.based_on.as_deref();
        }
        None
    }

    /// The display name of a style ("heading 1" → "Heading 1"), or its id.
    pub(crate) fn display_name(&self, id: &str) -> String {
        let name = self.map.get(id).and_then(|d| d.name.as_deref()).unwrap_or(id);
        let name = name.replace("_20_", " ");
        // Word stores built-in names in lower case ("heading 1", "toc 2",
        // "list paragraph") and shows them capitalized word by word.
        if name.chars().any(char::is_uppercase) {
            return name;
        }
        if let Some(rest) = name.strip_prefix("toc ") {
            return format!("TOC {rest}");
        }
        name.split(' ')
            .map(|word| {
                let mut chars = word.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub(crate) fn bold(&self, id: Option<&str>) -> Option<bool> {
        self.chain(id).find_map(|d| d.bold)
    }

    /// Whether a run with its own properties `own`, in the styles `ids`
    /// (character style first, then paragraph style), is set off from body
    /// text by underline, capitals or a larger size.
    pub(crate) fn emphasis(&self, ids: &[Option<&str>], own: Emphasis) -> bool {
        // The run's own value, else the nearest style's that sets it.
        fn pick<T>(
            own: Option<T>,
            styles: &Styles,
            ids: &[Option<&str>],
            get: fn(&Emphasis) -> Option<T>,
        ) -> Option<T> {
            own.or_else(|| ids.iter().find_map(|id| styles.chain(*id).find_map(|d| get(&d.emphasis))))
        }
        let underline = pick(own.underline, self, ids, |e| e.underline).unwrap_or(false);
        let caps = pick(own.caps, self, ids, |e| e.caps).unwrap_or(false);
        let size = pick(own.size, self, ids, |e| e.size).or(self.default_size);
        underline || caps || size.is_some_and(|s| s >= self.body_size() + LARGER_BY)
    }

    /// The size of body text: the default paragraph style's, else the document default.
    fn body_size(&self) -> u32 {
        self.chain(self.default_para.as_deref())
            .find_map(|d| d.emphasis.size)
            .or(self.default_size)
            .unwrap_or(WORD_DEFAULT_SIZE)
    }

    pub(crate) fn vanish(&self, id: Option<&str>) -> Option<bool> {
        self.chain(id).find_map(|d| d.vanish)
    }

    /// Numbering (numId, ilvl) a paragraph style carries.
    pub(crate) fn numbering(&self, id: Option<&str>) -> (Option<u32>, Option<u8>) {
        let num = self.chain(id).find_map(|d| d.num_id);
        let ilvl = self.chain(id).find_map(|d| d.ilvl);
        (num, ilvl)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Style,
    PPr,
    RPr,
    NumPr,
    RPrDefault,
    DefaultRPr,
    Other,
}

/// "Heading 1", "heading 1", "Heading1", "Heading_20_1", "heading-2" → level.
pub(crate) fn heading_from_name(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase().replace("_20_", " ");
    let rest = lower.strip_prefix("heading")?;
    let rest = rest.trim_start_matches([' ', '_', '-']);
    match rest.parse::<u8>() {
        Ok(n @ 1..=9) => Some(n),
        _ => None,
    }
}
