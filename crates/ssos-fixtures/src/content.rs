//! Plan prose, in our own words, varied by district.

use crate::{Benchmark, Plan, SectionId};

/// Small deterministic RNG (splitmix64) seeded from the district name.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub(crate) fn from_name(name: &str) -> Rng {
        // FNV-1a
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in name.to_lowercase().bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h)
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub(crate) fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }
    pub(crate) fn pick<'a>(&mut self, opts: &[&'a str]) -> &'a str {
        opts[(self.next() % opts.len() as u64) as usize]
    }
}

pub(crate) fn long_name(district: &str) -> String {
    match district.trim().to_lowercase().as_str() {
        "" => return String::new(),
        "athol-royalston" => return "Athol-Royalston Regional School District".into(),
        "gateway" => return "Gateway Regional School District".into(),
        "orange" => return "Orange Elementary Schools".into(),
        _ => {}
    }
    if district.contains("Regional") || district.contains("Public Schools") {
        district.to_string()
    } else {
        format!("{district} Public Schools")
    }
}

struct Profile {
    schools: [String; 3],
    languages: &'static str,
}

fn profile(district: &str) -> Profile {
    let s = |a: &str, b: &str, c: &str| [a.to_string(), b.to_string(), c.to_string()];
    let (schools, languages) = match district.to_lowercase().as_str() {
        "lowell" => (
            s("Bartlett Community Partnership School", "Murkland Elementary School", "Robinson Middle School"),
            "Spanish, Khmer and Portuguese",
        ),
        "fall river" => (
            s("Henry Lord Community School", "Matthew J. Kuss Middle School", "William S. Greene Elementary School"),
            "Portuguese, Spanish and Cape Verdean Creole",
        ),
        "springfield" => (
            s("Brightwood Elementary School", "Chestnut South Middle School", "Homer Street Elementary School"),
            "Spanish, Arabic and Swahili",
        ),
        "chelsea" => (
            s("Clark Avenue Middle School", "Joseph A. Browne Middle School", "Edgar A. Hooks Elementary School"),
            "Spanish, K'iche' and Arabic",
        ),
        "lynn" => (
            s("Cobbet Elementary School", "Robert L. Ford Elementary School", "Thurgood Marshall Middle School"),
            "Spanish, Khmer and Haitian Creole",
        ),
        "taunton" => (
            s("Elizabeth Pole Elementary School", "John F. Parker Middle School", "Edmund Hatch Bennett School"),
            "Portuguese, Spanish and Cape Verdean Creole",
        ),
        "worcester" => (
            s("Burncoat Middle School", "Elm Park Community School", "Chandler Elementary Community School"),
            "Spanish, Twi, Vietnamese and Arabic",
        ),
        "pittsfield" => (
            s("Morningside Community School", "Conte Community School", "Reid Middle School"),
            "Spanish and Portuguese",
        ),
        "" => (
            s("Washington Elementary School", "Lincoln Middle School", "Roosevelt Elementary School"),
            "Spanish, Portuguese and Haitian Creole",
        ),
        _ => (
            [
                format!("{district} Middle School"),
                format!("{district} Elementary School"),
                format!("{district} High School"),
            ],
            "Spanish, Portuguese and Haitian Creole",
        ),
    };
    Profile { schools, languages }
}

const PRIORITY_POOL: [&[&str]; 4] = [
    &[
        "Strengthen culturally and linguistically sustaining, grade-appropriate literacy instruction in every K-8 classroom, so that all students, and especially multilingual learners and students with disabilities, read, write and talk about complex grade-level texts every day.",
        "Every K-8 student will experience grade-appropriate literacy instruction grounded in culturally and linguistically sustaining practices, using our high-quality ELA curriculum with the scaffolds that multilingual learners and students with disabilities need to reach grade-level work.",
    ],
    &[
        "Build the capacity of school instructional leadership teams (ILTs) to lead regular cycles of inquiry on student work, so that schools can see what students are learning and adjust instruction every six weeks.",
        "Strengthen students' sense of belonging in grades 6-12 through advisory, restorative practices and consistent classroom routines, so that more students attend every day and engage in rigorous learning.",
    ],
    &[
        "Complete the adoption of high-quality mathematics instructional materials in grades 6-10 and support every mathematics teacher to implement them well.",
    ],
    &[
        "Expand early college and career pathway courses so that more high school students earn college credit before graduation.",
    ],
];

