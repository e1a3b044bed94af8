#!/usr/bin/env bash
# Speed of ssos-lint, in one run (issue 14). Prints:
#   - per-file wall time (median of runs) of `check FILE --format json` for a
#     typical plan and an ~80,000-word plan (its text repeated 48 times, and
#     again with every repeated sentence made distinct: see
#     examples/bench_plans.rs), worker process (the default) and
#     --in-process, beside pandoc's plain-text extraction of the same file;
#   - instructions (valgrind callgrind) of the same checks and of start-up
#     alone (checking a file that does not exist), when valgrind is installed;
#     for the worker-process mode, the parent's and the worker's together
#     (the worker ends after the parent, once its input closes: its counts
#     are waited for);
#   - batch throughput of `check DIR` with --jobs 1 and 2.
# Usage: scripts/bench.sh [RUNS]   (default 10 runs per wall-time figure)
# Figures are measured, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10}
cargo build --release --quiet
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cargo run --release --quiet --example bench_plans -- "$WORK/plans"
mkdir -p "$WORK/batch"
for i in $(seq 1 20); do
  for f in samples/*.docx samples/*.xlsx samples/*.pptx samples/*.pdf; do cp "$f" "$WORK/batch/$i-$(basename "$f")"; done
done
BIN=$PWD/target/release/ssos-lint WORK=$WORK RUNS=$RUNS python3 - <<'PY'
import os, shutil, statistics, subprocess, time, tempfile, glob
BIN, WORK, RUNS = os.environ["BIN"], os.environ["WORK"], int(os.environ["RUNS"])
typical, large = f"{WORK}/plans/typical.docx", f"{WORK}/plans/large.docx"

def wall(cmd, runs=RUNS):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000

def instructions(cmd, children=False):
    """Instructions of `cmd` and, with `children`, of the processes it
    starts: (total, the first process's alone)."""
    if not shutil.which("valgrind"):
        return None
    # valgrind runs the code ~50x slower: lift the per-file time budget.
    cmd = cmd + ["--time-budget", "3600"]
    with tempfile.TemporaryDirectory() as d:
        args = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={d}/cg.%p"]
        if children:
            args.append("--trace-children=yes")
        subprocess.run(args + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # A worker writes its counts when it ends, after the parent.
        counts = {}
        deadline = time.time() + 120
        while True:
            for f in glob.glob(f"{d}/cg.*"):
                for line in open(f):
                    if line.startswith("summary:") or line.startswith("totals:"):
                        counts[f] = int(line.split()[1]); break
            if len(counts) == len(glob.glob(f"{d}/cg.*")) or time.time() > deadline:
                break
            time.sleep(0.5)
        first = counts.get(min(counts, key=lambda f: int(f.rsplit(".", 1)[1])), 0) if counts else 0
        return sum(counts.values()), first

def mi(n):
    if n is None:
        return "n/a (no valgrind)"
    total, first = n
    return f"{total / 1e6:8.1f} M instr" + (f" (parent {first / 1e6:.1f} M)" if total != first else "")

pandoc = shutil.which("pandoc")
print(f"{'per file (median of %d)' % RUNS:44} {'wall':>10}  {'pandoc -t plain':>16}  {'pandoc/ours':>11}  instructions")
for name, path in [("typical plan", typical), ("large plan (~80,000 words)", large), ("large plan, distinct sentences", f"{WORK}/plans/distinct.docx")]:
    p = wall([pandoc, "-t", "plain", path, "-o", os.devnull]) if pandoc else None
    for mode, extra, children in [("worker process", [], True), ("--in-process", ["--in-process"], False)]:
        cmd = [BIN, "check", path, "--format", "json"] + extra
        w = wall(cmd)
        ratio = f"{p / w:10.1f}x" if p else "        n/a"
        ps = f"{p:13.1f} ms" if p else "          n/a"
        print(f"{name + ', ' + mode:44} {w:7.1f} ms  {ps}  {ratio}  {mi(instructions(cmd, children))}")
missing = [BIN, "check", f"{WORK}/does-not-exist.docx", "--format", "json"]
print(f"{'start-up alone (a missing file)':44} {wall(missing):7.1f} ms  {'':16}  {'':11}  {mi(instructions(missing + ['--in-process']))}")
files = len(os.listdir(f"{WORK}/batch"))
for jobs in (1, 2):
    for mode, extra in [("worker process", []), ("--in-process", ["--in-process"])]:
        t = wall([BIN, "check", f"{WORK}/batch", "--format", "json", "--quiet", "--jobs", str(jobs)] + extra, runs=1)
        print(f"{'batch %d files, --jobs %d, %s' % (files, jobs, mode):44} {t / 1000:7.2f} s   {files / (t / 1000):8.1f} files/s")
PY
