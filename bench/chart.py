#!/usr/bin/env python3
"""Draws the benchmark chart (SVG, written by hand: no matplotlib or pip needed) from a results
file written by run_bench.py.

    python3 bench/chart.py bench/results/latest.json bench/results/chart.svg

Left: the caller's cost per call (median ns/op, log scale) for each call shape, one producer
thread, writer keeping up. Right: persisted throughput (median events/s, log scale) with two
platform producer threads, every system including the Python peers and the pre-rendered ceiling.
"""
import json
import math
import sys
from xml.sax.saxutils import escape

COLORS = {"fastlog": "#1b7837", "log4j2": "#2166ac", "logback": "#b2182b", "structlog": "#8073ac",
          "structlog-orjson": "#542788", "pythonjsonlogger": "#e08214", "ceiling": "#777777"}
NAMES = {"ceiling": "pre-rendered ceiling", "pythonjsonlogger": "python-json-logger",
         "structlog": "structlog (default JSON)", "structlog-orjson": "structlog + orjson"}
SHAPES = [("oneField", "1 field"), ("threeFields", "3 fields"), ("tenFields", "10 fields"),
          ("exception", "exception"), ("disabled", "disabled")]


def value(results, bench, system, metric):
    for r in results:
        if r["bench"] == bench and r["system"] == system and r["metric"] == metric:
            return r["value"]
    return None


def fmt(v):
    if v >= 1e7:
        return f"{v / 1e6:.0f}M"
    if v >= 1e6:
        return f"{v / 1e6:.1f}M"
    if v >= 1e4:
        return f"{v / 1e3:.0f}k"
    if v >= 100:
        return f"{v:.0f}"
    return f"{v:.1f}" if v >= 10 else f"{v:.2f}"


class Svg:
    def __init__(self, w, h):
        self.w, self.h, self.parts = w, h, []

    def add(self, s):
        self.parts.append(s)

    def text(self, x, y, s, size=12, anchor="start", weight="normal", fill="#222", rotate=None):
        tr = f' transform="rotate({rotate} {x:.1f} {y:.1f})"' if rotate is not None else ""
        self.add(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
                 f'font-weight="{weight}" fill="{fill}"{tr}>{escape(s)}</text>')

    def rect(self, x, y, w, h, fill):
        self.add(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" fill="{fill}"/>')

    def line(self, x1, y1, x2, y2, stroke="#ccc", width=1, dash=None):
        d = f' stroke-dasharray="{dash}"' if dash else ""
        self.add(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" '
                 f'stroke-width="{width}"{d}/>')

    def render(self):
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.w}" height="{self.h}" '
                f'viewBox="0 0 {self.w} {self.h}" font-family="DejaVu Sans, Arial, sans-serif">\n'
                f'<rect width="100%" height="100%" fill="white"/>\n' + "\n".join(self.parts) + "\n</svg>\n")


