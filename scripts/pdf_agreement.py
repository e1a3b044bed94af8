#!/usr/bin/env python3
"""Docx-vs-PDF agreement: the same plan as .docx and as its LibreOffice PDF export should
give the same findings; every code that differs is a PDF reader (or map) difference.

usage: python3 scripts/pdf_agreement.py BIN [--corpus /work/corpus] [--out /tmp/pdf-agreement] [-q] [--fresh]
Converts the DEV .docx plans of corpora a, c and d (once; `soffice --headless --convert-to pdf`),
runs `BIN check --format json` on both (2 threads; docx results cached in OUT), and prints
the files that differ, then the agreement figures. Never reads holdout files."""
import sys, os, json, subprocess, glob, collections
args = [a for a in sys.argv[1:]]
BIN = args[0]
opt = lambda k, d: args[args.index(k) + 1] if k in args else d
CORPUS = opt("--corpus", "/work/corpus")
OUT = opt("--out", "/tmp/pdf-agreement")
quiet = "-q" in args
pairs = []
for corp, pat in [("a", "a/dev/*/*.docx"), ("c", "c/dev/*.docx"), ("d", "d/dev/*.docx")]:
    files = sorted(glob.glob(os.path.join(CORPUS, pat)))
    outdir = os.path.join(OUT, corp)
    os.makedirs(outdir, exist_ok=True)
    todo = [f for f in files if not os.path.exists(os.path.join(outdir, os.path.basename(f)[:-5] + ".pdf"))]
    if todo:
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", outdir] + todo,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for f in files:
        p = os.path.join(outdir, os.path.basename(f)[:-5] + ".pdf")
        if os.path.exists(p):
            pairs.append((corp, f, p))
CACHE = os.path.join(OUT, "docx_cache.json")
cache = json.load(open(CACHE)) if os.path.exists(CACHE) and "--fresh" not in sys.argv else {}
def facts(path):
    if path.endswith(".docx") and path in cache:
        c = cache[path]; return set(tuple([x[0], tuple(x[1])]) for x in c[0]), c[1], c[2], c[3]
    r = subprocess.run([BIN, "check", path, "--format", "json"], capture_output=True, text=True)
    try:
        f = json.loads(r.stdout)["files"][0]
    except Exception:
        return None
    s = set()
    for d in f.get("diagnostics", []):
        if d["code"].startswith("ssos::document::"):
            continue
        s.add((d["code"], tuple(d.get("items") or [])))
    out = s, f.get("status"), (f.get("priorities") or {}).get("count"), (f.get("benchmarks") or {}).get("count")
    if path.endswith(".docx"):
        cache[path] = [sorted(s), out[1], out[2], out[3]]
    return out
    return s, f.get("status"), (f.get("priorities") or {}).get("count"), (f.get("benchmarks") or {}).get("count")

agree = total = 0
codes_same = codes_total = 0
bm_same = 0
diffcount = collections.Counter()
per = collections.Counter(); perok = collections.Counter()
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(2) as ex:
    results = list(ex.map(lambda t: (facts(t[1]), facts(t[2])), pairs))
json.dump(cache, open(CACHE, "w"))
for (corp, d, p), (a, b) in zip(pairs, results):
    total += 1
    per[corp] += 1
    if a is None or b is None:
        print("ERR", d); continue
    only_d = a[0] - b[0]; only_p = b[0] - a[0]
    codes_total += len(a[0] | b[0]); codes_same += len(a[0] & b[0])
    same = not only_d and not only_p and a[1:] == b[1:]
    if same:
        agree += 1; perok[corp] += 1
    else:
        for c in only_d: diffcount["docx-only " + c[0]] += 1
        for c in only_p: diffcount["pdf-only " + c[0]] += 1
        if a[3] != b[3]: diffcount["benchmarks"] += 1
        if a[2] != b[2]: diffcount["priorities"] += 1
        if not quiet:
            print("%s\n   docx-only %s\n   pdf-only  %s\n   status/prio/bm docx %s pdf %s" % (p, sorted(only_d), sorted(only_p), a[1:], b[1:]))
print("files agreeing: %d/%d  per corpus: %s" % (agree, total, {k: "%d/%d" % (perok[k], per[k]) for k in per}))
print("code agreement (jaccard): %d/%d = %.3f" % (codes_same, codes_total, codes_same / max(codes_total, 1)))
for k, v in diffcount.most_common():
    print("  %3d %s" % (v, k))
