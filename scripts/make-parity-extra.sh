#!/usr/bin/env bash
# Extra openSMILE parity inputs, made like ../shared/data/opensmile-ref/wav (espeak-ng + sox, 16 kHz
# mono s16): low-pitched voices, whose near-singular LPC polynomials make formant bandwidths
# sensitive, and F0 chirps, whose 0-500 Hz spectral slope has a mean near 0. Writes
# target/parity-extra/wav/*.wav (or $1/*.wav); the reference CSVs made from them with openSMILE are
# acoustic/src/test/resources/parity-extra/. espeak-ng and sox (no dither) are deterministic, so the
# files are the same on every machine with the same versions (espeak-ng 1.51, SoX 14.4.2 on Debian 12;
# ParityExtraTest checks them against parity-extra/wav.sha256).
set -euo pipefail
out="${1:-$(dirname "${BASH_SOURCE[0]}")/../target/parity-extra/wav}"
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
text_en="The quick brown fox jumps over the lazy dog, and then it runs back home again."
speech() { # voice pitch rate text
  local name="syn_${1//+/_}_p$2_s$3"
  espeak-ng -v "$1" -p "$2" -s "$3" -w "$tmp/$name.wav" "$4"
  sox -R "$tmp/$name.wav" -D -r 16000 -c 1 -b 16 "$out/$name.wav"
}
speech en+m3 0 120 "$text_en"
speech en+m1 10 150 "$text_en"
speech en-us+m2 5 170 "Nothing was the same after the long winter, but we kept on walking."
speech de+m4 15 130 "Der alte Mann ging langsam durch den dunklen Wald nach Hause."
speech fr+m2 25 110 "Le vieux bateau est reste au port pendant tout le long hiver."
speech es+m3 20 190 "El perro grande corre por el parque todas las mananas."
speech it+m1 0 95 "La mattina presto il mercato e pieno di gente e di colori."
speech en-gb+m6 12 210 "Seven slow ships sailed south before the storm arrived at dawn."

# F0 chirps (sox synth sweeps) with 8 harmonics of falling amplitude and a little noise
chirp() { # name duration start end harmonics
  local parts=() h
  for ((h = 1; h <= $5; h++)); do
    parts+=("$tmp/h$h.wav")
    sox -R -n -D -r 16000 -c 1 -b 16 "$tmp/h$h.wav" synth "$2" sine "$(($3 * h))-$(($4 * h))" vol "$(awk -v h="$h" 'BEGIN { printf "%.6f", 0.4 / h }')"
  done
  sox -R -n -D -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth "$2" whitenoise vol 0.003
  if (($5 == 1)); then
    sox -R -D -m "${parts[0]}" "$tmp/noise.wav" -b 16 "$out/$1.wav"
  else
    sox -R -D -m "${parts[@]}" "$tmp/noise.wav" -b 16 "$out/$1.wav"
  fi
}
chirp syn_chirp_150_400_sine 3 150 400 1
chirp syn_chirp_150_400_harm 3 150 400 8
chirp syn_chirp_400_150_harm 3 400 150 8
chirp syn_chirp_100_300_harm 4 100 300 8
chirp syn_chirp_80_160_harm 3 80 160 8

# a low buzz through a vowel-like formant filter: wide, weak resonances
sox -R -n -D -r 16000 -c 1 -b 16 "$tmp/saw.wav" synth 2.5 sawtooth 90-110 vol 0.3
sox -R -D "$tmp/saw.wav" -b 16 "$out/syn_buzz_90hz_vowel.wav" \
  equalizer 700 300h 12 equalizer 1200 500h 8 equalizer 2600 800h 6 lowpass 4000
