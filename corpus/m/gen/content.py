"""Plan content model for author M's corpus.

A plan spec (see plans.py) names a district, a voice, priority themes, a heading
style, gaps (items left out on purpose) and section states. build(spec) returns
a Plan: ordered sections with heading, guidance prompt, and body blocks, plus the
truth record derived from the same spec (so truth and text cannot drift).
Blocks: ('p', text) ('ul', [text]) ('h3', text) ('table', header, rows)
"""
import hashlib, re
VOICE_DESC = {"urban": "large urban planning office, dense acronym-heavy bullets (DILT, ILT, MTSS, HQIM, ML, SWD)", "small": "small district, first person plural, informal narrative", "formal": "the guidance's own words, formal narrative paragraphs"}

SECTIONS = ["priorities", "analysis", "stakeholder_engagement", "outcomes",
            "role_clarity", "monitoring", "resources", "differentiation"]

GUIDE_HEAD = ["1. Priority(ies)", "2. Analysis of Strengths and Challenges", "3. Stakeholder Engagement",
              "4. Outcomes", "5. Role Clarity", "6. Monitoring Implementation", "7. Resources", "8. Differentiation"]
PROMPTS = [
 "What are your district's top 1-2 instructional priorities for SY23-24? What are the meaningful changes in educator practice that are the focus of this priority? What will be the meaningful changes students will experience in their learning because of this focus? Which specific equity and opportunity gaps will this priority address?",
 "What data led you to identify or recommit to this priority? What are the underlying systemic factors that contribute to the findings in your data analysis?",
 "How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan? What input did you get from stakeholders in schools identified as requiring assistance? How will stakeholders be continuously engaged in implementation and monitoring?",
 "Which specific Accountability targets will be met as a result of focusing on this priority? (In the aggregate and for specific student groups). Are there other data points that would be helpful to track for signs of progress?",
 "What is your strategy to ensure that all stakeholders understand their role in implementing this priority? Describe what central office, school leaders and teachers will do consistently.",
 "What interim benchmarks will you track throughout the year at both the district and school level to gauge changes in adult practice and student learning/experiences? Who will monitor these and how often?",
 "What partnerships, programs, or resources will you leverage to implement this priority? Briefly describe how the implementation of the plan will address any inequities discovered during the district's review of local district and school budgeting data, as required by ESSA.",
 "How will the district differentiate assistance for schools identified by the Accountability system as requiring assistance, and for other schools that need more support with this priority? Please list the schools that will receive differentiated support.",
]
HEAD_STYLES = {
 "guidance": GUIDE_HEAD,
 "roman": ["I. Priorities", "II. Analysis of Strengths and Challenges", "III. Stakeholder Engagement", "IV. Outcomes",
           "V. Role Clarity", "VI. Monitoring Implementation", "VII. Resources", "VIII. Differentiation"],
 "letter": ["Section A: Instructional Priorities", "Section B: Data Analysis", "Section C: Stakeholder Input",
            "Section D: Outcomes and Targets", "Section E: Roles and Responsibilities", "Section F: Progress Monitoring",
            "Section G: Resources", "Section H: Differentiated Support for Schools"],
 "part": ["Part 1 \u2013 Our Priorities", "Part 2 \u2013 Strengths and Challenges", "Part 3 \u2013 Engaging Stakeholders",
          "Part 4 \u2013 Outcomes", "Part 5 \u2013 Who Does What", "Part 6 \u2013 Monitoring Implementation",
          "Part 7 \u2013 Resources and Partnerships", "Part 8 \u2013 Differentiation"],
 "question": ["What are we focusing on next year?", "What told us this was the right focus?", "Who did we hear from, and what did they tell us?",
              "What will success look like in June?", "Who does what?", "How will we know it's working?",
              "What will we use to get it done?", "Which schools get extra help?"],
 "caps": ["PRIORITY(IES)", "DATA ANALYSIS: STRENGTHS / CHALLENGES", "STAKEHOLDER ENGAGEMENT", "OUTCOMES / ACCOUNTABILITY TARGETS",
          "ROLE CLARITY (CO / SL / TEACHERS)", "MONITORING: INTERIM BENCHMARKS", "RESOURCES", "DIFFERENTIATION"],
 "plain": ["Priorities", "Data Analysis", "Stakeholder Input", "Outcomes", "Roles", "Progress Monitoring", "Resources", "Differentiated Support"],
}

