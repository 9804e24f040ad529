package io.emofuse.acoustic.gemaps;

/**
 * cPitchJitter as configured in GeMAPS (GEMAPS_NOTES 8): walks the raw waveform statefully,
 * frame by F0 frame, matching consecutive pitch periods by normalised cross-correlation;
 * jitterLocal and shimmerLocal in dB, with openSMILE's value holding.
 */
final class JitterTracker {
    /** Random access to the waveform by absolute sample index. */
    interface Samples {
        /** Copies {@code len} samples starting at absolute index {@code from} into {@code dst}. */
        void copy(long from, float[] dst, int len);
    }

    private static final int STEP = 160;
    private static final int FRAME_LEN = PitchAnalyzer.FRAME;
    private static final double T = 1.0 / 16000;
    private static final double SEARCH = 0.1;
    private static final int MIN_PERIODS = 2;
    private static final float MIN_CC = 0.5f;

    private long lastIdx;
    private long lastMis;
    private float lastT0;
    private float lastJitter;
    private float lastShimmer;
    private float[] buf = new float[4096];
    private double[] cc = new double[64];
    private double[] prefix = new double[4097]; // prefix[i] = buf[0] + ... + buf[i-1]
    private double[] prefixSq = new double[4097];
    private final Parabola parabola = new Parabola();
    private float amp0;
    private float amp1;

    void reset() {
        lastIdx = 0;
        lastMis = 0;
        lastT0 = 0;
        lastJitter = 0;
        lastShimmer = 0;
    }

    /** Earliest absolute sample the next call may read (for trimming the history). */
    long oldestNeeded(long nextFrameStart) {
        return Math.min(lastIdx, nextFrameStart - lastMis);
    }

    /** Processes F0 frame {@code frame} with gated F0 {@code f0} (Hz); writes jitter and shimmer dB. */
    void process(long frame, float f0, Samples samples, double[] out) {
        long startV = frame * STEP;
        long toRead0 = STEP + lastMis;
        long toRead = toRead0;
        double tf = 0;
        long t0f = 0;
        long t0minF = 0;
        long t0maxF = 0;
        if (f0 > 0) {
            double t0 = 1.0 / f0;
            tf = t0 / T;
            t0f = Math.round(tf);
            t0minF = (long) Math.floor((1.0 - SEARCH) * tf);
            t0maxF = (long) Math.ceil((1.0 + SEARCH) * tf);
            long twoPp = MIN_PERIODS * t0maxF + MIN_PERIODS;
            if (toRead < twoPp) {
                toRead = twoPp;
            }
        }
        long maxRead = lastMis + FRAME_LEN;
        if (toRead > maxRead) {
            toRead = maxRead;
        }
        if (startV - lastMis != lastIdx) {
            lastIdx = startV;
            if (toRead > FRAME_LEN) {
                toRead = FRAME_LEN;
            }
        }
        int n = (int) toRead;
        if (buf.length < n) {
            buf = new float[n * 2];
        }
        samples.copy(lastIdx, buf, n);
        if (f0 > 0) {
            prefixSums(n);
        }

        float nPeriodsLocal = 0;
        float nPeriods = 0;
        float avgPeriod = 0;
        float jitterSum = 0;
        float avgAmp = 0;
        float avgAmpDiff = 0;
        long lastPeriod = 0;
        if (f0 > 0) {
            int count = (int) (t0maxF - t0minF + 1);
            if (cc.length < count) {
                cc = new double[count * 2];
            }
            long start = 0;
            while (start < n - 2 * t0maxF - 1) {
                for (long len = t0minF; len <= t0maxF; len++) {
                    cc[(int) (len - t0minF)] = crossCorr((int) start, (int) len);
                }
                double max = 0;
                int maxI = -1;
                for (int i = 1; i < t0maxF - t0minF - 1; i++) {
                    if (cc[i - 1] < cc[i] && cc[i] > cc[i + 1]) {
                        if (maxI == -1 || cc[i] > max) {
                            maxI = i;
                            max = cc[i];
                        }
                    }
                }
                if (maxI >= 0) {
                    long pp = t0minF + maxI;
                    long os = start;
                    start += pp;
                    float ad = amplitudeDiff((int) os, (int) start, (int) pp);
                    parabola.fit(maxI - 1, cc[maxI - 1], maxI, cc[maxI], maxI + 1, cc[maxI + 1]);
                    double ccI = parabola.y;
                    double maxId = Math.abs(t0minF + parabola.x) * T;
                    if (ccI > MIN_CC) {
                        float period = (float) maxId;
                        avgPeriod += period;
                        nPeriods += 1;
                        if (lastT0 > 0) {
                            jitterSum += Math.abs(lastT0 - period);
                            nPeriodsLocal += 1;
                        }
                        lastT0 = period;
                        avgAmp += (amp0 + amp1) / 2.0f;
                        avgAmpDiff += ad;
                    }
                } else {
                    start += t0f;
                }
                if (start < toRead0 - 1) {
                    lastPeriod = start;
                }
            }
            lastMis = toRead0 - lastPeriod;
        } else {
            lastPeriod = toRead0;
            lastMis = 0;
            lastT0 = 0;
            lastJitter = 0;
            lastShimmer = 0;
        }
        lastIdx += lastPeriod;

        double jitter;
        if (nPeriods > 0 && nPeriodsLocal > 0 && f0 > 0) {
            lastJitter = (jitterSum / nPeriodsLocal) / (avgPeriod / nPeriods);
            if (lastJitter > 1) {
                lastJitter = 1;
            }
            jitter = lastJitter;
        } else if (nPeriods == 0 && f0 > 0) {
            if (lastJitter > 1) {
                lastJitter = 1;
            }
            jitter = lastJitter;
        } else {
            jitter = 0;
        }
        double shimmerDb;
        if (nPeriods > 0 && f0 > 0) {
            lastShimmer = avgAmp > 0 ? avgAmpDiff / avgAmp : 0;
            if (lastShimmer > 1) {
                lastShimmer = 1;
            }
            shimmerDb = (float) (20 * Math.log10(lastShimmer + 1.0));
        } else if (nPeriods == 0 && f0 > 0) {
            if (lastShimmer > 1) {
                lastShimmer = 1;
            }
            shimmerDb = (float) (20 * Math.log10(lastShimmer + 1.0));
        } else {
            shimmerDb = 0;
        }
        out[Raw.JITTER] = jitter;
        out[Raw.SHIMMER] = shimmerDb;
    }

