package org.softmaxcourse.info;

import org.softmaxcourse.numeric.Require;

/**
 * Shannon entropy H(p) = −Σᵢ pᵢ log pᵢ, the average surprise −log pᵢ of an outcome drawn from p:
 * the expected length of the shortest code for outcomes of p (in bits with {@link Unit#BITS}).
 * 0 for a certain outcome, log C for the uniform distribution over C outcomes, and never more.
 *
 * <p>0·log 0 = 0: outcomes of probability 0 add nothing.
 *
 * @see CrossEntropy the cost of coding p with a code built for q
 * @see BinaryEntropy the two-outcome case
 * @see <a href="https://en.wikipedia.org/wiki/Entropy_(information_theory)">Entropy (information theory)</a>
 */
public final class Entropy {
    private Entropy() {
    }

    /**
     * H(p) in nats.
     *
     * @param p the distribution (or probability) p
     * @return H(p) in nats
     */
    public static double entropy(double[] p) {
        return entropy(p, Unit.NATS);
    }

    /**
     * H(p) in {@code unit}.
     *
     * @param p the distribution (or probability) p
     * @param unit nats or bits
     * @return H(p) in {@code unit}
     */
    public static double entropy(double[] p, Unit unit) {
        Measures.unit(unit);
        Measures.distribution("p", p);
        double h = 0;
        for (double pi : p) {
            if (pi > 0) {
                h -= pi * Math.log(pi);
            }
        }
        return unit.fromNats(h);
    }

    /**
     * The surprise (self-information) −log p of an outcome of probability p, in nats: 0 for a
     * certain outcome, +∞ for an impossible one.
     *
     * @param p the distribution (or probability) p
     * @return the surprise (self-information) −log p of an outcome of probability p, in nats
     */
    public static double surprise(double p) {
        return surprise(p, Unit.NATS);
    }

    /**
     * The surprise −log p in {@code unit}: an outcome of probability ½ carries 1 bit.
     *
     * @param p the distribution (or probability) p
     * @param unit nats or bits
     * @return the surprise −log p in {@code unit}: an outcome of probability ½ carries 1 bit
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double surprise(double p, Unit unit) {
        Measures.unit(unit);
        Require.probability("p", p);
        return unit.fromNats(-Math.log(p));
    }

    /**
     * log C, the entropy of the uniform distribution over C outcomes and the largest possible.
     *
     * @param outcomes the number of outcomes C, at least 1
     * @param unit nats or bits
     * @return log C, the entropy of the uniform distribution over C outcomes and the largest possible
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double maximum(int outcomes, Unit unit) {
        Measures.unit(unit);
        if (outcomes < 1) {
            throw new IllegalArgumentException("outcomes = " + outcomes + " must be at least 1");
        }
        return unit.fromNats(Math.log(outcomes));
    }
}
