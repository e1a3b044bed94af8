"""The voices of corpus T. Each voice turns a Ctx into a list of sections
(id, heading, blocks) plus document front matter. Gap keys are honoured through
c.pick()/c.has()/c.gap(); see common.GAP_CODES."""
from common import H, P, L, UL, OL, TB, PR, sec, join, andlist

PROMPTS = {
    "priorities": "What are your district's top 1-2 instructional priorities for SY23-24? What are the meaningful changes in educator practice that are the focus of this priority? What will be the meaningful changes students will experience in their learning because of this focus? Which specific equity and opportunity gaps will this priority address?",
    "analysis": "What data led you to identify or recommit to this priority? What are the underlying systemic factors that contribute to the findings in your data analysis? Ensure your findings represent data from each of the four areas described in the CSDP Coherence Guidebook (student outcomes, instruction, stakeholder perspectives, and systems/structures); themes from both aggregate and student level analysis, including themes from looking at student work; data for specific student groups that point to specific equity gaps in the district; and insights gained from using the Data Equity Pause Protocol.",
    "stakeholder_engagement": "How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan? What input did you get from stakeholders in schools identified as requiring assistance? How will stakeholders be continuously engaged in implementation and monitoring?",
    "outcomes": "Which specific Accountability targets will be met as a result of focusing on this priority? (In the aggregate and for specific student groups). In addition to accountability targets, are there other data points that would be helpful to track for signs of progress with this priority?",
    "role_clarity": "What is your strategy to ensure that all stakeholders understand their role in implementing this priority? At a minimum, please describe:",
    "role_c": "What the district's central office will do consistently to support school leaders;",
    "role_l": "What school leaders will do consistently to support teacher practice; and",
    "role_t": "What teachers will do consistently to support student learning and achieving the desired outcomes.",
    "monitoring": "What interim benchmarks will you track throughout the year at both the district and school level to gauge changes in adult practice and student learning/experiences? Who will monitor these and how often? Share how student assignments and work samples will be analyzed at the district, school, and classroom level.",
    "resources": "What partnerships, programs, or resources will you leverage to implement this priority? These could include external resources (e.g., supports offered by DESE or other partners) as well as internal resources (e.g., staffing, funding from TAG, ESSER, M3 etc.) Briefly describe how the implementation of the plan will address any inequities discovered during the district's review of local district and school budgeting data, as required by ESSA.",
    "differentiation": "How will the district differentiate assistance for schools identified by the Accountability system as requiring assistance, and for other schools that need more support with this priority? Please list the schools that will receive differentiated support and briefly describe what that differentiated support will entail.",
}


def lc(s):
    """lower-case the first letter unless the first word is an acronym."""
    return s if s[:2].isupper() else s[:1].lower() + s[1:]


def each(c, field, key=None):
    out = []
    for t in c.topics:
        out.append(c.pick(key, t[field]) if key else t[field])
    return out


def plabel(c, i):
    return f"Priority {i + 1}" if len(c.topics) > 1 else "The priority"


def bm_line(c, b, owner=True, freq=True):
    s = b["text"] + f" ({b['level']} level)"
    if owner and c.has("mon.owner"):
        s += f". Monitored by {b['owner']}"
    if freq and c.has("mon.freq"):
        s += f", {b['freq']}" if (owner and c.has("mon.owner")) else f". Reviewed {b['freq']}"
    return s + "."


def bm_table(c, bms, cols=("Benchmark", "Level", "Who monitors", "How often"), level_names=None):
    header = [cols[0], cols[1]]
    if c.has("mon.owner"):
        header.append(cols[2])
    if c.has("mon.freq"):
        header.append(cols[3])
    rows = []
    for b in bms:
        lvl = (level_names or {}).get(b["level"], b["level"].capitalize())
        r = [b["text"], lvl]
        if c.has("mon.owner"):
            r.append(b["owner"][:1].upper() + b["owner"][1:])
        if c.has("mon.freq"):
            r.append(b["freq"][:1].upper() + b["freq"][1:])
        rows.append(r)
    return TB(header, rows)


def outcomes_core(c):
    """(accountability sentences, group sentences) honouring out.* gaps."""
    acct = []
    grp = []
    for t in c.topics:
        acct.append(c.pick("out.acct", t["o_acct"]))
        if c.gap("out.acct"):
            grp.append(None)
        else:
            grp.append(c.pick("out.groups", t["o_groups"]))
    if c.gap("out.acct") == "negated":
        acct = [acct[0]] + [None] * (len(acct) - 1)
        grp = [c.local_group_goal()] + [None] * (len(grp) - 1)
    if c.gap("out.groups") == "future":
        grp = [grp[0]] + [None] * (len(grp) - 1)
    return acct, grp


def school_work_line(c, t, style="plain"):
    """how student work is analysed at district, school and classroom level."""
    if c.gap("mon.school"):
        return c.f("Each quarter the DILT will review a district-wide set of student work samples from " + t["task"] + " to check whether tasks are at grade level.")
    return c.pick("mon.work", c.f(
        "Classroom {teachers} will look at " + t["task"] + " with their grade-level or department team every month; "
        "each school's ILT will bring a set of samples to its monthly meeting; and the DILT will review a cross-school "
        "sample of student work during each district learning walk, asking whether the tasks are grade-level and whether "
        "every group of {students} is producing work that meets the standard."))


# ---------------------------------------------------------------- voice A
def voice_A(c):
    """Small rural superintendent: terse, first person, notes."""
    T = c.topics
    s_id = c.ident[0]
    hs = [s for s in c.schools if s["level"] == "HS"][0]
    ms = [s for s in c.schools if s["level"] in ("MS", "K8")][0]
    out = []
    b = [P("One priority for next year. We are keeping the focus we had this year and tightening how we carry it out." if len(T) == 1
           else "Two priorities. The first is the instructional one; the second is how we lead it.")]
    for i, t in enumerate(T):
        if len(T) > 1:
            b.append(H(f"Priority {i + 1}: {t['title']}", 3))
        b += [L("Priority." , t["stmt"]),
              L("What changes for teachers.", c.pick("prio.practice", t["practice"])),
              L("What changes for kids.", c.pick("prio.experience", t["experience"])),
              L("Gap we are going after.", c.pick("prio.equity", t["gap"]))]
    out.append(sec("priorities", "1. Priorities", b))

    b = [P("Why this priority, short version. We looked at four kinds of data with the leadership team in March and April.")]
    items = []
    for t in T:
        items += [c.pick("anal.student_outcomes", "Outcomes. " + t["d_out"]),
                  None if c.gap("anal.groups") else "By group. " + t["d_groups"],
                  c.pick("anal.instruction", "Instruction. " + t["d_instr"]),
                  c.pick("anal.stakeholder_perspectives", "What people told us. " + t["d_persp"]),
                  c.pick("anal.systems_structures", "Systems. " + t["d_sys"]),
                  c.pick("anal.work", "Student work. " + t["d_work"])]
    b.append(UL(items))
    b.append(P("Root causes. " + T[0]["d_factors"]))
    if not c.gap("anal.groups"):
        b.append(P("Equity pause. " + T[0]["d_pause"]))
    out.append(sec("analysis", "2. Strengths and Challenges", b))

    t0 = T[0]
    b = [P(c.pick("stake.students", c.f("I met twice with the {student} council at " + hs["name"] + " and once with a group of sixth graders at " + ms["name"] + ". They " + t0["in_students"] + ". That is in the plan."))),
         P(c.pick("stake.families", c.f("We ran a short {family} survey in March (about 140 responses, English and Spanish) and I held two coffee hours. {Families} " + t0["in_families"] + "."))),
         P(c.pick("stake.educators", c.f("{Teachers} gave input through a staff survey and at the April early-release day. They " + t0["in_teachers"] + "."))),
         P(c.pick("stake.school_leaders", c.f("Our {principals} built this with me at our leadership meetings every other week since February. They " + t0["in_leaders"] + "."))),
         P(c.pick("stake.community", c.f("I took the draft to the school committee and to our partners at the Family Center and the public library. Community partners " + t0["in_community"] + "."))),
         P(c.pick("stake.idschool", c.f(s_id["name"] + " is our school identified for assistance (" + s_id["ident"] + "). I held a separate session with its staff" + ("" if c.gap("stake.families") else " and a few {families}") + " there in May. They " + t0["in_idschool"] + "."))),
         P(c.pick("stake.ongoing", c.f("Going forward: a {teacher} and a {family} representative will sit on the DILT, {principals} report out monthly, and I will present mid-year and end-of-year benchmark data to the school committee and at a {family} night. Staff get a short survey each semester.")))]
    out.append(sec("stakeholder_engagement", "3. Stakeholders", b))

    acct, grp = outcomes_core(c)
    b = []
    for i, t in enumerate(T):
        b.append(UL([acct[i], grp[i]]))
    b.append(P("Other things we will watch: " + andlist([x for t in T for x in t["o_other"]]) + "."))
    out.append(sec("outcomes", "4. Outcomes", b))

    b = [P(c.f("How people will know their role: I will walk every {principal} through the plan in August, each building walks its staff through it on the first PD day, and we will use the Vertical Alignment protocol at our October leadership meeting to check that everyone describes their part the same way."))]
    b.append(L("District office.", c.pick("roles.central_office", c.f("We (me, the curriculum director and the coaches) will " + t0["role_c"] + "."))))
    b.append(L("Principals.", c.pick("roles.school_leaders", c.f("Each {principal} will " + t0["role_l"] + "."))))
    b.append(L("Teachers.", c.pick("roles.teachers", c.f("{Teachers} will " + t0["role_t"] + "."))))
    out.append(sec("role_clarity", "5. Roles", b))

    bms = c.benchmarks()
    b = [P("Benchmarks. We are keeping the list short on purpose.")]
    b.append(OL([bm_line(c, x) for x in bms]))
    b.append(P(school_work_line(c, t0)))
    out.append(sec("monitoring", "6. Monitoring", b))

    if c.gap("empty.resources"):
        b = [P("TBD")]
    else:
        b = [L("Outside help:", None if c.gap("res.external") else andlist([x for t in T for x in t["r_ext"]]) + "."),
             L("Our own:", None if c.gap("res.internal") else andlist([x for t in T for x in t["r_int"]]) + "."),
             P(c.pick("res.equity", "Budget equity. " + c.budget_equity()))]
    out.append(sec("resources", "7. Resources", b))

    if not c.gap("missing.differentiation"):
        if c.gap("diff.schools"):
            b = [P(c.f("Our identified school gets the most: weekly coaching, monthly learning walks with me and the SSoS team, and first call on intervention staff. Schools that need more support get a coach every other week. Everyone else gets the common PD and learning walks."))]
        else:
            b = [UL([c.f(s_id["name"] + " (identified): weekly coaching cycles, a monthly learning walk with me and the SSoS team, and first call on the interventionist."),
                     c.f(andlist([s["name"] for s in c.more]) + ": not identified, but their data say they need more; coaching every other week and a mid-year data review with me."),
                     c.f(andlist([s["name"] for s in c.others]) + ": the common PD, the learning walks, and support on request.")])]
        out.append(sec("differentiation", "8. Differentiation", b))
    front = [("title", f"{c.district} Public Schools"), ("subtitle", "SSoS District Prioritization Submission, SY2023-24"),
             ("p", "Prepared by the Superintendent. June 2023.")]
    return front, out