pub(crate) fn priorities(district: &str, n: usize) -> Vec<String> {
    let mut r = Rng::from_name(district);
    (0..n)
        .map(|i| {
            let pool = PRIORITY_POOL[i % PRIORITY_POOL.len()];
            let base = r.pick(pool).to_string();
            if i >= PRIORITY_POOL.len() { format!("{base} (phase {})", i / PRIORITY_POOL.len() + 1) } else { base }
        })
        .collect()
}

pub(crate) fn benchmarks(district: &str, n: usize) -> Vec<Benchmark> {
    let mut r = Rng::from_name(district);
    let cao = r
        .pick(&[
            "the Chief Academic Officer",
            "the Assistant Superintendent for Teaching and Learning",
            "the Deputy Superintendent for Academics",
        ])
        .to_string();
    let pct = r.range(70, 85);
    let gain = r.range(4, 8);
    let pool: Vec<(&str, String, String, &str, &str)> = vec![
        (
            "District",
            format!("By December 2023, {pct}% of K-8 literacy classrooms visited on learning walks show students working with grade-level text for most of the lesson."),
            format!("{cao} and the District Instructional Leadership Team (DILT)"),
            "quarterly",
            "learning walk tool",
        ),
        (
            "School",
            "By January 2024, every ILT in an identified school has completed at least three cycles of looking at student writing and recorded next steps for instruction.".to_string(),
            "principals and school ILTs".to_string(),
            "monthly",
            "ILT agendas, notes and student work protocols",
        ),
        (
            "District",
            format!("On the winter i-Ready diagnostic, the share of multilingual learners and students with disabilities at or above grade level in reading grows by {gain} percentage points over fall."),
            "the Director of Assessment and the DILT".to_string(),
            "three times a year",
            "i-Ready diagnostic",
        ),
        (
            "School",
            "By March 2024, at least 75% of teachers in identified schools have completed a coaching cycle focused on structured academic talk.".to_string(),
            "instructional coaches and principals".to_string(),
            "monthly",
            "coaching logs",
        ),
        (
            "District",
            "On the spring student survey, at least 70% of students in grades 4-8 report that they see their cultures and languages reflected in class texts.".to_string(),
            "the Office of Equity and Family Engagement".to_string(),
            "twice a year",
            "VOCAL and district student survey",
        ),
        (
            "School",
            "Chronic absenteeism in identified schools falls by 5 percentage points compared with the same month last year.".to_string(),
            "principals and school attendance teams".to_string(),
            "monthly",
            "student information system attendance reports",
        ),
        (
            "District",
            "On the mid-year common writing task, 60% of students in grades 3-8 score proficient or above on the district rubric.".to_string(),
            "the K-12 ELA Director".to_string(),
            "three times a year",
            "common writing assessment",
        ),
        (
            "School",
            "Every identified school protects at least 90 minutes of common planning time per week for grade-level teams.".to_string(),
            "assistant principals".to_string(),
            "monthly",
            "master schedules and CPT agendas",
        ),
    ];
    (0..n)
        .map(|i| {
            let (level, text, owner, freq, src) = &pool[i % pool.len()];
            let text =
                if i >= pool.len() { format!("{text} (repeat check {})", i / pool.len() + 1) } else { text.clone() };
            Benchmark {
                text,
                level: level.to_string(),
                owner: owner.clone(),
                frequency: freq.to_string(),
                data_source: src.to_string(),
            }
        })
        .collect()
}

