"""Plan text: five voices answering the eight sections of the SSoS guidance.

build(plan) -> dict with the ordered sections (id, heading, state, blocks),
and the truth (sections, status, priorities, benchmarks, findings).

Blocks: ("p", text) | ("lead", label, text) | ("ul", [text]) | ("table", header, rows)
"""
import re
from topics import TOPICS, EXTRA_PRIORITIES

SECTION_IDS = ["priorities", "analysis", "stakeholder_engagement", "outcomes",
               "role_clarity", "monitoring", "resources", "differentiation"]

HEADINGS = {
    "guide": ["1. Priority(ies)", "2. Analysis of Strengths and Challenges", "3. Stakeholder Engagement",
              "4. Outcomes", "5. Role Clarity", "6. Monitoring Implementation", "7. Resources", "8. Differentiation"],
    "formal": ["Section 1: Instructional Priorities", "Section 2: Analysis of Strengths and Challenges",
               "Section 3: Stakeholder Engagement", "Section 4: Outcomes", "Section 5: Role Clarity",
               "Section 6: Monitoring Implementation", "Section 7: Resources", "Section 8: Differentiation"],
    "data": ["1 Priorities", "2 Data Analysis", "3 Stakeholder Input", "4 Outcomes and Targets",
             "5 Roles", "6 Monitoring", "7 Resources", "8 Differentiated Support"],
    "rural": ["1. Our Priority", "2. What Our Data Shows", "3. Who We Talked To", "4. What We Hope to See",
              "5. Who Does What", "6. How We Will Keep Track", "7. What We Will Use", "8. Support for Each School"],
    "roman": ["I. Priorities", "II. Analysis of Strengths & Challenges", "III. Stakeholder Engagement",
              "IV. Outcomes", "V. Role Clarity", "VI. Monitoring Implementation", "VII. Resources",
              "VIII. Differentiation"],
    "deck": ["01  Priorities", "02  Strengths & Challenges", "03  Stakeholder Engagement", "04  Outcomes",
             "05  Role Clarity", "06  Monitoring", "07  Resources", "08  Differentiation"],
    "own": ["1 \u00b7 Where we're focusing", "2 \u00b7 What the data told us", "3 \u00b7 Voices we heard",
            "4 \u00b7 What success looks like", "5 \u00b7 Who does what", "6 \u00b7 How we'll know it's working",
            "7 \u00b7 What we'll draw on", "8 \u00b7 Support by school"],
}

ACRONYMS = [
    ("culturally and linguistically sustaining practices", "CLSP"),
    ("Culturally and linguistically sustaining", "CLS"),
    ("culturally and linguistically sustaining", "CLS"),
    ("high-quality instructional materials", "HQIM"),
    ("English learners", "ELs"),
    ("English learner", "EL"),
    ("multilingual learners", "MLs"),
    ("students with disabilities", "SWD"),
    ("instructional leadership teams", "ILTs"),
    ("professional learning communities", "PLCs"),
    ("common planning time", "CPT"),
    ("Common planning time", "CPT"),
    ("low-income students", "low-income (LI) students"),
]


def oxford(xs):
    xs = list(xs)
    if len(xs) == 1:
        return xs[0]
    if len(xs) == 2:
        return xs[0] + " and " + xs[1]
    return ", ".join(xs[:-1]) + ", and " + xs[-1]


def lc1(s):
    return s[0].lower() + s[1:]


# ---------------------------------------------------------------- sections

