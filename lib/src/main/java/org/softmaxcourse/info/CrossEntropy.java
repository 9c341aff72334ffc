package org.softmaxcourse.info;

import org.softmaxcourse.numeric.Require;

/**
 * Cross-entropy H(p, q) = −Σᵢ pᵢ log qᵢ: the average length of a code built for q when the
 * outcomes really follow p. Never less than H(p), with equality only at q = p (Gibbs'
 * inequality), the excess being KL(p‖q): H(p, q) = H(p) + KL(p‖q) (S18).
 *
 * <p>That is why minimising the cross-entropy over the model q is minimising the KL divergence
 * from the data's p, and why the classification loss has that name (G7).
 *
 * <p>0·log qᵢ = 0 where pᵢ = 0, even if qᵢ = 0; +∞ where qᵢ = 0 &lt; pᵢ.
 *
 * @see Entropy
 * @see KullbackLeibler
 * @see org.softmaxcourse.loss.CategoricalCrossEntropy the loss: H(y, p) per sample
 */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    /**
     * H(p, q) in nats.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @return H(p, q) in nats
     */
    public static double crossEntropy(double[] p, double[] q) {
        return crossEntropy(p, q, Unit.NATS);
    }

    /**
     * H(p, q) in {@code unit}.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @param unit nats or bits
     * @return H(p, q) in {@code unit}
     */
    public static double crossEntropy(double[] p, double[] q, Unit unit) {
        Measures.unit(unit);
        Measures.pair(p, q);
        double h = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                h -= p[i] * Math.log(q[i]);
            }
        }
        return unit.fromNats(h);
    }

    /**
     * The two-outcome case H([p, 1 − p], [q, 1 − q]) = −p log q − (1 − p) log(1 − q) in nats:
     * binary cross-entropy with target p and prediction q.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @return H([p, 1 − p], [q, 1 − q]) in nats
     */
    public static double binary(double p, double q) {
        return binary(p, q, Unit.NATS);
    }

    /**
     * {@link #binary(double, double)} in {@code unit}.
     *
     * @param p the distribution (or probability) p
     * @param q the distribution (or probability) q
     * @param unit nats or bits
     * @return {@link #binary(double, double)} in {@code unit}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double binary(double p, double q, Unit unit) {
        Measures.unit(unit);
        Require.probability("p", p);
        Require.probability("q", q);
        double h = 0;
        if (p > 0) {
            h -= p * Math.log(q);
        }
        if (p < 1) {
            h -= (1 - p) * Math.log1p(-q);
        }
        return unit.fromNats(h);
    }
}
