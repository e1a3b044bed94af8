"""PowerPoint decks (python-pptx): three deck styles."""
from pptx import Presentation
from pptx.util import Inches, Pt
from pptx.dml.color import RGBColor
from content import benchmarks, block_text

NOTES = ["Welcome everyone and thank the DILT for its work on this plan.",
         "Keep this brief; the School Committee has already seen these slides.",
         "Invite questions before moving on.",
         "Point out that this builds on last year's work.",
         "Highlight the link to the SOA plan.",
         "Remind the group that the full data set is in the appendix on the shared drive.",
         "Ask principals to share one example from their building.",
         "Transition to next steps."]


def para_items(blocks):
    """Flatten blocks into (text, level, bold_lead) items for a text frame."""
    items = []
    for b in blocks:
        if b[0] == "p":
            items.append((b[1], 0, None))
        elif b[0] == "lead":
            items.append((b[2], 0, b[1]))
        elif b[0] == "ul":
            for x in b[1]:
                items.append((x, 1, None))
        elif b[0] == "table":
            for r in b[2]:
                items.append((" \u2014 ".join(r), 1, None))
    return items


def size_for(items):
    n = sum(len(t) + (len(l) if l else 0) for t, _, l in items)
    if n > 1400:
        return 10
    if n > 1000:
        return 11
    if n > 650:
        return 13
    if n > 350:
        return 15
    return 18


def fill(tf, items, size=None):
    size = size or size_for(items)
    tf.word_wrap = True
    first = True
    for text, lvl, lead in items:
        para = tf.paragraphs[0] if first else tf.add_paragraph()
        first = False
        para.level = lvl
        if lead:
            r = para.add_run()
            r.text = lead + " "
            r.font.bold = True
            r.font.size = Pt(size)
        r = para.add_run()
        r.text = text
        r.font.size = Pt(size)


def split_items(items, limit=1100):
    total = sum(len(t) for t, _, _ in items)
    if total <= limit or len(items) < 2:
        return [items]
    acc, cut = 0, len(items) - 1
    for i, (t, _, _) in enumerate(items):
        acc += len(t)
        if acc > total / 2:
            cut = max(1, i)
            break
    return [items[:cut], items[cut:]]


def add_notes(slide, i):
    slide.notes_slide.notes_text_frame.text = NOTES[i % len(NOTES)]


def title_slide(prs, p, sub):
    s = prs.slides.add_slide(prs.slide_layouts[0])
    t = s.shapes.title
    t.left, t.top, t.width, t.height = Inches(0.8), Inches(2.2), Inches(11.7), Inches(1.5)
    st = s.placeholders[1]
    st.left, st.top, st.width, st.height = Inches(0.8), Inches(4.0), Inches(11.7), Inches(1.6)
    s.shapes.title.text = p["district"]
    s.placeholders[1].text = sub
    return s


def set_title(s, title):
    t = s.shapes.title
    t.left, t.top, t.width, t.height = Inches(0.5), Inches(0.25), Inches(12.3), Inches(1.0)
    t.text = title
    for para in t.text_frame.paragraphs:
        for r in para.runs:
            r.font.size = Pt(32 if len(title) < 40 else 26)
            r.font.color.rgb = RGBColor(0x1F, 0x3B, 0x63)


def body(s):
    b = s.placeholders[1]
    b.left, b.top, b.width, b.height = Inches(0.5), Inches(1.35), Inches(12.3), Inches(5.9)
    return b


def content_slide(prs, title, items, note_i, notes=True, size=None):
    s = prs.slides.add_slide(prs.slide_layouts[1])
    set_title(s, title)
    body = s.placeholders[1]
    body.left, body.top, body.width, body.height = Inches(0.5), Inches(1.35), Inches(12.3), Inches(5.9)
    fill(body.text_frame, items, size)
    if notes:
        add_notes(s, note_i)
    return s


def table_slide(prs, title, header, rows, note_i, after=None):
    s = prs.slides.add_slide(prs.slide_layouts[5])
    set_title(s, title)
    nchar = sum(len(x) for r in rows for x in r)
    fs = 12 if nchar < 500 else 10 if nchar < 900 else 9
    h = Inches(0.4) * (len(rows) + 1)
    tbl = s.shapes.add_table(len(rows) + 1, len(header), Inches(0.5), Inches(1.4), Inches(12.3), h).table
    widths = {2: [3, 9.3], 3: [2.2, 6.1, 4], 4: [1.4, 6.3, 2.6, 2], 5: [0.6, 3.2, 3, 3, 2.5]}.get(len(header))
    if widths:
        for i, w in enumerate(widths):
            tbl.columns[i].width = Inches(w)
    for j, hname in enumerate(header):
        tbl.cell(0, j).text = hname
        tbl.cell(0, j).text_frame.paragraphs[0].runs[0].font.size = Pt(fs)
    for i, r in enumerate(rows, 1):
        for j, x in enumerate(r):
            tbl.cell(i, j).text = x
            tbl.cell(i, j).text_frame.paragraphs[0].runs[0].font.size = Pt(fs)
    if after:
        tb = s.shapes.add_textbox(Inches(0.5), Inches(6.4), Inches(12.3), Inches(0.9))
        fill(tb.text_frame, [(after, 0, None)], 12)
    add_notes(s, note_i)
    return s


