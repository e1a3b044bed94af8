"""Section text for corpus S (do not read when working on the product: run it).
Each builder takes the plan context c and the gap map g (key -> trap mode) and returns blocks:
  ("p", text[, {"comment": (author, text)}]), ("lead", bold, text), ("ul", [..]), ("ol", [..]),
  ("table", [header, row, ...]), ("h3", text)."""
from ctx import listing, short
from topics import T

SIDS = ["priorities", "analysis", "stakeholder_engagement", "outcomes", "role_clarity", "monitoring",
        "resources", "differentiation"]


def F(s, c):
    return s.format(**c)


def cap(s):
    return s[0].upper() + s[1:]


# ----------------------------------------------------------------------------- 1. priorities
def stmt(t, g):
    return t["stmt_adult"] if "se" in g and "stmt_adult" in t else t["stmt"]


def priorities(c, g):
    v = c["v"]
    tops = [T[t] for t in c["topics"]]
    n = len(tops)
    out = []
    if v == 0:
        intro = {1: "{d}'s single instructional priority for SY23-24, which we are recommitting to after this year's mid-year monitoring, is:",
                 2: "We are keeping the two priorities we set last spring, refined after mid-year monitoring with our SSoS team:",
                 3: "For SY23-24 the district will focus on three instructional priorities:"}[n]
        out.append(("p", F(intro, c)))
        for i, t in enumerate(tops):
            out.append(("lead", f"Priority {i + 1}: ", F(stmt(t, g), c)))
            parts = []
            if "ep" not in g: parts.append(t["ep"])
            if "se" not in g: parts.append(t["se"])
            elif g["se"] == "neg": parts.append("We have not yet spelled out what will look different for {stu} under this priority; the DILT will take that up at its August retreat.")
            if "eq" not in g: parts.append(t["eq"])
            elif g["eq"] == "neg": parts.append("The priority is meant for every {stu_s} in the district rather than any particular group.")
            if parts: out.append(("p", F(" ".join(parts), c)))
    elif v == 1:
        if n == 1:
            s = "After a year of learning walks and mid-year monitoring with our SSoS regional team, we are recommitting to one priority. "
            t = tops[0]
            s += F(stmt(t, g), c) + " "
            if "ep" not in g: s += t["ep"] + " "
            if "se" not in g: s += "What changes for {stu}? " + t["se"] + " "
            elif g["se"] == "neg": s += "We have not yet spelled out what will look different for {stu}; the DILT will take that up in August. "
            if "eq" not in g: s += t["eq"]
            elif g["eq"] == "neg": s += "The priority is meant for every {stu_s} in the district rather than any particular group."
            out.append(("p", F(s.strip(), c)))
        else:
            words = {2: "two", 3: "three"}[n]
            out.append(("p", F(f"{{d}} will carry {words} instructional priorities into SY23-24. They are connected: the first is about what happens in classrooms, and the others are about the conditions that make it possible.", c)))
            for i, t in enumerate(tops):
                s = F(stmt(t, g), c) + " "
                if "ep" not in g: s += F(t["ep"], c) + " "
                if "se" not in g: s += F(t["se"], c) + " "
                if "eq" not in g: s += F(t["eq"], c)
                out.append(("lead", f"Priority {i + 1}. ", s.strip()))
    else:
        hdr = ["Priority"]
        keys = [k for k in ("ep", "se", "eq") if k not in g]
        names = {"ep": "Shift in educator practice", "se": "What students will experience", "eq": "Equity and opportunity gaps"}
        hdr += [names[k] for k in keys]
        rows = [hdr]
        for i, t in enumerate(tops):
            rows.append([F(f"{i + 1}. " + stmt(t, g), c)] + [F(t[k + "_t"], c) for k in keys])
        out.append(("p", F("The table summarizes our priorit" + ("y" if n == 1 else "ies") + " for next year. It is a subset of our three-year SOA plan and of the strategic plan the School Committee adopted in 2022.", c)))
        out.append(("table", rows))
    if any(t["clsp"] for t in tops):
        out.append(("p", F("The priority work is grounded in DESE's Educational Vision and in the district's commitment to culturally and linguistically sustaining practices" + ("." if "eq" in g else "; the gaps it targets are the ones named in our SOA plan."), c)))
    else:
        out.append(("p", F("These priorities come out of our SOA plan and respond to what our school leaders asked for during this year's mid-year review.", c)))
    return out


