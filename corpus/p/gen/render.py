"""Writers: python-docx, Markdown->pandoc, HTML->LibreOffice, openpyxl, .eml with a .docx attachment."""
import datetime, html, os, subprocess, shutil, tempfile
from email.message import EmailMessage
from email.utils import format_datetime

import docx
from docx.shared import Pt
import openpyxl
from openpyxl.styles import Alignment, Font

from content import SECTIONS

HEADS = {
    "official": ["1. Priority(ies)", "2. Analysis of Strengths and Challenges", "3. Stakeholder Engagement", "4. Outcomes",
                 "5. Role Clarity", "6. Monitoring Implementation", "7. Resources", "8. Differentiation"],
    "short": ["Priorities", "Strengths and Challenges", "Stakeholder Engagement", "Outcomes", "Role Clarity",
              "Monitoring", "Resources", "Differentiation"],
    "section": ["Section 1: Our Instructional Priorities", "Section 2: Analysis of Strengths & Challenges",
                "Section 3: Engaging Our Stakeholders", "Section 4: Outcomes and Targets",
                "Section 5: Role Clarity (Roles and Responsibilities)", "Section 6: Monitoring Implementation",
                "Section 7: Resources and Partnerships", "Section 8: Differentiated Support for Schools"],
    "caps": ["PRIORITY(IES)", "ANALYSIS OF STRENGTHS AND CHALLENGES", "STAKEHOLDER ENGAGEMENT", "OUTCOMES", "ROLE CLARITY",
             "MONITORING IMPLEMENTATION", "RESOURCES", "DIFFERENTIATION"],
    "roman": ["I. Instructional Priority(ies)", "II. Analysis of Strengths and Challenges", "III. Stakeholder Engagement",
              "IV. Outcomes", "V. Role Clarity", "VI. Monitoring Implementation", "VII. Resources", "VIII. Differentiation"],
}

PROMPTS = {
    "priorities": "What are your district's top 1-2 instructional priorities for SY23-24? What are the meaningful changes in educator practice that are the focus of this priority? What will be the meaningful changes students will experience in their learning because of this focus? Which specific equity and opportunity gaps will this priority address?",
    "analysis": "What data led you to identify or recommit to this priority? What are the underlying systemic factors that contribute to the findings in your data analysis? Ensure your findings represent data from the four CSDP areas (student outcomes, instruction, stakeholder perspectives, systems/structures), themes from aggregate and student level analysis including student work, data for specific student groups, and insights from the Data Equity Pause Protocol.",
    "stakeholder_engagement": "How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan? What input did you get from stakeholders in schools identified as requiring assistance? How will stakeholders be continuously engaged in implementation and monitoring?",
    "outcomes": "Which specific Accountability targets will be met as a result of focusing on this priority? (In the aggregate and for specific student groups). In addition to accountability targets, are there other data points that would be helpful to track for signs of progress with this priority?",
    "role_clarity": "What is your strategy to ensure that all stakeholders understand their role in implementing this priority? At a minimum, please describe: what the district's central office will do consistently to support school leaders; what school leaders will do consistently to support teacher practice; and what teachers will do consistently to support student learning and achieving the desired outcomes.",
    "monitoring": "What interim benchmarks will you track throughout the year at both the district and school level to gauge changes in adult practice and student learning/experiences? Who will monitor these and how often? Share how student assignments and work samples will be analyzed at the district, school, and classroom level.",
    "resources": "What partnerships, programs, or resources will you leverage to implement this priority? These could include external resources as well as internal resources. Briefly describe how the implementation of the plan will address any inequities discovered during the district's review of local district and school budgeting data, as required by ESSA.",
    "differentiation": "How will the district differentiate assistance for schools identified by the Accountability system as requiring assistance, and for other schools that need more support with this priority? Please list the schools that will receive differentiated support and briefly describe what that differentiated support will entail.",
}

FIXED_DATE = datetime.datetime(2023, 6, 28, 15, 42, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-4)))


