"""Plan table for corpus S and the gap -> SPEC finding mapping used for truth."""
from ctx import D, listing, short
from topics import T
from sections import SIDS, BUILDERS

# id, fmt, district, topics, benchmark indices per topic, gaps {"sec.key": mode}, fail, variant overrides
# fmt: docx | pandoc | lohtml | loodt | template | twocol | xlsx-grid | xlsx-flow | eml-<docx|pandoc|template|twocol>
# sec prefixes: P priorities, A analysis, S stakeholder_engagement, O outcomes, R role_clarity, M monitoring,
#               X resources, DF differentiation
# trap modes: drop (just absent), neg (only negated), future (only a wish/plan), prompt (only in the kept template
#             prompt), comment (only in a Word comment), other (only in another section)
PLANS = [
 # ---------------------------------------------------------------- dev
 dict(id="s_d01", fmt="docx", district="Lowell", topics=["lit", "ilt"], bench=[[0, 1, 2], [1, 0]], gaps={}),
 dict(id="s_d02", fmt="pandoc", district="Fall River", topics=["math"], bench=[[0, 1, 3]],
      gaps={"S.students": "neg", "X.budget": "drop", "P.eq": "neg"}),
 dict(id="s_d03", fmt="template", district="Chelsea", topics=["ml"], bench=[[0, 1, 2, 4]], gaps={}),
 dict(id="s_d04", fmt="lohtml", district="Springfield", topics=["lit", "belong"], bench=[[1, 3, 4], [1, 3]],
      gaps={"A.work": "other", "M.district": "neg"}),
 dict(id="s_d05", fmt="twocol", district="Taunton", topics=["lit"], bench=[[0, 1, 2]], gaps={}),
 dict(id="s_d06", fmt="template", district="Brockton", topics=["math"], bench=[[0, 1, 3]],
      gaps={"S.families": "prompt", "O.targets": "future"}),
 dict(id="s_d07", fmt="xlsx-grid", district="Webster", topics=["lit"], bench=[[0, 1, 3]], gaps={}),
 dict(id="s_d08", fmt="docx", district="Worcester", topics=["lit", "math", "belong"], bench=[[0, 1], [0, 1], [0, 1]],
      gaps={"M.owner": "drop"}),
 dict(id="s_d09", fmt="eml-docx", district="Gateway", topics=["math", "ilt"], bench=[[0, 1], [1, 0]], gaps={}),
 dict(id="s_d10", fmt="twocol", district="North Adams", topics=["lit"], bench=[[0, 1, 2]],
      gaps={"P.ep": "prompt", "X.external": "neg"}),
 dict(id="s_d11", fmt="loodt", district="Pittsfield", topics=["lit", "belong"], bench=[[0, 1, 3], [0, 1]], gaps={}),
 dict(id="s_d12", fmt="docx", district="Lynn", topics=["ml"], bench=[[0, 1, 3]],
      gaps={"S.idschool": "future", "R.teachers": "drop", "M.freq": "drop"}),
 dict(id="s_d13", fmt="pandoc", district="Athol-Royalston", topics=["lit"], bench=[[0, 1]], gaps={}),
 dict(id="s_d14", fmt="eml-pandoc", district="Framingham", topics=["ml", "ilt"], bench=[[0, 1], [0, 1]],
      gaps={"O.grouptargets": "drop"}, fail=("missing", "differentiation")),
 dict(id="s_d15", fmt="docx", district="Greenfield", topics=["math"], bench=[[0, 1, 2, 3]], gaps={},
      comment=("outcomes", "J. Duclos", "Targets look right to me. Can we add the ACCESS numbers to the appendix?")),
 dict(id="s_d16", fmt="xlsx-flow", district="Orange", topics=["belong", "ilt"], bench=[[0, 1], [1, 0]],
      gaps={"P.clsp": "drop", "M.mwork": "other"}),
 dict(id="s_d17", fmt="lohtml", district="New Bedford", topics=["math", "ml"], bench=[[0, 1], [1, 0]], gaps={}),
 dict(id="s_d18", fmt="docx", district="Chicopee", topics=["lit"], bench=[[0, 1, 2]],
      gaps={"S.community": "comment", "DF.schools": "drop", "A.systems_structures": "drop"}),
 dict(id="s_d19", fmt="template", district="Northampton", topics=["disc"], bench=[[0, 1, 2]], gaps={}),
 dict(id="s_d20", fmt="pandoc", district="Winchendon", topics=["lit", "belong"], bench=[[0, 1], [0, 1]], gaps={}),
 # ---------------------------------------------------------------- holdout
 dict(id="s_h01", fmt="twocol", district="Boston", topics=["disc", "ml"], bench=[[1, 0], [0, 1]], gaps={}),
 dict(id="s_h02", fmt="docx", district="Springfield", topics=["math"], bench=[[0, 1, 3]],
      gaps={"A.stakeholder_perspectives": "neg", "S.educators": "drop"}, v={"stakeholder_engagement": 1}),
 dict(id="s_h03", fmt="loodt", district="Fitchburg", topics=["lit"], bench=[[0, 1, 2]], gaps={}),
 dict(id="s_h04", fmt="pandoc", district="Lynn", topics=["lit"], bench=[[0, 1, 2, 3, 4, 5]],
      gaps={"M.many": "drop", "S.ongoing": "drop"}),
 dict(id="s_h05", fmt="eml-template", district="Brockton", topics=["lit"], bench=[[0, 1, 3]], gaps={}),
 dict(id="s_h06", fmt="template", district="Worcester", topics=["ml", "belong"], bench=[[0, 1], [0, 1]],
      gaps={"R.central_office": "prompt", "X.internal": "drop", "A.groups": "neg"}, v={"analysis": 1, "priorities": 2}),
 dict(id="s_h07", fmt="docx", district="Taunton", topics=["lit", "ilt"], bench=[[0, 1], [1, 0]], gaps={}),
 dict(id="s_h08", fmt="template", district="Pittsfield", topics=["math"], bench=[[0, 1, 3]],
      gaps={"S.school_leaders": "drop"}, fail=("empty", "resources")),
 dict(id="s_h09", fmt="xlsx-grid", district="Fall River", topics=["lit", "belong"], bench=[[0, 1], [0, 1]], gaps={}),
 dict(id="s_h10", fmt="lohtml", district="Gateway", topics=["lit"], bench=[[0, 2, 5]],
      gaps={"P.se": "drop", "M.school": "drop"}),
 dict(id="s_h11", fmt="pandoc", district="Chicopee", topics=["math"], bench=[[0, 1, 3]], gaps={}),
 dict(id="s_h12", fmt="xlsx-flow", district="Orange", topics=["lit", "math", "ilt"], bench=[[0, 1], [0, 1], [1]],
      gaps={"S.families": "future"}),
 dict(id="s_h13", fmt="template", district="Greenfield", topics=["lit", "belong"], bench=[[0, 1], [1, 0]], gaps={}),
 dict(id="s_h14", fmt="docx", district="Athol-Royalston", topics=["lit"], bench=[[0, 1, 2]],
      gaps={"A.instruction": "drop", "O.grouptargets": "drop", "X.budget": "future"}),
 dict(id="s_h15", fmt="loodt", district="Framingham", topics=["ml", "math"], bench=[[1, 0], [0, 1]], gaps={}),
 dict(id="s_h16", fmt="docx", district="Chelsea", topics=["lit"], bench=[[0, 1, 2]],
      gaps={"M.owner": "drop", "M.mwork": "drop", "S.students": "comment"}),
 dict(id="s_h17", fmt="twocol", district="Webster", topics=["math"], bench=[[0, 1, 2]], gaps={}),
 dict(id="s_h18", fmt="eml-twocol", district="New Bedford", topics=["math", "belong"], bench=[[0, 1], [1, 0]],
      gaps={"DF.schools": "drop", "O.targets": "drop", "R.school_leaders": "drop"}),
 dict(id="s_h19", fmt="lohtml", district="North Adams", topics=["lit"], bench=[[0, 1, 3]], gaps={}),
 dict(id="s_h20", fmt="pandoc", district="Winchendon", topics=["lit"], bench=[[0, 1, 2]],
      gaps={"S.idschool": "drop"}, fail=("missing", "role_clarity")),
]

