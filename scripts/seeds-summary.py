#!/usr/bin/env python3
"""The seed papers' models side by side with emofuse's own (docs/seeds.md, "Side by side").

    python3 scripts/seeds-summary.py            # Markdown on stdout

Reads the results.csv files the experiments wrote (docs/results/seeds/*/, docs/results/default-acoustic/,
docs/results/emobank-speech/) and prints two tables: every category model's UAR on RAVDESS beside the
shipped default acoustic model's, and every V/A/D model's mean CCC on emobank-speech beside the fusions'.
Mean +- sd over each experiment's folds (sample sd, as the experiments' own tables).
"""
import csv
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "results"


def folds(path, column):
    """model -> list of per-fold values of column (rows with a value only), in file order."""
    out = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r.get(column):
                out.setdefault(r["model"], []).append(float(r[column]))
    return out


def split_of(config):
    """The experiment config's split in words, e.g. '4 speaker folds' or 'random 80/20'."""
    m = re.search(r"^split:\s*\{([^}]*)\}", config.read_text(), re.M) if config.exists() else None
    if not m:
        return "?"
    kv = dict(x.split(":", 1) for x in m.group(1).replace(" ", "").split(","))
    kind = kv.get("kind")
    if kind == "speaker":
        n = int(kv.get("folds", "0"))
        return f"{n} speaker folds" if n > 0 else "one fold per speaker"
    if kind == "kfold":
        return f"random {kv.get('folds')}-fold (speakers mixed)"
    if kind == "random":
        test = round(100 * float(kv.get("test_fraction", "0.2")))
        return f"random {100 - test}/{test} (speakers mixed)"
    return kind or "?"


def fmt(values):
    m = statistics.mean(values)
    return f"{m:.3f} ± {statistics.stdev(values):.3f}" if len(values) > 1 else f"{m:.3f}"


def table(title, header, rows):
    print(title)
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()


def main():
    cat_rows = []
    default = RESULTS / "default-acoustic" / "results.csv"
    if default.exists():
        for model, v in folds(default, "uar").items():
            label = {"acoustic-global": "**shipped default** (acoustic, global z-score)",
                     "acoustic-per-speaker": "default's per-speaker reference (not usable live)"}.get(model, model)
            cat_rows.append([label, "default-acoustic", split_of(ROOT / "configs" / "default" / "acoustic-compare.yaml"),
                             fmt(v)])
    for exp in sorted((RESULTS / "seeds").iterdir()):
        f = exp / "results.csv"
        if not f.exists():
            continue
        split = split_of(ROOT / "configs" / "seeds" / (exp.name + ".yaml"))
        for model, v in folds(f, "uar").items():
            cat_rows.append([model, exp.name, split, fmt(v)])
    table("Category models, RAVDESS (8 classes): UAR, mean ± sd over folds", ["model", "experiment", "split", "UAR"],
          cat_rows)

    vad_rows = []
    configs = {RESULTS / "emobank-speech": ROOT / "configs" / "emobank-speech" / "compare.yaml"}
    for exp in [RESULTS / "emobank-speech"] + sorted((RESULTS / "seeds").iterdir()):
        f = exp / "results.csv"
        if not f.exists():
            continue
        split = split_of(configs.get(exp, ROOT / "configs" / "seeds" / (exp.name + ".yaml")))
        for model, v in folds(f, "mean_ccc").items():
            vad_rows.append([model, exp.name, split, fmt(v)])
    table("V/A/D models, emobank-speech: mean CCC of V, A, D, mean ± sd over folds",
          ["model", "experiment", "split", "mean CCC"], vad_rows)


if __name__ == "__main__":
    sys.exit(main())
