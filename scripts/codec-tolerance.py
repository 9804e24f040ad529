#!/usr/bin/env python3
"""What lossy codecs do to the samples emofuse decodes (docs/audio.md, "Formats").

    python3 scripts/codec-tolerance.py [N_FILES]      (needs ffmpeg and numpy; default 24 files)

Encodes N shared RAVDESS clips (every 20th file of ravdess/wav) with each codec at each bit rate,
decodes them as emofuse does (ffmpeg to 16-bit PCM WAV on a pipe, resampled to 16 kHz where the
codec decodes at 48 kHz) and prints the median and worst signal-to-error ratio against the original
samples. FLAC is lossless and must come back sample for sample.
"""
import os, subprocess, sys, tempfile
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
wav_dir = os.path.join(here, "..", "..", "shared", "data", "ravdess", "wav")
n = int(sys.argv[1]) if len(sys.argv) > 1 else 24
files = sorted(f for f in os.listdir(wav_dir) if f.endswith(".wav"))[::20][:n]
codecs = [("flac", "flac", None), ("mp3", "libmp3lame", "32k"), ("mp3", "libmp3lame", "64k"), ("mp3", "libmp3lame", "128k"),
          ("ogg", "libopus", "16k"), ("ogg", "libopus", "32k"), ("ogg", "libopus", "64k"),
          ("m4a", "aac", "32k"), ("m4a", "aac", "64k"), ("m4a", "aac", "128k")]

def decode(path):
    # emofuse's decoding: first audio stream to s16le WAV on a pipe; then 16 kHz (the study resamples with ffmpeg)
    raw = subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-map", "0:a:0",
                          "-ar", "16000", "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"], capture_output=True, check=True).stdout
    return np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32767.0

with tempfile.TemporaryDirectory() as tmp:
    print(f"{len(files)} RAVDESS clips; SNR of the decoded 16 kHz samples against the original, dB")
    print("| codec | bit rate | median SNR | worst SNR | length difference (samples, worst) |")
    print("|---|---|---|---|---|")
    for ext, codec, rate in codecs:
        snrs, dlen = [], 0
        for f in files:
            src = os.path.join(wav_dir, f)
            enc = os.path.join(tmp, "x." + ext)
            args = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", src, "-c:a", codec]
            if rate:
                args += ["-b:a", rate]
            subprocess.run(args + [enc], check=True)
            ref, dec = decode(src), decode(enc)
            m = min(len(ref), len(dec))
            dlen = max(dlen, abs(len(ref) - len(dec)))
            err = np.sum((ref[:m] - dec[:m]) ** 2)
            snrs.append(float("inf") if err == 0 else 10 * np.log10(np.sum(ref[:m] ** 2) / err))
        med, worst = np.median(snrs), min(snrs)
        fmt = lambda v: "exact" if v == float("inf") else f"{v:.1f}"
        print(f"| {codec} | {rate or 'lossless'} | {fmt(med)} | {fmt(worst)} | {dlen} |")
