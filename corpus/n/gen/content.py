"""Content engine for author-N corpus.

A plan spec (see plans.py) names a district, schools, priorities, a voice and a
set of deliberate gaps.  The functions here turn the spec into section bodies
(lists of blocks) and compute the truth record.

Blocks: ("p", text) paragraph; ("b", [items]) bullets; ("h", text) sub-heading;
("t", header, rows) table.
"""
import random

SECTIONS = ["priorities", "analysis", "stakeholder_engagement", "outcomes",
            "role_clarity", "monitoring", "resources", "differentiation"]

HEADINGS = {
    "guid": ["1. Priority(ies)", "2. Analysis of Strengths and Challenges", "3. Stakeholder Engagement",
             "4. Outcomes", "5. Role Clarity", "6. Monitoring Implementation", "7. Resources",
             "8. Differentiation"],
    "roman": ["I. Instructional Priorities", "II. Analysis of Strengths and Challenges",
              "III. Stakeholder Engagement", "IV. Outcomes", "V. Role Clarity",
              "VI. Monitoring Implementation", "VII. Resources", "VIII. Differentiation"],
    "letter": ["Section A: Priorities", "Section B: Strengths and Challenges", "Section C: Stakeholder Engagement",
               "Section D: Outcomes", "Section E: Role Clarity", "Section F: Monitoring",
               "Section G: Resources", "Section H: Differentiated Support"],
    "part": ["Part 1 \u2013 Our Instructional Priorities", "Part 2 \u2013 Strengths and Challenges",
             "Part 3 \u2013 Engaging Stakeholders", "Part 4 \u2013 Outcomes and Targets",
             "Part 5 \u2013 Roles and Responsibilities", "Part 6 \u2013 Monitoring Implementation",
             "Part 7 \u2013 Resources", "Part 8 \u2013 Differentiation for Schools"],
    "para": ["What are we going to focus on?", "What told us this was the right focus?",
             "Who did we hear from, and what did they say?", "What will be different by June?",
             "Who does what", "How will we know it is working?", "What will we use to get it done?",
             "Which schools get extra help, and what kind?"],
    "plain": ["Priorities", "Strengths & Challenges", "Stakeholder Engagement", "Outcomes", "Roles",
              "Monitoring", "Resources", "Differentiated Support"],
    "manual": ["1) Priorities", "2) Analysis of strengths & challenges", "3) Stakeholder engagement",
               "4) Outcomes", "5) Role clarity", "6) Monitoring implementation", "7) Resources",
               "8) Differentiation"],
}

PROMPTS = {
    "priorities": "What are your district\u2019s top 1-2 instructional priorities for SY23-24? What are the meaningful changes in educator practice that are the focus of this priority? What will be the meaningful changes students will experience in their learning because of this focus? Which specific equity and opportunity gaps will this priority address?",
    "analysis": "What data led you to identify or recommit to this priority? What are the underlying systemic factors that contribute to the findings in your data analysis? Ensure your findings represent data from each of the four areas (student outcomes, instruction, stakeholder perspectives, systems/structures), themes from looking at student work, and data for specific student groups.",
    "stakeholder_engagement": "How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan? What input did you get from stakeholders in schools identified as requiring assistance? How will stakeholders be continuously engaged in implementation and monitoring?",
    "outcomes": "Which specific Accountability targets will be met as a result of focusing on this priority? (In the aggregate and for specific student groups). Are there other data points that would be helpful to track for signs of progress with this priority?",
    "role_clarity": "What is your strategy to ensure that all stakeholders understand their role in implementing this priority? Describe what the central office will do to support school leaders; what school leaders will do to support teacher practice; and what teachers will do to support student learning.",
    "monitoring": "What interim benchmarks will you track throughout the year at both the district and school level to gauge changes in adult practice and student learning/experiences? Who will monitor these and how often? Share how student assignments and work samples will be analyzed.",
    "resources": "What partnerships, programs, or resources will you leverage to implement this priority? These could include external resources as well as internal resources. Briefly describe how the implementation of the plan will address any inequities discovered during the district\u2019s review of local district and school budgeting data, as required by ESSA.",
    "differentiation": "How will the district differentiate assistance for schools identified by the Accountability system as requiring assistance, and for other schools that need more support with this priority? Please list the schools that will receive differentiated support and briefly describe what that differentiated support will entail.",
}

