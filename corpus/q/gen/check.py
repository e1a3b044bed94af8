#!/usr/bin/env python3
"""Verify each plan opens and contains every present section's heading and text (and no missing section's heading)."""
import json, os, re, sys, io, email
from email import policy
import docx, pptx, openpyxl
from plans import PLANS
from build import sections, EXT, TEMPLATE

def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u2026", "...")
    return re.sub(r"\s+", " ", s).strip()

def docx_text(f):
    d = docx.Document(f); out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows: out += [c.text for c in r.cells]
    return "\n".join(out)

def text_of(path):
    if path.endswith(".docx"): return docx_text(path)
    if path.endswith(".pptx"):
        out = []
        for s in pptx.Presentation(path).slides:
            for sh in s.shapes:
                if sh.has_text_frame: out.append(sh.text_frame.text)
                if sh.has_table: out += [c.text for r in sh.table.rows for c in r.cells]
        return "\n".join(out)
    if path.endswith(".xlsx"):
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.endswith(".eml"):
        m = email.message_from_bytes(open(path, "rb").read(), policy=policy.default)
        atts = [a for a in m.iter_attachments() if a.get_filename().endswith(".docx")]
        assert len(atts) == 1, "expected one .docx attachment"
        return m.get_body(("plain",)).get_content() + "\n" + docx_text(io.BytesIO(atts[0].get_content()))
    raise ValueError(path)

def pieces(blocks):
    for k, v in blocks:
        if k == "p": yield v
        elif k in ("ul", "ol"): yield from v
        else: yield from (c for r in v for c in r)

def main(root):
    bad = 0
    for p in PLANS:
        path = os.path.join(root, "plans", p["split"], f"{p['id']}.{EXT[p['fmt']]}")
        tpath = os.path.join(root, "truth", p["split"], p["id"] + ".json")
        try:
            txt = norm(text_of(path)); truth = json.load(open(tpath))
        except Exception as e:
            print(f"FAIL {path}: {e}"); bad += 1; continue
        errs = []
        secs = sections(p)
        present = {sid for sid, _, _ in secs}
        for sid, h, blocks in secs:
            head = TEMPLATE[sid][0] if p["fmt"] == "xlsx-rows" else h
            if norm(head) not in txt: errs.append(f"heading of {sid} not found")
            for piece in pieces(blocks):
                if norm(piece.replace("|", "/")) not in txt: errs.append(f"{sid}: text not found: {piece[:50]}")
            if truth["sections"][sid] == "missing": errs.append(f"{sid} in file but truth says missing")
        for sid, st in truth["sections"].items():
            if st == "missing" and sid in present: errs.append(f"{sid} should be missing")
        if errs:
            bad += 1; print(f"FAIL {path}"); [print("   ", e) for e in errs[:8]]
    print(f"check: {len(PLANS) - bad}/{len(PLANS)} plans ok")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
