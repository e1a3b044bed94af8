//! `--format junit`: JUnit XML valid against the common (Apache Ant /
//! windyroad) JUnit schema; `tests/output.rs` validates it with libxml2
//! against Jenkins' xunit `junit-10.xsd`. One `<testsuite>` per submission (with the
//! schema's required `id`, `package`, `timestamp`, `hostname` and `time`),
//! one `<testcase>` for the document as a whole and one per section. Only
//! error-level findings fail a test case (`<failure>`, or `<error>` when the
//! file could not be read at all); warnings and advice, which the schema
//! does not allow inside a test case, go to the suite's `<system-out>`,
//! each line naming its test case. Sections are checked in one pass, so a
//! test case's own time is not measured (0); a suite's is the run's time
//! shared out over the submissions.

use std::fmt::Write as _;

use super::RenderOptions;
use super::common::*;
use crate::report::{Diagnostic, FileReport, Report, Severity, Status};

struct Case {
    name: String,
    /// `failure`, `error`, or none.
    outcome: Option<&'static str>,
    body: String,
    /// Warnings and advice, for the suite's `<system-out>`.
    notes: Vec<String>,
}

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let suites: Vec<(String, Vec<Case>)> = report.files.iter().map(|f| (joined_name(f), cases(f))).collect();
    let run = &options.run;
    let share = if report.files.is_empty() { 0.0 } else { run.seconds / report.files.len() as f64 };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    for (id, ((name, cases), f)) in suites.iter().zip(&report.files).enumerate() {
        let failures = cases.iter().filter(|c| c.outcome == Some("failure")).count();
        let errors = cases.iter().filter(|c| c.outcome == Some("error")).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" package=\"{}\" id=\"{id}\" timestamp=\"{}\" hostname=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\" time=\"{share:.3}\">",
            attr(name),
            attr(&one_line(district_or_unknown(f))),
            attr(&run.timestamp),
            attr(&run.hostname),
            cases.len()
        );
        out.push_str("    <properties>\n");
        let mut props = vec![("path", f.path.clone()), ("status", f.status.as_str().to_string())];
        if let Some(a) = &f.attachment {
            props.push(("attachment", a.clone()));
        }
        if let Some(d) = &f.district {
            props.push(("district", d.clone()));
        }
        if let Some(fmt) = &f.format {
            props.push(("format", fmt.clone()));
        }
        if let Some(by) = &f.superseded_by {
            props.push(("superseded_by", by.clone()));
        }
        for (k, v) in props {
            let _ = writeln!(out, "      <property name=\"{k}\" value=\"{}\"/>", attr(&v));
        }
        out.push_str("    </properties>\n");
        for c in cases {
            let _ = write!(out, "    <testcase name=\"{}\" classname=\"{}\" time=\"0\"", attr(&c.name), attr(name));
            if c.body.is_empty() {
                out.push_str("/>\n");
            } else {
                out.push_str(">\n");
                out.push_str(&c.body);
                out.push_str("    </testcase>\n");
            }
        }
        let notes: Vec<&String> = cases.iter().flat_map(|c| &c.notes).collect();
        let notes: Vec<&str> = notes.iter().map(|s| s.as_str()).collect();
        let _ = writeln!(out, "    <system-out>{}</system-out>", text_node(&notes.join("\n")));
        out.push_str("    <system-err></system-err>\n");
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn describe(d: &Diagnostic) -> String {
    let mut s = format!("{}[{}]: {}", d.severity.as_str(), d.code, one_line(trim_stop(&d.message)));
    if let Some(loc) = &d.location {
        let _ = write!(s, " ({})", loc.describe());
    }
    if !d.help.trim().is_empty() {
        let _ = write!(s, "\n  help: {}", one_line(&d.help));
    }
    s
}

