#!/usr/bin/env bash
# Compiles and runs DisabledCostBenchmark (JMH 1.37) against the built jars:
#   make jdk-install && fastlog-jdk/bench/run.sh [JMH options, e.g. -f 1 -prof gc]
# Needs JAVA_HOME (a JDK >= 21) and jmh-core / jmh-generator-annprocess 1.37 with their
# dependencies in the local Maven repository (M2, default ~/.m2/repository); the Makefile's
# `bench-jar` target downloads them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
M2=${M2:-$HOME/.m2/repository}
JAVA_HOME=${JAVA_HOME:?set JAVA_HOME to a JDK >= 21}
v=0.1.0-SNAPSHOT
cp="$M2/dev/fastlog/fastlog/$v/fastlog-$v.jar:$here/../target/fastlog-jdk-$v.jar"
jmh="$M2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$M2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$M2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
proc="$M2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar:$jmh"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$JAVA_HOME/bin/javac" --release 21 -proc:full -processorpath "$proc" -cp "$cp:$jmh" -d "$out" "$here/DisabledCostBenchmark.java"
"$JAVA_HOME/bin/java" -cp "$out:$cp:$jmh" org.openjdk.jmh.Main fastlog.jdk.bench.DisabledCostBenchmark "$@"
