"""The 40 plan specs. Each spec fixes district, voice, format, layout, topics and gaps.
gaps: list of {code, section, items, how} where how is absent|negative|hypothetical|moved|prompt."""


def G(code, section, items=(), how="absent", **kw):
    d = {"code": "ssos::" + code, "section": section, "items": list(items), "how": how}
    d.update(kw)
    return d


DEV = [
    dict(id="p_dev_01_athol_royalston", district="Athol-Royalston", voice="plain", fmt="docx", layout="headings", heads="short",
         topics=["lit"], hardcases=["neg_students"], author="Dana Whitcomb, Director of Curriculum",
         intro="We are a small rural district, and this is the one thing we are going to do well next year."),
    dict(id="p_dev_02_brockton", district="Brockton", voice="super", fmt="docx", layout="headings", heads="official",
         topics=["lit", "math"], sub=True, hardcases=["notonly"], role_table=True, bm_style="table",
         author="Dr. Maria Alves, Superintendent of Schools"),
    dict(id="p_dev_03_chelsea", district="Chelsea", voice="bi", fmt="md", layout="headings", heads="section",
         topics=["ml"], author="Rosa Quintanilla, Directora de Aprendizaje Multilingüe / Director of Multilingual Learning"),
    dict(id="p_dev_04_chicopee", district="Chicopee", voice="cd", fmt="docx", layout="numbered_bold", heads="official",
         topics=["math", "belong"], bm_style="ol", author="Karen Dupuis, Director of Curriculum & Instruction",
         gaps=[G("stakeholders::group-missing", "stakeholder_engagement", ["families"], "negative"),
               G("resources::no-budget-equity", "resources")]),
    dict(id="p_dev_05_fall_river", district="Fall River", voice="acro", fmt="docx", layout="table2", heads="official",
         keep_prompt=True, topics=["lit", "ilt"], bm_style="ol", author="Paulo Medeiros, Asst. Supt. for Teaching & Learning"),
    dict(id="p_dev_06_fitchburg", district="Fitchburg", voice="grant", fmt="html", layout="headings", heads="roman",
         topics=["belong", "ilt"], author="Erin McCaffrey, Grants & Strategic Initiatives Coordinator",
         gaps=[G("priorities::no-clsp-focus", "priorities", how="negative")]),
    dict(id="p_dev_07_framingham", district="Framingham", voice="data", fmt="docx", layout="headings", heads="official",
         topics=["lit"], bm_style="table", author="Dr. Kevin Tran, Director of Assessment and Research",
         gaps=[G("outcomes::no-accountability-targets", "outcomes", how="hypothetical"),
               G("monitoring::no-frequency", "monitoring")]),
    dict(id="p_dev_08_gateway", district="Gateway", voice="plain", fmt="docx", layout="table3", heads="official",
         keep_prompt=True, topics=["lit"], author="Bill Kearney, Principal, Gateway Regional Middle/High School",
         gaps=[G("roles::level-missing", "role_clarity", ["teachers"], "prompt")]),
    dict(id="p_dev_09_greenfield", district="Greenfield", voice="super", fmt="docx", layout="headings", heads="short",
         topics=["lit"], author="Dr. James O'Connell, Superintendent",
         gaps=[G("monitoring::too-many-benchmarks", "monitoring"),
               G("differentiation::no-schools-listed", "differentiation", how="moved")]),
    dict(id="p_dev_10_lowell", district="Lowell", voice="cd", fmt="md", layout="headings", heads="official",
         topics=["lit", "ml"], author="Sophea Chhun, Chief Academic Officer",
         gaps=[G("analysis::data-area-missing", "analysis", ["stakeholder_perspectives"], "hypothetical"),
               G("analysis::no-student-work", "analysis"),
               G("monitoring::no-student-work", "monitoring")]),
    dict(id="p_dev_11_lynn", district="Lynn", voice="bi", fmt="xlsx", layout="form", heads="official",
         topics=["ml"], author="Marisol Peña, Assistant Superintendent for Teaching & Learning",
         gaps=[G("stakeholders::no-identified-school-input", "stakeholder_engagement"),
               G("resources::kind-missing", "resources", ["external"], "negative")]),
    dict(id="p_dev_12_new_bedford", district="New Bedford", voice="data", fmt="eml", layout="headings", heads="official",
         topics=["math", "lit"], bm_style="table", author="Jorge Tavares, Chief of Data and Accountability",
         gaps=[G("outcomes::no-student-group-targets", "outcomes"),
               G("monitoring::no-owner", "monitoring")]),
    dict(id="p_dev_13_north_adams", district="North Adams", voice="plain", fmt="docx", layout="headings", heads="official",
         topics=["lit", "belong"], toc=True, author="Tim Brennan, Superintendent",
         struct={"resources": "missing"}),
    dict(id="p_dev_14_northampton", district="Northampton", voice="super", fmt="docx", layout="numbered_bold", heads="official",
         keep_prompt=True, topics=["math"], author="Dr. Lorraine Baptiste, Superintendent",
         struct={"differentiation": "empty:Click or tap here to enter text."}),
    dict(id="p_dev_15_orange", district="Orange", voice="plain", fmt="docx", layout="headings", heads="short",
         topics=["lit", "math", "belong"], n_bm_per=2, author="Sue Lamoureux, Principal and District Curriculum Lead"),
    dict(id="p_dev_16_pittsfield", district="Pittsfield", voice="grant", fmt="docx", layout="headings", heads="section",
         topics=["lit", "belong"], sub=True, bm_style="prose", n_bm_per=3, author="Heather Gould, Director of Strategic Planning and Grants"),
    dict(id="p_dev_17_springfield", district="Springfield", voice="acro", fmt="xlsx", layout="form", heads="official",
         topics=["lit", "math"], n_bm_per=3, author="Luis Ortega, Chief Academic Officer"),
    dict(id="p_dev_18_taunton", district="Taunton", voice="cd", fmt="html", layout="numbered_bold", heads="official",
         topics=["math"], role_table=True, author="Allison Reed, Director of Mathematics K-12"),
    dict(id="p_dev_19_webster", district="Webster", voice="terse", fmt="docx", layout="table2", heads="official",
         topics=["lit"], bm_style="ol", author="Greg Poirier, Asst. Superintendent"),
    dict(id="p_dev_20_winchendon", district="Winchendon", voice="super", fmt="eml", layout="numbered_bold", heads="official",
         topics=["lit", "belong"], bm_style="prose", n_bm_per=3, author="Thomas Leclerc, Superintendent"),
]

