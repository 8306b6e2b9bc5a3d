# fastlog-slf4j (issue 12): the SLF4J 2 provider beside the library. Included by the main
# Makefile, which defines MVN, MVN_FLAGS, JAVA, SCRATCH and `install`.
#
#   make slf4j-test         build fastlog-slf4j, run its unit tests (surefire, in-process) and its
#                           child-JVM tests against the packaged jar (failsafe: class path, module
#                           path, -Dslf4j.provider, fastlog.level/FASTLOG_LEVEL), install it into
#                           the local Maven repository. Part of `make test`.
#   make slf4j-mdc-memory   measure the bytes a parked virtual thread keeps after MDC.put +
#                           MDC.remove, fastlog vs Logback vs Log4j 2 (a few minutes); writes
#                           fastlog-slf4j/results/mdc-memory.txt. Not part of `make test`.
#                           SLF4J_MDC_OPTS passes options to its runner (e.g. '--threads 20000 --runs 3').
#   make slf4j-generate     regenerate FastlogLogger.java from fastlog-slf4j/tools/generate_logger.py

SLF4J_DIR := fastlog-slf4j
SLF4J_MDC_OPTS ?=

.PHONY: slf4j-test slf4j-jar slf4j-mdc-memory slf4j-generate

test: slf4j-test

## slf4j-test: fastlog-slf4j's unit and child-JVM tests; installs its jar
slf4j-test: install
	python3 $(SLF4J_DIR)/tools/generate_logger.py --check
	$(MVN) $(MVN_FLAGS) -f $(SLF4J_DIR)/pom.xml install

## slf4j-jar: fastlog-slf4j's jar into the local Maven repository, without its tests
slf4j-jar: install
	$(MVN) $(MVN_FLAGS) -DskipTests -f $(SLF4J_DIR)/pom.xml install

## slf4j-mdc-memory: MDC state per parked virtual thread, fastlog vs Logback vs Log4j 2
slf4j-mdc-memory: slf4j-jar
	$(MVN) $(MVN_FLAGS) -f $(SLF4J_DIR)/mdc-memory/pom.xml package
	python3 $(SLF4J_DIR)/mdc-memory/run.py --java $(JAVA) --dir $(SLF4J_DIR)/mdc-memory \
	  --out $(SLF4J_DIR)/results/mdc-memory.txt $(SLF4J_MDC_OPTS)

## slf4j-generate: FastlogLogger.java from its generator
slf4j-generate:
	python3 $(SLF4J_DIR)/tools/generate_logger.py
