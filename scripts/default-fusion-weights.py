#!/usr/bin/env python3
"""Per-dimension text weight for the default model's decision-level fusion, measured on bimodal data.

fused = w * text + (1 - w) * voice for V, A and D; w is chosen on a grid (step 0.05) to maximise the
CCC against the corpus labels. Inputs are `emofuse predict` outputs of the text and acoustic bundles
on the emobank-speech manifest. Writes composite.json (the weights and a rationale with the table).

usage: default-fusion-weights.py [--adapted-temperature T] [--temperature T] OUT/composite.json NAME MANIFEST
                                TEXT_PRED.csv VOICE_PRED.csv [NAME MANIFEST TEXT VOICE ...]
--adapted-temperature: the category temperature for speaker-adapted voice rows (written as
adaptedTemperature; ravdess-cv.py score-dialogues measures it).
--temperature: the category temperature for single utterances (written as temperature; ravdess-cv.py
score measures it).
Several corpora: w maximises the mean of their CCCs (the default uses emobank-speech, where the words
carry V and synthetic voices A/D, and RAVDESS out-of-fold, where two neutral sentences carry nothing).
(Python 3 standard library only.)
"""
import csv
import json
import sys


def clamp(x):
    """As the shipped model (ModalityWeightedFusion): V/A/D clamped to the 1-5 scale."""
    return min(5.0, max(1.0, x))


def ccc(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    vx = sum((a - mx) ** 2 for a in x) / n
    vy = sum((b - my) ** 2 for b in y) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(x, y)) / n
    return 2 * cov / (vx + vy + (mx - my) ** 2)


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {r["utt_id"]: r for r in csv.DictReader(f)}


def main(out, corpora, adapted_temperature=None, temperature=None):
    """corpora: (name, manifest, text_pred, voice_pred) tuples; w maximises the mean CCC over them."""
    data = []
    for name, manifest, text_pred, voice_pred in corpora:
        labels, text, voice = read(manifest), read(text_pred), read(voice_pred)
        ids = sorted(set(labels) & set(text) & set(voice))
        if len(ids) < 50:
            sys.exit(f"{name}: only {len(ids)} utterances in all three files")
        data.append((name, ids, labels, text, voice))
    weights, lines = [], []
    grid = [i / 20 for i in range(21)]
    for dim in "VAD":
        per = []
        for name, ids, labels, text, voice in data:
            y = [float(labels[i][dim]) for i in ids]
            t = [clamp(float(text[i][dim])) for i in ids]
            v = [clamp(float(voice[i][dim])) for i in ids]
            per.append((name, y, t, v))
        curve = [(sum(ccc([w * a + (1 - w) * b for a, b in zip(t, v)], y) for _, y, t, v in per) / len(per), w)
                 for w in grid]
        best, w = max(curve)
        weights.append(w)
        parts = [f"{name} ({len(y)}): text {ccc(t, y):.3f}, voice {ccc(v, y):.3f}, fused "
                 f"{ccc([w * a + (1 - w) * b for a, b in zip(t, v)], y):.3f}" for name, y, t, v in per]
        lines.append(f"{dim}: w_text={w:.2f} (mean CCC {best:.3f}); " + "; ".join(parts))
    rationale = ("w_text per dimension maximises the mean over the corpora of the CCC of w*text+(1-w)*voice "
                 "(grid 0.05). " + " | ".join(lines))
    print(rationale)
    with open(out, "w", encoding="utf-8") as f:
        composite = {"format": 1, "text": "text", "acoustic": "acoustic", "textWeights": weights, "scale": [1, 5],
                     "rationale": rationale}
        if adapted_temperature is not None:
            composite["adaptedTemperature"] = adapted_temperature
        if temperature is not None and temperature != 1:
            composite["temperature"] = temperature
        json.dump(composite, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    temps = {"--adapted-temperature": None, "--temperature": None}
    while len(sys.argv) > 2 and sys.argv[1] in temps:
        temps[sys.argv[1]] = float(sys.argv[2])
        del sys.argv[1:3]
    args = sys.argv[2:]
    if len(sys.argv) < 6 or len(args) % 4:
        sys.exit(__doc__)
    main(sys.argv[1], [tuple(args[i:i + 4]) for i in range(0, len(args), 4)], temps["--adapted-temperature"],
         temps["--temperature"])
