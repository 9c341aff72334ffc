package org.softmaxcourse.gradcheck;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.softmaxcourse.activation.Activation;

/**
 * How much gradient each layer of a deep stack receives at initialisation, for one hidden
 * activation g:
 *
 * <pre>
 *   h₀ = x,   zₗ = hₗ₋₁Wₗ,   hₗ = g(zₗ)   (l = 1 … L, every layer n × n, no biases),
 *   Wₗ entries ~ N(0, gain² / n),   x: m rows of N(0, 1) inputs,
 *   δ_L = r ⊙ g′(z_L)  (r: a fixed random N(0, 1) direction standing in for ∂loss/∂h_L),
 *   ∂/∂Wₗ = hₗ₋₁ᵀ δₗ / m,   δₗ₋₁ = (δₗ Wₗᵀ) ⊙ g′(zₗ₋₁).
 * </pre>
 *
 * <p>Backpropagation multiplies one factor g′(z) per layer: below 1/4 for the sigmoid, at most 1
 * for tanh, exactly 0 or 1 for ReLU. {@link #gradientNorms()} shows the product, layer by layer
 * (Frobenius norm of ∂/∂Wₗ). The same seed gives the same inputs, weights and direction for every
 * activation, so runs differ only in g (and in the gain the caller picks: 1 is Xavier/Glorot's
 * N(0, 1/n), √2 is He's N(0, 2/n) for ReLU). Instances are immutable.
 */
public final class GradientFlow {
    private final String activation;
    private final double gain;
    private final double[] gradientNorms;
    private final double[] meanOutputs;
    private final double[] positiveOutputShare;
    private final double[] deadUnitShare;

    private GradientFlow(String activation, double gain, double[] gradientNorms, double[] meanOutputs,
                         double[] positiveOutputShare, double[] deadUnitShare) {
        this.activation = activation;
        this.gain = gain;
        this.gradientNorms = gradientNorms;
        this.meanOutputs = meanOutputs;
        this.positiveOutputShare = positiveOutputShare;
        this.deadUnitShare = deadUnitShare;
    }

