package org.softmaxcourse.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.loss.LossResult;
import org.softmaxcourse.numeric.Matrix;

/** The multi-threaded batch kernels and the fused BCE loop give bit for bit the plain results. */
class BatchKernelsTest {
    private static Matrix logits(int n, int c, long seed) {
        Random r = new Random(seed);
        double[] z = new double[n * c];
        for (int i = 0; i < z.length; i++) {
            z[i] = r.nextGaussian() * 5;
        }
        z[3] = Double.NEGATIVE_INFINITY;
        z[c + 1] = 800;
        return Matrix.wrap(n, c, z);
    }

    @Test
    void softmaxRowsMatchesTheSingleThreadedSoftmaxBitForBit() {
        Matrix z = logits(1001, 7, 1);
        for (int threads : new int[] {1, 2, 3, 8}) {
            assertArrayEquals(Softmax.softmax(z).data(), Softmax.softmaxRows(z, threads).data());
            assertArrayEquals(Softmax.logSoftmax(z).data(), Softmax.logSoftmaxRows(z, threads).data());
        }
    }

    @Test
    void crossEntropyWithThreadsMatchesBitForBit() {
        Matrix z = logits(999, 5, 2);
        int[] labels = new Random(3).ints(999, 0, 5).toArray();
        CategoricalCrossEntropy ce = CategoricalCrossEntropy.fromLogits();
        LossResult<Matrix> one = ce.evaluate(z, labels);
        for (int threads : new int[] {1, 2, 5}) {
            LossResult<Matrix> many = ce.evaluate(z, labels, threads);
            assertEquals(one.value(), many.value());
            assertArrayEquals(one.losses(), many.losses());
            assertArrayEquals(one.gradient().data(), many.gradient().data());
        }
    }

    @Test
    void fusedBinaryCrossEntropyIsLossAtAndDerivativeAtBitForBit() {
        Random r = new Random(4);
        int n = 2000;
        double[] z = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian() * Math.pow(10, r.nextInt(6) - 2);
            y[i] = i % 3 == 0 ? r.nextDouble() : i % 3 - 1;
        }
        z[0] = 0.0;
        z[1] = -0.0;
        z[2] = Double.POSITIVE_INFINITY;
        z[4] = Double.NEGATIVE_INFINITY;
        BinaryCrossEntropy bce = BinaryCrossEntropy.fromLogits();
        LossResult<double[]> fused = bce.evaluate(z, y);
        double scale = 1.0 / n;
        for (int i = 0; i < n; i++) {
            assertEquals(bce.loss(z[i], y[i]), fused.losses()[i], "loss at " + z[i] + ", y = " + y[i]);
            assertEquals(scale * bce.derivative(z[i], y[i]), fused.gradient()[i], "gradient at " + z[i]);
        }
        LossResult<double[]> two = bce.evaluate(z, y, 2);
        assertArrayEquals(fused.losses(), two.losses());
        assertArrayEquals(fused.gradient(), two.gradient());
        assertEquals(fused.value(), two.value());
    }

    @Test
    void threadedBinaryCrossEntropyNamesTheFirstBadElement() {
        int n = 5000;
        double[] z = new Random(5).doubles(n, -4, 4).toArray();
        double[] y = new double[n];
        y[4000] = 1.5;
        z[3000] = Double.NaN;
        BinaryCrossEntropy bce = BinaryCrossEntropy.fromLogits();
        for (int threads : new int[] {1, 2, 4}) {
            assertRejected(() -> bce.evaluate(z, y, threads), "z[3000]", "NaN");
        }
        z[3000] = 0;
        for (int threads : new int[] {1, 2}) {
            assertRejected(() -> bce.evaluate(z, y, threads), "y[4000] = 1.5");
        }
    }
}
