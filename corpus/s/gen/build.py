#!/usr/bin/env python3
"""Render every plan of plans.PLANS in its format and write its truth JSON. usage: build.py OUTROOT"""
import datetime, io, json, os, re, shutil, subprocess, sys, tempfile, zipfile
from email.message import EmailMessage
import docx
from docx.shared import Pt
from docx.enum.text import WD_BREAK
import openpyxl
from openpyxl.styles import Font, Alignment
from plans import PLANS, sections, truth, split, ctx
from sections import SIDS

FIXED = datetime.datetime(2023, 6, 27, 14, 30, 0)
FIXED_ISO = "2023-06-27T14:30:00Z"
PLACEHOLDER = "Click or tap here to enter text."

GUIDE_TITLE = {"priorities": "1. Priority(ies)", "analysis": "2. Analysis of Strengths and Challenges",
               "stakeholder_engagement": "3. Stakeholder Engagement", "outcomes": "4. Outcomes",
               "role_clarity": "5. Role Clarity", "monitoring": "6. Monitoring Implementation",
               "resources": "7. Resources", "differentiation": "8. Differentiation"}
PLAIN = {"priorities": "Instructional Priorities", "analysis": "Analysis of Strengths and Challenges",
         "stakeholder_engagement": "Stakeholder Engagement", "outcomes": "Outcomes", "role_clarity": "Role Clarity",
         "monitoring": "Monitoring Implementation", "resources": "Resources", "differentiation": "Differentiation"}


def heading(p, sid):
    i = PLANS.index(p)
    n = SIDS.index(sid) + 1
    style = p.get("hs", i % 4)
    if p["fmt"] in ("template", "twocol", "eml-template", "eml-twocol"):
        style = 0
    return [GUIDE_TITLE[sid], f"Section {n}: {PLAIN[sid]}", PLAIN[sid], f"{n} - {PLAIN[sid]}"][style]


# the guidance's prompt for each section, as the agency template keeps it (italic)
PROMPT = {
 "priorities": ["What are your district's top 1-2 instructional priorities for SY23-24? What are the meaningful changes in educator practice that are the focus of this priority? What will be the meaningful changes students will experience in their learning because of this focus? Which specific equity and opportunity gaps will this priority address?",
                "These priorities and related outcomes should align to DESE's Educational Vision for Culturally and Linguistically Sustaining Practices. At least one priority should be focused on strengthening culturally and linguistically sustaining grade appropriate instruction."],
 "analysis": ["What data led you to identify or recommit to this priority? What are the underlying systemic factors that contribute to the findings in your data analysis? Ensure your findings represent:",
              "Data from each of the following four areas described in the CSDP Coherence Guidebook: student outcomes, instruction, stakeholder perspectives (e.g., VOCAL or other student experience data), and systems/structures.",
              "Themes from both aggregate and student level analysis, including themes from looking at student work.",
              "Data for specific student groups that point to specific equity gaps in the district."],
 "stakeholder_engagement": ["How did input from students, families, educators, and community stakeholders inform this priority and the design of this plan? What input did you get from stakeholders in schools identified as requiring assistance? How will stakeholders be continuously engaged in implementation and monitoring?"],
 "outcomes": ["Which specific Accountability targets will be met as a result of focusing on this priority? (In the aggregate and for specific student groups). In addition to accountability targets, are there other data points that would be helpful to track for signs of progress with this priority?"],
 "role_clarity": ["What is your strategy to ensure that all stakeholders understand their role in implementing this priority? At a minimum, please describe:",
                  "What the district's central office will do consistently to support school leaders;",
                  "What school leaders will do consistently to support teacher practice; and",
                  "What teachers will do consistently to support student learning and achieving the desired outcomes."],
 "monitoring": ["What interim benchmarks will you track throughout the year at both the district and school level to gauge changes in adult practice and student learning/experiences? Who will monitor these and how often?",
                "Share how student assignments and work samples will be analyzed at the district, school, and classroom level. Less is more: identify just a few high-leverage benchmarks."],
 "resources": ["What partnerships, programs, or resources will you leverage to implement this priority? These could include external resources (e.g., supports offered by DESE or other partners) as well as internal resources (e.g., staffing, funding from TAG, ESSER, M3 etc.) Briefly describe how the implementation of the plan will address any inequities discovered during the district's review of local district and school budgeting data, as required by ESSA."],
 "differentiation": ["How will the district differentiate assistance for schools identified by the Accountability system as requiring assistance, and for other schools that need more support with this priority? Please list the schools that will receive differentiated support and briefly describe what that differentiated support will entail."],
}


