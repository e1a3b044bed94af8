"""Section text for each plan. build(plan) -> (ctx, {section_id: blocks | None | ("EMPTY", text)}, meta)
Blocks: ("p", text) ("ul", [..]) ("ol", [..]) ("table", header, rows) ("sub", label) ("lead", text)."""
import random, re
from topics import TOPICS, EXTRA_BMS

SECTIONS = ["priorities", "analysis", "stakeholder_engagement", "outcomes",
            "role_clarity", "monitoring", "resources", "differentiation"]

SCHOOL_POOL = ["Lincoln Elementary", "Riverside Middle School", "Kennedy Elementary", "Harbor View K-8",
               "Washington Street Elementary", "Hillcrest Middle School", "Oak Grove Elementary", "Central Middle School",
               "Maplewood Elementary", "Forest Park Middle School", "Greenwood Elementary", "Bayside Elementary",
               "Morton Middle School", "Sullivan Elementary", "Pine Hill School", "Union Street Elementary",
               "Memorial Middle School", "Highland Elementary", "Brookside Elementary", "Cabral Elementary",
               "Clemente K-8", "Silver Lake Middle School", "Ferreira Elementary", "Walnut Square Elementary",
               "Mill River Elementary", "Academy Street School", "Whittier Elementary", "Tobin K-8"]
REASONS = ["lowest 10th percentile", "federal designation: targeted support (ELs, SWD)",
           "underperforming under M.G.L. c.69 §1J", "lowest 10th percentile; federal comprehensive support"]
PARTNERS = ["the Boys & Girls Club", "the public library", "the YMCA", "the Latino Family Coalition",
            "the Cape Verdean Community Center", "the community health center", "the local community college",
            "the Parent Advisory Council for special education (SEPAC)", "United Way", "the Brazilian Worker Center"]
SUPERS = ["Dr. Maria Alves", "Dr. James O'Connell", "Angela Ruiz", "Dr. Kevin Tran", "Patricia Duarte",
          "Michael Sweeney", "Dr. Lorraine Baptiste", "Robert Fontaine", "Dr. Sonia Pereira", "Thomas Leclerc"]
CUR_LIT = ["EL Education", "Wit & Wisdom", "CKLA", "Into Reading"]
CUR_MATH = ["Illustrative Mathematics", "Eureka Math Squared", "Zearn + IM K-5 Math"]
GROUPS = ["students", "families", "educators", "school_leaders", "community"]


def make_ctx(plan):
    rng = random.Random(plan["seed"])
    schools = rng.sample(SCHOOL_POOL, 7)
    ids = schools[:2] if plan.get("n_ids", 2) == 2 else schools[:1]
    c = dict(district=plan["district"], sup=rng.choice(SUPERS), schools=schools,
             id1=schools[0], id2=schools[1], os1=schools[2], os2=schools[3], rest=", ".join(schools[4:]),
             id1_reason=rng.choice(REASONS[:3]), id2_reason=rng.choice(REASONS[1:]),
             ids=ids, partner1=None, partner2=None,
             cur_lit=rng.choice(CUR_LIT), cur_math=rng.choice(CUR_MATH))
    p1, p2 = rng.sample(PARTNERS, 2)
    c["partner1"], c["partner2"] = p1, p2
    ela = rng.randint(28, 41); el = rng.randint(6, 14); swd = rng.randint(7, 13)
    m = rng.randint(24, 36); mel = rng.randint(5, 12); mswd = rng.randint(5, 11)
    c.update(ela_all=ela, ela_el=el, ela_swd=swd, gap_el=ela - el + rng.randint(2, 6), gap_hisp=rng.randint(14, 24),
             math_all=m, math_el=mel, math_swd=mswd, gap_el_m=m - mel + rng.randint(2, 5),
             ela_all_t=ela + rng.randint(3, 6), ela_el_t=el + rng.randint(3, 6), ela_swd_t=swd + rng.randint(3, 5),
             math_all_t=m + rng.randint(3, 6), math_el_t=mel + rng.randint(3, 5), math_swd_t=mswd + rng.randint(3, 5),
             access_prog=rng.randint(31, 44), walk=rng.randint(18, 40), walk_m=rng.randint(15, 35),
             chronic=rng.randint(24, 38), n_obs=rng.randint(90, 240), ilt_n=rng.choice(["two", "three", "four"]),
             vocal=rng.randint(38, 55), fam_pct=rng.randint(35, 60), n_fg=rng.choice([45, 60, 72, 80, 110]),
             n_fam=rng.randint(180, 900), n_staff=rng.randint(120, 420), n_vac=rng.choice(["two", "three"]),
             bm1=rng.choice([60, 70, 75, 80]), bm2=rng.choice([5, 8, 10]), bm3=rng.choice([60, 65, 70, 75]),
             church=rng.choice(["St. Anthony's", "Igreja Batista", "Our Lady of Guadalupe"]))
    c["cur_main"] = c["cur_math"] if plan["topics"][0] == "math" else c["cur_lit"]
    c["access_t"] = c["access_prog"] + rng.randint(5, 9)
    c["chronic_t"] = c["chronic"] - rng.randint(4, 7)
    c["chronic_mid"] = c["chronic"] - 2
    c["chronic_drop"] = rng.choice([3, 4, 5])
    return c


