"""Shared model for corpus T: vocabulary, numbers, schools, gap handling."""
import random
import re

from topics import TOPICS

SECTIONS = ["priorities", "analysis", "stakeholder_engagement", "outcomes",
            "role_clarity", "monitoring", "resources", "differentiation"]


def _v(students, teachers, families, principals, central, els, swd, school="school",
       student=None, teacher=None, family=None, principal=None, schools=None):
    cap = lambda s: s[:1].upper() + s[1:]
    d = dict(students=students, teachers=teachers, families=families, principals=principals,
             central=central, els=els, swd=swd, school=school,
             student=student or students.rstrip("s"), teacher=teacher or teachers.rstrip("s"),
             family=family or "family", principal=principal or principals.rstrip("s"),
             schools=schools or school + "s")
    for k in list(d):
        d[k[0].upper() + k[1:]] = cap(d[k])
    return d


VOCABS = {
    "rural": _v("students", "teachers", "parents", "principals", "district office", "English learners",
                "students on IEPs", family="parent"),
    "urban": _v("students", "educators", "families", "school leaders", "Central Office", "MLs", "SWDs",
                teacher="educator", principal="school leader"),
    "voc": _v("students", "teachers", "parents and guardians", "administrators", "district administration",
              "English learners", "students on IEPs", family="family", principal="administrator"),
    "network": _v("scholars", "teachers", "families", "campus directors", "the network office", "MLs",
                  "scholars with IEPs", school="campus", schools="campuses", principal="campus director",
                  student="scholar"),
    "consult": _v("students", "educators", "families", "principals", "central office", "ELs", "SWD",
                  teacher="educator"),
    "letter": _v("students", "teachers", "parents and caregivers", "principals", "district leadership",
                 "English learners", "students with disabilities", family="family"),
    "data": _v("students", "teachers", "families", "principals", "central office", "EL students",
               "students with disabilities"),
    "synonym": _v("learners", "educators", "caregivers", "building leaders", "the superintendent's cabinet",
                  "multilingual learners", "learners with disabilities", teacher="educator", family="caregiver",
                  principal="building leader", student="learner"),
    "plain": _v("students", "teachers", "families", "principals", "central office", "ELs",
                "students with disabilities"),
    "essay": _v("young people", "teachers", "families", "school leaders", "the central office",
                "English learners", "students with disabilities", student="student", principal="school leader"),
    "deck": _v("students", "teachers", "families", "principals", "central office", "ELs", "SWD"),
}

ELA_CURR = ["EL Education", "CKLA", "Wit & Wisdom", "Into Reading", "Fishtank ELA"]
PHONICS = ["Fundations", "UFLI Foundations", "Heggerty and Fundations", "CKLA Skills"]
SCREENER = ["DIBELS 8", "STAR Early Literacy", "i-Ready Reading diagnostic", "Acadience Reading"]
MATH_CURR = ["Illustrative Mathematics", "Eureka Math Squared", "Zearn and Illustrative Mathematics", "EnVision 2.0"]
MATH_ASSESS = ["i-Ready Math diagnostic", "MAP Growth", "STAR Math", "iReady"]

ES = ["Riverside", "Maple Street", "Harbor View", "Lincoln", "Oak Hill", "Brightwood", "Cedar Park",
      "Summit Avenue", "Pleasant Street", "Greenleaf", "Washington", "Lakeview", "Millbrook", "Fairmount",
      "Union Square", "Highland", "Hillcrest", "Carver Street", "Elm Park", "Bayside"]
MS = ["Kennedy", "Duggan", "Northeast", "Forest Park", "Sullivan", "Westside", "Hanlon", "Roosevelt"]
HS = ["Central", "Regional", "North", "Valley"]
REASONS = ["among the lowest-performing 10 percent of schools statewide",
           "designated underperforming under M.G.L. c.69 §1J",
           "federally designated for targeted support and improvement",
           "federally designated for comprehensive support and improvement"]

