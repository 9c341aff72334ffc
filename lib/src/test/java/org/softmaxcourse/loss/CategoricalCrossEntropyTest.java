package org.softmaxcourse.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Approx.assertNear;
import static org.softmaxcourse.testing.Approx.assertRel;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.testing.Approx;

class CategoricalCrossEntropyTest {
    private static final CategoricalCrossEntropy LOGITS = CategoricalCrossEntropy.fromLogits();
    private static final CategoricalCrossEntropy PROBS = CategoricalCrossEntropy.fromProbabilities();
    private static final double INF = Double.POSITIVE_INFINITY;

    /** z, label, ℓ = logsumexp(z) − z_label: mpmath at 40 digits, rounded to 20. */
    static Stream<Arguments> logitValues() {
        return Stream.of(
                Arguments.of(new double[] {1, 2, 3}, 2, 0.40760596444438030448),
                Arguments.of(new double[] {1, 2, 3}, 0, 2.4076059644443803045),
                Arguments.of(new double[] {0, 0}, 1, 0.69314718055994530942),
                Arguments.of(new double[] {0, -40}, 0, 4.2483542552915889863e-18),
                Arguments.of(new double[] {1000, 0}, 1, 1000.0),
                Arguments.of(new double[] {1000, 0}, 0, 0.0),
                Arguments.of(new double[] {-1e4, 1e4, 0}, 0, 2e4));
    }

    @ParameterizedTest(name = "CE(z = {0}, label {1}) = {2}")
    @MethodSource("logitValues")
    void fromLogitsKnownValues(double[] z, int label, double loss) {
        assertRel(loss, LOGITS.loss(z, label), 1e-15, "ℓ");
        double[] p = Softmax.softmax(z);
        double[] g = LOGITS.gradient(z, label);
        for (int j = 0; j < z.length; j++) {
            assertEquals(p[j] - (j == label ? 1 : 0), g[j], 2e-16, "∂ℓ/∂z" + j + " = p − y");
        }
    }

    @Test
    void articleExampleS16() {
        // The true class is the 4th counting from 1, index 3 counting from 0 (G6).
        double[] right = {0.1, 0.15, 0.05, 0.6, 0.1};
        double[] badlyWrong = {0.15, 0.2, 0.4, 0.1, 0.15};
        double[] wrong = {0.05, 0.15, 0.4, 0.3, 0.1};
        double[] y = {0, 0, 0, 1, 0};
        assertRel(0.51082562376599068321, PROBS.loss(right, 3), 1e-15, "−log 0.6");
        assertRel(2.302585092994045684, PROBS.loss(badlyWrong, 3), 1e-15, "−log 0.1");
        assertRel(1.2039728043259359926, PROBS.loss(wrong, 3), 1e-15, "−log 0.3");
        assertEquals(PROBS.loss(right, 3), PROBS.loss(right, y), 0.0);
        assertTrue(PROBS.loss(right, 3) < PROBS.loss(wrong, 3));
        assertTrue(PROBS.loss(wrong, 3) < PROBS.loss(badlyWrong, 3));
    }

    @Test
    void labelsAndOneHotTargetsAgree() {
        Random r = new Random(40);
        for (int t = 0; t < 50; t++) {
            int n = 1 + r.nextInt(6);
            int c = 2 + r.nextInt(5);
            Matrix z = randomLogits(r, n, c, 20);
            int[] labels = randomLabels(r, n, c);
            Matrix oneHot = Matrix.oneHot(labels, c);
            for (CategoricalCrossEntropy ce : new CategoricalCrossEntropy[] {LOGITS,
                    LOGITS.withReduction(Reduction.SUM), LOGITS.withReduction(Reduction.NONE)}) {
                LossResult<Matrix> a = ce.evaluate(z, labels);
                LossResult<Matrix> b = ce.evaluate(z, oneHot);
                assertArrayEquals(a.losses(), b.losses(), 1e-13);
                assertEquals(a.value(), b.value(), 1e-13);
                assertArrayEquals(a.gradient().data(), b.gradient().data(), 1e-16);
            }
            Matrix p = Softmax.softmax(z);
            assertArrayEquals(PROBS.losses(p, labels), PROBS.losses(p, oneHot), 1e-13);
            assertArrayEquals(PROBS.gradient(p, labels).data(), PROBS.gradient(p, oneHot).data(), 1e-13);
            assertArrayEquals(LOGITS.losses(z, labels), PROBS.losses(p, labels), 1e-12);
        }
    }

