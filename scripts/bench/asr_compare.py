"""Compares transcripts of the ASR benchmark: identical to the plain Vosk loop? WER against the spoken sentences."""
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wer import edits  # noqa: E402


def load(path):
    with open(path) as f:
        return {os.path.basename(j["file"]): j.get("text") for j in map(json.loads, f)}


manifest = {os.path.basename(r["wav"]): r["text"].lower().split() for r in csv.DictReader(open(sys.argv[1]))}
runs = [(p, load(p)) for p in sys.argv[2:]]
plain = runs[0][1]
for path, run in runs:
    same = sum(run.get(k) == v for k, v in plain.items())
    err = sum(edits(manifest[k], (run.get(k) or "").split()) for k in plain)
    words = sum(len(manifest[k]) for k in plain)
    print(f"{os.path.basename(path)}: {len(run)} files, identical to plain Vosk: {same}/{len(plain)}, "
          f"WER vs spoken sentences: {100 * err / words:.1f}% ({err}/{words})")
