#!/usr/bin/env python3
"""Verify every generated plan opens and holds each present section's answer text
(and each empty section's heading). Reads gen/build/manifest.json written by build.py."""
import json, os, re, subprocess, sys, email, tempfile, io
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def norm(s):
    s = s.replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\u00ad", "")
    s = s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"[^0-9a-z]+", "", s.lower())


def pdf_text(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        outs = []
        for mode in ([], ["-layout"], ["-raw"]):
            r = subprocess.run(["pdftotext"] + mode + [f.name, "-"], capture_output=True, check=True)
            outs.append(r.stdout.decode("utf-8", "replace"))
        return "\n".join(outs)


def docx_text(data):
    import docx
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    def cells(t):
        for row in t.rows:
            for c in row.cells:
                parts.extend(p.text for p in c.paragraphs)
                for tt in c.tables:
                    cells(tt)
    for t in d.tables:
        cells(t)
    return "\n".join(parts)


def pptx_text(data):
    from pptx import Presentation
    prs = Presentation(io.BytesIO(data))
    parts = []
    for s in prs.slides:
        for sh in s.shapes:
            if sh.has_text_frame:
                parts.append(sh.text_frame.text)
            if sh.has_table:
                for row in sh.table.rows:
                    for c in row.cells:
                        parts.append(c.text)
    return "\n".join(parts)


def text_of(path):
    data = open(path, "rb").read()
    ext = os.path.splitext(path)[1].lower()
    if ext == ".pdf":
        return pdf_text(data)
    if ext == ".docx":
        return docx_text(data)
    if ext == ".pptx":
        return pptx_text(data)
    if ext == ".eml":
        m = email.message_from_bytes(data, policy=policy.default)
        atts = list(m.iter_attachments())
        assert len(atts) == 1, "expected one attachment"
        a = atts[0]
        return text_of_bytes(a.get_payload(decode=True), os.path.splitext(a.get_filename())[1].lower())
    raise ValueError(ext)


def text_of_bytes(data, ext):
    return {".pdf": pdf_text, ".docx": docx_text, ".pptx": pptx_text}[ext](data)


def main():
    man = json.load(open(os.path.join(HERE, "build", "manifest.json")))
    bad = 0
    for stem, m in man.items():
        path = os.path.join(ROOT, m["file"])
        tpath = os.path.join(ROOT, "truth", m["split"], stem + ".json")
        problems = []
        try:
            truth = json.load(open(tpath))
            assert set(truth["sections"]) == set(["priorities", "analysis", "stakeholder_engagement", "outcomes",
                                                  "role_clarity", "monitoring", "resources", "differentiation"])
            txt = norm(text_of(path))
        except Exception as e:
            print(f"FAIL {stem}: cannot open ({e})"); bad += 1; continue
        for sid, st in truth["sections"].items():
            sec = m["sections"].get(sid)
            if st == "missing":
                if sec:
                    problems.append(f"{sid} should be missing")
                continue
            if not sec or sec["state"] != st:
                problems.append(f"{sid}: manifest/truth mismatch"); continue
            if st == "present":
                hits = [s for s in sec["snippets"] if norm(s) in txt]
                if len(hits) < max(1, len(sec["snippets"]) - 1):
                    problems.append(f"{sid}: snippets not found {[s for s in sec['snippets'] if s not in hits]}")
            else:
                h = re.sub(r"^[0-9IVX\u00b7.\s]+", "", sec["heading"])
                if norm(h) not in txt:
                    problems.append(f"{sid}: empty section heading not found")
        if problems:
            bad += 1
            print(f"FAIL {stem}: " + "; ".join(problems))
        else:
            print(f"ok   {stem}")
    print(f"{len(man) - bad}/{len(man)} plans ok")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