def s_priorities(c):
    v, t1, t2 = c["voice"], c["t1"], c["t2"]
    pri = [t1] + ([t2] if t2 else [])
    extra = c["extra"]
    b = []
    if v == "F":
        n = len(pri) + len(extra)
        word = {1: "one instructional priority", 2: "two instructional priorities", 3: "three instructional priorities",
                4: "four instructional priorities"}[n]
        b.append(("p", f"After a year of inquiry with our school leaders and the SSoS regional team, {c['d']} will focus on {word} for the 2023-2024 school year, each drawn from our three-year Student Opportunity Act plan."))
        for i, t in enumerate(pri, 1):
            b.append(("lead", f"Priority {i}:", t["title"] + "."))
            b.append(("p", "Shifts in educator practice. " + t["practice"]))
            b.append(("p", "Shifts in the student experience. " + t["experience"]))
            b.append(("p", "Equity and opportunity gaps addressed. This priority is aimed squarely at " + t["gap"] + "."))
        for j, e in enumerate(extra, len(pri) + 1):
            b.append(("lead", f"Priority {j}:", e + "."))
        if t1["clsp"]:
            b.append(("p", "Priority 1 is our commitment to culturally and linguistically sustaining, grade-appropriate instruction and reflects DESE's Educational Vision."))
    elif v == "D":
        rows = []
        for i, t in enumerate(pri, 1):
            rows.append([f"P{i}", t["title"], t["practice"], t["experience"], t["gap"][0].upper() + t["gap"][1:]])
        for j, e in enumerate(extra, len(pri) + 1):
            rows.append([f"P{j}", e, "See SOA plan", "See SOA plan", "See SOA plan"])
        b.append(("p", f"Number of priorities: {len(rows)}. Source: SOA plan 2022-2025, strategy 1{' and 3' if t2 else ''}."))
        b.append(("table", ["#", "Priority", "Change in educator practice", "Change in student learning", "Gap targeted"], rows))
    elif v == "R":
        if len(pri) + len(extra) == 1:
            b.append(("p", f"We are a small district, so we picked one thing and we mean to do it well. Our priority for next year: {lc1(t1['title'])}."))
        else:
            b.append(("p", f"We are a small district, so we kept the list short. Our priorities for next year are:"))
            b.append(("ul", [f"Priority {i}: {t['title']}." for i, t in enumerate(pri, 1)] +
                      [f"Priority {j}: {e}." for j, e in enumerate(extra, len(pri) + 1)]))
        for t in pri:
            b.append(("lead", "What changes for teachers:", t["practice"]))
            b.append(("lead", "What changes for kids:", t["experience"]))
            b.append(("lead", "Which gaps we are going after:", t["gap"][0].upper() + t["gap"][1:] + "."))
    elif v == "U":
        b.append(("p", f"{c['town']}'s DILT reaffirmed the following SY23-24 priorit{'y' if len(pri)+len(extra)==1 else 'ies'}, aligned to our SOA plan, the ESSER III plan and the SIPs of our TSI/CSI schools:"))
        for i, t in enumerate(pri, 1):
            b.append(("lead", f"Priority {i} \u2013", t["title"] + "."))
            b.append(("ul", ["Adult practice shift: " + t["practice"],
                             "Student experience shift: " + t["experience"],
                             "Equity gaps: " + t["gap"] + "."]))
        for j, e in enumerate(extra, len(pri) + 1):
            b.append(("lead", f"Priority {j} \u2013", e + "."))
    elif v == "C":
        for i, t in enumerate(pri, 1):
            b.append(("lead", f"Priority {i}", t["title"]))
        for j, e in enumerate(extra, len(pri) + 1):
            b.append(("lead", f"Priority {j}", e))
        b.append(("ul", [f"Practice shift \u2192 {t['practice']}" for t in pri] +
                  [f"Student experience \u2192 {t['experience']}" for t in pri] +
                  [f"Gaps we are closing \u2192 {t['gap']}" for t in pri]))
    return b


def s_analysis(c):
    v, t1, t2, g = c["voice"], c["t1"], c["t2"], c["g"]
    omit = set(g.get("analysis_omit_areas", []))
    nogroups = g.get("analysis_no_groups")
    nowork = g.get("analysis_no_work")
    parts = []
    if "student_outcomes" not in omit:
        parts.append(("Student outcomes", t1["outcomes_data"]))
    if "instruction" not in omit:
        parts.append(("Instruction", t1["instr_data"]))
    if "stakeholder_perspectives" not in omit:
        parts.append(("Stakeholder perspectives", t1["persp_data"]))
    if "systems_structures" not in omit:
        parts.append(("Systems and structures", t1["systems_data"]))
    if not nogroups:
        parts.append(("Student groups", t1["group_data"]))
    if not nowork:
        parts.append(("Student work", t1["work_theme"]))
    root = {
        "lit": "Our root-cause work points to systems rather than students: scheduling that competes with core instruction, uneven collaborative time, and inconsistent expectations for using the curriculum as designed.",
        "math": "The underlying causes are systemic: tracking practices, intervention scheduled against core math, and limited coaching capacity to support a new curriculum.",
        "ml": "The systemic drivers are structural: separate scheduling, no shared planning time, and professional learning that has treated language development as the ESL teacher's job alone.",
    }[c["t1key"]]
    b = []
    if v == "F":
        b.append(("p", f"Our decision to recommit to {t1['label']} rests on evidence from each of the four areas of the CSDP Coherence Guidebook, examined in the aggregate and at the student level."))
        for k, txt in parts:
            b.append(("p", txt))
        b.append(("p", root))
        if not nogroups:
            b.append(("p", t1["equity_pause"]))
        if t2:
            b.append(("p", f"For our second priority, the data are equally clear. {t2['outcomes_data']} {t2['persp_data']}"))
    elif v == "D":
        b.append(("table", ["Data area", "Finding"], [[k, txt] for k, txt in parts] +
                  ([["Priority 2", t2["outcomes_data"] + " " + t2["persp_data"]]] if t2 else [])))
        b.append(("lead", "Root cause:", root))
        if not nogroups:
            b.append(("lead", "Equity pause:", t1["equity_pause"]))
    elif v == "R":
        b.append(("p", "Here is what we looked at and what we saw."))
        lbl = {"Student outcomes": "Test scores and screeners", "Instruction": "Visits to classrooms",
               "Stakeholder perspectives": "What students and families told us",
               "Systems and structures": "How our schedule and teams work",
               "Student groups": "Which kids are not being served well", "Student work": "Student work"}
        for k, txt in parts:
            b.append(("lead", lbl[k] + ":", txt))
        b.append(("p", "Why is this happening? " + root))
        if not nogroups:
            b.append(("p", t1["equity_pause"]))
        if t2:
            b.append(("p", f"On our second priority: {t2['outcomes_data']} {t2['persp_data']}"))
    elif v == "U":
        lbl = {"Student outcomes": "Student outcomes (MCAS/benchmark)", "Instruction": "Instruction (LWs/rounds)",
               "Stakeholder perspectives": "Stakeholder perspectives (VOCAL/focus groups)",
               "Systems and structures": "Systems & structures", "Student groups": "Subgroup data",
               "Student work": "LASW themes"}
        b.append(("p", "Findings are organized by the four CSDP data areas; the DILT completed aggregate and student-level analysis in Feb.-Mar. 2023."))
        b.append(("ul", [f"{lbl[k]}: {txt}" for k, txt in parts]))
        b.append(("p", "Root cause: " + root))
        if not nogroups:
            b.append(("p", t1["equity_pause"]))
        if t2:
            b.append(("p", f"Priority 2 data: {t2['outcomes_data']} {t2['persp_data']}"))
    elif v == "C":
        b.append(("lead", "Key insight", f"Achievement in {t1['label']} has plateaued because practice, not effort, varies from room to room."))
        b.append(("ul", [f"{k}: {txt}" for k, txt in parts]))
        b.append(("lead", "Root cause", root))
        if not nogroups:
            b.append(("lead", "Equity lens", t1["equity_pause"]))
        if t2:
            b.append(("lead", "Priority 2 evidence", t2["outcomes_data"] + " " + t2["persp_data"]))
    return b


