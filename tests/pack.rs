//! The rules pack: the built-in one loads, and every silent mistake a pack
//! author can make fails to load with a message that names the key, the
//! file and the line.

use std::path::PathBuf;

use ssos_lint::pack;

#[test]
fn builtin_pack_loads_and_covers_every_spec_code() {
    let pack = pack::builtin();
    assert_eq!(pack.sections.len(), 8);
    let ids: Vec<&str> = pack.sections.iter().map(|s| s.id.as_str()).collect();
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
    assert_eq!(pack.districts.lists["ssos"].districts.len(), 22);
    assert_eq!(pack.districts.lists["csdp"].districts.len(), 8);
    assert_eq!(pack.districts.lists["transitioning"].districts.len(), 15);
}

#[test]
fn every_builtin_pack_loads_under_its_id_and_aliases() {
    for b in pack::builtin_packs() {
        let (id, aliases) = b.names();
        let loaded = b.load().unwrap_or_else(|e| panic!("{id}: {e:?}"));
        assert_eq!(loaded.pack.id, id);
        assert_eq!(loaded.pack.aliases, aliases);
        for name in aliases.iter().chain([&id]) {
            assert_eq!(pack::load_named(name).unwrap().pack.id, id);
        }
    }
    assert_eq!(pack::builtin_packs()[0].names().1, ["ssos-2023-24"]);
    let err = pack::load_named("ssos-1999-00").unwrap_err();
    assert!(err.help.contains("ssos-2023-24"), "{}", err.help);
}

/// The built-in pack's files, with `edit` applied to the text of `file`.
fn sources_with(file: &str, edit: impl Fn(&str) -> String) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    names.sort();
    let mut changed = false;
    let out = names
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(p).unwrap();
            if name == file {
                let edited = edit(&text);
                assert_ne!(edited, text, "the edit of {file} changed nothing");
                changed = true;
                (name, edited)
            } else {
                (name, text)
            }
        })
        .collect();
    assert!(changed, "no file {file}");
    out
}

/// Loads the edited pack; it must fail. Returns the message and the line it points at.
fn fails(file: &str, edit: impl Fn(&str) -> String) -> (String, usize) {
    let sources = sources_with(file, edit);
    let text = sources.iter().find(|(n, _)| n == file).unwrap().1.clone();
    let err = pack::load_sources(sources).expect_err("the pack should not load");
    let span = err.span.unwrap_or_else(|| panic!("no place in the pack for: {}", err.message));
    let line = text[..span.offset()].matches('\n').count() + 1;
    assert!(err.message.contains(&format!("{file}, line {line}")), "{}", err.message);
    (err.message, line)
}

fn line_of(file: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules").join(file)).unwrap();
    text[..text.find(needle).unwrap_or_else(|| panic!("{needle} not in {file}"))].matches('\n').count() + 1
}

#[test]
fn the_unedited_pack_loads() {
    let sources = sources_with("pack.toml", |t| format!("{t}\n"));
    pack::load_sources(sources).unwrap();
}

#[test]
fn an_unknown_message_placeholder_is_named() {
    let needle = "message = \"The plan lists {count} interim benchmarks{priority}";
    let (msg, line) = fails("rules-monitoring.toml", |t| {
        t.replace(needle, "message = \"The plan lists {count} interim benchmarks{priority} for {item}")
    });
    assert!(msg.contains("`{item}`") && msg.contains("ssos::monitoring::too-many-benchmarks"), "{msg}");
    assert!(msg.contains("{items}"), "the allowed placeholders are listed: {msg}");
    assert_eq!(line, line_of("rules-monitoring.toml", needle));
}

#[test]
fn a_placeholder_in_help_is_named() {
    let needle = "help = \"Keep the few highest-leverage benchmarks";
    let (msg, line) = fails("rules-monitoring.toml", |t| {
        t.replace(needle, "help = \"Keep {limit} of the highest-leverage benchmarks")
    });
    assert!(msg.contains("`help`") && msg.contains("{limit}"), "{msg}");
    assert_eq!(line, line_of("rules-monitoring.toml", needle));
}

