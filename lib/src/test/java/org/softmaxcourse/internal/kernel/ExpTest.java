package org.softmaxcourse.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.testing.Ulps;

/**
 * {@link Exp} against known values, its limits, and {@link StrictMath#exp} (fdlibm, under 1 ULP)
 * at a million random points; the correctly rounded mpmath references are in ReferenceUlpTest.
 */
class ExpTest {
    /** x and e^x rounded to a double: exact cases, and mpmath at 40 digits of the double x. */
    static Stream<Arguments> knownValues() {
        return Stream.of(
                Arguments.of(0.0, 1.0),
                Arguments.of(-0.0, 1.0),
                Arguments.of(1.0, 2.718281828459045),
                Arguments.of(-1.0, 0.36787944117144233),
                Arguments.of(Math.log(2), 2.0),
                Arguments.of(1e-300, 1.0),
                Arguments.of(-40.0, 4.248354255291589e-18),
                Arguments.of(100.0, 2.6881171418161356e43),
                Arguments.of(-707.9, 3.655411389615008e-308),
                Arguments.of(708.9, 7.436322587880697e307),
                Arguments.of(-745.0, 5e-324),
                Arguments.of(-746.0, 0.0),
                Arguments.of(709.8, Double.POSITIVE_INFINITY),
                Arguments.of(Double.NEGATIVE_INFINITY, 0.0),
                Arguments.of(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest(name = "exp({0}) = {1}")
    @MethodSource("knownValues")
    void knownValuesWithinOneUlp(double x, double expected) {
        assertTrue(Ulps.distance(Exp.exp(x), expected) <= 1, "exp(" + x + ") = " + Exp.exp(x) + ", not " + expected);
    }

    @Test
    void nanStaysNaN() {
        assertTrue(Double.isNaN(Exp.exp(Double.NaN)));
        assertTrue(Double.isNaN(Exp.exp(Double.NaN, 0.0)));
    }

    @Test
    void withinOneUlpOfStrictMathOverTheWholeRange() {
        // Both are faithful (each is one of the two doubles around e^x), so they differ by at most 1.
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 1_000_000; i++) {
            double x = i % 2 == 0 ? -746 + r.nextDouble() * 1456 : (r.nextDouble() - 0.5) * 2;
            assertTrue(Ulps.distance(Exp.exp(x), StrictMath.exp(x)) <= 1,
                    "exp(" + x + ") = " + Exp.exp(x) + " vs StrictMath " + StrictMath.exp(x));
        }
    }

    @Test
    void theTailJoinsTheArgument() {
        // e^(x + t) for x = a − b with t the rounding error of the subtraction: the exact difference
        // of two doubles, whose exponential BigDecimal's series gives to 40 digits.
        SplittableRandom r = new SplittableRandom(14);
        for (int i = 0; i < 2000; i++) {
            double a = r.nextDouble() * 100 - 50;
            double b = a + 10 + r.nextDouble() * 600;
            double x = a - b;
            double t = new BigDecimal(a).subtract(new BigDecimal(b)).subtract(new BigDecimal(x)).doubleValue();
            double expected = expExact(new BigDecimal(a).subtract(new BigDecimal(b)));
            assertTrue(Ulps.distance(Exp.exp(x, t), expected) <= 1,
                    "exp(" + x + ", " + t + ") = " + Exp.exp(x, t) + " vs " + expected);
        }
        assertEquals(1.0, Exp.exp(0.0, 0.0));
        assertEquals(0.0, Exp.exp(Double.NEGATIVE_INFINITY, Double.NaN), "−∞ − m gives a NaN tail");
    }

    /** e^x for x ≤ 0 to about 40 digits: e^x = (e^(x/2^k))^(2^k) with a Taylor series for the small argument. */
    private static double expExact(BigDecimal x) {
        MathContext mc = new MathContext(60);
        int k = 12;
        BigDecimal y = x.divide(BigDecimal.valueOf(1L << k), mc);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; n < 40; n++) {
            term = term.multiply(y, mc).divide(BigDecimal.valueOf(n), mc);
            sum = sum.add(term, mc);
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum, mc);
        }
        return sum.doubleValue();
    }
}
