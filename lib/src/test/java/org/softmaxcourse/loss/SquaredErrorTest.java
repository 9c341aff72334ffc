package org.softmaxcourse.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class SquaredErrorTest {
    private static final SquaredError SE = SquaredError.create();

    /** ŷ, y, ½(ŷ − y)², ŷ − y; exact in binary (halves and quarters). */
    static Stream<Arguments> knownValues() {
        return Stream.of(
                Arguments.of(0.0, 0.0, 0.0, 0.0),
                Arguments.of(1.0, 0.0, 0.5, 1.0),
                Arguments.of(0.25, 1.0, 0.28125, -0.75),
                Arguments.of(-3.0, 2.0, 12.5, -5.0),
                Arguments.of(1e4, -1e4, 2e8, 2e4));
    }

    @ParameterizedTest(name = "SE({0}, {1}) = {2}")
    @MethodSource("knownValues")
    void knownValues(double yHat, double y, double loss, double grad) {
        assertEquals(loss, SE.loss(yHat, y), 0.0);
        assertEquals(grad, SE.derivative(yHat, y), 0.0);
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        Random r = new Random(30);
        for (int i = 0; i < 300; i++) {
            double yHat = (r.nextDouble() - 0.5) * 10;
            double y = r.nextDouble();
            assertNear(Approx.derivative(x -> SE.loss(x, y), yHat), SE.derivative(yHat, y), 1e-10, "∂ℓ/∂ŷ");
        }
    }

    @Test
    void reductions() {
        double[] yHat = {0.5, 2, -1};
        double[] y = {0, 1, 1};
        assertEquals((0.125 + 0.5 + 2) / 3, SE.loss(yHat, y), 1e-15);
        assertEquals(0.125 + 0.5 + 2, SE.withReduction(Reduction.SUM).loss(yHat, y), 0.0);
        assertEquals(-2.0 / 3, SE.gradient(yHat, y)[2], 1e-16);
        assertEquals(-2.0, SE.withReduction(Reduction.NONE).gradient(yHat, y)[2], 0.0);
    }

    @Test
    void badInput() {
        assertRejected(() -> SE.loss(Double.NaN, 0), "prediction", "NaN");
        assertRejected(() -> SE.loss(new double[] {0, Double.POSITIVE_INFINITY}, new double[] {0, 0}),
                "prediction[1]", "Infinity", "finite");
        assertRejected(() -> SE.loss(1, Double.NaN), "y", "NaN");
        assertRejected(() -> SE.loss(new double[] {1}, new double[] {1, 2}), "shape mismatch", "1", "2");
        assertRejected(() -> SE.loss(new double[0], new double[0]), "prediction", "empty");
    }

    @Test
    void describesItself() {
        assertTrue(SE.toString().contains("½"));
    }
}
