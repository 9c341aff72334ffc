package org.softmaxcourse.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Approx.assertNear;
import static org.softmaxcourse.testing.Approx.assertRel;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.testing.Approx;

/**
 * Class weights, label smoothing, the ignored label (categorical) and per-sample and positive-class
 * weights (binary), each against PyTorch's definitions as its documentation states them.
 */
class WeightedCrossEntropyTest {
    private static final Matrix Z = Matrix.of(new double[] {1, 2, 3}, new double[] {0, 0, 5},
            new double[] {-1, 4, 0}, new double[] {2, 2, 2});
    private static final double[] W = {1, 2, 0.5};
    private static final CategoricalCrossEntropy CE = CategoricalCrossEntropy.fromLogits();

    @Test
    void labelsWithWeightsSmoothingAndIgnoreIndexKnownValues() {
        // mpmath, 40 digits, PyTorch's formula: ℓₙ = (1 − ε)·nllₙ + (ε/C)·Σ_c w_c(−log p_c),
        // mean = Σ ℓₙ / Σ w_{yₙ} over the samples not ignored.
        CategoricalCrossEntropy ce = CE.withClassWeights(W).withLabelSmoothing(0.1).withIgnoreIndex(-100);
        int[] labels = {0, 2, 1, -100};
        LossResult<Matrix> r = ce.evaluate(Z, labels);
        double[] expected = {2.3477327305184533096, 0.5075853443088210446, 0.2807610394327434129, 0};
        for (int i = 0; i < 4; i++) {
            assertRel(expected[i], r.losses()[i], 1e-15, "ℓ" + i);
        }
        assertRel(0.89602260407429079059, r.value(), 1e-15, "weighted mean");
        assertRel(3.1360791142600177671, ce.withReduction(Reduction.SUM).loss(Z, labels), 1e-15, "sum");
        assertArrayEquals(new double[3], r.gradient().row(3), 0.0, "the ignored sample gets no gradient");
    }

    @Test
    void softTargetsWithWeightsAndSmoothingKnownValues() {
        // mpmath: y′ = (1 − ε)y + ε/C, ℓₙ = −Σ_c w_c y′_c log p_c, mean divides by N.
        double third = 1.0 / 3;
        Matrix t = Matrix.of(new double[] {0.2, 0.3, 0.5}, new double[] {0, 0, 1}, new double[] {0.6, 0.4, 0},
                new double[] {third, third, third});
        LossResult<Matrix> r = CE.withClassWeights(W).withLabelSmoothing(0.1).evaluate(Z, t);
        double[] expected = {1.4660749989184504192, 0.5075853443088210446, 2.9673987987577790824, 1.2817143367794612426};
        for (int i = 0; i < 4; i++) {
            assertRel(expected[i], r.losses()[i], 1e-15, "ℓ" + i);
        }
        assertRel(1.5556933696911279472, r.value(), 1e-15, "mean over N");
    }

    /** PyTorch's definition, transcribed loop by loop (independent of the library's coefficient form). */
    private static double[] reference(Matrix z, int[] labels, double[] w, double eps, Integer ignore) {
        int c = z.cols();
        double[] out = new double[z.rows() + 1];
        double denominator = 0;
        for (int i = 0; i < z.rows(); i++) {
            if (ignore != null && labels[i] == ignore) {
                continue;
            }
            double[] logP = Softmax.logSoftmax(z.row(i));
            double nll = -w[labels[i]] * logP[labels[i]];
            double smooth = 0;
            for (int j = 0; j < c; j++) {
                smooth -= w[j] * logP[j];
            }
            out[i] = (1 - eps) * nll + eps / c * smooth;
            out[z.rows()] += out[i];
            denominator += w[labels[i]];
        }
        out[z.rows()] /= denominator;
        return out;
    }

