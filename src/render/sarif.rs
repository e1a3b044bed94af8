//! `--format sarif`: SARIF 2.1.0, one run, with the tool's name and
//! version. Locations name the file (an artifact URI), the section (a
//! logical location) and, for documents, a `region` whose line is the
//! paragraph number (the document read as one paragraph per line, which is
//! how `location.paragraph` counts) with the quoted text as its snippet;
//! spreadsheet cells have no line and stay in `properties`.

use serde_json::{Value, json};

use super::common::*;
use super::{RenderOptions, RuleMeta};
use crate::report::{Diagnostic, FileReport, Report, Severity};

const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    }
}

pub fn render(report: &Report, options: &RenderOptions) -> String {
    // Rules of the pack, plus any code a result uses that the pack does not
    // list (input errors, codes of another pack), so every ruleId resolves.
    let mut rules: Vec<RuleMeta> = Vec::new();
    for r in &options.rules {
        if !rules.iter().any(|x| x.code == r.code) {
            rules.push(r.clone());
        }
    }
    for d in report.files.iter().flat_map(|f| &f.diagnostics) {
        if !rules.iter().any(|r| r.code == d.code) {
            rules.push(RuleMeta {
                code: d.code.clone(),
                severity: d.severity,
                summary: d.code.clone(),
                help: d.help.clone(),
                section: d.section.clone(),
                link: None,
            });
        }
    }
    let rule_values: Vec<Value> = rules.iter().map(rule).collect();
    let mut results = Vec::new();
    for f in &report.files {
        for d in &f.diagnostics {
            let index = rules.iter().position(|r| r.code == d.code).expect("every code was added above");
            results.push(result(f, d, index));
        }
    }
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": report.tool.name,
                    "version": report.tool.version,
                    "semanticVersion": report.tool.version,
                    "rules": rule_values,
                    "properties": {
                        "rulesPack": report.rules.id,
                        "rulesPackVersion": report.rules.version,
                    },
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {
                "summary": report.summary,
                "missingDistricts": report.missing_districts,
            },
        }],
    });
    let mut out = serde_json::to_string_pretty(&sarif).expect("JSON values always serialize");
    out.push('\n');
    out
}

fn rule(r: &RuleMeta) -> Value {
    let mut v = json!({
        "id": r.code,
        "shortDescription": { "text": r.summary },
        "help": { "text": r.help },
        "defaultConfiguration": { "level": level(r.severity) },
    });
    if let Some(section) = &r.section {
        v["properties"] = json!({ "section": section });
    }
    if let Some(link) = &r.link {
        v["helpUri"] = json!(link);
    }
    v
}

fn result(f: &FileReport, d: &Diagnostic, rule_index: usize) -> Value {
    let mut text = one_line(trim_stop(&d.message));
    if let Some(loc) = &d.location {
        text.push_str(&format!(" ({})", loc.describe()));
    }
    let mut text = sentence(&text);
    if !d.help.trim().is_empty() {
        text.push(' ');
        text.push_str(&sentence(&one_line(&d.help)));
    }
    let submission = short_name(f);
    let (name, fqn) = match &d.section {
        Some(id) => (section_label(f, id), format!("{submission}/{id}")),
        None => ("document".to_string(), submission.to_string()),
    };
    let mut properties = json!({ "district": f.district });
    if let Some(id) = &d.section {
        properties["section"] = json!(id);
    }
    if !d.items.is_empty() {
        properties["items"] = json!(d.items);
    }
    if let Some(p) = d.priority {
        properties["priority"] = json!(p);
    }
    if let Some(a) = &f.attachment {
        properties["attachment"] = json!(a);
    }
    if let Some(loc) = &d.location {
        properties["location"] = json!(loc);
        properties["place"] = json!(loc.describe());
    }
    let mut physical = json!({ "artifactLocation": { "uri": uri(&f.path) } });
    if let Some(loc) = &d.location
        && let Some(p) = loc.paragraph.filter(|p| *p > 0)
    {
        let mut region = json!({ "startLine": p, "endLine": p });
        if let Some(e) = loc.excerpt.as_deref().filter(|e| !e.trim().is_empty()) {
            region["snippet"] = json!({ "text": e });
        }
        physical["region"] = region;
    }
    json!({
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": physical,
            "logicalLocations": [{ "name": name, "fullyQualifiedName": fqn }],
        }],
        "properties": properties,
    })
}

