#!/usr/bin/env python3
"""The voice recipe table of the acoustic model card (docs/results/default-acoustic/recipes.md) from
scripts/voice-cv.sh outputs: one row per OUTDIR (its scores.txt and speaker-scores.txt).

    python3 scripts/voice-recipes-table.py NAME=OUTDIR...

Columns: out-of-fold single utterances (UAR, arousal AUC, mean CCC, 10-bin ECE raw and at the
NLL-optimal temperature T) and online per speaker (each unseen actor one dialogue speaker, 3 turn
orders: UAR, arousal AUC, ECE raw and at its own NLL-optimal T). Python 3 standard library only.
"""
import os
import re
import sys


def num(pattern, text):
    m = re.search(pattern, text)
    return m.group(1) if m else "–"


def main():
    print("| recipe | UAR | arousal AUC | CCC V / A / D (mean) | ECE raw → at T | online UAR | online AUC | online ECE raw → at T |")
    print("|---|---|---|---|---|---|---|---|")
    for arg in sys.argv[1:]:
        name, out = arg.split("=", 1)
        s = open(os.path.join(out, "scores.txt"), encoding="utf-8").read()
        sp = os.path.join(out, "speaker-scores.txt")
        # a model trained on per-speaker statistics has no online figures (score refuses it)
        d = open(sp, encoding="utf-8").read() if os.path.exists(sp) else ""
        single = re.search(r"calibration, single utterances: ECE ([0-9.]+).*NLL-optimal temperature ([0-9.]+).*ECE there ([0-9.]+)", s)
        online = re.search(r"calibration, online per speaker.*: ECE ([0-9.]+).*NLL-optimal temperature ([0-9.]+).*ECE there ([0-9.]+)", d)
        m = re.search(r"\| online per speaker \(\d+ orders\) \| all \|([^\n]*)", d)
        row = m.group(1).split("|") if m else ["–"] * 7
        ccc = re.search(r"CCC pooled: V ([0-9.-]+), A ([0-9.-]+), D ([0-9.-]+) \(mean ([0-9.-]+)\)", s)
        print(f"| {name} | {num(r'UAR: pooled ([0-9.]+)', s)} | {num(r'arousal ranking AUC: pooled ([0-9.]+)', s)} | "
              f"{ccc.group(1)} / {ccc.group(2)} / {ccc.group(3)} ({ccc.group(4)}) | "
              f"{single.group(1)} → {single.group(3)} (T = {single.group(2)}) | {row[5].strip()} | {row[3].strip()} | "
              + (f"{online.group(1)} → {online.group(3)} (T = {online.group(2)}) |" if online else "– |"))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main()
