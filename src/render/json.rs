//! `--format json`: the report exactly as its types serialize (SPEC.md).

use crate::report::Report;

pub fn render(report: &Report) -> String {
    // The report holds only strings, numbers, lists and string-keyed
    // structs, so serialization cannot fail.
    let mut out = serde_json::to_string_pretty(report).expect("a report always serializes");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    #[test]
    fn round_trips_and_lists_eight_sections() {
        let report = fixture::report();
        let out = render(&report);
        assert!(out.ends_with("}\n"));
        let back: Report = serde_json::from_str(&out).unwrap();
        assert_eq!(back.files.len(), 3);
        assert_eq!(back.files[0].sections.len(), 8);
        let ids: Vec<_> = back.files[0].sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "priorities",
                "analysis",
                "stakeholder_engagement",
                "outcomes",
                "role_clarity",
                "monitoring",
                "resources",
                "differentiation"
            ]
        );
        assert_eq!(back.files[0].diagnostics.len(), 4);
        assert_eq!(back.files[0].diagnostics[2].items, ["families", "community"]);
        // Serializing the parsed value again gives the same text: nothing lost.
        assert_eq!(render(&back), out);
        // Non-serialized fields stay out of the contract.
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(v["files"][0].get("source").is_none());
        assert!(v["files"][0]["diagnostics"][1].get("span").is_none());
        assert_eq!(v["files"][0]["attachment"], "Lowell SSoS submission.docx");
        assert!(v["files"][1].get("attachment").is_none());
        assert_eq!(v["summary"]["fail"], 1);
        assert_eq!(v["missing_districts"][0], "Boston");
    }
}
