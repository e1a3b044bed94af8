#!/usr/bin/env python3
"""Score ssos-lint against a corpus's truth files.
usage: score.py CORPUS --split dev|holdout --bin BIN [--ext pdf] [--quiet] [--show N]"""
import argparse, json, os, subprocess, sys, collections

SECTIONS = ["priorities", "analysis", "stakeholder_engagement", "outcomes",
            "role_clarity", "monitoring", "resources", "differentiation"]
NOT_CONTENT = ("ssos::input::", "ssos::section::", "ssos::document::")
NOT_CONTENT_CODES = {"ssos::priorities::none", "ssos::priorities::too-many"}
# The content codes of the SPEC's table: the ones a truth file can name.
SPEC_CODES = {"ssos::" + c for c in """priorities::no-clsp-focus priorities::prompt-unanswered analysis::data-area-missing
analysis::no-student-groups analysis::no-student-work stakeholders::group-missing stakeholders::no-identified-school-input
stakeholders::no-ongoing-engagement outcomes::no-accountability-targets outcomes::no-student-group-targets
roles::level-missing monitoring::too-many-benchmarks monitoring::no-owner monitoring::no-frequency
monitoring::level-missing monitoring::no-student-work resources::kind-missing resources::no-budget-equity
differentiation::no-schools-listed""".split()}

def units(findings, absent):
    out = set()
    for f in findings:
        code = f["code"]
        if not code.startswith("ssos::"):
            code = "ssos::" + code
        if code not in SPEC_CODES:
            continue
        sec = f.get("section")
        if sec in absent:
            continue
        items = f.get("items") or []
        if items:
            for i in items:
                out.add((code, sec, i))
        else:
            out.add((code, sec, ""))
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--bin", required=True)
    ap.add_argument("--ext")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--show", type=int, default=100)
    a = ap.parse_args()
    root = a.corpus if os.path.isdir(a.corpus) else os.path.join(os.path.dirname(os.path.abspath(__file__)), a.corpus)
    pdir = os.path.join(root, "plans", a.split)
    tdir = os.path.join(root, "truth", a.split)
    truths = {}
    for f in sorted(os.listdir(tdir)):
        if f.endswith(".json"):
            t = json.load(open(os.path.join(tdir, f)))
            truths[f[:-5]] = t
    files = []
    for f in sorted(os.listdir(pdir)):
        stem, ext = os.path.splitext(f)
        if stem in truths and (not a.ext or ext[1:] == a.ext):
            files.append(os.path.join(pdir, f))
    r = subprocess.run([a.bin, "check", "--format", "json", "--jobs", "2"] + files,
                       capture_output=True, text=True)
    rep = json.loads(r.stdout)
    by = collections.defaultdict(list)
    for fr in rep["files"]:
        by[os.path.splitext(os.path.basename(fr["path"]))[0]].append(fr)
    n = sec_ok = sec_n = st_ok = pr_ok = pr_n = bm_ok = bm_n = 0
    tp = fp = fn = 0
    false_errors = []
    lines = []
    fpc = collections.Counter(); fnc = collections.Counter()
    for path in files:
        stem = os.path.splitext(os.path.basename(path))[0]
        t = truths[stem]
        frs = by.get(stem, [])
        if not frs:
            lines.append(f"{stem}: NO REPORT"); continue
        fr = max(frs, key=lambda x: sum(1 for s in x["sections"] if s.get("state") == "present"))
        n += 1
        got = {s["id"]: s.get("state", "missing") for s in fr["sections"]}
        bad = []
        for s in SECTIONS:
            sec_n += 1
            want = t["sections"].get(s, "present")
            if got.get(s) == want:
                sec_ok += 1
            else:
                bad.append(f"{s}:{want}->{got.get(s)}")
        st = "pass" if fr["status"] == "pass" else "fail"
        st_ok += st == t["status"]
        if t.get("priorities") is not None:
            pr_n += 1; pr_ok += fr["priorities"]["count"] == t["priorities"]
        if t.get("benchmarks") is not None:
            bm_n += 1; bm_ok += fr["benchmarks"]["count"] == t["benchmarks"]
        absent = {s for s in SECTIONS if t["sections"].get(s, "present") != "present"}
        want = units(t.get("findings", []), absent)
        have = units(fr["diagnostics"], absent)
        tp += len(want & have); fp += len(have - want); fn += len(want - have)
        for u in have - want: fpc[u[0]] += 1
        for u in want - have: fnc[u[0]] += 1
        errs = [d["code"] + (f"[{d.get('section')}]" if d.get("section") else "")
                for d in fr["diagnostics"] if d["severity"] == "error"]
        want_err = t["status"] == "fail"
        if not want_err and errs:
            false_errors.append((stem, errs))
        msg = []
        if bad: msg.append("sections " + " ".join(bad))
        if st != t["status"]: msg.append(f"status {t['status']}->{st} {errs}")
        if t.get("priorities") is not None and fr["priorities"]["count"] != t["priorities"]:
            msg.append(f"priorities {t['priorities']}->{fr['priorities']['count']}")
        if t.get("benchmarks") is not None and fr["benchmarks"]["count"] != t["benchmarks"]:
            msg.append(f"benchmarks {t['benchmarks']}->{fr['benchmarks']['count']}")
        if have - want: msg.append("FP " + " ".join(f"{c.split('::',1)[1]}[{s}]{':'+i if i else ''}" for c, s, i in sorted(have - want)))
        if want - have: msg.append("FN " + " ".join(f"{c.split('::',1)[1]}[{s}]{':'+i if i else ''}" for c, s, i in sorted(want - have)))
        if msg: lines.append(f"{stem}: " + "; ".join(msg))
    if not a.quiet:
        for l in lines[: a.show]: print(l)
        print("FP by code:", dict(fpc.most_common()))
        print("FN by code:", dict(fnc.most_common()))
    pct = lambda x, y: f"{100.0 * x / y:.1f}%" if y else "-"
    P = tp / (tp + fp) if tp + fp else 1.0
    R = tp / (tp + fn) if tp + fn else 1.0
    F = 2 * P * R / (P + R) if P + R else 0
    print(f"{os.path.basename(root)}/{a.split}{'/'+a.ext if a.ext else ''}: files {n} sections {pct(sec_ok, sec_n)} "
          f"pass/fail {pct(st_ok, n)} priorities {pct(pr_ok, pr_n)} benchmarks {pct(bm_ok, bm_n)} "
          f"findings P {P:.2f} R {R:.2f} F1 {F:.2f} (tp {tp} fp {fp} fn {fn}) false-error files {len(false_errors)}")
    for s, e in false_errors:
        print("  false error:", s, e)

if __name__ == "__main__":
    main()
