# Benchmarks (issue 4): fastlog vs Log4j 2 vs Logback (JMH, same call shapes, same run), the
# persisted benchmark (N events into a real file; also Python structlog / python-json-logger and
# the pre-rendered write ceiling), tables with ratios to fastlog, RESULT lines, a results file and
# a chart. Included by the main Makefile, which defines MVN, MVN_FLAGS, JAVA, SCRATCH and `install`.
#
#   make bench          the full run (about 70 minutes on 2 cores): writes bench/results/latest.json
#                       (and a dated copy, run-<date>.json, for README and docs/performance.md to cite)
#                       and bench/results/chart.svg
#   make bench-quick    the same systems and benchmarks with fewer iterations, shapes and events
#                       (under 5 minutes): writes bench/results/quick.json and quick.svg
#   make bench-nested   the nested-value shapes (HashMap, Map.of, record, List.of) against the peers,
#                       3 forks, plus rendering with each redaction setting (~25 min): writes
#                       bench/results/nested.json and a dated copy nested-<date>.json
#   make bench-jar      only build jmh/target/benchmarks.jar (checks META-INF/BenchmarkList is in it)
#   make bench-chart    redraw bench/results/chart.svg from bench/results/latest.json
#   make bench-selftest prove the checks fail: fastlog with DROP and a tiny queue must fail the JMH
#                       check, PersistedBench and a vthreads-compare child (~2 min plus the build)
#   make bench-python-peers   install Debian's python3-structlog and python3-pythonjsonlogger
#                       (and python3-orjson, for structlog as its Performance guide configures it)
#                       where missing (apt-get; sudo when not root), or say why they are skipped
#
# Knobs: BENCH_OPTS passes options to bench/run_bench.py (e.g. BENCH_OPTS='--only persisted' or
# '--events 2000000'); BENCH_PYTHON is the interpreter that has the Debian Python peers
# (default /usr/bin/python3; empty skips them). Raw JMH output and logs go to $(SCRATCH)/bench/.
#
# What the runs check: fastlog's counters and file after every JMH iteration, and every line of
# every persisted run parsed as JSON (see bench/run_bench.py). Exit status is non-zero if a
# benchmark could not run or fastlog dropped, lost or mangled anything; a peer's losses are
# FINDINGs in the output and the results file. Every results file records its provenance: git
# revision and dirty flag, date, command, machine (bench/provenance.py).

BENCH_DIR := bench
BENCH_JAR := jmh/target/benchmarks.jar
BENCH_SCRATCH := $(SCRATCH)/bench
BENCH_PYTHON ?= /usr/bin/python3
BENCH_OPTS ?=
BENCH_RUN = python3 $(BENCH_DIR)/run_bench.py --java $(JAVA) --jar $(BENCH_JAR) \
	--scratch $(BENCH_SCRATCH) --python '$(BENCH_PYTHON)' \
	--command "make $@$(if $(BENCH_OPTS), BENCH_OPTS='$(BENCH_OPTS)')$(if $(filter-out /usr/bin/python3,$(BENCH_PYTHON)), BENCH_PYTHON='$(BENCH_PYTHON)')" \
	$(BENCH_OPTS)

.PHONY: bench bench-quick bench-nested bench-jar bench-chart bench-python-peers

## bench-jar: the shaded JMH + persisted benchmark jar (jmh/target/benchmarks.jar)
bench-jar: install
	$(MVN) $(MVN_FLAGS) -f jmh/pom.xml package
	@$(dir $(JAVA))jar tf $(BENCH_JAR) | grep -qx META-INF/BenchmarkList || \
	  { echo "bench-jar: $(BENCH_JAR) has no META-INF/BenchmarkList: JMH's annotation processor did not run"; exit 1; }

## bench-python-peers: Debian's python3-structlog, python3-pythonjsonlogger and python3-orjson, if they can be installed
bench-python-peers:
	@if [ -z "$(BENCH_PYTHON)" ]; then echo "bench: BENCH_PYTHON is empty: the Python peers are skipped"; exit 0; fi; \
	if $(BENCH_PYTHON) -c 'import structlog, pythonjsonlogger, orjson' 2>/dev/null; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
	  echo "bench: SKIPPING the missing Python peers: no apt-get to install python3-structlog python3-pythonjsonlogger python3-orjson"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "bench: SKIPPING the missing Python peers: not root and no password-less sudo to apt-get install them"; exit 0; fi; \
	if ! $(BENCH_PYTHON) -c 'import structlog, pythonjsonlogger' 2>/dev/null; then \
	  echo "bench: installing python3-structlog python3-pythonjsonlogger (Debian) for the Python peers"; \
	  ( $$SUDO apt-get install -y -q python3-structlog python3-pythonjsonlogger >/dev/null 2>&1 || \
	    { $$SUDO apt-get update -q >/dev/null 2>&1 && $$SUDO apt-get install -y -q python3-structlog python3-pythonjsonlogger >/dev/null 2>&1; } ) || \
	    echo "bench: SKIPPING structlog and python-json-logger: apt-get could not install python3-structlog python3-pythonjsonlogger"; \
	fi; \
	if ! $(BENCH_PYTHON) -c 'import orjson' 2>/dev/null; then \
	  ( $$SUDO apt-get install -y -q python3-orjson >/dev/null 2>&1 || \
	    { $$SUDO apt-get update -q >/dev/null 2>&1 && $$SUDO apt-get install -y -q python3-orjson >/dev/null 2>&1; } ) && \
	    echo "bench: installed python3-orjson (Debian) for structlog-orjson" || \
	    echo "bench: SKIPPING structlog-orjson: apt-get could not install python3-orjson (Debian 12 has no such package)"; \
	fi

