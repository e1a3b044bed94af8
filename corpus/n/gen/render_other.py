"""openpyxl workbooks, HTML->PDF (Chromium), DOCX->PDF (LibreOffice), .eml (email lib)."""
import html
import os
import shutil
import subprocess
import tempfile
from email.message import EmailMessage
from email.utils import format_datetime
import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from content import SECTIONS, HEADINGS, PROMPTS, section_blocks, plabel
import render_docx

WRAP = Alignment(wrap_text=True, vertical="top")


def block_lines(blocks):
    out = []
    for b in blocks:
        if b[0] in ("p", "h"):
            out.append(b[1])
        elif b[0] == "b":
            out += ["\u2022 " + x for x in b[1]]
        elif b[0] == "t":
            out.append(" | ".join(b[1]))
            out += [" | ".join(r) for r in b[2]]
    return out


def render_xlsx(spec, path):
    wb = Workbook()
    lay = spec["layout"]
    heads = dict(zip(SECTIONS, HEADINGS[spec.get("hstyle", "guid")]))
    heads.update(spec.get("heads", {}))
    order = spec.get("order", SECTIONS)
    ws = wb.active
    if lay == "tabs":
        ws.title = "Instructions"
        ws["A1"] = "How to complete this workbook"
        ws["A1"].font = Font(bold=True, size=14)
        ws.merge_cells("A2:F6")
        ws["A2"] = ("Complete one tab per section of the SSoS District Prioritization Submission. Type your response in the "
                    "yellow cells below each prompt. Do not delete the prompts. Save as .xlsx and email to ssos1@mass.gov by June 30, 2023.")
        ws["A2"].alignment = WRAP
        cv = wb.create_sheet("Cover")
        cv["A1"] = "District"
        cv["B1"] = spec["district"] + (" Public Schools" if spec.get("ps", True) else "")
        cv["A2"] = "Contact"
        cv["B2"] = spec.get("contact", "Office of the Superintendent")
        cv["A3"] = "Date submitted"
        cv["B3"] = "6/29/2023"
        cv["A4"] = "Schools identified as requiring assistance"
        cv["B4"] = spec.get("cover_schools", "see Differentiation tab")
        for sid in order:
            if spec.get("states", {}).get(sid) == "missing":
                continue
            name = spec.get("tabnames", {}).get(sid, heads[sid])[:31].replace(":", "").replace("/", "-")
            s = wb.create_sheet(name)
            s.merge_cells("A1:F1")
            s["A1"] = heads[sid]
            s["A1"].font = Font(bold=True, size=13)
            s.merge_cells("A2:F4")
            s["A2"] = PROMPTS[sid]
            s["A2"].alignment = WRAP
            s["A2"].font = Font(italic=True, color="666666")
            s["A6"] = "Response"
            s["A6"].font = Font(bold=True)
            r = 7
            for b in section_blocks(spec, sid):
                if b[0] == "t":
                    for row in [b[1]] + b[2]:
                        for j, c in enumerate(row):
                            s.cell(row=r, column=1 + j, value=c).alignment = WRAP
                        r += 1
                    continue
                for line in block_lines([b]):
                    s.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
                    c = s.cell(row=r, column=1, value=line)
                    c.alignment = WRAP
                    c.fill = PatternFill("solid", fgColor="FFF2CC")
                    r += 1
            s.column_dimensions["A"].width = 60
    elif lay == "long":
        ws.title = spec.get("sheetname", "Submission")
        ws["A1"] = f"{spec['district']} \u2013 District Prioritization Submission SY23-24"
        ws["A1"].font = Font(bold=True)
        ws.append([])
        ws.append(["Section", "Guidance prompt", "District response"])
        for sid in order:
            if spec.get("states", {}).get(sid) == "missing":
                continue
            lines = block_lines(section_blocks(spec, sid)) or [""]
            r0 = ws.max_row + 1
            for k, line in enumerate(lines):
                ws.append([heads[sid] if k == 0 else None, PROMPTS[sid] if k == 0 else None, line])
            if len(lines) > 1 and spec.get("merge_long", True):
                ws.merge_cells(start_row=r0, start_column=1, end_row=r0 + len(lines) - 1, end_column=1)
                ws.merge_cells(start_row=r0, start_column=2, end_row=r0 + len(lines) - 1, end_column=2)
        for col, w in zip("ABC", (28, 50, 100)):
            ws.column_dimensions[col].width = w
    elif lay == "cols":
        ws.title = "Plan"
        ws["A1"] = f"{spec['district']} SSoS submission"
        secs = [s for s in order if spec.get("states", {}).get(s) != "missing"]
        ws.cell(row=2, column=1, value="")
        for j, sid in enumerate(secs):
            ws.cell(row=2, column=2 + j, value=heads[sid]).font = Font(bold=True)
            ws.cell(row=3, column=2 + j, value=PROMPTS[sid]).alignment = WRAP
        n = len(spec["priorities"])
        for i in range(n):
            ws.cell(row=4 + i, column=1, value=plabel(spec, i) or f"Priority {i + 1}")
            for j, sid in enumerate(secs):
                if sid in ("priorities", "monitoring") and spec.get("states", {}).get(sid, "present") == "present":
                    txt = "\n".join(block_lines(section_blocks(spec, sid, only=i)))
                elif i == 0:
                    txt = "\n".join(block_lines(section_blocks(spec, sid)))
                else:
                    txt = "(same as above)"
                ws.cell(row=4 + i, column=2 + j, value=txt).alignment = WRAP
        if n > 1:
            for j, sid in enumerate(secs):
                if not (sid in ("priorities", "monitoring") and spec.get("states", {}).get(sid, "present") == "present"):
                    ws.cell(row=5, column=2 + j, value=None)
                    ws.merge_cells(start_row=4, start_column=2 + j, end_row=3 + n, end_column=2 + j)
    if spec.get("extra_sheet"):
        es = wb.create_sheet(spec["extra_sheet"][0])
        for row in spec["extra_sheet"][1]:
            es.append(row)
    wb.save(path)


