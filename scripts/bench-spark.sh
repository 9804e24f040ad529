#!/usr/bin/env bash
# Spark local[2] against the single-process CLI with --threads 2, in the same run, interleaved
# (figures: docs/spark-benchmark.md).
#   scripts/bench-spark.sh [ROUNDS=3] [JOBS="extract transcribe"] [FILES=480] [REPEAT=1]
# REPEAT lists every file that many times (distinct utt_ids), for a workload larger than RAVDESS.
# Each round runs, for each job, `./emofuse <job> --threads 2` on the 480 RAVDESS files and the
# Spark job (ExtractJob / TranscribeJob, local[2], its own JVM as spark-submit would start it) on
# the RAVDESS manifest; wall times include JVM start, Spark session start and writing the output.
# A Spark run on an empty manifest (header only) measures Spark's fixed cost on its own.
# Build first: mvn -o -q install -DskipTests (the launcher runs app/target/dist/lib).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
rounds="${1:-3}"
jobs="${2:-extract transcribe}"
nfiles="${3:-480}"
repeat="${4:-1}"
data="${EMOFUSE_SHARED:-$root/../shared}/data/ravdess"
work="$root/scripts/bench/target/spark"
rm -rf "$work" && mkdir -p "$work"
cd "$root"
[ -f "$data/manifest.csv" ] || { echo "missing $data/manifest.csv" >&2; exit 2; }
export DJL_OFFLINE=true OPT_OUT_TRACKING=true

# Spark's classpath: the job jar plus everything the spark module sees in its tests (Spark itself).
mvn -o -q -B -pl spark package -DskipTests
mvn -o -q -B -pl spark dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$(ls spark/target/emofuse-spark-*.jar | head -1):$(cat "$work/cp.txt")"
"$root/emofuse" --version >/dev/null   # builds the CLI distribution if needed

head -1 "$data/manifest.csv" > "$work/empty.csv"
# The first FILES rows, with absolute paths so that the CLI and Spark read the same files.
head -1 "$data/manifest.csv" > "$work/manifest.csv"
for ((k = 1; k <= repeat; k++)); do
  tail -n +2 "$data/manifest.csv" | head -n "$nfiles" | sed "s#,wav/#,$data/wav/#; s#^\([^,]*\),#\1_$k,#" >> "$work/manifest.csv"
done
mapfile -t wavs < <(tail -n +2 "$work/manifest.csv" | cut -d, -f2)
files=${#wavs[@]}
audio_s=$(python3 - "${wavs[@]}" <<'PY'
import sys, wave
print(round(sum(wave.open(f).getnframes() / wave.open(f).getframerate() for f in sys.argv[1:]), 1))
PY
)
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load avg $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $files files ($nfiles distinct, each $repeat x), $audio_s s of audio; rounds=$rounds"

spark() {   # spark <class> <args...>
  # The GC the ./emofuse launcher uses, so the two differ only in Spark itself.
  java -Xmx3g -XX:+UseSerialGC -Dspark.master='local[2]' -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 \
    -Dspark.driver.bindAddress=127.0.0.1 -Dlog4j2.level=warn \
    $(sed -n 's:.*<emofuse.test.argLine>\(.*\)</emofuse.test.argLine>.*:\1:p' spark/pom.xml) \
    -cp "$cp" "$@"
}
timed() {   # timed <label> <command...>: prints "label,wall_s"
  local t0 t1
  t0=$(date +%s.%N)
  "${@:2}" >"$work/$1.log" 2>&1 || { echo "$1 failed, see $work/$1.log" >&2; tail -5 "$work/$1.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  echo "$1,$(echo "$t1 - $t0" | bc -l | xargs printf '%.2f')" | tee -a "$work/times.csv"
}

echo "run,wall_s"
timed spark_empty spark io.emofuse.spark.ExtractJob --manifest "$work/empty.csv" --set egemaps --out "$work/empty.parquet"
for ((r = 1; r <= rounds; r++)); do
  for job in $jobs; do
    case "$job" in
      extract)
        timed "cli_extract_$r" "$root/emofuse" extract --set egemaps --threads 2 --out "$work/cli.csv" "${wavs[@]}"
        timed "spark_extract_$r" spark io.emofuse.spark.ExtractJob --manifest "$work/manifest.csv" --set egemaps \
          --out "$work/spark_extract.parquet" ;;
      transcribe)
        timed "cli_transcribe_$r" "$root/emofuse" transcribe --words --threads 2 --out "$work/cli.jsonl" "${wavs[@]}"
        timed "spark_transcribe_$r" spark io.emofuse.spark.TranscribeJob --manifest "$work/manifest.csv" \
          --out "$work/spark_transcribe.parquet" ;;
    esac
  done
done

python3 - "$work/times.csv" "$audio_s" "$files" <<'PY'
import sys, statistics, collections
rows = [l.strip().split(",") for l in open(sys.argv[1]) if l.strip()]
audio, files = float(sys.argv[2]), int(sys.argv[3])
t = collections.defaultdict(list)
for name, wall in rows:
    t[name.rsplit("_", 1)[0] if name[-1].isdigit() else name].append(float(wall))
empty = t["spark_empty"][0]
print(f"\nspark fixed cost (empty manifest: JVM, session, write): {empty:.2f} s")
for job in ("extract", "transcribe"):
    if f"cli_{job}" not in t:
        continue
    cli, spk = statistics.median(t[f"cli_{job}"]), statistics.median(t[f"spark_{job}"])
    print(f"{job}: CLI --threads 2 median {cli:.2f} s, Spark local[2] median {spk:.2f} s, "
          f"Spark/CLI throughput {cli / spk:.1%}; Spark without its fixed cost {cli / (spk - empty):.1%}")
    per_core = audio / (spk - empty) / 2
    print(f"{job}: per-core rate in Spark (fixed cost excluded) {per_core:.1f} s of audio per core-second "
          f"({files / (spk - empty) / 2:.2f} files per core-second)")
    # 1,000 hours on a cluster: the measured per-core rate, perfect scaling of independent rows,
    # the measured fixed cost once per job, and a price per core-hour (PRICE, default $0.05).
    price = float(__import__("os").environ.get("PRICE", "0.05"))
    core_hours = 1000 * 3600 / per_core / 3600
    print(f"{job}: 1,000 h of audio = {core_hours:.1f} core-hours; at ${price}/core-hour:")
    print("| executor cores | wall time | cost |")
    print("| ---: | ---: | ---: |")
    for cores in (8, 64, 512):
        wall_h = core_hours / cores + empty / 3600
        print(f"| {cores} | {wall_h * 60:.0f} min | ${core_hours * price + cores * empty / 3600 * price:.2f} |")
PY
