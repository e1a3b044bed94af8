"""The 40 plan specs.  Each spec drives both the file and its truth record."""
from content import SECTIONS, section_blocks, sec_analysis, sec_stakeholders

SCH = {
    "Lowell": [("Bartlett Community Partnership School", True), ("Murkland Elementary School", True), ("Stoklosa Middle School", False), ("McAvinnue Elementary School", False)],
    "Fall River": [("Henry Lord Community School", True), ("Matthew J. Kuss Middle School", True), ("Doran Community School", False), ("Viveiros Elementary School", False)],
    "Chelsea": [("Clark Avenue Middle School", True), ("Eugene Wright Science and Technology Academy", True), ("Berkowitz Elementary School", False), ("Sokolowski School", False)],
    "Pittsfield": [("Conte Community School", True), ("Morningside Community School", True), ("Herberg Middle School", False), ("Williams Elementary School", False)],
    "Taunton": [("Taunton High School", True), ("John F. Parker Middle School", True), ("Elizabeth Pole Elementary School", False), ("Walker Elementary School", False)],
    "Webster": [("Park Avenue Elementary School", True), ("Webster Middle School", True), ("Bartlett High School", False)],
    "Brockton": [("Arnone Elementary School", True), ("East Middle School", True), ("Hancock Elementary School", False), ("Plouffe Academy", False)],
    "Lynn": [("Harrington Elementary School", True), ("Thurgood Marshall Middle School", True), ("Connery Elementary School", False), ("Pickering Middle School", False)],
    "New Bedford": [("Carney Academy", True), ("Keith Middle School", True), ("Gomes Elementary School", False), ("Roosevelt Middle School", False)],
    "Springfield": [("Brightwood Elementary School", True), ("Alfred G. Zanetti Montessori School", False), ("Rebecca M. Johnson School", True), ("Kiley Middle School", False)],
    "Worcester": [("Burncoat Middle School", True), ("Woodland Academy", True), ("Chandler Elementary Community School", False), ("Goddard School of Science and Technology", False)],
    "Fitchburg": [("South Street Elementary School", True), ("Memorial Middle School", True), ("Crocker Elementary School", False)],
    "Framingham": [("Barbieri Elementary School", True), ("Fuller Middle School", True), ("Woodrow Wilson Elementary School", False), ("Walsh Middle School", False)],
    "Greenfield": [("Newton School", True), ("Greenfield Middle School", True), ("Federal Street School", False)],
    "North Adams": [("Brayton Elementary School", True), ("Colegrove Park Elementary School", True), ("Drury High School", False)],
    "Gateway": [("Gateway Regional Middle School", True), ("Littleville Elementary School", True), ("Chester Elementary School", False)],
    "Athol-Royalston": [("Athol Community Elementary School", True), ("Athol-Royalston Middle School", True), ("Royalston Community School", False)],
    "Northampton": [("JFK Middle School", True), ("Jackson Street School", True), ("Leeds Elementary School", False)],
    "Orange": [("Dexter Park Innovation School", True), ("Fisher Hill Elementary School", True)],
    "Winchendon": [("Memorial School", True), ("Murdock Middle/High School", True), ("Toy Town Elementary School", False)],
    "Boston": [("Dearborn STEM Academy", True), ("Mildred Avenue K-8", True), ("Blackstone Elementary School", False), ("Madison Park Technical Vocational High School", False)],
    "Everett": [("Parlin School", True), ("Keverian School", True), ("Whittier School", False), ("Lafayette School", False)],
    "Haverhill": [("Tilton Elementary School", True), ("Nettle Middle School", True), ("Golden Hill School", False), ("Consentino School", False)],
    "Salem": [("Bentley Academy Innovation School", True), ("Carlton Innovation School", True), ("Horace Mann Laboratory School", False)],
    "Waltham": [("Northeast Elementary School", True), ("John W. McDevitt Middle School", True), ("Fitzgerald Elementary School", False)],
    "Wareham": [("Wareham Middle School", True), ("John William Decas Elementary School", True), ("Minot Forest Elementary School", False)],
    "Chicopee": [("Chicopee Academy", True), ("Bellamy Middle School", True), ("Stefanik Elementary School", False), ("Selser School", False)],
    "Malden": [("Salemwood School", True), ("Beebe School", True), ("Forestdale School", False), ("Linden STEAM Academy", False)],
    "Gardner": [("Gardner Middle School", True), ("Waterford Street School", True), ("Elm Street School", False)],
    "Randolph": [("Randolph Community Middle School", True), ("John F. Kennedy Elementary School", True), ("Tower Hill Elementary School", False)],
    "Lawrence": [("Oliver Partnership School", True), ("Arlington Middle School", True), ("Bruce School", False), ("Parthum Middle School", False)],
    "Revere": [("Garfield Middle School", True), ("Paul Revere School", True), ("Whelan Elementary School", False)],
    "Hoosac Valley Regional": [("Hoosac Valley Elementary School", True), ("Hoosac Valley Middle and High School", True)],
    "Holyoke": [("Kelly Full Service Community School", True), ("Peck Full Service Community School", True), ("Morgan Full Service Community School", False), ("E.N. White School", False)],
    "Southbridge": [("West Street School", True), ("Southbridge Middle/High School", True), ("Charlton Street School", False)],
}


