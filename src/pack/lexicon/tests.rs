//! The lexicon on its own: sentences, stems, capitals, and the scope of every
//! kind of trigger, one small case each, with the built-in pack's data.

use super::*;
use crate::pack::builtin;

fn lexicon() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(|| Lexicon::new(&builtin()))
}

fn sentences(text: &str) -> Vec<&str> {
    lexicon().sentences(text).into_iter().map(|(a, b)| &text[a..b]).collect()
}

/// Whether `concept` is mentioned in `text` outside every scope in `exclude`.
fn mentioned(concept: &str, text: &str, exclude: &[Category]) -> bool {
    let lex = lexicon();
    let c = lex.concept(concept).unwrap_or_else(|| panic!("no concept {concept}"));
    let mask = exclude.iter().fold(0, |a, c| a | bit(*c));
    lex.units(text, None).iter().any(|u| u.hits_of(c).any(|h| u.scope_of(h) & mask == 0))
}

const ALL: [Category; 3] = [Category::Negated, Category::NotDone, Category::Hypothetical];

#[test]
fn sentences_keep_abbreviations_and_initials_together() {
    assert_eq!(
        sentences("Dr. Rivera met with John F. Parker staff, e.g. coaches. Then we wrote the plan."),
        ["Dr. Rivera met with John F. Parker staff, e.g. coaches.", "Then we wrote the plan."]
    );
    assert_eq!(sentences("Scores rose 3.5 points. Good!"), ["Scores rose 3.5 points.", "Good!"]);
    assert_eq!(sentences("First line\nSecond line • third"), ["First line", "Second line", "third"]);
    assert_eq!(sentences("approx. five teachers"), ["approx. five teachers"]);
}

#[test]
fn stems_match_word_forms() {
    assert!(mentioned("families", "We met with guardians and caregivers.", &[]));
    assert!(mentioned("families", "Each family came.", &[]));
    assert!(mentioned("input_received", "We surveyed 400 families.", &[]));
    assert!(mentioned("students", "Young people asked for more time.", &[]));
    assert!(!mentioned("families", "The familiar routine", &[]));
}

#[test]
fn capitals_match_only_in_capitals() {
    assert!(mentioned("cadence", "Benchmarks are reviewed at BOY, MOY and EOY.", &[]));
    assert!(!mentioned("cadence", "Both boys and girls joined the club.", &[]));
    assert!(mentioned("student_groups", "MLs and SWD scored lower.", &[]));
    assert!(!mentioned("student_groups", "The ml of water.", &[]));
    assert!(mentioned("school_leaders", "Our ILTs met.", &[]));
}

#[test]
fn a_reported_finding_turns_not_done_into_negated() {
    let not_done = [Category::NotDone];
    assert!(!mentioned("families", "We had not surveyed families.", &not_done));
    assert!(mentioned("families", "The audit found that schools had no shared plan for families.", &not_done));
    assert!(!mentioned("families", "The audit found that schools had no shared plan for families.", &ALL));
}

#[test]
fn a_backward_trigger_stops_at_an_introductory_clause() {
    let text = "When teachers looked at student essays together, most pieces did not cite evidence.";
    assert!(mentioned("student_work", text, &ALL));
    assert!(!mentioned("student_work", "Student essays did not cite evidence.", &[Category::Negated]));
}

#[test]
fn pre_trigger_scope_runs_to_the_clause_end() {
    assert!(!mentioned("families", "We have not engaged families.", &ALL));
    assert!(mentioned("families", "We have not engaged staff, but families joined forums.", &ALL));
    assert!(mentioned("families", "Surveys were late; families joined forums.", &ALL));
}

#[test]
fn post_trigger_scope_reaches_back() {
    assert!(!mentioned("input_received", "Listening sessions with parents were postponed.", &ALL));
    assert!(!mentioned("families", "Listening sessions with parents were postponed.", &ALL));
    assert!(!mentioned("owner_role", "A director for each benchmark has not been named yet.", &ALL));
    assert!(!mentioned("input_received", "The family survey was cancelled.", &ALL));
}