    @Test
    void softTargets() {
        double[] z = {1, 2, 3};
        double[] y = {0.1, 0.2, 0.7};
        assertRel(0.80760596444438030448, LOGITS.loss(z, y), 1e-15, "logsumexp(z) − Σ y z");
        double[] p = Softmax.softmax(z);
        double expected = -(0.1 * Math.log(p[0]) + 0.2 * Math.log(p[1]) + 0.7 * Math.log(p[2]));
        assertRel(expected, PROBS.loss(p, y), 1e-14, "−Σ y log p");
        double[] g = LOGITS.gradient(z, y);
        double[] gp = PROBS.gradient(p, y);
        for (int j = 0; j < 3; j++) {
            assertEquals(p[j] - y[j], g[j], 2e-16, "p − y");
            assertRel(-y[j] / p[j], gp[j], 1e-15, "−y/p");
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random r = new Random(41);
        for (int t = 0; t < 40; t++) {
            int n = 1 + r.nextInt(4);
            int c = 2 + r.nextInt(4);
            Matrix z = randomLogits(r, n, c, 8);
            int[] labels = randomLabels(r, n, c);
            Matrix soft = Softmax.softmax(randomLogits(r, n, c, 4));
            for (CategoricalCrossEntropy ce : new CategoricalCrossEntropy[] {LOGITS, LOGITS.withReduction(Reduction.SUM)}) {
                Matrix gl = ce.gradient(z, labels);
                Matrix gs = ce.gradient(z, soft);
                for (int k = 0; k < n * c; k++) {
                    int kk = k;
                    double fdl = Approx.derivative(x -> ce.loss(with(z, kk, x), labels), z.data()[k]);
                    double fds = Approx.derivative(x -> ce.loss(with(z, kk, x), soft), z.data()[k]);
                    assertNear(fdl, gl.data()[k], 1e-9, "labels ∂J/∂z at " + k);
                    assertNear(fds, gs.data()[k], 1e-9, "soft ∂J/∂z at " + k);
                }
            }
        }
    }

    @Test
    void probabilityGradientMatchesFiniteDifferences() {
        // Moving one pⱼ leaves the simplex; a step of 1e-7 stays within the sum tolerance 1e-6,
        // and a plain central difference with that step is good to about 1e-7.
        Random r = new Random(42);
        for (int t = 0; t < 40; t++) {
            Matrix p = Softmax.softmax(randomLogits(r, 2, 3, 3));
            Matrix y = Softmax.softmax(randomLogits(r, 2, 3, 3));
            Matrix g = PROBS.gradient(p, y);
            double h = 1e-7;
            for (int k = 0; k < 6; k++) {
                double fd = (PROBS.loss(with(p, k, p.data()[k] + h), y)
                        - PROBS.loss(with(p, k, p.data()[k] - h), y)) / (2 * h);
                assertNear(fd, g.data()[k], 1e-6, "∂J/∂p at " + k);
            }
        }
    }

    @Test
    void reductions() {
        Matrix z = Matrix.of(new double[] {1, 2, 3}, new double[] {0, 0, 5}, new double[] {-1, 4, 0});
        int[] labels = {0, 2, 1};
        LossResult<Matrix> none = LOGITS.withReduction(Reduction.NONE).evaluate(z, labels);
        LossResult<Matrix> sum = LOGITS.withReduction(Reduction.SUM).evaluate(z, labels);
        LossResult<Matrix> mean = LOGITS.evaluate(z, labels);
        double total = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(LOGITS.loss(z.row(i), labels[i]), none.losses()[i], 1e-15);
            assertArrayEquals(LOGITS.gradient(z.row(i), labels[i]), none.gradient().row(i), 1e-16);
            total += none.losses()[i];
        }
        assertEquals(total, sum.value(), 1e-15);
        assertEquals(total, none.value(), 1e-15);
        assertEquals(total / 3, mean.value(), 1e-15);
        for (int k = 0; k < 9; k++) {
            assertEquals(sum.gradient().data()[k] / 3, mean.gradient().data()[k], 1e-16);
        }
        assertEquals(mean.value(), LOGITS.loss(z, labels));
        assertArrayEquals(mean.losses(), LOGITS.losses(z, labels));
        assertEquals(mean.gradient(), LOGITS.gradient(z, labels));
        assertEquals(Reduction.MEAN, LOGITS.reduction());
    }