#[test]
fn an_unknown_letter_placeholder_is_named() {
    let (msg, line) = fails("letter.toml", |t| {
        t.replace(
            "salutation = \"Dear {district} leadership team,\"",
            "salutation = \"Dear {distrct} leadership team,\"",
        )
    });
    assert!(msg.contains("`{distrct}`") && msg.contains("salutation") && msg.contains("{district}"), "{msg}");
    assert_eq!(line, line_of("letter.toml", "salutation = "));
}

#[test]
fn a_letter_prompt_that_no_rule_reports_is_named() {
    let (msg, _) = fails("letter.toml", |t| t.replace("clsp_focus = ", "clsp_focuss = "));
    assert!(msg.contains("letter.prompts.clsp_focuss"), "{msg}");
}

#[test]
fn a_misspelt_benchmarks_section_is_named() {
    let (msg, line) =
        fails("pack.toml", |t| t.replace("benchmarks_section = \"monitoring\"", "benchmarks_section = \"monitorng\""));
    assert!(msg.contains("benchmarks_section") && msg.contains("`monitorng`") && msg.contains("`monitoring`"), "{msg}");
    assert_eq!(line, line_of("pack.toml", "benchmarks_section"));
    let (msg, _) =
        fails("pack.toml", |t| t.replace("priorities_section = \"priorities\"", "priorities_section = \"priority\""));
    assert!(msg.contains("priorities_section"), "{msg}");
}

#[test]
fn an_empty_any_check_is_named() {
    let needle = "check = { kind = \"any\", when = [[\"root_cause\"]] }";
    let (msg, line) = fails("rules-analysis.toml", |t| t.replace(needle, "check = { kind = \"any\", when = [] }"));
    assert!(msg.contains("empty `when`") && msg.contains("ssos::analysis::no-root-causes"), "{msg}");
    assert_eq!(line, line_of("rules-analysis.toml", needle));
    // An alternative with no concept in it fires just as blindly.
    let (msg, _) = fails("rules-analysis.toml", |t| t.replace(needle, "check = { kind = \"any\", when = [[]] }"));
    assert!(msg.contains("empty alternative"), "{msg}");
}

#[test]
fn an_items_check_with_an_empty_item_is_named() {
    let (msg, _) = fails("rules-analysis.toml", |t| t.replacen("when = [[\"student_outcomes_data\"]]", "when = []", 1));
    assert!(msg.contains("item `student_outcomes`") && msg.contains("empty `when`"), "{msg}");
}

#[test]
fn a_quote_section_out_of_range_or_unknown_is_named() {
    let needle = "quote = { section = \"monitoring\", text = \"Less is more";
    let (msg, line) =
        fails("rules-monitoring.toml", |t| t.replace(needle, "quote = { section = 9, text = \"Less is more"));
    assert!(msg.contains("quote.section = 9") && msg.contains("numbers: 1, 2"), "{msg}");
    assert_eq!(line, line_of("rules-monitoring.toml", needle));
    let (msg, _) =
        fails("rules-monitoring.toml", |t| t.replace(needle, "quote = { section = \"monitor\", text = \"Less is more"));
    assert!(msg.contains("\"monitor\"") && msg.contains("`monitoring`"), "{msg}");
    // By number, a section that exists is accepted.
    let sources =
        sources_with("rules-monitoring.toml", |t| t.replace(needle, "quote = { section = 6, text = \"Less is more"));
    let loaded = pack::load_sources(sources).unwrap();
    let rule = loaded.rule("ssos::monitoring::too-many-benchmarks").unwrap();
    assert_eq!(loaded.quoted_section(rule.quote.as_ref().unwrap()).unwrap().id, "monitoring");
}

#[test]
fn duplicate_section_numbers_and_ids_are_named() {
    let (msg, line) = fails("sections.toml", |t| t.replace("number = 8", "number = 7"));
    assert!(msg.contains("both have number 7") && msg.contains("`differentiation`"), "{msg}");
    assert_eq!(line, line_of("sections.toml", "number = 8"));
    let (msg, _) = fails("sections.toml", |t| t.replace("id = \"differentiation\"", "id = \"resources\""));
    assert!(msg.contains("section id `resources`"), "{msg}");
}

#[test]
fn duplicate_prompt_ids_are_named() {
    let (msg, line) =
        fails("rules-analysis.toml", |t| t.replace("prompt = \"student_work\"", "prompt = \"student_groups\""));
    assert!(msg.contains("prompt id `student_groups`") && msg.contains("ssos::analysis::no-student-work"), "{msg}");
    assert_eq!(line, line_of("rules-analysis.toml", "prompt = \"student_work\""));
}

