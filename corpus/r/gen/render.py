"""Corpus R: render one plan as a .pptx deck in its layout family (A-I, see plans.FAMILIES)."""
import math, random, re
from lxml import etree
from pptx import Presentation
from pptx.util import Inches, Pt, Emu
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN, MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.shapes.autoshape import Shape
from content import SIDS, HEADINGS, SHORT, GUIDANCE_HEADINGS, VOICES, THEMES, empty_model

PALETTES = [("1F3864", "D9E2F3", "2E75B6"), ("385723", "E2EFDA", "70AD47"), ("7B2C5F", "F3E0EC", "B04A8C"),
            ("833C0B", "FBE5D6", "C55A11"), ("203864", "DEEBF7", "4472C4"), ("3A3A3A", "EDEDED", "7F7F7F")]


def heading(plan, i):
    h = HEADINGS[plan["heading"]][i]
    if plan["family"] == "D":
        h = re.sub(r"^\d+\.\s*", "", h)
        h = re.sub(r"^Section \d+: ", "", h)
        h = re.sub(r"^\d+ \| ", "", h)
        return f"Part {i + 1}: {h}"
    return h


def state(plan, sid):
    return plan["sections"].get(sid, "present")


def section_model(plan, secs, sid):
    st = state(plan, sid)
    if st.startswith("empty:"):
        n = len(plan["themes"])
        return dict(shared_pre=empty_model(st.split(":")[1], sid, heading(plan, SIDS.index(sid))), per=[[] for _ in range(n)], shared_post=[], notes=[])
    return secs[sid]


def block_text(b):
    return b[1]


def linear(m):
    out = list(m["shared_pre"])
    for blk in m["per"]:
        out += blk
    return out + list(m["shared_post"])


def tables_to_bullets(blocks):
    out = []
    for b in blocks:
        if b[0] == "table":
            hdr = b[1][0]
            for r in b[1][1:]:
                s = r[0] + " (" + "; ".join(f"{hdr[j].lower()}: {r[j]}" for j in range(1, len(r))) + ")"
                out.append(("b", s, 1))
        else:
            out.append(b)
    return out


# ------------------------------------------------------------------ text metrics
def est_lines(text, w_in, pt):
    cpl = max(8, w_in * 72 / (pt * 0.53))
    return max(1, math.ceil(len(text) / cpl))


def est_height(texts, w_in, pt):
    return sum(est_lines(t, w_in, pt) * pt * 1.22 / 72 + pt * 0.35 / 72 for t in texts) + 0.12


def fit_pt(texts, w, h, hi=20, lo=11):
    pt = hi
    while pt > lo and est_height(texts, w, pt) > h:
        pt -= 1
    return pt


def label_tables(chunks):
    """Keep a bold label ('Priority 1 interim benchmarks') on the slide of the table it introduces."""
    out = []
    for ch in chunks:
        if ch and ch[0][0] == "table" and out and out[-1] and out[-1][-1][0] == "h":
            lab = out[-1].pop()
            if not out[-1]: out.pop()
            out.append([lab] + ch)
        else:
            out.append(ch)
    return out


def chunk(blocks, w, h, pt):
    """Greedy split of text blocks (tables on their own) into pieces that fit w x h at pt."""
    out, cur = [], []
    for b in blocks:
        if b[0] == "table":
            if cur: out.append(cur); cur = []
            out.append([b]); continue
        if cur and est_height([x[1] for x in cur + [b]], w, pt) > h:
            # keep a priority label with what follows it
            if cur[-1][0] == "h" and len(cur) > 1:
                out.append(cur[:-1]); cur = [cur[-1], b]
            else:
                out.append(cur); cur = [b]
        else:
            cur.append(b)
    if cur: out.append(cur)
    return out


# ------------------------------------------------------------------ paragraph helpers
def _bullet(p, char="\u2022", indent=228600):
    pPr = p._p.get_or_add_pPr()
    pPr.set("marL", str(indent)); pPr.set("indent", str(-indent))
    for tag in ("a:buNone", "a:buChar", "a:buFont"):
        for e in pPr.findall(qn(tag)): pPr.remove(e)
    f = etree.SubElement(pPr, qn("a:buFont")); f.set("typeface", "Arial")
    c = etree.SubElement(pPr, qn("a:buChar")); c.set("char", char)


