package org.softmaxcourse.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Approx.assertNear;
import static org.softmaxcourse.testing.Approx.assertRel;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.testing.Approx;

class SigmoidTest {
    private static final Sigmoid S = Sigmoid.INSTANCE;

    /**
     * z, σ(z), σ′(z), log σ(z), computed with mpmath at 40 significant digits and rounded to 20;
     * the library must agree to 1e-15 relative (a few ulps).
     */
    static Stream<Arguments> knownValues() {
        return Stream.of(
                Arguments.of(0.0, 0.5, 0.25, -0.69314718055994530942),
                Arguments.of(1.0, 0.73105857863000487925, 0.19661193324148185254, -0.31326168751822283405),
                Arguments.of(-1.0, 0.26894142136999512075, 0.19661193324148185254, -1.313261687518222834),
                Arguments.of(2.5, 0.92414181997875644881, 0.070103716545108156932, -0.078889734292549623344),
                Arguments.of(-2.5, 0.075858180021243551193, 0.070103716545108156932, -2.5788897342925496233),
                Arguments.of(10.0, 0.99995460213129756561, 4.5395807735951671032e-5, -4.5398899216864646769e-5),
                Arguments.of(-10.0, 4.5397868702434394505e-5, 4.5395807735951671032e-5, -10.000045398899216865),
                Arguments.of(30.0, 0.99999999999990642377, 9.3576229688384233028e-14, -9.3576229688397367794e-14),
                Arguments.of(-30.0, 9.3576229688392989538e-14, 9.3576229688384233028e-14, -30.000000000000093576),
                Arguments.of(-35.0, 6.3051167601469854102e-16, 6.3051167601469814347e-16, -35.000000000000000631),
                Arguments.of(36.0, 0.99999999999999976805, 2.3195228302435683123e-16, -2.3195228302435691193e-16),
                Arguments.of(-100.0, 3.720075976020835963e-44, 3.720075976020835963e-44, -100.0),
                Arguments.of(-600.0, 2.6503965530043108163e-261, 2.6503965530043108163e-261, -600.0),
                Arguments.of(-700.0, 9.8596765437597708567e-305, 9.8596765437597708567e-305, -700.0),
                Arguments.of(1e-300, 0.5, 0.25, -0.69314718055994530942));
    }

    @ParameterizedTest(name = "σ({0}) = {1}")
    @MethodSource("knownValues")
    void knownValues(double z, double sigma, double slope, double logSigma) {
        assertRel(sigma, Sigmoid.sigmoid(z), 1e-15, "σ(" + z + ")");
        assertRel(sigma, S.value(z), 1e-15, "value(" + z + ")");
        assertRel(slope, S.derivative(z), 1e-14, "σ′(" + z + ")");
        assertRel(logSigma, LogSigmoid.logSigmoid(z), 1e-15, "log σ(" + z + ")");
        assertRel(sigma, S.applyAsDouble(z), 1e-15, "applyAsDouble(" + z + ")");
    }

    @Test
    void symmetryOverRandomScores() {
        Random r = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            double z = (r.nextDouble() - 0.5) * 80;
            assertEquals(1 - Sigmoid.sigmoid(z), Sigmoid.sigmoid(-z), 2.3e-16, "σ(−z) = 1 − σ(z) at z = " + z);
            double s = Sigmoid.sigmoid(z);
            assertTrue(s >= 0 && s <= 1, "σ(" + z + ") = " + s + " outside [0, 1]");
        }
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        Random r = new Random(2);
        for (int i = 0; i < 500; i++) {
            double z = (r.nextDouble() - 0.5) * 40;
            assertNear(Approx.derivative(Sigmoid::sigmoid, z), S.derivative(z), 1e-9, "σ′(" + z + ")");
            assertNear(Approx.derivative(LogSigmoid::logSigmoid, z), Sigmoid.sigmoid(-z), 1e-9,
                    "(log σ)′(" + z + ") = σ(−z)");
            assertNear(Approx.derivative(Softplus::softplus, z), Sigmoid.sigmoid(z), 1e-9,
                    "softplus′(" + z + ") = σ(z)");
        }
    }

    @Test
    void derivativeIsSigmaTimesOneMinusSigma() {
        Random r = new Random(3);
        for (int i = 0; i < 1000; i++) {
            double z = (r.nextDouble() - 0.5) * 20;
            double s = Sigmoid.sigmoid(z);
            // s·(1 − s) is the less exact side: 1 − s carries the rounding of s, about 1e-16.
            assertEquals(s * (1 - s), S.derivative(z), 2e-16, "σ′(" + z + ")");
        }
    }

    @Test
    void extremesSaturateWithoutNaN() {
        assertEquals(1.0, Sigmoid.sigmoid(1000));
        assertEquals(0.0, Sigmoid.sigmoid(-1000));
        assertEquals(1.0, Sigmoid.sigmoid(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Sigmoid.sigmoid(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, S.derivative(1000));
        assertEquals(0.0, S.derivative(-1000));
        assertEquals(0.0, S.derivative(Double.POSITIVE_INFINITY));
        assertEquals(0.5, Sigmoid.sigmoid(-1e-300));
        assertEquals(0.5, Sigmoid.sigmoid(Double.MIN_VALUE));
    }

    @Test
    void logSigmoidAndSoftplusStayFinite() {
        assertEquals(-1000.0, LogSigmoid.logSigmoid(-1000));
        assertEquals(-800.0, LogSigmoid.logSigmoid(-800));
        assertEquals(0.0, LogSigmoid.logSigmoid(1000), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, LogSigmoid.logSigmoid(Double.NEGATIVE_INFINITY));
        assertEquals(1000.0, Softplus.softplus(1000));
        assertEquals(0.0, Softplus.softplus(-1000));
        assertEquals(21.000000000758256, Softplus.softplus(21), Math.ulp(21.0));
        assertRel(9.8596765437597708567e-305, Softplus.softplus(-700), 1e-15, "softplus(−700) = e^−700");
        assertEquals(Double.POSITIVE_INFINITY, Softplus.softplus(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Softplus.softplus(Double.NEGATIVE_INFINITY));
    }

    @Test
    void nanInGivesNaNOut() {
        assertTrue(Double.isNaN(Sigmoid.sigmoid(Double.NaN)));
        assertTrue(Double.isNaN(S.derivative(Double.NaN)));
        assertTrue(Double.isNaN(LogSigmoid.logSigmoid(Double.NaN)));
        assertTrue(Double.isNaN(Softplus.softplus(Double.NaN)));
    }

    @Test
    void elementWiseOverArrays() {
        double[] z = {-1, 0, 1};
        assertArrayEquals(new double[] {Sigmoid.sigmoid(-1), 0.5, Sigmoid.sigmoid(1)}, S.value(z));
        assertArrayEquals(new double[] {S.derivative(-1), 0.25, S.derivative(1)}, S.derivative(z));
        assertRejected(() -> S.value(new double[0]), "z", "empty");
        assertRejected(() -> S.derivative((double[]) null), "z", "null");
    }

    @Test
    void metadata() {
        assertEquals("sigmoid", S.name());
        assertEquals("(0, 1)", S.range());
        assertTrue(S.has(Trait.MONOTONIC) && S.has(Trait.SATURATING) && S.has(Trait.SMOOTH));
        assertTrue(!S.has(Trait.ZERO_CENTRED));
        assertTrue(S.formula().contains("\\sigma(z)"));
        assertTrue(S.toString().contains("σ"));
    }
}
