package org.softmaxcourse.derivation;

import java.util.Arrays;
import java.util.Random;
import org.softmaxcourse.gradcheck.GradientCheck;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.numeric.Matrix;

/** The inputs the derivations are checked on, their descriptions, and helpers two or more derivations share. */
final class Inputs {
    static final GradientCheck NUMERIC = GradientCheck.create();
    static final BinaryCrossEntropy BCE_P = BinaryCrossEntropy.fromProbabilities();
    static final BinaryCrossEntropy BCE_Z = BinaryCrossEntropy.fromLogits();

    private Inputs() {
    }

    /** A score z and a target y. */
    record Sample(double z, double y) {
        @Override
        public String toString() {
            return "z = " + Matrix.format(z) + ", y = " + Matrix.format(y);
        }
    }

    /** m predictions ŷᵢ with binary labels yᵢ. */
    record Batch(double[] p, double[] y) {
        @Override
        public String toString() {
            return "ŷ = " + show(p) + ", y = " + show(y);
        }
    }

    /** A weight w and a one-feature data set (xᵢ, yᵢ). */
    record Data(double w, double[] x, double[] y) {
        @Override
        public String toString() {
            return "w = " + Matrix.format(w) + ", x = " + show(x) + ", y = " + show(y);
        }
    }

    /** A one-feature data set and two weights. */
    record TwoWeights(double w1, double w2, double[] x, double[] y) {
        @Override
        public String toString() {
            return "w₁ = " + Matrix.format(w1) + ", w₂ = " + Matrix.format(w2) + ", x = " + show(x) + ", y = " + show(y);
        }
    }

    /** A vector of scores and a target distribution. */
    record Scores(double[] z, double[] y) {
        @Override
        public String toString() {
            return "z = " + show(z) + ", y = " + show(y);
        }
    }

    /** Probability rows and their labels. */
    record Predictions(double[][] p, int[] labels) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < p.length; i++) {
                sb.append(i == 0 ? "" : "; ").append("p = ").append(show(p[i])).append(", label ").append(labels[i]);
            }
            return sb.toString();
        }
    }

    /** Two distributions. */
    record Pair(double[] p, double[] q) {
        @Override
        public String toString() {
            return "p = " + show(p) + ", q = " + show(q);
        }
    }

    static String show(double[] v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = Matrix.format(v[i]);
        }
        return Arrays.toString(s);
    }

    static String z(double v) {
        return "z = " + Matrix.format(v);
    }

    static String p(double v) {
        return "p = " + Matrix.format(v);
    }

    static double uniform(Random r, double a, double b) {
        return a + (b - a) * r.nextDouble();
    }

    /** A random distribution over c classes, with some exact zeros if {@code zeros}. */
    static double[] distribution(Random r, int c, boolean zeros) {
        double[] p = new double[c];
        double s = 0;
        for (int i = 0; i < c; i++) {
            p[i] = zeros && r.nextInt(3) == 0 ? 0.0 : -Math.log(1 - r.nextDouble());
            s += p[i];
        }
        if (s == 0) {
            p[r.nextInt(c)] = 1;
            s = 1;
        }
        for (int i = 0; i < c; i++) {
            p[i] /= s;
        }
        return p;
    }

    static double[] oneHot(int k, int c) {
        double[] y = new double[c];
        y[k] = 1;
        return y;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    static double[] log(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    static double product(double[] v) {
        double p = 1;
        for (double x : v) {
            p *= x;
        }
        return p;
    }

    static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    static double naiveBce(double z, double y) {
        double p = 1 / (1 + Math.exp(-z));
        return -((y == 0 ? 0 : y * Math.log(p)) + (y == 1 ? 0 : (1 - y) * Math.log(1 - p)));
    }

    static final java.util.function.Function<Random, Sample> SAMPLE = r ->
            new Sample(uniform(r, -15, 15), r.nextBoolean() ? r.nextInt(2) : r.nextDouble());
}
