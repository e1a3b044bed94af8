"""Priority topics: the instructional substance a plan is about.
Strings use {placeholders} filled from the plan context (see context.py)."""

LIT = dict(
    key="lit", short="literacy", clsp=True, subject="ELA",
    name="Culturally and linguistically sustaining, grade-level literacy instruction",
    stmt=("Every K-8 classroom will deliver grade-appropriate, culturally and linguistically sustaining literacy "
          "instruction through our adopted high-quality curriculum ({cur_lit}), so that all students, and especially "
          "our multilingual learners and students with disabilities, read, discuss and write about complex, "
          "grade-level texts every day."),
    stmt_bare=("Full and faithful implementation of our {cur_lit} literacy curriculum in grades K-8, taught as "
               "culturally and linguistically sustaining, grade-appropriate instruction."),
    stmt_T="CLSP, grade-level literacy K-8 through HQIM ({cur_lit})",
    practice=("Teachers will move away from leveled, teacher-led reading groups toward whole-class work with the "
              "grade-level text, using the curriculum's scaffolds and language supports rather than replacing the text "
              "with an easier one. Grade-level teams will internalize each unit together before teaching it and will "
              "bring in texts and discussion routines that honor students' home languages and cultures."),
    practice_T="whole-class grade-level text; scaffold, don't simplify; team unit internalization; texts that reflect students",
    student=("Students will spend more of the literacy block actually reading, talking and writing about rich texts; "
             "they will see their own languages, families and neighborhoods in what they read, and they will have "
             "a daily chance to argue from evidence with a partner before writing."),
    student_T="more time reading/writing/talking about grade-level text; see themselves in texts; daily partner talk",
    gap=("This priority targets the ELA achievement gap between English learners and their non-EL classmates "
         "(a {gap_el} point difference in meeting expectations), the gap for students with disabilities, and the "
         "opportunity gap created when those students were routinely placed in below-grade-level groups."),
    gap_T="EL vs non-EL ELA gap ({gap_el} pts); SWD ELA gap; access to grade-level text",
    out_data=("On the spring 2022 ELA MCAS, {ela_all}% of students in grades 3-8 met or exceeded expectations. "),
    out_groups=("Only {ela_el}% of English learners and {ela_swd}% of students with disabilities met expectations, and "
                "Hispanic/Latino students trailed white students by {gap_hisp} points."),
    instr_data=("District learning walks found the grade-level text in use in only {walk}% of observed literacy blocks; "
                "most time went to small groups reading below-grade-level books."),
    work=("When grade 4 and grade 7 teams looked at student writing from the same unit, most pieces retold the text instead "
          "of using evidence. Across the whole sample the pattern was the same, but at the student level, ELs' drafts "
          "showed strong ideas with little access to academic vocabulary."),
    work_agg=("When grade 4 and grade 7 teams looked at student writing from the same unit, most pieces retold the text "
              "instead of using evidence, and very few included a counterclaim."),
    acct_agg=("raise the share of grade 3-8 students meeting or exceeding expectations on ELA MCAS from {ela_all}% to "
              "{ela_all_t}% and meet our ELA achievement and growth accountability targets (mean SGP of at least 50)"),
    acct_groups=("for English learners, raise ELA meeting/exceeding from {ela_el}% to {ela_el_t}% and meet the EL progress "
                 "target ({access_t}% of ELs making progress on ACCESS); for students with disabilities, from {ela_swd}% to "
                 "{ela_swd_t}%"),
    other="share of literacy blocks using the grade-level text on learning walks ({walk}% now); end-of-module task scores",
    bms=[("district", "{bm1}% of observed K-8 literacy blocks use the grade-level text with its embedded language supports, on district learning walks"),
         ("district", "the share of ELs and students with disabilities scoring proficient on end-of-module assessments rises by {bm2} points"),
         ("school", "every grade-level team completes a unit-internalization cycle before each new module"),
         ("school", "{bm3}% of students in each school write an evidence-based response on the module performance task")],
)