GROUP_TEXT = {
    "F": {
        "students": "Students shaped this plan directly. We held focus groups with more than sixty students in grades 4 through 12, and the high school student advisory council reviewed the draft priority; their call for texts and problems that reflect their own lives is written into the practice shifts above.",
        "families": "Families contributed through a spring survey offered in English, Spanish, Portuguese and Haitian Creole (612 responses), two evening listening sessions, and meetings of the district English Learner Parent Advisory Council and SEPAC. Parents asked for clearer information about what their children are learning, which led to the family curriculum guides we will publish each fall.",
        "educators": "Teachers and other educators were consulted through building faculty meetings, a survey of all instructional staff, and a working group that included representatives of the teachers' association. Their concern about protected planning time directly changed our scheduling commitments.",
        "school_leaders": "Principals and assistant principals co-wrote the priority during four administrative council sessions and tested the benchmarks against what they can realistically observe in their buildings.",
        "community": "We also sought perspectives from community partners, including the public library, the local Boys & Girls Club and two faith-based organizations that run after-school programs, and presented the draft to the School Committee for public comment.",
    },
    "D": {
        "students": "Students: 8 focus groups (grades 5-12, n=71); student advisory council review of draft 5/10.",
        "families": "Families: multilingual survey (n=540, 4 languages); ELPAC and SEPAC sessions 4/12 and 4/26.",
        "educators": "Educators: all-staff survey (n=388, 71% response); teacher working group (9 members incl. union reps).",
        "school_leaders": "School leaders: 3 principal council working sessions; AP feedback on benchmark feasibility.",
        "community": "Community: School Committee presentation 5/18; input from 4 community partner organizations.",
    },
    "R": {
        "students": "We asked the kids. Our principal and guidance counselor sat down with small groups of students in grades 3 through 8, and the student council talked it over too. They told us they like reading more when they get to talk about it with friends.",
        "families": "We sent home a short paper and online survey and about a third of our families answered it. We also talked with parents at open house and at the spring concert. Parents want to know how to help with homework.",
        "educators": "Every teacher and paraprofessional in the district was part of our staff meetings on this. Since we are small, that meant everybody in one room, which helped.",
        "school_leaders": "Our two principals worked on every draft with the superintendent and gave the final sign-off.",
        "community": "We shared the plan with the School Committee and with people in town who work with our kids, like the library, the 4-H club and the recreation department.",
    },
    "U": {
        "students": "Students: 9 student focus groups incl. MLs and SWD (gr. 4-12); Superintendent's Student Advisory reviewed draft priorities.",
        "families": "Families: Family Engagement Office ran 5 multilingual forums; DELAC and SEPAC co-reviewed the draft; family survey available in 6 languages.",
        "educators": "Educators: building-based input sessions at all schools; survey of teachers and paras; joint labor-management committee feedback.",
        "school_leaders": "School leaders: principals engaged through the Principals' Leadership Academy and each school's ILT; APs gave feedback on feasibility of benchmarks.",
        "community": "Community: CBO partners, the Mayor's Office of Youth, and the School Committee's T&L subcommittee provided input at public meetings.",
    },
    "C": {
        "students": "Students \u2192 student voice panels at every secondary school; elementary \"wonder walls\" collected input from younger students",
        "families": "Families \u2192 multilingual survey + listening circles hosted by parent liaisons",
        "educators": "Educators \u2192 design team of 14 teachers; staff pulse surveys in March and May",
        "school_leaders": "School leaders \u2192 principal cohort co-designed the theory of action",
        "community": "Community \u2192 partner roundtable with youth-serving organizations; School Committee briefing",
    },
}

