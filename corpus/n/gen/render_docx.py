"""python-docx renderer with many messy layouts, plus hand-written OOXML for tracked changes."""
import copy
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Inches
from content import SECTIONS, HEADINGS, PROMPTS, section_blocks, plabel

GREY = RGBColor(0x80, 0x80, 0x80)


def put_blocks(cont, blocks, font=None):
    """cont: Document or _Cell."""
    first_cell_par = None
    if hasattr(cont, "paragraphs") and not hasattr(cont, "sections") and cont.paragraphs and not cont.paragraphs[0].text:
        first_cell_par = cont.paragraphs[0]

    def newp(style=None):
        nonlocal first_cell_par
        if first_cell_par is not None:
            p = first_cell_par
            first_cell_par = None
            if style:
                try:
                    p.style = style
                except Exception:
                    pass
            return p
        try:
            return cont.add_paragraph(style=style)
        except Exception:
            return cont.add_paragraph()
    for b in blocks:
        if b[0] == "p":
            p = newp()
            p.add_run(b[1])
        elif b[0] == "h":
            p = newp()
            r = p.add_run(b[1])
            r.bold = True
            r.underline = True
        elif b[0] == "b":
            for it in b[1]:
                p = newp("List Bullet")
                p.add_run(it)
        elif b[0] == "t":
            hdr, rows = b[1], b[2]
            if hasattr(cont, "add_table") and hasattr(cont, "sections"):
                t = cont.add_table(rows=1, cols=len(hdr))
            else:
                t = cont.add_table(rows=1, cols=len(hdr))
            t.style = "Table Grid"
            for j, h in enumerate(hdr):
                t.rows[0].cells[j].text = h
                for r in t.rows[0].cells[j].paragraphs[0].runs:
                    r.bold = True
            for row in rows:
                cells = t.add_row().cells
                for j, c in enumerate(row):
                    cells[j].text = c


def blocks_text(blocks):
    out = []
    for b in blocks:
        if b[0] in ("p", "h"):
            out.append(b[1])
        elif b[0] == "b":
            out.append("\n".join("- " + x for x in b[1]))
        elif b[0] == "t":
            out.append("\n".join(" | ".join(r) for r in [b[1]] + b[2]))
    return "\n".join(out)


def heading(doc, text, kind):
    if kind == "styles":
        doc.add_heading(text, level=1)
    elif kind == "bold":
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.bold = True
        r.font.size = Pt(12)
    elif kind == "manual":
        doc.add_paragraph(text)
    elif kind == "caps":
        p = doc.add_paragraph()
        r = p.add_run(text.upper())
        r.bold = True


def add_ins(par, text, author="J. Moreau", date="2023-06-27T14:02:00Z", rid=[100]):
    ins = OxmlElement("w:ins")
    rid[0] += 1
    ins.set(qn("w:id"), str(rid[0]))
    ins.set(qn("w:author"), author)
    ins.set(qn("w:date"), date)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    ins.append(r)
    par._p.append(ins)


def add_del(par, text, author="J. Moreau", date="2023-06-27T14:05:00Z", rid=[500]):
    d = OxmlElement("w:del")
    rid[0] += 1
    d.set(qn("w:id"), str(rid[0]))
    d.set(qn("w:author"), author)
    d.set(qn("w:date"), date)
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    d.append(r)
    par._p.append(d)


def set_landscape(doc):
    s = doc.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = s.page_height, s.page_width


def header_footer(doc, spec):
    s = doc.sections[0]
    s.header.paragraphs[0].text = spec.get("header", f"{spec['district']} Public Schools \u2013 SSoS District Prioritization Submission SY23-24")
    s.footer.paragraphs[0].text = spec.get("footer", "DRAFT \u2013 for internal review \u2013 page")


