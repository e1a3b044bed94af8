"""Content model for author-L corpus.

A plan spec (dict) -> Plan object holding, for each of the eight sections, a list
of blocks, plus structured benchmarks, plus the truth record.

Blocks: (kind, text, prio)  kind in {'p','b','sub'}; prio = None or priority index.
Defects (set of strings) remove or replace components and map to findings.
"""
import random

SECTION_IDS = ["priorities", "analysis", "stakeholder_engagement", "outcomes",
               "role_clarity", "monitoring", "resources", "differentiation"]

GUIDE_HEAD = {
    "priorities": "1. Priority(ies)",
    "analysis": "2. Analysis of Strengths and Challenges",
    "stakeholder_engagement": "3. Stakeholder Engagement",
    "outcomes": "4. Outcomes",
    "role_clarity": "5. Role Clarity",
    "monitoring": "6. Monitoring Implementation",
    "resources": "7. Resources",
    "differentiation": "8. Differentiation",
}
SHORT_HEAD = {
    "priorities": "Priority(ies)", "analysis": "Analysis of Strengths and Challenges",
    "stakeholder_engagement": "Stakeholder Engagement", "outcomes": "Outcomes",
    "role_clarity": "Role Clarity", "monitoring": "Monitoring Implementation",
    "resources": "Resources", "differentiation": "Differentiation",
}
# paraphrased, busy-office / committee headings
PARA_HEAD = {
    "priorities": "What are we focusing on next year?",
    "analysis": "What told us this was the right focus?",
    "stakeholder_engagement": "Who did we hear from, and what did they say?",
    "outcomes": "What will be different by June (targets)?",
    "role_clarity": "Who does what",
    "monitoring": "How will we know it's working?",
    "resources": "What we'll use to get it done",
    "differentiation": "Extra support for the schools that need it most",
}
CONSULT_HEAD = {
    "priorities": "Strategic Focus: Priority Initiatives",
    "analysis": "Diagnostic: Strengths, Challenges and Root Causes",
    "stakeholder_engagement": "Stakeholder Voice & Engagement",
    "outcomes": "Target Outcomes",
    "role_clarity": "Roles & Accountabilities",
    "monitoring": "Progress Monitoring & Interim Benchmarks",
    "resources": "Resourcing & Partnerships",
    "differentiation": "Tiered / Differentiated School Support",
}
BILING_HEAD = {
    "priorities": "Prioridades / Priority(ies)",
    "analysis": "Análisis de fortalezas y desafíos / Analysis of Strengths and Challenges",
    "stakeholder_engagement": "Participación de la comunidad escolar / Stakeholder Engagement",
    "outcomes": "Resultados / Outcomes",
    "role_clarity": "Claridad de roles / Role Clarity",
    "monitoring": "Monitoreo de la implementación / Monitoring Implementation",
    "resources": "Recursos / Resources",
    "differentiation": "Diferenciación / Differentiation",
}
HEADSETS = {"guide": GUIDE_HEAD, "short": SHORT_HEAD, "para": PARA_HEAD,
            "consult": CONSULT_HEAD, "biling": BILING_HEAD}

PROMPT = {
    "priorities": "What are your district's top 1-2 instructional priorities for SY23-24? What are the meaningful changes in educator practice that are the focus of this priority? What will be the meaningful changes students will experience in their learning because of this focus? Which specific equity and opportunity gaps will this priority address?",
    "analysis": "What data led you to identify or recommit to this priority? What are the underlying systemic factors that contribute to the findings in your data analysis? Ensure your findings represent data from each of the four areas (student outcomes, instruction, stakeholder perspectives, systems/structures), themes from looking at student work, and data for specific student groups.",
    "stakeholder_engagement": "How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan? What input did you get from stakeholders in schools identified as requiring assistance? How will stakeholders be continuously engaged in implementation and monitoring?",
    "outcomes": "Which specific Accountability targets will be met as a result of focusing on this priority? (In the aggregate and for specific student groups). Are there other data points that would be helpful to track for signs of progress with this priority?",
    "role_clarity": "What is your strategy to ensure that all stakeholders understand their role in implementing this priority? Describe what the central office will do to support school leaders; what school leaders will do to support teacher practice; and what teachers will do to support student learning.",
    "monitoring": "What interim benchmarks will you track throughout the year at both the district and school level to gauge changes in adult practice and student learning/experiences? Who will monitor these and how often? Share how student assignments and work samples will be analyzed at the district, school, and classroom level.",
    "resources": "What partnerships, programs, or resources will you leverage to implement this priority? These could include external resources as well as internal resources. Briefly describe how the implementation of the plan will address any inequities discovered during the district's review of local district and school budgeting data, as required by ESSA.",
    "differentiation": "How will the district differentiate assistance for schools identified as requiring assistance, and for other schools that need more support with this priority? Please list the schools that will receive differentiated support and briefly describe what that differentiated support will entail.",
}

