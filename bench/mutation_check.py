#!/usr/bin/env python3
"""Runs fastlog.bench.persisted.MutationCheck for each system (each in its own JVM) and writes
the results with their provenance: how many lines showed a map's state from after the logging
call returned.

    python3 bench/mutation_check.py --java JAVA --jar jmh/target/benchmarks.jar \
        --events 100000 --out bench/results/mutation-check.json
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from provenance import provenance  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--java", required=True)
    ap.add_argument("--jar", default="jmh/target/benchmarks.jar")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    prov = provenance(command=" ".join(sys.argv), java=a.java, started=started)
    results = []
    for system in ("fastlog", "log4j2", "logback"):
        p = subprocess.run([a.java, "--sun-misc-unsafe-memory-access=allow", "-Xmx1g", "-cp", a.jar,
                            "fastlog.bench.persisted.MutationCheck", "--system", system, "--events", str(a.events)],
                           capture_output=True, text=True)
        line = next((l for l in p.stdout.splitlines() if l.startswith("MUTATION_RESULT ")), None)
        if p.returncode != 0 or line is None:
            sys.exit(f"mutation_check: {system} failed (exit {p.returncode}): {p.stderr[-1000:]}")
        r = json.loads(line[len("MUTATION_RESULT "):])
        print(f"{system:8s} {r['lines']:>8,} lines, {r['later_state']:>8,} showed the map after the call returned")
        results.append(r)
    doc = {"provenance": prov, "what": "each call logs a HashMap with seq = i, then sets seq = -1; later_state counts "
           "lines whose order.seq is not their own i (the logger read the map after the call returned)",
           "peers": {"log4j2": "MapMessage.with(\"order\", map), async loggers + JsonTemplateLayout",
                     "logback": "StructuredArguments.value(\"order\", map), logstash-logback-encoder async appender"},
           "results": results}
    with open(a.out, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
