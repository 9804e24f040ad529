#!/usr/bin/env bash
# Linguistic benchmarks, each side by side with its anchor in the same run (figures: docs/linguistic-benchmark.md).
#   scripts/bench-linguistic.sh asr    [N_FILES] [REPEATS]   transcribe vs a plain Vosk loop (whole processes)
#   scripts/bench-linguistic.sh embed  [MODEL] [N] [REPEATS] MiniLM/bge-small vs plain ONNX Runtime
#   scripts/bench-linguistic.sh stream [STREAMS] [N_FILES]   streaming final-result latency
#   scripts/bench-linguistic.sh asr-inline [N_FILES] [ROUNDS] per-file decoding cost, both in one JVM
# Data: ../shared/data (RAVDESS wav/, EmoBank emobank.csv). Build first: mvn -o -q install -DskipTests
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${EMOFUSE_SHARED:-$root/../shared}/data"
work="$root/scripts/bench/target/run"
mkdir -p "$work"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load avg $(cut -d' ' -f1-3 /proc/loadavg)"

# Every k-th RAVDESS file so that N files span all 16 actors.
ravdess_files() {
  local n="$1" all step
  mapfile -t all < <(tail -n +2 "$shared/ravdess/manifest.csv" | cut -d, -f2)
  step=$(( ${#all[@]} / n )); [ "$step" -lt 1 ] && step=1
  for ((i = 0; i < ${#all[@]} && i / step < n; i += step)); do echo "$shared/ravdess/${all[$i]}"; done
}

case "${1:-}" in
  asr)
    n="${2:-60}"; reps="${3:-3}"
    mapfile -t files < <(ravdess_files "$n")
    model="${EMOFUSE_HOME:-$HOME/.emofuse}/models/vosk-en-us"
    [ -d "$model" ] || "$root/emofuse" models --extract >/dev/null
    "$here/bench/run-java.sh" PlainVoskLoop "$model" /dev/null "${files[0]}" 2>/dev/null   # compile + warm the page cache
    echo "files=${#files[@]} audio_s=$(python3 -c "import sys,os; print(round(sum((os.path.getsize(f)-44)/32000 for f in sys.argv[1:]),1))" "${files[@]}")"
    # wall seconds, and user+sys CPU seconds of the whole process (robust to other load: Vosk decodes on one thread)
    timed() { /usr/bin/time -f "%e,%U,%S" -o "$work/time.txt" "$@"; awk -F, '{printf "%s,%.2f\n", $1, $2 + $3}' "$work/time.txt"; }
    echo "rep,run,wall_s,cpu_s"
    for ((r = 1; r <= reps; r++)); do
      echo "$r,plain-vosk-loop,$(timed "$here/bench/run-java.sh" PlainVoskLoop "$model" "$work/plain.jsonl" "${files[@]}")"
      echo "$r,emofuse-transcribe-threads1,$(timed "$root/emofuse" transcribe --threads 1 --out "$work/emofuse.jsonl" "${files[@]}" 2>>"$work/emofuse.err")"
    done
    echo "1,emofuse-transcribe-threads2,$(timed "$root/emofuse" transcribe --threads 2 --out "$work/emofuse2.jsonl" "${files[@]}" 2>>"$work/emofuse.err")"
    python3 "$here/bench/asr_compare.py" "$shared/ravdess/manifest.csv" "$work/plain.jsonl" "$work/emofuse.jsonl" "$work/emofuse2.jsonl"
    ;;
  asr-inline)
    # decoding cost per file in one JVM, alternating plain loop and VoskTranscriber file by file
    mapfile -t files < <(ravdess_files "${2:-24}")
    model="${EMOFUSE_HOME:-$HOME/.emofuse}/models/vosk-en-us"
    "$here/bench/run-java.sh" AsrInterleaved "$model" "${3:-1}" "${files[@]}"
    ;;
  embed)
    "$here/bench/run-java.sh" EmbedBench "${2:-minilm}" "$shared/emobank/emobank.csv" "${3:-2000}" "${4:-3}"
    ;;
  stream)
    mapfile -t files < <(ravdess_files "${3:-24}")
    "$here/bench/run-java.sh" StreamLatency "${2:-4}" "${files[@]}"
    ;;
  *) sed -n '2,7p' "$0"; exit 2 ;;
esac
