"""Word documents (python-docx). Headings are direct formatting only (bold and/or larger
text on Normal paragraphs), never Heading styles, except where noted."""
from docx import Document
from docx.shared import Pt, RGBColor, Inches
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER, WD_BREAK
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

PROMPTS = {
    "priorities": "What are your district's top 1-2 instructional priorities for SY23-24? What changes in educator practice and in students' learning will result, and which equity and opportunity gaps will the priority address?",
    "analysis": "What data led you to identify or recommit to this priority? What underlying systemic factors contribute to the findings?",
    "stakeholder_engagement": "How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan? How will stakeholders be continuously engaged?",
    "outcomes": "Which specific accountability targets will be met as a result of focusing on this priority? What other data points will you track?",
    "role_clarity": "What is your strategy to ensure that all stakeholders understand their role in implementing this priority?",
    "monitoring": "What interim benchmarks will you track at the district and school level? Who will monitor these and how often?",
    "resources": "What partnerships, programs, or resources will you leverage to implement this priority?",
    "differentiation": "How will the district differentiate assistance for schools identified as requiring assistance? List the schools.",
}


def field(run, instr):
    f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr
    f2 = OxmlElement("w:fldChar"); f2.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t"); t.text = "1"
    f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "end")
    for e in (f1, it, f2, t, f3):
        run._r.append(e)


def shade(cell, hexcol):
    tcPr = cell._tc.get_or_add_tcPr()
    sh = OxmlElement("w:shd"); sh.set(qn("w:val"), "clear"); sh.set(qn("w:color"), "auto"); sh.set(qn("w:fill"), hexcol)
    tcPr.append(sh)


def bottom_border(par, color="1F3B63"):
    pPr = par._p.get_or_add_pPr()
    b = OxmlElement("w:pBdr"); bt = OxmlElement("w:bottom")
    bt.set(qn("w:val"), "single"); bt.set(qn("w:sz"), "8"); bt.set(qn("w:space"), "1"); bt.set(qn("w:color"), color)
    b.append(bt); pPr.append(b)


def header_footer(doc, p):
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    r = hp.add_run(f"{p['district']}  |  SSoS District Prioritization Submission SY 2023-24")
    r.font.size = Pt(8.5); r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    fp = sec.footer.paragraphs[0]
    fp.alignment = 2
    for txt, ins in (("Page ", None), (None, "PAGE"), (" of ", None), (None, "NUMPAGES")):
        r = fp.add_run(txt or "")
        r.font.size = Pt(8.5)
        if ins:
            field(r, ins)
    fp2 = sec.footer.add_paragraph()
    r = fp2.add_run("DRAFT for SSoS review \u2014 June 2023"); r.font.size = Pt(7.5); r.font.italic = True


def heading(doc, text, style):
    par = doc.add_paragraph()
    par.paragraph_format.space_before = Pt(12)
    par.paragraph_format.space_after = Pt(4)
    par.paragraph_format.keep_with_next = True
    r = par.add_run(text)
    if style == "bold":
        r.font.bold = True
    elif style == "big":
        r.font.size = Pt(15); r.font.color.rgb = RGBColor(0x1F, 0x3B, 0x63)
    elif style == "rule":
        r.font.bold = True; r.font.size = Pt(12.5); r.font.all_caps = True
        bottom_border(par)
    return par


def add_blocks(doc, blocks, container=None):
    tgt = container or doc
    for b in blocks:
        if b[0] == "p":
            tgt.add_paragraph(b[1])
        elif b[0] == "lead":
            par = tgt.add_paragraph()
            par.add_run(b[1] + " ").bold = True
            par.add_run(b[2])
        elif b[0] == "ul":
            for x in b[1]:
                tgt.add_paragraph(x, style="List Bullet")
        elif b[0] == "table":
            t = tgt.add_table(rows=1, cols=len(b[1]))
            t.style = "Table Grid"
            for j, h in enumerate(b[1]):
                t.rows[0].cells[j].text = h
                t.rows[0].cells[j].paragraphs[0].runs[0].font.bold = True
                shade(t.rows[0].cells[j], "D9E2F3")
            for r in b[2]:
                cells = t.add_row().cells
                for j, x in enumerate(r):
                    cells[j].text = x
            for row in t.rows:
                for cell in row.cells:
                    for par in cell.paragraphs:
                        for run in par.runs:
                            run.font.size = Pt(9)
            if container is None:
                doc.add_paragraph()


