package io.emofuse.acoustic.gemaps;

/**
 * Roots of a monic real polynomial as the eigenvalues of its balanced companion matrix
 * (Hessenberg QR with Francis double shifts).
 */
final class PolynomialRoots {
    private final int n;
    private final double[][] h;
    private final double[] wr;
    private final double[] wi;

    PolynomialRoots(int degree) {
        n = degree;
        h = new double[n + 1][n + 1]; // 1-based
        wr = new double[n];
        wi = new double[n];
    }

    double[] real() {
        return wr;
    }

    double[] imag() {
        return wi;
    }

    /**
     * Roots of z^n + c[0] z^(n-1) + ... + c[n-1]. Returns how many roots were found (n, or fewer
     * if the iteration failed to converge).
     */
    int solve(double[] c) {
        // Consecutive frames have similar polynomials: Aberth-Ehrlich iteration started from the
        // previous roots usually converges in a few sweeps; the QR method is the fallback.
        if (havePrevious && aberth(c)) {
            return n;
        }
        int found = solveQr(c);
        havePrevious = found == n;
        if (havePrevious) {
            for (int i = 0; i < n; i++) {
                // nudge exact duplicates (real pairs) apart so Aberth's 1/(zi - zj) stays finite
                pr[i] = wr[i] + 1e-7 * (i + 1);
                pi[i] = wi[i] + (wi[i] == 0 ? 1e-7 * (i % 2 == 0 ? 1 : -1) : 0);
            }
        }
        return found;
    }

    private boolean havePrevious;
    private final double[] pr = new double[32];
    private final double[] pi = new double[32];
    private final boolean[] converged = new boolean[32];

    /** Forgets the warm start (a new stream). */
    void reset() {
        havePrevious = false;
    }

