#!/usr/bin/env python3
"""Checks an NDJSON log file: every line is one JSON object, and the line count is as expected.

  check_ndjson.py FILE EXPECTED_LINES [--per-thread EVENTS]

With --per-thread, also checks what MillionThreads writes: every line has a "request_id" and a
"step"; each request_id has exactly EVENTS lines, with steps 0, 1, ..., EVENTS-1 in that order
(per-thread order, nothing lost, nothing doubled). Exits 0 if all holds, 1 otherwise.
Streams the file; the --per-thread bookkeeping holds one small int per request_id.
"""
import json
import sys


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, expected = argv[1], int(argv[2])
    per_thread = int(argv[argv.index("--per-thread") + 1]) if "--per-thread" in argv else None
    lines = bad = order_errors = 0
    first_bad = first_order = None
    next_step = {}
    decode = json.JSONDecoder().decode
    with open(path, "rb") as f:
        for raw in f:
            lines += 1
            try:
                if not raw.endswith(b"\n"):
                    raise ValueError("last line has no newline")
                obj = decode(raw.decode("utf-8"))
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
            except (ValueError, UnicodeDecodeError) as e:
                bad += 1
                if first_bad is None:
                    first_bad = f"line {lines}: {e}: {raw[:200]!r}"
                continue
            if per_thread is not None:
                rid, step = obj.get("request_id"), obj.get("step")
                want = next_step.get(rid, 0)
                if rid is None or step != want:
                    order_errors += 1
                    if first_order is None:
                        first_order = f"line {lines}: request_id={rid!r} step={step!r}, expected step {want}"
                next_step[rid] = want + 1
    problems = []
    if lines != expected:
        problems.append(f"{lines:,} lines, expected {expected:,} ({lines - expected:+,})")
    if bad:
        problems.append(f"{bad:,} lines are not a JSON object; first: {first_bad}")
    if per_thread is not None:
        if order_errors:
            problems.append(f"{order_errors:,} lines out of per-thread order; first: {first_order}")
        wrong = sum(1 for n in next_step.values() if n != per_thread)
        if wrong:
            problems.append(f"{wrong:,} request_ids do not have exactly {per_thread} lines")
        if len(next_step) * per_thread != expected:
            problems.append(f"{len(next_step):,} distinct request_ids, expected {expected // per_thread:,}")
    if problems:
        print(f"check_ndjson: FAILED {path}:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    detail = f", {len(next_step):,} request_ids x {per_thread} in order" if per_thread is not None else ""
    print(f"check_ndjson: OK {path}: {lines:,} lines, all JSON objects{detail}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