def F(s, c):
    return s.format(**c)


class Gaps:
    def __init__(self, plan):
        self.g = plan.get("gaps", [])

    def has(self, code, item=None):
        for g in self.g:
            if g["code"].endswith(code) and (item is None or item in g.get("items", [])):
                return g
        return None

    def how(self, code, item=None):
        g = self.has(code, item)
        return g.get("how", "absent") if g else None


# ---------------------------------------------------------------- voice flavour
OPENERS = {
    "super": {
        "priorities": "As superintendent, I want to be clear about where we are putting our energy next year.",
        "analysis": "We did not arrive at this priority casually; it came out of a long look at our own data.",
        "stakeholder_engagement": "This plan is better because of the people who shaped it.",
        "differentiation": "Not every school needs the same thing from us, and our support reflects that.",
    },
    "grant": {
        "priorities": "Grounded in our theory of action and aligned to our three-year SOA plan, the district has identified a high-leverage focus for SY23-24.",
        "analysis": "A comprehensive, multi-source needs assessment informed this evidence-based priority.",
        "outcomes": "Our logic model links priority implementation to measurable short- and long-term outcomes.",
        "resources": "The district will braid and blend funding streams to maximize impact and sustainability.",
        "monitoring": "A continuous-improvement framework with clearly defined leading indicators will drive fidelity of implementation.",
    },
    "plain": {
        "priorities": "We're a small district, so we kept this simple.",
        "role_clarity": "Everybody needs to know what their job is in this, so here it is plainly.",
        "differentiation": "Here's how we'll split up our help.",
    },
    "bi": {
        "stakeholder_engagement": "Our community speaks many languages, and we tried to listen in all of them.",
    },
}

ACRO = [("English learners", "ELs"), ("English Learners", "ELs"), ("students with disabilities", "SWD"),
        ("Instructional Leadership Teams", "ILTs"), ("Instructional Leadership Team", "ILT"),
        ("District Leadership Team", "DLT"), ("multilingual learners", "MLs"),
        ("the beginning, middle and end of the year", "BOY/MOY/EOY"), ("common planning time", "CPT"),
        ("Assistant Superintendent for Teaching & Learning", "Asst. Supt. T&L"), ("professional development", "PD")]


def acro(s):
    for a, b in ACRO:
        s = s.replace(a, b)
    return s


# ---------------------------------------------------------------- section builders
def sec_priorities(plan, c, G, topics, reg):
    out = []
    n = len(topics)
    bare = any(G.has("prompt-unanswered", i) for i in ["educator_practice", "student_experience", "equity_gaps"])
    words = {1: "one", 2: "two", 3: "three"}[n]
    if reg == "T":
        rows = []
        for i, t in enumerate(topics, 1):
            rows.append((f"Priority {i}", F(t["stmt_T"], c)))
            if not G.has("prompt-unanswered", "educator_practice"):
                rows.append(("Educator practice shifts", F(t["practice_T"], c)))
            if not G.has("prompt-unanswered", "student_experience"):
                rows.append(("What students will experience", F(t["student_T"], c)))
            if not G.has("prompt-unanswered", "equity_gaps"):
                rows.append(("Equity/opportunity gaps", F(t["gap_T"], c)))
        out.append(("p", f"{words.capitalize()} priorit{'y' if n == 1 else 'ies'} for SY23-24:"))
        out.append(("table", ["", "Response"], rows))
    else:
        if n == 1:
            out.append(("p", f"For SY23-24 {c['district']} has one instructional priority."))
        else:
            out.append(("p", f"{c['district']} will focus on {words} instructional priorities in SY23-24."))
        for i, t in enumerate(topics, 1):
            st = F(t["stmt_bare"] if bare else t["stmt"], c)
            out.append(("lead", f"Priority {i}: {t['name']}" if n > 1 else f"Our priority: {t['name']}"))
            out.append(("p", st))
            if not G.has("prompt-unanswered", "educator_practice"):
                pre = {"P": "What changes for teachers: ", "F": "Changes in educator practice. "}[reg]
                out.append(("p", pre + F(t["practice"], c)))
            if not G.has("prompt-unanswered", "student_experience"):
                pre = {"P": "What kids will notice: ", "F": "What students will experience. "}[reg]
                out.append(("p", pre + F(t["student"], c)))
            if not G.has("prompt-unanswered", "equity_gaps"):
                pre = {"P": "Gaps we're going after: ", "F": "Equity and opportunity gaps. "}[reg]
                out.append(("p", pre + F(t["gap"], c)))
        if G.has("prompt-unanswered", "equity_gaps"):
            out.append(("p", "We will look at which student groups this priority serves once the fall data are in."))
    if G.has("no-clsp-focus"):
        out.append(("p", "We talked about making culturally and linguistically sustaining practices a priority of its own, "
                         "but decided we are not ready; it is not one of our priorities for SY23-24."))
    elif any(t["clsp"] for t in topics) and reg != "T":
        out.append(("p", "This work is aligned with DESE's Educational Vision for Culturally and Linguistically Sustaining "
                         "Practices and with the equity gaps named in our Student Opportunity Act plan."))
    return out