# ---------------------------------------------------------------- priorities
PRI = {
    "ela": dict(clsp=True,
        name={"long": "Culturally and linguistically sustaining, grade-appropriate literacy instruction in grades K-8",
              "terse": "CLSP grade-level literacy K-8 (HQIM ELA)",
              "plain": "Every scholar reads, writes and talks about grade-level texts that reflect who they are"},
        practice={"long": "Teachers will use our high-quality ELA curriculum (EL Education in K-5, StudySync in 6-8) as written, keeping every student in the grade-level text and planning scaffolds, especially for multilingual learners, instead of pulling students into below-level materials. Teachers will plan structured academic discourse routines in each lesson and draw on students' languages and home cultures as assets.",
                  "terse": "Tchrs: use EL Ed (K-5) / StudySync (6-8) w/ fidelity; keep all students in grade-level text; scaffold for MLs instead of below-level groups; daily discourse routines.",
                  "plain": "Teachers teach from our ELA curriculum every day, keep every scholar in the grade-level text, and plan supports for multilingual scholars up front so nobody is pulled to an easier book."},
        experience={"long": "Students will spend more of each lesson reading, writing and talking about complex, grade-level texts, will see their cultures and languages reflected in what they read, and will do the heavy cognitive lifting rather than listening to the teacher explain.",
                    "terse": "Students: more time reading/writing/talking about grade-level texts; see own cultures & languages in texts; do the thinking.",
                    "plain": "Young people will read real, grade-level books, talk with each other about them most of the period, and see their own families and languages in what they read."},
        gaps={"long": "This priority addresses the opportunity gap in access to grade-level text for English learners and students with disabilities, and the resulting achievement gap: in spring 2022 only 8% of English learners and 7% of students with disabilities met or exceeded expectations in ELA, compared with 29% of all students.",
              "terse": "Gaps: ELs & SWD access to grade-level text; ELA M/E 8% (EL), 7% (SWD) vs 29% all (2022 MCAS).",
              "plain": "The gap we are closing: English learners and students on IEPs get less grade-level reading than everyone else, and it shows \u2013 8% of English learners and 7% of students with disabilities met expectations in ELA last spring, against 29% overall."}),
    "math": dict(clsp=True,
        name={"long": "Culturally responsive, grade-appropriate mathematics instruction in grades 3-8 using Illustrative Mathematics",
              "terse": "Grade-level, culturally responsive math 3-8 (IM)",
              "plain": "Grade-level math that every scholar can get into, taught in ways that honor their cultures, languages and lives"},
        practice={"long": "Teachers will implement Illustrative Mathematics with fidelity, launching tasks with contexts that connect to students' lives and communities, facilitating student discourse through the five practices, and using cool-downs to adjust the next day's instruction.",
                  "terse": "Tchrs: IM w/ fidelity; culturally relevant launches; 5 practices discourse; use cool-downs to adjust next day.",
                  "plain": "Teachers teach the Illustrative Math lessons, start problems with situations our scholars recognize, and let scholars explain their thinking to each other."},
        experience={"long": "Students will work on rich, grade-level problems every day, explain and defend their reasoning to peers, and experience mathematics as something connected to their own lives.",
                    "terse": "Students: daily grade-level tasks; explain reasoning; math connected to their lives.",
                    "plain": "Scholars will work on real grade-level problems, explain their thinking out loud, and see math as something that belongs to them."},
        gaps={"long": "The priority targets the gap in mathematics achievement for Hispanic/Latino students, English learners and economically disadvantaged students, whose rate of meeting or exceeding expectations in grades 3-8 math trails the district average by 11 to 15 points.",
              "terse": "Gaps: Hisp/Latino, EL, econ. disadv. math M/E 11-15 pts below district avg.",
              "plain": "Latino scholars, English learners and scholars from low-income families are 11 to 15 points behind in math, and this is where we start."}),
    "ilt": dict(clsp=False,
        name={"long": "Building effective school instructional leadership teams (ILTs) in every school",
              "terse": "Effective ILTs at every school",
              "plain": "Strong instructional leadership teams in every building"},
        practice={"long": "Principals and teacher leaders on each ILT will meet twice monthly around a shared instructional focus, use a common learning-walk tool, and follow up with coaching cycles for teams.",
                  "terse": "ILTs meet 2x/mo; common learning-walk tool; coaching follow-up.",
                  "plain": "Principals and teacher leaders will meet twice a month, visit classrooms together, and follow up with teams."},
        experience={"long": "Students will experience more consistent instruction across classrooms within the same school.",
                    "terse": "Students: more consistent instruction across classrooms.",
                    "plain": "Young people will get more consistent teaching from room to room."},
        gaps={"long": "The priority is intended to narrow the gap between our highest- and lowest-performing schools, where chronic absenteeism and achievement differ markedly.",
              "terse": "Gaps: between highest/lowest performing schools.",
              "plain": "We want to close the gap between our strongest and weakest schools."}),
    "belong": dict(clsp=False,
        name={"long": "Strengthening the learning environment and students' sense of belonging, with a focus on attendance",
              "terse": "Belonging & attendance",
              "plain": "Every young person feels they belong and comes to school"},
        practice={"long": "Staff will use daily community-building circles and advisory, and attendance teams will act on early-warning data every week.",
                  "terse": "Staff: daily circles/advisory; attendance teams act on EWS data weekly.",
                  "plain": "Adults will run daily circles and advisory and reach out quickly when a young person starts missing school."},
        experience={"long": "Students will have at least one trusted adult, feel welcome, and attend school more regularly.",
                    "terse": "Students: 1 trusted adult each; feel welcome; attend more.",
                    "plain": "Every young person has a trusted adult and wants to come to school."},
        gaps={"long": "Chronic absenteeism is 31% overall and 41% for students with disabilities and 38% for Hispanic/Latino students.",
              "terse": "Chronic abs. 31% overall; 41% SWD; 38% Hisp/Latino.",
              "plain": "Almost a third of our young people are chronically absent, and more than 4 in 10 students with disabilities."}),
    "mtss": dict(clsp=False,
        name={"long": "A coherent multi-tiered system of supports (MTSS) for literacy intervention",
              "terse": "MTSS \u2013 literacy intervention",
              "plain": "Getting the right reading help to the right scholar at the right time"},
        practice={"long": "Intervention teams will use universal screening three times a year, place students in Tier 2 and Tier 3 groups by skill, and review progress-monitoring data every six weeks.",
                  "terse": "Screen 3x/yr; skill-based T2/T3 groups; PM data review q6wks.",
                  "plain": "We will screen every scholar three times a year and group them for extra help by the skill they need."},
        experience={"long": "Students who struggle with foundational reading skills will receive targeted help matched to their needs.",
                    "terse": "Struggling readers get targeted help matched to need.",
                    "plain": "Scholars who are behind in reading get the exact help they need."},
        gaps={"long": "Students with disabilities and English learners are over-represented among students reading below benchmark in grades 1-3.",
              "terse": "SWD & ELs over-represented below benchmark gr 1-3.",
              "plain": "English learners and scholars with IEPs are most of the kids below benchmark in grades 1-3."}),
}

PRI_LABEL = {"priority": "Priority {n}", "goal": "Goal {n}", "strategy": "Strategy {n}",
             "initiative": "Initiative {a}", "none": ""}