def P(stem, district, fmt, layout, voice, pris, **kw):
    d = dict(stem=stem, district=district, fmt=fmt, layout=layout, voice=voice, priorities=pris,
             schools=SCH[district], gaps={}, states={})
    d.update(kw)
    return d


DEV = []
HOLD = []

# ----------------------------------------------------------------- DEV: docx
DEV.append(P("lowell-supt-styles", "Lowell", "docx", "headings", "long", ["ela", "math"], hkind="styles",
             nbench=[3, 3], labels=True, an_intro=True,
             comments={"analysis": ("Can we add the spring i-Ready numbers before it goes out?", "Maria Santos"),
                       "resources": ("Confirm coach FTE with the budget office.", "Liam O'Neil")},
             merge_paras=True,
             notes="layout: Word Heading 1 styles with guidance numbering; voice: superintendent long narrative; two Word comments left in"))

DEV.append(P("fall-river-template", "Fall River", "docx", "template", "plain", ["ela"], hkind="bold", hf=True,
             nbench=4, bench_head=True,
             notes="layout: DESE-style template, guidance prompts kept in grey italics above each answer, bold headings, header/footer; voice: plain language ('scholars', 'caregivers')"))

DEV.append(P("chelsea-pasted-email", "Chelsea", "docx", "headings", "terse", ["math", "belong"], hkind="manual", hstyle="manual",
             nbench=[3, 2], font="Arial", stray={"outcomes": "[NOTE - targets TBC once DESE releases group targets; numbers above from SOA plan -R]"},
             preamble=["From: asst. supt. office", "Sent: Thursday, June 29, 2023 9:14 AM", "Subject: FW: SSoS plan - final-ish",
                       "Pasting the final text below. Lmk if anything is missing. -R"],
             gaps={"sg": ["families"], "nofreq": True,
                   "sg_trap": {"families": "Families \u2013 did not survey families this yr (survey vendor contract lapsed); family survey planned for Oct."}},
             notes="layout: pasted from an email, manual '1)' numbering, no styles, email header lines at top; voice: asst. supt. terse notes w/ abbreviations; traps: negated family survey ('did not survey families'), no frequency stated for benchmark review"))

DEV.append(P("pittsfield-reordered", "Pittsfield", "docx", "headings", "long", ["ela"], hkind="bold", hstyle="para",
             order=["priorities", "outcomes", "analysis", "role_clarity", "stakeholder_engagement", "monitoring", "differentiation", "resources"],
             nbench=4, bench_table=True, docx_via="pandoc",
             notes="layout: headings (pandoc Heading 2) that paraphrase the questions ('What told us this was the right focus?'), sections in a different order (outcomes 2nd, resources last); made by pandoc from HTML; benchmark table with owner/frequency columns; voice: long narrative"))

