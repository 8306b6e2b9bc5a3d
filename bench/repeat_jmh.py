#!/usr/bin/env python3
"""Repeats one JMH selection in rounds and reports, per benchmark and parameter set, the median
over rounds of the wall time per op, of the measuring thread's CPU time per op (where the
benchmark has CPU-time aux counters) and of the calling thread's allocation per op.

    python3 bench/repeat_jmh.py --java JAVA --jar jmh/target/benchmarks.jar \
        --regex 'JsonRenderBenchmark' -p shape=threeFields,tenFields -p redaction=none,default,twoRegexes \
        --rounds 5 --label redaction-cost --out bench/results/redaction-cost.json

On a shared machine the load drifts during a long run; one JMH invocation per round, with every
benchmark of the selection in each round, spreads that drift over all of them, and the median
over rounds discards a round that was disturbed. The results file records the git revision, date,
machine, the exact command and every round's figures.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ab import git, machine, total  # noqa: E402


def run(java, jar, regex, params, jmh_opts):
    fd, out = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    cmd = [java, "-Djmh.ignoreLock=true", "--sun-misc-unsafe-memory-access=allow", "-jar", jar, regex, *jmh_opts,
           "-prof", "gc", "-rf", "json", "-rff", out,
           "-jvmArgsAppend", "--sun-misc-unsafe-memory-access=allow -Xmx1g"]
    for p in params:
        cmd += ["-p", p]
    print("#", " ".join(shlex.quote(c) for c in cmd), flush=True)
    rc = subprocess.call(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if rc != 0:
        sys.exit(f"repeat_jmh: JMH failed (exit {rc})")
    with open(out) as f:
        data = json.load(f)
    os.unlink(out)
    res = {}
    for e in data:
        key = e["benchmark"].rsplit(".", 2)[-2] + "." + e["benchmark"].rsplit(".", 1)[1]
        ps = ",".join(f"{k}={v}" for k, v in sorted(e.get("params", {}).items()))
        if ps:
            key += f" [{ps}]"
        sec = e.get("secondaryMetrics", {})
        row = {"ns_per_op": e["primaryMetric"]["score"]}
        for cpu, ops in (("cpuNanos", "renders"), ("callerCpuNanos", "callerCalls")):
            if cpu in sec and total(sec.get(ops)) > 0:
                row["cpu_ns_per_op"] = total(sec[cpu]) / total(sec[ops])
        if "callerBytes" in sec and total(sec.get("callerCalls")) > 0:
            row["caller_bytes_per_op"] = total(sec["callerBytes"]) / total(sec["callerCalls"])
        if "gc.alloc.rate.norm" in sec:
            row["alloc_per_op_all_threads"] = sec["gc.alloc.rate.norm"]["score"]
        res[key] = row
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--java", required=True)
    ap.add_argument("--jar", required=True)
    ap.add_argument("--regex", required=True)
    ap.add_argument("-p", action="append", default=[], help="JMH parameter, e.g. system=fastlog")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--jmh", default="-f 1 -wi 3 -w 1s -i 5 -r 1s", help="JMH run options")
    ap.add_argument("--label", default="")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    t0 = time.time()
    load_before = os.getloadavg()
    samples = {}
    for _ in range(a.rounds):
        for k, v in run(a.java, a.jar, a.regex, a.p, shlex.split(a.jmh)).items():
            samples.setdefault(k, []).append(v)
    rows = []
    for k in sorted(samples):
        s = samples[k]
        row = {"benchmark": k}
        for metric in ("ns_per_op", "cpu_ns_per_op", "caller_bytes_per_op", "alloc_per_op_all_threads"):
            vals = [x[metric] for x in s if metric in x]
            if vals:
                row[metric] = statistics.median(vals)
                row[metric + "_rounds"] = vals
        rows.append(row)
    print(f"\n{'benchmark':70} {'ns/op':>9} {'cpu ns/op':>10} {'B/op caller':>11}")
    for r in rows:
        cpu = f"{r['cpu_ns_per_op']:.1f}" if "cpu_ns_per_op" in r else "-"
        b = f"{r['caller_bytes_per_op']:.1f}" if "caller_bytes_per_op" in r else "-"
        print(f"{r['benchmark']:70} {r['ns_per_op']:9.1f} {cpu:>10} {b:>11}")
    doc = {"label": a.label, "revision": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain")),
           "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t0)),
           "command": " ".join(shlex.quote(c) for c in sys.argv), "machine": machine(),
           "java": subprocess.run([a.java, "-version"], capture_output=True, text=True).stderr.splitlines()[0],
           "jar": a.jar, "rounds": a.rounds, "jmh_options": a.jmh, "seconds": round(time.time() - t0),
           "load_average_before": list(load_before), "load_average_after": list(os.getloadavg()),
           "results": rows}
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as f:
        json.dump(doc, f, indent=1)
    print(f"\nwrote {a.out}")


if __name__ == "__main__":
    main()
