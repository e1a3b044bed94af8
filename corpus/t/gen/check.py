#!/usr/bin/env python3
"""Reopen every plan of corpus T and check it against its truth and the manifest.
usage: check.py ROOT"""
import collections
import email
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import SECTIONS, VARIANTS  # noqa: E402
from specs import SPECS  # noqa: E402

ITEMS = {
    "ssos::stakeholders::group-missing": {"students", "families", "educators", "school_leaders", "community"},
    "ssos::analysis::data-area-missing": {"student_outcomes", "instruction", "stakeholder_perspectives", "systems_structures"},
    "ssos::roles::level-missing": {"central_office", "school_leaders", "teachers"},
    "ssos::monitoring::level-missing": {"district", "school"},
    "ssos::resources::kind-missing": {"internal", "external"},
    "ssos::priorities::prompt-unanswered": {"educator_practice", "student_experience", "equity_gaps"},
}


LEFTOVER = re.compile(r".{0,30}(\{[a-z_]+\}|\*\*|\bNone\b(?! of)).{0,30}")


def norm(s):
    s = s.replace("\u00ad", "").replace("\u2011", "-")
    return re.sub(r"\s+", " ", s).strip().lower()


def docx_text(data):
    from docx import Document
    from docx.oxml.ns import qn
    d = Document(io.BytesIO(data))
    paras = []
    for p in d.element.body.iter(qn("w:p")):
        paras.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return "\n".join(paras)


def xlsx_text(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        out.append(ws.title)
        for row in ws.iter_rows(values_only=True):
            out += [str(v) for v in row if v is not None]
    return "\n".join(out)


def pptx_text(path):
    from pptx import Presentation
    prs = Presentation(path)
    out = []
    for sl in prs.slides:
        for sh in sl.shapes:
            if sh.has_text_frame:
                out.append(sh.text_frame.text)
            if getattr(sh, "has_table", False) and sh.has_table:
                for r in sh.table.rows:
                    for c in r.cells:
                        out.append(c.text)
    return "\n".join(out)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True).stdout


def eml_text(path):
    m = email.message_from_binary_file(open(path, "rb"))
    atts = [p for p in m.walk() if p.get_filename()]
    assert len(atts) == 1, f"{path}: expected one attachment, got {len(atts)}"
    assert atts[0].get_filename().endswith(".docx")
    assert m["To"] and "ssos1@mass.gov" in m["To"]
    return docx_text(atts[0].get_payload(decode=True))


def text_of(path, fmt):
    if fmt == "docx":
        return docx_text(open(path, "rb").read())
    if fmt == "xlsx":
        return xlsx_text(path)
    if fmt == "pptx":
        return pptx_text(path)
    if fmt == "pdf":
        return pdf_text(path)
    if fmt == "eml":
        return eml_text(path)
    raise ValueError(fmt)


