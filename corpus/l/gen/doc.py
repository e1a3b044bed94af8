"""Turn a plan spec into a generic document model used by every renderer."""
from content import (build, SECTION_IDS, HEADSETS, PROMPT, placeholder, bench_text, GUIDE_HEAD)

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
MONTH_ORDER = ["September", "October", "November", "December", "January", "February", "March", "April", "May", "June"]
SCHEDULE = [
    ("September", "DLT meets the first Monday of every month to review data"),
    ("December", "Mid-year progress monitoring meeting with the SSoS regional team"),
    ("April", "Principal data conferences (one hour per school)"),
]


def number(heading, sid, style, headset):
    i = SECTION_IDS.index(sid)
    if headset == "guide":
        base = heading.split(". ", 1)[1]
    else:
        base = heading
    if style == "arabic":
        return f"{i+1}. {base}"
    if style == "roman":
        return f"{ROMAN[i]}. {base}"
    if style == "section":
        return f"Section {'ABCDEFGH'[i]}: {base}"
    if style == "part":
        return f"Part {i+1} – {base}"
    if style == "none":
        return base
    return heading  # keep


def mon_blocks(pl, spec, L):
    bench = pl["bench"]
    D = set(spec.get("defects", []))
    own = "mon-no-owner" not in D and L.get("bench_owner", True)
    frq = "mon-no-frequency" not in D and L.get("bench_freq", False)
    style = L.get("mon", "bullets")
    nprio = len(pl["prios"])
    out = []
    if style == "timeline":
        for i in range(max(nprio, 1)):
            bs = [c for c in bench if c["prio"] == i]
            if nprio > 1:
                out.append(("sub", f"{pl['prios'][i][0].rstrip(':—').strip()} timeline", i))
            items = [(c["when"], "bench", c) for c in bs]
            if spec.get("schedule_mix") and i == 0:
                items += [(m, "sched", t) for m, t in SCHEDULE]
            items.sort(key=lambda x: MONTH_ORDER.index(x[0]))
            for m, kind, c in items:
                if kind == "sched":
                    out.append(("b", f"{m}: {c}", i))
                else:
                    lvl = "district" if c["level"] == "district" else "school"
                    out.append(("b", f"{m}: {bench_text(c, own, frq)} [{lvl} level]", i))
        return out
    # bullets grouped by priority then level
    for i in range(max(nprio, 1)):
        bs = [c for c in bench if c["prio"] == i]
        if nprio > 1:
            out.append(("sub", f"{pl['prios'][i][0].rstrip(':—').strip()} benchmarks", i))
        for lvl, lab in (("district", L.get("dlab", "District-level benchmarks")), ("school", L.get("slab", "School-level benchmarks"))):
            sel = [c for c in bs if c["level"] == lvl]
            if not sel:
                continue
            out.append(("p", lab + ":", i))
            for c in sel:
                out.append(("b", bench_text(c, own, frq), i))
        if spec.get("schedule_mix") and i == 0:
            out.append(("p", "Meeting schedule:", i))
            for m, t in SCHEDULE:
                out.append(("b", f"{m}: {t}", i))
    return out


def build_doc(spec):
    pl = build(spec)
    L = spec.get("layout", {})
    headset = L.get("heads", "guide")
    H = HEADSETS[headset]
    status = pl["status"]
    empty = spec.get("empty", {})
    missing = spec.get("missing", [])
    secs = []
    for sid in SECTION_IDS:
        if sid in missing:
            continue
        heading = number(H[sid], sid, L.get("num", "keep"), headset)
        blocks = list(pl["blocks"][sid])
        bench = None
        if sid == "monitoring":
            intro = blocks
            if L.get("mon") == "table":
                bench = pl["bench"]
                blocks = intro
            else:
                mb = mon_blocks(pl, spec, L)
                h = pl["mon_head"]
                blocks = (intro[:h] + mb + intro[h:]) if L.get("mon_intro_first", True) else (mb + intro)
        if sid in empty:
            ph = placeholder(empty[sid], sid)
            blocks = [("p", ph, None)] if ph else []
            bench = None
        secs.append(dict(id=sid, heading=heading, prompt=PROMPT[sid], blocks=blocks, bench=bench,
                         status=status[sid]))
    if L.get("bullets_all"):
        for s in secs:
            if s["status"] == "present":
                s["blocks"] = [("b" if k == "p" else k, t, p) for k, t, p in s["blocks"]]
    for s in secs:
        if s["id"] in L.get("stray", {}) and s["status"] == "present":
            s["blocks"] = s["blocks"] + [("p", L["stray"][s["id"]], None)]
    # merged headings
    for a, b in L.get("merge", []):
        ia = [s["id"] for s in secs].index(a)
        sb = [s for s in secs if s["id"] == b][0]
        sa = secs[ia]
        sa["heading"] = L.get("merge_title", f"{H[a] if headset!='guide' else H[a].split('. ',1)[1]} and {H[b] if headset!='guide' else H[b].split('. ',1)[1]}")
        sa["id"] = f"{a}+{b}"
        sa["blocks"] = sa["blocks"] + [("sub", L.get("merge_sub", {}).get(b, H[b] if headset != 'guide' else H[b].split('. ', 1)[1]), None)] * bool(L.get("merge_sub_show", False)) + sb["blocks"]
        secs.remove(sb)
    pl["secs"] = secs
    pl["spec"] = spec
    pl["L"] = L
    ctx = pl["ctx"]
    pl["title"] = spec.get("title", f"{ctx.dname}: District Prioritization Submission, SY2023-2024")
    return pl


def bench_rows(pl, spec):
    """rows for a benchmark table: header + rows"""
    D = set(spec.get("defects", []))
    own = "mon-no-owner" not in D
    frq = "mon-no-frequency" not in D
    hdr = ["Priority", "Level", "Interim benchmark"] + (["Who monitors"] if own else []) + (["How often"] if frq else [])
    rows = []
    for c in pl["bench"]:
        r = [pl["prios"][c["prio"]][0].rstrip(":—").strip(), c["level"].capitalize(), c["text"]]
        if own:
            r.append(c["owner"])
        if frq:
            r.append(c["freq"])
        rows.append(r)
    return hdr, rows


def snippets(pl):
    """Answer snippets per present section, for check.py."""
    out = {}
    for sid in SECTION_IDS:
        if pl["status"][sid] != "present":
            continue
        bl = [t for k, t, p in pl["blocks"][sid] if k in ("p", "b") and len(t) > 30]
        if sid == "monitoring" and pl["bench"]:
            bl = bl + [pl["bench"][0]["text"]]
        if not bl:
            bl = [t for k, t, p in pl["blocks"][sid]]
        picks = [bl[0], bl[-1]] if len(bl) > 1 else bl
        out[sid] = [" ".join(t.split()[:6]) for t in picks]
    return out


def block_lines(blocks):
    return [t for k, t, p in blocks]


def split_by_prio(blocks, i):
    """blocks for priority i (shared blocks go to priority 0)"""
    return [b for b in blocks if (b[2] == i) or (b[2] is None and i == 0)]