def _nobullet(p):
    pPr = p._p.get_or_add_pPr()
    pPr.set("marL", "0"); pPr.set("indent", "0")
    etree.SubElement(pPr, qn("a:buNone"))


def add_run(p, text, pt, bold=False, color=None, italic=False):
    r = p.add_run(); r.text = text
    r.font.size = Pt(pt); r.font.bold = bold
    if italic: r.font.italic = True
    if color: r.font.color.rgb = RGBColor.from_string(color)
    return r


def fill(tf, blocks, pt, mode, first_bold=None, color=None, typed="\u2022 "):
    """mode: 'ph' (body placeholder, master bullets), 'box' (text box, real bullets), 'typed' (text box, typed bullets)."""
    tf.word_wrap = True
    has_h = any(b[0] == "h" for b in blocks)
    paras = []
    if first_bold:
        paras.append(("H", first_bold))
    paras += blocks
    first = True
    for b in paras:
        p = tf.paragraphs[0] if first else tf.add_paragraph()
        first = False
        kind = b[0]
        if kind == "H":
            add_run(p, b[1], pt + 4, bold=True, color=color)
            if mode == "ph": _nobullet(p)
            continue
        if kind == "h":
            add_run(p, b[1], pt, bold=True, color=color)
            if mode == "ph": _nobullet(p)
        elif kind == "p":
            add_run(p, b[1], pt)
            if mode == "ph": _nobullet(p)
        elif kind == "b":
            lvl = b[2] + (1 if has_h else 0)
            if mode == "ph":
                p.level = min(lvl, 4)
            elif mode == "box":
                _bullet(p, "\u2022" if lvl == 0 else "\u2013", 228600 * (lvl + 1))
            else:
                add_run(p, ("    " * lvl) + (typed if lvl == 0 else "\u2013 "), pt)
            add_run(p, b[1], pt)
        p.space_after = Pt(pt * 0.3)