    @Test
    void exactZeroProbabilityCostsInfinityUnlessEpsIsGiven() {
        double[] p = {0.0, 0.25, 0.75};
        assertEquals(INF, PROBS.loss(p, 0));
        assertEquals(Double.NEGATIVE_INFINITY, PROBS.gradient(p, 0)[0]);
        // 0·log 0 = 0: a class with no target mass costs nothing even at p = 0.
        assertRel(-Math.log(0.75), PROBS.loss(p, new double[] {0, 0, 1}), 1e-15, "0·log 0 = 0");
        assertEquals(INF, PROBS.loss(p, new double[] {0.5, 0, 0.5}));
        CategoricalCrossEntropy clamped = PROBS.withEps(1e-12);
        assertRel(27.631021115928548208, clamped.loss(p, 0), 1e-14, "−log 1e−12");
        assertEquals(0.0, clamped.gradient(p, 0)[0]);
        assertEquals(PROBS.loss(p, 2), clamped.loss(p, 2), 0.0);
        assertEquals(1e-12, clamped.eps());
        assertTrue(clamped.toString().contains("eps = 1.0E-12"));
    }

    @Test
    void logitsAtTheExtremes() {
        assertEquals(0.0, LOGITS.loss(new double[] {INF, 0}, 0));
        assertEquals(INF, LOGITS.loss(new double[] {INF, 0}, 1));
        assertEquals(INF, LOGITS.loss(new double[] {Double.NEGATIVE_INFINITY, 0}, 0));
        assertEquals(0.0, LOGITS.loss(new double[] {Double.NEGATIVE_INFINITY, 0}, 1));
        assertRel(Math.log(2), LOGITS.loss(new double[] {INF, INF, 0}, 1), 1e-15, "shared +∞");
        assertArrayEquals(new double[] {0.5, -0.5, 0}, LOGITS.gradient(new double[] {INF, INF, 0}, 1));
        assertArrayEquals(new double[] {1, -1}, LOGITS.gradient(new double[] {1000, 0}, 1));
        Approx.assertNoNaN(LOGITS.gradient(new double[] {1e4, -1e4, 0}, 2), "gradient");
        // p₀ − 1 = −e^(−40)/(1 + e^(−40)) even though p₀ rounds to 1 (mpmath value).
        assertRel(-4.2483542552915889773e-18, LOGITS.gradient(new double[] {40, 0}, 0)[0], 1e-15, "p₀ − 1");
        Matrix batch = Matrix.of(new double[] {0, 1}, new double[] {INF, 0}, new double[] {3, INF});
        double[] p = Softmax.softmax(new double[] {0, 1});
        assertArrayEquals(new double[] {(p[0] - 1) / 3, p[1] / 3, 0, 0, 0, 0},
                LOGITS.gradient(batch, new int[] {0, 0, 1}).data(), 1e-16, "rows with +∞ beside a finite row");
    }