def plabel(spec, i):
    style = spec.get("plabel", "priority")
    if style == "none":
        return ""
    return PRI_LABEL[style].format(n=i + 1, a="ABC"[i])


def v(d, spec):
    return d[spec["voice"]] if spec["voice"] in d else d["long"]


def sec_priorities(spec, only=None):
    g = spec["gaps"]
    blocks = []
    if spec["voice"] == "long":
        blocks.append(("p", f"After a year of mid-year and end-of-year progress monitoring, {spec['district']} Public Schools is recommitting to a small number of instructional priorities for SY23-24 rather than adding new initiatives."))
    if spec.get("strategic_mention"):
        blocks.append(("p", spec["strategic_mention"]))
    for i, key in enumerate(spec["priorities"]):
        if only is not None and i != only:
            continue
        P = PRI[key]
        lab = plabel(spec, i)
        head = (lab + ": " if lab else "") + v(P["name"], spec)
        blocks.append(("h", head))
        if spec["voice"] == "terse":
            items = []
            if "educator_practice" not in g.get("pp", ()):
                items.append(v(P["practice"], spec))
            if "student_experience" not in g.get("pp", ()):
                items.append(v(P["experience"], spec))
            if "equity_gaps" not in g.get("pp", ()):
                items.append(v(P["gaps"], spec))
            blocks.append(("b", items))
        else:
            t = []
            if "educator_practice" not in g.get("pp", ()):
                t.append(("Changes in educator practice: " if spec["voice"] == "long" and spec.get("labels") else "") + v(P["practice"], spec))
            if "student_experience" not in g.get("pp", ()):
                t.append(v(P["experience"], spec))
            if "equity_gaps" not in g.get("pp", ()):
                t.append(v(P["gaps"], spec))
            blocks.append(("p", " ".join(t)))
    if spec.get("pri_extra"):
        blocks.append(("p", spec["pri_extra"]))
    return blocks


# ---------------------------------------------------------------- analysis
def sec_analysis(spec, only=None):
    g, voice, d = spec["gaps"], spec["voice"], spec["district"]
    da = g.get("da", ())
    sch = spec["schools"]
    out = []
    L = {
        "student_outcomes": {
            "long": "Student outcomes: our 2022 MCAS results show 29% of students in grades 3-8 meeting or exceeding expectations in ELA and 24% in mathematics, with i-Ready mid-year diagnostics showing only 34% of K-5 students on or above grade level in reading.",
            "terse": "Student outcomes \u2013 MCAS 2022: ELA M/E 29%, math 24% (gr 3-8); i-Ready MOY approx. 34% K-5 on/above GL in reading.",
            "plain": "How our scholars are doing: 29% met expectations in ELA on last spring's MCAS and 24% in math; about a third of K-5 scholars are on grade level in reading on i-Ready."},
        "instruction": {
            "long": "Instruction: learning walks conducted by principals and central office leaders in 148 classrooms this year found grade-level text in use in only 41% of ELA blocks, and students talking to one another about the content in fewer than a third of observed lessons.",
            "terse": "Instruction \u2013 learning walks (n=148 classrooms): GL text in use 41% of ELA blocks; student-to-student talk <1/3 of lessons.",
            "plain": "What we saw in classrooms: on our walkthroughs of 148 classrooms, scholars had a grade-level text in front of them in only 41% of reading blocks, and they talked to each other about the work in fewer than a third of them."},
        "stakeholder_perspectives": {
            "long": "Stakeholder perspectives: on the VOCAL survey and our own Panorama climate survey, only 46% of students in grades 5-8 agreed that they see people like themselves in what they read, and teachers reported in focus groups that they lack time to plan scaffolds.",
            "terse": "Stakeholder persp. \u2013 VOCAL/Panorama: 46% of gr 5-8 students agree they see people like them in what they read; tchr focus groups: no time to plan scaffolds.",
            "plain": "What people told us: on the student survey, fewer than half of our 5th-8th graders said they see people like themselves in what they read, and teachers told us they do not have time to plan supports."},
        "systems_structures": {
            "long": "Systems and structures: our master schedules give grade-level teams only one common planning period every two weeks, ELD and special education services are scheduled during the core literacy block at most schools, and coaching is spread thinly across buildings.",
            "terse": "Systems/structures \u2013 common planning only 1x per 2 wks; ELD & SPED services sched. during core literacy block; coaching spread thin.",
            "plain": "How we are set up: teams get common planning time only once every two weeks, and English learners and scholars with IEPs are often pulled out during the reading block."},
    }
    if spec.get("an_intro") and voice == "long":
        out.append(("p", f"The {d} leadership team used the Data Equity Pause protocol and the four data areas of the CSDP Coherence Guidebook to review our evidence. We recommitted to this priority because the data pointed in the same direction."))
    if g.get("nogroups"):
        L["systems_structures"] = {"long": "Systems and structures: our master schedules give grade-level teams only one common planning period every two weeks, and coaching is spread thinly across buildings.",
                                   "terse": "Systems/structures \u2013 common planning only 1x per 2 wks; coaching spread thin.",
                                   "plain": "How we are set up: teams get common planning time only once every two weeks, and our coaches are spread across too many buildings."}
    items = [v(L[k], spec) for k in ["student_outcomes", "instruction", "stakeholder_perspectives", "systems_structures"] if k not in da]
    if spec.get("an_negate") :
        items.append(spec["an_negate"])
    if voice == "terse":
        out.append(("b", items))
    else:
        for t in items:
            out.append(("p", t))
    if not g.get("nogroups"):
        out.append(("p", {"long": "Student groups: the Data Equity Pause surfaced our largest gaps for English learners (8% meeting or exceeding in ELA), students with disabilities (7%), and Hispanic/Latino students (17%), and showed that English learners in grades 3-5 spend on average 40 minutes a day outside the grade-level core block.",
                          "terse": "Student groups: ELs 8% M/E ELA, SWD 7%, Hisp/Latino 17%; ELs gr 3-5 avg approx. 40 min/day outside core block.",
                          "plain": "Which scholars are furthest from opportunity: English learners (8% met expectations in ELA), students with disabilities (7%) and our Latino scholars (17%); English learners spend about 40 minutes a day out of the grade-level block."}[voice]))
    if not g.get("nowork") and g.get("nogroups"):
        out.append(("p", {"long": "Looking at student work: when grade-level teams examined common writing tasks from the spring, they found that student writing rarely cited evidence from the text.",
                          "terse": "LASW (spring common writing task): little text evidence cited.",
                          "plain": "When teachers looked at scholars' writing together, most pieces did not use evidence from the text."}[voice]))
    elif not g.get("nowork"):
        out.append(("p", {"long": "Looking at student work: when grade-level teams examined common writing tasks from the spring, they found that student writing rarely cited evidence from the text, and that work from English learners showed strong ideas expressed with little academic language support.",
                          "terse": "LASW (spring common writing task): little text evidence cited; EL work \u2013 strong ideas, limited academic lang. support.",
                          "plain": "When teachers looked at scholars' writing together, most pieces did not use evidence from the text, and English learners' work had strong ideas but little support with academic language."}[voice]))
    if spec.get("an_underlying", True) and voice != "terse" and not da:
        out.append(("p", "Underlying systemic factors: inconsistent use of our curriculum materials, limited common planning time, and service models that remove students from core instruction."))
    return out


