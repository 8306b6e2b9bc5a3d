#!/usr/bin/env bash
# Prints the provenance of a test or benchmark run as "key: value" lines: the git revision of
# this checkout and whether its tree was dirty, the date (UTC), and the machine (nproc, memory,
# CPU model, load, kernel, JDK). Callers append what only they know (the command, the options,
# the result) and keep the whole as run-info.txt next to the run's output.
#
# usage: tools/run-info.sh JAVA
#        tools/run-info.sh --quote ARGS...   prints ARGS as one shell command line (quoted only
#                                            where needed), for a "command:" line
set -u
if [ "${1:-}" = "--quote" ]; then
    shift
    words=()
    for a in "$@"; do
        if [[ $a =~ ^[A-Za-z0-9_./=:,+@%-]+$ ]]; then words+=("$a"); else words+=("'${a//\'/\'\\\'\'}'"); fi
    done
    echo "${words[*]}"
    exit 0
fi
java=${1:-java}
root=$(cd "$(dirname "$0")/.." && pwd)

if rev=$(git -C "$root" rev-parse HEAD 2>/dev/null); then
    echo "git_revision: $rev"
    echo "git_branch: $(git -C "$root" rev-parse --abbrev-ref HEAD 2>/dev/null)"
    echo "git_describe: $(git -C "$root" log -1 --format='%h %cI %s' 2>/dev/null)"
    changes=$(git -C "$root" status --porcelain 2>/dev/null)
    if [ -z "$changes" ]; then
        echo "git_dirty: no"
    else
        n=$(printf '%s\n' "$changes" | wc -l)
        echo "git_dirty: yes ($n files modified or untracked: $(printf '%s\n' "$changes" | head -5 | sed 's/^...//' | paste -sd' ')$([ "$n" -gt 5 ] && echo ' ...'))"
    fi
else
    echo "git_revision: unknown (not a git checkout: $root)"
    echo "git_dirty: unknown"
fi
echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "host: $(hostname 2>/dev/null || echo unknown)"
echo "nproc: $(nproc 2>/dev/null || echo unknown)"
echo "cpu_model: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)"
echo "memory: $(awk '/^MemTotal:/ {printf "%.1f GiB (MemTotal %d kB)", $2 / 1048576, $2}' /proc/meminfo 2>/dev/null)"
echo "load_average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (1, 5, 15 min, at the start)"
echo "kernel: $(uname -srmv 2>/dev/null)"
echo "java: $java"
echo "jdk: $("$java" -version 2>&1 | sed -n '1,2p' | paste -sd';' | sed 's/;/; /')"
