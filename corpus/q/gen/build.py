#!/usr/bin/env python3
"""Render every plan in plans.PLANS and write its truth file. usage: build.py OUTROOT"""
import json, os, re, subprocess, sys, zipfile, datetime, tempfile, shutil
from email.message import EmailMessage
from email.utils import format_datetime
import docx
from docx.shared import Pt
import pptx
from pptx.util import Inches, Pt as PPt
import openpyxl
from openpyxl.styles import Font, Alignment
from voices import VOICES, SIDS
from plans import PLANS, GAPF
from topics import T

FIXED = datetime.datetime(2023, 6, 28, 9, 0, 0)
TEMPLATE = {  # the state template's headings and kept prompt text (used by the xlsx-rows layout)
 "priorities": ("1. Priority(ies)", "What are your district's top 1-2 instructional priorities for SY23-24? What are the meaningful changes in educator practice that are the focus of this priority? What will be the meaningful changes students will experience in their learning because of this focus? Which specific equity and opportunity gaps will this priority address?"),
 "analysis": ("2. Analysis of Strengths and Challenges", "What data led you to identify or recommit to this priority? What are the underlying systemic factors that contribute to the findings in your data analysis?"),
 "stakeholder_engagement": ("3. Stakeholder Engagement", "How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan? What input did you get from stakeholders in schools identified as requiring assistance? How will stakeholders be continuously engaged in implementation and monitoring?"),
 "outcomes": ("4. Outcomes", "Which specific Accountability targets will be met as a result of focusing on this priority? (In the aggregate and for specific student groups). Are there other data points that would be helpful to track for signs of progress?"),
 "role_clarity": ("5. Role Clarity", "What is your strategy to ensure that all stakeholders understand their role in implementing this priority? Describe what central office, school leaders and teachers will do consistently."),
 "monitoring": ("6. Monitoring Implementation", "What interim benchmarks will you track throughout the year at both the district and school level? Who will monitor these and how often? Share how student assignments and work samples will be analyzed."),
 "resources": ("7. Resources", "What partnerships, programs, or resources will you leverage to implement this priority? Briefly describe how the implementation of the plan will address any inequities discovered during the district's review of budgeting data, as required by ESSA."),
 "differentiation": ("8. Differentiation", "How will the district differentiate assistance for schools identified as requiring assistance, and for other schools that need more support? Please list the schools that will receive differentiated support."),
}
PLACEHOLDER = {"docx": "Click or tap here to enter text.", "pptx": "TBD", "pandoc": "[Insert response here]",
               "xlsx-rows": "TBD", "xlsx-sheets": "TBD", "eml": "Click or tap here to enter text."}

def sections(p):
    S = VOICES[p["voice"]](p)
    out = []
    for sid in SIDS:
        if "missing:" + sid in p["gaps"]:
            continue
        h, blocks = S[sid]
        if "empty:" + sid in p["gaps"]:
            blocks = [("p", PLACEHOLDER[p["fmt"]])]
        out.append((sid, h, blocks))
    return out

def title(p): return f"{p['district']} Public Schools: SSoS District Prioritization Submission, SY2023-24"

def block_lines(b):
    k, v = b
    if k == "p": return [v]
    if k == "ul": return ["- " + x for x in v]
    if k == "ol": return [f"{i}. {x}" for i, x in enumerate(v, 1)]
    return [" | ".join(r) for r in v]

# ------------------------------------------------------------------ writers
def w_docx(p, path):
    d = docx.Document()
    d.core_properties.created = d.core_properties.modified = FIXED
    d.core_properties.author = f"{p['district']} Public Schools"; d.core_properties.title = title(p)
    d.add_paragraph(title(p), style="Title")
    d.add_paragraph(f"Submitted to the Statewide System of Support, June 2023. District: {p['district']}.")
    for sid, h, blocks in sections(p):
        d.add_heading(h, level=1)
        for k, v in blocks:
            if k == "p": d.add_paragraph(v)
            elif k in ("ul", "ol"):
                for x in v: d.add_paragraph(x, style="List Bullet" if k == "ul" else "List Number")
            else:
                t = d.add_table(rows=len(v), cols=len(v[0])); t.style = "Table Grid"
                for i, r in enumerate(v):
                    for j, c in enumerate(r):
                        t.cell(i, j).text = c
                        if i == 0:
                            for run in t.cell(i, j).paragraphs[0].runs: run.bold = True
    d.save(path)

def md_escape(s): return s.replace("$", "\\$").replace("|", "/")