MATH = dict(
    key="math", short="math", clsp=True, subject="Mathematics",
    name="Grade-appropriate, student-centered mathematics with rich discourse",
    stmt=("All students in grades 3-8 will experience grade-appropriate, culturally and linguistically sustaining mathematics "
          "instruction using {cur_math}, with daily opportunities to reason, explain and build on each other's thinking, "
          "so that multilingual learners, students with disabilities and students of color have full access to "
          "grade-level math."),
    stmt_bare="Implementation of {cur_math} as grade-appropriate, culturally and linguistically sustaining math instruction in grades 3-8.",
    stmt_T="grade-level, CLSP math 3-8 with {cur_math}; daily student discourse",
    practice=("Teachers will launch problems and let students wrestle with them before showing a method, use the "
              "curriculum's math language routines, and orchestrate the lesson synthesis around student work rather "
              "than a teacher demonstration."),
    practice_T="students wrestle first; math language routines; synthesis from student work",
    student=("Students will do more of the talking and the thinking: explaining strategies, critiquing each other's "
             "reasoning, and using their home language as a resource while they build academic math language."),
    student_T="students do the talking/thinking; explain and critique; home language as a resource",
    gap=("This priority addresses the math achievement gaps for ELs ({gap_el_m} points below non-ELs) and for students with "
         "disabilities, and the opportunity gap in grade 8 algebra-ready coursework for Black and Hispanic students."),
    gap_T="EL math gap ({gap_el_m} pts); SWD math gap; gr 8 algebra access for Black & Hispanic students",
    out_data="On the 2022 Math MCAS, {math_all}% of students in grades 3-8 met or exceeded expectations. ",
    out_groups="English learners were at {math_el}% and students with disabilities at {math_swd}%; Black and Hispanic students were under-enrolled in grade 8 accelerated math.",
    instr_data="Walkthroughs showed students talking about math in fewer than {walk_m}% of observed lessons; teachers did most of the explaining.",
    work="Grade 5 and grade 6 exit tickets showed students could run procedures but rarely explained why. Student-level review showed ELs often had a correct strategy but no written explanation.",
    work_agg="Grade 5 and grade 6 exit tickets showed students could run procedures but rarely explained why.",
    acct_agg="raise grade 3-8 Math MCAS meeting/exceeding from {math_all}% to {math_all_t}% and meet our math achievement and growth accountability targets",
    acct_groups="for English learners, from {math_el}% to {math_el_t}%; for students with disabilities, from {math_swd}% to {math_swd_t}%, meeting the student-group targets in our accountability report",
    other="share of observed lessons where students explain reasoning; i-Ready math diagnostic growth",
    bms=[("district", "in {bm1}% of math lessons on district walkthroughs, students explain their reasoning to peers"),
         ("district", "the gap in typical growth between ELs/students with disabilities and all students on the winter i-Ready math diagnostic narrows by {bm2} points"),
         ("school", "each school's math teachers use a math language routine in at least {bm3}% of observed lessons"),
         ("school", "grade-level teams review exit tickets from each unit and regroup students for the next week")],
)

