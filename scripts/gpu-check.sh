#!/usr/bin/env bash
# GPU training check (docs/training.md): builds the distribution with -Pcuda (DJL 0.35.1 throughout, no CPU
# natives), trains one config on the GPU and on the CPU from the same seed and compares their dev mean CCC.
#
#   scripts/gpu-check.sh LIBTORCH_DIR [CONFIG] [MANIFEST]
#
# LIBTORCH_DIR: an unpacked libtorch 2.7.1+cu128 (pytorch.org's libtorch-...-2.7.1+cu128.zip; its lib/ holds
# libtorch_cuda.so). Maven Central has no CUDA libtorch for PyTorch 2.7.1 (pom.xml, profile cuda), so DJL is
# pointed at it: PYTORCH_LIBRARY_PATH, PYTORCH_VERSION=2.7.1, PYTORCH_FLAVOR=cu128 (the JNI glue for cu128
# ships in pytorch-jni 2.7.1-0.35.1). Nothing is downloaded. CONFIG defaults to
# configs/emobank-speech/concat.yaml, MANIFEST to ../shared/data/emobank-speech/manifest.csv (WAVs from
# ../shared/data/make-all.sh). Prints both dev CCCs and the GPU/CPU wall times; exit 1 when the GPU run fails or
# its dev mean CCC is more than 0.05 from the CPU run's (different kernels, same recipe: close, not equal).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
libtorch="${1:?usage: scripts/gpu-check.sh LIBTORCH_DIR [CONFIG] [MANIFEST]}"
config="${2:-$here/configs/emobank-speech/concat.yaml}"
manifest="${3:-$here/../shared/data/emobank-speech/manifest.csv}"
lib="$libtorch/lib"
[ -f "$lib/libtorch_cuda.so" ] || { echo "gpu-check: $lib/libtorch_cuda.so not found (a CUDA libtorch 2.7.1 is needed)" >&2; exit 2; }
[ -f "$manifest" ] || { echo "gpu-check: manifest $manifest not found" >&2; exit 2; }
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader

export DJL_OFFLINE=true OPT_OUT_TRACKING=true
(cd "$here" && mvn -B -q -Pcuda package -DskipTests)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run() { # device, out
  local t0 t1
  t0=$(date +%s.%N)
  PYTORCH_LIBRARY_PATH="$lib" PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR=cu128 \
    "$here/emofuse" train --config "$config" --data "$manifest" --out "$2" --device "$1" >"$work/$1.log" 2>&1 \
    || { cat "$work/$1.log" >&2; return 1; }
  t1=$(date +%s.%N)
  echo "$t0 $t1" | awk '{printf "%.1f", $2 - $1}' >"$work/$1.seconds"
}
run gpu "$work/gpu"
run cpu "$work/cpu"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
dev = {d: json.load(open(f"{w}/{d}/metrics.json"))["dev"] for d in ("gpu", "cpu")}
secs = {d: float(open(f"{w}/{d}.seconds").read()) for d in ("gpu", "cpu")}
for d in ("gpu", "cpu"):
    print(f"{d}: dev mean CCC {dev[d]['mean_ccc']:.4f}  (V {dev[d]['V']['ccc']:.3f} A {dev[d]['A']['ccc']:.3f} D {dev[d]['D']['ccc']:.3f}), train {secs[d]:.1f} s")
gap = abs(dev["gpu"]["mean_ccc"] - dev["cpu"]["mean_ccc"])
print(f"|GPU - CPU| dev mean CCC = {gap:.4f}")
sys.exit(0 if gap <= 0.05 else 1)
PY
