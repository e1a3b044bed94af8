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
    assert_eq!(pack.districts.ssos.len(), 22);
}
