#!/usr/bin/env python3
"""Open every plan, assert it is readable, and that each present section's answer
text (and each empty section's placeholder/prompt) exists in it. Also sanity-check truth files."""
import os, sys, re, json, subprocess, email, io, zipfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from content import build, block_text, SECTIONS
from plans import SPECS
import docx, pptx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def norm(s): return re.sub(r"[^a-z0-9]", "", s.lower())

def docx_text(f):
    d = docx.Document(f); out = []
    def walk_tables(ts):
        for t in ts:
            for r in t.rows:
                seen = set()
                for c in r.cells:
                    if id(c._tc) in seen: continue
                    seen.add(id(c._tc)); out.extend(p.text for p in c.paragraphs); walk_tables(c.tables)
    body = d.element.body
    for el in body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p': out.append(docx.text.paragraph.Paragraph(el, d).text)
        elif tag == 'tbl': walk_tables([docx.table.Table(el, d)])
    for s in d.sections:
        out += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
    return "\n".join(out)

def pptx_text(f):
    prs = pptx.Presentation(f); out = []
    for sl in prs.slides:
        for sh in sl.shapes:
            if sh.has_text_frame: out.append(sh.text_frame.text)
            if sh.has_table:
                for r in sh.table.rows:
                    for c in r.cells: out.append(c.text)
    return "\n".join(out)

def text_of(path):
    ext = path.rsplit(".", 1)[1]
    if ext == "pdf":
        r = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True, check=True); return r.stdout
    if ext == "docx": return docx_text(path)
    if ext == "pptx": return pptx_text(path)
    if ext == "eml":
        m = email.message_from_bytes(open(path, "rb").read())
        atts = [p for p in m.walk() if p.get_filename()]
        assert atts, "no attachment"
        return "\n".join(docx_text(io.BytesIO(p.get_payload(decode=True))) for p in atts)
    raise ValueError(ext)

bad = 0; n = 0
for sp in SPECS:
    sp = dict(sp); sp["file"] = f"{sp['id']}.{sp['ext']}"
    path = os.path.join(ROOT, "plans", sp["split"], sp["file"])
    tpath = os.path.join(ROOT, "truth", sp["split"], sp["id"] + ".json")
    if not os.path.exists(path): print("MISSING", path); bad += 1; continue
    n += 1
    try: txt = norm(text_of(path))
    except Exception as ex: print("UNREADABLE", path, ex); bad += 1; continue
    P = build(sp); truth = json.load(open(tpath))
    assert truth == json.loads(json.dumps(P.truth)), f"truth drift {tpath}"
    assert truth["file"] == sp["file"]
    assert set(truth["sections"]) == set(SECTIONS)
    errs = []
    for s in P.sections:
        for b in s["body"]:
            for ln in (block_text(b) if b[0] != "table" else [c for r in b[2] for c in r]):
                k = norm(ln)[:70]
                if k and k not in txt:
                    # a table row split over a page break: fall back to every word being present
                    words = [norm(w) for w in ln.split() if len(norm(w)) > 3]
                    if not all(w in txt for w in words): errs.append((s["id"], ln[:70]))
    # district name present
    if norm(sp["district"]) not in txt: errs.append(("district", sp["district"]))
    # findings never on non-present sections; status consistent
    for f_ in truth["findings"]: assert truth["sections"][f_["section"]] == "present"
    st = "fail" if any(v != "present" for v in truth["sections"].values()) or truth["priorities"] == 0 or truth["priorities"] > 2 else "pass"
    assert st == truth["status"], tpath
    if errs: bad += 1; print("TEXT NOT FOUND", path, errs[:4])
    else: print("ok", sp["split"], sp["file"], truth["status"], len(truth["findings"]), "findings")
print(f"{n} plans checked, {bad} problems")
sys.exit(1 if bad else 0)