# ----------------------------------------------------------------------------- 2. analysis
AN = {
 "student_outcomes": [
  "Our spring 2022 MCAS results and this year's {assess} data tell a consistent story: only {pct}% of grade 3-8 {stu} met or exceeded expectations in {subj}, and mid-year {assess} put fewer than a third of them on track for typical growth.",
  "MCAS {subj} achievement has been flat for three years ({pct}% meeting or exceeding in 2022), and {early} and {assess} screening this winter placed roughly 40% of {stu} two or more grade levels below.",
  ("MCAS 2022; {assess} and {early} winter windows", "{pct}% meeting/exceeding in {subj}; 38% on track for typical growth")],
 "groups": [
  "The gaps are sharper when we break the data out. {ml} scored 24 points below their peers, {swd} 31 points below, and Hispanic/Latino {stu} in grades 6-8 were half as likely to meet expectations as white {stu}. Using the Data Equity Pause protocol, the DILT also noticed that {ml} in our identified schools are often pulled out during core instruction, so they get less grade-level work than anyone else.",
  "{ML} (24 points below peers) and {swd} (31 points below) show the largest gaps, followed by low-income {stu}; the gap widens between grades 3 and 6. The Data Equity Pause conversation at our March DILT made the point sharper: these are the {stu} most often pulled out of core instruction.",
  ("MCAS by student group", "{ml} -24 pts; {swd} -31 pts; low income -15 pts vs. district")],
 "instruction": [
  "Learning walks we conducted with our SSoS partners found grade-level tasks in only about a third of the lessons we saw, and teacher talk dominated most class periods.",
  "Our walkthroughs this year (more than 120 classroom visits) saw {stu} working on grade-appropriate tasks in 35% of lessons; scaffolds usually meant an easier text instead of support to reach the grade-level one.",
  ("Learning walks, fall and winter", "Grade-level task in 35% of rooms; teacher talk dominant")],
 "stakeholder_perspectives": [
  "What {stu} and staff tell us points the same way: on VOCAL our middle schoolers rated instructional challenge lowest of all the indicators, and on the spring staff survey teachers said they do not have time to plan for their {ml}.",
  "VOCAL and our Panorama survey show fewer than half of {stu} agree that their teachers expect them to do challenging work; teachers told us on the climate survey that they lack time to plan together.",
  ("VOCAL; Panorama student and staff surveys", "Low ratings on challenge; staff want planning time")],
 "systems_structures": [
  "On the systems side, common planning time is uneven across buildings, coaching is spread thin, and until this year schools used different curricula, which made shared professional learning nearly impossible.",
  "Our schedules give only some schools a 45-minute common planning block, coach caseloads are high, and staff turnover in our identified schools was 28% last year.",
  ("Schedules, staffing, curriculum inventory", "Uneven common planning time; 28% turnover in identified schools")],
 "work": [
  "When grade-level teams looked at student writing together during our March PD day, one theme jumped out: {stu} could summarize but rarely used evidence, and the prompts themselves seldom asked them to.",
  "In our looking-at-student-work sessions, samples from grades 3-8 showed that assignments were often below grade level, so even strong work did not show mastery of the standard.",
  ("Student work samples (March PD day)", "Assignments often below grade level; little use of evidence")],
}
AN_SP_NOSTU = [
  "What staff and {fam} tell us points the same way: on the spring staff survey teachers said they do not have time to plan for their {ml}, and on the district family survey fewer than half of {fam} said they know what their child is working on in class.",
  "Our staff climate survey and the district family survey agree: teachers say they lack time to plan together, and fewer than half of {fam} feel informed about what their children are learning.",
  ("Staff climate survey; district family survey", "Staff want planning time; families feel uninformed about classwork")]