fn case(f: &FileReport, name: String, ds: &[&Diagnostic]) -> Case {
    let errors: Vec<&&Diagnostic> = ds.iter().filter(|d| d.severity == Severity::Error).collect();
    let others: Vec<&&Diagnostic> = ds.iter().filter(|d| d.severity != Severity::Error).collect();
    let mut body = String::new();
    let mut outcome = None;
    if let Some(first) = errors.first() {
        let kind = if f.status == Status::Error { "error" } else { "failure" };
        outcome = Some(kind);
        let message = if errors.len() == 1 {
            one_line(&first.message)
        } else {
            format!("{} (and {} more)", one_line(&first.message), errors.len() - 1)
        };
        let text: Vec<String> = errors.iter().map(|d| describe(d)).collect();
        let _ = writeln!(
            body,
            "      <{kind} type=\"{}\" message=\"{}\">{}</{kind}>",
            attr(&first.code),
            attr(&message),
            text_node(&text.join("\n"))
        );
    }
    let notes = others.iter().map(|d| format!("[{name}] {}", describe(d))).collect();
    Case { name, outcome, body, notes }
}

fn cases(f: &FileReport) -> Vec<Case> {
    let document: Vec<&Diagnostic> = f.diagnostics.iter().filter(|d| d.section.is_none()).collect();
    let mut cases = vec![case(f, "document".to_string(), &document)];
    for s in &f.sections {
        let ds: Vec<&Diagnostic> = f.diagnostics.iter().filter(|d| d.section.as_deref() == Some(&s.id)).collect();
        cases.push(case(f, format!("{}. {}", s.number, s.guidance_title), &ds));
    }
    // Findings about a section id the report does not list still show up.
    let orphans: Vec<&Diagnostic> =
        f.diagnostics.iter().filter(|d| d.section.as_deref().is_some_and(|id| f.section(id).is_none())).collect();
    let mut seen: Vec<&str> = Vec::new();
    for d in &orphans {
        let id = d.section.as_deref().unwrap_or_default();
        if !seen.contains(&id) {
            seen.push(id);
            let ds: Vec<&Diagnostic> = orphans.iter().copied().filter(|o| o.section.as_deref() == Some(id)).collect();
            cases.push(case(f, section_label(f, id), &ds));
        }
    }
    cases
}

/// XML 1.0 keeps only tab, LF, CR and chars from U+0020 (minus surrogates,
/// U+FFFE, U+FFFF); anything else is dropped.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| xml_char(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            '\'' if in_attr => out.push_str("&apos;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if in_attr => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

fn attr(s: &str) -> String {
    escape(s, true)
}

