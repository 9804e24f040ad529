#!/usr/bin/env bash
# Reproduces the shipped default emotion model (fusion/src/main/resources/io/emofuse/models/default/)
# from ../shared/data with emofuse's own training module, and refreshes its catalogue entry.
#   scripts/make-default-model.sh [SHARED_DATA]      (default: ../shared/data; needs python3)
# Steps: RAVDESS manifest with V/A/D from the category (Russell & Mehrabian 1977) -> acoustic bundle;
# EmoBank train split -> text bundle; text bundle retrained without the emobank-speech sentences and
# both applied to emobank-speech -> per-dimension fusion weights (composite.json); copy + sha256.
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

# Fusion weights: a text model that has not seen the emobank-speech sentences (they come from EmoBank train).
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
python3 scripts/default-fusion-weights.py "$ebs" "$work/ebs-text.csv" "$work/ebs-acoustic.csv" "$work/composite.json"

# The shipped copy: weights, descriptions and metrics only (the encoders stay Maven artifacts).
for part in text acoustic; do
  mkdir -p "$res/$part"
  cp "$work/$part"/{bundle.json,main.params,metrics.json,config.yaml} "$res/$part/"
done
cp "$work/composite.json" "$res/composite.json"
python3 scripts/catalog-entry.py "$res" linguistic/src/main/resources/io/emofuse/models/catalog.json
du -sh "$res"
