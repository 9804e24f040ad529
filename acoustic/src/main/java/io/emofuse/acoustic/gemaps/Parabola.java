package io.emofuse.acoustic.gemaps;

/** Vertex of the parabola through three points, with openSMILE's fallbacks (smileMath_quadFrom3pts). */
final class Parabola {
    double x;
    double y;

    Parabola fit(double x1, double y1, double x2, double y2, double x3, double y3) {
        double den = x1 * x1 * x2 + x2 * x2 * x3 + x3 * x3 * x1 - x3 * x3 * x2 - x2 * x2 * x1 - x1 * x1 * x3;
        if (den != 0.0) {
            double a = (y1 * x2 + y2 * x3 + y3 * x1 - y3 * x2 - y2 * x1 - y1 * x3) / den;
            double b = (x1 * x1 * y2 + x2 * x2 * y3 + x3 * x3 * y1 - x3 * x3 * y2 - x2 * x2 * y1 - x1 * x1 * y3) / den;
            double c = (x1 * x1 * x2 * y3 + x2 * x2 * x3 * y1 + x3 * x3 * x1 * y2 - x3 * x3 * x2 * y1
                    - x2 * x2 * x1 * y3 - x1 * x1 * x3 * y2) / den;
            if (a != 0.0) {
                x = -b / (2.0 * a);
                y = c - a * x * x;
                return this;
            }
        }
        if (y1 > y2 && y1 > y3) {
            x = x1;
            y = y1;
        } else if (y2 > y1 && y2 > y3) {
            x = x2;
            y = y2;
        } else if (y3 > y1 && y3 > y2) {
            x = x3;
            y = y3;
        } else {
            x = x1;
            y = y1;
        }
        return this;
    }
}
