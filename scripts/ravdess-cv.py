#!/usr/bin/env python3
"""Leave-actors-out cross-validation figures that `emofuse experiment` does not report: the arousal
ranking AUC (angry/fearful/happy/surprised takes should get higher predicted arousal than
neutral/calm/sad ones) and UAR, from out-of-fold predictions.

  ravdess-cv.py split MANIFEST OUTDIR      writes OUTDIR/fold-K.csv (split column: train / test)
  ravdess-cv.py score MANIFEST PRED... [--bins BINS.csv]   PRED = `emofuse predict` output of fold K's model on
                                           fold-K.csv; BINS: the reliability diagram's bins (ReliabilityPlot)
  ravdess-cv.py dialogues OUTDIR ORDERS    OUTDIR/dialogues-K-{plain,speaker}-S.jsonl: one dialogue per test
                                           actor of fold K, its files as turns in random order S (text given,
                                           so only the voice counts), without / with the `speaker` field
  ravdess-cv.py score-dialogues MANIFEST OUTDIR   scores OUTDIR/dialogues-*.out (`emofuse score` of each
                                           file with fold K's model): population statistics against
                                           online per-speaker normalisation, by position in the dialogue

`score` and `score-dialogues` also print the category probabilities' calibration: 10-bin expected
calibration error and the temperature that minimises the negative log-likelihood; `score` also each
class's own calibration error (classwise ECE) and the pooled CCC.

Folds: whole actors (both repetitions of an actor, where the manifest has both, are in one fold):
the 4 groups of 4 actors that `emofuse experiment` made with split {kind: speaker, folds: 4,
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


def tempered(probs, t):
    """Temperature scaling on probabilities: softmax(log p / t)."""
    import math
    logs = [math.log(max(p, 1e-12)) / t for p in probs]
    top = max(logs)
    e = [math.exp(x - top) for x in logs]
    return [x / sum(e) for x in e]


def ece_of(cases, t=1.0, bins=10):
    """Top-label expected calibration error (equal-width confidence bins) at temperature t, and the
    bins as (count, mean confidence, accuracy)."""
    acc = [[0, 0.0, 0] for _ in range(bins)]
    for y, p in cases:
        q = tempered(p, t)
        k = max(range(len(q)), key=q.__getitem__)
        b = acc[min(bins - 1, int(q[k] * bins))]
        b[0] += 1
        b[1] += q[k]
        b[2] += k == y
    return (sum(abs(b[1] - b[2]) for b in acc if b[0]) / len(cases),
            [(b[0], b[1] / b[0] if b[0] else 0.0, b[2] / b[0] if b[0] else 0.0) for b in acc])


def classwise_ece(cases, c, t=1.0, bins=10):
    """Per-class calibration: ECE of p(class c) against 'the file is of class c', over every file."""
    acc = [[0, 0.0, 0] for _ in range(bins)]
    for y, p in cases:
        q = tempered(p, t)[c]
        b = acc[min(bins - 1, int(q * bins))]
        b[0] += 1
        b[1] += q
        b[2] += y == c
    return sum(abs(b[1] - b[2]) for b in acc if b[0]) / len(cases)


def calibration(cases, label, classes=None, bins_out=None):
    """cases: (true class index, probabilities). Prints 10-bin ECE, mean confidence, accuracy, the
    NLL-optimal temperature (grid 0.5..3.0 by 0.05) and the ECE at that temperature; with class
    names also each class's own calibration error (classwise ECE) before and after. bins_out: a CSV
    of the reliability bins at T = 1 and at the NLL-optimal T (ReliabilityPlot draws it)."""
    import math

    def ece(t):
        return ece_of(cases, t)[0]

    def nll(t):
        return -sum(math.log(max(tempered(p, t)[y], 1e-12)) for y, p in cases) / len(cases)

    grid = [round(0.5 + 0.05 * i, 2) for i in range(51)]
    best = min(grid, key=nll)
    conf = sum(max(p) for _, p in cases) / len(cases)
    acc = sum(max(range(len(p)), key=p.__getitem__) == y for y, p in cases) / len(cases)
    print(f"calibration, {label}: ECE {ece(1.0):.3f} (confidence {conf:.3f}, accuracy {acc:.3f}); NLL-optimal "
          f"temperature {best} (NLL {nll(1.0):.3f} -> {nll(best):.3f}), ECE there {ece(best):.3f}")
    if classes:
        before = [classwise_ece(cases, c) for c in range(len(classes))]
        after = [classwise_ece(cases, c, best) for c in range(len(classes))]
        print(f"  per class (ECE of p(class) against the class, T = 1 -> {best}): "
              + ", ".join(f"{n} {a:.3f} -> {b:.3f}" for n, a, b in zip(classes, before, after))
              + f"; mean {sum(before) / len(before):.3f} -> {sum(after) / len(after):.3f}")
    if bins_out:
        with open(bins_out, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["series", "bin_low", "bin_high", "count", "confidence", "accuracy"])
            for t, name in ((1.0, "T = 1 (raw), ECE %.3f" % ece(1.0)), (best, "T = %s, ECE %.3f" % (best, ece(best)))):
                for i, (n, c, a) in enumerate(ece_of(cases, t)[1]):
                    w.writerow([name, i / 10, (i + 1) / 10, n, f"{c:.4f}", f"{a:.4f}"])
    return best


def score(manifest, preds, bins_out=None):
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
    if "p_activation_high" in pooled[0]:
        high = [float(r["p_activation_high"]) for r in pooled if truth[r["utt_id"]]["category"] in HIGH]
        low = [float(r["p_activation_high"]) for r in pooled if truth[r["utt_id"]]["category"] in LOW]
        print(f"arousal ranking AUC of the binary activation head's p(high): pooled {auc(high, low):.3f}")
    cccs = [ccc([clamp(float(r[d])) for r in pooled], [float(truth[r["utt_id"]][d]) for r in pooled]) for d in "VAD"]
    print(f"CCC pooled: V {cccs[0]:.3f}, A {cccs[1]:.3f}, D {cccs[2]:.3f} (mean {sum(cccs) / 3:.3f})")
    if fold_uars:
        pairs = [(truth[r["utt_id"]]["category"], r["category"]) for r in pooled]
        print(f"UAR: pooled {uar(pairs):.3f}, per fold " + ", ".join(f"{u:.3f}" for u in fold_uars)
              + f" (mean {sum(fold_uars) / len(fold_uars):.3f}); {len(pooled)} test files")
        classes = [c[2:] for c in pooled[0] if c.startswith("p_") and c[2:] in {t["category"] for t in truth.values()}]
        calibration([(classes.index(truth[r["utt_id"]]["category"]), [float(r["p_" + c]) for c in classes])
                     for r in pooled], "single utterances", classes, bins_out)


def dialogues(out, orders):
    import json
    import random
    for k, actors in enumerate(FOLDS):
        test = [r for r in rows(os.path.join(out, f"fold-{k}.csv")) if r["split"] == "test"]
        for order in range(orders):
            for mode in ("plain", "speaker") if order == 0 else ("speaker",):
                with open(os.path.join(out, f"dialogues-{k}-{mode}-{order}.jsonl"), "w", encoding="utf-8") as f:
                    for a in actors:
                        turns = [r for r in test if r["speaker"] == "actor_" + a]
                        random.Random(order * 100 + int(a)).shuffle(turns)
                        f.write(json.dumps({"dialogue_id": "actor_" + a, "turns": [
                            {"turn_id": r["utt_id"], "audio": r["wav"], "text": r["text"],
                             **({"speaker": r["speaker"]} if mode == "speaker" else {})} for r in turns]}) + "\n")


def ccc(a, b):
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    va, vb = sum((x - ma) ** 2 for x in a) / n, sum((y - mb) ** 2 for y in b) / n
    return 2 * sum((x - ma) * (y - mb) for x, y in zip(a, b)) / n / (va + vb + (ma - mb) ** 2)


def score_dialogues(manifest, out):
    import glob
    import json
    truth = {r["utt_id"]: r for r in rows(manifest)}

    def figures(turns):
        cols = [[clamp(t["emotion"][d]) for t, _ in turns] for d in ("valence", "arousal", "dominance")]
        gold = [[float(truth[t["turn_id"]][d]) for t, _ in turns] for d in "VAD"]
        cat = [(truth[t["turn_id"]]["category"], t["emotion"]["category"]) for t, _ in turns]
        high = [clamp(t["emotion"]["arousal"]) for t, _ in turns if truth[t["turn_id"]]["category"] in HIGH]
        low = [clamp(t["emotion"]["arousal"]) for t, _ in turns if truth[t["turn_id"]]["category"] in LOW]
        return [ccc(c, g) for c, g in zip(cols, gold)] + [auc(high, low), sum(t == p for t, p in cat) / len(cat), uar(cat)]

    def turns_of(path):
        return [(t, i + 1) for line in open(path, encoding="utf-8") for i, t in enumerate(json.loads(line)["turns"])]

    print("| normalisation | files | CCC V | CCC A | CCC D | arousal AUC | accuracy | UAR |")
    print("|---|---|---|---|---|---|---|---|")
    plain = [x for p in sorted(glob.glob(os.path.join(out, "dialogues-*-plain-0.out"))) for x in turns_of(p)]
    print("| population statistics | all | " + " | ".join(f"{v:.3f}" for v in figures(plain)) + " |")
    orders = sorted({p.rsplit("-", 1)[1] for p in glob.glob(os.path.join(out, "dialogues-*-speaker-*.out"))})
    groups = (("all", lambda i: True), ("1st of the speaker", lambda i: i == 1), ("2nd-5th", lambda i: 2 <= i <= 5),
              ("6th on", lambda i: i >= 6))
    for label, keep in groups:
        per_order = []
        for o in orders:
            turns = [x for p in sorted(glob.glob(os.path.join(out, f"dialogues-*-speaker-{o}"))) for x in turns_of(p)]
            per_order.append(figures([x for x in turns if keep(x[1])]))
        mean = [sum(v) / len(v) for v in zip(*per_order)]
        print(f"| online per speaker ({len(orders)} orders) | {label} | " + " | ".join(f"{v:.3f}" for v in mean) + " |")

    def cases(turns):
        # Probabilities as written: a server that applies a temperature has already done so.
        classes = sorted(turns[0][0]["emotion"]["probabilities"])
        return [(classes.index(truth[t["turn_id"]]["category"]), [t["emotion"]["probabilities"][c] for c in classes])
                for t, _ in turns]
    calibration(cases(plain), "population statistics")
    adapted = [x for o in orders for p in sorted(glob.glob(os.path.join(out, f"dialogues-*-speaker-{o}"))) for x in turns_of(p)]
    calibration(cases(adapted), f"online per speaker ({len(orders)} orders pooled)")


if __name__ == "__main__":
    def score_args(a):
        bins = None
        if "--bins" in a:
            i = a.index("--bins")
            bins = a[i + 1]
            a = a[:i] + a[i + 2:]
        score(a[0], a[1:], bins)

    commands = {"split": lambda a: split(a[0], a[1]), "score": score_args,
                "dialogues": lambda a: dialogues(a[0], int(a[1])),
                "score-dialogues": lambda a: score_dialogues(a[0], a[1])}
    if len(sys.argv) < 4 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2:])
