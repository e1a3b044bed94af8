//! Another edition of the guidance as a pack, without touching Rust:
//! `tests/packs/fy26` has ten sections numbered I-X, a benchmark limit of
//! 4, new item lists and codes and its own district lists. Real .docx plans
//! written for it are checked end to end, and no output under it mentions
//! the 2023-24 edition. `tests/packs/overlay.toml` changes a few rules of
//! the built-in pack instead of copying it.

mod common;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use assert_cmd::Command;
use common::{Para, clean_sections, simple_docx};
use ssos_lint::batch;
use ssos_lint::config::Config;
use ssos_lint::lint::Linter;
use ssos_lint::pack::{self, Pack};
use ssos_lint::read::Limits;
use ssos_lint::render::{self, OutputFormat, RenderOptions};
use ssos_lint::report::{FileReport, Report, SectionState, Severity};

fn fy26_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/packs/fy26")
}

fn fy26() -> Pack {
    pack::load_path(&fy26_dir()).unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)))
}

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| Linter::new(fy26(), &Config::default(), Limits::default()))
}

/// How the plan numbers its headings.
#[derive(Clone, Copy)]
enum Numbering {
    /// "IX. Differentiated Support" in a heading style.
    RomanStyled,
    /// "IX. Differentiated Support" as a bold line, no heading style.
    RomanBold,
    /// "Section 9: Differentiated Support" in a heading style.
    SectionWord,
}

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/// The FY26 plan, section by section: (title, paragraphs).
fn fy26_sections() -> Vec<(&'static str, Vec<&'static str>)> {
    let old = clean_sections();
    let body = |prefix: &str| old.iter().find(|(h, _)| h.starts_with(prefix)).unwrap().1.clone();
    vec![
        ("Instructional Priorities", body("1.")),
        ("Data Analysis", body("2.")),
        (
            "Family and Community Partnership",
            vec![
                "Families and caregivers co-design the family literacy nights with each school's family liaison.",
                "Community partners, among them the public library and the Boys and Girls Club, run the summer reading program with us.",
                "Family liaisons will hold monthly conversations with parents in English, Spanish and Portuguese to hear what is working.",
            ],
        ),
        ("Educator and Student Voice", body("3.")),
        ("Outcomes", body("4.")),
        ("Roles and Responsibilities", body("5.")),
        ("Progress Monitoring", body("6.")),
        ("Resources", body("7.")),
        ("Differentiated Support", body("8.")),
        (
            "Sustainability",
            vec![
                "The coaching positions move to the general fund in FY28, so the work will continue after the grant ends.",
                "Planning routines are written into the teachers' schedule and will be sustained by school leaders.",
            ],
        ),
    ]
}

/// A real .docx of the FY26 plan; `edit` may change a section's body (or drop it with `None`).
fn fy26_docx(numbering: Numbering, edit: &[(&str, Option<Vec<&str>>)]) -> Vec<u8> {
    let headings: Vec<String> = fy26_sections()
        .iter()
        .enumerate()
        .map(|(i, (title, _))| match numbering {
            Numbering::RomanStyled | Numbering::RomanBold => format!("{}. {title}", ROMAN[i]),
            Numbering::SectionWord => format!("Section {}: {title}", i + 1),
        })
        .collect();
    let mut paras = vec![Para::T("Holyoke Public Schools — Instructional Prioritization Plan, FY26")];
    for ((title, body), heading) in fy26_sections().into_iter().zip(&headings) {
        let body = match edit.iter().find(|(t, _)| *t == title) {
            Some((_, None)) => continue,
            Some((_, Some(b))) => b.clone(),
            None => body,
        };
        paras.push(match numbering {
            Numbering::RomanBold => Para::B(heading, ""),
            _ => Para::H(heading),
        });
        paras.extend(body.into_iter().map(Para::T));
    }
    simple_docx(&paras)
}

fn check(name: &str, bytes: &[u8]) -> FileReport {
    let mut reports = linter().check_bytes(name, bytes);
    assert_eq!(reports.len(), 1);
    reports.remove(0)
}

