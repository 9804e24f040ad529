#!/usr/bin/env python3
"""Writes (or replaces) the `default` emotion model's entry in the model catalogue with the sha256 and
size of every file under the shipped model folder. usage: catalog-entry.py MODEL_DIR CATALOG.json"""
import hashlib
import json
import os
import sys

model_dir, catalog_path = sys.argv[1], sys.argv[2]
files = {}
for root, _, names in os.walk(model_dir):
    for n in sorted(names):
        p = os.path.join(root, n)
        rel = os.path.relpath(p, model_dir).replace(os.sep, "/")
        files[rel] = {"sha256": hashlib.sha256(open(p, "rb").read()).hexdigest(), "size": os.path.getsize(p)}
entry = {
    "name": "default",
    "kind": "emotion",
    "artifact": "io.emofuse:emofuse-fusion",
    "license": "CC-BY-NC-SA-4.0 AND CC-BY-SA-4.0",
    "description": "Default emotion model: text V/A/D (bge-small head, EmoBank, CC-BY-SA-4.0) + voice V/A/D "
                   "and 8 categories (eGeMAPS head, RAVDESS, CC-BY-NC-SA-4.0), decision-level fusion; see MODEL_CARD.md",
    "resource": "io/emofuse/models/default/",
    "files": dict(sorted(files.items())),
}
catalog = json.load(open(catalog_path, encoding="utf-8"))
catalog = [m for m in catalog if m["name"] != "default"] + [entry]
with open(catalog_path, "w", encoding="utf-8") as f:
    json.dump(catalog, f, indent=1)
print(f"catalogue entry 'default': {len(files)} files, {sum(v['size'] for v in files.values())} bytes")