/// A URI reference for a path: forward slashes, percent-encoded outside the
/// unreserved set; absolute paths become `file://` URIs.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut encoded = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (b == b':' && encoded.len() == 1) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    let drive = path.len() >= 2 && path.as_bytes()[1] == b':' && path.as_bytes()[0].is_ascii_alphabetic();
    if drive {
        format!("file:///{encoded}")
    } else if path.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded.trim_start_matches("./").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;

    #[test]
    fn sarif_run_with_results_rules_and_levels() {
        let report = fixture::report();
        let out = render(&report, &fixture::options());
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["version"], "2.1.0");
        assert!(v["$schema"].as_str().unwrap().contains("sarif-schema-2.1.0"));
        assert_eq!(v["runs"].as_array().unwrap().len(), 1);
        let run = &v["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "ssos-lint");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let rule_ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        let results = run["results"].as_array().unwrap();
        let total: usize = report.files.iter().map(|f| f.diagnostics.len()).sum();
        assert_eq!(results.len(), total);
        for r in results {
            let id = r["ruleId"].as_str().unwrap();
            let index = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rule_ids[index], id);
        }
        let diags = report.files.iter().flat_map(|f| &f.diagnostics);
        for (r, d) in results.iter().zip(diags) {
            assert_eq!(r["ruleId"], d.code.as_str());
            let expected = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Advice => "note",
            };
            assert_eq!(r["level"], expected);
        }
        // The pack's rule keeps its metadata; the unlisted input code is added.
        let missing = rules.iter().find(|r| r["id"] == "ssos::section::missing").unwrap();
        assert_eq!(missing["helpUri"], "https://example.org/rules/section-missing");
        assert_eq!(missing["shortDescription"]["text"], "A required section is missing");
        assert_eq!(missing["defaultConfiguration"]["level"], "error");
        let advice = rules.iter().find(|r| r["id"] == "ssos::analysis::no-student-work").unwrap();
        assert_eq!(advice["defaultConfiguration"]["level"], "note");
        assert!(rule_ids.contains(&"ssos::input::unsupported"));
        assert_eq!(rule_ids.len(), 5);

        let warn = &results[2];
        assert_eq!(warn["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "inbox/lowell.eml");
        assert_eq!(warn["locations"][0]["logicalLocations"][0]["name"], "3. Stakeholder Engagement");
        assert_eq!(warn["locations"][0]["physicalLocation"]["region"]["startLine"], 41);
        assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(warn["properties"]["items"], json!(["families", "community"]));
        assert_eq!(warn["properties"]["attachment"], "Lowell SSoS submission.docx");
        assert_eq!(warn["properties"]["location"]["paragraph"], 41);
        assert!(warn["message"]["text"].as_str().unwrap().contains("(paragraph 41). Describe how families"));
        // The unreadable file reports too, with its path URI-encoded.
        let input = &results[4];
        assert_eq!(input["ruleId"], "ssos::input::unsupported");
        assert_eq!(
            input["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "drive/Springfield%2C%20MA/plan.doc"
        );
        assert_eq!(input["locations"][0]["logicalLocations"][0]["name"], "document");
    }

    #[test]
    fn uris() {
        assert_eq!(uri("a b\\c.docx"), "a%20b/c.docx");
        assert_eq!(uri("./x.docx"), "x.docx");
        assert_eq!(uri("/srv/drive/x.docx"), "file:///srv/drive/x.docx");
        assert_eq!(uri("C:\\drive\\x.docx"), "file:///C:/drive/x.docx");
        assert_eq!(uri("é.docx"), "%C3%A9.docx");
    }
}
