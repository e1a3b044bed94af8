"""Seven district voices. Each returns {section_id: (heading, [blocks])}.
Blocks: ("p", text) | ("ul", [..]) | ("ol", [..]) | ("tbl", [header, row, ...])."""
from topics import T

SIDS = ["priorities", "analysis", "stakeholder_engagement", "outcomes",
        "role_clarity", "monitoring", "resources", "differentiation"]

def pick(t, n, g):
    pool = T[t]["bench"]
    if "mon_school" in g:
        pool = [b for b in pool if b[0] == "D"]
    return pool[:n]

def idn(p): return [s for s, r in p["schools"] if r]
def oth(p): return [s for s, r in p["schools"] if not r]
def L(xs): return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]
def lc(s): return s[0].lower() + s[1:]
AB = "ABC"

# ---------------------------------------------------------------- consultant deck
def consultant(p):
    g, tp, d = p["gaps"], p["topics"], p["district"]
    S = {}
    b = []
    for i, t in enumerate(tp):
        x = T[t]
        b.append(("p", f"Initiative {AB[i]}: {x['title'][0].upper() + x['title'][1:]}"))
        bl = [f"Lever (adult practice): {x['practice']}"]
        if "pr_student" not in g:
            bl.append(f"What changes for students: {x['experience']}")
        bl.append(f"Gap we are closing: {x['gap']}")
        b.append(("ul", bl))
        if t == "belong":
            b.append(("p", "Theory of action: If every adult in grades 6-8 knows and connects with each student daily, then students show up, feel they belong, and the attendance gap narrows."))
        elif "pr_student" in g:
            b.append(("p", f"Theory of action: If central office and building leaders protect time, coaching and materials for {x['short']}, then implementation will be consistent across buildings and results will rise for the groups furthest from proficiency."))
        else:
            b.append(("p", f"Theory of action: If every {x['grades']} classroom runs this lever with coaching behind it, then students experience grade-level, affirming instruction daily, and the gap narrows."))
    S["priorities"] = ("1 | Priority & Theory of Action", b)
    b = []
    for t in tp:
        x = T[t]
        b.append(("tbl", [["Lens", "Evidence", "So what"],
            ["Student outcomes", x["outcomes"], "Gap is structural, not one-year noise"],
            ["Instruction", x["instr"], "Core instruction is the lever"],
            ["Stakeholder perspectives", x["persp"], "Belonging and access are linked"],
            ["Systems / structures", x["systems"], "Root cause sits in time and staffing"],
            ["Student work", "Not collected in this diagnostic cycle; no work samples were reviewed." if "an_sw" in g else x["work"],
             "Gap to fill" if "an_sw" in g else "Rigor of tasks is uneven"]]))
    b.append(("p", "Underlying systemic drivers: fragmented schedules, coaching capacity that tracks funding rather than need, and no shared definition of strong grade-level instruction. We ran the Data Equity Pause on each finding to ask which students experience the classroom differently and why."))
    S["analysis"] = ("2 | Diagnostic: Strengths & Challenges", b)
    i1 = idn(p)
    S["stakeholder_engagement"] = ("3 | Stakeholder Voice", [
        ("tbl", [["Voice", "How we listened", "What shifted in the plan"],
            ["Students", "8 focus groups across grades, VOCAL survey", "Added student-facing success criteria and texts/problems that reflect them"],
            ["Families", "Two bilingual town halls, survey in 5 languages", "Family-facing progress updates each trimester"],
            ["Educators", "Teacher design team (14 members), union leadership check-ins", "Protected planning time became a non-negotiable"],
            ["Principals & APs", "Leadership retreat, 1:1 interviews", "Sequenced rollout; fewer initiatives per building"],
            ["Community partners", "Library, youth-serving nonprofits, faith leaders", "After-school alignment with core content"]]),
        ("p", f"Identified schools: leadership teams and teacher panels at {L(i1)} co-wrote the role expectations; their ask for embedded coaching rather than pull-out PD reshaped the Resources slide."),
        ("p", "Sustaining the loop: the Stakeholder Advisory meets quarterly through implementation to review benchmark data; student and family panels return each spring.")])
    b = []
    for t in tp:
        x = T[t]
        b.append(("ul", [f"Accountability target (all students): {x['acct']}",
                         f"Accountability targets by group: {x['acct_groups']}",
                         f"Leading signals we will also watch: {x['other']}"]))
    S["outcomes"] = ("4 | Outcomes & Targets", b)
    S["role_clarity"] = ("5 | Role Clarity", [
        ("p", "Vertical alignment: every level knows its consistent moves."),
        ("tbl", [["Level", "Consistent moves"],
            ["Central office", "Protects PD and planning time, runs monthly principal learning sessions, staffs coaches, removes competing initiatives"],
            ["School leaders", "Lead the ILT, conduct weekly learning walks with feedback, guard common planning time"],
            ["Teachers", "Plan from the curriculum in teams, use the lever daily, look at student work every cycle to adjust"]])])
    rows = [["Benchmark", "Level", "Owner", "Cadence"]]
    for t in tp:
        for lv, txt in pick(t, p["nbench"], g):
            rows.append([txt, "District" if lv == "D" else "School",
                         "Chief Academic Officer + DLT" if lv == "D" else "Principal + ILT",
                         "Every 6 weeks" if lv == "D" else "Monthly"])
    mb = [("tbl", rows)]
    if "mon_sw" in g:
        mb.append(("p", "Student work analysis: a protocol is not yet in place; we intend to design one with SSoS during SY24-25."))
    else:
        mb.append(("p", "Student work: the DLT reviews a stratified sample of work each quarter; ILTs run a looking-at-student-work protocol monthly; teacher teams bring samples from focal students to every planning cycle."))
    S["monitoring"] = ("6 | Monitoring Implementation", mb)
    x = T[tp[0]]
    S["resources"] = ("7 | Resources & Partnerships", [("ul", [
        f"Internal: {x['internal']}", f"External: {x['external']}; SSoS regional assistance team",
        "Budget equity: our ESSA resource allocation review showed per-pupil spending on coaching and interventions is lowest in the schools with the highest need; FY24 coaching FTE shifts toward the identified schools to correct that."])])
    rows = [["School", "Support tier", "What is different"]]
    for s in i1: rows.append([s, "Intensive", "Weekly embedded coaching, biweekly SSoS/district walkthroughs, extra planning block"])
    for s in oth(p): rows.append([s, "Targeted", "Monthly coaching cycle, data check-ins each benchmark window"])
    S["differentiation"] = ("8 | Differentiated School Support", [("tbl", rows)])
    return S

