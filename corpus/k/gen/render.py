"""Renderers: python-docx, pandoc, LibreOffice (HTML->docx/pdf), hand OOXML, npm docx, Chromium, openpyxl, email."""
import os, subprocess, tempfile, shutil, json, zipfile, html, datetime
from email.message import EmailMessage
from email.utils import format_datetime

HERE = os.path.dirname(os.path.abspath(__file__))


def block_text(b):
    k, v = b
    if k in ("p", "sub", "note"):
        return [v]
    if k in ("ul", "ol"):
        return list(v)
    if k == "table":
        return [" | ".join(r) for r in v]
    return []


def sec_text(sec):
    out = []
    for b in sec["blocks"]:
        out += block_text(b)
    return "\n".join(out)


# ------------------------------------------------------------------ python-docx
def r_pydocx(doc, path, o):
    from docx import Document
    from docx.shared import Pt, Inches
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    d = Document()
    mode = o.get("mode", "styles")
    if o.get("landscape"):
        s = d.sections[0]
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = s.page_height, s.page_width
    if o.get("header"):
        d.sections[0].header.paragraphs[0].text = o["header"]
    if o.get("footer"):
        d.sections[0].footer.paragraphs[0].text = o["footer"]
    if o.get("cover"):
        for line in o["cover"]:
            p = d.add_paragraph(line)
            p.runs[0].font.size = Pt(16)
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    else:
        if mode != "bold":
            d.add_heading(doc["title"], 0)
        else:
            d.add_paragraph().add_run(doc["title"]).bold = True
    for b in doc["intro"]:
        add_blocks(d, [b])
    if o.get("toc"):
        d.add_paragraph("Contents").runs[0].bold = True
        for s in doc["sections"]:
            if s["state"] != "missing":
                d.add_paragraph(s["heading"])
    secs = [s for s in doc["sections"] if s["state"] != "missing"]
    if mode in ("styles", "bold", "inline"):
        merge = o.get("merge", {})
        skip = set()
        for s in secs:
            if s["id"] in skip:
                continue
            head = s["heading"]
            group = [s]
            if s["id"] in merge:
                head = merge[s["id"]][1]
                group = [s] + [x for x in secs if x["id"] == merge[s["id"]][0]]
                skip.add(merge[s["id"]][0])
            if mode == "styles":
                d.add_heading(head, o.get("level", 1))
            elif mode == "bold":
                r = d.add_paragraph().add_run(head)
                r.bold = True
                if o.get("underline"):
                    r.underline = True
            if o.get("prompt_above"):
                p = d.add_paragraph()
                r = p.add_run(s["prompt"]); r.italic = True
            for g in group:
                if o.get("prio_cols") and g["id"] in ("priorities", "monitoring") and sum(1 for b in g["blocks"] if b[0] == "sub") > 1:
                    prio_table(d, g)
                    continue
                if mode == "inline":
                    bl = g["blocks"]
                    first = bl[0][1] if bl and bl[0][0] == "p" else ""
                    p = d.add_paragraph()
                    p.add_run(g["heading"] + ": ").bold = True
                    p.add_run(first)
                    add_blocks(d, bl[1:] if first else bl)
                else:
                    add_blocks(d, g["blocks"])
    elif mode == "form":
        for s in secs:
            d.add_heading(s["heading"], 2)
            t = d.add_table(rows=2, cols=1)
            t.style = "Table Grid"
            t.cell(0, 0).text = s["prompt"]
            fill_cell(t.cell(1, 0), s["blocks"])
    elif mode == "form2":  # prompt | response two columns, one table
        t = d.add_table(rows=1, cols=2)
        t.style = "Table Grid"
        t.cell(0, 0).text = "Guidance prompt"
        t.cell(0, 1).text = "District response"
        for s in secs:
            r = t.add_row().cells
            r[0].text = s["heading"] + "\n" + s["prompt"]
            fill_cell(r[1], s["blocks"])
    elif mode == "rows":  # one row per section, section name | response
        t = d.add_table(rows=1, cols=2)
        t.style = "Table Grid"
        t.cell(0, 0).text = "Section"
        t.cell(0, 1).text = "Response"
        for s in secs:
            r = t.add_row().cells
            r[0].text = s["heading"]
            fill_cell(r[1], s["blocks"])
    elif mode == "prio_cols":  # a column per priority for the priority section, then rows for the rest
        t = d.add_table(rows=1, cols=2)
        t.style = "Table Grid"
        t.cell(0, 0).text = "Component"
        t.cell(0, 1).text = "Response"
        for s in secs:
            r = t.add_row().cells
            r[0].text = s["heading"]
            fill_cell(r[1], s["blocks"])
    for b in doc["appendix"]:
        add_blocks(d, [b])
    d.save(path)