PREFIX = {"P": "priorities", "A": "analysis", "S": "stakeholder_engagement", "O": "outcomes", "R": "role_clarity",
          "M": "monitoring", "X": "resources", "DF": "differentiation"}

# gap key -> (code, item or None)
GAPCODE = {
 ("priorities", "ep"): ("priorities::prompt-unanswered", "educator_practice"),
 ("priorities", "se"): ("priorities::prompt-unanswered", "student_experience"),
 ("priorities", "eq"): ("priorities::prompt-unanswered", "equity_gaps"),
 ("priorities", "clsp"): ("priorities::no-clsp-focus", None),
 **{("analysis", k): ("analysis::data-area-missing", k) for k in
    ("student_outcomes", "instruction", "stakeholder_perspectives", "systems_structures")},
 ("analysis", "groups"): ("analysis::no-student-groups", None),
 ("analysis", "work"): ("analysis::no-student-work", None),
 **{("stakeholder_engagement", k): ("stakeholders::group-missing", k) for k in
    ("students", "families", "educators", "school_leaders", "community")},
 ("stakeholder_engagement", "idschool"): ("stakeholders::no-identified-school-input", None),
 ("stakeholder_engagement", "ongoing"): ("stakeholders::no-ongoing-engagement", None),
 ("outcomes", "targets"): ("outcomes::no-accountability-targets", None),
 ("outcomes", "grouptargets"): ("outcomes::no-student-group-targets", None),
 **{("role_clarity", k): ("roles::level-missing", k) for k in ("central_office", "school_leaders", "teachers")},
 ("monitoring", "many"): ("monitoring::too-many-benchmarks", None),
 ("monitoring", "owner"): ("monitoring::no-owner", None),
 ("monitoring", "freq"): ("monitoring::no-frequency", None),
 ("monitoring", "district"): ("monitoring::level-missing", "district"),
 ("monitoring", "school"): ("monitoring::level-missing", "school"),
 ("monitoring", "mwork"): ("monitoring::no-student-work", None),
 ("resources", "internal"): ("resources::kind-missing", "internal"),
 ("resources", "external"): ("resources::kind-missing", "external"),
 ("resources", "budget"): ("resources::no-budget-equity", None),
 ("differentiation", "schools"): ("differentiation::no-schools-listed", None),
}

