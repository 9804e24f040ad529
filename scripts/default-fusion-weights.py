#!/usr/bin/env python3
"""Per-dimension text weight for the default model's decision-level fusion, measured on emobank-speech.

fused = w * text + (1 - w) * voice for V, A and D; w is chosen on a grid (step 0.05) to maximise the
CCC against the corpus labels. Inputs are `emofuse predict` outputs of the text and acoustic bundles
on the emobank-speech manifest. Writes composite.json (the weights and a rationale with the table).

usage: default-fusion-weights.py MANIFEST TEXT_PRED.csv VOICE_PRED.csv OUT/composite.json
(Python 3 standard library only.)
"""
import csv
import json
import sys


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


def main(manifest, text_pred, voice_pred, out):
    labels, text, voice = read(manifest), read(text_pred), read(voice_pred)
    ids = sorted(set(labels) & set(text) & set(voice))
    if len(ids) < 50:
        sys.exit(f"only {len(ids)} utterances in all three files")
    weights, lines = [], []
    grid = [i / 20 for i in range(21)]
    for dim in "VAD":
        y = [float(labels[i][dim]) for i in ids]
        t = [float(text[i][dim]) for i in ids]
        v = [float(voice[i][dim]) for i in ids]
        scores = [(ccc([w * a + (1 - w) * b for a, b in zip(t, v)], y), w) for w in grid]
        best, w = max(scores)
        weights.append(w)
        lines.append(f"{dim}: text alone {ccc(t, y):.3f}, voice alone {ccc(v, y):.3f}, "
                     f"best w_text={w:.2f} -> {best:.3f}")
    rationale = (f"w_text per dimension maximises CCC of w*text+(1-w)*voice on emobank-speech ({len(ids)} utterances, "
                 "synthetic espeak-ng voices whose prosody follows A and D only): " + "; ".join(lines))
    print(rationale)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"format": 1, "text": "text", "acoustic": "acoustic", "textWeights": weights,
                   "rationale": rationale}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