GROUP_NOUN = {"students": "students", "families": "families", "educators": "teachers",
              "school_leaders": "principals", "community": "community partners"}


def s_stakeholders(c):
    v, g = c["voice"], c["g"]
    omit = set(g.get("stake_omit", []))
    groups = [k for k in ["students", "families", "educators", "school_leaders", "community"] if k not in omit]
    ident = [s for s in c["schools"] if s["ident"]]
    inames = oxford([s["name"] for s in ident])
    who = oxford([GROUP_NOUN[k] for k in groups if k != "community"] or ["staff"])
    idtext = {
        "F": f"At {inames}, the schools identified as requiring assistance, we held dedicated sessions with {who}. Their input was decisive: they asked for fewer initiatives and more support in classrooms, which is why instructional coaching is concentrated in those schools.",
        "D": f"Identified schools ({inames}): separate input sessions with {who}; top request = in-class coaching over new programs.",
        "R": f"At {inames}, which the state has identified as needing help, we held extra meetings with {who}. They asked for fewer new things and more help in the classroom, so that is what we are doing.",
        "U": f"Identified schools ({inames}): SIP teams gathered input from {who}; top themes were consistent HQIM use and protected CPT.",
        "C": f"Identified schools ({inames}) \u2192 deep-dive sessions with {who}; top ask: coaching in classrooms, not more initiatives",
    }[v]
    ongoing = {
        "F": "Engagement will not end with this submission. Stakeholder representatives will sit on the District Instructional Leadership Team, which reviews progress on our benchmarks, and we will report mid-year progress publicly at a School Committee meeting each winter and spring.",
        "D": "Ongoing: stakeholder reps on DILT; progress data shared at School Committee in Jan. and June; pulse survey each semester.",
        "R": "We will keep people in the loop all year. We will share how it is going at School Committee meetings and in the newsletter, and we will ask for feedback again in the winter and spring.",
        "U": "Ongoing engagement: stakeholder seats on the DILT; mid-year and EOY progress reports at School Committee; semester pulse surveys.",
        "C": "Ongoing \u2192 stakeholder seats on the DILT, progress updates at School Committee in January and June, pulse surveys each semester",
    }[v]
    b = []
    if v == "F":
        b.append(("p", "Broad engagement shaped both the selection of our priority and the design of this plan."))
        for k in groups:
            b.append(("p", GROUP_TEXT["F"][k]))
        if not g.get("no_identified_input"):
            b.append(("p", idtext))
        if not g.get("no_ongoing"):
            b.append(("p", ongoing))
    elif v in ("D", "U", "C"):
        items = [GROUP_TEXT[v][k] for k in groups]
        if not g.get("no_identified_input"):
            items.append(idtext)
        if not g.get("no_ongoing"):
            items.append(ongoing)
        b.append(("ul", items))
    elif v == "R":
        for k in groups:
            b.append(("p", GROUP_TEXT["R"][k]))
        if not g.get("no_identified_input"):
            b.append(("p", idtext))
        if not g.get("no_ongoing"):
            b.append(("p", ongoing))
    return b


def s_outcomes(c):
    v, t1, t2, g = c["voice"], c["t1"], c["t2"], c["g"]
    nogrp = g.get("outcomes_no_groups")
    b = []
    tl = [t1] + ([t2] if t2 else [])
    if v == "F":
        for i, t in enumerate(tl, 1):
            s = f"For Priority {i}, the accountability targets we expect to meet are to {t['target_agg']}"
            s += "." if nogrp else f", and, for specific student groups, {t['target_groups']}."
            b.append(("p", s))
        b.append(("p", f"Beyond the accountability targets, we will track {t1['other']}, which come directly from our analysis in Section 2."))
    elif v == "D":
        rows = []
        for i, t in enumerate(tl, 1):
            rows.append([f"P{i}", "Accountability target (all students)", t["target_agg"][0].upper() + t["target_agg"][1:]])
            if not nogrp:
                rows.append([f"P{i}", "Accountability target (student groups)", t["target_groups"][0].upper() + t["target_groups"][1:]])
        rows.append(["P1", "Other progress data", t1["other"][0].upper() + t1["other"][1:]])
        b.append(("table", ["Priority", "Measure", "Target / data point"], rows))
    elif v == "R":
        for t in tl:
            s = f"By the end of next year we want to hit our state accountability targets: {t['target_agg']}"
            s += "." if nogrp else f". We also have targets for the students who need it most: {t['target_groups']}."
            b.append(("p", s))
        b.append(("p", f"Along the way we will also watch {t1['other']}."))
    elif v == "U":
        items = []
        for i, t in enumerate(tl, 1):
            items.append(f"P{i} accountability target (aggregate): {t['target_agg']}.")
            if not nogrp:
                items.append(f"P{i} accountability targets (subgroups): {t['target_groups']}.")
        items.append(f"Other indicators: {t1['other']}.")
        b.append(("ul", items))
    elif v == "C":
        for i, t in enumerate(tl, 1):
            b.append(("lead", f"P{i} accountability target", t["target_agg"][0].upper() + t["target_agg"][1:]))
            if not nogrp:
                b.append(("lead", f"P{i} student group targets", t["target_groups"][0].upper() + t["target_groups"][1:]))
        b.append(("lead", "Leading indicators", t1["other"][0].upper() + t1["other"][1:]))
    return b


