"""Renderers: HTML (Chromium / LibreOffice), DOCX (python-docx), PPTX (python-pptx), EML."""
import html as H, os, subprocess, shutil, tempfile, copy
from email.message import EmailMessage
from docx import Document
from docx.shared import Pt, Inches, RGBColor
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from pptx import Presentation
from pptx.util import Inches as PI, Pt as PP
from content import block_text

def e(s): return H.escape(s)

# ------------------------------------------------------------------ HTML
CSS = {
"memo": "body{font-family:'Liberation Serif',serif;font-size:11.5pt;margin:0.6in} h2{font-size:14pt;border-bottom:1px solid #444} h3{font-size:12pt}",
"cards": "body{font-family:'DejaVu Sans',sans-serif;font-size:10.5pt;background:#f3f5f8;margin:0.4in} .sec{background:#fff;border:1px solid #c9d3e0;border-radius:10px;padding:10px 16px;margin:12px 0;box-shadow:0 2px 4px #ccd} h2{color:#1b4f8a;font-size:13pt;margin:4px 0} h3{font-size:11pt;color:#555}",
"banners": "body{font-family:'Liberation Sans',sans-serif;font-size:10.5pt;margin:0.5in} h2{background:#2c5d3f;color:#fff;padding:6px 10px;font-size:13pt;-webkit-print-color-adjust:exact;print-color-adjust:exact} h3{font-size:11pt;border-left:4px solid #2c5d3f;padding-left:6px}",
"twocol": "body{font-family:'DejaVu Serif',serif;font-size:9.5pt;margin:0.45in} main{column-count:2;column-gap:0.35in} h2{font-size:12pt;color:#7a1f1f;break-after:avoid} h3{font-size:10pt} .title{column-span:all}",
"sidebar": "body{font-family:'DejaVu Sans',sans-serif;font-size:10pt;margin:0.4in} .wrap{display:grid;grid-template-columns:1.7in 1fr;gap:0.25in} aside{background:#eef;padding:8px;font-size:8.5pt;border-right:3px solid #88a} h2{font-size:12.5pt;color:#333366}",
"fixedhf": "@page{margin:0.4in 0.6in} body{font-family:'Liberation Sans',sans-serif;font-size:10.5pt;margin:0} .hdr{position:fixed;top:0;left:0;right:0;height:0.3in;font-size:8pt;color:#666;border-bottom:1px solid #aaa} .ftr{position:fixed;bottom:0;left:0;right:0;height:0.25in;font-size:8pt;color:#666;text-align:center;border-top:1px solid #aaa} table.pg{width:100%;border-collapse:collapse} .sp{height:0.5in} h2{font-size:13pt} .brk{break-before:page}",
"formtable": "body{font-family:'Liberation Sans',sans-serif;font-size:9.5pt;margin:0.4in} table{border-collapse:collapse;width:100%} td,th{border:1px solid #555;vertical-align:top;padding:5px} td.q{width:32%;background:#e8e8e8;-webkit-print-color-adjust:exact} thead{display:table-header-group}",
}