AN_BASE = dict(AN)
AN_TRAP = {
 ("groups", "neg"): "We did not break this year's results out by student group before writing this submission; the data team will do that in August.",
 ("stakeholder_perspectives", "neg"): "We did not give a student or staff survey this year, and VOCAL results came back too late to use here.",
}
AN_FACTORS = [
 "Underneath all of this sit systemic factors rather than individual ones: we have lacked a shared picture of strong instruction, our professional learning has been one-off rather than sustained, and our schedules have not protected time for teachers to plan together.",
 "We see three underlying systemic factors: no common instructional vision across schools, professional learning that has not been tied to the curriculum, and intervention scheduled during core instruction.",
 "Taken together, the data point to systemic causes: inconsistent expectations for what grade-level work looks like, coaching that is spread too thin to change practice, and schedules built around adults rather than around {stu}.",
]


AN_FACTORS_NOSYS = "What ties these findings together is a belief gap as much as a skills gap: adults have not held a shared picture of strong instruction, and expectations for what {stu} can do with grade-level work still differ from one classroom to the next."


def analysis(c, g):
    v = c["v"]
    order = ["student_outcomes", "groups", "instruction", "stakeholder_perspectives", "systems_structures", "work"]
    global AN
    AN = dict(AN_BASE)
    if c.get("nostu"):
        AN["stakeholder_perspectives"] = AN_SP_NOSTU
    out = []
    if v == 0:
        p1 = [AN[k][0] for k in order[:2] if k not in g]
        p1 += [AN_TRAP[(k, g[k])] for k in order[:2] if k in g and (k, g[k]) in AN_TRAP]
        p2 = [AN[k][0] for k in order[2:] if k not in g]
        p2 += [AN_TRAP[(k, g[k])] for k in order[2:] if k in g and (k, g[k]) in AN_TRAP]
        out.append(("p", F(" ".join(p1), c)))
        out.append(("p", F(" ".join(p2), c)))
        out.append(("p", F(AN_FACTORS[0] if "systems_structures" not in g else AN_FACTORS_NOSYS, c)))
    elif v == 1:
        out.append(("p", F("Several sources of evidence led us to recommit to this work.", c)))
        lead = {"student_outcomes": "Student outcomes. ", "groups": "Student groups. ", "instruction": "Instruction. ",
                "stakeholder_perspectives": "Stakeholder perspectives. ", "systems_structures": "Systems and structures. ",
                "work": "Student work. "}
        for k in order:
            if k not in g:
                out.append(("lead", lead[k], F(AN[k][1], c)))
            elif (k, g[k]) in AN_TRAP:
                out.append(("lead", lead[k], F(AN_TRAP[(k, g[k])], c)))
        out.append(("p", F(AN_FACTORS[1] if "systems_structures" not in g else AN_FACTORS_NOSYS, c)))
    else:
        rows = [["Data source", "What we saw"]] + [[F(AN[k][2][0], c), F(AN[k][2][1], c)] for k in order if k not in g]
        out.append(("table", rows))
        extra = [AN_TRAP[(k, g[k])] for k in order if k in g and (k, g[k]) in AN_TRAP]
        if extra: out.append(("p", F(" ".join(extra), c)))
        out.append(("p", F(AN_FACTORS[2] if "systems_structures" not in g else AN_FACTORS_NOSYS, c)))
    return out


