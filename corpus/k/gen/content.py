"""Content model for author K's corpus.

build(spec) -> (doc, truth)
doc = {"title":..., "district":..., "intro": [blocks], "sections": [ {id, heading, prompt, blocks, state} ], "appendix": [blocks]}
blocks: ("p", text) ("ul", [..]) ("ol", [..]) ("table", rows) ("sub", text) ("note", text)
Every gap is driven by a flag in spec["gaps"], and the truth is derived from the same flags.
"""
import copy

SECTIONS = ["priorities", "analysis", "stakeholder_engagement", "outcomes",
            "role_clarity", "monitoring", "resources", "differentiation"]

PROMPTS = {
    "priorities": "What are your district's top 1-2 instructional priorities for SY23-24? What are the meaningful changes in educator practice that are the focus of this priority? What will be the meaningful changes students will experience in their learning because of this focus? Which specific equity and opportunity gaps will this priority address?",
    "analysis": "What data led you to identify or recommit to this priority? What are the underlying systemic factors that contribute to the findings in your data analysis? Ensure your findings represent data from each of the four areas (student outcomes, instruction, stakeholder perspectives, systems/structures), themes from looking at student work, and data for specific student groups.",
    "stakeholder_engagement": "How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan? What input did you get from stakeholders in schools identified as requiring assistance? How will stakeholders be continuously engaged in implementation and monitoring?",
    "outcomes": "Which specific Accountability targets will be met as a result of focusing on this priority? (In the aggregate and for specific student groups). Are there other data points that would be helpful to track for signs of progress?",
    "role_clarity": "What is your strategy to ensure that all stakeholders understand their role in implementing this priority? Describe what central office will do to support school leaders; what school leaders will do to support teacher practice; and what teachers will do to support student learning.",
    "monitoring": "What interim benchmarks will you track throughout the year at both the district and school level to gauge changes in adult practice and student learning/experiences? Who will monitor these and how often? Share how student assignments and work samples will be analyzed.",
    "resources": "What partnerships, programs, or resources will you leverage to implement this priority? These could include external resources (e.g., supports offered by DESE or other partners) as well as internal resources (e.g., staffing, funding from TAG, ESSER, M3). Briefly describe how the implementation of the plan will address any inequities discovered during the review of district and school budgeting data, as required by ESSA.",
    "differentiation": "How will the district differentiate assistance for schools identified as requiring assistance, and for other schools that need more support with this priority? Please list the schools that will receive differentiated support and briefly describe what that support will entail.",
}

HEADINGS = {
    "guidance": ["1. Priority(ies)", "2. Analysis of Strengths and Challenges", "3. Stakeholder Engagement",
                 "4. Outcomes", "5. Role Clarity", "6. Monitoring Implementation", "7. Resources", "8. Differentiation"],
    "roman": ["I. Instructional Priorities", "II. Analysis of Strengths and Challenges", "III. Stakeholder Engagement",
              "IV. Outcomes", "V. Role Clarity", "VI. Monitoring Implementation", "VII. Resources", "VIII. Differentiation"],
    "letter": ["Section A: Our Priorities", "Section B: Data Analysis", "Section C: Engaging Stakeholders",
               "Section D: Outcomes and Targets", "Section E: Roles and Responsibilities", "Section F: Progress Monitoring",
               "Section G: Resources", "Section H: Differentiated Support"],
    "part": ["Part 1 \u2013 Priorities", "Part 2 \u2013 Strengths and Challenges", "Part 3 \u2013 Stakeholder Input",
             "Part 4 \u2013 Outcomes", "Part 5 \u2013 Role Clarity", "Part 6 \u2013 Monitoring", "Part 7 \u2013 Resources",
             "Part 8 \u2013 Differentiation"],
    "question": ["What are we going to focus on?", "What told us this was the right focus?", "Who did we hear from, and what did they say?",
                 "What will be different by June?", "Who does what?", "How will we know it is working?",
                 "What will we use to get it done?", "Which schools get extra help?"],
    "plain": ["Priorities", "Data Analysis", "Stakeholder Engagement", "Outcomes", "Role Clarity",
              "Monitoring Implementation", "Resources", "Differentiation"],
    "own": ["Our Instructional Focus", "Why This Focus: What the Data Say", "Listening to Our Community",
            "Targets for SY23-24", "Everyone's Role", "Checking Our Progress", "Funding and Partners",
            "Tiered Support for Schools"],
}

# ---------------------------------------------------------------- vocabulary by voice
VOC = {
    "formal": dict(students="students", families="families", educators="educators", leaders="school leaders",
                   co="central office", community="community partners", teachers="teachers"),
    "narr": dict(students="our young people", families="families and caregivers", educators="our educators",
                 leaders="principals", co="district leadership", community="community organizations", teachers="teachers"),
    "data": dict(students="students", families="families", educators="teachers", leaders="principals",
                 co="central office", community="community partners", teachers="teachers"),
    "plain": dict(students="kids", families="parents", educators="teachers", leaders="principals",
                  co="the district office", community="people in town", teachers="teachers"),
    "own": dict(students="scholars", families="caregivers", educators="teachers", leaders="principals",
                co="central office", community="community partners", teachers="teachers"),
    "terse": dict(students="scholars", families="caregivers", educators="staff", leaders="building leaders",
                  co="central office", community="community partners", teachers="teachers"),
}


def pnames(style, n):
    if style == "strategy":
        return [f"Strategy {i+1}" for i in range(n)]
    if style == "initiative":
        return [f"Initiative {chr(65+i)}" for i in range(n)]
    if style == "focus":
        return [f"Focus Area {i+1}" for i in range(n)]
    if style == "goal":
        return [f"Instructional Priority #{i+1}" for i in range(n)]
    return [f"Priority {i+1}" for i in range(n)]


