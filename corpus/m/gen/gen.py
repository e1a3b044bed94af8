#!/usr/bin/env python3
"""Rebuild author M's corpus from scratch: python3 gen/gen.py [--split dev|holdout] [--only ID]"""
import os, sys, json, shutil, subprocess, tempfile, argparse
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from content import build, HEAD_STYLES
from plans import SPECS, full
import render as R

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def to_md(P, title):
    L = [f"# {title}", ""]
    for s in P.sections:
        L += [f"## {s['head']}", ""]
        for b in s["body"]:
            if b[0] == "p": L += [b[1], ""]
            elif b[0] == "h3": L += [f"### {b[1]}", ""]
            elif b[0] == "ul": L += [f"- {x}" for x in b[1]] + [""]
            elif b[0] == "table":
                L += ["| " + " | ".join(b[1]) + " |", "|" + "---|" * len(b[1])] + ["| " + " | ".join(r) + " |" for r in b[2]] + [""]
    return "\n".join(L)

def make(sp):
    sp = dict(sp); sp["file"] = f"{sp['id']}.{sp['ext']}"
    P = build(sp)
    out = os.path.join(ROOT, "plans", sp["split"], sp["file"])
    title = f"{full(sp['district'])} \u2014 District Prioritization Submission, SY2023-24"
    heads = sp.get("heads") or HEAD_STYLES[sp.get("head_style", "guidance")]
    o = dict(sp.get("opts", {}))
    if o.get("toc") == "ALL": o["toc"] = heads
    if o.get("agenda") == "ALL": o["agenda"] = heads
    if o.get("sidebar") == "SIDEBAR":
        o["sidebar"] = "<b>In this plan</b><ol>" + "".join(f"<li>{R.e(h)}</li>" for h in heads) + "</ol><p>Contact: superintendent's office</p>"
    k = sp["kind"]; tmp = tempfile.mkdtemp()
    if k == "chromium":
        R.chromium_pdf(R.to_html(P, sp["layout"], title, "Submitted to ssos1@mass.gov, June 2023", o), out, landscape=o.get("landscape", False))
    elif k == "weasy":
        R.weasy_pdf(R.to_html(P, sp["layout"], title, o.get("sub", ""), o), out, o.get("header", ""), o.get("footer", ""))
    elif k == "lo_html":
        R.html_via_lo(R.to_html(P, sp["layout"], title, "", o), out)
    elif k in ("lo_docx", "docx", "eml"):
        doc = R.docx_doc(P, title, sp["layout"], o)
        if k == "docx": doc.save(out)
        elif k == "lo_docx":
            f = os.path.join(tmp, sp["id"] + ".docx"); doc.save(f); R.lo_convert(f, "pdf", out)
        else:
            f = os.path.join(tmp, "att.docx"); doc.save(f)
            R.eml(out, f"Office of Multilingual Learners <planning@{sp['district'].lower()}.k12.ma.us>",
                  f"{sp['district']} SSoS District Prioritization Submission SY23-24",
                  "Good afternoon,\n\nAttached please find our district prioritization submission for SY23-24. Please let us know if you need anything else.\n\nThank you,\nOffice of Strategy and Planning\n",
                  f, f"{sp['district']} SSoS submission SY23-24.docx")
    elif k in ("pptx", "lo_pptx"):
        prs = R.pptx_deck(P, title, sp["layout"], o)
        if k == "pptx": prs.save(out)
        else:
            f = os.path.join(tmp, sp["id"] + ".pptx"); prs.save(f); R.lo_convert(f, "pdf", out)
    elif k == "pandoc":
        f = os.path.join(tmp, "p.md"); open(f, "w").write(to_md(P, title))
        subprocess.run(["pandoc", f, "-o", out], check=True)
    shutil.rmtree(tmp)
    tp = os.path.join(ROOT, "truth", sp["split"], sp["id"] + ".json")
    json.dump(P.truth, open(tp, "w"), indent=2)
    return P

if __name__ == "__main__":
    ap = argparse.ArgumentParser(); ap.add_argument("--split"); ap.add_argument("--only"); a = ap.parse_args()
    todo = [s for s in SPECS if (not a.split or s["split"] == a.split) and (not a.only or s["id"] == a.only)]
    if not a.only:
        for sp in set(s["split"] for s in todo):
            for d in ("plans", "truth"):
                p = os.path.join(ROOT, d, sp); shutil.rmtree(p, ignore_errors=True); os.makedirs(p)
    for s in todo:
        make(s); print("built", s["split"], s["id"], s["ext"])
