#!/usr/bin/env bash
# What telephone audio costs (docs/audio.md, the default model's card): every shared RAVDESS file scored
# by the default model as it is (16 kHz PCM) and after a G.711 round trip (8 kHz mu-law and back to
# 16 kHz, as a call recording reaches us), with Vosk transcripts as the text. Prints WER against the
# spoken sentence and the category UAR (8 classes) per set and version.
#
#   scripts/narrowband-study.sh [SETS...]     (default: ravdess ravdess-rep2; needs sox)
#
# The default model's voice part was trained on ravdess/ (repetition 01) of these 16 actors, so its
# UAR there is a training-set figure; ravdess-rep2/ is the unseen second take of the same actors.
# What matters here is the difference between the two versions of the same files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${EMOFUSE_SHARED:-$here/../shared}/data"
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(ravdess ravdess-rep2)
command -v sox >/dev/null || { echo "narrowband-study: needs sox (apt-get install sox)" >&2; exit 2; }
work="${NARROWBAND_WORK:-$(mktemp -d)}"
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), work dir $work"
for set in "${sets[@]}"; do
  for version in pcm16k g711; do
    dir="$work/$set-$version"
    mkdir -p "$dir/wav"
    if [ "$version" = g711 ]; then
      for f in "$shared/$set"/wav/*.wav; do
        b="$dir/wav/$(basename "$f")"
        [ -f "$b" ] && continue
        sox -q "$f" -r 8000 -e u-law -b 8 "$dir/mu.wav"
        sox -q "$dir/mu.wav" -r 16000 -e signed-integer -b 16 "$b"
      done
      rm -f "$dir/mu.wav"
    else
      cp -n "$shared/$set"/wav/*.wav "$dir/wav/"
    fi
    ls "$dir/wav" | sort | awk '{printf "{\"dialogue_id\":\"%s\",\"turns\":[{\"turn_id\":1,\"audio\":\"wav/%s\"}]}\n", substr($1, 1, length($1) - 4), $1}' >"$dir/in.jsonl"
    start=$(date +%s)
    "$here/emofuse" score "$dir/in.jsonl" --out "$dir/out.jsonl" --model default --threads 2 --no-progress \
      --audio-root "$dir" 2>&1 | grep -v '^[0-9:.]* \(INFO\|WARN\)' || true
    echo "$set $version: scored in $(( $(date +%s) - start )) s"
  done
done
python3 - "$work" "$shared" "$here/scripts/bench" "${sets[@]}" <<'PY'
import csv, json, re, sys
work, shared, sets = sys.argv[1], sys.argv[2], sys.argv[4:]
sys.path.insert(0, sys.argv[3])
from wer import edits

def words(s):
    return re.sub(r"[^a-z' ]", " ", s.lower()).split()

print("\n| set | version | files | WER | category UAR | accuracy |")
print("|---|---|---|---|---|---|")
for s in sets:
    truth = {r["utt_id"]: r for r in csv.DictReader(open(f"{shared}/{s}/manifest.csv"))}
    for version in ("pcm16k", "g711"):
        errs = refs = 0
        hits, seen = {}, {}
        n = 0
        for line in open(f"{work}/{s}-{version}/out.jsonl"):
            o = json.loads(line)
            t = truth[o["dialogue_id"]]
            turn = o["turns"][0]
            ref = words(t["text"])
            errs += edits(ref, words(turn.get("transcript") or ""))
            refs += len(ref)
            c = t["category"]
            seen[c] = seen.get(c, 0) + 1
            hits[c] = hits.get(c, 0) + (turn["emotion"]["category"] == c)
            n += 1
        uar = sum(hits[c] / seen[c] for c in seen) / len(seen)
        acc = sum(hits.values()) / n
        print(f"| {s} | {version} | {n} | {errs / refs:.3f} | {uar:.3f} | {acc:.3f} |")
PY