def prio_table(d, sec):
    """A column per priority: split the section's blocks at each priority sub-heading."""
    pre, groups, post = [], [], []
    for b in sec["blocks"]:
        if b[0] == "sub":
            groups.append([b[1], []])
        elif not groups:
            pre.append(b)
        elif sec["id"] == "monitoring" and b[0] not in ("ul", "ol"):
            post.append(b)
        else:
            groups[-1][1].append(b)
    add_blocks(d, pre)
    t = d.add_table(rows=2, cols=len(groups))
    t.style = "Table Grid"
    for j, (head, bl) in enumerate(groups):
        t.cell(0, j).text = head
        t.cell(0, j).paragraphs[0].runs[0].bold = True
        fill_cell(t.cell(1, j), bl)
    add_blocks(d, post)


def fill_cell(cell, blocks):
    first = True
    for b in blocks:
        for line in block_text(b):
            if b[0] == "ul":
                line = "\u2022 " + line
            if first:
                cell.paragraphs[0].text = line
                first = False
            else:
                cell.add_paragraph(line)


def add_blocks(d, blocks):
    for k, v in blocks:
        if k == "p":
            d.add_paragraph(v)
        elif k == "note":
            p = d.add_paragraph(); r = p.add_run(v); r.italic = True
        elif k == "sub":
            p = d.add_paragraph(); p.add_run(v).bold = True
        elif k == "ul":
            for x in v:
                d.add_paragraph(x, style="List Bullet")
        elif k == "ol":
            for x in v:
                d.add_paragraph(x, style="List Number")
        elif k == "table":
            t = d.add_table(rows=len(v), cols=len(v[0]))
            t.style = "Table Grid"
            for i, row in enumerate(v):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell


# ------------------------------------------------------------------ HTML (for LibreOffice and Chromium)
def to_html(doc, o):
    css = o.get("css", "body{font-family:Calibri,Arial,sans-serif;font-size:11pt} table{border-collapse:collapse} td,th{border:1px solid #444;padding:4px;vertical-align:top}")
    h = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(doc['title'])}</title><style>{css}</style></head><body>"]
    if o.get("banner"):
        h.append(f"<div class='banner'>{html.escape(o['banner'])}</div>")
    h.append(f"<h1>{html.escape(doc['title'])}</h1>")
    for b in doc["intro"]:
        h.append(blocks_html([b]))
    h.append(f"<div class='{o.get('wrap','main')}'>")
    hb = o.get("hmode", "h2")
    for s in doc["sections"]:
        if s["state"] == "missing":
            continue
        h.append(f"<div class='card'>")
        if hb == "h2":
            h.append(f"<h2>{html.escape(s['heading'])}</h2>")
        elif hb == "bold":
            h.append(f"<p><b>{html.escape(s['heading'])}</b></p>")
        if o.get("prompt_above"):
            h.append(f"<p class='prompt'><i>{html.escape(s['prompt'])}</i></p>")
        h.append(blocks_html(s["blocks"]))
        h.append("</div>")
    h.append("</div>")
    for b in doc["appendix"]:
        h.append(blocks_html([b]))
    h.append("</body></html>")
    return "\n".join(h)


