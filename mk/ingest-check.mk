# The ingestion check (issue 14 section 3): fastlog's ecs output bulk-indexed into a real
# OpenSearch 3.9.0 node started in-process on 127.0.0.1 from Maven Central jars. Included by the
# main Makefile, which defines MVN, MVN_FLAGS, JAVA and `install`. docs/ingestion-check.md.
#
#   make ingest-check   build the core (and fastlog-otel when it exists), build ingest-check/, run
#                       the generator JVM and the check; writes ingest-check/results/ingest-<date>.json,
#                       exits non-zero on any rejected line or failed assertion. Not part of
#                       `make test` (see docs/ingestion-check.md, "Cost").
#
# Knobs: INGEST_SCHEMA=ecs (default; the preset chosen with -Dfastlog.schema=ecs) or fieldnames (a
# stand-in for builds without the preset: only fieldNames(...)); INGEST_TRACE=otel (fastlog-otel
# writes the ids; the default when fastlog-otel/ exists) or fields (the generator binds them).

INGEST_DIR := ingest-check
INGEST_SCHEMA ?= ecs
INGEST_TRACE ?= $(if $(wildcard fastlog-otel/pom.xml),otel,fields)
# The check's JVM holds the node: 1 GB is ample for the node and the bulk (peak RSS ~300 MB here).
# Serial GC and C1 only halve the node's start-up CPU on 2 cores (docs/dev/opensearch-recipe.md).
INGEST_JVM_OPTS ?= -Xms256m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED
INGEST_GENERATOR_JVM_OPTS ?= -Xmx256m
INGEST_START_TIMEOUT ?= 180

.PHONY: ingest-check ingest-check-build ingest-check-clean

clean: ingest-check-clean

## ingest-check: fastlog's ecs lines into a real OpenSearch node; every line must be indexed
ingest-check: ingest-check-build
	cd $(INGEST_DIR) && $(JAVA) $(INGEST_JVM_OPTS) \
	  -cp target/classes:$$(cat target/check-classpath.txt) fastlog.ingest.check.IngestCheck \
	  --generator-classpath target/classes:$$(cat target/generator-classpath.txt) \
	  --generator-jvm-options "$(INGEST_GENERATOR_JVM_OPTS)" \
	  --schema $(INGEST_SCHEMA) --trace $(INGEST_TRACE) --start-timeout-seconds $(INGEST_START_TIMEOUT) \
	  --work target/ingest-run --results results --repo .. \
	  --command "make ingest-check INGEST_SCHEMA=$(INGEST_SCHEMA) INGEST_TRACE=$(INGEST_TRACE)"

# fastlog-otel (issue 14 section 2; mk/otel.mk's otel-install), when that project exists
ingest-check-build: install $(if $(wildcard fastlog-otel/pom.xml),otel-install)
	$(MVN) $(MVN_FLAGS) -f $(INGEST_DIR)/pom.xml package

ingest-check-clean:
	rm -rf $(INGEST_DIR)/target