def title(p):
    return [f"{p['district']} Public Schools: District Prioritization Submission, SY2023-24",
            f"SSoS District Prioritization Submission 2023-2024 - {p['district']}",
            f"{p['district']} - Instructional Priority Plan for SY23-24",
            f"District Instructional Priorities, {p['district']}, 2023-2024"][PLANS.index(p) % 4]


def byline(p):
    c = ctx(p, "priorities")
    return f"Submitted by the Office of the Superintendent, {p['district']}, to ssos1@mass.gov, June 2023. Contact: {c['cao']}."


def block_text(b):
    """Plain lines of a block (for xlsx and checks)."""
    k = b[0]
    if k == "p": return [b[1]]
    if k == "lead": return [b[1] + b[2]]
    if k == "h3": return [b[1]]
    if k == "ul": return ["\u2022 " + x for x in b[1]]
    if k == "ol": return [f"{i}. {x}" for i, x in enumerate(b[1], 1)]
    if k == "table": return [" | ".join(r) for r in b[1]]
    raise ValueError(k)


# ------------------------------------------------------------------ python-docx
def add_blocks_docx(doc, container, blocks, comments):
    """container: Document or _Cell."""
    for b in blocks:
        k = b[0]
        if k == "p":
            par = container.add_paragraph()
            run = par.add_run(b[1])
            if len(b) > 2 and "comment" in b[2]:
                comments.append((run, b[2]["comment"]))
        elif k == "lead":
            par = container.add_paragraph()
            r = par.add_run(b[1]); r.bold = True
            par.add_run(b[2])
        elif k == "h3":
            if container is doc:
                doc.add_heading(b[1], level=2)
            else:
                par = container.add_paragraph(); r = par.add_run(b[1]); r.bold = True
        elif k in ("ul", "ol"):
            for i, x in enumerate(b[1], 1):
                if container is doc:
                    container.add_paragraph(x, style="List Bullet" if k == "ul" else "List Number")
                else:
                    container.add_paragraph(("\u2022 " if k == "ul" else f"{i}. ") + x)
        elif k == "table":
            rows = b[1]
            t = container.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = doc.styles["Table Grid"]
            for i, r in enumerate(rows):
                for j, cell in enumerate(r):
                    t.cell(i, j).text = cell
                    if i == 0:
                        for run in t.cell(i, j).paragraphs[0].runs: run.bold = True
            if container is doc:
                doc.add_paragraph()


def new_doc(p):
    d = docx.Document()
    cp = d.core_properties
    cp.created = cp.modified = FIXED
    cp.last_printed = FIXED
    cp.author = "Office of the Superintendent"
    cp.last_modified_by = "Office of the Superintendent"
    cp.title = title(p)
    cp.revision = 3
    return d


def finish_doc(d, comments, path):
    for run, (author, text) in comments:
        d.add_comment(run, text=text, author=author, initials="".join(w[0] for w in author.split() if w[0].isalpha()))
    d.save(path)


def w_docx(p, path):
    d = new_doc(p)
    d.add_paragraph(title(p), style="Title")
    d.add_paragraph(byline(p))
    comments = []
    for sid, st, blocks in sections(p):
        if st == "missing": continue
        d.add_heading(heading(p, sid), level=1)
        if st == "empty":
            d.add_paragraph(PLACEHOLDER)
        else:
            add_blocks_docx(d, d, blocks, comments)
    finish_doc(d, comments, path)


