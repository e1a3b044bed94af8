"""Third voice: the guidance's own words, long narrative paragraphs (a mid-size district's formal write-up)."""
import re

def _strip(x):
    y = re.sub(r"^[A-Za-z ]+: ", "", x, count=1)
    return y[0].upper() + y[1:]

def priorities(sp, T, S, pnames):
    g = set(sp["gaps"].get("priorities", []))
    per = []
    for i, t in enumerate(T):
        blk = [("h3", f"{pnames[i]}: {t['name_u']}")]
        txt = []
        if "educator_practice" not in g: txt.append("The meaningful changes in educator practice that are the focus of this priority are as follows. " + _strip(t["practice_u"]))
        if "student_experience" not in g: txt.append("As a result of this focus, the meaningful changes students will experience in their learning are these: " + _strip(t["exper_u"]))
        if "equity_gaps" not in g: txt.append("This priority will address the following specific equity and opportunity gaps, which are aligned to our Student Opportunity Act plan. " + _strip(t["gaps_u"]))
        blk += [("p", x) for x in txt]
        per.append(blk)
    return [b for blk in per for b in blk], per

def analysis(sp, T, S):
    g = set(sp["gaps"].get("analysis", []))
    t = T[0]; subj = "ELA" if t["subj"] == "attendance" else t["subj"]
    P = []
    if "student_outcomes" not in g: P.append(f"The data that led us to recommit to this priority begins with student outcomes. In spring 2023, 34% of students in grades 3-8 met or exceeded expectations on the {subj} MCAS, compared with 41% statewide, and the district's mean student growth percentile (44) remained below the state.")
    if "instruction" not in g: P.append("Instructional data from 180 classroom observations conducted jointly by district and school leaders showed that students were engaged in grade-appropriate tasks in 45% of observed lessons, and that teacher talk dominated most lessons.")
    if "stakeholder_perspectives" not in g: P.append("Stakeholder perspective data, including VOCAL results and the district's spring student experience survey, indicate that students in grades 5-8 report lower levels of academic challenge and belonging than students in earlier grades.")
    if "systems_structures" not in g: P.append("Our analysis of systems and structures revealed that common planning time is not consistently scheduled across schools and that instructional coaching has not been aligned to the adopted curriculum.")
    if "student_groups" not in g: P.append("Disaggregated data point to specific equity gaps: English learners (16% meeting or exceeding expectations), students with disabilities (10%), and economically disadvantaged students (24%) are furthest from grade-level expectations, and the gap for English learners has widened since 2019.")
    if "student_work" not in g: P.append("Themes from looking at student work, drawn from a district-wide review of student writing samples in grades 3, 5 and 7, show that students can recall information but seldom construct an argument supported by evidence.")
    P.append("The underlying systemic factors that contribute to these findings include inconsistent implementation of high-quality instructional materials and limited structures for collaborative planning." +
             ("" if "student_groups" in g else " Using the Data Equity Pause Protocol, our team noted that English learners and students with disabilities more often experience instruction outside the core classroom."))
    return [("p", x) for x in P]

def stake(sp, T, S):
    g = set(sp["gaps"].get("stakeholder_engagement", []))
    P = []
    if "students" not in g: P.append(f"Input from students, gathered through listening sessions with student councils at {S[2]} and {S[3]}, informed the priority: students described wanting more opportunities to discuss ideas and to read texts connected to their lives.")
    if "families" not in g: P.append("Input from families was collected through a multilingual family survey (742 responses) and two meetings of the District Parent Advisory Council; families asked for clearer communication about grade-level expectations, which shaped our family engagement actions.")
    if "educators" not in g: P.append("Educators contributed through a staff survey and through representatives of the teachers' association on the planning committee; their request for collaborative planning time is reflected in the design of this plan.")
    if "school_leaders" not in g: P.append("School leaders participated in three planning sessions and helped select the interim benchmarks.")
    if "community" not in g: P.append("Community stakeholders, including the public library, the YMCA and a local community health center, reviewed the draft plan and committed to aligning their out-of-school programming.")
    if "identified" not in g: P.append(f"In the schools identified as requiring assistance, {S[0]} and {S[1]}, the School Councils and instructional leadership teams reviewed the draft; they asked that coaching be delivered in classrooms rather than in after-school workshops, and the plan was revised accordingly.")
    if "ongoing" not in g: P.append("Stakeholders will be continuously engaged in implementation and monitoring through twice-yearly progress presentations to the School Committee, quarterly updates to School Councils, and a mid-year survey of students and staff.")
    return [("p", x) for x in P]