# ----------------------------------------------------------------------------
# priority topics
TOPICS = {
    "lit": dict(
        clsp=True,
        name={
            "guide": "Strengthen culturally and linguistically sustaining, grade-appropriate literacy instruction in grades K-5 through full implementation of our high-quality ELA curriculum",
            "consult": "Grade-Appropriate, Culturally & Linguistically Sustaining Core Literacy (K-5)",
            "teacher": "Getting every K-5 kid grade-level reading work every day, with texts and talk that honor their cultures and home languages",
            "plain": "Better reading lessons in grades K-5: grade-level work that is culturally and linguistically sustaining",
            "biling": "Instrucción de lectoescritura culturalmente y lingüísticamente sostenible / Culturally and linguistically sustaining, grade-appropriate literacy instruction (K-5)",
        },
        practice=[
            "Teachers will deliver the grade-level ELA curriculum with fidelity, using culturally and linguistically sustaining discussion routines and scaffolds rather than lowering the text or task.",
            "Educators will shift from leveled small groups to whole-class grade-level texts with targeted supports, and will plan lessons in grade-level teams using the curriculum's internalization protocol.",
        ],
        experience=[
            "Students will spend most of the literacy block reading, writing about and discussing complex grade-level texts that reflect their identities, and will do more of the thinking and talking in class.",
            "Young people will see themselves in the texts they read, use their home languages as a resource, and work on grade-level tasks every day instead of remediation worksheets.",
        ],
        gaps=[
            "This priority addresses the gap in ELA achievement between English learners and their peers, and between students with disabilities and their peers, as identified in our SOA plan.",
            "The gaps we are targeting: multilingual learners and students with IEPs are far less likely to be given grade-level texts, and their MCAS ELA results trail the district average by 20+ points.",
        ],
        subject="ELA", grades="K-5",
    ),
    "math": dict(
        clsp=True,
        name={
            "guide": "Ensure grade-appropriate, culturally and linguistically sustaining mathematics instruction in grades 6-8 using Illustrative Mathematics",
            "consult": "Rigorous, Culturally Sustaining Middle-Grades Math Core (Grades 6-8)",
            "teacher": "Real grade-level math in 6-8, where kids talk through problems and their ideas and languages count",
            "plain": "Grade-level math in grades 6-8 that connects to students' cultures and languages",
            "biling": "Matemáticas a nivel de grado / Grade-appropriate, culturally and linguistically sustaining math (6-8)",
        },
        practice=[
            "Math teachers will use the launch-work-synthesize lesson structure, facilitate student discourse with language routines (MLRs), and use cool-down data to plan next-day instruction.",
            "Educators will move from teacher-led procedures to problem-based lessons, planning collaboratively in common planning time and using mathematical language routines to support multilingual learners.",
        ],
        experience=[
            "Students will work on grade-level problems in small groups, explain their reasoning, and see their own ways of thinking and home languages valued.",
            "Scholars will experience math class as a place to reason and argue, with access to grade-level tasks regardless of their placement last year.",
        ],
        gaps=[
            "This addresses the math achievement gap for Hispanic/Latino students, English learners and students with disabilities, which widened after 2020.",
            "Specific gaps: only a small share of our EL and high-needs students meet expectations in grade 6-8 math, and students with IEPs are disproportionately placed in below-grade-level intervention blocks.",
        ],
        subject="math", grades="6-8",
    ),
    "ml": dict(
        clsp=True,
        name={
            "guide": "Strengthen culturally and linguistically sustaining, grade-appropriate instruction for multilingual learners in all content classrooms",
            "consult": "Multilingual Learner Access to Grade-Level Content (Culturally & Linguistically Sustaining Practices)",
            "teacher": "Making sure our multilingual kids get the same grade-level work as everyone else, and that their languages are an asset in class",
            "plain": "Grade-level content lessons that sustain the cultures and languages of our multilingual learners",
            "biling": "Instrucción culturalmente y lingüísticamente sostenible para estudiantes multilingües / Culturally and linguistically sustaining, grade-level instruction for multilingual learners",
        },
        practice=[
            "Content teachers and ESL teachers will co-plan units, embed language objectives and translanguaging strategies, and hold multilingual learners to grade-level expectations.",
            "Educators will use the WIDA framework alongside our core curriculum to plan scaffolds that give multilingual learners access to the same grade-level tasks.",
        ],
        experience=[
            "Multilingual learners will participate in grade-level discussions and writing with supports, use their first language to make meaning, and see their cultures reflected in the curriculum.",
            "Students learning English will stay in their content classes with scaffolds instead of being pulled out, and will talk and write about grade-level content every day.",
        ],
        gaps=[
            "This priority addresses the gap in progress toward English proficiency and in ELA/math achievement between English learners (including former ELs) and non-EL students.",
            "The gap: ELs make up a large share of our enrollment, but their ACCESS growth and MCAS results lag well behind, and long-term ELs in grades 6-12 are the most underserved group in our data.",
        ],
        subject="ELA and math", grades="K-12",
    ),
    "belong": dict(
        clsp=False,
        name={
            "guide": "Strengthen the learning environment and students' sense of belonging in grades 6-12",
            "consult": "Belonging & Learning Environment (Grades 6-12)",
            "teacher": "Making school a place where every kid feels like they belong (grades 6-12)",
            "plain": "Make every student in grades 6-12 feel safe, known and welcome at school",
            "biling": "Sentido de pertenencia / Sense of belonging and learning environment (6-12)",
        },
        practice=[
            "Educators will use consistent community-building routines (advisory, restorative circles) and will know every student by name, strength and need.",
            "Staff will use the district's restorative practices framework and meet with students through a weekly advisory block.",
        ],
        experience=[
            "Students will report that at least one adult knows them well and that their classrooms are welcoming and respectful.",
            "Young people will experience fewer removals from class and will have a trusted adult at school.",
        ],
        gaps=[
            "This addresses gaps in belonging and discipline: Black and Latino students and students with disabilities are suspended at higher rates and report lower belonging on VOCAL.",
            "Gaps in exclusionary discipline and chronic absence for students with disabilities and Black students.",
        ],
        subject="belonging", grades="6-12",
    ),
    "ilt": dict(
        clsp=False,
        name={
            "guide": "Build effective school and district instructional leadership teams that lead cycles of inquiry",
            "consult": "Instructional Leadership Team (ILT) Effectiveness",
            "teacher": "Getting our ILTs to actually run on data and make decisions",
            "plain": "Strong instructional leadership teams at every school",
            "biling": "Equipos de liderazgo instruccional / Instructional leadership teams",
        },
        practice=[
            "Principals and ILT members will run six-week inquiry cycles, use walkthrough and student data to set a focus, and follow up with teacher teams.",
            "School leaders will lead ILT meetings with a common agenda and protocols, and teacher leaders will bring data from their teams.",
        ],
        experience=[
            "Students will experience more consistent instruction from classroom to classroom as teams act on shared data.",
            "Students will see adults respond faster when they are not learning, because teams review their progress every cycle.",
        ],
        gaps=[
            "This addresses the gap between our schools: identified schools have had the least stable leadership teams and the widest gaps for high-needs students.",
            "Gaps for high-needs students and English learners in the schools with the least developed ILTs.",
        ],
        subject="ILT", grades="K-12",
    ),
    "hqim": dict(
        clsp=False,
        name={
            "guide": "Adopt and implement high-quality instructional materials in K-8 science",
            "consult": "HQIM Adoption: K-8 Science",
            "teacher": "Rolling out the new science curriculum K-8",
            "plain": "Put strong, new science materials in every K-8 classroom",
            "biling": "Materiales de instrucción de alta calidad / High-quality instructional materials in science (K-8)",
        },
        practice=[
            "Teachers will use OpenSciEd units as written and attend curriculum-based professional learning.",
            "Educators will internalize units before teaching them and use the embedded assessments.",
        ],
        experience=[
            "Students will figure out phenomena through investigations rather than reading about science.",
            "Students will do hands-on investigations and argue from evidence in every unit.",
        ],
        gaps=[
            "This addresses the science achievement gap for low-income students and ELs, who have had the least access to lab-based learning.",
            "Gaps for economically disadvantaged students in grade 5 and 8 science.",
        ],
        subject="science", grades="K-8",
    ),
}

# ----------------------------------------------------------------------------
SCHOOL_STEMS = ["Lincoln", "Washington", "Kennedy", "Harriet Tubman", "Cesar Chavez",
                "Roberto Clemente", "Frederick Douglass", "Clara Barton", "Riverside",
                "Hillcrest", "Oak Grove", "Maple Street", "Pine Hill", "Brightwood",
                "Forest Park", "Sumner", "Greenwood", "Rebecca Johnson", "Mary Lyon",
                "Phillis Wheatley", "Abraham Lincoln", "John F. Kennedy", "Wilson",
                "Horace Mann", "Jefferson", "Franklin", "Plainfield", "Central Street",
                "Ferry Street", "Highland", "Burncoat", "Parkview", "Elm Park"]
SCHOOL_TYPES = ["Elementary School", "Middle School", "Elementary", "K-8 School",
                "Community School", "Academy", "High School", "Upper Elementary School"]


