# Benchmarks (issue 4): fastlog vs Log4j 2 vs Logback (JMH, same call shapes, same run), the
# persisted benchmark (N events into a real file; also Python structlog / python-json-logger and
# the pre-rendered write ceiling), tables with ratios to fastlog, RESULT lines, a results file and
# a chart. Included by the main Makefile, which defines MVN, MVN_FLAGS, JAVA, SCRATCH and `install`.
#
#   make bench          the full run (about 35 minutes on 2 cores): writes bench/results/latest.json
#                       and bench/results/chart.svg (the README's Performance section comes from it)
#   make bench-quick    the same systems and benchmarks with fewer iterations, shapes and events
#                       (under 5 minutes): writes bench/results/quick.json and quick.svg
#   make bench-jar      only build jmh/target/benchmarks.jar (checks META-INF/BenchmarkList is in it)
#   make bench-chart    redraw bench/results/chart.svg from bench/results/latest.json
#   make bench-python-peers   install Debian's python3-structlog and python3-pythonjsonlogger
#                       where missing (apt-get; sudo when not root), or say why they are skipped
#
# Knobs: BENCH_OPTS passes options to bench/run_bench.py (e.g. BENCH_OPTS='--only persisted' or
# '--events 2000000'); BENCH_PYTHON is the interpreter that has the Debian Python peers
# (default /usr/bin/python3; empty skips them). Raw JMH output and logs go to $(SCRATCH)/bench/.
# Exit status is non-zero if a benchmark could not run or fastlog lost or mangled a line.

BENCH_DIR := bench
BENCH_JAR := jmh/target/benchmarks.jar
BENCH_SCRATCH := $(SCRATCH)/bench
BENCH_PYTHON ?= /usr/bin/python3
BENCH_OPTS ?=
BENCH_RUN = python3 $(BENCH_DIR)/run_bench.py --java $(JAVA) --jar $(BENCH_JAR) \
	--scratch $(BENCH_SCRATCH) --python '$(BENCH_PYTHON)' $(BENCH_OPTS)

.PHONY: bench bench-quick bench-jar bench-chart bench-python-peers

## bench-jar: the shaded JMH + persisted benchmark jar (jmh/target/benchmarks.jar)
bench-jar: install
	$(MVN) $(MVN_FLAGS) -f jmh/pom.xml package
	@$(dir $(JAVA))jar tf $(BENCH_JAR) | grep -qx META-INF/BenchmarkList || \
	  { echo "bench-jar: $(BENCH_JAR) has no META-INF/BenchmarkList: JMH's annotation processor did not run"; exit 1; }

## bench-python-peers: Debian's python3-structlog and python3-pythonjsonlogger, if they can be installed
bench-python-peers:
	@if [ -z "$(BENCH_PYTHON)" ]; then echo "bench: BENCH_PYTHON is empty: the Python peers are skipped"; exit 0; fi; \
	if $(BENCH_PYTHON) -c 'import structlog, pythonjsonlogger' 2>/dev/null; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
	  echo "bench: SKIPPING the Python peers: structlog / python-json-logger are missing and there is no apt-get"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "bench: SKIPPING the Python peers: not root and no password-less sudo to apt-get install python3-structlog python3-pythonjsonlogger"; exit 0; fi; \
	echo "bench: installing python3-structlog python3-pythonjsonlogger (Debian) for the Python peers"; \
	( $$SUDO apt-get install -y -q python3-structlog python3-pythonjsonlogger >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -q >/dev/null 2>&1 && $$SUDO apt-get install -y -q python3-structlog python3-pythonjsonlogger >/dev/null 2>&1; } ) || \
	  echo "bench: SKIPPING the Python peers: apt-get could not install python3-structlog python3-pythonjsonlogger"

## bench: every benchmark, full length (~35 min); bench/results/latest.json and chart.svg
bench: bench-jar bench-python-peers
	@mkdir -p $(BENCH_SCRATCH)
	$(BENCH_RUN) --mode full --results $(BENCH_DIR)/results/latest.json
	python3 $(BENCH_DIR)/chart.py $(BENCH_DIR)/results/latest.json $(BENCH_DIR)/results/chart.svg

## bench-quick: the same systems, fewer iterations and events (< 5 min); bench/results/quick.json
bench-quick: bench-jar bench-python-peers
	@mkdir -p $(BENCH_SCRATCH)
	$(BENCH_RUN) --mode quick --results $(BENCH_DIR)/results/quick.json
	python3 $(BENCH_DIR)/chart.py $(BENCH_DIR)/results/quick.json $(BENCH_DIR)/results/quick.svg

## bench-chart: redraw the chart from the last full run
bench-chart:
	python3 $(BENCH_DIR)/chart.py $(BENCH_DIR)/results/latest.json $(BENCH_DIR)/results/chart.svg
