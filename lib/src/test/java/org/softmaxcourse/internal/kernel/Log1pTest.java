package org.softmaxcourse.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.testing.Ulps;

/**
 * {@link Log1p} against known values, its edges, and {@link StrictMath#log1p} (fdlibm, under 1
 * ULP); the correctly rounded mpmath references are in ReferenceUlpTest.
 */
class Log1pTest {
    /** x and log(1 + x) rounded to a double (mpmath at 40 digits of the double x). */
    static Stream<Arguments> knownValues() {
        return Stream.of(
                Arguments.of(0.0, 0.0),
                Arguments.of(1.0, 0.6931471805599453),
                Arguments.of(1e-10, 9.999999999500001e-11),
                Arguments.of(9.357622968839737e-14, 9.357622968839299e-14),
                Arguments.of(1e-20, 1e-20),
                Arguments.of(-0.5, -0.6931471805599453),
                Arguments.of(-0.999, -6.907755278982136),
                Arguments.of(9.0, 2.302585092994046),
                Arguments.of(1e300, 690.7755278982137),
                Arguments.of(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
                Arguments.of(-1.0, Double.NEGATIVE_INFINITY));
    }

    @ParameterizedTest(name = "log1p({0}) = {1}")
    @MethodSource("knownValues")
    void knownValuesWithinOneUlp(double x, double expected) {
        assertTrue(Ulps.distance(Log1p.log1p(x), expected) <= 1,
                "log1p(" + x + ") = " + Log1p.log1p(x) + ", not " + expected);
    }

    @Test
    void edges() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Log1p.log1p(-0.0)), "−0 stays −0");
        assertTrue(Double.isNaN(Log1p.log1p(-1.5)));
        assertTrue(Double.isNaN(Log1p.log1p(Double.NaN)));
    }

    @Test
    void withinOneUlpOfStrictMath() {
        SplittableRandom r = new SplittableRandom(15);
        for (int i = 0; i < 1_000_000; i++) {
            double x = switch (i % 4) {
                case 0 -> r.nextDouble();                       // (0, 1): BCE's log1p(e^(−|z|))
                case 1 -> Math.pow(10, -20 * r.nextDouble());   // tiny: one dominant class
                case 2 -> r.nextDouble() * 1000;                // a softmax rest over many classes
                default -> r.nextDouble() - 1;                  // (−1, 0)
            };
            assertTrue(Ulps.distance(Log1p.log1p(x), StrictMath.log1p(x)) <= 1,
                    "log1p(" + x + ") = " + Log1p.log1p(x) + " vs StrictMath " + StrictMath.log1p(x));
        }
    }
}