fn summary(r: &FileReport) -> String {
    let states: Vec<String> = r.sections.iter().map(|s| format!("{}. {}={:?}", s.number, s.id, s.state)).collect();
    let diags: Vec<String> = r.diagnostics.iter().map(|d| format!("{} {:?} {}", d.code, d.items, d.message)).collect();
    format!("{}\n  {}", states.join("\n  "), diags.join("\n  "))
}

#[test]
fn the_fy26_pack_has_ten_sections_numbered_past_eight() {
    let pack = fy26();
    assert_eq!(pack.sections.len(), 10);
    assert_eq!(pack.sections[9].number, 10);
    assert_eq!(pack.limits.max_benchmarks_per_priority, 4);
    assert!(pack.districts.lists.contains_key("fy26") && !pack.districts.lists.contains_key("ssos"));
}

#[test]
fn a_clean_fy26_plan_finds_all_ten_sections_however_numbered() {
    for (numbering, name) in [
        (Numbering::RomanStyled, "roman-styled.docx"),
        (Numbering::RomanBold, "roman-bold.docx"),
        (Numbering::SectionWord, "section-word.docx"),
    ] {
        let r = check(name, &fy26_docx(numbering, &[]));
        assert_eq!(r.sections.len(), 10, "{name}");
        assert!(r.sections.iter().all(|s| s.state == SectionState::Present), "{name}: {}", summary(&r));
        assert_eq!(
            r.section("sustainability").unwrap().title,
            "X. Sustainability".replace(
                "X.",
                match numbering {
                    Numbering::SectionWord => "Section 10:",
                    _ => "X.",
                },
            ),
            "{name}: {}",
            summary(&r)
        );
        let serious: Vec<_> = r.diagnostics.iter().filter(|d| d.severity != Severity::Advice).collect();
        assert!(serious.is_empty(), "{name}: {}", summary(&r));
        assert_eq!(r.district.as_deref(), Some("Holyoke"));
    }
}

#[test]
fn a_missing_ninth_section_is_reported_by_its_number_and_title() {
    let r = check("no-ix.docx", &fy26_docx(Numbering::RomanStyled, &[("Differentiated Support", None)]));
    assert_eq!(r.section("differentiation").unwrap().state, SectionState::Missing, "{}", summary(&r));
    assert_eq!(r.section("sustainability").unwrap().state, SectionState::Present, "{}", summary(&r));
    let d =
        r.diagnostics.iter().find(|d| d.code == "ssos::section::missing").unwrap_or_else(|| panic!("{}", summary(&r)));
    assert_eq!(d.section.as_deref(), Some("differentiation"));
    assert!(d.message.contains("9. Differentiated Support"), "{}", d.message);
}

#[test]
fn the_fy26_benchmark_limit_is_four() {
    let mut monitoring = clean_sections()[5].1.clone();
    monitoring.insert(4, "- School: 80% of grade 3 students read on grade level by May 2026.");
    let four =
        check("four.docx", &fy26_docx(Numbering::RomanStyled, &[("Progress Monitoring", Some(monitoring.clone()))]));
    assert!(!four.diagnostics.iter().any(|d| d.code == "ssos::monitoring::too-many-benchmarks"), "{}", summary(&four));
    monitoring.insert(4, "- District: chronic absence falls below 12% by June 2026.");
    let five = check("five.docx", &fy26_docx(Numbering::RomanStyled, &[("Progress Monitoring", Some(monitoring))]));
    let d = five
        .diagnostics
        .iter()
        .find(|d| d.code == "ssos::monitoring::too-many-benchmarks")
        .unwrap_or_else(|| panic!("{}", summary(&five)));
    assert!(d.message.contains("5 interim benchmarks") && d.message.contains("at most 4"), "{}", d.message);
    // The same five under the built-in pack (limit 5) are fine.
    let builtin = Linter::new(pack::builtin(), &Config::default(), Limits::default());
    let mut monitoring = clean_sections()[5].1.clone();
    monitoring.insert(4, "- School: 80% of grade 3 students read on grade level by May 2026.");
    monitoring.insert(4, "- District: chronic absence falls below 12% by June 2026.");
    let r = &builtin.check_bytes("five.docx", &common::plan_docx(&[("6. Monitoring", Some(monitoring))]))[0];
    assert!(!r.diagnostics.iter().any(|d| d.code == "ssos::monitoring::too-many-benchmarks"), "{}", summary(r));
}