# ---------------------------------------------------------------- voice B
def voice_B(c):
    """Large urban district: bureaucratic prose, acronyms, numbered sub-sections."""
    T = c.topics
    d = c.district
    ab = "".join(w[0] for w in d.split()) + "PS"
    out = []
    b = [P(c.f(f"{d} Public Schools ({ab}) submits the following instructional priorit{'y' if len(T) == 1 else 'ies'} for SY23-24. "
               "The priorities are a subset of the District's three-year Student Opportunity Act (SOA) plan and ESSER III spending plan, "
               "were affirmed by the District Instructional Leadership Team (DILT), and align to DESE's Educational Vision and its commitment to "
               "Culturally and Linguistically Sustaining Practices (CLSP)."))]
    for i, t in enumerate(T):
        b.append(H(f"Priority {i + 1} (P{i + 1}): {t['title']}", 3))
        b.append(P(t["stmt"]))
        n = 1
        for key, field, title in (("prio.practice", "practice", "Shifts in Educator Practice"),
                                  ("prio.experience", "experience", "Shifts in Student Experience"),
                                  ("prio.equity", "gap", "Equity and Opportunity Gaps Addressed")):
            txt = c.pick(key, t[field])
            if txt:
                b.append(L(f"1.{i + 1}.{n} {title}.", txt))
                n += 1
    out.append(sec("priorities", "1.0 Instructional Priority(ies)", b))

    b = [P(c.f("The DILT, supported by the Office of Data and Accountability (ODA), conducted a root cause analysis in spring 2023 using the four data domains of the CSDP Coherence Guidebook, disaggregated MCAS, ACCESS and interim assessment data, and the Data Equity Pause protocol."))]
    areas = [("anal.student_outcomes", "d_out", "2.1 Student Outcomes"), ("anal.instruction", "d_instr", "2.2 Instruction"),
             ("anal.stakeholder_perspectives", "d_persp", "2.3 Stakeholder Perspectives"),
             ("anal.systems_structures", "d_sys", "2.4 Systems and Structures")]
    for key, field, title in areas:
        txts = [c.pick(key, t[field]) for t in T]
        if any(txts):
            b.append(H(title, 3))
            b.append(P(join(*txts)))
    if not c.gap("anal.work"):
        b += [H("2.5 Looking at Student Work (LASW)", 3), P(join(*each(c, "d_work")))]
    if not c.gap("anal.groups"):
        b += [H("2.6 Student Group Analysis and Data Equity Pause", 3), P(join(*each(c, "d_groups"))), P(T[0]["d_pause"])]
    b += [H("2.7 Underlying Systemic Factors", 3), P(join(*each(c, "d_factors")))]
    out.append(sec("analysis", "2.0 Analysis of Strengths and Challenges", b))

    t0 = T[0]
    s_id = c.ident
    rows = []
    for key, grp, act, said in (
            ("stake.students", "Students", "Student Advisory Council (SAC); focus groups at three middle schools and the high school", t0["in_students"]),
            ("stake.families", "Families", "Citywide Parent Council (CPC), SEPAC and ELPAC meetings; family survey in five languages", t0["in_families"]),
            ("stake.educators", "Educators", "Educator survey (n=1,140); union-district joint committee; content-area PLC feedback sessions", t0["in_teachers"]),
            ("stake.school_leaders", "School Leaders", "Principal cohort meetings; ILT chairs' retreat", t0["in_leaders"]),
            ("stake.community", "Community Partners", "Community Partnership Roundtable; higher-education and CBO partners", t0["in_community"])):
        v = c.gap(key)
        if v is None:
            rows.append([grp, act, said[:1].upper() + said[1:] + "."])
        elif v in ("negated", "future"):
            rows.append([grp, "—", c.pick(key, "")])
    b = [P(c.f("Stakeholder engagement followed the SOA plan engagement requirements. The table summarizes how each group was engaged and how its input shaped the plan.")),
         TB(["Stakeholder Group", "Engagement Activity", "Input and How It Shaped the Plan"], rows)]
    b.append(L("Input from schools requiring assistance.", c.pick("stake.idschool", c.f(
        "ODA and the Office of School Improvement facilitated ILT and family sessions at each identified school (" + c.names(s_id) + "). Stakeholders there " + t0["in_idschool"] + "."))))
    b.append(L("Continuous engagement.", c.pick("stake.ongoing", c.f(
        "Benchmark data will be shared at the mid-year and end-of-year DILT progress monitoring sessions, with {student} and {family} representatives from the SAC and CPC invited; each ILT will report to its School Site Council twice a year; and the {central} will publish a public progress dashboard."))))
    out.append(sec("stakeholder_engagement", "3.0 Stakeholder Engagement", b))

    acct, grp = outcomes_core(c)
    b = [H("4.1 Accountability Targets (Aggregate and Student Group)", 3), UL(acct + grp),
         H("4.2 Additional Progress Indicators", 3), UL([x[:1].upper() + x[1:] for t in T for x in t["o_other"]])]
    if not any(acct + grp):
        b = b[2:]
    out.append(sec("outcomes", "4.0 Outcomes", b))

    b = [P(c.f("{Central} will use the Vertical Alignment Strategy protocol with each school leadership team in August and again at mid-year so that every role group can state what it is doing consistently and how it connects to the priority. Role expectations will be embedded in the School Leader evaluation goals and ILT charters.")),
         L("Central Office (Chief Academic Officer, OCI, OML, OSE):", c.pick("roles.central_office", c.f("will " + t0["role_c"] + "."))),
         L("School Leaders (Principals, Assistant Principals, ILTs):", c.pick("roles.school_leaders", c.f("will " + t0["role_l"] + "."))),
         L("Educators:", c.pick("roles.teachers", c.f("will " + t0["role_t"] + ".")))]
    out.append(sec("role_clarity", "5.0 Role Clarity", b))

    bms = c.benchmarks()
    b = [P(c.f("The DILT will track a small set of interim benchmarks at the district and school level. Mid-year (January) and end-of-year (June) progress monitoring sessions with the SSoS team will review all benchmarks, disaggregated for MLs and SWDs.")),
         bm_table(c, bms), P(school_work_line(c, t0))]
    out.append(sec("monitoring", "6.0 Monitoring Implementation", b))

    if c.gap("empty.resources"):
        b = [P("[Insert response here]")]
    else:
        b = []
        if not c.gap("res.external"):
            b += [H("7.1 External Resources", 3), UL([x[:1].upper() + x[1:] for t in T for x in t["r_ext"]])]
        if not c.gap("res.internal"):
            b += [H("7.2 Internal Resources", 3), UL([x[:1].upper() + x[1:] for t in T for x in t["r_int"]] + ["Targeted Assistance Grant (TAG) funds for school-based coaching"])]
        e = c.pick("res.equity", c.budget_equity(1))
        if e:
            b += [H("7.3 Addressing Budget Inequities (ESSA)", 3), P(e)]
    out.append(sec("resources", "7.0 Resources", b))

    if not c.gap("missing.differentiation"):
        tiers = [["Tier 3 (intensive)", c.names(c.ident), "Weekly ILT coaching from OSI, bi-monthly learning walks with SSoS, priority placement of coaches and ESSER-funded interventionists, monthly data meetings with the Chief Academic Officer"],
                 ["Tier 2 (targeted)", c.names(c.more), "Bi-weekly coaching, quarterly learning walks, access to the principal coaching cohort"],
                 ["Tier 1 (universal)", "All other schools", "District PD, learning walk tools, and curriculum supports"]]
        if c.gap("diff.schools"):
            tiers = [[r[0], "See school list on file", r[2]] for r in tiers]
        b = [P("Support is differentiated according to accountability identification and benchmark data."),
             TB(["Tier", "Schools", "Differentiated Support"], tiers)]
        out.append(sec("differentiation", "8.0 Differentiation", b))
    front = [("title", f"{d} Public Schools"), ("subtitle", "Statewide System of Support (SSoS) District Prioritization Submission — SY2023-24"),
             ("p", "Submitted by the Office of the Superintendent and the Office of Curriculum and Instruction (OCI), June 2023.")]
    return front, out


