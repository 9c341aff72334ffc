package org.softmaxcourse.numeric;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import org.junit.jupiter.api.Test;

class RequireTest {

    @Test
    void messagesNameTheArgumentAndTheValue() {
        assertRejected(() -> Require.nonEmpty("z", (double[]) null), "z is null");
        assertRejected(() -> Require.nonEmpty("z", new double[0]), "z is empty");
        assertRejected(() -> Require.nonEmpty("labels", new int[0]), "labels is empty");
        assertRejected(() -> Require.nonEmpty("batch", Matrix.of()), "batch has no rows");
        assertRejected(() -> Require.notNaN("beta", Double.NaN), "beta is NaN");
        assertRejected(() -> Require.noNaN("x", new double[] {1, Double.NaN}), "x[1] is NaN");
        assertRejected(() -> Require.probability("p", 1.0000001), "p = 1.0000001", "[0, 1]");
        assertRejected(() -> Require.probability("p", Double.NaN), "p = NaN");
        assertRejected(() -> Require.probabilities("q", new double[] {0.5, -2}), "q[1] = -2.0");
        assertRejected(() -> Require.sameLength("a", new double[2], "b", new double[3]),
                "shape mismatch", "a has 2", "b has 3");
        assertRejected(() -> Require.sameShape("a", Matrix.zeros(2, 3), "b", Matrix.zeros(3, 2)),
                "a is 2×3", "b is 3×2");
        assertRejected(() -> Require.label("k", 7, 3), "k = 7", "3 classes");
        assertRejected(() -> Require.positiveFinite("beta", 0), "beta = 0.0");
        assertRejected(() -> Require.positiveFinite("beta", Double.POSITIVE_INFINITY), "beta = Infinity");
        assertRejected(() -> Require.distribution("p", new double[] {0.5, 0.4}), "p sums to 0.9");
        assertRejected(() -> Require.distributions("p", Matrix.of(new double[] {1, 0}, new double[] {0.3, 0.3})),
                "p row 1 sums to 0.6");
    }

    @Test
    void validInputPasses() {
        assertDoesNotThrow(() -> Require.distribution("p", new double[] {0.1, 0.2, 0.7}));
        assertDoesNotThrow(() -> Require.probability("p", 0.0));
        assertDoesNotThrow(() -> Require.probability("p", 1.0));
        assertDoesNotThrow(() -> Require.labels("y", new int[] {0, 2}, 3));
    }
}