    private boolean aberth(double[] c) {
        double[] zr = pr;
        double[] zi = pi;
        // A root whose correction fell below 1e-10 (relative) is at machine precision (cubic
        // convergence): it stops moving, and later sweeps only refine the others (as MPSolve does).
        java.util.Arrays.fill(converged, 0, n, false);
        int open = n;
        for (int it = 0; it < 30; it++) {
            for (int i = 0; i < n; i++) {
                if (converged[i]) {
                    continue;
                }
                double xr = zr[i];
                double xi = zi[i];
                // Horner: p(z) and p'(z) for the monic polynomial
                double pRe = 1, pIm = 0, dRe = 0, dIm = 0;
                for (int k = 0; k < n; k++) {
                    double ndRe = dRe * xr - dIm * xi + pRe;
                    double ndIm = dRe * xi + dIm * xr + pIm;
                    dRe = ndRe;
                    dIm = ndIm;
                    double npRe = pRe * xr - pIm * xi + c[k];
                    double npIm = pRe * xi + pIm * xr;
                    pRe = npRe;
                    pIm = npIm;
                }
                double den = dRe * dRe + dIm * dIm;
                if (den == 0) {
                    return false;
                }
                // ratio = p / p'
                double rRe = (pRe * dRe + pIm * dIm) / den;
                double rIm = (pIm * dRe - pRe * dIm) / den;
                double sRe = 0, sIm = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double ddRe = xr - zr[j];
                        double ddIm = xi - zi[j];
                        double m = ddRe * ddRe + ddIm * ddIm;
                        if (m == 0) {
                            return false;
                        }
                        double inv = 1 / m;
                        sRe += ddRe * inv;
                        sIm -= ddIm * inv;
                    }
                }
                // w = ratio / (1 - ratio * s)
                double qRe = 1 - (rRe * sRe - rIm * sIm);
                double qIm = -(rRe * sIm + rIm * sRe);
                double qm = qRe * qRe + qIm * qIm;
                if (qm == 0) {
                    return false;
                }
                double wRe = (rRe * qRe + rIm * qIm) / qm;
                double wIm = (rIm * qRe - rRe * qIm) / qm;
                zr[i] = xr - wRe;
                zi[i] = xi - wIm;
                double step = Math.sqrt((wRe * wRe + wIm * wIm) / Math.max(1, zr[i] * zr[i] + zi[i] * zi[i]));
                if (!(step <= Double.MAX_VALUE)) {
                    return false;
                }
                if (step < 1e-10) {
                    converged[i] = true;
                    open--;
                }
            }
            if (open == 0) {
                for (int i = 0; i < n; i++) {
                    wr[i] = zr[i];
                    wi[i] = zi[i];
                }
                return true;
            }
        }
        havePrevious = false;
        return false;
    }

    private int solveQr(double[] c) {
        for (double[] row : h) {
            java.util.Arrays.fill(row, 0);
        }
        for (int j = 1; j <= n; j++) {
            h[1][j] = -c[j - 1];
        }
        for (int i = 2; i <= n; i++) {
            h[i][i - 1] = 1;
        }
        balance();
        return hqr();
    }

    private void balance() {
        final double radix = 2;
        final double sqrdx = radix * radix;
        boolean done = false;
        while (!done) {
            done = true;
            for (int i = 1; i <= n; i++) {
                double rr = 0;
                double cc = 0;
                for (int j = 1; j <= n; j++) {
                    if (j != i) {
                        cc += Math.abs(h[j][i]);
                        rr += Math.abs(h[i][j]);
                    }
                }
                if (cc != 0 && rr != 0) {
                    double g = rr / radix;
                    double f = 1;
                    double s = cc + rr;
                    while (cc < g) {
                        f *= radix;
                        cc *= sqrdx;
                    }
                    g = rr * radix;
                    while (cc > g) {
                        f /= radix;
                        cc /= sqrdx;
                    }
                    if ((cc + rr) / f < 0.95 * s) {
                        done = false;
                        g = 1 / f;
                        for (int j = 1; j <= n; j++) {
                            h[i][j] *= g;
                        }
                        for (int j = 1; j <= n; j++) {
                            h[j][i] *= f;
                        }
                    }
                }
            }
        }
    }

    private int hqr() {
        double[][] a = h;
        int count = 0;
        double anorm = 0;
        for (int i = 1; i <= n; i++) {
            for (int j = Math.max(i - 1, 1); j <= n; j++) {
                anorm += Math.abs(a[i][j]);
            }
        }
        int nn = n;
        double t = 0;
        double p = 0, q = 0, r = 0, s, w, x, y, z = 0, u, v;
        while (nn >= 1) {
            int its = 0;
            int l;
            do {
                for (l = nn; l >= 2; l--) {
                    s = Math.abs(a[l - 1][l - 1]) + Math.abs(a[l][l]);
                    if (s == 0) {
                        s = anorm;
                    }
                    if (Math.abs(a[l][l - 1]) + s == s) {
                        a[l][l - 1] = 0;
                        break;
                    }
                }
                x = a[nn][nn];
                if (l == nn) {
                    wr[count] = x + t;
                    wi[count++] = 0;
                    nn--;
                } else {
                    y = a[nn - 1][nn - 1];
                    w = a[nn][nn - 1] * a[nn - 1][nn];
                    if (l == nn - 1) {
                        p = 0.5 * (y - x);
                        q = p * p + w;
                        z = Math.sqrt(Math.abs(q));
                        x += t;
                        if (q >= 0) {
                            z = p + (p >= 0 ? Math.abs(z) : -Math.abs(z));
                            double r1 = x + z;
                            double r2 = z != 0 ? x - w / z : x + z;
                            wr[count] = r1;
                            wi[count++] = 0;
                            wr[count] = r2;
                            wi[count++] = 0;
                        } else {
                            wr[count] = x + p;
                            wi[count++] = z;
                            wr[count] = x + p;
                            wi[count++] = -z;
                        }
                        nn -= 2;
                    } else {
                        if (its == 60) {
                            return count;
                        }
                        if (its == 10 || its == 20) {
                            t += x;
                            for (int i = 1; i <= nn; i++) {
                                a[i][i] -= x;
                            }
                            s = Math.abs(a[nn][nn - 1]) + Math.abs(a[nn - 1][nn - 2]);
                            y = x = 0.75 * s;
                            w = -0.4375 * s * s;
                        }
                        ++its;
                        int m;
                        for (m = nn - 2; m >= l; m--) {
                            z = a[m][m];
                            r = x - z;
                            s = y - z;
                            p = (r * s - w) / a[m + 1][m] + a[m][m + 1];
                            q = a[m + 1][m + 1] - z - r - s;
                            r = a[m + 2][m + 1];
                            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
                            p /= s;
                            q /= s;
                            r /= s;
                            if (m == l) {
                                break;
                            }
                            u = Math.abs(a[m][m - 1]) * (Math.abs(q) + Math.abs(r));
                            v = Math.abs(p) * (Math.abs(a[m - 1][m - 1]) + Math.abs(z) + Math.abs(a[m + 1][m + 1]));
                            if (u + v == v) {
                                break;
                            }
                        }
                        for (int i = m + 2; i <= nn; i++) {
                            a[i][i - 2] = 0;
                            if (i != m + 2) {
                                a[i][i - 3] = 0;
                            }
                        }
                        for (int k = m; k <= nn - 1; k++) {
                            if (k != m) {
                                p = a[k][k - 1];
                                q = a[k + 1][k - 1];
                                r = 0;
                                if (k != nn - 1) {
                                    r = a[k + 2][k - 1];
                                }
                                if ((x = Math.abs(p) + Math.abs(q) + Math.abs(r)) != 0) {
                                    p /= x;
                                    q /= x;
                                    r /= x;
                                }
                            }
                            double sq = Math.sqrt(p * p + q * q + r * r);
                            if ((s = p >= 0 ? sq : -sq) != 0) {
                                if (k == m) {
                                    if (l != m) {
                                        a[k][k - 1] = -a[k][k - 1];
                                    }
                                } else {
                                    a[k][k - 1] = -s * x;
                                }
                                p += s;
                                x = p / s;
                                y = q / s;
                                z = r / s;
                                q /= p;
                                r /= p;
                                for (int j = k; j <= nn; j++) {
                                    p = a[k][j] + q * a[k + 1][j];
                                    if (k != nn - 1) {
                                        p += r * a[k + 2][j];
                                        a[k + 2][j] -= p * z;
                                    }
                                    a[k + 1][j] -= p * y;
                                    a[k][j] -= p * x;
                                }
                                int mmin = Math.min(nn, k + 3);
                                for (int i = l; i <= mmin; i++) {
                                    p = x * a[i][k] + y * a[i][k + 1];
                                    if (k != nn - 1) {
                                        p += z * a[i][k + 2];
                                        a[i][k + 2] -= p * r;
                                    }
                                    a[i][k + 1] -= p * q;
                                    a[i][k] -= p;
                                }
                            }
                        }
                    }
                }
            } while (l < nn - 1);
        }
        return count;
    }
}
