#!/usr/bin/env python3
"""Verify every built plan opens and contains each present section's heading and answer text,
and that truth files agree with the specs. usage: check.py [--dump STEM]"""
import email, io, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import docx, openpyxl
from content import build, SECTIONS
from render import HEADS, answer_blocks, flat_lines, WRITERS
from plans import ALL

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def docx_text(src):
    d = docx.Document(src)
    out = []

    def walk_table(t):
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    out.append(p.text)
                for tt in cell.tables:
                    walk_table(tt)
    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.split('}')[1]
        if tag == 'p':
            out.append(docx.text.paragraph.Paragraph(child, d).text)
        elif tag == 'tbl':
            walk_table(docx.table.Table(child, d))
    return "\n".join(out)


def file_text(path):
    if path.endswith(".xlsx"):
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    if path.endswith(".eml"):
        m = email.message_from_bytes(open(path, "rb").read())
        atts = [p for p in m.walk() if p.get_filename()]
        assert len(atts) == 1 and atts[0].get_filename().endswith(".docx"), "eml must carry one .docx"
        return docx_text(io.BytesIO(atts[0].get_payload(decode=True)))
    return docx_text(path)


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s)


def main():
    dump = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--dump" else None
    bad = 0
    for plan in ALL:
        if dump and dump not in plan["id"]:
            continue
        ext = WRITERS[plan["fmt"]][1]
        path = os.path.join(ROOT, "plans", plan["split"], plan["id"] + ext)
        tpath = os.path.join(ROOT, "truth", plan["split"], plan["id"] + ".json")
        try:
            text = norm(file_text(path))
        except Exception as e:
            print(f"FAIL {plan['id']}: cannot open: {e}"); bad += 1; continue
        if dump:
            print(file_text(path)); continue
        t = json.load(open(tpath))
        c, S, meta = build(plan)
        heads = HEADS[plan.get("heads", "official")]
        errs = []
        for i, sid in enumerate(SECTIONS):
            st = t["sections"][sid]
            if st == "missing":
                if S[sid] is not None: errs.append(f"{sid} truth missing but built")
                body_only = text.split("Contents", 1)[-1] if not plan.get("toc") else text.replace(heads[i] + " ", "", 1)
                if norm(heads[i]) in body_only.replace(norm(heads[i]) + " " + str(i + 2), ""):
                    errs.append(f"{sid} missing but heading found")
                continue
            if norm(heads[i]) not in text:
                errs.append(f"{sid}: heading '{heads[i]}' not found")
            lines = [norm(l) for l in flat_lines(answer_blocks(S, sid))]
            for l in lines:
                l = l.lstrip("• ").rstrip(":")
                l = re.sub(r"^\d+\. ", "", l)
                if "|" in l:
                    l = l.split("|")[-1].strip()
                probe = l[:60].strip()
                if probe and probe.lower() not in text.lower():
                    errs.append(f"{sid}: text not found: {probe!r}")
                    break
            if st == "empty" and not isinstance(S[sid], tuple):
                errs.append(f"{sid} truth empty but built with content")
        if t["status"] not in ("pass", "fail"): errs.append("bad status")
        if errs:
            bad += 1
            print(f"FAIL {plan['id']}: " + "; ".join(errs))
        else:
            print(f"ok   {plan['id']}{ext}  {t['status']}  prio={t['priorities']} bm={t['benchmarks']} "
                  f"findings={[f['code'].split('::',1)[1] + ('/' + ','.join(f['items']) if f['items'] else '') for f in t['findings']]}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