ML = dict(
    key="ml", short="multilingual learners", clsp=True, subject="ELA and ELD",
    name="Language-rich, grade-level instruction for multilingual learners",
    stmt=("Strengthen culturally and linguistically sustaining, grade-appropriate core instruction for our multilingual "
          "learners, so that ELs at every proficiency level engage with grade-level content while developing "
          "academic English and keeping their home languages."),
    stmt_bare="Culturally and linguistically sustaining, grade-appropriate core instruction for multilingual learners in every classroom.",
    stmt_T="CLSP grade-level core instruction for MLs at every ELP level",
    practice=("General education and ESL teachers will co-plan lessons with clear language objectives, use structured "
              "academic conversation routines, and give ELs the same grade-level tasks with supports instead of "
              "separate, easier work."),
    practice_T="gen ed + ESL co-planning; language objectives; structured talk; same task with supports",
    student=("Multilingual learners will hear and use academic language all day, not only during ESL; they will be "
             "able to draft in Spanish, Portuguese or Haitian Creole before writing in English, and will see their "
             "bilingualism treated as a strength."),
    student_T="academic language all day; translanguaging in drafts; bilingualism as asset",
    gap=("The gap in ELA and math achievement between ELs and non-ELs, the low rate of ELs making progress toward "
         "English proficiency ({access_prog}%), and the under-representation of former ELs in advanced coursework."),
    gap_T="EL/non-EL achievement gap; ELs making ACCESS progress only {access_prog}%; former ELs in advanced courses",
    out_data="{access_prog}% of ELs made progress toward English proficiency on ACCESS in 2022 and {ela_all}% of all students met expectations in ELA. ",
    out_groups="ELs met expectations in ELA at {ela_el}%, and long-term ELs (6+ years) made the least progress of any group.",
    instr_data="Of {n_obs} classroom observations, {walk}% had a posted and used language objective; ELs were often pulled out during core ELA.",
    work="A look at ELs' science notebooks showed strong content understanding in drawings and Spanish notes that never reached the English written response. Aggregate writing scores hid that pattern.",
    work_agg="A look at science notebooks showed strong content understanding in drawings that never reached the written response.",
    acct_agg="meet the district's EL progress accountability target by raising the share of ELs making progress on ACCESS from {access_prog}% to {access_t}%, and raise ELA meeting/exceeding overall from {ela_all}% to {ela_all_t}%",
    acct_groups="for ELs, raise ELA meeting/exceeding from {ela_el}% to {ela_el_t}%; for former ELs, hold at or above the all-student rate",
    other="share of observed lessons with a language objective that students use; reclassification rate",
    bms=[("district", "{bm1}% of observed core lessons have a language objective that students use in talk or writing"),
         ("district", "ELs' interim ACCESS-aligned writing samples improve by one rubric level for {bm2}% of students"),
         ("school", "each school has gen ed/ESL co-planning time at least weekly for every grade with ELs"),
         ("school", "{bm3}% of ELs in each school complete the grade-level performance task with supports")],
)

BELONG = dict(
    key="belong", short="belonging", clsp=False, subject="school climate",
    name="Students' sense of belonging and a safe, supportive learning environment",
    stmt=("Build a learning environment in every school where each student feels known, safe and valued, by "
          "establishing daily advisory/morning meeting, consistent relationship-centered routines, and a staff "
          "member who checks in with every student."),
    stmt_bare="Strengthen the learning environment and students' sense of belonging in all schools.",
    stmt_T="belonging + learning environment: advisory, routines, adult check-ins",
    practice=("Staff will run a daily morning meeting or advisory, use restorative conversations instead of removal for "
              "most incidents, and greet and check in with students by name."),
    practice_T="daily advisory; restorative conversations; greet every student",
    student=("Students will start each day with a trusted adult, spend less time out of class for discipline, and have "
             "real chances to shape classroom norms."),
    student_T="trusted adult daily; less time out of class; students shape norms",
    gap=("Black and Hispanic students and students with disabilities are suspended at two to three times the rate of "
         "their peers, and chronic absenteeism is highest among low-income students ({chronic}%)."),
    gap_T="discipline disproportionality (Black, Hispanic, SWD); chronic absence {chronic}% low-income",
    out_data="{chronic}% of students were chronically absent in 2021-22. ",
    out_groups="Out-of-school suspension rates for Black students and students with disabilities were more than double the district rate.",
    instr_data="Walkthroughs found community-building routines in only {walk}% of classrooms.",
    work="Student reflection journals from advisory pilots showed students rarely named an adult they would go to. Low-income students named one even less often.",
    work_agg="Student reflection journals from advisory pilots showed students rarely named an adult they would go to.",
    acct_agg="meet our chronic absenteeism accountability target by reducing the chronic absence rate from {chronic}% to {chronic_t}%",
    acct_groups="for students with disabilities and low-income students, reduce chronic absence by at least {chronic_drop} points each, per our student-group targets",
    other="VOCAL belonging items; office referrals by student group",
    bms=[("district", "chronic absenteeism falls to {chronic_mid}% by February"),
         ("district", "suspension rates for Black students and students with disabilities fall by {bm2}%"),
         ("school", "advisory/morning meeting observed in {bm1}% of classrooms in each school"),
         ("school", "{bm3}% of students in each school name a trusted adult on the pulse survey")],
)