ROLE_TEXT = {
    "F": {
        "central_office": "Central office will consistently support school leaders by protecting time for curriculum-based professional learning, conducting monthly learning walks alongside each principal, and removing competing initiatives that dilute attention from this priority.",
        "school_leaders": "Principals and assistant principals will consistently support teacher practice by leading weekly common planning meetings focused on upcoming lessons, observing classrooms and giving brief, actionable feedback each week, and using building ILT meetings to review implementation data.",
        "teachers": "Teachers will consistently support student learning by internalizing each unit before teaching it, using the shared discussion and scaffolding routines daily, and bringing student work to team meetings to adjust instruction.",
    },
    "D": {
        "central_office": "Central office \u2192 school leaders: monthly walkthroughs with each principal; protect PD and planning time; single data calendar.",
        "school_leaders": "School leaders \u2192 teachers: weekly CPT facilitation; weekly observation + feedback cycle; ILT data review.",
        "teachers": "Teachers \u2192 students: unit internalization; daily use of discussion/scaffolding routines; student work at team meetings.",
    },
    "R": {
        "central_office": "The superintendent and the curriculum director will be in each school every week, will make sure teachers have the training and time they need, and will keep new projects off principals' plates.",
        "school_leaders": "Principals will run the weekly team meetings, visit classrooms, and give teachers quick feedback on how lessons are going.",
        "teachers": "Teachers will prepare each unit ahead of time, use the routines we agree on every day, and bring student work to team meetings so we can learn from it.",
    },
    "U": {
        "central_office": "Central Office (OTL, OELL, OSE): consistent support to principals via monthly instructional rounds, aligned PD calendar, and a single Data Cycle template.",
        "school_leaders": "Principals/APs and ILTs: lead weekly CPT, run observation-feedback cycles, and monitor walkthrough data at bi-weekly ILT meetings.",
        "teachers": "Teachers: internalize units before teaching, use CLS routines daily, and bring LASW samples to PLCs.",
    },
    "C": {
        "central_office": "Central office \u2192 coach principals, protect time, streamline initiatives",
        "school_leaders": "School leaders \u2192 lead planning, observe and give feedback weekly, run ILT data cycles",
        "teachers": "Teachers \u2192 plan from the curriculum, use shared routines daily, examine student work together",
    },
}


def s_roles(c):
    v, g = c["voice"], c["g"]
    omit = set(g.get("roles_omit", []))
    lv = [k for k in ["central_office", "school_leaders", "teachers"] if k not in omit]
    b = []
    intro = {
        "F": "We will use a vertical alignment approach so that every level of the system knows what it owns.",
        "D": "Role clarity via vertical alignment map (shared with all staff in August):",
        "R": "Everybody needs to know their part. We will go over this with all staff in August and again in January.",
        "U": "Vertical alignment (per the Vertical Alignment Strategy Protocol), communicated at the August leadership retreat and school opening:",
        "C": "Vertical alignment: who does what, every week",
    }[c["voice"]]
    b.append(("p", intro))
    if v in ("F", "R"):
        for k in lv:
            b.append(("p", ROLE_TEXT[v][k]))
    else:
        b.append(("ul", [ROLE_TEXT[v][k] for k in lv]))
    return b


def benchmarks(c):
    g = c["g"]
    bms = list(c["t1"]["bm"])
    if c["t2"]:
        bms += c["t2"]["bm"]
    n = g.get("mon_count")
    if n:
        bms = (bms + c["t1"]["extra_bm"])[:n]
    lvl = g.get("mon_omit_level")
    if lvl:
        bms = [x for x in bms if x[0] != lvl]
    return bms


