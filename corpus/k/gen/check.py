#!/usr/bin/env python3
"""Open every plan, assert it is readable, and that each present section's answer text is in it.
Also: empty sections show their heading/placeholder, missing sections' headings are absent,
truth files agree with the spec (same stem, valid fields)."""
import os, sys, re, json, subprocess, email, tempfile
from email import policy
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import content, specs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODES = {"priorities::no-clsp-focus", "priorities::prompt-unanswered", "analysis::data-area-missing", "analysis::no-student-groups",
         "analysis::no-student-work", "stakeholders::group-missing", "stakeholders::no-identified-school-input",
         "stakeholders::no-ongoing-engagement", "outcomes::no-accountability-targets", "outcomes::no-student-group-targets",
         "roles::level-missing", "monitoring::too-many-benchmarks", "monitoring::no-owner", "monitoring::no-frequency",
         "monitoring::level-missing", "monitoring::no-student-work", "resources::kind-missing", "resources::no-budget-equity",
         "differentiation::no-schools-listed"}


def text_docx(path):
    from docx import Document
    d = Document(path)
    out = [p.text for p in d.paragraphs]
    def tables(ts):
        for t in ts:
            for row in t.rows:
                for cell in row.cells:
                    out.extend(p.text for p in cell.paragraphs)
                    tables(cell.tables)
    tables(d.tables)
    for s in d.sections:
        out += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
    return "\n".join(out)


def text_pdf(path):
    r = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True)
    return r.stdout


def text_xlsx(path):
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True)
    out = []
    for ws in wb.worksheets:
        out.append(ws.title)
        for row in ws.iter_rows(values_only=True):
            out += [str(v) for v in row if v is not None]
    return "\n".join(out)


def text_eml(path):
    msg = email.message_from_bytes(open(path, "rb").read(), policy=policy.default)
    texts, atts = [], []
    def walk(m):
        for part in m.walk():
            if part.get_content_type() == "message/rfc822":
                continue
            fn = part.get_filename()
            if fn and not part.is_multipart():
                ext = fn.rsplit(".", 1)[-1].lower()
                if ext in ("docx", "pdf", "xlsx"):
                    with tempfile.NamedTemporaryFile(suffix="." + ext, delete=False) as f:
                        f.write(part.get_payload(decode=True))
                    atts.append(fn)
                    texts.append(EXTRACT[ext](f.name))
                    os.unlink(f.name)
    walk(msg)
    assert atts, "no attachment in " + path
    return "\n".join(texts)


EXTRACT = {"docx": text_docx, "pdf": text_pdf, "xlsx": text_xlsx, "eml": text_eml}


def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower().replace("\u2013", "-"))


def snippets(sec):
    out = []
    bl = sec["blocks"]
    for b in ([bl[0], bl[-1]] if bl else []):
        k, v = b
        if k in ("p", "sub", "note"):
            out.append(v[:45])
        elif k in ("ul", "ol"):
            out.append(v[0][:45]); out.append(v[-1][:45])
        elif k == "table":
            out.append(v[1][0][:20])
    return out


def main():
    bad = 0
    n = 0
    for split, lst in (("dev", specs.DEV), ("holdout", specs.HOLDOUT)):
        pdir = os.path.join(ROOT, "plans", split)
        if not os.path.isdir(pdir):
            continue
        for sp in lst:
            fname = f"{sp['name']}.{sp['ext']}"
            path = os.path.join(pdir, fname)
            spec = {k: v for k, v in sp.items() if k not in ("r", "o", "name", "ext")}
            spec["file"] = fname
            doc, truth = content.build(spec)
            errs = []
            try:
                txt = EXTRACT[sp["ext"]](path)
            except Exception as e:
                print(f"UNREADABLE {split}/{fname}: {e}"); bad += 1; continue
            T = norm(txt)
            t = json.load(open(os.path.join(ROOT, "truth", split, sp["name"] + ".json")))
            if t != truth:
                errs.append("truth file differs from spec")
            if t["file"] != fname:
                errs.append("file field")
            if norm(t["district"]) not in T:
                errs.append("district name not in text")
            for f in t["findings"]:
                if f["code"].replace("ssos::", "") not in CODES:
                    errs.append("unknown code " + f["code"])
                if t["sections"][f["section"]] != "present":
                    errs.append("finding on absent section")
            want_status = "fail" if (any(v != "present" for v in t["sections"].values()) or t["priorities"] == 0 or t["priorities"] > 2) else "pass"
            if t["status"] != want_status:
                errs.append("status")
            for sec in doc["sections"]:
                st = sec["state"]
                if st == "present":
                    for s in snippets(sec):
                        if norm(s) not in T:
                            errs.append(f"{sec['id']}: missing text {s!r}")
                    if not sec["blocks"]:
                        errs.append(f"{sec['id']}: present but no blocks")
                elif st == "empty":
                    for bk in sec["blocks"]:
                        if norm(bk[1][:40]) not in T:
                            errs.append(f"{sec['id']}: placeholder not found")
                    if sec["id"] == "stakeholder_engagement" or True:
                        head = sec["heading"]
                        if norm(head) not in T and not any(norm(head) in norm(x) for x in (sp["o"].get("merge", {}).values() if False else [])):
                            errs.append(f"{sec['id']}: empty section heading not found")
                else:
                    if norm(sec["heading"]) in T and sec["heading"] not in ("Differentiation",):
                        errs.append(f"{sec['id']}: missing section heading appears")
            for pn in doc["pnames"]:
                if norm(pn) not in T:
                    errs.append("priority name not found " + pn)
            n += 1
            if errs:
                bad += 1
                print(f"FAIL {split}/{fname}:"); [print("   ", e) for e in errs]
            else:
                print(f"ok   {split}/{fname}  ({len(txt)} chars, {t['status']}, {len(t['findings'])} findings)")
    print(f"{n} plans checked, {bad} with problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
