package org.softmaxcourse.info;

import org.softmaxcourse.numeric.Require;

/**
 * Kullback–Leibler divergence KL(p‖q) = Σᵢ pᵢ log(pᵢ/qᵢ): the extra code length paid for coding
 * outcomes of p with a code built for q, H(p, q) − H(p). Never negative (Gibbs' inequality), 0
 * only at q = p, and not symmetric: KL(p‖q) ≠ KL(q‖p) in general.
 *
 * <p>0 where pᵢ = 0 (whatever qᵢ); +∞ where qᵢ = 0 &lt; pᵢ. Near q = p each term is formed from
 * the exact difference pᵢ − qᵢ, so the divergence of two close distributions keeps its digits.
 *
 * @see CrossEntropy
 * @see JensenShannon its symmetric, bounded relative
 * @see org.softmaxcourse.loss.KlDivergenceLoss the loss
 * @see <a href="https://en.wikipedia.org/wiki/Kullback%E2%80%93Leibler_divergence">Kullback–Leibler divergence</a>
 */
public final class KullbackLeibler {
    private KullbackLeibler() {
    }

    /**
     * KL(p‖q) in nats.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @return KL(p‖q) in nats
     */
    public static double divergence(double[] p, double[] q) {
        return divergence(p, q, Unit.NATS);
    }

    /**
     * KL(p‖q) in {@code unit}.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @param unit nats or bits
     * @return KL(p‖q) in {@code unit}
     */
    public static double divergence(double[] p, double[] q, Unit unit) {
        Measures.unit(unit);
        Measures.pair(p, q);
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                d += Measures.term(p[i], q[i]);
            }
        }
        return unit.fromNats(d);
    }

    /**
     * KL([p, 1 − p] ‖ [q, 1 − q]) in nats, the two-outcome case.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @return KL([p, 1 − p] ‖ [q, 1 − q]) in nats, the two-outcome case
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double binary(double p, double q) {
        Require.probability("p", p);
        Require.probability("q", q);
        double d = 0;
        if (p > 0) {
            d += Measures.term(p, q);
        }
        if (p < 1) {
            d += Measures.term(1 - p, 1 - q);
        }
        return d;
    }
}
