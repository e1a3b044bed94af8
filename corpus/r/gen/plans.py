"""Corpus R: the plan table. One row per deck.
family: layout family (see README). themes: one per priority. bm: interim benchmarks per priority.
gaps: key -> mode (None = answered). sections: sid -> "missing" | "empty:<tbd|insert|prompt|blank>".
Gap keys and the SPEC code each maps to are in GAP_CODES."""

GAP_CODES = {
    "p_practice": ("ssos::priorities::prompt-unanswered", "priorities", "educator_practice"),
    "p_experience": ("ssos::priorities::prompt-unanswered", "priorities", "student_experience"),
    "p_equity": ("ssos::priorities::prompt-unanswered", "priorities", "equity_gaps"),
    "a_outcomes": ("ssos::analysis::data-area-missing", "analysis", "student_outcomes"),
    "a_instruction": ("ssos::analysis::data-area-missing", "analysis", "instruction"),
    "a_perspectives": ("ssos::analysis::data-area-missing", "analysis", "stakeholder_perspectives"),
    "a_systems": ("ssos::analysis::data-area-missing", "analysis", "systems_structures"),
    "a_groups": ("ssos::analysis::no-student-groups", "analysis", None),
    "a_work": ("ssos::analysis::no-student-work", "analysis", None),
    "s_students": ("ssos::stakeholders::group-missing", "stakeholder_engagement", "students"),
    "s_families": ("ssos::stakeholders::group-missing", "stakeholder_engagement", "families"),
    "s_educators": ("ssos::stakeholders::group-missing", "stakeholder_engagement", "educators"),
    "s_leaders": ("ssos::stakeholders::group-missing", "stakeholder_engagement", "school_leaders"),
    "s_community": ("ssos::stakeholders::group-missing", "stakeholder_engagement", "community"),
    "s_identified": ("ssos::stakeholders::no-identified-school-input", "stakeholder_engagement", None),
    "s_ongoing": ("ssos::stakeholders::no-ongoing-engagement", "stakeholder_engagement", None),
    "o_acct": ("ssos::outcomes::no-accountability-targets", "outcomes", None),
    "o_groups": ("ssos::outcomes::no-student-group-targets", "outcomes", None),
    "r_co": ("ssos::roles::level-missing", "role_clarity", "central_office"),
    "r_sl": ("ssos::roles::level-missing", "role_clarity", "school_leaders"),
    "r_t": ("ssos::roles::level-missing", "role_clarity", "teachers"),
    "m_owner": ("ssos::monitoring::no-owner", "monitoring", None),
    "m_freq": ("ssos::monitoring::no-frequency", "monitoring", None),
    "m_district": ("ssos::monitoring::level-missing", "monitoring", "district"),
    "m_school": ("ssos::monitoring::level-missing", "monitoring", "school"),
    "m_work": ("ssos::monitoring::no-student-work", "monitoring", None),
    "res_int": ("ssos::resources::kind-missing", "resources", "internal"),
    "res_ext": ("ssos::resources::kind-missing", "resources", "external"),
    "res_budget": ("ssos::resources::no-budget-equity", "resources", None),
    "d_schools": ("ssos::differentiation::no-schools-listed", "differentiation", None),
}

FAMILIES = {
    "A": "title placeholder per section, bullets in the body placeholder, continuation slides, agenda, notes",
    "B": "no placeholders: bold large title text box + body text box (typed bullets), 4:3",
    "C": "no titles: one text box per slide, the section name is its bold first line; continuations untitled",
    "D": "Section Header divider slides ('Part N: X') followed by content slides titled by priority / continued",
    "E": "Comparison layout: Priority 1 left, Priority 2 right; shared text on Title and Content slides",
    "F": "a table slide per priority (Section | Plan), then a district-wide table for shared sections",
    "G": "matrix table 'Section | Priority 1 | Priority 2', shared text in merged cells, split over slides",
    "H": "SmartArt-like: grouped rounded boxes, chevron arrows, header bars; title placeholders",
    "I": "two text-box columns, two sections per slide, footer on the slide master, slide numbers",
}

P = []


def plan(**kw):
    kw.setdefault("gaps", {})
    kw.setdefault("sections", {})
    kw.setdefault("syn", 0)
    kw.setdefault("aspect", "16:9")
    kw.setdefault("agenda", False)
    kw.setdefault("closing", False)
    kw.setdefault("notes", True)
    kw.setdefault("footer", None)
    kw.setdefault("slidenum", False)
    kw.setdefault("pdf", False)
    kw.setdefault("bm_style", "bullets")
    kw.setdefault("cont", " (cont.)")
    kw["split"] = "dev" if kw["id"].startswith("r_d") else "holdout"
    P.append(kw)


