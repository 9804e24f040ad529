#!/usr/bin/env python3
"""How much of per-speaker normalisation a live stream can have: eGeMAPS functionals of RAVDESS,
normalised three ways, each scored with the same two linear models on the default model's four
leave-actors-out folds (the folds of scripts/ravdess-cv.py):

  global   z-score with the training actors' statistics (one utterance at a time; what ships)
  speaker  z-score over all of the speaker's files (needs the speaker's future; a reference only)
  online   z-score with the speaker's running mean/sd over the utterances heard so far, shrunk to the
           training statistics with a prior weight of N0 utterances (what a stream or dialogue can do);
           each speaker's files in a random order, averaged over ORDERS orders, also by position

Models: ridge regression on V/A/D (targets from the categories, Russell & Mehrabian 1977, as
CategoryVad) and L2 softmax regression on the 8 categories. Figures: CCC V/A/D, arousal ranking AUC
(angry/fearful/happy/surprised above neutral/calm/sad), UAR.

  ./emofuse extract --set egemaps --threads 2 --out target/ravdess-egemaps.csv ../shared/data/ravdess/wav
  scripts/normalisation-study.py target/ravdess-egemaps.csv [N0=3] [ORDERS=20]
(numpy only.)
"""
import csv
import sys

import numpy as np

CATS = ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised"]
PAD = {"neutral": (0, 0, 0), "calm": (0.68, -0.46, 0.06), "happy": (0.81, 0.51, 0.46),
       "sad": (-0.63, -0.27, -0.33), "angry": (-0.51, 0.59, 0.25), "fearful": (-0.64, 0.60, -0.43),
       "disgust": (-0.60, 0.35, 0.11), "surprised": (0.40, 0.67, -0.13)}
FOLDS = [[3, 8, 13, 16], [5, 6, 7, 11], [1, 4, 9, 15], [2, 10, 12, 14]]


def load(path):
    rows = list(csv.reader(open(path, encoding="utf-8"), delimiter=";"))[1:]
    names = [r[0].strip("'") for r in rows]
    x = np.array([[float(v) for v in r[2:]] for r in rows])
    cat = np.array([int(n.split("-")[2]) - 1 for n in names])
    actor = np.array([int(n.split("-")[6]) for n in names])
    y = np.array([[3 + 2 * v for v in PAD[CATS[c]]] for c in cat])
    return x, y, cat, actor


def ccc(a, b):
    return 2 * np.mean((a - a.mean()) * (b - b.mean())) / (a.var() + b.var() + (a.mean() - b.mean()) ** 2)


def auc(score, positive):
    pos, neg = score[positive], score[~positive]
    return np.mean((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :]))


def with_bias(x):
    return np.hstack([x, np.ones((len(x), 1))])


def ridge(x, y, lam=10.0):
    xa = with_bias(x)
    reg = lam * np.eye(xa.shape[1])
    reg[-1, -1] = 0
    return np.linalg.solve(xa.T @ xa + reg, xa.T @ y)


def softmax_regression(x, c, lam=1e-2, iters=600, lr=0.5):
    xa, onehot = with_bias(x), np.eye(8)[c]
    w = np.zeros((xa.shape[1], 8))
    for _ in range(iters):
        z = xa @ w
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        g = xa.T @ (p - onehot) / len(x)
        g[:-1] += lam * w[:-1]
        w -= lr * g
    return w


def normalise(x, actor, train, mode, n0, rng, position):
    mu, sd = x[train].mean(0), x[train].std(0) + 1e-9
    if mode == "global":
        return (x - mu) / sd
    z = np.zeros_like(x)
    for a in np.unique(actor):
        idx = np.where(actor == a)[0]
        if mode == "speaker":
            z[idx] = (x[idx] - x[idx].mean(0)) / (x[idx].std(0) + 1e-9)
            continue
        s = np.zeros(x.shape[1])
        s2 = np.zeros(x.shape[1])
        for k, i in enumerate(idx[rng.permutation(len(idx))], 1):
            s += x[i]
            s2 += x[i] ** 2
            m = (n0 * mu + s) / (n0 + k)
            var = (n0 * (sd ** 2 + mu ** 2) + s2) / (n0 + k) - m ** 2
            z[i] = (x[i] - m) / np.sqrt(np.maximum(var, 1e-12))
            position[i] = k
    return z


def run(x, y, cat, actor, mode, n0, seed):
    rng = np.random.default_rng(seed)
    pred, guess, position = np.zeros_like(y), np.zeros(len(y), int), np.zeros(len(y), int)
    for fold in FOLDS:
        test = np.isin(actor, fold)
        z = normalise(x, actor, ~test, mode, n0, rng, position)
        pred[test] = with_bias(z[test]) @ ridge(z[~test], y[~test])
        guess[test] = np.argmax(with_bias(z[test]) @ softmax_regression(z[~test], cat[~test]), 1)
    return pred, guess, position


def figures(pred, guess, y, cat, sel):
    names = np.array(CATS)[cat]
    high, ranked = np.isin(names, ["angry", "fearful", "happy", "surprised"]), names != "disgust"
    r = ranked & sel
    return [ccc(pred[sel, d], y[sel, d]) for d in range(3)] + [
        auc(pred[r, 1], high[r]), np.mean(guess[sel] == cat[sel]),
        np.mean([np.mean(guess[sel & (cat == k)] == k) for k in range(8) if np.any(sel & (cat == k))])]


def main():
    x, y, cat, actor = load(sys.argv[1])
    n0 = float(sys.argv[2]) if len(sys.argv) > 2 else 3.0
    orders = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    print(f"{len(x)} files, {len(np.unique(actor))} actors; online prior N0 = {n0:g}, {orders} orders\n")
    print("| normalisation | files | CCC V | CCC A | CCC D | arousal AUC | accuracy | UAR |")
    print("|---|---|---|---|---|---|---|---|")
    everything = np.ones(len(x), bool)
    for mode in ("global", "speaker"):
        pred, guess, _ = run(x, y, cat, actor, mode, n0, 0)
        print(f"| {mode} | all | " + " | ".join(f"{v:.3f}" for v in figures(pred, guess, y, cat, everything)) + " |")
    by = {}
    for seed in range(orders):
        pred, guess, pos = run(x, y, cat, actor, "online", n0, seed)
        for label, sel in (("all", pos > 0), ("1st of the speaker", pos == 1), ("2nd-5th", (pos >= 2) & (pos <= 5)),
                           ("6th-30th", pos >= 6)):
            by.setdefault(label, []).append(figures(pred, guess, y, cat, sel))
    for label, values in by.items():
        print(f"| online | {label} | " + " | ".join(f"{v:.3f}" for v in np.mean(values, 0)) + " |")


if __name__ == "__main__":
    main()