class Deck:
    def __init__(self, plan):
        self.plan = plan
        self.rng = random.Random(plan["id"] + "/render")
        self.pal = PALETTES[int(plan["id"][-2:]) % len(PALETTES)]
        self.prs = Presentation()
        if plan["aspect"] == "16:9":
            k = 13.333 / 10
            self.prs.slide_width = Inches(13.333)
            for shp in list(self.prs.slide_master.shapes) + [ph for l in self.prs.slide_layouts for ph in l.placeholders]:
                off = shp._element.xpath("./p:spPr/a:xfrm/a:off")
                ext = shp._element.xpath("./p:spPr/a:xfrm/a:ext")
                if off and ext:   # only shapes with their own position (layout placeholders may inherit)
                    off[0].set("x", str(int(int(off[0].get("x")) * k)))
                    ext[0].set("cx", str(int(int(ext[0].get("cx")) * k)))
        self.W = self.prs.slide_width / 914400
        self.H = self.prs.slide_height / 914400
        self.n = 0
        self.footer_text = f"{plan['short']} \u00b7 FY26 SSoS"
        if plan["footer"] == "master":
            self._master_footer()

    def _master_footer(self):
        tree = self.prs.slide_master.shapes._spTree
        sp = CT_Shape.new_textbox_sp(900, "Footer text", Inches(0.4), Inches(self.H - 0.45), Inches(self.W * 0.6), Inches(0.35))
        tree.append(sp)
        tf = Shape(sp, self.prs.slide_master.shapes).text_frame
        add_run(tf.paragraphs[0], self.footer_text, 10, color="7F7F7F")
        if self.plan["slidenum"]:
            sp2 = CT_Shape.new_textbox_sp(901, "Slide number", Inches(self.W - 1.2), Inches(self.H - 0.45), Inches(0.8), Inches(0.35))
            tree.append(sp2)
            p = Shape(sp2, self.prs.slide_master.shapes).text_frame.paragraphs[0]
            p.alignment = PP_ALIGN.RIGHT
            fld = etree.SubElement(p._p, qn("a:fld"))
            fld.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"); fld.set("type", "slidenum")
            rpr = etree.SubElement(fld, qn("a:rPr")); rpr.set("lang", "en-US"); rpr.set("sz", "1000")
            t = etree.SubElement(fld, qn("a:t")); t.text = "\u2039#\u203a"

    def slide(self, layout, title=None):
        s = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        self.n += 1
        if title is not None and s.shapes.title is not None:
            s.shapes.title.text = title
            if layout != 0 and len(title) > 26:
                for r in s.shapes.title.text_frame.paragraphs[0].runs:
                    r.font.size = Pt(32 if len(title) <= 40 else 28)
        if self.plan["footer"] == "slide" and self.n > 1:
            tb = s.shapes.add_textbox(Inches(0.4), Inches(self.H - 0.45), Inches(self.W * 0.6), Inches(0.35))
            add_run(tb.text_frame.paragraphs[0], self.footer_text, 10, color="7F7F7F")
            if self.plan["slidenum"]:
                tb = s.shapes.add_textbox(Inches(self.W - 1.2), Inches(self.H - 0.45), Inches(0.8), Inches(0.35))
                tb.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
                add_run(tb.text_frame.paragraphs[0], str(self.n), 10, color="7F7F7F")
        return s

    def note(self, s, text):
        if not text: return
        tf = s.notes_slide.notes_text_frame
        tf.text = (tf.text + "\n" + text) if tf.text else text

    def section_notes(self, s, m):
        if self.plan["notes"] and self.rng.random() < 0.6:
            self.note(s, self.rng.choice(VOICES[self.plan["voice"]]["notes"]))
        for t in m.get("notes", []):
            self.note(s, t)

    def textbox(self, s, x, y, w, h, blocks, pt, mode="box", first_bold=None, color=None):
        tb = s.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        fill(tb.text_frame, blocks, pt, mode, first_bold=first_bold, color=color)
        return tb

    def table(self, s, x, y, w, rows, colw, pt, header=True, merges=()):
        nr, nc = len(rows), len(rows[0])
        gt = s.shapes.add_table(nr, nc, Inches(x), Inches(y), Inches(w), Inches(0.4 * nr))
        t = gt.table
        for j, cw in enumerate(colw):
            t.columns[j].width = Inches(cw)
        for r, row in enumerate(rows):
            for c, val in enumerate(row):
                if val is None: continue
                cell = t.cell(r, c)
                paras = val if isinstance(val, list) else [val]
                tf = cell.text_frame; tf.word_wrap = True
                for k, ptxt in enumerate(paras):
                    p = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
                    bold = (r == 0 and header) or (c == 0) or ptxt.startswith("\x01")
                    add_run(p, ptxt.lstrip("\x01"), pt, bold=bold)
        for (r0, c0, r1, c1) in merges:
            t.cell(r0, c0).merge(t.cell(r1, c1))
        return t

    # ------------------------------------------------------------ common slides
    def title_slide(self):
        p = self.plan
        s = self.slide(0, f"{p['district']}: District Prioritization Submission")
        s.placeholders[1].text = "SY2025-26 (FY26) \u00b7 " + VOICES[p["voice"]]["by"].format(sup=p["sup"], district=p["district"])
        if p["notes"]:
            self.note(s, "Welcome and introductions. Submission due to ssos1@mass.gov.")
        return s

    def agenda(self):
        if not self.plan["agenda"]: return
        s = self.slide(1, self.rng.choice(["Agenda", "Today's agenda", "Contents"]))
        items = [heading(self.plan, i) for i in range(8)]
        tf = s.placeholders[1].text_frame
        for i, it in enumerate(items):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            add_run(p, it, 20)
        self.note(s, "Walk through the eight parts of the submission quickly.")

    def closing(self):
        if not self.plan["closing"]: return
        v = VOICES[self.plan["voice"]]
        s = self.slide(5, v["closing"].split("?")[0] + ("?" if "?" in v["closing"] else ""))
        rest = v["closing"].split("?", 1)[1].strip() if "?" in v["closing"] else ""
        if rest:
            self.textbox(s, 1, 3, self.W - 2, 1, [("p", rest)], 20)
        self.note(s, "Open the floor.")

    def save(self, path):
        cp = self.prs.core_properties
        import datetime
        cp.author = self.plan["sup"]; cp.last_modified_by = self.plan["sup"]
        cp.title = f"{self.plan['district']} District Prioritization Submission SY2025-26"
        cp.created = datetime.datetime(2025, 6, 2, 9, 0, 0)
        cp.modified = datetime.datetime(2025, 6, 20, 16, 30, 0)
        cp.last_printed = datetime.datetime(2025, 6, 20, 16, 30, 0)
        cp.revision = 7
        cp.subject = "SSoS"; cp.keywords = ""; cp.comments = ""; cp.category = ""
        self.prs.save(path)