# ---------------------------------------------------------------- dev
plan(id="r_d01", family="A", district="Merrimack Falls Public Schools", short="Merrimack Falls", sup="Dr. Renata Alvarez",
     voice="superintendent", themes=["lit", "math"], bm=[3, 3], heading="guidance", agenda=True, closing=True, pdf=True,
     schools=[("Brightwood Elementary", "the lowest 10th percentile of schools"), ("Riverside Middle", None), ("Hale Street School", None), ("Merrimack Falls High", None)],
     bm_style="table", syn=1, footer="slide", slidenum=True)
plan(id="r_d02", family="A", district="Quabbin Valley Regional School District", short="Quabbin Valley", sup="Mark Tessier",
     voice="school_committee", themes=["ml", "writing", "attend"], bm=[2, 2, 2], heading="section", agenda=True, cont=" \u2013 continued",
     schools=[("Quabbin Valley Regional Middle", "a federal targeted support designation"), ("Quabbin Valley Regional High", None), ("Orange Street Elementary", None)],
     gaps={"s_families": "negated"}, syn=2)
plan(id="r_d03", family="B", district="Saugatuck River Public Schools", short="Saugatuck River", sup="Dr. Lena Marsh",
     voice="consultant", themes=["inclusion"], bm=[4], heading="own_num", aspect="4:3",
     schools=[("Pine Hill School", "underperforming status under M.G.L. c. 69 \u00a71J"), ("Cedar Avenue School", None), ("Saugatuck River Middle", None)],
     gaps={"a_work": "absent", "res_budget": "negated"}, bm_style="table")
plan(id="r_d04", family="B", district="Blackstone Mill Public Schools", short="Blackstone Mill", sup="Paul Okafor",
     voice="dilt", themes=["lit", "dilt"], bm=[2, 2], heading="guidance", aspect="4:3", agenda=True,
     schools=[("Mill Pond Elementary", "a federal comprehensive support designation"), ("Chestnut Hill Elementary", "the lowest 10th percentile of schools"), ("Blackstone Mill Middle", None)],
     gaps={"r_t": "deferred"}, sections={"differentiation": "missing"}, syn=3)
plan(id="r_d05", family="C", district="Nashoba Brook Public Schools", short="Nashoba Brook", sup="Dr. Kevin Nguyen",
     voice="data_team", themes=["math", "belonging"], bm=[3, 2], heading="short", pdf=True,
     schools=[("Lakeview Middle", "the lowest 10th percentile of schools"), ("Nashoba Brook High", None), ("Elm Street Elementary", None)],
     gaps={"s_community": "hypothetical", "m_freq": "absent"})
plan(id="r_d06", family="C", district="Cape Ledge Public Schools", short="Cape Ledge", sup="Maria Costa",
     voice="teacher_committee", themes=["writing"], bm=[5], heading="own", closing=True,
     schools=[("Cape Ledge High", "a federal targeted support designation"), ("Harbor Middle", None), ("Ledge Road School", None)], syn=1)
plan(id="r_d07", family="D", district="Westbrook Falls Public Schools", short="Westbrook Falls", sup="Dr. Angela Brooks",
     voice="curriculum", themes=["lit", "writing"], bm=[3, 3], heading="short", pdf=True, agenda=True, cont="",
     schools=[("Garfield Elementary", "underperforming status under M.G.L. c. 69 \u00a71J"), ("Westbrook Falls Middle", "a federal targeted support designation"), ("Sumner Avenue School", None), ("Westbrook Falls High", None)],
     gaps={"o_groups": "absent", "d_schools": "other"})
plan(id="r_d08", family="D", district="Taconic Hills Regional School District", short="Taconic Hills", sup="James Whitfield",
     voice="principals", themes=["math", "inclusion"], bm=[2, 3], heading="own", cont=None,
     schools=[("Taconic Hills Elementary", "the lowest 10th percentile of schools"), ("Taconic Hills Middle-High", None), ("Berkshire Trail School", None)],
     gaps={"m_work": "negated"}, sections={"resources": "empty:insert"}, syn=2)
