#!/usr/bin/env python3
"""gomc and SPIN side by side on the same protocols, in one run.

Runs the mutex counter (bench/mutex_counter.go and bench/spin/mutex_counter.pml: W workers each
K=2 times Lock; n++; Unlock) for each W, and cmd/dist's background workers after the fix
(scenarios/cmd-dist/after.go and bench/spin/dist_after.pml) for each HELPERSxJOBS bound, and
prints one Markdown table: distinct states, seconds and peak resident memory of each tool, and
the ratios gomc/SPIN. Both run on one thread. gomc runs with its default reductions (symmetry) and, up to
--unreduced-up-to workers, also with --reduction none. SPIN runs with its partial-order
reduction (pan compiled with -DSAFETY), single-threaded, when `spin` and `gcc` are installed
(Debian: apt-get install spin gcc); otherwise its columns say so.

What differs between the two encodings (so read the ratios with it):
- SPIN's mutex is a test-and-set (`mu == 0 -> mu = 1`): no wait queue. gomc follows Go's
  sync.Mutex, whose FIFO queue of parked waiters is part of the state.
- dist_after.pml lets every job fail independently; after.go chooses at most one failing job
  (two failures are after_two_failures.go). So SPIN's dist space holds more behaviours.

Usage: python3 bench/compare_spin.py [--workers 4,5,6,7,8,9,10] [--dist 2x2,4x4,4x6]
         [--timeout 120] [--unreduced-up-to 6] [--gomc target/release/gomc]
Times are wall-clock on whatever machine runs it: compare within one run, not across machines.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_measured(argv, cwd=None, timeout=None):
    """Runs argv; returns (exit status or None on timeout, stdout, seconds, peak RSS in MB)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                status = None
                break
            time.sleep(0.01)
        seconds = time.monotonic() - start
        out.seek(0)
        text = out.read().decode(errors="replace")
    code = None if status is None else os.waitstatus_to_exitcode(status)
    return code, text, seconds, usage.ru_maxrss / 1024


def gomc_row(gomc, model, sets, timeout, reduction):
    # One thread, as SPIN runs here.
    argv = [gomc, "check", model, "--json", "--time-limit", f"{timeout}s", "--reduction", reduction,
            "--threads", "1"]
    for name, value in sets:
        argv += ["--set", f"{name}={value}"]
    code, text, seconds, rss = run_measured(argv, cwd=ROOT, timeout=timeout + 30)
    if code is None:
        return {"states": None, "note": f"killed after {timeout} s"}
    try:
        report = json.loads(text)
    except json.JSONDecodeError:
        return {"states": None, "note": "error: " + text.strip().splitlines()[-1]}
    stats = report["statistics"]
    return {
        "states": stats["states"],
        "seconds": stats.get("elapsed_seconds") or seconds,
        "rss": rss,
        "note": "" if report["exhaustive"] else f"not exhaustive ({report.get('stopped_by')})",
    }


def spin_row(pml, defines, timeout):
    if not (shutil.which("spin") and shutil.which("gcc")):
        return {"states": None, "note": "spin not installed"}
    work = tempfile.mkdtemp(prefix="gomc-spin-")
    try:
        shutil.copy(os.path.join(ROOT, "bench", "spin", pml), work)
        subprocess.run(["spin", *defines, "-a", pml], cwd=work, check=True, capture_output=True)
        subprocess.run(
            ["gcc", "-O2", "-w", "-DMEMLIM=12000", "-DSAFETY", "-o", "pan", "pan.c"],
            cwd=work, check=True, capture_output=True,
        )
        code, text, seconds, rss = run_measured(["./pan", "-m1000000"], cwd=work, timeout=timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stored = [line for line in text.splitlines() if "states, stored" in line]
    if code is None:
        return {"states": None, "note": f"not finished in {timeout} s"}
    if not stored:
        return {"states": None, "note": "pan failed"}
    note = ""
    if "errors: 0" not in text:
        note = "pan reported an error"
    if "reached -DMEMLIM bound" in text:
        note = "out of memory (12 GB)"
    elapsed = [line for line in text.splitlines() if line.startswith("pan: elapsed time")]
    pan_seconds = float(elapsed[0].split()[3]) if elapsed else seconds
    return {"states": int(float(stored[0].split()[0])), "seconds": pan_seconds, "rss": rss, "note": note}


def cell(row):
    if row["states"] is None:
        return f"— ({row['note']})", "", ""
    note = f" ({row['note']})" if row["note"] else ""
    return f"{row['states']:,}{note}", f"{row['seconds']:.2f} s", f"{row['rss']:.0f} MB"


def ratio(a, b, key):
    if a["states"] is None or b["states"] is None or not b[key]:
        return ""
    return f"{a[key] / b[key]:.3g}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", default="4,5,6,7,8,9,10")
    parser.add_argument("--dist", default="2x2,4x4,4x6")
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--unreduced-up-to", type=int, default=6)
    parser.add_argument("--gomc", default=None)
    args = parser.parse_args()
    gomc = args.gomc
    if gomc is None:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "gomc"], cwd=ROOT, check=True)
        gomc = os.path.join(ROOT, "target", "release", "gomc")

    print("| workload | gomc states | gomc time | gomc RSS | SPIN (POR) states | SPIN time "
          "| SPIN RSS | states gomc/SPIN | time gomc/SPIN |")
    print("|---|---|---|---|---|---|---|---|---|")

    def emit(label, ours, theirs):
        print("| " + " | ".join([label, *cell(ours), *cell(theirs),
                                  ratio(ours, theirs, "states"), ratio(ours, theirs, "seconds")]) + " |")
        sys.stdout.flush()

    for w in [int(x) for x in args.workers.split(",") if x]:
        sets = [("W", w), ("K", 2)]
        theirs = spin_row("mutex_counter.pml", [f"-DW={w}", "-DK=2"], args.timeout)
        ours = gomc_row(gomc, "bench/mutex_counter.go", sets, args.timeout, "all")
        emit(f"mutex counter W={w} K=2", ours, theirs)
        if w <= args.unreduced_up_to:
            full = gomc_row(gomc, "bench/mutex_counter.go", sets, args.timeout, "none")
            emit(f"mutex counter W={w} K=2, gomc --reduction none", full, theirs)
    for bound in [x for x in args.dist.split(",") if x]:
        helpers, jobs = bound.split("x")
        sets = [("maxbg", helpers), ("njobs", jobs)]
        theirs = spin_row("dist_after.pml", [f"-DK={helpers}", f"-DJ={jobs}", "-DNOEXITONCE"],
                          args.timeout)
        ours = gomc_row(gomc, "scenarios/cmd-dist/after.go", sets, args.timeout, "all")
        emit(f"cmd/dist after the fix, {helpers} helpers x {jobs} jobs", ours, theirs)


if __name__ == "__main__":
    main()