DEV.append(P("taunton-formtable", "Taunton", "docx", "formtable", "plain", ["ela", "belong"], title="District Prioritization Submission \u2013 Taunton Public Schools",
             nbench=[3, 2], states={"differentiation": "empty"}, empty_kind={"differentiation": "click"},
             gaps={"nogrouptargets": True,
                   "nogrouptargets_trap": "We will look closely at how English learners and students with disabilities do on these measures once the state releases group-level targets."},
             notes="layout: two-column form table (prompt | district response); voice: plain; differentiation cell left as 'Click or tap here to enter text.'; outcomes give only aggregate targets (groups mentioned without targets)"))

_web_tr = {"stakeholder_engagement": [[("run", "Families: "), ("del", "the family survey (380 responses in English, Spanish and Vietnamese) showed that families want to know what their children are reading and how to help at home.")],
                                      [("ins", "Community: the Webster Public Library and the Nipmuc Nation education office joined our May community forum and asked that texts reflect local history; this led to the summer reading partnership.")]],
           "monitoring": [[("run", "Benchmark review calendar: "), ("del", "quarterly"), ("ins", "monthly at the District Leadership Team and every six weeks at school ILTs")]]}
DEV.append(P("webster-tracked", "Webster", "docx", "headings", "long", ["ela"], hkind="styles", nbench=3,
             sg_hide=["families", "community"], tracked=_web_tr, gaps={"sg": ["families"]},
             comments={"stakeholder_engagement": ("Per cabinet: drop the survey line, response rate too low?", "K. Duval")},
             notes="layout: Word heading styles with TRACKED CHANGES left in (a deleted sentence about the family survey, an inserted community paragraph, an inserted benchmark review calendar) and a comment; truth reads insertions as accepted, deletions ignored, so families input is missing; voice: long"))

DEV.append(P("brockton-goals", "Brockton", "docx", "headings", "long", ["ela", "math"], hkind="bold", hstyle="roman",
             plabel="goal", nbench=[2, 3],
             strategic_mention="Both goals below sit inside the Brockton Public Schools 2021-2026 Strategic Plan: they advance Strategic Goal 3 (Every student experiences rigorous, culturally responsive instruction) and support Goal 1 (Safe and welcoming schools) and Goal 4 (Family and community partnership) of that plan. For this submission we name two instructional goals only.",
             notes="layout: bold Roman-numeral headings; priorities named 'Goal 1'/'Goal 2' while the strategic plan's Goals 1, 3 and 4 are also mentioned (trap: priorities=2); voice: long"))

_lynn = dict(district="Lynn", voice="plain", gaps={}, schools=SCH["Lynn"], priorities=["ela"], states={})
DEV.append(P("lynn-see-above", "Lynn", "docx", "headings", "plain", ["ela"], hkind="styles", nbench=3,
             override={"analysis": sec_analysis(_lynn) + [("h", "What stakeholders told us (this also answers section 3)")] + sec_stakeholders(_lynn),
                       "stakeholder_engagement": [("p", "See section 2 above.")]},
             notes="layout: Word headings; section 3 answered only 'See section 2 above.' and section 2 really contains the full stakeholder answer under a sub-heading; truth treats section 3 as present and answered by reference (doubtful for a tool); voice: plain"))

DEV.append(P("new-bedford-three-priorities", "New Bedford", "docx", "prisub", "terse", ["ela", "math", "ilt"], hkind="styles",
             plabel="priority", nbench=[2, 2, 2],
             notes="layout: priority sub-headings (Priority 1/2/3) inside sections 1 and 6, 'All priorities' sub-heading in the others; three priorities -> fail; voice: terse"))

DEV.append(P("springfield-rowtable", "Springfield", "docx", "rowtable", "terse", ["ela"], landscape=True, nbench=4,
             title="Springfield Public Schools \u2013 SSoS Submission 2023-24", stray={"resources": "(budget office to confirm FTEs before 6/30)"},
             bench_timeline=True,
             notes="layout: landscape table, one row per section (section | guiding question | response); voice: terse abbreviations"))

# ----------------------------------------------------------------- DEV: xlsx
DEV.append(P("worcester-workbook", "Worcester", "xlsx", "tabs", "long", ["ela", "math"], nbench=[3, 3],
             tabnames={"stakeholder_engagement": "3 Stakeholders", "priorities": "1 Priorities", "analysis": "2 Analysis",
                       "outcomes": "4 Outcomes", "role_clarity": "5 Roles", "monitoring": "6 Monitoring", "resources": "7 Resources", "differentiation": "8 Differentiation"},
             cover_schools="Burncoat Middle School; Woodland Academy",
             notes="layout: workbook with Instructions tab and Cover tab before one tab per section; merged prompt cells; responses in merged yellow rows; voice: long"))