def budget_xlsx(spec, path):
    wb = Workbook()
    ws = wb.active
    ws.title = "FY24 budget"
    ws.append(["Line", "Source", "Amount", "School"])
    for row in [["Literacy coaches (4.0 FTE)", "ESSER III / Title I", 352000, "district"],
                ["Teacher leader stipends", "Title I", 48000, "all"],
                ["Summer unit internalization", "TAG", 36000, "all"],
                ["ELD co-teachers (2.0 FTE)", "General fund", 168000, spec["schools"][0][0]]]:
        ws.append(row)
    wb.save(path)


def html_doc(spec):
    heads = dict(zip(SECTIONS, HEADINGS[spec.get("hstyle", "guid")]))
    heads.update(spec.get("heads", {}))
    order = spec.get("order", SECTIONS)
    css = spec.get("css", "")
    two = "column-count:2; column-gap:28px;" if spec.get("twocol") else ""
    h = [f"<html><head><meta charset='utf-8'><style>body{{font-family:'DejaVu Serif',serif;font-size:10.5pt;margin:40px}}"
         f".cols{{{two}}} h1{{font-size:17pt}} h2{{font-size:12.5pt;color:#1f3864;border-bottom:1px solid #1f3864}} "
         f"table{{border-collapse:collapse}} td,th{{border:1px solid #777;padding:3px;font-size:9pt}} .prompt{{color:#777;font-style:italic;font-size:9pt}} {css}</style></head><body>"]
    h.append(f"<h1>{html.escape(spec['district'])} Public Schools<br/><small>District Prioritization Submission, SY 2023-24</small></h1>")
    for p in spec.get("preamble", []):
        h.append(f"<p>{html.escape(p)}</p>")
    h.append("<div class='cols'>")
    skip = set()
    for sid in order:
        if sid in skip or spec.get("states", {}).get(sid) == "missing":
            continue
        combo = spec.get("combine", {}).get(sid)
        h.append(f"<h2>{html.escape(combo[0] if combo else heads[sid])}</h2>")
        if spec.get("show_prompts"):
            h.append(f"<p class='prompt'>{html.escape(PROMPTS[sid])}</p>")
        blocks = section_blocks(spec, sid)
        if combo:
            skip.add(combo[1])
            blocks += section_blocks(spec, combo[1])
        for b in blocks:
            if b[0] == "p":
                h.append(f"<p>{html.escape(b[1])}</p>")
            elif b[0] == "h":
                h.append(f"<p><b>{html.escape(b[1])}</b></p>")
            elif b[0] == "b":
                h.append("<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in b[1]) + "</ul>")
            elif b[0] == "t":
                h.append("<table><tr>" + "".join(f"<th>{html.escape(x)}</th>" for x in b[1]) + "</tr>" +
                         "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in b[2]) + "</table>")
    h.append("</div>")
    for p in spec.get("postamble", []):
        h.append(f"<p>{html.escape(p)}</p>")
    h.append("</body></html>")
    return "\n".join(h)


def render_pdf(spec, path):
    tmp = tempfile.mkdtemp()
    try:
        if spec.get("pdf_via") == "chromium":
            hp = os.path.join(tmp, "plan.html")
            open(hp, "w").write(html_doc(spec))
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--print-to-pdf={path}", "file://" + hp], check=True, capture_output=True, timeout=120)
        else:
            dp = os.path.join(tmp, "plan.docx")
            render_docx.render(spec, dp)
            subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/lo", "--convert-to", "pdf",
                            "--outdir", tmp, dp], check=True, capture_output=True, timeout=180)
            shutil.move(os.path.join(tmp, "plan.pdf"), path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def render_eml(spec, path):
    tmp = tempfile.mkdtemp()
    try:
        inner = dict(spec)
        inner.update(spec["inner"])
        kind = inner["kind"]
        att = os.path.join(tmp, spec["att_name"])
        if kind == "docx":
            render_docx.render(inner, att)
            mt = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
        elif kind == "xlsx":
            render_xlsx(inner, att)
            mt = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        else:
            render_pdf(inner, att)
            mt = ("application", "pdf")
        msg = EmailMessage()
        msg["From"] = spec["from"]
        msg["To"] = "ssos1@mass.gov"
        if spec.get("cc"):
            msg["Cc"] = spec["cc"]
        msg["Subject"] = spec["subject"]
        msg["Date"] = format_datetime(dt.datetime(2023, 6, spec.get("day", 29), 16, 12, tzinfo=dt.timezone(dt.timedelta(hours=-4))))
        msg["Message-ID"] = f"<{spec['stem']}@{spec['district'].lower().replace(' ', '')}.k12.ma.us>"
        msg.set_content(spec["body"])
        msg.add_attachment(open(att, "rb").read(), maintype=mt[0], subtype=mt[1], filename=spec["att_name"])
        if spec.get("budget_att"):
            bp = os.path.join(tmp, spec["budget_att"])
            budget_xlsx(spec, bp)
            msg.add_attachment(open(bp, "rb").read(), maintype="application",
                               subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename=spec["budget_att"])
        open(path, "wb").write(bytes(msg))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def render_docx_alt(spec, path):
    """DOCX made by another tool from the HTML rendering: pandoc or LibreOffice."""
    tmp = tempfile.mkdtemp()
    try:
        hp = os.path.join(tmp, "plan.html")
        open(hp, "w").write(html_doc(spec))
        if spec["docx_via"] == "pandoc":
            subprocess.run(["pandoc", hp, "-f", "html", "-t", "docx", "-o", path], check=True, capture_output=True, timeout=120)
        else:
            subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/lo", "--convert-to",
                            "docx:MS Word 2007 XML", "--outdir", tmp, hp], check=True, capture_output=True, timeout=180)
            shutil.move(os.path.join(tmp, "plan.docx"), path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
