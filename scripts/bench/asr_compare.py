"""Compares transcripts of the ASR benchmark: identical to the plain Vosk loop? WER against the spoken sentences."""
import csv
import json
import os
import sys


def load(path):
    with open(path) as f:
        return {os.path.basename(j["file"]): j.get("text") for j in map(json.loads, f)}


def edits(ref, hyp):
    d = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, d[0] = d[0], i
        for j, h in enumerate(hyp, 1):
            prev, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, prev + (r != h))
    return d[len(hyp)]


manifest = {os.path.basename(r["wav"]): r["text"].lower().split() for r in csv.DictReader(open(sys.argv[1]))}
runs = [(p, load(p)) for p in sys.argv[2:]]
plain = runs[0][1]
for path, run in runs:
    same = sum(run.get(k) == v for k, v in plain.items())
    err = sum(edits(manifest[k], (run.get(k) or "").split()) for k in plain)
    words = sum(len(manifest[k]) for k in plain)
    print(f"{os.path.basename(path)}: {len(run)} files, identical to plain Vosk: {same}/{len(plain)}, "
          f"WER vs spoken sentences: {100 * err / words:.1f}% ({err}/{words})")
