#!/usr/bin/env python3
"""Leave-actors-out cross-validation figures that `emofuse experiment` does not report: the arousal
ranking AUC (angry/fearful/happy/surprised takes should get higher predicted arousal than
neutral/calm/sad ones) and UAR, from out-of-fold predictions.

  ravdess-cv.py split MANIFEST OUTDIR      writes OUTDIR/fold-K.csv (split column: train / test)
  ravdess-cv.py score MANIFEST PRED...     PRED = `emofuse predict` output of fold K's model on fold-K.csv

Folds: the 4 groups of 4 actors that `emofuse experiment` made with split {kind: speaker, folds: 4,
seed: 42} (listed in docs/results/default-acoustic/results.md), so the figures line up.
(Python 3 standard library only.)
"""
import csv
import os
import sys

FOLDS = [["03", "08", "13", "16"], ["05", "06", "07", "11"], ["01", "04", "09", "15"], ["02", "10", "12", "14"]]
HIGH = {"angry", "fearful", "happy", "surprised"}
LOW = {"neutral", "calm", "sad"}


def clamp(x):
    """As the shipped model (ModalityWeightedFusion): V/A/D clamped to the 1-5 scale."""
    return min(5.0, max(1.0, x))


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def split(manifest, out):
    data = rows(manifest)
    os.makedirs(out, exist_ok=True)
    for k, actors in enumerate(FOLDS):
        test = {"actor_" + a for a in actors}
        with open(os.path.join(out, f"fold-{k}.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(data[0].keys()))
            w.writeheader()
            for r in data:
                w.writerow({**r, "split": "test" if r["speaker"] in test else "train"})


def auc(high, low):
    wins = sum((h > l) + 0.5 * (h == l) for h in high for l in low)
    return wins / (len(high) * len(low))


def uar(pairs):
    classes = sorted({t for t, _ in pairs})
    return sum(sum(p == c for t, p in pairs if t == c) / sum(t == c for t, _ in pairs) for c in classes) / len(classes)


def score(manifest, preds):
    truth = {r["utt_id"]: r for r in rows(manifest)}
    pooled, fold_aucs, fold_uars = [], [], []
    for p in preds:
        pr = rows(p)
        test_ids = {r["utt_id"] for r in pr}
        high = [clamp(float(r["A"])) for r in pr if truth[r["utt_id"]]["category"] in HIGH]
        low = [clamp(float(r["A"])) for r in pr if truth[r["utt_id"]]["category"] in LOW]
        fold_aucs.append(auc(high, low))
        pairs = [(truth[r["utt_id"]]["category"], r.get("category")) for r in pr if r.get("category")]
        if pairs:
            fold_uars.append(uar(pairs))
        pooled += pr
        assert test_ids, p
    high = [clamp(float(r["A"])) for r in pooled if truth[r["utt_id"]]["category"] in HIGH]
    low = [clamp(float(r["A"])) for r in pooled if truth[r["utt_id"]]["category"] in LOW]
    print(f"arousal ranking AUC: pooled {auc(high, low):.3f}, per fold "
          + ", ".join(f"{a:.3f}" for a in fold_aucs) + f" (mean {sum(fold_aucs) / len(fold_aucs):.3f})")
    if fold_uars:
        pairs = [(truth[r["utt_id"]]["category"], r["category"]) for r in pooled]
        print(f"UAR: pooled {uar(pairs):.3f}, per fold " + ", ".join(f"{u:.3f}" for u in fold_uars)
              + f" (mean {sum(fold_uars) / len(fold_uars):.3f}); {len(pooled)} test files")


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] not in ("split", "score"):
        sys.exit(__doc__)
    if sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3])
    else:
        score(sys.argv[2], sys.argv[3:])