# ---------------------------------------------------------------- data office notes
def dataoffice(p):
    g, tp, d = p["gaps"], p["topics"], p["district"]
    x = T[tp[0]]; S = {}
    S["priorities"] = ("1. Priority(ies)", [
        ("p", f"P1: {x['title']}."),
        ("ul", [f"Adult practice: {x['practice']}.", f"Student exp.: {x['experience']}.", f"Equity gap: {x['gap']}."])])
    S["analysis"] = ("2. Analysis of strengths/challenges", [("ul", [
        f"Outcomes: {x['outcomes']}", f"Instruction: {x['instr']}", f"Stakeholder persp.: {x['persp']}",
        f"Systems/structures: {x['systems']}", f"Student work (LASW, Feb/Mar): {x['work']}",
        "Systemic factors: MTSS tiers not defined consistently; CPT not protected; coaching uneven by bldg.",
        "Data Equity Pause run w/ DLT on each finding; MLs and SWD experience the least grade-level work."])])
    i1 = idn(p)
    st = ["Students: 6 focus grps (gr. 3-8) + VOCAL; asked for more discussion, texts that reflect them -> added to P1 student exp."]
    if "st_families" in g:
        st.append("Families: family survey not administered this yr (vendor lapse); to be revisited SY24.")
    else:
        st.append("Families: spring survey (n=1,140, 4 langs) + 2 PTO mtgs; wanted clearer progress info -> trimester progress letters.")
    st += ["Educators: teacher survey (n=310) + grade-level reps on DLT; asked for CPT protection -> built into roles.",
           "Principals: monthly principal mtg; asked for fewer initiatives -> P1 is the only new district ask.",
           "Community: Boys & Girls Club, public library, local college; aligned after-school tutoring to P1."]
    blk = [("ul", st), ("p", f"Identified schools ({L(i1)}): ILT interviews + staff survey; flagged scheduling conflicts w/ intervention -> schedule audit added."),
           ("p", "Ongoing: DLT has 2 teacher reps" + ("" if "st_families" in g else " + 1 family rep") + "; quarterly data share-outs at SC mtgs; student advisory each semester.")]
    S["stakeholder_engagement"] = ("3. Stakeholder engagement", blk)
    S["outcomes"] = ("4. Outcomes", [("ul", [f"Acct. targets: {x['acct']}.", f"Student grp targets: {x['acct_groups']}.", f"Other: {x['other']}."])])
    S["role_clarity"] = ("5. Role clarity", [("tbl", [["Level", "Does consistently"],
        ["Central office (asst. supt. T&L, content directors)", "monthly principal PD; coaching assignments; protects CPT in master sched."],
        ["Principals / APs", "run ILT 2x/mo; weekly walkthroughs w/ feedback; guard CPT"],
        ["Teachers", "plan from HQIM in CPT; daily use of P1 practices; bring student work to CPT q6wks"]])])
    hdr = ["#", "Benchmark", "Lvl"] + ([] if "mon_owner" in g else ["Owner"]) + ([] if "mon_freq" in g else ["Freq."])
    rows = [hdr]
    for k, (lv, txt) in enumerate(pick(tp[0], p["nbench"], g), 1):
        r = [str(k), txt, "Dist" if lv == "D" else "Sch"]
        if "mon_owner" not in g: r.append("asst. supt. T&L" if lv == "D" else "principal + ILT")
        if "mon_freq" not in g: r.append("q6wks" if lv == "D" else "monthly")
        rows.append(r)
    mb = [("tbl", rows)]
    if "mon_freq" in g: mb.append(("p", "Review cadence: TBD w/ DLT in Aug."))
    if "mon_owner" in g:
        mb.append(("p", "Data pulled from the SIS/assessment platform each window."))
        mb.append(("p", "Student work: dist. level = samples from 3 classrooms/school reviewed each window; sch. level = LASW protocol monthly; classroom = common task scored in CPT."))
    elif "mon_freq" in g:
        mb.append(("p", "Student work: dist. level = DLT samples 3 classrooms/school; sch. level = ILT LASW protocol; classroom = teachers score common task in CPT."))
    else:
        mb.append(("p", "Student work: dist. level = DLT samples 3 classrooms/school per window; sch. level = ILT LASW protocol monthly; classroom = teachers score common task in CPT."))
    S["monitoring"] = ("6. Monitoring", mb)
    rs = [f"Internal: {x['internal']}."]
    rs.append("Partners: none beyond current staff for now." if "res_external" in g else f"External: {x['external']}.")
    rs.append("ESSA budget review: per-pupil intervention $ lowest at highest-need bldgs -> FY24 reallocation of 2.0 FTE interventionists + Title I set-aside to identified schools.")
    S["resources"] = ("7. Resources", [("ul", rs)])
    S["differentiation"] = ("8. Differentiation", [("ul",
        [f"{s}: intensive. weekly coach, ILT facilitation by asst. supt., MTSS data mtg q6wks" for s in i1] +
        [f"{s}: moderate. biweekly coach, monthly data check-in" for s in oth(p)])])
    return S