def answer_blocks(S, sid):
    v = S[sid]
    if isinstance(v, tuple) and v[0] == "EMPTY":
        return [("p", PROMPTS[sid] if v[1] == "PROMPT" else v[1])]
    return v


def flat_lines(blocks):
    out = []
    for b in blocks:
        if b[0] == "p":
            out.append(b[1])
        elif b[0] == "lead":
            out.append(b[1] + ":")
        elif b[0] == "sub":
            out.append(b[1].upper())
        elif b[0] == "ul":
            out += ["• " + x for x in b[1]]
        elif b[0] == "ol":
            out += [f"{i}. {x}" for i, x in enumerate(b[1], 1)]
        elif b[0] == "table":
            if any(b[1]):
                out.append(" | ".join(b[1]))
            out += [" | ".join(r) for r in b[2]]
    return out


# ------------------------------------------------------------------ python-docx
def _bold_para(container, text, size=None, italic=False):
    p = container.add_paragraph()
    r = p.add_run(text)
    r.bold = True
    r.italic = italic
    if size:
        r.font.size = Pt(size)
    return p


def add_blocks(container, blocks, sub_style="bold"):
    for b in blocks:
        k = b[0]
        if k == "p":
            container.add_paragraph(b[1])
        elif k == "lead":
            _bold_para(container, b[1])
        elif k == "sub":
            if sub_style == "heading" and hasattr(container, "add_heading"):
                container.add_heading(b[1], level=3)
            else:
                _bold_para(container, b[1], italic=True)
        elif k in ("ul", "ol"):
            for x in b[1]:
                container.add_paragraph(x, style="List Bullet" if k == "ul" else "List Number")
        elif k == "table":
            hdr, rows = b[1], b[2]
            has_hdr = any(hdr)
            t = container.add_table(rows=len(rows) + (1 if has_hdr else 0), cols=len(hdr))
            t.style = "Table Grid"
            i = 0
            if has_hdr:
                for j, h in enumerate(hdr):
                    t.cell(0, j).text = ""
                    t.cell(0, j).paragraphs[0].add_run(h).bold = True
                i = 1
            for r in rows:
                for j, v in enumerate(r):
                    t.cell(i, j).text = v
                i += 1
            if not hasattr(container, "add_heading"):
                container.add_paragraph("")


def title_block(d, plan, c, heading_title=True):
    title = plan.get("title", "District Prioritization Submission, SY2023-2024")
    if heading_title:
        d.add_heading(title, level=0)
    else:
        _bold_para(d, title, size=16)
    d.add_paragraph(f"District: {c['district']}")
    d.add_paragraph(f"Submitted by: {plan['author']}")
    d.add_paragraph("Date: June 2023")


def write_docx(path, plan, c, S):
    d = docx.Document()
    cp = d.core_properties
    cp.author = plan["author"].split(",")[0]
    cp.title = f"{c['district']} SSoS District Prioritization Submission"
    cp.created = cp.modified = datetime.datetime(2023, 6, 27, 12, 0, 0)
    cp.last_modified_by = cp.author
    layout = plan["layout"]
    heads = HEADS[plan.get("heads", "official")]
    title_block(d, plan, c, heading_title=(layout == "headings"))
    if plan.get("intro"):
        d.add_paragraph(plan["intro"].format(**c))
    if plan.get("toc"):
        _bold_para(d, "Contents")
        for i, h in enumerate(heads):
            d.add_paragraph(f"{h}\t{i + 2}")
    if layout in ("headings", "numbered_bold"):
        for i, sid in enumerate(SECTIONS):
            if S[sid] is None:
                continue
            if layout == "headings":
                d.add_heading(heads[i], level=1)
            else:
                _bold_para(d, heads[i], size=13)
            if plan.get("keep_prompt"):
                p = d.add_paragraph()
                p.add_run(PROMPTS[sid]).italic = True
            add_blocks(d, answer_blocks(S, sid), "heading" if layout == "headings" else "bold")
    elif layout in ("table2", "table3"):
        cols = 2 if layout == "table2" else 3
        present = [s for s in SECTIONS if S[s] is not None]
        t = d.add_table(rows=1 + len(present), cols=cols)
        t.style = "Table Grid"
        hdr = ["Guidance", "District response"] if cols == 2 else ["Section", "Guidance prompt", "District response"]
        for j, h in enumerate(hdr):
            t.cell(0, j).paragraphs[0].add_run(h).bold = True
        for r, sid in enumerate(present, 1):
            i = SECTIONS.index(sid)
            c0 = t.cell(r, 0)
            c0.paragraphs[0].add_run(heads[i]).bold = True
            if cols == 2:
                if plan.get("keep_prompt"):
                    c0.add_paragraph(PROMPTS[sid])
            else:
                t.cell(r, 1).text = PROMPTS[sid] if plan.get("keep_prompt") else ""
            cell = t.cell(r, cols - 1)
            blocks = answer_blocks(S, sid)
            first = True
            for b in blocks:
                if first and b[0] == "p":
                    cell.paragraphs[0].text = b[1]
                    first = False
                    continue
                first = False
                add_blocks(cell, [b])
    if plan.get("closing"):
        d.add_paragraph(plan["closing"].format(**c))
    d.save(path)