    /**
     * Runs the stack forward and backward once.
     *
     * @param g      the hidden activation
     * @param layers L ≥ 1
     * @param width  n ≥ 1, the inputs and every layer
     * @param batch  m ≥ 1 input rows
     * @param gain   weight scale, &gt; 0: entries have standard deviation gain / √n
     * @param seed   inputs, weights and the top gradient direction
     * @return the gradient norms and output statistics of every layer
     * @throws IllegalArgumentException when g is null, a size is below 1 or the gain is not positive and finite
     */
    public static GradientFlow atInitialisation(Activation g, int layers, int width, int batch, double gain, long seed) {
        if (g == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        positive("layers", layers);
        positive("width", width);
        positive("batch", batch);
        if (!(gain > 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException("gain must be positive and finite, not " + gain);
        }
        Random random = new Random(seed);
        int n = width;
        double[][] h = new double[layers + 1][];
        double[][] z = new double[layers + 1][];
        double[][] w = new double[layers + 1][];
        h[0] = gaussian(random, batch * n, 1);
        double std = gain / Math.sqrt(n);
        for (int l = 1; l <= layers; l++) {
            w[l] = gaussian(random, n * n, std);
            z[l] = multiply(h[l - 1], batch, n, w[l], n);
            h[l] = new double[z[l].length];
            for (int i = 0; i < z[l].length; i++) {
                h[l][i] = g.value(z[l][i]);
            }
        }
        double[] delta = gaussian(random, batch * n, 1);
        double[] norms = new double[layers];
        for (int l = layers; l >= 1; l--) {
            for (int i = 0; i < delta.length; i++) {
                delta[i] *= g.derivative(z[l][i]);
            }
            norms[l - 1] = weightGradientNorm(h[l - 1], delta, batch, n);
            if (l > 1) {
                delta = multiplyTransposed(delta, batch, n, w[l]);
            }
        }
        double[] mean = new double[layers];
        double[] positiveShare = new double[layers];
        double[] dead = new double[layers];
        for (int l = 1; l <= layers; l++) {
            double sum = 0;
            int positives = 0;
            for (double v : h[l]) {
                sum += v;
                if (v > 0) {
                    positives++;
                }
            }
            mean[l - 1] = sum / h[l].length;
            positiveShare[l - 1] = (double) positives / h[l].length;
            int deadUnits = 0;
            for (int j = 0; j < n; j++) {
                boolean anyGradient = false;
                for (int i = 0; i < batch && !anyGradient; i++) {
                    anyGradient = g.derivative(z[l][i * n + j]) != 0;
                }
                if (!anyGradient) {
                    deadUnits++;
                }
            }
            dead[l - 1] = (double) deadUnits / n;
        }
        return new GradientFlow(g.name(), gain, norms, mean, positiveShare, dead);
    }

    /**
     * The activation's name.
     *
     * @return the name, as {@link Activation#name()} gives it
     */
    public String activation() {
        return activation;
    }

    /**
     * The weight gain the stack was built with.
     *
     * @return the gain: weights have standard deviation gain / √n
     */
    public double gain() {
        return gain;
    }

    /**
     * The number of layers.
     *
     * @return L
     */
    public int layers() {
        return gradientNorms.length;
    }

    /**
     * The gradient norm of every layer.
     *
     * @return ‖∂/∂Wₗ‖ for l = 1 … L (index 0 is the first layer, next to the input), a copy
     */
    public double[] gradientNorms() {
        return gradientNorms.clone();
    }

    /**
     * How much gradient survives the trip down.
     *
     * @return the gradient norm of the first layer over that of the last
     */
    public double firstOverLast() {
        return gradientNorms[0] / gradientNorms[gradientNorms.length - 1];
    }

    /**
     * The mean output of each layer.
     *
     * @return hₗ averaged over the batch and the units, for l = 1 … L, a copy
     */
    public double[] meanOutputs() {
        return meanOutputs.clone();
    }

    /**
     * The share of each layer's outputs that is strictly positive.
     *
     * @return one share in [0, 1] per layer, a copy
     */
    public double[] positiveOutputShare() {
        return positiveOutputShare.clone();
    }

    /**
     * The share of each layer's dead units: those whose g′(z) is 0 for every input of the batch.
     *
     * @return one share in [0, 1] per layer, a copy
     */
    public double[] deadUnitShare() {
        return deadUnitShare.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, %d layers, gain %.3g: gradient norm %.3g at layer 1, %.3g at layer %d"
                        + " (ratio %.3g); mean output of layer 1 %.3f",
                activation, layers(), gain, gradientNorms[0], gradientNorms[layers() - 1], layers(), firstOverLast(),
                meanOutputs[0]);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }

    private static double[] gaussian(Random random, int count, double std) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = std * random.nextGaussian();
        }
        return v;
    }

    /** (m × n)(n × k). */
    static double[] multiply(double[] a, int m, int n, double[] b, int k) {
        double[] out = new double[m * k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < n; p++) {
                double aip = a[i * n + p];
                if (aip == 0) {
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    out[i * k + j] += aip * b[p * k + j];
                }
            }
        }
        return out;
    }

    /** (m × n)(n × n)ᵀ. */
    static double[] multiplyTransposed(double[] a, int m, int n, double[] b) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < n; p++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * b[p * n + j];
                }
                out[i * n + p] = s;
            }
        }
        return out;
    }

    /** ‖hᵀδ / m‖ (Frobenius). */
    private static double weightGradientNorm(double[] h, double[] delta, int m, int n) {
        double[] gw = new double[n * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < n; p++) {
                double hip = h[i * n + p];
                if (hip == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    gw[p * n + j] += hip * delta[i * n + j];
                }
            }
        }
        double s = 0;
        for (double v : gw) {
            s += (v / m) * (v / m);
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradientFlow f && activation.equals(f.activation) && gain == f.gain
                && Arrays.equals(gradientNorms, f.gradientNorms) && Arrays.equals(meanOutputs, f.meanOutputs);
    }

    @Override
    public int hashCode() {
        return 31 * activation.hashCode() + Arrays.hashCode(gradientNorms);
    }
}
