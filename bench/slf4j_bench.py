"""The SLF4J section of `make bench` / `make bench-quick` (issue 12, section 4), run by run_bench.py
in the same run as the other benchmarks.

The same SLF4J 2 calls (jmh/src/main/java/fastlog/bench/slf4j/Slf4jCalls.java), through three
providers, each in its own JMH fork bound by -Dslf4j.provider and checked (Slf4jSystem.bind: the
fork fails if SLF4J bound anything else):
  fastlog   fastlog-slf4j in front of fastlog (defaults, file output)
  logback   Logback 1.6.6 (SLF4J's native implementation) + logstash-logback-encoder 9.0 behind
            its async Disruptor appender, key/value-pairs and structured-arguments providers on
  log4j2    log4j-slf4j2-impl 2.26.1 into Log4j 2 async loggers (Disruptor 3.4.4) + JsonTemplateLayout

Shapes: classic  log.info("user {} logged in", 48213)
        fluent1  log.atInfo().addKeyValue("user_id", 48213).log("user login")
        fluent3  log.atInfo().addKeyValue("status", 200).addKeyValue("path", "/api/orders")
                    .addKeyValue("ms", 12.5).log("request served")
        disabled log.debug("cache probe {}", 48213) with the level at INFO (caller cost only)

Benchmarks (RESULT lines, bench names start with slf4j_):
  slf4j_caller_<shape>_<t1|t2>      Slf4jCallerCostBenchmark: the caller's cost while the writer keeps
                                    up (bursts of 1,000, drained outside the measurement); B/op is the
                                    calling thread's allocation, alloc_per_op_all_threads -prof gc's,
                                    cpu_ns_per_op the calling thread's CPU time per call (steadier than
                                    ns/op when the machine is loaded: a thread waiting for a core uses none).
  slf4j_saturation_<shape>_<t1|t2>  Slf4jSaturationBenchmark: as fast as possible (writer-bound).

Checks: every fork checks its binding and the lines its system writes for every shape
(Slf4jOutputCheck, against the same expected fields); after every iteration fastlog checks that
nothing was dropped or lost and that its file holds exactly the lines logged. Here, the lines the
three systems wrote (slf4j-sample-<system>.ndjson in the scratch directory) are compared with each
other: the same message text and the same fields with the same values, Log4j's pair values being
strings (log4j-slf4j2-impl stores String.valueOf(value) in the ThreadContext) the one documented
difference. A difference fails the run.
"""
import json
import os

SYSTEMS = ["fastlog", "log4j2", "logback"]
SHAPES = ["classic", "fluent1", "fluent3", "disabled"]
WRITER_SHAPES = ["classic", "fluent1", "fluent3"]

MODES = {
    "quick": {"caller": [("t1", SHAPES)], "saturation": [("t1", WRITER_SHAPES)]},
    "full": {"caller": [("t1", SHAPES), ("t2", WRITER_SHAPES)],
             "saturation": [("t1", WRITER_SHAPES), ("t2", WRITER_SHAPES)]},
}

CONFIG = {
    "fastlog": "fastlog-slf4j + fastlog (defaults: queue 65,536, BLOCK, file output)",
    "logback": "Logback 1.6.6 + logstash-logback-encoder 9.0 LoggingEventAsyncDisruptorAppender (ring 8,192, "
               "appendTimeout=-1) + FileAppender(immediateFlush=false) + LogstashEncoder (includeKeyValuePairs, "
               "includeStructuredArguments; jmh/src/main/resources/bench-slf4j-logback.xml)",
    "log4j2": "log4j-slf4j2-impl 2.26.1 + Log4j 2.26.1 AsyncLoggerContextSelector (Disruptor 3.4.4, ring 256 Ki) + "
              "RandomAccessFile(immediateFlush=false) + JsonTemplateLayout (message + ThreadContext flattened; "
              "jmh/src/main/resources/bench-slf4j-log4j2.xml, bench-slf4j-log4j2-template.json)",
}


