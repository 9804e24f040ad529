#!/usr/bin/env bash
# Server benchmarks; figures go to docs/server-benchmark.md by hand (with this command, the machine and
# the date). Needs ../shared (RAVDESS) and a build: (cd "$root" && mvn -o -q install -DskipTests &&
# mvn -o -q test-compile -pl server).
#   server/bench/run-benchmarks.sh [streams|analyze|batch|all] [stream counts...]
#   BENCH_SECONDS=30 server/bench/run-benchmarks.sh streams 1 2 4 6
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${EMOFUSE_SHARED:-$root/../shared}"
ravdess="$shared/data/ravdess"
what="${1:-all}"; shift || true
counts=("$@"); [ ${#counts[@]} -gt 0 ] || counts=(1 2 4 6 8)
lib="$root/app/target/dist/lib"
cp="$lib/*:$root/server/target/test-classes"
for extra in "$lib"/*.aar; do [ -e "$extra" ] && cp="$cp:$extra"; done
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
java_bench() { java -Xss4m -Dbench.seconds="${BENCH_SECONDS:-30}" -Dbench.requests="${BENCH_REQUESTS:-24}" -cp "$cp" io.emofuse.server.bench.ServerBenchmark "$ravdess" "$@"; }

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
if [ "$what" = streams ] || [ "$what" = all ]; then
  echo "## streaming: eof-to-final latency, N concurrent real-time streams, server vs plain Vosk"
  java_bench streams "${counts[@]}" 2>/dev/null
fi
if [ "$what" = analyze ] || [ "$what" = all ]; then
  echo "## /v1/analyze on a 4.0 s utterance"
  java_bench analyze 2>/dev/null
fi
if [ "$what" = batch ] || [ "$what" = all ]; then
  echo "## batch: emofuse score over RAVDESS audio turns (one dialogue per file)"
  work="$(mktemp -d)"
  n="${BATCH_FILES:-96}"
  ls "$ravdess/wav" | sort | head -n "$n" | awk '{printf "{\"dialogue_id\":\"%s\",\"turns\":[{\"turn_id\":1,\"audio\":\"wav/%s\"}]}\n", $1, $1}' > "$work/in.jsonl"
  for threads in 1 2; do
    rm -f "$work/out.jsonl"
    start=$(date +%s.%N)
    "$root/emofuse" score "$work/in.jsonl" --out "$work/out.jsonl" --threads "$threads" --no-progress \
      --audio-root "$ravdess" 2>&1 | grep -v '^[0-9:.]* \(INFO\|WARN\)' || true
    end=$(date +%s.%N)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')
    audio=$(ls "$ravdess/wav" | sort | head -n "$n" | while read -r f; do stat -c %s "$ravdess/wav/$f"; done \
      | awk '{s+=($1-44)/32000} END{printf "%.1f", s}')
    echo "threads=$threads files=$n audio_s=$audio wall_s=$(printf %.1f "$secs") (includes ~5 s model load)" \
      "utt_per_s=$(awk -v n="$n" -v s="$secs" 'BEGIN{printf "%.2f", n/s}')"
  done
  rm -rf "$work"
fi
