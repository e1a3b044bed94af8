#!/usr/bin/env python3
"""Corpus R: render every plan of plans.py as .pptx (and, where flagged, a LibreOffice PDF of the
same stem) into ROOT/plans/{dev,holdout}/ and write its truth JSON into ROOT/truth/{dev,holdout}/.
Deterministic: fixed zip timestamps and core properties; PDF dates and /ID normalised."""
import json, os, re, shutil, subprocess, sys, tempfile, zipfile
from plans import PLANS, GAP_CODES
from content import SIDS, build
from themes import THEMES
from render import render, state

ZIP_DATE = (2025, 6, 20, 16, 30, 0)


def fix_zip(path):
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for i, data in items:
            zi = zipfile.ZipInfo(i.filename, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    os.replace(tmp, path)


def to_pdf(pptx, outdir):
    prof = tempfile.mkdtemp(prefix="r_lo_")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                        "--outdir", outdir, pptx], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(pptx))[0] + ".pdf")
    b = open(pdf, "rb").read()
    b = re.sub(rb"/(CreationDate|ModDate)\s*\(D:(\d{14})([^)]*)\)",
               lambda m: b"/" + m.group(1) + b"(D:20250620163000" + re.sub(rb"\d", b"0", m.group(3)) + b")", b)
    b = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
               lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))).replace(m.group(2), b"1" * len(m.group(2))), b)
    b = re.sub(rb"/DocChecksum\s*/([0-9A-Fa-f]+)", lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))), b)
    open(pdf, "wb").write(b)
    return pdf


def truth(plan, total):
    sections = {}
    for sid in SIDS:
        st = state(plan, sid)
        sections[sid] = "present" if st == "present" else ("missing" if st == "missing" else "empty")
    n = len(plan["themes"])
    status = "fail" if any(v != "present" for v in sections.values()) or n > 2 else "pass"
    found = {}
    def add(code, sec, item):
        if sections[sec] != "present": return
        f = found.setdefault((code, sec), [])
        if item and item not in f: f.append(item)
    for k, mode in plan["gaps"].items():
        if mode is None: continue
        code, sec, item = GAP_CODES[k]
        add(code, sec, item)
    if not any(THEMES[t]["clsp"] for t in plan["themes"]):
        add("ssos::priorities::no-clsp-focus", "priorities", None)
    if any(b > 5 for b in plan["bm"]):
        add("ssos::monitoring::too-many-benchmarks", "monitoring", None)
    findings = [{"code": c, "section": s, "items": items} for (c, s), items in sorted(found.items())]
    bm = total if sections["monitoring"] == "present" else 0
    return {"sections": sections, "status": status, "priorities": n, "benchmarks": bm, "findings": findings}


def main(root):
    for sp in ("dev", "holdout"):
        os.makedirs(os.path.join(root, "plans", sp), exist_ok=True)
        os.makedirs(os.path.join(root, "truth", sp), exist_ok=True)
    for plan in PLANS:
        secs, total = build(plan)
        out = os.path.join(root, "plans", plan["split"], plan["id"] + ".pptx")
        nslides = render(plan, secs, out)
        fix_zip(out)
        extra = ""
        if plan["pdf"]:
            to_pdf(out, os.path.dirname(out)); extra = " +pdf"
        t = truth(plan, total)
        with open(os.path.join(root, "truth", plan["split"], plan["id"] + ".json"), "w") as f:
            json.dump(t, f, indent=2, sort_keys=False); f.write("\n")
        print(f"{plan['id']} {plan['family']} slides={nslides} status={t['status']} prio={t['priorities']} bm={t['benchmarks']} "
              f"findings={len(t['findings'])}{extra}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