pub(crate) fn complete(district: &str) -> Plan {
    let mut r = Rng::from_name(district);
    let p = profile(district);
    let [s1, s2, s3] = &p.schools;
    let name = match long_name(district) {
        n if n.is_empty() => "our district".to_string(),
        n => n,
    };
    let lang = p.languages;
    let cao = r.pick(&[
        "Chief Academic Officer",
        "Assistant Superintendent for Teaching and Learning",
        "Deputy Superintendent for Academics",
    ]);
    let partner = r.pick(&[
        "Teaching Lab",
        "Instruction Partners",
        "EL Education",
        "Achievement Network (ANet)",
        "Center for Collaborative Education",
    ]);
    let ela_all = r.range(28, 38);
    let ela_ml = r.range(6, 12);
    let ela_swd = r.range(5, 11);
    let ela_state = 41;
    let below = r.range(40, 55);
    let walks = r.range(90, 160);
    let gl_text = r.range(35, 48);
    let belong = r.range(48, 60);
    let cpt_lo = r.range(30, 45);
    let cpt_hi = r.range(110, 140);
    let sgp_ml = r.range(38, 44);
    let sgp_all = r.range(45, 50);
    let target_gain = r.range(3, 6);
    let coaches = r.range(6, 14);
    let families = r.range(180, 420);
    let students = r.range(60, 150);
    let survey_t = r.range(55, 80);

    let opening = r.pick(&[
        "This priority carries forward the literacy work we began last year and sharpens it.",
        "We are recommitting to this priority for a second year and refining how we implement it.",
        "This priority is drawn directly from our three-year Student Opportunity Act plan.",
    ]);

    let priorities_paras = vec![
        format!("{opening} It is the center of our work with the Statewide System of Support, and every school improvement plan in {name} will be aligned to it."),
        format!("Changes in educator practice. Teachers will plan lessons from the units of our high-quality ELA curriculum instead of building materials from scratch, and they will use culturally and linguistically sustaining practices every day: choosing texts and examples that reflect students' identities, inviting students to use their home languages ({lang}) to make sense of ideas, and building in structured academic talk. Teachers will give frequent, specific feedback on student writing and use what they learn from student work to adjust upcoming lessons."),
        "Changes students will experience. Students will spend most of the literacy block reading and discussing grade-level texts rather than working only in leveled materials. They will talk with classmates about what they read, write longer responses with evidence, and receive the supports they need, such as sentence frames, visuals and small-group reteaching, to do the same rigorous work as their peers. Students should see their own cultures, communities and languages valued in the classroom and feel that they belong.".to_string(),
        format!("Equity and opportunity gaps addressed. This priority targets the gaps in ELA achievement and growth for multilingual learners and students with disabilities, and the gaps between Hispanic/Latino, Black and low-income students and their peers. These are the same gaps named in our SOA plan. Today these students are the least likely to be given grade-level tasks, and the most likely to be pulled out of core literacy instruction."),
    ];

    let analysis = vec![
        format!("Student outcomes. On the spring 2022 MCAS, {ela_all}% of our students in grades 3-8 met or exceeded expectations in ELA, compared with {ela_state}% statewide. Only {ela_ml}% of multilingual learners and {ela_swd}% of students with disabilities met expectations. The median student growth percentile for English learners was {sgp_ml}, below the district's {sgp_all}. On the winter i-Ready reading diagnostic, {below}% of students in grades K-3 tested one or more grade levels below."),
        format!("Instruction. District and school leaders visited {walks} classrooms on learning walks this year. Students were working with grade-level text in only {gl_text}% of the lessons we observed, and in most lessons the teacher did the majority of the talking. Classroom observations also showed that scaffolds for multilingual learners were used unevenly, and that students with disabilities were often working on different, easier tasks."),
        format!("Stakeholder perspectives. On the VOCAL survey and our own student survey, only {belong}% of students in grades 5-8 said that their teachers connect lessons to their lives and cultures. In focus groups, multilingual students told us that they understand more than they are able to show in English and that they want more chances to talk before they write. Families said they want clearer information about what their children are learning."),
        format!("Systems and structures. Our review of master schedules showed that common planning time ranges from {cpt_lo} to {cpt_hi} minutes per week depending on the school, and that ILTs in several schools do not meet regularly. Literacy coaches have been spread across too many initiatives, and there is no common protocol for examining student work across schools."),
        "Looking at student work. ILTs and grade-level teams analyzed writing samples from grades 3, 5 and 7. Three themes stood out: many tasks were below grade level; students often summarized rather than analyzed; and multilingual learners had few chances to write extended responses. When tasks were rigorous and scaffolded, student writing was noticeably stronger, which tells us expectations, not ability, are the issue.".to_string(),
        "Student group data and the Data Equity Pause. When we disaggregated results and used the Data Equity Pause protocol, we saw that Black and Hispanic/Latino students, low-income students, multilingual learners and students with disabilities experience different instruction from their peers: fewer grade-level tasks, less time in discussion, and more time in pull-out settings during core literacy.".to_string(),
        "Root causes. We see three underlying systemic factors: uneven implementation of the curriculum because teachers have had limited time to learn it together; inconsistent structures for collaborative planning and inquiry; and a coaching model that has not been focused on a single instructional priority.".to_string(),
    ];

    let stakeholders = vec![
        format!("Students. We held focus groups with {students} students in grades 4-12, including multilingual learners and students with IEPs, and met twice with the superintendent's student advisory council. Students asked for more discussion, more choice in what they read and more texts that reflect their lives; these requests shaped the student experience described in Priority 1."),
        format!("Families. About {families} parents and caregivers took part in family forums offered in English and in {lang}, and we met with the Special Education Parent Advisory Council (SEPAC) and the English Learner Parent Advisory Council (ELPAC). Families asked for clearer information about grade-level expectations and for ways to support reading at home, which led to the family literacy nights in this plan."),
        format!("Educators and school leaders. A spring survey on curriculum implementation drew responses from {survey_t}% of teachers, and teacher leaders and union representatives joined the planning team. Principals and assistant principals reviewed drafts of the plan at two leadership meetings and helped define the school-level benchmarks."),
        "Community partners. Local partners, including our public library, after-school providers and the community health center, gave feedback on the family engagement strategies and on how out-of-school programs can reinforce literacy.".to_string(),
        format!("Schools identified as requiring assistance. At {s1} and {s2}, we held separate listening sessions with teachers, students and families. Teachers there asked for more coaching time and protected planning time, and families asked for translated materials and regular updates; both requests are reflected in the resources and differentiation sections."),
        "Ongoing engagement. Stakeholders will stay involved throughout implementation: quarterly family forums will share progress on benchmarks, the District Instructional Leadership Team (DILT) will post monthly updates, the student advisory council will review survey results each semester, and the school committee will receive a mid-year and an end-of-year report.".to_string(),
    ];

    let outcomes = vec![
        format!("Accountability targets. By spring 2024 we expect to meet our ELA accountability targets in the aggregate and for specific student groups: an increase of at least {target_gain} points in the average ELA scaled score in grades 3-8 for all students; meeting the targets for English learners, students with disabilities, high needs students and Hispanic/Latino students; meeting the target for English learner progress on ACCESS; and reducing chronic absenteeism for all students and for students with disabilities."),
        "Other data points. In addition to accountability targets, we will track signs of progress that came out of our analysis: the share of students at or above grade level on the i-Ready diagnostic, by student group; the percentage of observed lessons in which students work with grade-level text; scores on common writing tasks; and student survey results on belonging and on seeing their cultures reflected in their learning.".to_string(),
    ];

    let roles = vec![
        "Our strategy is a simple role map, shared at the August leadership institute and revisited each quarter, that shows what each level does consistently to support the priority.".to_string(),
        format!("Central office. The {cao} and the central office teaching and learning team will consistently support school leaders by protecting time for ILT meetings and common planning, providing curriculum-aligned professional learning, joining learning walks each month, and giving principals timely data on their benchmarks."),
        "School leaders. Principals and assistant principals will consistently support teacher practice by leading their ILTs through cycles of looking at student work, scheduling weekly common planning time, observing classrooms with the learning walk tool, and giving teachers actionable feedback.".to_string(),
        "Teachers. Teachers will consistently support student learning by planning together from the curriculum, using culturally and linguistically sustaining practices and scaffolds for multilingual learners and students with disabilities, and using student work to adjust instruction toward the desired outcomes.".to_string(),
    ];

    let monitoring = vec![
        "We will track a small number of high-leverage interim benchmarks at both the district and the school level, tied to the SOA implementation indicators in our plan:".to_string(),
        format!("Who monitors and how often. The {cao} and the DILT review district benchmarks monthly and meet with the SSoS regional assistance team quarterly. Principals and ILTs review school benchmarks monthly, and i-Ready results are reviewed three times a year, after each diagnostic window."),
        "Student work. Student assignments and work samples will be analyzed at three levels: at the district level, the DILT reviews a sample of writing from every school each quarter; at the school level, ILTs use a common protocol monthly; and at the classroom level, grade-level teams look at student work weekly during common planning time.".to_string(),
    ];

    let resources = vec![
        format!(
            "Internal resources. We will fund {coaches} literacy coaches and ILT stipends through ESSER III and Title I, use our Targeted Assistance Grant (TAG) for summer curriculum training, and reassign staffing so that ML and special education teachers co-plan with classroom teachers."
        ),
        format!(
            "External resources. We will use DESE supports, including the SSoS regional assistance team, CSDP professional learning and the Mass Literacy resources, and we will continue our partnership with {partner} for curriculum-based professional learning and coaching of coaches."
        ),
        format!(
            "Budget equity. Our review of local district and school budgeting data, as required by ESSA, found that {s1} and {s2} had the highest share of first-year teachers and the lowest per-pupil spending on professional learning. This plan addresses that inequity by assigning full-time coaches to these schools first and weighting professional learning funds toward them."
        ),
    ];

    let differentiation = vec![
        format!(
            "Schools identified as requiring assistance by the accountability system, {s1} and {s2}, will receive the most intensive support: a full-time literacy coach, bi-weekly visits from central office leaders, monthly ILT coaching from {partner}, and priority access to TAG-funded summer training."
        ),
        format!(
            "Other schools that need more support with this priority, including {s3}, will receive monthly ILT facilitation support and quarterly learning walks with district leaders. All other schools receive the core supports described in this plan, and support will be adjusted each quarter based on benchmark data."
        ),
    ];

    let style = r.range(0, 2);
    let relabel = |v: Vec<String>| -> Vec<String> { v.into_iter().map(|p| label_style(p, style)).collect() };
    let priorities_paras = relabel(priorities_paras);
    let analysis = relabel(analysis);
    let stakeholders = relabel(stakeholders);
    let outcomes = relabel(outcomes);
    let roles = relabel(roles);
    let monitoring = relabel(monitoring);
    let resources = relabel(resources);
    let differentiation = relabel(differentiation);

    Plan {
        district: district.to_string(),
        priorities: priorities(district, 2),
        sections: vec![
            (SectionId::Priorities, priorities_paras),
            (SectionId::Analysis, analysis),
            (SectionId::StakeholderEngagement, stakeholders),
            (SectionId::Outcomes, outcomes),
            (SectionId::RoleClarity, roles),
            (SectionId::Monitoring, monitoring),
            (SectionId::Resources, resources),
            (SectionId::Differentiation, differentiation),
        ],
        benchmarks: benchmarks(district, 4),
        blanked: Vec::new(),
        pictures: Vec::new(),
        schools: p.schools.to_vec(),
    }
}