# ---------------------------------------------------------------- stakeholders
def sec_stakeholders(spec, only=None):
    g, voice = spec["gaps"], spec["voice"]
    miss = set(g.get("sg", ())) | set(spec.get("sg_hide", ()))
    ident = [s for s, idf in spec["schools"] if idf]
    T = {
        "students": {"long": "Students: we held focus groups with 60 students in grades 4-8, who told us they want to read books that reflect their lives and to talk more in class; this shaped the discourse focus of the priority.",
                     "terse": "Students \u2013 focus groups w/ approx. 60 students gr 4-8: want books that reflect them, more talk \u2192 discourse focus.",
                     "plain": "Young people: about 60 scholars in grades 4-8 told us in focus groups they want books about lives like theirs and more chances to talk; that is why discussion is in the plan."},
        "families": {"long": "Families: the family survey (412 responses, available in English, Spanish, Portuguese and Khmer) and two family nights showed that families want more information about what their children are learning and how to support reading at home.",
                     "terse": "Families \u2013 family survey (412 resp., EN/ES/PT/KM) + 2 family nights: want info on what kids learn, how to help at home.",
                     "plain": "Caregivers: 412 caregivers answered our survey in four languages and many came to two family nights; they asked for clearer information about what their children are learning."},
        "educators": {"long": "Educators: teachers on each school's ILT and our union's teaching-and-learning committee reviewed the draft and asked for protected planning time, which is reflected in the resources section.",
                      "terse": "Educators \u2013 tchrs on ILTs + union T&L cmte reviewed draft; asked for protected planning time (see Resources).",
                      "plain": "Teachers: teacher leaders and the union's teaching and learning committee read the draft and asked for protected planning time, which we added."},
        "school_leaders": {"long": "School leaders: principals and assistant principals worked through the Instructional Priority Protocol with us at two leadership retreats and recommended narrowing the plan to one grade span.",
                           "terse": "School leaders \u2013 principals/APs at 2 leadership retreats (Instr. Priority Protocol); recommended narrowing scope.",
                           "plain": "Principals: our principals and assistant principals worked through the plan with us at two retreats and told us to narrow it."},
        "community": {"long": "Community: the Parent Advisory Council, the local Boys & Girls Club, and the public library gave feedback at a community forum in May, which led to the summer reading partnership.",
                      "terse": "Community \u2013 PAC, Boys & Girls Club, public library @ May community forum \u2192 summer reading partnership.",
                      "plain": "Community partners: the Parent Advisory Council, the Boys & Girls Club and the library came to a forum in May, which led to our summer reading partnership."},
    }
    order = ["students", "families", "educators", "school_leaders", "community"]
    items = []
    for k in order:
        if k in miss:
            trap = g.get("sg_trap", {}).get(k)
            if trap:
                items.append(trap)
        else:
            items.append(v(T[k], spec))
    out = []
    if voice == "long":
        out.append(("p", "The plan was shaped by what we heard from the people closest to classrooms."))
    if voice == "terse":
        out.append(("b", items))
    else:
        out += [("p", t) for t in items]
    who = [w for k, w in (("educators", "staff"), ("students", "students"), ("families", "families")) if k not in miss]
    who_s = ", ".join(who[:-1]) + " and " + who[-1] if len(who) > 1 else who[0]
    ong = [w for k, w in (("students", "students"), ("families", "family members"), ("educators", "teachers"), ("school_leaders", "principals")) if k not in miss]
    ong_s = ", ".join(ong[:-1]) + " and " + ong[-1]
    if not g.get("noschoolinput") and "schoolinput" not in spec.get("hide", ()):
        s = " and ".join(ident[:2])
        out.append(("p", {"long": f"Input from schools identified as requiring assistance: at {s}, we held separate listening sessions with {who_s}; they told us that pull-out schedules were keeping English learners out of grade-level instruction, which became a central part of this plan.",
                          "terse": f"Identified schools ({s}): separate listening sessions w/ {who_s} \u2192 pull-out sched. keeps ELs from GL instruction; built into plan.",
                          "plain": f"In our schools that the state identified for support ({s}), we held separate listening sessions with {who_s}; they told us English learners were being pulled out of grade-level reading, and we changed the plan."}[voice]))
    elif g.get("noschoolinput_trap"):
        out.append(("p", g["noschoolinput_trap"]))
    if not g.get("noongoing"):
        out.append(("p", {"long": f"Ongoing engagement: a stakeholder advisory group of {ong_s} will meet quarterly to review benchmark data, and we will report progress at School Committee meetings in January and June.",
                          "terse": f"Ongoing: stakeholder advisory grp ({ong_s}) meets quarterly to review benchmark data; progress report to School Cmte Jan & June.",
                          "plain": f"Going forward: a group of {ong_s} will meet every quarter to look at our progress data with us, and we will report to the School Committee in January and June."}[voice]))
    elif g.get("noongoing_trap"):
        out.append(("p", g["noongoing_trap"]))
    return out