class Ctx:
    def __init__(self, spec):
        self.spec = spec
        self.r = random.Random(spec["name"])
        r = self.r
        stems = r.sample(SCHOOL_STEMS, 5)
        types = [r.choice(SCHOOL_TYPES[:6]) for _ in range(4)] + ["High School"]
        self.schools = [f"{s} {t}" for s, t in zip(stems, types)]
        self.identified = self.schools[:2]
        self.other = self.schools[2:4]
        self.district = spec["district"]
        self.dname = spec.get("dname", spec["district"] + " Public Schools")
        self.n = dict(
            ela=r.randint(21, 38), math=r.randint(16, 33), el_ela=r.randint(4, 12),
            swd_ela=r.randint(5, 14), ela_t=0, walk=r.randint(28, 46), vocal=r.randint(48, 63),
            vocal_el=r.randint(37, 47), cpt=r.randint(30, 45), el_pct=r.randint(18, 44),
            chronic=r.randint(22, 35), gap=r.randint(140, 620), sgp=r.randint(38, 46),
        )
        self.n["ela_t"] = self.n["ela"] + r.randint(4, 7)
        self.n["math_t"] = self.n["math"] + r.randint(4, 7)


def pick(ctx, opts):
    return opts[ctx.r.randrange(len(opts))]


# ----------------------------------------------------------------------------
def prio_label(voice, i, style=None):
    style = style or {"consult": "strategy", "biling": "biling", "teacher": "focus"}.get(voice, "priority")
    return {
        "priority": f"Priority {i+1}",
        "strategy": f"Strategy {i+1} —",
        "initiative": f"Initiative {'ABC'[i]}:",
        "lever": f"Lever {i+1}:",
        "focus": f"Focus #{i+1}:",
        "biling": f"Prioridad {i+1} / Priority {i+1}:",
        "goal": f"Instructional Goal {i+1}:",
    }[style]


