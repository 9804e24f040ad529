#!/usr/bin/env bash
# The ./emofuse launcher on a JDK 25 or newer (ahead-of-time cache, docs/acoustic-benchmark.md) gives
# exactly the features it gives on the default java, and trains its cache. Skips when no such JDK
# is installed under /usr/lib/jvm. Run by .ci/run after the build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
newer="$(scripts/newer-jdk.sh)"
if [ -z "$newer" ]; then
  echo "launcher-check: no JDK 25+ under /usr/lib/jvm; skipped"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./emofuse extract --set egemaps --out "$work/default.csv" samples >/dev/null 2>"$work/err1" \
  || { cat "$work/err1"; exit 1; }
EMOFUSE_JAVA="$newer" ./emofuse extract --set egemaps --out "$work/newer.csv" samples >/dev/null 2>"$work/err2" \
  || { cat "$work/err2"; exit 1; }
cmp "$work/default.csv" "$work/newer.csv" || { echo "launcher-check: features differ between JDKs"; exit 1; }
ls app/target/dist/emofuse-jdk*.aot >/dev/null 2>&1 || { cat "$work/err2"; echo "launcher-check: no AOT cache"; exit 1; }
if grep -q "could not train" "$work/err2"; then cat "$work/err2"; exit 1; fi
echo "launcher-check: $newer with its AOT cache gives the same eGeMAPS features as $(command -v java)"
