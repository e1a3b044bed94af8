"""Corpus R: plan text. Builds, for one plan spec, the eight sections as a neutral model:
section = dict(shared_pre=[blocks], per=[[blocks] per priority], shared_post=[blocks], notes=[str])
blocks: ("p", text) | ("b", text, level) | ("h", text) | ("table", rows)
Gaps (plan["gaps"]: key -> mode) remove or replace exactly the sentences that answer a sub-prompt."""
import random
from themes import THEMES

SIDS = ["priorities", "analysis", "stakeholder_engagement", "outcomes",
        "role_clarity", "monitoring", "resources", "differentiation"]

HEADINGS = {
    "guidance": ["1. Priority(ies)", "2. Analysis of Strengths and Challenges", "3. Stakeholder Engagement",
                 "4. Outcomes", "5. Role Clarity", "6. Monitoring Implementation", "7. Resources", "8. Differentiation"],
    "section": ["Section 1: Priorities", "Section 2: Analysis of Strengths & Challenges", "Section 3: Stakeholder Engagement",
                "Section 4: Outcomes", "Section 5: Role Clarity", "Section 6: Monitoring", "Section 7: Resources",
                "Section 8: Differentiated Support"],
    "own": ["Our instructional priorities", "What the data told us", "Who we listened to", "What success will look like",
            "Who does what", "How we will know it is working", "What we will use", "Support for each school"],
    "own_num": ["1 | Where we are focusing", "2 | Strengths and challenges", "3 | Who we listened to", "4 | Targets",
                "5 | Roles", "6 | Checking progress", "7 | Resources & budget", "8 | Differentiated support"],
    "short": ["Priorities", "Analysis", "Stakeholders", "Outcomes", "Roles", "Monitoring", "Resources", "Differentiation"],
}
GUIDANCE_HEADINGS = HEADINGS["guidance"]
SHORT = HEADINGS["short"]

PROMPTS = {  # the guidance's own prompt, used for "only the prompt repeated" empty sections
    "analysis": "What data led you to identify or recommit to this priority? What are the underlying systemic factors that contribute to the findings in your data analysis?",
    "stakeholder_engagement": "How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan?",
    "outcomes": "Which specific Accountability targets will be met as a result of focusing on this priority?",
    "role_clarity": "What is your strategy to ensure that all stakeholders understand their role in implementing this priority?",
    "monitoring": "What interim benchmarks will you track throughout the year at both the district and school level? Who will monitor these and how often?",
    "resources": "What partnerships, programs, or resources will you leverage to implement this priority?",
    "differentiation": "How will the district differentiate assistance for schools identified by the Accountability system as requiring assistance?",
}

SYN = [
    dict(fam="families", stu="students", edu="teachers", lead="principals"),
    dict(fam="caregivers", stu="scholars", edu="educators", lead="school leaders"),
    dict(fam="parents and guardians", stu="students", edu="teachers and paraprofessionals", lead="building leaders"),
    dict(fam="families and caregivers", stu="young people", edu="educators", lead="principals and assistant principals"),
]

