#!/usr/bin/env python3
"""Docx-vs-PDF agreement: the same plan as .docx and as a PDF of it should give the same
findings; every code that differs is a PDF reader (or map) difference.

usage: python3 scripts/pdf_agreement.py BIN [--corpus /work/corpus] [--out /tmp/pdf-agreement] [-q] [--fresh]
                                        [--routes lo,weasy,pandoc,chromium] [--corpora a,c,d,f]
Routes (each compares a .docx with a PDF of the same plan):
  lo        the DEV .docx of corpora a, c, d and f, exported by `soffice --headless --convert-to pdf`;
  weasy     the DEV .docx -> `pandoc -s` HTML (ruled tables, cells at the top) -> weasyprint PDF,
            compared with the docx pandoc makes of that same HTML (so only the PDF reader differs,
            not pandoc's reading of the docx);
  pandoc    the same with pandoc's own style (unruled tables, cells centred in their rows), as
            `pandoc --pdf-engine=weasyprint` prints;
  chromium  the same HTML printed by `chromium --headless --print-to-pdf` (web-system exports).
Conversions are made once and cached in OUT; BIN runs `check --format json` on both (2 threads;
docx results cached in OUT, --fresh drops the cache). Prints the files that differ, then the
agreement figures per route. Never reads holdout files."""
import sys, os, json, subprocess, glob, collections
args = [a for a in sys.argv[1:]]
BIN = args[0]
opt = lambda k, d: args[args.index(k) + 1] if k in args else d
CORPUS = opt("--corpus", "/work/corpus")
OUT = opt("--out", "/tmp/pdf-agreement")
quiet = "-q" in args
ROUTES = opt("--routes", "lo").split(",")
CORPORA = opt("--corpora", "a,c,d,f").split(",")
PATS = {"a": "a/dev/*/*.docx", "c": "c/dev/*.docx", "d": "d/dev/*.docx", "f": "f/dev/*.docx"}
LO = "-env:UserInstallation=file:///tmp/lo-pdf-agreement"
CSS = """<style>body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;max-width:none;margin:0 1cm}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:3px 6px;vertical-align:top}</style>"""


def sh(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def html_of(f, outdir, css=CSS):
    """The plan as standalone HTML (pandoc; with `css`, ruled tables, cells set at their top;
    without, pandoc's own style: unruled tables, cells centred in their rows), and the docx
    pandoc makes of that HTML."""
    stem = os.path.join(outdir, os.path.basename(f)[:-5])
    if not os.path.exists(stem + ".html"):
        extra = ["-H", "/dev/stdin"] if css else []
        sh(["pandoc", "-f", "docx", "-t", "html", "-s", "--metadata", "title=Plan"] + extra +
           [f, "-o", stem + ".html"], input=css.encode())
    if os.path.exists(stem + ".html") and not os.path.exists(stem + ".ref.docx"):
        sh(["pandoc", "-f", "html", stem + ".html", "-o", stem + ".ref.docx"])
    return stem


def convert(route, corp, f, outdir):
    """(docx, pdf) for one source file and route, or None."""
    base = os.path.basename(f)[:-5]
    if route == "lo":
        p = os.path.join(outdir, base + ".pdf")
        return (f, p) if os.path.exists(p) else None
    if route == "pandoc":
        stem = html_of(f, os.path.join(OUT, "html-plain", corp), css="")
    else:
        stem = html_of(f, os.path.join(OUT, "html", corp))
    p = os.path.join(outdir, base + ".pdf")
    if not os.path.exists(p) and os.path.exists(stem + ".html"):
        if route in ("weasy", "pandoc"):
            sh(["weasyprint", stem + ".html", p], timeout=300)
        else:
            sh(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--print-to-pdf=" + p, "file://" + os.path.abspath(stem + ".html")], timeout=300)
    return (stem + ".ref.docx", p) if os.path.exists(p) and os.path.exists(stem + ".ref.docx") else None


pairs = []
for route in ROUTES:
    for corp in CORPORA:
        files = sorted(glob.glob(os.path.join(CORPUS, PATS[corp])))
        outdir = os.path.join(OUT, corp) if route == "lo" else os.path.join(OUT, route, corp)
        os.makedirs(outdir, exist_ok=True)
        os.makedirs(os.path.join(OUT, "html", corp), exist_ok=True)
        os.makedirs(os.path.join(OUT, "html-plain", corp), exist_ok=True)
        if route == "lo":
            todo = [f for f in files if not os.path.exists(os.path.join(outdir, os.path.basename(f)[:-5] + ".pdf"))]
            if todo:
                sh(["soffice", LO, "--headless", "--convert-to", "pdf", "--outdir", outdir] + todo)
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(2) as ex:
            got = list(ex.map(lambda f: convert(route, corp, f, outdir), files))
        for g in got:
            if g:
                pairs.append((route + ":" + corp, g[0], g[1]))
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
