#!/usr/bin/env bash
# Runs the jcstress jar from a scratch directory (jcstress writes results/ and a results blob
# into the current directory), prints a per-test summary, and records the run's provenance
# (git revision, date, command, machine) in WORKDIR/run-info.txt.
#
# usage: run-jcstress.sh JAVA JAR WORKDIR TEST_REGEX [jcstress options...]
# exit:  0  every selected test ran and passed (tests excused by needs-more-cpus.txt aside)
#        1  jcstress reported failures (a FORBIDDEN outcome, or an error inside a test), and
#           every other selected test ran or was excused
#        2  the run itself went wrong (bad arguments, no test matched or ran, jcstress crashed,
#           or needs-more-cpus.txt is wrong about a test)
#        3  a selected test did not run and is not excused (see below); takes precedence over 1,
#           so a broken-queue check that expects 1 cannot pass on a run that skipped a test
#
# "Not run": jcstress skips a test whose actor count exceeds the CPUs it may use. Such a test is
# excused only if it is listed in needs-more-cpus.txt (next to this script; override with
# JCSTRESS_NEEDS_MORE_CPUS=file) AND its actor count, read from the jar, really exceeds the CPUs
# of this run: `nproc`, or N if the options contain `-c N`. Any other test that did not run
# fails the run.
#
# Environment: RUN_INFO_CONTEXT (e.g. "make jcstress-quick") is recorded in run-info.txt.
set -u
if [ $# -lt 4 ]; then
    echo "usage: $0 JAVA JAR WORKDIR TEST_REGEX [jcstress options...]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
invocation=$("$root/tools/run-info.sh" --quote "$0" "$@")
java=$1 jar=$2 dir=$3 regex=$4
shift 4
case $jar in /*) ;; *) jar=$PWD/$jar ;; esac
list=${JCSTRESS_NEEDS_MORE_CPUS:-$here/needs-more-cpus.txt}
case $list in /*) ;; *) list=$PWD/$list ;; esac
[ -f "$jar" ] || { echo "run-jcstress: no $jar (build it first)" >&2; exit 2; }
[ -f "$list" ] || { echo "run-jcstress: no $list" >&2; exit 2; }

# The CPUs this run may use: what jcstress compares a test's actor count with.
cpus=$(nproc)
cpu_source="nproc"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[i]}" = "-c" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
        cpus=${args[i + 1]}
        cpu_source="jcstress option -c (nproc is $(nproc))"
    fi
done
case $cpus in ''|*[!0-9]*) echo "run-jcstress: bad CPU count '$cpus'" >&2; exit 2 ;; esac

mkdir -p "$dir" && cd "$dir" || exit 2
rm -rf results jcstress-results-*.bin.gz jcstress.log tests.txt actors.txt run-info.txt

jvm=(--enable-native-access=ALL-UNNAMED)
"$java" "${jvm[@]}" -jar "$jar" -l -t "$regex" 2>/dev/null | grep -E '^fastlog\.' | sort > tests.txt
if [ ! -s tests.txt ]; then
    echo "run-jcstress: no test matches '$regex'" >&2
    exit 2
fi

# Every test's actor count, as jcstress reads it from the jar.
if ! "$java" -cp "$jar" "$here/ActorCounts.java" > actors.txt 2> actors.err || [ ! -s actors.txt ]; then
    echo "run-jcstress: could not read the actor counts from $jar:" >&2
    cat actors.err >&2
    exit 2
fi
rm -f actors.err
declare -A actors listed_actors listed_why
while read -r t n; do
    actors[$t]=$n
done < actors.txt

# needs-more-cpus.txt: "<test> <actors> <why>"; '#' starts a comment. Wrong entries are errors:
# the list must describe the jar as it is.
bad_list=0
while read -r t n why; do
    case $t in ''|'#'*) continue ;; esac
    if [ -z "${actors[$t]:-}" ]; then
        echo "run-jcstress: $list lists $t, which is not a jcstress test in $jar (renamed or removed?)" >&2
        bad_list=1
    elif [ "$n" != "${actors[$t]}" ]; then
        echo "run-jcstress: $list says $t has ${n:-no} actors, the jar says ${actors[$t]}" >&2
        bad_list=1
    elif [ -z "$why" ]; then
        echo "run-jcstress: $list gives no reason for $t" >&2
        bad_list=1
    else
        listed_actors[$t]=$n
        listed_why[$t]=$why
    fi
done < "$list"
[ "$bad_list" -eq 0 ] || exit 2

cmd=("$java" "${jvm[@]}" -jar "$jar" -t "$regex" "$@")
started_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)
{
    echo "# Provenance of this jcstress run (written by jcstress-tests/run-jcstress.sh)."
    echo "run: jcstress"
    echo "context: ${RUN_INFO_CONTEXT:-run-jcstress.sh called directly}"
    echo "invocation: $invocation"
    echo "command: $("$root/tools/run-info.sh" --quote "${cmd[@]}")"
    echo "workdir: $PWD"
    echo "test_regex: $regex"
    echo "jcstress_options: $*"
    echo "tests_selected: $(wc -l < tests.txt)"
    echo "cpus_for_jcstress: $cpus (from $cpu_source)"
    echo "needs_more_cpus_list: $list"
    echo "jar: $jar"
    echo "jar_sha256: $(sha256sum "$jar" | cut -d' ' -f1)"
    "$root/tools/run-info.sh" "$java"
} > run-info.txt

echo "jcstress $* -t '$regex'  ($(wc -l < tests.txt) tests; full log: $PWD/jcstress.log)"
start=$(date +%s)
# The console gets the progress; the (long) per-configuration failure dump stays in the log.
"${cmd[@]}" 2>&1 | tee jcstress.log \
    | grep --line-buffered -v -E '^\s*$|\[OK\]|Observed forbidden state|^\s+at org\.openjdk'
rc=${PIPESTATUS[0]}
secs=$(( $(date +%s) - start ))

ran=0 failed=0 skipped=0 excused=0 errors=0
unexcused=()
echo
echo "================ jcstress summary ================"
while read -r t; do
    n=${actors[$t]:-?}
    if grep -qE "\[FAILED\] $t\$" jcstress.log; then
        status=FAILED; failed=$((failed + 1)); ran=$((ran + 1))
    elif grep -qE "\[ERROR\] $t\$" jcstress.log; then
        status=ERROR; errors=$((errors + 1)); ran=$((ran + 1))
    elif [ -f "results/$t.html" ]; then
        status=passed; ran=$((ran + 1))
    elif [ -n "${listed_actors[$t]:-}" ] && [ "$n" -gt "$cpus" ]; then
        status="not run: needs $n CPUs, this run has $cpus (excused: needs-more-cpus.txt)"
        skipped=$((skipped + 1)); excused=$((excused + 1))
    else
        skipped=$((skipped + 1)); unexcused+=("$t")
        if [ "$n" != "?" ] && [ "$n" -gt "$cpus" ]; then
            status="NOT RUN: needs $n CPUs, this run has $cpus, and it is not in needs-more-cpus.txt"
        else
            status="NOT RUN although its $n actors fit on $cpus CPUs (see jcstress.log)"
        fi
    fi
    printf '  %-86s %s\n' "$t" "$status"
done < tests.txt
grep -E '^\(Results:' jcstress.log | tail -1 | sed 's/^/  jcstress: /'
echo "  $ran ran, $failed failed, $errors errors, $skipped not run ($excused excused); ${secs} s; jcstress exit code $rc"

verdict=0
if [ "$failed" -gt 0 ] || [ "$errors" -gt 0 ]; then
    echo
    echo "Failed tests, all configurations merged (FORBIDDEN rows are the bug):"
    sed -n '/^  Failed tests:/,/^  Error tests:/p' jcstress.log | sed '1d;$d'
    sed -n '/^  Error tests:/,/^  All remaining tests:/p' jcstress.log | sed '$d' | grep -v 'No matches'
    echo "HTML report: $PWD/results/index.html"
    verdict=1
elif [ "$rc" -ne 0 ] || [ "$ran" -eq 0 ]; then
    echo "run-jcstress: jcstress exited with $rc after running $ran tests; see $PWD/jcstress.log" >&2
    verdict=2
fi
if [ ${#unexcused[@]} -gt 0 ]; then
    echo
    echo "run-jcstress: ${#unexcused[@]} selected test(s) did not run and are not excused:" >&2
    printf '  %s\n' "${unexcused[@]}" >&2
    echo "A test that needs more CPUs than CI has belongs in $list (with its actor count and why);" >&2
    echo "anything else that did not run is a broken run (see $PWD/jcstress.log)." >&2
    verdict=3
fi
{
    echo "started_utc: $started_utc"
    echo "finished_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "jcstress_seconds: $secs"
    echo "jcstress_exit_code: $rc"
    echo "tests: $ran ran, $failed failed, $errors errors, $skipped not run ($excused excused: needs more CPUs)"
    [ ${#unexcused[@]} -eq 0 ] || echo "not_run_unexcused: ${unexcused[*]}"
    echo "exit_code: $verdict"
} >> run-info.txt
echo "  provenance (git revision, date, command, machine): $PWD/run-info.txt"
exit "$verdict"
