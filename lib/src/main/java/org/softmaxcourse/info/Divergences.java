package org.softmaxcourse.info;

/**
 * The careful forms of the divergences near p = q, where their definitions cancel: the terms of
 * KL and JS are then of the order of p − q while the divergence is of the order of (p − q)², so
 * rounded terms leave nothing but rounding (and JS could come out negative). Both are written
 * as sums of terms that are never negative, each from a power series in the exact difference.
 */
final class Divergences {
    /** Horner coefficients of H(δ) = Σⱼ (−δ)ʲ/((j + 1)(j + 2)) and G(u) = Σⱼ uʲ/((j + 1)(2j + 1)). */
    private static final double[] PSI = new double[420];
    private static final double[] JS = new double[80];
    private static final double LN2 = 0.6931471805599453;

    static {
        for (int j = 0; j < PSI.length; j++) {
            PSI[j] = 1.0 / ((j + 1.0) * (j + 2.0));
        }
        for (int j = 0; j < JS.length; j++) {
            JS[j] = 1.0 / ((j + 1.0) * (2 * j + 1.0));
        }
    }

    private Divergences() {
    }

    /**
     * KL([p, 1 − p] ‖ [q, 1 − q]) in nats. Where both ratios p/q and (1 − p)/(1 − q) are within
     * 0.9 of 1, it is q·ψ(p/q) + (1 − q)·ψ((1 − p)/(1 − q)) with ψ(r) = r log r − r + 1 ≥ 0 (the
     * two forms are equal because both distributions sum to 1), and ψ(1 + δ) = δ²·H(δ) from its
     * series in δ, δ formed from the exact difference p − q. Elsewhere the two terms of the
     * definition, the second as (1 − p)·log1p((q − p)/(1 − q)): 1 − p and 1 − q are never formed
     * as one ratio, so a tiny p or q keeps its digits.
     */
    static double binaryKl(double p, double q) {
        if (p == q) {
            return 0.0;
        }
        if ((q == 0 && p > 0) || (q == 1 && p < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        double d = p - q;
        double qc = 1 - q;
        double qcLo = (1 - qc) - q;
        double d1 = d / q;
        double d2 = -d / qc;
        if (Math.abs(d1) <= 0.9 && Math.abs(d2) <= 0.9) {
            // d is exact here (Sterbenz: q/10 ≤ p ≤ 2q).
            return psiTerm(d, q, 0.0, d1) + psiTerm(d, qc, qcLo, d2);
        }
        double first = p > 0 ? Measures.term(p, q) : 0.0;
        double second = p < 1 ? (1 - p) * Math.log1p(-d / qc) : 0.0;
        return first + second;
    }

    /** (d/w)·d·H(δ) = w·ψ(1 + δ) for δ = ±d/w, w = w + wLo; d² is never formed (it may underflow). */
    private static double psiTerm(double d, double w, double wLo, double delta) {
        double x = d / w;
        double xLo = (Math.fma(-x, w, d) - x * wLo) / w;
        double y = x * d;
        double yLo = Math.fma(x, d, -y) + xLo * d;
        double h = series(PSI, -delta, Math.abs(delta));
        return y * h + yLo * h;
    }

    /**
     * ½[p·log(p/m) + q·log(q/m)], m = (p + q)/2, in nats, never negative. With s = p + q and
     * t = (p − q)/s (both carried with their rounding errors) it is (s/4)·F(t),
     * F(t) = (1 + t)log(1 + t) + (1 − t)log(1 − t) = t²·G(t²), a series of positive terms, for
     * |t| ≤ 0.75; beyond, the two logarithms cancel little and the definition is used, with
     * 2p/s and 2q/s for p/m and q/m.
     */
    static double jsPair(double p, double q) {
        if (p == q) {
            return 0.0;
        }
        if (p == 0 || q == 0) {
            return 0.5 * LN2 * (p + q);
        }
        double s = p + q;
        double bb = s - p;
        double sLo = (p - (s - bb)) + (q - bb);
        double d = p - q;
        bb = d - p;
        double dLo = (p - (d - bb)) + (-q - bb);
        double t = d / s;
        if (Math.abs(t) > 0.75) {
            double la = Math.log(2 * p / s) - sLo / s;
            double lb = Math.log(2 * q / s) - sLo / s;
            return Math.max(0.0, 0.5 * (p * la + q * lb));
        }
        double tLo = (Math.fma(-t, s, d) + dLo - t * sLo) / s;
        double t2 = t * t;
        double t2Lo = Math.fma(t, t, -t2) + 2 * t * tLo;
        double g = series(JS, t2, t2);
        double prod = s * t2;
        if (prod == 0) {
            return 0.0;
        }
        double prodLo = Math.fma(s, t2, -prod);
        double r = prod * g;
        double rLo = Math.fma(prod, g, -r);
        return 0.25 * (r + (rLo + r * (prodLo / prod + sLo / s + t2Lo / t2)));
    }

    /** Σⱼ cⱼ·xʲ by Horner, with as many terms as |x| = size needs for 2⁻⁶⁰ (size ≤ 0.9). */
    private static double series(double[] c, double x, double size) {
        int n = size < 1e-300 ? 1 : (int) Math.min(c.length, Math.ceil(-41.6 / Math.log(size)) + 2);
        double acc = 0;
        for (int j = n - 1; j >= 0; j--) {
            acc = acc * x + c[j];
        }
        return acc;
    }
}