# ----------------------------------------------------------------------------- 3. stakeholder engagement
ST = {
 "students": [
  "We held focus groups with {stu} in grades 4-8 in March; they asked for more chances to talk through ideas with classmates and for books with characters who look like them, which is why discourse and text selection sit at the center of the priority.",
  ("{Stu}", "Focus groups, grades 4-8", "More discourse; more diverse texts"),
  "We then went to {stu} themselves. They were direct: class is most interesting when they get to argue about something, and least when they copy notes. That is now written into the walkthrough tool."],
 "families": [
  "{Fam} weighed in through a survey in English, Spanish and Portuguese and at two evening coffee hours; the most common request was clearer information about how their children are doing, so the plan includes family-friendly reports after each {assess} window.",
  ("{Fam}", "Survey in three languages; two coffee hours", "Family reports after each data window"),
  "{Fam} said much the same thing at our spring coffee hours and on the family survey: they want to know what their child is learning and how to help at home, so each school will send a short curriculum note home with every unit."],
 "educators": [
  "Teachers, including ESL and special educators, shaped the plan through grade-level team meetings and the union's instructional council; they were candid that they need protected planning time, which led directly to the common planning blocks described under Resources.",
  ("Teachers, ESL and special educators", "Grade-team meetings; union instructional council", "Common planning time protected"),
  "We started with the people closest to classrooms. Our teachers, ESL staff and special educators met by grade band in February and told us the curriculum was strong but there was never time to study it together."],
 "school_leaders": [
  "Principals and assistant principals worked through the Instructional Priority protocol with us at three leadership meetings and drafted the school-level benchmarks themselves.",
  ("Principals and assistant principals", "Three leadership sessions (Instructional Priority protocol)", "Principals drafted school-level benchmarks"),
  "Principals took those notes into our leadership sessions, and they are the ones who argued for narrowing the plan to what we could actually monitor."],
 "community": [
  "Community partners, among them {comm} and our colleagues at {univ}, reviewed the draft at the April community forum and pushed us to connect the priority to after-school and summer programming.",
  ("Community partners", "April forum with {comm} and {univ}", "After-school and summer links"),
  "Our partners at {comm} hosted a listening session for neighborhood residents, and what they heard (that summer is when many children lose ground) is why summer programming appears in the plan."],
}
ST_ID = {
 "educators": "In our identified schools, {ident_list}, we went further. Staff there told us that coaching had felt like compliance, so the coaching model now begins with teacher-chosen goals.",
 "students": "At our identified schools, {ident_list}, {stu} in the focus groups said they rarely work with classmates on hard problems, and that feedback shaped the discourse routines in the plan.",
 "families": "{Fam} at {ident_list} told us in separate coffee hours that they wanted to see the work their children do; those schools will hold family learning nights each trimester.",
}
ST_ONGOING = [
 "Going forward, the DILT will share benchmark data with each School Site Council every trimester, an advisory group of {stu} will meet with the Superintendent twice a year, and {fam} will get a short update after each data window.",
 "Engagement does not end with this submission: School Site Councils will review progress at their fall and spring meetings, the teachers' instructional council meets monthly with the {cao}, and our partners will be invited to the mid-year and end-of-year DILT reviews.",
 "We will keep these groups involved as the plan is carried out. They will see the same benchmark data the DILT sees, in plain language, at Site Council meetings each trimester, and we will repeat the focus groups in the spring.",
]
ST_TRAP = {
 ("students", "neg"): "We did not survey or meet with {stu} directly this year; we relied on what teachers told us about their classes.",
 ("families", "future"): "We hope to hold listening sessions with {fam} next fall, once the plan is underway.",
 ("idschool", "future"): "Next year we would like to hold separate listening sessions at the schools identified as requiring assistance.",
}
ST_COMMENT = {
 "students": ("R. Tavares", "Add what the 7th grade focus group said? Notes are in the shared drive."),
 "community": ("M. Rivera", "Should we add the listening session {comm} hosted in April? Notes are with Maria."),
}


def stakeholders(c, g):
    v = c["v"]
    groups = ["students", "families", "educators", "school_leaders", "community"]
    order = {0: ["students", "families", "educators", "school_leaders", "community"],
             1: groups,
             2: ["educators", "school_leaders", "students", "families", "community"]}[v]
    present = [k for k in order if k not in g]
    traps = [F(ST_TRAP[(k, g[k])], c) for k in order if k in g and (k, g[k]) in ST_TRAP]
    comment = next((ST_COMMENT[k] for k in order if g.get(k) == "comment"), None)
    idsrc = next(k for k in ("educators", "students", "families") if k not in g)
    out = []
    if v in (0, 2):
        intro = "This plan was shaped by many conversations over the spring." if v == 0 else ""
        paras = []
        cur = [intro] if intro else []
        for k in present:
            cur.append(F(ST[k][0 if v == 0 else 2], c))
            if len(cur) >= 3:
                paras.append(" ".join(cur)); cur = []
        cur += traps
        if cur: paras.append(" ".join(cur))
        for p in paras: out.append(("p", p))
    else:
        out.append(("p", F("The table shows who we heard from, how, and what changed in the plan as a result.", c)))
        rows = [["Who", "How we heard from them", "What it changed"]]
        for k in present:
            rows.append([F(x, c) for x in ST[k][1]])
        out.append(("table", rows))
        if traps: out.append(("p", " ".join(traps)))
    if "idschool" not in g:
        out.append(("p", F(ST_ID[idsrc], c)))
    elif (("idschool", g["idschool"])) in ST_TRAP:
        out.append(("p", F(ST_TRAP[("idschool", g["idschool"])], c)))
    if "ongoing" not in g:
        out.append(("p", F(ST_ONGOING[v], c)))
    if comment:
        i = 0 if out[0][0] == "p" else len(out) - 1
        out[i] = ("p", out[i][1], {"comment": (comment[0], F(comment[1], c))})
    return out