PRIORITY_BANK = {
    "clsp_lit": dict(
        title="Culturally and linguistically sustaining, grade-appropriate literacy instruction",
        plain_title="Reading at grade level with books that reflect our kids",
        desc="Every classroom in grades K-8 will deliver grade-appropriate literacy instruction with our high-quality instructional materials in ways that are culturally and linguistically sustaining, so that students see their identities and home languages valued in the texts and discussions.",
        plain_desc="Every K-8 class will teach reading with grade-level books and lessons, and teachers will make sure kids see their own families, cultures and languages in what they read and talk about. This is our version of culturally and linguistically sustaining teaching.",
        practice="Teachers will plan from the grade-level texts rather than leveled readers, use structured academic discourse routines, and draw on students' home languages and cultures during text discussions.",
        experience="Students will spend more of each lesson reading, writing and talking about complex grade-level texts, and will see their identities reflected in those texts.",
        gaps="the gap in grade 3-8 ELA achievement between English learners and their peers, and the gap for students with disabilities, who are too often pulled from core literacy time.",
        nonclsp=False),
    "clsp_math": dict(
        title="Grade-appropriate, culturally and linguistically sustaining mathematics instruction",
        plain_title="Grade-level math where every kid gets to think and talk",
        desc="All grade 6-10 mathematics classrooms will implement Illustrative Mathematics with fidelity, using culturally and linguistically sustaining practices such as language routines and problems rooted in students' lives.",
        plain_desc="All math classes in grades 6-10 will use our new math program the way it was designed, with every kid doing grade-level work and using language routines, and with problems that connect to their lives and cultures.",
        practice="Teachers will launch tasks with access strategies instead of re-teaching below grade level, and will use the mathematical language routines every day.",
        experience="Students will do the thinking in math class: working on grade-level tasks in groups, explaining their reasoning, and revising their work.",
        gaps="the math achievement gap for Hispanic/Latino students and for students from low-income households, and the low rate of Black students enrolling in Algebra I by grade 8.",
        nonclsp=False),
    "belonging": dict(
        title="Strengthening the learning environment and students' sense of belonging",
        plain_title="Making school a place every kid wants to be",
        desc="Each school will build a learning environment where every student has a trusted adult, attends regularly and feels they belong.",
        plain_desc="Each school will make sure every kid has a grown-up who knows them well, comes to school, and feels like they belong here.",
        practice="Staff will use advisory and morning-meeting routines, restorative conversations, and a shared attendance-outreach protocol.",
        experience="Students will report that an adult at school knows them and that they are treated fairly, and will miss fewer days.",
        gaps="the chronic absenteeism gap for students with disabilities and for low-income students, and the higher suspension rate for Black boys in the middle grades.",
        nonclsp=True),
    "ilt": dict(
        title="Building strong school and district instructional leadership teams",
        plain_title="Leadership teams that look at teaching together",
        desc="Every school will have an instructional leadership team (ILT) that uses data cycles to improve core instruction, supported by a district ILT.",
        plain_desc="Every school will have a leadership team that meets to look at teaching and learning and decide what to fix next.",
        practice="ILT members will lead inquiry cycles, observe instruction together, and coach colleagues on the priority practices.",
        experience="Students will experience more consistent instruction from room to room because teams agree on what strong teaching looks like.",
        gaps="the uneven results between our schools, especially for English learners at the two schools where ELs are concentrated.",
        nonclsp=True),
    "hqim_math": dict(
        title="Adoption of high-quality instructional materials in K-5 mathematics",
        plain_title="New math materials in K-5",
        desc="We will adopt and launch a high-quality K-5 mathematics curriculum (Eureka Math\u00b2) in every elementary school.",
        plain_desc="We will start using a new, high-quality math program in all K-5 classrooms.",
        practice="Teachers will internalize units before teaching them and use the curriculum's checks for understanding.",
        experience="Students will get grade-level math tasks every day instead of worksheets.",
        gaps="the math gap for students with disabilities and English learners in grades 3-5.",
        nonclsp=True),
}

SCHOOL_BANK = {
    "Lowell": (["Bartlett Community Partnership School", "Murkland Elementary School"], ["Stoklosa Middle School", "Daley Middle School", "Greenhalge Elementary School"]),
    "Springfield": (["Brightwood Elementary School", "Chestnut Middle School"], ["Kennedy Middle School", "Homer Street School", "Lincoln Elementary School"]),
    "Brockton": (["Arnone School", "Raymond K-8 School"], ["Ashfield Middle School", "Huntington Elementary", "Brookfield School"]),
    "Chelsea": (["Clark Avenue Middle School", "Browne Middle School"], ["Hooks Elementary School", "Sokolowski School"]),
    "Fall River": (["Henry Lord Community School", "Letourneau Elementary School"], ["Morton Middle School", "Viveiros Elementary School"]),
    "Fitchburg": (["Longsjo Middle School", "Reingold Elementary School"], ["Memorial Middle School", "South Street Elementary"]),
    "Framingham": (["Fuller Middle School", "Brophy Elementary School"], ["Barbieri Elementary School", "Walsh Middle School"]),
    "Lynn": (["Connery Elementary School", "Pickering Middle School"], ["Breed Middle School", "Ford Elementary School", "Cobbet Elementary"]),
    "New Bedford": (["Hayden-McFadden Elementary School", "Keith Middle School"], ["Roosevelt Middle School", "Carney Academy"]),
    "Pittsfield": (["Conte Community School", "Morningside Community School"], ["Reid Middle School", "Crosby Elementary School"]),
    "Taunton": (["Mulcahey Elementary School", "Parker Middle School"], ["Bennett Elementary School", "Martin Middle School"]),
    "Worcester": (["Burncoat Middle School", "Elm Park Community School"], ["Sullivan Middle School", "Woodland Academy", "Chandler Elementary Community"]),
    "Chicopee": (["Bowe Elementary School", "Chicopee Academy"], ["Fairview Middle School", "Belcher Elementary"]),
    "Webster": (["Park Avenue Elementary School"], ["Webster Middle School", "Bartlett High School"]),
    "Winchendon": (["Memorial School"], ["Murdock Middle/High School", "Toy Town Elementary"]),
    "Athol-Royalston": (["Athol-Royalston Middle School"], ["Riverbend Elementary", "Royalston Community School"]),
    "Gateway": (["Gateway Regional Middle School"], ["Littleville Elementary", "Chester Elementary"]),
    "Greenfield": (["Greenfield Middle School"], ["Federal Street School", "Newton School"]),
    "North Adams": (["Brayton Elementary School"], ["Colegrove Park Elementary", "Drury High School"]),
    "Northampton": (["JFK Middle School"], ["Jackson Street School", "Leeds Elementary"]),
    "Orange": (["Fisher Hill Elementary School"], ["Dexter Park Innovation School"]),
    "Boston": (["Dever Elementary School", "Madison Park Technical Vocational High School"], ["Orchard Gardens K-8", "Mattahunt Elementary", "McCormack Middle School"]),
    "Everett": (["Parlin School", "Keverian School"], ["Whittier School", "Lafayette School"]),
    "Haverhill": (["Silver Hill Elementary", "Nettle Middle School"], ["Consentino School", "Tilton School"]),
    "Salem": (["Bentley Academy Innovation School", "Carlton Innovation School"], ["Collins Middle School", "Horace Mann Laboratory"]),
    "Hoosac Valley Regional": (["Hoosac Valley Middle School"], ["Hoosac Valley Elementary", "Cheshire Elementary"]),
    "Wareham": (["Decas Elementary School"], ["Wareham Middle School", "Minot Forest Elementary"]),
    "Waltham": (["Fitzgerald Elementary", "Kennedy Middle School"], ["McDevitt Middle School", "Whittemore Elementary"]),
    "Hawlemont": (["Hawlemont Regional School"], ["Rowe Elementary School"]),
}


DISPLAY = {"Gateway": "Gateway Regional School District", "Athol-Royalston": "Athol-Royalston Regional School District",
           "Hoosac Valley Regional": "Hoosac Valley Regional School District", "Hawlemont": "Hawlemont Regional School District"}


def display(d):
    return DISPLAY.get(d, d + " Public Schools")


def _v(c, key):
    return VOC[c["voice"]][key]