SCHOOL_POOL = {
 "Boston": ["Dever-McCormack K-8", "Mattapan Early Elementary", "Burke High School", "Frederick Pilot Middle"],
 "Springfield": ["Brightwood Elementary", "Chestnut Middle School", "Lincoln Elementary", "High School of Commerce"],
 "Worcester": ["Burncoat Middle School", "Woodland Academy", "Chandler Elementary Community School", "Claremont Academy"],
 "Lowell": ["Bartlett Community Partnership School", "Murkland Elementary", "Robinson Middle School", "Lowell High School"],
 "Lynn": ["Connery Elementary", "Thurgood Marshall Middle School", "Harrington Elementary", "Pickering Middle School"],
 "Brockton": ["Arnone Elementary", "East Middle School", "Huntington Elementary", "Brockton High School"],
 "New Bedford": ["Gomes Elementary", "Keith Middle School", "Carney Academy", "Roosevelt Middle School"],
 "Fall River": ["Doran Community School", "Talbot Innovation School", "Greene Elementary", "Kuss Middle School"],
 "Chelsea": ["Berkowitz Elementary", "Browne Middle School", "Clark Avenue School", "Wright Middle School"],
 "Taunton": ["Mulcahey Elementary", "Parker Middle School", "Walker Elementary", "Friedman Middle School"],
 "Pittsfield": ["Morningside Community School", "Conte Community School", "Reid Middle School", "Herberg Middle School"],
 "Framingham": ["Brophy Elementary", "Fuller Middle School", "Woodrow Wilson Elementary", "Walsh Middle School"],
 "Chicopee": ["Bellamy Middle School", "Stefanik Elementary", "Chicopee Comprehensive High School", "Bowie Elementary"],
 "Fitchburg": ["McKay Arts Academy", "Memorial Middle School", "Crocker Elementary", "Longsjo Middle School"],
 "Haverhill": ["Golden Hill Elementary", "Nettle Middle School", "Consentino School", "Tilton School"],
 "Everett": ["Keverian School", "Whittier School", "Lafayette School", "Parlin School"],
 "Salem": ["Bentley Academy", "Carlton Innovation School", "Collins Middle School", "Horace Mann Laboratory School"],
 "Waltham": ["MacArthur Elementary", "McDevitt Middle School", "Fitzgerald Elementary", "Kennedy Middle School"],
 "Malden": ["Beebe School", "Ferryway School", "Linden STEAM Academy", "Salemwood School"],
 "Randolph": ["Lyons Elementary", "Donovan Elementary", "Randolph Community Middle School", "Kennedy Elementary"],
 "Athol-Royalston": ["Riverbend Elementary", "Athol-Royalston Middle School", "Royalston Community School", "Athol High School"],
 "Gateway": ["Littleville Elementary", "Chester Elementary", "Gateway Regional Middle School", "Gateway Regional High School"],
 "Greenfield": ["Newton Elementary", "Federal Street School", "Greenfield Middle School", "Four Corners School"],
 "North Adams": ["Brayton Elementary", "Colegrove Park Elementary", "Greylock Elementary", "Drury High School"],
 "Orange": ["Dexter Park Innovation School", "Fisher Hill Elementary", "Orange Pre-K Center", "Ralph C. Mahar (partner)"],
 "Webster": ["Park Avenue Elementary", "Webster Middle School", "Bartlett High School", "Webster Early Learning Center"],
 "Winchendon": ["Memorial School", "Toy Town Elementary", "Murdock Middle/High School", "Winchendon CARE Program"],
 "Hawlemont": ["Hawlemont Regional Elementary", "Hawlemont Pre-K", "Rowe Elementary (shared services)", "Mohawk Trail (receiving)"],
 "Rowe": ["Rowe Elementary School", "Rowe Pre-K", "Hawlemont (shared)", "Mohawk Trail (receiving)"],
 "Hoosac Valley Regional": ["Hoosac Valley Elementary", "Hoosac Valley Middle School", "Hoosac Valley High School", "Cheshire Pre-K"],
 "Wareham": ["Minot Forest Elementary", "Decas Elementary", "Wareham Middle School", "Wareham High School"],
 "Northampton": ["Jackson Street School", "Bridge Street School", "JFK Middle School", "Leeds Elementary"],
 "Uxbridge": ["Taft Early Learning Center", "Whitin Intermediate School", "Uxbridge High School", "McCloskey Campus"],
 "Clinton": ["Clinton Elementary", "Clinton Middle School", "Clinton High School", "Clinton Pre-K"],
 "Easthampton": ["Mountain View School", "Easthampton High School", "Easthampton Pre-K", "Maple Street (alt.)"],
 "Gardner": ["Waterford Street School", "Elm Street School", "Gardner Middle School", "Gardner High School"],
 "Gloucester": ["Veterans Memorial Elementary", "Beeman Elementary", "O'Maley Innovation Middle", "Plum Cove School"],
 "Westfield": ["Franklin Avenue Elementary", "Highland Elementary", "Westfield Intermediate School", "Westfield Middle School"],
}