def w_template(p, path):
    d = new_doc(p)
    d.add_paragraph("Statewide System of Support (SSoS) District Prioritization Submission", style="Title")
    d.add_paragraph("Guidance for 2023-2024 School Year").runs[0].bold = True
    d.add_paragraph(f"District: {p['district']}")
    d.add_paragraph("Date submitted: June 27, 2023")
    comments = []
    for sid, st, blocks in sections(p):
        if st == "missing": continue
        d.add_heading(GUIDE_TITLE[sid], level=1)
        for j, q in enumerate(PROMPT[sid]):
            par = d.add_paragraph(style=None if j == 0 else "List Bullet")
            r = par.add_run(q); r.italic = True
        if st == "empty":
            d.add_paragraph(PLACEHOLDER)
        else:
            add_blocks_docx(d, d, blocks, comments)
    finish_doc(d, comments, path)


def w_twocol(p, path):
    d = new_doc(p)
    d.add_paragraph(title(p), style="Title")
    d.add_paragraph(byline(p))
    secs = [s for s in sections(p) if s[1] != "missing"]
    t = d.add_table(rows=1 + len(secs), cols=2)
    t.style = d.styles["Table Grid"]
    hdr = ["Prompt", "Response"] if PLANS.index(p) % 2 else ["Guidance prompt", "District response"]
    for j in range(2):
        t.cell(0, j).text = hdr[j]
        t.cell(0, j).paragraphs[0].runs[0].bold = True
    comments = []
    for i, (sid, st, blocks) in enumerate(secs, 1):
        left = t.cell(i, 0)
        left.paragraphs[0].add_run(GUIDE_TITLE[sid]).bold = True
        left.add_paragraph(" ".join(PROMPT[sid]))
        right = t.cell(i, 1)
        if st == "empty":
            right.paragraphs[0].add_run(PLACEHOLDER)
            continue
        add_blocks_docx(d, right, blocks, comments)
        first = right.paragraphs[0]
        if not first.text:  # drop the cell's initial empty paragraph
            first._element.getparent().remove(first._element)
    finish_doc(d, comments, path)


# ------------------------------------------------------------------ markdown (pandoc) and html (LibreOffice)
def md_cell(s):
    return s.replace("|", "/")


def to_markdown(p):
    md = ["---", f"title: \"{title(p)}\"", "date: June 2023", "---", "", byline(p), ""]
    for sid, st, blocks in sections(p):
        if st == "missing": continue
        md += [f"# {heading(p, sid)}", ""]
        if st == "empty":
            md += ["[Insert response here]", ""]; continue
        for b in blocks:
            k = b[0]
            if k == "p": md += [b[1], ""]
            elif k == "lead": md += [f"**{b[1].strip()}** {b[2]}", ""]
            elif k == "h3": md += [f"## {b[1]}", ""]
            elif k == "ul": md += [f"- {x}" for x in b[1]] + [""]
            elif k == "ol": md += [f"{i}. {x}" for i, x in enumerate(b[1], 1)] + [""]
            elif k == "table":
                rows = b[1]
                md.append("| " + " | ".join(md_cell(x) for x in rows[0]) + " |")
                md.append("|" + "|".join("---" for _ in rows[0]) + "|")
                for r in rows[1:]:
                    md.append("| " + " | ".join(md_cell(x) for x in r) + " |")
                md.append("")
    return "\n".join(md)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_html(p):
    h = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title>" + esc(title(p)) + "</title></head><body>",
         f"<h1>{esc(title(p))}</h1>", f"<p>{esc(byline(p))}</p>"]
    for sid, st, blocks in sections(p):
        if st == "missing": continue
        h.append(f"<h2>{esc(heading(p, sid))}</h2>")
        if st == "empty":
            h.append("<p>TBD</p>"); continue
        for b in blocks:
            k = b[0]
            if k == "p": h.append(f"<p>{esc(b[1])}</p>")
            elif k == "lead": h.append(f"<p><b>{esc(b[1])}</b>{esc(b[2])}</p>")
            elif k == "h3": h.append(f"<h3>{esc(b[1])}</h3>")
            elif k in ("ul", "ol"):
                h.append(f"<{k}>" + "".join(f"<li>{esc(x)}</li>" for x in b[1]) + f"</{k}>")
            elif k == "table":
                rows = b[1]
                h.append("<table border=\"1\" cellpadding=\"4\">")
                h.append("<tr>" + "".join(f"<th>{esc(x)}</th>" for x in rows[0]) + "</tr>")
                for r in rows[1:]:
                    h.append("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in r) + "</tr>")
                h.append("</table>")
    h.append("</body></html>")
    return "\n".join(h)


def env():
    e = dict(os.environ)
    e["SOURCE_DATE_EPOCH"] = str(int(FIXED.replace(tzinfo=datetime.timezone.utc).timestamp()))
    e["TZ"] = "UTC"
    return e


def w_pandoc(p, path):
    with tempfile.TemporaryDirectory() as td:
        src = os.path.join(td, "plan.md")
        open(src, "w").write(to_markdown(p))
        subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "docx", "-o", path, src], check=True, env=env())


