package org.softmaxcourse.info;

import org.softmaxcourse.activation.Logit;
import org.softmaxcourse.numeric.Require;

/**
 * Binary entropy h(p) = −p log p − (1 − p) log(1 − p), the entropy of a coin that lands heads
 * with probability p: 0 at p = 0 and p = 1, largest (1 bit = ln 2 nats) at p = ½.
 *
 * <p>h′(p) = log((1 − p)/p) = −logit(p), in nats.
 *
 * <p>log(1 − p) is computed as log1p(−p), exact for small p; 0·log 0 = 0 at the ends.
 *
 * @see Entropy
 * @see CrossEntropy#binary(double, double) binary cross-entropy, the loss of the same name
 */
public final class BinaryEntropy {
    private BinaryEntropy() {
    }

    /**
     * h(p) in nats.
     *
     * @param p the distribution (or probability) p
     * @return h(p) in nats
     */
    public static double binaryEntropy(double p) {
        return binaryEntropy(p, Unit.NATS);
    }

    /**
     * h(p) in {@code unit}.
     *
     * @param p the distribution (or probability) p
     * @param unit nats or bits
     * @return h(p) in {@code unit}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double binaryEntropy(double p, Unit unit) {
        Measures.unit(unit);
        Require.probability("p", p);
        double h = 0;
        if (p > 0) {
            h -= p * Math.log(p);
        }
        if (p < 1) {
            h -= (1 - p) * Math.log1p(-p);
        }
        return unit.fromNats(h);
    }

    /**
     * h′(p) = log((1 − p)/p) in nats: +∞ at 0, 0 at ½, −∞ at 1.
     *
     * @param p the distribution (or probability) p
     * @return h′(p) = log((1 − p)/p) in nats: +∞ at 0, 0 at ½, −∞ at 1
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double derivative(double p) {
        Require.probability("p", p);
        return -Logit.logit(p);
    }
}