# ------------------------------------------------------------------ families
def body_box(d):
    return 0.6, 1.65, d.W - 1.2, d.H - 2.35


def fam_A(d, secs):
    p = d.plan
    bx, by, bw, bh = body_box(d)
    for i, sid in enumerate(SIDS):
        if state(p, sid) == "missing": continue
        m = section_model(p, secs, sid)
        blocks = linear(m)
        head = heading(p, i)
        if not blocks:
            s = d.slide(1, head); d.section_notes(s, m); continue
        chunks = label_tables(chunk(blocks, bw - 0.6, bh, 14))
        for j, ch in enumerate(chunks):
            title = head if j == 0 else head + (p["cont"] or "")
            if ch[-1][0] == "table":
                s = d.slide(5, title)
                rows = ch[-1][1]
                y = by
                if len(ch) > 1:
                    d.textbox(s, bx, by, bw, 0.45, ch[:-1], 16, mode="box"); y += 0.55
                colw = [bw * 0.46] + [bw * 0.54 / (len(rows[0]) - 1)] * (len(rows[0]) - 1)
                d.table(s, bx, y, bw, rows, colw, 12)
            else:
                s = d.slide(1, title)
                pt = fit_pt([b[1] for b in ch], bw - 0.6, bh, 20, 12)
                fill(s.placeholders[1].text_frame, ch, pt, "ph")
            if j == 0: d.section_notes(s, m)


def fam_B(d, secs):
    p = d.plan
    c1, c2, c3 = d.pal
    for i, sid in enumerate(SIDS):
        if state(p, sid) == "missing": continue
        m = section_model(p, secs, sid)
        blocks = linear(m)
        head = heading(p, i)
        chunks = label_tables(chunk(blocks, d.W - 1.4, d.H - 2.2, 13)) or [[]]
        for j, ch in enumerate(chunks):
            s = d.slide(6)
            bar = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, d.prs.slide_width, Inches(0.18))
            bar.fill.solid(); bar.fill.fore_color.rgb = RGBColor.from_string(c3); bar.line.fill.background()
            t = s.shapes.add_textbox(Inches(0.5), Inches(0.35), Inches(d.W - 1), Inches(0.9))
            add_run(t.text_frame.paragraphs[0], head + ("" if j == 0 else " \u2013 continued"), 30, bold=True, color=c1)
            if ch and ch[-1][0] == "table":
                rows = ch[-1][1]
                y = 1.45
                if len(ch) > 1:
                    d.textbox(s, 0.6, y, d.W - 1.2, 0.45, ch[:-1], 15, mode="typed"); y += 0.55
                colw = [(d.W - 1.2) * 0.45] + [(d.W - 1.2) * 0.55 / (len(rows[0]) - 1)] * (len(rows[0]) - 1)
                d.table(s, 0.6, y, d.W - 1.2, rows, colw, 11)
            elif ch:
                pt = fit_pt([b[1] for b in ch], d.W - 1.4, d.H - 2.2, 18, 12)
                d.textbox(s, 0.6, 1.4, d.W - 1.2, d.H - 2.1, ch, pt, mode="typed")
            if j == 0: d.section_notes(s, m)