def analysis_parts(plan, c, G, topics, reg, generic=True):
    """list of (key, text)"""
    parts = []
    missing = set()
    g = G.has("data-area-missing")
    if g:
        missing = set(g["items"])
    nogroups = bool(G.has("no-student-groups"))
    if generic:
        parts.append(("why", F("We identified (and this year recommitted to) this priority after a spring data review with the "
                               "District Leadership Team, principals and teacher leaders.", c)))
    if "student_outcomes" not in missing:
        parts.append(("out", " ".join(F(t["out_data"], c).strip() for t in topics)))
    if not nogroups:
        parts.append(("groups", " ".join(F(t["out_groups"], c) for t in topics)))
    elif generic:
        parts.append(("groups_neg", "We have not yet broken these results out by student group; that analysis is planned for the fall."))
    if "instruction" not in missing:
        parts.append(("instr", " ".join(F(t["instr_data"], c) for t in topics)))
    if generic and "stakeholder_perspectives" not in missing:
        parts.append(("persp", F("Stakeholder perspective data point the same way: on VOCAL, only {vocal}% of students in grades 5-10 "
                                 "agreed that they get to discuss ideas with classmates, and in our spring survey {fam_pct}% of "
                                 "families said they know what their child is learning in class.", c)))
    elif generic and G.how("data-area-missing") == "hypothetical":
        parts.append(("persp_hyp", "We may survey students and families next year to understand how they experience this work."))
    if generic and "systems_structures" not in missing and nogroups:
        parts.append(("sys", F("On systems and structures, our schedule audit found that elementary teams get only one common planning "
                               "period every other week and coaching positions sat vacant at {n_vac} schools for half the year.", c)))
    elif generic and "systems_structures" not in missing:
        parts.append(("sys", F("On systems and structures, our schedule audit found that elementary teams get only one common planning "
                               "period every other week, coaching positions sat vacant at {n_vac} schools for half the year, and the ESL "
                               "schedule pulls ELs out of core literacy.", c)))
    if generic:
        if "systems_structures" in missing or "instruction" in missing:
            parts.append(("root", "We believe the root cause is expectations: for years we have told ourselves that some "
                                  "students were not ready for grade-level work."))
        elif nogroups:
            parts.append(("root", "Underlying systemic factors: no protected time for teams to internalize units, mixed messages from "
                                  "the central office about using the curriculum as written, and a long habit of tracking students."))
        else:
            parts.append(("root", "Underlying systemic factors: no protected time for teams to internalize units, mixed messages from "
                                  "the central office about using the curriculum as written, and a long habit of tracking students by "
                                  "reading level, which lowered expectations for ELs and students with disabilities."))
    if not G.has("analysis::no-student-work"):
        parts.append(("work", " ".join(F(t["work_agg"] if nogroups else t["work"], c) for t in topics)))
    elif generic and G.how("analysis::no-student-work") == "negative":
        parts.append(("work_neg", "We did not get to a structured look at student work this year."))
    if generic and not nogroups and not ({"instruction", "systems_structures"} & missing):
        parts.append(("pause", F("Using the Data Equity Pause Protocol, the team stopped to ask who experiences instruction differently. "
                                 "We noticed that ELs at {id1} spend more of the day in pull-out than in grade-level classrooms, and that "
                                 "students with IEPs get less time with grade-level text than their peers.", c)))
    return parts


