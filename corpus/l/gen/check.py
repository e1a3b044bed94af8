#!/usr/bin/env python3
"""Open every plan, assert it is readable, and that each present section's answer text
(and each section heading that should be there) is in it; check truth files are consistent.
Usage: python3 gen/check.py [--dump DIR]"""
import email, io, json, os, re, subprocess, sys, zipfile
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SECTIONS = ["priorities", "analysis", "stakeholder_engagement", "outcomes", "role_clarity", "monitoring", "resources", "differentiation"]
CODES = {"priorities::no-clsp-focus", "priorities::prompt-unanswered", "analysis::data-area-missing", "analysis::no-student-groups",
         "analysis::no-student-work", "stakeholders::group-missing", "stakeholders::no-identified-school-input",
         "stakeholders::no-ongoing-engagement", "outcomes::no-accountability-targets", "outcomes::no-student-group-targets",
         "roles::level-missing", "monitoring::too-many-benchmarks", "monitoring::no-owner", "monitoring::no-frequency",
         "monitoring::level-missing", "monitoring::no-student-work", "resources::kind-missing", "resources::no-budget-equity",
         "differentiation::no-schools-listed"}


def docx_text(data):
    from docx import Document
    d = Document(io.BytesIO(data))
    out = [p.text for p in d.paragraphs]

    def tables(ts):
        for t in ts:
            for row in t.rows:
                for c in row.cells:
                    out.extend(p.text for p in c.paragraphs)
                    tables(c.tables)
    tables(d.tables)
    for s in d.sections:
        out += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
    return "\n".join(out)


def pptx_text(data):
    from pptx import Presentation
    prs = Presentation(io.BytesIO(data))
    out = []

    def shapes(sh):
        for s in sh:
            if s.shape_type == 6:  # group
                shapes(s.shapes)
            if s.has_text_frame:
                out.append(s.text_frame.text)
            if getattr(s, "has_table", False) and s.has_table:
                for row in s.table.rows:
                    for c in row.cells:
                        out.append(c.text)
    for sl in prs.slides:
        shapes(sl.shapes)
    return "\n".join(out)


def xlsx_text(data):
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(data))
    out = []
    for ws in wb.worksheets:
        out.append(ws.title)
        for row in ws.iter_rows(values_only=True):
            out += [str(v) for v in row if v is not None]
    return "\n".join(out)


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout


def eml_text(path):
    msg = email.message_from_binary_file(open(path, "rb"), policy=policy.default)
    texts = []
    n = 0
    for part in msg.iter_attachments():
        fn = part.get_filename() or ""
        if fn.endswith(".docx"):
            texts.append(docx_text(part.get_content()))
            n += 1
    assert n == 1, "expected one docx attachment"
    return "\n".join(texts)


def text_of(path):
    ext = path.rsplit(".", 1)[1]
    if ext == "docx":
        assert zipfile.is_zipfile(path)
        return docx_text(open(path, "rb").read())
    if ext == "pptx":
        return pptx_text(open(path, "rb").read())
    if ext == "xlsx":
        return xlsx_text(open(path, "rb").read())
    if ext == "pdf":
        return pdf_text(path)
    if ext == "eml":
        return eml_text(path)
    raise ValueError(path)


def norm(s):
    s = s.replace("\u2019", "'").replace("\u00ad", "")
    s = re.sub(r"-\n", "-", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def main():
    dump = None
    if "--dump" in sys.argv:
        dump = sys.argv[sys.argv.index("--dump") + 1]
        os.makedirs(dump, exist_ok=True)
    man = json.load(open(os.path.join(HERE, "manifest.json")))
    bad = 0
    n = 0
    for split in ("dev", "holdout"):
        pdir = os.path.join(ROOT, "plans", split)
        if not os.path.isdir(pdir):
            continue
        for fn in sorted(os.listdir(pdir)):
            n += 1
            path = os.path.join(pdir, fn)
            stem = fn.rsplit(".", 1)[0]
            errs = []
            try:
                txt = text_of(path)
            except Exception as e:  # noqa
                print(f"FAIL {split}/{fn}: unreadable: {e}")
                bad += 1
                continue
            if dump:
                open(os.path.join(dump, f"{split}-{stem}.txt"), "w").write(txt)
            T = norm(txt)
            tpath = os.path.join(ROOT, "truth", split, stem + ".json")
            if not os.path.exists(tpath):
                errs.append("no truth file")
                truth = None
            else:
                truth = json.load(open(tpath))
                if truth["file"] != fn:
                    errs.append("truth.file mismatch")
                if set(truth["sections"]) != set(SECTIONS):
                    errs.append("truth sections keys")
                fail = any(v != "present" for v in truth["sections"].values()) or truth["priorities"] == 0 or truth["priorities"] > 2
                if truth["status"] != ("fail" if fail else "pass"):
                    errs.append("truth status inconsistent")
                for f in truth["findings"]:
                    if f["code"].split("::", 1)[1] not in CODES:
                        errs.append(f"unknown code {f['code']}")
                    if truth["sections"].get(f["section"]) != "present":
                        errs.append(f"finding in non-present section {f['code']}")
                if truth["district"].lower() not in T:
                    errs.append("district name not in text")
            m = man.get(f"{split}/{fn}")
            if not m:
                errs.append("not in manifest")
            else:
                for sid, snips in m["snippets"].items():
                    if truth and truth["sections"][sid] != "present":
                        errs.append(f"manifest has snippets for non-present {sid}")
                    for sn in snips:
                        if norm(sn) not in T:
                            errs.append(f"{sid}: answer text missing: {sn!r}")
                for sid, h in m["heads"].items():
                    if norm(h) not in T:
                        errs.append(f"heading missing: {h!r}")
            if errs:
                bad += 1
                print(f"FAIL {split}/{fn}: " + "; ".join(errs))
            else:
                print(f"ok   {split}/{fn} ({len(txt)} chars)")
    print(f"{n} plans, {bad} failing")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