def fam_C(d, secs):
    p = d.plan
    for i, sid in enumerate(SIDS):
        if state(p, sid) == "missing": continue
        m = section_model(p, secs, sid)
        blocks = tables_to_bullets(linear(m))
        head = heading(p, i)
        chunks = chunk(blocks, d.W - 1.4, d.H - 1.9, 13) or [[]]
        for j, ch in enumerate(chunks):
            s = d.slide(6)
            pt = fit_pt([b[1] for b in ch] + ([head] if j == 0 else []), d.W - 1.4, d.H - 1.6, 18, 12)
            d.textbox(s, 0.6, 0.5, d.W - 1.2, d.H - 1.3, ch, pt, mode="box",
                      first_bold=head if j == 0 else None, color=d.pal[0])
            if j == 0: d.section_notes(s, m)


def fam_D(d, secs):
    p = d.plan
    bx, by, bw, bh = body_box(d)
    names = [t["short"] for t in (THEMES[k] for k in p["themes"])]
    for i, sid in enumerate(SIDS):
        if state(p, sid) == "missing": continue
        m = section_model(p, secs, sid)
        head = heading(p, i)
        s = d.slide(2, head)
        sub = re.sub(r"^\d+\.\s*", "", GUIDANCE_HEADINGS[i])
        if p["heading"] != "guidance":
            s.placeholders[1].text = sub
        d.section_notes(s, m)
        groups = []
        if m["shared_pre"]:
            groups.append((SHORT[i], list(m["shared_pre"])))
        for k, blk in enumerate(m["per"]):
            if not blk: continue
            blk = [b for b in blk if not (b[0] == "h" and sid != "priorities")]
            groups.append((f"Priority {k + 1}: {names[k]}", tables_to_bullets(blk)))
        if m["shared_post"]:
            if groups: groups[-1] = (groups[-1][0], groups[-1][1] + list(m["shared_post"]))
            else: groups.append((SHORT[i], list(m["shared_post"])))
        if not groups and state(p, sid).startswith("empty"):
            d.slide(1, SHORT[i])
        for gt, blocks in groups:
            for j, ch in enumerate(chunk(blocks, bw - 0.6, bh, 14)):
                pt = fit_pt([b[1] for b in ch], bw - 0.6, bh, 20, 12)
                if j == 0 or p["cont"] is not None:
                    s2 = d.slide(1, gt if j == 0 else gt + p["cont"])
                    fill(s2.placeholders[1].text_frame, ch, pt, "ph")
                else:
                    s2 = d.slide(6)
                    d.textbox(s2, bx, 0.6, bw, d.H - 1.3, ch, pt, mode="box")


def fam_E(d, secs):
    p = d.plan
    names = [t["short"] for t in (THEMES[k] for k in p["themes"])]
    bx, by, bw, bh = body_box(d)
    cw, ch_h = bw / 2 - 0.3, d.H - 2.9
    for i, sid in enumerate(SIDS):
        if state(p, sid) == "missing": continue
        m = section_model(p, secs, sid)
        head = heading(p, i)
        first = [True]

        def title():
            t = head if first[0] else head + p["cont"]
            first[0] = False
            return t
        if m["shared_pre"] or not any(m["per"]):
            for j, ch in enumerate(chunk(m["shared_pre"], bw - 0.6, bh, 14) or [[]]):
                s = d.slide(1, title())
                if ch:
                    fill(s.placeholders[1].text_frame, ch, fit_pt([b[1] for b in ch], bw - 0.6, bh, 20, 12), "ph")
                if j == 0: d.section_notes(s, m)
        if any(m["per"]):
            cols = []
            for k, blk in enumerate(m["per"]):
                blk = tables_to_bullets([b for b in blk if not (b[0] == "h" and sid != "priorities")])
                cols.append(chunk(blk, cw - 0.4, ch_h, 12))
            for j in range(max(len(c) for c in cols)):
                s = d.slide(4, title())
                for k in range(2):
                    hdr_ph, body_ph = s.placeholders[1 + 2 * k], s.placeholders[2 + 2 * k]
                    hdr_ph.text = f"Priority {k + 1}: {names[k]}" + ("" if j == 0 else " (cont.)")
                    if j < len(cols[k]):
                        c = cols[k][j]
                        fill(body_ph.text_frame, c, fit_pt([b[1] for b in c], cw - 0.4, ch_h, 16, 11), "ph")
                if j == 0 and not m["shared_pre"]: d.section_notes(s, m)
        if m["shared_post"]:
            for ch in chunk(m["shared_post"], bw - 0.6, bh, 14):
                s = d.slide(1, title())
                fill(s.placeholders[1].text_frame, ch, fit_pt([b[1] for b in ch], bw - 0.6, bh, 20, 12), "ph")


