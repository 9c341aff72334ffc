package org.softmaxcourse.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.testing.Approx;

/** Absolute error, hinge, negative log-likelihood and KL divergence. */
class OtherLossesTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** ŷ, y, |ŷ − y|, sign(ŷ − y); exact. */
    static Stream<Arguments> absoluteValues() {
        return Stream.of(
                Arguments.of(0.5, 0.0, 0.5, 1.0),
                Arguments.of(-3.0, 2.0, 5.0, -1.0),
                Arguments.of(1.0, 1.0, 0.0, 0.0),
                Arguments.of(1e4, -1e4, 2e4, 1.0));
    }

    @ParameterizedTest(name = "|{0} − {1}| = {2}")
    @MethodSource("absoluteValues")
    void absoluteError(double yHat, double y, double loss, double grad) {
        AbsoluteError ae = AbsoluteError.create();
        assertEquals(loss, ae.loss(yHat, y), 0.0);
        assertEquals(grad, ae.derivative(yHat, y), 0.0);
    }

    @Test
    void absoluteErrorBatchAndFiniteDifferences() {
        AbsoluteError ae = AbsoluteError.create();
        assertEquals((0.5 + 1 + 2) / 3, ae.loss(new double[] {0.5, 2, -1}, new double[] {0, 1, 1}), 2.3e-16);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, -1.0 / 3}, ae.gradient(new double[] {0.5, 2, -1},
                new double[] {0, 1, 1}), 1e-16);
        assertEquals(3.5, ae.withReduction(Reduction.SUM).loss(new double[] {0.5, 2, -1}, new double[] {0, 1, 1}));
        Random r = new Random(90);
        for (int i = 0; i < 200; i++) {
            double yHat = (r.nextDouble() - 0.5) * 10;
            double y = r.nextDouble();
            if (Math.abs(yHat - y) > 0.05) {
                assertNear(Approx.derivative(x -> ae.loss(x, y), yHat), ae.derivative(yHat, y), 1e-10, "∂|ŷ − y|");
            }
        }
        assertRejected(() -> ae.loss(INF, 0), "prediction = Infinity", "finite");
        assertRejected(() -> ae.loss(0, Double.NaN), "y is NaN");
        assertTrue(ae.toString().contains("|ŷ − y|"));
    }

    @Test
    void hinge() {
        HingeLoss h = HingeLoss.create();
        assertEquals(0.0, h.loss(2, 1));
        assertEquals(0.0, h.loss(1, 1), "exactly on the margin");
        assertEquals(0.5, h.loss(0.5, 1));
        assertEquals(3.0, h.loss(2, 0), "0 is the negative class");
        assertEquals(3.0, h.loss(2, -1), "so is −1");
        assertEquals(0.0, h.loss(-1000, 0));
        assertEquals(INF, h.loss(-INF, 1));
        assertEquals(-1.0, h.derivative(0.5, 1));
        assertEquals(1.0, h.derivative(0.5, -1));
        assertEquals(0.0, h.derivative(1, 1), "the kink takes 0");
        assertEquals(0.0, h.derivative(5, 1), "right by the margin: no push, unlike cross-entropy");
        assertEquals(1.5, h.withMargin(2).loss(0.5, 1));
        assertEquals(2.0, h.withMargin(2).margin());
        Random r = new Random(91);
        for (int i = 0; i < 200; i++) {
            double z = (r.nextDouble() - 0.5) * 6;
            double y = r.nextBoolean() ? 1 : 0;
            if (Math.abs(Math.abs(z) - 1) > 0.05) {
                assertNear(Approx.derivative(x -> h.loss(x, y), z), h.derivative(z, y), 1e-10, "∂hinge");
            }
        }
        assertRejected(() -> h.loss(0.5, 0.5), "y = 0.5", "not a label for the hinge loss");
        assertRejected(() -> h.loss(new double[] {1, 2}, new double[] {1, 2}), "y[1] = 2.0");
        assertRejected(() -> h.loss(Double.NaN, 1), "z is NaN");
        assertRejected(() -> h.withMargin(-1), "margin = -1.0");
        assertTrue(h.toString().contains("max(0, 1 − t·z)"));
    }

    @Test
    void negativeLogLikelihoodAfterLogSoftmaxIsCrossEntropy() {
        Random r = new Random(92);
        for (int t = 0; t < 30; t++) {
            int n = 1 + r.nextInt(5);
            int c = 2 + r.nextInt(4);
            double[][] rows = new double[n][c];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < c; j++) {
                    rows[i][j] = (r.nextDouble() - 0.5) * 10;
                }
                labels[i] = r.nextInt(c);
            }
            Matrix z = Matrix.of(rows);
            Matrix logP = Softmax.logSoftmax(z);
            double[] w = new double[c];
            for (int j = 0; j < c; j++) {
                w[j] = 0.5 + r.nextDouble();
            }
            assertEquals(CategoricalCrossEntropy.fromLogits().loss(z, labels),
                    NegativeLogLikelihood.create().loss(logP, labels), 1e-13);
            assertEquals(CategoricalCrossEntropy.fromLogits().withClassWeights(w).loss(z, labels),
                    NegativeLogLikelihood.create().withClassWeights(w).loss(logP, labels), 1e-13);
        }
    }

    @Test
    void negativeLogLikelihoodValuesAndGradient() {
        Matrix logP = Matrix.of(new double[] {Math.log(0.2), Math.log(0.8)}, new double[] {Math.log(0.5), Math.log(0.5)},
                new double[] {Math.log(0.9), Math.log(0.1)});
        int[] labels = {1, 0, -100};
        NegativeLogLikelihood nll = NegativeLogLikelihood.create().withClassWeights(2, 1).withIgnoreIndex(-100);
        LossResult<Matrix> r = nll.evaluate(logP, labels);
        assertArrayEquals(new double[] {-Math.log(0.8), -2 * Math.log(0.5), 0}, r.losses(), 1e-15);
        // PyTorch's weighted mean: divide by w₁ + w₀ = 1 + 2.
        assertEquals((-Math.log(0.8) - 2 * Math.log(0.5)) / 3, r.value(), 1e-15);
        assertArrayEquals(new double[] {0, -1.0 / 3, -2.0 / 3, 0, 0, 0}, r.gradient().data(), 1e-16);
        assertEquals(-Math.log(0.8), NegativeLogLikelihood.create().loss(new double[] {Math.log(0.2), Math.log(0.8)}, 1),
                1e-15);
        assertEquals(INF, NegativeLogLikelihood.create().loss(new double[] {Double.NEGATIVE_INFINITY, 0}, 0));
        assertEquals(-100, nll.ignoreIndex().getAsInt());
        assertTrue(nll.toString().contains("ignored label -100"));
        assertRejected(() -> nll.loss(Matrix.of(new double[] {0.5, -1}), new int[] {0}), "logP[0][0] = 0.5",
                "log-probability");
        assertRejected(() -> nll.loss(Matrix.of(new double[] {Double.NaN, -1}), new int[] {0}), "logP[0][0] = NaN");
        assertRejected(() -> nll.loss(logP, new int[] {1, 2, 0}), "labels[1] = 2");
        assertRejected(() -> nll.loss(logP, new int[] {1, 0}), "shape mismatch", "3×2", "2 labels");
        assertRejected(() -> nll.loss(logP, new int[] {-100, -100, -100}), "mean is over no weight");
        assertRejected(() -> NegativeLogLikelihood.create().withClassWeights(1, 2, 3).loss(logP, new int[] {0, 0, 0}),
                "classWeights has 3", "3×2");
        assertEquals(0.0, nll.withReduction(Reduction.SUM).loss(logP, new int[] {-100, -100, -100}));
    }

    @Test
    void klDivergenceKnownValueAndRelationToCrossEntropy() {
        double[] p = {0.2, 0.3, 0.5};
        double[] z = {1, 2, 3};
        // mpmath: Σ p (log p − log softmax(z)).
        assertRel(0.077952950379806777067, KlDivergenceLoss.fromLogits().loss(z, p), 1e-14, "KL(p‖softmax z)");
        assertRel(0.077952950379806777067, KlDivergenceLoss.fromLogProbabilities().loss(Softmax.logSoftmax(z), p),
                1e-14, "KL from log q");
        double entropy = -(0.2 * Math.log(0.2) + 0.3 * Math.log(0.3) + 0.5 * Math.log(0.5));
        assertEquals(CategoricalCrossEntropy.fromLogits().loss(z, p) - entropy,
                KlDivergenceLoss.fromLogits().loss(z, p), 1e-15, "KL = H(p, q) − H(p)");
        assertArrayEquals(CategoricalCrossEntropy.fromLogits().gradient(z, p),
                KlDivergenceLoss.fromLogits().gradient(z, p), 1e-16, "same gradient q − p");
        assertArrayEquals(new double[] {-0.2, -0.3, -0.5},
                KlDivergenceLoss.fromLogProbabilities().gradient(Softmax.logSoftmax(z), p), 0.0);
    }

    @Test
    void klDivergenceBatchReductionsAndEdges() {
        Matrix z = Matrix.of(new double[] {1, 2, 3}, new double[] {0, 0, 0}, new double[] {5, -5, 0});
        Matrix p = Matrix.of(new double[] {0.2, 0.3, 0.5}, new double[] {1, 0, 0}, new double[] {0, 0.5, 0.5});
        KlDivergenceLoss kl = KlDivergenceLoss.fromLogits();
        LossResult<Matrix> mean = kl.evaluate(z, p);
        LossResult<Matrix> sum = kl.withReduction(Reduction.SUM).evaluate(z, p);
        assertEquals(sum.value() / 3, mean.value(), 1e-15, "MEAN is PyTorch's batchmean");
        assertEquals(Math.log(3), mean.losses()[1], 1e-15, "one-hot against uniform: log C");
        for (int k = 0; k < 9; k++) {
            int kk = k;
            double fd = Approx.derivative(x -> {
                double[] d = z.data().clone();
                d[kk] = x;
                return kl.loss(Matrix.wrap(3, 3, d), p);
            }, z.data()[k]);
            assertNear(fd, mean.gradient().data()[k], 1e-9, "∂KL/∂z at " + k);
        }
        // 0·log 0 = 0 and +∞ where q has a zero that p does not.
        assertEquals(0.0, KlDivergenceLoss.fromLogProbabilities().loss(new double[] {0, Double.NEGATIVE_INFINITY},
                new double[] {1, 0}));
        assertEquals(INF, KlDivergenceLoss.fromLogProbabilities().loss(new double[] {0, Double.NEGATIVE_INFINITY},
                new double[] {0.5, 0.5}));
        assertRejected(() -> kl.loss(z, Matrix.of(new double[] {0.5, 0.6, 0})), "shape mismatch", "3×3", "1×3");
        assertRejected(() -> kl.loss(new double[] {1, 2}, new double[] {0.5, 0.6}), "targets", "sums to");
        assertRejected(() -> KlDivergenceLoss.fromLogProbabilities().loss(new double[] {0.1, -1}, new double[] {0.5, 0.5}),
                "logQ[0][0] = 0.1", "log-probability");
        assertRejected(() -> kl.loss(new double[] {Double.NaN, 1}, new double[] {0.5, 0.5}), "z[0][0] is NaN");
        assertRejected(() -> kl.loss(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                new double[] {0.5, 0.5}), "z row 0", "−∞");
        assertRejected(() -> kl.withReduction(null), "reduction is null");
        assertEquals("KlDivergenceLoss(from logits, reduction MEAN)", kl.toString());
    }
}