#[test]
fn not_yet_and_yet_to() {
    assert!(!mentioned("families", "We have not yet engaged families.", &ALL));
    assert!(!mentioned("families", "We have yet to engage families.", &ALL));
}

#[test]
fn gap_trigger_scopes_between_its_halves() {
    assert!(!mentioned("families", "No input from families was gathered this year.", &ALL));
}

#[test]
fn pseudo_triggers_do_not_negate() {
    assert!(mentioned("families", "We not only surveyed 400 families but also met teachers.", &ALL));
    assert!(mentioned("families", "No fewer than 300 families answered.", &ALL));
    assert!(mentioned("cadence", "Teams meet once a month.", &ALL));
}

#[test]
fn did_not_conduct_is_an_event_that_did_not_happen() {
    assert!(!mentioned("instruction_data", "We did not conduct any learning walks this year.", &[Category::NotDone]));
    assert!(mentioned("systems_structures_data", "There is no consistent PLC structure.", &[Category::NotDone]));
}

#[test]
fn hypotheticals_are_scoped() {
    assert!(!mentioned("families", "If families ask, we could add sessions.", &ALL));
}

#[test]
fn future_scope_and_past_forms() {
    let lex = lexicon();
    let unit = lex.unit("We will survey families next fall.");
    let fam = lex.concept("families").unwrap();
    let hit = unit.hits_of(fam).next().unwrap();
    assert_ne!(unit.scope_of(hit) & bit(Category::Future), 0);
    assert!(!unit.any_past() || !unit.has_past(hit));
    let told = lex.unit("We will use what families told us.");
    assert!(told.any_past());
    let held = lex.unit("Sessions will be held each month.");
    assert!(!held.any_past(), "{:?}", held.past);
    assert!(held.ongoing);
}

#[test]
fn labels_lead_table_cells() {
    let lex = lexicon();
    let units = lex.units("Provide coaching. Visit schools monthly.", Some("District"));
    assert_eq!(units.len(), 2);
    assert!(units.iter().all(|u| u.text.starts_with("District: ")));
    let c = lex.concept("central_office").unwrap();
    assert!(units.iter().all(|u| u.hits_of(c).next().is_some()));
}

#[test]
fn school_names_are_more_than_their_kind() {
    assert!(mentioned("school_name", "Rafael Hernández K-8 School will get a coach.", &[]));
    assert!(mentioned("school_name", "Support goes to Lincoln Middle School first.", &[]));
    assert!(!mentioned("school_name", "Middle School teachers will plan together.", &[]));
    assert!(!mentioned("school_name", "Each Elementary School gets a coach.", &[]));
}

#[test]
fn ambiguous_words_are_refused_on_their_own() {
    let mut pack = builtin();
    assert!(Lexicon::ambiguous_terms(&pack).is_empty());
    pack.concepts.get_mut("families").unwrap().terms.push("gap".into());
    let bad = Lexicon::ambiguous_terms(&pack);
    assert_eq!(bad, [Ambiguous { concept: "families".into(), term: "gap".into() }]);
}

#[test]
fn trim_suffix_trims_as_trim_end_matches_does() {
    for text in ["district's", "district's's", "'s", "s's'", "parents", "", "’s’s", "it's it"] {
        for suffix in ["'s", "’s"] {
            assert_eq!(super::trim_suffix(text, suffix), text.trim_end_matches(suffix), "{text} {suffix}");
        }
    }
}

#[test]
fn the_built_in_vocabulary_is_the_one_build_rs_compiled() {
    let pack = builtin();
    let tables = builtin_tables().expect("build.rs compiled the built-in pack's vocabulary");
    assert_eq!(input(&pack.context, &pack.concepts).fingerprint(), tables.fingerprint, "the pack's own fingerprint");
    assert!(vocabulary(&pack).is_some(), "the static tables serve it");
    // Compiled now from the loaded pack: the same tables, item for item.
    let now = compile_tables(&pack.context, &pack.concepts);
    assert_eq!(format!("{now:?}"), format!("{tables:?}"));
}