#[test]
fn a_bad_key_inside_check_names_the_key_and_its_line() {
    // In an inline table.
    let needle = "check = { kind = \"any\", when = [[\"root_cause\"]] }";
    let (msg, line) =
        fails("rules-analysis.toml", |t| t.replace(needle, "check = { kind = \"any\", whn = [[\"root_cause\"]] }"));
    assert!(msg.contains("`whn`") && msg.contains("rules[") && !msg.contains("oneOf"), "{msg}");
    assert_eq!(line, line_of("rules-analysis.toml", needle));
    // In a `[rules.check]` table.
    let (msg, line) =
        fails("rules-priorities.toml", |t| t.replacen("skip_statements = true", "skip_statement = true", 1));
    assert!(msg.contains("`skip_statement`") && !msg.contains("oneOf"), "{msg}");
    assert_eq!(line, line_of("rules-priorities.toml", "skip_statements = true"));
    // An unknown kind.
    let (msg, _) =
        fails("rules-analysis.toml", |t| t.replace(needle, "check = { kind = \"anyy\", when = [[\"root_cause\"]] }"));
    assert!(msg.contains("anyy"), "{msg}");
}

#[test]
fn an_unknown_key_elsewhere_is_named_on_its_line() {
    let (msg, line) = fails("pack.toml", |t| t.replace("max_heading_words = 12", "max_heading_word = 12"));
    assert!(msg.contains("unknown key `max_heading_word`") && msg.contains("mapping"), "{msg}");
    assert_eq!(line, line_of("pack.toml", "max_heading_words"));
    let (msg, _) = fails("sections.toml", |t| t.replacen("aliases = [", "alias = [", 1));
    assert!(msg.contains("unknown key `alias`"), "{msg}");
}

#[test]
fn an_alias_of_a_district_in_no_list_is_named() {
    let (msg, _) = fails("districts.toml", |t| t.replace("\"Boston\" = [", "\"Bostn\" = ["));
    assert!(msg.contains("`Bostn`") && msg.contains("districts.aliases"), "{msg}");
}

#[test]
fn a_zero_limit_is_named() {
    let (msg, _) = fails("pack.toml", |t| t.replace("max_priorities = 2", "max_priorities = 0"));
    assert!(msg.contains("max_priorities"), "{msg}");
}

#[test]
fn scope_sets_where_a_claim_rule_looks() {
    use ssos_lint::pack::{Check, Scope};
    // `no-data-cited` runs per priority by default; `scope = "section"` runs it once.
    let needle = "scope = \"priority\"\nprompt = \"data_cited\"";
    let loaded = pack::load_sources(sources_with("rules-analysis.toml", |t| {
        t.replace(needle, "scope = \"section\"\nprompt = \"data_cited\"")
    }))
    .unwrap();
    let rule = loaded.rule("ssos::analysis::no-data-cited").unwrap();
    assert_eq!(rule.scope, Some(Scope::Section));
    assert!(matches!(rule.check, Check::Any { per_priority: false, .. }), "{:?}", rule.check);
    assert!(matches!(
        pack::builtin().rule("ssos::analysis::no-data-cited").unwrap().check,
        Check::Any { per_priority: true, .. }
    ));
    let (msg, line) =
        fails("rules-analysis.toml", |t| t.replace(needle, "scope = \"document\"\nprompt = \"data_cited\""));
    assert!(msg.contains("scope = \"document\"") && msg.contains("analysis"), "{msg}");
    assert_eq!(line, line_of("rules-analysis.toml", needle));
}

/// The built-in pack with `edit` applied to rules-analysis.toml, and a linter over it with `config`.
fn linter_with(edit: impl Fn(&str) -> String, config: &str) -> ssos_lint::lint::Linter {
    let pack = pack::load_sources(sources_with("rules-analysis.toml", edit)).unwrap();
    let config = ssos_lint::config::Config::parse("ssos-lint.toml", config, &pack).unwrap();
    ssos_lint::lint::Linter::new(pack, &config, ssos_lint::read::Limits::default())
}

