# The real-service integration test (issue 12): Jetty 12 + the JDK's HttpClient + java.util.logging
# + System.Logger + fastlog.api in one NDJSON stream, on the module path and on the class path.
# Included by the main Makefile, which defines MVN, MVN_FLAGS and `install`; the bridges' own
# fragments (mk/slf4j.mk, mk/jdk.mk) define slf4j-jar and jdk-install.
#
#   make service-example-test   build the bridges and the example, run ServiceAppIT (both paths)
#   make service-demo           run the example once, its NDJSON on stdout

.PHONY: service-example-test service-demo

SERVICE_DIR := service-example

## service-example-test: the example service on both paths; every line checked (part of make test)
service-example-test: slf4j-jar jdk-install
	$(MVN) $(MVN_FLAGS) -f $(SERVICE_DIR)/pom.xml verify

## service-demo: the example service, once, on the module path
service-demo: slf4j-jar jdk-install
	$(MVN) $(MVN_FLAGS) -f $(SERVICE_DIR)/pom.xml -DskipITs package
	$(JAVA) -Djdk.httpclient.HttpClient.log=requests \
	  -p $(SERVICE_DIR)/target/fastlog-service-example-0.1.0-SNAPSHOT.jar:$$(cat $(SERVICE_DIR)/target/runtime-classpath.txt) \
	  -m fastlog.serviceexample/fastlog.serviceexample.ServiceApp 5

test: service-example-test
