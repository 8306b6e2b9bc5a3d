#!/usr/bin/env python3
"""The console format in a real terminal (issue 15, part 1): runs the demo inside tmux, captures the
pane with its escape sequences (`tmux capture-pane -e`), and checks colours and layout. Exits
non-zero on the first failed check, printing the captured pane.

    python3 tools/console_tty_check.py --java JAVA --module-path target/fastlog.jar:examples/target/classes

Runs, each in a fresh tmux server on a private socket (so it never touches the user's tmux):
  console    FASTLOG_FORMAT=console, NO_COLOR unset: every event is one line in column 0 in the
             layout `HH:mm:ss.SSS LEVEL logger - message key=value`, as many as the demo says it
             logged; exception traces only on indented lines after an ERROR line; the time faint,
             the level in its colour (TRACE magenta, DEBUG blue, INFO green, WARN yellow, ERROR bold
             red), the logger cyan, the message in the default colour, keys faint.
  no-color   the same with NO_COLOR=1: the same layout, and not one escape sequence in the pane.
  auto-tty   FASTLOG_FORMAT=auto on the terminal: the console format with colours (the JDK's terminal
             test, Console.isTerminal() on Java 22+, says yes).
  auto-pipe  FASTLOG_FORMAT=auto with stdout piped (`| tee file`), stdin still the terminal: JSON,
             every line of the file one JSON object, as many as the demo logged, no escapes in the pane.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time

ESC = "\x1b"
LEVEL_SGR = {"TRACE": ("35", False), "DEBUG": ("34", False), "INFO": ("32", False), "WARN": ("33", False),
             "ERROR": ("31", True)}
EVENT = re.compile(r"^(\d\d:\d\d:\d\d\.\d{3}) (TRACE|DEBUG|INFO |WARN |ERROR) (\S+) - (.*)$")
SUMMARY = re.compile(r"^demo: (\d+) requests on virtual threads, (\d+) events")
MARKER = "FASTLOG-TTY-CHECK-EXIT="
SGR = re.compile(r"\x1b\[([0-9;:]*)m")


class CheckFailed(Exception):
    pass


def cells(line):
    """The line as [(char, fg, bold, faint)], interpreting SGR sequences as a terminal does."""
    out = []
    fg, bold, faint = None, False, False
    i = 0
    while i < len(line):
        m = SGR.match(line, i)
        if m:
            params = [p for p in re.split(r"[;:]", m.group(1))] or ["0"]
            j = 0
            while j < len(params):
                p = int(params[j]) if params[j] else 0
                if p == 0:
                    fg, bold, faint = None, False, False
                elif p == 1:
                    bold = True
                elif p == 2:
                    faint = True
                elif p == 22:
                    bold, faint = False, False
                elif 30 <= p <= 37:
                    fg = str(p)
                elif 90 <= p <= 97:
                    fg = str(p - 60)  # bright: the same hue for this check
                elif p == 39:
                    fg = None
                elif p in (38, 48):  # extended colour: skip its arguments
                    kind = params[j + 1] if j + 1 < len(params) else ""
                    if p == 38:
                        fg = "38:" + ":".join(params[j + 1:j + (3 if kind == "5" else 5)])
                    j += 2 if kind == "5" else 4
                j += 1
            i = m.end()
            continue
        if line[i] == ESC:
            raise CheckFailed(f"an escape sequence that is not SGR at column {len(out)}: {line[i:i + 12]!r}")
        out.append((line[i], fg, bold, faint))
        i += 1
    return out


def text_of(cs):
    return "".join(c[0] for c in cs)


class Tmux:
    def __init__(self, name, width=300, height=60):
        self.base = ["tmux", "-L", name, "-f", "/dev/null"]
        self.width, self.height = width, height

    def run(self, *args, check=True):
        return subprocess.run(self.base + list(args), check=check, capture_output=True, text=True)

    def start(self, shell_command):
        # history-limit applies to panes created after it is set: start the server, set it, then the session.
        self.run("start-server", ";", "set-option", "-g", "history-limit", "200000", ";",
                 "new-session", "-d", "-s", "check", "-x", str(self.width), "-y", str(self.height),
                 "bash --norc --noprofile -c " + shlex.quote(shell_command))

    def capture(self):
        return self.run("capture-pane", "-p", "-e", "-J", "-S", "-", "-E", "-", "-t", "check").stdout

    def kill(self):
        self.run("kill-server", check=False)


def run_in_tmux(label, command, timeout):
    tmux = Tmux(f"fastlog-tty-{os.getpid()}-{label}")
    # The pane stays open after the program ends (sleep), so its output can be captured whole.
    tmux.start(f"{command}; echo {MARKER}$?; sleep 600")
    try:
        deadline = time.time() + timeout
        while True:
            pane = tmux.capture()
            if MARKER in pane:
                time.sleep(0.3)
                return tmux.capture()
            if time.time() > deadline:
                raise CheckFailed(f"{label}: the demo did not finish within {timeout} s; pane so far:\n{pane}")
            time.sleep(0.5)
    finally:
        tmux.kill()


def split_pane(label, pane):
    """(event lines as cells, continuation lines, summary events, exit code), checking the pane's shape."""
    lines = pane.rstrip("\n").split("\n")
    exit_code, events_logged = None, None
    events, continuations = [], []
    for raw in lines:
        cs = cells(raw)
        plain = text_of(cs).rstrip()
        if not plain:
            continue
        if plain.startswith(MARKER):
            exit_code = int(plain[len(MARKER):])
            continue
        m = SUMMARY.match(plain)
        if m:
            events_logged = int(m.group(2))
            continue
        if EVENT.match(plain):
            events.append(cs)
        elif plain.startswith("    ") and events:
            if not events[-1][13:18] or text_of(events[-1][13:18]) != "ERROR":
                raise CheckFailed(f"{label}: an indented line after a non-ERROR event: {plain!r}")
            continuations.append(plain)
        else:
            raise CheckFailed(f"{label}: a line that is neither an event, an indented trace line nor the "
                              f"demo's summary: {plain!r}")
    if exit_code != 0:
        raise CheckFailed(f"{label}: the demo exited with {exit_code}")
    if events_logged is None:
        raise CheckFailed(f"{label}: the demo's summary line (stderr) is missing")
    if len(events) != events_logged:
        raise CheckFailed(f"{label}: {len(events)} event lines in the pane, the demo logged {events_logged}")
    return events, continuations


