#!/usr/bin/env python3
"""Re-open every plan of corpus S and check it: each present section's heading and text are there
(first words of each block), each missing section's heading is not, each empty section shows a
placeholder; the truth file agrees with plans.truth. usage: check.py ROOT"""
import email, io, json, os, re, sys, zipfile
from email import policy
import docx
import openpyxl
from plans import PLANS, sections, truth, split
from build import heading, GUIDE_TITLE, ext

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ").replace("\u2022", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def docx_text(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    xml = z.read("word/document.xml").decode("utf-8")
    d = docx.Document(io.BytesIO(data))  # must open cleanly
    paras = []
    body = d.element.body
    for p in body.iter(W_NS + "p"):
        paras.append("".join(t.text or "" for t in p.iter(W_NS + "t")))
    return "\n".join(paras)


def xlsx_text(data):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None: out.append(str(v))
    return "\n".join(out)


def eml_text(data):
    m = email.message_from_bytes(data, policy=policy.default)
    atts = [a for a in m.iter_attachments() if a.get_filename() and a.get_filename().endswith(".docx")]
    assert len(atts) == 1, "expected one .docx attachment"
    return docx_text(atts[0].get_content())


def block_probes(b):
    k = b[0]
    if k == "p": xs = [b[1]]
    elif k == "lead": xs = [b[2]]
    elif k == "h3": xs = [b[1]]
    elif k in ("ul", "ol"): xs = b[1]
    else: xs = [c for r in b[1] for c in r]
    return [x[:50] for x in xs]


def main():
    root = sys.argv[1]
    bad = 0
    n = 0
    for p in PLANS:
        sp = split(p)
        path = os.path.join(root, "plans", sp, p["id"] + ext(p["fmt"]))
        data = open(path, "rb").read()
        e = ext(p["fmt"])
        text = norm(docx_text(data) if e == ".docx" else xlsx_text(data) if e == ".xlsx" else eml_text(data))
        errs = []
        for sid, st, blocks in sections(p):
            h = GUIDE_TITLE[sid] if p["fmt"].startswith("xlsx-grid") else heading(p, sid)
            if st == "missing":
                if norm(h) in text: errs.append(f"{sid}: missing section's heading found")
                continue
            if norm(h) not in text: errs.append(f"{sid}: heading {h!r} not found")
            if st == "empty":
                if not any(x in text for x in ("click or tap here to enter text.", "tbd", "[insert response here]")):
                    errs.append(f"{sid}: placeholder not found")
                continue
            for b in blocks:
                for probe in block_probes(b):
                    if norm(probe) not in text:
                        errs.append(f"{sid}: text not found: {probe!r}")
        t = json.load(open(os.path.join(root, "truth", sp, p["id"] + ".json")))
        if t != json.loads(json.dumps(truth(p))): errs.append("truth file differs from plans.truth")
        if set(t["sections"]) != set(["priorities", "analysis", "stakeholder_engagement", "outcomes", "role_clarity",
                                      "monitoring", "resources", "differentiation"]):
            errs.append("truth sections incomplete")
        n += 1
        if errs:
            bad += 1
            print(p["id"], *errs[:8], sep="\n  ")
    print(f"checked {n} plans, {bad} with problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