def base_doc(font="Calibri", size=11):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font; st.font.size = Pt(size)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    for s in doc.sections:
        s.left_margin = s.right_margin = Inches(1)
        s.top_margin = s.bottom_margin = Inches(0.9)
    return doc


def cover(doc, p, toc_entries):
    par = doc.add_paragraph(); par.alignment = 1
    r = par.add_run(p["district"]); r.font.size = Pt(22); r.font.bold = True
    par = doc.add_paragraph(); par.alignment = 1
    r = par.add_run("Statewide System of Support (SSoS)\nDistrict Prioritization Submission\nSchool Year 2023-2024")
    r.font.size = Pt(14)
    par = doc.add_paragraph(); par.alignment = 1
    par.add_run(f"Submitted by {p['supt']}, Superintendent of Schools\nJune 2023")
    if toc_entries:
        doc.add_paragraph()
        par = doc.add_paragraph(); r = par.add_run("Table of Contents"); r.font.bold = True; r.font.size = Pt(13)
        for text, pg in toc_entries:
            par = doc.add_paragraph()
            par.paragraph_format.tab_stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            par.add_run(f"{text}\t{pg}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def build(p, built, layout, out):
    secs = built["sections"]
    if layout == "docxtable":
        doc = base_doc("Arial", 10)
        header_footer(doc, p)
        par = doc.add_paragraph(); r = par.add_run("SSoS District Prioritization Submission: SY2023-2024"); r.bold = True; r.font.size = Pt(14)
        par = doc.add_paragraph(); par.add_run("District: ").bold = True; par.add_run(p["district"])
        par = doc.add_paragraph(); par.add_run("Superintendent: ").bold = True; par.add_run(p["supt"])
        par = doc.add_paragraph(); par.add_run("Date submitted: ").bold = True; par.add_run("June 28, 2023")
        t = doc.add_table(rows=0, cols=1)
        t.style = "Table Grid"
        for s in secs:
            hc = t.add_row().cells[0]
            shade(hc, "1F3B63")
            hp = hc.paragraphs[0]; r = hp.add_run(s["heading"]); r.bold = True; r.font.color.rgb = RGBColor(255, 255, 255)
            pr = hc.add_paragraph(); r = pr.add_run(PROMPTS[s["id"]]); r.italic = True; r.font.size = Pt(8.5)
            r.font.color.rgb = RGBColor(0xDD, 0xE6, 0xF2)
            rc = t.add_row().cells[0]
            rc.paragraphs[0].text = ""
            add_blocks(doc, s["blocks"], container=rc)
            first = rc.paragraphs[0]
            if not first.text:
                first._p.getparent().remove(first._p)
        doc.save(out)
        return
    style = {"docxplain": "bold", "wordbold": "bold", "wordbig": "big", "wordrule": "rule"}[layout]
    font = {"bold": ("Calibri", 11), "big": ("Cambria", 11), "rule": ("Arial", 10)}[style]
    doc = base_doc(*font)
    header_footer(doc, p)
    if layout == "docxplain":
        par = doc.add_paragraph(); r = par.add_run(p["district"] + " \u2013 SSoS District Prioritization Submission 2023-24")
        r.bold = True; r.font.size = Pt(13)
        doc.add_paragraph(f"Prepared by {p['supt']}, Superintendent, with our school leadership team. June 2023.")
    else:
        # manual table of contents with guessed page numbers, as districts type them
        toc = [(s["heading"], 2 + i // 2) for i, s in enumerate(secs)]
        cover(doc, p, toc)
    for s in secs:
        heading(doc, s["heading"], style)
        add_blocks(doc, s["blocks"])
    par = doc.add_paragraph()
    par.paragraph_format.space_before = Pt(18)
    par.add_run(f"Respectfully submitted,\n{p['supt']}\nSuperintendent of Schools, {p['district']}")
    doc.core_properties.author = p["supt"]
    doc.core_properties.title = f"{p['district']} SSoS District Prioritization Submission"
    doc.save(out)
