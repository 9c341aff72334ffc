package org.softmaxcourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Softmax;

class CheckTest {
    private static final double SIGMA_2 = 0.8807970779778823;

    private static double naiveSigmoid(double z) {
        return Math.exp(z) / (1 + Math.exp(z));
    }

    @Test
    void closeAcceptsTheLibrarysSigmoid() {
        assertDoesNotThrow(() -> Check.close("σ(2)", Sigmoid.sigmoid(2), SIGMA_2, 1e-15, "h"));
    }

    @Test
    void closeSaysTooSmallWithoutTheExpectedValue() {
        CheckFailure f = assertThrows(CheckFailure.class,
                () -> Check.close("mySigmoid(2)", 0.5, SIGMA_2, 1e-9, "σ(z) = 1 / (1 + e^(−z))"));
        assertEquals("mySigmoid(2) = 0.5 is too small.", f.problem());
        assertEquals("σ(z) = 1 / (1 + e^(−z))", f.hint());
        assertFalse(f.getMessage().contains("0.88"), f.getMessage());
        assertTrue(f.getMessage().endsWith("Hint: σ(z) = 1 / (1 + e^(−z))"));
    }

    @Test
    void closeNamesTheNaNOfTheNaiveSigmoid() {
        assertTrue(Double.isNaN(naiveSigmoid(1000)));
        CheckFailure f = assertThrows(CheckFailure.class,
                () -> Check.close("naiveSigmoid(1000)", naiveSigmoid(1000), 1.0, 1e-12, "∞/∞"));
        assertEquals("naiveSigmoid(1000) is NaN (not a number).", f.problem());
    }

    @Test
    void closeIsRelativeAboveOne() {
        assertDoesNotThrow(() -> Check.close("x", 1000.0000001, 1000, 1e-9, ""));
        assertThrows(CheckFailure.class, () -> Check.close("x", 1000.01, 1000, 1e-9, ""));
        // S16: −log 0.6, to three decimals
        assertDoesNotThrow(() -> Check.close("−log 0.6", -Math.log(0.6), 0.511, 1e-3, ""));
        assertThrows(CheckFailure.class, () -> Check.close("−log 0.3", -Math.log(0.3), 1.2, 1e-3, ""));
    }

    @Test
    void closeHandlesInfinities() {
        assertDoesNotThrow(() -> Check.close("log 0", Math.log(0), Double.NEGATIVE_INFINITY, 0, ""));
        CheckFailure f = assertThrows(CheckFailure.class,
                () -> Check.close("−log σ(−1000)", -Math.log(Sigmoid.sigmoid(-1000)), 1000, 1e-9, ""));
        assertEquals("−log σ(−1000) is Infinity; it should be a finite number.", f.problem());
    }

    @Test
    void revealingShowsTheExpectedValue() {
        CheckFailure f = assertThrows(CheckFailure.class,
                () -> Check.revealing().close("mySigmoid(2)", 0.5, SIGMA_2, 1e-9, ""));
        assertEquals("mySigmoid(2) = 0.5 is too small. Expected 0.8807970779778823 (± 1.0E-9).", f.problem());
    }

    @Test
    void closeArraysReportsTheFirstBadEntryAndHowManyMore() {
        double[] expected = Softmax.softmax(new double[] {2.0, 1.0, 0.1});
        double[] wrong = {0.5, 0.3, 0.2};
        CheckFailure f = assertThrows(CheckFailure.class,
                () -> Check.close("softmax(z)", wrong, expected, 1e-6, ""));
        assertEquals("softmax(z) = [0.5, 0.3, 0.2]: entry 0 = 0.5 is too small. 2 more entries are off too.",
                f.problem());
        CheckFailure len = assertThrows(CheckFailure.class,
                () -> Check.close("softmax(z)", new double[] {1}, expected, 1e-6, ""));
        assertEquals("softmax(z) has 1 entry; it should have 3.", len.problem());
        CheckFailure nul = assertThrows(CheckFailure.class,
                () -> Check.close("softmax(z)", null, expected, 1e-6, ""));
        assertEquals("softmax(z) is null; it should be an array of 3 numbers.", nul.problem());
        assertDoesNotThrow(() -> Check.close("softmax(z)", Softmax.softmax(new double[] {2.0, 1.0, 0.1}),
                new double[] {0.6590011388859679, 0.2424329707047139, 0.09856589040931818}, 1e-15, ""));
    }

    @Test
    void probabilities() {
        assertDoesNotThrow(() -> Check.probabilities("p", new double[] {0.1, 0.15, 0.05, 0.6, 0.1}, 1e-12, ""));
        CheckFailure sum = assertThrows(CheckFailure.class,
                () -> Check.probabilities("p", new double[] {0.5, 0.6}, 1e-9, "divide by the sum"));
        assertEquals("p = [0.5, 0.6] sums to 1.1, not to 1.", sum.problem());
        CheckFailure neg = assertThrows(CheckFailure.class,
                () -> Check.probabilities("p", new double[] {1.5, -0.5}, 1e-9, ""));
        assertEquals("p = [1.5, -0.5]: entry 0 is 1.5, not a probability in [0, 1].", neg.problem());
        assertThrows(CheckFailure.class, () -> Check.probabilities("p", new double[] {Double.NaN}, 1e-9, ""));
        assertThrows(CheckFailure.class, () -> Check.probabilities("p", new double[0], 1e-9, ""));
    }

    @Test
    void equalThatFiniteInRange() {
        assertDoesNotThrow(() -> Check.equal("argmax", 3, 3, ""));
        assertEquals("argmax = 2 is too small.",
                assertThrows(CheckFailure.class, () -> Check.equal("argmax", 2, 3, "")).problem());
        assertEquals("name is \"tanh\", which is not right.",
                assertThrows(CheckFailure.class, () -> Check.equal("name", "tanh", "sigmoid", "")).problem());
        assertDoesNotThrow(() -> Check.equal("labels", new int[] {3, 2}, new int[] {3, 2}, ""));
        assertEquals("Not so: p sums to 1.",
                assertThrows(CheckFailure.class, () -> Check.that("p sums to 1", false, "")).problem());
        assertEquals("e^1000 is Infinity; it should be a finite number.",
                assertThrows(CheckFailure.class, () -> Check.finite("e^1000", Math.exp(1000), "")).problem());
        assertEquals("σ(3) = 1.5 is outside [0.0, 1.0].",
                assertThrows(CheckFailure.class, () -> Check.inRange("σ(3)", 1.5, 0, 1, "")).problem());
    }

    @Test
    void throwsA() {
        assertDoesNotThrow(() -> Check.throwsA("Softmax.softmax(empty)", IllegalArgumentException.class,
                () -> Softmax.softmax(new double[0]), ""));
        assertEquals("Softmax.softmax(z) returned normally; it should throw IllegalArgumentException.",
                assertThrows(CheckFailure.class, () -> Check.throwsA("Softmax.softmax(z)",
                        IllegalArgumentException.class, () -> Softmax.softmax(new double[] {1}), "")).problem());
        // the stub is passed through, so the runner reports "not answered" rather than "wrong exception"
        assertThrows(UnsupportedOperationException.class, () -> Check.throwsA("f", IllegalArgumentException.class,
                () -> {
                    throw new UnsupportedOperationException("your code here");
                }, ""));
    }

    @Test
    void badArgumentsAreTheAuthorsMistake() {
        assertThrows(IllegalArgumentException.class, () -> Check.close("x", 1, 1, -1, ""));
        assertThrows(IllegalArgumentException.class, () -> Check.close("x", new double[1], null, 0, ""));
    }
}