    @Test
    void badInput() {
        Matrix z = Matrix.of(new double[] {1, 2, 3}, new double[] {0, 0, 0});
        assertRejected(() -> LOGITS.loss(z, new int[] {0, 3}), "labels[1] = 3", "3 classes", "0 to 2");
        assertRejected(() -> LOGITS.loss(z, new int[] {-1, 0}), "labels[0] = -1");
        assertRejected(() -> LOGITS.loss(z, new int[] {0, 1, 2}), "shape mismatch", "2×3", "3 labels");
        assertRejected(() -> LOGITS.loss(z, Matrix.of(new double[] {1, 0, 0})), "shape mismatch", "2×3", "1×3");
        assertRejected(() -> LOGITS.loss(z, Matrix.of(new double[] {1, 0, 0}, new double[] {0.5, 0.6, 0})),
                "targets row 1", "sums to");
        assertRejected(() -> LOGITS.loss(z, Matrix.of(new double[] {1, 0, 0}, new double[] {1.5, -0.5, 0})),
                "targets[1][0]", "1.5");
        assertRejected(() -> PROBS.loss(new double[] {0.5, 0.6}, 0), "sums to");
        assertRejected(() -> PROBS.loss(new double[] {1.2, -0.2}, 0), "p[0][0] = 1.2", "[0, 1]");
        assertRejected(() -> LOGITS.loss(new double[] {1, Double.NaN}, 0), "z[0][1]", "NaN");
        assertRejected(() -> LOGITS.loss(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, 0),
                "row 0", "−∞");
        assertRejected(() -> LOGITS.loss(new double[0], 0), "input", "empty");
        assertRejected(() -> LOGITS.loss(Matrix.of(), new int[0]), "z", "no rows");
        assertRejected(() -> LOGITS.loss(z, new int[0]), "labels", "empty");
        assertRejected(() -> LOGITS.withEps(1e-7), "eps", "logit");
        assertRejected(() -> PROBS.withEps(0.7), "eps = 0.7");
        assertRejected(() -> LOGITS.withReduction(null), "reduction");
    }

    @Test
    void badInputFoundInTheKernelIsNamedAsBeforeWhateverTheThreads() {
        // The batch kernel checks labels and logits only after a loss comes out NaN: the message
        // must still name the first bad label, and the labels before the logits.
        Random r = new Random(31);
        Matrix z = randomLogits(r, 3000, 4, 6);
        int[] labels = r.ints(3000, 0, 4).toArray();
        labels[2500] = 4;
        labels[2900] = -7;
        for (int threads : new int[] {1, 2, 3}) {
            assertRejected(() -> LOGITS.evaluate(z, labels, threads), "labels[2500] = 4", "0 to 3");
        }
        labels[2500] = 1;
        labels[2900] = 2;
        z.data()[4 * 1700 + 2] = Double.NaN;
        for (int threads : new int[] {1, 2}) {
            assertRejected(() -> LOGITS.evaluate(z, labels, threads), "z[1700][2]", "NaN");
        }
        z.data()[4 * 1700 + 2] = 0;
        Arrays.fill(z.data(), 4 * 600, 4 * 601, Double.NEGATIVE_INFINITY);
        assertRejected(() -> LOGITS.evaluate(z, labels, 2), "row 600", "−∞");
    }

    @Test
    void describesItself() {
        assertTrue(LOGITS.isFromLogits());
        assertTrue(LOGITS.toString().contains("logits"));
        assertTrue(PROBS.toString().contains("probabilities"));
        String shown = LOGITS.evaluate(Matrix.of(new double[] {1, 2}), new int[] {0}).toString();
        assertTrue(shown.contains("mean over 1 sample") && shown.contains("gradient"), shown);
    }

    private static Matrix randomLogits(Random r, int n, int c, double spread) {
        double[][] rows = new double[n][c];
        for (double[] row : rows) {
            for (int j = 0; j < c; j++) {
                row[j] = (r.nextDouble() - 0.5) * spread;
            }
        }
        return Matrix.of(rows);
    }

    private static int[] randomLabels(Random r, int n, int c) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(c);
        }
        return labels;
    }

    private static Matrix with(Matrix m, int k, double x) {
        double[] d = m.data().clone();
        d[k] = x;
        return Matrix.wrap(m.rows(), m.cols(), d);
    }
}
