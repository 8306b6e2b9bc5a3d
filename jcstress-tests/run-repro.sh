#!/usr/bin/env bash
# Runs a plain stress program from the jcstress jar (not a jcstress test; e.g.
# fastlog.jcstress.repro.StaleSealRepro) in a scratch directory, keeps its output in
# WORKDIR/output.log and the run's provenance (git revision, date, command, machine) in
# WORKDIR/run-info.txt, and passes on its exit code. The program is killed if it has not ended
# after TIMEOUT seconds (a hung program must fail the run, not hang it): exit code 124.
#
# usage: run-repro.sh JAVA JAR WORKDIR TIMEOUT MAIN_CLASS [program arguments...]
# exit:  the program's exit code (0: it found nothing), 124 if it had to be killed, 2 on bad usage
#
# Environment: RUN_INFO_CONTEXT (e.g. "make jcstress") is recorded in run-info.txt.
set -u
if [ $# -lt 5 ]; then
    echo "usage: $0 JAVA JAR WORKDIR TIMEOUT MAIN_CLASS [args...]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
invocation=$("$root/tools/run-info.sh" --quote "$0" "$@")
java=$1 jar=$2 dir=$3 limit=$4 main=$5
shift 5
case $jar in /*) ;; *) jar=$PWD/$jar ;; esac
[ -f "$jar" ] || { echo "run-repro: no $jar (build it first)" >&2; exit 2; }
case $limit in ''|*[!0-9]*) echo "run-repro: bad TIMEOUT '$limit'" >&2; exit 2 ;; esac
mkdir -p "$dir" && cd "$dir" || exit 2
rm -f output.log run-info.txt

cmd=("$java" -cp "$jar" "$main" "$@")
name=${main##*.}
{
    echo "# Provenance of this run (written by jcstress-tests/run-repro.sh)."
    echo "run: $main"
    echo "context: ${RUN_INFO_CONTEXT:-run-repro.sh called directly}"
    echo "invocation: $invocation"
    echo "command: $("$root/tools/run-info.sh" --quote "${cmd[@]}")"
    echo "time_limit_seconds: $limit"
    echo "workdir: $PWD"
    echo "jar: $jar"
    echo "jar_sha256: $(sha256sum "$jar" | cut -d' ' -f1)"
    "$root/tools/run-info.sh" "$java"
} > run-info.txt

echo "$name $*  (killed after $limit s; output: $PWD/output.log)"
start=$(date +%s)
timeout --kill-after=10 "$limit" "${cmd[@]}" 2>&1 | tee output.log
rc=${PIPESTATUS[0]}
secs=$(( $(date +%s) - start ))
case $rc in
    0) verdict="passed" ;;
    124|137) rc=124; verdict="FAILED: still running after $limit s, killed (hung?)" ;;
    *) verdict="FAILED (exit code $rc; see the program's javadoc for what it means)" ;;
esac
{
    echo "finished_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "seconds: $secs"
    echo "exit_code: $rc"
    echo "result: $verdict"
} >> run-info.txt
echo "$name: $verdict in $secs s"
echo "  provenance (git revision, date, command, machine): $PWD/run-info.txt"
exit "$rc"
