#!/usr/bin/env python3
"""MDC state kept by a parked virtual thread: fastlog-slf4j vs Logback vs Log4j 2.

Method (../../DESIGN.md, "Virtual-thread scale"; the bridges note, section 3.4): one JVM per
adapter and run, N virtual threads each do MDC.put("request_id", "r-1") + MDC.remove("request_id")
(mode put-remove; mode put keeps the entry) and park; with all N parked: full GC, heap in use and a
class histogram. The baseline is the same program with SLF4J's NOP provider (NOPMDCAdapter),
in the same round. Per thread:

  heap     (heap used - baseline heap used) / N
  heap-sc  the same without jdk.internal.vm.StackChunk, whose size per parked thread depends on
           which frames were JIT-compiled when each thread parked (hundreds of bytes of noise
           between runs that is not MDC state)
  classes  the bytes of the classes whose instance count rose by at least N/2 over the baseline
           (StackChunk excluded), / N: the state attributed class by class

Medians over the runs. Writes a text report with the git revision, date, machine and command.

Usage: run.py --java JAVA --dir fastlog-slf4j/mdc-memory --out RESULTS [--threads N] [--runs R]
"""
import argparse
import datetime
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys

ADAPTERS = [
    # name, SLF4J provider class, jar name prefixes (besides slf4j-api), extra JVM options
    ("nop (baseline)", "org.slf4j.helpers.NOP_FallbackServiceProvider", [], []),
    ("fastlog-slf4j", "fastlog.slf4j.FastlogServiceProvider", ["fastlog-slf4j-", "fastlog-0"], []),
    ("logback 1.6.6", "ch.qos.logback.classic.spi.LogbackServiceProvider", ["logback-classic-", "logback-core-"], []),
    ("log4j 2.26.1", "org.apache.logging.slf4j.SLF4JServiceProvider",
     ["log4j-slf4j2-impl-", "log4j-api-", "log4j-core-"], ["-Dlog4j2.statusLoggerLevel=OFF"]),
]
STACK_CHUNK = "jdk.internal.vm.StackChunk"


def jars(lib, prefixes):
    names = sorted(os.listdir(lib))
    out = [os.path.join(lib, n) for n in names if n.startswith("slf4j-api-")]
    for p in prefixes:
        found = [n for n in names if n.startswith(p) and n.endswith(".jar")]
        if len(found) != 1:
            sys.exit(f"run.py: expected one jar starting with {p!r} in {lib}, found {found}")
        out.append(os.path.join(lib, found[0]))
    return out


