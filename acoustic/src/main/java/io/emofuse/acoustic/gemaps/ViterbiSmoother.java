package io.emofuse.acoustic.gemaps;

/**
 * openSMILE's incremental Viterbi pitch smoother (GEMAPS_NOTES 7.3), quirks included: one
 * global "last change" lambda overwritten in evaluation order, unvoiced-unvoiced cost 1,
 * 999 for empty candidates, 40-frame forced decisions. Frames are decided in order and handed
 * to a {@link Sink} as (frame index, F0 in Hz or 0).
 */
final class ViterbiSmoother {
    interface Sink {
        void decided(long frame, double f0);
    }

    private static final int N = PitchAnalyzer.CANDIDATES;
    private static final int STATES = N + 1;
    private static final int UNVOICED = N;
    private static final int CAP = 64;
    private static final int MAX_DELAY = 40;
    private static final double THRESHOLD = 0.70;
    private static final double W_LOCAL = 2;
    private static final double W_TVV = 10;
    private static final double W_TVVD = 10; // the config's 5 is overwritten by wTvv in openSMILE
    private static final double W_TVUV = 10;
    private static final double W_THR = 4;
    private static final double W_RANGE = 1;

    private final double[][] freq = new double[CAP][N];
    private final int[][] back = new int[CAP][STATES];
    private double[] cost = new double[STATES];
    private double[] next = new double[STATES];
    private final double[] local = new double[STATES];
    private final int[][] paths = new int[STATES][CAP];
    private double lambda;
    private long frames; // frames pushed
    private long firstUndecided;

    ViterbiSmoother() {
        reset();
    }

    void reset() {
        lambda = 1.0;
        frames = 0;
        firstUndecided = 0;
    }

    void push(double[] f, double[] v, Sink sink) {
        long tIdx = frames;
        int slot = (int) (tIdx % CAP);
        System.arraycopy(f, 0, freq[slot], 0, N);
        boolean anyVoiced = false;
        for (int i = 0; i < N; i++) {
            double pv = Math.min(1, Math.max(0.01, v[i]));
            local[i] = W_LOCAL * (-Math.log(pv) + (pv < THRESHOLD ? W_THR : 0)) + W_RANGE * rangeCost(f[i]);
            if (v[i] >= THRESHOLD) {
                anyVoiced = true;
            }
        }
        local[UNVOICED] = anyVoiced ? W_LOCAL * W_THR : 0;
        if (tIdx == 0) {
            System.arraycopy(local, 0, cost, 0, STATES);
        } else {
            double[] prevF = freq[(int) ((tIdx - 1) % CAP)];
            int[] bp = back[slot];
            for (int i = 0; i < STATES; i++) {
                double best = 0;
                int arg = -1;
                for (int j = 0; j < STATES; j++) {
                    double total = transition(i, j, f, prevF) + cost[j];
                    if (arg < 0 || total < best) {
                        best = total;
                        arg = j;
                    }
                }
                next[i] = best + local[i];
                bp[i] = arg;
            }
            double[] tmp = cost;
            cost = next;
            next = tmp;
        }
        frames++;
        decide(sink);
    }

    private double transition(int i, int j, double[] cur, double[] prev) {
        if (i < N && j < N) {
            if (prev[j] == 0 || cur[i] == 0) {
                return 999;
            }
            double r = Math.log(cur[i] / prev[j]);
            double c = W_TVV * Math.abs(r) + W_TVVD * Math.abs(r - lambda);
            lambda = r;
            return c;
        }
        if (i == UNVOICED && j == UNVOICED) {
            return 1.0;
        }
        lambda = 0;
        return W_TVUV;
    }

    private static double rangeCost(double f) {
        if (f <= 0) {
            return 2;
        }
        if (f < 100) {
            return 1 - f / 100;
        }
        if (f < 350) {
            return 0;
        }
        if (f < 600) {
            return (f - 350) / 250;
        }
        return 1.2;
    }

    /** Backtracks every surviving path to the oldest undecided frame. */
    private void tracePaths() {
        long last = frames - 1;
        for (int s = 0; s < STATES; s++) {
            int state = s;
            for (long t = last; t >= firstUndecided; t--) {
                paths[s][(int) (t % CAP)] = state;
                if (t > 0) {
                    state = back[(int) (t % CAP)][state];
                }
            }
        }
    }

    private int cheapest() {
        int arg = 0;
        for (int s = 1; s < STATES; s++) {
            if (cost[s] < cost[arg]) {
                arg = s;
            }
        }
        return arg;
    }

    private void emit(long t, int state, Sink sink) {
        sink.decided(t, state == UNVOICED ? 0 : freq[(int) (t % CAP)][state]);
    }

    private void decide(Sink sink) {
        tracePaths();
        long last = frames - 1;
        while (firstUndecided < last) {
            int slot = (int) (firstUndecided % CAP);
            int s0 = paths[0][slot];
            boolean agree = true;
            for (int s = 1; s < STATES && agree; s++) {
                agree = paths[s][slot] == s0;
            }
            if (!agree) {
                break;
            }
            emit(firstUndecided, s0, sink);
            firstUndecided++;
        }
        if (frames - (firstUndecided - 1) > MAX_DELAY) {
            int best = cheapest();
            emit(firstUndecided, paths[best][(int) (firstUndecided % CAP)], sink);
            firstUndecided++;
        }
    }

    /** End of input: the remaining frames follow the cheapest path. */
    void finish(Sink sink) {
        if (frames == 0) {
            return;
        }
        tracePaths();
        int best = cheapest();
        while (firstUndecided < frames) {
            emit(firstUndecided, paths[best][(int) (firstUndecided % CAP)], sink);
            firstUndecided++;
        }
    }
}