# ---------------------------------------------------------------- voice C
def voice_C(c):
    """Regional vocational technical school: Superintendent-Director, shops, CTE."""
    T = c.topics
    t0 = T[0]
    d = c.district
    out = []
    b = [P(c.f("As a Chapter 74 regional vocational technical school, {district} serves {students} from eleven sending communities in a week-on/week-off schedule that alternates academic and shop weeks. Our instructional priority for SY23-24 carries forward the work we began this year."))]
    for i, t in enumerate(T):
        if len(T) > 1:
            b.append(H(f"Priority {i + 1}", 3))
        b.append(P(t["stmt"]))
        b.append(P(join(c.pick("prio.practice", "For our academic and CTE staff, the change in practice is this: " + t["practice"][0].lower() + t["practice"][1:]),
                        c.pick("prio.experience", "What changes for young people in the shops and classrooms: " + lc(t["experience"])))))
        b.append(P(c.pick("prio.equity", t["gap"])))
    out.append(sec("priorities", "Part 1 – Priority", b))

    anyg = any(k.startswith("anal.") for k in c.gaps)
    b = [P(c.f("Our Instructional Leadership Team, which includes the Academic Director, the Director of CTE, department heads and shop instructors, reviewed " + ("our data this spring." if anyg else "data from each CSDP Coherence Guidebook area this spring.")))]
    for t in T:
        b.append(P(join(c.pick("anal.student_outcomes", "Student outcomes: " + t["d_out"]), None if c.gap("anal.groups") else t["d_groups"])))
        b.append(P(c.pick("anal.instruction", "Instruction: " + t["d_instr"])))
        b.append(P(c.pick("anal.stakeholder_perspectives", "Stakeholder perspectives: " + t["d_persp"])))
        b.append(P(c.pick("anal.systems_structures", "Systems and structures: " + t["d_sys"])))
        b.append(P(c.pick("anal.work", "Student work: " + t["d_work"])))
    if not c.gap("anal.systems_structures"):
        b.append(P("Underlying systemic factors: " + t0["d_factors"]))
        if not c.gap("anal.groups"):
            b.append(P(t0["d_pause"]))
    out.append(sec("analysis", "Part 2 – Analysis of Strengths and Challenges", b))

    s_id = c.ident[0]
    parts = [
        c.pick("stake.students", c.f("We ran focus groups with {students} from every shop and from the Grade 9 Exploratory Program, and our {student} advisory board reviewed a draft; {students} " + t0["in_students"] + ".")),
        c.pick("stake.families", c.f("{Families} responded to a survey in English, Spanish and Portuguese and attended a parent advisory evening; they " + t0["in_families"] + ".")),
        c.pick("stake.educators", c.f("Academic and shop {teachers} gave input in department meetings and through the faculty council; they " + t0["in_teachers"] + ".")),
        c.pick("stake.school_leaders", c.f("Our {principals} (the principal, assistant principals, the Director of CTE and cluster coordinators) " + t0["in_leaders"] + ".")),
        c.pick("stake.community", c.f("Employers and community partners on our program advisory committees reviewed the priority at their spring meetings; " + t0["in_community"] + ".")),
    ]
    b = [P(join(*parts[:3])), P(join(*parts[3:]))]
    b.append(P(c.pick("stake.idschool", c.f("Because the whole school is identified as requiring assistance (" + s_id["ident"] + "), every one of these sessions was input from an identified school; in addition, the Grade 9 team, which works with our most recently enrolled {students}, met separately and " + t0["in_idschool"] + "."))))
    b.append(P(c.pick("stake.ongoing", c.f("To keep stakeholders engaged, the {student} advisory board and the parent advisory council will each review benchmark data twice a year, program advisory committees will see the integrated-unit work at their fall and spring meetings, and the faculty council will have a standing agenda item on the priority."))))
    out.append(sec("stakeholder_engagement", "Part 3 – Stakeholder Engagement", b))

    acct, grp = outcomes_core(c)
    b = [P(join(*acct)), P(join(*grp)), P("Other indicators we will track: " + andlist([x for t in T for x in t["o_other"]]) + ".")]
    out.append(sec("outcomes", "Part 4 – Outcomes", b))

    b = [P(c.f("The Superintendent-Director will present the plan to all staff at the August convocation, and each department and shop will complete a role map during the first professional day using the Vertical Alignment Strategy protocol.")),
         P(c.pick("roles.central_office", c.f("District administration (the Superintendent-Director, Academic Director and Director of CTE) will " + t0["role_c"] + "."))),
         P(c.pick("roles.school_leaders", c.f("The principal, assistant principals and cluster coordinators will " + t0["role_l"] + "."))),
         P(c.pick("roles.teachers", c.f("Academic and CTE {teachers} will " + t0["role_t"] + ".")))]
    out.append(sec("role_clarity", "Part 5 – Role Clarity", b))

    bms = c.benchmarks()
    b = [P("We will track the following interim benchmarks:"), OL([bm_line(c, x) for x in bms])]
    if c.gap("mon.work"):
        b.append(P(c.pick("mon.work", "")))
    else:
        b.append(P(c.f("Student work: shop instructors and academic {teachers} will review " + t0["task"] + " together in cluster meetings each month; the ILT will review a sample from every cluster each quarter; and district administration will look at a cross-program sample at the mid-year and end-of-year reviews.")))
    out.append(sec("monitoring", "Part 6 – Monitoring Implementation", b))

    b = [P(None if c.gap("res.external") else "External: " + andlist([x for t in T for x in t["r_ext"]]) + "."),
         P(None if c.gap("res.internal") else "Internal: " + andlist([x for t in T for x in t["r_int"]]) + "."),
         P(c.pick("res.equity", c.f("Budget equity: our ESSA review of spending by program showed that the programs with the largest share of {els} and {students} on IEPs had the oldest equipment and the fewest paraprofessional hours. We are moving Perkins and ESSER funds so those programs receive equipment upgrades and in-shop literacy support first.")))]
    out.append(sec("resources", "Part 7 – Resources", b))

    if not c.gap("missing.differentiation"):
        b = [P(c.f("As a single-school district, we differentiate by program and grade rather than by building.")),
             UL([c.f("Technical High School (whole school, identified): SSoS-supported learning walks twice a year and a school-wide literacy coach."),
                 c.f("Grade 9 Exploratory Program: a double block of academic support and weekly team meetings focused on the {students} most at risk of course failure."),
                 c.f("Construction and Building Trades cluster: an embedded literacy coach during shop weeks, because " + ("its walkthrough data showed the least technical reading." if c.has("anal.instruction") else "its grade 9 course failure rate is the highest of any cluster."))]) if not c.gap("diff.schools")
             else P(c.f("Programs with the greatest need will receive additional coaching and learning walks."))]
        out.append(sec("differentiation", "Part 8 – Differentiation", b))
    front = [("title", d), ("subtitle", "District Prioritization Submission to the Statewide System of Support, SY2023-24"),
             ("p", "Office of the Superintendent-Director")]
    return front, out


# ---------------------------------------------------------------- voice D
def voice_D(c):
    """Charter-like network: scholars, campuses, network office, deans."""
    T = c.topics
    t0 = T[0]
    out = []
    b = [P(c.f("Across our five campuses, the network has one north star for SY23-24" + (":" if len(T) == 1 else ", supported by a second priority about how we lead:")))]
    for i, t in enumerate(T):
        b.append(H(f"Priority {i + 1}: {t['title']}" if len(T) > 1 else t["title"], 3))
        b.append(P(t["stmt"]))
        b.append(UL([c.pick("prio.practice", "**Teacher moves:** " + t["practice"]),
                     c.pick("prio.experience", "**Scholar experience:** " + t["experience"]),
                     c.pick("prio.equity", "**Gap we are closing:** " + t["gap"])]))
    out.append(sec("priorities", "I. Priorities", b))

    b = [P(c.f("Our Chief Academic Officer led the network data team and each campus's Dean of Instruction through a spring data review. What we found, by CSDP Coherence Guidebook domain:"))]
    rows = []
    for key, name, field in (("anal.student_outcomes", "Student outcomes", "d_out"), ("anal.instruction", "Instruction", "d_instr"),
                             ("anal.stakeholder_perspectives", "Stakeholder perspectives", "d_persp"),
                             ("anal.systems_structures", "Systems and structures", "d_sys")):
        txt = join(*[c.pick(key, t[field]) for t in T])
        if txt:
            rows.append([name, txt])
    b.append(TB(["Domain", "What the data show"], rows))
    if not c.gap("anal.groups"):
        b.append(P("**By student group.** " + join(*each(c, "d_groups")) + " " + t0["d_pause"]))
    if not c.gap("anal.work"):
        b.append(P("**Scholar work.** " + join(*each(c, "d_work"))))
    b.append(P("**Why.** " + t0["d_factors"]))
    out.append(sec("analysis", "II. Analysis of Strengths & Challenges", b))

    s_id = c.ident
    b = [P(c.f("We asked every group that has a stake in our campuses, and we changed the plan because of what they said.")),
         UL([c.pick("stake.students", c.f("**Scholars:** the Scholar Senate and grade 7-12 advisory circles discussed a draft; scholars " + t0["in_students"] + ".")),
             c.pick("stake.families", c.f("**Families:** the Family Council, two Saturday family cafés with interpretation in Spanish and Haitian Creole, and a family survey; families " + t0["in_families"] + ".")),
             c.pick("stake.educators", c.f("**Teachers:** grade-level and content team feedback sessions and the teacher advisory board; teachers " + t0["in_teachers"] + ".")),
             c.pick("stake.school_leaders", c.f("**Campus directors and deans:** two leadership retreats; they " + t0["in_leaders"] + ".")),
             c.pick("stake.community", c.f("**Community:** our community partners (the neighborhood health center, a local college and two youth-serving organizations) " + t0["in_community"] + "."))]),
         P(c.pick("stake.idschool", c.f("At " + c.names(s_id) + ", the campuses identified as requiring assistance, the campus directors held their own teacher and family sessions; participants " + t0["in_idschool"] + "."))),
         P(c.pick("stake.ongoing", c.f("Staying engaged: the Scholar Senate and Family Council will each see benchmark data in November, February and May, teacher representatives sit on the network instructional leadership team, and community partners join our spring showcase of scholar work.")))]
    out.append(sec("stakeholder_engagement", "III. Stakeholder Engagement", b))

    acct, grp = outcomes_core(c)
    b = [P("**Accountability targets.** " + join(*acct)) if any(acct) else None,
         P("**For scholar groups.** " + join(*grp)) if any(grp) else None,
         P("**We will also watch** " + andlist([x for t in T for x in t["o_other"]]) + ".")]
    out.append(sec("outcomes", "IV. Outcomes", b))

    b = [P(c.f("Every adult should be able to say what they do differently because of this priority. In August the network office will run the Vertical Alignment Strategy protocol with campus directors, and each campus will repeat it with its teams; we will check understanding again at mid-year.")),
         TB(["Who", "What they do consistently"],
            [r for r in (["Network office (CAO, content directors, data team)", c.pick("roles.central_office", c.f(t0["role_c"][:1].upper() + t0["role_c"][1:] + "."))],
                         ["Campus directors and deans", c.pick("roles.school_leaders", c.f(t0["role_l"][:1].upper() + t0["role_l"][1:] + "."))],
                         ["Teachers", c.pick("roles.teachers", c.f(t0["role_t"][:1].upper() + t0["role_t"][1:] + "."))]) if r[1]])]
    out.append(sec("role_clarity", "V. Role Clarity", b))

    bms = c.benchmarks()
    b = [P(c.f("A few benchmarks, watched closely:")), bm_table(c, bms, level_names={"district": "Network", "school": "Campus"}),
         P(c.pick("mon.work", c.f("Scholar work is at the center of monitoring: teachers look at " + t0["task"] + " in weekly data meetings, campus instructional teams review a sample every month, and the network office reviews a cross-campus sample at each quarterly network learning walk.")))]
    out.append(sec("monitoring", "VI. Monitoring Implementation", b))

    b = [P(None if c.gap("res.external") else "**External partners and programs:** " + andlist([x for t in T for x in t["r_ext"]]) + "."),
         P(None if c.gap("res.internal") else "**Internal resources:** " + andlist([x for t in T for x in t["r_int"]] + ["network operations staff who protect teachers' planning time"]) + "."),
         P(c.pick("res.equity", "**Budget equity:** " + c.budget_equity(2)))]
    out.append(sec("resources", "VII. Resources", b))

    if not c.gap("missing.differentiation"):
        if c.gap("diff.schools"):
            b = [P(c.f("Campuses identified by the accountability system receive the most intensive support: a weekly network coach, bi-weekly learning walks with the network office and the SSoS team, and first priority for intervention staff. Campuses that need more support with the priority, based on benchmark data, receive bi-weekly coaching and a mid-year data deep dive. All campuses receive the network professional learning series."))]
        else:
            b = [P(c.f("Support is matched to need:")),
                 UL([c.f("**Identified campuses** (" + c.names(c.ident) + "): a weekly network coach, bi-weekly learning walks with the network office and the SSoS team, first priority for intervention staff."),
                     c.f("**Campuses needing more support** (" + c.names(c.more) + "): bi-weekly coaching and a mid-year data deep dive."),
                     c.f("**All other campuses** (" + c.names(c.others) + "): the network professional learning series and support on request.")])]
        out.append(sec("differentiation", "VIII. Differentiation", b))
    front = [("title", f"{c.district} Public Schools — Network of Campuses"), ("subtitle", "SSoS District Prioritization Submission, SY 2023-2024")]
    return front, out


