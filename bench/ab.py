#!/usr/bin/env python3
"""A/B: the same JMH benchmarks from two benchmark jars (before and after a change), alternated
in one run so that machine noise lands on both, with medians and after/before ratios.

    python3 bench/ab.py --java JAVA --before OLD.jar --after NEW.jar \
        --regex 'LoggerCallerCostBenchmark|JsonRenderBenchmark' -p system=fastlog \
        --rounds 3 --label issue-11 --out bench/results/ab-issue-11.json

Each round runs the before jar, then the after jar (the order flips every round), each with
`-prof gc`. Where the benchmarks have CPU-time aux counters (JsonRenderBenchmark's cpuNanos/renders,
LoggerCallerCostBenchmark's callerCpuNanos/callerCalls), the measuring thread's CPU time per
operation is reported beside the wall time: on a loaded machine it is much less sensitive to time
the thread spent descheduled. The results file records the git revision, date, machine and the
exact command.
"""
import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def machine():
    info = {"nproc": os.cpu_count(), "platform": platform.platform()}
    try:
        with open("/proc/meminfo") as f:
            info["mem_total"] = f.readline().split(":", 1)[1].strip()
        with open("/proc/cpuinfo") as f:
            info["cpu"] = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "?")
    except OSError:
        pass
    return info


def git(*args):
    try:
        return subprocess.check_output(["git", *args], text=True, stderr=subprocess.DEVNULL).strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def total(metric):
    return sum(v for fork in (metric or {}).get("rawData", []) for v in fork)


def cpu_per_op(sec):
    """The measuring thread's CPU time per operation, from the benchmarks' aux counters (if any)."""
    for cpu, ops in (("cpuNanos", "renders"), ("callerCpuNanos", "callerCalls")):
        if cpu in sec and total(sec.get(ops)) > 0:
            return total(sec[cpu]) / total(sec[ops])
    return None


def run(java, jar, regex, params, jmh_opts, key_params=None):
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
        sys.exit(f"ab: JMH failed (exit {rc}) for {jar}")
    with open(out) as f:
        data = json.load(f)
    os.unlink(out)
    res = {}
    for e in data:
        key = e["benchmark"].rsplit(".", 2)[-2] + "." + e["benchmark"].rsplit(".", 1)[1]
        ps = ",".join(f"{k}={v}" for k, v in sorted(e.get("params", {}).items())
                      if key_params is None or k in key_params)
        if ps:
            key += f" [{ps}]"
        sec = e.get("secondaryMetrics", {})
        res[key] = {"ns_per_op": e["primaryMetric"]["score"],
                    "alloc_per_op": sec.get("gc.alloc.rate.norm", {}).get("score"),
                    "cpu_ns_per_op": cpu_per_op(sec)}
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--java", required=True)
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--regex", required=True)
    ap.add_argument("-p", action="append", default=[], help="JMH parameter, e.g. system=fastlog")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jmh", default="-f 1 -wi 3 -w 1s -i 5 -r 1s", help="JMH run options")
    ap.add_argument("--label", default="")
    ap.add_argument("--out", required=True)
    ap.add_argument("--key-params", default=None,
                    help="comma-separated JMH params that identify a result (default: all); use it when one jar "
                         "has a parameter the other lacks, e.g. --key-params shape,system")
    a = ap.parse_args()
    opts = shlex.split(a.jmh)
    samples = {"before": {}, "after": {}}
    t0 = time.time()
    for r in range(a.rounds):
        order = ["before", "after"] if r % 2 == 0 else ["after", "before"]
        for side in order:
            key_params = set(a.key_params.split(",")) if a.key_params else None
            for k, v in run(a.java, getattr(a, side), a.regex, a.p, opts, key_params).items():
                samples[side].setdefault(k, []).append(v)
    rows = []
    for k in sorted(samples["before"]):
        b = samples["before"][k]
        f = samples["after"].get(k, [])
        if not f:
            continue
        bn = statistics.median(x["ns_per_op"] for x in b)
        fn = statistics.median(x["ns_per_op"] for x in f)
        ba = [x["alloc_per_op"] for x in b if x["alloc_per_op"] is not None]
        fa = [x["alloc_per_op"] for x in f if x["alloc_per_op"] is not None]
        bc = [x["cpu_ns_per_op"] for x in b if x.get("cpu_ns_per_op") is not None]
        fc = [x["cpu_ns_per_op"] for x in f if x.get("cpu_ns_per_op") is not None]
        bcm = statistics.median(bc) if bc else None
        fcm = statistics.median(fc) if fc else None
        rows.append({"benchmark": k, "before_ns": bn, "after_ns": fn, "ratio": fn / bn,
                     "before_cpu_ns": bcm, "after_cpu_ns": fcm,
                     "cpu_ratio": fcm / bcm if bcm and fcm else None,
                     "before_alloc_B": statistics.median(ba) if ba else None,
                     "after_alloc_B": statistics.median(fa) if fa else None,
                     "before_samples_ns": [x["ns_per_op"] for x in b],
                     "after_samples_ns": [x["ns_per_op"] for x in f],
                     "before_samples_cpu_ns": bc, "after_samples_cpu_ns": fc})
    print(f"\n{'benchmark':52} {'before ns':>10} {'after ns':>9} {'ratio':>6} {'cpu before':>10} {'cpu after':>9}"
          f" {'ratio':>6} {'B/op before':>11} {'after':>6}")
    for r in rows:
        ab = f"{r['before_alloc_B']:.1f}" if r["before_alloc_B"] is not None else "-"
        aa = f"{r['after_alloc_B']:.1f}" if r["after_alloc_B"] is not None else "-"
        cb = f"{r['before_cpu_ns']:.1f}" if r["before_cpu_ns"] is not None else "-"
        ca = f"{r['after_cpu_ns']:.1f}" if r["after_cpu_ns"] is not None else "-"
        cr = f"{r['cpu_ratio']:.3f}" if r["cpu_ratio"] is not None else "-"
        print(f"{r['benchmark']:52} {r['before_ns']:10.1f} {r['after_ns']:9.1f} {r['ratio']:6.3f} {cb:>10} {ca:>9}"
              f" {cr:>6} {ab:>11} {aa:>6}")
    doc = {"label": a.label, "revision": git("rev-parse", "HEAD"),
           "dirty": bool(git("status", "--porcelain")), "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "command": " ".join(shlex.quote(c) for c in sys.argv), "machine": machine(),
           "java": subprocess.run([a.java, "-version"], capture_output=True, text=True).stderr.splitlines()[0],
           "before_jar": a.before, "after_jar": a.after, "rounds": a.rounds, "jmh_options": a.jmh,
           "seconds": round(time.time() - t0), "results": rows}
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as f:
        json.dump(doc, f, indent=1)
    print(f"\nwrote {a.out}")


if __name__ == "__main__":
    main()