# gap variant texts (negated / future); voices write the present text themselves
VARIANTS = {
    "stake.families": {
        "negated": "We have not yet surveyed {families} or held {family} forums about this priority; the spring survey closed before planning began.",
        "future": "We plan to hold {family} listening sessions in the fall so that {families} can weigh in on the rollout.",
    },
    "stake.students": {
        "negated": "We did not collect {student} input this spring.",
        "future": "We plan to convene a {student} advisory group in the fall so that {students} can weigh in on how this priority is rolled out.",
    },
    "stake.educators": {
        "negated": "Because of the timing, we were not able to survey {teachers} before the end of the year.",
        "future": "We will survey {teachers} in August, before the priority launches.",
    },
    "stake.community": {
        "negated": "We have not engaged community organizations on this plan.",
        "future": "Next year we hope to bring community partners into this work.",
    },
    "stake.idschool": {
        "negated": "We did not gather input specifically from the {schools} identified as requiring assistance this spring; that is still on our list.",
        "future": "We intend to hold sessions at the identified {schools} in the fall.",
    },
    "anal.stakeholder_perspectives": {
        "negated": "We did not administer the VOCAL or any other climate survey this year, so we have no student or staff perception data to bring to this analysis; what we heard in the engagement sessions shaped the design of the plan rather than the choice of priority.",
        "future": "We will add survey data to this analysis next year.",
    },
    "anal.instruction": {
        "negated": "We have not conducted classroom observations or learning walks tied to this priority.",
        "future": "We will begin district learning walks in the fall so that next year's analysis can include classroom observation data.",
    },
    "mon.work": {
        "negated": "We do not currently collect or review student work samples as part of progress monitoring.",
        "future": "In a later year we may add a student work review.",
    },
    "res.equity": {
        "negated": "The district has not yet completed the ESSA review of school-level budget data, so we cannot yet say how this plan addresses inequities in resources.",
        "future": "We will begin the ESSA budget equity review next year.",
    },
    "out.acct": {
        "negated": "Because the state has not yet released the new accountability targets, we have not set accountability targets for this priority.",
    },
    "out.groups": {
        "future": "Targets for specific student groups will be set after we review fall data.",
    },
}

# gap key -> (code, section, item)
GAP_CODES = {
    "prio.equity": ("ssos::priorities::prompt-unanswered", "priorities", "equity_gaps"),
    "prio.experience": ("ssos::priorities::prompt-unanswered", "priorities", "student_experience"),
    "prio.practice": ("ssos::priorities::prompt-unanswered", "priorities", "educator_practice"),
    "prio.noclsp": ("ssos::priorities::no-clsp-focus", "priorities", None),
    "anal.student_outcomes": ("ssos::analysis::data-area-missing", "analysis", "student_outcomes"),
    "anal.instruction": ("ssos::analysis::data-area-missing", "analysis", "instruction"),
    "anal.stakeholder_perspectives": ("ssos::analysis::data-area-missing", "analysis", "stakeholder_perspectives"),
    "anal.systems_structures": ("ssos::analysis::data-area-missing", "analysis", "systems_structures"),
    "anal.groups": ("ssos::analysis::no-student-groups", "analysis", None),
    "anal.work": ("ssos::analysis::no-student-work", "analysis", None),
    "stake.students": ("ssos::stakeholders::group-missing", "stakeholder_engagement", "students"),
    "stake.families": ("ssos::stakeholders::group-missing", "stakeholder_engagement", "families"),
    "stake.educators": ("ssos::stakeholders::group-missing", "stakeholder_engagement", "educators"),
    "stake.school_leaders": ("ssos::stakeholders::group-missing", "stakeholder_engagement", "school_leaders"),
    "stake.community": ("ssos::stakeholders::group-missing", "stakeholder_engagement", "community"),
    "stake.idschool": ("ssos::stakeholders::no-identified-school-input", "stakeholder_engagement", None),
    "stake.ongoing": ("ssos::stakeholders::no-ongoing-engagement", "stakeholder_engagement", None),
    "out.acct": ("ssos::outcomes::no-accountability-targets", "outcomes", None),
    "out.groups": ("ssos::outcomes::no-student-group-targets", "outcomes", None),
    "roles.central_office": ("ssos::roles::level-missing", "role_clarity", "central_office"),
    "roles.school_leaders": ("ssos::roles::level-missing", "role_clarity", "school_leaders"),
    "roles.teachers": ("ssos::roles::level-missing", "role_clarity", "teachers"),
    "mon.toomany": ("ssos::monitoring::too-many-benchmarks", "monitoring", None),
    "mon.owner": ("ssos::monitoring::no-owner", "monitoring", None),
    "mon.freq": ("ssos::monitoring::no-frequency", "monitoring", None),
    "mon.district": ("ssos::monitoring::level-missing", "monitoring", "district"),
    "mon.school": ("ssos::monitoring::level-missing", "monitoring", "school"),
    "mon.work": ("ssos::monitoring::no-student-work", "monitoring", None),
    "res.internal": ("ssos::resources::kind-missing", "resources", "internal"),
    "res.external": ("ssos::resources::kind-missing", "resources", "external"),
    "res.equity": ("ssos::resources::no-budget-equity", "resources", None),
    "diff.schools": ("ssos::differentiation::no-schools-listed", "differentiation", None),
}


