# fastlog-test (issue 15, section 2): a JUnit 5 extension that captures the events a test logs,
# with assertions on them. Included by the main Makefile, which defines MVN, MVN_FLAGS and
# `install`; mk/slf4j.mk and mk/jdk.mk define slf4j-jar and jdk-install (fastlog-slf4j and fastlog-jdk
# are test dependencies: SLF4J, java.util.logging and System.Logger calls must be captured too).
#
#   make ftest-test      build fastlog-test and run its tests twice: on the module path with the
#                        ScopedValue context, and on the class path with the Java 21 fallback
#                        context, both with JUnit's parallel execution (about a minute); then
#                        install it into the local Maven repository. Part of `make test`.
#   make ftest-install   only build and install fastlog-test (no tests), for projects that use it

FTEST_DIR := fastlog-test

.PHONY: ftest-test ftest-install ftest-clean

test: ftest-test
clean: ftest-clean

## ftest-test: fastlog-test's tests (module path + ScopedValue, class path + fallback); installs its jar
ftest-test: install slf4j-jar jdk-install
	$(MVN) $(MVN_FLAGS) -f $(FTEST_DIR)/pom.xml install

## ftest-install: fastlog-test's jar into the local Maven repository, without its tests
ftest-install: install slf4j-jar jdk-install
	$(MVN) $(MVN_FLAGS) -DskipTests -f $(FTEST_DIR)/pom.xml install

ftest-clean:
	rm -rf $(FTEST_DIR)/target