def soffice_to_docx(src, td, infilter=None):
    prof = "file://" + os.path.join(td, "profile")
    cmd = ["soffice", f"-env:UserInstallation={prof}", "--headless", "--norestore"]
    if infilter: cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", os.path.join(td, "out"), src]
    subprocess.run(cmd, check=True, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = os.path.join(td, "out", os.path.splitext(os.path.basename(src))[0] + ".docx")
    if not os.path.exists(out):
        raise RuntimeError("soffice produced nothing for " + src)
    return out


def w_lohtml(p, path):
    with tempfile.TemporaryDirectory() as td:
        src = os.path.join(td, "plan.html")
        open(src, "w").write(to_html(p))
        shutil.copy(soffice_to_docx(src, td, "HTML (StarWriter)"), path)


def w_loodt(p, path):
    with tempfile.TemporaryDirectory() as td:
        md = os.path.join(td, "plan.md")
        open(md, "w").write(to_markdown(p))
        odt = os.path.join(td, "plan.odt")
        subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "odt", "-o", odt, md], check=True, env=env())
        shutil.copy(soffice_to_docx(odt, td), path)


# ------------------------------------------------------------------ xlsx
def w_xlsx(p, path, layout):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Submission" if layout == "grid" else p["district"][:25] + " plan"
    wb.properties.creator = "Office of the Superintendent"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.title = title(p)
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    ws["A1"] = title(p); ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = byline(p)
    r = 4
    if layout == "grid":
        ws.column_dimensions["A"].width = 26; ws.column_dimensions["B"].width = 50
        for col in "CDEF": ws.column_dimensions[col].width = 60 if col == "C" else 30
        for j, hname in enumerate(["Section", "Guiding question", "District response"]):
            cell = ws.cell(row=r, column=1 + j, value=hname); cell.font = bold
        r += 1
        for sid, st, blocks in sections(p):
            if st == "missing": continue
            ws.cell(row=r, column=1, value=GUIDE_TITLE[sid]).font = bold
            ws.cell(row=r, column=2, value=PROMPT[sid][0]).alignment = wrap
            if st == "empty":
                ws.cell(row=r, column=3, value="TBD"); r += 2; continue
            for b in blocks:
                if b[0] == "table":
                    for row in b[1]:
                        for j, x in enumerate(row):
                            cell = ws.cell(row=r, column=3 + j, value=x); cell.alignment = wrap
                            if row is b[1][0]: cell.font = bold
                        r += 1
                else:
                    ws.cell(row=r, column=3, value="\n".join(block_text(b))).alignment = wrap
                    r += 1
            r += 1
    else:
        ws.column_dimensions["A"].width = 90
        for col in "BCD": ws.column_dimensions[col].width = 35
        for sid, st, blocks in sections(p):
            if st == "missing": continue
            ws.cell(row=r, column=1, value=heading(p, sid)).font = Font(bold=True, size=12)
            r += 1
            if st == "empty":
                ws.cell(row=r, column=1, value="TBD"); r += 2; continue
            for b in blocks:
                if b[0] == "table":
                    for row in b[1]:
                        for j, x in enumerate(row):
                            cell = ws.cell(row=r, column=1 + j, value=x); cell.alignment = wrap
                            if row is b[1][0]: cell.font = bold
                        r += 1
                elif b[0] in ("ul", "ol"):
                    for line in block_text(b):
                        ws.cell(row=r, column=1, value=line).alignment = wrap; r += 1
                else:
                    cell = ws.cell(row=r, column=1, value=block_text(b)[0]); cell.alignment = wrap
                    if b[0] == "h3": cell.font = bold
                    r += 1
            r += 1
    wb.save(path)