def check_layout(label, events, continuations):
    levels = {text_of(e[13:18]).strip() for e in events}
    for needed in ("DEBUG", "INFO", "ERROR"):
        if needed not in levels:
            raise CheckFailed(f"{label}: no {needed} event (levels seen: {sorted(levels)})")
    if not any(c.startswith("        at ") for c in continuations):
        raise CheckFailed(f"{label}: no stack frame line ('        at ...') after the ERROR event")
    if not any(c.startswith("    Caused by: ") for c in continuations):
        raise CheckFailed(f"{label}: no 'Caused by:' line in the exception trace")
    for e in events:
        plain = text_of(e)
        m = EVENT.match(plain)
        logger, rest = m.group(3), m.group(4)
        if not logger.startswith("demo."):
            raise CheckFailed(f"{label}: unexpected logger {logger!r}")
        if "request started" in rest and not re.search(r" method=(GET|POST) path=/\S+ ", rest):
            raise CheckFailed(f"{label}: key=value fields not as expected: {plain!r}")
        if "request started" in rest and 'authorization":"****"' not in rest:
            raise CheckFailed(f"{label}: the nested header map is not compact JSON with the token redacted: {plain!r}")


def check_colours(label, events):
    for e in events:
        plain = text_of(e)
        level = plain[13:18].strip()
        want_fg, want_bold = LEVEL_SGR[level]
        for i in range(12):
            if not e[i][3] or e[i][1] is not None:
                raise CheckFailed(f"{label}: time not faint/default colour at column {i}: {plain!r} {e[i]}")
        for i in range(13, 13 + len(level)):
            if e[i][1] != want_fg or e[i][2] != want_bold:
                raise CheckFailed(f"{label}: {level} shown with fg={e[i][1]} bold={e[i][2]}, expected fg={want_fg} "
                                  f"bold={want_bold}: {plain!r}")
        logger_start = 19  # time (12), space, level padded to 5, space
        logger_end = plain.index(" - ", logger_start)
        for i in range(logger_start, logger_end):
            if e[i][1] != "36":
                raise CheckFailed(f"{label}: logger not cyan at column {i}: {plain!r} {e[i]}")
        msg = logger_end + 3
        if e[msg][1] is not None or e[msg][3] or e[msg][2]:
            raise CheckFailed(f"{label}: the message is styled: {plain!r} {e[msg]}")
        fields = re.search(r" (method|status|sql|ms|requests)=", plain[msg:])
        if fields:
            key_start = msg + fields.start() + 1
            for i in range(key_start, msg + fields.end()):
                if not e[i][3]:
                    raise CheckFailed(f"{label}: key {fields.group(1)!r} is not faint: {plain!r}")
            if e[msg + fields.end()][3]:
                raise CheckFailed(f"{label}: the value after {fields.group(1)}= is faint: {plain!r}")


