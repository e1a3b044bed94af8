"""python-pptx renderer."""
from pptx import Presentation
from pptx.util import Inches, Pt
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from doc import bench_rows, split_by_prio


def chunks(blocks, limit):
    out, cur, n = [], [], 0
    for b in blocks:
        L = len(b[1]) + 60
        if cur and n + L > limit:
            out.append(cur)
            cur, n = [], 0
        cur.append(b)
        n += L
    out.append(cur)
    return out


def fill_tf(tf, blocks, size=12, auto_bullets=False):
    tf.word_wrap = True
    first = True
    for k, t, p in blocks:
        par = tf.paragraphs[0] if first else tf.add_paragraph()
        first = False
        r = par.add_run()
        r.text = ("• " + t) if (k == "b" and not auto_bullets) else t
        r.font.size = Pt(size)
        if k == "sub":
            r.font.bold = True
        if k == "b":
            par.level = 1 if auto_bullets else 0
    if first:
        tf.paragraphs[0].text = ""


def title_text(slide, text, shapes_mode):
    if shapes_mode and slide.shapes.title is not None:
        slide.shapes.title.text = text
        for p in slide.shapes.title.text_frame.paragraphs:
            for r in p.runs:
                r.font.size = Pt(26)
        return
    tb = slide.shapes.add_textbox(Inches(0.5), Inches(0.25), Inches(12.3), Inches(0.9))
    tb.text_frame.word_wrap = True
    r = tb.text_frame.paragraphs[0].add_run()
    r.text = text
    r.font.size = Pt(26)
    r.font.bold = True
    r.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)


def add_table(slide, rows, top=1.3, height=5.6, widths=None, size=10):
    nr, nc = len(rows), len(rows[0])
    gt = slide.shapes.add_table(nr, nc, Inches(0.5), Inches(top), Inches(12.3), Inches(height))
    tbl = gt.table
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            c = tbl.cell(i, j)
            c.text = v
            for p in c.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(size)
                    r.font.bold = (i == 0)
    if widths:
        for j, w in enumerate(widths):
            tbl.columns[j].width = Inches(w)
    return tbl


def render(pl, path):
    spec, L = pl["spec"], pl["L"]
    mode = L.get("mode", "placeholders")
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    ph = mode == "placeholders"
    # title slide
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = L.get("deck_title", pl["ctx"].dname)
    s.placeholders[1].text = L.get("deck_sub", "District Prioritization Submission to the Statewide System of Support, SY23-24")
    if L.get("toc"):
        s = prs.slides.add_slide(prs.slide_layouts[1] if ph else prs.slide_layouts[6])
        title_text(s, L.get("toc_title", "Agenda"), ph)
        if ph:
            fill_tf(s.placeholders[1].text_frame, [("p", x["heading"], None) for x in pl["secs"]], 16, True)
        else:
            tb = s.shapes.add_textbox(Inches(0.8), Inches(1.4), Inches(11), Inches(5))
            fill_tf(tb.text_frame, [("p", x["heading"], None) for x in pl["secs"]], 16)
    limit = L.get("limit", 1500)
    for sec in pl["secs"]:
        blocks = list(sec["blocks"])
        if L.get("prompt"):
            blocks = [("p", "Guidance: " + sec["prompt"], None)] + blocks
        if mode == "prio_cols":
            n = max(len(pl["prios"]), 1)
            s = prs.slides.add_slide(prs.slide_layouts[6])
            title_text(s, sec["heading"], False)
            w = 12.3 / n
            for i in range(n):
                bl = split_by_prio(blocks, i)
                if not bl and sec["status"] == "present":
                    bl = [("p", L.get("same", "Same approach as Priority 1."), i)]
                hdr = s.shapes.add_textbox(Inches(0.5 + i * w), Inches(1.2), Inches(w - 0.2), Inches(0.5))
                hr = hdr.text_frame.paragraphs[0].add_run()
                hr.text = pl["prios"][i][0].rstrip(":—").strip()
                hr.font.bold = True
                hr.font.size = Pt(16)
                tb = s.shapes.add_textbox(Inches(0.5 + i * w), Inches(1.8), Inches(w - 0.2), Inches(5.4))
                fill_tf(tb.text_frame, bl, L.get("size", 10))
            continue
        parts = chunks(blocks, limit) if blocks else [[]]
        for ci, part in enumerate(parts):
            title = sec["heading"] + (L.get("cont", " (cont.)") if ci else "")
            if mode == "placeholders":
                s = prs.slides.add_slide(prs.slide_layouts[1])
                title_text(s, title, True)
                body = s.placeholders[1]
                body.left, body.top, body.width, body.height = Inches(0.5), Inches(1.3), Inches(12.3), Inches(5.9)
                fill_tf(body.text_frame, part, L.get("size", 12), auto_bullets=True)
            elif mode == "textboxes":
                s = prs.slides.add_slide(prs.slide_layouts[6])
                title_text(s, title, False)
                tb = s.shapes.add_textbox(Inches(0.5), Inches(1.3), Inches(12.3), Inches(5.9))
                fill_tf(tb.text_frame, part, L.get("size", 12))
            elif mode == "grouped":
                s = prs.slides.add_slide(prs.slide_layouts[6])
                grp = s.shapes.add_group_shape()
                bar = grp.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(0.4), Inches(0.3), Inches(12.5), Inches(0.9))
                bar.text_frame.text = title
                bar.text_frame.paragraphs[0].runs[0].font.size = Pt(24)
                tb = grp.shapes.add_textbox(Inches(0.5), Inches(1.4), Inches(12.3), Inches(5.8))
                fill_tf(tb.text_frame, part, L.get("size", 12))
            elif mode == "tables":
                s = prs.slides.add_slide(prs.slide_layouts[5])
                title_text(s, title, True)
                rows = [[L.get("col0", "Prompt"), L.get("col1", "Our response")]]
                left = sec["prompt"] if L.get("prompt_cell", True) else sec["heading"]
                txt = "\n".join(("• " + t if k == "b" else t) for k, t, p in part)
                rows.append([left if ci == 0 else "(continued)", txt])
                add_table(s, rows, widths=[3.8, 8.5], size=L.get("size", 11))
        if sec["bench"]:
            s = prs.slides.add_slide(prs.slide_layouts[5] if ph or mode == "tables" else prs.slide_layouts[6])
            title_text(s, sec["heading"] + L.get("bench_title", ": interim benchmarks"), ph or mode == "tables")
            hdr, rows = bench_rows(pl, spec)
            add_table(s, [hdr] + rows, size=10)
    if L.get("appendix"):
        s = prs.slides.add_slide(prs.slide_layouts[6])
        title_text(s, L["appendix"][0], False)
        tb = s.shapes.add_textbox(Inches(0.5), Inches(1.3), Inches(12.3), Inches(5.9))
        fill_tf(tb.text_frame, [("p", t, None) for t in L["appendix"][1:]], 12)
    prs.save(path)