def cell_paras(blocks, keep_h=True):
    out = []
    for b in tables_to_bullets(blocks):
        if b[0] == "h":
            if keep_h: out.append("\x01" + b[1])
        elif b[0] == "b":
            out.append("\u2022 " + b[1])
        else:
            out.append(b[1])
    return out


def paged_table(d, title_fn, rows, colw, pt, header, max_h):
    """rows: list of (cells, merges_within_row) ; split rows over slides; oversize rows are halved."""
    def row_h(cells):
        return max(est_height([x.lstrip("\x01") for x in (c if isinstance(c, list) else [c or ""])], colw[j] - 0.2, pt) for j, c in enumerate(cells) if c is not None)
    def split(cells, merge):
        if row_h(cells) <= max_h - 0.6: return [(cells, merge)]
        a, b = [], []
        for j, c in enumerate(cells):
            if isinstance(c, list) and j > 0:
                h = (len(c) + 1) // 2; a.append(c[:h]); b.append(c[h:])
            elif j == 0:
                a.append(c); b.append((c or "") + " (cont.)" if c else c)
            else:
                a.append(c); b.append(c if c is None else "")
        if all(not isinstance(c, list) or len(c) <= 1 for c in cells[1:]): return [(cells, merge)]
        return split(a, merge) + split(b, merge)
    flat = []
    for cells, merge in rows:
        flat += split(cells, merge)
    pages, cur, hsum = [], [], row_h(header) if header else 0
    base = hsum
    for cells, merge in flat:
        h = row_h(cells)
        if cur and hsum + h > max_h:
            pages.append(cur); cur = []; hsum = base
        cur.append((cells, merge)); hsum += h
    if cur: pages.append(cur)
    for n, pg in enumerate(pages):
        s = d.slide(5, title_fn(n, len(pages)))
        rows_ = ([header] if header else []) + [c for c, _ in pg]
        merges = []
        off = 1 if header else 0
        for r, (_, mg) in enumerate(pg):
            if mg: merges.append((r + off, mg[0], r + off, mg[1]))
        d.table(s, 0.5, 1.5, d.W - 1.0, rows_, colw, pt, header=bool(header), merges=merges)
        yield s


def fam_F(d, secs):
    p = d.plan
    names = [t["short"] for t in (THEMES[k] for k in p["themes"])]
    colw = [2.4, d.W - 1.0 - 2.4]
    maxh = d.H - 2.2
    n = len(p["themes"])
    for k in range(n):
        rows = []
        for i, sid in enumerate(SIDS):
            if state(p, sid) != "present": continue
            blk = secs[sid]["per"][k]
            if not blk: continue
            rows.append(([heading(p, i), cell_paras(blk, keep_h=(sid == "priorities"))], None))
        tt = f"Priority {k + 1}: {names[k]}"
        for j, s in enumerate(paged_table(d, lambda a, b: tt + (f" ({a + 1} of {b})" if b > 1 else ""), rows, colw, 11, ["Section", "Our plan"], maxh)):
            if j == 0 and p["notes"]: d.note(s, d.rng.choice(VOICES[p["voice"]]["notes"]))
    rows = []
    note_texts = []
    for i, sid in enumerate(SIDS):
        st = state(p, sid)
        if st == "missing": continue
        m = section_model(p, secs, sid)
        note_texts += m.get("notes", [])
        blocks = m["shared_pre"] + m["shared_post"]
        if st.startswith("empty"):
            rows.append(([heading(p, i), cell_paras(blocks) or [""]], None))
        elif blocks:
            rows.append(([heading(p, i), cell_paras(blocks)], None))
    tt = "District-wide: all priorities" if n > 1 else "District-wide elements"
    for j, s in enumerate(paged_table(d, lambda a, b: tt + (f" ({a + 1} of {b})" if b > 1 else ""), rows, colw, 11, ["Section", "Our plan"], maxh)):
        if j == 0:
            for t in note_texts: d.note(s, t)
    # section-level trap notes of per-priority sections land on the district-wide slide