def outcomes(sp, T, S):
    g = set(sp["gaps"].get("outcomes", []))
    t = T[0]; subj = "ELA" if t["subj"] == "attendance" else t["subj"]
    P = []
    if "acct" not in g: P.append(f"As a result of focusing on this priority, the district expects to meet the following accountability targets in the aggregate: an increase in the {subj} MCAS average scaled score for all students from 485.0 to 488.0, and a reduction in chronic absenteeism from 22% to 18%.")
    if "groups" not in g:
        P.append("For specific student groups, the district will meet its targets for English learners (meeting or exceeding from 16% to 21%), students with disabilities (10% to 14%), and the lowest performing students group." if "acct" not in g else
                 "For specific student groups, we will track the percentage of English learners meeting their ACCESS progress targets (from 38% to 46%) and students with disabilities reaching typical growth on the i-Ready diagnostic (from 30% to 40%).")
    P.append("In addition to accountability targets, the district will track i-Ready diagnostic growth, classroom observation look-fors, and student survey results for signs of progress.")
    return [("p", x) for x in P]

def roles(sp, T, S):
    g = set(sp["gaps"].get("role_clarity", []))
    P = ["Our strategy to ensure that all stakeholders understand their role is a vertical alignment map, shared at the August leadership institute and revisited each quarter."]
    if "central_office" not in g: P.append("The district's central office will consistently support school leaders by providing curriculum-aligned professional learning, assigning instructional coaches, conducting monthly school visits with principals, and protecting common planning time in the master schedule.")
    if "school_leaders" not in g: P.append("School leaders will consistently support teacher practice by observing classrooms weekly, providing actionable feedback, and facilitating collaborative planning focused on the curriculum.")
    if "teachers" not in g: P.append("Teachers will consistently support student learning by preparing lessons collaboratively, implementing the curriculum as designed, and using formative assessment to adjust instruction.")
    return [("p", x) for x in P]

def resources(sp, T, S):
    g = set(sp["gaps"].get("resources", []))
    P = []
    if "external" not in g: P.append("The district will leverage external resources including the SSoS regional assistance team, DESE's curriculum and instruction supports, and a professional learning partnership with a curriculum-certified provider.")
    if "internal" not in g: P.append("Internal resources include instructional coaches funded through Title I and ESSER, Targeted Assistance Grant funds for teacher leadership stipends, and a revised schedule that provides common planning time.")
    if "budget" not in g: P.append("The district's review of local district and school budgeting data, as required by ESSA, found that schools identified as requiring assistance received fewer coaching hours per teacher; implementation of this plan addresses this inequity by assigning full-time coaches to those schools first.")
    return [("p", x) for x in P]

def diff(sp, T, S):
    g = set(sp["gaps"].get("differentiation", []))
    if "schools" in g:
        return [("p", "The district will differentiate assistance based on each school's accountability status and mid-year data. Schools identified as requiring assistance will receive the most intensive support, including weekly coaching and additional district visits; other schools that need more support will receive targeted coaching cycles.")]
    return [("p", f"The district will differentiate assistance as follows. {S[0]} and {S[1]}, identified by the accountability system as requiring assistance, will receive weekly in-classroom coaching, monthly district walkthroughs, and priority access to professional learning. {S[2]}, which needs more support with this priority based on mid-year data, will receive a six-week coaching cycle each semester. All other schools will receive network professional learning.")]
