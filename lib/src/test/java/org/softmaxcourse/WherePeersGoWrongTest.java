package org.softmaxcourse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.Gelu;
import org.softmaxcourse.activation.LogSigmoid;
import org.softmaxcourse.activation.Mish;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.activation.Softplus;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.numeric.Matrix;

/**
 * The list "Where peers go wrong" of issue 3, one assertion per measured failure of another
 * library, in one place. Exact values from mpmath (40 digits).
 */
class WherePeersGoWrongTest {

    @Test
    void djlMishUsesLog2() {
        // DJL 0.33: 0.9558. ln, not log₂: 0.86509838826731034612.
        assertEquals(0.86509838826731034612, Mish.INSTANCE.value(1), 1.2e-16);
    }

    @Test
    void nd4jPreciseGeluCubesTheCoefficient() {
        // ND4J: (0.044715·x)³ gives 0.8314; exact GELU(1) = Φ(1) = 0.84134474606854294859.
        assertEquals(0.84134474606854294859, Gelu.EXACT.value(1), 2.3e-16);
    }

    @Test
    void nd4jLogSigmoidUnderflows() {
        assertEquals(-800.0, LogSigmoid.INSTANCE.value(-800), 0.0);
    }

    @Test
    void nd4jSoftplusOverflows() {
        assertEquals(1000.0, Softplus.INSTANCE.value(1000), 0.0);
    }

    @Test
    void nd4jLogSoftmaxUnderflows() {
        assertArrayEquals(new double[] {0, -1000}, Softmax.logSoftmax(new double[] {1000, 0}), 0.0);
    }

    @Test
    void nd4jLogSumExpOfMinusInfinities() {
        assertEquals(Double.NEGATIVE_INFINITY, Softmax.logSumExp(new double[] {Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY}));
    }

    @Test
    void pytorchSoftplusThreshold() {
        // PyTorch returns x for x > 20: 21.0. Exact: 21.000000000758256.
        assertEquals(21.000000000758256, Softplus.INSTANCE.value(21), 0.0);
    }

    @Test
    void pytorchAndSklearnClampTheLog() {
        // PyTorch BCELoss: 100 (log clamped at −100); sklearn log_loss: 36.04 (eps clipping).
        assertEquals(Double.POSITIVE_INFINITY, BinaryCrossEntropy.fromProbabilities().loss(0.0, 1.0));
        // Clamping is available, explicitly: −log(1e−15) = 34.538776394910684.
        assertEquals(34.538776394910684, BinaryCrossEntropy.fromProbabilities().withEps(1e-15).loss(0.0, 1.0), 1e-14);
    }

    @Test
    void weightedMeansAndSmoothingFollowPyTorch() {
        Matrix z = Matrix.of(new double[] {1, 2, 3}, new double[] {0, 0, 5});
        // Integer labels with class weights: divide by Σ w_{yₙ}, not by N.
        CategoricalCrossEntropy weighted = CategoricalCrossEntropy.fromLogits().withClassWeights(1, 2, 4);
        double[] plain = CategoricalCrossEntropy.fromLogits().withReduction(
                org.softmaxcourse.loss.Reduction.NONE).losses(z, new int[] {0, 2});
        assertEquals((1 * plain[0] + 4 * plain[1]) / (1 + 4), weighted.loss(z, new int[] {0, 2}), 1e-15);
        // Probability targets with class weights: divide by N.
        assertEquals((1 * plain[0] + 4 * plain[1]) / 2, weighted.loss(z, Matrix.oneHot(new int[] {0, 2}, 3)), 1e-15);
        // Smoothing mixes ε/C into the target.
        double eps = 0.3;
        double[] logP = Softmax.logSoftmax(new double[] {1, 2, 3});
        double expected = -((1 - eps + eps / 3) * logP[0] + eps / 3 * logP[1] + eps / 3 * logP[2]);
        assertEquals(expected, CategoricalCrossEntropy.fromLogits().withLabelSmoothing(eps).loss(new double[] {1, 2, 3}, 0),
                1e-15);
    }
}