def fam_G(d, secs):
    p = d.plan
    names = [t["short"] for t in (THEMES[k] for k in p["themes"])]
    n = len(p["themes"])
    lw = 1.9
    colw = [lw] + [(d.W - 1.0 - lw) / n] * n
    header = ["Section"] + [f"Priority {k + 1}: {names[k]}" for k in range(n)]
    rows, notes = [], []
    for i, sid in enumerate(SIDS):
        st = state(p, sid)
        if st == "missing": continue
        m = section_model(p, secs, sid)
        notes += m.get("notes", [])
        label = heading(p, i)
        def add(cells, merge):
            nonlocal label
            rows.append(([label] + cells, merge)); label = ""
        if m["shared_pre"] or st.startswith("empty"):
            add([cell_paras(m["shared_pre"]) or [""]] + [None] * (n - 1), (1, n) if n > 1 else None)
        if any(m["per"]):
            add([cell_paras(blk, keep_h=(sid == "priorities")) for blk in m["per"]], None)
        if m["shared_post"]:
            add([cell_paras(m["shared_post"])] + [None] * (n - 1), (1, n) if n > 1 else None)
    for j, s in enumerate(paged_table(d, lambda a, b: f"Our plan at a glance ({a + 1} of {b})", rows, colw, 10, header, d.H - 2.1)):
        if j == 0:
            for t in notes: d.note(s, t)