## bench: every benchmark, full length (~70 min); bench/results/latest.json and chart.svg
bench: bench-jar bench-python-peers
	@mkdir -p $(BENCH_SCRATCH)
	$(BENCH_RUN) --mode full --results $(BENCH_DIR)/results/latest.json
	python3 $(BENCH_DIR)/chart.py $(BENCH_DIR)/results/latest.json $(BENCH_DIR)/results/chart.svg

## bench-quick: the same systems, fewer iterations and events (< 5 min); bench/results/quick.json
bench-quick: bench-jar bench-python-peers
	@mkdir -p $(BENCH_SCRATCH)
	$(BENCH_RUN) --mode quick --results $(BENCH_DIR)/results/quick.json
	python3 $(BENCH_DIR)/chart.py $(BENCH_DIR)/results/quick.json $(BENCH_DIR)/results/quick.svg

## bench-nested: nested values vs the peers and redaction's cost to the writer (~25 min); bench/results/nested.json
bench-nested: bench-jar
	@mkdir -p $(BENCH_SCRATCH)
	$(BENCH_RUN) --mode nested --only jmh --results $(BENCH_DIR)/results/nested.json

## bench-chart: redraw the chart from the last full run
bench-chart:
	python3 $(BENCH_DIR)/chart.py $(BENCH_DIR)/results/latest.json $(BENCH_DIR)/results/chart.svg

## bench-selftest: proves the benchmarks' checks fail when fastlog loses events (~2 min). fastlog is
## run with DROP and a tiny queue, so it drops; each check must then fail: the JMH iteration check
## (JMH run as run_bench.py runs it, with -foe true), PersistedBench, and a vthreads-compare
## Workload child. Succeeds only if all three caught it.
BENCH_SELFTEST_KNOBS := -Dbench.fastlog.fullQueuePolicy=DROP -Dbench.fastlog.queueCapacity=64
.PHONY: bench-selftest
bench-selftest: bench-jar vthreads-compare-jar
	@mkdir -p $(BENCH_SCRATCH)/selftest
	@echo "bench-selftest 1/3: JMH saturation with a dropping fastlog must fail"
	@if $(JAVA) --sun-misc-unsafe-memory-access=allow -jar $(BENCH_JAR) 'LoggerSaturationBenchmark.oneField$$' \
	    -p system=fastlog -f 1 -wi 0 -i 1 -r 300ms -foe true \
	    -jvmArgsAppend '-Dbench.dir=$(abspath $(BENCH_SCRATCH))/selftest $(BENCH_SELFTEST_KNOBS)' \
	    > $(BENCH_SCRATCH)/selftest/jmh.log 2>&1; then \
	  echo "bench-selftest: FAILED: JMH passed although fastlog dropped events (see $(BENCH_SCRATCH)/selftest/jmh.log)"; exit 1; fi; \
	grep -m1 -o 'FASTLOG BENCH CHECK FAILED[^(]*' $(BENCH_SCRATCH)/selftest/jmh.log || \
	  { echo "bench-selftest: FAILED: JMH failed, but not through fastlog's check"; exit 1; }
	@echo "bench-selftest 2/3: PersistedBench with a dropping fastlog must exit 2"
	@$(JAVA) -Xmx1g $(BENCH_SELFTEST_KNOBS) -cp $(BENCH_JAR) fastlog.bench.persisted.PersistedBench \
	    --system fastlog --events 300000 --threads 2 --file $(BENCH_SCRATCH)/selftest/p.ndjson \
	    > $(BENCH_SCRATCH)/selftest/persisted.log 2>&1; rc=$$?; grep -m1 '^FAIL' $(BENCH_SCRATCH)/selftest/persisted.log | cut -c1-300; \
	  if [ $$rc -ne 2 ]; then echo "bench-selftest: FAILED: PersistedBench exited $$rc, expected 2"; exit 1; fi
	@echo "bench-selftest 3/3: a vthreads-compare child with a dropping fastlog must exit 3"
	@$(JAVA) -Xmx2g -Dvt.fastlog.fullQueuePolicy=DROP -Dvt.fastlog.queueCapacity=64 -Dvt.parkWarmupRounds=1 \
	    -cp $(VTCOMPARE_JAR):$$(cat $(VTCOMPARE_DIR)/target/classpath.txt) fastlog.vtcompare.Workload \
	    fastlog vthreads 20000 3 $(BENCH_SCRATCH)/selftest/vt.ndjson > $(BENCH_SCRATCH)/selftest/vt.log 2>&1; rc=$$?; \
	  grep -m1 'workload: FAIL' $(BENCH_SCRATCH)/selftest/vt.log | cut -c1-300; \
	  if [ $$rc -ne 3 ]; then echo "bench-selftest: FAILED: the Workload child exited $$rc, expected 3"; exit 1; fi
	@echo "bench-selftest: OK: all three checks caught the dropped events"

## bench-rolling: the persisted benchmark into a file rotating every 64 MiB: fastlog's FileOutput vs
## Logback's RollingFileAppender and Log4j's RollingRandomAccessFile, plus fastlog without rotation
## (5 M events, 3 interleaved reps, 2 platform and 1,000 virtual threads; ~15-40 min on 2 cores).
## Writes bench/results/rolling-<date>.json. Knob: ROLLING_OPTS (e.g. '--events 2000000 --reps 2').
ROLLING_OPTS ?=
.PHONY: bench-rolling
bench-rolling: bench-jar
	@mkdir -p $(BENCH_SCRATCH)
	python3 $(BENCH_DIR)/rolling_bench.py --java $(JAVA) --jar $(BENCH_JAR) --scratch $(BENCH_SCRATCH) \
	  --command "make bench-rolling$(if $(ROLLING_OPTS), ROLLING_OPTS='$(ROLLING_OPTS)')" $(ROLLING_OPTS)