HOLDOUT = [
    dict(id="p_hold_01_worcester", district="Worcester", voice="super", fmt="docx", layout="headings", heads="official",
         topics=["lit", "ml"], sub=True, hardcases=["notonly", "neg_students"], role_table=True,
         author="Dr. Sonia Pereira, Superintendent of Schools"),
    dict(id="p_hold_02_boston", district="Boston", voice="grant", fmt="docx", layout="headings", heads="section",
         topics=["ml", "belong"], bm_style="table", author="Jennifer Okafor, Office of Strategy and Grants",
         gaps=[G("stakeholders::group-missing", "stakeholder_engagement", ["students", "community"], "hypothetical")]),
    dict(id="p_hold_03_everett", district="Everett", voice="bi", fmt="md", layout="headings", heads="official",
         topics=["lit"], role_table=True, author="Ana Paula Ribeiro, Diretora de Currículo / Director of Curriculum"),
    dict(id="p_hold_04_haverhill", district="Haverhill", voice="cd", fmt="docx", layout="numbered_bold", heads="official",
         topics=["lit"], author="Melissa Chau, Director of Literacy",
         gaps=[G("priorities::prompt-unanswered", "priorities", ["equity_gaps"], "hypothetical"),
               G("analysis::no-student-groups", "analysis", how="negative")]),
    dict(id="p_hold_05_hawlemont", district="Hawlemont", voice="plain", fmt="docx", layout="table3", heads="official",
         keep_prompt=True, topics=["lit"], author="Ruth Sprague, Principal"),
    dict(id="p_hold_06_hoosac_valley", district="Hoosac Valley Regional", voice="plain", fmt="docx", layout="headings", heads="short",
         topics=["math"], author="Dan Girard, Principal, Hoosac Valley Elementary",
         gaps=[G("monitoring::level-missing", "monitoring", ["school"], "hypothetical"),
               G("roles::level-missing", "role_clarity", ["central_office"])]),
    dict(id="p_hold_07_rowe", district="Rowe", voice="plain", fmt="xlsx", layout="form", heads="official",
         topics=["lit"], author="Linda Rice, Principal, Rowe Elementary"),
    dict(id="p_hold_08_salem", district="Salem", voice="data", fmt="html", layout="headings", heads="official",
         topics=["lit", "math"], n_bm_per=3, author="Dr. Priya Raman, Director of Data, Assessment & Accountability",
         gaps=[G("analysis::data-area-missing", "analysis", ["instruction", "systems_structures"])]),
    dict(id="p_hold_09_waltham", district="Waltham", voice="acro", fmt="docx", layout="table2", heads="official",
         topics=["ml", "math"], n_bm_per=3, keep_prompt=True, author="Carlos Mejía, Asst. Supt. T&L"),
    dict(id="p_hold_10_wareham", district="Wareham", voice="super", fmt="eml", layout="headings", heads="official",
         topics=["lit"], author="Michael Sweeney, Superintendent",
         gaps=[G("resources::no-budget-equity", "resources", how="negative"),
               G("differentiation::no-schools-listed", "differentiation", how="moved")]),
    dict(id="p_hold_11_amherst_pelham", district="Amherst-Pelham", voice="grant", fmt="docx", layout="headings", heads="official",
         topics=["lit"], bm_style="table", author="Noor Haddad, Director of Equity and Strategic Initiatives",
         gaps=[G("stakeholders::no-ongoing-engagement", "stakeholder_engagement", how="absent",
                 moved_to="stakeholder_engagement", moved_text="Our engagement process concluded in May with a final community forum, and the plan reflects what we heard."),
               G("priorities::prompt-unanswered", "priorities", ["student_experience"])]),
    dict(id="p_hold_12_attleboro", district="Attleboro", voice="cd", fmt="md", layout="headings", heads="short",
         topics=["math", "belong"], n_bm_per=3, author="Denise Carvalho, Director of Teaching and Learning",
         gaps=[G("monitoring::no-student-work", "monitoring"),
               G("resources::kind-missing", "resources", ["internal"])]),
    dict(id="p_hold_13_beverly", district="Beverly", voice="data", fmt="docx", layout="headings", heads="official",
         topics=["lit"], keep_prompt=True, author="Rachel Kim, Director of Assessment",
         gaps=[G("outcomes::no-student-group-targets", "outcomes"),
               G("stakeholders::group-missing", "stakeholder_engagement", ["educators"], "prompt")]),
    dict(id="p_hold_14_clinton", district="Clinton", voice="terse", fmt="docx", layout="table2", heads="official",
         topics=["ml"], author="Steve Ouellette, Asst. Superintendent",
         struct={"role_clarity": "missing"}),
    dict(id="p_hold_15_easthampton", district="Easthampton", voice="super", fmt="docx", layout="headings", heads="official",
         topics=["lit", "belong"], author="Dr. Allison Roy, Superintendent",
         struct={"monitoring": "empty:PROMPT"}),
    dict(id="p_hold_16_gardner", district="Gardner", voice="plain", fmt="docx", layout="numbered_bold", heads="official",
         topics=["lit"], bm_style="prose", hardcases=["neg_students"], author="Joe Lavoie, Principal, Gardner Middle School"),
    dict(id="p_hold_17_gloucester", district="Gloucester", voice="cd", fmt="html", layout="headings", heads="official",
         topics=["lit", "ilt"], sub=True, n_bm_per=3, author="Beth Nolan, Assistant Superintendent for Teaching & Learning"),
    dict(id="p_hold_18_malden", district="Malden", voice="bi", fmt="eml", layout="numbered_bold", heads="official",
         topics=["ml", "lit"], n_bm_per=3, author="Fernanda Souza, Director of English Learner Education"),
    dict(id="p_hold_19_peabody", district="Peabody", voice="acro", fmt="xlsx", layout="form", heads="official",
         topics=["math"], author="Nick Pappas, Asst. Supt. T&L"),
    dict(id="p_hold_20_randolph", district="Randolph", voice="grant", fmt="docx", layout="headings", heads="caps",
         topics=["math", "lit"], role_table=True, bm_style="table", n_bm_per=3, author="Dr. Yvonne Joseph, Superintendent"),
]

for i, p in enumerate(DEV):
    p.setdefault("seed", 1000 + i)
    p["split"] = "dev"
for i, p in enumerate(HOLDOUT):
    p.setdefault("seed", 2000 + i)
    p["split"] = "holdout"

# moved texts for "moved" gaps (gap item only mentioned in another section)
for p in DEV + HOLDOUT:
    for g in p.get("gaps", []):
        if g["how"] == "moved" and g["code"].endswith("no-schools-listed"):
            g.setdefault("moved_to", "stakeholder_engagement")
            g.setdefault("moved_text", "We also heard from staff at {id2} and {os1} during spring walkthroughs; both asked for more coaching time.")

ALL = DEV + HOLDOUT
