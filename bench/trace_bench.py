"""The trace-correlation section of `make bench` / `make bench-quick` (issue 14, section 2), run by
run_bench.py in the same run as the other benchmarks: what the calling thread pays for trace ids
(fastlog-otel's OpenTelemetry provider) and for the optional per-event fields.

TraceCallerCostBenchmark (jmh/src/main/java/fastlog/bench/jmh), one fork per mode, 1 thread:
  none            no trace context provider (fastlog without fastlog-otel)
  otelNoSpan      fastlog-otel's provider, no span current on the calling thread
  otelSpan        fastlog-otel's provider, a span current
  threadName      no provider, Configuration.threadName(true)
  callerLocation  no provider, Configuration.callerLocation(true): a StackWalker walk per call

Shapes: oneField   log.info("user login", "user_id", 48213)            (typed, no allocation)
        fourPairs  log.info("request served", "status", 200, "path", "/api/orders", "ms", 12.5,
                            "region", "eu-central-1")                  (Object..., boxes 12.5)

Measured like the caller-cost benchmark: bursts of 1,000 calls, drained outside the measurement.
RESULT lines: bench=trace_caller_<shape>_t1 system=<mode>, metrics ns_per_op, cpu_ns_per_op (the
calling thread's CPU time per call), bytes_per_op (its allocation per call), alloc_per_op_all_threads
(-prof gc), and overhead_ns_per_op / overhead_cpu_ns_per_op: the mode's value minus mode none's.
Check: after every iteration fastlog must have written every event and dropped or lost none.
"""

MODES_BY_RUN = {
    "quick": ["oneField"],
    "full": ["oneField", "fourPairs"],
}
TRACE_MODES = ["none", "otelNoSpan", "otelSpan", "threadName", "callerLocation"]


def run_jmh(run):
    """Runs TraceCallerCostBenchmark for run's mode and records it (run is run_bench.Run)."""
    shapes = MODES_BY_RUN.get(run.args.mode)
    if not shapes:
        return
    regex = r"TraceCallerCostBenchmark\.(" + "|".join(shapes) + r")$"
    entries = run.jmh("trace-caller-t1", regex, 1, False, params={"mode": ",".join(TRACE_MODES)})
    got = {(e["benchmark"].rsplit(".", 1)[1], e["params"]["mode"]) for e in entries}
    missing = sorted({(sh, m) for sh in shapes for m in TRACE_MODES} - got)
    if entries and missing:
        run.failures.append(f"JMH run trace-caller-t1: no result for {missing}")
        print(f"FAIL JMH trace-caller-t1: no result for {missing}", flush=True)
    for e in entries:
        shape, mode = e["benchmark"].rsplit(".", 1)[1], e["params"]["mode"]
        bench = f"trace_caller_{shape}_t1"
        run.record(bench, mode, "ns_per_op", _median_raw(e["primaryMetric"]))
        sec = e.get("secondaryMetrics", {})
        calls = _sum_raw(sec.get("callerCalls"))
        if calls:
            run.record(bench, mode, "bytes_per_op", _sum_raw(sec.get("callerBytes")) / calls)
            run.record(bench, mode, "cpu_ns_per_op", _sum_raw(sec.get("callerCpuNanos")) / calls, "ns")
        if "gc.alloc.rate.norm" in sec:
            run.record(bench, mode, "alloc_per_op_all_threads", _median_raw(sec["gc.alloc.rate.norm"]))
    for shape in shapes:
        bench = f"trace_caller_{shape}_t1"
        for metric, over in (("ns_per_op", "overhead_ns_per_op"), ("cpu_ns_per_op", "overhead_cpu_ns_per_op")):
            base = run.value(bench, "none", metric)
            for mode in TRACE_MODES[1:]:
                v = run.value(bench, mode, metric)
                if base is not None and v is not None:
                    run.record(bench, mode, over, v - base, "ns")


def table_groups(benches):
    """The tables for run_bench.Run.tables() (its rows are systems; here they are the modes)."""
    return [
        ("Trace correlation: caller cost per call by mode (writer keeps up), median ns/op; cpu = calling "
         "thread's CPU time per call; overhead = minus mode none's; B/op = calling thread's allocation",
         [b for b in benches if b.startswith("trace_caller_")],
         ["ns_per_op", "overhead_ns_per_op", "cpu_ns_per_op", "overhead_cpu_ns_per_op", "bytes_per_op"]),
    ]


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