def cover(doc, spec):
    p = doc.add_paragraph()
    r = p.add_run(f"{spec['district']} Public Schools")
    r.bold = True
    r.font.size = Pt(24)
    doc.add_paragraph("Statewide System of Support (SSoS) District Prioritization Submission")
    doc.add_paragraph("School Year 2023-2024")
    doc.add_paragraph(spec.get("cover_line", f"Submitted to ssos1@mass.gov, June 2023, by the Office of the Superintendent"))
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def toc(doc, spec, heads):
    p = doc.add_paragraph()
    p.add_run("Contents").bold = True
    for i, h in enumerate(heads):
        doc.add_paragraph(f"{h}\t{i + 2}")
    if spec.get("appendix"):
        doc.add_paragraph(f"Appendix A \u2013 Data tables\t{len(heads) + 2}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def render(spec, path):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = spec.get("font", "Calibri")
    st.font.size = Pt(11)
    lay = spec["layout"]
    hk = spec.get("hstyle", "guid")
    heads = dict(zip(SECTIONS, HEADINGS[hk]))
    heads.update(spec.get("heads", {}))
    order = spec.get("order", SECTIONS)
    if spec.get("landscape"):
        set_landscape(doc)
    if spec.get("hf"):
        header_footer(doc, spec)
    if spec.get("cover"):
        cover(doc, spec)
    if spec.get("toc"):
        toc(doc, spec, [heads[s] for s in order if spec.get("states", {}).get(s) != "missing"])
    for p in spec.get("preamble", []):
        doc.add_paragraph(p)
    hkind = spec.get("hkind", "styles")
    comment_targets = {}

    if lay in ("headings", "template", "inline"):
        skip = set()
        for sid in order:
            if sid in skip or spec.get("states", {}).get(sid) == "missing":
                continue
            combo = spec.get("combine", {}).get(sid)
            if lay != "inline":
                heading(doc, combo[0] if combo else heads[sid], hkind)
            if lay == "template":
                p = doc.add_paragraph()
                r = p.add_run(PROMPTS[sid])
                r.italic = True
                r.font.color.rgb = GREY
                r.font.size = Pt(9)
            blocks = section_blocks(spec, sid)
            if combo:
                skip.add(combo[1])
                blocks = blocks + section_blocks(spec, combo[1])
            if lay == "inline" and blocks and blocks[0][0] in ("p", "h", "b"):
                p = doc.add_paragraph()
                r = p.add_run(spec["inline_labels"][sid] + ": ")
                r.bold = True
                if blocks[0][0] == "b":
                    p.add_run(blocks[0][1][0])
                    blocks = ([("b", blocks[0][1][1:])] if blocks[0][1][1:] else []) + blocks[1:]
                else:
                    p.add_run(blocks[0][1])
                    blocks = blocks[1:]
            start = len(doc.paragraphs)
            put_blocks(doc, blocks)
            if len(doc.paragraphs) > start:
                comment_targets[sid] = doc.paragraphs[start]
            for tc in spec.get("tracked", {}).get(sid, []):
                par = doc.add_paragraph()
                for kind, txt in tc:
                    if kind == "ins":
                        add_ins(par, txt)
                    elif kind == "del":
                        add_del(par, txt)
                    else:
                        par.add_run(txt)
    elif lay in ("formtable", "rowtable"):
        if spec.get("title"):
            doc.add_heading(spec["title"], level=0 if lay == "rowtable" else 1)
        rows = [s for s in order if spec.get("states", {}).get(s) != "missing"]
        ncol = 2 if lay == "formtable" else 3
        t = doc.add_table(rows=1, cols=ncol)
        t.style = "Table Grid"
        hdrs = ["Prompt", "District Response"] if lay == "formtable" else ["Section", "Guiding question", "Our response"]
        for j, h in enumerate(hdrs):
            t.rows[0].cells[j].text = h
        for sid in rows:
            cells = t.add_row().cells
            if lay == "formtable":
                cells[0].text = heads[sid]
                p = cells[0].add_paragraph()
                r = p.add_run(PROMPTS[sid])
                r.italic = True
                r.font.size = Pt(8)
                put_blocks(cells[1], section_blocks(spec, sid))
                comment_targets[sid] = cells[1].paragraphs[0]
            else:
                cells[0].text = heads[sid]
                cells[1].text = PROMPTS[sid].split("?")[0] + "?"
                put_blocks(cells[2], section_blocks(spec, sid))
                comment_targets[sid] = cells[2].paragraphs[0]
    elif lay == "colpri":
        if spec.get("title"):
            doc.add_heading(spec["title"], level=1)
        n = len(spec["priorities"])
        t = doc.add_table(rows=1, cols=n + 1)
        t.style = "Table Grid"
        t.rows[0].cells[0].text = "Component"
        for i in range(n):
            t.rows[0].cells[i + 1].text = plabel(spec, i) or f"Priority {i + 1}"
        for sid in order:
            if spec.get("states", {}).get(sid) == "missing":
                continue
            cells = t.add_row().cells
            cells[0].text = heads[sid]
            if sid in ("priorities", "monitoring") and spec.get("states", {}).get(sid, "present") == "present":
                for i in range(n):
                    put_blocks(cells[i + 1], section_blocks(spec, sid, only=i))
            else:
                m = cells[1].merge(cells[n]) if n > 1 else cells[1]
                put_blocks(m, section_blocks(spec, sid))
    elif lay == "repeat":
        heading(doc, heads["priorities"], hkind)
        put_blocks(doc, section_blocks(spec, "priorities"))
        for i in range(len(spec["priorities"])):
            lab = plabel(spec, i) or f"Priority {i + 1}"
            doc.add_heading(f"{lab}: sections 2-8", level=1)
            for sid in SECTIONS[1:]:
                doc.add_heading(heads[sid] + f" ({lab})", level=2)
                ov = spec.get("repeat_override", {}).get((sid, i))
                if ov is not None:
                    put_blocks(doc, ov)
                else:
                    put_blocks(doc, section_blocks(spec, sid, only=i))
    elif lay == "prisub":
        n = len(spec["priorities"])
        for sid in order:
            heading(doc, heads[sid], hkind)
            if sid in ("priorities", "monitoring"):
                for i in range(n):
                    doc.add_heading(plabel(spec, i) or f"Priority {i + 1}", level=2)
                    put_blocks(doc, section_blocks(spec, sid, only=i))
            else:
                doc.add_heading("All priorities", level=2)
                put_blocks(doc, section_blocks(spec, sid))
    for p in spec.get("postamble", []):
        doc.add_paragraph(p)
    if spec.get("appendix"):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading("Appendix A \u2013 Data tables", level=1)
        t = doc.add_table(rows=1, cols=3)
        t.style = "Table Grid"
        for j, h in enumerate(["Group", "ELA M/E 2022", "Math M/E 2022"]):
            t.rows[0].cells[j].text = h
        for row in [["All students", "29%", "24%"], ["English learners", "8%", "9%"],
                    ["Students w/ disabilities", "7%", "6%"], ["Hispanic/Latino", "17%", "13%"]]:
            c = t.add_row().cells
            for j, x in enumerate(row):
                c[j].text = x
    for sid, (txt, author) in spec.get("comments", {}).items():
        par = comment_targets.get(sid)
        if par is not None and par.runs:
            doc.add_comment(par.runs, text=txt, author=author, initials="".join(w[0] for w in author.split()))
    doc.core_properties.author = spec.get("author", "District Office")
    doc.core_properties.title = f"{spec['district']} SSoS District Prioritization Submission"
    doc.save(path)