def stake_parts(plan, c, G, reg, bi=False):
    parts = []
    present = [x for x in GROUPS if not G.has("group-missing", x)]
    hp = plan.get("hardcases", [])
    T = {
        "students": {
            "F": ("Students. " + ("We did not survey students last year, so this spring we ran focus groups with {n_fg} students in grades 5-12. "
                                  if "neg_students" in hp else "We held focus groups with {n_fg} students in grades 5-12 and reviewed VOCAL results. ")
                  + "Students told us they want more discussion and more texts that reflect their lives, which is why the plan emphasizes daily partner talk and culturally relevant texts."),
            "P": (("We never surveyed students last year, so this spring we sat down with about {n_fg} kids in small groups instead. "
                   if "neg_students" in hp else "We sat down with about {n_fg} kids in small groups. ") + "They were honest: they tune out when the teacher does all the talking, "
                  "and they want books about people like them. That's in the plan now."),
            "T": "Students: {n_fg} in focus groups gr 5-12 + VOCAL -> want more talk, relevant texts -> daily partner talk added",
            "B": ("Estudiantes / students: we ran focus groups with {n_fg} young people, two of them in Spanish. They asked for more chances to talk "
                  "in class and for books 'that look like us', so daily partner talk and new classroom libraries are in the plan."),
        },
        "families": {
            "F": ("Families. We " + ("not only surveyed families in English, Spanish and Portuguese ({n_fam} responses) but also held two evening forums with interpreters. "
                                     if "notonly" in hp else "heard from families through a survey in English, Spanish and Portuguese ({n_fam} responses) and two evening forums. ")
                  + "Caregivers asked for clearer information about what their children are learning and how to help at home, which led to the unit letters and family learning nights in the plan."),
            "P": ("Parents and grandparents came out to two supper nights at the school. Their big ask: tell us what the kids are learning "
                  "and how we can help. So every unit now goes home with a one-page letter."),
            "T": "Families: survey EN/ES/PT ({n_fam} resp.) + 2 forums -> want unit info, home help -> unit letters, family nights",
            "B": ("Familias: we hosted three cafecitos in Spanish and a Noite das Famílias in Portuguese, plus an online survey ({n_fam} responses). "
                  "Padres, madres y abuelos asked for clear information on what their children learn; every unit now goes home as a carta a la familia."),
        },
        "educators": {
            "F": ("Educators. Teachers weighed in through a staff survey ({n_staff} responses) and grade-level team meetings; they asked for time to "
                  "plan together and for coaching tied to the curriculum, so common planning time and coaching cycles are built into the plan."),
            "P": "Our teachers told us straight out they need time to plan together, not another initiative. We listened: the schedule change is in here because of them.",
            "T": "Teachers: staff survey ({n_staff}), team mtgs -> need common planning + coaching -> CPT, coaching cycles",
            "B": ("Teachers and professores: our staff survey ({n_staff} responses) and team meetings asked for time to plan together and for "
                  "coaching; both are in the plan."),
        },
        "school_leaders": {
            "F": "School leaders. Principals and assistant principals co-drafted the priority at three leadership retreats and helped decide which benchmarks are realistic to collect.",
            "P": "Principals were at the table from day one; we wrote the first draft together at the May administrators' meeting.",
            "T": "Principals/APs: co-drafted at 3 admin retreats; picked the benchmarks",
            "B": "Principals (diretores) co-wrote the first draft at our May leadership retreat and chose the benchmarks.",
        },
        "community": {
            "F": ("Community. We met with {partner1} and {partner2} in April; they offered after-school support that uses the same routines "
                  "and help reaching families, and both appear in the resources section."),
            "P": "We also talked with folks from {partner1} and {partner2}. They run the programs a lot of our kids go to after school, and they've agreed to use the same reading routines.",
            "T": "Community: {partner1}, {partner2} (Apr mtg) -> aligned after-school, family outreach",
            "B": ("Comunidad: {partner1} and the parish at {church} helped us reach families who rarely come to school events, and they "
                  "suggested holding meetings on Saturdays, which we did."),
        },
    }
    key = "B" if bi else reg
    for gname in GROUPS:
        if gname in present:
            parts.append((gname, F(T[gname][key if key in T[gname] else "F"], c)))
        else:
            how = G.how("group-missing", gname)
            if how == "negative":
                parts.append((gname + "_neg", {"families": "We have not yet gathered family input on this priority; that is on our list for next year.",
                                               "students": "We did not get to student focus groups this spring.",
                                               "community": "We did not reach out to community organizations during this planning cycle.",
                                               "educators": "Teachers were not formally consulted on this draft.",
                                               "school_leaders": "Principals have not yet reviewed the plan."}[gname]))
            elif how == "hypothetical":
                parts.append((gname + "_hyp", {"families": "We may survey families in the fall if time allows.",
                                               "students": "We may hold student focus groups next year to hear how this is going for them.",
                                               "community": "We might invite community partners to a meeting at some point.",
                                               "educators": "We may ask teachers for feedback later.",
                                               "school_leaders": "Principals might review it in August."}[gname]))
    if not G.has("no-identified-school-input"):
        bits = []
        if "educators" in present:
            bits.append("teachers said they had never had time to learn the curriculum before teaching it")
        if "families" in present:
            bits.append("families asked for homework help in Spanish and Portuguese")
        if "students" in present:
            bits.append("students said their classes felt easier than at other schools")
        if "school_leaders" in present:
            bits.append("the principal asked for a coach who is there every week")
        s = {"F": "Input from schools identified as requiring assistance. At {id1} ({id1_reason}) we held a separate listening session: ",
             "P": "At {id1}, which is on the state's list of schools requiring assistance, we held our own session: ",
             "T": "{id1} (identified: {id1_reason}): ", }["P" if key == "B" else key]
        parts.append(("identified", F(s, c) + "; ".join(bits) + ". Those comments are the main reason the plan starts there."))
    if not G.has("no-ongoing-engagement"):
        bits = []
        if "students" in present:
            bits.append("a student advisory group will review progress with us each quarter")
        if "families" in present:
            bits.append("family members on each School Site Council will see benchmark data at every meeting")
        if "educators" in present:
            bits.append("teacher leaders on each ILT will review benchmark data monthly")
        if "school_leaders" in present:
            bits.append("principals will review progress at the biweekly DLT meeting")
        if "community" in present:
            bits.append("partners will join a mid-year review in January")
        lead = {"T": "Ongoing: ", "P": "This doesn't stop in June: ", "F": "Going forward, stakeholders stay engaged in implementation and monitoring: ", "B": "Going forward: "}[key]
        parts.append(("ongoing", lead + "; ".join(bits) + "."))
    return parts


