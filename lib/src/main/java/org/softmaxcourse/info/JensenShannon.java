package org.softmaxcourse.info;

/**
 * Jensen–Shannon divergence JS(p, q) = ½ KL(p‖m) + ½ KL(q‖m) with m = (p + q)/2: a symmetric,
 * always finite relative of {@link KullbackLeibler}, between 0 (p = q) and log 2 (disjoint
 * supports), that is 1 bit. Its square root in bits is a metric.
 *
 * @see KullbackLeibler
 * @see <a href="https://en.wikipedia.org/wiki/Jensen%E2%80%93Shannon_divergence">Jensen–Shannon divergence</a>
 */
public final class JensenShannon {
    private JensenShannon() {
    }

    /**
     * JS(p, q) in nats.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @return JS(p, q) in nats
     */
    public static double divergence(double[] p, double[] q) {
        return divergence(p, q, Unit.NATS);
    }

    /**
     * JS(p, q) in {@code unit}.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @param unit nats or bits
     * @return JS(p, q) in {@code unit}
     */
    public static double divergence(double[] p, double[] q, Unit unit) {
        Measures.unit(unit);
        Measures.pair(p, q);
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            double m = 0.5 * p[i] + 0.5 * q[i];
            // pᵢ ≤ 2mᵢ, so mᵢ = 0 only where pᵢ = qᵢ = 0 and no term is infinite.
            if (p[i] > 0) {
                d += 0.5 * Measures.term(p[i], m);
            }
            if (q[i] > 0) {
                d += 0.5 * Measures.term(q[i], m);
            }
        }
        return unit.fromNats(d);
    }

    /**
     * √JS(p, q) in bits: a distance between distributions, from 0 to 1.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @return √JS(p, q) in bits: a distance between distributions, from 0 to 1
     */
    public static double distance(double[] p, double[] q) {
        // Rounding can leave JS a hair below 0 for p ≈ q; the distance is then 0, not NaN.
        return Math.sqrt(Math.max(0.0, divergence(p, q, Unit.BITS)));
    }
}
