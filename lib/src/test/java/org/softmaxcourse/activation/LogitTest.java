package org.softmaxcourse.activation;

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

class LogitTest {
    private static final Logit L = Logit.INSTANCE;

    /** p, logit(p), logit′(p): mpmath at 40 digits, from the exact binary value of p. */
    static Stream<Arguments> knownValues() {
        return Stream.of(
                Arguments.of(0.5, 0.0, 4.0),
                Arguments.of(0.5000000000001, 4.0012437807490641717e-13, 4.0),
                Arguments.of(0.3, -0.84729786038720366658, 4.7619047619047620055),
                Arguments.of(0.9, 2.1972245773362196295, 11.111111111111113304),
                Arguments.of(1e-10, -23.025850929840456804, 10000000000.999999636),
                Arguments.of(1e-300, -690.77552789821370518, 9.9999999999999997494e+299));
    }

    @ParameterizedTest(name = "logit({0}) = {1}")
    @MethodSource("knownValues")
    void knownValues(double p, double logit, double slope) {
        assertNear(logit, Logit.logit(p), 1e-15, "logit(" + p + ")");
        if (logit != 0) {
            assertRel(logit, Logit.logit(p), 1e-15, "logit(" + p + ") relative");
        }
        assertRel(slope, L.derivative(p), 1e-15, "logit′(" + p + ")");
    }

    @Test
    void inverseOfTheSigmoid() {
        Random r = new Random(70);
        for (int i = 0; i < 5000; i++) {
            double z = (r.nextDouble() - 0.5) * 20;
            // 1 − σ(z) carries σ's rounding: the round trip is good to ~1e-16·e^|z| absolute.
            assertEquals(z, Logit.logit(Sigmoid.sigmoid(z)), 4e-16 * Math.exp(Math.abs(z)) + 1e-15, "at " + z);
            double p = r.nextDouble();
            assertEquals(p, Sigmoid.sigmoid(Logit.logit(p)), 2.3e-16, "σ(logit(" + p + "))");
        }
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        Random r = new Random(71);
        for (int i = 0; i < 300; i++) {
            double p = 0.05 + 0.9 * r.nextDouble();
            assertNear(Approx.derivative(L, p), L.derivative(p), 1e-8, "logit′(" + p + ")");
        }
    }

    @Test
    void endpointsAndDomain() {
        assertEquals(Double.NEGATIVE_INFINITY, Logit.logit(0));
        assertEquals(Double.POSITIVE_INFINITY, Logit.logit(1));
        assertEquals(Double.POSITIVE_INFINITY, L.derivative(0));
        assertTrue(Double.isNaN(Logit.logit(Double.NaN)));
        assertRejected(() -> Logit.logit(1.5), "p = 1.5", "[0, 1]");
        assertRejected(() -> L.derivative(-0.1), "p = -0.1");
        assertRejected(() -> L.value(new double[] {0.5, 2}), "p[1] = 2.0");
        assertRejected(() -> L.derivative(new double[0]), "p is empty");
        assertEquals("logit", L.name());
        assertEquals("[-∞, ∞]", L.range());
    }
}