/// A plan whose analysis never looks at student work.
fn plan_without_student_work() -> Vec<u8> {
    let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>2. Analysis of Strengths and Challenges</w:t></w:r></w:p><w:p><w:r><w:t>On the 2022 MCAS, 34% of students met or exceeded expectations in ELA.</w:t></w:r></w:p></w:body></w:document>"#;
    ssos_fixtures::bad::minimal_docx(xml)
}

fn codes_of(linter: &ssos_lint::lint::Linter) -> Vec<String> {
    linter.check_bytes("plan.docx", &plan_without_student_work())[0]
        .diagnostics
        .iter()
        .map(|d| d.code.clone())
        .collect()
}

#[test]
fn preview_rules_run_only_when_a_config_names_them_and_removed_rules_never() {
    let code = "ssos::analysis::no-student-work";
    let needle = "prompt = \"student_work\"";
    let stable = linter_with(|t| format!("{t}\n"), "");
    assert!(codes_of(&stable).contains(&code.to_string()));
    let preview = |t: &str| t.replace(needle, &format!("{needle}\nstatus = \"preview\""));
    assert!(!codes_of(&linter_with(preview, "")).contains(&code.to_string()));
    let on = format!("[rules]\n\"{code}\" = \"warning\"\n");
    assert!(codes_of(&linter_with(preview, &on)).contains(&code.to_string()));
    let removed = |t: &str| t.replace(needle, &format!("{needle}\nstatus = \"removed\""));
    // A config that still names a removed rule loads; the rule never runs.
    assert!(!codes_of(&linter_with(removed, &on)).contains(&code.to_string()));
}

#[test]
fn a_renamed_code_keeps_working_in_configs() {
    let code = "ssos::analysis::no-student-work";
    let redirect = |t: &str| format!("{t}\n[redirects]\n\"ssos::analysis::student-work-missing\" = \"{code}\"\n");
    let off = "[rules]\n\"ssos::analysis::student-work-missing\" = \"off\"\n";
    assert!(!codes_of(&linter_with(redirect, off)).contains(&code.to_string()));
    let loaded = pack::load_sources(sources_with("rules-analysis.toml", redirect)).unwrap();
    assert_eq!(loaded.resolve("ssos::analysis::student-work-missing").unwrap().code, code);
    // A redirect to a code no rule has is refused at its line.
    let (msg, _) = fails("rules-analysis.toml", |t| {
        format!("{t}\n[redirects]\n\"ssos::analysis::student-work-missing\" = \"ssos::analysis::no-student-wrk\"\n")
    });
    assert!(msg.contains("no-student-wrk") && msg.contains("which no rule has"), "{msg}");
}

#[test]
fn rules_and_explain_speak_json_and_list_the_packs() {
    let bin = || assert_cmd::Command::cargo_bin("ssos-lint").unwrap();
    let out = bin().args(["rules", "--format", "json"]).output().unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), pack::builtin().rules.len());
    let missing = rules.iter().find(|r| r["code"] == "ssos::section::missing").unwrap();
    assert_eq!(missing["severity"], "error");
    assert_eq!(missing["status"], "stable");
    assert_eq!(missing["check"]["kind"], "section-missing");
    let out = bin().args(["explain", "ssos::monitoring::no-owner", "--format", "json"]).output().unwrap();
    let rule: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rule["section_number"], 6);
    assert_eq!(rule["quote"]["section_id"], "monitoring");
    let out = bin().args(["rules", "--packs"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ssos-district-priority-2023-24 (ssos-2023-24)") && text.contains("[default]"), "{text}");
    let out = bin().args(["--rules", "ssos-2023-24", "rules", "--packs", "--format", "json"]).output().unwrap();
    let packs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(packs[0]["sections"], 8);
}

#[test]
fn a_builtin_pack_by_id_reaches_the_worker_processes() {
    // `check` runs each file in a worker process started with the same `--rules`.
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/taunton-incomplete.docx");
    let out = assert_cmd::Command::cargo_bin("ssos-lint")
        .unwrap()
        .args(["--rules", "ssos-2023-24", "check", "--format", "json"])
        .arg(&sample)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["rules"]["id"], "ssos-district-priority-2023-24");
    assert_eq!(json["files"][0]["status"], "fail");
    let out = assert_cmd::Command::cargo_bin("ssos-lint")
        .unwrap()
        .args(["--rules", "ssos-1999-00", "rules"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ssos-2023-24"));
}
