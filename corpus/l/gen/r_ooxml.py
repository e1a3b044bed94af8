"""Hand-written OOXML in the manner of a Google Docs export: no heading styles,
headings are bold Arial runs (split over several runs), bullets via numbering.xml,
and a docx-in-a-zip written with zipfile."""
import zipfile
from xml.sax.saxutils import escape as X
from doc import bench_rows

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"""
DRELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:lang w:val="en"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="52"/></w:rPr></w:style><w:style w:type="table" w:styleId="Table1"><w:name w:val="Table1"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:color="000000"/><w:left w:val="single" w:sz="8" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:color="000000"/><w:right w:val="single" w:sz="8" w:color="000000"/><w:insideH w:val="single" w:sz="8" w:color="000000"/><w:insideV w:val="single" w:sz="8" w:color="000000"/></w:tblBorders></w:tblPr></w:style></w:styles>"""
NUM = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:u w:val="none"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"""
CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title></cp:coreProperties>"""
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(t, bold=False, sz=None, italic=False):
    rpr = ""
    if bold or sz or italic:
        rpr = "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\"/>" + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (f"<w:sz w:val=\"{sz}\"/>" if sz else "") + "</w:rPr>"
    return f'<w:r>{rpr}<w:t xml:space="preserve">{X(t)}</w:t></w:r>'


def para(runs, style=None, bullet=False, spacing_before=None):
    ppr = ""
    if style or bullet or spacing_before:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + ('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if bullet else "") + (f'<w:spacing w:before="{spacing_before}"/>' if spacing_before else "") + "</w:pPr>"
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def heading_runs(t):
    # split a heading over several runs, as Google Docs often does
    words = t.split(" ")
    h = max(1, len(words) // 2)
    return [run(" ".join(words[:h]) + " ", bold=True, sz=28), run(" ".join(words[h:]), bold=True, sz=28)]


def blocks_xml(blocks):
    out = []
    for k, t, p in blocks:
        if k == "sub":
            out.append(para([run(t, bold=True)]))
        elif k == "b":
            out.append(para([run(t)], bullet=True))
        else:
            out.append(para([run(t)]))
    return out


def cell(inner, w):
    return f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{"".join(inner) or "<w:p/>"}</w:tc>'


def render(pl, path):
    spec, L = pl["spec"], pl["L"]
    body = [para([run(pl["title"])], style="Title")]
    if L.get("intro"):
        body.append(para([run(L["intro"])]))
    if L.get("mode", "bold") == "bold":
        for s in pl["secs"]:
            body.append(para(heading_runs(s["heading"]), spacing_before=240))
            if L.get("prompt"):
                body.append(para([run(s["prompt"], italic=True)]))
            body += blocks_xml(s["blocks"])
            if s["bench"]:
                hdr, rows = bench_rows(pl, spec)
                trs = ["<w:tr>" + "".join(cell([para([run(h, bold=True)])], 1800) for h in hdr) + "</w:tr>"]
                trs += ["<w:tr>" + "".join(cell([para([run(x)])], 1800) for x in r) + "</w:tr>" for r in rows]
                body.append('<w:tbl><w:tblPr><w:tblStyle w:val="Table1"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>' + "".join(trs) + "</w:tbl>")
                body.append(para([]))
    else:  # table: prompt | response
        trs = []
        for s in pl["secs"]:
            left = [para([run(s["heading"], bold=True)])] + ([para([run(s["prompt"], italic=True)])] if L.get("prompt") else [])
            trs.append("<w:tr>" + cell(left, 3200) + cell(blocks_xml(s["blocks"]), 6200) + "</w:tr>")
        body.append('<w:tbl><w:tblPr><w:tblStyle w:val="Table1"/><w:tblW w:w="9400" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="3200"/><w:gridCol w:w="6200"/></w:tblGrid>' + "".join(trs) + "</w:tbl>")
        body.append(para([]))
    if L.get("appendix"):
        body.append(para(heading_runs(L["appendix"][0])))
        body += [para([run(t)]) for t in L["appendix"][1:]]
    body.append('<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>')
    docxml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DRELS)
        z.writestr("word/document.xml", docxml)
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/numbering.xml", NUM)
        z.writestr("docProps/core.xml", CORE.format(X(pl["title"])))