def fam_H(d, secs):
    p = d.plan
    c1, c2, c3 = d.pal
    W, H = d.W, d.H
    for i, sid in enumerate(SIDS):
        if state(p, sid) == "missing": continue
        m = section_model(p, secs, sid)
        head = heading(p, i)
        groups = []   # (header or None, [texts], kind)
        pre = [b for b in m["shared_pre"] if b[0] == "p"]
        cur = None
        for b in tables_to_bullets([b for b in m["shared_pre"] if b[0] != "p"]):
            if b[0] == "h":
                cur = [b[1], []]; groups.append(cur)
            else:
                if cur is None: cur = [None, []]; groups.append(cur)
                cur[1].append(b[1])
        for blk in m["per"]:
            cur = None
            for b in tables_to_bullets(blk):
                if b[0] == "h":
                    cur = [b[1], []]; groups.append(cur)
                elif b[0] in ("b", "p"):
                    if cur is None: cur = [None, []]; groups.append(cur)
                    cur[1].append(b[1])
        post = list(m["shared_post"])
        s = d.slide(5, head)
        d.section_notes(s, m)
        y = 1.55
        if pre:
            hh = est_height([b[1] for b in pre], W - 1.2, 13)
            d.textbox(s, 0.6, y, W - 1.2, hh, pre, 13, mode="box"); y += hh + 0.05
        arrows = sid in ("role_clarity", "priorities")
        for hdr, texts in groups:
            if not texts and hdr is None: continue
            per_row = 3 if len(texts) in (3, 5, 6) or arrows else 4
            per_row = min(per_row, max(1, len(texts)))
            gap = 0.35 if arrows else 0.15
            bw_ = (W - 1.2 - gap * (per_row - 1)) / per_row
            rows_ = [texts[r:r + per_row] for r in range(0, len(texts), per_row)]
            rh = [max(est_height([t], bw_ - 0.2, 10.5) for t in r) + 0.1 for r in rows_]
            need = (0.45 if hdr else 0) + sum(rh) + 0.1 * len(rows_)
            if y + min(need, (0.45 if hdr else 0) + rh[0]) > H - 0.6 and y > 1.6:
                s = d.slide(5, head); y = 1.55
            grp = s.shapes.add_group_shape()
            if hdr:
                hb = grp.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(0.6), Inches(y), Inches(W - 1.2), Inches(0.4))
                hb.fill.solid(); hb.fill.fore_color.rgb = RGBColor.from_string(c1); hb.line.fill.background()
                tf = hb.text_frame; tf.word_wrap = True
                add_run(tf.paragraphs[0], hdr, 12 if len(hdr) < 120 else 10, bold=True, color="FFFFFF")
                y += 0.45
            for r, row in enumerate(rows_):
                if y + rh[r] > H - 0.5 and y > 2.2:
                    s = d.slide(5, head); y = 1.55; grp = s.shapes.add_group_shape()
                for c, t in enumerate(row):
                    x = 0.6 + c * (bw_ + gap)
                    bx_ = grp.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(x), Inches(y), Inches(bw_), Inches(rh[r]))
                    bx_.fill.solid(); bx_.fill.fore_color.rgb = RGBColor.from_string(c2)
                    bx_.line.color.rgb = RGBColor.from_string(c3)
                    tf = bx_.text_frame; tf.word_wrap = True; tf.vertical_anchor = MSO_ANCHOR.TOP
                    for mg in ("margin_left", "margin_right"): setattr(tf, mg, Inches(0.08))
                    pp = tf.paragraphs[0]; pp.alignment = PP_ALIGN.LEFT
                    add_run(pp, t, 10.5, color="000000")
                    if arrows and c < len(row) - 1:
                        ar = grp.shapes.add_shape(MSO_SHAPE.CHEVRON, Inches(x + bw_ + 0.05), Inches(y + rh[r] / 2 - 0.15), Inches(0.25), Inches(0.3))
                        ar.fill.solid(); ar.fill.fore_color.rgb = RGBColor.from_string(c3); ar.line.fill.background()
                y += rh[r] + 0.1
        if post:
            hh = est_height([b[1] for b in post], W - 1.2, 12)
            if y + hh > H - 0.5:
                s = d.slide(5, head); y = 1.55
            d.textbox(s, 0.6, y, W - 1.2, hh, post, 12, mode="box")
        if state(p, sid).startswith("empty") and not pre and not groups:
            pass


def fam_I(d, secs):
    p = d.plan
    W, H = d.W, d.H
    cw, top, colh = (W - 1.5) / 2, 0.45, H - 1.15
    pt = 11
    cols = []   # (blocks, first_bold)
    for i, sid in enumerate(SIDS):
        if state(p, sid) == "missing": continue
        m = section_model(p, secs, sid)
        blocks = tables_to_bullets(linear(m))
        head = heading(p, i)
        pieces = chunk(blocks, cw - 0.2, colh - 0.55, pt) or [[]]
        for j, ch in enumerate(pieces):
            cols.append((ch, head if j == 0 else None, head, m if j == 0 else None))
    s = None; slot = 2
    for ch, hb, head, m in cols:
        if slot == 2:
            s = d.slide(6); slot = 0
            if hb is None:   # continuation that starts a new slide: repeat the heading
                hb = head + " (cont.)"
        x = 0.6 + slot * (cw + 0.3)
        d.textbox(s, x, top, cw, colh, ch, pt, mode="box", first_bold=hb, color=d.pal[0])
        if m is not None: d.section_notes(s, m)
        slot += 1


FAMILY_FN = dict(A=fam_A, B=fam_B, C=fam_C, D=fam_D, E=fam_E, F=fam_F, G=fam_G, H=fam_H, I=fam_I)


def render(plan, secs, path):
    d = Deck(plan)
    d.title_slide()
    d.agenda()
    FAMILY_FN[plan["family"]](d, secs)
    d.closing()
    d.save(path)
    return d.n
