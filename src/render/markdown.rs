//! `--format markdown`: a feedback letter per submission that a reviewer
//! can edit and send back to the district (the same letter model as the
//! Word letters). No rule codes, file paths or footnotes in the prose.

use super::RenderOptions;
use super::common::*;
use super::letter::{self, Block, Letter, Span};
use crate::report::Report;

pub fn render(report: &Report, options: &RenderOptions) -> String {
    letter::letters(report, options).iter().map(self::letter).collect::<Vec<_>>().join("\n---\n\n")
}

/// Escapes text from the district or the checker so it shows literally.
fn esc(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

fn spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let (t, text) = match s {
                Span::Plain(t) => (t, esc(t)),
                Span::Strong(t) => (t, format!("**{}**", esc(t))),
            };
            // Keep the space between spans that `esc` trims.
            let lead = if t.starts_with(char::is_whitespace) { " " } else { "" };
            let tail = if t.ends_with(char::is_whitespace) && !t.trim().is_empty() { " " } else { "" };
            format!("{lead}{text}{tail}")
        })
        .collect()
}

/// One letter as Markdown.
pub fn letter(l: &Letter) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for b in &l.blocks {
        let bullet = matches!(b, Block::Bullet(_));
        if in_list && !bullet {
            out.push('\n');
        }
        in_list = bullet;
        match b {
            Block::Heading(level, t) => {
                out.push_str(&format!("{} {}\n\n", "#".repeat(usize::from(*level).clamp(1, 6)), esc(t)));
                if *level == 1
                    && let Some(by) = &l.superseded_by
                {
                    // For the reviewer only; Markdown viewers hide it.
                    out.push_str(&format!(
                        "<!-- Reviewer note: superseded by a later submission ({}). -->\n\n",
                        by.replace("--", "- -")
                    ));
                }
            }
            Block::Para(s) => out.push_str(&format!("{}\n\n", spans(s))),
            Block::Bullet(s) => out.push_str(&format!("- {}\n", spans(s))),
            Block::Lines(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| esc(l)).collect();
                out.push_str(&lines.join("  \n"));
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    fn drafts() -> Vec<String> {
        render(&fixture::report(), &fixture::options()).split("\n---\n").map(str::to_string).collect()
    }

    #[test]
    fn one_draft_per_submission_without_codes_paths_or_footnotes() {
        let drafts = drafts();
        assert_eq!(drafts.len(), 3);
        assert!(
            drafts[0].starts_with("# Feedback on the Lowell District Prioritization Submission\n"),
            "{}",
            drafts[0]
        );
        assert!(drafts[0].contains("Dear Lowell leadership team,"));
        assert!(drafts[0].contains("Points marked Required must be addressed"));
        assert!(drafts[2].contains("The plan addresses every section"), "{}", drafts[2]);
        for d in &drafts {
            assert!(!d.contains("ssos::") && !d.contains("[^") && !d.contains("inbox/"), "{d}");
        }
        let all = render(&fixture::report(), &fixture::options());
        assert!(all.contains("\n\n---\n\n"), "a rule between letters, never a setext heading");
    }

    #[test]
    fn sections_are_headed_and_findings_are_bullets() {
        let d = &drafts()[0];
        assert!(d.contains("## What the plan does well\n\n- **1. Priority(ies)** — "), "{d}");
        assert!(d.contains("### 7. Resources (not found in the plan)\n\n- **Required.** "), "{d}");
        assert!(d.contains("Sincerely,  \n\\[Reviewer name\\]  \nStatewide System of Support"), "{d}");
    }

    #[test]
    fn district_text_is_escaped_and_codes_in_help_are_removed() {
        let mut report = fixture::report();
        report.files[0].district = Some("Lowell <script>*".into());
        report.files[0].diagnostics[0].help = "see `ssos::section::missing` in the guide".into();
        let out = render(&report, &fixture::options());
        assert!(out.contains("Dear Lowell \\<script\\>\\* leadership team"), "{out}");
        assert!(!out.contains("ssos::"), "{out}");
    }
}