# ---------------------------------------------------------------- outcomes
def sec_outcomes(spec, only=None):
    g, voice = spec["gaps"], spec["voice"]
    out = []
    if not g.get("notargets"):
        out.append(("p", {"long": "Accountability targets: we expect to meet our district accountability targets in ELA and mathematics achievement (average scaled score), raising the percentage of students meeting or exceeding expectations in ELA in grades 3-8 from 29% to 35% and in math from 24% to 29%, and to meet the chronic absenteeism target.",
                          "terse": "Acct. targets: meet district targets for ELA & math achievement (avg SS); ELA M/E gr 3-8 29%\u219235%; math 24%\u219229%; meet chronic abs. target.",
                          "plain": "State accountability targets we will meet: ELA and math achievement for grades 3-8 (from 29% to 35% meeting expectations in ELA, 24% to 29% in math) and the chronic absenteeism target."}[voice]))
        if not g.get("nogrouptargets"):
            out.append(("p", {"long": "For student groups, we will meet the accountability targets for English learners (ELA meeting or exceeding from 8% to 14%, and progress toward English language proficiency from 38% to 45%), students with disabilities (7% to 12%), and Hispanic/Latino students (17% to 24%).",
                              "terse": "Student grp targets: ELs ELA M/E 8%\u219214%, ELP progress 38%\u219245%; SWD 7%\u219212%; Hisp/Latino 17%\u219224%.",
                              "plain": "For groups of scholars: English learners from 8% to 14% in ELA and from 38% to 45% making progress in English; students with disabilities from 7% to 12%; Latino scholars from 17% to 24%."}[voice]))
        elif g.get("nogrouptargets_trap"):
            out.append(("p", g["nogrouptargets_trap"]))
    else:
        if g.get("notargets_trap"):
            out.append(("p", g["notargets_trap"]))
    out.append(("p", {"long": "Other data points we will track include i-Ready mid-year growth, the share of observed classrooms using grade-level text, and student survey results on belonging.",
                      "terse": "Other data: i-Ready MOY growth; % classrooms w/ GL text; student belonging survey.",
                      "plain": "We will also watch i-Ready growth, how many classrooms use grade-level text, and what scholars say about belonging."}[voice]))
    return out


# ---------------------------------------------------------------- roles
def sec_roles(spec, only=None):
    g, voice = spec["gaps"], spec["voice"]
    miss = set(g.get("roles", ())) | set(spec.get("roles_hide", ()))
    T = {
        "central_office": {"long": "Central office: the Assistant Superintendent for Teaching and Learning and the content directors will conduct monthly learning walks with each principal, provide curriculum-aligned professional development, and protect common planning time in the district calendar.",
                           "terse": "Central office \u2013 asst. supt. T&L + content directors: monthly learning walks w/ each principal; curriculum PD; protect CPT in calendar.",
                           "plain": "District leadership: our assistant superintendent and content directors will walk classrooms with every principal each month, run training on the curriculum, and protect planning time on the calendar."},
        "school_leaders": {"long": "School leaders: principals will lead their ILTs through a six-week cycle of observation and feedback, attend grade-level planning at least weekly, and give every teacher actionable feedback on use of grade-level text.",
                           "terse": "Principals \u2013 lead ILT 6-wk obs/feedback cycles; attend grade-level planning weekly; feedback to every tchr on GL text.",
                           "plain": "Principals: principals will run six-week observation and feedback cycles with their ILTs, sit in on team planning every week, and give each teacher useful feedback."},
        "teachers": {"long": "Teachers: teachers will internalize each unit in grade-level teams, plan scaffolds for multilingual learners and students with disabilities, and bring student work to team meetings to adjust instruction.",
                     "terse": "Tchrs \u2013 internalize units in teams; plan scaffolds for MLs/SWD; bring student work to team mtgs.",
                     "plain": "Teachers: teachers will study each unit together, plan supports for multilingual scholars and scholars with IEPs, and bring scholars' work to team meetings."},
    }
    out = []
    if voice == "long":
        out.append(("p", "We will use the Vertical Alignment Strategy Protocol so that each level knows what it owes the next."))
    items = [v(T[k], spec) for k in ["central_office", "school_leaders", "teachers"] if k not in miss]
    if g.get("roles_trap"):
        items.append(g["roles_trap"])
    if voice == "terse":
        out.append(("b", items))
    else:
        out += [("p", t) for t in items]
    return out


