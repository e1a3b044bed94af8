#!/usr/bin/env python3
"""Open every plan, assert it is readable, and that each present section's answer text is in it
(and that text of sections marked missing/empty is not). Also sanity-check truth files."""
import email, io, json, os, re, subprocess, sys, tempfile, zipfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plans, content
from lxml import etree
import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        out.append("".join(t.text or "" for t in p.iter(W + "t")))  # w:delText excluded
    return "\n".join(out)


def xlsx_text(data):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)


def pdf_text(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        # plain reading order (no -layout) so that two-column pages and table cells are not interleaved
        return subprocess.run(["pdftotext", f.name, "-"], capture_output=True, text=True, check=True).stdout


def text_of(name, data):
    ext = name.rsplit(".", 1)[-1].lower()
    if ext == "docx": return docx_text(data)
    if ext == "xlsx": return xlsx_text(data)
    if ext == "pdf": return pdf_text(data)
    if ext == "eml":
        msg = email.message_from_bytes(data)
        atts = [(p.get_filename(), p.get_payload(decode=True)) for p in msg.walk() if p.get_filename()]
        assert atts, "no attachment"
        return "\n".join(text_of(n, d) for n, d in atts if "budget" not in n.lower())
    raise ValueError(ext)


def squash(s):
    return re.sub(r"[\s\u00ad\u2022\-\u2013|]+", "", s).lower()


def snippets(spec, sid):
    out = []
    for b in content.section_blocks(spec, sid):
        if b[0] in ("p", "h") and len(b[1]) > 12: out.append(b[1][:70])
        elif b[0] == "b": out += [x[:70] for x in b[1] if len(x) > 25]
        elif b[0] == "t": out += [r[0][:50] for r in b[2]]
    return out


def main():
    bad = 0; n = 0
    for half, specs in (("dev", plans.DEV), ("holdout", plans.HOLD)):
        for spec in specs:
            fname = spec["stem"] + "." + spec["fmt"]
            path = os.path.join(ROOT, "plans", half, fname)
            if not os.path.exists(path):
                print("MISSING FILE", path); bad += 1; continue
            n += 1
            tr = json.load(open(os.path.join(ROOT, "truth", half, spec["stem"] + ".json")))
            assert tr["file"] == fname
            txt = squash(text_of(fname, open(path, "rb").read()))
            assert len(txt) > 500, fname
            sp = dict(spec); sp.update(spec.get("inner", {}))
            for sid in content.SECTIONS:
                st = tr["sections"][sid]
                sn = snippets(sp, sid)
                if st == "present":
                    assert sn, (fname, sid)
                    for s in sn:
                        if squash(s) not in txt:
                            print("NOT FOUND", fname, sid, s); bad += 1
                elif st == "missing":
                    for s in content.GEN[sid](sp)[:2]:
                        if s[0] == "p" and squash(s[1][:60]) in txt:
                            print("MISSING SECTION TEXT FOUND", fname, sid); bad += 1
            # deleted tracked text must not read as present
            for sid, trs in spec.get("tracked", {}).items():
                for tc in trs:
                    for kind, t in tc:
                        if kind == "del" and len(t) > 20 and squash(t) in txt: print("DELETED TEXT VISIBLE", fname); bad += 1
                        if kind == "ins" and squash(t) not in txt: print("INSERT NOT VISIBLE", fname); bad += 1
            if tr["status"] == "pass":
                assert all(v == "present" for v in tr["sections"].values()) and 1 <= tr["priorities"] <= 2, fname
            for f in tr["findings"]:
                assert tr["sections"][f["section"]] == "present", (fname, f)
    print(f"checked {n} plans, problems: {bad}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