ILT = dict(
    key="ilt", short="instructional leadership teams", clsp=False, subject="leadership",
    name="Effective school and district Instructional Leadership Teams",
    stmt=("Build and sustain high-functioning Instructional Leadership Teams in every school and a District "
          "Instructional Leadership Team that use data cycles to improve instruction."),
    stmt_bare="Create and sustain school and district Instructional Leadership Teams.",
    stmt_T="high-functioning school ILTs + DILT running data cycles",
    practice=("Principals and teacher leaders will run ILT meetings with a shared agenda, set a focus for each cycle, "
              "observe classrooms together and bring feedback back to teams."),
    practice_T="ILT cycles; shared agenda; joint observation; feedback to teams",
    student=("Students will see more consistent expectations from class to class because teachers are working from a "
             "common instructional focus."),
    student_T="consistent expectations across classrooms",
    gap=("Schools serving the most low-income students and ELs have the least stable leadership and the least time "
         "for collaborative planning."),
    gap_T="least stable leadership in schools with most low-income students/ELs",
    out_data="Only {ilt_n} of our schools had an ILT that met at least twice a month in 2022-23, and {ela_all}% of students met expectations in ELA. ",
    out_groups="Schools with the highest share of ELs had the lowest ILT meeting rates.",
    instr_data="ILT self-assessments rated 'using observation data' as the weakest practice.",
    work="ILTs that looked at student work together were rare; where they did, they found tasks below grade level. Individual student portfolios showed the same.",
    work_agg="ILTs that looked at student work together were rare; where they did, they found tasks below grade level.",
    acct_agg="meet our overall ELA and math accountability targets (criterion-referenced target percentage of at least 75%)",
    acct_groups="meet targets for our lowest performing students and for ELs and SWD in each school",
    other="ILT meeting frequency; ILT rubric self-assessment",
    bms=[("district", "every school ILT meets at least twice a month with a posted cycle focus ({bm1}% of schools by December)"),
         ("district", "DILT completes {bm2} data cycles"),
         ("school", "ILT walkthroughs completed for {bm3}% of classrooms per cycle"),
         ("school", "each ILT shares a cycle summary with staff")],
)

MTSS = dict(
    key="mtss", short="MTSS", clsp=False, subject="tiered support",
    name="A coherent Multi-Tiered System of Support",
    stmt="Establish a consistent Multi-Tiered System of Support in every school, with common screeners, intervention blocks and student support teams.",
    stmt_bare="Establish a consistent Multi-Tiered System of Support in every school.",
    stmt_T="coherent MTSS: screeners, intervention block, SST",
    practice="Teachers will use the universal screener, meet in data teams and deliver Tier 2 intervention in a protected block.",
    practice_T="universal screener; data teams; protected Tier 2 block",
    student="Students who struggle will get help sooner and will not be pulled from core instruction for it.",
    student_T="help sooner; not pulled from core",
    gap="Students with disabilities and ELs are over-referred for special education evaluation in some schools.",
    gap_T="over-referral of SWD/ELs",
    out_data="{ela_all}% of students met expectations in ELA on the 2022 MCAS. ",
    out_groups="Referral rates for ELs were twice those of non-ELs.",
    instr_data="Observations found Tier 1 differentiation in {walk}% of classrooms.",
    work="Intervention work samples were mostly worksheets below grade level, for every student group.",
    work_agg="Intervention work samples were mostly worksheets below grade level.",
    acct_agg="meet our ELA and math achievement accountability targets",
    acct_groups="meet targets for high needs students, ELs and SWD",
    other="screener completion; intervention attendance",
    bms=[("district", "universal screener administered to {bm1}% of students"),
         ("district", "SST referrals for ELs fall by {bm2}%"),
         ("school", "intervention block protected in every schedule"),
         ("school", "{bm3}% of Tier 2 students move tiers")],
)

# extra benchmarks for the "too many benchmarks" plans
EXTRA_BMS = [
    ("district", "all K-8 teachers complete the summer curriculum institute"),
    ("district", "coaching logs show at least two coaching cycles per teacher"),
    ("school", "principals complete ten walkthroughs a week"),
    ("school", "grade-level teams keep minutes of every common planning meeting"),
    ("district", "curriculum materials are in every classroom by September 15"),
    ("school", "family literacy nights held twice a year at each school"),
]

TOPICS = dict(lit=LIT, math=MATH, ml=ML, belong=BELONG, ilt=ILT, mtss=MTSS)