# ----------------------------------------------------------------------------- 4. outcomes
def outcomes(c, g):
    v = c["v"]
    out = []
    tg, gt = "targets" not in g, "grouptargets" not in g
    other = F("Beyond the accountability measures we will track {early} benchmark rates, typical growth on {assess}, chronic absence, and the student-experience questions on VOCAL, because these move within the year.", c)
    local = F("By spring 2024, 60% of {stu} will meet typical growth on {assess} reading and math, including at least 55% of {ml} and of {swd}, and the share of K-2 {stu} at benchmark on {early} will rise by ten points.", c)
    if v == 0:
        if tg and gt:
            out.append(("p", F("By focusing on this priority we expect to meet DESE's accountability targets for {subj} achievement and growth in 2024, both for the district as a whole and for our high needs, {ml} and {swd} groups, and to meet the target for progress toward English language proficiency.", c)))
        elif tg:
            out.append(("p", F("By focusing on this priority we expect to meet our 2024 accountability targets for {subj} achievement (average scaled score) and growth (mean SGP of at least 50) for the district in the aggregate.", c)))
        elif g["targets"] == "future":
            out.append(("p", F("Once DESE releases our accountability targets, we will decide which of them this priority is expected to move and add them here. For now we are using local measures.", c)))
        else:
            out.append(("p", F("Our outcome goals are local for now.", c)))
        if not tg or gt:
            if not tg: out.append(("p", local))
        out.append(("p", other if tg else F("We will also watch chronic absence and the VOCAL student-experience questions.", c)))
    elif v == 1:
        items = []
        if tg and gt:
            items.append(F("Accountability targets: meet or exceed the 2024 targets for MCAS {subj} achievement and growth for all {stu}, high needs {stu}, {ml} and {swd}.", c))
            items.append(F("English language proficiency: meet the target for the percent of {ml} making progress on ACCESS.", c))
        elif tg:
            items.append(F("Accountability targets: meet or exceed the district's 2024 targets for MCAS {subj} achievement and growth.", c))
        else:
            items.append(local)
        items.append(F("Other indicators we will track: {early} benchmark rates, {assess} typical growth, chronic absence, and VOCAL.", c))
        out.append(("p", F("We expect this work to show up in the following outcomes:", c)))
        out.append(("ul", items))
    else:
        hdr = ["Measure", "All students"] + (["Student groups"] if gt else [])
        rows = [hdr]
        if tg:
            rows.append([F("MCAS {subj} achievement (accountability target)", c), "Meet 2024 target"] + ([F("Meet targets for high needs, {ml}, {swd}", c)] if gt else []))
            rows.append([F("MCAS {subj} growth (accountability)", c), "Mean SGP 50+"] + ([F("Mean SGP 50+ for {ml} and {swd}", c)] if gt else []))
        rows.append([F("{assess} typical growth (local)", c), "60%"] + ([F("55% for {ml} and {swd}", c)] if gt else []))
        rows.append([F("{early} at benchmark, K-2 (local)", c), "+10 points"] + (["+10 points for each group"] if gt else []))
        rows.append(["Chronic absence", "Under 15%"] + (["Under 18% for every group"] if gt else []))
        out.append(("table", rows))
        if not tg:
            out.append(("p", F("DESE's accountability targets were not yet published when this table was written.", c)))
    return out


