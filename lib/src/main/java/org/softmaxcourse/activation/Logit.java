package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;
import org.softmaxcourse.numeric.Require;

/**
 * The logit (log-odds) logit(p) = log(p / (1 − p)), the inverse of the {@link Sigmoid}:
 * logit(σ(z)) = z. It maps a probability to the score a linear model predicts, which is why a
 * linear log-odds model gives the sigmoid (G2).
 *
 * <p>logit′(p) = 1 / (p(1 − p)).
 *
 * <p>Its domain is [0, 1]: logit(0) = −∞ and logit(1) = +∞ exactly, and an argument outside
 * [0, 1] is rejected with an {@link IllegalArgumentException} (NaN gives NaN, like every
 * activation). Near p = ½ it is computed as log1p((2p − 1)/(1 − p)), so that logit(0.5 + 1e-12)
 * keeps its digits; elsewhere as log(p/(1 − p)). Its value and slope "at 0" are those at p = 0,
 * −∞ and +∞; the course plots it over (0, 1).
 *
 * @see Sigmoid its inverse
 */
public final class Logit implements Activation {
    /** The one logit; it has no parameters. */
    public static final Logit INSTANCE = new Logit();

    private static final Set<Trait> TRAITS = EnumSet.of(Trait.MONOTONIC, Trait.SMOOTH);

    private Logit() {
    }

    /**
     * logit(p) = log(p / (1 − p)) for p in [0, 1].
     *
     * @param p a probability in [0, 1]
     * @return logit(p) = log(p / (1 − p)) for p in [0, 1]
     */
    public static double logit(double p) {
        check(p);
        // 1 − p = q + qErr exactly (Fast2Sum: |1| ≥ |p|); qErr is 0 for p ≥ 0.5 (Sterbenz).
        double q = 1 - p;
        double qErr = (1 - q) - p;
        // 2p − 1 is exact for p ≥ 0.25 (Sterbenz), so the log of a ratio near 1 keeps its digits.
        boolean middle = p >= 0.25 && p <= 0.75;
        double num = middle ? 2 * p - 1 : p;
        if (q == 0 || num == 0) {
            return middle ? Math.log1p(num / q) : Math.log(num / q);
        }
        // num / (q + qErr) as a head t and a tail tLo: the division's rounding error is exact by
        // fma, and the tail carries it and the error of 1 − p into the log as a first-order term.
        double t = num / q;
        double tLo = (Math.fma(-t, q, num) - t * qErr) / q;
        if (middle) {
            return Math.log1p(t) + tLo / (1 + t);
        }
        return Double.isInfinite(t) ? Math.log(t) : Math.log(t) + tLo / t;
    }

    @Override
    public double value(double p) {
        return logit(p);
    }

    @Override
    public double derivative(double p) {
        check(p);
        return 1.0 / (p * (1 - p));
    }

    private static void check(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("p = " + p + " is outside the domain [0, 1] of the logit");
        }
    }

    @Override
    public double[] value(double[] p) {
        Require.nonEmpty("p", p);
        checkAll(p);
        return Activation.super.value(p);
    }

    @Override
    public double[] derivative(double[] p) {
        Require.nonEmpty("p", p);
        checkAll(p);
        return Activation.super.derivative(p);
    }

    private static void checkAll(double[] p) {
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0 || p[i] > 1) {
                throw new IllegalArgumentException("p[" + i + "] = " + p[i] + " is outside the domain [0, 1] of the logit");
            }
        }
    }

    @Override
    public String name() {
        return "logit";
    }

    @Override
    public String formula() {
        return "\\operatorname{logit}(p) = \\log\\frac{p}{1 - p}";
    }

    @Override
    public String derivativeFormula() {
        return "\\operatorname{logit}'(p) = \\frac{1}{p\\,(1 - p)}";
    }

    @Override
    public String range() {
        return "[-∞, ∞]";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public String toString() {
        return "logit(p) = log(p / (1 − p))";
    }
}
