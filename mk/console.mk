# The console format in a real terminal (issue 15, part 1). Included by the main Makefile, which
# defines JAVA, JAR and `examples`.
#
#   make console-tty-check   runs the demo (DemoApp, CONSOLE_TTY_REQUESTS requests) inside tmux four
#                            times and checks the captured pane, escapes included
#                            (tools/console_tty_check.py): FASTLOG_FORMAT=console (layout, one line per
#                            event, colours by level), the same with NO_COLOR=1 (no escape at all),
#                            FASTLOG_FORMAT=auto on the terminal (console, coloured) and auto with
#                            stdout piped (JSON). Part of `make test` when tmux is installed (.ci/run
#                            installs it); 2 min 45 s at load ~19 on 2 cores, most of it four JVM starts.
#   make demo FORMAT=console  the demo itself in the console format (Makefile)

CONSOLE_TTY_REQUESTS ?= 20
TMUX_BIN := $(shell command -v tmux 2>/dev/null)

.PHONY: console-tty-check console-tty-skipped

## console-tty-check: the demo under tmux, console format checked in the captured pane (needs tmux)
console-tty-check: examples
	@command -v tmux >/dev/null || { echo "console-tty-check: tmux is not installed (apt-get install -y tmux)"; exit 1; }
	python3 tools/console_tty_check.py --java $(JAVA) --module-path $(JAR):examples/target/classes \
	  --requests $(CONSOLE_TTY_REQUESTS)

console-tty-skipped:
	@echo "console-tty-check: SKIPPED, tmux is not installed (CI installs it: .ci/run)"

ifneq ($(TMUX_BIN),)
test: console-tty-check
else
test: console-tty-skipped
endif