def blocks_html(blocks):
    out = []
    for k, v in blocks:
        if k == "p":
            out.append(f"<p>{html.escape(v)}</p>")
        elif k == "note":
            out.append(f"<p><i>{html.escape(v)}</i></p>")
        elif k == "sub":
            out.append(f"<h3>{html.escape(v)}</h3>")
        elif k in ("ul", "ol"):
            out.append(f"<{k}>" + "".join(f"<li>{html.escape(x)}</li>" for x in v) + f"</{k}>")
        elif k == "table":
            rows = "".join("<tr>" + "".join(f"<{'th' if i == 0 else 'td'}>{html.escape(c)}</{'th' if i == 0 else 'td'}>" for c in r) + "</tr>" for i, r in enumerate(v))
            out.append(f"<table>{rows}</table>")
    return "\n".join(out)


def soffice_convert(src, fmt, outdir):
    prof = tempfile.mkdtemp(prefix="lo_")
    inf = ["--infilter=HTML (StarWriter)"] if src.endswith(".html") else []
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless"] + inf + ["--convert-to", fmt, "--outdir", outdir, src],
                   check=True, capture_output=True, timeout=180)
    shutil.rmtree(prof, ignore_errors=True)


def r_lo_html_docx(doc, path, o):
    tmp = tempfile.mkdtemp()
    stem = os.path.splitext(os.path.basename(path))[0]
    src = os.path.join(tmp, stem + ".html")
    open(src, "w").write(to_html(doc, o))
    soffice_convert(src, 'docx:MS Word 2007 XML', tmp)
    shutil.move(os.path.join(tmp, stem + ".docx"), path)
    shutil.rmtree(tmp)


def r_lo_pdf_from(doc, path, o):
    """Make a docx with another renderer, then LibreOffice -> pdf."""
    tmp = tempfile.mkdtemp()
    stem = os.path.splitext(os.path.basename(path))[0]
    mid = os.path.join(tmp, stem + "." + o.get("via_ext", "docx"))
    RENDERERS[o["via"]](doc, mid, o)
    soffice_convert(mid, "pdf", tmp)
    shutil.move(os.path.join(tmp, stem + ".pdf"), path)
    shutil.rmtree(tmp)


def r_odt(doc, path, o):
    """HTML -> ODT via LibreOffice (used as an intermediate for pdf)."""
    tmp = tempfile.mkdtemp()
    stem = os.path.splitext(os.path.basename(path))[0]
    src = os.path.join(tmp, stem + ".html")
    open(src, "w").write(to_html(doc, o))
    soffice_convert(src, "odt:writer8", tmp)
    shutil.move(os.path.join(tmp, stem + ".odt"), path)
    shutil.rmtree(tmp)


def r_chromium(doc, path, o):
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, "plan.html")
    open(src, "w").write(to_html(doc, o))
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp}/prof", f"--print-to-pdf={path}", "file://" + src],
                   check=True, capture_output=True, timeout=180)
    shutil.rmtree(tmp, ignore_errors=True)


# ------------------------------------------------------------------ pandoc
def to_md(doc, o):
    m = [f"# {doc['title']}", ""]
    for b in doc["intro"]:
        m += md_blocks([b])
    for s in doc["sections"]:
        if s["state"] == "missing":
            continue
        m += [("## " if not o.get("bold_heads") else "**") + s["heading"] + ("" if not o.get("bold_heads") else "**"), ""]
        if o.get("prompt_above"):
            m += ["*" + s["prompt"] + "*", ""]
        m += md_blocks(s["blocks"])
    for b in doc["appendix"]:
        m += md_blocks([b])
    return "\n".join(m)


def md_blocks(blocks):
    m = []
    for k, v in blocks:
        if k == "p":
            m += [v.replace("#", "\\#"), ""]
        elif k == "note":
            m += ["*" + v + "*", ""]
        elif k == "sub":
            m += ["### " + v, ""]
        elif k == "ul":
            m += ["- " + x for x in v] + [""]
        elif k == "ol":
            m += [f"{i+1}. " + x for i, x in enumerate(v)] + [""]
        elif k == "table":
            esc = lambda c: c.replace("|", "/")
            m += ["| " + " | ".join(esc(c) for c in v[0]) + " |", "|" + "---|" * len(v[0])]
            m += ["| " + " | ".join(esc(c) for c in r) + " |" for r in v[1:]] + [""]
    return m


