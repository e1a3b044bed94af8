"""python-docx renderer."""
from docx import Document
from docx.shared import Pt, Inches, RGBColor
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from doc import bench_rows, split_by_prio


def _blocks(container, blocks, doc_mode=True, sub_style="Heading 2"):
    """write blocks into a document or a table cell"""
    first = True
    for k, t, p in blocks:
        if not doc_mode and first:
            par = container.paragraphs[0]
            first = False
            if k == "b":
                par.add_run("• " + t)
            elif k == "sub":
                par.add_run(t).bold = True
            else:
                par.add_run(t)
            continue
        if k == "sub":
            if doc_mode:
                container.add_paragraph(t, style=sub_style)
            else:
                container.add_paragraph().add_run(t).bold = True
        elif k == "b":
            if doc_mode:
                container.add_paragraph(t, style="List Bullet")
            else:
                container.add_paragraph("• " + t)
        else:
            container.add_paragraph(t)


def _bench_table(doc, pl, spec, style="Table Grid"):
    hdr, rows = bench_rows(pl, spec)
    t = doc.add_table(rows=1 + len(rows), cols=len(hdr))
    t.style = style
    for j, h in enumerate(hdr):
        t.cell(0, j).text = h
        for r in t.cell(0, j).paragraphs[0].runs:
            r.bold = True
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t.cell(i + 1, j).text = v
    return t


def render(pl, path):
    spec, L = pl["spec"], pl["L"]
    mode = L.get("mode", "headings")
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = L.get("font", "Calibri")
    st.font.size = Pt(11)
    sec0 = doc.sections[0]
    if L.get("landscape"):
        sec0.orientation = WD_ORIENT.LANDSCAPE
        sec0.page_width, sec0.page_height = sec0.page_height, sec0.page_width
    if L.get("header"):
        sec0.header.paragraphs[0].text = L["header"]
    if L.get("footer"):
        sec0.footer.paragraphs[0].text = L["footer"]
    if L.get("cover"):
        for _ in range(6):
            doc.add_paragraph()
        p = doc.add_paragraph()
        r = p.add_run(pl["ctx"].dname)
        r.bold = True
        r.font.size = Pt(26)
        doc.add_paragraph(L.get("cover_sub", "Statewide System of Support: District Prioritization Submission"))
        doc.add_paragraph("School Year 2023-2024")
        doc.add_paragraph(L.get("cover_date", "Submitted June 29, 2023"))
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    else:
        if mode == "headings":
            doc.add_heading(pl["title"], level=0)
        else:
            tr = doc.add_paragraph().add_run(pl["title"])
            tr.bold = True
            tr.font.size = Pt(16)
    if L.get("intro"):
        doc.add_paragraph(L["intro"])
    if L.get("toc"):
        doc.add_paragraph().add_run("Contents").bold = True
        for i, s in enumerate(pl["secs"]):
            doc.add_paragraph(f"{s['heading']} ........ {i+2}")
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    if mode in ("headings", "bold", "inline"):
        for s in pl["secs"]:
            blocks = list(s["blocks"])
            if mode == "headings":
                doc.add_heading(s["heading"], level=1)
            elif mode == "bold":
                p = doc.add_paragraph()
                r = p.add_run(s["heading"])
                r.bold = True
                r.font.size = Pt(12)
            if L.get("prompt"):
                p = doc.add_paragraph()
                p.add_run(s["prompt"]).italic = True
            if mode == "inline":
                p = doc.add_paragraph()
                p.add_run(s["heading"] + ": ").bold = True
                if blocks and blocks[0][0] in ("p",):
                    p.add_run(blocks[0][1])
                    blocks = blocks[1:]
            _blocks(doc, blocks, True, "Heading 2" if mode == "headings" else "Normal")
            if s["bench"]:
                _bench_table(doc, pl, spec)
    elif mode in ("form", "rows"):
        t = doc.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        if mode == "rows":
            c = t.add_row().cells
            c[0].text = L.get("col0", "Section")
            c[1].text = L.get("col1", "District Response")
        for s in pl["secs"]:
            c = t.add_row().cells
            c[0].paragraphs[0].add_run(s["heading"]).bold = True
            if L.get("prompt"):
                c[0].add_paragraph(s["prompt"])
            _blocks(c[1], s["blocks"], False)
            if s["bench"]:
                from doc import bench_rows as br
                hdr, rows = br(pl, spec)
                for row in rows:
                    c[1].add_paragraph(" | ".join(row))
        for row in t.rows:
            row.cells[0].width = Inches(2.2 if mode == "form" else 1.8)
            row.cells[1].width = Inches(4.5 if mode == "form" else 7.0)
    elif mode == "prio_cols":
        n = max(len(pl["prios"]), 1)
        t = doc.add_table(rows=1, cols=1 + n)
        t.style = "Table Grid"
        t.cell(0, 0).text = ""
        for i in range(n):
            lab, name = pl["prios"][i]
            t.cell(0, i + 1).text = lab.rstrip(":—").strip()
        for s in pl["secs"]:
            c = t.add_row().cells
            c[0].paragraphs[0].add_run(s["heading"]).bold = True
            for i in range(n):
                bl = split_by_prio(s["blocks"], i)
                if not bl and s["status"] == "present":
                    bl = [("p", L.get("same", "Same as Priority 1."), i)]
                _blocks(c[i + 1], bl, False)
    if L.get("appendix"):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if mode == "headings":
            doc.add_heading(L["appendix"][0], level=1)
        else:
            doc.add_paragraph().add_run(L["appendix"][0]).bold = True
        for t in L["appendix"][1:]:
            doc.add_paragraph(t)
    doc.save(path)
