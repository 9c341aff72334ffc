package org.softmaxcourse.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Approx.assertNear;
import static org.softmaxcourse.testing.Approx.assertRel;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.testing.Approx;

class TanhTest {
    private static final Tanh T = Tanh.INSTANCE;

    /** z, tanh z, tanh′ z = 1/cosh² z (mpmath, 40 digits, rounded to 20). */
    static Stream<Arguments> knownValues() {
        return Stream.of(
                Arguments.of(0.0, 0.0, 1.0),
                Arguments.of(0.5, 0.4621171572600097585, 0.78644773296592741015),
                Arguments.of(-0.5, -0.4621171572600097585, 0.78644773296592741015),
                Arguments.of(1.0, 0.76159415595576488812, 0.41997434161402606939),
                Arguments.of(3.0, 0.99505475368673045133, 0.0098660371654401912732),
                Arguments.of(20.0, 0.9999999999999999915, 1.6993417021166355837e-17),
                Arguments.of(-20.0, -0.9999999999999999915, 1.6993417021166355837e-17),
                Arguments.of(300.0, 1.0, 1.0601586212017243265e-260));
    }

    @ParameterizedTest(name = "tanh({0}) = {1}")
    @MethodSource("knownValues")
    void knownValues(double z, double value, double slope) {
        assertRel(value, T.value(z), 1e-15, "tanh(" + z + ")");
        assertRel(slope, T.derivative(z), 1e-14, "tanh′(" + z + ")");
    }

    @Test
    void oddAndTwiceASigmoid() {
        Random r = new Random(4);
        for (int i = 0; i < 5000; i++) {
            double z = (r.nextDouble() - 0.5) * 20;
            assertEquals(-T.value(z), T.value(-z), 0.0, "tanh is odd at " + z);
            assertEquals(2 * Sigmoid.sigmoid(2 * z) - 1, T.value(z), 4e-16, "tanh z = 2σ(2z) − 1 at " + z);
        }
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        Random r = new Random(5);
        for (int i = 0; i < 500; i++) {
            double z = (r.nextDouble() - 0.5) * 20;
            assertNear(Approx.derivative(T, z), T.derivative(z), 1e-9, "tanh′(" + z + ")");
        }
    }

    @Test
    void extremes() {
        assertEquals(1.0, T.value(1000));
        assertEquals(-1.0, T.value(-1000));
        assertEquals(0.0, T.derivative(1000));
        assertEquals(0.0, T.derivative(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, T.derivative(1e-300));
        // cosh²(360) overflows but tanh′(360) = 8.13e-313 is a (subnormal) double; mpmath value.
        assertRel(8.1289232096971726115e-313, T.derivative(360), 1e-9, "tanh′(360)");
        assertRel(8.1289232096971726115e-313, T.derivative(-360), 1e-9, "tanh′(−360)");
        assertEquals(1e-300, T.value(1e-300));
        assertTrue(Double.isNaN(T.value(Double.NaN)));
        assertTrue(Double.isNaN(T.derivative(Double.NaN)));
    }

    @Test
    void metadata() {
        assertEquals("tanh", T.name());
        assertEquals("(-1, 1)", T.range());
        assertTrue(T.has(Trait.ZERO_CENTRED) && T.has(Trait.SATURATING));
    }
}