def w_pandoc(p, path):
    md = [f"% {title(p)}", "", f"District: {p['district']}", ""]
    for sid, h, blocks in sections(p):
        md += [f"# {h}", ""]
        for k, v in blocks:
            if k == "p": md += [md_escape(v), ""]
            elif k in ("ul", "ol"): md += [("- " if k == "ul" else f"{i}. ") + md_escape(x) for i, x in enumerate(v, 1)] + [""]
            else:
                md.append("| " + " | ".join(md_escape(c) for c in v[0]) + " |")
                md.append("|" + "|".join("---" for _ in v[0]) + "|")
                md += ["| " + " | ".join(md_escape(c) for c in r) + " |" for r in v[1:]] + [""]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "plan.md"); open(src, "w").write("\n".join(md))
        env = dict(os.environ, SOURCE_DATE_EPOCH="1687942800")
        subprocess.run(["pandoc", src, "-f", "markdown", "-o", path], check=True, env=env)

def w_pptx(p, path):
    prs = pptx.Presentation(); prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    cp = prs.core_properties; cp.created = cp.modified = FIXED; cp.last_printed = FIXED; cp.revision = 1
    cp.author = f"{p['district']} Public Schools"; cp.title = title(p)
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = f"{p['district']}: SY23-24 Instructional Priority"
    s.placeholders[1].text = "Submission to the Statewide System of Support | June 2023"
    for sid, h, blocks in sections(p):
        s = prs.slides.add_slide(prs.slide_layouts[5])
        s.shapes.title.text = h
        top = Inches(1.4)
        texts = [b for b in blocks if b[0] != "tbl"]; tables = [b for b in blocks if b[0] == "tbl"]
        for k, v in tables:
            rows, cols = len(v), len(v[0])
            gt = s.shapes.add_table(rows, cols, Inches(0.5), top, Inches(12.3), Inches(0.4 * rows)).table
            for i, r in enumerate(v):
                for j, c in enumerate(r):
                    gt.cell(i, j).text = c
                    for para in gt.cell(i, j).text_frame.paragraphs:
                        for run in para.runs: run.font.size = PPt(10)
            top += Inches(0.45 * rows + 0.2)
        if texts:
            tb = s.shapes.add_textbox(Inches(0.5), top, Inches(12.3), max(Inches(1), Inches(7.2) - top))
            tf = tb.text_frame; tf.word_wrap = True; first = True
            for b in texts:
                for line in block_lines(b):
                    para = tf.paragraphs[0] if first else tf.add_paragraph(); first = False
                    para.text = ("\u2022 " + line[2:]) if line.startswith("- ") else line
                    for run in para.runs: run.font.size = PPt(12)
    prs.save(path)

def w_xlsx_rows(p, path):
    wb = openpyxl.Workbook(); wb.properties.created = wb.properties.modified = FIXED
    wb.properties.creator = f"{p['district']} Public Schools"
    ws = wb.active; ws.title = "Submission"
    ws["A1"] = title(p); ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"District: {p['district']}"
    ws.append([]); ws.append(["Section", "Guiding questions (from template)", "District response"])
    for c in ws[4]: c.font = Font(bold=True)
    have = {sid: (h, b) for sid, h, b in sections(p)}
    for sid in SIDS:
        if sid not in have: continue
        ws.append([TEMPLATE[sid][0], TEMPLATE[sid][1], "\n".join(l for b in have[sid][1] for l in block_lines(b))])
        for c in ws[ws.max_row]: c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 24; ws.column_dimensions["B"].width = 50; ws.column_dimensions["C"].width = 100
    wb.save(path)

def w_xlsx_sheets(p, path):
    wb = openpyxl.Workbook(); wb.properties.created = wb.properties.modified = FIXED
    wb.properties.creator = f"{p['district']} Public Schools"
    ws = wb.active; ws.title = "Cover"
    ws["A1"] = title(p); ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "One tab per section of the guidance."
    for n, (sid, h, blocks) in enumerate(sections(p), 1):
        name = f"{SIDS.index(sid) + 1} {sid.replace('_', ' ').title()}"[:31]
        ws = wb.create_sheet(name)
        ws["A1"] = h; ws["A1"].font = Font(bold=True, size=13)
        r = 3
        for k, v in blocks:
            if k == "tbl":
                for i, row in enumerate(v):
                    for j, c in enumerate(row):
                        ws.cell(r, j + 1, c).alignment = Alignment(wrap_text=True, vertical="top")
                        if i == 0: ws.cell(r, j + 1).font = Font(bold=True)
                    r += 1
            else:
                for line in block_lines((k, v)):
                    ws.cell(r, 1, line).alignment = Alignment(wrap_text=True, vertical="top"); r += 1
            r += 1
        ws.column_dimensions["A"].width = 90
        for col in "BCD": ws.column_dimensions[col].width = 30
    wb.save(path)

