# fastlog-otel (issue 14, section 2): trace correlation from OpenTelemetry, the
# fastlog.api.TraceContextProvider that fastlog finds with ServiceLoader. Included by the main
# Makefile, which defines MVN, MVN_FLAGS and `install`; mk/slf4j.mk defines slf4j-jar (fastlog-slf4j
# is a test dependency: lines logged through SLF4J must carry the span's ids too).
#
#   make otel-test      build fastlog-otel and run its tests with the real OpenTelemetry SDK (spans on
#                       platform and virtual threads, Context.wrap hand-offs, SLF4J, and a child JVM
#                       that finds the provider on the module path; about 20 s), then install it into
#                       the local Maven repository. Part of `make test`.
#   make otel-install   only build and install fastlog-otel (no tests), e.g. for the benchmark jar
#   make bench-trace    only the trace section of bench-quick: bench/results/trace-quick.json

OTEL_DIR := fastlog-otel

.PHONY: otel-test otel-install otel-clean

test: otel-test
clean: otel-clean

## otel-test: fastlog-otel's tests with the OpenTelemetry SDK; installs its jar
otel-test: install slf4j-jar
	$(MVN) $(MVN_FLAGS) -f $(OTEL_DIR)/pom.xml install

## otel-install: fastlog-otel's jar into the local Maven repository, without its tests
otel-install: install
	$(MVN) $(MVN_FLAGS) -DskipTests -f $(OTEL_DIR)/pom.xml install

otel-clean:
	rm -rf $(OTEL_DIR)/target

# benchmarks.jar holds fastlog-otel (TraceCallerCostBenchmark, mk/bench.mk)
bench-jar: otel-install

.PHONY: bench-trace

## bench-trace: only the trace section of bench-quick (TraceCallerCostBenchmark, about 1 minute):
## bench/results/trace-quick.json. make bench-quick and make bench run it too (bench/trace_bench.py).
bench-trace: bench-jar
	@mkdir -p $(BENCH_SCRATCH)
	$(BENCH_RUN) --mode quick --only trace --results $(BENCH_DIR)/results/trace-quick.json
