"""Renderers for corpus T: docx (python-docx), markdown (for pandoc), html (for
LibreOffice PDF), pptx, xlsx, eml. All take (front, sections)."""
import datetime
import html
import io
import re
import zipfile
from email.message import EmailMessage
from email import policy, generator

FIXED = datetime.datetime(2023, 6, 28, 9, 30, 0)
ZIPDATE = (2023, 6, 28, 9, 30, 0)


def split_bold(text):
    """'a **b** c' -> [(a, False), (b, True), (c, False)]"""
    parts = re.split(r"(\*\*[^*]+\*\*)", text)
    out = []
    for p in parts:
        if not p:
            continue
        if p.startswith("**") and p.endswith("**"):
            out.append((p[2:-2], True))
        else:
            out.append((p, False))
    return out


def plain(text):
    return text.replace("**", "")


def normalize_zip(path, author="District Office"):
    """rewrite an OOXML package with fixed timestamps and fixed core dates."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                s = data.decode("utf-8")
                s = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", r"\g<1>2023-06-28T09:30:00Z\g<2>", s)
                s = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", r"\g<1>2023-06-28T09:30:00Z\g<2>", s)
                data = s.encode("utf-8")
            zi = zipfile.ZipInfo(name, date_time=ZIPDATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def fix_pdf(path):
    data = open(path, "rb").read()
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20230628093000", data)
    data = re.sub(rb"/ModDate\(D:\d{14}", b"/ModDate(D:20230628093000", data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]",
                  lambda m: re.sub(rb"[0-9A-Fa-f]{32}", b"5D1F0C2A9B7E4C3D8A6F0E1B2C3D4E5F", m.group(0)), data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /0123456789ABCDEF0123456789ABCDEF", data)
    data = re.sub(rb"<xmp:CreateDate>[^<]*</xmp:CreateDate>", lambda m: b"<xmp:CreateDate>" + b"2023-06-28T09:30:00Z".ljust(len(m.group(0)) - 31) + b"</xmp:CreateDate>", data)
    open(path, "wb").write(data)


# ------------------------------------------------------------------ DOCX
def _runs(par, text, bold=False, italic=False):
    for t, b in split_bold(text):
        r = par.add_run(t)
        r.bold = bold or b
        if italic:
            r.italic = True


def docx_doc(front, sections, layout="h1", author="District Office", title="District Prioritization Submission"):
    import docx
    from docx.shared import Pt, RGBColor
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    d = docx.Document()
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = title
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1
    st = d.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(11)

    def heading_para(text, level):
        if layout in ("h1", "numbered", "tablecell"):
            return d.add_heading(text, level)
        p = d.add_paragraph()
        r = p.add_run(text)
        r.bold = True
        r.font.size = Pt(14 if level == 1 else 12)
        return p

    def add_table(container, header, rows):
        t = container.add_table(rows=1 + len(rows), cols=len(header))
        try:
            t.style = d.styles["Table Grid"]
        except KeyError:
            pass
        for j, h in enumerate(header):
            c = t.rows[0].cells[j]
            c.text = ""
            _runs(c.paragraphs[0], h, bold=True)
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                c = t.rows[i + 1].cells[j]
                c.text = ""
                _runs(c.paragraphs[0], v)
        return t

    def list_item(container, item, style, num=None):
        if isinstance(item, tuple):
            lead, text = item[1], item[2]
        else:
            lead, text = None, item
        if container is d:
            p = d.add_paragraph(style=style)
        else:
            p = container.add_paragraph()
            p.add_run(("• " if num is None else f"{num}. "))
        if lead:
            _runs(p, lead + " ", bold=True)
        _runs(p, text)

    def blocks(container, bl, sub_level=2):
        for b in bl:
            k = b[0]
            if k == "h":
                if container is d and layout in ("h1", "numbered"):
                    d.add_heading(b[2], sub_level)
                else:
                    p = container.add_paragraph()
                    _runs(p, b[2], bold=True, italic=True)
            elif k == "p":
                p = container.add_paragraph()
                _runs(p, b[1])
            elif k == "lead":
                p = container.add_paragraph()
                _runs(p, b[1] + " ", bold=True)
                _runs(p, b[2])
            elif k == "prompt":
                p = container.add_paragraph()
                _runs(p, b[1], italic=True)
            elif k == "ul":
                for it in b[1]:
                    list_item(container, it, "List Bullet")
            elif k == "ol":
                for n, it in enumerate(b[1], 1):
                    if layout == "autonum" and container is d:
                        p = d.add_paragraph()
                        p.paragraph_format.left_indent = Pt(18)
                        _runs(p, f"({n}) " + (it if isinstance(it, str) else it[1] + " " + it[2]))
                    else:
                        list_item(container, it, "List Number", n)
            elif k == "table":
                add_table(container, b[1], b[2])
                if container is d:
                    d.add_paragraph()

    for f in front:
        if f[0] == "title":
            d.add_heading(f[1], 0) if layout != "bold" else _runs(d.add_paragraph(), f[1], bold=True)
        elif f[0] == "subtitle":
            try:
                d.add_paragraph(f[1], style="Subtitle")
            except KeyError:
                d.add_paragraph(f[1])
        elif f[0] == "h":
            heading_para(f[1], 1)
        elif f[0] == "p":
            _runs(d.add_paragraph(), f[1])
        elif f[0] == "ul":
            for it in f[1]:
                list_item(d, it, "List Bullet")

    for s in sections:
        if s["heading"] is None:
            blocks(d, s["blocks"])
            continue
        if layout == "tablecell":
            t = d.add_table(rows=2, cols=1)
            t.style = d.styles["Table Grid"]
            hc = t.rows[0].cells[0]
            hc.text = ""
            _runs(hc.paragraphs[0], s["heading"], bold=True)
            tcPr = hc._tc.get_or_add_tcPr()
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), "D9E2F3")
            tcPr.append(shd)
            cc = t.rows[1].cells[0]
            blocks(cc, s["blocks"])
            # drop the empty first paragraph python-docx leaves in a new cell
            first = cc.paragraphs[0]
            if not first.text and len(cc.paragraphs) > 1:
                first._element.getparent().remove(first._element)
            d.add_paragraph()
        elif layout == "bold":
            p = d.add_paragraph()
            p.paragraph_format.space_before = Pt(12)
            r = p.add_run(s["heading"])
            r.bold = True
            r.font.size = Pt(13)
            r.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
            blocks(d, s["blocks"])
        elif layout == "autonum":
            txt = re.sub(r"^\d+\.\s*", "", s["heading"])
            p = d.add_paragraph(style="List Number")
            r = p.add_run(txt)
            r.bold = True
            r.font.size = Pt(13)
            blocks(d, s["blocks"])
        else:
            d.add_heading(s["heading"], 1)
            blocks(d, s["blocks"])
    return d


def write_docx(path, front, sections, layout="h1", author="District Office"):
    d = docx_doc(front, sections, layout, author)
    d.save(path)
    normalize_zip(path)


# ------------------------------------------------------------------ Markdown (pandoc)
def md_escape_cell(s):
    return plain(s).replace("|", "\\|").replace("\n", " ")


def to_markdown(front, sections, hlevel=1):
    out = []
    meta = {}
    body_front = []
    for f in front:
        if f[0] in ("title", "subtitle"):
            meta[f[0]] = f[1]
        else:
            body_front.append(f)
    out.append("---")
    for k, v in meta.items():
        out.append(f"{k}: \"{v}\"")
    out.append("date: \"June 2023\"")
    out.append("---\n")
    def lines(bl):
        for b in bl:
            k = b[0]
            if k == "h":
                out.append("#" * (hlevel + 1) + " " + b[2] + "\n")
            elif k == "p":
                out.append(b[1] + "\n")
            elif k == "lead":
                out.append(f"**{b[1]}** {b[2]}\n")
            elif k == "prompt":
                out.append(f"*{plain(b[1])}*\n")
            elif k in ("ul", "ol"):
                for n, it in enumerate(b[1], 1):
                    mark = "-" if k == "ul" else f"{n}."
                    if isinstance(it, tuple):
                        out.append(f"{mark} **{it[1]}** {it[2]}")
                    else:
                        out.append(f"{mark} {it}")
                out.append("")
            elif k == "table":
                out.append("| " + " | ".join(md_escape_cell(h) for h in b[1]) + " |")
                out.append("|" + "|".join("---" for _ in b[1]) + "|")
                for r in b[2]:
                    out.append("| " + " | ".join(md_escape_cell(x) for x in r) + " |")
                out.append("")
    for f in body_front:
        if f[0] == "p":
            out.append(f[1] + "\n")
        elif f[0] == "h":
            out.append("#" * hlevel + " " + f[1] + "\n")
        elif f[0] == "ul":
            for it in f[1]:
                out.append("- " + it)
            out.append("")
    for s in sections:
        if s["heading"]:
            out.append("#" * hlevel + " " + s["heading"] + "\n")
        lines(s["blocks"])
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ HTML (LibreOffice -> PDF)
def to_html(front, sections, title="Submission", style="plain"):
    e = html.escape
    def inline(t):
        return "".join(f"<b>{e(x)}</b>" if b else e(x) for x, b in split_bold(t))
    out = [f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{e(title)}</title>",
           "<style>body{font-family:'Liberation Serif',serif;font-size:11pt} h1{font-size:16pt} h2{font-size:13pt;color:#1f3a5f} "
           "h3{font-size:11pt;font-style:italic} table{border-collapse:collapse} td,th{border:1px solid #777;padding:3px;vertical-align:top}</style></head><body>"]
    for f in front:
        if f[0] == "title":
            out.append(f"<h1>{e(f[1])}</h1>")
        elif f[0] == "subtitle":
            out.append(f"<p><i>{e(f[1])}</i></p>")
        elif f[0] == "p":
            out.append(f"<p>{inline(f[1])}</p>")
        elif f[0] == "h":
            out.append(f"<h2>{e(f[1])}</h2>")
        elif f[0] == "ul":
            out.append("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in f[1]) + "</ul>")
    for s in sections:
        if s["heading"]:
            if style == "boldp":
                out.append(f"<p><b><u>{e(s['heading'])}</u></b></p>")
            else:
                out.append(f"<h2>{e(s['heading'])}</h2>")
        for b in s["blocks"]:
            k = b[0]
            if k == "h":
                out.append(f"<h3>{e(b[2])}</h3>")
            elif k == "p":
                out.append(f"<p>{inline(b[1])}</p>")
            elif k == "lead":
                out.append(f"<p><b>{e(b[1])}</b> {inline(b[2])}</p>")
            elif k == "prompt":
                out.append(f"<p><i>{e(b[1])}</i></p>")
            elif k in ("ul", "ol"):
                tag = k
                items = []
                for it in b[1]:
                    if isinstance(it, tuple):
                        items.append(f"<li><b>{e(it[1])}</b> {inline(it[2])}</li>")
                    else:
                        items.append(f"<li>{inline(it)}</li>")
                out.append(f"<{tag}>" + "".join(items) + f"</{tag}>")
            elif k == "table":
                rows = ["<tr>" + "".join(f"<th>{e(h)}</th>" for h in b[1]) + "</tr>"]
                for r in b[2]:
                    rows.append("<tr>" + "".join(f"<td>{inline(x)}</td>" for x in r) + "</tr>")
                out.append("<table>" + "".join(rows) + "</table>")
    out.append("</body></html>")
    return "\n".join(out)


# ------------------------------------------------------------------ PPTX
def _item_text(it):
    if isinstance(it, tuple):
        return plain(it[1] + " " + it[2])
    return plain(it)


def write_pptx(path, front, sections, layout="K1"):
    from pptx import Presentation
    from pptx.util import Inches, Pt
    prs = Presentation()
    prs.slide_width = Inches(13.333)
    prs.slide_height = Inches(7.5)
    cp = prs.core_properties
    cp.author = "District Office"
    cp.last_modified_by = "District Office"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1
    title_l, content_l, title_only = prs.slide_layouts[0], prs.slide_layouts[1], prs.slide_layouts[5]
    W = prs.slide_width
    def set_title(sl, text, top=Inches(0.3), height=Inches(1.0), size=28):
        t = sl.shapes.title
        t.left, t.top, t.width, t.height = Inches(0.4), top, W - Inches(0.8), height
        t.text = text
        for p in t.text_frame.paragraphs:
            for r in p.runs:
                r.font.size = Pt(size)
    s = prs.slides.add_slide(title_l)
    set_title(s, plain(next(f[1] for f in front if f[0] == "title")), Inches(2.2), Inches(1.5), 40)
    sub = [f[1] for f in front if f[0] == "subtitle"]
    ph = s.placeholders[1]
    ph.left, ph.top, ph.width, ph.height = Inches(1.0), Inches(4.0), W - Inches(2.0), Inches(1.2)
    ph.text = plain(sub[0]) if sub else ""

    def chunks(sec):
        """split a section's blocks into slides: each 'h' starts a new slide; tables get their own."""
        cur_title, cur = sec["heading"], []
        for b in sec["blocks"]:
            if b[0] == "h":
                if cur:
                    yield cur_title, cur
                cur_title, cur = sec["heading"] + " — " + b[2], []
            elif b[0] == "table":
                if cur:
                    yield cur_title, cur
                    cur = []
                yield cur_title, [b]
            else:
                cur.append(b)
        if cur:
            yield cur_title, cur

    def lines_of(bl):
        out = []
        for b in bl:
            if b[0] in ("ul", "ol"):
                out += [_item_text(i) for i in b[1]]
            elif b[0] == "p":
                out.append(plain(b[1]))
            elif b[0] == "lead":
                out.append(plain(b[1] + " " + b[2]))
            elif b[0] == "prompt":
                out.append(plain(b[1]))
        return out

    def fit(n_chars):
        return Pt(18 if n_chars < 500 else 14 if n_chars < 900 else 12 if n_chars < 1400 else 10)

    for sec in sections:
        first = True
        for title, bl in chunks(sec):
            if bl and bl[0][0] == "table":
                sl = prs.slides.add_slide(title_only)
                set_title(sl, title)
                hdr, rows = bl[0][1], bl[0][2]
                shp = sl.shapes.add_table(len(rows) + 1, len(hdr), Inches(0.4), Inches(1.5), W - Inches(0.8), Inches(0.4) * (len(rows) + 1))
                tb = shp.table
                for j, h in enumerate(hdr):
                    tb.cell(0, j).text = h
                for i, r in enumerate(rows):
                    for j, v in enumerate(r):
                        tb.cell(i + 1, j).text = plain(v)
                for i in range(len(rows) + 1):
                    for j in range(len(hdr)):
                        for p in tb.cell(i, j).text_frame.paragraphs:
                            for r in p.runs:
                                r.font.size = Pt(11 if len(rows) < 6 else 9)
                continue
            lines = lines_of(bl)
            n = sum(len(x) for x in lines)
            if layout == "K1":
                sl = prs.slides.add_slide(content_l)
                set_title(sl, title)
                body = sl.placeholders[1]
                body.left, body.top, body.width, body.height = Inches(0.5), Inches(1.4), W - Inches(1.0), Inches(5.8)
                tf = body.text_frame
                tf.word_wrap = True
                for i, ln in enumerate(lines):
                    p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                    p.text = ln
                    for r in p.runs:
                        r.font.size = fit(n)
            else:
                # K2: title-only layout with free text boxes; two columns when long
                sl = prs.slides.add_slide(title_only)
                set_title(sl, title)
                cols = [lines] if n < 700 or len(lines) < 2 else [lines[: (len(lines) + 1) // 2], lines[(len(lines) + 1) // 2:]]
                cw = (W - Inches(1.0)) / len(cols)
                for ci, col in enumerate(cols):
                    tb = sl.shapes.add_textbox(Inches(0.5) + int(cw * ci), Inches(1.5), int(cw) - Inches(0.2), Inches(5.6))
                    tf = tb.text_frame
                    tf.word_wrap = True
                    for i, ln in enumerate(col):
                        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                        p.text = "▪ " + ln
                        for r in p.runs:
                            r.font.size = fit(n / len(cols) * 1.3)
            first = False
    prs.save(path)
    normalize_zip(path)


# ------------------------------------------------------------------ XLSX
SHEETS = dict(priorities="Priorities", analysis="Analysis", stakeholder_engagement="Stakeholders", outcomes="Outcomes",
              role_clarity="Roles", monitoring="Monitoring", resources="Resources", differentiation="Differentiation")

def write_xlsx(path, front, sections, layout="L1"):
    import openpyxl
    from openpyxl.styles import Font, Alignment, PatternFill
    wb = openpyxl.Workbook()
    wb.properties.creator = "District Office"
    wb.properties.lastModifiedBy = "District Office"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    bold = Font(bold=True)
    head = Font(bold=True, size=13, color="FFFFFF")
    fill = PatternFill("solid", fgColor="305496")
    wrap = Alignment(wrap_text=True, vertical="top")
    title = plain(next(f[1] for f in front if f[0] == "title"))

    def put_blocks(ws, r, bl):
        for b in bl:
            k = b[0]
            if k == "lead":
                ws.cell(r, 1, plain(b[1])).font = bold
                ws.cell(r, 2, plain(b[2]))
                r += 1
            elif k in ("p", "prompt"):
                ws.cell(r, 2, plain(b[1]))
                r += 1
            elif k in ("ul", "ol"):
                ws.cell(r, 2, "\n".join("• " + _item_text(i) for i in b[1]))
                r += 1
            elif k == "h":
                ws.cell(r, 1, plain(b[2])).font = bold
                r += 1
            elif k == "table":
                for j, h in enumerate(b[1]):
                    ws.cell(r, 1 + j, h).font = bold
                r += 1
                for row in b[2]:
                    for j, v in enumerate(row):
                        ws.cell(r, 1 + j, plain(v))
                    r += 1
        return r

    def style(ws):
        ws.column_dimensions["A"].width = 34
        ws.column_dimensions["B"].width = 90
        ws.column_dimensions["C"].width = 30
        ws.column_dimensions["D"].width = 30
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    c.alignment = wrap

    if layout == "L1":
        ws = wb.active
        ws.title = "Submission"
        ws.cell(1, 1, title).font = Font(bold=True, size=14)
        ws.cell(2, 1, "District:").font = bold
        ws.cell(2, 2, title.split(" — ")[0])
        ws.cell(3, 1, "Submitted to:").font = bold
        ws.cell(3, 2, "ssos1@mass.gov")
        r = 5
        for s in sections:
            c = ws.cell(r, 1, s["heading"])
            c.font = head
            c.fill = fill
            ws.cell(r, 2).fill = fill
            r += 1
            r = put_blocks(ws, r, s["blocks"]) + 1
        style(ws)
    else:
        ws = wb.active
        ws.title = "Cover"
        ws.cell(1, 1, title).font = Font(bold=True, size=14)
        ws.cell(3, 1, "Contents").font = bold
        for i, s in enumerate(sections):
            ws.cell(4 + i, 1, s["heading"])
        style(ws)
        for i, s in enumerate(sections):
            name = SHEETS.get(s["id"], re.sub(r"[^A-Za-z ]", "", s["heading"]).strip()[:26])
            sh = wb.create_sheet(f"{i + 1} {name}"[:31])
            sh.cell(1, 1, s["heading"]).font = Font(bold=True, size=13)
            put_blocks(sh, 3, s["blocks"])
            style(sh)
    wb.save(path)
    normalize_zip(path)


# ------------------------------------------------------------------ EML
def write_eml(path, sender, sender_name, district, subject, body, attach_name, attach_bytes, date, msgid):
    m = EmailMessage(policy=policy.SMTP)
    m["From"] = f"{sender_name} <{sender}>"
    m["To"] = "SSoS <ssos1@mass.gov>"
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = msgid
    m.set_content(body)
    m.add_attachment(attach_bytes, maintype="application",
                     subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename=attach_name)
    m.set_boundary("=====corpus-t-boundary-" + re.sub(r"[^a-z0-9]", "", district.lower()) + "=====")
    with open(path, "wb") as f:
        f.write(m.as_bytes(policy=policy.SMTP))
