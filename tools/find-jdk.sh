#!/usr/bin/env bash
# Prints the home of a JDK >= 21: $JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
# Exits 1 with a message on stderr if there is none (the default java on these machines is 17).
set -u
MIN=21

major() { # java home -> feature version, or 0
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  case "$v" in ''|*[!0-9.]*) echo 0 ;; 1.*) echo 0 ;; *) echo "${v%%.*}" ;; esac
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(major "$JAVA_HOME")" -ge "$MIN" ]; then
  echo "$JAVA_HOME"; exit 0
fi
best=""; best_v=0
for home in /usr/lib/jvm/*/ /opt/java/*/ /usr/local/openjdk*/; do
  home=${home%/}
  [ -x "$home/bin/javac" ] || continue
  v=$(major "$home")
  if [ "$v" -ge "$MIN" ] && [ "$v" -gt "$best_v" ]; then best=$home; best_v=$v; fi
done
if [ -z "$best" ]; then
  echo "error: fastlog needs a JDK >= $MIN (javac included). JAVA_HOME=${JAVA_HOME:-<unset>} is not one," >&2
  echo "       and none was found under /usr/lib/jvm. Install e.g. Temurin 21 or 25 and set JAVA_HOME." >&2
  exit 1
fi
echo "$best"