# ---------------------------------------------------------------- teacher committee
def committee(p):
    g, tp, d = p["gaps"], p["topics"], p["district"]
    S = {}
    b = [("p", f"Our committee of classroom teachers, specialists and two principals spent the spring deciding what matters most for {d} next year. We chose {'one priority' if len(tp) == 1 else 'two priorities'}.")]
    for i, t in enumerate(tp):
        x = T[t]
        b.append(("p", f"Priority {i + 1}: {x['title'][0].upper() + x['title'][1:]}."))
        b.append(("p", f"What changes for us as teachers: {x['practice']}. What our students will notice: {x['experience']}. We are doing this because {x['gap']}."))
    S["priorities"] = ("Our Priority", b)
    b = []
    for t in tp:
        x = T[t]
        b += [("p", f"When we looked at results, we saw this: {x['outcomes']}"),
              ("p", f"When we visited each other's classrooms: {x['instr']}"),
              ("p", "When we asked families at conferences, many said they did not understand the new homework or how to help." if "st_students" in g else f"When we asked students and families: {x['persp']}"),
              ("p", f"When we looked at how our schools are organized: {x['systems']}"),
              ("p", f"When we sat down with student work together: {x['work']}")]
    b.append(("p", "We think the deeper causes are time, consistency, and expectations. We also used the Data Equity Pause and kept asking who is having a different experience in the same classroom."))
    S["analysis"] = ("What the Data Told Us", b)
    i1 = idn(p)
    ul = []
    if "st_students" in g:
        ul.append("Students: we did not survey or interview students directly this spring; we plan to add a student voice panel next year.")
    else:
        ul.append("Students: we held lunch conversations with students in every grade we teach and read last year's VOCAL results. They asked for more time to talk and texts about people like them, so both are in our priority.")
    ul += ["Families: we reached families through conferences, a short survey in the languages our families speak, and a coffee hour. They wanted to know how to help at home, so teachers will send a short note each term.",
           "Educators: every grade-level team weighed in twice, and the union building reps reviewed the draft.",
           "School leaders: principals and assistant principals met with us three times and pushed us to keep the plan small."]
    if "st_community" not in g:
        ul.append("Community: the public library and the after-school program at the YMCA gave feedback on reading and homework help, and they will use the same routines.")
    b = [("ul", ul), ("p", f"At {L(i1)}, {'the school' if len(i1) == 1 else 'the schools'} the state has identified for assistance, we held extra sessions with staff and parent council members. They told us coaching has to happen inside classrooms, not in after-school workshops, and that is how we wrote it."),
         ("p", "We will keep everyone involved: the committee keeps meeting every month next year, we will report to school councils each quarter, and families will see the benchmark results twice a year.")]
    S["stakeholder_engagement"] = ("Who We Heard From", b)
    b = []
    for t in tp:
        x = T[t]
        b.append(("p", f"We expect to meet the {x['acct']}, and for {x['acct_groups']}, the targets set for them. Along the way we will also keep an eye on {x['other']}."))
    S["outcomes"] = ("What We Expect to Change", b)
    S["role_clarity"] = ("Who Does What", [("ul", [
        "Central office staff will visit each school every month, give principals a clear calendar of training, and keep other new programs off our plates.",
        "Our principals will lead the instructional leadership team, observe classrooms weekly and give quick feedback, and keep our common planning time safe.",
        "We, the teachers, will plan together every week, use the practices in every lesson, and look at our students' work to decide what to reteach."])])
    b = [("p", "We chose a small number of measures. Here they are:")]
    ol = []
    for t in tp:
        for lv, txt in pick(t, p["nbench"], g):
            ol.append(f"{txt} ({'district-wide; the curriculum director reports it to the district leadership team every eight weeks' if lv == 'D' else 'each school; the principal and ILT check it monthly'})")
    b.append(("ol", ol))
    b.append(("p", "Student work will be part of every check-in: teachers bring samples to planning meetings, each ILT picks a common task to review monthly, and the district team looks at a set of samples from every school three times a year."))
    S["monitoring"] = ("How We Will Know", b)
    x = T[tp[0]]
    S["resources"] = ("What We Will Use", [("p", f"Inside the district we have {x['internal']}. From outside, we will use {x['external']}. When we looked at the district's school-by-school budget review, we saw that schools with the most need had the fewest specialists per student. This plan moves coaching and intervention time to those schools first.")])
    S["differentiation"] = ("Support That Differs by School", [("p", f"Schools that will get the most help: {L(i1)}. They will have a coach in classrooms every week and a district partner at ILT meetings." + (f" Other schools getting extra support this year: {L(oth(p))}, with a monthly coaching cycle." if oth(p) else ""))])
    return S