# ---------------------------------------------------------------- priority themes
THEMES = {
 "lit": dict(clsp=True, subj="ELA", grades="K-5",
   name_u="Culturally and linguistically sustaining, grade-appropriate K-5 literacy instruction using HQIM (CKLA)",
   name_s="Grade-level, culturally and linguistically sustaining reading instruction in K-5",
   practice_u="Shift in educator practice: teachers implement CKLA Skills and Knowledge with integrity, plan text-based discussion with common protocols, and leverage students' home languages and cultural assets in small-group instruction; coaches support internalization during CPT.",
   practice_s="For teachers, this means teaching the new reading curriculum the way it was designed, planning together every week, and bringing kids' languages and backgrounds into the conversation about texts.",
   exper_u="Student experience: every K-5 student reads, hears and discusses grade-level complex text daily, uses structured academic talk routines, and sees their identities reflected in the texts.",
   exper_s="Kids will spend more of the literacy block reading and talking about real, grade-level books (not worksheets), and they'll see themselves in what they read.",
   gaps_u="Equity gaps addressed: grade 3 ELA M/E for MLs (11%) and SWD (8%) vs. all students (30%); Black and Latino students' gap in DIBELS benchmark attainment (18 pts).",
   gaps_s="The gaps we're going after: our students with disabilities and our low-income students are far behind their classmates in reading by grade 3 (14% and 21% meeting expectations vs. 37% overall).",
 ),
 "math": dict(clsp=True, subj="math", grades="6-8",
   name_u="Grade-appropriate, culturally responsive mathematics instruction in grades 6-8 with Illustrative Mathematics (IM)",
   name_s="Grade-level, culturally responsive math teaching in grades 6-8",
   practice_u="Shift in educator practice: math teachers launch each lesson with the grade-level IM task, use Math Language Routines (MLRs) for ML access, and adjust next-day instruction from cool-down data reviewed in PLCs.",
   practice_s="Our math teachers will teach the grade-level lesson every day (instead of pulling back to remediation), use talk routines so everyone can get in, and look at exit tickets together in team time.",
   exper_u="Student experience: students spend the majority of each block reasoning about grade-level problems, explaining and critiquing strategies, and connecting math to their communities.",
   exper_s="Students will be doing the thinking: working on real grade-level problems, explaining how they got there, and hearing each other's ideas.",
   gaps_u="Equity gaps addressed: grade 7 math M/E for Latino students (12%) vs. white students (33%); SWD (5%); ML students (7%).",
   gaps_s="The gap we care most about: our students with IEPs and our Latino students are far less likely to meet expectations in grade 7 math (9% and 15% vs. 35% of their classmates).",
 ),
 "ml": dict(clsp=True, subj="ELA", grades="6-12",
   name_u="Language-rich, culturally and linguistically sustaining core instruction for Multilingual Learners (MLs) in grades 6-12",
   name_s="Language-rich, culturally and linguistically sustaining teaching for our multilingual learners",
   practice_u="Shift in educator practice: content teachers write content and language objectives using the WIDA ELD Standards Framework, co-plan weekly with ESL teachers, and use scaffolds that build on home language.",
   practice_s="Teachers in every subject will plan for language, not just content, and our ESL and classroom teachers will plan together every week.",
   exper_u="Student experience: MLs have daily structured opportunities to speak and write academic English in core classes, access grade-level content, and use their home languages as a resource.",
   exper_s="Our multilingual students will talk and write more in every class, keep up with grade-level content, and use their first language as a strength rather than something to leave at the door.",
   gaps_u="Equity gaps addressed: ML 4-year graduation rate (64%) vs. district (83%); only 36% of MLs meeting ACCESS progress targets; LTEL overrepresentation in grades 9-10.",
   gaps_s="The gaps: only about a third of our multilingual learners are making expected progress on ACCESS, and our MLs graduate at much lower rates than other students.",
 ),
 "belong": dict(clsp=False, subj="ELA", grades="K-12",
   name_u="Strengthen the Tier 1 learning environment and students' sense of belonging through MTSS",
   name_s="Making sure every student feels like they belong in our classrooms",
   practice_u="Shift in educator practice: staff use common Tier 1 routines (morning meeting/advisory, restorative circles) and respond to Panorama belonging data in MTSS team meetings.",
   practice_s="Staff will greet every kid by name, run advisory or morning meeting every day, and use restorative conversations instead of sending kids out.",
   exper_u="Student experience: students report that at least one adult knows them well and that classroom norms are fair.",
   exper_s="Kids will tell us they have an adult who knows them and that the rules are fair.",
   gaps_u="Equity gaps addressed: SWD and Black students are suspended at 3x the district rate; belonging favorability for MLs is 21 pts below peers.",
   gaps_s="Our students with IEPs are suspended about three times as often as other students, and they report feeling less connected.",
 ),
 "ilt": dict(clsp=False, subj="ELA", grades="K-12",
   name_u="Build and sustain school Instructional Leadership Teams (ILTs) that lead cycles of inquiry",
   name_s="Getting our building leadership teams to run real improvement cycles",
   practice_u="Shift in educator practice: ILTs meet biweekly, set a school focus, and run 6-8 week inquiry cycles; principals protect ILT time.",
   practice_s="Leadership teams at each school will meet every other week and actually run improvement cycles instead of handling logistics.",
   exper_u="Student experience: students experience more consistent expectations across classrooms as ILT decisions reach every grade team.",
   exper_s="Students should notice that classrooms feel more consistent from room to room.",
   gaps_u="Equity gaps addressed: schools with the largest SWD and high-needs gaps have the least-developed ILTs.",
   gaps_s="The schools with the biggest gaps for high-needs students are the ones where teams are weakest.",
 ),
 "attend": dict(clsp=False, subj="attendance", grades="K-12",
   name_u="Reduce chronic absenteeism through a tiered, data-driven attendance system",
   name_s="Getting kids to school every day",
   practice_u="Shift in educator practice: attendance teams review weekly SIS reports, make tiered outreach within 48 hours of a third absence, and document interventions in the MTSS platform.",
   practice_s="Our attendance team will look at absences every week and call home quickly when a student starts missing days.",
   exper_u="Student experience: students with emerging attendance concerns get an adult check-in and mentoring within days, not weeks.",
   exper_s="Students who start missing school will get a check-in from an adult they know right away.",
   gaps_u="Equity gaps addressed: chronic absence is 41% for low-income students and 44% for SWD vs. 27% district-wide.",
   gaps_s="Our low-income students are chronically absent at almost twice the rate of everyone else.",
 ),
}

def _h(s):
    return int(hashlib.md5(s.encode()).hexdigest(), 16)

class Plan:
    pass

def schools(d):
    return SCHOOL_POOL.get(d, ["Lincoln Elementary", "Washington Middle School", "Riverside Elementary", "Central High School"])