/// Run-in labels that open paragraphs ("Students. We held ...").
const LABELS: [&str; 21] = [
    "Changes in educator practice",
    "Changes students will experience",
    "Equity and opportunity gaps addressed",
    "Student outcomes",
    "Instruction",
    "Stakeholder perspectives",
    "Systems and structures",
    "Looking at student work",
    "Student group data and the Data Equity Pause",
    "Root causes",
    "Students",
    "Families",
    "Educators and school leaders",
    "Community partners",
    "Schools identified as requiring assistance",
    "Ongoing engagement",
    "Accountability targets",
    "Other data points",
    "Central office",
    "School leaders",
    "Teachers",
];

/// Districts write run-in labels differently: "Students. ...", "Students:
/// ...", or no label at all (style 0, 1, 2).
fn label_style(p: String, style: u32) -> String {
    const MORE: [&str; 5] =
        ["Who monitors and how often", "Student work", "Internal resources", "External resources", "Budget equity"];
    for l in LABELS.iter().chain(MORE.iter()) {
        if let Some(rest) = p.strip_prefix(&format!("{l}. ")) {
            return match style {
                0 => p.clone(),
                1 => format!("{l}: {rest}"),
                _ => rest.to_string(),
            };
        }
    }
    p
}

pub(crate) fn prompt(s: SectionId) -> &'static str {
    match s {
        SectionId::Priorities => {
            "What are your district's top 1-2 instructional priorities for SY23-24? What are the meaningful changes in educator practice that are the focus of this priority? What will be the meaningful changes students will experience in their learning because of this focus? Which specific equity and opportunity gaps will this priority address?"
        }
        SectionId::Analysis => {
            "What data led you to identify or recommit to this priority? What are the underlying systemic factors that contribute to the findings in your data analysis?"
        }
        SectionId::StakeholderEngagement => {
            "How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan? What input did you get from stakeholders in schools identified as requiring assistance? How will stakeholders be continuously engaged in implementation and monitoring?"
        }
        SectionId::Outcomes => {
            "Which specific Accountability targets will be met as a result of focusing on this priority? (In the aggregate and for specific student groups). In addition to accountability targets, are there other data points that would be helpful to track for signs of progress with this priority?"
        }
        SectionId::RoleClarity => {
            "What is your strategy to ensure that all stakeholders understand their role in implementing this priority?"
        }
        SectionId::Monitoring => {
            "What interim benchmarks will you track throughout the year at both the district and school level to gauge changes in adult practice and student learning/experiences? Who will monitor these and how often?"
        }
        SectionId::Resources => {
            "What partnerships, programs, or resources will you leverage to implement this priority? Briefly describe how the implementation of the plan will address any inequities discovered during the district's review of local district and school budgeting data, as required by ESSA."
        }
        SectionId::Differentiation => {
            "How will the district differentiate assistance for schools identified by the Accountability system as requiring assistance, and for other schools that need more support with this priority? Please list the schools that will receive differentiated support and briefly describe what that differentiated support will entail."
        }
    }
}