    private void prefixSums(int n) {
        if (prefix.length < n + 1) {
            prefix = new double[2 * n + 1];
            prefixSq = new double[2 * n + 1];
        }
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double v = buf[i];
            s += v;
            s2 += v * v;
            prefix[i + 1] = s;
            prefixSq[i + 1] = s2;
        }
    }

    /**
     * Normalised cross-correlation of the {@code len} samples at {@code x} with the next {@code len}.
     * This is the jitter search's inner loop, run for every candidate lag: means and energies come
     * from prefix sums, so only the cross term takes a pass (two partial sums, so that the additions
     * do not wait on each other). Algebraically the two-pass form; in double, the same to ~1e-12.
     */
    private double crossCorr(int x, int len) {
        int y = x + len;
        double sx = prefix[y] - prefix[x];
        double sy = prefix[y + len] - prefix[y];
        double mx = sx / len;
        double my = sy / len;
        float[] buf = this.buf;
        double c0 = 0;
        double c1 = 0;
        int i = 0;
        for (; i + 1 < len; i += 2) {
            c0 += (double) buf[x + i] * buf[y + i];
            c1 += (double) buf[x + i + 1] * buf[y + i + 1];
        }
        if (i < len) {
            c0 += (double) buf[x + i] * buf[y + i];
        }
        double c = c0 + c1 - len * mx * my;
        double ex = prefixSq[y] - prefixSq[x];
        double ey = prefixSq[y + len] - prefixSq[y];
        double nx = ex - sx * mx;
        double ny = ey - sy * my;
        if (nx <= 1e-12 * ex || ny <= 1e-12 * ey) {
            return Double.NaN; // a constant period: 0/0 in the two-pass form, never a peak
        }
        return c / (Math.sqrt(nx) * Math.sqrt(ny));
    }

    /** Peak-to-peak amplitudes of the two periods; returns their absolute difference. */
    private float amplitudeDiff(int x, int y, int len) {
        amp0 = peakToPeak(x, len);
        amp1 = peakToPeak(y, len);
        return Math.abs(amp0 - amp1);
    }

    /** max - min over samples 1 .. len-2 of the period starting at {@code start} (as openSMILE). */
    private float peakToPeak(int start, int len) {
        float[] buf = this.buf;
        float max = buf[start + 1];
        float min = buf[start + 1];
        for (int i = 1; i < len - 1; i++) {
            float v = buf[start + i];
            if (v > max) {
                max = v;
            }
            if (v < min) {
                min = v;
            }
        }
        return max - min;
    }
}