# ------------------------------------------------------------------ eml
def w_eml(p, path, inner):
    with tempfile.TemporaryDirectory() as td:
        att = os.path.join(td, "plan.docx")
        WRITERS[inner](p, att)
        normalize_zip(att)
        data = open(att, "rb").read()
    slug = re.sub(r"[^a-z]", "", p["district"].lower())
    c = ctx(p, "priorities")
    m = EmailMessage()
    m["From"] = f"Office of the Superintendent <superintendent@{slug}.example.org>"
    m["To"] = "ssos1@mass.gov"
    m["Cc"] = f"{c['cao']} <curriculum@{slug}.example.org>"
    m["Subject"] = f"{p['district']} SSoS District Prioritization Submission SY23-24"
    m["Date"] = "Tue, 27 Jun 2023 16:05:00 -0400"
    m["Message-ID"] = f"<{p['id']}.submission@{slug}.example.org>"
    m.set_content(f"Good afternoon,\n\nPlease find attached {p['district']}'s District Prioritization Submission for "
                  f"SY2023-24. Our {c['cao']} is the primary contact for SSoS and is happy to set up time with the "
                  f"regional assistance team to go over it.\n\nThank you,\nOffice of the Superintendent\n{p['district']}\n")
    fname = f"{p['district']} SSoS Prioritization Submission 2023-24.docx"
    m.add_attachment(data, maintype="application",
                     subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename=fname)
    m.set_boundary(f"=_s_{p['id']}_boundary")
    open(path, "wb").write(bytes(m))


# ------------------------------------------------------------------ determinism
def normalize_zip(path):
    zin = zipfile.ZipFile(path)
    items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    zin.close()
    out = []
    for name, data in items:
        if name == "docProps/core.xml":
            s = data.decode("utf-8")
            s = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)", r"\g<1>" + FIXED_ISO + r"\g<3>", s)
            s = re.sub(r"(<cp:lastPrinted>)[^<]*(</cp:lastPrinted>)", r"\g<1>" + FIXED_ISO + r"\g<2>", s)
            data = s.encode("utf-8")
        if name.startswith("word/") and name.endswith(".xml"):
            s = data.decode("utf-8")
            s = re.sub(r'w:date="[^"]*"', 'w:date="' + FIXED_ISO + '"', s)
            data = s.encode("utf-8")
        if name == "docProps/app.xml":
            s = data.decode("utf-8")
            s = re.sub(r"<TotalTime>[^<]*</TotalTime>", "<TotalTime>0</TotalTime>", s)
            data = s.encode("utf-8")
        out.append((name, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in out:
            zi = zipfile.ZipInfo(name, date_time=(2023, 6, 27, 14, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)


WRITERS = {"docx": w_docx, "template": w_template, "twocol": w_twocol, "pandoc": w_pandoc, "lohtml": w_lohtml,
           "loodt": w_loodt}


def ext(fmt):
    return ".xlsx" if fmt.startswith("xlsx") else ".eml" if fmt.startswith("eml") else ".docx"


def render(p, path):
    f = p["fmt"]
    if f in WRITERS:
        WRITERS[f](p, path); normalize_zip(path)
    elif f.startswith("xlsx"):
        w_xlsx(p, path, f.split("-")[1]); normalize_zip(path)
    elif f.startswith("eml"):
        w_eml(p, path, f.split("-", 1)[1])
    else:
        raise ValueError(f)


def main():
    root = sys.argv[1]
    for p in PLANS:
        sp = split(p)
        os.makedirs(os.path.join(root, "plans", sp), exist_ok=True)
        os.makedirs(os.path.join(root, "truth", sp), exist_ok=True)
        path = os.path.join(root, "plans", sp, p["id"] + ext(p["fmt"]))
        render(p, path)
        with open(os.path.join(root, "truth", sp, p["id"] + ".json"), "w") as f:
            json.dump(truth(p), f, indent=1)
            f.write("\n")
    print(f"built {len(PLANS)} plans")


if __name__ == "__main__":
    main()
