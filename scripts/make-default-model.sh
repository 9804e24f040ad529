#!/usr/bin/env bash
# Reproduces the shipped default emotion model (fusion/src/main/resources/io/emofuse/models/default/)
# from ../shared/data with emofuse's own training module, and refreshes its catalogue entry.
#   scripts/make-default-model.sh [SHARED_DATA]      (default: ../shared/data; needs python3, no other package:
#                                                     the reliability diagram is drawn in Java, ReliabilityPlot)
# Steps: RAVDESS manifest (actors 01-16, both repetitions: ravdess/ and ravdess-rep2/, 960 files) with V/A/D
# from the category (Russell & Mehrabian 1977) -> acoustic bundle; EmoBank train split -> text bundle;
# leave-4-actors-out CV on RAVDESS (both takes of an actor in one fold); calibration (temperature) and the
# 'uncertain' threshold from its out-of-fold predictions; per-dimension fusion weights measured on
# emobank-speech and RAVDESS out-of-fold (composite.json); copy + sha256 into the catalogue.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(cd "${1:-$here/../shared/data}" && pwd)"
emofuse="${EMOFUSE:-$here/emofuse}"
work="$here/target/default"
res="$here/fusion/src/main/resources/io/emofuse/models/default"
mkdir -p "$work"
cd "$here"

"$emofuse" import ravdess "$data/ravdess/wav" "$data/ravdess-rep2/wav" --vad-from-category --out "$work/ravdess-vad.csv"
"$emofuse" train -q --config configs/default/acoustic.yaml --data "$work/ravdess-vad.csv" --out "$work/acoustic"
"$emofuse" train -q --config configs/default/text.yaml --data "$data/emobank/manifest.csv" --out "$work/text"

# Leave-actors-out cross-validation of the acoustic config (4 folds of 4 actors, both takes of an actor in
# the same fold): out-of-fold voice predictions for the fusion weights, the calibration and the threshold,
# and the arousal AUC / UAR / CCC figures of the acoustic model card; then the same fold models scoring
# each unseen actor as one dialogue speaker (online per-speaker normalisation; the card's speaker table).
rm -rf "$work/cv"
EMOFUSE="$emofuse" scripts/voice-cv.sh configs/default/acoustic.yaml "$work/cv" "$work/ravdess-vad.csv" 3
cp "$work/cv/oof.csv" "$work/ravdess-oof-acoustic.csv"
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

# Reliability diagram of the out-of-fold single-utterance probabilities, raw and at the NLL-optimal
# temperature (docs/results/default-acoustic/reliability.png, linked from the acoustic model card).
python3 scripts/ravdess-cv.py score "$work/ravdess-vad.csv" "$work/cv"/pred-{0,1,2,3}.csv --bins "$work/cv/reliability-bins.csv" >/dev/null
java -cp "$here/app/target/dist/lib/*" io.emofuse.training.experiment.ReliabilityPlot "$work/cv/reliability-bins.csv" \
  docs/results/default-acoustic/reliability.png "Voice model, out of fold (960 files)"
cp "$work/cv/reliability-bins.csv" docs/results/default-acoustic/reliability-bins.csv

# The shipped copy: weights, descriptions and metrics only (the encoders stay Maven artifacts). The
# MODEL_CARD.md files there are written by hand: update their figures from what this script printed,
# then run the catalog-entry.py line at the end again (the catalogue holds the cards' sha256 too).
for part in text acoustic; do
  mkdir -p "$res/$part"
  rm -f "$res/$part"/*.params   # an ensemble's members: main.params, main-2.params, ...
  cp "$work/$part"/{bundle.json,metrics.json,config.yaml} "$work/$part"/*.params "$res/$part/"
done
cp "$work/composite.json" "$res/composite.json"
python3 scripts/catalog-entry.py "$res" linguistic/src/main/resources/io/emofuse/models/catalog.json
du -sh "$res"