# ------------------------------------------------------------------ section builders
def sec_priorities(c):
    g = c["gaps"]
    pr = c["prios"]
    names = c["pnames"]
    blocks = []
    plain = c["voice"] == "plain"
    if c.get("strategic_trap"):
        blocks.append(("p", f"Our five-year strategic plan, {c['district']} Forward, has four goals. The priorities below are drawn from Goal 2 (Teaching and Learning); they also support Goal 3 of our strategic plan, Family Partnership, and our SOA plan."))
    if len(pr) == 0:
        blocks.append(("p", "Our district continues to work on improving outcomes for all students across every school. We are committed to excellence and equity and will keep refining our strategic plan with our school committee over the summer. Specific focus areas will be determined after the fall data review."))
        return blocks
    if c["voice"] == "narr":
        blocks.append(("p", f"After a year of listening and looking hard at our data, the {display(c['district'])} {'is' if c['district'] in DISPLAY else 'are'} committing to {'one instructional priority' if len(pr)==1 else ('two' if len(pr)==2 else 'three') + ' instructional priorities'} for SY23-24."))
    for i, key in enumerate(pr):
        P = PRIORITY_BANK[key]
        title = P["plain_title"] if plain else P["title"]
        desc = P["plain_desc"] if plain else P["desc"]
        if g.get("prompt_unanswered"):
            desc = "This priority is drawn from our SOA plan and builds on the work we began in SY22-23."
        if c.get("prio_layout") == "inline":
            blocks.append(("p", f"{names[i]}: {title}. {desc}"))
        else:
            blocks.append(("sub", f"{names[i]}: {title}"))
            blocks.append(("p", desc))
        parts = []
        if "educator_practice" not in g.get("prompt_unanswered", []):
            lab = "What adults will do differently" if plain else "Changes in educator practice"
            parts.append(f"{lab}: {P['practice']}")
        if "student_experience" not in g.get("prompt_unanswered", []):
            lab = "What kids will notice" if plain else "Changes in student learning experiences"
            parts.append(f"{lab}: {P['experience']}")
        if "equity_gaps" not in g.get("prompt_unanswered", []):
            lab = "Gaps we are closing" if plain else "Equity and opportunity gaps addressed"
            parts.append(f"{lab}: this priority targets {P['gaps']}")
        if c["voice"] in ("terse", "data"):
            blocks.append(("ul", parts))
        else:
            for p in parts:
                blocks.append(("p", p))
    return blocks


def sec_analysis(c):
    g = c["gaps"]
    miss = set(g.get("data_missing", []))
    v = c["voice"]
    b = []
    groups = not g.get("no_groups")
    sw = not g.get("no_student_work_analysis")
    if v == "data":
        rows = [["Data area", "Source", "Finding"]]
        if "student_outcomes" not in miss:
            rows.append(["Student outcomes", "MCAS 2022, grades 3-8 ELA", "38% meeting or exceeding expectations district-wide (state 41%)" + ("; English learners 9%, students with disabilities 11%, Hispanic/Latino students 27%" if groups else "")])
        if "instruction" not in miss:
            rows.append(["Instruction", "Instructional walkthroughs (n=214), IPG tool", "Grade-level text present in 52% of observed lessons; students doing most of the talking in 31%"])
        if "stakeholder_perspectives" not in miss:
            rows.append(["Stakeholder perspectives", "VOCAL survey 2022, grades 5 and 8", "Engagement index 48 (state 51); only 44% of students agree that adults use examples from their culture"])
        if "systems_structures" not in miss:
            rows.append(["Systems/structures", "Master schedule audit; common planning time review", "Only 4 of 11 schools protect 45+ minutes of weekly common planning for content teams"])
        if sw:
            rows.append(["Student work", "Grade 4 and 7 writing samples (n=120) scored with the district rubric", "Most samples summarize rather than analyze" + ("; evidence use weakest in EL and SWD samples" if groups else "")])
        b.append(("p", "The data office assembled the following evidence base for the priority."))
        b.append(("table", rows))
        b.append(("p", "Underlying systemic factors: inconsistent access to grade-level materials across schools, and a schedule that does not give teams time to plan together."))
        if groups:
            b.append(("p", "Data Equity Pause: disaggregating by subgroup showed that English learners and students with disabilities in our two identified schools receive the least grade-level instruction."))
        return b
    if v == "plain":
        if "student_outcomes" not in miss:
            b.append(("p", "Test scores: only about a third of our kids in grades 3-8 met expectations on the spring MCAS in reading, and the number has been flat for three years."))
        if groups:
            b.append(("p", "When we broke the scores down, our kids with IEPs and our low-income kids are furthest behind: 12% of students with disabilities met expectations compared with 36% overall."))
        if "instruction" not in miss:
            b.append(("p", "Classroom visits: the principals and I visited every classroom twice this spring. In most rooms kids were doing worksheets, not reading grade-level books."))
        if "stakeholder_perspectives" not in miss:
            b.append(("p", "What kids told us: on the VOCAL survey, fewer than half of our 8th graders said school work connects to their lives."))
        if "systems_structures" not in miss:
            b.append(("p", "How we are set up: with one reading specialist for three schools and no common planning time at the middle school, teachers have had no time to plan together."))
        if sw:
            b.append(("p", "Looking at kids' work: in June the teachers sat down with a stack of student writing from each grade. Most of it was short answers and very little writing about what they read."))
        return b
    if v == "own":
        if "student_outcomes" not in miss:
            b.append(("p", "Achievement: three years of MCAS results show ELA proficiency stuck between 31% and 35% in grades 3-8, with our growth percentile below 45 each year."))
        if groups:
            b.append(("p", "Who is furthest from opportunity: our multilingual learners (8% meeting expectations), scholars with IEPs (10%), and our Black and Latinx scholars, who trail white peers by more than 20 points."))
        if "instruction" not in miss:
            b.append(("p", "What we see in classrooms: on learning walks this spring, scholars were working with grade-level text in fewer than half of the rooms we visited."))
        if "stakeholder_perspectives" not in miss:
            b.append(("p", "What scholars say: on VOCAL, fewer than half of our scholars report that their culture shows up in class."))
        if "systems_structures" not in miss:
            b.append(("p", "Why it keeps happening: for years each school chose its own curriculum, and team time has gone to logistics instead of planning."))
        if sw:
            b.append(("p", "Scholar work: grade-level teams read 90 essays side by side and found that scholars retell rather than analyze" + ("; multilingual learners' essays showed the least use of evidence." if groups else ".")))
        return b
    # formal / narr / terse
    items = []
    if "student_outcomes" not in miss:
        items.append("Student outcomes: 2022 MCAS ELA achievement in grades 3-8 was 34% meeting or exceeding expectations; growth (mean SGP 44) lags the state." if v != "narr" else
                     "Student outcomes. Our 2022 MCAS results were sobering: just 34% of students in grades 3-8 met or exceeded expectations in ELA, and growth lagged the state.")
    if groups:
        items.append("Student groups: English learners (8% meeting expectations) and students with disabilities (10%) show the largest gaps; Black and Hispanic/Latino students trail white students by more than 20 points." if v != "narr" else
                     "When we looked at specific groups of students, the equity gaps were stark: only 8% of our English learners and 10% of our students with disabilities met expectations, and Black and Latino students trail their white peers by more than twenty points.")
    if "instruction" not in miss:
        items.append("Instruction: 180 learning walks using the IPG found grade-level text in fewer than half of lessons, with questions rarely asking students to use evidence." if v != "narr" else
                     "Instruction. Our learning walks told a consistent story: in fewer than half of the classrooms we visited were students working with grade-level text.")
    if "stakeholder_perspectives" not in miss:
        items.append("Stakeholder perspectives: VOCAL data show that 46% of students feel their culture is reflected in class" + ("; family focus groups echoed this." if "families" not in g.get("groups_missing", []) else ".") if v != "narr" else
                     "Stakeholder perspectives. Our VOCAL results show fewer than half of students feel their culture is reflected in their classes.")
    if "systems_structures" not in miss:
        items.append("Systems and structures: curriculum adoption has been school-by-school, and common planning time is used mostly for logistics." if v != "narr" else
                     "Systems and structures. Underneath all of this are systemic factors: a history of school-by-school curriculum choices and common planning time that is eaten up by logistics.")
    if sw:
        items.append("Student work: a review of grade 3, 5 and 7 writing samples showed students rarely cite text evidence; the gap was widest in samples from English learners." if v != "narr" else
                     "Finally, when teams sat down with stacks of student writing, we saw that students rarely cite evidence from the text, and that the gap was widest in work from English learners.")
    if not groups:
        items = [it.replace("; the gap was widest in samples from English learners.", ".").replace(", and that the gap was widest in work from English learners.", ".") for it in items]
    if v == "terse":
        b.append(("ul", items))
    else:
        b.append(("p", "We identified this priority through an analysis of multiple sources of data." if v == "formal" else
                  "We did not arrive at this priority lightly."))
        for it in items:
            b.append(("p", it))
    if c.get("trap_sw_elsewhere") and not sw:
        b.append(("p", "Aggregate and student-level analysis pointed the same way: the groups named above are least likely to experience grade-level instruction."))
    return b


