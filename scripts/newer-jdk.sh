#!/usr/bin/env bash
# Prints the java binary of a JDK 25 or newer under /usr/lib/jvm (the last in name order), or nothing:
# the JVM with which ./emofuse uses its ahead-of-time cache. Used by launcher-check.sh and bench-acoustic.sh.
for j in /usr/lib/jvm/*/; do
  v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$j/release" 2>/dev/null || true)"
  if [ -n "$v" ] && [ "$v" -ge 25 ] && [ -x "$j/bin/java" ]; then newer="${j%/}/bin/java"; fi
done
echo "${newer:-}"
