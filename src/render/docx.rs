//! `--format docx`: each feedback letter as a Word document, written with
//! the `docx-rust` crate from the same letter model as the Markdown drafts.

use std::io::Cursor;

use docx_rust::Docx;
use docx_rust::document::{BreakType, Paragraph, Run, TextSpace};
use docx_rust::formatting::{CharacterProperty, Indent, ParagraphProperty, Spacing};

use super::letter::{Block, Letter, Span};

/// Text safe in XML 1.0 (control characters other than tab dropped).
fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control() || *c == '\t').collect()
}

fn run(text: &str, bold: bool, size: Option<isize>) -> Run<'static> {
    let mut props = CharacterProperty::default();
    if bold {
        props = props.bold(true);
    }
    if let Some(s) = size {
        props = props.size(s);
    }
    Run::default().property(props).push_text((clean(text), TextSpace::Preserve))
}

fn spaced(before: isize, after: isize) -> ParagraphProperty<'static> {
    ParagraphProperty::default().spacing(Spacing { before: Some(before), after: Some(after), ..Default::default() })
}

fn spans(mut p: Paragraph<'static>, spans: &[Span]) -> Paragraph<'static> {
    for s in spans {
        p = match s {
            Span::Plain(t) => p.push(run(t, false, None)),
            Span::Strong(t) => p.push(run(t, true, None)),
        };
    }
    p
}

/// The letter as the bytes of a .docx file.
pub fn letter_docx(letter: &Letter) -> Result<Vec<u8>, String> {
    let mut docx = Docx::default();
    for block in &letter.blocks {
        let para = match block {
            Block::Heading(level, text) => {
                // Sizes in half-points: 16, 14 and 12 pt.
                let size = match level {
                    1 => 32,
                    2 => 28,
                    _ => 24,
                };
                Paragraph::default().property(spaced(240, 120)).push(run(text, true, Some(size)))
            }
            Block::Para(s) => spans(Paragraph::default().property(spaced(0, 160)), s),
            Block::Bullet(s) => {
                let props = spaced(0, 80).indent(Indent { left: Some(360), hanging: Some(240), ..Default::default() });
                spans(Paragraph::default().property(props).push(run("• ", false, None)), s)
            }
            Block::Lines(lines) => {
                let mut r = Run::default();
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        r = r.push_break(BreakType::TextWrapping);
                    }
                    r = r.push_text((clean(line), TextSpace::Preserve));
                }
                Paragraph::default().property(spaced(240, 0)).push(r)
            }
        };
        docx.document.push(para);
    }
    let cursor = docx.write(Cursor::new(Vec::new())).map_err(|e| format!("the letter cannot be written: {e:?}"))?;
    Ok(cursor.into_inner())
}