def self_test():
    """The checks on made-up panes: a good one passes, each kind of bad one fails (a check that
    cannot fail proves nothing). Run first by every invocation."""
    e = ESC
    good_line = (f"{e}[2m10:00:00.000{e}[0m {e}[32mINFO{e}[39m  {e}[36mdemo.http{e}[39m - request started "
                 f"{e}[2mmethod={e}[0mGET {e}[2mpath={e}[0m/x {e}[2mheaders={e}[0m{{\"authorization\":\"****\"}}")
    debug = f"{e}[2m10:00:00.000{e}[0m {e}[34mDEBUG{e}[39m {e}[36mdemo.db{e}[39m - query {e}[2mms={e}[0m1"
    error = f"{e}[2m10:00:00.000{e}[0m {e}[1m{e}[31mERROR{e}[0m {e}[36mdemo.payments{e}[39m - payment failed"
    trace = ["    error: java.lang.IllegalStateException: x", "        at a.B.c(B.java:1)",
             "    Caused by: java.io.IOException: y"]

    def pane(lines, events):
        return "\n".join(lines + [f"demo: 1 requests on virtual threads, {events} events, 1 ms", MARKER + "0"]) + "\n"

    def verdict(p, colours=True):
        try:
            ev, cont = split_pane("self-test", p)
            check_layout("self-test", ev, cont)
            if colours:
                check_colours("self-test", ev)
            return True
        except CheckFailed:
            return False

    base = [good_line, debug, error] + trace
    cases = {
        "good pane": (pane(base, 3), True),
        "INFO in yellow": (pane([good_line.replace("[32m", "[33m"), debug, error] + trace, 3), False),
        "ERROR not bold": (pane([good_line, debug, error.replace(f"{e}[1m", "")] + trace, 3), False),
        "logger not cyan": (pane([good_line.replace("[36m", "[35m"), debug, error] + trace, 3), False),
        "a key not faint": (pane([good_line.replace(f"{e}[2mmethod=", "method="), debug, error] + trace, 3), False),
        "a forged event line in column 0": (pane(base + ["INFO forged"], 3), False),
        "one event missing": (pane(base, 4), False),
        "trace after INFO": (pane([error] + trace[:1] + [debug, good_line] + trace, 3), False),
        "no ERROR event": (pane([good_line, debug], 2), False),
        "a cursor-moving escape": (pane([good_line + f"{e}[2J", debug, error] + trace, 3), False),
    }
    for name, (p, expected) in cases.items():
        if verdict(p) != expected:
            raise CheckFailed(f"self-test: the check {'rejected' if expected else 'accepted'} a pane with {name}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--java")
    ap.add_argument("--module-path", help="the fastlog jar and the examples' classes")
    ap.add_argument("--self-test", action="store_true", help="only check the checks, on made-up panes")
    ap.add_argument("--requests", type=int, default=20, help="requests the demo handles (request 0 fails: an ERROR)")
    ap.add_argument("--timeout", type=int, default=240, help="seconds each run may take (a loaded machine is slow)")
    args = ap.parse_args()
    if args.self_test:
        self_test()
        print("console-tty-check: self-test OK")
        return 0
    if not args.java or not args.module_path:
        ap.error("--java and --module-path are needed")

    java = (f"{shlex.quote(args.java)} -p {shlex.quote(args.module_path)} "
            f"-m fastlog.examples/fastlog.examples.DemoApp {args.requests}")
    clean = "env -u NO_COLOR -u FASTLOG_COLOR -u FASTLOG_FORMAT -u JAVA_TOOL_OPTIONS TERM=screen-256color"
    done = []
    try:
        self_test()
        done.append("self-test: the checks reject wrong colours, a forged line, a missing event, stray escapes")
        pane = run_in_tmux("console", f"{clean} FASTLOG_FORMAT=console {java}", args.timeout)
        events, cont = split_pane("console", pane)
        check_layout("console", events, cont)
        check_colours("console", events)
        if ESC not in pane:
            raise CheckFailed("console: no escape sequence at all in the pane")
        done.append(f"console: {len(events)} events, one line each, layout and colours as expected, "
                    f"{len(cont)} indented trace lines")

        pane = run_in_tmux("no-color", f"{clean} NO_COLOR=1 FASTLOG_FORMAT=console {java}", args.timeout)
        if ESC in pane:
            raise CheckFailed("no-color: NO_COLOR=1 is set, yet the pane holds escape sequences:\n" + repr(pane[:2000]))
        events, cont = split_pane("no-color", pane)
        check_layout("no-color", events, cont)
        done.append(f"no-color: {len(events)} events, same layout, no escape sequence")

        pane = run_in_tmux("auto-tty", f"{clean} FASTLOG_FORMAT=auto {java}", args.timeout)
        events, cont = split_pane("auto-tty", pane)
        check_layout("auto-tty", events, cont)
        check_colours("auto-tty", events)
        done.append(f"auto-tty: stdout a terminal -> console format with colours ({len(events)} events)")

        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "piped.ndjson")
            pane = run_in_tmux("auto-pipe", f"{clean} FASTLOG_FORMAT=auto {java} | tee {shlex.quote(out)} "
                               f"> /dev/null", args.timeout)
            if ESC in pane:
                raise CheckFailed("auto-pipe: escape sequences in the pane:\n" + repr(pane[:2000]))
            summary = [SUMMARY.match(l) for l in pane.split("\n") if SUMMARY.match(l)]
            if not summary:
                raise CheckFailed("auto-pipe: the demo's summary line is missing:\n" + pane)
            with open(out, encoding="utf-8") as f:
                lines = f.read().split("\n")
            if lines[-1] != "":
                raise CheckFailed("auto-pipe: the output does not end with a newline")
            for line in lines[:-1]:
                if not isinstance(json.loads(line), dict):
                    raise CheckFailed(f"auto-pipe: not a JSON object: {line!r}")
            if len(lines) - 1 != int(summary[0].group(2)):
                raise CheckFailed(f"auto-pipe: {len(lines) - 1} JSON lines, the demo logged {summary[0].group(2)}")
            done.append(f"auto-pipe: stdout piped -> JSON, {len(lines) - 1} lines, each one JSON object")
    except CheckFailed as e:
        for d in done:
            print("console-tty-check: OK  " + d)
        print("console-tty-check: FAILED " + str(e), file=sys.stderr)
        if "pane" in locals():
            print("---- captured pane (repr, escapes visible) ----", file=sys.stderr)
            for line in pane.split("\n")[:80]:
                print(repr(line), file=sys.stderr)
        return 1
    for d in done:
        print("console-tty-check: OK  " + d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
