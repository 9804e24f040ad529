#!/usr/bin/env bash
# Compiles one benchmark class from scripts/bench against the emofuse distribution and runs it with
# the launcher's JVM flags. usage: scripts/bench/run-java.sh ClassName ARGS...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lib="$root/app/target/dist/lib"
[ -f "$lib/emofuse-app-0.1.0-SNAPSHOT.jar" ] || { echo "build first: (cd $root && mvn -o -q install -DskipTests)" >&2; exit 2; }
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
cp="$lib/*"
for extra in "$lib"/*.aar; do [ -e "$extra" ] && cp="$cp:$extra"; done
out="$root/scripts/bench/target"
mkdir -p "$out"
cls="$1"; shift
if [ ! -f "$out/$cls.class" ] || [ "$here/$cls.java" -nt "$out/$cls.class" ]; then
  javac -nowarn -d "$out" -cp "$cp" "$here/$cls.java"
fi
exec java ${JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=4 -Xshare:auto} -Dlogback.configurationFile="$here/logback-quiet.xml" -cp "$out:$cp" "$cls" "$@"
