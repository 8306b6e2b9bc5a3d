# Virtual-thread scale (issue 6): a million virtual threads logging inside a scoped context, and
# the same workload side by side with Log4j 2 and Logback. Included by the main Makefile, which
# defines MVN, MVN_FLAGS, JAVA, JAR, SCRATCH and the targets `install` and `examples`.
#
#   make vthreads                1,000,000 virtual threads x 3 events (examples/ MillionThreads),
#                                stdout to $(SCRATCH)/vthreads/vthreads.ndjson, then checks: line count
#                                = threads x events, every line a JSON object, every thread's events
#                                present once and in order. Exits non-zero otherwise. About 30 s.
#   make vthreads-small          the same with 100,000 threads
#   make vthreads-compare        fastlog / Log4j 2 / Logback with 100,000 and 1,000,000 parked
#                                virtual threads, each (system, N) in its own JVM, each peer also as
#                                its experts would run it (log4j2-nothreadlocals), fastlog also with
#                                its fallback and without the ScopedValue cache; prints a table and
#                                RESULT lines, writes vthreads-compare/results/latest.json (~12 min
#                                when quiet). Every child parses and counts every line it wrote: a
#                                fastlog run short of a line fails the target; a peer's is a FINDING.
#                                The results file records revision, date, command and machine.
#   make vthreads-compare-quick  the same with 100,000 threads only (~3 min); results in
#                                $(SCRATCH)/vthreads-compare/quick.json
#
# Knobs: VTHREADS_N, VTHREADS_EVENTS, VTHREADS_JAVA_OPTS (default -Xmx2g), VTHREADS_KEEP=1 keeps the
# output file after a successful check; VTCOMPARE_OPTS passes -Dvt.* settings to the comparison
# (see docs/virtual-threads.md and Compare.java), e.g. VTCOMPARE_OPTS='-Dvt.reps=3'.

VTHREADS_N ?= 1000000
VTHREADS_EVENTS ?= 3
VTHREADS_JAVA_OPTS ?= -Xmx2g
VTHREADS_KEEP ?=
VTHREADS_DIR := $(SCRATCH)/vthreads
VTHREADS_MAIN := -p $(JAR):examples/target/classes -m fastlog.examples/fastlog.examples.MillionThreads
VTCOMPARE_DIR := vthreads-compare
VTCOMPARE_JAR := $(VTCOMPARE_DIR)/target/fastlog-vthreads-compare-0.1.0-SNAPSHOT.jar
VTCOMPARE_OPTS ?=

.PHONY: vthreads vthreads-small vthreads-compare vthreads-compare-quick vthreads-compare-jar

# $(call vthreads_run,THREADS,NAME): run MillionThreads, then check its output; non-zero on any failure.
define vthreads_run
	@command -v python3 >/dev/null || { echo "vthreads: python3 is needed to check the output"; exit 1; }
	@mkdir -p $(VTHREADS_DIR)
	$(JAVA) $(VTHREADS_JAVA_OPTS) $(VTHREADS_MAIN) $(1) $(VTHREADS_EVENTS) > $(VTHREADS_DIR)/$(2).ndjson
	python3 $(VTCOMPARE_DIR)/check_ndjson.py $(VTHREADS_DIR)/$(2).ndjson $$(( $(1) * $(VTHREADS_EVENTS) )) --per-thread $(VTHREADS_EVENTS)
	@if [ -z "$(VTHREADS_KEEP)" ]; then rm -f $(VTHREADS_DIR)/$(2).ndjson; fi
endef

## vthreads: 1,000,000 virtual threads log in a scoped context; verifies every line (non-zero if not)
vthreads: examples
	$(call vthreads_run,$(VTHREADS_N),vthreads)

## vthreads-small: the same with 100,000 virtual threads
vthreads-small: examples
	$(call vthreads_run,100000,vthreads-small)

vthreads-compare-jar: install
	$(MVN) $(MVN_FLAGS) -f $(VTCOMPARE_DIR)/pom.xml package

VTCOMPARE_RUN = $(JAVA) -cp $(VTCOMPARE_JAR):$$(cat $(VTCOMPARE_DIR)/target/classpath.txt) \
	-Dvt.scratch=$(SCRATCH)/vthreads-compare -Dvt.results=$(VTCOMPARE_DIR)/results/latest.json \
	-Dvt.command="make $@$(if $(VTCOMPARE_OPTS), VTCOMPARE_OPTS='$(VTCOMPARE_OPTS)')"

## vthreads-compare: fastlog vs Log4j 2 vs Logback, 100k and 1M parked virtual threads (~10 min)
vthreads-compare: vthreads-compare-jar
	$(VTCOMPARE_RUN) $(VTCOMPARE_OPTS) fastlog.vtcompare.Compare

## vthreads-compare-quick: the same with 100,000 virtual threads only
vthreads-compare-quick: vthreads-compare-jar
	$(VTCOMPARE_RUN) -Dvt.threads=100000 -Dvt.results=$(SCRATCH)/vthreads-compare/quick.json $(VTCOMPARE_OPTS) fastlog.vtcompare.Compare
