#!/usr/bin/env python3
"""The persisted benchmark's Python peers (the original prototype's): structlog, and the standard
library's logging with python-json-logger, from Debian's python3-structlog and
python3-pythonjsonlogger (structlog-orjson also needs orjson: Debian's python3-orjson, which
Debian 12 does not have). Same workload as fastlog.bench.persisted.PersistedBench: N events of the
three-field call shape from T threads into a real file, timed until everything is flushed. After
the timed part (and after peak RSS is read) every line of the file is parsed with the json module
(one JSON object per line, valid UTF-8, no repeated key, msg "request served") and counted.
Prints one line "PERSISTED_RESULT {json}" with the same fields as PersistedBench.

    /usr/bin/python3 bench/py_peers.py --system structlog|structlog-orjson|pythonjsonlogger \
        --events 200000 --threads 2 --file out.ndjson [--keep]
    /usr/bin/python3 bench/py_peers.py --probe structlog-orjson   # exit 0 if it can run here

Configuration:
  structlog         the default JSON setup: structlog.configure(processors=[add_log_level,
                    TimeStamper(fmt="iso", utc=True, key="ts"), EventRenamer("msg"), JSONRenderer()],
                    wrapper_class=make_filtering_bound_logger(INFO),
                    logger_factory=WriteLoggerFactory(file), cache_logger_on_first_use=True);
                    JSONRenderer() serializes with the standard library's json.dumps.
  structlog-orjson  as structlog's "Performance" guide recommends: the same processors, but
                    JSONRenderer(serializer=orjson.dumps) and logger_factory=BytesLoggerFactory(file)
                    (orjson renders bytes, BytesLogger writes them without encoding).
  pythonjsonlogger  logging.FileHandler + jsonlogger.JsonFormatter("%(levelname)s %(name)s
                    %(message)s", timestamp="ts", rename_fields=...); fields go in extra={...}.
All write and flush each line as it is logged (that is what their file loggers and handlers do).
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


def run_structlog_orjson(f, events, threads):
    import orjson
    import structlog
    from structlog.processors import EventRenamer

    structlog.configure(
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True, key="ts"),
            EventRenamer("msg"),
            structlog.processors.JSONRenderer(serializer=orjson.dumps),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.INFO),
        logger_factory=structlog.BytesLoggerFactory(file=f),
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


def _no_repeated_keys(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise ValueError(f"repeated key {k!r}")
        d[k] = v
    return d


def check(path, expected_msg="request served"):
    """Parses every line: one JSON object, valid UTF-8, no repeated key, the logged msg.
    Returns (lines, malformed, first problem or None)."""
    decode = json.JSONDecoder(object_pairs_hook=_no_repeated_keys).decode
    lines = malformed = 0
    first = None
    with open(path, "rb") as f:
        for raw in f:
            lines += 1
            try:
                if not raw.endswith(b"\n"):
                    raise ValueError("no newline at the end of the file")
                obj = decode(raw.decode("utf-8", errors="strict"))
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
                if obj.get("msg") != expected_msg:
                    raise ValueError(f"msg is {obj.get('msg')!r}, expected {expected_msg!r}")
            except (ValueError, UnicodeDecodeError) as e:
                malformed += 1
                if first is None:
                    first = f"line {lines}: {e}: {raw[:200]!r}"
    return lines, malformed, first


RUNNERS = {"structlog": run_structlog, "structlog-orjson": run_structlog_orjson,
           "pythonjsonlogger": run_pythonjsonlogger}
NEEDS = {"structlog": ["structlog"], "structlog-orjson": ["structlog", "orjson"],
         "pythonjsonlogger": ["pythonjsonlogger"]}


def probe(system):
    """None if the system can run with this interpreter, else why not."""
    import importlib
    for mod in NEEDS[system]:
        try:
            importlib.import_module(mod)
        except ImportError as e:
            return f"{sys.executable} cannot import {mod}: {e}"
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--system", choices=sorted(RUNNERS))
    p.add_argument("--probe", choices=sorted(RUNNERS), help="exit 0 if this system can run here, else say why")
    p.add_argument("--events", type=int, default=200_000)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--file")
    p.add_argument("--keep", action="store_true")
    a = p.parse_args()
    if a.probe:
        why = probe(a.probe)
        if why:
            print(why)
            sys.exit(1)
        sys.exit(0)
    if not a.system or not a.file:
        p.error("--system and --file are needed")
    os.makedirs(os.path.dirname(os.path.abspath(a.file)), exist_ok=True)
    binary = a.system == "structlog-orjson"
    with open(a.file, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as f:
        produce_s, total_s, cpu_s = RUNNERS[a.system](f, a.events, a.threads)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # before the check, not part of the run
    c0 = time.perf_counter()
    lines, malformed, first = check(a.file)
    check_s = time.perf_counter() - c0
    size = os.path.getsize(a.file)
    ok = lines == a.events and malformed == 0
    res = {
        "system": a.system, "kind": "platform", "threads": a.threads, "events": a.events,
        "lines": lines, "lost": max(0, a.events - lines), "malformed": malformed, "bytes": size,
        "seconds": round(total_s, 6), "produce_seconds": round(produce_s, 6),
        "events_per_s": round(a.events / total_s, 1), "mb_per_s": round(size / 1e6 / total_s, 2),
        "bytes_per_event": round(size / lines, 2) if lines else 0.0,
        "cpu_ns_per_event": round(cpu_s * 1e9 / a.events, 1),
        "peak_rss_mb": round(peak_kb / 1024.0, 1), "ok": ok,
        "check": "every line parsed (json module, repeated keys rejected)", "check_seconds": round(check_s, 2),
        "first_problem": first, "python": sys.version.split()[0],
    }
    print("PERSISTED_RESULT " + json.dumps(res), flush=True)
    if not ok:
        print(f"FINDING: {a.system}: expected {a.events} lines, found {lines} ({malformed} malformed)"
              + (f"; first: {first}" if first else ""), file=sys.stderr)
    if not a.keep:
        os.remove(a.file)


if __name__ == "__main__":
    main()