def build(spec):
    """Return dict with 'sections' {id: {...}}, 'benchmarks' list, truth bits."""
    ctx = Ctx(spec)
    v = spec.get("voice", "guide")
    tv = v if v in ("consult", "teacher", "plain", "biling") else "guide"
    D = set(spec.get("defects", []))
    topics = spec["topics"]
    pstyle = spec.get("pstyle")
    n = ctx.n
    ident = ctx.identified
    S = {}
    findings = []

    def F(code, sec, items=None):
        findings.append({"code": "ssos::" + code, "section": sec, "items": items or []})

    P = []  # priority labels for reference
    for i, t in enumerate(topics):
        P.append((prio_label(v, i, pstyle), TOPICS[t]["name"][tv]))

    # ---------------- 1 priorities
    b = []
    if v == "consult":
        b.append(("p", f"Our theory of action: if {ctx.dname} concentrates resources on a small number of high-leverage strategies, then educator practice and student outcomes will shift measurably. For SY23-24 we are pursuing {len(topics)} strategic priorit{'y' if len(topics)==1 else 'ies'}.", None))
    elif v == "teacher":
        b.append(("p", f"Our committee (teachers from every building plus two coaches) landed on {['zero','one','two','three'][len(topics)]} big instructional focus{'es' if len(topics)!=1 else ''} for next year.", None))
    elif v == "biling":
        b.append(("p", f"Nuestras prioridades para el año escolar 2023-24. Our instructional priorities for SY23-24 are:", None))
    if spec.get("strategic_mention"):
        b.append(("p", "These priorities support Goal 3 (Teaching and Learning) of our five-goal district strategic plan; Goals 1, 2, 4 and 5 (facilities, finance, family partnership and workforce) are addressed elsewhere and are not part of this submission.", None))
    for i, t in enumerate(topics):
        T = TOPICS[t]
        lab, name = P[i]
        b.append(("sub", f"{lab} {name}" if lab.endswith((":", "—")) else f"{lab}: {name}", i))
        if "prio-no-educator_practice" not in D:
            b.append(("p", pick(ctx, ["Changes in educator practice: ", "Educator practice: ", ""]) + pick(ctx, T["practice"]), i))
        if "prio-no-student_experience" not in D:
            b.append(("p", pick(ctx, ["What students will experience: ", "Student experience: ", ""]) + pick(ctx, T["experience"]), i))
        if "prio-no-equity_gaps" not in D:
            b.append(("p", pick(ctx, ["Equity and opportunity gaps: ", "Gaps addressed: ", ""]) + pick(ctx, T["gaps"]), i))
    if spec.get("no_priority"):
        b = [("p", f"{ctx.dname} remains committed to the five goals of our 2022-2027 strategic plan: academic excellence, whole child, family and community partnership, talent, and operational effectiveness. All of our work this year will continue to advance these goals, and each school will determine its own improvement focus through its School Improvement Plan.", None),
             ("p", "We look forward to discussing with our SSoS team which areas of support would be most helpful.", None)]
    S["priorities"] = b
    clsp = any(TOPICS[t]["clsp"] for t in topics)
    if topics and not clsp:
        F("priorities::no-clsp-focus", "priorities")
    miss = [k for k in ("educator_practice", "student_experience", "equity_gaps") if f"prio-no-{k}" in D]
    if miss:
        F("priorities::prompt-unanswered", "priorities", miss)

    # ---------------- 2 analysis
    t0 = topics[0] if topics else "lit"
    subj = TOPICS[t0]["subject"]
    b = []
    comp = {}
    comp["student_outcomes"] = pick(ctx, [
        f"Student outcomes: On the 2022 MCAS, {n['ela']}% of our students in grades 3-8 met or exceeded expectations in ELA and {n['math']}% in math, below the state average, and our spring i-Ready diagnostic shows only {n['ela']+6}% of students on grade level.",
        f"Our 2022 MCAS results were the starting point: {n['ela']}% meeting/exceeding in ELA, {n['math']}% in math, with median SGPs of {n['sgp']} (ELA) and {n['sgp']-3} (math).",
    ])
    comp["instruction"] = pick(ctx, [
        f"Instruction: In {n['walk']*2+40} walkthroughs this year, only {n['walk']}% of observed {subj} lessons had students working on grade-level tasks, and most of the talk was teacher talk.",
        f"Our instructional rounds and walkthrough data (fall and winter) showed grade-appropriate tasks in just {n['walk']}% of classrooms visited; curriculum was often supplemented with below-grade worksheets.",
    ])
    comp["stakeholder_perspectives"] = pick(ctx, [
        f"Stakeholder perspectives: On the VOCAL survey, {n['vocal']}% of grade 5 and 8 students responded favorably on the engagement dimension, and only {n['vocal_el']}% of EL students did.",
        f"Student and family perception data (VOCAL and our spring climate survey) showed that {n['vocal']}% of students feel their teachers expect them to do challenging work; among multilingual learners it was {n['vocal_el']}%.",
    ])
    comp["systems_structures"] = pick(ctx, [
        f"Systems and structures: Only {n['cpt']}% of teacher teams have weekly common planning time protected in the schedule, and curriculum-based professional learning has been optional.",
        f"Our systems review found that schedules at {ident[0]} and {ident[1]} give teams less than one common planning block per week, coaching is spread thin ({n['cpt']//5} coaches for {n['cpt']*3} teachers), and there is no shared walkthrough tool.",
    ])
    comp["groups"] = pick(ctx, [
        f"Student groups: Only {n['el_ela']}% of English learners and {n['swd_ela']}% of students with disabilities met expectations in ELA, compared to {n['ela']}% overall; high-needs students at our identified schools trail their peers by more than 15 points.",
        f"The equity gap is clearest in our subgroup data: EL students ({n['el_ela']}% meeting expectations), students with disabilities ({n['swd_ela']}%), and Hispanic/Latino students ({n['ela']-9}%) all trail the district rate of {n['ela']}%.",
    ])
    comp["work"] = pick(ctx, [
        "Looking at student work: When ILTs analyzed writing samples from grades 3-8 using the Data Equity Pause protocol, we saw that tasks given to ELs and students with IEPs were rarely at grade level, and student responses were short and formulaic.",
        "Our student work analysis (a sample of 120 pieces of student work from fall and winter) showed that most assignments asked for recall, and students in intervention groups almost never saw grade-level tasks.",
    ])
    if "analysis-no-instruction" in D:
        comp["work"] = "Looking at student work: the ILTs analyzed grade 4 and grade 7 writing samples and found that student responses were short, rarely used evidence from the text, and writing by English learners seldom went beyond one or two sentences."
    comp["root"] = pick(ctx, [
        "Underlying systemic factors: inconsistent curriculum implementation, professional learning that was not connected to our materials, and low expectations for some student groups.",
        "Root causes we identified: no common expectations for what grade-level instruction looks like, limited time for teams to plan, and tracking practices that limit access for some groups.",
    ])
    if "analysis-no-groups" in D:
        comp["stakeholder_perspectives"] = f"Stakeholder perspectives: on the VOCAL survey, {n['vocal']}% of grade 5 and 8 students responded favorably on the engagement dimension, down 6 points from 2019."
        comp["work"] = "Looking at student work: our sample of 120 pieces of student work from fall and winter showed that most assignments asked for recall rather than analysis, and few asked students to write from evidence."
        comp["root"] = "Underlying systemic factors: inconsistent curriculum implementation and professional learning that was not connected to our materials."
    if "analysis-no-systems_structures" in D:
        comp["root"] = "What we think is behind this: adults hold different pictures of what grade-level work looks like, and expectations for some students are lower than they should be."
    order = ["student_outcomes", "instruction", "stakeholder_perspectives", "systems_structures", "groups", "work", "root"]
    # replacement text for defects (traps)
    repl = {
        "analysis-no-work": spec.get("work_trap", "We plan to begin regular looking-at-student-work sessions next year once our new protocol is adopted."),
        "analysis-no-stakeholder_perspectives": "We did not administer a climate or perception survey this year and VOCAL results were not yet available when this plan was written.",
    }
    for k in order:
        key = {"groups": "analysis-no-groups", "work": "analysis-no-work", "root": "analysis-no-root"}.get(k, f"analysis-no-{k}")
        if key in D:
            if key in repl and spec.get("traps", True):
                b.append(("p", repl[key], None))
            continue
        b.append(("p", comp[k], None))
    if spec.get("extra_data"):
        b.insert(1, ("p", f"ELA meeting/exceeding expectations by grade, 2019 vs 2022: grade 3 {n['ela']+9}% vs {n['ela']-2}%; grade 4 {n['ela']+7}% vs {n['ela']+1}%; grade 5 {n['ela']+8}% vs {n['ela']}%; grade 6 {n['ela']+5}% vs {n['ela']-4}%; grade 7 {n['ela']+6}% vs {n['ela']-1}%; grade 8 {n['ela']+4}% vs {n['ela']-3}%. By school, the range in 2022 was {n['ela']-12}% ({ident[0]}) to {n['ela']+15}% ({ctx.other[1]}).", None))
        b.insert(2, ("p", f"Attendance: chronic absenteeism {n['chronic']}% (2022) vs 14% (2019); average daily attendance 91.2%. Walkthroughs: n = {n['walk']*2+40} visits; 9 look-fors; inter-rater agreement 82%.", None))
    if v == "biling":
        b.insert(0, ("p", "Datos que nos llevaron a esta prioridad (Data that led us to this priority):", None))
    S["analysis"] = b
    miss = [k for k in ("student_outcomes", "instruction", "stakeholder_perspectives", "systems_structures") if f"analysis-no-{k}" in D]
    if miss:
        F("analysis::data-area-missing", "analysis", miss)
    if "analysis-no-groups" in D:
        F("analysis::no-student-groups", "analysis")
    if "analysis-no-work" in D:
        F("analysis::no-student-work", "analysis")

    # ---------------- 3 stakeholders
    fam = "caregivers" if v in ("plain", "teacher") else "families"
    stu = {"teacher": "kids", "consult": "students", "plain": "young people"}.get(v, "students")
    comp = {
        "students": pick(ctx, [
            f"Students: We held student focus groups at every middle and high school in the spring; {stu} told us that class is most engaging when they can talk about ideas and see themselves in what they read, which shaped the student experience goals in this plan.",
            f"{stu.capitalize()} on our Superintendent's Student Advisory Council reviewed the draft priority in April and asked for more grade-level discussion and fewer worksheets; we added discourse routines to the plan as a result.",
        ]),
        "families": pick(ctx, [
            f"Families: We surveyed {fam} in English, Spanish, Portuguese and Haitian Creole ({n['vocal']*10} responses) and held two evening forums; {fam} asked for clearer information about grade-level expectations, so the plan includes family curriculum nights.",
            f"Input from {fam} came through our Parent Advisory Council, the SEPAC and the ELPAC; {fam} of multilingual learners asked that their children not be pulled from core instruction, which became part of the design.",
        ]),
        "educators": pick(ctx, [
            "Educators: Teachers gave feedback through the union-district joint committee and a spring staff survey; they asked for protected common planning time, which is now a structural change in the plan.",
            f"Teachers and coaches participated in the Instructional Prioritization Institute team and in building-level data meetings; {n['cpt']+30}% of staff who responded to our survey named curriculum internalization time as their top need.",
        ]),
        "school_leaders": pick(ctx, [
            "School leaders: Principals and assistant principals met in three leadership sessions to review the data and draft the priority; they asked that walkthrough look-fors be narrowed to a few high-leverage practices.",
            "Our principals co-wrote the role clarity section during the May leadership retreat and asked that district walkthroughs be done with them, not to them.",
        ]),
        "community": pick(ctx, [
            f"Community: We met with the {ctx.district} Education Foundation, our community health partner and the public library; community partners asked to align afterschool literacy programming with the curriculum, which is reflected in the plan.",
            f"Community partners (the YMCA, the Boys & Girls Club and the {ctx.district} Public Library) attended a community input session and offered to align their afterschool and summer programs to our priority.",
        ]),
        "identified": pick(ctx, [
            f"Input from schools identified as requiring assistance: At {ident[0]} and {ident[1]}, we held listening sessions with teachers, students and families; staff at {ident[0]} asked for a dedicated instructional coach and families at {ident[1]} asked for more communication in Spanish. Both requests are in this plan.",
            f"At our identified schools ({ident[0]} and {ident[1]}), the school site councils and ILTs reviewed the draft; {ident[0]} teachers reported that intervention blocks were pulling ELs from grade-level instruction, which led us to redesign the schedule.",
        ]),
        "ongoing": pick(ctx, [
            "Ongoing engagement: A district stakeholder advisory group (students, caregivers, teachers, principals and community partners) will meet quarterly to review benchmark data and give feedback, and each school site council will review progress twice a year.",
            "To keep stakeholders engaged in implementation and monitoring, we will share benchmark data at every other School Committee meeting, hold family data nights each semester, and ask the Student Advisory Council to review walkthrough findings in January and May.",
        ]),
    }
    VX = {
        "teacher": {
            "students": f"We asked our own kids. Every homeroom in grades 3-8 did a short survey and some of us ran lunch groups; the kids said the best classes are the ones where they get to argue about a book or a problem, and that the worksheets are boring. That's a big part of why we picked this focus.",
            "families": f"{fam.capitalize()}: we talked to parents at pick-up, at the Title I night and through a two-question text survey (in Spanish and Portuguese too). What we heard most: they want to know what 'on grade level' actually means and how to help at home.",
            "educators": "Teachers (that's us): the committee itself is teachers, and we also ran an open staff meeting at each building in March. People were clear they need real planning time with the curriculum, not more PD about it.",
            "school_leaders": "Principals sat in on two of our committee meetings and pushed back on some of our first ideas (too many look-fors); they asked that walkthroughs focus on 2-3 things, and we agreed.",
            "community": f"Community: the library and the Boys & Girls Club came to our April session. They want to line up their homework help with what kids are reading in class, which we think is a great idea and built in.",
        },
        "plain": {
            "students": f"We listened to {stu}. About 300 {stu} in grades 5-12 answered a short survey, and 40 joined small group talks. They told us they learn more when they can talk with classmates about hard problems.",
            "families": f"We listened to {fam}. {fam.capitalize()} answered a survey in four languages and came to two evening meetings. They asked us to explain what their child should be learning in each grade.",
            "school_leaders": "We listened to principals. Principals helped look at the data in three meetings and asked us to keep the plan short and focused.",
        },
        "consult": {
            "educators": "Educator voice: we convened six teacher focus groups (n = 58) and a staff pulse survey; the top theme was the need for protected, curriculum-anchored collaboration time, which we have hard-wired into the master schedule.",
            "community": f"Community voice: a cross-sector advisory table (the {ctx.district} Education Foundation, the regional workforce board, faith leaders and youth-serving nonprofits) reviewed the theory of action and pushed us to align out-of-school time programming with the core.",
        },
    }.get(v, {})
    for k, txt in VX.items():
        if ctx.r.random() < 0.7:
            comp[k] = txt
    if v == "biling":
        ES = {"students": ("Estudiantes / Students:", "Students:"), "families": ("Familias / Families:", "Families:"),
              "educators": ("Educadores / Educators:", "Educators:"), "school_leaders": ("Directores escolares / School leaders:", "School leaders:"),
              "community": ("Comunidad / Community:", "Community:"), "identified": ("Escuelas identificadas / Identified schools:", None),
              "ongoing": ("Participación continua / Ongoing engagement:", "Ongoing engagement:")}
        for k, (es, en) in ES.items():
            t = comp[k]
            if en and t.startswith(en):
                t = t[len(en):].lstrip()
            comp[k] = es + " " + t
    missing_groups = [g for g in ("students", "families", "educators", "school_leaders", "community") if f"stake-no-{g}" in D]
    if missing_groups:
        comp["identified"] = f"Input from our identified schools: at {ident[0]} and {ident[1]} we held listening sessions with the ILT and grade-level teams; staff at {ident[0]} asked for a dedicated instructional coach, and teachers at {ident[1]} reported that intervention blocks were pulling ELs out of grade-level instruction. Both points changed the plan."
        names = {"students": stu, "families": fam, "educators": "teachers", "school_leaders": "principals", "community": "community partners"}
        lst = [names[g] for g in ("students", "families", "educators", "school_leaders", "community") if g not in missing_groups]
        comp["ongoing"] = f"Ongoing engagement: a district advisory group ({', '.join(lst[:-1])} and {lst[-1]}) will meet quarterly during the year to review benchmark data and give feedback on implementation."
    traps = {
        "stake-no-families": f"We did not survey {fam} this year; a family survey is planned for fall 2023 once the new communication platform is in place.",
        "stake-no-students": f"We will hold student focus groups in the fall to hear how {stu} experience the new curriculum.",
        "stake-no-community": None,
        "stake-no-ongoing": "Stakeholder input was gathered in the spring as described above.",
        "stake-no-identified": None,
        "stake-no-educators": None,
        "stake-no-school_leaders": None,
    }
    b = []
    for k in ["students", "families", "educators", "school_leaders", "community", "identified", "ongoing"]:
        key = f"stake-no-{k}"
        if key in D:
            if traps.get(key) and spec.get("traps", True):
                b.append(("p", traps[key], None))
            continue
        b.append(("p", comp[k], None))
    S["stakeholder_engagement"] = b
    miss = [k for k in ("students", "families", "educators", "school_leaders", "community") if f"stake-no-{k}" in D]
    if miss:
        F("stakeholders::group-missing", "stakeholder_engagement", miss)
    if "stake-no-identified" in D:
        F("stakeholders::no-identified-school-input", "stakeholder_engagement")
    if "stake-no-ongoing" in D:
        F("stakeholders::no-ongoing-engagement", "stakeholder_engagement")

    # ---------------- 4 outcomes
    b = []
    if "out-no-targets" not in D:
        b.append(("p", pick(ctx, [
            f"Accountability targets: We will meet our 2024 district accountability targets for ELA and math achievement in grades 3-8, increasing the percent of students meeting or exceeding expectations in ELA from {n['ela']}% to {n['ela_t']}% and in math from {n['math']}% to {n['math_t']}%.",
            f"In the aggregate, we expect to meet the DESE accountability targets for the district: ELA average scaled score up 3 points, math up 3 points, and {n['ela_t']}% of grade 3-8 students meeting or exceeding expectations in ELA (from {n['ela']}%).",
        ]), None))
        if "out-no-groups" not in D:
            b.append(("p", pick(ctx, [
                f"For student groups, we will meet the accountability targets for English learners (progress toward English proficiency: 50% of ELs meeting their ACCESS target) and for students with disabilities and high-needs students (ELA scaled score gains of 4 points).",
                f"Student group targets: English learners {n['el_ela']}% → {n['el_ela']+5}% meeting expectations in ELA; students with disabilities {n['swd_ela']}% → {n['swd_ela']+5}%; Hispanic/Latino students meeting the group's 2024 accountability target in ELA and math.",
            ]), None))
        elif spec.get("traps", True):
            b.append(("p", "We expect all student groups to benefit from this work.", None))
    b.append(("p", pick(ctx, [
        f"Other data points we will track: i-Ready diagnostic growth (fall to spring), VOCAL favorability, chronic absenteeism (currently {n['chronic']}%), and the percent of walkthroughs showing grade-level tasks.",
        f"Additional indicators: percent of classrooms with grade-appropriate tasks on walkthroughs (baseline {n['walk']}%), VOCAL engagement scores, and interim assessment growth.",
    ]), None))
    S["outcomes"] = b
    if "out-no-targets" in D:
        F("outcomes::no-accountability-targets", "outcomes")
    if "out-no-groups" in D:
        F("outcomes::no-student-group-targets", "outcomes")

    # ---------------- 5 roles
    co = {"consult": "Central office", "plain": "District leadership", "teacher": "Central office folks",
          "biling": "Oficina central / Central office"}.get(v, "Central office")
    sl = {"teacher": "Principals", "plain": "Principals", "biling": "Directores escolares / School leaders"}.get(v, "School leaders")
    tc = {"teacher": "Us (teachers)", "biling": "Maestros / Teachers", "plain": "Classroom teachers"}.get(v, "Teachers")
    comp = {
        "central_office": f"{co}: " + pick(ctx, [
            "will conduct monthly learning walks with each principal, provide curriculum-based professional learning, protect common planning time in every schedule, and coach principals on giving feedback.",
            "will give principals a common walkthrough tool, meet with each school leader every six weeks to review data, and keep professional development days focused on the priority.",
        ]),
        "school_leaders": f"{sl}: " + pick(ctx, [
            "will observe classrooms weekly and give targeted feedback on the look-fors, lead ILT inquiry cycles, and make sure teams use common planning time for curriculum internalization.",
            "will attend grade-level team meetings, conduct walkthroughs with coaches, and adjust schedules so that no student is pulled from core instruction.",
        ]),
        "teachers": f"{tc}: " + pick(ctx, [
            "will plan with the curriculum in teams, deliver grade-level lessons with scaffolds, bring student work to team meetings, and adjust instruction based on what it shows.",
            "will internalize each unit before teaching it, use the discourse routines daily, and look at exit tickets and work samples to plan next steps for students.",
        ]),
    }
    if v == "teacher":
        comp["central_office"] = f"{co}: show up in our buildings (monthly learning walks with each principal), protect our common planning time in the schedule, and run PD on the curriculum we actually teach."
        comp["teachers"] = f"{tc}: plan units together in our teams, teach the grade-level lessons with scaffolds instead of watering them down, and bring student work to team meetings every couple of weeks."
    elif v == "plain":
        comp["central_office"] = f"{co}: District leaders will visit every school each month with the principal, give principals one simple walkthrough tool, and keep training days focused on this work."
    elif v == "consult":
        comp["school_leaders"] = f"{sl}: own the instructional core in their building: calibrated weekly walkthroughs against the look-fors, facilitation of ILT inquiry cycles, and feedback loops to teams within 48 hours."
    b = []
    if v in ("consult",):
        b.append(("p", "We will use the Vertical Alignment Strategy Protocol with every leadership team in August so that each level can name its role.", None))
    elif v not in ("teacher",):
        b.append(("p", "Role expectations will be shared at the August leadership institute and the opening day for all staff.", None))
    for k in ["central_office", "school_leaders", "teachers"]:
        if f"roles-no-{k}" in D:
            continue
        b.append(("b", comp[k], None))
    S["role_clarity"] = b
    miss = [k for k in ("central_office", "school_leaders", "teachers") if f"roles-no-{k}" in D]
    if miss:
        F("roles::level-missing", "role_clarity", miss)

    # ---------------- 6 monitoring
    owner_ok = "mon-no-owner" not in D
    freq_ok = "mon-no-frequency" not in D
    bench = []
    months = ["October", "November", "January", "March", "May"]
    for i, t in enumerate(topics):
        T = TOPICS[t]
        subj = T["subject"]
        dist = [
            dict(level="district", text=f"District walkthroughs: percent of {subj} classrooms with students working on grade-level tasks rises from {n['walk']}% (baseline) to 60% by January and 75% by May", owner="Chief Academic Officer", freq="monthly", when="January"),
            dict(level="district", text=f"Interim assessment: percent of students on or above grade level in {subj} on i-Ready/STAR increases 10 points from fall to winter, including for ELs and students with disabilities", owner="Director of Assessment", freq="after each testing window (fall, winter, spring)", when="February"),
            dict(level="district", text=f"VOCAL/student survey: favorable responses on engagement rise by 5 points overall and 8 points for multilingual learners", owner="Assistant Superintendent", freq="twice a year", when="May"),
        ]
        sch = [
            dict(level="school", text=f"Each school: 90% of teacher teams complete a unit internalization protocol before every {subj} unit", owner="principals", freq="every six weeks", when="November"),
            dict(level="school", text=f"Each school: at least 80% of observed classrooms show the discourse look-fors on ILT walkthroughs", owner="school ILTs", freq="monthly", when="March"),
            dict(level="school", text=f"Exit ticket / cool-down data: 70% of students meet the lesson objective on common tasks in each {subj} unit", owner="grade-level team leaders", freq="every unit", when="December"),
        ]
        if t == "belong":
            dist = [
                dict(level="district", text="Suspension rate for students with disabilities and for Black and Latino students decreases by 25% by mid-year", owner="Director of Student Services", freq="monthly", when="January"),
                dict(level="district", text="VOCAL belonging items: favorable responses in grades 6-12 rise by 6 points, with the gap for students with disabilities cut in half", owner="Assistant Superintendent", freq="twice a year", when="May"),
                dict(level="district", text=f"Chronic absenteeism in grades 6-12 falls from {n['chronic']}% to {n['chronic']-6}%", owner="Director of Attendance", freq="monthly", when="March"),
            ]
            sch = [
                dict(level="school", text="Each school: 85% of students name a trusted adult on the fall and winter belonging check-in", owner="principals", freq="twice a year", when="December"),
                dict(level="school", text="Each school: advisory runs at least 4 days out of 5 in 90% of advisories visited", owner="assistant principals", freq="monthly", when="October"),
                dict(level="school", text="Each school: office discipline referrals for classroom behavior fall 20% from the same month last year", owner="school climate teams", freq="monthly", when="February"),
            ]
        elif t == "ilt":
            dist = [
                dict(level="district", text="ILT self-assessment: every school ILT moves up at least one level on the district ILT rubric by February", owner="Assistant Superintendent for Teaching and Learning", freq="twice a year", when="February"),
                dict(level="district", text="District learning walks: 70% of classrooms visited show the school's chosen ILT focus practice by May", owner="Chief Academic Officer", freq="quarterly", when="May"),
                dict(level="district", text="Percent of ILT action plans with a student-learning goal and a completed six-week cycle reaches 100% by March", owner="Director of School Improvement", freq="every six weeks", when="March"),
            ]
            sch = [
                dict(level="school", text="Each school: ILT completes at least five full inquiry cycles by June, with notes posted", owner="principals", freq="every six weeks", when="November"),
                dict(level="school", text="Each school: 80% of teacher teams bring common assessment data to ILT-led team meetings", owner="ILT teacher leaders", freq="monthly", when="January"),
                dict(level="school", text="Each school: percent of students at or above benchmark on the ILT's focus assessment rises 8 points by spring", owner="school data teams", freq="after each assessment window", when="April"),
            ]
        elif t == "hqim":
            dist = [
                dict(level="district", text="Curriculum implementation walkthroughs: 80% of K-8 science classrooms teaching the current OpenSciEd lesson sequence by March", owner="K-12 Science Director", freq="quarterly", when="March"),
                dict(level="district", text="Percent of science teachers completing all curriculum-based PL sessions reaches 90% by January", owner="Director of Professional Learning", freq="monthly", when="January"),
                dict(level="district", text="Grade 5 and 8 common science assessments: 60% of students proficient on end-of-unit tasks, including ELs", owner="Director of Assessment", freq="after each unit", when="May"),
            ]
            sch = [
                dict(level="school", text="Each school: 100% of science teachers internalize each unit with the team before launch", owner="principals", freq="every unit", when="October"),
                dict(level="school", text="Each school: students conduct an investigation in at least 75% of observed science lessons", owner="science lead teachers", freq="monthly", when="December"),
                dict(level="school", text="Each school: science notebooks show evidence-based claims in 70% of sampled notebooks", owner="grade-level team leaders", freq="every unit", when="April"),
            ]
        elif t == "math":
            sch[1] = dict(level="school", text="Each school: at least 80% of observed math classrooms use a mathematical language routine during the lesson", owner="school ILTs", freq="monthly", when="March")
        elif t == "ml":
            sch[1] = dict(level="school", text="Each school: 85% of content lessons observed have a posted language objective and planned scaffolds for ELs", owner="school ILTs", freq="monthly", when="March")
            dist[2] = dict(level="district", text="ACCESS/WIDA interim data: 55% of ELs on track to meet their progress target by spring", owner="Director of English Learner Education", freq="twice a year", when="May")
        bb = spec.get("bench", (2, 2))
        k_d, k_s = bb[i] if isinstance(bb, list) else bb
        if "mon-no-district" in D:
            k_s, k_d = k_s + k_d, 0
        if "mon-no-school" in D:
            k_d, k_s = k_s + k_d, 0
        if i == 0 and "mon-too-many" in D:
            extra = [dict(level="district", text=f"Percent of {subj} PD sessions rated useful by 80% of participants", owner="Director of Professional Learning", freq="after each session", when="October"),
                     dict(level="school", text=f"Coaching cycles: every {subj} teacher completes two coaching cycles by March", owner="instructional coaches", freq="monthly", when="March"),
                     dict(level="district", text=f"Chronic absenteeism falls from {n['chronic']}% to {n['chronic']-5}% by mid-year", owner="Attendance Office", freq="monthly", when="January")]
            chosen = dist[:3] + sch[:3] + extra[:spec.get("extra_bench", 1)]
        else:
            chosen = dist[:min(k_d, 3)] + sch[:min(k_s, 3)]
        for c in chosen:
            c = dict(c)
            c["prio"] = i
            bench.append(c)
    plan_bench = bench
    b = []
    nb_per = {}
    for c in bench:
        nb_per[c["prio"]] = nb_per.get(c["prio"], 0) + 1
    if ("mon-no-school" in D or "mon-no-district" in D) and owner_ok and freq_ok:
        b.append(("p", "All of the benchmarks in this section are reviewed monthly by the District Leadership Team, led by the Chief Academic Officer." if "mon-no-school" in D else "Each principal and school ILT reviews the benchmarks in this section every six weeks and shares them with the Assistant Superintendent.", None))
    elif owner_ok and freq_ok:
        b.append(("p", pick(ctx, [
            "The District Leadership Team (DLT) will review district-level benchmarks monthly; principals and ILTs review school-level benchmarks at least every six weeks and report up to the DLT.",
            "Benchmarks are reviewed by the Superintendent's cabinet every six weeks (district level) and by each school's ILT monthly (school level); the owner of each benchmark is listed below.",
        ]), None))
    elif owner_ok and not freq_ok:
        b.append(("p", "The Chief Academic Officer will monitor district-level benchmarks and principals will monitor school-level benchmarks, reporting to the District Leadership Team.", None))
    elif freq_ok and not owner_ok:
        b.append(("p", "Benchmarks will be reviewed monthly, with a deeper review in January and June.", None))
    if "mon-no-work" not in D and not owner_ok:
        b.append(("p", "Student work samples from common unit tasks will be collected and analyzed at the classroom, school and district levels after every unit.", None))
    elif "mon-no-work" not in D and not freq_ok:
        b.append(("p", "Student work: teacher teams will analyze work samples from common tasks (classroom level); ILTs will look at samples from each grade (school level); and district leaders will review a cross-school sample of student assignments on learning walks (district level).", None))
    elif "mon-no-work" not in D:
        b.append(("p", pick(ctx, [
            "Student work: Teacher teams will analyze student work samples from common tasks every unit using the Street-Level Data protocol (classroom level); ILTs will look at a sample from each grade each cycle (school level); and the DLT will review a cross-school sample of work on learning walks each quarter (district level).",
            "Looking at student work: each month teachers bring three work samples (high, medium, low) to their team; principals and coaches review the patterns at ILT meetings, and district leaders analyze a district-wide sample of student assignments against grade-level standards in November, February and May.",
        ]), None))
    elif spec.get("mon_work_trap"):
        b.append(("p", "Note: student work was a focus of our analysis in section 2.", None))
    S["monitoring"] = b
    mon_head = 1 if (owner_ok or freq_ok) else 0
    if "mon-no-owner" in D:
        F("monitoring::no-owner", "monitoring")
    if "mon-no-frequency" in D:
        F("monitoring::no-frequency", "monitoring")
    miss = [k for k in ("district", "school") if f"mon-no-{k}" in D]
    if miss:
        F("monitoring::level-missing", "monitoring", miss)
    if any(c > 5 for c in nb_per.values()):
        F("monitoring::too-many-benchmarks", "monitoring")
    if "mon-no-work" in D:
        F("monitoring::no-student-work", "monitoring")

    # ---------------- 7 resources
    comp = {
        "internal": pick(ctx, [
            f"Internal resources: Title I and ESSER III funds for {n['cpt']//5} instructional coaches, a Targeted Assistance Grant (TAG) for curriculum-based professional learning, and stipends for ILT teacher leaders.",
            "Internally we will use our Student Opportunity Act funds, the district's curriculum and instruction staff, M3 funding for summer curriculum work, and reallocated professional development days.",
        ]),
        "external": pick(ctx, [
            "External resources: our SSoS regional assistance team, DESE's curriculum-based professional learning network, and our curriculum partner (Teaching Lab) for coaching and teacher PD.",
            "External partners include DESE and the SSoS regional team, the Instructional Prioritization Institute, and Mass Insight Education for ILT coaching; we will also use the Data Equity Pause protocol from DESE.",
        ]),
        "budget": pick(ctx, [
            f"Budget equity (ESSA): Our review of school-level spending found that {ident[0]} received about ${n['gap']} less per pupil than the district average once staff salaries were counted, mostly because of less experienced staff. This plan adds a full-time coach and ESSER-funded tutoring there, and we will weight next year's allocation by need.",
            f"Our ESSA resource allocation review showed per-pupil spending at {ident[1]} ${n['gap']} below the district average and fewer special education and ESL staff per student. We are moving two ESL positions and coaching support to {ident[1]} and {ident[0]} to close that gap.",
        ]),
    }
    RX = {
        "consult": {
            "internal": f"Internal levers: reallocation of ESSER III and Title I dollars to fund {n['cpt']//5} content coaches, SOA funds for extended planning time, and our TAG award for curriculum-based professional learning.",
            "budget": f"ESSA resource equity: the school-level budget review surfaced a ${n['gap']} per-pupil gap at {ident[0]}, driven by staffing mix. We are closing it through a weighted staffing formula and by placing our most experienced coaches at {ident[0]} and {ident[1]}.",
        },
        "teacher": {
            "external": "Outside help: our SSoS team from DESE, the curriculum publisher's coaches (they come four times a year), and the Lesley University literacy partnership.",
            "budget": f"Budget fairness: when the district looked at spending by school (the ESSA review), {ident[0]} came out about ${n['gap']} per student behind, mostly because it has newer, lower-paid staff and fewer specialists. The plan puts an extra coach and tutoring money there.",
        },
        "plain": {
            "internal": "Money and people we already have: Title I and ESSER funds, our own coaches, and our curriculum staff.",
            "external": "Help from outside: DESE's Statewide System of Support team and a curriculum coaching partner.",
        },
    }.get(v, {})
    for k, txt in RX.items():
        comp[k] = txt
    b = []
    for k in ["internal", "external", "budget"]:
        key = {"budget": "res-no-budget"}.get(k, f"res-no-{k}")
        if key in D:
            if key == "res-no-external" and spec.get("traps", True):
                b.append(("p", "We are not relying on outside partners this year: all professional learning will be delivered by our own coaches and curriculum directors.", None))
            if key == "res-no-budget" and spec.get("traps", True) and spec.get("budget_trap"):
                b.append(("p", "The district's budget review is ongoing and will be shared with the School Committee in the fall.", None))
            continue
        b.append(("p", comp[k], None))
    S["resources"] = b
    miss = [k for k in ("internal", "external") if f"res-no-{k}" in D]
    if miss:
        F("resources::kind-missing", "resources", miss)
    if "res-no-budget" in D:
        F("resources::no-budget-equity", "resources")

    # ---------------- 8 differentiation
    b = []
    if v == "teacher" and "diff-no-schools" not in D:
        b.append(("p", f"{ident[0]} and {ident[1]} are the two schools DESE identified as needing assistance, so they get the most, and {ctx.other[0]} is getting extra help too because its walkthrough numbers were the lowest of the rest.", None))
    if "diff-no-schools" in D:
        b.append(("p", "Schools identified as requiring assistance, and any other school whose benchmark data show it needs more support, will receive more frequent district walkthroughs, an additional coaching cycle, and priority access to professional learning. The specific schools will be determined once fall data are available.", None))
    else:
        b.append(("p", pick(ctx, [
            f"The following schools will receive differentiated support: {ident[0]} and {ident[1]} (identified as requiring assistance) and {ctx.other[0]} (not identified, but benchmark data show it needs more support).",
            f"Schools receiving differentiated support: {ident[0]}, {ident[1]}, and {ctx.other[0]}.",
        ]), None))
        b.append(("b", f"{ident[0]}: a dedicated full-time instructional coach, biweekly district learning walks with the principal, and SSoS support for the ILT.", None))
        b.append(("b", f"{ident[1]}: two additional ESL teachers co-teaching in grade-level classrooms, monthly data meetings with the Chief Academic Officer, and family literacy nights.", None))
        b.append(("b", f"{ctx.other[0]}: coaching for the new principal and extra curriculum internalization time for teams.", None))
    S["differentiation"] = b
    if "diff-no-schools" in D:
        F("differentiation::no-schools-listed", "differentiation")

    # ---------------- voice intros
    VI = {
        "teacher": {"analysis": "Honestly, the data was hard to look at, but it all pointed the same way.",
                    "stakeholder_engagement": "We didn't want this to be a central office plan, so we asked around a lot.",
                    "outcomes": "Here's what we're aiming for by June.",
                    "monitoring": "How we'll keep ourselves honest during the year:",
                    "resources": "Here's what we're using.",
                    "differentiation": "Not every building needs the same thing."},
        "consult": {"analysis": "Key diagnostic findings, triangulated across data domains:",
                    "monitoring": "Our monitoring architecture rests on a small set of leading indicators.",
                    "resources": "Resourcing strategy:"},
        "plain": {"analysis": "Here is what the numbers told us.",
                  "differentiation": "Some schools will get more help than others."},
        "biling": {"outcomes": "Metas / Targets:", "differentiation": "Apoyo diferenciado / Differentiated support:",
                   "monitoring": "Puntos de referencia / Benchmarks:"},
    }.get(v, {})
    if "monitoring" in VI:
        mon_head += 1
    for sid, txt in VI.items():
        S[sid] = [("p", txt, None)] + S[sid]
    if spec.get("strategic_mention") and len(topics) == 1:
        S["priorities"] = [(k, t.replace("These priorities support", "This focus supports"), p) for k, t, p in S["priorities"]]

    # ---------------- section status
    status = {s: "present" for s in SECTION_IDS}
    for s in spec.get("empty", {}):
        status[s] = "empty"
    for s in spec.get("missing", []):
        status[s] = "missing"
    findings = [f for f in findings if status[f["section"]] == "present"]

    npr = len(topics)
    if spec.get("no_priority"):
        npr = 0
        findings = [f for f in findings if f["section"] != "priorities"]
    nbench = len(bench) if status["monitoring"] == "present" else 0
    fail = any(x != "present" for x in status.values()) or npr == 0 or npr > 2
    return dict(ctx=ctx, blocks=S, mon_head=mon_head, bench=plan_bench, prios=P, status=status,
                truth=dict(district=spec["district"], sections=status,
                           status="fail" if fail else "pass", priorities=npr,
                           benchmarks=spec.get("bench_truth", nbench) if status["monitoring"] == "present" else spec.get("bench_truth_absent", 0),
                           findings=findings))


PLACEHOLDERS = {
    "click": "Click or tap here to enter text.",
    "insert": "[Insert response here]",
    "tbd": "TBD",
    "blank": "",
    "prompt": None,  # prompt repeated only
}


def placeholder(kind, sec):
    if kind == "prompt":
        return PROMPT[sec]
    return PLACEHOLDERS[kind]


def bench_text(c, with_owner=True, with_freq=True, with_level=True):
    s = c["text"]
    bits = []
    if with_owner:
        bits.append(f"owner: {c['owner']}")
    if with_freq:
        bits.append(f"reviewed {c['freq']}")
    if bits:
        s += " (" + "; ".join(bits) + ")"
    return s