def outcome_parts(plan, c, G, topics, reg):
    parts = []
    if G.has("no-accountability-targets"):
        parts.append(("acct_neg", "DESE has not yet released the 2023-24 accountability targets; we will add them to this plan once they are "
                                  "available."))
    else:
        parts.append(("acct_agg", "Accountability targets (aggregate): " + "; ".join(F(t["acct_agg"], c) for t in topics) + "."))
        if not G.has("no-student-group-targets"):
            parts.append(("acct_groups", "Accountability targets for student groups: " + "; ".join(F(t["acct_groups"], c) for t in topics) + "."))
    other = "; ".join(F(t["other"], c) for t in topics)
    extra = ""
    if G.has("no-student-group-targets"):
        extra = F(" We will also keep watching the EL gap, which was {gap_el} points last year, and last year's {ela_swd}% rate for students with disabilities.", c)
    if G.has("no-accountability-targets"):
        extra = F(" For reference, {ela_all}% of students met expectations in ELA last spring and {access_prog}% of ELs made progress on ACCESS.", c)
    parts.append(("other", "Other data points we will track for signs of progress: " + other + "; VOCAL and family survey items tied to this priority." + extra))
    return parts


ROLE_TXT = {
    "central_office": {
        "F": ("The central office (the Assistant Superintendent for Teaching & Learning, content directors, and the EL and special education "
              "directors) will run monthly principal learning sessions on the priority, protect common planning time in every schedule, "
              "join principals on learning walks, and turn walkthrough data around within a week."),
        "P": "Central office: we'll be in the buildings every week, keep team planning time protected, and get walkthrough data back to principals fast.",
        "T": "monthly principal PD on priority; protect CPT; joint learning walks; data back in 1 wk",
    },
    "school_leaders": {
        "F": ("Principals and assistant principals will observe classrooms every two weeks and give short, specific feedback, lead ILT meetings "
              "focused on the priority, and keep team planning time for planning."),
        "P": "Principals: get into classrooms every other week, give quick feedback, and run the ILT around this one thing.",
        "T": "observe q2wks + feedback; ILT on priority; guard team time",
    },
    "teachers": {
        "F": ("Teachers will internalize each unit with their team, teach the grade-level lessons with the supports built in, use routines for "
              "student talk every day, and bring student work to team meetings to plan next steps."),
        "P": "Teachers: plan units together, teach the grade-level lessons with the supports, and bring kids' work to team meetings.",
        "T": "internalize units w/ team; teach grade-level lessons w/ supports; daily talk routines; bring student work to CPT",
    },
}
ROLE_LABEL = {"central_office": "Central office", "school_leaders": "School leaders (principals/APs)", "teachers": "Teachers"}


def sec_roles(plan, c, G, reg, as_table):
    out = []
    strat = {"F": ("Our strategy for role clarity: at the August leadership retreat we will use the Vertical Alignment Strategy Protocol to "
                   "write a one-page 'who does what' for each level, review it at opening-day meetings, and revisit it at mid-year."),
             "P": "We'll hand everyone a one-page 'who does what' in August and go over it at the first staff meeting, then check back in January.",
             "T": "Strategy: Vertical Alignment protocol (Aug retreat) -> 1-page who-does-what; reviewed opening day + MOY"}[reg]
    out.append(("p", strat))
    levels = [l for l in ["central_office", "school_leaders", "teachers"] if not G.has("roles::level-missing", l)]
    if as_table:
        rows = [(ROLE_LABEL[l], ROLE_TXT[l][reg]) for l in levels]
        out.append(("table", ["Who", "What they will do consistently"], rows))
    elif reg == "F" and plan["voice"] in ("cd", "acro"):
        out.append(("ul", [ROLE_LABEL[l] + ": " + ROLE_TXT[l]["F"] for l in levels]))
    else:
        for l in levels:
            out.append(("p", ROLE_TXT[l][reg]))
    return out