# ---------------------------------------------------------------- superintendent narrative
def supt(p):
    g, tp, d = p["gaps"], p["topics"], p["district"]
    S = {}
    n = len(tp)
    words = {1: "a single instructional priority", 2: "two instructional priorities", 3: "three instructional priorities"}[n]
    b = [("p", f"Dear colleagues at the Statewide System of Support: on behalf of the {d} Public Schools, I am pleased to share our plan for the coming year. After a year of listening and study, our leadership team has settled on {words}.")]
    for i, t in enumerate(tp):
        x = T[t]
        b.append(("p", f"{['First', 'Second', 'Third'][i] if n > 1 else 'Our priority'}: {x['title']}. In practice, {x['practice']}. Our students will notice the difference: {x['experience']}. We are choosing this work because {x['gap']}."))
    S["priorities"] = ("I. Our Instructional Priorities" if n > 1 else "I. Our Instructional Priority", b)
    x = T[tp[0]]
    S["analysis"] = ("II. Strengths and Challenges", [
        ("p", f"The evidence is sobering but clear. {x['outcomes']} What we saw in classrooms echoed it: {lc(x['instr'])}"),
        ("p", f"Our students and families have been candid. {x['persp']} Underneath it all are systems we built ourselves: {lc(x['systems'])}"),
        ("p", f"Principals and teachers also examined student work together this spring. {x['work']} We used the Data Equity Pause to look at how different groups of students experience the same instruction, and that conversation is what moved us toward this priority.")])
    i1 = idn(p)
    b = [("p", "This plan was not written in my office. We heard from students through advisory circles and the VOCAL survey, from families at bilingual forums in each neighborhood, from teachers through faculty meetings and a design team, from principals at our leadership retreat, and from community partners including the public library, our health center and the Chamber's education committee. Their input led us to narrow the plan and to invest in in-classroom coaching.")]
    if "st_ident" in g:
        b.append(("p", "We intend to hold dedicated sessions with staff and families of our identified schools once the school year begins."))
    else:
        b.append(("p", f"At {L(i1)}, where the state has identified the need for assistance, I met personally with the faculty and the school councils; their request for a protected planning block each week is now part of the plan."))
    b.append(("p", "Engagement will not stop in June. A stakeholder advisory group will meet each quarter to review benchmark data with us, and school councils will receive the same reports."))
    S["stakeholder_engagement"] = ("III. How Our Community Shaped This Plan", b)
    if "out_groups" in g:
        S["outcomes"] = ("IV. Outcomes", [("p", f"We expect this work to move the {x['acct']} for the district as a whole. We will also follow {x['other']}.")])
    else:
        S["outcomes"] = ("IV. Outcomes", [("p", f"We expect this work to move the {x['acct']}, and to meet the targets set for {x['acct_groups']}. We will also follow {x['other']}.")])
    S["role_clarity"] = ("V. Clear Roles", [
        ("p", "Everyone needs to know their part. Central office will protect time for training and planning, visit each school monthly, and shield principals from competing demands. Principals will lead their instructional leadership teams, be in classrooms every week, and give teachers timely feedback. Teachers will plan together from our curriculum, use the priority practices every day, and adjust based on what student work shows them.")])
    ol = []
    for t in tp:
        for lv, txt in pick(t, p["nbench"], g):
            ol.append(f"{txt}: {'reviewed by the Deputy Superintendent and district leadership team every six weeks' if lv == 'D' else 'reviewed by each principal with the ILT monthly'}")
    S["monitoring"] = ("VI. Monitoring Our Progress", [("p", "We have kept the list of interim measures short on purpose."), ("ol", ol),
        ("p", "We will also study student work at every level: teachers in their weekly planning, ILTs in a monthly review of a common assignment, and the district team in a look at samples from every school each trimester.")])
    rb = f"We will draw on {x['internal']}, and on {x['external']}, along with our SSoS regional assistance team."
    if "res_budget" in g:
        rb += " Our ESSA budget review is not yet complete; if it surfaces inequities between schools, we would consider adjustments in a future budget cycle."
    else:
        rb += " Our ESSA review of school-level spending showed that our highest-need schools receive fewer support staff per student; next year's budget adds coaching and intervention positions at those schools to close that gap."
    S["resources"] = ("VII. Resources", [("p", rb)])
    S["differentiation"] = ("VIII. Differentiated Support", [("p", f"{L(i1)} will receive the most intensive support: weekly coaching in classrooms, a district liaison on each ILT, and priority for substitute coverage so teachers can plan." + (f" {L(oth(p))} will receive a lighter, monthly coaching cycle because their data show a need for added help with this priority." if oth(p) else ""))])
    return S