# ---------------------------------------------------------------- monitoring
BM = {
    "ela": [
        ("s", "By November, 60% of K-5 classrooms observed on learning walks have all students reading the grade-level text of the day"),
        ("d", "District-wide i-Ready Reading mid-year: grade 3-5 students on or above grade level rise from 34% to 42% (English learners from 12% to 20%)"),
        ("s", "By February, every grade-level team completes two looking-at-student-work cycles on a common writing task"),
        ("d", "Spring student survey: 'I see people like me in what we read' rises from 46% to 58% favorable district-wide"),
        ("s", "By March, 75% of observed ELA lessons include a structured student discourse routine"),
        ("d", "All principals complete the quarterly ELA implementation walkthrough with central office"),
        ("s", "By May, 80% of English learners in grades 3-5 receive ELD outside the core literacy block"),
        ("d", "District ACCESS growth: share of ELs making progress rises to 45%"),
    ],
    "math": [
        ("s", "By December, 70% of observed math lessons use the IM launch-work-synthesize structure"),
        ("d", "District-wide i-Ready Math mid-year: grade 3-8 on/above grade level rises from 27% to 33%"),
        ("s", "Each school: cool-down data reviewed by every grade team at least twice per unit"),
        ("d", "Winter student survey: 'In math class I explain my thinking' rises from 39% to 50% agree"),
        ("s", "By April, 65% of observed lessons show students explaining reasoning to peers"),
        ("d", "All math coaches complete two coaching cycles per school by March"),
        ("s", "By May, IM end-of-unit assessments show 50% of Hispanic/Latino students proficient"),
    ],
    "ilt": [
        ("s", "By October, every school ILT has a written instructional focus and norms"),
        ("d", "Central office rubric: 80% of ILTs rated 'developing' or higher by January"),
        ("s", "Each ILT completes a learning walk every six weeks"),
        ("d", "District ILT network attendance at 90% or higher"),
        ("s", "By April, ILT meeting notes show follow-up coaching in every grade team"),
        ("d", "Principal survey: 85% report the ILT drives instructional decisions"),
    ],
    "belong": [
        ("s", "By November, 90% of advisories hold daily circles"),
        ("d", "District chronic absenteeism below 26% at mid-year"),
        ("s", "Each school: attendance team meets weekly and contacts every student with 3+ absences"),
        ("d", "Panorama belonging items rise 6 points by spring"),
        ("s", "By March, 95% of students can name a trusted adult on the school survey"),
        ("d", "Chronic absenteeism for students with disabilities below 35%"),
    ],
    "mtss": [
        ("d", "100% of K-3 students screened in fall, winter, spring"),
        ("s", "Each school: 90% of Tier 2/3 students placed by skill within 3 weeks of screening"),
        ("d", "Mid-year: 50% of Tier 2 students meet growth goal"),
        ("s", "Intervention team reviews progress-monitoring data every six weeks"),
        ("d", "Students with disabilities below benchmark drop by 10 points by spring"),
        ("s", "By April, each school's intervention schedule avoids core-block pull-outs"),
    ],
}
OWN = {"s": {"long": "principal and ILT", "terse": "principal/ILT", "plain": "principal and ILT"},
       "d": {"long": "Assistant Superintendent for Teaching and Learning", "terse": "asst. supt.", "plain": "assistant superintendent"}}
FREQ = {"s": {"long": "reviewed every six weeks", "terse": "q6wks", "plain": "checked every six weeks"},
        "d": {"long": "reviewed monthly at the District Leadership Team", "terse": "monthly @ DLT", "plain": "checked monthly by district leadership"}}


def benchmarks_for(spec, i):
    key = spec["priorities"][i]
    n = spec.get("nbench", [3, 3])[i] if isinstance(spec.get("nbench"), list) else spec.get("nbench", 3)
    pool = BM[key]
    lv = spec["gaps"].get("mlevel", ())
    if "school" in lv:
        pool = [b for b in pool if b[0] == "d"]
    if "district" in lv:
        pool = [b for b in pool if b[0] == "s"]
    return pool[:n]


def bench_count(spec):
    if spec.get("bench_override") is not None:
        return spec["bench_override"]
    return sum(len(benchmarks_for(spec, i)) for i in range(len(spec["priorities"])))


def sec_monitoring(spec, only=None):
    g, voice = spec["gaps"], spec["voice"]
    out = []
    tbl = spec.get("bench_table")
    for i, key in enumerate(spec["priorities"]):
        if only is not None and i != only:
            continue
        bms = benchmarks_for(spec, i)
        lab = plabel(spec, i) or ("Priority %d" % (i + 1))
        if len(spec["priorities"]) > 1 or spec.get("bench_head"):
            out.append(("h", f"Interim benchmarks \u2013 {lab}"))
        if tbl:
            hdr = ["Benchmark", "Level"]
            if not g.get("noowner"):
                hdr.append("Who monitors")
            if not g.get("nofreq"):
                hdr.append("How often")
            rows = []
            for lvl, t in bms:
                r = [t, "District" if lvl == "d" else "School"]
                if not g.get("noowner"):
                    r.append(v(OWN[lvl], spec))
                if not g.get("nofreq"):
                    r.append(v(FREQ[lvl], spec) if not g.get("noowner") else ("monthly" if lvl == "d" else "every six weeks"))
                rows.append(r)
            out.append(("t", hdr, rows))
        else:
            items = []
            for lvl, t in bms:
                extra = []
                if not g.get("noowner"):
                    extra.append(("Owner: " if voice != "plain" else "Who: ") + v(OWN[lvl], spec))
                if not g.get("nofreq"):
                    extra.append(v(FREQ[lvl], spec) if not g.get("noowner") else ("monthly" if lvl == "d" else "every six weeks"))
                pre = ("District: " if lvl == "d" else "School: ")
                items.append(pre + t + (" (" + "; ".join(extra) + ")" if extra else ""))
            if spec.get("bench_sched_mix") and i == 0:
                items.append("Meeting schedule: DLT meets the 2nd Tuesday of each month; ILTs meet every other Thursday; principals' PLC meets the first Monday")
            out.append(("b", items))
    if g.get("noowner") and not g.get("nofreq"):
        out.append(("p", "Benchmarks will be reviewed monthly (district) and every six weeks (schools)."))
    elif g.get("nofreq") and not g.get("noowner"):
        if "district" in g.get("mlevel", ()):
            out.append(("p", "Principals and school ILTs will monitor these benchmarks."))
        else:
            out.append(("p", "The Assistant Superintendent will monitor district benchmarks and principals will monitor school benchmarks."))
    if not g.get("mnowork"):
        out.append(("p", {"long": "Student work: grade-level teams will analyze a common student work sample from each unit's performance task in their team meetings; ILTs will review a sample of that work each cycle; and the district leadership team will examine work samples from every school at its mid-year and end-of-year reviews.",
                          "terse": "Student work: teams analyze common work sample each unit (classroom); ILTs review sample each cycle (school); DLT reviews samples from every school MOY/EOY (district).",
                          "plain": "Scholars' work: teacher teams will look at a common piece of scholar work from each unit; ILTs will look at a sample every cycle; district leadership will look at work from every school twice a year."}[voice]))
    elif g.get("mnowork_trap"):
        out.append(("p", g["mnowork_trap"]))
    return out


