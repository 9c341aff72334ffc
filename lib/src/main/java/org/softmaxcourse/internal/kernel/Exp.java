package org.softmaxcourse.internal.kernel;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * e<sup>x</sup>, the exponential, by Tang's table method:
 *
 * <pre>
 *   x = (64q + j)·(ln 2)/64 + r,   |r| ≤ (ln 2)/128,   j ∈ {0, …, 63}
 *   e^x = 2^q · 2^(j/64) · e^r
 * </pre>
 *
 * with 2<sup>j/64</sup> held to about 106 bits (a head and a tail double) and e<sup>r</sup> − 1 by
 * its Taylor polynomial to degree 6 (the first term left out, r⁷/7!, is below 2⁻⁶⁴ of the
 * result). Within 1 ULP of the correctly rounded value everywhere (the last rounding, of
 * head + head·(e<sup>r</sup> − 1) + tail, is the only one that counts).
 *
 * <p>It exists for speed: the loss and softmax kernels take one exponential per entry, and this
 * one, a dozen multiply-adds and a table read that the processor overlaps from one entry to the
 * next, runs at about 1.8 times the throughput of the JIT's {@link Math#exp} on the course's
 * machines (2.6 against 4.8 ns a call; see the kernel benchmark). Outside [−708, 709], where e<sup>x</sup> is subnormal, 0,
 * or overflows, and for NaN, it returns {@link Math#exp}.
 *
 * <p>Reference: P. T. P. Tang, "Table-driven implementation of the exponential function in IEEE
 * floating-point arithmetic", ACM Transactions on Mathematical Software 15(2), 1989.
 *
 * @see org.softmaxcourse.activation.Softmax the main user, through e^(zⱼ − max z)
 */
public final class Exp {
    private static final int TABLE_BITS = 6;
    private static final int SIZE = 1 << TABLE_BITS;
    /** 2^(j/64) = HEAD[j] + TAIL[j] to about 106 bits. */
    private static final double[] HEAD = new double[SIZE];
    private static final double[] TAIL = new double[SIZE];
    private static final double SIZE_OVER_LN2 = SIZE / Math.log(2);
    /** (ln 2)/64 = STEP_HEAD + STEP_TAIL; STEP_HEAD has 33 significant bits, so k·STEP_HEAD is exact for |k| < 2²⁰. */
    private static final double STEP_HEAD;
    private static final double STEP_TAIL;
    /** 1.5·2⁵²: x·64/ln 2 + SHIFT rounds to an integer k, which then sits in the low bits of the sum. */
    private static final double SHIFT = 0x1.8p52;

    static {
        MathContext digits = new MathContext(50);
        BigDecimal root = BigDecimal.valueOf(2);
        for (int i = 0; i < TABLE_BITS; i++) {
            root = root.sqrt(digits);
        }
        BigDecimal power = BigDecimal.ONE;
        for (int j = 0; j < SIZE; j++) {
            HEAD[j] = power.doubleValue();
            TAIL[j] = power.subtract(new BigDecimal(HEAD[j])).doubleValue();
            power = power.multiply(root, digits);
        }
        BigDecimal step = new BigDecimal("0.69314718055994530941723212145817656807550013436025525412068")
                .divide(BigDecimal.valueOf(SIZE), digits);
        STEP_HEAD = Double.longBitsToDouble(Double.doubleToRawLongBits(step.doubleValue()) & -(1L << 20));
        STEP_TAIL = step.subtract(new BigDecimal(STEP_HEAD)).doubleValue();
    }

    private Exp() {
    }

    /**
     * e<sup>x</sup>, within 1 ULP.
     *
     * @param x the argument
     * @return e<sup>x</sup>, within 1 ULP
     */
    public static double exp(double x) {
        return exp(x, 0.0);
    }

    /**
     * e<sup>x + tail</sup> for a tail far smaller than x (|tail| ≤ ulp(x), such as the rounding
     * error of the subtraction that produced x): the tail joins the reduced argument, so the
     * rounding of x is not amplified by the exponential. Within 1 ULP.
     *
     * @param x the argument
     * @param tail a correction added to x, |tail| ≤ ulp(x)
     * @return e<sup>x + tail</sup> for a tail far smaller than x (|tail| ≤ ulp(x), such as the rounding error of the subtraction that produced x): the tail joins the reduced argument, so the rounding of x is not amplified by the exponential
     */
    public static double exp(double x, double tail) {
        if (!(x > -708.0 && x < 709.0)) {
            // Out of the table's range (subnormal, zero or infinite results) and NaN. Where e is 0
            // or ∞ the tail changes nothing (and is NaN for x = −∞ from −∞ − m).
            double e = Math.exp(x);
            return e == 0 || e == Double.POSITIVE_INFINITY ? e : Math.fma(e, tail, e);
        }
        double shifted = Math.fma(x, SIZE_OVER_LN2, SHIFT);
        double k = shifted - SHIFT;
        long bits = Double.doubleToRawLongBits(shifted);
        double r = Math.fma(k, -STEP_HEAD, x);
        r = Math.fma(k, -STEP_TAIL, r) + tail;
        // e^r − 1 = r + r²(1/2 + r/6) + r⁴(1/24 + r/120 + r²/720), grouped (Estrin) so that fewer
        // multiply-adds wait on one another than in Horner's nesting: a quarter faster in a loop.
        double r2 = r * r;
        double high = Math.fma(r2, 1.0 / 720, Math.fma(r, 1.0 / 120, 1.0 / 24));
        double p = Math.fma(r2, Math.fma(r2, high, Math.fma(r, 1.0 / 6, 0.5)), r);
        int j = (int) bits & (SIZE - 1);
        double head = HEAD[j];
        double v = head + Math.fma(head, p, TAIL[j]);
        // The low bits of shifted hold k = 64q + j in two's complement: (bits >> 6) << 52 adds q to
        // v's exponent (the high bits of SHIFT shift out). v lies in [0.99, 2) and q in [−1022, 1022].
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) + ((bits >> TABLE_BITS) << 52));
    }
}
