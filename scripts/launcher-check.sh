#!/usr/bin/env bash
# The ./emofuse launcher: on the default java, extract's two JIT choices (C1 only for short jobs, C2 for
# long ones) give the same features; on a JDK 25 or newer (ahead-of-time cache, docs/acoustic-benchmark.md)
# it gives exactly the features it gives on the default java, and trains its cache (skipped when no such
# JDK is installed under /usr/lib/jvm). Run by .ci/run after the build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# extract on the default java picks its JIT by input size; both choices give the same features
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
opts_of() { EMOFUSE_PRINT_JVM_OPTS=1 ./emofuse "$@" 2>&1 >/dev/null | head -1; }
case "$(opts_of extract --set egemaps --out "$work/c1.csv" samples)" in
  *TieredStopAtLevel=1*) ;;
  *) echo "launcher-check: a short extract did not get C1 only"; exit 1 ;;
esac
JAVA_OPTS="-XX:+UseSerialGC -XX:-UseProfiledLoopPredicate -XX:-PartialPeelLoop" \
  ./emofuse extract --set egemaps --level lld --out "$work/c2.csv" samples >/dev/null 2>"$work/err0" \
  || { cat "$work/err0"; exit 1; }
./emofuse extract --set egemaps --level lld --out "$work/c1.csv" samples >/dev/null 2>"$work/err0" \
  || { cat "$work/err0"; exit 1; }
cmp "$work/c1.csv" "$work/c2.csv" || { echo "launcher-check: features differ between the JIT choices"; exit 1; }
echo "launcher-check: extract's two JIT choices give the same eGeMAPS LLDs"

newer="$(scripts/newer-jdk.sh)"
if [ -z "$newer" ]; then
  echo "launcher-check: no JDK 25+ under /usr/lib/jvm; skipped"
  exit 0
fi
./emofuse extract --set egemaps --out "$work/default.csv" samples >/dev/null 2>"$work/err1" \
  || { cat "$work/err1"; exit 1; }
EMOFUSE_JAVA="$newer" ./emofuse extract --set egemaps --out "$work/newer.csv" samples >/dev/null 2>"$work/err2" \
  || { cat "$work/err2"; exit 1; }
cmp "$work/default.csv" "$work/newer.csv" || { echo "launcher-check: features differ between JDKs"; exit 1; }
ls app/target/dist/emofuse-jdk*.aot >/dev/null 2>&1 || { cat "$work/err2"; echo "launcher-check: no AOT cache"; exit 1; }
if grep -q "could not train" "$work/err2"; then cat "$work/err2"; exit 1; fi
echo "launcher-check: $newer with its AOT cache gives the same eGeMAPS features as $(command -v java)"
