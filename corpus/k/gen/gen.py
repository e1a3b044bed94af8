#!/usr/bin/env python3
"""Rebuild author K's corpus from scratch: plans/{dev,holdout} and truth/{dev,holdout}."""
import os, sys, json, shutil, traceback
from concurrent.futures import ThreadPoolExecutor
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import content, render, specs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def one(split, sp):
    fname = f"{sp['name']}.{sp['ext']}"
    spec = {k: v for k, v in sp.items() if k not in ("r", "o", "name", "ext")}
    spec["file"] = fname
    doc, truth = content.build(spec)
    out = os.path.join(ROOT, "plans", split, fname)
    render.RENDERERS[sp["r"]](doc, out, dict(sp["o"]))
    json.dump(truth, open(os.path.join(ROOT, "truth", split, sp["name"] + ".json"), "w"), indent=2)
    return fname


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    if not os.path.isdir(os.path.join(here, "node_modules", "docx")):
        import subprocess
        subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=here, check=True)
    only = sys.argv[1:]  # optional: dev / holdout
    splits = [("dev", specs.DEV), ("holdout", specs.HOLDOUT)]
    for split, lst in splits:
        if only and split not in only:
            continue
        for d in ("plans", "truth"):
            p = os.path.join(ROOT, d, split)
            shutil.rmtree(p, ignore_errors=True)
            os.makedirs(p)
        with ThreadPoolExecutor(4) as ex:
            futs = {ex.submit(one, split, sp): sp["name"] for sp in lst}
            for f, n in futs.items():
                try:
                    print(split, f.result())
                except Exception:
                    print("FAILED", split, n); traceback.print_exc()


if __name__ == "__main__":
    main()