# ---------------------------------------------------------------- bilingual district
def bilingual(p):
    g, tp, d = p["gaps"], p["topics"], p["district"]
    x = T[tp[0]]; S = {}
    b = [("p", f"Prioridad / Priority: {x['title']}."),
         ("p", f"Práctica docente / Educator practice: {x['practice']}."),
         ("p", f"Experiencia estudiantil / Student experience: {x['experience']}.")]
    if "pr_equity" not in g:
        b.append(("p", f"Brechas de equidad / Equity gaps: {x['gap']}."))
    S["priorities"] = ("1. Prioridad(es) / Priority(ies)", b)
    S["analysis"] = ("2. Análisis de fortalezas y desafíos / Analysis of Strengths and Challenges", [
        ("p", f"Resultados estudiantiles / Student outcomes: {x['outcomes']}"),
        ("p", f"Instrucción / Instruction: {x['instr']}"),
        ("p", f"Perspectivas / Perspectives: {x['persp']}"),
        ("p", f"Sistemas y estructuras / Systems: {x['systems']}"),
        ("p", f"Trabajo estudiantil / Student work: {x['work']}"),
        ("p", "Factores sistémicos / Root causes: planning time, scheduling and staffing decisions made school by school; we applied the Data Equity Pause in both languages with our bilingual staff.")])
    i1 = idn(p)
    S["stakeholder_engagement"] = ("3. Participación de la comunidad / Stakeholder Engagement", [
        ("ul", ["Estudiantes / Students: student forums in Spanish and English at every middle school; they asked to use Spanish in class discussion -> translanguaging routines.",
                "Familias / Families: Noches de familia and the bilingual parent advisory council; requests for reports in Spanish -> bilingual progress reports.",
                "Docentes / Teachers: ESL and content teacher working group reviewed every draft.",
                "Directores / Principals: principals' council prioritized shared planning blocks.",
                "Comunidad / Community: the Latino community center and the local church food pantry hosted listening sessions."]),
        ("p", f"Escuelas identificadas / Identified schools: staff and families at {L(i1)} met with district leaders twice; their concerns about ESL pull-out schedules became a benchmark."),
        ("p", "Participación continua / Ongoing: the bilingual parent advisory council and a student panel review benchmark data every trimester.")])
    S["outcomes"] = ("4. Resultados / Outcomes", [("ul", [
        f"Metas de rendición de cuentas / Accountability targets: {x['acct']}.",
        f"Por grupo / By student group: {x['acct_groups']}.", f"Otros datos / Other data: {x['other']}."])])
    S["role_clarity"] = ("5. Claridad de roles / Role Clarity", [("tbl", [["Nivel / Level", "Acciones / Actions"],
        ["Oficina central / Central office", "Coordinate bilingual PD, staff ESL coaches, monthly principal meetings"],
        ["Directores / School leaders", "Observe weekly, protect ESL-content co-planning, lead ILT"],
        ["Maestros / Teachers", "Language objectives every lesson, co-plan weekly, review ML work"]])])
    rows = [["Indicador / Benchmark", "Nivel / Level", "Responsable / Owner", "Frecuencia / How often"]]
    for lv, txt in pick(tp[0], p["nbench"], g):
        rows.append([txt, "Distrito" if lv == "D" else "Escuela", "Director/a de ELE" if lv == "D" else "Director/a escolar", "Cada trimestre / Each trimester" if lv == "D" else "Mensual / Monthly"])
    S["monitoring"] = ("6. Monitoreo / Monitoring Implementation", [("tbl", rows),
        ("p", "Trabajo estudiantil / Student work: the ELE office reviews ML writing samples from each school every trimester; ILTs review a common task monthly; teachers compare home-language drafts with English final products in co-planning.")])
    S["resources"] = ("7. Recursos / Resources", [("ul", [f"Internos / Internal: {x['internal']}.", f"Externos / External: {x['external']}.",
        "Equidad presupuestaria / Budget equity: the ESSA school-level budget review showed bilingual staff concentrated in two buildings; FY24 reassigns positions in proportion to ML enrollment."])])
    if "diff_schools" in g:
        S["differentiation"] = ("8. Diferenciación / Differentiation", [("p", "Apoyo diferenciado / Differentiated support: schools will receive coaching, walkthroughs and co-planning support according to their ML enrollment and benchmark results; the most support goes where the need is greatest.")])
    else:
        S["differentiation"] = ("8. Diferenciación / Differentiation", [("ul",
            [f"{s}: apoyo intensivo / intensive: weekly ESL coach, monthly district walkthrough" for s in i1] +
            [f"{s}: apoyo focalizado / targeted: biweekly coach visits" for s in oth(p)])])
    return S