# ------------------------------------------------------------------- sections
def sec_priorities(sp, U, T, S):
    gaps = set(sp["gaps"].get("priorities", []))
    out = []
    pnames = sp.get("pnames") or (["Strategy 1", "Strategy 2", "Strategy 3"] if sp.get("strategy_names") else
                                  ["Priority 1", "Priority 2", "Priority 3"])
    if sp.get("intro_priorities"):
        out.append(("p", sp["intro_priorities"]))
    per = []
    for i, t in enumerate(T):
        nm = t["name_u"] if U else t["name_s"]
        blk = [("h3", f"{pnames[i]}: {nm}")]
        lines = []
        if "educator_practice" not in gaps: lines.append(t["practice_u"] if U else t["practice_s"])
        if "student_experience" not in gaps: lines.append(t["exper_u"] if U else t["exper_s"])
        if "equity_gaps" not in gaps: lines.append(t["gaps_u"] if U else t["gaps_s"])
        if "educator_practice" in gaps and "student_experience" in gaps:
            lines.append("This priority was selected by the DILT after the spring data retreat and is the focus of our work with the regional assistance team." if U else
                         "We picked this after a lot of conversation with our principals and school committee, and we think it's the right one.")
        if U: blk.append(("ul", lines))
        else: blk += [("p", l) for l in lines]
        per.append(blk)
    if sp.get("strategic_mention"):
        out.append(("p", sp["strategic_mention"]))
    for b in per: out += b
    return out, per

def sec_analysis(sp, U, T, S):
    g = set(sp["gaps"].get("analysis", []))
    t = T[0]; subj = t["subj"]
    L = []
    if U:
        if "student_outcomes" not in g: L.append(f"Student outcomes: 2023 MCAS {subj if subj!='attendance' else 'ELA'} M/E {t['grades']} = 29% (state 41%); i-Ready fall diagnostic: 52% of students 2+ grade levels below; chronic absence 31%.")
        if "instruction" not in g: L.append("Instruction: DILT learning walks (n=214 classroom visits, Jan-Mar) found grade-level tasks in 39% of observed blocks and student-to-student discourse in 24%; HQIM lesson internalization inconsistent across schools.")
        if "stakeholder_perspectives" not in g: L.append("Stakeholder perspectives: VOCAL and Panorama data: 44% of grade 6-8 students agree 'my teachers connect what we learn to my life'; 52% of teachers report they lack time to plan for ML access (staff survey).")
        if "systems_structures" not in g: L.append("Systems/structures: CPT ranges from 0 to 90 min/week across schools; coaching FTE concentrated in 4 of 11 schools; no common walkthrough tool or data cycle calendar.")
        if "student_groups" not in g: L.append("Student groups: ML M/E 11% vs. 33% non-ML; SWD 7%; Black and Latino students 17-19 pts below white students; high-needs chronic absence 2x district rate.")
        if "student_work" not in g: L.append(("Student work (LASW, spring): ILTs reviewed gr. 6-8 end-of-unit task samples; theme: students reach answers but rarely explain or justify their reasoning" if subj == "math" else
                                              "Student work (LASW, spring): ILTs reviewed gr. 4 and gr. 7 writing samples; theme: students summarize but rarely cite evidence") +
                                             ("" if "student_groups" in g else "; ML samples show strong ideas with limited academic vocabulary") +
                                             ("." if "instruction" in g else "; tasks assigned were frequently below grade level."))
        L.append("Underlying systemic factors: uneven HQIM implementation, PD not differentiated by school need, ILT structures vary" +
                 ("." if "student_groups" in g else "; Data Equity Pause surfaced that MLs and SWD are more often pulled from core instruction."))
        if sp.get("trap_analysis_planned") == "student_work":
            L.append("LASW protocol training for ILTs is scheduled for September; we will begin reviewing student work samples next year.")
        return [("ul", L)]
    P = []
    if "student_outcomes" not in g: P.append(f"Our MCAS results were the first red flag: only 31% of our students in grades {t['grades']} met or exceeded expectations in {subj if subj!='attendance' else 'ELA'} last spring, and our fall i-Ready screener showed almost half of our kids starting the year well behind.")
    if "instruction" not in g: P.append("When our principals and coach did classroom visits together this winter, we saw a lot of teacher talk and not a lot of kids doing the heavy lifting; grade-level tasks showed up in fewer than half of the lessons we saw.")
    if "stakeholder_perspectives" not in g: P.append("Our student survey (we used the VOCAL items) told us that only about 4 in 10 middle schoolers feel their classes connect to their lives.")
    if "systems_structures" not in g: P.append("Structurally, our schedule is part of the problem: common planning time isn't protected, and with one coach for the whole district, support spreads thin.")
    if "student_groups" not in g: P.append("Looking at student groups, our students with disabilities (12% meeting) and our low-income students (22%) are well behind, and the gap has not closed since 2019.")
    if "student_work" not in g: P.append(("We also sat down with a stack of end-of-unit math tasks in March. The pattern was clear: kids can get to an answer, but they rarely explain why it works" if subj == "math" else
                                              "We also sat down with piles of student writing in March. The pattern was clear: kids can retell, but they rarely use evidence") + ("." if "instruction" in g else ", and the assignments we give aren't always at grade level."))
    if sp.get("trap_analysis_planned") == "student_work":
        P.append("We haven't looked at student work as a team yet \u2014 that's something we want to start in the fall.")
    P.append("Underneath all of this, we think the real issue is that we haven't had a shared picture of good instruction or the time to build one together.")
    return [("p", x) for x in P]