def sec_stakeholders(c):
    g = c["gaps"]
    miss = set(g.get("groups_missing", []))
    v = c["voice"]
    b = []
    S = {
        "students": {
            "formal": "Students: student focus groups at each middle school and the VOCAL survey told us students want more discussion and texts that reflect them; we added discourse routines to the plan as a result.",
            "narr": "Our young people spoke clearly. In student focus groups at every middle school they asked for more chances to talk about what they read, and we built discussion routines into the plan because of them.",
            "data": "Student advisory council (2 sessions, 24 students): asked for more discussion in class; plan adds discourse routines.",
            "plain": "We met with a group of 6th-8th grade kids twice. They said they want to read real books and talk about them, so that is in the plan.",
            "own": "Scholar voice: two scholar panels (grades 6-12) asked for more discussion and for books by authors who look like them; both are now in the plan.",
            "terse": "Scholars: student voice panels (Feb, Apr) -> asked for discussion + relevant texts; added discourse routines.",
        },
        "families": {
            "formal": "Families: three family forums (offered in English, Spanish and Portuguese) told us families want to know what grade-level work looks like; the plan adds family curriculum nights.",
            "narr": "Families and caregivers joined us at three evening forums, held in English, Spanish and Portuguese. Their message was that they want to understand what grade-level work looks like, so we added curriculum nights for caregivers.",
            "data": "Family survey (n=1,140; 31% response) and 3 family forums: 62% want more information on grade-level expectations; plan adds curriculum nights.",
            "plain": "We asked parents at the spring open house and through a paper survey sent home. Parents said they want to know how to help with reading at home, so we are adding a family reading night each term.",
            "own": "Caregiver voice: at our Cafecito and Parent University sessions, caregivers asked for clearer information on what grade-level work looks like, so we added quarterly curriculum showcases.",
            "terse": "Caregivers: 3 forums (EN/ES/PT) -> want clarity on grade-level work; added curriculum nights.",
        },
        "educators": {
            "formal": "Educators: teacher surveys and department meetings surfaced the need for common planning time to internalize units, which the plan protects.",
            "narr": "Our educators were candid in surveys and faculty meetings: they need time to plan together, and the plan protects that time.",
            "data": "Teacher survey (n=412; 74% response): 68% want more common planning time; plan protects weekly CPT.",
            "plain": "Teachers filled out a short survey and talked about it at staff meetings. They asked for time to plan together, and we found that time in the schedule.",
            "own": "Teacher voice: our faculty senate and a spring survey named planning time as the biggest barrier, so we protected 90 minutes of weekly team time.",
            "terse": "Staff: survey + dept meetings -> need planning time; CPT protected.",
        },
        "school_leaders": {
            "formal": "School leaders: principals co-designed the walkthrough tool and the monitoring cycle at the spring leadership retreat.",
            "narr": "Principals helped write this plan. At our spring leadership retreat they co-designed the walkthrough tool and the monitoring cycle.",
            "data": "Principals (leadership retreat, 14 attendees): co-designed walkthrough tool and monitoring cycle.",
            "plain": "Our principals worked on this plan with me at every leadership meeting since March.",
            "own": "Principal voice: principals drafted the look-for tool with us at the April leadership institute.",
            "terse": "Building leaders: co-designed walkthrough tool at spring retreat.",
        },
        "community": {
            "formal": "Community: community partners, including the local Boys & Girls Club and the public library, reviewed the draft and committed to aligning after-school literacy programming.",
            "narr": "Community organizations, including our public library and the Boys & Girls Club, read the draft and offered to line up their after-school programs with the priority.",
            "data": "Community partners (library, Boys & Girls Club, 2 faith-based organizations): reviewed draft; aligned after-school programming.",
            "plain": "We talked with the town library and the after-school program at the community center, and they will use the same books in their reading clubs.",
            "own": "Community voice: the YMCA, the public library and two faith partners reviewed the draft at our community roundtable and agreed to use the same texts in after-school programs.",
            "terse": "Community partners: library + Boys & Girls Club reviewed draft; aligning after-school.",
        },
    }
    ident = c["ident"]
    lines = []
    for k in ["students", "families", "educators", "school_leaders", "community"]:
        if k in miss:
            t = g.get("group_trap", {}).get(k)
            if t:
                lines.append(t)
            continue
        lines.append(S[k][v])
    if not g.get("no_identified_input"):
        lines.append({
            "formal": f"Input from identified schools: at {ident[0]}" + (f" and {ident[1]}" if len(ident) > 1 else "") + ", school site councils and staff focus groups asked for more coaching support in classrooms, which shaped the differentiated support in Section 8.",
            "narr": f"We paid particular attention to the voices at {ident[0]}" + (f" and {ident[1]}" if len(ident) > 1 else "") + ", our schools identified as requiring assistance. Their site councils asked for coaching in classrooms rather than more meetings, and that request shaped our differentiated support.",
            "data": f"Identified schools ({', '.join(ident)}): site council + staff focus groups -> requested in-class coaching; reflected in differentiation.",
            "plain": f"At {ident[0]}, which the state identified as needing help, we held a separate meeting with staff and parents. They asked for a reading coach in the building, and we are adding one.",
            "terse": f"Identified schools ({', '.join(ident)}): site councils asked for in-class coaching -> see Differentiation.",
            "own": f"Voices from {' and '.join(ident)}: their school site councils told us they need coaching in classrooms, not more meetings, and this shaped our tiered support.",
        }[v])
    if not g.get("no_ongoing"):
        lines.append({
            "formal": "Ongoing engagement: a stakeholder advisory group of students, families, teachers and partners will meet quarterly to review monitoring data and advise on mid-course corrections.",
            "narr": "This is not a one-time conversation. A standing advisory group of students, caregivers, teachers and partners will meet each quarter throughout the year to review our progress data with us.",
            "data": "Ongoing: quarterly stakeholder data review (advisory group) during implementation; dashboard shared with school councils each term.",
            "plain": "We will keep everyone in the loop: each term we will share how it is going at a school committee meeting and a parent coffee, and ask what to change.",
            "own": "Staying connected: scholars, caregivers, teachers and partners will sit on a Priority Advisory Council that meets every quarter during implementation to review our benchmark data with us.",
            "terse": "Ongoing: quarterly advisory group reviews monitoring data all year.",
        }[v])
    elif g.get("ongoing_trap"):
        lines.append(g["ongoing_trap"])
    if v == "terse" or v == "data":
        b.append(("ul", lines))
    else:
        for l in lines:
            b.append(("p", l))
    return b