VOICES = {
    "superintendent": dict(by="Presented by {sup}, Superintendent of Schools",
                           intro={"priorities": "I want us to do fewer things, and do them well.",
                                  "stakeholder_engagement": "I spent much of this spring listening before writing.",
                                  "resources": "We are putting our money where our priorities are."},
                           notes=["Pause for questions from the committee.", "Keep this slide to two minutes.",
                                  "Thank the design team by name here."],
                           closing="Questions? Contact the Superintendent's Office"),
    "consultant": dict(by="Prepared with Bayview Education Partners for {district}",
                       intro={"priorities": "The district has chosen to keep its focus narrow for the coming year.",
                              "analysis": "The district's data review drew on the four areas of the CSDP Coherence Guidebook.",
                              "role_clarity": "Role expectations below were drafted with the district's leadership team."},
                       notes=["Consultant note: confirm numbers with the data office before sending.",
                              "Facilitator: invite reactions before moving on."],
                       closing="Thank you. Questions and feedback welcome"),
    "data_team": dict(by="Office of Data, Assessment & Accountability",
                      intro={"analysis": "Sources: MCAS 2024, DIBELS/i-Ready 2024-25, spring surveys, walkthrough logs.",
                             "monitoring": "Benchmarks are few on purpose."},
                      notes=["Data pulled June 2025.", "Check the n-sizes before presenting."],
                      closing="Questions? data@district.example.org"),
    "teacher_committee": dict(by="Drafted by the Teacher Design Committee with district leadership",
                              intro={"priorities": "We are classroom teachers, and we wrote this plan with our colleagues in mind.",
                                     "role_clarity": "Everyone has a part; here is ours and theirs."},
                              notes=["Committee member presenting: rotate speakers here.", "Mention the meeting dates."],
                              closing="Questions? Talk to any member of the design committee"),
    "dilt": dict(by="District Instructional Leadership Team (DILT)",
                 intro={"priorities": "The DILT recommends keeping the same priorities for a second year.",
                        "monitoring": "The DILT will use these benchmarks to steer the work."},
                 notes=["DILT: this is the slide we discussed on June 4.", "Leave time for table talk."],
                 closing="Questions?"),
    "school_committee": dict(by="School Committee presentation, June 2025",
                             intro={"priorities": "Tonight we are asking the committee to endorse our submission.",
                                    "resources": "The budget you approved in March already reflects these choices."},
                             notes=["Chair will call for questions after this slide.", "Slides will be posted online."],
                             closing="Questions from the Committee?"),
    "curriculum": dict(by="Office of Teaching and Learning",
                       intro={"analysis": "We looked at aggregate and student-level data together.",
                              "role_clarity": "Clear roles keep the work coherent from the central office to the classroom."},
                       notes=["Curriculum office: link to the full data deck in the chat.", "Two minutes."],
                       closing="Thank you!"),
    "principals": dict(by="Principals' Council with the Office of the Superintendent",
                       intro={"priorities": "These priorities came out of our own schools' data.",
                              "differentiation": "Not every school needs the same thing."},
                       notes=["Principal presenting this part: rotate.", "Mention the April retreat."],
                       closing="Questions?"),
}

REASONS = ["the lowest 10th percentile of schools", "a federal targeted support designation",
           "underperforming status under M.G.L. c. 69 \u00a71J", "a federal comprehensive support designation"]


def stakeholder_sentences(syn, rng):
    f, s, e, l = syn["fam"], syn["stu"], syn["edu"], syn["lead"]
    cap = lambda x: x[0].upper() + x[1:]
    return {
        "students": rng.choice([
            f"{cap(s)}: 140 {s} in grades 4-12 joined focus groups and our student advisory council; they asked for class work that reflects their lives, which shaped what students will experience under each priority.",
            f"Student voice: we held lunch conversations with {s} at every middle and high school and read 900 responses to the spring student survey; {s} asked to talk and work together more in class.",
        ]),
        "families": rng.choice([
            f"{cap(f)}: 212 {f} answered the spring survey (offered in English, Spanish, Portuguese and Haitian Creole) and about 60 came to two evening forums; they asked for clearer updates on their children's progress, so each priority includes a progress report home.",
            f"{cap(f)}: the Parent Advisory Council and the English Learner Parent Advisory Council each reviewed the draft; {f} pushed us to add home-language supports to the plan.",
        ]),
        "educators": rng.choice([
            f"{cap(e)}: a design team of 28 {e} met five times to draft the changes in practice, and every school's faculty gave feedback on the draft in May.",
            f"{cap(e)}: focus groups in each building and the teachers' association reviewed the plan; their concern about planning time led to the protected PLC blocks.",
        ]),
        "school_leaders": rng.choice([
            f"{cap(l)}: {l} met as a leadership council four times from February to May to test the priorities against their school data and propose the interim benchmarks.",
            f"{cap(l)}: every principal completed a root-cause protocol with their ILT and brought the results to the April leadership retreat, where the priorities were confirmed.",
        ]),
        "community": rng.choice([
            "Community: the public library, the Boys & Girls Club and a local health center reviewed the draft and offered after-school and summer partnerships.",
            "Community: we presented the draft to the city's youth commission and a coalition of faith and community organizations, who asked us to keep the plan focused.",
        ]),
    }


STK_TRAP = {
    ("students", "negated"): "We did not collect input from {stu} this spring; a student survey is planned for the fall.",
    ("families", "negated"): "We have not yet surveyed {fam} about these priorities; we plan to do so in the fall.",
    ("families", "hypothetical"): "If we had more time, we would have held {fam} forums at each school.",
    ("community", "hypothetical"): "Ideally, community partners would review the plan too, and we hope to arrange that next year.",
    ("community", "negated"): "We did not reach out to community organizations for this plan.",
    ("educators", "negated"): "There was no separate round of {edu} input this year because of the contract negotiations.",
    ("school_leaders", "hypothetical"): "Principals could be asked to review the plan over the summer if time allows.",
}