STU = [("students", "student"), ("scholars", "scholar"), ("students", "student"), ("learners", "learner"),
       ("young people", "young person"), ("students", "student"), ("children", "child")]
FAM = ["families", "caregivers", "families and caregivers", "parents and guardians", "families", "guardians"]
ML = ["Multilingual Learners", "English learners", "MLs", "multilingual learners", "ELs", "Multilingual Learners"]
SWD = ["students with disabilities", "our special education population", "students with IEPs", "SWDs",
       "students with disabilities"]
SUBJ = {"lit": "ELA", "math": "mathematics", "ml": "ELA", "disc": "ELA", "belong": "ELA", "ilt": "ELA"}
OFFS = {"priorities": 0, "analysis": 1, "stakeholder_engagement": 2, "outcomes": 0, "role_clarity": 1,
        "monitoring": 2, "resources": 1, "differentiation": 2}


def split(p):
    return "dev" if p["id"].startswith("s_d") else "holdout"


def gapmap(p):
    g = {s: {} for s in SIDS}
    for k, mode in p["gaps"].items():
        pre, key = k.split(".")
        g[PREFIX[pre]][key] = mode
    return g


def ctx(p, sid):
    i = PLANS.index(p)
    d = D[p["district"]]
    stu, stu_s = STU[i % len(STU)]
    if p["topics"][0] in ("disc",):
        stu, stu_s = "young people", "young person"
    elif stu == "young people" and p["topics"][0] in ("lit", "math"):
        stu, stu_s = "students", "student"
    fam = FAM[(i * 2) % len(FAM)]
    ml = ML[(i * 3 + 1) % len(ML)]
    c = dict(d=p["district"], stu=stu, stu_s=stu_s, Stu=stu[0].upper() + stu[1:],
             stu_poss=(stu + "'") if stu.endswith("s") else stu + "'s",
             fam=fam, Fam=fam[0].upper() + fam[1:], ml=ml, ML=ml[0].upper() + ml[1:],
             swd=SWD[i % len(SWD)], subj=SUBJ[p["topics"][0]], pct=str(27 + (i * 7) % 15),
             ident=d["ident"], more=d["more"], ident_list=listing(d["ident"]), more_list=listing(d["more"]),
             ident0=d["ident"][0], ident1=(d["ident"] + d["more"])[1], **{k: d[k] for k in
             ("ext", "comm", "univ", "assess", "early", "ela", "math", "cao")})
    c["topics"] = p["topics"]
    c["nostu"] = "S.students" in p["gaps"]
    c["bench"] = [(ti, T[t]["bench"][j]) for ti, t in enumerate(p["topics"]) for j in p["bench"][ti]]
    c["v"] = p.get("v", {}).get(sid, (i + OFFS[sid]) % 3)
    return c


def sections(p):
    """[(sid, state, blocks)] in order; state present|empty|missing."""
    g = gapmap(p)
    out = []
    for sid in SIDS:
        if p.get("fail") == ("missing", sid):
            out.append((sid, "missing", []))
            continue
        if p.get("fail") == ("empty", sid):
            out.append((sid, "empty", []))
            continue
        blocks = BUILDERS[sid](ctx(p, sid), g[sid])
        if p.get("comment") and p["comment"][0] == sid:
            b = blocks[0]
            blocks[0] = ("p", b[1], {"comment": p["comment"][1:]}) if b[0] == "p" else b
        out.append((sid, "present", blocks))
    return out


def truth(p):
    secs = {sid: st for sid, st, _ in sections(p)}
    g = gapmap(p)
    findings = {}
    for sid in SIDS:
        if secs[sid] != "present":
            continue
        for key in g[sid]:
            code, item = GAPCODE[(sid, key)]
            f = findings.setdefault((code, sid), {"code": "ssos::" + code, "section": sid, "items": []})
            if item: f["items"].append(item)
    n = len(p["topics"])
    status = "fail" if n > 2 or any(v != "present" for v in secs.values()) else "pass"
    return {"sections": secs, "status": status, "priorities": n,
            "benchmarks": sum(len(b) for b in p["bench"]), "findings": list(findings.values())}
