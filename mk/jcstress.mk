# jcstress: concurrency stress tests for the core's lock-free structures (jcstress-tests/).
# Included by the main Makefile, which defines MVN, MVN_FLAGS, JAVA, SCRATCH and `install`.
#
#   make jcstress          default mode, every test except the broken variant (~1 h 45 min on 2 cores)
#   make jcstress-quick    fast mode, run by `make test` / CI (about 4.5 minutes on 2 cores)
#   make jcstress-broken   the deliberately broken queue: exits NON-ZERO when jcstress catches
#                          it (the expected result), zero (with a warning) if it slipped through
#   make jcstress-broken-check   the same run inverted for CI: succeeds only if jcstress caught it
#
# Override the modes with JCSTRESS_OPTS / JCSTRESS_QUICK_OPTS / JCSTRESS_BROKEN_OPTS, e.g.
#   make jcstress JCSTRESS_OPTS='-m tough'
# Results go to $(SCRATCH)/jcstress/<target>/ (results/index.html, jcstress.log).

JCSTRESS_DIR := jcstress-tests
JCSTRESS_JAR := $(CURDIR)/$(JCSTRESS_DIR)/target/jcstress.jar
JCSTRESS_RUN := $(JCSTRESS_DIR)/run-jcstress.sh $(JAVA) $(JCSTRESS_JAR)
JCSTRESS_WORK := $(abspath $(SCRATCH))/jcstress
# Everything but fastlog.jcstress.broken.
JCSTRESS_TESTS := ^fastlog\.jcstress\.(queue|stripe|wakeup|context|sampling)\.
JCSTRESS_BROKEN_TESTS := ^fastlog\.jcstress\.broken\.
JCSTRESS_OPTS ?= -m default
# quick preset minus split per-actor compilation: 4 runs per test instead of 14 (~14 s per test).
JCSTRESS_QUICK_OPTS ?= -m quick -sc false
JCSTRESS_BROKEN_OPTS ?= -m quick -sc false

.PHONY: jcstress jcstress-quick jcstress-broken jcstress-broken-check jcstress-jar

## jcstress-jar: the self-contained jcstress-tests/target/jcstress.jar (against the installed library)
jcstress-jar: install
	$(MVN) $(MVN_FLAGS) -f $(JCSTRESS_DIR)/pom.xml package

## jcstress: all jcstress tests in the default mode; non-zero exit on any failure
jcstress: jcstress-jar
	$(JCSTRESS_RUN) $(JCSTRESS_WORK)/default '$(JCSTRESS_TESTS)' $(JCSTRESS_OPTS)

## jcstress-quick: all jcstress tests in the fast mode (part of `make test`)
jcstress-quick: jcstress-jar
	$(JCSTRESS_RUN) $(JCSTRESS_WORK)/quick '$(JCSTRESS_TESTS)' $(JCSTRESS_QUICK_OPTS)

## jcstress-broken: the deliberately broken queue; exits non-zero because jcstress catches it
jcstress-broken: jcstress-jar
	@$(JCSTRESS_RUN) $(JCSTRESS_WORK)/broken '$(JCSTRESS_BROKEN_TESTS)' $(JCSTRESS_BROKEN_OPTS); rc=$$?; \
	if [ $$rc -eq 1 ]; then \
	  echo "jcstress-broken: jcstress CAUGHT the broken queue (FORBIDDEN outcomes above); exiting non-zero as intended."; \
	  exit 1; \
	elif [ $$rc -eq 0 ]; then \
	  echo "jcstress-broken: WARNING: jcstress did NOT catch the broken queue in this run (exit 0)."; \
	  echo "jcstress-broken: a suite that cannot fail proves nothing; rerun with JCSTRESS_BROKEN_OPTS='-m default'."; \
	  exit 0; \
	else \
	  echo "jcstress-broken: the run itself failed (exit $$rc), no verdict."; exit $$rc; \
	fi

## jcstress-broken-check: succeeds only if jcstress catches the broken queue (for CI)
jcstress-broken-check: jcstress-jar
	@$(JCSTRESS_RUN) $(JCSTRESS_WORK)/broken '$(JCSTRESS_BROKEN_TESTS)' $(JCSTRESS_BROKEN_OPTS); rc=$$?; \
	if [ $$rc -eq 1 ]; then echo "jcstress-broken-check: OK, jcstress caught the broken queue."; exit 0; fi; \
	echo "jcstress-broken-check: FAILED, jcstress did not catch the broken queue (exit $$rc)."; exit 1
