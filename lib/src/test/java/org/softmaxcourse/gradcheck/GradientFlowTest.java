package org.softmaxcourse.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.softmaxcourse.activation.Activation;
import org.softmaxcourse.activation.Relu;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Tanh;

class GradientFlowTest {

    /** f(W) = (1/m) Σ r ⊙ h_L, recomputed from scratch with layer {@code layer}'s entry {@code k} moved by {@code dw}. */
    private static double objective(Activation g, int layers, int n, int m, double gain, long seed, int layer, int k,
                                    double dw) {
        Random random = new Random(seed);
        double[] h = new double[m * n];
        for (int i = 0; i < h.length; i++) {
            h[i] = random.nextGaussian();
        }
        for (int l = 1; l <= layers; l++) {
            double[] w = new double[n * n];
            for (int i = 0; i < w.length; i++) {
                w[i] = gain / Math.sqrt(n) * random.nextGaussian();
            }
            if (l == layer) {
                w[k] += dw;
            }
            double[] next = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < n; p++) {
                        s += h[i * n + p] * w[p * n + j];
                    }
                    next[i * n + j] = g.value(s);
                }
            }
            h = next;
        }
        double f = 0;
        for (double v : h) {
            f += random.nextGaussian() * v;
        }
        return f / m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh"})
    void gradientNormsMatchCentralDifferencesOfTheStack(String name) {
        Activation g = name.equals("sigmoid") ? Sigmoid.INSTANCE : Tanh.INSTANCE;
        int layers = 3, n = 4, m = 5;
        long seed = 11;
        GradientFlow flow = GradientFlow.atInitialisation(g, layers, n, m, 1.0, seed);
        double h = 1e-6;
        for (int l = 1; l <= layers; l++) {
            double s = 0;
            for (int k = 0; k < n * n; k++) {
                double d = (objective(g, layers, n, m, 1.0, seed, l, k, h) - objective(g, layers, n, m, 1.0, seed, l, k, -h))
                        / (2 * h);
                s += d * d;
            }
            assertEquals(Math.sqrt(s), flow.gradientNorms()[l - 1], 1e-7 * Math.max(1, Math.sqrt(s)), "layer " + l);
        }
    }

    @Test
    void sigmoidGradientsVanishTanhShrinkReluWithHeGainKeeps() {
        GradientFlow sigmoid = GradientFlow.atInitialisation(Sigmoid.INSTANCE, 10, 64, 32, 1.0, 1);
        GradientFlow tanh = GradientFlow.atInitialisation(Tanh.INSTANCE, 10, 64, 32, 1.0, 1);
        GradientFlow relu = GradientFlow.atInitialisation(Relu.INSTANCE, 10, 64, 32, Math.sqrt(2), 1);
        assertTrue(sigmoid.firstOverLast() < 1e-4, sigmoid.toString());
        assertTrue(tanh.firstOverLast() > sigmoid.firstOverLast() * 100, tanh + " vs " + sigmoid);
        assertTrue(relu.firstOverLast() > 0.1 && relu.firstOverLast() < 10, relu.toString());
        assertEquals(0.5, sigmoid.meanOutputs()[0], 0.02);
        assertEquals(1.0, sigmoid.positiveOutputShare()[0]);
        assertEquals(0.0, tanh.meanOutputs()[0], 0.05);
        assertEquals(0.0, relu.deadUnitShare()[0]);
        assertEquals(10, relu.layers());
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> GradientFlow.atInitialisation(null, 1, 1, 1, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientFlow.atInitialisation(Relu.INSTANCE, 0, 4, 4, 1, 1));
        assertTrue(e.getMessage().contains("layers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientFlow.atInitialisation(Relu.INSTANCE, 2, 4, 4, 0, 1));
    }
}