# ----------------------------------------------------------------------------- 5. role clarity
RO = {
 "central_office": [
  "Central office will meet with each principal every two weeks for instructional coaching, join school learning walks monthly, protect PD days for curriculum work, and clear barriers such as schedules, materials and staffing within a week of hearing about them.",
  ("District office", "Biweekly principal coaching; monthly joint learning walks; protect PD days; remove barriers fast"),
  "Our district team (the {cao}, the content coordinators and the Director of Multilingual Learner Education) will coach principals every other week, walk classrooms with them each month, and fix the practical problems principals raise, from materials to master schedules."],
 "school_leaders": [
  "School leaders will lead ILT data cycles every six weeks, observe and give feedback in classrooms weekly, and make sure common planning time is used to plan curriculum lessons rather than for logistics.",
  ("Principals and APs", "Lead ILT cycles every six weeks; weekly observation and feedback; guard common planning time"),
  "Building leaders will turn that support into feedback for teachers: they will be in classrooms every week, run their ILT's data cycles, and keep common planning time focused on the upcoming lessons."],
 "teachers": [
  "Teachers will study each unit before teaching it, use the curriculum's scaffolds and language supports, look at student work with their team, and adjust instruction for {ml} and {swd} based on what they see.",
  ("Classroom teachers", "Internalize units; use built-in scaffolds; bring student work to team meetings; adjust for {ml} and {swd}"),
  "Educators in classrooms will prepare each unit with their team, use the supports built into the materials so that every learner works on grade-level tasks, and bring student work to planning meetings to decide what to reteach."],
}
RO_STRAT = [
 "We will use the Vertical Alignment Strategy protocol at the August leadership retreat so that each level can say what it will do consistently and what it needs from the level above. In short:",
 "Role clarity starts in August, when the DILT and every school's ILT go through the Vertical Alignment Strategy protocol together and leave with one-page role descriptions.",
 "Everyone should be able to say what they are doing for this priority and why. We will introduce the plan at opening-day meetings and revisit it at each mid-year review.",
]


def roles(c, g):
    v = c["v"]
    levels = [k for k in ("central_office", "school_leaders", "teachers") if k not in g]
    out = [("p", F(RO_STRAT[v], c))]
    if v == 0:
        for k in levels: out.append(("p", F(RO[k][0], c)))
    elif v == 1:
        out.append(("table", [["Role", "What we will do consistently"]] + [[F(x, c) for x in RO[k][1]] for k in levels]))
    else:
        out.append(("p", F(" ".join(RO[k][2] for k in levels), c)))
    return out


# ----------------------------------------------------------------------------- 6. monitoring
LVL = {0: {"district": "District", "school": "School"}, 1: {"district": "District-level", "school": "School-level"},
       2: {"district": "district-wide", "school": "each building"}}


