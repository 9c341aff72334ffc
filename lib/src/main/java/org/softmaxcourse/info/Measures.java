package org.softmaxcourse.info;

import org.softmaxcourse.numeric.Require;

/** The shared pieces of the measures: argument checks and the one careful log-ratio. */
final class Measures {
    private Measures() {
    }

    static void distribution(String name, double[] p) {
        Require.nonEmpty(name, p);
        Require.distribution(name, p);
    }

    static void pair(double[] p, double[] q) {
        distribution("p", p);
        distribution("q", q);
        Require.sameLength("p", p, "q", q);
    }

    static Unit unit(Unit unit) {
        if (unit == null) {
            throw new IllegalArgumentException("unit is null: use Unit.NATS or Unit.BITS");
        }
        return unit;
    }

    /**
     * A compensated (Neumaier) running sum: the rounding error of each addition is kept and added
     * back at the end, so that a sum of C terms is within about an ULP of the exact sum of the
     * rounded terms, instead of C/2 ULP.
     */
    static final class Sum {
        private double s;
        private double c;

        void add(double x) {
            double t = s + x;
            c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            s = t;
        }

        double value() {
            // s + c is ∞ − ∞ = NaN when a term is infinite; the sum is then s itself.
            return Double.isInfinite(s) ? s : s + c;
        }
    }

    /**
     * p·log(p/q) for p &gt; 0: +∞ when q = 0. Near p = q it is formed as p·log1p((p − q)/q), where
     * p − q is exact, so that KL of two close distributions keeps its digits; elsewhere as
     * p·log(p/q), whose one rounding costs the log at most an ULP once |log(p/q)| ≥ log 2 (log p −
     * log q cancels: log 7e-282 − log 1e-296 lost 12 ULP), and as p·(log p − log q) only where
     * p/q would overflow or leave the normal range.
     */
    static double term(double p, double q) {
        if (q == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (p >= 0.5 * q && p <= 2 * q) {
            return p * Math.log1p((p - q) / q);
        }
        double r = p / q;
        if (r >= Double.MIN_NORMAL && r <= Double.MAX_VALUE) {
            return p * Math.log(r);
        }
        return p * (Math.log(p) - Math.log(q));
    }
}
