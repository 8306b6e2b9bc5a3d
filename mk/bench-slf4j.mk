# The SLF4J section of the benchmarks (issue 12 §4): the same SLF4J 2 calls through fastlog-slf4j,
# Logback + logstash-logback-encoder and log4j-slf4j2-impl + Log4j 2 async loggers. It runs inside
# `make bench` and `make bench-quick` (bench/slf4j_bench.py, called by bench/run_bench.py; RESULT
# lines named slf4j_*); this fragment only adds what it needs to the targets of mk/bench.mk:
#
#   bench-jar            also installs fastlog-slf4j (mk/slf4j.mk), which benchmarks.jar now holds
#   bench-selftest       also proves that fastlog's check after each iteration fails through the SLF4J
#                        benchmark when fastlog drops events (bench-selftest-slf4j)
#   bench-slf4j          only the SLF4J section, quick (about 2 minutes): bench/results/slf4j-quick.json
#                        (not a substitute for the same-run figures of make bench / bench-quick)

.PHONY: bench-selftest-slf4j bench-slf4j

bench-jar: slf4j-jar

bench-selftest: bench-selftest-slf4j

## bench-selftest-slf4j: a dropping fastlog must fail the SLF4J benchmark's check too
bench-selftest-slf4j: bench-jar
	@mkdir -p $(BENCH_SCRATCH)/selftest
	@echo "bench-selftest (SLF4J): JMH saturation through fastlog-slf4j with a dropping fastlog must fail"
	@if $(JAVA) --sun-misc-unsafe-memory-access=allow -jar $(BENCH_JAR) 'Slf4jSaturationBenchmark.fluent1$$' \
	    -p system=fastlog -f 1 -wi 0 -i 1 -r 300ms -foe true \
	    -jvmArgsAppend '-Dbench.dir=$(abspath $(BENCH_SCRATCH))/selftest $(BENCH_SELFTEST_KNOBS)' \
	    > $(BENCH_SCRATCH)/selftest/jmh-slf4j.log 2>&1; then \
	  echo "bench-selftest: FAILED: the SLF4J benchmark passed although fastlog dropped events (see $(BENCH_SCRATCH)/selftest/jmh-slf4j.log)"; exit 1; fi; \
	grep -m1 -o 'FASTLOG BENCH CHECK FAILED[^(]*' $(BENCH_SCRATCH)/selftest/jmh-slf4j.log || \
	  { echo "bench-selftest: FAILED: the SLF4J benchmark failed, but not through fastlog's check"; exit 1; }

## bench-slf4j: only the SLF4J section, quick mode
bench-slf4j: bench-jar
	@mkdir -p $(BENCH_SCRATCH)
	$(BENCH_RUN) --mode quick --only slf4j --results $(BENCH_DIR)/results/slf4j-quick.json