# ---------------------------------------------------------------- voice E
def voice_E(c):
    """Consultant-written plan: executive summary, bullets everywhere, 'key actions'."""
    T = c.topics
    t0 = T[0]
    out = []
    front = [("title", f"{c.district} Public Schools"), ("subtitle", "District Prioritization Submission — SY23-24"),
             ("p", "Prepared with the district leadership team by an external planning partner. Draft for SSoS review, June 2023."),
             ("h", "Executive Summary"),
             ("ul", [f"{len(T)} instructional priorit{'y' if len(T) == 1 else 'ies'}: " + "; ".join(t["title"] for t in T) + ".",
                     "Built from a four-domain data review, stakeholder input and a review of school budgets.",
                     "A short list of benchmarks, each with an owner."])]
    b = []
    for i, t in enumerate(T):
        b.append(H(f"Priority {i + 1} — {t['title']}", 3))
        b.append(UL([L("Priority statement:", t["stmt"]),
                     L("Educator practice shifts:", c.pick("prio.practice", t["practice"])),
                     L("Student learning experience shifts:", c.pick("prio.experience", t["experience"])),
                     L("Equity / opportunity gaps addressed:", c.pick("prio.equity", t["gap"]))]))
    out.append(sec("priorities", "Section 1 | Priority(ies)", b))

    b = [P("Key findings from the spring data review, organized by the four CSDP Coherence Guidebook domains:")]
    for t in T:
        b.append(UL([L("Student outcomes:", c.pick("anal.student_outcomes", t["d_out"])),
                     L("Student groups:", None if c.gap("anal.groups") else t["d_groups"]),
                     L("Instruction:", c.pick("anal.instruction", t["d_instr"])),
                     L("Stakeholder perspectives:", c.pick("anal.stakeholder_perspectives", t["d_persp"])),
                     L("Systems / structures:", c.pick("anal.systems_structures", t["d_sys"])),
                     L("Student work themes:", c.pick("anal.work", t["d_work"]))]))
    b.append(UL([L("Root causes:", t0["d_factors"]), L("Data Equity Pause:", None if c.gap("anal.groups") else t0["d_pause"])]))
    out.append(sec("analysis", "Section 2 | Analysis of Strengths and Challenges", b))

    b = [P("What we heard, and what changed as a result:"),
         UL([L("Students", c.pick("stake.students", c.f("(focus groups at each secondary school, n≈60) " + t0["in_students"] + "."))),
             L("Families", c.pick("stake.families", c.f("(survey, n≈420; two family forums with interpretation) " + t0["in_families"] + "."))),
             L("Educators", c.pick("stake.educators", c.f("(staff survey, n≈310; union leadership consultation) " + t0["in_teachers"] + "."))),
             L("Principals", c.pick("stake.school_leaders", c.f("(three working sessions) " + t0["in_leaders"] + "."))),
             L("Community", c.pick("stake.community", c.f("(community partner breakfast; school committee subcommittee) partners " + t0["in_community"] + ".")))]),
         L("Identified schools:", c.pick("stake.idschool", c.f("separate listening sessions were held with staff, {families} and {students} at " + c.names(c.ident) + "; participants " + t0["in_idschool"] + "."))),
         L("Ongoing engagement:", c.pick("stake.ongoing", c.f("quarterly stakeholder update meetings; a {student} and {family} seat on the DILT; benchmark results posted for staff and {families} after each review cycle.")))]
    out.append(sec("stakeholder_engagement", "Section 3 | Stakeholder Engagement", b))

    acct, grp = outcomes_core(c)
    b = [L("Accountability targets (aggregate):", join(*acct)), L("Accountability targets (student groups):", join(*grp)),
         L("Additional progress indicators:", andlist([x for t in T for x in t["o_other"]]) + ".")]
    out.append(sec("outcomes", "Section 4 | Outcomes", b))

    b = [L("Strategy:", c.f("a one-page role map, introduced at the August leadership institute and revisited with the Vertical Alignment Strategy protocol at mid-year.")),
         UL([L("Central office", c.pick("roles.central_office", "— " + t0["role_c"] + ".")),
             L("School leaders", c.pick("roles.school_leaders", "— " + t0["role_l"] + ".")),
             L("Teachers", c.pick("roles.teachers", "— " + t0["role_t"] + "."))])]
    out.append(sec("role_clarity", "Section 5 | Role Clarity", b))

    bms = c.benchmarks()
    b = [P("Interim benchmarks (district and school level):"), bm_table(c, bms),
         L("Student work:", c.pick("mon.work", c.f("monthly team review of " + t0["task"] + " (classroom); monthly ILT sample review (school); quarterly cross-school sample at DILT learning walks (district).")))]
    if c.gap("mon.freq"):
        b[2] = L("Student work:", c.f("team review of " + t0["task"] + " (classroom), ILT sample review (school) and a cross-school sample at DILT learning walks (district)."))
    out.append(sec("monitoring", "Section 6 | Monitoring Implementation", b))

    b = [L("External:", None if c.gap("res.external") else andlist([x for t in T for x in t["r_ext"]]) + "."),
         L("Internal:", None if c.gap("res.internal") else andlist([x for t in T for x in t["r_int"]]) + "."),
         L("Budget equity (ESSA):", c.pick("res.equity", c.budget_equity(0)))]
    out.append(sec("resources", "Section 7 | Resources", b))

    if not c.gap("missing.differentiation"):
        b = [UL([L("Identified schools", "— " + c.names(c.ident) + ": weekly coaching, bi-weekly learning walks with SSoS, first priority for interventionists."),
                 L("Schools needing more support", "— " + c.names(c.more) + ": bi-weekly coaching and a mid-year data review."),
                 L("All other schools", "— " + c.names(c.others) + ": district PD and tools.")])]
        if c.gap("diff.schools"):
            b = [P("Identified schools receive weekly coaching; others receive less.")]
        out.append(sec("differentiation", "Section 8 | Differentiation", b))
    return front, out


