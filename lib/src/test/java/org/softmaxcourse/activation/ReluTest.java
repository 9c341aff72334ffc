package org.softmaxcourse.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Approx.assertNear;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.testing.Approx;

class ReluTest {
    private static final Relu R = Relu.INSTANCE;

    /** z, ReLU(z), ReLU′(z), LeakyReLU₀.₁(z), LeakyReLU₀.₁′(z); exact by definition. */
    static Stream<Arguments> knownValues() {
        return Stream.of(
                Arguments.of(-3.0, 0.0, 0.0, -0.30000000000000004, 0.1),
                Arguments.of(-1e-300, 0.0, 0.0, -1e-301, 0.1),
                Arguments.of(0.0, 0.0, 0.0, 0.0, 0.1),
                Arguments.of(1e-300, 1e-300, 1.0, 1e-300, 1.0),
                Arguments.of(2.5, 2.5, 1.0, 2.5, 1.0),
                Arguments.of(1e4, 1e4, 1.0, 1e4, 1.0),
                Arguments.of(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0, Double.POSITIVE_INFINITY, 1.0),
                Arguments.of(Double.NEGATIVE_INFINITY, 0.0, 0.0, Double.NEGATIVE_INFINITY, 0.1));
    }

    @ParameterizedTest(name = "ReLU({0}) = {1}")
    @MethodSource("knownValues")
    void knownValues(double z, double relu, double reluSlope, double leaky, double leakySlope) {
        LeakyRelu l = new LeakyRelu(0.1);
        assertEquals(relu, R.value(z), 0.0);
        assertEquals(reluSlope, R.derivative(z), 0.0);
        assertEquals(leaky, l.value(z), Math.ulp(leaky));
        assertEquals(leakySlope, l.derivative(z), 0.0);
    }

    @Test
    void derivativesMatchFiniteDifferencesAwayFromTheKink() {
        Random r = new Random(6);
        LeakyRelu l = new LeakyRelu(0.2);
        for (int i = 0; i < 500; i++) {
            double z = (r.nextDouble() - 0.5) * 20;
            if (Math.abs(z) < 0.05) {
                continue;
            }
            assertNear(Approx.derivative(R, z), R.derivative(z), 1e-9, "ReLU′(" + z + ")");
            assertNear(Approx.derivative(l, z), l.derivative(z), 1e-9, "LeakyReLU′(" + z + ")");
        }
    }

    @Test
    void leakySlopeZeroIsRelu() {
        LeakyRelu zero = new LeakyRelu(0.0);
        for (double z : new double[] {-2, -0.5, 0, 0.5, 2}) {
            assertEquals(R.value(z), zero.value(z), 0.0);
            assertEquals(R.derivative(z), zero.derivative(z), 0.0);
        }
        assertEquals("[0, ∞)", zero.range());
        assertEquals("(-∞, ∞)", new LeakyRelu().range());
        assertEquals(LeakyRelu.DEFAULT_SLOPE, new LeakyRelu().slope());
        assertEquals(new LeakyRelu(0.3), new LeakyRelu(0.3));
    }

    @Test
    void nanInGivesNaNOut() {
        assertTrue(Double.isNaN(R.value(Double.NaN)));
        assertTrue(Double.isNaN(R.derivative(Double.NaN)));
        assertTrue(Double.isNaN(new LeakyRelu().value(Double.NaN)));
        assertTrue(Double.isNaN(new LeakyRelu().derivative(Double.NaN)));
    }

    @Test
    void badSlopeIsRejected() {
        assertRejected(() -> new LeakyRelu(1.5), "slope", "1.5");
        assertRejected(() -> new LeakyRelu(-0.1), "slope", "-0.1");
        assertRejected(() -> new LeakyRelu(Double.NaN), "slope", "NaN");
    }

    @Test
    void metadata() {
        assertEquals("ReLU", R.name());
        assertEquals("[0, ∞)", R.range());
        assertTrue(R.has(Trait.MONOTONIC));
        assertFalse(R.has(Trait.SMOOTH) || R.has(Trait.SATURATING));
        assertTrue(new LeakyRelu(0.1).name().contains("0.1"));
        assertTrue(new LeakyRelu(0.1).toString().contains("0.1"));
    }
}
