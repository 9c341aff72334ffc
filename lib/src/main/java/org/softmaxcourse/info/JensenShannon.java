package org.softmaxcourse.info;

/**
 * Jensen–Shannon divergence JS(p, q) = ½ KL(p‖m) + ½ KL(q‖m) with m = (p + q)/2: a symmetric,
 * always finite relative of {@link KullbackLeibler}, between 0 (p = q) and log 2 (disjoint
 * supports), that is 1 bit. Its square root in bits is a metric.
 *
 * <p>Never negative, and accurate to the last bit or two even for close p and q, where it is of
 * the order of (p − q)² and the two halves of the definition cancel to rounding.
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
        // One non-negative term per outcome, ½[pᵢ log(pᵢ/mᵢ) + qᵢ log(qᵢ/mᵢ)], from the exact
        // difference pᵢ − qᵢ where it is small (Divergences.jsPair): the sum of the two halves,
        // rounded separately, left only rounding for close p and q, and could be negative.
        Measures.Sum d = new Measures.Sum();
        for (int i = 0; i < p.length; i++) {
            d.add(Divergences.jsPair(p[i], q[i]));
        }
        return unit.fromNats(d.value());
    }

    /**
     * √JS(p, q) in bits: a distance between distributions, from 0 to 1.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @return √JS(p, q) in bits: a distance between distributions, from 0 to 1
     */
    public static double distance(double[] p, double[] q) {
        // JS is never negative (every term is ≥ 0), so the square root is always defined.
        return Math.sqrt(divergence(p, q, Unit.BITS));
    }
}