def s_monitoring(c):
    v, g = c["voice"], c["g"]
    bms = benchmarks(c)
    noown, nofreq = g.get("mon_no_owner"), g.get("mon_no_freq")
    own = c["owners"]
    fq = c["freq"]
    b = []

    def line(level, what):
        s = what
        tail = []
        if not noown:
            tail.append(("owner: " if v in ("D", "U") else "monitored by ") + own[level])
        if not nofreq:
            tail.append(("cadence: " if v in ("D", "U") else "reviewed ") + fq[level])
        if tail:
            s += " (" + "; ".join(tail) + ")" if v != "C" else " \u2014 " + ", ".join(tail)
        return s

    dist = [w for l, w in bms if l == "district"]
    sch = [w for l, w in bms if l == "school"]
    if noown:
        sw = {"F": "Student assignments and work samples will be collected from every school and analyzed at the district, school and classroom level against the grade-level standard, with patterns for student groups highlighted.",
              "R": "Student work will be collected from every classroom and looked at together at the district, school and classroom level, so we can see whether kids are doing grade-level work.",
              "D": "Student work: common task samples analyzed at district, school, classroom level (LASW protocol).",
              "U": "LASW: samples from common tasks analyzed at district (DILT), school (ILT) and classroom (PLC) levels.",
              "C": "Student work \u2192 common task samples analyzed at district, school and classroom levels"}[v]
    elif nofreq:
        sw = {"F": "The district data team, each school's ILT and teacher teams will analyze student assignments and work samples from common tasks, looking at the district, school and classroom level at whether students are doing grade-level work.",
              "R": "Teachers, principals and the curriculum director will look at student work together, at the district, school and classroom level, to see whether kids are doing grade-level work.",
              "D": "Student work: common task samples analyzed by district data team, ILTs and grade-level teams (LASW protocol).",
              "U": "LASW: common-task samples analyzed by the DILT, school ILTs and classroom PLCs.",
              "C": "Student work \u2192 district data team, ILTs and grade-level teams analyze common task samples"}[v]
    else:
        sw = {"F": "Student assignments and work samples will be analyzed at three levels: teacher teams examine work from common tasks every two weeks, each school's ILT reviews a sample each month, and the district data team reviews a cross-school sample each quarter.",
              "R": "Teachers will look at student work together every other week. Principals will bring samples to our monthly leadership meeting, and the curriculum director will look across schools each quarter.",
              "D": "Student work: grade-level teams (bi-weekly), ILTs (monthly), district data team (quarterly) analyze common task samples using the LASW protocol.",
              "U": "LASW: PLCs analyze common-task samples bi-weekly; ILTs review monthly; DILT reviews a cross-school sample quarterly.",
              "C": "Student work \u2192 teams bi-weekly, ILTs monthly, district data team quarterly"}[v]

    if v == "F":
        b.append(("p", "We have deliberately kept the list of interim benchmarks short so that it can actually guide decisions."))
        if dist:
            b.append(("p", "District-level benchmarks:"))
            b.append(("ul", [line("district", w) for w in dist]))
        if sch:
            b.append(("p", "School-level benchmarks:"))
            b.append(("ul", [line("school", w) for w in sch]))
        b.append(("p", sw))
    elif v == "D":
        hdr = ["Level", "Benchmark"] + ([] if noown else ["Owner"]) + ([] if nofreq else ["Cadence"])
        rows = []
        for l, w in bms:
            r = [l.capitalize(), w]
            if not noown:
                r.append(own[l])
            if not nofreq:
                r.append(fq[l])
            rows.append(r)
        b.append(("table", hdr, rows))
        b.append(("p", sw))
    elif v == "R":
        b.append(("p", "We are keeping this simple. Here is what we will watch:"))
        b.append(("ul", [line(l, w) for l, w in bms]))
        b.append(("p", sw))
    elif v == "U":
        if dist:
            b.append(("lead", "District-level benchmarks", ""))
            b.append(("ul", [line("district", w) for w in dist]))
        if sch:
            b.append(("lead", "School-level benchmarks", ""))
            b.append(("ul", [line("school", w) for w in sch]))
        b.append(("p", sw))
    elif v == "C":
        b.append(("ul", [("District: " if l == "district" else "School: ") + line(l, w) for l, w in bms]))
        b.append(("p", sw))
    return b


def s_resources(c):
    v, g, t1 = c["voice"], c["g"], c["t1"]
    omit = set(g.get("res_omit", []))
    intern = {
        "F": "Internally, we will dedicate two instructional coaches funded through Title I, stipends for common planning time paid from our remaining ESSER III allocation, and a portion of our Chapter 70 increase under the Student Opportunity Act to purchase classroom sets of materials.",
        "D": "Internal: 2.0 FTE coaches (Title I); CPT stipends (ESSER III, final year); SOA/Chapter 70 funds for materials; district data analyst (0.5 FTE).",
        "R": "From our own budget, we are using Title I money to keep our reading coach, and the last of our ESSER funds to pay teachers for summer planning time.",
        "U": "Internal: instructional coaches (Title I + ESSER III), OELL staff, data analysts in OPA; SOA funds for HQIM; TAG funds for ILT training.",
        "C": "Internal \u2192 coaches (Title I), ESSER III planning stipends, SOA-funded materials, district data analyst",
    }[v]
    extern = {
        "F": f"Externally, we will draw on {t1['ext']}.",
        "D": f"External: {t1['ext']}.",
        "R": f"From outside, we are counting on {t1['ext']}.",
        "U": f"External: {t1['ext']}.",
        "C": f"External \u2192 {t1['ext']}",
    }[v]
    equity = {
        "F": "Our review of district and school budgeting data found that per-pupil spending on instructional support was lower in our schools identified as requiring assistance than in our other schools. This plan addresses that inequity by assigning coaching and planning stipends to those schools first.",
        "D": "ESSA budget review: per-pupil instructional support spending lower at identified schools; plan reallocates coaching FTE and stipends to those schools first.",
        "R": "When we looked at our budget by school, as ESSA asks, we saw that our bigger school had less coaching per student. This plan fixes that by moving coaching time there first.",
        "U": "ESSA resource allocation review: inequities in per-pupil coaching and intervention staffing at TSI/CSI schools; FY24 budget reallocates FTE to close them.",
        "C": "Budget equity (ESSA) \u2192 identified schools had less coaching per pupil; FY24 allocation fixes this first",
    }[v]
    b = []
    parts = []
    if "internal" not in omit:
        parts.append(intern)
    if "external" not in omit:
        parts.append(extern)
    if not g.get("res_no_equity"):
        parts.append(equity)
    if v in ("D", "U", "C"):
        b.append(("ul", parts))
    else:
        for p in parts:
            b.append(("p", p))
    return b