# ---------------------------------------------------------------- voice F
def voice_F(c):
    """Narrative letter to the SSoS team, bold lead-in headings, first person plural."""
    T = c.topics
    t0 = T[0]
    out = []
    front = [("p", "June 27, 2023"), ("p", "Dr. Charmie Curry, Associate Commissioner, and the SSoS Regional Assistance Team"),
             ("p", "Dear Dr. Curry and colleagues,"),
             ("p", c.f("On behalf of the {district} Public Schools, I am pleased to share our district prioritization submission for the 2023-24 school year. We have written it as a letter because it is, in the end, a story about what we learned this year and what we intend to do about it."))]
    if len(T) == 1:
        b = [P("Our priority for next year is the one we recommitted to in March: " + t0["stmt"][0].lower() + t0["stmt"][1:])]
    else:
        b = [P("We have two priorities. The first: " + T[0]["stmt"][0].lower() + T[0]["stmt"][1:] + " The second supports the first: " + T[1]["stmt"][0].lower() + T[1]["stmt"][1:])]
    for t in T:
        b.append(P(join(c.pick("prio.practice", "In classrooms, the change we are after is in what adults do. " + t["practice"]),
                        c.pick("prio.experience", "For children, it should feel different too. " + t["experience"]))))
        b.append(P(c.pick("prio.equity", "We chose this work because of a specific gap. " + t["gap"])))
    out.append(sec("priorities", "Our Priority", b))

    b = []
    for t in T:
        b.append(P(join(c.pick("anal.student_outcomes", "We began with results. " + t["d_out"]),
                        None if c.gap("anal.groups") else t["d_groups"])))
        b.append(P(join(c.pick("anal.instruction", "Then we went into classrooms. " + t["d_instr"]),
                        c.pick("anal.stakeholder_perspectives", "We also asked people how school feels to them. " + t["d_persp"]),
                        c.pick("anal.systems_structures", "And we looked hard at our own systems. " + t["d_sys"]))))
        b.append(P(c.pick("anal.work", "Perhaps the most telling evidence came from student work. " + t["d_work"])))
    b.append(P(join("Taken together, these findings point to causes that are about systems more than individuals. " + t0["d_factors"],
                    None if c.gap("anal.groups") else t0["d_pause"])))
    out.append(sec("analysis", "What Our Data Told Us: Strengths and Challenges", b))

    b = [P(join(c.pick("stake.students", c.f("We heard from {students} first: our high school {student} advisory and middle school focus groups " + t0["in_students"] + ".")),
                c.pick("stake.families", c.f("{Families} who came to our spring coffee conversations " + t0["in_families"] + ".")),
                c.pick("stake.educators", c.f("{Teachers}, through building meetings and our joint labor-management committee, " + t0["in_teachers"] + ".")))),
         P(join(c.pick("stake.school_leaders", c.f("Our {principals} shaped the plan at three leadership sessions; they " + t0["in_leaders"] + ".")),
                c.pick("stake.community", c.f("Community members and partners at a town forum and the Rotary education committee " + t0["in_community"] + ".")))),
         P(c.pick("stake.idschool", c.f("We went separately to " + c.names(c.ident) + ", our schools identified as requiring assistance, and met with their teachers and {families}, who " + t0["in_idschool"] + "."))),
         P(c.pick("stake.ongoing", c.f("This will not be a one-time conversation. {Families} and {students} will be invited to a mid-year and an end-of-year progress night where we share benchmark results, {teachers} will see the data at every faculty meeting in which it is reviewed, and our community partners will receive a short update each quarter.")))]
    out.append(sec("stakeholder_engagement", "How Stakeholders Shaped the Plan", b))

    acct, grp = outcomes_core(c)
    b = [P(join("We expect this work to move our accountability results." if any(acct) else None, *acct)), P(join(*grp)),
         P("Beyond the accountability targets, we will watch " + andlist([x for t in T for x in t["o_other"]]) + ".")]
    out.append(sec("outcomes", "Outcomes We Are Aiming For", b))

    b = [P(c.f("We have learned that a plan only works when everyone can name their part. In August we will use the Vertical Alignment Strategy protocol with every building team, and we will ask the same question at mid-year: what are you doing consistently because of this priority?")),
         P(join(c.pick("roles.central_office", c.f("{Central} will " + t0["role_c"] + ".")),
                c.pick("roles.school_leaders", c.f("Our {principals} will " + t0["role_l"] + ".")),
                c.pick("roles.teachers", c.f("Our {teachers} will " + t0["role_t"] + "."))))]
    out.append(sec("role_clarity", "Role Clarity: Who Does What", b))

    bms = c.benchmarks()
    b = [P("We will track only a few interim benchmarks, at both the district and school level:"), OL([bm_line(c, x) for x in bms]),
         P(c.pick("mon.work", school_work_line(c, t0)))]
    if c.gap("anal.work") == "other":
        b.append(P("This will be the first year our teams look at student work together in a structured way."))
    out.append(sec("monitoring", "Monitoring Implementation", b))

    b = [P(join(None if c.gap("res.external") else "We will lean on partners outside the district: " + andlist([x for t in T for x in t["r_ext"]]) + ".",
                None if c.gap("res.internal") else "Inside the district, we are committing " + andlist([x for t in T for x in t["r_int"]]) + ".")),
         P(c.pick("res.equity", c.budget_equity()))]
    out.append(sec("resources", "Resources", b))

    if not c.gap("missing.differentiation"):
        b = [P(c.f("Not every school needs the same thing. " + c.names(c.ident) + ", which are identified as requiring assistance, will receive weekly coaching, monthly learning walks with district leaders and our SSoS partners, and first claim on intervention staff. " +
                   c.names(c.more) + (" are not identified but their benchmark data tell us they need more, so they will receive" if len(c.more) > 1 else " is not identified but its benchmark data tell us it needs more, so it will receive") + " coaching every other week and a mid-year data conversation with me. Our remaining schools, " + c.names(c.others) + ", will receive the district-wide professional learning and tools."))]
        if c.gap("diff.schools"):
            b = [P("Our identified schools will receive weekly coaching; others will receive support as needed.")]
        out.append(sec("differentiation", "Differentiated Support for Our Schools", b))
    out.append(dict(id=None, heading=None, blocks=[P("Thank you for your partnership. We look forward to your feedback."), P("Sincerely,"), P(c.spec.get("signer", "Superintendent of Schools"))]))
    return front, out


# ---------------------------------------------------------------- voice G
def voice_G(c):
    """Data-heavy plan: tables of results, baselines and targets, terse prose around them."""
    T = c.topics
    t0 = T[0]
    n0 = t0["nums"]
    out = []
    b = []
    for i, t in enumerate(T):
        b.append(H(f"Priority {i + 1}: {t['title']}", 3))
        b.append(P(t["stmt"]))
        rows = [[k, v] for k, v in (("Change in educator practice", c.pick("prio.practice", t["practice"])),
                                    ("Change in student experience", c.pick("prio.experience", t["experience"])),
                                    ("Equity and opportunity gap", c.pick("prio.equity", t["gap"]))) if v]
        b.append(TB(["Prompt", "Response"], rows))
    out.append(sec("priorities", "1. Priority(ies)", b))

    b = [P("Table 2.1 summarizes the evidence by CSDP Coherence Guidebook data area. Figures are from spring 2022 MCAS, the 2022-23 district assessment calendar, learning walks, surveys and the master schedule.")]
    rows = []
    for t in T:
        for key, area, field in (("anal.student_outcomes", "Student outcomes", "d_out"), ("anal.instruction", "Instruction", "d_instr"),
                                 ("anal.stakeholder_perspectives", "Stakeholder perspectives", "d_persp"),
                                 ("anal.systems_structures", "Systems/structures", "d_sys"), ("anal.work", "Student work (LASW)", "d_work")):
            v = c.pick(key, t[field])
            if v:
                rows.append([area + (f" (P{t['index'] + 1})" if len(T) > 1 else ""), v])
    b.append(TB(["Data area", "Finding"], rows))
    if not c.gap("anal.groups"):
        k = "ELA" if t0["key"] in ("lit", "ml", "incl", "writing") else "Math"
        b.append(P(f"Table 2.2 Spring 2022 MCAS {k}, percent meeting or exceeding expectations, by student group"))
        b.append(TB(["Group", "% M/E", "Gap to all students (pts)"],
                    [["All students", str(n0["agg"]), "—"],
                     [c.f("{Els}"), str(n0["el"]), str(n0["el"] - n0["agg"])],
                     [c.f("{Swd}"), str(n0["swd_p"]), str(n0["swd_p"] - n0["agg"])],
                     ["Low income", str(n0["li"]), str(n0["li"] - n0["agg"])],
                     ["Hispanic/Latino", str(n0["hi"]), str(n0["hi"] - n0["agg"])]]))
        b.append(P(join(*each(c, "d_groups"))))
        b.append(P("Data Equity Pause: " + t0["d_pause"]))
    b.append(P("Systemic factors: " + t0["d_factors"]))
    out.append(sec("analysis", "2. Analysis of Strengths and Challenges", b))

    rows = []
    for key, grp, how, n, said in (("stake.students", "Students", "Focus groups (grades 5-12)", "58", t0["in_students"]),
                                   ("stake.families", "Families", "Survey + 2 forums", "412", t0["in_families"]),
                                   ("stake.educators", "Teachers", "Staff survey + faculty meetings", "296", t0["in_teachers"]),
                                   ("stake.school_leaders", "Principals / APs", "Leadership team sessions (3)", "17", t0["in_leaders"]),
                                   ("stake.community", "Community partners", "Partner roundtable", "14", t0["in_community"])):
        v = c.gap(key)
        if v is None:
            rows.append([grp, how, n, said[:1].upper() + said[1:] + "."])
        elif v in ("negated", "future"):
            rows.append([grp, "—", "0", c.pick(key, "")])
    b = [TB(["Group", "How engaged", "Participants", "What we heard / how it shaped the plan"], rows),
         P(c.pick("stake.idschool", c.f("Identified schools: at " + c.names(c.ident) + " we held school-based sessions with staff and {families} (78 participants in total); they " + t0["in_idschool"] + "."))),
         P(c.pick("stake.ongoing", c.f("Continuing engagement: stakeholder representatives will review the benchmark dashboard with the DILT at mid-year and end-of-year; survey items will be repeated in the spring; school councils receive a data update each term.")))]
    out.append(sec("stakeholder_engagement", "3. Stakeholder Engagement", b))

    acct, grp = outcomes_core(c)
    b = []
    if not c.gap("out.acct"):
        rows = [["All students", "ELA/Math scaled score" if len(T) > 1 else "Scaled score", str(n0["ss"]), str(n0["ss_t"])]]
        if not c.gap("out.groups"):
            rows += [[c.f("{Els}"), "Scaled score", str(n0["ss_el"]), str(n0["ss_el_t"])],
                     [c.f("{Swd}"), "Scaled score", str(n0["ss_swd"]), str(n0["ss_swd_t"])]]
        b.append(P("Table 4.1 Accountability targets, 2023-24"))
        b.append(TB(["Group", "Indicator", "Baseline", "Target"], rows))
    b += [P(join(*acct)), P(join(*grp)), P("Other data points: " + andlist([x for t in T for x in t["o_other"]]) + ".")]
    out.append(sec("outcomes", "4. Outcomes", b))

    b = [P(c.f("Role expectations will be introduced at the August leadership retreat and checked with the Vertical Alignment Strategy protocol in October and February.")),
         TB(["Level", "Consistent actions"],
            [r for r in (["Central office", c.pick("roles.central_office", t0["role_c"][:1].upper() + t0["role_c"][1:] + ".")],
                         ["School leaders", c.pick("roles.school_leaders", t0["role_l"][:1].upper() + t0["role_l"][1:] + ".")],
                         ["Teachers", c.pick("roles.teachers", t0["role_t"][:1].upper() + t0["role_t"][1:] + ".")]) if r[1]])]
    out.append(sec("role_clarity", "5. Role Clarity", b))

    bms = c.benchmarks()
    b = [P("Table 6.1 Interim benchmarks"), bm_table(c, bms, cols=("Benchmark", "Level", "Owner", "Frequency")),
         P(school_work_line(c, t0))]
    out.append(sec("monitoring", "6. Monitoring Implementation", b))

    rows = []
    if not c.gap("res.external"):
        rows += [[x[:1].upper() + x[1:], "External", "DESE / partner"] for t in T for x in t["r_ext"]]
    if not c.gap("res.internal"):
        rows += [[x[:1].upper() + x[1:], "Internal", "District budget"] for t in T for x in t["r_int"]]
    b = [TB(["Resource", "Type", "Source"], rows), P(c.pick("res.equity", "Budget equity: " + c.budget_equity()))]
    out.append(sec("resources", "7. Resources", b))

    if not c.gap("missing.differentiation"):
        rows = [[s["name"], "Identified: " + s["ident"], "Weekly coaching; bi-weekly learning walks with SSoS; extra intervention staff"] for s in c.ident]
        rows += [[s["name"], "Not identified; benchmark data show need", "Bi-weekly coaching; mid-year data review"] for s in c.more]
        b = [P("Table 8.1 Schools receiving differentiated support"), TB(["School", "Status", "Support"], rows),
             P("All other schools receive the district professional learning series and tools.")]
        out.append(sec("differentiation", "8. Differentiation", b))
    front = [("title", f"{c.district} Public Schools"), ("subtitle", "SSoS District Prioritization Submission SY2023-24: Data Appendix Edition")]
    return front, out