plan(id="r_d09", family="E", district="Pioneer Brook Public Schools", short="Pioneer Brook", sup="Dr. Samuel Reyes",
     voice="superintendent", themes=["lit", "writing"], bm=[3, 2], heading="guidance", pdf=True, closing=True, footer="master",
     schools=[("Forest Park Elementary", "a federal comprehensive support designation"), ("Pioneer Brook Middle", None), ("Pioneer Brook High", None)])
plan(id="r_d10", family="E", district="Fairhaven Bay Public Schools", short="Fairhaven Bay", sup="Christine Dube",
     voice="curriculum", themes=["ml", "math"], bm=[3, 2], heading="own", agenda=True,
     schools=[("Oxford Street School", "the lowest 10th percentile of schools"), ("Fairhaven Bay Middle", "a federal targeted support designation"), ("Rogers Elementary", None)],
     gaps={"s_families": "notes", "a_perspectives": "absent", "m_district": "absent"}, syn=3)
plan(id="r_d11", family="F", district="Granite Ridge Public Schools", short="Granite Ridge", sup="Dr. Owen Fitzgerald",
     voice="data_team", themes=["lit", "math"], bm=[2, 2], heading="short", pdf=True, footer="slide", slidenum=True,
     schools=[("Quarry Road Elementary", "the lowest 10th percentile of schools"), ("Granite Ridge Middle", None), ("Summit Elementary", None)],
     gaps={"p_equity": "vague", "s_identified": "absent", "m_owner": "tbd"})
plan(id="r_d12", family="F", district="Housatonic Valley Public Schools", short="Housatonic Valley", sup="Beth Lindqvist",
     voice="dilt", themes=["dilt", "belonging"], bm=[2, 2], heading="section", agenda=True,
     schools=[("Housatonic Valley Middle", "a federal targeted support designation"), ("Church Street Elementary", None), ("Housatonic Valley High", None)],
     gaps={"res_ext": "hypothetical"}, syn=1)
plan(id="r_d13", family="G", district="Chicopee Heights Public Schools", short="Chicopee Heights", sup="Dr. Luis Ortega",
     voice="consultant", themes=["math", "ml"], bm=[3, 3], heading="guidance", pdf=True,
     schools=[("Bellamy Middle", "underperforming status under M.G.L. c. 69 \u00a71J"), ("Stefanik Elementary", "the lowest 10th percentile of schools"), ("Chicopee Heights High", None), ("Lambert-Lavoie School", None)])
plan(id="r_d14", family="G", district="North Shore Harbor Public Schools", short="North Shore Harbor", sup="Karen Pappas",
     voice="school_committee", themes=["lit", "writing"], bm=[7, 3], heading="short", closing=True,
     schools=[("Beacon Elementary", "a federal targeted support designation"), ("Harbor View Middle", None), ("North Shore Harbor High", None)],
     gaps={"o_acct": "negated"}, syn=2)
plan(id="r_d15", family="H", district="Wachusett Hills Public Schools", short="Wachusett Hills", sup="Dr. Priya Raman",
     voice="teacher_committee", themes=["lit", "math"], bm=[2, 2], heading="own_num", agenda=True,
     schools=[("Mountain Road Elementary", "the lowest 10th percentile of schools"), ("Wachusett Hills Middle", None), ("Sterling Street School", None)],
     gaps={"r_co": "absent", "a_groups": "absent", "s_ongoing": "negated"})
plan(id="r_d16", family="H", district="Merrimac Bend Public Schools", short="Merrimac Bend", sup="Thomas Leary",
     voice="superintendent", themes=["ml"], bm=[3], heading="guidance",
     schools=[("Oak Street Academy", "a federal targeted support designation"), ("Merrimac Bend High", None), ("Bridge Street Middle", None)],
     sections={"stakeholder_engagement": "empty:prompt"}, syn=3)
plan(id="r_d17", family="I", district="Pequot Lakes Public Schools", short="Pequot Lakes", sup="Dr. Hannah Cole",
     voice="consultant", themes=["writing", "inclusion"], bm=[2, 2], heading="section", pdf=True, footer="master", slidenum=True,
     schools=[("Pequot Lakes Middle", "the lowest 10th percentile of schools"), ("Pequot Lakes High", None), ("Wampanoag Trail School", None)],
     gaps={"m_owner": "absent", "m_freq": "absent", "res_int": "absent"})
