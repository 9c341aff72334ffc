package org.softmaxcourse.numeric;

/**
 * log(1 + x), exact near x = 0 where {@code Math.log(1 + x)} is not:
 *
 * <pre>
 *   u = 1 + x (rounded),   e = (1 + x) − u (exact, by TwoSum)
 *   log(1 + x) = log(u + e) ≈ log u + e/u
 * </pre>
 *
 * The rounding of 1 + x is the only place where log(1 + x) loses digits, and the first-order
 * term e/u puts back what it lost (the second-order term, e²/2u², is below 2⁻¹⁰⁶). Within 1 ULP
 * for x ≥ 0 (measured against the mpmath references through softplus and the BCE losses), and in
 * a loop several times the throughput of {@link Math#log1p}, which the JIT does not compile to
 * an intrinsic as it does {@link Math#log}.
 *
 * <p>This is D. Goldberg's observation ("What every computer scientist should know about
 * floating-point arithmetic", ACM Computing Surveys 23(1), 1991, Theorem 4) in its TwoSum form.
 *
 * @see Exp the inverse direction, for the same kernels
 */
public final class Log1p {
    private Log1p() {
    }

    /** log(1 + x) for x &gt; −1; −∞ at x = −1, NaN below, as {@link Math#log1p}. */
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
        return Math.log(u) + e / u;
    }
}
