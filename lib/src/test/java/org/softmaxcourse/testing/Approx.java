package org.softmaxcourse.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.DoubleUnaryOperator;

/**
 * Tolerances and an independent finite-difference derivative for the tests.
 *
 * <p>The derivative here is deliberately written apart from the library's own gradient checker,
 * so that the checker can be tested against it.
 */
public final class Approx {
    private Approx() {
    }

    /**
     * f′(x) by Richardson extrapolation of two central differences,
     * (4·D(h/2) − D(h)) / 3 with D(h) = (f(x + h) − f(x − h)) / 2h: truncation error O(h⁴), so
     * h = 10⁻³·max(1, |x|) gives about 10 correct digits for smooth f of moderate size.
     */
    public static double derivative(DoubleUnaryOperator f, double x) {
        double h = 1e-3 * Math.max(1.0, Math.abs(x));
        double d1 = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double h2 = h / 2;
        double d2 = (f.applyAsDouble(x + h2) - f.applyAsDouble(x - h2)) / (2 * h2);
        return (4 * d2 - d1) / 3;
    }

    /**
     * Asserts |actual − expected| ≤ rel·|expected|; equal infinities and exact zeros pass, NaN
     * never does.
     */
    public static void assertRel(double expected, double actual, double rel, String what) {
        if (expected == actual) {
            return;
        }
        if (Double.isNaN(actual) || Double.isNaN(expected)
                || !(Math.abs(actual - expected) <= rel * Math.abs(expected))) {
            fail(what + ": expected " + expected + " but was " + actual
                    + " (relative tolerance " + rel + ")");
        }
    }

    /** Asserts |actual − expected| ≤ tol·(1 + |expected|), the test for finite differences. */
    public static void assertNear(double expected, double actual, double tol, String what) {
        if (expected == actual) {
            return;
        }
        assertTrue(Math.abs(actual - expected) <= tol * (1 + Math.abs(expected)),
                () -> what + ": expected " + expected + " but was " + actual + " (tolerance " + tol
                        + "·(1 + |expected|))");
    }

    /** {@link #assertNear} entry by entry. */
    public static void assertNear(double[] expected, double[] actual, double tol, String what) {
        assertTrue(expected.length == actual.length,
                () -> what + ": length " + actual.length + ", expected " + expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertNear(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }

    /** Asserts that nothing in {@code values} is NaN. */
    public static void assertNoNaN(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                fail(what + "[" + i + "] is NaN");
            }
        }
    }
}
