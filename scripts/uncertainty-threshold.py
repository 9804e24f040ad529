#!/usr/bin/env python3
"""The default model's 'uncertain' threshold, from out-of-fold voice predictions.

    python3 scripts/uncertainty-threshold.py LABELS.csv OOF.csv [--temperature T] [--write COMPOSITE.json]

LABELS.csv: the RAVDESS manifest (utt_id, category); OOF.csv: `emofuse predict` output of the fold
models on their unseen actors (p_CLASS columns), as scripts/make-default-model.sh makes them. The
probabilities get the shipped single-utterance temperature T (what `analyze` shows). The threshold
is the top-class probability below which the category is more often wrong than right: where the
isotonic (monotone, pool-adjacent-violators) fit of "right" against p first reaches one half, to two
decimals. It prints the accuracy of the predictions below and at-or-above it.
"""
import csv
import json
import math
import sys


def main():
    args = sys.argv[1:]
    t = 1.0
    write = None
    if "--write" in args:
        i = args.index("--write")
        write = args[i + 1]
        del args[i:i + 2]
    if "--temperature" in args:
        i = args.index("--temperature")
        t = float(args[i + 1])
        del args[i:i + 2]
    labels = {r["utt_id"]: r["category"] for r in csv.DictReader(open(args[0], encoding="utf-8"))}
    rows = list(csv.DictReader(open(args[1], encoding="utf-8")))
    classes = [c[2:] for c in rows[0] if c.startswith("p_") and c[2:] in set(labels.values())]
    pts = []
    for r in rows:
        logp = [math.log(max(float(r["p_" + c]), 1e-12)) / t for c in classes]
        m = max(logp)
        e = [math.exp(x - m) for x in logp]
        s = sum(e)
        p = [x / s for x in e]
        k = max(range(len(p)), key=p.__getitem__)
        pts.append((p[k], classes[k] == labels[r["utt_id"]]))
    pts.sort()
    n = len(pts)
    print(f"{n} out-of-fold predictions, temperature {t}: accuracy {sum(ok for _, ok in pts) / n:.3f}")
    for lo in [x / 10 for x in range(1, 10)]:
        b = [ok for p, ok in pts if lo <= p < lo + 0.1]
        if b:
            print(f"  p in [{lo:.1f}, {lo + 0.1:.1f}): {len(b):3d} predictions, {sum(b) / len(b):.3f} right")
    # pool adjacent violators: blocks of (sum right, count, lowest p), accuracy non-decreasing in p
    blocks = []
    for p, ok in pts:
        blocks.append([float(ok), 1, p])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s2, c2, _ = blocks.pop()
            blocks[-1][0] += s2
            blocks[-1][1] += c2
    cross = next((lo for right, count, lo in blocks if right / count >= 0.5), None)
    if cross is None:
        print("no threshold: the fit stays below one half")
        return
    best = round(cross, 2)
    print(f"isotonic fit reaches one half at p = {cross:.3f}")
    below = [ok for p, ok in pts if p < best]
    above = [ok for p, ok in pts if p >= best]
    summary = (f"below it {len(below)} predictions, {100 * sum(below) / max(1, len(below)):.1f}% right; "
               f"at or above {len(above)}, {100 * sum(above) / max(1, len(above)):.1f}% right")
    print(f"threshold {best:.2f}: {summary}")
    if write:
        d = json.load(open(write, encoding="utf-8"))
        d["uncertainBelow"] = best
        d["uncertainBelowRationale"] = (
            "analyze marks the category uncertain below this top-class probability: where the isotonic fit of "
            f"'right' against p first reaches one half on the {n} RAVDESS out-of-fold voice predictions "
            f"(leave-4-actors-out, temperature {t} applied; scripts/uncertainty-threshold.py): {summary}")
        with open(write, "w", encoding="utf-8") as f:
            json.dump(d, f, indent=2)


if __name__ == "__main__":
    main()