# ---------------------------------------------------------------- resources
def sec_resources(spec, only=None):
    g, voice = spec["gaps"], spec["voice"]
    miss = set(g.get("res", ()))
    out = []
    items = []
    if "internal" not in miss:
        items.append({"long": "Internal resources: ESSER III and Title I funds support four literacy coaches and stipends for teacher leaders; our Targeted Assistance Grant (TAG) pays for summer curriculum internalization; and the district reallocated two central office positions to instructional coaching.",
                      "terse": "Internal: ESSER III + Title I \u2192 4 literacy coaches, tchr leader stipends; TAG \u2192 summer unit internalization; 2 central office FTE reallocated to coaching.",
                      "plain": "Our own resources: federal relief and Title I money pays for four reading coaches and stipends for teacher leaders, and we moved two district office positions into coaching."}[voice])
    elif g.get("res_trap_internal"):
        items.append(g["res_trap_internal"])
    if "external" not in miss:
        items.append({"long": "External resources: DESE's SSoS regional assistance team, the Accelerating Literacy Learning (ALL) grant with its vetted professional development partner, and the Massachusetts Partnership for Multilingual Learners.",
                      "terse": "External: DESE SSoS regional asst. team; ALL grant + PD partner; MA partnership for ML support.",
                      "plain": "Help from outside: the state's regional support team, a literacy grant with an outside training partner, and a partnership for multilingual learners."}[voice])
    elif g.get("res_trap_external"):
        items.append(g["res_trap_external"])
    if spec.get("budget_text"):
        items.append(spec["budget_text"])
    elif not g.get("nobudget") and not spec.get("budget_hide"):
        items.append({"long": "Budget equity: our ESSA review of school-level per-pupil spending showed that the schools with the most English learners received fewer coaching hours per teacher; this plan places two of the four coaches at those schools and weights ELD staffing by enrollment.",
                      "terse": "Budget equity (ESSA review): high-EL schools got fewer coaching hrs per tchr \u2192 2 of 4 coaches placed there; ELD staffing weighted by enrollment.",
                      "plain": "Fairness in the budget: when we reviewed spending school by school, schools with the most English learners got less coaching per teacher, so two of the four coaches go there."}[voice])
    elif g.get("nobudget_trap"):
        items.append(g["nobudget_trap"])
    if voice == "terse":
        out.append(("b", items))
    else:
        out += [("p", t) for t in items]
    return out


# ---------------------------------------------------------------- differentiation
def sec_diff(spec, only=None):
    g, voice = spec["gaps"], spec["voice"]
    ident = [s for s, idf in spec["schools"] if idf]
    other = [s for s, idf in spec["schools"] if not idf]
    out = []
    if g.get("noschools"):
        out.append(("p", g.get("noschools_text") or {"long": "Schools identified by the accountability system as requiring assistance will receive additional coaching days, priority placement of interventionists, and monthly learning walks with central office. Other schools that need more support will be identified after mid-year data.",
                                                      "terse": "Identified schools: extra coaching days, priority interventionists, monthly walks w/ central office. Other schools TBD after MOY data.",
                                                      "plain": "Schools the state flagged will get extra coaching, interventionists first, and monthly visits from district leadership. We will decide on other schools after mid-year data."}[voice]))
        return out
    out.append(("p", {"long": f"Schools identified as requiring assistance \u2013 {', '.join(ident)} \u2013 will receive a full-time literacy coach, a monthly learning walk with the Assistant Superintendent, and first access to ELD co-teaching support.",
                      "terse": f"Identified schools ({', '.join(ident)}): FT literacy coach; monthly walk w/ asst. supt.; 1st access ELD co-teaching.",
                      "plain": f"Our identified schools ({', '.join(ident)}) will each get a full-time reading coach, a monthly classroom visit with the assistant superintendent, and ELD co-teaching first."}[voice]))
    if other:
        out.append(("p", {"long": f"Other schools needing more support with this priority \u2013 {', '.join(other[:2])} \u2013 will receive coaching cycles every other week and targeted PD on scaffolding for multilingual learners.",
                          "terse": f"Other schools needing support ({', '.join(other[:2])}): biweekly coaching cycles, targeted PD on ML scaffolds.",
                          "plain": f"{' and '.join(other[:2])} also need more help, and will get coaching every other week and training on supports for multilingual scholars."}[voice]))
    return out


GEN = {"priorities": sec_priorities, "analysis": sec_analysis, "stakeholder_engagement": sec_stakeholders,
       "outcomes": sec_outcomes, "role_clarity": sec_roles, "monitoring": sec_monitoring,
       "resources": sec_resources, "differentiation": sec_diff}

EMPTY_TEXT = {"click": "Click or tap here to enter text.", "insert": "[Insert response here]", "tbd": "TBD",
              "blank": "", "prompt": None}


