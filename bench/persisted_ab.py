#!/usr/bin/env python3
"""A/B of the persisted benchmark (PersistedBench: fastlog, N platform threads, every line written
to a file and parsed back) between two benchmark jars, alternated round by round so that machine
noise lands on both, with medians of the whole-process CPU per event, cold and warm passes.

    python3 bench/persisted_ab.py --java JAVA --before OLD.jar --after NEW.jar \
        --rounds 6 --events 5000000 --label wakeup --out bench/results/persisted-ab-wakeup.json

A run whose lines did not all parse back (`ok` false, lines lost or malformed), or that did not end
within --timeout seconds (its writer and producer stacks are kept), is kept in the file and left out
of the medians. The results file records the git revision, date, machine and command.
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from provenance import provenance  # noqa: E402

FIELDS = ("cpu_ns_per_event", "producer_cpu_ns_per_event", "background_cpu_ns_per_event",
          "warm_cpu_ns_per_event", "warm_producer_cpu_ns_per_event", "warm_background_cpu_ns_per_event")


def run(java, jar, args):
    cmd = [java, "-Xmx1g", "--sun-misc-unsafe-memory-access=allow", "-cp", jar,
           "fastlog.bench.persisted.PersistedBench", "--system", "fastlog", "--events", str(args.events),
           "--threads", str(args.threads), "--kind", "platform", "--file", args.file, "--passes", "2"]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = p.communicate(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        # A run that stops making progress: keep the stuck threads' stacks as the evidence.
        stack = subprocess.run([os.path.join(os.path.dirname(java), "jstack"), str(p.pid)],
                               capture_output=True, text=True).stdout
        p.kill()
        p.communicate()
        return {"ok": False, "timed_out_after_s": args.timeout, "fastlog_threads": fastlog_stacks(stack)}
    for line in stdout.splitlines():
        if line.startswith("PERSISTED_RESULT "):
            return json.loads(line[len("PERSISTED_RESULT "):])
    return {"ok": False, "exit_code": p.returncode, "stderr_tail": stderr[-2000:]}


def fastlog_stacks(jstack_output):
    """The stacks of the writer and producer threads from a jstack dump."""
    keep = []
    for block in jstack_output.split("\n\n"):
        if block.startswith('"fastlog-writer"') or block.startswith('"producer-'):
            keep.append(block.strip())
    return keep


def medians(runs):
    ok = [r["result"] for r in runs if r["result"].get("ok")]
    out = {f: round(statistics.median(r[f] for r in ok), 1) for f in FIELDS} if ok else {}
    out.update(runs=len(runs), runs_ok=len(ok))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--java", required=True)
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--events", type=int, default=5_000_000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--file", default="/tmp/persisted-ab.ndjson")
    ap.add_argument("--timeout", type=int, default=300, help="seconds before a run counts as stuck")
    ap.add_argument("--label", default="")
    ap.add_argument("--what", default="")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    doc = {"what": args.what, "label": args.label,
           "provenance": provenance(command=" ".join(sys.argv), java=args.java, started=started),
           "before": args.before, "after": args.after, "runs": []}
    for rnd in range(1, args.rounds + 1):
        order = [("before", args.before), ("after", args.after)]
        if rnd % 2 == 0:
            order.reverse()
        for side, jar in order:
            load = os.getloadavg()[0]
            result = run(args.java, jar, args)
            doc["runs"].append({"round": rnd, "side": side, "load": round(load, 2), "result": result})
            print(f"round {rnd} {side}: cpu/event {result.get('cpu_ns_per_event')} "
                  f"warm {result.get('warm_cpu_ns_per_event')} ok {result.get('ok')}", flush=True)
            try:
                os.remove(args.file)
            except OSError:
                pass
    doc["medians"] = {side: medians([r for r in doc["runs"] if r["side"] == side]) for side in ("before", "after")}
    with open(args.out, "w") as f:
        json.dump(doc, f, indent=1)
    print(json.dumps(doc["medians"], indent=1))


if __name__ == "__main__":
    main()