def two_box_slide(prs, title, left, right, note_i):
    s = prs.slides.add_slide(prs.slide_layouts[3])
    set_title(s, title)
    phs = [ph for ph in s.placeholders if ph.placeholder_format.idx in (1, 2)]
    for k, ph in enumerate(phs):
        ph.left, ph.top, ph.width, ph.height = Inches(0.5 + 6.3 * k), Inches(1.35), Inches(6.0), Inches(5.9)
    for ph, items in zip(phs, [left, right]):
        fill(ph.text_frame, items, min(size_for(left), size_for(right)))
    add_notes(s, note_i)
    return s


def build(p, built, layout, out):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    secs = built["sections"]
    c = built["ctx"]
    rendered = {}
    title_slide(prs, p, f"SSoS District Prioritization Submission \u00b7 SY 2023-24\n{p['supt']}, Superintendent \u00b7 June 2023")
    if layout in ("decka", "deckb"):
        # agenda: names the sections but is not one
        from content import HEADINGS, SECTION_IDS
        heads = [h.split(None, 1)[1] if h[:1].isdigit() else h for h in HEADINGS[p["headings"]]]
        s = prs.slides.add_slide(prs.slide_layouts[1])
        set_title(s, "Agenda")
        fill(body(s).text_frame, [("Context and purpose", 0, None)] +
             [(h, 0, None) for h in heads] + [("Next steps and questions", 0, None)], 16)
        add_notes(s, 0)
        ctx_s = prs.slides.add_slide(prs.slide_layouts[1])
        set_title(ctx_s, "Context and purpose")
        idn = sum(1 for x in p["schools"] if x["ident"])
        fill(body(ctx_s).text_frame, [
            (f"{p['district']} serves students in {len(p['schools'])} schools; {idn} are identified by the state accountability system as requiring assistance.", 0, None),
            ("This deck is our submission to the Statewide System of Support and will guide our partnership with the regional assistance team next year.", 0, None)], 18)
        add_notes(ctx_s, 1)
    for i, sec in enumerate(secs):
        title = sec["heading"]
        items = para_items(sec["blocks"])
        if layout == "deckb" and sec["id"] == "priorities" and c["t2"] and sec["state"] == "present":
            t1, t2 = c["t1"], c["t2"]
            L = [(t1["title"], 0, "Priority 1:"), ("Educator practice: " + t1["practice"], 1, None),
                 ("Student experience: " + t1["experience"], 1, None), ("Gaps addressed: " + t1["gap"] + ".", 1, None)]
            R = [(t2["title"], 0, "Priority 2:"), ("Educator practice: " + t2["practice"], 1, None),
                 ("Student experience: " + t2["experience"], 1, None), ("Gaps addressed: " + t2["gap"] + ".", 1, None)]
            if p["voice"] == "U":
                from content import acronymize
                L = [(acronymize([("p", t)])[0][1], l, b) for t, l, b in L]
                R = [(acronymize([("p", t)])[0][1], l, b) for t, l, b in R]
            two_box_slide(prs, title, L, R, i)
            rendered[sec["id"]] = [t for t, _, _ in L + R]
            continue
        if layout == "deckb" and sec["id"] == "monitoring" and sec["state"] == "present":
            g = c["g"]
            hdr = ["Level", "Benchmark"] + ([] if g.get("mon_no_owner") else ["Who monitors"]) + \
                  ([] if g.get("mon_no_freq") else ["How often"])
            rows = []
            for lvl, w in benchmarks(c):
                r = [lvl.capitalize(), w]
                if not g.get("mon_no_owner"):
                    r.append(c["owners"][lvl][0].upper() + c["owners"][lvl][1:])
                if not g.get("mon_no_freq"):
                    r.append(c["freq"][lvl][0].upper() + c["freq"][lvl][1:])
                rows.append(r)
            sw = [b for b in sec["blocks"] if b[0] == "p"][-1][1]
            table_slide(prs, title, hdr, rows, i, after=sw)
            rendered[sec["id"]] = [r[1] for r in rows] + [sw]
            continue
        if layout == "deckb" and any(b[0] == "table" for b in sec["blocks"]):
            tb = [b for b in sec["blocks"] if b[0] == "table"][0]
            rest = [b for b in sec["blocks"] if b is not tb]
            table_slide(prs, title, tb[1], tb[2], i, after=" ".join(block_text(b) for b in rest) or None)
            rendered[sec["id"]] = [x for r in tb[2] for x in r]
            continue
        limit = 700 if layout == "deckb" else 1100
        parts = split_items(items, limit)
        for k, part in enumerate(parts):
            content_slide(prs, title + (" (cont.)" if k else ""), part, i + k, notes=(layout != "deckc" or i % 2 == 0))
        rendered[sec["id"]] = [t for t, _, _ in items]
    s = prs.slides.add_slide(prs.slide_layouts[1])
    set_title(s, "Next steps")
    fill(body(s).text_frame, [("Submit to ssos1@mass.gov by June 30, 2023", 0, None),
                                         ("Review feedback from the regional assistance team in August", 0, None),
                                         ("Launch with all staff at opening days", 0, None)], 18)
    prs.core_properties.author = p["supt"]
    prs.core_properties.title = f"{p['district']} SSoS Submission SY23-24"
    prs.save(out)
    return rendered