def sec_stake(sp, U, T, S):
    g = set(sp["gaps"].get("stakeholder_engagement", []))
    tr = sp.get("traps", {})
    L = []
    if U:
        if "students" not in g: L.append(f"Students: 4 student focus groups (n=41) at {S[1]} and {S[3]} plus the Superintendent's Student Advisory; students asked for more discussion and texts that reflect them, which shaped the discourse focus.")
        if "families" not in g: L.append("Families: Family survey (n=1,180; 6 languages) and DPAC/SEPAC sessions; caregivers asked for clearer reporting on reading progress, which led to the family learning nights in this plan.")
        elif tr.get("families_negated"): L.append("Families: We did not survey families this year due to the SIS transition; a family survey is planned for fall 2023.")
        if "educators" not in g: L.append("Educators: Teacher survey (62% response) and consultation with the union; teachers asked for protected CPT, so the plan guarantees 45 min/week of content-team planning.")
        if "school_leaders" not in g: L.append("School leaders: Principals co-designed the interim benchmarks at two Principal Leadership Academy sessions (April, May).")
        if "community" not in g: L.append("Community: community partners (Boys & Girls Club, public library, two faith-based organizations) reviewed the draft at a May community forum.")
        elif tr.get("community_planned"): L.append("Community: community partners will be invited to review the plan at a forum in October.")
        fam = "families" not in g
        if "identified" not in g: L.append(f"Identified schools: at {S[0]} and {S[1]} (schools requiring assistance), ILT members" + (", the School Site Council and a parent group" if fam else " and grade-level teams") + " gave input; they asked for coaching embedded in CPT rather than pull-out PD, which we adopted.")
        if "ongoing" not in g: L.append("Ongoing engagement: quarterly progress reviews with the School Committee's T&L subcommittee" + (", DPAC" if fam else "") + " and the student advisory; benchmark dashboards posted on the district website each quarter; mid-year survey pulse.")
        return [("ul", L)]
    P = []
    if "students" not in g: P.append(f"We talked with students first. Our kids at {S[1]} told us class too often feels like 'copying down steps' \u2014 they want to talk through their thinking with each other, and that's baked into this plan.")
    if "families" not in g: P.append("Caregivers came to two evening coffee chats (we had dinner and interpreters) and filled out a short survey; they asked us to explain the new curriculum, " + ("so we added family learning nights." if "ongoing" not in g else "and we've taken that to heart."))
    elif tr.get("families_negated"): P.append("We did not survey families this year \u2014 honestly, the timing didn't work with everything else going on. We plan to do it in the fall.")
    if "educators" not in g: P.append("Our teachers weighed in through staff meetings and a survey; their biggest ask was time to plan together, which we've built into next year's schedule.")
    if "school_leaders" not in g: P.append("Our principals were at the table for every planning meeting and wrote the first draft of the benchmarks.")
    if "community" not in g: P.append("We also shared a draft with our community partners (the library, the Family Center and the local rec department) and " +
                                      ("they're helping with summer reading." if "ongoing" not in g else "their feedback shaped the summer reading piece."))
    elif tr.get("community_planned"): P.append("We hope to bring community partners in once school starts.")
    if "identified" not in g: P.append(f"At {S[0]}, which is identified as requiring assistance, we held a separate " + ("staff and family session" if "families" not in g else "staff session") + "; teachers there asked for a coach in the building more than one day a week, so that's what we did.")
    if "ongoing" not in g: P.append("We'll keep everyone involved by sharing progress at school committee every quarter, keeping a " + ("family and student" if "families" not in g else "student") + " advisory group that meets through the year, and running a short mid-year survey.")
    return [("p", x) for x in P]

def sec_outcomes(sp, U, T, S):
    g = set(sp["gaps"].get("outcomes", []))
    t = T[0]; subj = t["subj"] if t["subj"] != "attendance" else "ELA"
    L = []
    if U:
        if "acct" not in g: L.append(f"Accountability targets (aggregate): increase {subj} achievement for all students in grades 3-8 (MCAS average scaled score 484.1 to 487.0) and meet the district's improvement target for chronic absenteeism (31% to 26%).")
        if "groups" not in g:
            if "acct" in g: L.append(f"Student group measures: increase the share of ML students at typical growth on i-Ready from 38% to 50%; SWD from 31% to 42%.")
            else: L.append(f"Student group targets: ML students' MCAS {subj} M/E from 11% to 16%; SWD from 7% to 11%; Hispanic/Latino students from 17% to 23%; high-needs group meets its accountability target.")
        L.append("Other data to track: i-Ready growth (BOY/MOY/EOY), walkthrough look-fors, Panorama belonging, ACCESS progress.")
        return [("ul", L)]
    P = []
    if "acct" not in g: P.append(f"By spring 2024 we want to hit our accountability targets: raise our average {subj} scaled score on MCAS in grades 3-8 from 486 to 489, and cut chronic absence from 24% to 19%.")
    if "groups" not in g:
        if "acct" in g: P.append("For our students with IEPs, we want to see at least 45% reach typical growth on i-Ready, up from 30%.")
        else: P.append(f"For our student groups: students with disabilities go from 12% to 17% meeting expectations in {subj}, and our low-income students from 22% to 28%.")
    P.append("Along the way we'll watch i-Ready growth, what we see on classroom visits, and the student survey.")
    return [("p", x) for x in P]

def sec_roles(sp, U, T, S):
    g = set(sp["gaps"].get("role_clarity", []))
    L = []
    if U:
        if "central_office" not in g: L.append("Central office (Office of Academics/DILT): provide HQIM-aligned PD, deploy coaches, run monthly principal learning walks, and remove barriers (scheduling, CPT) identified by ILTs.")
        if "school_leaders" not in g: L.append("School leaders/ILTs: protect CPT, conduct weekly walkthroughs with the common look-for tool, give feedback within 48 hours, and lead LASW cycles.")
        if "teachers" not in g: L.append("Teachers: internalize HQIM units in CPT, use discourse routines daily, analyze exit tickets to adjust instruction, and participate in peer observation.")
        L.append("Communication: role cards for each level are introduced at the August leadership retreat and revisited at mid-year.")
        return [("ul", L)]
    P = []
    if "central_office" not in g: P.append("At central office, our job is to give principals what they need: training on the curriculum, a coach, and protecting planning time in the schedule. The assistant superintendent visits each school monthly.")
    if "school_leaders" not in g: P.append("Our principals will be in classrooms every week, give teachers quick feedback, and lead team time so it's about instruction, not logistics.")
    if "teachers" not in g: P.append("Teachers will plan lessons together, use the talk routines every day, and look at what students produce to decide what to reteach.")
    P.append("We'll put this on one page so everybody knows who does what.")
    return [("p", x) for x in P]