def sec_outcomes(c):
    g = c["gaps"]
    v = c["voice"]
    b = []
    if g.get("no_targets"):
        b.append(("p", {
            "plain": "We hope to see reading scores go up and kids feeling better about school. We will watch our own reading screener (DIBELS) three times a year.",
        }.get(v, "We expect this priority to improve achievement across the district. Other data points we will track include i-Ready diagnostic growth three times a year, walkthrough data on grade-level text use, and VOCAL survey results.")))
        return b
    grp = not g.get("no_group_targets")
    if v == "data":
        rows = [["Measure", "2022 baseline", "2024 target"],
                ["MCAS ELA gr 3-8 accountability target: % meeting/exceeding (all students)", "34%", "40%"],
                ["MCAS ELA mean SGP (all students)", "44", "50"]]
        if grp:
            rows += [["English learners: progress toward English proficiency (ACCESS)", "41%", "50%"],
                     ["Students with disabilities: % meeting/exceeding ELA", "10%", "15%"],
                     ["Hispanic/Latino students: % meeting/exceeding ELA", "27%", "33%"]]
        rows.append(["Other: i-Ready % on grade level (winter)", "29%", "38%"])
        b.append(("table", rows))
        return b
    if v == "plain":
        b.append(("p", "Accountability targets: we want to move from 34% to 40% of kids meeting expectations on MCAS reading in grades 3-8, and our average growth score from 44 to 50."))
        if grp:
            b.append(("p", "For our kids on IEPs, the target is 15% meeting expectations (up from 10%), and for low-income kids 32% (up from 26%)."))
        b.append(("p", "Other things we will watch: our DIBELS screener three times a year and attendance."))
        return b
    if v == "own":
        b.append(("p", "Accountability targets, all scholars: MCAS ELA grades 3-8 meeting or exceeding from 34% to 40%; mean SGP from 44 to 50."))
        if grp:
            b.append(("p", "Accountability targets, student groups: multilingual learners' progress toward English proficiency from 41% to 50%; scholars with IEPs from 10% to 15% meeting expectations; Black and Latinx scholars each up 6 points."))
        b.append(("p", "We will also watch i-Ready growth, learning-walk data and the VOCAL belonging items."))
        return b
    items = ["Accountability targets (aggregate): increase the percentage of students meeting or exceeding expectations on MCAS ELA in grades 3-8 from 34% to 40%, and the mean SGP from 44 to 50."]
    if grp:
        items.append("Accountability targets for student groups: English learners making progress toward English proficiency from 41% to 50%; students with disabilities meeting expectations from 10% to 15%; Black and Hispanic/Latino students each gaining at least 6 points.")
    items.append("Other data points: i-Ready diagnostic growth, the share of walkthroughs showing grade-level text, and VOCAL items on cultural relevance.")
    if v == "narr":
        b.append(("p", "We have set ourselves measurable goals. " + " ".join(items)))
    elif v == "terse":
        b.append(("ul", items))
    else:
        for it in items:
            b.append(("p", it))
    return b


def sec_roles(c):
    g = c["gaps"]
    miss = set(g.get("roles_missing", []))
    v = c["voice"]
    R = {
        "central_office": {
            "formal": "Central office will consistently support school leaders through monthly principal learning sessions, bi-weekly coaching visits from the Chief Academic Officer, and protected common planning time in the district calendar.",
            "narr": "District leadership will show up for principals: a monthly learning session, a coaching visit every other week from our academic team, and a calendar that protects planning time.",
            "data": "Central office \u2192 school leaders: monthly principal PLC; bi-weekly coaching visits; protected CPT in calendar.",
            "plain": "The district office (that's me and our curriculum director) will visit each school every two weeks, run a monthly meeting for principals, and protect planning time in the calendar.",
            "own": "Central office: every principal gets a monthly learning session and a coaching visit every other week, and we protect team time in the calendar.",
            "terse": "Central office: monthly principal PLC; bi-weekly coaching visits; protect CPT.",
        },
        "school_leaders": {
            "formal": "School leaders will consistently support teacher practice by leading weekly common planning, conducting walkthroughs with feedback, and facilitating ILT data cycles.",
            "narr": "Principals will lead weekly common planning, be in classrooms giving feedback every week, and run their ILT data cycles.",
            "data": "School leaders \u2192 teachers: lead weekly CPT; walkthroughs with feedback within 48 hours; ILT data cycles.",
            "plain": "Principals will run planning time every week, visit classrooms and give teachers feedback.",
            "own": "Principals: lead weekly team planning, are in classrooms every week giving feedback, and run ILT cycles.",
            "terse": "Building leaders: run weekly CPT; walkthroughs + feedback; ILT cycles.",
        },
        "teachers": {
            "formal": "Teachers will consistently support student learning by internalizing each unit, using the discourse routines daily, and bringing student work to common planning.",
            "narr": "Teachers will prepare every unit deeply, use the discussion routines every day, and bring their students' work to planning.",
            "data": "Teachers \u2192 students: unit internalization; daily discourse routines; bring student work to CPT.",
            "plain": "Teachers will get ready for each unit ahead of time, use the new routines every day, and bring kids' work to planning time.",
            "own": "Teachers: internalize every unit, use discussion routines daily, and bring scholar work to team time.",
            "terse": "Teachers: internalize units; daily routines; bring student work to CPT.",
        },
    }
    b = []
    if v in ("formal", "narr"):
        b.append(("p", "We will use a vertical alignment strategy so that every adult can name their role in the priority." if v == "formal" else
                  "Everyone in the system has a part to play, and we will say so plainly at our August convocation."))
    lines = [R[k][v] for k in ["central_office", "school_leaders", "teachers"] if k not in miss]
    if g.get("roles_trap"):
        lines.append(g["roles_trap"])
    if v == "data":
        rows = [["Level", "Consistent actions"]]
        for l in lines:
            if "\u2192" in l:
                a, bb = l.split(":", 1)
                rows.append([a.strip(), bb.strip()])
            else:
                rows.append(["", l])
        b.append(("table", rows))
    elif v == "terse":
        b.append(("ul", lines))
    else:
        for l in lines:
            b.append(("p", l))
    return b


