#!/usr/bin/env python3
"""Build every plan and its truth file. usage: build.py [OUT_ROOT]  (default: the corpus folder above gen/)"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from content import build, SECTIONS
from render import WRITERS
from plans import ALL

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def truth(plan, meta):
    struct = plan.get("struct", {})
    secs = {s: ("present" if s not in struct else ("missing" if struct[s] == "missing" else "empty")) for s in SECTIONS}
    findings = []
    for s, st in struct.items():
        findings.append({"code": "ssos::section::" + ("missing" if st == "missing" else "empty"), "section": s, "items": []})
    if meta["priorities"] > 2:
        findings.append({"code": "ssos::priorities::too-many", "section": "priorities", "items": []})
    for g in plan.get("gaps", []):
        findings.append({"code": g["code"], "section": g["section"], "items": list(g["items"])})
    fail = any(f["code"].startswith("ssos::section::") or f["code"] in ("ssos::priorities::too-many", "ssos::priorities::none")
               for f in findings)
    return {"sections": secs, "status": "fail" if fail else "pass", "priorities": meta["priorities"],
            "benchmarks": meta["benchmarks"], "findings": findings}


def main():
    for plan in ALL:
        c, S, meta = build(plan)
        writer, ext = WRITERS[plan["fmt"]]
        pdir = os.path.join(ROOT, "plans", plan["split"])
        tdir = os.path.join(ROOT, "truth", plan["split"])
        os.makedirs(pdir, exist_ok=True)
        os.makedirs(tdir, exist_ok=True)
        writer(os.path.join(pdir, plan["id"] + ext), plan, c, S)
        with open(os.path.join(tdir, plan["id"] + ".json"), "w") as f:
            json.dump(truth(plan, meta), f, indent=2)
            f.write("\n")
        print(plan["id"] + ext)


if __name__ == "__main__":
    main()
