#!/usr/bin/env python3
"""Provenance of a benchmark results file: which code, when, how, and on what machine.

    from provenance import provenance
    doc["provenance"] = provenance(command="make bench", java="/usr/lib/jvm/.../bin/java")

    python3 bench/provenance.py [--command 'make ...'] [--java PATH]   # prints it as JSON

Fields (the same names vthreads-compare's Compare.java writes):
  git_revision      the full commit id of HEAD in the working tree the benchmark ran from
  git_dirty         true if tracked files differed from HEAD when the run started
  git_dirty_paths   those files (at most 50), so a reader can tell whether library code was among them
  date_utc          when the run started, ISO 8601, UTC
  command           the command a person typed (passed in by the Makefile), and
  argv              the exact command line of the process that wrote the file
  machine           nproc (CPUs this process may use), cpus_online, cpu_model, mem_total_kb,
                    kernel, jdk (the `java -version` of the JDK the benchmarks ran on), load average
"""
import datetime
import json
import os
import platform
import subprocess
import sys


def _git(*args):
    try:
        p = subprocess.run(["git", *args], capture_output=True, text=True, timeout=30)
        return p.stdout if p.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        return None


def _read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def jdk_version(java):
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
        return " / ".join(l.strip() for l in out.splitlines()[:3] if l.strip())
    except (OSError, subprocess.SubprocessError):
        return None


def machine(java=None):
    model = next((l.split(":", 1)[1].strip() for l in _read("/proc/cpuinfo").splitlines()
                  if l.startswith("model name")), platform.processor() or None)
    mem = next((int(l.split()[1]) for l in _read("/proc/meminfo").splitlines()
                if l.startswith("MemTotal:")), None)
    try:
        nproc = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        nproc = os.cpu_count()
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "nproc": nproc,
        "cpus_online": os.cpu_count(),
        "cpu_model": model,
        "mem_total_kb": mem,
        "kernel": f"{platform.system()} {platform.release()}",
        "jdk": jdk_version(java) if java else None,
        "load_average_at_start": load,
    }


def provenance(command=None, java=None, started=None):
    rev = _git("rev-parse", "HEAD")
    status = _git("status", "--porcelain", "--untracked-files=no")
    dirty_paths = [l[3:] for l in status.splitlines()] if status is not None else None
    started = started or datetime.datetime.now(datetime.timezone.utc)
    return {
        "git_revision": rev.strip() if rev else None,
        "git_dirty": (len(dirty_paths) > 0) if dirty_paths is not None else None,
        "git_dirty_paths": dirty_paths[:50] if dirty_paths is not None else None,
        "date_utc": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": command,
        "argv": " ".join(_quote(a) for a in sys.argv),
        "machine": machine(java),
        "recovered": False,
    }


def _quote(a):
    import shlex
    return shlex.quote(a)


def main():
    import argparse
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--command")
    p.add_argument("--java")
    a = p.parse_args()
    print(json.dumps(provenance(a.command, a.java), indent=1))


if __name__ == "__main__":
    main()
