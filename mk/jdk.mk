# fastlog-jdk: java.util.logging Handler + System.LoggerFinder (issue 12, section 2).
# Included by the main Makefile, which defines MVN, MVN_FLAGS and `install`.
#
#   make jdk-test      build fastlog-jdk, run its unit tests (in-process, module path) and its
#                      child-JVM tests (the packaged jar on the module path and on the class path),
#                      then install it into the local Maven repository; run by `make test`
#   make jdk-install   only build and install fastlog-jdk (no tests), for projects that use it

JDK_DIR := fastlog-jdk

.PHONY: jdk-test jdk-install jdk-clean

test: jdk-test
clean: jdk-clean

jdk-test: install
	$(MVN) $(MVN_FLAGS) -f $(JDK_DIR)/pom.xml install

jdk-install: install
	$(MVN) $(MVN_FLAGS) -DskipTests -f $(JDK_DIR)/pom.xml install

jdk-clean:
	rm -rf $(JDK_DIR)/target
