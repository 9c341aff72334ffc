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
    /** 1/√(2π) as a head and a tail. */
    private static final double INV_SQRT_TWO_PI = 0.3989422804014327;
    private static final double INV_SQRT_TWO_PI_LO = -2.49232720227773e-17;
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
        if (z < 0 && z >= -3) {
            // z·Φ(z) with Φ from the same double-double series as the derivative.
            double[] phi = seriesPlusHalf(z, false);
            return z * phi[0] + z * phi[1];
        }
        if (z < -3) {
            return exactLeftTail(z);
        }
        return Special.timesNormalCdf(z, z);
    }

    @Override
    public double derivative(double z) {
        if (Double.isInfinite(z)) {
            // −0: the derivative is negative all along the left tail, as it underflows.
            return z > 0 ? 1.0 : -0.0;
        }
        if (tanhApproximation) {
            if (z < 0) {
                return negativeTanhFormDerivative(z);
            }
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
        if (z <= 0) {
            return z < -3 ? exactDerivativeLeftTail(z) : exactDerivativeSeries(z);
        }
        return Special.normalCdf(z) + z * Special.normalPdf(z);
    }

    /**
     * GELU′(z) = Φ(z) + zφ(z) for −3 ≤ z ≤ 0 from its Maclaurin series, summed as a double-double:
     * ½ + (z/√(2π))·Σₙ (−z²/2)ⁿ/n! · (2n + 2)/(2n + 1). The two terms cancel at the minimum of GELU
     * (z ≈ −0.7518, where GELU′ = 0); rounded separately, each to an ULP, they lost up to 1,600 ULP
     * there. The double-double keeps about 32 digits, of which the terms (up to e^4.5 ≈ 90 at
     * z = −3) cost two.
     */
    private static double exactDerivativeSeries(double z) {
        double[] r = seriesPlusHalf(z, true);
        return r[0] + r[1];
    }

    /**
     * ½ + (z/√(2π))·Σₙ (−z²/2)ⁿ/n!·cₙ as a head and a tail, with cₙ = (2n + 2)/(2n + 1) (GELU′)
     * or 1/(2n + 1) (Φ itself).
     */
    private static double[] seriesPlusHalf(double z, boolean derivative) {
        double a = -0.5 * (z * z);
        double aLo = -0.5 * Math.fma(z, z, -(z * z));
        double ph = 1;
        double pl = 0;
        double sh = derivative ? 2 : 1;
        double sl = 0;
        for (int n = 1; n < 120; n++) {
            // p ← p·(−z²/2)/n
            double m = ph * a;
            double mLo = Math.fma(ph, a, -m) + ph * aLo + pl * a;
            double th = m + mLo;
            double tl = mLo - (th - m);
            ph = th / n;
            pl = (Math.fma(-ph, n, th) + tl) / n;
            // s ← s + p·cₙ
            double k = derivative ? 2.0 * n + 2 : 1.0;
            double u = ph * k;
            double uLo = Math.fma(ph, k, -u) + pl * k;
            double v = u / (2.0 * n + 1);
            double vLo = (Math.fma(-v, 2.0 * n + 1, u) + uLo) / (2.0 * n + 1);
            double s = sh + v;
            double bb = s - sh;
            double err = ((sh - (s - bb)) + (v - bb)) + sl + vLo;
            sh = s + err;
            sl = err - (sh - s);
            if (Math.abs(v) < 0x1p-120 * Math.abs(sh)) {
                break;
            }
        }
        double xc = z * INV_SQRT_TWO_PI;
        double xcLo = Math.fma(z, INV_SQRT_TWO_PI, -xc) + z * INV_SQRT_TWO_PI_LO;
        double r = xc * sh;
        double rLo = Math.fma(xc, sh, -r) + xc * sl + xcLo * sh;
        double out = 0.5 + r;
        double bb = out - 0.5;
        double outLo = ((0.5 - (out - bb)) + (r - bb)) + rLo;
        double hi = out + outLo;
        return new double[] {hi, outLo - (hi - out)};
    }

    /**
     * GELU(z) = zφ(z)·R(−z) for z &lt; −3, R(t) = Φ(−t)/φ(t) the Mills ratio from its continued
     * fraction 1/(t + 1/(t + 2/(t + 3/(t + …)))), evaluated bottom up (80 levels at t = 3 reach
     * 2⁻⁶⁶; fewer further out), its last division corrected by the rounding error of its
     * denominator. zφ(z) as in {@link #exactDerivativeLeftTail}. Below z = −40 the value
     * (negative) underflows to −0.
     */
    private static double exactLeftTail(double z) {
        if (z < -40) {
            return z * 0.0;
        }
        double t = -z;
        int depth = t < 4 ? 80 : t < 10 ? 40 : 20;
        double f = t;
        for (int k = depth; k >= 2; k--) {
            f = t + k / f;
        }
        double a = 1 / f;
        double f0 = t + a;
        double f0Lo = a - (f0 - t);
        double r = 1 / f0;
        double rel = -f0Lo / f0 + Math.fma(-r, f0, 1.0);
        double s2 = z * z;
        double s2Lo = Math.fma(z, z, -s2);
        double xc = z * INV_SQRT_TWO_PI;
        double xcLo = Math.fma(z, INV_SQRT_TWO_PI, -xc) + z * INV_SQRT_TWO_PI_LO;
        double corr = rel + xcLo / xc - 0.5 * s2Lo;
        double m = xc * r;
        double mLo = Math.fma(xc, r, -m);
        if (0.5 * s2 < 700) {
            double e = Math.exp(-0.5 * s2);
            double base = m * e;
            double baseLo = Math.fma(m, e, -base) + mLo * e;
            return base + (base * corr + baseLo);
        }
        double h = Math.exp(-0.25 * s2);
        return (m * h + (m * corr + mLo) * h) * h;
    }

    /**
     * GELU′(z) for z &lt; −3 as zφ(z)·(1 + R(z)/z), R = Φ/φ the Mills ratio (|R/z| ≤ 0.11):
     * φ(z) from e^(−z²/2) with z² an exact head and tail, so that only e^(head) and two products
     * round; R from {@link Special} down to z = −37, where Φ is still normal, and its asymptotic
     * series 1/|z|·(1 − 1/z² + 3/z⁴ − 15/z⁶ + 105/z⁸) below. Past z ≈ −39 the value (negative)
     * underflows to −0.
     */
    private static double exactDerivativeLeftTail(double z) {
        if (z < -39.5) {
            return -0.0;
        }
        double s2 = z * z;
        double s2Lo = Math.fma(z, z, -s2);
        double rz;
        if (z >= -37) {
            rz = Special.normalCdf(z) / (z * Special.normalPdf(z));
        } else {
            double i2 = 1 / s2;
            rz = -i2 * (1 - i2 * (1 - i2 * (3 - i2 * (15 - i2 * 105))));
        }
        double xc = z * INV_SQRT_TWO_PI;
        double xcLo = Math.fma(z, INV_SQRT_TWO_PI, -xc) + z * INV_SQRT_TWO_PI_LO;
        double corr = rz + xcLo / xc - 0.5 * s2Lo;
        if (0.5 * s2 < 700) {
            double e = Math.exp(-0.5 * s2);
            double base = xc * e;
            double baseLo = Math.fma(xc, e, -base);
            return base + (base * corr + baseLo);
        }
        // e^(−z²/2) is subnormal: apply it as e^(−z²/4) twice, last.
        double h = Math.exp(-0.25 * s2);
        return (xc * h + xc * h * corr) * h;
    }

    /**
     * z·σ(2u) with 2u = 2√(2/π)(z + 0.044715 z³) carried as a double-double (fma products, the
     * constants split into head and tail): e^(2u) amplifies an error δ in 2u into a relative
     * error δ, and |2u| reaches 700 before the result underflows, so a rounded 2u alone would
     * cost hundreds of ULP.
     */
    private static double tanhForm(double z) {
        DoubleDouble twoU = twoRootTwoOverPi(z, cubicTerm(z));
        double w = twoU.hi();
        double wLo = twoU.lo();
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

    /**
     * GELU~′(z) for z &lt; 0. With w = 2u and e = e<sup>w</sup>, the derivative
     * σ(w) + z·σ(w)σ(−w)·w′ is e·N/(1 + e)² with N = 1 + z·w′ + e. Both w and z·w′ =
     * 2√(2/π)(z + 3·0.044715 z³) are double-doubles (as in {@link #tanhForm}): e<sup>w</sup>
     * amplifies an error δ in w into a relative error δ, |w| up to 760, and N crosses 0 at the
     * minimum of GELU~ (z ≈ −0.7525), where 1 + z·w′ cancels against e. Below w = −708 e is
     * subnormal and is applied as e<sup>w/2</sup> twice; below z = −25 the derivative, negative,
     * underflows to −0.
     */
    private static double negativeTanhFormDerivative(double z) {
        if (z < -25) {
            return -0.0;
        }
        DoubleDouble c3 = cubicTerm(z);
        DoubleDouble twoU = twoRootTwoOverPi(z, c3);
        double w = twoU.hi();
        double wLo = twoU.lo();
        // z·w′ = 2√(2/π)(z + 3·c3)
        double t3 = 3 * c3.hi();
        double t3Lo = Math.fma(3, c3.hi(), -t3) + 3 * c3.lo();
        DoubleDouble zwDd = twoRootTwoOverPi(z, new DoubleDouble(t3, t3Lo));
        // 1 + z·w′ as s + sLo (TwoSum)
        double zw = zwDd.hi();
        double s = 1 + zw;
        double bb = s - 1;
        double sLo = ((1 - (s - bb)) + (zw - bb)) + zwDd.lo();
        if (w < -708) {
            double h = Math.exp(0.5 * w);
            return (s + sLo) * (1 + wLo) * h * h;
        }
        double e = Math.exp(w);
        return ExpQuotients.eTimesOverOnePlusESquared(e, s + (Math.fma(e, wLo, e) + sLo), wLo);
    }

    /** A value as the unevaluated sum hi + lo of two doubles (a double-double). */
    private record DoubleDouble(double hi, double lo) {
    }

    /** 0.044715·z³ as a double-double: fma products, the constant's tail included. */
    private static DoubleDouble cubicTerm(double z) {
        double z2 = z * z;
        double z2Lo = Math.fma(z, z, -z2);
        double z3 = z2 * z;
        double z3Lo = Math.fma(z2, z, -z3) + z2Lo * z;
        double c3 = CUBIC * z3;
        return new DoubleDouble(c3, Math.fma(CUBIC, z3, -c3) + CUBIC * z3Lo + CUBIC_LO * z3);
    }

    /**
     * 2√(2/π)(z + t) as a double-double (TwoSum, then an fma product with √(2/π)'s tail): 2u for
     * t = 0.044715 z³, and z·(2u)′ for t = 3·0.044715 z³.
     */
    private static DoubleDouble twoRootTwoOverPi(double z, DoubleDouble t) {
        double sum = z + t.hi();
        double bb = sum - z;
        double sumLo = ((z - (sum - bb)) + (t.hi() - bb)) + t.lo();
        double p = SQRT_TWO_OVER_PI * sum;
        double pLo = Math.fma(SQRT_TWO_OVER_PI, sum, -p) + SQRT_TWO_OVER_PI * sumLo + SQRT_TWO_OVER_PI_LO * sum;
        return new DoubleDouble(2 * p, 2 * pLo);
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