# ---------------------------------------------------------------- rural, plain words
def rural(p):
    g, tp, d = p["gaps"], p["topics"], p["district"]
    x = T[tp[0]]; S = {}
    sc = [s for s, r in p["schools"]]
    S["priorities"] = ("Part 1. What we will work on", [
        ("p", f"We are a small district with {len(sc)} schools. Next year we will work on one thing: {x['title']}."),
        ("p", f"What teachers will do differently: {x['practice']}."),
        ("p", f"What kids will notice: {x['experience']}."),
        ("p", f"Who is being left behind right now: {x['gap']}.")])
    S["analysis"] = ("Part 2. Why we picked it (strengths and challenges)", [
        ("p", f"Test results: {x['outcomes']}"), ("p", f"What we saw in classrooms: {x['instr']}"),
        ("p", f"What kids and parents told us: {x['persp']}"), ("p", f"How we are set up: {x['systems']}"),
        ("p", f"What kids' work showed: {x['work']}"),
        ("p", "The bigger reasons behind this: we are short on staff, so specialists cover many jobs, and teachers in small schools often have no one else at their grade to plan with. We used the Data Equity Pause to look at which kids have a different day than others.")])
    i1 = idn(p)
    b = [("p", "We talked with kids in class meetings, with parents at open house and by phone, with all of our teachers at a staff meeting, with our principals, and with people in town: the library, the 4-H leaders and the town select board. Parents asked for simple updates, and teachers asked for time to plan together, so both are in the plan."),
         ("p", f"At {L(i1)}, which the state says needs help, we asked the staff and parents what gets in the way. They said the schedule, so we are fixing the schedule first.")]
    if "st_ongoing" in g:
        b.append(("p", "We have not decided yet how we will keep these groups involved once the work starts."))
    else:
        b.append(("p", "We will keep people in the loop: we share progress at school committee meetings each term and hold a parent night in the winter to show how things are going."))
    S["stakeholder_engagement"] = ("Part 3. Who we talked to", b)
    if "out_acct" in g:
        S["outcomes"] = ("Part 4. What we hope will change", [("p", f"The state has not sent our new targets yet, so we will set them in the fall when they come out. Until then we will watch {x['other']}, and we will look at how {x['acct_groups']} are doing.")])
    else:
        S["outcomes"] = ("Part 4. What we hope will change", [("p", f"We want to hit the {x['acct']}, and the targets for {x['acct_groups']}. We will also watch {x['other']}.")])
    rl = []
    if "role_central" in g:
        rl.append("Our district is small, so most of this work happens in the buildings.")
    else:
        rl.append("The superintendent's office (that is two people) will set the training days, buy the materials, and come to each school once a month to see how it is going.")
    rl += ["Principals will be in classrooms every week, run the leadership team meeting, and make sure planning time happens.",
           "Teachers will plan together (across schools by video if they are the only one at a grade), use the new practices every day, and look at kids' work to see what to teach again."]
    S["role_clarity"] = ("Part 5. Who does what", [("ul", rl)])
    ol = []
    for lv, txt in pick(tp[0], p["nbench"], g):
        ol.append(f"{txt}. {'The superintendent checks this across the district every 6 weeks.' if lv == 'D' else 'Each principal checks this at their school every month.'}")
    S["monitoring"] = ("Part 6. How we will check progress", [("ol", ol),
        ("p", "Kids' work: each month teachers bring a few papers to planning time, each school's team looks at one common assignment, and the superintendent's office looks at work from all schools three times a year.")])
    S["resources"] = ("Part 7. What we will use", [
        ("p", f"From inside the district: {x['internal']}. From outside: {x['external']}, and help from our SSoS regional team."),
        ("p", "When we looked at school budgets (the ESSA review), the smallest school had far less specialist time per student. We are moving a reading specialist's hours there next year.")])
    if "diff_schools" in g:
        S["differentiation"] = ("Part 8. Extra help for some schools", [("p", "Every school will get help based on what its data show. Schools that need more will get more visits and more coaching time.")])
    else:
        S["differentiation"] = ("Part 8. Extra help for some schools", [("p", f"{L(i1)} will get the most help: a coach every week and a monthly visit from the superintendent." + (f" {L(oth(p))} will get a coach twice a month." if oth(p) else ""))])
    return S

