#!/usr/bin/env bash
# Leave-4-actors-out cross-validation of one voice (acoustic) config on RAVDESS, as the default
# model's card reports it: out-of-fold single-utterance predictions (UAR, arousal AUC, CCC,
# calibration) and each unseen actor scored as one dialogue speaker (online per-speaker UAR).
#   scripts/voice-cv.sh CONFIG.yaml OUTDIR MANIFEST.csv [ORDERS]
# MANIFEST: `emofuse import ravdess ... --vad-from-category` of actors 01-16 (one or both repetitions;
# the folds are whole actors, so both takes of an actor are always in the same fold). ORDERS: random
# turn orders of the dialogue scoring (default 3). Writes OUTDIR/{fold-K.csv,model-K,pred-K.csv,
# scores.txt,speaker-scores.txt,oof.csv}. Needs python3; features come from target/feature-cache.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
emofuse="${EMOFUSE:-$here/emofuse}"
cfg="$1"; out="$2"; manifest="$3"; orders="${4:-3}"
mkdir -p "$out"
cd "$here"
python3 scripts/ravdess-cv.py split "$manifest" "$out"
for k in 0 1 2 3; do
  rm -rf "$out/model-$k"
  "$emofuse" train -q --config "$cfg" --data "$out/fold-$k.csv" --out "$out/model-$k"
  python3 -c 'import csv,sys; r=[x for x in csv.DictReader(open(sys.argv[1])) if x["split"]=="test"]; w=csv.DictWriter(open(sys.argv[2],"w",newline=""),fieldnames=list(r[0])); w.writeheader(); w.writerows(r)' \
    "$out/fold-$k.csv" "$out/test-$k.csv"
  "$emofuse" predict -q --model "$out/model-$k" --data "$out/test-$k.csv" --out "$out/pred-$k.csv" --cache target/feature-cache
done
head -1 "$out/pred-0.csv" > "$out/oof.csv"
for k in 0 1 2 3; do tail -n +2 "$out/pred-$k.csv" >> "$out/oof.csv"; done
python3 scripts/ravdess-cv.py score "$manifest" "$out"/pred-{0,1,2,3}.csv | tee "$out/scores.txt"
# The same fold models scoring each unseen actor as one dialogue speaker (online per-speaker
# normalisation) against scoring each file on its own.
python3 scripts/ravdess-cv.py dialogues "$out" "$orders"
for k in 0 1 2 3; do
  for d in "$out"/dialogues-$k-*.jsonl; do
    rm -f "${d%.jsonl}.out"
    "$emofuse" score "$d" --out "${d%.jsonl}.out" --model "$out/model-$k" --audio-root / --no-progress >/dev/null
  done
done
python3 scripts/ravdess-cv.py score-dialogues "$manifest" "$out" | tee "$out/speaker-scores.txt"