def benchmarks_for(c, pi):
    """Return list of (level, text) benchmarks for priority index pi."""
    g = c["gaps"]
    n = c["bm_counts"][pi]
    key = c["prios"][pi] if c["prios"] else "clsp_lit"
    lv_missing = set(g.get("mon_level_missing", []))
    dist = [
        "District: 100% of principals complete walkthrough calibration on the priority look-fors by October 15",
        "District: by January, district walkthrough data show grade-level text in 65% of observed lessons (baseline 52%)",
        "District: winter i-Ready diagnostic shows 5 percentage points more students on grade level than fall",
        "District: by March, 80% of schools hold weekly common planning focused on the priority",
        "District: spring VOCAL pulse survey shows a 5-point gain on the cultural relevance items",
        "District: by May, 75% of observed lessons show students doing the majority of the talk",
        "District: all teachers complete the summer curriculum institute by August 30",
    ]
    sch = [
        "School: November: 60% of classrooms observed show students discussing grade-level text",
        "School: each ILT completes two full data cycles by February",
        "School: by the end of each unit, 70% of student work samples meet the rubric standard on use of evidence",
        "School: by the end of Q2, 75% of grade 3 students meet the DIBELS composite benchmark",
        "School: by April, 85% of teachers receive two rounds of walkthrough feedback",
        "School: quarterly common assessments show EL students closing the gap by 3 points per quarter",
        "School: every grade-level team brings student work to planning at least twice a month",
    ]
    if key in ("belonging",):
        dist = ["District: chronic absenteeism district-wide falls from 24% to 20% by the January report",
                "District: by December, 100% of schools run advisory at least three times weekly",
                "District: fall and spring belonging survey shows a 6-point gain in students naming a trusted adult",
                "District: suspensions of Black male students in grades 6-8 fall by 25% by the end of Q2",
                "District: 100% of attendance teams trained on the outreach protocol by October",
                "District: by March, the district's family-contact log shows monthly contact for 90% of chronically absent students",
                "District: by May, belonging survey gap for students with disabilities narrows by 5 points"]
        sch = ["School: November: 90% of students are assigned to an advisory with a consistent adult",
               "School: monthly attendance for chronically absent students improves by 2 points",
               "School: by February, 80% of classrooms observed use morning meeting or advisory routines",
               "School: restorative conversations replace 30% of removals by the end of Q2",
               "School: by April, student shadowing shows students greeted by name in 90% of classes",
               "School: quarterly student work review (reflection journals) shows growth in self-advocacy writing",
               "School: each grade team reviews belonging data every four weeks"]
    if key == "ilt":
        dist = ["District: district ILT adopts a common ILT agenda and data-cycle protocol by September 30",
                "District: by December, 90% of school ILTs submit a completed inquiry-cycle plan",
                "District: by April, ILT self-assessment rubric scores rise one level in 75% of schools",
                "District: spring staff survey shows 70% of teachers can name their school's instructional focus"]
        sch = ["School: October: every school ILT meets at least twice a month with a posted agenda",
               "School: by January, each ILT has completed one full cycle of observation and feedback",
               "School: by March, 80% of grade-level teams use the ILT's look-fors during planning",
               "School: ILT minutes show a student work protocol used at least once per cycle"]
    elif key in ("clsp_math", "hqim_math"):
        dist = ["District: 100% of math teachers complete curriculum launch training by September 15",
                "District: by January, math walkthroughs show students doing grade-level tasks in 70% of lessons",
                "District: winter i-Ready math diagnostic shows 5 more percentage points of students on grade level than fall",
                "District: by May, end-of-unit assessment pass rates for English learners rise by 8 points"]
        sch = ["School: November: 60% of math classrooms observed use a mathematical language routine",
               "School: by February, every math team has internalized units 3 and 4 before teaching them",
               "School: each quarter, 65% of student work samples show a complete written explanation of reasoning",
               "School: by April, 85% of math teachers receive two rounds of walkthrough feedback"]
    if g.get("no_student_work_mon"):
        dist = [d for d in dist if "work" not in d]
        sch = [d for d in sch if "work" not in d]
    res = []
    levels = c.get("bm_levels")
    di = si = 0
    for k in range(n):
        want = "district" if k % 2 == 0 else "school"
        if levels:
            want = levels[k % len(levels)]
        if "district" in lv_missing:
            want = "school"
        if "school" in lv_missing:
            want = "district"
        if want == "district":
            res.append(("district", dist[di % len(dist)])); di += 1
        else:
            res.append(("school", sch[si % len(sch)])); si += 1
    return res


def sec_monitoring(c):
    g = c["gaps"]
    v = c["voice"]
    b = []
    owner = not g.get("no_owner")
    freq = not g.get("no_frequency")
    sw = not g.get("no_student_work_mon")
    mix = c.get("schedule_mix")
    if v == "narr":
        b.append(("p", "We have deliberately kept our list of interim benchmarks short, because less is more."))
    for pi in range(max(1, len(c["prios"]))):
        bms = benchmarks_for(c, pi)
        if len(c["prios"]) > 1 or (c.get("prio_subheads") and c["prios"]):
            b.append(("sub", f"{c['pnames'][pi]} benchmarks"))
        if v == "data" or c.get("bm_table"):
            hdr = ["Level", "Interim benchmark"]
            if owner:
                hdr.append("Who monitors")
            if freq:
                hdr.append("How often")
            rows = [hdr]
            for lvl, t in bms:
                row = [lvl.title(), t.split(": ", 1)[1]]
                if owner:
                    row.append("Chief Academic Officer" if lvl == "district" else "Principal and ILT")
                if freq:
                    row.append("Monthly" if lvl == "district" else "Every six weeks")
                rows.append(row)
            b.append(("table", rows))
        else:
            items = []
            for lvl, t in bms:
                lab, body = t.split(": ", 1)
                if v == "plain":
                    lab = "Across the district" if lvl == "district" else "In each school"
                s = f"{lab}: {body}"
                if owner and c.get("owner_inline"):
                    s += " (monitored by " + ("the Assistant Superintendent" if lvl == "district" else "the principal") + ")"
                items.append(s)
            if mix and pi == 0:
                items.insert(2, "Meeting: district ILT meets the first Tuesday of each month")
                items.append("Meeting: mid-year progress monitoring conversation with SSoS in January")
            (b.append(("ol", items)) if c.get("bm_ordered") else b.append(("ul", items)))
    lvm = set(g.get("mon_level_missing", []))
    if owner and not (v == "data" or c.get("bm_table")) and not c.get("owner_inline"):
        if lvm:
            who = "each principal and their ILT" if "district" in lvm else "the Assistant Superintendent for Teaching and Learning"
            b.append(("p", f"Who monitors: {who} will monitor these benchmarks."))
        else:
            b.append(("p", {
            "plain": "Who checks: I (the superintendent) look at the district numbers, and each principal looks at their school's numbers.",
            "own": "Who: the Chief Academic Officer tracks the district benchmarks; each principal and ILT tracks their school's.",
        }.get(v, f"Who monitors: the Assistant Superintendent for Teaching and Learning owns the district-level benchmarks; principals and their ILTs own the school-level benchmarks.")))
    if freq and not (v == "data" or c.get("bm_table")) and not owner:
        b.append(("p", "How often: once a month." if v == "plain" else "Frequency: benchmarks are reviewed monthly."))
    elif freq and not (v == "data" or c.get("bm_table")):
        if lvm:
            b.append(("p", "How often: these are reviewed every month." if v == "plain" else "Frequency: the benchmarks are reviewed monthly."))
        else:
            b.append(("p", {
            "plain": "How often: we go over these at the leadership meeting once a month.",
            "own": "When: district benchmarks every month at cabinet; school benchmarks every six weeks at ILT.",
            "terse": "Cadence: district data review monthly; school ILTs every six weeks.",
        }.get(v, "Frequency: the district leadership team reviews the district benchmarks monthly, and school ILTs review school benchmarks every six weeks.")))
    if not freq and g.get("freq_trap"):
        b.append(("p", g["freq_trap"]))
    if sw:
        b.append(("p", {
            "plain": "Kids' work: teachers bring student writing to planning time twice a month, principals look at a sample each term, and the district office looks at a set from every school in January and May.",
            "own": "Scholar work: teachers look at work samples in team time, ILTs pull a sample of assignments every cycle, and central office reviews work from every school in January and May.",
            "terse": "Student work: classroom -> teams analyze work samples at CPT; school -> ILT sample each cycle; district -> Jan/May work-sample review.",
        }.get(v, "Student work: at the classroom level teachers analyze student work samples in common planning; at the school level ILTs review a sample of assignments each cycle; at the district level the academic team reviews student assignments from every school in January and May.")))
    return b