BENCH = {
 "lit": [("district", "November", "85% of K-5 teachers complete CKLA unit internalization PD (district PD records)"),
         ("school", "December", "60% of K-2 classrooms observed using CKLA routines with fidelity on walkthroughs"),
         ("school", "February", "75% of observed literacy blocks include structured student discourse about text"),
         ("district", "March", "MOY DIBELS: 10-point increase in ML and SWD students at benchmark"),
         ("school", "May", "Student writing samples show evidence use in 50% of grade 3-5 samples scored"),
         ("district", "April", "All schools complete two LASW cycles"),
         ("school", "June", "EOY DIBELS composite at benchmark increases 8 pts")],
 "math": [("district", "October", "100% of grade 6-8 math teachers trained in IM launch and MLRs"),
          ("school", "December", "70% of observed math lessons use the grade-level task and at least one MLR"),
          ("school", "February", "PLCs review cool-down data biweekly in 80% of teams"),
          ("district", "March", "i-Ready MOY: Latino and SWD students' typical growth up 10 pts"),
          ("school", "May", "Student work samples: 60% show grade-level reasoning on end-of-unit tasks"),
          ("district", "January", "Panorama math belonging up 5 pts"),
          ("school", "June", "80% of units taught on pacing")],
 "ml": [("district", "October", "All content teachers in grades 6-12 complete WIDA language objectives PD"),
        ("school", "December", "65% of observed lessons post and use a content and language objective"),
        ("school", "February", "ESL/content co-planning occurring weekly in 80% of teams (ILT logs)"),
        ("district", "March", "ACCESS interim/WIDA screener: 45% of MLs on track for progress"),
        ("district", "June", "ML course failure rate in grade 9 falls below 15%")],
 "belong": [("district", "October", "All schools launch advisory/morning meeting"),
            ("school", "December", "80% of classrooms observed using Tier 1 routines"),
            ("district", "February", "Panorama belonging up 5 pts for SWD and Black students"),
            ("school", "April", "Suspensions of SWD down 25% from prior year")],
 "ilt": [("district", "September", "All schools have a chartered ILT with calendar"),
         ("school", "November", "ILTs complete first 6-week inquiry cycle"),
         ("district", "February", "ILT rubric self-assessment shows growth in 70% of schools"),
         ("school", "May", "ILTs complete three cycles; agendas show instruction focus")],
 "attend": [("district", "October", "Attendance teams in every school review weekly reports"),
            ("school", "December", "Outreach within 48 hours for 90% of third absences"),
            ("district", "March", "Chronic absence down 3 pts for low-income students"),
            ("school", "May", "Mentoring in place for 85% of Tier 2 attendance students")],
}
OWNERS_U = {"district": "Chief Academic Officer / DILT", "school": "Principal & ILT"}
OWNERS_S = {"district": "Superintendent & Asst. Supt.", "school": "Building principal"}
FREQ_U = {"district": "Monthly (DILT)", "school": "Every six weeks (ILT)"}
FREQ_S = {"district": "Monthly (leadership team)", "school": "Every six weeks"}

def bench_for(sp, T):
    g = set(sp["gaps"].get("monitoring", []))
    n = sp.get("bench_n", [4] * len(T))
    res = []
    for i, t in enumerate(T):
        pool = BENCH[[k for k, v in THEMES.items() if v is t][0]]
        if "district" in g: pool = [b for b in pool if b[0] == "school"] + [("school", "June", "School-level EOY walkthrough data shows 80% implementation")]
        if "school" in g: pool = [b for b in pool if b[0] == "district"] + [("district", "June", "District EOY i-Ready: 10-pt gain in students on track"), ("district", "January", "District MOY walkthrough summary shows 65% of classrooms meeting look-fors")]
        k = min(n[i], len(pool))
        res.append(pool[:k])
    return res

