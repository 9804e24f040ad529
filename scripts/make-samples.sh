#!/usr/bin/env bash
# Synthetic test speech: writes target/samples-synthetic/*.wav with espeak-ng and sox (16 kHz mono
# s16, peak at -3 dBFS). These are machine voices, out of the default model's domain (it learnt from
# RAVDESS actors), so they are not in samples/ (real speech, RAVDESS clips; samples/README.md): use
# them to see the pipeline run on audio that is ours to ship, not to judge emotion recognition.
set -euo pipefail
mkdir -p "$(dirname "${BASH_SOURCE[0]}")/../target/samples-synthetic"
cd "$(dirname "${BASH_SOURCE[0]}")/../target/samples-synthetic"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
gen() { # name voice pitch rate text
  espeak-ng -v "$2" -p "$3" -s "$4" -w "$tmp/$1.wav" "$5"
  sox "$tmp/$1.wav" -r 16000 -c 1 -b 16 "$1.wav" norm -3
}
gen greeting en-us 50 160 "Hello, this is a short test of the emotion recognition system."
gen happy en-us+f3 80 185 "What a wonderful day, I am so happy to see you all here!"
gen sad en-us+m3 30 110 "I miss her very much, and nothing feels the same anymore."
gen angry en-us 60 200 "This is completely unacceptable, I told you three times already!"
