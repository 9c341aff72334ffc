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
     * p·log(p/q) for p &gt; 0: +∞ when q = 0. Near p = q it is formed as p·log1p((p − q)/q), where
     * p − q is exact, so that KL of two close distributions keeps its digits; elsewhere as
     * p·(log p − log q), which cannot overflow the way p/q can.
     */
    static double term(double p, double q) {
        if (q == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (p >= 0.5 * q && p <= 2 * q) {
            return p * Math.log1p((p - q) / q);
        }
        return p * (Math.log(p) - Math.log(q));
    }
}