def s_diff(c):
    v, g = c["voice"], c["g"]
    ident = [s for s in c["schools"] if s["ident"]]
    other = [s for s in c["schools"] if s.get("more")]
    b = []
    if g.get("diff_no_schools"):
        txt = {
            "F": "Schools identified by the accountability system as requiring assistance will receive the most intensive support: weekly coaching cycles, an additional monthly learning walk with central office, and first access to professional learning. Other schools that need more support will be identified through mid-year data and will receive additional coaching time as it becomes available.",
            "D": "Tiered support: identified schools get weekly coaching, monthly district walkthroughs, priority PD access; other schools tiered by mid-year data.",
            "R": "Schools the state has identified will get the most help: more coaching and more visits. Other schools will get extra help if the mid-year data says they need it.",
            "U": "Tier 3 (identified schools): weekly coaching, monthly rounds with OTL, priority PD. Tier 2: schools flagged by mid-year data receive added coaching. Tier 1: all others.",
            "C": "Identified schools \u2192 weekly coaching, monthly rounds, priority PD; others tiered by mid-year data",
        }[v]
        b.append(("p", txt))
        return b
    rows = []
    for s in ident:
        rows.append((s["name"], s["ident"], {
            "F": "weekly coaching cycles, an additional monthly learning walk with central office, and first access to professional learning",
            "D": "weekly coaching; monthly district walkthrough; priority PD",
            "R": "a coach in classrooms every week and a visit from the superintendent every month",
            "U": "Tier 3: weekly coaching, monthly OTL rounds, SIP alignment, priority PD",
            "C": "intensive: weekly coaching + monthly rounds",
        }[v]))
    for s in other:
        rows.append((s["name"], "additional need (mid-year data)", {
            "F": "additional coaching time and a targeted walkthrough each quarter",
            "D": "bi-weekly coaching; quarterly walkthrough",
            "R": "extra coaching time every other week",
            "U": "Tier 2: bi-weekly coaching, quarterly rounds",
            "C": "targeted: bi-weekly coaching",
        }[v]))
    if v == "F":
        b.append(("p", "Support will be differentiated according to need. The following schools will receive differentiated assistance:"))
        b.append(("ul", [f"{n} ({why}): {what}." for n, why, what in rows]))
        b.append(("p", "All other schools will receive the universal supports described above."))
    elif v == "D":
        b.append(("table", ["School", "Reason", "Support"], [list(r) for r in rows]))
    elif v == "R":
        b.append(("p", "Not every school needs the same thing."))
        for n, why, what in rows:
            b.append(("p", f"{n} ({why}) will get {what}."))
    elif v == "U":
        b.append(("ul", [f"{n} \u2013 {why} \u2013 {what}" for n, why, what in rows]))
    elif v == "C":
        b.append(("ul", [f"{n} ({why}) \u2192 {what}" for n, why, what in rows]))
    return b


BUILDERS = {"priorities": s_priorities, "analysis": s_analysis, "stakeholder_engagement": s_stakeholders,
            "outcomes": s_outcomes, "role_clarity": s_roles, "monitoring": s_monitoring,
            "resources": s_resources, "differentiation": s_diff}

PLACEHOLDERS = ["TBD", "Click or tap here to enter text.", "[Insert response here]", "To be completed."]


def acronymize(b):
    def f(s):
        for a, r in ACRONYMS:
            s = s.replace(a, r)
        return s
    out = []
    for blk in b:
        if blk[0] == "p":
            out.append(("p", f(blk[1])))
        elif blk[0] == "lead":
            out.append(("lead", f(blk[1]), f(blk[2])))
        elif blk[0] == "ul":
            out.append(("ul", [f(x) for x in blk[1]]))
        elif blk[0] == "table":
            out.append(("table", [f(x) for x in blk[1]], [[f(x) for x in r] for r in blk[2]]))
    return out


OWNERS = {
    "F": {"district": "the Assistant Superintendent for Teaching and Learning", "school": "each principal with the building ILT"},
    "D": {"district": "Director of Data & Accountability", "school": "Principal + ILT"},
    "R": {"district": "the superintendent and curriculum director", "school": "the principal"},
    "U": {"district": "Chief Academic Officer / OTL", "school": "Principal & ILT"},
    "C": {"district": "the Deputy Superintendent", "school": "principals and coaches"},
}
FREQ = {
    "F": {"district": "monthly at DILT meetings", "school": "every two weeks"},
    "D": {"district": "Monthly", "school": "Bi-weekly"},
    "R": {"district": "once a month", "school": "every other week"},
    "U": {"district": "monthly (DILT)", "school": "bi-weekly (ILT)"},
    "C": {"district": "monthly", "school": "every two weeks"},
}


