#!/usr/bin/env bash
# openSMILE reference CSVs for the extra parity set, with the exact command lines of
# ../shared/data/opensmile-ref/README.md. openSMILE is not part of this project: pass the path of a
# SMILExtract built from tag v3.0.2 and of that tag's config/ folder.
#   scripts/parity-extra-ref.sh /path/to/SMILExtract /path/to/opensmile/config
# Inputs: acoustic/src/test/resources/parity-extra/inputs.txt, each relative to ../shared/data or,
# if not there, to target/ (parity-extra/wav/*.wav from scripts/make-parity-extra.sh).
# Output: acoustic/src/test/resources/parity-extra/{egemaps,gemaps}/functionals.csv and
# egemaps/lld/*.csv (GeMAPSv01b's LLDs are the same component's, a subset: not kept, to save space),
# and wav.sha256, the checksums of the generated WAVs the references belong to.
set -euo pipefail
smile="$(realpath "$1")"
config="$(realpath "$2")"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ref="$root/acoustic/src/test/resources/parity-extra"
shared="${EMOFUSE_SHARED:-$root/../shared}/data"
cd "$root"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
scripts/make-parity-extra.sh
(cd target/parity-extra/wav && sha256sum ./*.wav | sed 's| \./| |') > "$ref/wav.sha256"
for set in egemaps gemaps; do
  conf="$config/egemaps/v02/eGeMAPSv02.conf"
  [ "$set" = gemaps ] && conf="$config/gemaps/v01b/GeMAPSv01b.conf"
  lld="$ref/$set/lld"
  [ "$set" = gemaps ] && lld="$tmp"
  rm -rf "${ref:?}/$set"
  mkdir -p "$ref/$set" "$lld"
  while read -r input; do
    [ -n "$input" ] || continue
    wav="$shared/$input"
    [ -f "$wav" ] || wav="target/$input"
    name="$(basename "$input" .wav)"
    "$smile" -C "$conf" -I "$wav" -instname "$name" \
      -csvoutput "$ref/$set/functionals.csv" -appendcsv 1 \
      -lldcsvoutput "$lld/$name.csv" -appendcsvlld 0 -loglevel 1
  done < "$ref/inputs.txt"
done