# ------------------------------------------------------------------ markdown / pandoc
def md_blocks(blocks):
    out = []
    for b in blocks:
        k = b[0]
        if k == "p":
            out.append(b[1] + "\n")
        elif k == "lead":
            out.append(f"**{b[1]}**\n")
        elif k == "sub":
            out.append(f"### {b[1]}\n")
        elif k == "ul":
            out.append("\n".join("- " + x for x in b[1]) + "\n")
        elif k == "ol":
            out.append("\n".join(f"{i}. {x}" for i, x in enumerate(b[1], 1)) + "\n")
        elif k == "table":
            hdr = [h or " " for h in b[1]]
            lines = ["| " + " | ".join(hdr) + " |", "|" + "|".join("---" for _ in hdr) + "|"]
            lines += ["| " + " | ".join(x.replace("|", "/") for x in r) + " |" for r in b[2]]
            out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def write_md_docx(path, plan, c, S):
    heads = HEADS[plan.get("heads", "official")]
    md = [f"# {plan.get('title', 'District Prioritization Submission, SY2023-2024')}\n",
          f"**District:** {c['district']}  \n**Submitted by:** {plan['author']}  \n**Date:** June 2023\n"]
    if plan.get("intro"):
        md.append(plan["intro"].format(**c) + "\n")
    for i, sid in enumerate(SECTIONS):
        if S[sid] is None:
            continue
        md.append(f"## {heads[i]}\n")
        if plan.get("keep_prompt"):
            md.append(f"*{PROMPTS[sid]}*\n")
        md.append(md_blocks(answer_blocks(S, sid)))
    src = path[:-5] + ".md"
    open(src, "w").write("\n".join(md))
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", path, src], check=True)
    os.remove(src)


# ------------------------------------------------------------------ HTML / LibreOffice
def html_blocks(blocks):
    e = html.escape
    out = []
    for b in blocks:
        k = b[0]
        if k == "p":
            out.append(f"<p>{e(b[1])}</p>")
        elif k == "lead":
            out.append(f"<p><b>{e(b[1])}</b></p>")
        elif k == "sub":
            out.append(f"<h3>{e(b[1])}</h3>")
        elif k in ("ul", "ol"):
            out.append(f"<{k}>" + "".join(f"<li>{e(x)}</li>" for x in b[1]) + f"</{k}>")
        elif k == "table":
            rows = ""
            if any(b[1]):
                rows += "<tr>" + "".join(f"<th>{e(h)}</th>" for h in b[1]) + "</tr>"
            rows += "".join("<tr>" + "".join(f"<td>{e(x)}</td>" for x in r) + "</tr>" for r in b[2])
            out.append(f'<table border="1" cellpadding="4">{rows}</table>')
    return "\n".join(out)