DEV.append(P("fitchburg-long-sheet", "Fitchburg", "xlsx", "long", "terse", ["math"], nbench=4,
             gaps={"res": ["external"], "nobudget": True,
                   "nobudget_trap": "Budget: ESSER III funds budgeted for coaches through 9/2024; FY24 budget approved by School Cmte 5/23."},
             notes="layout: one long sheet, section | prompt | response with merged section/prompt cells; voice: terse; gaps: only internal resources, budget mentioned but no inequity from the ESSA review addressed (trap)"))

DEV.append(P("framingham-workbook", "Framingham", "xlsx", "tabs", "plain", ["ela", "belong"], nbench=[3, 2],
             states={"resources": "empty"}, empty_kind={"resources": "insert"},
             gaps={"da": ["systems_structures"]},
             notes="layout: instructions + cover + tab per section, merged prompt cells; resources tab left as '[Insert response here]'; analysis lacks systems/structures data; voice: plain"))

DEV.append(P("greenfield-long", "Greenfield", "xlsx", "long", "long", ["ela", "ilt"], plabel="initiative", nbench=[3, 2],
             notes="layout: one long sheet with merged cells; priorities named 'Initiative A'/'Initiative B'; voice: long"))

# ----------------------------------------------------------------- DEV: eml
DEV.append(P("north-adams-reply", "North Adams", "eml", None, "terse", ["ela"], nbench=3,
             inner=dict(kind="docx", layout="headings", hkind="styles"), att_name="NAPS_SSoS_Submission_SY24_final.docx",
             subject="RE: RE: North Adams district prioritization submission",
             **{"from": "Asst. Superintendent <asst.supt@napsk12.org>"}, cc="Superintendent <supt@napsk12.org>",
             body=("Hi all - final version attached. Made the edits from Tuesday's call (added identified-school input + ongoing engagement).\n\nThanks,\nasst. supt.\n\n"
                   "-----Original Message-----\nFrom: SSoS Regional Assistance Team <ssos1@mass.gov>\nSent: Tuesday, June 27, 2023 2:10 PM\n"
                   "Subject: RE: North Adams district prioritization submission\n\n> Thanks for the draft. Before you finalize, please make sure section 3 says what you heard from\n"
                   "> stakeholders in Brayton and Colegrove Park and how they stay engaged.\n>\n> -----Original Message-----\n> From: Asst. Superintendent\n> Draft attached for a first look.\n"),
             notes="layout: .eml reply thread (quoted earlier messages in body) with the plan .docx attached (Word headings); voice: terse"))

DEV.append(P("gateway-two-attachments", "Gateway", "eml", None, "long", ["ela"], nbench=3,
             inner=dict(kind="docx", layout="headings", hkind="bold", hstyle="letter"), att_name="Gateway Regional - SSoS plan 2023-24.docx",
             budget_att="Gateway FY24 budget detail.xlsx", subject="Gateway Regional SSoS District Prioritization Submission",
             **{"from": "Superintendent's Office <superintendent@grsd.org>"},
             body="Good afternoon,\n\nPlease find attached Gateway Regional School District's prioritization submission for SY23-24, along with our FY24 budget detail for reference.\n\nRespectfully,\nOffice of the Superintendent\n",
             gaps={"noongoing": True,
                   "noongoing_trap": "Stakeholders were engaged throughout the spring planning process, and we are grateful for the time families and staff gave to this work."},
             merge_paras=True,
             notes="layout: .eml with two attachments: plan .docx ('Section A:' headings) and a budget .xlsx; voice: long; gap: nothing on ongoing engagement, only past engagement (trap)"))

