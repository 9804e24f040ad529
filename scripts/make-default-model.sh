#!/usr/bin/env bash
# Reproduces the shipped default emotion model (fusion/src/main/resources/io/emofuse/models/default/)
# from ../shared/data with emofuse's own training module, and refreshes its catalogue entry.
#   scripts/make-default-model.sh [SHARED_DATA]      (default: ../shared/data; needs python3)
# Steps: RAVDESS manifest with V/A/D from the category (Russell & Mehrabian 1977) -> acoustic bundle;
# EmoBank train split -> text bundle; leave-actors-out CV on RAVDESS; per-dimension fusion weights
# measured on emobank-speech and RAVDESS out-of-fold (composite.json); copy + sha256 into the catalogue.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(cd "${1:-$here/../shared/data}" && pwd)"
emofuse="${EMOFUSE:-$here/emofuse}"
work="$here/target/default"
res="$here/fusion/src/main/resources/io/emofuse/models/default"
mkdir -p "$work"
cd "$here"

"$emofuse" import ravdess "$data/ravdess/wav" --vad-from-category --out "$work/ravdess-vad.csv"
"$emofuse" train -q --config configs/default/acoustic.yaml --data "$work/ravdess-vad.csv" --out "$work/acoustic"
"$emofuse" train -q --config configs/default/text.yaml --data "$data/emobank/manifest.csv" --out "$work/text"

# Leave-actors-out cross-validation of the acoustic config (4 folds of 4 actors): out-of-fold voice
# predictions for the fusion weights, and the arousal AUC / UAR figures of the acoustic model card.
python3 scripts/ravdess-cv.py split "$work/ravdess-vad.csv" "$work/cv"
for k in 0 1 2 3; do
  "$emofuse" train -q --config configs/default/acoustic.yaml --data "$work/cv/fold-$k.csv" --out "$work/cv/model-$k"
  python3 -c 'import csv,sys; r=[x for x in csv.DictReader(open(sys.argv[1])) if x["split"]=="test"]; w=csv.DictWriter(open(sys.argv[2],"w",newline=""),fieldnames=list(r[0])); w.writeheader(); w.writerows(r)' \
    "$work/cv/fold-$k.csv" "$work/cv/test-$k.csv"
  "$emofuse" predict -q --model "$work/cv/model-$k" --data "$work/cv/test-$k.csv" --out "$work/cv/pred-$k.csv" --cache target/feature-cache
done
python3 scripts/ravdess-cv.py score "$work/ravdess-vad.csv" "$work/cv"/pred-{0,1,2,3}.csv | tee "$work/cv/scores.txt"
# The same fold models scoring each unseen actor as one dialogue speaker (online per-speaker
# normalisation) against scoring each file on its own: the acoustic card's speaker table.
python3 scripts/ravdess-cv.py dialogues "$work/cv" 3
for k in 0 1 2 3; do
  for d in "$work/cv"/dialogues-$k-*.jsonl; do
    rm -f "${d%.jsonl}.out"
    "$emofuse" score "$d" --out "${d%.jsonl}.out" --model "$work/cv/model-$k" --audio-root / --no-progress >/dev/null
  done
done
python3 scripts/ravdess-cv.py score-dialogues "$work/ravdess-vad.csv" "$work/cv" | tee "$work/cv/speaker-scores.txt"
head -1 "$work/cv/pred-0.csv" > "$work/ravdess-oof-acoustic.csv"
for k in 0 1 2 3; do tail -n +2 "$work/cv/pred-$k.csv" >> "$work/ravdess-oof-acoustic.csv"; done
"$emofuse" predict -q --model "$work/text" --data "$work/ravdess-vad.csv" --out "$work/ravdess-text.csv" --cache target/feature-cache

# Fusion weights on the two bimodal sets: emobank-speech (text from a model retrained without its 480
# sentences, which come from EmoBank train) and RAVDESS out-of-fold.
python3 - "$data" "$work/emobank-minus-ebs.csv" <<'PY'
import csv, sys
data, out = sys.argv[1], sys.argv[2]
spoken = {r["emobank_id"] for r in csv.DictReader(open(f"{data}/emobank-speech/manifest.csv", encoding="utf-8"))}
rows = [r for r in csv.DictReader(open(f"{data}/emobank/manifest.csv", encoding="utf-8")) if r["utt_id"] not in spoken]
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=["utt_id", "text", "V", "A", "D"])
    w.writeheader(); w.writerows(rows)
print(f"{len(rows)} EmoBank sentences without the {len(spoken)} spoken in emobank-speech", file=sys.stderr)
PY
"$emofuse" train -q --config configs/default/text.yaml --data "$work/emobank-minus-ebs.csv" --out "$work/text-minus-ebs"
ebs="$data/emobank-speech/manifest.csv"
"$emofuse" predict -q --model "$work/text-minus-ebs" --data "$ebs" --out "$work/ebs-text.csv" --cache target/feature-cache
"$emofuse" predict -q --model "$work/acoustic" --data "$ebs" --out "$work/ebs-acoustic.csv" --cache target/feature-cache
# The category temperature for speaker-adapted voice rows: the NLL-optimal one of the online runs above.
temperature=$(grep -o 'online per speaker.*NLL-optimal temperature [0-9.]*' "$work/cv/speaker-scores.txt" | grep -o '[0-9.]*$')
# Single utterances get their NLL-optimal temperature only where it also lowers the calibration error.
single=$(grep 'calibration, single utterances' "$work/cv/scores.txt")
single_t=$(echo "$single" | python3 -c 'import re,sys; l=sys.stdin.read(); e=float(re.search(r"ECE ([0-9.]+)",l).group(1)); t=float(re.search(r"NLL-optimal temperature ([0-9.]+)",l).group(1)); e2=float(re.search(r"ECE there ([0-9.]+)",l).group(1)); print(t if e2 < e else 1)')
python3 scripts/default-fusion-weights.py --adapted-temperature "$temperature" --temperature "$single_t" "$work/composite.json" \
  emobank-speech "$ebs" "$work/ebs-text.csv" "$work/ebs-acoustic.csv" \
  ravdess-oof "$work/ravdess-vad.csv" "$work/ravdess-text.csv" "$work/ravdess-oof-acoustic.csv"
# The 'uncertain' threshold analyze applies: where the out-of-fold voice predictions, at the shipped
# single-utterance temperature, become right at least half the time (composite.json uncertainBelow).
python3 scripts/uncertainty-threshold.py "$work/ravdess-vad.csv" "$work/ravdess-oof-acoustic.csv" \
  --temperature "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("temperature", 1))' "$work/composite.json")" \
  --write "$work/composite.json"

# The shipped copy: weights, descriptions and metrics only (the encoders stay Maven artifacts). The
# MODEL_CARD.md files there are written by hand: update their figures from what this script printed.
for part in text acoustic; do
  mkdir -p "$res/$part"
  rm -f "$res/$part"/*.params   # an ensemble's members: main.params, main-2.params, ...
  cp "$work/$part"/{bundle.json,metrics.json,config.yaml} "$work/$part"/*.params "$res/$part/"
done
cp "$work/composite.json" "$res/composite.json"
python3 scripts/catalog-entry.py "$res" linguistic/src/main/resources/io/emofuse/models/catalog.json
du -sh "$res"
