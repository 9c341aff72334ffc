package org.softmaxcourse.activation;

/**
 * The one quotient the derivatives of SiLU, Mish and the tanh-form GELU share once their two
 * terms are put over one denominator: e·n/(1 + e)², with the square carried as a head and an
 * fma-exact tail so that the result has the rounding of e·n and one division only.
 */
final class ExpQuotients {
    private ExpQuotients() {
    }

    /** e·n/(1 + e)² for 0 ≤ e ≤ 1 (e = e<sup>x</sup> for x ≤ 0) and any n. */
    static double eTimesOverOnePlusESquared(double e, double n) {
        return eTimesOverOnePlusESquared(e, n, 0.0);
    }

    /**
     * e·n·(1 + rel)/(1 + e)², rel a small relative correction of e (the tail of its argument):
     * the product e·n and the quotient are both corrected by their fma-exact errors, so the
     * result is within about half an ULP of the value for the given e and n.
     */
    static double eTimesOverOnePlusESquared(double e, double n, double rel) {
        double d = 1 + e;
        double dLo = e - (d - 1);
        double sq = d * d;
        double sqLo = Math.fma(d, d, -sq) + 2 * d * dLo;
        double pr = e * n;
        double prLo = Math.fma(e, n, -pr);
        double q = pr / sq;
        return q + ((Math.fma(-q, sq, pr) + prLo - q * sqLo) / sq + q * rel);
    }
}