# ---------------------------------------------------------------- voice H
def voice_H(c):
    """Mid-size city, synonym-heavy (learners, caregivers, building leaders, faculty),
    pronouns that point back, sub-answers in an unexpected order."""
    T = c.topics
    t0 = T[0]
    out = []
    b = []
    for i, t in enumerate(T):
        b.append(H(f"{'Priority ' + str(i + 1) + ': ' if len(T) > 1 else ''}{t['title']}", 3))
        # experience first, then the statement, then practice: a different order from the guidance
        ph = [("Imagine a classroom a year from now. ", "That is why our priority is to ", "Getting there depends on adults. "),
              ("Picture, too, the climate of that classroom. ", "So our second priority is to ", "That also asks something of adults. ")][min(i, 1)]
        b.append(P(join(c.pick("prio.experience", ph[0] + t["experience"]),
                        ph[1] + lc(t["stmt"]))))
        b.append(P(c.pick("prio.practice", ph[2] + t["practice"])))
        b.append(P(c.pick("prio.equity", t["gap"] + " These are the gaps we intend to close.")))
    out.append(sec("priorities", "Our Instructional Priorities", b))

    b = []
    for t in T:
        b.append(P(join(c.pick("anal.systems_structures", "We start with the structures, because they explain much of what follows. " + t["d_sys"]),
                        c.pick("anal.instruction", t["d_instr"]))))
        b.append(P(join(c.pick("anal.student_outcomes", "The outcomes reflect this. " + t["d_out"]),
                        None if c.gap("anal.groups") else t["d_groups"])))
        b.append(P(join(c.pick("anal.stakeholder_perspectives", "Learners and their caregivers see it too. " + t["d_persp"]),
                        c.pick("anal.work", t["d_work"]))))
    if c.gap("prio.equity") == "other":
        b.append(P("These gaps, for our multilingual learners and learners with disabilities, are the ones this priority is meant to close."))
    b.append(P(join(t0["d_factors"], None if c.gap("anal.groups") else t0["d_pause"])))
    out.append(sec("analysis", "Strengths and Challenges: What the Evidence Shows", b))

    ms = [s for s in c.schools if s["level"] in ("MS", "K8")][0]
    b = [P(join(c.pick("stake.idschool", c.f("Our engagement began in the two buildings where the stakes are highest, " + c.names(c.ident[:2]) + ", both identified as requiring assistance. Their faculty and caregivers " + t0["in_idschool"] + ".")),
                c.pick("stake.school_leaders", c.f("{Principals} from every building then worked the draft over at two cabinet retreats; they " + t0["in_leaders"] + ".")))),
         P(join(c.pick("stake.educators", c.f("Faculty and support staff contributed through building-based feedback sessions and the educator survey; they " + t0["in_teachers"] + ".")),
                c.pick("stake.students", c.f("Young people had their say through the {student} voice committee at " + ms["name"] + " and high school advisory; they " + t0["in_students"] + ".")),
                c.pick("stake.families", c.f("Parents, guardians and other caregivers came to three evening conversations with interpretation; they " + t0["in_families"] + ".")),
                c.pick("stake.community", c.f("Our partners in the wider community, including the library, a youth-development nonprofit and the local college, " + t0["in_community"] + ".")))),
         P(c.pick("stake.ongoing", c.f("These same groups stay at the table: a caregiver and a {student} representative join the district leadership team's mid-year and end-of-year reviews, faculty representatives sit on every building leadership team, and partners receive a short update after each benchmark cycle.")))]
    out.append(sec("stakeholder_engagement", "Stakeholder Voice and Engagement", b))

    acct, grp = outcomes_core(c)
    b = [P(join("Beyond the state targets, we will follow " + andlist([x for t in T for x in t["o_other"]]) + ".")),
         P(join("The state accountability targets we commit to meeting are these." if any(acct) else None, *acct)), P(join(*grp))]
    out.append(sec("outcomes", "Outcomes and Targets", b))

    b = [P(join(c.pick("roles.teachers", c.f("Educators will " + t0["role_t"] + ".")),
                c.pick("roles.school_leaders", c.f("To make that possible, building leaders will " + t0["role_l"] + ".")),
                c.pick("roles.central_office", c.f("They in turn need support from {central}, which will " + t0["role_c"] + ".")))),
         P(c.f("To make sure everyone understands their part, each building leadership team will complete a Vertical Alignment Strategy map in September, and the cabinet will revisit the maps at mid-year."))]
    out.append(sec("role_clarity", "Clarity of Roles", b))

    bms = c.benchmarks()
    b = [P("We will track a small set of interim measures, both system-wide and building by building:"),
         OL([bm_line(c, x).replace(" (district level)", " (system-wide)").replace(" (school level)", " (building level)") for x in bms]),
         P(school_work_line(c, t0))]
    out.append(sec("monitoring", "Monitoring Our Implementation", b))

    b = [P(join(None if c.gap("res.internal") else "From within, we will draw on " + andlist([x for t in T for x in t["r_int"]]) + ".",
                None if c.gap("res.external") else "From outside, we will draw on " + andlist([x for t in T for x in t["r_ext"]]) + ".")),
         P(c.pick("res.equity", c.budget_equity()))]
    out.append(sec("resources", "Resources and Partnerships", b))

    if not c.gap("missing.differentiation"):
        b = [P(c.f("Buildings identified by the accountability system, " + c.names(c.ident) + ", receive weekly coaching, bi-weekly learning walks with the cabinet and the SSoS team, and first call on interventionists. " +
                   "Buildings that are not identified but need more help with this priority, " + c.names(c.more) + ", receive coaching every other week and a mid-year data review. All other buildings receive the shared professional learning."))]
        if c.gap("diff.schools"):
            b = [P("Identified buildings receive weekly coaching and the others receive shared professional learning.")]
        out.append(sec("differentiation", "Differentiated Support by School", b))
    front = [("title", f"{c.district} Public Schools"), ("subtitle", "Instructional Prioritization Plan for the Statewide System of Support, 2023-2024")]
    return front, out


