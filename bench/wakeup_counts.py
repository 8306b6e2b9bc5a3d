#!/usr/bin/env python3
"""Counts of the writer's wake-ups (waker unparks, writer passes, writer parks) per revision, under
a bursty load that lets the writer go IDLE between bursts and a steady one that keeps it busy.
Counts, not timings: they explain an A/B that this 2-core machine's noise cannot settle.

    python3 bench/wakeup_counts.py --java JAVA --revisions 349536e a675918 \
        --out bench/results/wakeup-counts-2026-12-02.json

For each revision: a git worktree under .scratch/, its WriterThread.java patched with counters
(a LongAdder incremented before every LockSupport.unpark(thread), plain counters of the writer's
passes and parks, printed by a shutdown hook), the core compiled (`mvn compile`), and
bench/wakeup/WakeupLoad.java run --reps times per load. The patch is for this measurement only.
The results file records the git revision, date, machine and command.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from provenance import provenance  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WRITER = "src/main/java/fastlog/internal/pipeline/WriterThread.java"
LOADS = {"burst": ["burst", "16", "2000"], "steady": ["steady", "2", "2500000"]}


def instrument(source):
    """WriterThread with counters: waker unparks, writer passes, writer parks."""
    head = "public final class WriterThread implements Runnable {\n"
    counters = (head +
                "    static final java.util.concurrent.atomic.LongAdder UNPARKS = new java.util.concurrent.atomic.LongAdder();\n"
                "    static long passes, parks;\n"
                "    static {\n"
                "        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(\n"
                "                \"WAKEUP_COUNTS unparks=\" + UNPARKS.sum() + \" passes=\" + passes + \" parks=\" + parks)));\n"
                "    }\n")
    steps = [(head, counters),
             ("            int events = 0;\n", "            int events = 0;\n            passes++;\n"),
             ("LockSupport.parkNanos(this, lingerNanos);", "parks++; LockSupport.parkNanos(this, lingerNanos);"),
             ("LockSupport.parkNanos(this, IDLE_RECHECK_NANOS);", "parks++; LockSupport.parkNanos(this, IDLE_RECHECK_NANOS);"),
             ("LockSupport.unpark(thread);", "UNPARKS.increment(); LockSupport.unpark(thread);")]
    for old, new in steps:
        if old not in source:
            raise SystemExit("WriterThread.java does not have the expected line: " + old.strip())
        source = source.replace(old, new)
    return source


def build(rev, java, scratch):
    tree = os.path.join(scratch, "wakeup-" + rev)
    subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=ROOT, capture_output=True)
    subprocess.run(["git", "worktree", "add", "--detach", tree, rev], cwd=ROOT, check=True, capture_output=True)
    path = os.path.join(tree, WRITER)
    with open(path) as f:
        patched = instrument(f.read())
    with open(path, "w") as f:
        f.write(patched)
    env = dict(os.environ, JAVA_HOME=os.path.dirname(os.path.dirname(java)))
    subprocess.run(["mvn", "-B", "-q", "-Dstyle.color=never", "compile"], cwd=tree, env=env, check=True)
    classes = os.path.join(tree, "target", "classes")
    out = os.path.join(tree, "target", "wakeup-load")
    os.makedirs(out, exist_ok=True)
    subprocess.run([os.path.join(os.path.dirname(java), "javac"), "-d", out, "-cp", classes,
                    os.path.join(ROOT, "bench", "wakeup", "WakeupLoad.java")], check=True)
    return tree, classes + os.pathsep + out


def run(java, classpath, load):
    p = subprocess.run([java, "-cp", classpath, "WakeupLoad", *LOADS[load]],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=600)
    counts = dict(re.findall(r"(\w+)=(\d+)", " ".join(
        l for l in p.stderr.splitlines() if l.startswith(("WAKEUP_COUNTS", "WAKEUP_LOAD")))))
    counts = {k: int(v) for k, v in counts.items()}
    if p.returncode != 0 or set(counts) != {"events", "unparks", "passes", "parks"}:
        raise SystemExit("run failed (%d): %s" % (p.returncode, p.stderr[-2000:]))
    counts["unparks_per_1000_events"] = round(1000 * counts["unparks"] / counts["events"], 3)
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--java", required=True)
    ap.add_argument("--revisions", nargs="+", required=True)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    doc = {"provenance": provenance(command="python3 bench/wakeup_counts.py", java=args.java),
           "loads": {k: " ".join(v) + " (mode, platform threads, events per thread)" for k, v in LOADS.items()},
           "runs": []}
    scratch = os.path.join(ROOT, ".scratch")
    os.makedirs(scratch, exist_ok=True)
    trees = {}
    try:
        for rev in args.revisions:
            trees[rev] = build(rev, args.java, scratch)
        for rep in range(args.reps):
            for load in LOADS:
                for rev in args.revisions:  # alternated, as the A/B scripts do
                    counts = run(args.java, trees[rev][1], load)
                    print(rev, load, counts, flush=True)
                    doc["runs"].append({"revision": rev, "load": load, "rep": rep + 1, **counts})
    finally:
        for tree, _ in trees.values():
            subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=ROOT, capture_output=True)
    with open(args.out, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