def run_jmh(run):
    """Runs the SLF4J JMH benchmarks of run's mode and records them (run is run_bench.Run)."""
    mode = MODES[run.args.mode]
    for s in SYSTEMS:  # written anew by this run's forks; an old one must not pass the comparison
        try:
            os.remove(os.path.join(run.args.scratch, f"slf4j-sample-{s}.ndjson"))
        except OSError:
            pass
    for suffix, shapes in mode["caller"]:
        threads = 1 if suffix == "t1" else 2
        regex = r"Slf4jCallerCostBenchmark\.(" + "|".join(shapes) + r")$"
        for e in run.jmh(f"slf4j-caller-{suffix}", regex, threads, suffix.startswith("vt"),
                         expected=[(sh, s) for sh in shapes for s in SYSTEMS]):
            shape, system = e["benchmark"].rsplit(".", 1)[1], e["params"]["system"]
            bench = f"slf4j_caller_{shape}_{suffix}"
            run.record(bench, system, "ns_per_op", _median_raw(e["primaryMetric"]))
            sec = e.get("secondaryMetrics", {})
            calls = _sum_raw(sec.get("callerCalls"))
            if calls:
                run.record(bench, system, "bytes_per_op", _sum_raw(sec.get("callerBytes")) / calls)
            cpu_calls = _sum_raw(sec.get("callerCpuCalls"))
            if cpu_calls:
                run.record(bench, system, "cpu_ns_per_op", _sum_raw(sec.get("callerCpuNanos")) / cpu_calls, "ns")
            if "gc.alloc.rate.norm" in sec:
                run.record(bench, system, "alloc_per_op_all_threads", _median_raw(sec["gc.alloc.rate.norm"]))
    for suffix, shapes in mode["saturation"]:
        threads = 1 if suffix == "t1" else 2
        regex = r"Slf4jSaturationBenchmark\.(" + "|".join(shapes) + r")$"
        for e in run.jmh(f"slf4j-saturation-{suffix}", regex, threads, suffix.startswith("vt"),
                         expected=[(sh, s) for sh in shapes for s in SYSTEMS]):
            shape, system = e["benchmark"].rsplit(".", 1)[1], e["params"]["system"]
            bench = f"slf4j_saturation_{shape}_{suffix}"
            ns = _median_raw(e["primaryMetric"])
            run.record(bench, system, "ns_per_op", ns)
            run.record(bench, system, "events_per_s", threads * 1e9 / ns)
            sec = e.get("secondaryMetrics", {})
            if "gc.alloc.rate.norm" in sec:
                run.record(bench, system, "alloc_per_op_all_threads", _median_raw(sec["gc.alloc.rate.norm"]))
    run.slf4j_output = compare_outputs(run)


def compare_outputs(run):
    """Compares the lines the three systems wrote for the same calls; a difference is a failure."""
    samples = {}
    for s in SYSTEMS:
        path = os.path.join(run.args.scratch, f"slf4j-sample-{s}.ndjson")
        try:
            with open(path, encoding="utf-8") as f:
                samples[s] = [l.rstrip("\n") for l in f if l.strip()]
        except OSError as e:
            run.failures.append(f"SLF4J output check: no sample from {s} ({e})")
            print(f"FAIL SLF4J output check: no sample from {s}", flush=True)
    report = {"systems": CONFIG, "lines": samples, "differences": [],
              "type_differences": "log4j2 writes SLF4J key/value pair values as JSON strings "
                                  "(log4j-slf4j2-impl puts String.valueOf(value) into the ThreadContext); "
                                  "key order differs (Log4j sorts the ThreadContext; logstash-logback-encoder "
                                  "writes msg before logger and level)"}
    if "fastlog" not in samples:
        return report
    ref = [_fields(l) for l in samples["fastlog"]]
    for s, lines in samples.items():
        if s == "fastlog":
            continue
        if len(lines) != len(ref):
            report["differences"].append(f"{s}: {len(lines)} lines, fastlog {len(ref)}")
            continue
        for i, (line, want) in enumerate(zip(lines, ref)):
            got = _fields(line)
            if isinstance(got, str) or isinstance(want, str):
                report["differences"].append(f"{s} line {i + 1}: {got if isinstance(got, str) else want}")
                continue
            if s == "log4j2":  # pair values as strings: compare with fastlog's value as Log4j prints it
                want = {k: (v if k in ("level", "logger", "msg") else _java_string(v)) for k, v in want.items()}
            if got != want:
                report["differences"].append(f"{s} line {i + 1}: {json.dumps(got)} != fastlog's {json.dumps(want)}")
    for d in report["differences"]:
        run.failures.append("SLF4J output check: " + d)
        print("FAIL SLF4J output check: " + d, flush=True)
    if not report["differences"]:
        print(f"# SLF4J output check: {', '.join(samples)} wrote the same message text and fields for "
              f"{len(ref)} calls (Log4j: pair values as strings)", flush=True)
    return report