def r_pandoc(doc, path, o):
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, "plan.md")
    open(src, "w").write(to_md(doc, o))
    subprocess.run(["pandoc", src, "-f", "markdown", "-o", path], check=True)
    shutil.rmtree(tmp)


# ------------------------------------------------------------------ hand-written OOXML
def x(s):
    return html.escape(s, quote=False)


def r_ooxml(doc, path, o):
    body = []
    def para(text, style=None, bold=False):
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        body.append(f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{x(text)}</w:t></w:r></w:p>')
    def tbl(rows):
        t = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
             '<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>'
             '<w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>'
             '</w:tblBorders></w:tblPr>']
        for r in rows:
            t.append("<w:tr>")
            for c in r:
                paras = c if isinstance(c, list) else [c]
                t.append("<w:tc>" + "".join(f'<w:p><w:r><w:t xml:space="preserve">{x(pp)}</w:t></w:r></w:p>' for pp in paras) + "</w:tc>")
            t.append("</w:tr>")
        t.append("</w:tbl>")
        body.append("".join(t))
        body.append("<w:p/>")
    def blocks(bl):
        for k, v in bl:
            if k == "p":
                para(v)
            elif k == "note":
                para(v)
            elif k == "sub":
                para(v, bold=True)
            elif k in ("ul", "ol"):
                for i, it in enumerate(v):
                    para(("- " if k == "ul" else f"{i+1}) ") + it)
            elif k == "table":
                tbl(v)
    para(doc["title"], "Title")
    blocks(doc["intro"])
    mode = o.get("mode", "headings")
    secs = [s for s in doc["sections"] if s["state"] != "missing"]
    if mode == "headings":
        for s in secs:
            para(s["heading"], "Heading1")
            if o.get("prompt_above"):
                para(s["prompt"])
            blocks(s["blocks"])
    elif mode == "rows":
        rows = [["Section", "Response"]]
        for s in secs:
            lines = []
            for b in s["blocks"]:
                lines += block_text(b)
            rows.append([s["heading"], lines or [""]])
        tbl(rows)
    blocks(doc["appendix"])
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr></w:body></w:document>'
    styles = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>'''
    ct = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'''
    rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'''
    drels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'''
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", styles)
        z.writestr("word/_rels/document.xml.rels", drels)


# ------------------------------------------------------------------ npm docx
def r_npm(doc, path, o):
    tmp = tempfile.mkdtemp()
    j = os.path.join(tmp, "doc.json")
    json.dump({"doc": doc, "opts": o, "out": path}, open(j, "w"))
    subprocess.run(["node", os.path.join(HERE, "npm_docx.js"), j], check=True, cwd=HERE)
    shutil.rmtree(tmp)


