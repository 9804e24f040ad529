#!/usr/bin/env bash
# The emobank-speech comparison (configs/emobank-speech/compare.yaml: the same 4 speaker folds) repeated
# with several training seeds, and a table of each model against the voice alone: mean CCC over the
# seeds and how many seeds and folds it beats the acoustic model on. One seed's run moves a model by
# a few hundredths, as much as the differences between fusions, so claims rest on several.
#   [CONFIGS=DIR] scripts/fusion-seeds.sh OUTDIR [--text-source asr] [SEED...]   (default seeds 42-49)
# Writes OUTDIR/sSEED/ (each seed's configs and the experiment's results) and OUTDIR/summary.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"; shift
source=()
if [ "${1:-}" = "--text-source" ]; then source=(--text-source "$2"); shift 2; fi
seeds=("$@"); [ ${#seeds[@]} -gt 0 ] || seeds=(42 43 44 45 46 47 48 49)
src="${CONFIGS:-$root/configs/emobank-speech}"   # or a folder with the same six configs, changed
models=$(sed -n 's/^models: \[\(.*\)\]/\1/p' "$src/compare.yaml" | tr -d ' ' | tr ',' ' ')
for sd in "${seeds[@]}"; do
  d="$out/s$sd"; mkdir -p "$d"
  list=()
  for m in $models; do
    # Same config, another seed; the cache path made absolute (the copies live elsewhere).
    sed -e "s/^\(  seed:\) [0-9]*/\1 $sd/" -e "s#^\(  cache:\) \.\./\.\./#\1 $root/#" "$src/$m" > "$d/$m"
    list+=("$d/$m")
  done
  sed -e "s#^data: .*#data: $(cd "$root/../shared/data/emobank-speech" && pwd)/manifest.csv#" \
      -e "s#^cache: .*#cache: $root/target/feature-cache#" \
      -e "s#^models: .*#models: [$(IFS=,; echo "${list[*]}")]#" "$src/compare.yaml" > "$d/compare.yaml"
  "$root/emofuse" experiment -q --config "$d/compare.yaml" "${source[@]}" --out "$d/results" > "$d/experiment.log"
  echo "seed $sd done"
done
python3 - "$out" "${seeds[@]}" > "$out/summary.md" <<'PY'
import csv, statistics as st, sys
out, seeds = sys.argv[1], sys.argv[2:]
per = {}  # model -> list of {fold: mean_ccc} per seed
for sd in seeds:
    folds = {}
    for r in csv.DictReader(open(f"{out}/s{sd}/results/results.csv")):
        folds.setdefault(r["model"], {})[r["fold"]] = float(r["mean_ccc"])
    for m, f in folds.items():
        per.setdefault(m, []).append(f)
voice = per["acoustic"]
print(f"| model | mean CCC over {len(seeds)} seeds (range of the seeds' means) | seeds above the voice | folds above the voice |")
print("|---|---|---|---|")
for m, runs in per.items():
    means = [st.mean(f.values()) for f in runs]
    if m == "acoustic":
        above_s = above_f = "–"
    else:
        above_s = f"{sum(a > st.mean(v.values()) for a, v in zip(means, voice))}/{len(runs)}"
        above_f = f"{sum(f[k] > v[k] for f, v in zip(runs, voice) for k in f)}/{4 * len(runs)}"
    print(f"| {m} | {st.mean(means):.3f} ({min(means):.3f}–{max(means):.3f}) | {above_s} | {above_f} |")
PY
cat "$out/summary.md"