def load_score_codes(root):
    p = os.path.join(os.path.dirname(os.path.abspath(root)), "score.py")
    spec = importlib.util.spec_from_file_location("score", p)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.SPEC_CODES


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(HERE)
    man = json.load(open(os.path.join(root, "truth", "manifest.json")))
    spec_codes = load_score_codes(root)
    errors = []
    err = errors.append
    fmts = collections.Counter()
    complete = gapped = fails = 0
    for spec in SPECS:
        stem, split = spec["stem"], spec["split"]
        m = man[stem]
        path = os.path.join(root, m["file"])
        if not os.path.exists(path):
            err(f"{stem}: missing plan file {path}")
            continue
        tpath = os.path.join(root, "truth", split, stem + ".json")
        t = json.load(open(tpath))
        fmts[(split, m["fmt"], m["via"])] += 1
        # truth format
        if set(t) != {"sections", "status", "priorities", "benchmarks", "findings"}:
            err(f"{stem}: truth keys {sorted(t)}")
        if list(t["sections"]) != SECTIONS or not set(t["sections"].values()) <= {"present", "empty", "missing"}:
            err(f"{stem}: truth sections {t['sections']}")
        absent = [s for s, v in t["sections"].items() if v != "present"]
        want_fail = bool(absent) or t["priorities"] > 2
        if (t["status"] == "fail") != want_fail:
            err(f"{stem}: status {t['status']} inconsistent")
        seen = set()
        for f in t["findings"]:
            if set(f) != {"code", "section", "items"}:
                err(f"{stem}: finding keys {f}")
            if f["code"] not in spec_codes:
                err(f"{stem}: code {f['code']} not a SPEC content code")
            if f["section"] not in SECTIONS or f["section"] in absent:
                err(f"{stem}: finding section {f['section']}")
            if (f["code"], f["section"]) in seen:
                err(f"{stem}: duplicate finding {f['code']}")
            seen.add((f["code"], f["section"]))
            allowed = ITEMS.get(f["code"])
            if allowed is None and f["items"]:
                err(f"{stem}: {f['code']} takes no items")
            if allowed is not None and (not f["items"] or not set(f["items"]) <= allowed):
                err(f"{stem}: bad items {f}")
        n_units = sum(max(1, len(f["items"])) for f in t["findings"]) + len(absent) + (t["priorities"] > 2)
        if n_units == 0 and t["status"] == "pass":
            complete += 1
        else:
            gapped += 1
            if not 1 <= n_units <= 3:
                err(f"{stem}: {n_units} gaps (want 1-3)")
        fails += t["status"] == "fail"
        # the document itself
        try:
            txt = text_of(path, m["fmt"])
        except Exception as e:  # noqa: BLE001
            err(f"{stem}: cannot reopen: {e}")
            continue
        n = norm(txt)
        for sid in SECTIONS:
            h = norm(m["headings"][sid])
            state = t["sections"][sid]
            if state in ("present", "empty") and h not in n:
                err(f"{stem}: heading of {sid} not found: {m['headings'][sid]!r}")
            if state == "missing" and h in n:
                err(f"{stem}: heading of missing {sid} found: {m['headings'][sid]!r}")
        for k, v in spec["gaps"].items():
            if v in ("negated", "future"):
                probe = norm(VARIANTS[k][v])[:60]
                probe = re.sub(r"\{[^}]*\}.*", "", probe)
                if probe and probe not in n:
                    err(f"{stem}: trap text for {k} not found")
        if "empty.resources" in spec["gaps"] and not re.search(r"\btbd\b|\[insert|click or tap", n):
            err(f"{stem}: placeholder for empty section not found")
        bad = re.search(LEFTOVER, txt)
        if bad:
            err(f"{stem}: leftover token/markup: {bad.group(0)!r}")
    # counts
    per_split = collections.Counter(s["split"] for s in SPECS)
    per_fmt = collections.Counter(m["fmt"] for m in man.values())
    if per_split != {"dev": 20, "holdout": 20}:
        err(f"split counts {per_split}")
    if per_fmt != {"docx": 18, "pdf": 8, "pptx": 6, "xlsx": 4, "eml": 4}:
        err(f"format counts {per_fmt}")
    if complete < 24:
        err(f"only {complete} complete plans")
    for split in ("dev", "holdout"):
        files = sorted(os.listdir(os.path.join(root, "plans", split)))
        truths = sorted(os.listdir(os.path.join(root, "truth", split)))
        if len(files) != 20 or len(truths) != 20:
            err(f"{split}: {len(files)} plans, {len(truths)} truth files")
        if [os.path.splitext(f)[0] for f in files] != [os.path.splitext(f)[0] for f in truths]:
            err(f"{split}: plan and truth stems differ")
    print("corpus t:", dict(sorted(per_fmt.items())), f"complete {complete}, with gaps {gapped}, fail {fails}")
    for k in sorted(fmts):
        print("  ", k, fmts[k])
    if errors:
        for e in errors:
            print("ERROR", e)
        sys.exit(1)
    print("check: clean")


if __name__ == "__main__":
    main()