DEV.append(P("athol-royalston-pdf-att", "Athol-Royalston", "eml", None, "plain", ["math"], nbench=3,
             inner=dict(kind="pdf", pdf_via="chromium", hstyle="plain"), att_name="ARRSD District Priorities SY24.pdf",
             subject="Athol-Royalston submission", **{"from": "ARRSD Central Office <office@arrsd.org>"},
             body="Attached is our district submission as a PDF.\n\nThank you!\n",
             notes="layout: .eml with a PDF (Chromium-printed HTML) attachment; plain headings; voice: plain"))

# ----------------------------------------------------------------- DEV: pdf
DEV.append(P("northampton-lo", "Northampton", "pdf", "template", "long", ["ela"], hkind="styles", nbench=3,
             pdf_via="soffice", notes="layout: Word template with grey italic guidance prompts kept above each answer, exported to PDF with LibreOffice; voice: long"))

DEV.append(P("orange-chromium", "Orange", "pdf", None, "terse", ["ela"], nbench=6, bench_sched_mix=True,
             pdf_via="chromium", hstyle="manual",
             notes="layout: HTML printed to PDF by Chromium, '1)' headings; voice: terse; gap: six interim benchmarks for one priority (too many), benchmark list has a meeting-schedule line mixed in (not a benchmark)"))

DEV.append(P("winchendon-chromium", "Winchendon", "pdf", None, "long", ["ela"], nbench=3, pdf_via="chromium", hstyle="guid",
             states={"role_clarity": "missing"},
             gaps={"sg": ["community"],
                   "sg_trap": {"community": "Community: a community forum with the Winchendon CAC and local faith leaders was scheduled for May but was postponed to October; we will gather community input then."}},
             notes="layout: HTML printed to PDF by Chromium with guidance headings; section 5 Role Clarity absent; community input postponed (trap); voice: long"))

# =================================================================== HOLDOUT
HOLD.append(P("boston-repeat", "Boston", "docx", "repeat", "long", ["ela", "math"], hkind="styles", nbench=[3, 3],
              notes="layout: section 1 once, then sections 2-8 repeated once per priority under per-priority headings; voice: long"))

HOLD.append(P("everett-combined", "Everett", "docx", "headings", "plain", ["ela"], hkind="bold", hstyle="plain", nbench=4,
              combine={"resources": ("Resources and Differentiation", "differentiation")}, docx_via="soffice",
              notes="layout: short plain headings, one heading naming two sections ('Resources and Differentiation'); made by LibreOffice from HTML; voice: plain"))

HOLD.append(P("haverhill-cover-toc", "Haverhill", "docx", "headings", "long", ["ela", "belong"], hkind="styles", hstyle="roman",
              nbench=[3, 2], cover=True, toc=True, hf=True, appendix=True,
              merge_paras=True,
             notes="layout: cover page, table of contents, header/footer, Roman-numeral Word headings, data appendix; voice: long"))

HOLD.append(P("salem-section-letters", "Salem", "docx", "headings", "terse", ["ela"], hkind="styles", hstyle="letter", nbench=3,
              states={"outcomes": "missing"}, gaps={"sg": ["school_leaders"]},
              stray={"resources": "Budget to be revisited once DESE releases accountability targets for each school."},
              notes="layout: 'Section A:'..'Section H:' headings with Section D (Outcomes) absent; the words 'accountability targets' appear only in Resources (trap); no principal/school-leader input; voice: terse"))

_wal_tr = {"stakeholder_engagement": [[("ins", "Identified schools (Northeast Elementary and McDevitt Middle): separate listening sessions w/ staff, students, families \u2192 asked for ELD push-in not pull-out; built into plan.")]],
           "resources": [[("run", "Budget equity: "), ("del", "ESSA budget review showed high-EL schools got fewer coaching hrs per tchr; 2 of 4 coaches placed there.")]]}
HOLD.append(P("waltham-tracked", "Waltham", "docx", "headings", "terse", ["ela"], hkind="styles", nbench=3,
              hide=["schoolinput"], budget_hide=True, tracked=_wal_tr, gaps={"nobudget": True},
              comments={"resources": ("CFO: pull the equity line until the FY24 numbers are final", "D. Petrakis"),
                        "priorities": ("Looks good - approved at cabinet 6/26", "Supt.")},
              notes="layout: Word headings with tracked changes and comments; identified-school input exists only as a tracked insertion (accepted -> present); the budget-equity sentence exists only as a tracked deletion (ignored -> finding); voice: terse"))