def benchmarks(plan, c, G, topics):
    bms = []
    for t in topics:
        tb = [(lv, F(s, c)) for lv, s in t["bms"]]
        if plan.get("n_bm_per") and plan["n_bm_per"] < len(tb):
            keep = plan["n_bm_per"]
            d = [x for x in tb if x[0] == "district"]; s = [x for x in tb if x[0] == "school"]
            tb = (d[: (keep + 1) // 2] + s[: keep // 2])
        if G.has("too-many-benchmarks") and t is topics[0]:
            tb = tb + list(EXTRA_BMS)
        if G.has("monitoring::level-missing", "school"):
            tb = [x for x in tb if x[0] == "district"]
        if G.has("monitoring::level-missing", "district"):
            tb = [x for x in tb if x[0] == "school"]
        bms.append((t, tb))
    return bms


OWNER = {"district": "Asst. Supt. for Teaching & Learning with the DLT", "school": "Principal and school ILT"}
FREQ = {"district": "every other week; full review BOY/MOY/EOY", "school": "monthly"}
ORD = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth"]


def sec_monitoring(plan, c, G, topics, reg, style, sub):
    """returns list of blocks, count"""
    bms = benchmarks(plan, c, G, topics)
    noown, nofreq = bool(G.has("no-owner")), bool(G.has("no-frequency"))
    total = sum(len(b) for _, b in bms)
    out = []
    if G.has("too-many-benchmarks"):
        out.append(("p", "We want to track everything that matters for this priority, so the list below is comprehensive."))
    else:
        out.append(("p", "We kept the list of interim benchmarks short on purpose; less is more."))

    def one(t, tb, label=None):
        o = []
        if label:
            o.append(("sub", label))
        if style == "table":
            hdr = ["Interim benchmark", "Level"] + ([] if noown else ["Who monitors"]) + ([] if nofreq else ["How often"])
            rows = []
            for lv, s in tb:
                r = [s[0].upper() + s[1:], lv.capitalize()]
                if not noown: r.append(OWNER[lv])
                if not nofreq: r.append(FREQ[lv])
                rows.append(r)
            o.append(("table", hdr, rows))
        elif style == "prose":
            sents = []
            for i, (lv, s) in enumerate(tb):
                sents.append(f"{ORD[i]}, at the {lv} level, {s}.")
            o.append(("p", f"For the {t['short']} priority we will watch {len(tb)} interim benchmarks. " + " ".join(sents)))
        else:
            d = [s for lv, s in tb if lv == "district"]; sc = [s for lv, s in tb if lv == "school"]
            if d:
                o.append(("lead", "District-level benchmarks" + (f" ({t['short']})" if len(topics) > 1 and not label else "")))
                o.append(("ol" if style == "ol" else "ul", [x[0].upper() + x[1:] for x in d]))
            if sc:
                o.append(("lead", "School-level benchmarks" + (f" ({t['short']})" if len(topics) > 1 and not label else "")))
                o.append(("ol" if style == "ol" else "ul", [x[0].upper() + x[1:] for x in sc]))
        return o

    for i, (t, tb) in enumerate(bms, 1):
        out += one(t, tb, f"Priority {i}: {t['short']}" if sub and len(topics) > 1 else None)
    if G.has("monitoring::level-missing", "school"):
        out.append(("p", "Schools will draft their own benchmarks in their improvement plans in August."))
    tail = []
    if not noown:
        tail.append({"F": "The Assistant Superintendent for Teaching & Learning owns the district-level benchmarks and reviews them with the District "
                          "Leadership Team; each principal and school ILT owns the school-level benchmarks.",
                     "P": "Our assistant superintendent keeps track of the district numbers, and each principal keeps track of their own school's.",
                     "T": "Owners: Asst. Supt. T&L + DLT (district); principal + ILT (school)"}[reg])
    if not nofreq:
        tail.append({"F": "The DLT checks in on district benchmarks every other week, with a fuller review at the beginning, middle and end of the year; "
                          "school ILTs review theirs monthly.",
                     "P": "We look at the district numbers every other week and the schools look at theirs once a month.",
                     "T": "Cadence: DLT biweekly + BOY/MOY/EOY; ILTs monthly"}[reg])
    if G.has("monitoring::level-missing", "school") and not noown and not nofreq:
        tail = ["The Assistant Superintendent for Teaching & Learning owns these benchmarks and reviews them with the District Leadership Team "
                "every other week, with a fuller review at the beginning, middle and end of the year."]
    if noown and not nofreq:
        tail[-1] = {"F": "District benchmarks will be reviewed every other week, with a fuller review at the beginning, middle and end of the year; "
                         "school benchmarks will be reviewed monthly.",
                    "P": "The district numbers get looked at every other week and the school numbers once a month.",
                    "T": "Cadence: district biweekly + BOY/MOY/EOY; school monthly"}[reg]
    if nofreq and not noown:
        pass
    if not G.has("monitoring::no-student-work"):
        tail.append({"F": "Student work: teachers bring work samples from each unit to team meetings (classroom level); ILTs analyze a sample across "
                          "grades each month (school level); and the district team reviews a cross-school sample of student writing at mid-year and "
                          "year-end (district level).",
                     "P": "We'll look at kids' actual work at every level: teachers in their teams, the ILT at each school, and our district team a couple of times a year.",
                     "T": "Student work: teams each unit (classroom); ILT sample (school); district cross-school sample MOY/EOY"}[reg]
                    if not nofreq else
                    {"F": "Student work: teachers bring work samples to team meetings (classroom level); ILTs analyze a sample across grades "
                          "(school level); and the district team reviews a cross-school sample of student writing (district level).",
                     "P": "We'll look at kids' actual work at every level: teachers in their teams, the ILT at each school, and our district team.",
                     "T": "Student work: teams (classroom); ILT sample (school); district cross-school sample"}[reg])
    for s in tail:
        out.append(("p", s))
    return out, total


def resource_parts(plan, c, G, reg):
    parts = []
    if not G.has("kind-missing", "external"):
        parts.append(("external", {"F": "External resources: DESE's Accelerating Literacy and Math networks and our SSoS regional assistance team; curriculum-specific "
                                        "professional learning from the publisher of {cur_main}; and {partner1} for aligned after-school tutoring.",
                                   "P": "From outside: our DESE regional assistance team, training from the curriculum company, and {partner1} for after-school help.",
                                   "T": "External: DESE SSoS RAT; Accelerating Literacy/Math network; {cur_main} publisher PD; {partner1} tutoring"}[reg]))
    elif G.how("kind-missing", "external") == "negative":
        parts.append(("external_neg", "We did not apply for outside partnerships this year."))
    if not G.has("kind-missing", "internal"):
        parts.append(("internal", {"F": "Internal resources: three instructional coaches funded through ESSER III and Title I; stipends for ILT teacher leaders from our "
                                        "Student Opportunity Act allocation; the EL coordinator; and Targeted Assistance Grant (TAG) funds for a summer curriculum institute.",
                                   "P": "From inside: our two coaches (paid with ESSER and Title I), stipends for teacher leaders, and TAG money for a summer training week.",
                                   "T": "Internal: 3 coaches (ESSER III/Title I); ILT stipends (SOA); EL coord; TAG summer institute"}[reg]))
    if not G.has("no-budget-equity"):
        parts.append(("equity", {"F": "Budget equity (ESSA): our review of school-level spending showed that per-pupil spending at {id1} fell below the district "
                                      "average once grants were removed, largely because it has the least experienced staff. This plan places coaching first at {id1} "
                                      "and {id2} and gives those schools first call on extended learning time funds.",
                                 "P": "When we looked at the budget school by school, {id1} was getting less per student than the others once grants came out. So {id1} "
                                      "and {id2} get the coaches first and first dibs on extended-day money.",
                                 "T": "ESSA budget review: {id1} below avg per-pupil (least experienced staff) -> coaches + ELT funds to {id1}, {id2} first"}[reg]))
    elif G.how("no-budget-equity") == "negative":
        parts.append(("equity_neg", "We have not yet completed the school-level budget review."))
    return [(k, F(v, c)) for k, v in parts]


def diff_parts(plan, c, G, reg):
    parts = []
    if G.has("no-schools-listed"):
        parts.append(("tiers", {"F": "Schools identified as requiring assistance will receive the most intensive support: a dedicated coach four days a week, "
                                     "biweekly learning walks with the Assistant Superintendent, and monthly ILT coaching with our SSoS partner. Other schools "
                                     "that need more support will be identified in the fall from beginning-of-year data and will receive coaching two days a week.",
                                "P": "Our schools on the state list get the most: a coach almost every day, more visits from us, and help running their ILT. Any other "
                                     "school that's struggling gets a coach two days a week once we see the fall data.",
                                "T": "Identified schools: coach 4 d/wk, biweekly walks, monthly ILT coaching. Others needing support: named from BOY data; coach 2 d/wk"}[reg]))
        return parts
    ids = c["ids"]
    lines = []
    for s in ids:
        reason = c["id1_reason"] if s == c["id1"] else c["id2_reason"]
        lines.append({"F": f"{s} ({reason}): a dedicated coach four days a week, biweekly learning walks with the Assistant Superintendent, and monthly ILT coaching with our SSoS partner.",
                      "P": f"{s} ({reason}): a coach almost every day, a visit from us every other week, and help running their ILT.",
                      "T": f"{s} ({reason}): coach 4 d/wk; biweekly walks; monthly ILT coaching"}[reg])
    lines.append({"F": f"{c['os1']}, not identified but with a steep drop in spring results: coaching two days a week and a mid-year data review with the district team.",
                  "P": f"{c['os1']} isn't on the list, but their spring scores slipped, so they get a coach two days a week.",
                  "T": f"{c['os1']} (not identified; spring drop): coach 2 d/wk; MOY data review"}[reg])
    lines.append({"F": f"All other schools ({c['os2']}, {c['rest']}) receive the district-wide professional learning and monthly walkthroughs.",
                  "P": f"Everybody else ({c['os2']}, {c['rest']}) gets the regular training and monthly walkthroughs.",
                  "T": f"Universal ({c['os2']}, {c['rest']}): district PD; monthly walkthroughs"}[reg])
    lead = {"F": "We differentiate support by need. The following schools will receive differentiated support:",
            "P": "Here's who gets what:", "T": "Differentiated support:"}[reg]
    parts.append(("lead", lead))
    parts.append(("list", lines))
    return parts


# ---------------------------------------------------------------- assemble
def shape(parts, style):
    if style == "bullets":
        return [("ul", [t for _, t in parts])]
    return [("p", t) for _, t in parts]


def build(plan):
    c = make_ctx(plan)
    G = Gaps(plan)
    topics = [TOPICS[k] for k in plan["topics"]]
    voice = plan["voice"]
    reg = {"super": "F", "grant": "F", "data": "F", "cd": "F", "plain": "P", "bi": "P", "terse": "T", "acro": "T"}[voice]
    style = "bullets" if voice in ("cd", "acro") else "para"
    sub = plan.get("sub", False) and len(topics) > 1
    S = {}
    S["priorities"] = sec_priorities(plan, c, G, topics, reg)
    # analysis
    if sub:
        b = shape(analysis_parts(plan, c, G, topics[:1], reg), style)
        b = [("sub", f"Priority 1: {topics[0]['short']}")] + b
        b += [("sub", f"Priority 2: {topics[1]['short']}")] + shape(analysis_parts(plan, c, G, topics[1:2], reg, generic=False), style)
        S["analysis"] = b
    else:
        S["analysis"] = shape(analysis_parts(plan, c, G, topics, reg), style)
    S["stakeholder_engagement"] = shape(stake_parts(plan, c, G, reg, bi=(voice == "bi")), style)
    if sub:
        b = [("sub", f"Priority 1: {topics[0]['short']}")] + shape(outcome_parts(plan, c, G, topics[:1], reg), style)
        b += [("sub", f"Priority 2: {topics[1]['short']}")] + shape(outcome_parts(plan, c, G, topics[1:2], reg), style)
        S["outcomes"] = b
    else:
        S["outcomes"] = shape(outcome_parts(plan, c, G, topics, reg), style)
    S["role_clarity"] = sec_roles(plan, c, G, reg, plan.get("role_table", False))
    mon, nbm = sec_monitoring(plan, c, G, topics, reg, plan.get("bm_style", "ul"), sub)
    S["monitoring"] = mon
    S["resources"] = shape(resource_parts(plan, c, G, reg), style)
    dp = diff_parts(plan, c, G, reg)
    blocks = []
    for k, v in dp:
        if k == "list":
            blocks.append(("ul", v))
        else:
            blocks.append(("p", v))
    S["differentiation"] = blocks
    if sub:
        for sid in ["stakeholder_engagement", "role_clarity", "resources", "differentiation"]:
            S[sid] = ([("sub", f"Priority 1: {topics[0]['short']}")] + S[sid] +
                      [("sub", f"Priority 2: {topics[1]['short']}"),
                       ("p", f"Same as Priority 1: the {topics[1]['short']} work runs through the same structures and people described above.")])
    # openers
    for sid, txt in OPENERS.get(voice, {}).items():
        if S.get(sid):
            S[sid] = [("p", txt)] + S[sid]
    # moved content (a gap item mentioned only in another section)
    for g in plan.get("gaps", []):
        if g.get("moved_to") and g.get("moved_text"):
            S[g["moved_to"]] = S[g["moved_to"]] + [("p", F(g["moved_text"], c))]
    if voice == "acro":
        S = {k: acro_blocks(v) for k, v in S.items()}
    # structural changes
    for sid, st in plan.get("struct", {}).items():
        if st == "missing":
            S[sid] = None
        elif st.startswith("empty"):
            S[sid] = ("EMPTY", st.split(":", 1)[1] if ":" in st else "")
    meta = dict(benchmarks=None if plan.get("struct", {}).get("monitoring") else nbm, priorities=len(topics))
    return c, S, meta


def acro_blocks(blocks):
    out = []
    for b in blocks:
        if b[0] in ("p", "lead", "sub"):
            out.append((b[0], acro(b[1])))
        elif b[0] in ("ul", "ol"):
            out.append((b[0], [acro(x) for x in b[1]]))
        elif b[0] == "table":
            out.append(("table", [acro(x) for x in b[1]], [[acro(x) for x in r] for r in b[2]]))
        else:
            out.append(b)
    return out