    @Test
    void randomBatchesAgreeWithTheReferenceAndWithFiniteDifferences() {
        Random r = new Random(80);
        for (int t = 0; t < 60; t++) {
            int n = 1 + r.nextInt(5);
            int c = 2 + r.nextInt(4);
            double[][] rows = new double[n][c];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < c; j++) {
                    rows[i][j] = (r.nextDouble() - 0.5) * 10;
                }
                labels[i] = r.nextInt(c + 1) == c ? -1 : r.nextInt(c);
            }
            labels[0] = r.nextInt(c);
            double[] w = new double[c];
            for (int j = 0; j < c; j++) {
                w[j] = 0.1 + 2 * r.nextDouble();
            }
            double eps = r.nextBoolean() ? 0 : r.nextDouble() * 0.3;
            Matrix z = Matrix.of(rows);
            CategoricalCrossEntropy ce = CE.withClassWeights(w).withLabelSmoothing(eps).withIgnoreIndex(-1);
            LossResult<Matrix> got = ce.evaluate(z, labels);
            double[] ref = reference(z, labels, w, eps, -1);
            for (int i = 0; i < n; i++) {
                assertNear(ref[i], got.losses()[i], 1e-13, "ℓ" + i);
            }
            assertNear(ref[n], got.value(), 1e-13, "mean");
            for (int k = 0; k < n * c; k++) {
                int kk = k;
                double fd = Approx.derivative(x -> ce.loss(with(z, kk, x), labels), z.data()[k]);
                assertNear(fd, got.gradient().data()[k], 1e-9, "∂J/∂z at " + k);
            }
        }
    }

    @Test
    void defaultsChangeNothing() {
        int[] labels = {0, 2, 1, 1};
        Matrix oneHot = Matrix.oneHot(labels, 3);
        CategoricalCrossEntropy neutral = CE.withClassWeights(1, 1, 1).withLabelSmoothing(0).withIgnoreIndex(-100);
        assertEquals(CE.loss(Z, labels), neutral.loss(Z, labels), 1e-15);
        assertArrayEquals(CE.gradient(Z, labels).data(), neutral.gradient(Z, labels).data(), 1e-16);
        assertEquals(CE.loss(Z, oneHot), neutral.loss(Z, oneHot), 1e-15);
    }

    @Test
    void smoothingOfLabelsEqualsSmoothedTargetsWithoutWeights() {
        // Without class weights the two PyTorch definitions agree: (1 − ε)·e_k + ε/C as a target row.
        int[] labels = {0, 2, 1, 1};
        double eps = 0.2;
        Matrix smoothed = Matrix.oneHot(labels, 3);
        for (int k = 0; k < smoothed.data().length; k++) {
            smoothed.data()[k] = (1 - eps) * smoothed.data()[k] + eps / 3;
        }
        CategoricalCrossEntropy ce = CE.withLabelSmoothing(eps);
        assertEquals(CE.loss(Z, smoothed), ce.loss(Z, labels), 1e-14);
        assertEquals(ce.loss(Z, Matrix.oneHot(labels, 3)), ce.loss(Z, labels), 1e-14);
        assertArrayEquals(CE.gradient(Z, smoothed).data(), ce.gradient(Z, labels).data(), 1e-15);
    }

    @Test
    void probabilityFormTakesTheSameOptions() {
        int[] labels = {0, 2, 1, 1};
        CategoricalCrossEntropy logits = CE.withClassWeights(W).withLabelSmoothing(0.1);
        CategoricalCrossEntropy probs = CategoricalCrossEntropy.fromProbabilities().withClassWeights(W)
                .withLabelSmoothing(0.1);
        Matrix p = Softmax.softmax(Z);
        assertEquals(logits.loss(Z, labels), probs.loss(p, labels), 1e-13);
        // Chain rule through softmax: ∂J/∂z = Jacobianᵀ·∂J/∂p, row by row.
        Matrix gp = probs.gradient(p, labels);
        Matrix gz = logits.gradient(Z, labels);
        for (int i = 0; i < Z.rows(); i++) {
            assertArrayEquals(gz.row(i), Softmax.backward(Z.row(i), gp.row(i)), 1e-13);
        }
    }

    @Test
    void zeroWeightedClassesAndTheEmptyMean() {
        CategoricalCrossEntropy ce = CE.withClassWeights(0, 1, 1);
        assertEquals(0.0, ce.withReduction(Reduction.NONE).losses(Z, new int[] {0, 1, 2, 0})[0]);
        assertRejected(() -> ce.loss(Z, new int[] {0, 0, 0, 0}), "mean is over no weight", "Reduction.SUM");
        assertEquals(0.0, ce.withReduction(Reduction.SUM).loss(Z, new int[] {0, 0, 0, 0}));
        CategoricalCrossEntropy ignoring = CE.withIgnoreIndex(7);
        assertRejected(() -> ignoring.loss(Z, new int[] {7, 7, 7, 7}), "ignored label 7");
        assertEquals(0.0, ignoring.withReduction(Reduction.SUM).loss(Z, new int[] {7, 7, 7, 7}));
    }

    @Test
    void optionChecks() {
        assertRejected(() -> CE.withClassWeights(1, -2, 1), "classWeights[1] = -2.0");
        assertRejected(() -> CE.withClassWeights(1, Double.NaN), "classWeights[1] = NaN");
        assertRejected(() -> CE.withClassWeights(), "classWeights is empty");
        assertRejected(() -> CE.withLabelSmoothing(1.5), "labelSmoothing = 1.5");
        assertRejected(() -> CE.withClassWeights(1, 2).loss(Z, new int[] {0, 1, 1, 0}),
                "shape mismatch", "classWeights has 2", "4×3");
        assertRejected(() -> CE.withIgnoreIndex(-100).loss(Z, new int[] {0, 3, 1, 0}),
                "labels[1] = 3", "0 to 2", "-100, the ignored label");
        CategoricalCrossEntropy ce = CE.withClassWeights(W).withLabelSmoothing(0.1).withIgnoreIndex(-100);
        assertEquals("CategoricalCrossEntropy(from logits, class weights [1.0, 2.0, 0.5], label smoothing 0.1, "
                + "ignored label -100, reduction MEAN)", ce.toString());
        assertArrayEquals(W, ce.classWeights());
        assertNull(CE.classWeights());
        assertEquals(0.1, ce.labelSmoothing());
        assertEquals(-100, ce.ignoreIndex().getAsInt());
        assertTrue(CE.ignoreIndex().isEmpty());
    }

    // ---- binary ---------------------------------------------------------------------------

    @Test
    void binaryPerSampleAndPositiveClassWeights() {
        // mpmath: ℓᵢ = wᵢ[P·yᵢ·softplus(−zᵢ) + (1 − yᵢ)·softplus(zᵢ)], mean over N = 3.
        BinaryCrossEntropy bce = BinaryCrossEntropy.fromLogits().withPosWeight(3);
        double[] z = {-2, 0.5, 3};
        double[] y = {1, 0, 1};
        double[] w = {1, 2, 0.5};
        LossResult<double[]> r = bce.evaluate(z, y, w);
        double[] expected = {6.3807840331289174893, 1.9481539683602133617, 0.072881027360613088138};
        for (int i = 0; i < 3; i++) {
            assertRel(expected[i], r.losses()[i], 1e-15, "ℓ" + i);
        }
        assertRel(2.8006063429499146464, r.value(), 1e-15, "mean over N");
        assertEquals(r.value(), bce.loss(z, y, w));
        for (int i = 0; i < 3; i++) {
            int ii = i;
            double fd = Approx.derivative(x -> bce.loss(with(z, ii, x), y, w), z[i]);
            assertNear(fd, r.gradient()[i], 1e-10, "∂J/∂z" + i);
        }
        assertEquals(3.0, bce.posWeight());
        assertTrue(bce.toString().contains("posWeight = 3.0"));
    }

    @Test
    void positiveClassWeightOnProbabilitiesMatchesLogits() {
        Random r = new Random(81);
        BinaryCrossEntropy logits = BinaryCrossEntropy.fromLogits().withPosWeight(2.5);
        BinaryCrossEntropy probs = BinaryCrossEntropy.fromProbabilities().withPosWeight(2.5);
        for (int i = 0; i < 500; i++) {
            double z = (r.nextDouble() - 0.5) * 12;
            double y = r.nextDouble();
            double p = org.softmaxcourse.activation.Sigmoid.sigmoid(z);
            assertNear(probs.loss(p, y), logits.loss(z, y), 1e-12, "ℓ at z = " + z);
            assertNear(Approx.derivative(x -> logits.loss(x, y), z), logits.derivative(z, y), 1e-9, "∂ℓ/∂z");
            // The difference step is 1e-3: keep p well inside (0, 1) for it.
            double q = 0.1 + 0.8 * r.nextDouble();
            assertNear(Approx.derivative(x -> probs.loss(x, y), q), probs.derivative(q, y), 1e-8, "∂ℓ/∂p");
        }
        assertEquals(0.0, BinaryCrossEntropy.fromLogits().withPosWeight(0).loss(-1000, 1));
    }

    @Test
    void zeroWeightSilencesAnInfiniteLoss() {
        BinaryCrossEntropy probs = BinaryCrossEntropy.fromProbabilities();
        LossResult<double[]> r = probs.evaluate(new double[] {0.0, 0.5}, new double[] {1, 1}, new double[] {0, 1});
        assertEquals(0.0, r.losses()[0]);
        assertEquals(0.0, r.gradient()[0]);
        assertEquals(Math.log(2) / 2, r.value(), 1e-16);
    }

    @Test
    void binaryWeightChecks() {
        BinaryCrossEntropy bce = BinaryCrossEntropy.fromLogits();
        assertRejected(() -> bce.withPosWeight(-1), "posWeight = -1.0");
        assertRejected(() -> bce.evaluate(new double[] {1, 2}, new double[] {0, 1}, new double[] {1}),
                "shape mismatch", "z has 2", "weights has 1");
        assertRejected(() -> bce.evaluate(new double[] {1, 2}, new double[] {0, 1}, new double[] {1, -0.5}),
                "weights[1] = -0.5");
        assertRejected(() -> bce.evaluate(new double[] {1}, new double[] {0}, new double[] {Double.POSITIVE_INFINITY}),
                "weights[0] = Infinity");
        assertRejected(() -> bce.evaluate(new double[] {1}, new double[] {0}, null), "weights is null");
    }

    private static Matrix with(Matrix m, int k, double x) {
        double[] d = m.data().clone();
        d[k] = x;
        return Matrix.wrap(m.rows(), m.cols(), d);
    }

    private static double[] with(double[] v, int k, double x) {
        double[] d = v.clone();
        d[k] = x;
        return d;
    }
}