def write_html_docx(path, plan, c, S):
    heads = HEADS[plan.get("heads", "official")]
    e = html.escape
    h = [f"<html><head><meta charset='utf-8'><title>{e(c['district'])} submission</title></head><body>",
         f"<h1>{e(plan.get('title', 'District Prioritization Submission, SY2023-2024'))}</h1>",
         f"<p>District: {e(c['district'])}<br/>Submitted by: {e(plan['author'])}<br/>Date: June 2023</p>"]
    if plan.get("intro"):
        h.append(f"<p>{e(plan['intro'].format(**c))}</p>")
    for i, sid in enumerate(SECTIONS):
        if S[sid] is None:
            continue
        if plan["layout"] == "numbered_bold":
            h.append(f"<p><b>{e(heads[i])}</b></p>")
        else:
            h.append(f"<h2>{e(heads[i])}</h2>")
        if plan.get("keep_prompt"):
            h.append(f"<p><i>{e(PROMPTS[sid])}</i></p>")
        h.append(html_blocks(answer_blocks(S, sid)))
    h.append("</body></html>")
    tmp = tempfile.mkdtemp(prefix="pgen")
    stem = os.path.splitext(os.path.basename(path))[0]
    src = os.path.join(tmp, stem + ".html")
    open(src, "w").write("\n".join(h))
    prof = os.path.join(tmp, "profile")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", tmp, src], check=True, capture_output=True)
    shutil.move(os.path.join(tmp, stem + ".docx"), path)
    shutil.rmtree(tmp)


# ------------------------------------------------------------------ xlsx
def write_xlsx(path, plan, c, S):
    heads = HEADS[plan.get("heads", "official")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "District Submission"
    ws["A1"] = "SSoS District Prioritization Submission, SY2023-2024"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"], ws["B2"] = "District name", c["district"]
    ws["A3"], ws["B3"] = "Contact", plan["author"]
    ws["A4"], ws["B4"] = "Date submitted", "6/29/2023"
    ws.append([])
    ws.append(["Section", "Guidance prompt", "District response"])
    for cell in ws[6]:
        cell.font = Font(bold=True)
    for i, sid in enumerate(SECTIONS):
        if S[sid] is None:
            continue
        ws.append([heads[i], PROMPTS[sid], "\n".join(flat_lines(answer_blocks(S, sid)))])
    for row in ws.iter_rows(min_row=7):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["C"].width = 100
    wb.properties.creator = plan["author"].split(",")[0]
    wb.properties.created = wb.properties.modified = datetime.datetime(2023, 6, 29, 9, 0, 0)
    wb.save(path)


# ------------------------------------------------------------------ eml
def write_eml(path, plan, c, S):
    att = path[:-4] + "__att.docx"
    write_docx(att, plan, c, S)
    data = open(att, "rb").read()
    os.remove(att)
    m = EmailMessage()
    dom = c["district"].lower().replace(" ", "").replace("-", "") + ".k12.ma.us"
    name, _, title = plan["author"].partition(",")
    m["From"] = f"{name} <{name.split()[-1].lower()}@{dom}>"
    m["To"] = "ssos1@mass.gov"
    m["Subject"] = f"{c['district']} - SY23-24 District Prioritization Submission"
    m["Date"] = format_datetime(FIXED_DATE)
    m["Message-ID"] = f"<{plan['id']}@{dom}>"
    m.set_content(plan.get("email_body", "Good afternoon,\n\nAttached please find {district}'s District Prioritization Submission for "
                                          "SY2023-2024. Please let us know if you need anything further.\n\nThank you,\n{name}\n{title}\n")
                  .format(district=c["district"], name=name, title=title.strip()))
    fname = plan.get("attach_name", f"{c['district']} SSoS Prioritization Submission SY24.docx")
    m.add_attachment(data, maintype="application",
                     subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename=fname)
    with open(path, "wb") as f:
        f.write(bytes(m))


WRITERS = {"docx": (write_docx, ".docx"), "md": (write_md_docx, ".docx"), "html": (write_html_docx, ".docx"),
           "xlsx": (write_xlsx, ".xlsx"), "eml": (write_eml, ".eml")}
