package org.softmaxcourse.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.testing.Approx;

class BinaryCrossEntropyTest {
    private static final BinaryCrossEntropy LOGITS = BinaryCrossEntropy.fromLogits();
    private static final BinaryCrossEntropy PROBS = BinaryCrossEntropy.fromProbabilities();
    private static final double INF = Double.POSITIVE_INFINITY;

    /** z, y, ℓ(z, y), σ(z) − y: mpmath at 40 digits, rounded to 20. */
    static Stream<Arguments> logitValues() {
        return Stream.of(
                Arguments.of(0.0, 1.0, 0.69314718055994530942, -0.5),
                Arguments.of(2.0, 1.0, 0.12692801104297249644, -0.11920292202211755594),
                Arguments.of(2.0, 0.0, 2.1269280110429724964, 0.88079707797788244406),
                Arguments.of(-3.0, 1.0, 3.0485873515737420588, -0.95257412682243321912),
                Arguments.of(0.7, 0.3, 0.89318604888545789319, 0.36818777216816610653),
                Arguments.of(30.0, 0.0, 30.000000000000093576, 0.99999999999990642377),
                Arguments.of(-30.0, 1.0, 30.000000000000093576, -0.99999999999990642377),
                Arguments.of(40.0, 1.0, 4.2483542552915889863e-18, -4.2483542552915889773e-18),
                Arguments.of(1000.0, 0.0, 1000.0, 1.0),
                Arguments.of(-1000.0, 1.0, 1000.0, -1.0),
                Arguments.of(1000.0, 1.0, 0.0, 0.0),
                Arguments.of(-1000.0, 0.0, 0.0, 0.0));
    }

    @ParameterizedTest(name = "BCE(z = {0}, y = {1}) = {2}")
    @MethodSource("logitValues")
    void fromLogitsKnownValues(double z, double y, double loss, double grad) {
        assertRel(loss, LOGITS.loss(z, y), 1e-15, "ℓ");
        if (y == 0 || y == 1) {
            // Hard labels: σ(z) − 1 is computed as −σ(−z), exact to the last digits.
            assertRel(grad, LOGITS.derivative(z, y), 1e-15, "∂ℓ/∂z");
        } else {
            assertEquals(grad, LOGITS.derivative(z, y), 2e-16, "∂ℓ/∂z");
        }
    }

    /** p, y, ℓ(p, y), ∂ℓ/∂p = (p − y) / (p(1 − p)): mpmath, rounded to 20 digits. */
    static Stream<Arguments> probabilityValues() {
        return Stream.of(
                Arguments.of(0.5, 1.0, 0.69314718055994530942, -2.0),
                Arguments.of(0.8, 1.0, 0.22314355131420975577, -1.25),
                Arguments.of(0.8, 0.0, 1.6094379124341003746, 5.0),
                Arguments.of(0.8, 0.3, 1.193549604098133189, 3.125),
                Arguments.of(1e-10, 0.0, 1.00000000005e-10, 1.0000000001),
                Arguments.of(0.999, 1.0, 0.0010005003335835335001, -1.001001001001001001),
                Arguments.of(1e-300, 1.0, 690.77552789821370521, -1e300),
                Arguments.of(1.0, 1.0, 0.0, -1.0),
                Arguments.of(0.0, 0.0, 0.0, 1.0));
    }

    @ParameterizedTest(name = "BCE(p = {0}, y = {1}) = {2}")
    @MethodSource("probabilityValues")
    void fromProbabilitiesKnownValues(double p, double y, double loss, double grad) {
        assertRel(loss, PROBS.loss(p, y), 1e-15, "ℓ");
        assertRel(grad, PROBS.derivative(p, y), 1e-14, "∂ℓ/∂p");
    }

    @Test
    void logitFormIsProbabilityFormOfSigmoid() {
        // |z| ≤ 8: beyond that rounding σ(z) to a double costs the probability form its digits
        // (1 − σ(z) cancels), which is the reason the logit form exists.
        Random r = new Random(20);
        for (int i = 0; i < 2000; i++) {
            double z = (r.nextDouble() - 0.5) * 16;
            double y = r.nextInt(3) / 2.0;
            double p = Sigmoid.sigmoid(z);
            assertNear(PROBS.loss(p, y), LOGITS.loss(z, y), 1e-12, "ℓ(σ(" + z + "), " + y + ")");
            // Chain rule: ∂ℓ/∂z = ∂ℓ/∂p · σ′(z) = σ(z) − y.
            assertNear(PROBS.derivative(p, y) * Sigmoid.INSTANCE.derivative(z), LOGITS.derivative(z, y), 1e-11,
                    "chain rule at z = " + z);
            assertEquals(p - y, LOGITS.derivative(z, y), 2.3e-16);
        }
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        Random r = new Random(21);
        for (int i = 0; i < 500; i++) {
            double z = (r.nextDouble() - 0.5) * 20;
            double p = 0.05 + 0.9 * r.nextDouble();
            double y = r.nextDouble();
            assertNear(Approx.derivative(x -> LOGITS.loss(x, y), z), LOGITS.derivative(z, y), 1e-9, "∂ℓ/∂z");
            assertNear(Approx.derivative(x -> PROBS.loss(x, y), p), PROBS.derivative(p, y), 1e-8, "∂ℓ/∂p");
        }
    }

    @Test
    void caseByCase() {
        // S10: y = 1 gives −log p, y = 0 gives −log(1 − p) (G1: with the minus sign).
        for (double p : new double[] {0.01, 0.3, 0.9}) {
            assertEquals(-Math.log(p), PROBS.loss(p, 1), 1e-15);
            assertEquals(-Math.log(1 - p), PROBS.loss(p, 0), 1e-15);
        }
    }