def blocks_html(blocks):
    o = []
    for b in blocks:
        if b[0] == "p": o.append(f"<p>{e(b[1])}</p>")
        elif b[0] == "h3": o.append(f"<h3>{e(b[1])}</h3>")
        elif b[0] == "ul": o.append("<ul>" + "".join(f"<li>{e(x)}</li>" for x in b[1]) + "</ul>")
        elif b[0] == "table":
            o.append("<table border='1' cellspacing='0' cellpadding='4' style='border-collapse:collapse;width:100%'><tr>" + "".join(f"<th>{e(h)}</th>" for h in b[1]) + "</tr>" +
                     "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in b[2]) + "</table>")
    return "\n".join(o)

def to_html(P, layout, title, sub="", opts=None):
    opts = opts or {}
    css = CSS[layout] + opts.get("css", "")
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{e(title)}</title><style>{css}</style></head><body>"]
    if layout == "fixedhf":
        parts.append(f"<div class='hdr'>{e(opts.get('header', title))}</div><div class='ftr'>{e(opts.get('footer', 'DRAFT - for SSoS review'))}</div>")
    head = f"<div class='title'><h1>{e(title)}</h1>" + (f"<p><em>{e(sub)}</em></p>" if sub else "") + (opts.get("intro_html", "")) + "</div>"
    if layout == "formtable":
        parts.append(head + "<table><thead><tr><th>Guidance prompt</th><th>District response</th></tr></thead>")
        for s in P.sections:
            parts.append(f"<tr><td class='q'><b>{e(s['head'])}</b><br>{e(s['prompt'])}</td><td>{blocks_html(s['body'])}</td></tr>")
        parts.append("</table>")
    else:
        secs = []
        for s in P.sections:
            cls = "sec" + (" brk" if s["id"] in opts.get("break_before", []) else "")
            pr = f"<p class='prompt'><i>{e(s['prompt'])}</i></p>" if opts.get("prompts") else ""
            body = blocks_html(s["body"])
            if s["id"] in opts.get("split_at", {}):  # force a page break inside the section
                k = opts["split_at"][s["id"]]
                bl = s["body"]; body = blocks_html(bl[:k]) + "<div style='break-after:page'></div>" + blocks_html(bl[k:])
            secs.append(f"<section class='{cls}'><h2>{e(s['head'])}</h2>{pr}{body}</section>")
        if layout == "sidebar":
            side = opts.get("sidebar", "")
            parts.append(head + f"<div class='wrap'><aside>{side}</aside><main>{''.join(secs)}</main></div>")
        else:
            if layout == "twocol": parts.append("<main>" + head + "".join(secs) + "</main>")
            elif layout == "fixedhf": parts.append("<table class='pg'><thead><tr><td class='sp'></td></tr></thead><tfoot><tr><td class='sp'></td></tr></tfoot><tbody><tr><td>" + head + "".join(secs) + "</td></tr></tbody></table>")
            else: parts.append(head + "".join(secs))
    if opts.get("appendix"): parts.append(opts["appendix"])
    parts.append("</body></html>")
    return "\n".join(parts)

def chromium_pdf(html_text, out, landscape=False):
    d = tempfile.mkdtemp()
    f = os.path.join(d, "p.html")
    if landscape: html_text = html_text.replace("<style>", "<style>@page{size:letter landscape}", 1)
    open(f, "w").write(html_text)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", "file://" + f], check=True, capture_output=True, timeout=120)
    shutil.rmtree(d)

def weasy_pdf(html_text, out, header="", footer=""):
    import weasyprint
    css = ("@page{size:letter;margin:0.9in 0.8in;@top-center{content:'%s';font-size:8pt;color:#555}"
           "@bottom-right{content:'Page ' counter(page) ' of ' counter(pages);font-size:8pt}"
           "@bottom-left{content:'%s';font-size:8pt;color:#555}}" % (header.replace("'", ""), footer.replace("'", "")))
    weasyprint.HTML(string=html_text).write_pdf(out, stylesheets=[weasyprint.CSS(string=css)])

def lo_convert(src, fmt, out):
    d = tempfile.mkdtemp()
    prof = "file:///tmp/lo_profile_m"
    args = ["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", fmt, "--outdir", d, src]
    if src.endswith(".html"): args[3:3] = ["--infilter=HTML (StarWriter)"]
    subprocess.run(args, check=True, capture_output=True, timeout=180)
    produced = [x for x in os.listdir(d)][0]
    shutil.move(os.path.join(d, produced), out)
    shutil.rmtree(d)

def html_via_lo(html_text, out):
    d = tempfile.mkdtemp(); f = os.path.join(d, "plan.html"); open(f, "w").write(html_text)
    lo_convert(f, "pdf:writer_pdf_Export", out); shutil.rmtree(d)

# ------------------------------------------------------------------ DOCX
def add_blocks(doc, blocks, h3style="Heading 3", container=None):
    c = container or doc
    first = True
    for b in blocks:
        if b[0] == "p": c.add_paragraph(b[1])
        elif b[0] == "h3":
            if h3style == "bold":
                p = c.add_paragraph(); p.add_run(b[1]).bold = True
            else: c.add_paragraph(b[1], style=h3style)
        elif b[0] == "ul":
            for x in b[1]: c.add_paragraph(x, style="List Bullet")
        elif b[0] == "table":
            t = c.add_table(rows=1, cols=len(b[1])); t.style = "Table Grid"
            for i, h in enumerate(b[1]): t.rows[0].cells[i].text = h
            for r in b[2]:
                cells = t.add_row().cells
                for i, v in enumerate(r): cells[i].text = v
            W = {5: [0.9, 2.8, 0.8, 1.1, 0.9], 4: [0.9, 3.5, 0.9, 1.2], 3: [1.0, 4.3, 1.2]}.get(len(b[1]))
            if W and container is None: set_widths(t, W)

def cell_blocks(cell, blocks):
    cell.text = ""
    first = True
    for b in blocks:
        for ln in (block_text(b) if b[0] != "ul" else ["\u2022 " + x for x in b[1]]):
            if first: cell.paragraphs[0].text = ln; first = False
            else: cell.add_paragraph(ln)
            if b[0] == "h3": cell.paragraphs[-1].runs[0].bold = True

def set_widths(t, ws):
    t.autofit = False
    for row in t.rows:
        for i, c in enumerate(row.cells):
            if i < len(ws): c.width = Inches(ws[i])

def set_landscape(doc):
    s = doc.sections[0]; s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = s.page_height, s.page_width
    s.left_margin = s.right_margin = Inches(0.6)

def hf(doc, header=None, footer=None):
    s = doc.sections[0]
    if header: s.header.paragraphs[0].text = header
    if footer: s.footer.paragraphs[0].text = footer

def docx_doc(P, title, layout, opts=None):
    opts = opts or {}
    doc = Document()
    st = doc.styles["Normal"]; st.font.name = opts.get("font", "Calibri"); st.font.size = Pt(opts.get("size", 11))
    if opts.get("landscape"): set_landscape(doc)
    hf(doc, opts.get("header"), opts.get("footer"))
    if opts.get("cover"):
        for ln in opts["cover"]:
            p = doc.add_paragraph(); r = p.add_run(ln); r.font.size = Pt(20 if ln == opts["cover"][0] else 13); r.bold = ln == opts["cover"][0]
        if opts.get("toc"):
            doc.add_paragraph("Contents", style="Heading 1" if opts.get("toc_heading_style") else None)
            for i, t in enumerate(opts["toc"]): doc.add_paragraph(f"{t}{'.'*8} {i+2}")
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    else:
        doc.add_paragraph(title, style="Title")
    for ln in opts.get("intro", []): doc.add_paragraph(ln)
    if layout == "headings":
        hs = opts.get("hstyle", "Heading 1")
        comb = opts.get("combine", {})
        for s in P.sections:
            if s["id"] in comb.get("skip", []):
                add_blocks(doc, [("h3", s["head"])] + s["body"] if comb.get("subhead") else s["body"], "bold"); continue
            if s["id"] in comb.get("rename", {}):
                s = dict(s, head=comb["rename"][s["id"]])
            if hs == "bold":
                p = doc.add_paragraph(); r = p.add_run(s["head"]); r.bold = True; r.font.size = Pt(12.5)
            elif hs == "inline":
                pass
            else:
                doc.add_paragraph(s["head"], style=hs)
            if opts.get("prompts"):
                p = doc.add_paragraph(); r = p.add_run(s["prompt"]); r.italic = True; r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
            body = s["body"]
            if hs == "inline":
                lab = s["head"]
                fb = body[0]
                if fb[0] == "p":
                    p = doc.add_paragraph(); p.add_run(lab + ": ").bold = True; p.add_run(fb[1]); body = body[1:]
                else:
                    p = doc.add_paragraph(); p.add_run(lab + ":").bold = True
            add_blocks(doc, body, "bold" if hs in ("bold", "inline") else "Heading 2")
    elif layout == "form":
        t = doc.add_table(rows=0, cols=2); t.style = "Table Grid"
        for s in P.sections:
            r = t.add_row().cells
            r[0].text = s["head"]; r[0].paragraphs[0].runs[0].bold = True
            r[0].add_paragraph(s["prompt"])
            cell_blocks(r[1], s["body"])
        set_widths(t, [2.2, 4.3])
    elif layout == "rows":
        t = doc.add_table(rows=1, cols=3); t.style = "Table Grid"
        for i, h in enumerate(["Component", "District response", "Evidence / source"]): t.rows[0].cells[i].text = h
        for s in P.sections:
            r = t.add_row().cells; r[0].text = s["head"]; cell_blocks(r[1], s["body"])
            r[2].text = opts.get("evidence", {}).get(s["id"], "")
        set_widths(t, [1.7, 6.3, 1.8])
    elif layout == "pcols":
        n = len(P.pnames)
        t = doc.add_table(rows=1, cols=1 + n); t.style = "Table Grid"
        t.rows[0].cells[0].text = "Component"
        for i, pn in enumerate(P.pnames): t.rows[0].cells[i + 1].text = pn
        for s in P.sections:
            r = t.add_row().cells; r[0].text = s["head"]
            if s["id"] == "priorities" and s["state"] == "present":
                for i, blk in enumerate(P.per_priority): cell_blocks(r[i + 1], blk)
            elif s["id"] == "monitoring" and s["state"] == "present":
                body = s["body"]; idx = [k for k, b in enumerate(body) if b[0] == "h3"]
                pre = body[:idx[0]]; post_i = [k for k, b in enumerate(body) if b[0] == "p" and b[1].startswith(("Student work", "We'll also look"))]
                for i in range(n):
                    end = idx[i + 1] if i + 1 < n else (post_i[0] if post_i else len(body))
                    cell_blocks(r[i + 1], body[idx[i]:end])
                m = r[1].merge(r[n]) if False else None
                extra = pre + (body[post_i[0]:] if post_i else [])
                if extra:
                    rr = t.add_row().cells; rr[0].text = s["head"] + " (all priorities)"
                    mc = rr[1].merge(rr[n]) if n > 1 else rr[1]; cell_blocks(mc, extra)
            else:
                mc = r[1].merge(r[n]) if n > 1 else r[1]; cell_blocks(mc, s["body"])
        set_widths(t, [1.4] + [8.4 / n] * n)
    elif layout == "seccols":
        secs = P.sections
        for chunk in (secs[:4], secs[4:]):
            t = doc.add_table(rows=2, cols=len(chunk)); t.style = "Table Grid"
            for i, s in enumerate(chunk):
                t.rows[0].cells[i].text = s["head"]; cell_blocks(t.rows[1].cells[i], s["body"])
            set_widths(t, [9.8 / len(chunk)] * len(chunk))
            doc.add_paragraph("")
    if opts.get("appendix"):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_paragraph(opts["appendix"][0], style="Heading 1")
        for ln in opts["appendix"][1:]: doc.add_paragraph(ln)
    return doc

# ------------------------------------------------------------------ PPTX
def _title(sl, text, size=28):
    t = sl.shapes.title; t.text = text
    t.left, t.top, t.width, t.height = PI(0.5), PI(0.3), PI(12.3), PI(1.0)
    for p in t.text_frame.paragraphs:
        for r in p.runs: r.font.size = PP(size)

def _bul(tf, lines, size=14):
    tf.word_wrap = True
    first = True
    for ln, lvl in lines:
        p = tf.paragraphs[0] if first else tf.add_paragraph(); first = False
        p.text = ln; p.level = lvl
        for r in p.runs: r.font.size = PP(size)

def blines(blocks):
    L = []
    for b in blocks:
        if b[0] in ("p", "h3"): L.append((b[1], 0))
        elif b[0] == "ul": L += [(x, 1) for x in b[1]]
        elif b[0] == "table": L += [(" | ".join(r), 1) for r in b[2]]
    return L

def pptx_deck(P, title, layout, opts=None):
    opts = opts or {}
    prs = Presentation(); prs.slide_width = PI(13.333); prs.slide_height = PI(7.5)
    s = prs.slides.add_slide(prs.slide_layouts[0]); _title(s, title)
    s.placeholders[1].text = opts.get("sub", "SSoS District Prioritization Submission, SY23-24")
    if opts.get("agenda"):
        a = prs.slides.add_slide(prs.slide_layouts[1]); _title(a, "Agenda")
        _bul(a.placeholders[1].text_frame, [(x, 0) for x in opts["agenda"]], 18)
    maxl = opts.get("max_lines", 99)
    for sec in P.sections:
        lines = blines(sec["body"])
        if layout == "table" and sec["id"] == "monitoring" and sec["state"] == "present":
            # benchmarks as table slide(s)
            tbls = [b for b in sec["body"] if b[0] == "table"]
            other = [b for b in sec["body"] if b[0] != "table"]
            sl = prs.slides.add_slide(prs.slide_layouts[5]); _title(sl, sec["head"])
            tb = sl.shapes.add_textbox(PI(0.5), PI(1.4), PI(12.3), PI(1.2)); _bul(tb.text_frame, [(b[1], 0) for b in other if b[0] == "p"], 12)
            rows = []
            hdr = tbls[0][1]
            for b in sec["body"]:
                if b[0] == "h3": rows.append([b[1]] + [""] * (len(hdr) - 1))
                if b[0] == "table": rows += b[2]
            gt = sl.shapes.add_table(len(rows) + 1, len(hdr), PI(0.5), PI(2.7), PI(12.3), PI(0.3) * (len(rows) + 1)).table
            for i, h in enumerate(hdr): gt.cell(0, i).text = h
            for ri, r in enumerate(rows):
                for ci, v in enumerate(r):
                    gt.cell(ri + 1, ci).text = v
                    for p in gt.cell(ri + 1, ci).text_frame.paragraphs:
                        for rr in p.runs: rr.font.size = PP(10)
            continue
        if layout == "table" and sec["state"] == "present":
            sl = prs.slides.add_slide(prs.slide_layouts[5]); _title(sl, sec["head"])
            gt = sl.shapes.add_table(len(lines), 1, PI(0.5), PI(1.4), PI(12.3), PI(0.4) * len(lines)).table
            for i, (ln, lv) in enumerate(lines):
                gt.cell(i, 0).text = ln
                for p in gt.cell(i, 0).text_frame.paragraphs:
                    for rr in p.runs: rr.font.size = PP(11)
            continue
        chunks = [lines[i:i + maxl] for i in range(0, len(lines), maxl)] or [[]]
        for ci, ch in enumerate(chunks):
            sl = prs.slides.add_slide(prs.slide_layouts[1])
            _title(sl, sec["head"] + (" (cont.)" if ci else ""))
            ph = sl.placeholders[1]; ph.left, ph.top, ph.width, ph.height = PI(0.5), PI(1.4), PI(12.3), PI(5.8)
            _bul(ph.text_frame, ch, opts.get("size", 16))
    if opts.get("closing"):
        sl = prs.slides.add_slide(prs.slide_layouts[1]); _title(sl, opts["closing"][0])
        _bul(sl.placeholders[1].text_frame, [(x, 0) for x in opts["closing"][1:]], 16)
    return prs

def eml(out, sender, subject, body, attach_path, attach_name):
    m = EmailMessage()
    m["From"] = sender; m["To"] = "ssos1@mass.gov"; m["Subject"] = subject; m["Date"] = "Thu, 29 Jun 2023 16:42:10 -0400"
    m.set_content(body)
    data = open(attach_path, "rb").read()
    mt = {"docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"), "pdf": ("application", "pdf")}[attach_name.rsplit(".", 1)[1]]
    m.add_attachment(data, maintype=mt[0], subtype=mt[1], filename=attach_name)
    open(out, "wb").write(bytes(m))