def sec_resources(c):
    g = c["gaps"]
    v = c["voice"]
    miss = set(g.get("res_missing", []))
    lines = []
    if "external" not in miss:
        lines.append({
            "formal": "External resources: DESE's SSoS regional assistance team, the Massachusetts Literacy Coaching partnership, and the CLSP professional learning series offered by DESE; TNTP will support our walkthrough calibration.",
            "narr": "We will lean on strong partners outside the district: our SSoS regional assistance team, DESE's Culturally and Linguistically Sustaining Practices learning series, and Leading Educators for coaching.",
            "data": "External: DESE SSoS regional assistance team; DESE CLSP learning series; Instruction Partners (curriculum implementation support).",
            "plain": "Outside help: our regional assistance team from DESE, and the literacy coach from the Collaborative for Educational Services who visits twice a month.",
            "own": "Partners: our SSoS regional assistance team, DESE's CLSP learning series, and Leading Educators for coaching.",
            "terse": "External: SSoS RAT; DESE CLSP series; Leading Educators coaching.",
        }[v])
    if "internal" not in miss:
        lines.append({
            "formal": "Internal resources: two district literacy coaches funded by TAG, ESSER III funds for HQIM materials and summer institute stipends, and Title I funds for extended planning time.",
            "narr": "Inside the district, we are redirecting ESSER III and Title I dollars to fund two instructional coaches, materials and stipends for summer planning.",
            "data": "Internal: TAG-funded coaches (2.0 FTE, $185,000); ESSER III HQIM materials ($240,000); Title I extended planning ($60,000).",
            "plain": "Our own money and people: we are using ESSER money to pay for the new books and a half-time reading coach, and our own staff will run the summer training.",
            "own": "Our own resources: TAG-funded coaches, ESSER III dollars for materials, and Title I dollars for planning stipends.",
            "terse": "Internal: 2.0 FTE coaches (TAG); ESSER III materials; Title I planning stipends.",
        }[v])
    if g.get("res_trap"):
        lines.append(g["res_trap"])
    if not g.get("no_budget_equity"):
        lines.append({
            "formal": "Budget equity: our ESSA per-pupil expenditure review showed that the identified schools received less per-pupil funding for coaching than other schools; this plan places coaches at those schools first, and allocates funds weighted for EL and SWD enrollment.",
            "narr": "Our review of school-by-school budgets under ESSA showed an inequity we had to face: our schools with the most English learners were receiving the least coaching support per pupil. This plan reverses that by placing our coaches there first.",
            "data": "ESSA budget review: per-pupil coaching spend at identified schools was $112 vs $168 district average; plan reallocates coaching FTE to close the difference in FY24.",
            "plain": "When we looked at our school budgets (the ESSA review), the elementary school was getting less per kid for reading support than the middle school. We are moving the reading coach time to fix that.",
            "own": "Budget equity (ESSA): our school-by-school spending review found the identified schools received less coaching per pupil; coaches go there first this year.",
            "terse": "ESSA budget review: identified schools under-funded per pupil for coaching -> coaches placed there first.",
        }[v])
    elif g.get("budget_trap"):
        lines.append(g["budget_trap"])
    b = []
    if v in ("terse", "data"):
        b.append(("ul", lines))
    else:
        for l in lines:
            b.append(("p", l))
    return b


def sec_differentiation(c):
    g = c["gaps"]
    v = c["voice"]
    ident, other = c["ident"], c["other"]
    b = []
    if g.get("no_schools"):
        b.append(("p", {
            "plain": "Schools that need more help will get more visits from the district office and more coaching time. We will decide which ones after the fall screener.",
        }.get(v, "Schools identified as requiring assistance, and other schools whose data show need, will receive additional coaching cycles, more frequent walkthroughs and priority access to professional learning. The tiering of schools will be finalized after fall data are reviewed.")))
        return b
    if v == "data":
        rows = [["School", "Tier", "Differentiated support"]]
        for s in ident:
            rows.append([s, "Identified (requiring assistance)", "Weekly coaching cycles; bi-weekly district walkthroughs; dedicated data specialist"])
        for s in other[:2]:
            rows.append([s, "Additional need", "Monthly coaching; priority seats in PD"])
        b.append(("table", rows))
        return b
    if v == "own":
        b.append(("ul", [f"Tier 3 ({', '.join(ident)}): weekly coaching cycles, bi-weekly learning walks with central office, and a data specialist.",
                         f"Tier 2 ({', '.join(other[:2])}): monthly coaching and first access to professional learning."]))
        return b
    if v == "plain":
        b.append(("p", f"{ident[0]} is the school the state identified, so it gets the most help: a reading coach in the building every day and my visits every week. {other[0]} will also get extra coaching time because its scores dipped this year."))
        return b
    t1 = f"Schools identified as requiring assistance ({', '.join(ident)}) will receive weekly in-class coaching cycles, bi-weekly district walkthroughs, and a dedicated data specialist."
    t2 = f"Other schools needing more support with this priority ({', '.join(other[:2])}) will receive monthly coaching and priority seats in professional learning."
    if v == "terse":
        b.append(("ul", [t1, t2]))
    elif v == "narr":
        b.append(("p", "Support will not be one-size-fits-all. " + t1 + " " + t2))
    else:
        b.append(("p", t1)); b.append(("p", t2))
    return b