HOLD.append(P("wareham-template", "Wareham", "docx", "template", "long", ["ela"], hkind="styles", nbench=3,
              states={"analysis": "empty"}, empty_kind={"analysis": "prompt"},
              budget_text="Budget equity: our ESSA review found per-pupil spending at Decas Elementary 9% below the district average; the ALL grant PD days and DESE regional support will go first to Decas and to the middle school.",
              gaps={"res": ["internal"], "res_trap_internal": "No new district positions or local funds are budgeted for this work in FY24."},
              notes="layout: template with grey italic prompts; section 2 answer is only the prompt pasted again (empty); resources name no internal resources and say so (negation trap); voice: long"))

HOLD.append(P("chicopee-colpri", "Chicopee", "docx", "colpri", "terse", ["ela", "belong"], nbench=[3, 2], plabel="priority",
              title="Chicopee Public Schools \u2013 District Prioritization Submission SY23-24",
              notes="layout: one table, sections as rows and a column per priority (shared answers in merged cells); voice: terse"))

HOLD.append(P("malden-part", "Malden", "docx", "headings", "long", ["math", "ela"], hkind="styles", hstyle="part",
              plabel="strategy", nbench=[3, 2], hf=True,
              notes="layout: 'Part 3 \u2013' style Word headings, header/footer; priorities named 'Strategy 1'/'Strategy 2'; voice: long"))

HOLD.append(P("gardner-pasted-none", "Gardner", "docx", "headings", "terse", ["ela"], hkind="manual", hstyle="manual", nbench=3,
              npri_override=0,
              override={"priorities": [("p", "Priority pending w/ new supt. (starts 7/1). Leadership team to select the instructional priority in Aug. after spring MCAS release; early literacy data in 2) will drive the decision."),
                                       ("p", "Continues work under District Improvement Plan 2022-25 (all 4 strategic objectives).")]},
              preamble=["---------- Forwarded message ---------", "From: Gardner Public Schools <central@gardnerk12.org>", "Date: Fri, Jun 30, 2023 at 4:51 PM", ""],
              notes="layout: pasted from email, '1)' manual numbering; the priorities section is answered but names no instructional priority (decision deferred; strategic objectives mentioned in passing) -> priorities 0, fail; voice: terse"))

HOLD.append(P("randolph-inline", "Randolph", "docx", "inline", "plain", ["ela"], nbench=3,
              inline_labels={"priorities": "Our priority", "analysis": "Why this priority (strengths and challenges)", "stakeholder_engagement": "Who we heard from",
                             "outcomes": "Outcomes", "role_clarity": "Roles", "monitoring": "Monitoring", "resources": "Resources", "differentiation": "Differentiated support"},
              preamble=["Randolph Public Schools \u2013 SSoS District Prioritization Submission, SY 2023-24"],
              gaps={"da": ["instruction"], "nogroups": True},
              notes="layout: no headings, each section starts with a bold label and the answer in the same paragraph; voice: plain; gaps: no instruction/observation data, no student-group data in analysis"))

# xlsx
HOLD.append(P("southbridge-cols", "Southbridge", "xlsx", "cols", "terse", ["ela", "math"], nbench=[2, 2],
              notes="layout: one sheet, sections as columns, one row per priority, shared answers merged down; voice: terse"))

HOLD.append(P("lawrence-workbook", "Lawrence", "xlsx", "tabs", "long", ["ela"], nbench=3,
              gaps={"noowner": True, "mnowork": True,
                    "mnowork_trap": "Student work samples were reviewed by the leadership team in the spring, as described in section 2."},
              notes="layout: instructions + cover + tab per section, merged prompt cells; gaps: benchmarks with frequency but no owner, no plan to analyze student work in monitoring (only a past review mentioned: trap); voice: long"))

HOLD.append(P("revere-long", "Revere", "xlsx", "long", "plain", ["ela"], nbench=4, merge_long=False, sheetname="SSoS 23-24",
              notes="layout: one long sheet (section | prompt | response), no merged cells; voice: plain"))

