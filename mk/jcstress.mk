# jcstress: concurrency stress tests for the core's lock-free structures (jcstress-tests/).
# Included by the main Makefile, which defines MVN, MVN_FLAGS, JAVA, SCRATCH and `install`.
#
#   make jcstress          StaleSealRepro (30 s), then every jcstress test except the broken
#                          variant in the default mode (~1 h 45 min on 2 cores); fails if either fails
#   make jcstress-quick    every test except the broken variant, fast mode (about 4.5 minutes on
#                          an idle 2-core machine); part of `make test`
#   make jcstress-broken   the deliberately broken queue: exits NON-ZERO when jcstress catches
#                          it (the expected result), zero (with a warning) if it slipped through
#   make jcstress-broken-check   the same run inverted: succeeds only if jcstress caught it (the
#                          proof that the suite can fail); part of `make test`
#   make jcstress-repro    only fastlog.jcstress.repro.StaleSealRepro (a plain program, not a
#                          jcstress test), with JCSTRESS_REPRO_ARGS; killed after
#                          JCSTRESS_REPRO_TIMEOUT seconds
#
# "Not run" fails: jcstress skips a test with more actors than CPUs, and every target above then
# fails, unless jcstress-tests/needs-more-cpus.txt lists the test (with its actor count and why)
# and its actor count really exceeds nproc (or N of `-c N` in the options). See run-jcstress.sh.
#
# Override the modes with JCSTRESS_OPTS / JCSTRESS_QUICK_OPTS / JCSTRESS_BROKEN_OPTS, e.g.
#   make jcstress JCSTRESS_OPTS='-m tough'
# Results go to $(SCRATCH)/jcstress/<name>/ (default, quick, broken, repro): results/index.html and
# jcstress.log (output.log for the repro), and run-info.txt with the run's provenance: git
# revision and whether the tree was dirty, date (UTC), the exact command and options, and the
# machine (nproc, memory, CPU, load, kernel, JDK). The summary at the end prints its path.

JCSTRESS_DIR := jcstress-tests
# What run-info.txt records as the context, e.g. "make test (target jcstress-quick)".
JCSTRESS_CONTEXT = make $(or $(MAKECMDGOALS),$(.DEFAULT_GOAL)) (target $@)
JCSTRESS_JAR := $(CURDIR)/$(JCSTRESS_DIR)/target/jcstress.jar
JCSTRESS_RUN = RUN_INFO_CONTEXT='$(JCSTRESS_CONTEXT)' $(JCSTRESS_DIR)/run-jcstress.sh $(JAVA) $(JCSTRESS_JAR)
JCSTRESS_WORK := $(abspath $(SCRATCH))/jcstress
# Every test but fastlog.jcstress.broken (a Java regex: a new test package is included by default).
JCSTRESS_TESTS := ^fastlog\.jcstress\.(?!broken\.)
JCSTRESS_BROKEN_TESTS := ^fastlog\.jcstress\.broken\.
JCSTRESS_OPTS ?= -m default
# quick preset minus split per-actor compilation: 4 runs per test instead of 14 (~14 s per test).
JCSTRESS_QUICK_OPTS ?= -m quick -sc false
JCSTRESS_BROKEN_OPTS ?= -m quick -sc false
# StaleSealRepro [seconds] [producers]: exits 0 if it found nothing, 1 on a wedged stripe, 2 on a
# torn batch or lost records. The time limit only catches a program that hangs.
JCSTRESS_REPRO_ARGS ?= 30 8
JCSTRESS_REPRO_TIMEOUT ?= 300
JCSTRESS_REPRO = RUN_INFO_CONTEXT='$(JCSTRESS_CONTEXT)' $(JCSTRESS_DIR)/run-repro.sh $(JAVA) $(JCSTRESS_JAR) \
	$(JCSTRESS_WORK)/repro $(JCSTRESS_REPRO_TIMEOUT) fastlog.jcstress.repro.StaleSealRepro $(JCSTRESS_REPRO_ARGS)

.PHONY: jcstress jcstress-quick jcstress-broken jcstress-broken-check jcstress-repro jcstress-jar

## jcstress-jar: the self-contained jcstress-tests/target/jcstress.jar (against the installed library)
jcstress-jar: install
	$(MVN) $(MVN_FLAGS) -f $(JCSTRESS_DIR)/pom.xml package

## jcstress: StaleSealRepro, then all jcstress tests in the default mode; non-zero exit if either fails
jcstress: jcstress-jar
	@repro=0; suite=0; \
	$(JCSTRESS_REPRO) || repro=$$?; \
	echo; \
	$(JCSTRESS_RUN) $(JCSTRESS_WORK)/default '$(JCSTRESS_TESTS)' $(JCSTRESS_OPTS) || suite=$$?; \
	echo; \
	echo "make jcstress: StaleSealRepro exit code $$repro, jcstress suite exit code $$suite (0 = passed)"; \
	[ $$repro -eq 0 ] && [ $$suite -eq 0 ]

## jcstress-repro: only StaleSealRepro (also run by `make jcstress`)
jcstress-repro: jcstress-jar
	@$(JCSTRESS_REPRO)

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

## jcstress-broken-check: succeeds only if jcstress catches the broken queue (part of `make test`)
jcstress-broken-check: jcstress-jar
	@$(JCSTRESS_RUN) $(JCSTRESS_WORK)/broken '$(JCSTRESS_BROKEN_TESTS)' $(JCSTRESS_BROKEN_OPTS); rc=$$?; \
	if [ $$rc -eq 1 ]; then echo "jcstress-broken-check: OK, jcstress caught the broken queue."; exit 0; fi; \
	echo "jcstress-broken-check: FAILED, jcstress did not catch the broken queue (exit $$rc; 0 = the bug slipped through, 2 = the run went wrong, 3 = a test did not run)."; exit 1