BUILDERS = {"priorities": sec_priorities, "analysis": sec_analysis, "stakeholder_engagement": sec_stakeholders,
            "outcomes": sec_outcomes, "role_clarity": sec_roles, "monitoring": sec_monitoring,
            "resources": sec_resources, "differentiation": sec_differentiation}

PLACEHOLDERS = ["Click or tap here to enter text.", "[Insert response here]", "TBD"]


MATH = [("MCAS reading", "MCAS math"), ("ELA", "math"), ("writing samples", "math work samples"), ("student writing", "student math work"),
        ("rarely cite text evidence", "rarely explain their reasoning in writing"), ("rarely cite evidence from the text", "rarely explain their reasoning"),
        ("Most samples summarize rather than analyze; evidence use weakest", "Most samples show answers without reasoning; explanations weakest"),
        ("Most of it was short answers and very little writing about what they read.", "Most of it was answers with no explanation of how kids got there."),
        ("grade-level text", "grade-level tasks"), ("grade-level books", "grade-level math"), ("reading", "math"), ("literacy", "math"), ("DIBELS", "i-Ready math")]


def _math(b):
    def f(s):
        for a, z in MATH:
            s = s.replace(a, z)
        return s
    k, v = b
    if k == "table":
        return (k, [[f(x) for x in r] for r in v])
    if k in ("ul", "ol"):
        return (k, [f(x) for x in v])
    return (k, f(v))


def _lex(b, lex):
    import re
    def f(s):
        for a, z in lex:
            s = re.sub(r"\b" + re.escape(a) + (r"\b" if a[-1].isalnum() else ""), z, s)
        return s
    k, v = b
    if k == "table":
        return (k, [[f(x) for x in r] for r in v])
    if k in ("ul", "ol"):
        return (k, [f(x) for x in v])
    return (k, f(v))


def build(spec):
    c = dict(spec)
    c.setdefault("voice", "formal")
    c.setdefault("gaps", {})
    c.setdefault("prios", ["clsp_lit"])
    np_ = len(c["prios"])
    c["pnames"] = pnames(c.get("pname_style", "priority"), np_)
    c.setdefault("bm_counts", [4] * max(np_, 1))
    ident, other = SCHOOL_BANK[c["district"]]
    c["ident"], c["other"] = ident, other
    hs = c.get("heads", "guidance")
    heads = HEADINGS[hs] if isinstance(hs, str) else hs
    states = c.get("states", {})
    secs = []
    for i, sid in enumerate(SECTIONS):
        st = states.get(sid, "present")
        sec = dict(id=sid, heading=heads[i], prompt=PROMPTS[sid], state=st)
        if st == "present":
            sec["blocks"] = BUILDERS[sid](c)
        elif st == "empty":
            ph = c.get("placeholder", {}).get(sid, PLACEHOLDERS[0])
            if ph == "PROMPT":
                ph = PROMPTS[sid]
            sec["blocks"] = [] if ph == "" else [("p", ph)]
        else:
            sec["blocks"] = []
        secs.append(sec)
    if c["prios"] and c["prios"][0] in ("clsp_math", "hqim_math"):
        for s in secs:
            if s["id"] != "priorities":
                s["blocks"] = [_math(b) for b in s["blocks"]]
    if c.get("lex"):
        for s in secs:
            s["blocks"] = [_lex(b, c["lex"]) for b in s["blocks"]]
    for sid, extra in c.get("extra_blocks", {}).items():
        for s in secs:
            if s["id"] == sid:
                s["blocks"] = s["blocks"] + extra
    doc = dict(title=c.get("title", f"{display(c['district'])} \u2014 District Prioritization Submission, SY2023-24"),
               district=c["district"], sections=secs, intro=c.get("intro", []), appendix=c.get("appendix", []),
               prios=c["prios"], pnames=c["pnames"], voice=c["voice"])
    # ---- truth
    g = c["gaps"]
    sections = {s["id"]: s["state"] for s in secs}
    pres = lambda sid: sections[sid] == "present"
    f = []
    def add(code, sec, items=None):
        if pres(sec):
            f.append({"code": "ssos::" + code, "section": sec, "items": list(items or [])})
    if pres("priorities") and np_ > 0:
        if all(PRIORITY_BANK[p]["nonclsp"] for p in c["prios"]):
            add("priorities::no-clsp-focus", "priorities")
        if g.get("prompt_unanswered"):
            add("priorities::prompt-unanswered", "priorities", g["prompt_unanswered"])
    if g.get("data_missing"):
        add("analysis::data-area-missing", "analysis", g["data_missing"])
    if g.get("no_groups"):
        add("analysis::no-student-groups", "analysis")
    if g.get("no_student_work_analysis"):
        add("analysis::no-student-work", "analysis")
    if g.get("groups_missing"):
        add("stakeholders::group-missing", "stakeholder_engagement", g["groups_missing"])
    if g.get("no_identified_input"):
        add("stakeholders::no-identified-school-input", "stakeholder_engagement")
    if g.get("no_ongoing"):
        add("stakeholders::no-ongoing-engagement", "stakeholder_engagement")
    if g.get("no_targets"):
        add("outcomes::no-accountability-targets", "outcomes")
    elif g.get("no_group_targets"):
        add("outcomes::no-student-group-targets", "outcomes")
    if g.get("roles_missing"):
        add("roles::level-missing", "role_clarity", g["roles_missing"])
    if np_ and any(n > 5 for n in c["bm_counts"][:np_]):
        add("monitoring::too-many-benchmarks", "monitoring")
    if g.get("no_owner"):
        add("monitoring::no-owner", "monitoring")
    if g.get("no_frequency"):
        add("monitoring::no-frequency", "monitoring")
    if g.get("mon_level_missing"):
        add("monitoring::level-missing", "monitoring", g["mon_level_missing"])
    if g.get("no_student_work_mon"):
        add("monitoring::no-student-work", "monitoring")
    if g.get("res_missing"):
        add("resources::kind-missing", "resources", g["res_missing"])
    if g.get("no_budget_equity"):
        add("resources::no-budget-equity", "resources")
    if g.get("no_schools"):
        add("differentiation::no-schools-listed", "differentiation")
    status = "pass"
    if any(v != "present" for v in sections.values()) or np_ == 0 or np_ > 2:
        status = "fail"
    if pres("monitoring"):
        bm = sum(c["bm_counts"][:max(np_, 1)])
    else:
        bm = 0
    truth = {"file": spec["file"], "district": c["district"], "sections": sections, "status": status,
             "priorities": np_, "benchmarks": bm, "findings": f, "notes": c.get("notes", "")}
    if c.get("lex"):
        truth["notes"] += "; district words: " + ", ".join(sorted({z for a, z in c["lex"] if a[0].islower()}))
    truth["notes"] += f"; voice={c['voice']}"
    return doc, truth