def monitoring(c, g):
    v = c["v"]
    owner, freq = "owner" not in g, "freq" not in g
    bl = c["bench"]  # list of (topic_index, (level, text, owner, freq))
    out = []
    if freq and owner:
        intro = "The DILT will review all of these benchmarks at its mid-year session in January and its end-of-year session in June, and school ILTs will look at their own data in between."
    elif owner:
        intro = "The DILT and each school ILT will keep an eye on the benchmarks below."
    elif freq:
        intro = "We will look at the benchmarks below at regular points across the year, during the mid-year review in January and again in June."
    else:
        intro = "We will track a small set of benchmarks for each priority."
    if "school" in g:
        intro = intro.replace(", and school ILTs will look at their own data in between", "")
    if "district" in g and g["district"] == "neg":
        intro += " We have not set district-level benchmarks this year; each school's ILT will set and track its own."
    out.append(("p", F(intro, c)))
    multi = len(c["topics"]) > 1
    if v == 0:
        hdr = ["Interim benchmark", "Level"] + (["Who monitors"] if owner else []) + (["How often"] if freq else [])
        rows = [hdr]
        for ti, (lv, txt, ow, fr) in bl:
            lab = (f"P{ti + 1}: " if multi else "") + F(txt, c)
            rows.append([lab, LVL[0][lv]] + ([F(ow, c)] if owner else []) + ([F(fr, c)] if freq else []))
        out.append(("table", rows))
    elif v == 1:
        for lv in ("district", "school"):
            items = []
            for ti, (l2, txt, ow, fr) in bl:
                if l2 != lv: continue
                s = (f"(Priority {ti + 1}) " if multi else "") + F(txt, c)
                if owner and freq: s += F(f"; reviewed by {ow}, {fr}.", c)
                elif owner: s += F(f"; monitored by {ow}.", c)
                elif freq: s += F(f"; reviewed {fr}.", c)
                else: s += "."
                items.append(s)
            if items:
                out.append(("h3", LVL[1][lv] + " benchmarks"))
                out.append(("ol", items))
    else:
        items = []
        for ti, (lv, txt, ow, fr) in bl:
            s = (f"Priority {ti + 1}, " + LVL[2][lv] if multi else cap(LVL[2][lv])) + ": " + F(txt, c)
            extra = []
            if owner: extra.append(F(ow, c))
            if freq: extra.append(F(fr, c))
            s += (" (" + "; ".join(extra) + ")") if extra else ""
            items.append(s)
        out.append(("ul", items))
    if "mwork" not in g and not (owner and freq):
        out.append(("p", F("Student assignments and work samples will be analysed at the classroom, school and district level: teams look at samples together, ILTs review a cross-section from each grade, and the district content team reviews samples from a common task in every school.", c)))
    elif "mwork" not in g:
        out.append(("p", F([
            "Student work is part of every cycle. Each grade team will bring a set of student work samples to its data meeting every six weeks, coaches and principals will look at work from each classroom during learning walks, and once a trimester the district will review samples from a common task across all schools.",
            "Looking at student work: teachers analyse work samples in their teams each cycle using the curriculum rubrics, school ILTs pick a sample from each grade to calibrate on, and the district content team reviews a common assessment sample from every school each trimester.",
            "We will also read what {stu} actually produce. Classroom teams will analyse assignments and work samples at every data meeting, ILTs will review a cross-section of work at the school level, and the DILT will look at common-task samples from all schools at its mid-year and end-of-year reviews."][v], c)))
    return out


# ----------------------------------------------------------------------------- 7. resources
RS = {
 "internal": [
  "Internally, we will fund instructional coaches and ESL co-teachers through Title I and ESSER III, use our Targeted Assistance Grant for summer curriculum work, and protect two early-release professional learning days.",
  "Internal: instructional coaches and ESL co-teachers (Title I, ESSER III); TAG funds for summer curriculum internalization; two early-release PD days; common planning time built into the master schedule.",
  ("Coaches and ESL co-teachers", "Internal (Title I, ESSER III)", "Job-embedded coaching in every school")],
 "external": [
  "Externally, we will continue to work with our SSoS Regional Assistance team, with {ext} on curriculum-based professional learning, and with {univ}, while {comm} supports after-school and family outreach.",
  "External: our SSoS Regional Assistance team; {ext} (curriculum-based professional learning); {univ}; {comm} for after-school programming and family outreach.",
  ("{ext}", "External partner", "Curriculum-based professional learning")],
}
RS_EXTRA_ROWS = [("Targeted Assistance Grant", "Internal (state grant)", "Summer curriculum work"),
                 ("SSoS Regional Assistance team", "External (DESE)", "Learning walks, DILT facilitation")]
RS_BUDGET = [
 "Our ESSA resource allocation review showed that spending per pupil on coaching and intervention was lowest at {ident0} and {ident1}, even though they serve the highest shares of {ml} and low-income {stu}. In SY23-24 we are shifting two coaching positions and additional ESL staffing to those schools so that resources follow need.",
 "Budget equity (ESSA): the review of school-level budgets found that our identified schools had fewer coaching hours per teacher than other buildings. This plan redirects coaching and co-teaching time to them first and adds weighted per-pupil funding for {ml} in next year's budget.",
 "When we reviewed school budgets as ESSA requires, we found that the schools serving the most high-needs {stu} also had the least experienced staff and the least coaching. The plan puts the added coaching and the TAG-funded summer work in those schools first.",
]
RS_BUDGET_NOINT = "When we reviewed school budgets as ESSA requires, we found that the schools serving the most high-needs {stu} had the least access to outside partners and programs, so the partner supports listed above will start in those schools and reach the others later in the year."
RS_TRAP = {
 ("external", "neg"): "We are not planning to bring in outside partners or vendors this year; all professional learning will be led by our own staff.",
 ("budget", "future"): "We have not yet completed the ESSA review of school-level budgeting data and will add that analysis in a later revision of this plan.",
}


