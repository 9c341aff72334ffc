package org.softmaxcourse.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.testing.Approx;

class GradientCheckTest {
    private static final GradientCheck CHECK = GradientCheck.create();

    @Test
    void numericalDerivativesAreAccurate() {
        // Known derivatives in closed form: the checker's own error must be far below its tolerance.
        for (double x = -5; x <= 5; x += 0.25) {
            double xx = x;
            assertEquals(Math.cos(x), CHECK.derivative(Math::sin, x), 1e-11, "sin′");
            assertEquals(Math.exp(x), CHECK.derivative(Math::exp, x), 1e-10 * Math.exp(x), "exp′");
            assertEquals(-Math.sin(x), CHECK.secondDerivative(Math::sin, x), 1e-7, "sin″");
            assertEquals(Approx.derivative(Sigmoid::sigmoid, x), CHECK.derivative(Sigmoid::sigmoid, x), 1e-13,
                    "agrees with the tests' independent helper");
            assertEquals(6 * xx, CHECK.secondDerivative(t -> t * t * t, xx), 1e-6 * Math.max(1, Math.abs(xx)), "x³″");
        }
        // At x = 10⁶ the step is 10³, proportional to |x|: d/dx 10⁶·sin(x/10⁶) = cos 1.
        assertEquals(Math.cos(1), CHECK.derivative(t -> 1e6 * Math.sin(t / 1e6), 1e6), 1e-9);
    }

    @Test
    void gradientAndJacobian() {
        double[] x = {0.3, -1.2, 2.0};
        double[] g = CHECK.gradient(v -> v[0] * v[0] + Math.sin(v[1]) * v[2], x);
        assertEquals(0.6, g[0], 1e-10);
        assertEquals(Math.cos(-1.2) * 2.0, g[1], 1e-10);
        assertEquals(Math.sin(-1.2), g[2], 1e-10);
        assertEquals(0.3, x[0], 0.0, "x is left alone");
        Matrix j = CHECK.jacobian(Softmax::softmax, x);
        Matrix exact = Softmax.jacobian(x);
        for (int k = 0; k < 9; k++) {
            assertEquals(exact.data()[k], j.data()[k], 1e-10);
        }
    }

    @Test
    void aRightDerivativePassesAndAWrongOneFailsReadably() {
        GradientCheckResult right = CHECK.checkDerivative("σ′", Sigmoid::sigmoid,
                z -> Sigmoid.sigmoid(z) * (1 - Sigmoid.sigmoid(z)), -3, 0, 2.5);
        assertTrue(right.passed(), right.toString());
        assertSame(right, right.requirePassed());
        assertTrue(right.maxAbsError() < 1e-10);
        assertTrue(right.toString().startsWith("Gradient check of σ′: 3 points, max |Δ| = "), right.toString());
        assertTrue(right.toString().contains("→ OK (tolerance 1.0e-06)"), right.toString());

        // The article's kind of slip: σ′ = σ(1 + σ).
        GradientCheckResult wrong = CHECK.checkDerivative("σ(1 + σ)", Sigmoid::sigmoid,
                z -> Sigmoid.sigmoid(z) * (1 + Sigmoid.sigmoid(z)), -3, 0, 2.5);
        assertFalse(wrong.passed());
        assertTrue(wrong.toString().contains("→ FAILED"), wrong.toString());
        assertTrue(wrong.toString().contains("✗ x = 2.5"), wrong.toString());
        assertEquals("x = 2.5", wrong.worst().at());
        AssertionError e = assertThrows(AssertionError.class, wrong::requirePassed);
        assertTrue(e.getMessage().contains("σ(1 + σ)"));
    }

    @Test
    void nanFailsAndInfinitiesCompare() {
        GradientCheckResult nan = CHECK.checkDerivative("nan", t -> t, t -> Double.NaN, 1);
        assertFalse(nan.passed());
        assertTrue(Double.isNaN(nan.maxAbsError()));
        assertTrue(nan.toString().contains("NaN"), nan.toString());
        GradientCheckResult.Entry same = GradientCheckResult.Entry.of("x", Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        assertEquals(0.0, same.absError());
        assertTrue(same.passes(1e-6));
    }

    @Test
    void longChecksShowTheWorstEntry() {
        double[] points = new double[30];
        for (int i = 0; i < points.length; i++) {
            points[i] = i / 10.0;
        }
        GradientCheckResult r = CHECK.checkDerivative("bent", t -> t * t, t -> t > 2.85 ? 0 : 2 * t, points);
        assertFalse(r.passed());
        assertTrue(r.toString().contains("… 18 more; worst: x = 2.9"), r.toString());
        assertEquals(30, r.entries().size());
    }

    @Test
    void configurationAndBadInput() {
        GradientCheck c = CHECK.withTolerance(1e-9).withStep(1e-4);
        assertEquals(1e-9, c.tolerance());
        assertEquals(1e-4, c.step());
        assertTrue(c.toString().contains("tolerance 1e-9"), c.toString());
        assertRejected(() -> CHECK.withTolerance(0), "tolerance = 0.0");
        assertRejected(() -> CHECK.withStep(Double.NaN), "step = NaN");
        assertRejected(() -> CHECK.checkDerivative("f", t -> t, t -> 1), "points is empty");
        assertRejected(() -> CHECK.checkDerivative("f", null, t -> 1, 1), "f is null");
        assertRejected(() -> CHECK.gradient(v -> 0, new double[0]), "x is empty");
        assertRejected(() -> CHECK.checkGradient("g", v -> v[0], v -> new double[] {1, 2}, new double[] {1}),
                "grad returned 2 entries", "x of 1");
        assertRejected(() -> CHECK.checkJacobian("J", Softmax::softmax, v -> Matrix.zeros(2, 2),
                new double[] {1, 2, 3}), "shape mismatch", "2×2", "3×3");
        assertRejected(() -> new GradientCheckResult("x", List.of(), 1e-6), "entries is empty");
    }
}