# ---------------------------------------------------------------- voice I
def voice_I(c):
    """The DESE template filled in: each section keeps the guidance prompt (italic),
    answers follow under 'Response'. Gaps marked 'template' leave only the prompt."""
    T = c.topics
    t0 = T[0]
    out = []
    R = lambda: L("Response:", " ")
    b = [PR(PROMPTS["priorities"])]
    for i, t in enumerate(T):
        b.append(L(f"Priority {i + 1}:" if len(T) > 1 else "Priority:", t["stmt"]))
        b.append(P(join(c.pick("prio.practice", "Educator practice: " + t["practice"]),
                        c.pick("prio.experience", "Student experience: " + t["experience"]),
                        c.pick("prio.equity", "Equity and opportunity gaps: " + t["gap"]))))
    out.append(sec("priorities", "1. Priority(ies)", b))

    b = [PR(PROMPTS["analysis"])]
    for t in T:
        b.append(P(join(c.pick("anal.student_outcomes", t["d_out"]), None if c.gap("anal.groups") else t["d_groups"])))
        b.append(P(join(c.pick("anal.instruction", t["d_instr"]), c.pick("anal.stakeholder_perspectives", t["d_persp"]),
                        c.pick("anal.systems_structures", t["d_sys"]))))
        b.append(P(c.pick("anal.work", t["d_work"])))
    b.append(P(join("Systemic factors: " + t0["d_factors"], None if c.gap("anal.groups") else "Data Equity Pause: " + t0["d_pause"])))
    out.append(sec("analysis", "2. Analysis of Strengths and Challenges", b))

    b = [PR(PROMPTS["stakeholder_engagement"]),
         P(join(c.pick("stake.students", c.f("{Students}: our {student} advisory groups at the middle and high school " + t0["in_students"] + ".")),
                c.pick("stake.families", c.f("{Families}: the district family survey (in four languages) and the parent advisory councils " + t0["in_families"] + ".")),
                c.pick("stake.educators", c.f("{Teachers}: the educator survey and faculty meeting feedback " + t0["in_teachers"] + ".")),
                c.pick("stake.school_leaders", c.f("{Principals}: at the spring leadership retreat, {principals} " + t0["in_leaders"] + ".")),
                c.pick("stake.community", c.f("Community: our community partners and the school committee's community forum " + t0["in_community"] + ".")))),
         P(c.pick("stake.idschool", c.f("Identified schools: at " + c.names(c.ident) + ", staff and {families} " + t0["in_idschool"] + "."))),
         P(c.pick("stake.ongoing", c.f("Continuous engagement: {students}, {families} and {teachers} will be represented at the DILT's mid-year and end-of-year progress reviews; each school council will review its benchmark data twice a year.")))]
    out.append(sec("stakeholder_engagement", "3. Stakeholder Engagement", b))

    acct, grp = outcomes_core(c)
    b = [PR(PROMPTS["outcomes"]), P(join(*acct)), P(join(*grp)), P("Other data points: " + andlist([x for t in T for x in t["o_other"]]) + ".")]
    out.append(sec("outcomes", "4. Outcomes", b))

    b = [PR(PROMPTS["role_clarity"]),
         P(c.f("Strategy: we will use the Vertical Alignment Strategy protocol at the August leadership institute and again at mid-year, and every school will post its role map."))]
    for key, pk, txt in (("roles.central_office", "role_c", c.f("{Central} will " + t0["role_c"] + ".")),
                         ("roles.school_leaders", "role_l", c.f("{Principals} will " + t0["role_l"] + ".")),
                         ("roles.teachers", "role_t", c.f("{Teachers} will " + t0["role_t"] + "."))):
        b.append(PR(PROMPTS[pk]))
        b.append(P(c.pick(key, txt)))
    out.append(sec("role_clarity", "5. Role Clarity", b))

    bms = c.benchmarks()
    b = [PR(PROMPTS["monitoring"]), bm_table(c, bms), P(school_work_line(c, t0))]
    out.append(sec("monitoring", "6. Monitoring Implementation", b))

    b = [PR(PROMPTS["resources"])]
    if c.gap("empty.resources"):
        b.append(P("Click or tap here to enter text."))
    else:
        b += [P(None if c.gap("res.external") else "External resources: " + andlist([x for t in T for x in t["r_ext"]]) + "."),
              P(None if c.gap("res.internal") else "Internal resources: " + andlist([x for t in T for x in t["r_int"]]) + "."),
              P(c.pick("res.equity", "Budget equity: " + c.budget_equity()))]
    out.append(sec("resources", "7. Resources", b))

    if not c.gap("missing.differentiation"):
        b = [PR(PROMPTS["differentiation"])]
        if c.gap("diff.schools"):
            b.append(P("Identified schools will receive more coaching than other schools."))
        else:
            b.append(UL([c.f(s["name"] + " — identified (" + s["ident"] + "): weekly coaching, bi-weekly learning walks with SSoS, added intervention staff.") for s in c.ident] +
                        [c.f(s["name"] + " — needs more support with this priority: bi-weekly coaching and a mid-year data review.") for s in c.more]))
            b.append(P("All other schools receive the district professional learning and tools."))
        out.append(sec("differentiation", "8. Differentiation", b))
    front = [("title", "Statewide System of Support (SSoS) District Prioritization Submission"),
             ("subtitle", f"District: {c.district}    School year: 2023-2024"),
             ("p", "Template provided by DESE; district responses follow each prompt.")]
    return front, out


# ---------------------------------------------------------------- voice J
def voice_J(c):
    """Essay: few, long paragraphs, several prompts answered at once and out of order."""
    T = c.topics
    t0 = T[0]
    out = []
    if len(T) == 1:
        lead = "Our single priority for the coming year is to " + t0["stmt"][0].lower() + t0["stmt"][1:]
    else:
        lead = ("We will pursue two priorities. The first is to " + T[0]["stmt"][0].lower() + T[0]["stmt"][1:] +
                " The second is to " + T[1]["stmt"][0].lower() + T[1]["stmt"][1:])
    pr = [("What has to change first is adult practice: ", "If that happens, "),
          ("For the second priority, the adult work is this: ", "The result for young people should be that ")]
    b = [P(join(lead, *[join(c.pick("prio.equity", t["gap"]), c.pick("prio.practice", pr[i][0] + lc(t["practice"])),
                               c.pick("prio.experience", pr[i][1] + lc(t["experience"]))) for i, t in enumerate(T)]))]
    out.append(sec("priorities", "Priority", b))

    paras = []
    leads = [("It was listening, more than any spreadsheet, that brought us here. ", "The numbers confirmed it. ",
              "When we visited classrooms the picture sharpened. ", "None of this is surprising once you look at how we are organized. "),
             ("The second priority grew out of the same review. ", "On results, ", "Our own observation notes are blunt. ",
              "Structurally, ")]
    for i, t in enumerate(T):
        L0 = leads[min(i, 1)]
        paras.append(join(c.pick("anal.stakeholder_perspectives", L0[0] + t["d_persp"]),
                          c.pick("anal.student_outcomes", L0[1] + (t["d_out"] if i == 0 else lc(t["d_out"]))),
                          None if c.gap("anal.groups") else t["d_groups"],
                          c.pick("anal.instruction", L0[2] + t["d_instr"]),
                          c.pick("anal.work", t["d_work"]),
                          c.pick("anal.systems_structures", L0[3] + (t["d_sys"] if i == 0 else lc(t["d_sys"])))))
    paras.append(join(t0["d_factors"], None if c.gap("anal.groups") else "The Data Equity Pause made one more thing plain: " + lc(t0["d_pause"])))
    out.append(sec("analysis", "Analysis", [P(x) for x in paras]))

    b = [P(join(c.pick("stake.ongoing", c.f("We want to start with what happens next, because engagement is not finished: {families}, {students} and {teachers} will continue to meet with us at the mid-year and end-of-year progress reviews, where we will share the benchmark data openly, and the community partners who helped us will be asked back each spring.")),
                c.pick("stake.idschool", c.f("The most important voices came from " + c.names(c.ident) + ", the schools identified as requiring assistance, where staff and {families} " + t0["in_idschool"] + ".")),
                "Elsewhere,",
                c.pick("stake.families", c.f("{families} " + t0["in_families"] + ";")),
                c.pick("stake.students", c.f("{students}, in focus groups at the high school and in the middle grades, " + t0["in_students"] + ";")),
                c.pick("stake.educators", c.f("{teachers} " + t0["in_teachers"] + ";")),
                c.pick("stake.school_leaders", c.f("{principals} " + t0["in_leaders"] + ";")),
                c.pick("stake.community", c.f("and our community partners " + t0["in_community"] + ".")),
                "Each of those points changed something in this plan."))]
    out.append(sec("stakeholder_engagement", "Stakeholder Engagement", b))

    acct, grp = outcomes_core(c)
    b = [P(join(*acct, *grp, "We will also look for early signs of progress in " + andlist([x for t in T for x in t["o_other"]]) + "."))]
    out.append(sec("outcomes", "Outcomes", b))

    b = [P(join(c.f("Everyone needs to understand their role, so the plan will be introduced through the Vertical Alignment Strategy protocol in August and revisited in January."),
                c.pick("roles.central_office", c.f("{Central} will " + t0["role_c"] + ";")),
                c.pick("roles.school_leaders", c.f("{principals} will " + t0["role_l"] + ";")),
                c.pick("roles.teachers", c.f("and {teachers} will " + t0["role_t"] + "."))))]
    out.append(sec("role_clarity", "Role Clarity", b))

    bms = c.benchmarks()
    b = [P(join("We have deliberately chosen only a few interim benchmarks. " +
                " ".join(f"{['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth'][i]}, at the {x['level']} level: {lc(x['text'])}" +
                         (f", which {x['owner']} will review {x['freq']}." if c.has("mon.owner") and c.has("mon.freq") else ".") for i, x in enumerate(bms)),
                school_work_line(c, t0)))]
    out.append(sec("monitoring", "Monitoring", b))

    b = [P(join(None if c.gap("res.external") else "We will rely on " + andlist([x for t in T for x in t["r_ext"]]) + ", which are external,",
                None if c.gap("res.internal") else ("and on " if c.has("res.external") else "We will rely on ") + andlist([x for t in T for x in t["r_int"]]) + " from our own budget.",
                c.pick("res.equity", c.budget_equity())))]
    out.append(sec("resources", "Resources", b))

    if not c.gap("missing.differentiation"):
        b = [P(c.f("The schools identified as requiring assistance, " + c.names(c.ident) + ", will get the most: weekly coaching, learning walks every two weeks with our SSoS partners, and first claim on interventionists. " +
                   c.names(c.more) + (" are" if len(c.more) > 1 else " is") + " not identified but need" + ("" if len(c.more) > 1 else "s") + " more support with this priority, and will receive coaching every other week. Every other school will receive the district-wide professional learning."))]
        out.append(sec("differentiation", "Differentiation", b))
    front = [("title", f"{c.district}: District Prioritization Submission, 2023-24")]
    return front, out