# ---------------------------------------------------------------- charter-like network
def charter(p):
    g, tp, d = p["gaps"], p["topics"], p["district"]
    x = T[tp[0]]; S = {}
    sch = lambda s: s.replace("students", "scholars").replace("Students", "Scholars").replace("children", "scholars").replace("kids", "scholars")
    S["priorities"] = ("1. Academic Priority", [
        ("p", sch(f"Our network's priority for SY23-24: {x['title']}.")),
        ("ul", [sch(f"Teacher moves: {x['practice']}."), sch(f"Scholar experience: {x['experience']}."), sch(f"Opportunity gap we are closing: {x['gap']}.")])])
    an = []
    if "an_groups" in g:
        an.append(("p", sch(f"Scholar outcomes: network-wide, {x['agg']}, a figure that has held flat for two years.")))
    else:
        an.append(("p", sch(f"Scholar outcomes: {x['outcomes']}")))
    if "an_instruction" not in g:
        an.append(("p", sch(f"Classroom practice: {x['instr']}")))
    an.append(("p", sch(f"Scholar and caregiver voice: {x['persp']}")))
    an.append(("p", sch(f"Network systems: {x['systems']}")))
    if "an_groups" in g:
        an.append(("p", "Scholar work: in our work-sample reviews, scholars could decode but wrote little in response to texts."))
    else:
        an.append(("p", sch(f"Scholar work: {x['work']}")))
    an.append(("p", "Root causes: we grew quickly, campus schedules diverged, and coaching followed the loudest need rather than the data."))
    S["analysis"] = ("2. Data Deep Dive", an)
    i1 = idn(p)
    S["stakeholder_engagement"] = ("3. Community Voice", [
        ("ul", ["Scholars: scholar council and grade-level town halls; asked for more choice in reading and discussion.",
                "Caregivers: caregiver coffees at every campus plus a survey in English, Spanish and Haitian Creole; asked for clearer progress updates.",
                "Teachers: every grade team gave feedback on two drafts.",
                "Campus leaders: principals and deans shaped the rollout calendar.",
                "Community: board members, our neighborhood health center and a local arts nonprofit."]),
        ("p", f"At {L(i1)}, {'our campus' if len(i1) == 1 else 'our campuses'} identified for state assistance, the Chief Academic Officer held listening sessions with staff and caregivers; they asked for in-class coaching, which we adopted."),
        ("p", "Staying connected: the scholar council and caregiver advisory review progress data with the CAO each quarter.")])
    S["outcomes"] = ("4. Goals", [("ul", [sch(f"Accountability targets: {x['acct']}."), sch(f"Targets for student groups: {x['acct_groups']}."), sch(f"Also tracking: {x['other']}.")])])
    rl = [["Who", "What they do every week"], ["Network office (CAO, content directors)", "Coaches campus leaders, sets PD calendar, provides curriculum support"]]
    if "role_leaders" not in g:
        rl.append(["Campus principals and deans", "Observe and give feedback weekly, lead campus ILT, protect planning time"])
    rl.append(["Teachers", "Intellectually prepare lessons, use the priority moves daily, review scholar work in team meetings"])
    S["role_clarity"] = ("5. Who Owns What", [("tbl", rl)])
    ol = []
    for lv, txt in pick(tp[0], p["nbench"], g):
        ol.append(sch(f"{txt} — {'network level; the Chief Academic Officer reviews at the quarterly data day' if lv == 'D' else 'campus level; principal and deans every 3 weeks'}"))
    S["monitoring"] = ("6. Progress Monitoring", [("ol", ol),
        ("p", "Scholar work: teachers norm on exemplars weekly, campus ILTs sort a common assignment every data cycle, and the CAO's team audits samples from every campus each quarter.")])
    S["resources"] = ("7. Resources", [("ul", [sch(f"Internal: {x['internal']}."), f"External: {x['external']}.",
        "Budget equity: our ESSA spending review found campuses with more high-needs scholars had fewer intervention staff; SY24 staffing shifts two interventionists to those campuses."])])
    dl = [f"{s}: intensive support; weekly coaching, principal coaching by the CAO" + (" (principal and deans meet the CAO weekly)" if "role_leaders" in g else "") for s in i1]
    dl += [f"{s}: targeted support; biweekly coaching" for s in oth(p)]
    S["differentiation"] = ("8. Campus-Level Differentiation", [("ul", dl)])
    return S

VOICES = dict(consultant=consultant, dataoffice=dataoffice, committee=committee, supt=supt,
              bilingual=bilingual, rural=rural, charter=charter)