#[test]
fn pattern_sets_are_valid_and_cover_every_pattern() {
    let sets = read_pattern_sets(true).expect("the pattern sets read with every check");
    let tables = builtin_tables().unwrap();
    let mut covered: Vec<usize> = sets.iter().flat_map(|s| s.patterns.iter().copied()).collect();
    covered.sort_unstable();
    assert_eq!(covered, (0..tables.patterns.len()).collect::<Vec<_>>(), "each pattern in one set");
    // The patterns anchored at the start have sets of their own, first.
    let anchored = |i: usize| tables.patterns[i].trim_start_matches("(?i)").starts_with('^');
    assert!(sets[0].patterns.iter().all(|&i| anchored(i)), "{:?}", sets[0].patterns);
    assert!(sets.iter().all(|s| s.patterns.iter().all(|&i| anchored(i)) || s.patterns.iter().all(|&i| !anchored(i))));
    assert!(lexicon().pattern_sets.is_some_and(|s| s.len() == sets.len()), "the built-in lexicon uses them");
}

#[test]
fn pattern_sets_find_the_patterns_that_match() {
    // Each concept pattern's own matches, with and without the sets.
    let lex = lexicon();
    let mut without = Compiled::build(&builtin().text, &builtin().context, builtin_tables().unwrap().clone());
    without.pattern_sets = None;
    let texts = [
        "Rafael Hernández K-8 School will get a coach.",
        "Support goes to Lincoln Middle School first.",
        "We will review data weekly with the DILT; 80% of students will meet benchmark by June 2024.",
        "Family input was gathered in surveys in October and at two forums.",
        "Middle School teachers will plan together.",
        "District: The DILT will review the data monthly.",
        "Who monitors: principals, every six weeks",
        "Teachers: weekly PLCs and exit tickets",
        "School leaders — monthly principals’ mtg; Community: families’ survey in May",
        "Reviewed quarterly by the Deputy Superintendent",
    ];
    for text in texts {
        let (a, b) = (lex.units(text, None), without.units(text, None));
        assert_eq!(a.len(), b.len());
        for (a, b) in a.iter().zip(&b) {
            assert_eq!(a.hits, b.hits, "{text}");
        }
    }
}

#[test]
fn a_pack_with_other_concepts_compiles_its_own_vocabulary() {
    let mut pack = builtin();
    pack.concepts.get_mut("families").unwrap().terms.push("zorblat kin".into());
    assert!(vocabulary(&pack).is_none(), "not the built-in tables");
    let lex = Lexicon::new(&pack);
    let families = lex.concept("families").unwrap();
    let units = lex.units("We asked zorblat kin about homework.", None);
    assert!(units[0].hits_of(families).next().is_some(), "{:?}", lex.describe(&units[0]));
    let builtin_units = lexicon().units("We asked zorblat kin about homework.", None);
    assert!(builtin_units[0].hits_of(families).next().is_none(), "the built-in pack has no such term");
}

#[test]
fn every_word_of_the_pack_finds_the_stem_build_rs_computed() {
    let stemmer = Stemmer::create(Algorithm::English);
    assert!(PACK_STEMS.len() > 1000);
    for &(word, stem) in PACK_STEMS {
        assert_eq!(pack_stem_of(word), Some(stem), "{word}");
        assert_eq!(stemmer.stem(word), stem, "{word}");
    }
    assert_eq!(pack_stem_of("zorblat"), None);
    assert_eq!(pack_stem_of(""), None);
}

#[test]
fn a_postponement_after_but_reaches_back_to_the_subject_it_shares() {
    let lex = lexicon();
    let fam = lex.concept("families").unwrap();
    let not_done = bit(Category::NotDone);
    let unit = lex.unit("Family nights were scheduled for May but were postponed.");
    let hit = unit.hits_of(fam).next().unwrap();
    assert_ne!(unit.scope_of(hit) & not_done, 0);
    // With a subject of its own, the clause after "but" is about that subject.
    let unit = lex.unit("Family nights were held in May but the forum was postponed.");
    let hit = unit.hits_of(fam).next().unwrap();
    assert_eq!(unit.scope_of(hit) & not_done, 0);
}