# ---------------------------------------------------------------- voice K (decks)
def voice_K(c):
    """Slide deck: telegraphic bullets, a table slide for benchmarks."""
    T = c.topics
    t0 = T[0]
    out = []
    b = []
    for i, t in enumerate(T):
        b.append(H(f"Priority {i + 1}: {t['title']}" if len(T) > 1 else t["title"], 3))
        b.append(UL([t["stmt"],
                     c.pick("prio.practice", "Educator practice → " + t["practice"]),
                     c.pick("prio.experience", "Student experience → " + t["experience"]),
                     c.pick("prio.equity", "Equity gap → " + t["gap"])]))
    out.append(sec("priorities", "Priority(ies)", b))

    b = []
    for t in T:
        b.append(H("Data: " + t["short"], 3))
        b.append(UL([c.pick("anal.student_outcomes", "Student outcomes: " + t["d_out"]),
                     None if c.gap("anal.groups") else "Student groups: " + t["d_groups"],
                     c.pick("anal.instruction", "Instruction: " + t["d_instr"]),
                     c.pick("anal.stakeholder_perspectives", "Stakeholder perspectives: " + t["d_persp"]),
                     c.pick("anal.systems_structures", "Systems & structures: " + t["d_sys"])]))
    b.append(H("Student work, root causes, equity pause", 3))
    b.append(UL([c.pick("anal.work", "Looking at student work: " + t0["d_work"]), "Root causes: " + t0["d_factors"],
                 None if c.gap("anal.groups") else "Data Equity Pause: " + t0["d_pause"],
                 "Schools identified as requiring assistance: " + "; ".join(c.ident_phrase(s) for s in c.ident) + "."]))
    out.append(sec("analysis", "Analysis of Strengths & Challenges", b))

    stu_ok = c.has("stake.students")
    b = [UL([c.pick("stake.students", c.f("Students (focus groups, grades 6-12): " + t0["in_students"])),
             c.pick("stake.families", c.f("Families (survey + 3 forums, interpreted): " + t0["in_families"])),
             c.pick("stake.educators", c.f("Teachers (survey + faculty meetings): " + t0["in_teachers"])),
             c.pick("stake.school_leaders", c.f("Principals (leadership team sessions): " + t0["in_leaders"])),
             c.pick("stake.community", c.f("Community partners (roundtable): " + t0["in_community"])),
             c.pick("stake.idschool", c.f("Identified schools (" + c.names(c.ident) + "): staff and families " + t0["in_idschool"])),
             c.pick("stake.ongoing", c.f("Ongoing: " + ("student, " if stu_ok else "") + "family and teacher reps at mid-year and end-of-year DILT reviews; benchmark results shared at school council meetings each term"))])]
    out.append(sec("stakeholder_engagement", "Stakeholder Engagement", b))

    acct, grp = outcomes_core(c)
    b = [UL([("Accountability target: " + a) if a else None for a in acct] + [("Student groups: " + g) if g else None for g in grp] +
            ["Also tracking: " + andlist([x for t in T for x in t["o_other"]])])]
    out.append(sec("outcomes", "Outcomes", b))

    b = [UL([c.f("Strategy: role map introduced at August leadership institute; Vertical Alignment Strategy protocol repeated at mid-year")]),
         TB(["Role", "Consistently will..."],
            [r for r in (["Central office", c.pick("roles.central_office", t0["role_c"][:1].upper() + t0["role_c"][1:])],
                         ["School leaders", c.pick("roles.school_leaders", t0["role_l"][:1].upper() + t0["role_l"][1:])],
                         ["Teachers", c.pick("roles.teachers", t0["role_t"][:1].upper() + t0["role_t"][1:])]) if r[1]])]
    out.append(sec("role_clarity", "Role Clarity", b))

    bms = c.benchmarks()
    b = [bm_table(c, bms, cols=("Interim benchmark", "Level", "Owner", "When")),
         UL([school_work_line(c, t0)])]
    out.append(sec("monitoring", "Monitoring Implementation", b))

    b = [UL([None if c.gap("res.external") else "External: " + "; ".join(x for t in T for x in t["r_ext"]),
             None if c.gap("res.internal") else "Internal: " + "; ".join(x for t in T for x in t["r_int"]),
             c.pick("res.equity", "Budget equity (ESSA review): " + c.budget_equity())])]
    out.append(sec("resources", "Resources", b))

    if not c.gap("missing.differentiation"):
        if c.gap("diff.schools"):
            b = [UL(["Identified schools: weekly coaching, bi-weekly learning walks with SSoS, first call on interventionists",
                     "Schools that need more support: coaching every other week, mid-year data review",
                     "All schools: district PD series and tools"])]
        else:
            b = [UL(["Identified: " + c.names(c.ident) + " → weekly coaching, bi-weekly learning walks with SSoS, first call on interventionists",
                     "Need more support: " + c.names(c.more) + " → coaching every other week, mid-year data review",
                     "Universal: " + c.names(c.others) + " → district PD series and tools"])]
        out.append(sec("differentiation", "Differentiation", b))
    front = [("title", f"{c.district} Public Schools"), ("subtitle", "SSoS District Prioritization Submission · SY23-24")]
    return front, out


# ---------------------------------------------------------------- voice L (spreadsheet form)
def voice_L(c):
    """Spreadsheet form: label/answer rows. 'blankrow' gaps keep the label with N/A."""
    T = c.topics
    t0 = T[0]
    out = []

    def row(label, key, text):
        v = c.gap(key) if key else None
        if v == "blankrow":
            return L(label, "N/A")
        t = c.pick(key, text) if key else text
        return L(label, t) if t else None

    b = []
    for i, t in enumerate(T):
        pre = f"Priority {i + 1} - " if len(T) > 1 else ""
        b += [row(pre + "Instructional priority", None, t["stmt"]),
              row(pre + "Change in educator practice", "prio.practice", t["practice"]),
              row(pre + "Change in student learning experience", "prio.experience", t["experience"]),
              row(pre + "Equity and opportunity gaps addressed", "prio.equity", t["gap"])]
    out.append(sec("priorities", "1. Priority(ies)", b))

    b = []
    for t in T:
        b += [row("Student outcomes data", "anal.student_outcomes", t["d_out"]),
              row("Student group data", "anal.groups", t["d_groups"]),
              row("Instruction data", "anal.instruction", t["d_instr"]),
              row("Stakeholder perspectives data", "anal.stakeholder_perspectives", t["d_persp"]),
              row("Systems and structures data", "anal.systems_structures", t["d_sys"]),
              row("Themes from student work", "anal.work", t["d_work"])]
    b += [row("Underlying systemic factors", None, t0["d_factors"]), row("Data Equity Pause insights", "anal.groups", t0["d_pause"])]
    out.append(sec("analysis", "2. Analysis of Strengths and Challenges", b))

    b = [row("Student input", "stake.students", c.f("{Students} on the high school {student} council and in grade 7 advisory " + t0["in_students"] + ".")),
         row("Family input", "stake.families", c.f("{Families} (survey in English, Spanish and Portuguese; two forums) " + t0["in_families"] + ".")),
         row("Educator input", "stake.educators", c.f("{Teachers} (staff survey and department meetings) " + t0["in_teachers"] + ".")),
         row("School leader input", "stake.school_leaders", c.f("{Principals} (leadership council) " + t0["in_leaders"] + ".")),
         row("Community input", "stake.community", c.f("Community partners (library, Boys & Girls Club, local college) " + t0["in_community"] + ".")),
         row("Input from identified schools", "stake.idschool", c.f("Staff and {families} at " + c.names(c.ident) + " " + t0["in_idschool"] + ".")),
         row("Ongoing engagement", "stake.ongoing", c.f("Stakeholder representatives join mid-year and end-of-year progress reviews; benchmark data shared with school councils each term."))]
    out.append(sec("stakeholder_engagement", "3. Stakeholder Engagement", b))

    acct, grp = outcomes_core(c)
    if c.gap("out.acct"):
        b = [row("Accountability targets", None, acct[0]), row("Student group goals", None, grp[0])]
    else:
        b = [row("Accountability targets (aggregate)", None, join(*acct)),
             row("Accountability targets (student groups)", None, join(*grp))]
    b.append(row("Other data points", None, andlist([x for t in T for x in t["o_other"]]) + "."))
    out.append(sec("outcomes", "4. Outcomes", b))

    b = [row("Strategy for role clarity", None, "Role map introduced at the August leadership institute; Vertical Alignment Strategy protocol repeated in January."),
         row("Central office", "roles.central_office", c.f("{Central} will " + t0["role_c"] + ".")),
         row("School leaders", "roles.school_leaders", c.f("{Principals} will " + t0["role_l"] + ".")),
         row("Teachers", "roles.teachers", c.f("{Teachers} will " + t0["role_t"] + "."))]
    out.append(sec("role_clarity", "5. Role Clarity", b))

    bms = c.benchmarks()
    b = [bm_table(c, bms, cols=("Interim benchmark", "Level (district/school)", "Person responsible", "Frequency")),
         row("Analysis of student work", "mon.work", school_work_line(c, t0))]
    out.append(sec("monitoring", "6. Monitoring Implementation", b))

    if c.gap("empty.resources"):
        b = [L("External resources", "TBD"), L("Internal resources", "TBD"), L("Budget equity (ESSA)", "TBD")]
    else:
        b = [row("External resources", "res.external", "; ".join(x for t in T for x in t["r_ext"])),
             row("Internal resources", "res.internal", "; ".join(x for t in T for x in t["r_int"])),
             row("Budget equity (ESSA)", "res.equity", c.budget_equity())]
    out.append(sec("resources", "7. Resources", b))

    if not c.gap("missing.differentiation"):
        rows = [[s["name"], "Identified: " + s["ident"], "Weekly coaching; learning walks with SSoS; interventionist"] for s in c.ident]
        rows += [[s["name"], "Needs more support", "Bi-weekly coaching; mid-year data review"] for s in c.more]
        b = [TB(["School", "Reason", "Differentiated support"], rows)]
        out.append(sec("differentiation", "8. Differentiation", b))
    front = [("title", f"{c.district} — SSoS District Prioritization Submission SY2023-24")]
    return front, out


VOICES = dict(A=voice_A, B=voice_B, C=voice_C, D=voice_D, E=voice_E, F=voice_F, G=voice_G, H=voice_H,
              I=voice_I, J=voice_J, K=voice_K, L=voice_L)