def build(p):
    g = p.get("gaps", {})
    c = dict(voice=p["voice"], d=p["district"], town=p["town"], schools=p["schools"],
             t1key=p["topics"][0], t1=TOPICS[p["topics"][0]],
             t2=TOPICS[p["topics"][1]] if len(p["topics"]) > 1 else None,
             extra=EXTRA_PRIORITIES[:g.get("extra_priorities", 0)], g=g,
             owners=OWNERS[p["voice"]], freq=FREQ[p["voice"]])
    heads = HEADINGS[p["headings"]]
    secs = []
    truth_secs = {}
    for i, sid in enumerate(SECTION_IDS):
        if sid in g.get("missing", []):
            truth_secs[sid] = "missing"
            continue
        if sid in g.get("empty", {}):
            ph = g["empty"][sid]
            secs.append(dict(id=sid, heading=heads[i], state="empty", blocks=[("p", ph)]))
            truth_secs[sid] = "empty"
            continue
        blocks = BUILDERS[sid](c)
        if p["voice"] == "U":
            blocks = acronymize(blocks)
        secs.append(dict(id=sid, heading=heads[i], state="present", blocks=blocks))
        truth_secs[sid] = "present"

    findings = []
    for sid, st in truth_secs.items():
        if st != "present":
            findings.append({"code": f"ssos::section::{st}", "section": sid, "items": []})
    npri = len(p["topics"]) + g.get("extra_priorities", 0)
    if npri > 2:
        findings.append({"code": "ssos::priorities::too-many", "section": "priorities", "items": []})
    if g.get("analysis_omit_areas"):
        findings.append({"code": "ssos::analysis::data-area-missing", "section": "analysis", "items": sorted(g["analysis_omit_areas"])})
    if g.get("analysis_no_groups"):
        findings.append({"code": "ssos::analysis::no-student-groups", "section": "analysis", "items": []})
    if g.get("analysis_no_work"):
        findings.append({"code": "ssos::analysis::no-student-work", "section": "analysis", "items": []})
    if g.get("stake_omit"):
        findings.append({"code": "ssos::stakeholders::group-missing", "section": "stakeholder_engagement", "items": list(g["stake_omit"])})
    if g.get("no_identified_input"):
        findings.append({"code": "ssos::stakeholders::no-identified-school-input", "section": "stakeholder_engagement", "items": []})
    if g.get("no_ongoing"):
        findings.append({"code": "ssos::stakeholders::no-ongoing-engagement", "section": "stakeholder_engagement", "items": []})
    if g.get("outcomes_no_groups"):
        findings.append({"code": "ssos::outcomes::no-student-group-targets", "section": "outcomes", "items": []})
    if g.get("roles_omit"):
        findings.append({"code": "ssos::roles::level-missing", "section": "role_clarity", "items": list(g["roles_omit"])})
    bms = benchmarks(c)
    if g.get("mon_count") and len(bms) > 5 * npri:
        findings.append({"code": "ssos::monitoring::too-many-benchmarks", "section": "monitoring", "items": []})
    if g.get("mon_no_owner"):
        findings.append({"code": "ssos::monitoring::no-owner", "section": "monitoring", "items": []})
    if g.get("mon_no_freq"):
        findings.append({"code": "ssos::monitoring::no-frequency", "section": "monitoring", "items": []})
    if g.get("mon_omit_level"):
        findings.append({"code": "ssos::monitoring::level-missing", "section": "monitoring", "items": [g["mon_omit_level"]]})
    if g.get("res_omit"):
        findings.append({"code": "ssos::resources::kind-missing", "section": "resources", "items": list(g["res_omit"])})
    if g.get("res_no_equity"):
        findings.append({"code": "ssos::resources::no-budget-equity", "section": "resources", "items": []})
    if g.get("diff_no_schools"):
        findings.append({"code": "ssos::differentiation::no-schools-listed", "section": "differentiation", "items": []})
    # drop content findings about sections that are not present
    findings = [f for f in findings if f["code"].startswith("ssos::section::") or truth_secs.get(f["section"]) == "present"]
    errors = any(f["code"] in ("ssos::section::missing", "ssos::section::empty", "ssos::priorities::too-many",
                               "ssos::priorities::none") for f in findings)
    truth = {
        "sections": truth_secs,
        "status": "fail" if errors else "pass",
        "priorities": npri if truth_secs["priorities"] == "present" else None,
        "benchmarks": len(bms) if truth_secs["monitoring"] == "present" else None,
        "findings": findings,
    }
    return dict(sections=secs, truth=truth, ctx=c)


def block_text(blk):
    if blk[0] == "p":
        return blk[1]
    if blk[0] == "lead":
        return blk[1] + " " + blk[2]
    if blk[0] == "ul":
        return "\n".join(blk[1])
    if blk[0] == "table":
        return "\n".join([" | ".join(blk[1])] + [" | ".join(r) for r in blk[2]])