plan(id="r_d18", family="I", district="Ashuwillticook Regional Schools", short="Ashuwillticook", sup="Daniel Moreau",
     voice="principals", themes=["math", "lit"], bm=[3, 3], heading="guidance", footer="master", slidenum=True, closing=True,
     schools=[("Cheshire Road Elementary", "underperforming status under M.G.L. c. 69 \u00a71J"), ("Adams Street Elementary", None), ("Ashuwillticook Middle", None)],
     gaps={"p_practice": "notes", "a_systems": "absent"}, syn=1)

# ---------------------------------------------------------------- holdout
plan(id="r_h01", family="A", district="Sudbury Meadow Public Schools", short="Sudbury Meadow", sup="Dr. Elise Warren",
     voice="curriculum", themes=["math"], bm=[4], heading="own", pdf=True, agenda=True, cont="",
     schools=[("Meadowbrook Middle", "a federal targeted support designation"), ("Sudbury Meadow High", None), ("Concord Road School", None)], syn=2)
plan(id="r_h02", family="A", district="Fall Creek Public Schools", short="Fall Creek", sup="Rafael Santos",
     voice="superintendent", themes=["lit", "math"], bm=[3, 2], heading="guidance", closing=True, bm_style="table",
     schools=[("Tiverton Street Elementary", "the lowest 10th percentile of schools"), ("Fall Creek Middle", None), ("Durfee Hill School", None)],
     gaps={"s_students": "negated", "o_acct": "absent", "d_schools": "absent"})
plan(id="r_h03", family="B", district="Mystic Crossing Public Schools", short="Mystic Crossing", sup="Dr. Grace Kim",
     voice="dilt", themes=["lit", "math", "belonging"], bm=[2, 2, 1], heading="guidance", aspect="4:3", agenda=True,
     schools=[("Wellington Elementary", "a federal comprehensive support designation"), ("Mystic Crossing Middle", None), ("Malden Road School", None)], syn=1)
plan(id="r_h04", family="B", district="Ware River Public Schools", short="Ware River", sup="Stephen Kowalski",
     voice="data_team", themes=["writing", "ml"], bm=[2, 3], heading="short", aspect="4:3", pdf=True,
     schools=[("Ware River Middle", "the lowest 10th percentile of schools"), ("Ware River High", None), ("Church Hill Elementary", None)], bm_style="table")
plan(id="r_h05", family="C", district="Assabet Mills Public Schools", short="Assabet Mills", sup="Dr. Monica Feld",
     voice="principals", themes=["math", "dilt"], bm=[2, 2], heading="section", agenda=True,
     schools=[("Assabet Mills Elementary", "underperforming status under M.G.L. c. 69 \u00a71J"), ("Hudson Road Middle", None), ("Assabet Mills High", None)],
     gaps={"s_leaders": "hypothetical"}, sections={"outcomes": "missing"}, syn=3)
plan(id="r_h06", family="C", district="Nemasket Public Schools", short="Nemasket", sup="Joseph Amaral",
     voice="consultant", themes=["lit", "inclusion"], bm=[3, 2], heading="guidance", pdf=True,
     schools=[("Nemasket Elementary", "the lowest 10th percentile of schools"), ("Middleborough Road School", "a federal targeted support designation"), ("Nemasket Middle", None)],
     gaps={"a_instruction": "negated", "r_sl": "absent", "m_school": "absent"})
plan(id="r_h07", family="D", district="Connecticut River Valley Schools", short="Connecticut River Valley", sup="Dr. Naomi Fisher",
     voice="superintendent", themes=["ml", "writing"], bm=[2, 2], heading="guidance", cont=" (continued)", closing=True,
     schools=[("Riverbend Middle", "a federal targeted support designation"), ("Valley High", None), ("Holyoke Road Elementary", None)], syn=1)
plan(id="r_h08", family="D", district="Monomoy Point Public Schools", short="Monomoy Point", sup="Carl Jensen",
     voice="school_committee", themes=["attend", "dilt"], bm=[3, 2], heading="short", pdf=True, cont=None,
     schools=[("Monomoy Point Middle", "the lowest 10th percentile of schools"), ("Harwich Road Elementary", None), ("Monomoy Point High", None)],
     gaps={"p_experience": "absent", "s_educators": "negated"})
plan(id="r_h09", family="E", district="Norwottuck Public Schools", short="Norwottuck", sup="Dr. Irene Baptiste",
     voice="data_team", themes=["math", "lit"], bm=[6, 6], heading="section", agenda=True,
     schools=[("Norwottuck Elementary", "a federal comprehensive support designation"), ("Hadley Road Middle", None), ("Norwottuck High", None)],
     gaps={"m_work": "absent"}, syn=2)