    @Test
    void probabilitiesOfExactlyZeroOrOneCostInfinityUnlessEpsIsGiven() {
        assertEquals(INF, PROBS.loss(0.0, 1.0));
        assertEquals(INF, PROBS.loss(1.0, 0.0));
        assertEquals(INF, PROBS.loss(0.0, 0.5));
        assertEquals(Double.NEGATIVE_INFINITY, PROBS.derivative(0.0, 1.0));
        assertEquals(INF, PROBS.derivative(1.0, 0.0));
        BinaryCrossEntropy clamped = PROBS.withEps(1e-7);
        assertRel(16.118095650958319788, clamped.loss(0.0, 1.0), 1e-14, "−log 1e−7");
        assertRel(16.118095650958319788, clamped.loss(1.0, 0.0), 1e-9, "−log(1 − (1 − 1e−7))");
        assertEquals(0.0, clamped.derivative(0.0, 1.0), "the clamp is flat where it is active");
        assertEquals(PROBS.loss(0.3, 1.0), clamped.loss(0.3, 1.0), 0.0, "inside [ε, 1 − ε] nothing changes");
        assertEquals(1e-7, clamped.eps());
        assertTrue(clamped.toString().contains("eps"));
    }

    @Test
    void logitsAreFiniteForEveryFiniteLogit() {
        assertEquals(1000.0, LOGITS.loss(1000, 0));
        assertEquals(1000.0, LOGITS.loss(-1000, 1));
        assertEquals(1e4, LOGITS.loss(-1e4, 1));
        assertEquals(0.0, LOGITS.loss(INF, 1));
        assertEquals(INF, LOGITS.loss(-INF, 1));
        assertEquals(INF, LOGITS.loss(INF, 0.5));
        assertEquals(-1.0, LOGITS.derivative(-INF, 1));
        assertEquals(Math.log(2), LOGITS.loss(1e-300, 0.5), 1e-16);
    }

    @Test
    void reductions() {
        double[] z = {-2, 0.5, 3, 10};
        double[] y = {0, 1, 1, 0};
        LossResult<double[]> none = LOGITS.withReduction(Reduction.NONE).evaluate(z, y);
        LossResult<double[]> sum = LOGITS.withReduction(Reduction.SUM).evaluate(z, y);
        LossResult<double[]> mean = LOGITS.evaluate(z, y);
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            assertEquals(LOGITS.loss(z[i], y[i]), none.losses()[i], 0.0);
            assertEquals(LOGITS.derivative(z[i], y[i]), none.gradient()[i], 0.0);
            assertEquals(LOGITS.derivative(z[i], y[i]) / 4, mean.gradient()[i], 1e-16);
            total += none.losses()[i];
        }
        assertEquals(total, sum.value(), 1e-15);
        assertEquals(total, none.value(), 1e-15);
        assertEquals(total / 4, mean.value(), 1e-15);
        assertArrayEquals(sum.gradient(), none.gradient());
        assertEquals(mean.value(), LOGITS.loss(z, y));
        assertArrayEquals(mean.losses(), LOGITS.losses(z, y));
        assertArrayEquals(mean.gradient(), LOGITS.gradient(z, y));
        assertEquals(Reduction.MEAN, LOGITS.reduction());
        assertTrue(mean.toString().contains("mean over 4 samples"));
    }

    @Test
    void meanGradientMatchesFiniteDifferences() {
        double[] z = {-2, 0.5, 3};
        double[] y = {0, 0.2, 1};
        double[] g = LOGITS.gradient(z, y);
        for (int i = 0; i < z.length; i++) {
            int ii = i;
            double fd = Approx.derivative(x -> {
                double[] c = z.clone();
                c[ii] = x;
                return LOGITS.loss(c, y);
            }, z[i]);
            assertNear(fd, g[i], 1e-10, "∂J/∂z" + i);
        }
    }

    @Test
    void badInput() {
        assertRejected(() -> PROBS.loss(1.5, 1), "p", "1.5", "[0, 1]");
        assertRejected(() -> PROBS.loss(-0.0001, 1), "p", "-1.0E-4");
        assertRejected(() -> PROBS.loss(0.5, 2), "y", "2.0");
        assertRejected(() -> PROBS.loss(new double[] {0.2, Double.NaN}, new double[] {0, 1}), "p[1]", "NaN");
        assertRejected(() -> LOGITS.loss(Double.NaN, 1), "z", "NaN");
        assertRejected(() -> LOGITS.loss(new double[] {0.1, 0.2}, new double[] {1, 0, 1}),
                "shape mismatch", "z has 2", "y has 3");
        assertRejected(() -> LOGITS.loss(new double[0], new double[0]), "z", "empty");
        assertRejected(() -> LOGITS.loss(new double[] {1}, null), "y", "null");
        assertRejected(() -> LOGITS.loss(new double[] {1, 2}, new double[] {0, -1}), "y[1]", "-1.0");
        assertRejected(() -> LOGITS.withEps(1e-7), "eps", "logit");
        assertRejected(() -> PROBS.withEps(0.5), "eps = 0.5");
        assertRejected(() -> PROBS.withEps(0), "eps = 0.0");
        assertRejected(() -> PROBS.withReduction(null), "reduction");
    }

    @Test
    void describesItself() {
        assertTrue(LOGITS.isFromLogits());
        assertFalse(PROBS.isFromLogits());
        assertEquals(0.0, PROBS.eps());
        assertTrue(LOGITS.toString().contains("logits"));
        assertTrue(PROBS.toString().contains("probabilities"));
    }
}