class Fmt(dict):
    def __missing__(self, k):
        raise KeyError("unknown token {%s}" % k)


def andlist(xs, conj="and"):
    xs = list(xs)
    if len(xs) <= 1:
        return "".join(xs)
    if len(xs) == 2:
        return f"{xs[0]} {conj} {xs[1]}"
    return ", ".join(xs[:-1]) + f", {conj} " + xs[-1]


def topic_nums(rng):
    r = rng.randint
    agg = r(24, 44)
    scr = r(38, 60)
    ss = r(484, 496)
    ss_el = ss - r(8, 12)
    ss_swd = ss - r(12, 17)
    ca = r(17, 31)
    lw = r(18, 42)
    mid = r(28, 45)
    n = dict(
        agg=agg, el=max(4, agg - r(13, 20)), swd_p=max(3, agg - r(16, 23)), li=agg - r(5, 10), hi=agg - r(7, 14),
        scr_all=scr, scr_el=scr - r(16, 26), scr_swd=scr - r(18, 28), scr_t=scr + r(8, 12),
        lw_n=r(30, 90), lw_pct=lw, lw_t=lw + r(20, 30), persp=r(38, 62),
        ss=ss, ss_t=ss + r(3, 5), ss_el=ss_el, ss_el_t=ss_el + r(4, 6), ss_swd=ss_swd, ss_swd_t=ss_swd + r(4, 6),
        sgp=r(50, 52), sgp_now=r(43, 48), sgp_swd=r(36, 42),
        elp=r(48, 60), elp_now=r(30, 44), ltel=r(6, 12), el_share=r(14, 38), fail=r(18, 29),
        mid=mid, mid2=r(30, 45), susp=r(4, 9), susp_b=r(10, 16), susp_swd=r(11, 18), susp_x=r(2, 3),
        ca=ca, ca_t=ca - r(3, 6), ca_swd=ca + r(5, 11), ca_el=ca + r(2, 7), ca_li=ca + r(3, 6), ca_pre=ca - r(6, 10),
        ada=r(88, 93), gapw=r(4, 9), swd_sep=r(22, 34),
    )
    n["mid2_t"] = n["mid2"] + r(8, 12)
    n["ca_swd_t"] = n["ca_swd"] - r(4, 7)
    return n


