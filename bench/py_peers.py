#!/usr/bin/env python3
"""The persisted benchmark's Python peers (the original prototype's): structlog, and the standard
library's logging with python-json-logger, from Debian's python3-structlog and
python3-pythonjsonlogger. Same workload as fastlog.bench.persisted.PersistedBench: N events of the
three-field call shape from T threads into a real file, timed until everything is flushed; then the
file's lines are counted. Prints one line "PERSISTED_RESULT {json}" with the same fields.

    /usr/bin/python3 bench/py_peers.py --system structlog|pythonjsonlogger \
        --events 200000 --threads 2 --file out.ndjson [--keep]

Configuration, each as its documentation shows for JSON to a file:
  structlog         structlog.configure(processors=[add_log_level, TimeStamper(fmt="iso", utc=True,
                    key="ts"), EventRenamer("msg"), JSONRenderer()], wrapper_class=
                    make_filtering_bound_logger(INFO), logger_factory=WriteLoggerFactory(file),
                    cache_logger_on_first_use=True); fields are keyword arguments.
  pythonjsonlogger  logging.FileHandler + jsonlogger.JsonFormatter("%(levelname)s %(name)s
                    %(message)s", timestamp="ts", rename_fields=...); fields go in extra={...}.
Both write and flush each line as it is logged (that is what their file handlers do).
"""
import argparse
import json
import logging
import os
import resource
import sys
import threading
import time


def run_structlog(f, events, threads):
    import structlog
    from structlog.processors import EventRenamer

    structlog.configure(
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True, key="ts"),
            EventRenamer("msg"),
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.INFO),
        logger_factory=structlog.WriteLoggerFactory(file=f),
        cache_logger_on_first_use=True,
    )
    log = structlog.get_logger().bind(logger="bench.auth")

    def work(count):
        for i in range(count):
            log.info("request served", status=200, path="/api/orders", ms=0.25 * (i & 1023))

    return run_threads(work, events, threads, f.flush)


def run_pythonjsonlogger(f, events, threads):
    from pythonjsonlogger import jsonlogger

    handler = logging.StreamHandler(f)  # FileHandler over our already-open file
    handler.setFormatter(jsonlogger.JsonFormatter(
        "%(levelname)s %(name)s %(message)s", timestamp="ts",
        rename_fields={"levelname": "level", "name": "logger", "message": "msg"}))
    log = logging.getLogger("bench.auth")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False

    def work(count):
        for i in range(count):
            log.info("request served", extra={"status": 200, "path": "/api/orders", "ms": 0.25 * (i & 1023)})

    return run_threads(work, events, threads, handler.flush)


def run_threads(work, events, threads, flush):
    each, extra = divmod(events, threads)
    go = threading.Event()

    def body(count):
        go.wait()
        work(count)

    ts = [threading.Thread(target=body, args=(each + (1 if p < extra else 0),)) for p in range(threads)]
    for t in ts:
        t.start()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    go.set()
    for t in ts:
        t.join()
    produced = time.perf_counter()
    flush()
    done = time.perf_counter()
    return produced - t0, done - t0, time.process_time() - cpu0


def check(path):
    """Counts lines; a line is malformed unless it starts with '{' and ends with '}'."""
    lines = malformed = 0
    with open(path, "rb") as f:
        for line in f:
            lines += 1
            if not (line.startswith(b"{") and line.endswith(b"}\n")):
                malformed += 1
    return lines, malformed


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--system", required=True, choices=["structlog", "pythonjsonlogger"])
    p.add_argument("--events", type=int, default=200_000)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--file", required=True)
    p.add_argument("--keep", action="store_true")
    a = p.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(a.file)), exist_ok=True)
    with open(a.file, "w", encoding="utf-8") as f:
        run = run_structlog if a.system == "structlog" else run_pythonjsonlogger
        produce_s, total_s, cpu_s = run(f, a.events, a.threads)
    lines, malformed = check(a.file)
    size = os.path.getsize(a.file)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ok = lines == a.events and malformed == 0
    res = {
        "system": a.system, "kind": "platform", "threads": a.threads, "events": a.events,
        "lines": lines, "lost": max(0, a.events - lines), "malformed": malformed, "bytes": size,
        "seconds": round(total_s, 6), "produce_seconds": round(produce_s, 6),
        "events_per_s": round(a.events / total_s, 1), "mb_per_s": round(size / 1e6 / total_s, 2),
        "bytes_per_event": round(size / lines, 2) if lines else 0.0,
        "cpu_ns_per_event": round(cpu_s * 1e9 / a.events, 1),
        "peak_rss_mb": round(peak_kb / 1024.0, 1), "ok": ok,
        "python": sys.version.split()[0],
    }
    print("PERSISTED_RESULT " + json.dumps(res), flush=True)
    if not ok:
        print(f"FINDING: {a.system}: expected {a.events} lines, found {lines} ({malformed} malformed)",
              file=sys.stderr)
    if not a.keep:
        os.remove(a.file)


if __name__ == "__main__":
    main()