def build(plan):
    rng = random.Random(plan["id"])
    syn = SYN[plan.get("syn", 0)]
    gaps = plan.get("gaps", {})
    themes = [THEMES[k] for k in plan["themes"]]
    voice = VOICES[plan["voice"]]
    n = len(themes)
    schools = plan["schools"]          # list of (name, reason or None)
    ident = [s for s, r in schools if r]
    other_need = [s for s, r in schools if not r][:1]
    secs = {sid: dict(shared_pre=[], per=[[] for _ in themes], shared_post=[], notes=[]) for sid in SIDS}
    g = lambda k: gaps.get(k)
    numw = {1: "one", 2: "two", 3: "three"}[n]

    def intro(sid):
        t = voice["intro"].get(sid)
        if t:
            secs[sid]["shared_pre"].append(("p", t))

    def trap_note(sid, text):
        secs[sid]["notes"].append("Speaker note: " + text)

    # 1. Priorities
    intro("priorities")
    secs["priorities"]["shared_pre"].append(("p", rng.choice([
        f"For SY2025-26 {plan['short']} will focus on {numw} instructional priorit{'y' if n == 1 else 'ies'}.",
        f"{plan['short']} is keeping {numw} priorit{'y' if n == 1 else 'ies'}, refined from last year.",
        f"Our submission names {numw} top instructional priorit{'y' if n == 1 else 'ies'} for the year."])))
    for i, t in enumerate(themes):
        blk = secs["priorities"]["per"][i]
        blk.append(("h", f"Priority {i + 1}: {t['title']}"))
        for key, gk in (("practice", "p_practice"), ("experience", "p_experience"), ("equity", "p_equity")):
            mode = g(gk)
            if mode is None:
                blk.append(("b", t[key], 0))
            elif mode == "vague" and key == "equity":
                blk.append(("b", "Who benefits: this priority is for all of our students, in every school.", 0))
            elif mode == "notes":
                trap_note("priorities", t[key])
    # 2. Analysis
    intro("analysis")
    for i, t in enumerate(themes):
        blk = secs["analysis"]["per"][i]
        blk.append(("h", f"Priority {i + 1} \u2013 {t['short']}"))
        for area, gk in (("student_outcomes", "a_outcomes"), ("instruction", "a_instruction"),
                         ("stakeholder_perspectives", "a_perspectives"), ("systems_structures", "a_systems")):
            if g(gk) is None:
                blk.append(("b", t["data"][area], 0))
            elif g(gk) == "negated" and i == 0:
                blk.append(("b", {"a_perspectives": "We did not run student, staff or family surveys this year, so there is no perception data in this analysis.",
                                  "a_instruction": "We have not yet gathered classroom observation data for this priority.",
                                  }.get(gk, "Data for this area is not yet available."), 0))
        if g("a_groups") is None:
            blk.append(("b", t["groups"], 0))
        if g("a_work") is None:
            blk.append(("b", t["work"], 0))
        elif g("a_work") == "negated" and i == 0:
            blk.append(("b", "We did not look at student work samples as part of this year's analysis.", 0))
        if g("a_systems") is None:
            blk.append(("b", t["systemic"], 0))
    if g("a_groups") is None and plan.get("equity_pause"):
        secs["analysis"]["shared_post"].append(("p", "Data Equity Pause: when we disaggregated by school and classroom, the same student groups were taught below grade level most often."))
    # 3. Stakeholder engagement
    intro("stakeholder_engagement")
    st = stakeholder_sentences(syn, rng)
    present_groups = []
    for grp, gk in (("students", "s_students"), ("families", "s_families"), ("educators", "s_educators"),
                    ("school_leaders", "s_leaders"), ("community", "s_community")):
        mode = g(gk)
        if mode is None:
            secs["stakeholder_engagement"]["shared_pre"].append(("b", st[grp], 0))
            present_groups.append(grp)
        elif mode == "notes":
            trap_note("stakeholder_engagement", st[grp])
        elif mode in ("negated", "hypothetical"):
            secs["stakeholder_engagement"]["shared_pre"].append(("b", STK_TRAP[(grp, mode)].format(**syn), 0))
    iw = {"students": syn["stu"], "families": syn["fam"], "educators": syn["edu"], "school_leaders": "the principal and ILT"}
    ig = [iw[x] for x in present_groups if x in iw][:2]
    reason = dict(schools)[ident[0]]
    if g("s_identified") is None:
        secs["stakeholder_engagement"]["shared_pre"].append(("b", rng.choice([
            f"Schools requiring assistance: at {ident[0]} (identified because of {reason}) we held separate listening sessions with {' and '.join(ig)}; they described uneven support during core instruction, which is why that school gets coaching first.",
            f"Input from our identified schools: {' and '.join(ig)} at {' and '.join(ident)} told us that interruptions to core instruction were the biggest barrier, and the plan responds by protecting those blocks first.",
        ]), 0))
    elif g("s_identified") == "negated":
        secs["stakeholder_engagement"]["shared_pre"].append(("b", "We did not hold separate sessions at the schools identified as requiring assistance this year.", 0))
    if g("s_ongoing") is None:
        secs["stakeholder_engagement"]["shared_post"].append(("p", rng.choice([
            "Staying engaged: the design group continues as an implementation advisory team, and progress on the benchmarks is shared at quarterly public meetings with time for feedback.",
            "Continuous engagement: each quarter we publish a one-page progress update and hold an open meeting to review benchmark data and adjust the plan.",
            "Ongoing: the stakeholders who helped write the plan will meet every semester during implementation to review monitoring data and recommend changes.",
        ])))
    elif g("s_ongoing") == "negated":
        secs["stakeholder_engagement"]["shared_post"].append(("p", "We have not yet decided how stakeholders will stay involved once the plan is approved."))
    # 4. Outcomes
    intro("outcomes")
    for i, t in enumerate(themes):
        blk = secs["outcomes"]["per"][i]
        blk.append(("h", f"Priority {i + 1}"))
        if g("o_acct") is None:
            blk.append(("b", t["targets_agg"], 0))
            if g("o_groups") is None:
                blk.append(("b", t["targets_group"], 0))
        else:
            if g("o_acct") == "negated" and i == 0:
                blk.append(("b", "Accountability targets have not been released to us yet; we will add them to this section when they arrive.", 0))
            if g("o_groups") is None:
                blk.append(("b", t["local"], 0))
        blk.append(("b", t["other"], 0))
    # 5. Role clarity
    intro("role_clarity")
    for i, t in enumerate(themes):
        blk = secs["role_clarity"]["per"][i]
        blk.append(("h", f"Priority {i + 1}: {t['short']}"))
        for lvl, gk in (("central_office", "r_co"), ("school_leaders", "r_sl"), ("teachers", "r_t")):
            mode = g(gk)
            if mode is None:
                blk.append(("b", t["roles"][lvl], 0))
            elif mode == "deferred":
                lab = {"central_office": "Central office", "school_leaders": "School leaders", "teachers": "Teachers"}[lvl]
                blk.append(("b", f"{lab}: to be determined by each school in the fall.", 0))
    if plan.get("role_strategy", True):
        secs["role_clarity"]["shared_pre"].append(("p", "Everyone will hear the same message: the roles below are shared at the August leadership retreat, in every school's opening meeting, and in a one-page role card."))
    # 6. Monitoring
    intro("monitoring")
    owner_mode, freq_mode = g("m_owner"), g("m_freq")
    total = 0
    for i, t in enumerate(themes):
        pool = t["benchmarks"]
        if g("m_district"):
            pool = [b for b in pool if b[0] == "school"]
        if g("m_school"):
            pool = [b for b in pool if b[0] == "district"]
        k = plan["bm"][i]
        assert k <= len(pool), (plan["id"], t["short"], k, len(pool))
        chosen = pool[:k]
        total += k
        blk = secs["monitoring"]["per"][i]
        blk.append(("h", f"Priority {i + 1} interim benchmarks"))
        if plan.get("bm_style") == "table":
            hdr = ["Interim benchmark", "Level"]
            if owner_mode in (None, "tbd"): hdr.append("Who monitors")
            if freq_mode in (None, "tbd"): hdr.append("How often")
            rows = [hdr]
            for lvl, txt, own, fr in chosen:
                r = [txt, "District" if lvl == "district" else "School"]
                if owner_mode is None: r.append(own[0].upper() + own[1:])
                elif owner_mode == "tbd": r.append("TBD")
                if freq_mode is None: r.append(fr[0].upper() + fr[1:])
                elif freq_mode == "tbd": r.append("To be determined")
                rows.append(r)
            blk.append(("table", rows))
        else:
            for lvl, txt, own, fr in chosen:
                s = f"{'District' if lvl == 'district' else 'School'} level: {txt}"
                extra = []
                if owner_mode is None: extra.append(f"monitored by the {own}")
                if freq_mode is None: extra.append(f"reviewed {fr}")
                if owner_mode == "tbd": extra.append("owner TBD")
                if freq_mode == "tbd": extra.append("frequency to be set")
                if extra: s += " (" + "; ".join(extra) + ")"
                blk.append(("b", s, 0))
    if g("m_work") is None and (owner_mode or freq_mode):
        # no names and no time words here, so the sentence cannot stand in for an owner or a frequency
        secs["monitoring"]["shared_post"].append(("p", "Student work: common tasks from each unit will be analyzed at the classroom, school and district levels with a looking-at-student-work protocol."))
    elif g("m_work") is None:
        secs["monitoring"]["shared_post"].append(("p", rng.choice([
            "Student work: every month PLCs use a looking-at-student-work protocol on a common task; principals bring samples to the DILT each quarter, and the district reviews a sample set from every school in January and May.",
            "Analyzing student work: classroom teams review work samples from each unit, school ILTs compare samples across grades, and the district leadership team examines a cross-school sample twice a year.",
        ])))
    elif g("m_work") == "negated":
        secs["monitoring"]["shared_post"].append(("p", "We have not decided yet how student work samples will be reviewed."))
    if owner_mode is None and freq_mode is None:
        secs["monitoring"]["shared_post"].append(("p", "The DILT reviews all benchmark data together at its monthly meeting and adjusts the plan as needed."))
    if g("d_schools") == "other":
        secs["monitoring"]["shared_post"].append(("p", f"School-level benchmarks will be tracked most closely at {', '.join(ident + other_need)}."))
    # 7. Resources
    intro("resources")
    if g("res_int") is None:
        secs["resources"]["shared_pre"].append(("h", "Internal resources"))
        for t in themes:
            secs["resources"]["shared_pre"].append(("b", t["res_int"].split(": ", 1)[1], 0))
    if g("res_ext") is None:
        secs["resources"]["shared_pre"].append(("h", "External partners and supports"))
        for t in themes:
            secs["resources"]["shared_pre"].append(("b", t["res_ext"].split(": ", 1)[1], 0))
    elif g("res_ext") == "hypothetical":
        secs["resources"]["shared_pre"].append(("p", "We may look for outside partners or grants later in the year if they become available."))
    if g("res_budget") is None:
        secs["resources"]["shared_post"].append(("p", rng.choice([
            f"Budget equity (ESSA): our review of school-level spending showed that {ident[0]} receives about $900 less per pupil than the district average once special-program staff are excluded; the plan gives {ident[0]} the first and largest share of new supports to correct that.",
            "Addressing budget inequities: the ESSA resource allocation review found that the schools with the most English learners had the least experienced staff and the fewest supports; this plan directs new supports to those schools first.",
        ])))
    elif g("res_budget") == "negated":
        secs["resources"]["shared_post"].append(("p", "The ESSA budget equity review is not complete yet, so this plan does not address it."))
    # 8. Differentiation
    intro("differentiation")
    if g("d_schools") is None:
        secs["differentiation"]["shared_pre"].append(("p", "Schools receiving differentiated support:"))
        sup = ["weekly coaching cycles and a monthly district data meeting with the principal",
               "a dedicated instructional coach, extra planning time and SSoS walkthroughs each quarter",
               "priority access to training and a mid-year review of its school plan",
               "targeted coaching for the grades with the widest gaps"]
        for j, s in enumerate(ident + other_need):
            r = dict(schools)[s]
            why = f"identified: {r}" if r else "not identified, but needs more support with this priority"
            secs["differentiation"]["shared_pre"].append(("b", f"{s} ({why}): {sup[j % len(sup)]}.", 0))
        secs["differentiation"]["shared_post"].append(("p", "All other schools receive the district-wide training and walkthroughs."))
    else:
        secs["differentiation"]["shared_pre"].append(("p", "Schools identified by the accountability system as requiring assistance will receive weekly coaching cycles, extra planning time and a monthly data meeting with district leaders. Other schools that need more support with this priority will get targeted coaching for the grades with the widest gaps. All schools receive the district-wide training."))
    return secs, total


def empty_model(kind, sid, heading):
    """Content of an empty section: only placeholder text or the prompt repeated."""
    if kind == "tbd":
        return [("p", "TBD")]
    if kind == "insert":
        return [("p", f"[Insert {SHORT[SIDS.index(sid)].lower()} here]")]
    if kind == "prompt":
        return [("p", PROMPTS.get(sid, heading))]
    if kind == "blank":
        return []
    raise ValueError(kind)