plan(id="r_h10", family="E", district="Squannacook Public Schools", short="Squannacook", sup="William Tran",
     voice="teacher_committee", themes=["inclusion", "math"], bm=[0, 0], heading="guidance", footer="master", slidenum=True,
     schools=[("Squannacook Elementary", "underperforming status under M.G.L. c. 69 \u00a71J"), ("Townsend Road Middle", None), ("Squannacook High", None)],
     gaps={"res_budget": "absent"}, sections={"monitoring": "empty:tbd"})
plan(id="r_h11", family="F", district="Shawsheen Valley Public Schools", short="Shawsheen Valley", sup="Dr. Roberta Lane",
     voice="curriculum", themes=["lit"], bm=[4], heading="guidance", pdf=True, closing=True,
     schools=[("Shawsheen Elementary", "the lowest 10th percentile of schools"), ("Andover Street School", None), ("Shawsheen Valley Middle", None)], syn=3)
plan(id="r_h12", family="F", district="Neponset Harbor Public Schools", short="Neponset Harbor", sup="Patrick Doyle",
     voice="principals", themes=["writing", "math"], bm=[2, 3], heading="own", agenda=True, footer="slide", slidenum=True,
     schools=[("Neponset Harbor Middle", "a federal targeted support designation"), ("Dorchester Avenue School", None), ("Neponset Harbor High", None)],
     gaps={"s_community": "negated", "o_groups": "absent", "r_t": "deferred"})
plan(id="r_h13", family="G", district="Pocumtuck Regional Schools", short="Pocumtuck", sup="Dr. Alan Greer",
     voice="dilt", themes=["ml", "inclusion", "dilt"], bm=[2, 2, 2], heading="guidance",
     schools=[("Pocumtuck Middle", "the lowest 10th percentile of schools"), ("Deerfield Road Elementary", None), ("Pocumtuck High", None)], syn=1)
plan(id="r_h14", family="G", district="Wequaquet Public Schools", short="Wequaquet", sup="Sandra Nolan",
     voice="consultant", themes=["lit", "belonging"], bm=[3, 2], heading="short", pdf=True, closing=True,
     schools=[("Wequaquet Elementary", "a federal comprehensive support designation"), ("Centerville Road School", "the lowest 10th percentile of schools"), ("Wequaquet Middle", None)],
     gaps={"a_systems": "absent", "s_identified": "negated", "m_freq": "tbd", "res_ext": "absent"}, bm_style="table")
plan(id="r_h15", family="H", district="Manhan River Public Schools", short="Manhan River", sup="Dr. Kofi Mensah",
     voice="curriculum", themes=["math", "writing"], bm=[3, 3], heading="guidance", pdf=True, closing=True,
     schools=[("Manhan River Middle", "underperforming status under M.G.L. c. 69 \u00a71J"), ("Easthampton Road School", None), ("Manhan River High", None)], syn=2)
plan(id="r_h16", family="H", district="Swift River Public Schools", short="Swift River", sup="Laura Bennett",
     voice="principals", themes=["lit"], bm=[3], heading="own", agenda=True,
     schools=[("Swift River Elementary", "the lowest 10th percentile of schools"), ("Belchertown Road School", None), ("Swift River Middle", None)],
     gaps={"p_equity": "notes", "a_outcomes": "absent", "a_groups": "absent", "a_work": "negated", "m_owner": "absent"})
plan(id="r_h17", family="I", district="Quinebaug Public Schools", short="Quinebaug", sup="Dr. Victor Lima",
     voice="school_committee", themes=["ml", "lit"], bm=[2, 2], heading="section", footer="master", slidenum=True,
     schools=[("Quinebaug Elementary", "a federal targeted support designation"), ("Quinebaug Middle", None), ("Southbridge Road School", None)],
     sections={"differentiation": "empty:blank"}, syn=1)
plan(id="r_h18", family="I", district="Sippican Public Schools", short="Sippican", sup="Ellen Murphy",
     voice="superintendent", themes=["math", "inclusion"], bm=[2, 3], heading="own_num", pdf=True, footer="master", slidenum=True,
     schools=[("Sippican Elementary", "the lowest 10th percentile of schools"), ("Marion Road Middle", "a federal targeted support designation"), ("Sippican High", None)],
     gaps={"s_families": "hypothetical", "s_ongoing": "absent", "d_schools": "absent"}, syn=3)

PLANS = P
