#!/usr/bin/env python3
"""Render corpus D's DEV plans (only; holdout plans are skipped, never rendered) in every PDF
layout of corpus D's generator: weasyprint HTML ("web"), weasyprint banded table ("band"),
LibreOffice PDF of the memo and of the Q&A docx ("memo", "qa"); writes OUT/truth.jsonl
(split dev, the plans' own truth) so that `python3 /work/corpus/score.py OUT --bin BIN` scores them.

usage: python3 scripts/corpus_d_dev_pdfs.py [OUT]   (default /tmp/d-dev-pdfs; needs weasyprint, soffice)"""
import os, sys, json, random, subprocess
sys.path.insert(0, os.environ.get("CORPUS_D_GEN", "/work/corpus/d/gen"))
import gen as G, bank as B, model as M, render as R
import weasyprint
OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/d-dev-pdfs"
os.makedirs(OUT, exist_ok=True)
rng = random.Random(G.SEED)
total = sum(s[3] for s in G.STRUCTURES)
V = G.variants(); nclean = total - len(V)
V += [dict(kind="clean") for _ in range(nclean)]
rng.shuffle(V)
V.sort(key=lambda v: 0 if v["kind"] in ("missing", "empty", "three") else 1)
slots = []
for name, ext, gen, n, hold in G.STRUCTURES:
    for i in range(n):
        ndev = round(n * 70 / 122)
        split = "holdout" if hold else ("dev" if i < ndev else "holdout")
        slots.append((name, ext, gen, split))
rng.shuffle(slots)
voices = list(B.VOICES)
pools = {"dev": [s for s in slots if s[3] == "dev"], "holdout": [s for s in slots if s[3] == "holdout"]}
turn = {}; paired = []
for var in V:
    cat = "fail" if var["kind"] in ("missing", "empty", "three") else ("clean" if var["kind"] == "clean" else var.get("item", "x"))
    want = ["dev", "holdout"][turn.get(cat, rng.randrange(2)) % 2]
    turn[cat] = turn.get(cat, 0 if want == "dev" else 1) + 1
    if not pools[want]:
        want = "holdout" if want == "dev" else "dev"
    slot_i = len(pools[want]) - 1
    if cat == "fail":
        ext_want = ["pptx", "xlsx", "docx", "pdf", "docx"][turn["fail"] % 5]
        for k in range(len(pools[want]) - 1, -1, -1):
            if pools[want][k][1] == ext_want:
                slot_i = k; break
    if var["kind"] == "missing" and not turn.get("toc"):
        for k in range(len(pools[want])):
            if pools[want][k][0] == "docx-md-cover-toc":
                slot_i = k; turn["toc"] = 1; break
    paired.append((pools[want].pop(slot_i), var))
numbers = list(range(1, len(paired) + 1))
rng.shuffle(numbers)
truth = []
real = {t["file"]: t for t in map(json.loads, open(os.path.join(os.path.dirname(sys.path[0]), "truth.jsonl"))) if t["split"] == "dev"}
docx_jobs = []
os.makedirs(OUT + "/src", exist_ok=True)
for idx, ((sname, ext, gen, split), var) in enumerate(paired):
    voice = voices[idx % len(voices)]
    var = dict(var)
    var["traps"] = (var["kind"] == "clean" and rng.random() < 0.75) or (var["kind"] == "defect" and rng.random() < 0.4)
    if split != "dev":
        continue
    p = M.plan_model(G.SEED + idx, voice, var)
    pr = p["rng"]
    p["hstyle"] = pr.randrange(5); p["pstyle"] = pr.randrange(3); p["bstyle"] = pr.randrange(3)
    p["day"] = pr.randint(12, 30); p["chunk"] = pr.choice([2, 3])
    short = p["ctx"]["short"].lower().replace(" ", "-").replace("'", "")
    base = "%03d-%s" % (numbers[idx], short)
    orig = "dev/%s-%s.%s" % (base, sname.split("-")[0], ext)
    assert orig in real, orig
    assert real[orig]["expect_codes"] == p["expect"], orig
    for lay in ("web", "band", "memo", "qa"):
        fn = "%s-%s.pdf" % (base, lay)
        if lay in ("web", "band"):
            weasyprint.HTML(string=R.html_doc(p, grid=(lay == "band"))).write_pdf(os.path.join(OUT, fn))
        else:
            src = os.path.join(OUT, "src", "%s-%s.docx" % (base, lay))
            (R.docx_memo if lay == "memo" else R.docx_qa)(p, src); docx_jobs.append(src)
        truth.append({"file": fn, "split": "dev", "structure": lay, "generator": "x", "voice": voice, "variant": p["variant"],
                      "sections": {sid: p["states"][sid] for sid in M.SIDS},
                      "priorities": p["npriorities"] if p["states"]["priorities"] == "present" else None,
                      "benchmarks": p["nbenchmarks"] if p["states"]["monitoring"] == "present" else None,
                      "status": p["status"], "expect_codes": p["expect"], "forbid_codes": p["forbid"]})
subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", OUT] + docx_jobs, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
with open(os.path.join(OUT, "truth.jsonl"), "w") as f:
    for t in truth:
        f.write(json.dumps(t) + "\n")
print(len(truth))