HOLD.append(P("hoosac-tabs", "Hoosac Valley Regional", "xlsx", "tabs", "terse", ["math"], nbench=3, ps=False,
              extra_sheet=("Data", [["Group", "Math M/E 2022"], ["All", "24%"], ["EL", "9%"], ["SWD", "6%"], ["Hisp/Latino", "13%"]]),
              bench_timeline=True,
             notes="layout: instructions + cover + tab per section + trailing data tab; voice: terse"))

# eml
HOLD.append(P("holyoke-reply-pdf", "Holyoke", "eml", None, "long", ["ela", "math"], nbench=[2, 3],
              inner=dict(kind="pdf", pdf_via="soffice", layout="headings", hkind="styles", hstyle="guid"),
              att_name="Holyoke SSoS District Submission 2023-24.pdf", subject="Re: Holyoke - SSoS submission",
              **{"from": "Receiver/Superintendent's Office <office@hps.holyoke.ma.us>"},
              body=("Good evening,\n\nAttached please find the final PDF of our submission, incorporating the feedback from our regional assistance team.\n\n"
                    "On Mon, Jun 26, 2023 at 10:02 AM SSoS <ssos1@mass.gov> wrote:\n> Thank you for sharing the draft. A reminder that the final submission is due June 30.\n"),
              merge_paras=True,
             notes="layout: .eml reply with the plan as a PDF (Word headings exported by LibreOffice); voice: long"))

HOLD.append(P("springfield-two-att", "Springfield", "eml", None, "plain", ["ela"], nbench=3,
              inner=dict(kind="xlsx", layout="long"), att_name="SPS SSoS Submission SY24.xlsx", budget_att="SPS FY24 budget lines.xlsx",
              subject="Springfield Public Schools - District Prioritization Submission", **{"from": "SPS Chief of Schools <chief.schools@springfieldpublicschools.com>"},
              body="Hello,\n\nTwo files attached: our submission workbook and the budget lines referenced in section 7.\n\nThank you\n",
              gaps={"noschools": True},
              notes="layout: .eml with two .xlsx attachments (plan workbook, budget sheet); gap: differentiation describes support but names no schools; voice: plain"))

HOLD.append(P("fall-river-fwd", "Fall River", "eml", None, "terse", ["math"], nbench=3,
              inner=dict(kind="docx", layout="headings", hkind="bold", hstyle="manual"), att_name="FRPS_DistrictPrioritization_2023-24_v7.docx",
              subject="Fwd: FRPS SSoS submission v7", **{"from": "FRPS Asst. Supt. <asst.supt@fallriverschools.org>"},
              body=("FYI - forwarding v7, this is the one we're submitting.\n\n---------- Forwarded message ---------\nFrom: Data Office\nDate: Wed, Jun 28, 2023\nSubject: FRPS SSoS submission v7\n\nUpdated numbers in sections 2 and 4.\n"),
              notes="layout: forwarded .eml with a .docx ('1)' bold headings) attached; voice: terse"))

# pdf
HOLD.append(P("new-bedford-twocol", "New Bedford", "pdf", None, "long", ["ela", "math"], nbench=[3, 2], pdf_via="chromium", twocol=True, hstyle="guid",
              merge_paras=True,
             notes="layout: two-column pages printed from HTML by Chromium; voice: long"))

HOLD.append(P("worcester-formtable", "Worcester", "pdf", "formtable", "plain", ["ela"], nbench=3, pdf_via="soffice",
              roles_hide=["teachers"], gaps={"roles": ["teachers"], "nogrouptargets": True,
                                             "roles_trap": "Teachers will be supported through coaching and PD throughout the year."},
              notes="layout: form table (prompt | response) exported to PDF by LibreOffice; gaps: no teacher role (only what is done for teachers: trap), outcome targets in aggregate only; voice: plain"))

HOLD.append(P("framingham-chromium", "Framingham", "pdf", None, "terse", ["ela"], nbench=3, pdf_via="chromium", show_prompts=True, hstyle="roman",
              gaps={"mlevel": ["district"], "nofreq": True},
              notes="layout: HTML with guidance prompts kept in grey italics printed by Chromium; gaps: only school-level benchmarks, no review frequency; voice: terse"))