# ------------------------------------------------------------------ xlsx
def r_xlsx(doc, path, o):
    from openpyxl import Workbook
    from openpyxl.styles import Font, Alignment
    wb = Workbook()
    mode = o.get("mode", "long")
    secs = [s for s in doc["sections"] if s["state"] != "missing"]
    wrap = Alignment(wrap_text=True, vertical="top")
    if mode == "long":
        ws = wb.active
        ws.title = o.get("sheet", "Submission")
        ws.append([doc["title"]]); ws["A1"].font = Font(bold=True, size=14)
        ws.append([])
        ws.append(["Section", "Prompt", "District response"] if o.get("prompts") else ["Section", "District response"])
        for cell in ws[3]:
            cell.font = Font(bold=True)
        for s in secs:
            lines = []
            for b in s["blocks"]:
                if b[0] == "table":
                    lines += [" | ".join(r) for r in b[1]]
                else:
                    lines += block_text(b)
            if o.get("row_per_line"):
                first = True
                for ln in lines or [""]:
                    row = [s["heading"] if first else ""] + ([s["prompt"] if first else ""] if o.get("prompts") else []) + [ln]
                    ws.append(row); first = False
            else:
                ws.append([s["heading"]] + ([s["prompt"]] if o.get("prompts") else []) + ["\n".join(lines)])
        ws.column_dimensions["A"].width = 34
        ws.column_dimensions["B"].width = 90
        ws.column_dimensions["C"].width = 90
        for row in ws.iter_rows(min_row=4):
            for cell in row:
                cell.alignment = wrap
    elif mode == "sheets":
        ws = wb.active
        ws.title = "Cover"
        ws.append([doc["title"]])
        ws.append(["District", doc["district"]])
        ws.append(["Submitted to", "ssos1@mass.gov"])
        for b in doc["intro"]:
            for ln in block_text(b):
                ws.append([ln])
        for i, s in enumerate(secs):
            name = o.get("sheetnames", {}).get(s["id"]) or s["heading"]
            name = name.replace(":", "").replace("/", "-").replace("?", "")[:31]
            w = wb.create_sheet(name)
            w.append([s["heading"]]); w["A1"].font = Font(bold=True)
            if o.get("prompts"):
                w.append([s["prompt"]])
            w.append([])
            for b in s["blocks"]:
                if b[0] == "table":
                    for r in b[1]:
                        w.append(r)
                elif b[0] == "sub":
                    w.append([b[1]]); w.cell(row=w.max_row, column=1).font = Font(bold=True)
                else:
                    for ln in block_text(b):
                        w.append([ln])
            w.column_dimensions["A"].width = 100
    elif mode == "columns":  # sections as columns, one row of responses
        ws = wb.active
        ws.title = "Plan"
        ws.append(["District"] + [s["heading"] for s in secs])
        ws.append([doc["district"]] + ["\n".join(l for b in s["blocks"] for l in (block_text(b))) for s in secs])
        for cell in ws[2]:
            cell.alignment = wrap
    wb.save(path)


# ------------------------------------------------------------------ email
def r_eml(doc, path, o):
    tmp = tempfile.mkdtemp()
    att = os.path.join(tmp, o["att_name"])
    RENDERERS[o["via"]](doc, att, o.get("via_opts", o))
    msg = EmailMessage()
    slug = doc["district"].lower().replace(" ", "").replace("-", "")
    msg["From"] = o.get("from_", f"{doc['district']} Superintendent <superintendent@{slug}.k12.ma.us>")
    msg["To"] = "ssos1@mass.gov"
    msg["Subject"] = o["subject"]
    msg["Date"] = format_datetime(datetime.datetime(2023, 6, o.get("day", 28), 15, 42, tzinfo=datetime.timezone(datetime.timedelta(hours=-4))))
    msg["Message-ID"] = f"<{os.path.basename(path)}.k@district.k12.ma.us>"
    body = o["body"]
    ctype = {"docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
             "pdf": ("application", "pdf"), "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")}[att.rsplit(".", 1)[1]]
    data = open(att, "rb").read()
    if o.get("forward"):
        inner = EmailMessage()
        inner["From"] = o["forward"]["sender"]
        inner["To"] = o["forward"]["to"]
        inner["Subject"] = o["forward"]["subject"]
        inner["Date"] = format_datetime(datetime.datetime(2023, 6, 26, 9, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=-4))))
        inner.set_content(o["forward"]["body"])
        inner.add_attachment(data, maintype=ctype[0], subtype=ctype[1], filename=o["att_name"])
        msg.set_content(body)
        msg.make_mixed()
        msg.attach(_as_rfc822(inner))
    else:
        msg.set_content(body)
        if o.get("html_body"):
            msg.add_alternative(o["html_body"], subtype="html")
        msg.add_attachment(data, maintype=ctype[0], subtype=ctype[1], filename=o["att_name"])
    open(path, "wb").write(bytes(msg))
    shutil.rmtree(tmp)


def _as_rfc822(inner):
    from email.mime.message import MIMEMessage
    m = MIMEMessage(inner)
    m.add_header("Content-Disposition", "attachment", filename="Forwarded message.eml")
    return m


RENDERERS = {"pydocx": r_pydocx, "lo_html_docx": r_lo_html_docx, "lo_pdf": r_lo_pdf_from, "odt": r_odt,
             "chromium": r_chromium, "pandoc": r_pandoc, "ooxml": r_ooxml, "npm": r_npm, "xlsx": r_xlsx, "eml": r_eml}