def resources(c, g):
    v = c["v"]
    out = []
    if v == 0:
        s = [RS[k][0] for k in ("internal", "external") if k not in g]
        s += [RS_TRAP[(k, g[k])] for k in ("internal", "external") if k in g and (k, g[k]) in RS_TRAP]
        out.append(("p", F(" ".join(s), c)))
    elif v == 1:
        out.append(("p", F("We will lean on the following to carry out the priority:", c)))
        items = [F(RS[k][1], c) for k in ("internal", "external") if k not in g]
        out.append(("ul", items))
        t = [RS_TRAP[(k, g[k])] for k in ("internal", "external") if k in g and (k, g[k]) in RS_TRAP]
        if t: out.append(("p", F(" ".join(t), c)))
    else:
        rows = [["Resource", "Source", "Use"]]
        if "internal" not in g:
            rows.append([F(x, c) for x in RS["internal"][2]]); rows.append(list(RS_EXTRA_ROWS[0]))
        if "external" not in g:
            rows.append([cap(F(x, c)) for x in RS["external"][2]]); rows.append(list(RS_EXTRA_ROWS[1]))
        out.append(("table", rows))
        t = [RS_TRAP[(k, g[k])] for k in ("internal", "external") if k in g and (k, g[k]) in RS_TRAP]
        if t: out.append(("p", F(" ".join(t), c)))
    if "budget" not in g:
        out.append(("p", F(RS_BUDGET[v] if "internal" not in g else RS_BUDGET_NOINT, c)))
    elif ("budget", g["budget"]) in RS_TRAP:
        out.append(("p", F(RS_TRAP[("budget", g["budget"])], c)))
    return out


# ----------------------------------------------------------------------------- 8. differentiation
def differentiation(c, g):
    v = c["v"]
    ident, more = c["ident"], c["more"]
    out = []
    if "schools" in g:
        out.append(("p", F("Schools identified as requiring assistance will get the most intensive support: an extra coaching day each week, monthly learning walks with the {cao} and our SSoS team, and first call on intervention staff. We will add two or three more schools in August based on spring data, and they will receive a lighter version of the same support.", c)))
        return out
    if v == 0:
        s = F("Support will not be the same everywhere. Our identified schools, {ident_list}, will get the most intensive help: an additional coaching day each week, monthly learning walks with the {cao} and our SSoS team, and first call on intervention staff.", c)
        if more:
            s += F(" {more_list} " + ("is" if len(more) == 1 else "are") + " not identified, but {early} and {assess} data show similar needs, so " + ("it" if len(more) == 1 else "they") + " will receive a lighter version of the same support: coaching every other week and quarterly walks.", c)
        s += " All other schools receive the universal supports described above."
        out.append(("p", s))
    elif v == 1:
        out.append(("p", F("We will differentiate by need. The schools below will receive more than the universal support every school gets.", c)))
        rows = [["School", "Why", "Differentiated support"]]
        for s in ident:
            rows.append([s, "Identified (requiring assistance)", "Extra coaching day weekly; monthly walks with district and SSoS"])
        for s in more:
            rows.append([s, "Not identified; similar data", "Biweekly coaching; quarterly walks"])
        out.append(("table", rows))
    else:
        out.append(("p", F("Differentiated support will go to these schools:", c)))
        items = [F(s + ": identified; weekly coaching, monthly district and SSoS learning walks, priority for ESL and intervention staffing", c) for s in ident]
        items += [F(s + ": not identified but showing similar needs; coaching every other week and a mid-year walk", c) for s in more]
        out.append(("ul", items))
    return out


BUILDERS = {"priorities": priorities, "analysis": analysis, "stakeholder_engagement": stakeholders, "outcomes": outcomes,
            "role_clarity": roles, "monitoring": monitoring, "resources": resources, "differentiation": differentiation}