def make_schools(rng, kind):
    """kind: rural | small | mid | urban | voc | network"""
    es = rng.sample(ES, 10)
    ms = rng.sample(MS, 3)
    hs = rng.choice(HS)
    out = []
    def add(name, level, ident=None, more=False):
        out.append(dict(name=name, level=level, ident=ident, more=more))
    if kind == "rural":
        add(f"{es[0]} Elementary School", "ES", REASONS[0])
        add(f"{es[1]} Elementary School", "ES", None, True)
        add(f"{ms[0]} Middle School", "MS", None, True)
        add(f"{hs} High School", "HS")
    elif kind == "small":
        add(f"{es[0]} Elementary School", "ES", REASONS[2])
        add(f"{es[1]} Elementary School", "ES")
        add(f"{es[2]} Elementary School", "ES", None, True)
        add(f"{ms[0]} Middle School", "MS", REASONS[0])
        add(f"{hs} High School", "HS")
    elif kind == "mid":
        add(f"{es[0]} Elementary School", "ES", REASONS[0])
        add(f"{es[1]} Elementary School", "ES", REASONS[2])
        add(f"{es[2]} Elementary School", "ES", None, True)
        add(f"{es[3]} Elementary School", "ES")
        add(f"{es[4]} Elementary School", "ES")
        add(f"{ms[0]} Middle School", "MS", REASONS[3])
        add(f"{ms[1]} Middle School", "MS", None, True)
        add(f"{hs} High School", "HS")
    elif kind == "urban":
        add(f"{es[0]} Elementary School", "ES", REASONS[1])
        add(f"{es[1]} Elementary School", "ES", REASONS[0])
        add(f"{es[2]} K-8 School", "K8", REASONS[0])
        add(f"{es[3]} Elementary School", "ES", None, True)
        add(f"{es[4]} Elementary School", "ES", None, True)
        add(f"{ms[0]} Middle School", "MS", REASONS[3])
        add(f"{ms[1]} Middle School", "MS", None, True)
        for e in es[5:8]:
            add(f"{e} Elementary School", "ES")
        add(f"{hs} High School", "HS", REASONS[2])
    elif kind == "voc":
        add("Grade 9 Exploratory Program", "HS", None, True)
        add("Construction and Building Trades cluster", "HS", None, True)
        add("Health and Human Services cluster", "HS")
        add("Technical High School (whole school)", "HS", REASONS[0])
    elif kind == "network":
        add(f"{es[0]} Lower Campus (K-4)", "ES", REASONS[0])
        add(f"{es[1]} Lower Campus (K-4)", "ES", None, True)
        add(f"{ms[0]} Upper Campus (5-8)", "MS", REASONS[2])
        add(f"{es[2]} Lower Campus (K-4)", "ES")
        add(f"{hs} Early College Campus (9-12)", "HS")
    return out