def run_once(java, classes, lib, adapter, mode, n):
    name, provider, prefixes, extra = adapter
    cp = os.pathsep.join([classes] + jars(lib, prefixes))
    cmd = [java, "-XX:+UseSerialGC", "-Xms3g", "-Xmx3g", f"-Dslf4j.provider={provider}", *extra,
           "-cp", cp, "fastlog.slf4j.mdcmemory.MdcMemory", mode, str(n)]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        sys.exit(f"run.py: {name} failed ({p.returncode}):\n{p.stderr[-3000:]}")
    heap, adapter_class, classes_seen = None, None, {}
    for line in p.stdout.splitlines():
        f = line.split()
        if not f:
            continue
        if f[0] == "HEAP":
            heap = int(f[1])
        elif f[0] == "PROVIDER":
            adapter_class = f[1]
        elif f[0] == "CLASS":
            # hidden classes (lambdas) get a different address in every JVM: compare them by name
            cls = re.sub(r"/0x[0-9a-f]+$", "", f[1])
            inst, size = classes_seen.get(cls, (0, 0))
            classes_seen[cls] = (inst + int(f[2]), size + int(f[3]))
    if heap is None:
        sys.exit(f"run.py: {name} printed no HEAP line:\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    return {"heap": heap, "adapter": adapter_class, "classes": classes_seen}


def per_thread(result, base, n):
    sc = result["classes"].get(STACK_CHUNK, (0, 0))[1]
    base_sc = base["classes"].get(STACK_CHUNK, (0, 0))[1]
    heap = (result["heap"] - base["heap"]) / n
    heap_sc = ((result["heap"] - sc) - (base["heap"] - base_sc)) / n
    attributed = {}
    for cls, (inst, size) in result["classes"].items():
        if cls == STACK_CHUNK:
            continue
        b_inst, b_size = base["classes"].get(cls, (0, 0))
        if inst - b_inst >= n / 2:
            attributed[cls] = ((inst - b_inst) / n, (size - b_size) / n)
    return heap, heap_sc, sum(b for _, b in attributed.values()), attributed


def git(*args, cwd):
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            mem = f.readline().split(":", 1)[1].strip()
    except OSError:
        pass
    return f"{platform.node()}, {os.cpu_count()} CPUs ({cpu}), {mem} memory, {platform.system()} {platform.release()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--java", required=True)
    ap.add_argument("--dir", required=True, help="the mdc-memory project (target/classes, target/lib)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--threads", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--modes", default="put-remove,put")
    a = ap.parse_args()
    classes = os.path.join(a.dir, "target", "classes")
    lib = os.path.join(a.dir, "target", "lib")
    n = a.threads
    modes = a.modes.split(",")
    repo = os.path.abspath(os.path.join(a.dir, "..", ".."))
    java_version = subprocess.run([a.java, "-version"], capture_output=True, text=True).stderr.strip().splitlines()
    lines = [
        "# MDC state per parked virtual thread: fastlog-slf4j vs Logback vs Log4j 2",
        f"git revision: {git('rev-parse', 'HEAD', cwd=repo)}{' (with uncommitted changes)' if git('status', '--porcelain', cwd=repo) not in ('', '?') else ''}",
        f"date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"machine: {machine()}",
        f"java: {' / '.join(java_version)}",
        f"command: make slf4j-mdc-memory (python3 {' '.join(shlex.quote(x) for x in sys.argv)})",
        f"threads per run: {n:,}; runs per adapter and mode: {a.runs}; JVM: -XX:+UseSerialGC -Xms3g -Xmx3g",
        "each thread: MDC.put(\"request_id\", \"r-1\"); MDC.remove(\"request_id\") [put-remove] or only the put [put];"
        " then parks. Baseline: SLF4J's NOP provider, same calls, same round.",
        "heap = (heap used after full GC - baseline) / N; heap-sc = the same without jdk.internal.vm.StackChunk"
        " (JIT-dependent stack size, not MDC state); classes = bytes of the classes with >= N/2 more instances"
        " than the baseline (StackChunk excluded) / N. Medians over the runs (min-max in brackets).",
        "",
    ]
    for mode in modes:
        samples = {ad[0]: [] for ad in ADAPTERS[1:]}
        details = {ad[0]: [] for ad in ADAPTERS[1:]}
        adapter_classes = {}
        for r in range(a.runs):
            base = run_once(a.java, classes, lib, ADAPTERS[0], mode, n)
            for ad in ADAPTERS[1:]:
                res = run_once(a.java, classes, lib, ad, mode, n)
                adapter_classes[ad[0]] = res["adapter"]
                heap, heap_sc, attributed_bytes, attributed = per_thread(res, base, n)
                samples[ad[0]].append((heap, heap_sc, attributed_bytes))
                details[ad[0]].append((attributed_bytes, attributed))
                print(f"{mode} run {r + 1}/{a.runs} {ad[0]}: heap {heap:.1f} B, heap-sc {heap_sc:.1f} B, "
                      f"classes {attributed_bytes:.1f} B per thread", flush=True)
        lines.append(f"## mode {mode}")
        lines.append("")
        lines.append(f"| adapter | MDC adapter class | classes (B/thread) | heap-sc (B/thread) | heap (B/thread) |")
        lines.append("|---|---|---|---|---|")
        for name, s in samples.items():
            cols = []
            for i in (2, 1, 0):
                vals = [x[i] for x in s]
                cols.append(f"{statistics.median(vals):.0f} [{min(vals):.0f}..{max(vals):.0f}]")
            lines.append(f"| {name} | `{adapter_classes[name]}` | {cols[0]} | {cols[1]} | {cols[2]} |")
        lines.append("")
        lines.append("Classes attributed (median run by 'classes'): instances per thread, bytes per thread")
        for name, d in details.items():
            d.sort(key=lambda x: x[0])
            _, attributed = d[len(d) // 2]
            parts = ", ".join(f"{c} {inst:.2f}x {b:.0f} B" for c, (inst, b) in sorted(attributed.items(), key=lambda x: -x[1][1]))
            lines.append(f"- {name}: {parts if parts else 'nothing'}")
        lines.append("")
    report = "\n".join(lines) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as f:
        f.write(report)
    print(report)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