def sec_monitoring(sp, U, T, S, pnames):
    g = set(sp["gaps"].get("monitoring", []))
    B = bench_for(sp, T)
    own = OWNERS_U if U else OWNERS_S
    FREQ = FREQ_U if U else FREQ_S
    style = sp.get("bench_style", "bullets")
    out = []
    lv = [x for x in ("district", "school") if x not in g]
    if "owner" not in g and "freq" not in g:
        if U: parts = {"district": "district-level benchmarks are monitored by the DILT (chaired by the Chief Academic Officer) monthly", "school": "school-level benchmarks are monitored by each principal and ILT every six weeks, with results reported to the DILT"}
        else: parts = {"district": "the superintendent and assistant superintendent check the district benchmarks every month at our leadership meeting", "school": "each principal checks the school benchmarks with their team every six weeks"}
        t_ = "; ".join(parts[x] for x in lv) + "."
        out.append(("p", t_[0].upper() + t_[1:]))
    elif "owner" in g and "freq" not in g:
        out.append(("p", "Benchmarks will be reviewed monthly" + (", and school-level data every six weeks." if "school" in lv else ".") if U else "We'll look at these every month."))
    elif "freq" in g and "owner" not in g:
        if U: out.append(("p", "; ".join({"district": "The DILT will monitor district benchmarks", "school": "principals and ILTs will monitor school benchmarks"}[x] for x in lv) + "."))
        else: out.append(("p", "Our leadership team and principals will keep an eye on these."))
    for i, (t, bl) in enumerate(zip(T, B)):
        out.append(("h3", f"{pnames[i]} benchmarks" if len(T) > 1 else "Interim benchmarks"))
        if style == "table":
            hdr = ["When", "Benchmark", "Level"] + ([] if "owner" in g else ["Who monitors"]) + ([] if "freq" in g else ["How often"])
            rows = []
            for lv, when, txt in bl:
                r = [when, txt, "District" if lv == "district" else "School"]
                if "owner" not in g: r.append(own[lv])
                if "freq" not in g: r.append(FREQ[lv])
                rows.append(r)
            out.append(("table", hdr, rows))
        else:
            items = []
            for j, (lv, when, txt) in enumerate(bl):
                extra = []
                if "owner" not in g: extra.append(own[lv])
                if "freq" not in g: extra.append(FREQ[lv][0].lower() + FREQ[lv][1:])
                lvl = "District" if lv == "district" else "School"
                s = f"{when}: {txt} [{lvl}]" + (f" ({'; '.join(extra)})" if extra else "")
                items.append(s)
                if sp.get("traps", {}).get("meeting_schedule") and j == 1:
                    items.append("DILT meeting: 2nd Tuesday of each month, 3:30-5:00")
                if sp.get("traps", {}).get("meeting_schedule") and j == 2:
                    items.append("ILT meetings: biweekly (Thursdays); principal PLC monthly")
            out.append(("ul", items))
    if "work" not in g:
        out.append(("p", "Student work: at the district level the DILT reviews a sample of student work from each school each quarter; at the school level ILTs run LASW cycles with common tasks; at the classroom level teachers analyze exit tickets and writing samples weekly in CPT." if U and "freq" not in g else
                         "Student work: the DILT reviews a sample of student work from each school; ILTs run LASW cycles with common tasks; teachers analyze exit tickets and writing samples in CPT." if U else
                         "We'll also look at student work together: teachers bring samples to team time, principals pull a sample for the leadership team, and the district looks across schools." ))
    return out, sum(len(b) for b in B), B

def sec_resources(sp, U, T, S):
    g = set(sp["gaps"].get("resources", []))
    L = []
    if U:
        if "internal" not in g: L.append("Internal: Title I and ESSER III funds for 6 instructional coaches; TAG funds for ILT stipends; restructured schedule providing 45 min CPT; Office of ELL staff for co-planning support.")
        if "external" not in g: L.append("External: DESE SSoS regional assistance team; CSDP HQIM supports; Mass Literacy/Literacy Launch; partnership with an IM-certified PD provider; local university for ESL licensure cohort.")
        if "budget" not in g:
            L.append("ESSA budget review: the resource allocation review found that per-pupil spending at identified schools was 7% below the district average after staffing; this plan reallocates 2.0 coach FTE and TAG-funded stipends to those schools." if "internal" not in g else
                     "ESSA budget review: our review found identified schools were under-resourced relative to others; this plan prioritizes those schools for DESE and partner supports.")
        return [("ul", L)]
    P = []
    if "internal" not in g: P.append("Inside the district, we're using Title I and ESSER money to keep our literacy coach and add a half-time math coach, and we rebuilt the schedule so grade teams get planning time.")
    if "external" not in g: P.append("From outside, we're leaning on our SSoS regional assistance team, DESE's curriculum support, and a partnership with a PD provider for the curriculum rollout.")
    if "budget" not in g:
        P.append("When we did the ESSA budget review, we found our smallest school was getting less per student for coaching and materials; this plan fixes that by giving it its own coaching days." if "internal" not in g else
                 "Our ESSA budget review showed our smallest school gets less per student; we'll send outside support there first.")
    return [("p", x) for x in P]

def sec_diff(sp, U, T, S):
    g = set(sp["gaps"].get("differentiation", []))
    if "schools" in g:
        if U: return [("ul", ["Tier 3 (schools requiring assistance): weekly coaching, biweekly DILT liaison visits, priority access to PD.",
                              "Tier 2 (other schools needing more support, identified from MOY data): biweekly coaching and targeted learning walks.",
                              "Tier 1: monthly network PD."])]
        return [("p", "Schools that the state identifies as needing assistance will get more coaching time and more visits from central office. Other schools that need more help will get it based on what we see in our mid-year data.")]
    if U:
        return [("ul", [f"Tier 3 \u2013 {S[0]} and {S[1]} (identified as requiring assistance): weekly embedded coaching, biweekly DILT liaison visits, priority for PD and TAG stipends.",
                        f"Tier 2 \u2013 {S[2]} (needs more support per MOY data): biweekly coaching and targeted learning walks.",
                        f"Tier 1 \u2013 {S[3]} and all other schools: monthly network PD and access to the coaching menu."])]
    return [("p", f"{S[0]} is identified as requiring assistance, so it gets the most: a coach in the building three days a week and monthly visits from the assistant superintendent. {S[2]} needs more support too based on our data, so it gets a coach two days a week. Everyone else gets our regular PD.")]

PLACEHOLDERS = ["Click or tap here to enter text.", "[Insert response here]", "TBD", "TBD \u2013 DILT to finalize in August"]