class Ctx:
    def __init__(self, spec):
        self.spec = spec
        self.stem = spec["stem"]
        self.rng = random.Random("corpus-t:" + self.stem)
        self.gaps = dict(spec.get("gaps", {}))
        self.vocab = dict(VOCABS[spec["vocab"]])
        r = self.rng
        self.tok = dict(self.vocab)
        self.tok.update(ela_curr=r.choice(ELA_CURR), phonics=r.choice(PHONICS), screener=r.choice(SCREENER),
                        math_curr=r.choice(MATH_CURR), math_assess=r.choice(MATH_ASSESS),
                        district=spec["district"])
        self.tok.update(spec.get("tok", {}))
        self.district = spec["district"]
        self.schools = make_schools(r, spec["schools"])
        self.ident = [s for s in self.schools if s["ident"]]
        self.more = [s for s in self.schools if s["more"]]
        self.others = [s for s in self.schools if not s["ident"] and not s["more"]]
        self.topics = [self._topic(TOPICS[k], i) for i, k in enumerate(spec["topics"])]
        self.bm_count = 0

    def _topic(self, t, i):
        nums = topic_nums(random.Random(f"corpus-t:{self.stem}:{i}"))
        tok = Fmt(self.tok)
        tok.update(nums)
        def fm(x):
            if isinstance(x, str):
                return x.format_map(tok)
            if isinstance(x, list):
                return [fm(y) for y in x]
            if isinstance(x, dict):
                return {k: fm(v) for k, v in x.items()}
            return x
        out = fm(t)
        out["nums"] = nums
        out["index"] = i
        return out

    def f(self, text, **extra):
        tok = Fmt(self.tok)
        tok.update(extra)
        return text.format_map(tok)

    def gap(self, key):
        return self.gaps.get(key)

    def has(self, key):
        return key not in self.gaps

    def local_group_goal(self):
        a = "{math_assess}" if self.topics[0]["key"] in ("math", "cvte") else "{screener}"
        return self.f("For student groups, our local goal is for the share of {els} and of {swd} at or above benchmark on the " + a + " to rise by at least eight percentage points each, narrowing the distance to their classmates.")

    def pick(self, key, present):
        """present text, or the gap's negated/future variant, or None when absent."""
        v = self.gaps.get(key)
        if v is None:
            return present
        if v in ("negated", "future"):
            return self.f(VARIANTS[key][v])
        return None

    # -- helpers for school names
    def names(self, schools, short=False):
        return andlist([s["name"] for s in schools])

    def ident_phrase(self, s):
        return f"{s['name']} ({s['ident']})"

    def benchmarks(self):
        """selected benchmark dicts (with topic index); counted."""
        sp = self.spec
        per = sp.get("nbm", None)
        out = []
        for t in self.topics:
            n = len(t["bms"]) if per is None else per[t["index"]]
            for b in t["bms"][:n]:
                out.append(dict(b, topic=t["index"]))
        if self.gap("mon.school"):
            t = self.topics[0]
            out = [dict(b, topic=0) for b in t["bms"] if b["level"] == "district"]
            out.append(dict(text=self.f("District-wide results on the {screener}, aggregated across all {schools}"),
                            level="district", owner=self.f("the Assistant Superintendent and the {central} data team"),
                            freq="after each of the three testing windows", topic=0))
        if self.gap("mon.toomany"):
            extra = [
                ("Percent of {teachers} who attended the summer curriculum institute", "district"),
                ("Number of coaching cycles completed per {school}", "school"),
                ("Percent of lesson plans that include a language objective", "school"),
                ("{Teachers}' self-rating on the curriculum implementation survey", "district"),
                ("Percent of {families} attending curriculum night", "school"),
                ("Number of classroom visits by {central} staff", "district"),
            ]
            for txt, lvl in extra:
                out.append(dict(text=self.f(txt), level=lvl, owner=self.f("{principals}"), freq="monthly", topic=0))
        self.bm_count = len(out)
        return out

    def budget_equity(self, variant=None):
        ids = self.ident or self.more
        v = variant if variant is not None else self.rng.randint(0, 2)
        if self.gap("res.internal"):
            v = 3
        a = self.names(ids)
        texts = [
            "Our ESSA review of school-level budget data showed that {a} received fewer coaching hours per {student} and had a higher share of first- and second-year {teachers} than our other {schools}. This plan corrects that by assigning the new coaching positions and the ESSER-funded intervention staff to those {schools} first.",
            "The ESSA resource allocation review found that per-pupil spending at {a} was below the district average once grant funds were set aside, largely because of lower staff seniority. We are using Title I and TAG funds to add coaching and planning time in those buildings, so the {schools} with the greatest need get the most support for this priority.",
            "When we reviewed district and school budgets as ESSA requires, we found that ESL and special education staffing had not grown with enrollment at {a}. The 2023-24 budget adds staff there first and directs professional learning dollars to the {schools} with the widest gaps.",
            "The ESSA review of district and school budget data showed that {a} had received a smaller share of professional learning and coaching than their enrollment and needs warrant. Implementation of this plan reverses that: the partner coaching and learning walks described here go to those {schools} first and most often.",
        ]
        return self.f(texts[v].replace("{a}", a))

    def truth(self):
        secs = {s: "present" for s in SECTIONS}
        for k, v in self.gaps.items():
            if k.startswith("missing."):
                secs[k.split(".", 1)[1]] = "missing"
            if k.startswith("empty."):
                secs[k.split(".", 1)[1]] = "empty"
        fail = any(v != "present" for v in secs.values()) or len(self.topics) > 2
        grouped = {}
        for k in self.gaps:
            if k in GAP_CODES:
                code, sec, item = GAP_CODES[k]
                if secs[sec] != "present":
                    continue
                g = grouped.setdefault((code, sec), [])
                if item:
                    g.append(item)
        findings = [dict(code=c, section=s, items=sorted(set(i))) for (c, s), i in sorted(grouped.items())]
        return dict(sections=secs, status="fail" if fail else "pass", priorities=len(self.topics),
                    benchmarks=self.bm_count, findings=findings)


# ----- block constructors
def H(text, level=2):
    return ("h", level, text)


def P(text):
    return ("p", text) if text else None


def L(lead, text):
    return ("lead", lead, text) if text else None


def UL(items):
    return ("ul", [i for i in items if i])


def OL(items):
    return ("ol", [i for i in items if i])


def TB(header, rows):
    return ("table", header, rows)


def PR(text):
    return ("prompt", text)


def sec(sid, heading, blocks):
    return dict(id=sid, heading=heading, blocks=[b for b in blocks if b])


def join(*parts):
    return " ".join(p for p in parts if p)