def _fields(line):
    """The line's fields without ts, or a string saying what is wrong."""
    def no_dups(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("repeated key")
        return dict(pairs)
    try:
        d = json.loads(line, object_pairs_hook=no_dups)
    except ValueError as e:
        return f"not valid JSON ({e}): {line[:200]}"
    if not isinstance(d, dict) or not isinstance(d.pop("ts", None), str):
        return f"not an object with a ts: {line[:200]}"
    return d


def _java_string(v):
    """String.valueOf(v) for the values the calls pass (Integer, Double, String)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)  # 12.5 -> "12.5", as Double.toString
    return str(v)


def table_groups(benches):
    """The tables for run_bench.Run.tables()."""
    return [
        ("SLF4J calls: caller cost per call (writer keeps up), median ns/op; cpu_ns_per_op = calling thread's CPU "
         "time per call; B/op = calling thread's allocation",
         [b for b in benches if b.startswith("slf4j_caller_")],
         ["ns_per_op", "cpu_ns_per_op", "bytes_per_op", "alloc_per_op_all_threads"]),
        ("SLF4J calls: saturation (queue full: writer-bound), median ns/op per call and events/s",
         [b for b in benches if b.startswith("slf4j_saturation_")],
         ["ns_per_op", "events_per_s", "alloc_per_op_all_threads"]),
    ]


def goals(run):
    """Issue 12's goals for the SLF4J calls (benchmark goals, not assertions)."""
    g = []
    for shape in WRITER_SHAPES:
        bench = f"slf4j_caller_{shape}_t1"
        f = run.value(bench, "fastlog", "ns_per_op")
        for peer in ("log4j2", "logback"):
            p = run.value(bench, peer, "ns_per_op")
            if f and p:
                fc, pc = run.value(bench, "fastlog", "cpu_ns_per_op"), run.value(bench, peer, "cpu_ns_per_op")
                cpu = f"; caller CPU time {pc / fc:.1f}x" if fc and pc else ""
                g.append({"goal": f"SLF4J {shape}: {peer} caller cost / fastlog's, 1 thread",
                          "measured": f"{p / f:.1f}x (ns/op){cpu}", "target": ">= 3x", "met": p / f >= 3,
                          "note": "met/missed judged on ns/op"})
    b = run.value("slf4j_caller_classic_t1", "fastlog", "bytes_per_op")
    if b is not None:
        g.append({"goal": "SLF4J classic call: fastlog caller allocation beyond SLF4J's boxing of 48213",
                  "measured": f"{b:.1f} B/op (16 B of it the Integer)", "target": "<= 16 B/op",
                  "met": b < 16.5, "note": "16 B = the Integer SLF4J's Object parameter forces"})
    return g


def _median_raw(metric):
    vals = sorted(v for fork in metric.get("rawData", []) for v in fork)
    if not vals:
        return metric["score"]
    n = len(vals)
    return vals[n // 2] if n % 2 else (vals[n // 2 - 1] + vals[n // 2]) / 2


def _sum_raw(metric):
    if not metric:
        return 0.0
    return float(sum(v for fork in metric.get("rawData", []) for v in fork))