def build(sp):
    P = Plan(); P.spec = sp
    U = sp["voice"] in ("urban", "formal")
    T = [THEMES[k] for k in sp["themes"]]
    S = schools(sp["district"])
    heads = sp.get("heads") or HEAD_STYLES[sp.get("head_style", "guidance")]
    states = {s: sp.get("states", {}).get(s, "present") for s in SECTIONS}
    pr_blocks, per = sec_priorities(sp, U, T, S)
    pnames = [b[0][1].split(":")[0] for b in per]
    mon, nb, B = sec_monitoring(sp, U, T, S, pnames)
    bodies = {"priorities": pr_blocks, "analysis": sec_analysis(sp, U, T, S), "stakeholder_engagement": sec_stake(sp, U, T, S),
              "outcomes": sec_outcomes(sp, U, T, S), "role_clarity": sec_roles(sp, U, T, S), "monitoring": mon,
              "resources": sec_resources(sp, U, T, S), "differentiation": sec_diff(sp, U, T, S)}
    if sp["voice"] == "formal":
        import voice_formal as F
        pr_blocks, per = F.priorities(sp, T, S, pnames)
        if sp.get("strategic_mention"): pr_blocks = [("p", sp["strategic_mention"])] + pr_blocks
        bodies.update(priorities=pr_blocks, analysis=F.analysis(sp, T, S), stakeholder_engagement=F.stake(sp, T, S),
                      outcomes=F.outcomes(sp, T, S), role_clarity=F.roles(sp, T, S), resources=F.resources(sp, T, S),
                      differentiation=F.diff(sp, T, S))
    for sid, extra in sp.get("extra", {}).items():
        bodies[sid] = bodies[sid] + [("p", x) for x in extra]
    for sid, extra in sp.get("extra_before", {}).items():
        bodies[sid] = [("p", x) for x in extra] + bodies[sid]
    P.per_priority = per; P.bench = B; P.pnames = pnames
    P.sections = []
    for i, s in enumerate(SECTIONS):
        st = states[s]
        if st == "missing": continue
        body = bodies[s]
        if st == "empty":
            ek = sp.get("empty_kind", {}).get(s, "placeholder")
            body = [("p", PROMPTS[i])] if ek == "prompt" else [("p", sp.get("placeholder", PLACEHOLDERS[_h(sp['id'] + s) % 4]))]
        P.sections.append(dict(id=s, idx=i, head=heads[i], prompt=PROMPTS[i], state=st, body=body))
    # truth
    npri = 0 if states["priorities"] != "present" else len(T)
    findings = []
    def add(code, sec, items=()):
        if states[sec] == "present": findings.append({"code": "ssos::" + code, "section": sec, "items": list(items)})
    g = sp["gaps"]
    if not any(t["clsp"] for t in T): add("priorities::no-clsp-focus", "priorities")
    it = [x for x in ["educator_practice", "student_experience", "equity_gaps"] if x in g.get("priorities", [])]
    if it: add("priorities::prompt-unanswered", "priorities", it)
    a = g.get("analysis", [])
    it = [x for x in ["student_outcomes", "instruction", "stakeholder_perspectives", "systems_structures"] if x in a]
    if it: add("analysis::data-area-missing", "analysis", it)
    if "student_groups" in a: add("analysis::no-student-groups", "analysis")
    if "student_work" in a: add("analysis::no-student-work", "analysis")
    st_ = g.get("stakeholder_engagement", [])
    it = [x for x in ["students", "families", "educators", "school_leaders", "community"] if x in st_]
    if it: add("stakeholders::group-missing", "stakeholder_engagement", it)
    if "identified" in st_: add("stakeholders::no-identified-school-input", "stakeholder_engagement")
    if "ongoing" in st_: add("stakeholders::no-ongoing-engagement", "stakeholder_engagement")
    o = g.get("outcomes", [])
    if "acct" in o: add("outcomes::no-accountability-targets", "outcomes")
    if "groups" in o: add("outcomes::no-student-group-targets", "outcomes")
    it = [x for x in ["central_office", "school_leaders", "teachers"] if x in g.get("role_clarity", [])]
    if it: add("roles::level-missing", "role_clarity", it)
    m = g.get("monitoring", [])
    if any(len(b) > 5 for b in B): add("monitoring::too-many-benchmarks", "monitoring")
    if "owner" in m: add("monitoring::no-owner", "monitoring")
    if "freq" in m: add("monitoring::no-frequency", "monitoring")
    it = [x for x in ["district", "school"] if x in m]
    if it: add("monitoring::level-missing", "monitoring", it)
    if "work" in m: add("monitoring::no-student-work", "monitoring")
    r = g.get("resources", [])
    it = [x for x in ["internal", "external"] if x in r]
    if it: add("resources::kind-missing", "resources", it)
    if "budget" in r: add("resources::no-budget-equity", "resources")
    if "schools" in g.get("differentiation", []): add("differentiation::no-schools-listed", "differentiation")
    status = "fail" if any(v != "present" for v in states.values()) or npri == 0 or npri > 2 else "pass"
    P.truth = {"file": sp["file"], "district": sp["district"], "sections": states, "status": status,
               "priorities": npri, "benchmarks": nb if states["monitoring"] == "present" else (None if states["monitoring"] == "missing" else 0),
               "findings": findings, "notes": (re.sub(r"(small-district first person plural|urban acronym voice|small-district voice|urban voice); ?", "", sp.get("notes", "")) +
                                               "; voice: " + VOICE_DESC[sp["voice"]])}
    if states["monitoring"] != "present": P.truth["benchmarks"] = 0
    return P

def block_text(b):
    if b[0] in ("p", "h3"): return [b[1]]
    if b[0] == "ul": return list(b[1])
    if b[0] == "table": return [" ".join(r) for r in b[2]]
    return []