#[test]
fn the_new_codes_and_item_lists_fire() {
    let r = check(
        "gaps.docx",
        &fy26_docx(
            Numbering::RomanStyled,
            &[
                (
                    "Family and Community Partnership",
                    Some(vec![
                        "The public library and the Boys and Girls Club run the summer reading program with us.",
                    ]),
                ),
                ("Sustainability", Some(vec!["We are proud of the progress our schools have made this year."])),
            ],
        ),
    );
    let partnership = r
        .diagnostics
        .iter()
        .find(|d| d.code == "ssos::partnership::group-missing")
        .unwrap_or_else(|| panic!("{}", summary(&r)));
    assert_eq!(partnership.items, ["families"]);
    assert!(partnership.message.contains("families"), "{}", partnership.message);
    assert!(r.diagnostics.iter().any(|d| d.code == "ssos::sustainability::no-plan"), "{}", summary(&r));
    // Coverage lists the new prompts under their sections.
    let sus = r.section("sustainability").unwrap();
    assert!(sus.prompts.iter().any(|p| p.id == "sustainability_plan"), "{:?}", sus.prompts);
}

#[test]
fn expect_names_the_packs_own_district_lists() {
    let r = check("plan.docx", &fy26_docx(Numbering::RomanStyled, &[]));
    let report = batch::assemble(linter(), vec![r], Some("fy26"));
    assert_eq!(report.missing_districts, ["Lawrence", "Southbridge", "Lowell", "Revere"]);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("holyoke.docx"), fy26_docx(Numbering::RomanStyled, &[])).unwrap();
    let rules = fy26_dir();
    let out = Command::cargo_bin("ssos-lint")
        .unwrap()
        .args(["--rules", rules.to_str().unwrap(), "check", "--expect", "watch", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["missing_districts"], serde_json::json!(["Fitchburg", "Webster"]));
    assert_eq!(json["rules"]["id"], "instructional-prioritization-fy26-test");
    // A list this pack does not have is refused, naming the lists it has.
    let out = Command::cargo_bin("ssos-lint")
        .unwrap()
        .args(["--rules", rules.to_str().unwrap(), "check", "--expect", "ssos"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`ssos`") && err.contains("fy26") && err.contains("watch"), "{err}");
}

/// Whether `text` (lower-cased) holds `word` as a word of its own ("eight", not "font-weight").
fn mentions(text: &str, word: &str) -> bool {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return text.contains(word);
    }
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Everything a run under the FY26 pack prints, in every format.
fn all_outputs(report: &Report, pack: Arc<Pack>) -> Vec<(String, String)> {
    let options = RenderOptions { pack: Some(pack.clone()), coverage: true, ..RenderOptions::default() };
    let mut out = Vec::new();
    for format in [
        OutputFormat::Human,
        OutputFormat::Text,
        OutputFormat::Json,
        OutputFormat::Sarif,
        OutputFormat::Junit,
        OutputFormat::Github,
        OutputFormat::Markdown,
        OutputFormat::Csv,
        OutputFormat::Html,
    ] {
        out.push((format!("{format:?}"), render::render(report, format, &options)));
    }
    for letter in render::letter::letters(report, &options) {
        out.push((format!("letter {}", letter.name), letter.text()));
    }
    for (name, bytes) in render::letter_files(report, OutputFormat::Markdown, &options).unwrap() {
        out.push((name, String::from_utf8(bytes).unwrap()));
    }
    let guide = render::page::Guide::of(&pack);
    out.push(("home page".into(), render::page::home(&guide, render::page::Forms::default())));
    out.push(("results page".into(), render::page::results(report, &guide, render::page::Forms::default())));
    out
}

#[test]
fn no_output_under_the_fy26_pack_mentions_the_2023_24_edition() {
    let pack = Arc::new(fy26());
    let files = vec![
        check("clean.docx", &fy26_docx(Numbering::RomanStyled, &[])),
        check(
            "gaps.docx",
            &fy26_docx(Numbering::RomanBold, &[("Differentiated Support", None), ("Outcomes", Some(vec!["TBD"]))]),
        ),
    ];
    let report = batch::assemble(linter(), files, Some("fy26"));
    let outputs = all_outputs(&report, pack);
    for (name, text) in &outputs {
        let lower = text.to_lowercase();
        for banned in ["2023-24", "2023–24", "23-24", "eight", "district prioritization submission", "sincerely"] {
            assert!(!mentions(&lower, banned), "{name} mentions `{banned}`:\n{text}");
        }
    }
    let letters: Vec<&String> = outputs.iter().filter(|(n, _)| n.starts_with("letter")).map(|(_, t)| t).collect();
    assert_eq!(letters.len(), 2);
    for l in letters {
        assert!(l.contains("Instructional Prioritization Plan") && l.contains("2025–26"), "{l}");
        assert!(l.contains("10 sections of the FY26 guidance") && l.contains("Office of District Planning"), "{l}");
    }
    let home = &outputs.iter().find(|(n, _)| n == "home page").unwrap().1;
    assert!(
        home.contains("Check a Instructional Prioritization Plan")
            || home.contains("Instructional Prioritization Plan")
    );
    assert!(home.contains("10 sections the FY26 guidance"), "{home}");
    let html = &outputs.iter().find(|(n, _)| n == "Html").unwrap().1;
    assert!(html.contains("10. Sustainability"), "{html}");

    // The command line too: rules, explain, help, and a check.
    let rules = fy26_dir();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.docx"), fy26_docx(Numbering::RomanStyled, &[])).unwrap();
    for args in [
        vec!["rules"],
        vec!["explain", "ssos::section::missing"],
        vec!["explain", "ssos::sustainability::no-plan"],
        vec!["--help"],
        vec!["check", "--format", "human", "--color", "never", "--coverage"],
        vec!["check", "--format", "text"],
    ] {
        let mut cmd = Command::cargo_bin("ssos-lint").unwrap();
        cmd.args(["--rules", rules.to_str().unwrap()]).args(&args);
        if args[0] == "check" {
            cmd.arg(dir.path().join("plan.docx"));
        }
        let out = cmd.output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_lowercase();
        assert!(!text.is_empty(), "{args:?}");
        for banned in ["2023-24", "2023–24", "eight"] {
            assert!(!mentions(&text, banned), "{args:?} mentions `{banned}`:\n{text}");
        }
    }
}

#[test]
fn an_overlay_pack_changes_a_few_rules_of_the_builtin_one() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/packs/overlay.toml");
    let overlay = pack::load_path(&path).unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    let base = pack::builtin();
    assert_eq!(overlay.pack.id, "ssos-2023-24-strict");
    assert_eq!(overlay.pack.product, base.pack.product, "unchanged keys come from the base");
    assert_eq!(overlay.limits.max_benchmarks_per_priority, 3);
    assert_eq!(overlay.limits.max_priorities, base.limits.max_priorities);
    assert_eq!(overlay.rules.len(), base.rules.len() + 1);
    let student_work = overlay.rule("ssos::analysis::no-student-work").unwrap();
    assert_eq!(student_work.severity, Severity::Error);
    assert_eq!(student_work.summary, base.rule("ssos::analysis::no-student-work").unwrap().summary);
    let outcomes = overlay.section("outcomes").unwrap();
    assert!(outcomes.aliases.iter().any(|a| a == "Goals for Students"));
    assert_eq!(overlay.sections.len(), 8);

    // It runs: four benchmarks are too many under it, and the added rule reports.
    let linter = Linter::new(overlay, &Config::default(), Limits::default());
    let mut monitoring = clean_sections()[5].1.clone();
    monitoring.insert(4, "- School: 80% of grade 3 students read on grade level by May 2026.");
    let r = &linter.check_bytes("plan.docx", &common::plan_docx(&[("6. Monitoring", Some(monitoring))]))[0];
    assert!(r.diagnostics.iter().any(|d| d.code == "ssos::monitoring::too-many-benchmarks"), "{}", summary(r));
    let r = &linter.check_bytes(
        "plan.docx",
        &common::plan_docx(&[(
            "8. Differentiation",
            Some(vec!["Each school will receive support from the district team this year."]),
        )]),
    )[0];
    assert!(r.diagnostics.iter().any(|d| d.code == "ssos::differentiation::no-schools-listed"), "{}", summary(r));

    // A mistake in the overlay points into the overlay file.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("overlay.toml");
    std::fs::write(&bad, std::fs::read_to_string(&path).unwrap().replace("{section}", "{sectoin}")).unwrap();
    let err = pack::load_path(&bad).unwrap_err();
    assert!(err.message.contains("{sectoin}") && err.message.contains("overlay.toml, line"), "{}", err.message);
    // And extending a pack that is not built in is refused.
    std::fs::write(&bad, std::fs::read_to_string(&path).unwrap().replace("ssos-2023-24\"", "ssos-2031-32\"")).unwrap();
    let err = pack::load_path(&bad).unwrap_err();
    assert!(err.message.contains("ssos-2031-32") && err.message.contains("line 4"), "{}", err.message);
}

/// Each `[limits]` key of a config reaches the mapper and the checks alike.
#[test]
fn each_config_limit_is_used() {
    let base = pack::builtin();
    let with = |toml: &str| {
        let config = Config::parse("ssos-lint.toml", toml, &base).unwrap();
        Linter::new(pack::builtin(), &config, Limits::default())
    };
    let codes = |linter: &Linter, bytes: &[u8]| -> (Vec<String>, FileReport) {
        let r = linter.check_bytes("plan.docx", bytes).remove(0);
        (r.diagnostics.iter().map(|d| d.code.clone()).collect(), r)
    };
    let default = with("");

    // min_response_words: a five-word answer is a response by default, empty under 8.
    let short = common::plan_docx(&[("4. Outcomes", Some(vec!["We will raise reading scores."]))]);
    let (_, r) = codes(&default, &short);
    assert_eq!(r.section("outcomes").unwrap().state, SectionState::Present, "{}", summary(&r));
    let (found, r) = codes(&with("[limits]\nmin_response_words = 8\n"), &short);
    assert_eq!(r.section("outcomes").unwrap().state, SectionState::Empty, "{}", summary(&r));
    assert!(found.contains(&"ssos::section::empty".to_string()), "{found:?}");

    // max_priorities: two priorities are fine by default, too many under 1.
    let mut priorities = clean_sections()[0].1.clone();
    priorities.push(
        "Priority 2: Strengthen the learning environment and students' sense of belonging in every middle school.",
    );
    let two = common::plan_docx(&[("1. Priority", Some(priorities))]);
    let (found, _) = codes(&default, &two);
    assert!(!found.contains(&"ssos::priorities::too-many".to_string()), "{found:?}");
    let (found, _) = codes(&with("[limits]\nmax_priorities = 1\n"), &two);
    assert!(found.contains(&"ssos::priorities::too-many".to_string()), "{found:?}");

    // max_benchmarks_per_priority: three benchmarks are fine by default, too many under 2.
    let clean = common::plan_docx(&[]);
    let (found, _) = codes(&default, &clean);
    assert!(!found.contains(&"ssos::monitoring::too-many-benchmarks".to_string()), "{found:?}");
    let (found, _) = codes(&with("[limits]\nmax_benchmarks_per_priority = 2\n"), &clean);
    assert!(found.contains(&"ssos::monitoring::too-many-benchmarks".to_string()), "{found:?}");
}
