# fastlog build. Needs a JDK >= 21 (found automatically: tools/find-jdk.sh) and Maven 3.8+.
SHELL := /bin/bash
.DEFAULT_GOAL := build

JDK := $(shell tools/find-jdk.sh)
ifeq ($(JDK),)
$(error no JDK >= 21 found; see the message above)
endif
export JAVA_HOME := $(JDK)
export PATH := $(JDK)/bin:$(PATH)
export MAVEN_OPTS ?= --sun-misc-unsafe-memory-access=allow
JAVA := $(JDK)/bin/java

MVN ?= mvn
MVN_FLAGS ?= -B -q -Dstyle.color=never
VERSION := 0.1.0-SNAPSHOT
JAR := target/fastlog-$(VERSION).jar
SCRATCH := .scratch

.PHONY: build install test unit-test demo schema-examples examples clean

## build: the library jar (target/fastlog-<version>.jar)
build:
	$(MVN) $(MVN_FLAGS) -DskipTests package

## install: the library into the local Maven repository, for the projects beside it
install:
	$(MVN) $(MVN_FLAGS) -DskipTests install

## test: everything CI checks: unit, reliability and multi-release jar tests, the examples build,
## the jcstress suite in its quick mode, and the proof that it can fail: jcstress must catch the
## deliberately broken queue (mk/jcstress.mk)
test: unit-test examples jcstress-quick jcstress-broken-check

unit-test:
	python3 tools/generate_logger.py --check
	python3 tools/generate_event_builder.py --check
	$(MVN) $(MVN_FLAGS) install

examples: install
	$(MVN) $(MVN_FLAGS) -f examples/pom.xml package

## demo: the example application, its own JPMS module, logging from many virtual threads;
## FORMAT=console|json|auto picks the output format (-Dfastlog.format), DEMO_REQUESTS how many requests
FORMAT ?=
DEMO_REQUESTS ?=
demo: examples
	$(JAVA) $(if $(FORMAT),-Dfastlog.format=$(FORMAT)) -p $(JAR):examples/target/classes \
	  -m fastlog.examples/fastlog.examples.DemoApp $(DEMO_REQUESTS)

## schema-examples: one line per schema preset (default, ecs, otel, logstash, gcp), as README shows them
schema-examples: examples
	$(JAVA) -p $(JAR):examples/target/classes -m fastlog.examples/fastlog.examples.SchemaLines
	$(JAVA) -p $(JAR):examples/target/classes -m fastlog.examples/fastlog.examples.SchemaLines --exception

clean:
	$(MVN) $(MVN_FLAGS) clean
	rm -rf examples/target jmh/target jcstress-tests/target vthreads-compare/target $(SCRATCH)

# Fragments for the projects beside the library.
-include mk/*.mk
