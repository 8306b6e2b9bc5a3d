#!/usr/bin/env python3
"""The persisted benchmark with a rotating file (issue 15): fastlog's FileOutput against Logback's
RollingFileAppender and Log4j 2's RollingRandomAccessFile, each rotating every 64 MiB.

    python3 bench/rolling_bench.py --java $JAVA --jar jmh/target/benchmarks.jar \
        [--events 5000000] [--reps 3] [--rolling 67108864] [--configs platform:2,virtual:1000] \
        [--results bench/results/rolling-<date>.json] [--command 'make bench-rolling']

Systems, one JVM per run, runs interleaved (rep 1 of every system, then rep 2, ...) so drifting
machine load spreads over all of them:
  fastlog          Configuration.output(FileOutput.to(app.log).rotateAtSize(64 MiB).keep(all))
  log4j2           async loggers + JsonTemplateLayout into RollingRandomAccessFile, SizeBasedTriggeringPolicy
  logback          LLE async Disruptor appender + LogstashEncoder into RollingFileAppender, SizeAndTimeBasedRollingPolicy
and two fastlog references without rotation, to show what rotation and the file output cost:
  fastlog-file     fastlog's own file output (FileChannel, direct buffer), no rotation
  fastlog-stream   Configuration.output(new FileOutputStream(...)): the path the other benchmarks use
Nothing is compressed or deleted: every file of every run is read back, every line parsed with
Jackson and counted (PersistedBench); fastlog must have written exactly N lines (else exit 1), a
peer's losses are FINDINGs. Medians over the reps; ratios are fastlog / peer.
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys

from provenance import provenance

SYSTEMS = [  # (name in results, PersistedBench --system, extra JVM options, rotate?)
    ("fastlog", "fastlog", [], True),
    ("log4j2", "log4j2", [], True),
    ("logback", "logback", [], True),
    ("fastlog-file", "fastlog", ["-Dbench.fastlog.output=file"], False),
    ("fastlog-stream", "fastlog", [], False),
]
METRICS = ["events_per_s", "mb_per_s", "cpu_ns_per_event", "background_cpu_ns_per_event", "peak_rss_mb", "files"]


def run_one(args, name, system, jvm, rotate, kind, threads):
    d = os.path.join(args.scratch, "rolling", name)
    os.makedirs(d, exist_ok=True)
    cmd = [args.java, "-Xmx1g", "--sun-misc-unsafe-memory-access=allow", *jvm, "-cp", args.jar,
           "fastlog.bench.persisted.PersistedBench", "--system", system, "--events", str(args.events),
           "--threads", str(threads), "--kind", kind, "--file", os.path.join(d, "app.log")]
    if rotate:
        cmd += ["--rolling", str(args.rolling)]
    else:  # the same one-file layout the rotating runs start from
        for f in os.listdir(d):
            os.remove(os.path.join(d, f))
    p = subprocess.run(cmd, capture_output=True, text=True)
    res = next((json.loads(l[len("PERSISTED_RESULT "):]) for l in p.stdout.splitlines()
                if l.startswith("PERSISTED_RESULT ")), None)
    if res is None:
        err = "\n".join(l for l in p.stderr.splitlines() if "WARNING" not in l)
        return None, f"{name} {kind} t{threads}: no result (exit {p.returncode}): {err[-1500:]}"
    res["name"] = name
    res["rotating"] = rotate
    res["command"] = " ".join(cmd)
    print(f"#   {name:15s} {kind:8s} t={threads:<5d} {res['events_per_s']:>12,.0f} events/s {res['mb_per_s']:>8.1f} MB/s "
          f"files {res['files']:>3d} lines {res['lines']} ok {res['ok']}", flush=True)
    problem = None
    if not res["ok"] or p.returncode != 0:
        problem = (f"{name} {kind} t{threads}: expected {res['events']} lines, found {res['lines']} "
                   f"({res['malformed']} malformed) {res.get('first_problem') or ''} {res.get('system_check') or ''}")
    return res, problem


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--java", default="java")
    p.add_argument("--jar", default="jmh/target/benchmarks.jar")
    p.add_argument("--scratch", default=".scratch/bench")
    p.add_argument("--events", type=int, default=5_000_000)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--rolling", type=int, default=64 << 20)
    p.add_argument("--configs", default="platform:2,virtual:1000")
    p.add_argument("--results", default=None)
    p.add_argument("--command", default=None)
    args = p.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    if args.results is None:
        args.results = f"bench/results/rolling-{started:%Y-%m-%dT%H%MZ}.json"
    prov = provenance(command=args.command, java=args.java, started=started)
    load_before = [round(x, 2) for x in os.getloadavg()]
    print(f"# rolling persisted benchmark: {args.events:,} events per run, rotation every {args.rolling:,} bytes, "
          f"{args.reps} rep(s); load average {load_before[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    configs = [(c.split(":")[0], int(c.split(":")[1])) for c in args.configs.split(",")]
    runs, failures, findings = [], [], []
    for kind, threads in configs:
        for _ in range(args.reps):
            for name, system, jvm, rotate in SYSTEMS:
                res, problem = run_one(args, name, system, jvm, rotate, kind, threads)
                if res:
                    runs.append(res)
                if problem:
                    (failures if name.startswith("fastlog") or res is None else findings).append(problem)
                    print(("FAIL " if name.startswith("fastlog") else "FINDING ") + problem, flush=True)
    table = []
    for kind, threads in configs:
        row = {"config": f"{kind}_t{threads}"}
        for name, *_ in SYSTEMS:
            rs = [r for r in runs if r["name"] == name and r["kind"] == kind and r["threads"] == threads]
            if rs:
                row[name] = {m: statistics.median(r[m] for r in rs) for m in METRICS}
                row[name]["runs"] = len(rs)
                row[name]["lost_max"] = max(r["lost"] for r in rs)
        f = row.get("fastlog", {}).get("events_per_s")
        row["ratio_fastlog_over"] = {n: round(f / row[n]["events_per_s"], 2)
                                     for n, *_ in SYSTEMS if n != "fastlog" and f and n in row}
        table.append(row)
    doc = {"provenance": prov, "benchmark": "persisted, rotating every %d bytes" % args.rolling,
           "events_per_run": args.events, "reps": args.reps, "systems": {n: {"system": s, "jvm": j, "rotating": r}
                                                                     for n, s, j, r in SYSTEMS},
           "load_average_before": load_before, "load_average_after": [round(x, 2) for x in os.getloadavg()],
           "note": "shared 2-core machine; medians over interleaved reps; compare within this file only",
           "medians": table, "failures": failures, "findings": findings, "runs": runs}
    os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
    with open(args.results, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    print("\n| config | " + " | ".join(n for n, *_ in SYSTEMS) + " |")
    print("|---|" + "---|" * len(SYSTEMS))
    for row in table:
        cells = [f"{row[n]['events_per_s'] / 1e3:,.0f} k/s" if n in row else "-" for n, *_ in SYSTEMS]
        print(f"| {row['config']} | " + " | ".join(cells) + " |")
        print(f"|   fastlog / | " + " | ".join(f"{row['ratio_fastlog_over'].get(n, '-')}x" if n != "fastlog" else ""
                                            for n, *_ in SYSTEMS) + " |")
    print(f"\nload average {load_before[0]:.2f} before / {doc['load_average_after'][0]:.2f} after; "
          f"revision {prov['git_revision']}{' (dirty)' if prov['git_dirty'] else ''}; results: {args.results}")
    for x in findings:
        print("FINDING:", x)
    for x in failures:
        print("FAILURE:", x)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