def log_panel(svg, x0, y0, w, h, title, unit, groups, systems):
    """groups: [(label, {system: value})]; bars on a log10 axis."""
    vals = [v for _, d in groups for v in d.values() if v and v > 0]
    if not vals:
        svg.text(x0 + w / 2, y0 + h / 2, "no data", anchor="middle")
        return
    lo = 10 ** math.floor(math.log10(min(vals)))
    hi = 10 ** math.ceil(math.log10(max(vals)))
    if hi / lo < 100:
        hi = lo * 100
    svg.text(x0 + w / 2, y0 - 12, title, size=14, anchor="middle", weight="bold")
    left, bottom = x0 + 50, y0 + h
    pw = w - 60

    def ypos(v):
        return bottom - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * h

    decade = lo
    while decade <= hi * 1.0001:
        y = ypos(decade)
        svg.line(left, y, left + pw, y, "#ddd")
        svg.text(left - 6, y + 4, fmt(decade), size=10, anchor="end", fill="#555")
        decade *= 10
    svg.text(x0 + 10, y0 + h / 2, unit, size=11, anchor="middle", fill="#555", rotate=-90)
    gw = pw / len(groups)
    for gi, (label, d) in enumerate(groups):
        present = [s for s in systems if d.get(s)]
        bw = min(34.0, (gw - 14) / max(1, len(present)))
        gx = left + gi * gw + (gw - bw * len(present)) / 2
        for si, s in enumerate(present):
            v = d[s]
            x = gx + si * bw
            y = ypos(max(v, lo))
            svg.rect(x + 1, y, bw - 2, bottom - y, COLORS.get(s, "#999"))
            svg.text(x + bw / 2, y - 4, fmt(v), size=9, anchor="middle")
        svg.text(left + gi * gw + gw / 2, bottom + 16, label, size=11, anchor="middle")
    svg.line(left, bottom, left + pw, bottom, "#444")


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "bench/results/latest.json"
    dst = sys.argv[2] if len(sys.argv) > 2 else "bench/results/chart.svg"
    with open(src) as f:
        doc = json.load(f)
    res, meta = doc["results"], doc["meta"]
    svg = Svg(1100, 545)
    svg.text(550, 26, "fastlog vs Log4j 2 vs Logback (and the Python peers)", size=17, anchor="middle", weight="bold")
    sub = (f"{meta['date_utc']} · {meta['machine']['cpus']} CPUs ({meta['machine']['cpu_model']}), shared machine, "
           f"load avg {meta['load_average_before'][0]:.1f} · {meta['jdk'].split(' / ')[0]} · {meta['command']} · medians")
    svg.text(550, 46, sub, size=11, anchor="middle", fill="#555")
    prov = doc.get("provenance") or {}
    rev = (prov.get("git_revision") or meta.get("fastlog_revision") or "?")[:12]
    flags = []
    if prov.get("git_dirty"):
        flags.append("dirty tree")
    if prov.get("recovered"):
        flags.append("provenance recovered after the run")
    svg.text(550, 62, f"data: {src} · fastlog {rev}" + (f" ({', '.join(flags)})" if flags else ""),
             size=10, anchor="middle", fill="#777")

    caller = [(label, {s: value(res, f"caller_{shape}_t1", s, "ns_per_op") for s in ("fastlog", "log4j2", "logback")})
              for shape, label in SHAPES]
    caller = [(l, d) for l, d in caller if any(d.values())]
    log_panel(svg, 20, 100, 520, 330, "Caller cost per call, 1 thread (lower is better)", "ns per call", caller,
              ["fastlog", "log4j2", "logback"])

    systems = ["fastlog", "log4j2", "logback", "structlog", "structlog-orjson", "pythonjsonlogger", "ceiling"]
    persisted = []
    for bench, label in (("persisted_platform_t2", "2 platform threads"), ("persisted_virtual_t1000", "1,000 virtual threads")):
        d = {s: value(res, bench, s, "events_per_s") for s in systems}
        if any(d.values()):
            persisted.append((label, d))
    log_panel(svg, 570, 100, 510, 330, "Persisted: events/s into a file (higher is better)", "events per second",
              persisted, systems)

    # legend: the systems that have a bar
    shown = [s for s in systems if any(d.get(s) for _, d in persisted) or any(d.get(s) for _, d in caller)]
    x = 90
    for s in shown:
        svg.rect(x, 482, 14, 14, COLORS[s])
        name = NAMES.get(s, s)
        svg.text(x + 19, 494, name, size=12)
        x += 30 + 7.0 * len(name)
    skipped = [k["system"] for k in doc.get("skipped", [])]
    if skipped:
        svg.text(550, 520, "not run: " + ", ".join(skipped) + " (see \"skipped\" in the results file)",
                 size=10, anchor="middle", fill="#777")
    with open(dst, "w") as f:
        f.write(svg.render())
    print(f"chart: {dst}")


if __name__ == "__main__":
    main()