def section_blocks(spec, sid, only=None):
    st = spec.get("states", {}).get(sid, "present")
    if st == "empty":
        kind = spec.get("empty_kind", {}).get(sid, "click")
        if kind == "prompt":
            return [("p", PROMPTS[sid])]
        t = EMPTY_TEXT[kind]
        return [("p", t)] if t else []
    if sid in spec.get("override", {}):
        return spec["override"][sid]
    out = GEN[sid](spec, only)
    if sid in spec.get("stray", {}):
        out = out + [("p", spec["stray"][sid])]
    if spec.get("bench_timeline") and sid == "monitoring":
        out = [timeline(b) for b in out]
    if spec.get("merge_paras"):
        out = merge_paras(out)
    return out


MONTHS = ("September", "October", "November", "December", "January", "February", "March", "April", "May", "June")


def timeline(b):
    def fix(t):
        for pre in ("School: ", "District: "):
            if t.startswith(pre + "By "):
                rest = t[len(pre) + 3:]
                m = rest.split(",", 1)
                if m[0] in MONTHS and len(m) == 2:
                    return m[0] + ": " + m[1].strip() + " [" + pre.strip(": ").lower() + "]"
        return t
    if b[0] == "b":
        return ("b", [fix(x) for x in b[1]])
    return b


# superintendent voice: item labels dissolve into running prose
LABELS = {"Students: ": "", "Families: ": "", "Educators: ": "", "School leaders: ": "", "Community: ": "",
          "Central office: ": "At the central office, ", "Teachers: ": "", "Student outcomes: ": "",
          "Instruction: ": "", "Stakeholder perspectives: ": "", "Systems and structures: ": "",
          "Internal resources: ": "", "External resources: ": "Beyond our own funds, we will draw on "}


def merge_paras(blocks):
    out = []
    for b in blocks:
        if b[0] == "p":
            t = b[1]
            for k, rep in LABELS.items():
                if t.startswith(k):
                    t = t[len(k):]
                    t = (rep + t) if rep else (t[0].upper() + t[1:])
                    break
            if out and out[-1][0] == "p":
                out[-1] = ("p", out[-1][1] + " " + t)
                continue
            out.append(("p", t))
        else:
            out.append(b)
    return out


# ---------------------------------------------------------------- truth
CODES = [
    ("pp", "ssos::priorities::prompt-unanswered", "priorities", True),
    ("noclsp", "ssos::priorities::no-clsp-focus", "priorities", False),
    ("da", "ssos::analysis::data-area-missing", "analysis", True),
    ("nogroups", "ssos::analysis::no-student-groups", "analysis", False),
    ("nowork", "ssos::analysis::no-student-work", "analysis", False),
    ("sg", "ssos::stakeholders::group-missing", "stakeholder_engagement", True),
    ("noschoolinput", "ssos::stakeholders::no-identified-school-input", "stakeholder_engagement", False),
    ("noongoing", "ssos::stakeholders::no-ongoing-engagement", "stakeholder_engagement", False),
    ("notargets", "ssos::outcomes::no-accountability-targets", "outcomes", False),
    ("nogrouptargets", "ssos::outcomes::no-student-group-targets", "outcomes", False),
    ("roles", "ssos::roles::level-missing", "role_clarity", True),
    ("toomany", "ssos::monitoring::too-many-benchmarks", "monitoring", False),
    ("noowner", "ssos::monitoring::no-owner", "monitoring", False),
    ("nofreq", "ssos::monitoring::no-frequency", "monitoring", False),
    ("mlevel", "ssos::monitoring::level-missing", "monitoring", True),
    ("mnowork", "ssos::monitoring::no-student-work", "monitoring", False),
    ("res", "ssos::resources::kind-missing", "resources", True),
    ("nobudget", "ssos::resources::no-budget-equity", "resources", False),
    ("noschools", "ssos::differentiation::no-schools-listed", "differentiation", False),
]


def truth(spec, fname):
    states = {s: spec.get("states", {}).get(s, "present") for s in SECTIONS}
    g = dict(spec["gaps"])
    # derived: too many benchmarks
    if any(len(benchmarks_for(spec, i)) > 5 for i in range(len(spec["priorities"]))):
        g["toomany"] = True
    if not any(PRI[k]["clsp"] for k in spec["priorities"]) and spec["priorities"]:
        g["noclsp"] = True
    find = []
    for key, code, sec, has_items in CODES:
        if key in g and g[key] and states[sec] == "present":
            items = sorted(g[key]) if has_items else []
            if has_items:
                order = {"pp": ["educator_practice", "student_experience", "equity_gaps"],
                         "da": ["student_outcomes", "instruction", "stakeholder_perspectives", "systems_structures"],
                         "sg": ["students", "families", "educators", "school_leaders", "community"],
                         "roles": ["central_office", "school_leaders", "teachers"],
                         "mlevel": ["district", "school"], "res": ["internal", "external"]}[key]
                items = [x for x in order if x in g[key]]
            find.append({"code": code, "section": sec, "items": items})
    for extra in spec.get("extra_findings", []):
        find.append(extra)
    npri = spec.get("npri_override", len(spec["priorities"]))
    status = "pass"
    if any(s != "present" for s in states.values()) or npri == 0 or npri > 2:
        status = "fail"
    bc = bench_count(spec) if states["monitoring"] == "present" else 0
    notes = spec.get("notes", "")
    if spec.get("merge_paras"):
        notes += "; superintendent long paragraphs (item labels dissolved into prose)"
    if spec.get("bench_timeline"):
        notes += "; benchmarks written as a month timeline ('November: ...')"
    spec = dict(spec, notes=notes)
    return {"file": fname, "district": spec["district"], "sections": states, "status": status,
            "priorities": npri, "benchmarks": bc, "findings": find, "notes": spec.get("notes", "")}