fn text_node(s: &str) -> String {
    escape(s, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture;
    use quick_xml::events::Event;

    /// An element: name, attributes, text content.
    type Element = (String, Vec<(String, String)>, String);

    /// Parses the document with quick-xml (failing on malformed XML) and
    /// returns each element as (name, attributes, text).
    fn elements(xml: &str) -> Vec<Element> {
        let mut reader = quick_xml::Reader::from_str(xml);
        reader.config_mut().check_end_names = true;
        let mut out: Vec<Element> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        loop {
            match reader.read_event().expect("well-formed XML") {
                ev @ (Event::Start(_) | Event::Empty(_)) => {
                    let (Event::Start(e) | Event::Empty(e)) = &ev else { unreachable!() };
                    let name = e.name().as_ref().to_string();
                    let attrs = e
                        .attributes()
                        .map(|a| {
                            let a = a.expect("well-formed attribute");
                            let v = a
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .expect("escaped value")
                                .into_owned();
                            (a.key.as_ref().to_string(), v)
                        })
                        .collect();
                    out.push((name, attrs, String::new()));
                    if matches!(ev, Event::Start(_)) {
                        open.push(out.len() - 1);
                    }
                }
                Event::End(_) => {
                    open.pop();
                }
                Event::Text(t) => {
                    if let Some(&i) = open.last() {
                        out[i].2.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some(&i) = open.last() {
                        let s = match r.as_ref() {
                            _ if r.is_char_ref() => r.resolve_char_ref().unwrap().unwrap().to_string(),
                            "amp" => "&".to_string(),
                            "lt" => "<".to_string(),
                            "gt" => ">".to_string(),
                            "quot" => "\"".to_string(),
                            "apos" => "'".to_string(),
                            other => format!("&{other};"),
                        };
                        out[i].2.push_str(&s);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(open.is_empty(), "unclosed elements");
        out
    }

    fn get<'a>(attrs: &'a [(String, String)], key: &str) -> &'a str {
        attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    #[test]
    fn suites_cases_and_failures_for_errors_only() {
        let report = fixture::report();
        let xml = render(&report, &fixture::options());
        let els = elements(&xml);
        let suites: Vec<_> = els.iter().filter(|e| e.0 == "testsuite").collect();
        assert_eq!(suites.len(), 3);
        assert_eq!(get(&suites[0].1, "name"), "inbox/lowell.eml/Lowell SSoS submission.docx");
        assert_eq!(get(&suites[0].1, "tests"), "9");
        assert_eq!(get(&suites[0].1, "failures"), "2");
        assert_eq!(get(&suites[0].1, "errors"), "0");
        assert_eq!(get(&suites[1].1, "tests"), "1");
        assert_eq!(get(&suites[1].1, "errors"), "1");
        assert_eq!(get(&suites[2].1, "tests"), "9");
        assert_eq!(get(&suites[2].1, "failures"), "0");
        let root = els.iter().find(|e| e.0 == "testsuites").unwrap();
        assert!(root.1.is_empty(), "the schema gives <testsuites> no attributes");

        let names: Vec<&str> = els.iter().filter(|e| e.0 == "testcase").map(|e| get(&e.1, "name")).collect();
        assert_eq!(&names[..3], ["document", "1. Priority(ies)", "2. Analysis of Strengths and Challenges"]);
        assert_eq!(names[7], "7. Resources");

        // One failing element per error-level finding (each here concerns its own case).
        let failing: Vec<_> = els.iter().filter(|e| e.0 == "failure" || e.0 == "error").collect();
        let errors: usize = report.files.iter().map(|f| f.count(Severity::Error)).sum();
        assert_eq!(failing.len(), errors);
        let types: Vec<&str> = failing.iter().map(|e| get(&e.1, "type")).collect();
        assert_eq!(types, ["ssos::section::empty", "ssos::section::missing", "ssos::input::unsupported"]);
        // The newline of the unreadable file's message survives in the attribute.
        assert!(get(&failing[2].1, "message").contains("cannot be read 100% of"), "{xml}");
        // Warnings and advice are output, not failures.
        let outs: Vec<&str> = els.iter().filter(|e| e.0 == "system-out").map(|e| e.2.as_str()).collect();
        assert_eq!(outs.len(), 3);
        assert!(outs[0].contains("[3. Stakeholder Engagement] warning[ssos::stakeholders::group-missing]"));
        assert!(outs[0].contains("[2. Analysis of Strengths and Challenges] advice[ssos::analysis::no-student-work]"));
        assert!(outs[1].is_empty() && outs[2].is_empty());
    }

    /// The constraints of the common JUnit schema (Apache Ant / windyroad
    /// JUnit.xsd), checked element by element.
    fn assert_schema_valid(xml: &str) {
        let els = elements(xml);
        assert_eq!(els[0].0, "testsuites");
        assert!(els[0].1.is_empty());
        let stamp = regex::Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$").unwrap();
        let decimal = regex::Regex::new(r"^-?\d+(\.\d+)?$").unwrap();
        let int = |v: &str| v.parse::<i32>().is_ok();
        let mut next_id = 0;
        // Children of each suite, in order: properties, testcase*, system-out, system-err.
        let mut order: Vec<&str> = Vec::new();
        let check_order = |order: &[&str]| {
            let names: String = order
                .iter()
                .map(|n| match *n {
                    "properties" => 'p',
                    "testcase" => 't',
                    "system-out" => 'o',
                    "system-err" => 'e',
                    other => panic!("<{other}> is not a child of <testsuite>"),
                })
                .collect();
            assert!(regex::Regex::new("^pt*oe$").unwrap().is_match(&names), "suite children {names}");
        };
        let mut depth_suite = false;
        for (name, attrs, _) in &els[1..] {
            let has = |k: &str| attrs.iter().any(|(a, _)| a == k);
            let allowed = |keys: &[&str]| attrs.iter().all(|(a, _)| keys.contains(&a.as_str()));
            match name.as_str() {
                "testsuite" => {
                    if depth_suite {
                        check_order(&order);
                    }
                    order.clear();
                    depth_suite = true;
                    for k in ["name", "package", "id", "timestamp", "hostname", "tests", "failures", "errors", "time"] {
                        assert!(has(k), "testsuite lacks {k}");
                    }
                    assert!(allowed(&[
                        "name",
                        "package",
                        "id",
                        "timestamp",
                        "hostname",
                        "tests",
                        "failures",
                        "errors",
                        "skipped",
                        "time"
                    ]));
                    assert_eq!(get(attrs, "id"), next_id.to_string());
                    next_id += 1;
                    assert!(stamp.is_match(get(attrs, "timestamp")), "{}", get(attrs, "timestamp"));
                    assert!(decimal.is_match(get(attrs, "time")));
                    assert!(!get(attrs, "hostname").trim().is_empty() && !get(attrs, "name").trim().is_empty());
                    for k in ["tests", "failures", "errors", "skipped"] {
                        assert!(!has(k) || int(get(attrs, k)), "{k}");
                    }
                }
                "properties" | "testcase" | "system-out" | "system-err" => {
                    order.push(name);
                    if name == "testcase" {
                        assert!(
                            has("name") && has("classname") && has("time") && allowed(&["name", "classname", "time"])
                        );
                        assert!(decimal.is_match(get(attrs, "time")));
                    }
                }
                "property" => assert!(has("name") && has("value") && !get(attrs, "name").is_empty()),
                "failure" | "error" => assert!(has("type") && allowed(&["type", "message"])),
                "skipped" => {}
                other => panic!("<{other}> is not in the JUnit schema"),
            }
        }
        if depth_suite {
            check_order(&order);
        }
    }

    #[test]
    fn output_keeps_to_the_common_junit_schema() {
        let xml = render(&fixture::report(), &fixture::options());
        assert_schema_valid(&xml);
        let els = elements(&xml);
        let suite = els.iter().find(|e| e.0 == "testsuite").unwrap();
        assert_eq!(get(&suite.1, "timestamp"), "2023-06-30T16:30:00");
        assert_eq!(get(&suite.1, "hostname"), "reviewer-pc");
        assert_eq!(get(&suite.1, "package"), "Lowell");
        assert_eq!(get(&suite.1, "time"), "0.417");
        // An empty run is valid too.
        let mut empty = fixture::report();
        empty.files.clear();
        assert_schema_valid(&render(&empty, &fixture::options()));
    }

    #[test]
    #[should_panic(expected = "testsuite lacks")]
    fn the_schema_check_rejects_a_suite_without_its_attributes() {
        assert_schema_valid(
            "<testsuites><testsuite name=\"a\"><properties/><system-out/><system-err/></testsuite></testsuites>",
        );
    }

    #[test]
    #[should_panic(expected = "well-formed")]
    fn the_checker_rejects_malformed_xml() {
        elements("<testsuites><testsuite name=\"a\"></testsuites>");
    }

    #[test]
    fn hostile_text_is_escaped() {
        let mut report = fixture::report();
        report.files[0].attachment = Some("R&D <\"plan\">'s\u{0B}.docx".into());
        report.files[0].diagnostics[0].message = "a < b && c > \"d\"\u{7}".into();
        report.files[0].diagnostics[0].help = "]]> end".into();
        let xml = render(&report, &fixture::options());
        let els = elements(&xml);
        let suite = els.iter().find(|e| e.0 == "testsuite").unwrap();
        assert_eq!(get(&suite.1, "name"), "inbox/lowell.eml/R&D <\"plan\">'s.docx");
        let failure = els.iter().filter(|e| e.0 == "failure").nth(1).unwrap();
        assert_eq!(get(&failure.1, "message"), "a < b && c > \"d\"");
        assert!(failure.2.contains("help: ]]> end"), "{}", failure.2);
    }
}
