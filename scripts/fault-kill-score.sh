#!/usr/bin/env bash
# Fault test: `emofuse score` killed with kill -9 at random points, then rerun (resume), must give
# output byte-identical to one clean run: no lost, duplicated or half-written lines.
#   scripts/fault-kill-score.sh [N=20] [DIALOGUES=60]
# Input: DIALOGUES dialogues of 2-5 EmoBank sentences (text turns), every sixth with one RAVDESS audio
# turn, scored with the default emotion model. Odd trials are killed twice (the resume is killed too).
# Kill points: after a random number of output lines (or during start-up) plus a random fraction of a second.
# Env: EMOFUSE_SHARED (default ../shared), SEED (default 11), THREADS (default 2), KEEP=1 keeps the work dir.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${EMOFUSE_SHARED:-$root/../shared}"
n="${1:-20}"
dialogues="${2:-60}"
threads="${THREADS:-2}"
seed="${SEED:-11}"
work="$(mktemp -d "${TMPDIR:-/tmp}/emofuse-kill.XXXXXX")"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
ravdess="$shared/data/ravdess"

python3 - "$shared" "$dialogues" "$seed" > "$work/in.jsonl" <<'EOF'
import csv, json, os, random, sys
shared, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(seed)
rows = list(csv.DictReader(open(os.path.join(shared, "data/emobank/manifest.csv"), encoding="utf-8")))
wavs = sorted(os.listdir(os.path.join(shared, "data/ravdess/wav")))
for d in range(n):
    turns = [{"turn_id": t + 1, "speaker": "AB"[t % 2], "text": random.choice(rows)["text"]}
             for t in range(random.randint(2, 5))]
    if d % 6 == 0:
        turns.append({"turn_id": len(turns) + 1, "speaker": "C", "audio": "wav/" + random.choice(wavs)})
    print(json.dumps({"dialogue_id": "d%04d" % d, "turns": turns}))
EOF

# The launcher's command line (./emofuse) on a snapshot of the distribution, so that a rebuild during
# the run cannot swap our jars under a running JVM: emofuse jars copied, dependencies linked.
lib="$root/app/target/dist/lib"
[ -f "$lib/emofuse-app-0.1.0-SNAPSHOT.jar" ] || "$root/emofuse" --version >/dev/null
mkdir -p "$work/lib"
for f in "$lib"/*; do
  case "$(basename "$f")" in emofuse-*) cp "$f" "$work/lib/" ;; *) ln -s "$f" "$work/lib/" ;; esac
done
cp_="$work/lib/*"
for extra in "$work/lib"/*.aar; do [ -e "$extra" ] && cp_="$cp_:$extra"; done
export DJL_OFFLINE=true OPT_OUT_TRACKING=true

score() { # score OUT: runs in the background, sets $pid (the JVM itself, as ./emofuse execs it)
  java ${JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=4 -Xshare:auto} -cp "$cp_" io.emofuse.app.Main \
    score "$work/in.jsonl" --out "$1" --threads "$threads" --no-progress --model default \
    --audio-root "$ravdess" >>"$work/log" 2>&1 &
  pid=$!
}

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) fault-kill-score: $n trials, $(wc -l <"$work/in.jsonl") input lines, threads=$threads, seed=$seed"
t0=$(date +%s.%N)
score "$work/clean.jsonl"; wait "$pid"
clean_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
lines=$(wc -l <"$work/clean.jsonl")
echo "clean run: ${clean_s} s, $lines lines, sha256 $(sha256sum "$work/clean.jsonl" | cut -c1-16)"
[ "$lines" -eq "$(wc -l <"$work/in.jsonl")" ] || { echo "FAIL: the clean run has $lines lines"; exit 1; }
# Control: a second clean run in a new JVM must match, or a difference after a kill would mean nothing.
score "$work/clean2.jsonl"; wait "$pid"
cmp -s "$work/clean.jsonl" "$work/clean2.jsonl" || { echo "FAIL: two clean runs differ (output not deterministic)"; exit 1; }
echo "control: a second clean run is identical"

RANDOM=$seed
identical=0; repaired=0; before_output=0; missed=0
for i in $(seq 1 "$n"); do
  out="$work/out$i.jsonl"
  kills=1; [ $((i % 2)) -eq 1 ] && kills=2
  points=()
  for k in $(seq 1 "$kills"); do
    # The kill point: after a random number of new output lines (none: during start-up, a random 0.5-15 s in,
    # while the JVM starts and the models load), plus a random 0-999 ms, so kills land anywhere in a line's
    # life (scoring, writing, syncing), whatever the machine's speed.
    base=$( [ -f "$out" ] && wc -l <"$out" || echo 0)
    target=$base; [ "$base" -lt "$lines" ] && target=$(( base + RANDOM % (lines - base) ))
    score "$out"
    if [ "$target" -eq "$base" ]; then
      sleep "$(awk -v m=$(( 500 + RANDOM % 14500 )) 'BEGIN{printf "%.3f", m/1000}')"
    else
      while kill -0 "$pid" 2>/dev/null && [ "$( [ -f "$out" ] && wc -l <"$out" || echo 0)" -lt "$target" ]; do sleep 0.05; done
      sleep "$(awk -v m=$(( RANDOM % 1000 )) 'BEGIN{printf "%.3f", m/1000}')"
    fi
    have=$( [ -f "$out" ] && wc -l <"$out" || echo 0)
    if kill -9 "$pid" 2>/dev/null; then points+=("after-${target}-lines:${have}"); else points+=("after-${target}-lines:finished"); missed=$((missed + 1)); fi
    wait "$pid" 2>/dev/null || true
  done
  [ -s "$out" ] || before_output=$((before_output + 1))
  partial=$( [ -f "$out" ] && tail -c 1 "$out" | od -An -c | tr -d ' ' || true)
  [ -n "$partial" ] && [ "$partial" != '\n' ] && repaired=$((repaired + 1))
  score "$out"; wait "$pid"
  if cmp -s "$work/clean.jsonl" "$out"; then
    identical=$((identical + 1)); verdict=identical
  else
    verdict="DIFFERS ($(wc -l <"$out") lines)"
  fi
  echo "trial $i: killed at ${points[*]} -> resumed: $verdict"
done
grep -h '^emofuse: repaired' "$work/log" | sort | uniq -c | sed 's/^/  /' || true
echo "summary: $identical/$n identical to the clean run; $repaired left a half-written last line; $before_output killed before any output; $missed of $(( n + (n + 1) / 2 )) kills came after the run had finished"
[ "$identical" -eq "$n" ]