COVER = {
 "supt": "Good afternoon,\n\nPlease find attached {d}'s district prioritization submission for SY2023-24. Our leadership team is grateful for the partnership of our regional assistance team this year and looks forward to your feedback.\n\nRespectfully,\nSuperintendent of Schools\n{d} Public Schools",
 "committee": "Hello SSoS team,\n\nOur district's planning committee asked me to send our submission for next year (attached). It reflects a lot of conversations this spring. Please let us know if anything is missing.\n\nThanks,\nCommittee chair, on behalf of the {d} instructional planning committee",
 "bilingual": "Buenas tardes / Good afternoon,\n\nAdjuntamos el plan de prioridades del distrito de {d} para 2023-24. Attached is {d}'s prioritization submission for SY23-24.\n\nSaludos / Regards,\nOffice of Teaching and Learning / Oficina de Enseñanza y Aprendizaje",
 "charter": "Hi team,\n\nAttached is our network's SY23-24 prioritization submission on behalf of {d}. Our Chief Academic Officer is available for a call to walk through it.\n\nBest,\nOffice of the Chief Academic Officer",
}

def w_eml(p, path):
    with tempfile.TemporaryDirectory() as tmp:
        att = os.path.join(tmp, "a.docx"); w_docx(p, att); normalize(att)
        data = open(att, "rb").read()
    slug = p["district"].lower().replace(" ", "").replace("-", "")
    m = EmailMessage()
    m["From"] = f"{p['district']} Public Schools <planning@{slug}.k12.example.org>"
    m["To"] = "ssos1@mass.gov"
    m["Subject"] = f"{p['district']} - SSoS District Prioritization Submission SY23-24"
    m["Date"] = format_datetime(FIXED.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=-4))))
    m["Message-ID"] = f"<{p['id']}.submission@{slug}.k12.example.org>"
    m.set_content(COVER[p["voice"]].format(d=p["district"]))
    m.add_attachment(data, maintype="application", subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                     filename=f"{p['district']} SSoS Prioritization Submission 2023-24.docx")
    m.set_boundary(f"=_{p['id']}_boundary")
    open(path, "wb").write(bytes(m))

def normalize(path):
    """Rewrite an OOXML zip with fixed timestamps so rebuilds are byte-identical."""
    src = zipfile.ZipFile(path); items = [(i.filename, src.read(i)) for i in src.infolist()]; src.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in items:
            if n == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2023-06-28T09:00:00Z", data)
            zi = zipfile.ZipInfo(n, date_time=(2023, 6, 28, 9, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)

EXT = {"docx": "docx", "pandoc": "docx", "pptx": "pptx", "xlsx-rows": "xlsx", "xlsx-sheets": "xlsx", "eml": "eml"}
W = {"docx": w_docx, "pandoc": w_pandoc, "pptx": w_pptx, "xlsx-rows": w_xlsx_rows, "xlsx-sheets": w_xlsx_sheets, "eml": w_eml}

def truth(p):
    st = {}
    for sid in SIDS:
        st[sid] = "missing" if "missing:" + sid in p["gaps"] else "empty" if "empty:" + sid in p["gaps"] else "present"
    merged = {}
    for gname in sorted(p["gaps"]):
        if gname not in GAPF: continue
        code, sec, items = GAPF[gname]
        f = merged.setdefault((code, sec), {"code": "ssos::" + code, "section": sec, "items": []})
        f["items"] = sorted(set(f["items"]) | set(items))
    err = any(v != "present" for v in st.values()) or "too_many" in p["gaps"]
    nb = None
    if st["monitoring"] == "present":
        nb = sum(len([b for b in T[t]["bench"] if "mon_school" not in p["gaps"] or b[0] == "D"][:p["nbench"]]) for t in p["topics"])
    return {"sections": st, "status": "fail" if err else "pass", "priorities": len(p["topics"]),
            "benchmarks": nb, "findings": sorted(merged.values(), key=lambda f: (SIDS.index(f["section"]), f["code"]))}

def main(root):
    for p in PLANS:
        pd = os.path.join(root, "plans", p["split"]); td = os.path.join(root, "truth", p["split"])
        os.makedirs(pd, exist_ok=True); os.makedirs(td, exist_ok=True)
        path = os.path.join(pd, f"{p['id']}.{EXT[p['fmt']]}")
        W[p["fmt"]](p, path)
        if path.endswith(("docx", "pptx", "xlsx")): normalize(path)
        with open(os.path.join(td, p["id"] + ".json"), "w") as f:
            json.dump(truth(p), f, indent=1, sort_keys=False); f.write("\n")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
