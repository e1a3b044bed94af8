//! HTML writer: the plan as a web system lays it out, for printing to PDF
//! (`weasyprint`, see `regen-web-pdf.sh weasyprint`). Deterministic.

use crate::{Block, Plan, SectionId};

/// How the plan is laid out in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HtmlLayout {
    /// An `h2` per section; the benchmarks in a ruled table (Interim
    /// benchmark | Level | Who monitors | How often), its cells set at the top.
    Headings,
    /// One ruled table for the whole plan: each section's title in a shaded
    /// full-width band row, its response in the row below (an empty narrow
    /// first cell, then the text; benchmarks as a numbered list). All text is
    /// body size: only the shading sets the titles apart.
    Banded,
    /// One two-column table (section title | response), the response's
    /// paragraphs set with no space between them; the benchmarks are
    /// paragraphs too ("District benchmark: ...").
    RowLabels,
    /// An `h2` per section, then every answer as a paragraph typed with its
    /// outline number ("6.1 ...", "6.2 ..."), benchmarks included, as a
    /// numbered outline prints.
    Outline,
    /// An `h2` per section, styled as `pandoc -s` styles HTML (a narrow text
    /// column, tables without rules, cells centred in their rows and set
    /// close together): the benchmark table's long benchmarks wrap over
    /// several lines, the level, owner and frequency cells sit centred
    /// beside them.
    Pandoc,
}

impl HtmlLayout {
    pub const ALL: [HtmlLayout; 5] =
        [HtmlLayout::Headings, HtmlLayout::Banded, HtmlLayout::RowLabels, HtmlLayout::Outline, HtmlLayout::Pandoc];

    pub fn slug(self) -> &'static str {
        match self {
            HtmlLayout::Headings => "headings",
            HtmlLayout::Banded => "banded",
            HtmlLayout::RowLabels => "row-labels",
            HtmlLayout::Outline => "outline",
            HtmlLayout::Pandoc => "pandoc",
        }
    }
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Render `plan` as one HTML page in the given layout.
pub fn html(plan: &Plan, layout: HtmlLayout) -> String {
    let banded = layout == HtmlLayout::Banded;
    let rows = layout == HtmlLayout::RowLabels;
    let outline = layout == HtmlLayout::Outline;
    let mut h = String::from(if layout == HtmlLayout::Pandoc {
        // pandoc's default template: no cell rules, cells centred (the HTML default).
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>body{font-family:'DejaVu Serif',serif;font-size:11pt;\
         line-height:1.5;max-width:36em;margin:0 auto;padding:30px} table{border-collapse:collapse;width:100%} \
         tbody{border-top:1px solid #1a1a1a;border-bottom:1px solid #1a1a1a} th{padding:0.25em 0.5em} \
         td{padding:0.125em 0.5em 0.25em 0.5em}"
    } else {
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>body{font-family:'DejaVu Serif',serif;font-size:11pt} \
         table{border-collapse:collapse} td,th{border:1px solid #444;padding:3px;vertical-align:top}"
    });
    if banded {
        h.push_str("@page{size:letter landscape}");
    }
    if rows {
        h.push_str("td p{margin:0}");
    }
    h.push_str("</style></head><body>\n");
    let name = plan.district_long_name();
    h.push_str(&format!(
        "<h1>{}</h1><p>District Prioritization Submission, SY 2023-2024</p>\n",
        esc(if name.is_empty() { "Our District" } else { &name })
    ));
    if banded || rows {
        h.push_str("<table style='width:100%'>\n");
    }
    for (s, _) in &plan.sections {
        let mut body = String::new();
        let mut items = Vec::new();
        for (k, b) in plan.body(*s).into_iter().enumerate() {
            match b {
                Block::Para(t) | Block::Item(t) if outline => {
                    body.push_str(&format!("<p>{}.{} {}</p>", s.number(), k + 1, esc(&t)));
                }
                // Web forms set the priority statements in bold; a form for
                // one priority labels it in its own words.
                Block::Para(t) if t.starts_with("Priority ") && *s == SectionId::Priorities => {
                    let t = match t.strip_prefix("Priority 1: ") {
                        Some(statement) if plan.priorities.len() == 1 => {
                            format!("Our instructional priority: {statement}")
                        }
                        _ => t,
                    };
                    body.push_str(&format!("<p><b>{}</b></p>", esc(&t)));
                }
                Block::Para(t) | Block::Placeholder(t) => {
                    body.push_str(&list(&mut items, plan, banded));
                    body.push_str(&format!("<p>{}</p>", esc(&t)));
                }
                Block::Item(t) if rows => body.push_str(&format!("<p>{}</p>", esc(&t))),
                Block::Item(t) => items.push(t),
                Block::Picture => {}
            }
        }
        body.push_str(&list(&mut items, plan, banded));
        if banded {
            h.push_str(&format!(
                "<tr><th colspan='2' style='text-align:left;background:#dde'>{}</th></tr>\
                 <tr><td style='width:3%'></td><td>{body}</td></tr>\n",
                esc(&s.heading())
            ));
        } else if rows {
            h.push_str(&format!("<tr><td style='width:25%'><b>{}</b></td><td>{body}</td></tr>\n", esc(&s.heading())));
        } else {
            h.push_str(&format!("<h2>{}</h2>\n{body}\n", esc(&s.heading())));
        }
    }
    if banded || rows {
        h.push_str("</table>\n");
    }
    h.push_str("</body></html>\n");
    h
}

/// The benchmark items gathered so far: a numbered list (banded), else a table of
/// the plan's benchmarks with their level, owner and frequency in columns.
fn list(items: &mut Vec<String>, plan: &Plan, banded: bool) -> String {
    if items.is_empty() {
        return String::new();
    }
    let out = if banded {
        format!("<ol>{}</ol>", items.iter().map(|t| format!("<li>{}</li>", esc(t))).collect::<String>())
    } else {
        let rows: String = plan
            .benchmarks
            .iter()
            .map(|b| {
                format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&b.text),
                    esc(&b.level),
                    esc(&b.owner),
                    esc(&b.frequency)
                )
            })
            .collect();
        format!(
            "<table><tr><th>Interim benchmark</th><th>Level</th><th>Who monitors</th><th>How often</th></tr>{rows}</table>"
        )
    };
    items.clear();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_and_benchmark_is_written_once() {
        let plan = Plan::complete("Lowell");
        for layout in HtmlLayout::ALL {
            let page = html(&plan, layout);
            for (s, _) in &plan.sections {
                assert_eq!(page.matches(&esc(&s.heading())).count(), 1, "{}", s.heading());
            }
            for b in &plan.benchmarks {
                assert_eq!(page.matches(&esc(&b.text)).count(), 1);
            }
            assert_eq!(page.contains("background:#dde"), layout == HtmlLayout::Banded);
        }
    }
}
