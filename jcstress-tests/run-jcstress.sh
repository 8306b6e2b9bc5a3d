#!/usr/bin/env bash
# Runs the jcstress jar from a scratch directory (jcstress writes results/ and a results blob
# into the current directory) and prints a per-test summary.
#
# usage: run-jcstress.sh JAVA JAR WORKDIR TEST_REGEX [jcstress options...]
# exit:  0  every selected test that could run passed (and at least one ran)
#        1  jcstress reported failures (a FORBIDDEN outcome, or an error inside a test)
#        2  the run itself went wrong (no test ran, jcstress crashed, bad arguments)
set -u
if [ $# -lt 4 ]; then
    echo "usage: $0 JAVA JAR WORKDIR TEST_REGEX [jcstress options...]" >&2
    exit 2
fi
java=$1 jar=$2 dir=$3 regex=$4
shift 4
case $jar in /*) ;; *) jar=$PWD/$jar ;; esac
[ -f "$jar" ] || { echo "run-jcstress: no $jar (build it first)" >&2; exit 2; }
mkdir -p "$dir" && cd "$dir" || exit 2
rm -rf results jcstress-results-*.bin.gz jcstress.log tests.txt

jvm=(--enable-native-access=ALL-UNNAMED)
"$java" "${jvm[@]}" -jar "$jar" -l -t "$regex" 2>/dev/null | grep -E '^fastlog\.' | sort > tests.txt
if [ ! -s tests.txt ]; then
    echo "run-jcstress: no test matches '$regex'" >&2
    exit 2
fi

echo "jcstress $* -t '$regex'  ($(wc -l < tests.txt) tests; full log: $PWD/jcstress.log)"
start=$(date +%s)
# The console gets the progress; the (long) per-configuration failure dump stays in the log.
"$java" "${jvm[@]}" -jar "$jar" -t "$regex" "$@" 2>&1 | tee jcstress.log \
    | grep --line-buffered -v -E '^\s*$|\[OK\]|Observed forbidden state|^\s+at org\.openjdk'
rc=${PIPESTATUS[0]}
secs=$(( $(date +%s) - start ))

ran=0 failed=0 skipped=0 errors=0
echo
echo "================ jcstress summary ================"
while read -r t; do
    if grep -qE "\[FAILED\] $t\$" jcstress.log; then
        status=FAILED; failed=$((failed + 1)); ran=$((ran + 1))
    elif grep -qE "\[ERROR\] $t\$" jcstress.log; then
        status=ERROR; errors=$((errors + 1)); ran=$((ran + 1))
    elif [ -f "results/$t.html" ]; then
        status=passed; ran=$((ran + 1))
    else
        status="not run (needs more CPUs than this machine has)"; skipped=$((skipped + 1))
    fi
    printf '  %-86s %s\n' "$t" "$status"
done < tests.txt
grep -E '^\(Results:' jcstress.log | tail -1 | sed 's/^/  jcstress: /'
echo "  $ran ran, $failed failed, $errors errors, $skipped not run; ${secs} s; jcstress exit code $rc"
if [ "$failed" -gt 0 ] || [ "$errors" -gt 0 ]; then
    echo
    echo "Failed tests, all configurations merged (FORBIDDEN rows are the bug):"
    sed -n '/^  Failed tests:/,/^  Error tests:/p' jcstress.log | sed '1d;$d'
    sed -n '/^  Error tests:/,/^  All remaining tests:/p' jcstress.log | sed '$d' | grep -v 'No matches'
    echo "HTML report: $PWD/results/index.html"
    exit 1
fi
if [ "$rc" -ne 0 ] || [ "$ran" -eq 0 ]; then
    echo "run-jcstress: jcstress exited with $rc after running $ran tests; see $PWD/jcstress.log" >&2
    exit 2
fi
exit 0
