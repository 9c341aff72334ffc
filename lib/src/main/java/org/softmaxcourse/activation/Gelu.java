package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;
import org.softmaxcourse.numeric.Special;

/**
 * The Gaussian error linear unit GELU(z) = z·Φ(z), with Φ the standard normal distribution
 * function (Hendrycks &amp; Gimpel, 2016), in its exact form and in the tanh approximation of the
 * paper (PyTorch's {@code approximate='tanh'}):
 *
 * <pre>
 *   exact:  GELU(z)  = z·Φ(z) = (z/2)·(1 + erf(z/√2))              GELU′(z) = Φ(z) + z·φ(z)
 *   tanh:   GELU~(z) = (z/2)·(1 + tanh(u)),  u = √(2/π)·(z + 0.044715·z³)
 * </pre>
 *
 * <p>GELU(1) = 0.8413447460685429 exactly and 0.8411919906082768 in the tanh form. (ND4J's
 * "precise" GELU computes (0.044715·z)³ instead of 0.044715·z³ and reports 0.8314.) The tanh form is
 * evaluated as z·σ(2u), which equals (z/2)(1 + tanh u) and does not cancel for negative z.
 * Φ comes from {@link Special#normalCdf(double)}, accurate in the far left tail.
 *
 * <p>Smooth, not monotonic: the minimum is about −0.1700 at z ≈ −0.7518. The limits are taken at
 * ±∞.
 *
 * @see <a href="https://arxiv.org/abs/1606.08415">Hendrycks &amp; Gimpel, Gaussian error linear units</a>
 * @see <a href="https://pytorch.org/docs/stable/generated/torch.nn.GELU.html">torch.nn.GELU</a>
 * @see Swish whose σ(1.702·z) is another approximation of Φ(z)
 */
public final class Gelu implements Activation {
    /** GELU with the exact Φ. */
    public static final Gelu EXACT = new Gelu(false);
    /** GELU with the tanh approximation of Φ. */
    public static final Gelu TANH = new Gelu(true);

    private static final double SQRT_TWO_OVER_PI = 0.79788456080286535588;
    private static final double CUBIC = 0.044715;
    /** The tails: √(2/π) − SQRT_TWO_OVER_PI and 0.044715 − CUBIC, for the double-double 2u. */
    private static final double SQRT_TWO_OVER_PI_LO = -4.98465440455546e-17;
    private static final double CUBIC_LO = 2.1960211427085595e-18;
    private static final Set<Trait> TRAITS = EnumSet.of(Trait.SMOOTH);

    private final boolean tanhApproximation;

    private Gelu(boolean tanhApproximation) {
        this.tanhApproximation = tanhApproximation;
    }

    /**
     * Exact GELU(z) = z·Φ(z).
     *
     * @param z the pre-activation (score)
     * @return the exact GELU
     */
    public static double gelu(double z) {
        return EXACT.value(z);
    }

    /**
     * Whether this is the tanh approximation.
     *
     * @return whether this is the tanh approximation
     */
    public boolean isTanhApproximation() {
        return tanhApproximation;
    }

    @Override
    public double value(double z) {
        if (Double.isInfinite(z)) {
            return z > 0 ? z : 0.0;
        }
        if (tanhApproximation) {
            return Math.abs(z) < 1000 ? tanhForm(z) : z * Sigmoid.sigmoid(2 * u(z));
        }
        return Special.timesNormalCdf(z, z);
    }

    @Override
    public double derivative(double z) {
        if (Double.isInfinite(z)) {
            return z > 0 ? 1.0 : 0.0;
        }
        if (tanhApproximation) {
            double w = 2 * u(z);
            double s = Sigmoid.sigmoid(w);
            double ss = s * Sigmoid.sigmoid(-w);
            // d/dz [z·σ(2u)] = σ(2u) + z·σ′(2u)·2u′; where σ′ underflows the term is 0 (and u′
            // may have overflowed, which would turn 0·∞ into NaN).
            if (ss == 0) {
                return s;
            }
            double du = SQRT_TWO_OVER_PI * (1 + 3 * CUBIC * z * z);
            return s + z * ss * 2 * du;
        }
        return Special.normalCdf(z) + z * Special.normalPdf(z);
    }

    /**
     * z·σ(2u) with 2u = 2√(2/π)(z + 0.044715 z³) carried as a double-double (fma products, the
     * constants split into head and tail): e^(2u) amplifies an error δ in 2u into a relative
     * error δ, and |2u| reaches 700 before the result underflows, so a rounded 2u alone would
     * cost hundreds of ULP.
     */
    private static double tanhForm(double z) {
        double z2 = z * z;
        double z2Lo = Math.fma(z, z, -z2);
        double z3 = z2 * z;
        double z3Lo = Math.fma(z2, z, -z3) + z2Lo * z;
        double c3 = CUBIC * z3;
        double c3Lo = Math.fma(CUBIC, z3, -c3) + CUBIC * z3Lo + CUBIC_LO * z3;
        double sum = z + c3;
        double bb = sum - z;
        double sumLo = ((z - (sum - bb)) + (c3 - bb)) + c3Lo;
        double p = SQRT_TWO_OVER_PI * sum;
        double pLo = Math.fma(SQRT_TWO_OVER_PI, sum, -p) + SQRT_TWO_OVER_PI * sumLo + SQRT_TWO_OVER_PI_LO * sum;
        double w = 2 * p;
        double wLo = 2 * pLo;
        if (w >= 0) {
            return z / (1 + Math.exp(-w) * (1 - wLo));
        }
        if (w < -708) {
            // e^w is subnormal: multiply z by e^(w/2) twice instead (1 + e^w is 1 here).
            double h = Math.exp(0.5 * w);
            return z * (1 + wLo) * h * h;
        }
        double e = Math.exp(w) * (1 + wLo);
        return z * e / (1 + e);
    }

    private static double u(double z) {
        return SQRT_TWO_OVER_PI * (z + CUBIC * z * z * z);
    }

    @Override
    public String name() {
        return tanhApproximation ? "GELU (tanh approximation)" : "GELU";
    }

    @Override
    public String formula() {
        return tanhApproximation
                ? "\\operatorname{GELU}_{\\tanh}(z) = \\frac{z}{2}\\left(1 + \\tanh\\left(\\sqrt{2/\\pi}\\,(z + 0.044715\\,z^{3})\\right)\\right)"
                : "\\operatorname{GELU}(z) = z\\,\\Phi(z) = \\frac{z}{2}\\left(1 + \\operatorname{erf}\\left(z/\\sqrt{2}\\right)\\right)";
    }

    @Override
    public String derivativeFormula() {
        return tanhApproximation
                ? "\\operatorname{GELU}_{\\tanh}'(z) = \\sigma(2u) + 2z\\,\\sigma(2u)\\bigl(1 - \\sigma(2u)\\bigr)\\,u',"
                        + "\\ u = \\sqrt{2/\\pi}\\,(z + 0.044715\\,z^{3})"
                : "\\operatorname{GELU}'(z) = \\Phi(z) + z\\,\\varphi(z)";
    }

    @Override
    public String range() {
        // −0.16997 (exact) and −0.17004 (tanh) both round to this.
        return "[-0.1700, ∞)";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public String toString() {
        return tanhApproximation ? "GELU(z) ≈ z/2·(1 + tanh(√(2/π)(z + 0.044715 z³)))" : "GELU(z) = z·Φ(z)";
    }
}
