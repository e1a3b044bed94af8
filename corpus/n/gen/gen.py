#!/usr/bin/env python3
"""Rebuild every plan and truth file from scratch: python3 gen/gen.py [dev|holdout]"""
import json, os, shutil, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plans, content, render_docx, render_other

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build(half, specs):
    pd, td = os.path.join(ROOT, "plans", half), os.path.join(ROOT, "truth", half)
    shutil.rmtree(pd, ignore_errors=True); shutil.rmtree(td, ignore_errors=True)
    os.makedirs(pd); os.makedirs(td)
    for spec in specs:
        fname = spec["stem"] + "." + spec["fmt"]
        out = os.path.join(pd, fname)
        if spec["fmt"] == "docx" and spec.get("docx_via"):
            render_other.render_docx_alt(spec, out)
        elif spec["fmt"] == "docx":
            render_docx.render(spec, out)
        elif spec["fmt"] == "xlsx":
            render_other.render_xlsx(spec, out)
        elif spec["fmt"] == "pdf":
            render_other.render_pdf(spec, out)
        elif spec["fmt"] == "eml":
            render_other.render_eml(spec, out)
        t = content.truth(spec, fname)
        json.dump(t, open(os.path.join(td, spec["stem"] + ".json"), "w"), indent=2)
        print(half, fname, t["status"], len(t["findings"]))


if __name__ == "__main__":
    which = sys.argv[1:] or ["dev", "holdout"]
    if "dev" in which:
        build("dev", plans.DEV)
    if "holdout" in which and plans.HOLD:
        build("holdout", plans.HOLD)
