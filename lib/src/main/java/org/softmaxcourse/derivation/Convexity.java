package org.softmaxcourse.derivation;

import java.util.Random;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.loss.SquaredError;

import static org.softmaxcourse.derivation.Inputs.*;

/** D5: the squared-error cost of a sigmoid model is non-convex in w; cross-entropy's is convex (S9, G5). */
final class Convexity {
    private Convexity() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        java.util.function.Function<Random, Data> data = r -> {
            int m = 1 + r.nextInt(8);
            double[] x = new double[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = uniform(r, -3, 3);
                y[i] = r.nextInt(2);
            }
            return new Data(uniform(r, -4, 4), x, y);
        };
        Data one = new Data(-5, new double[] {1}, new double[] {1});
        return Derivation.builder("D5", "Squared error makes the sigmoid model's cost non-convex; cross-entropy keeps it convex")
                .cites("S9", "G5")
                .intro("Take the model ŷᵢ = σ(w·xᵢ) with one weight and the costs J(w) = (1/m) Σ ℓ(σ(w xᵢ), yᵢ). The "
                        + "second derivative of the cross-entropy cost is a sum of squares times σ(1 − σ), never negative: "
                        + "the cost is convex, so every local minimum is a global one (on separable data there is none: "
                        + "the cost keeps falling as |w| grows). That of the squared-error cost changes sign: it has flat, "
                        + "concave stretches where gradient descent crawls. A sign change alone does not make a second "
                        + "minimum (S9's \"several extrema\"); notebook 3 builds a data set where one appears.")
                .step("curvature of the cross-entropy cost",
                        "J_{\\mathrm{CE}}''(w) = \\frac1m \\sum_{i} x_i^2\\, \\sigma(w x_i)\\bigl(1 - \\sigma(w x_i)\\bigr)",
                        "Differentiate J′_CE(w) = (1/m) Σ (σ(w xᵢ) − yᵢ) xᵢ (D3) once more with D2; right side: a second "
                                + "difference of the library's cost.",
                        StepCheck.scalar(data, Convexity::ceCurvature, d -> NUMERIC.secondDerivative(w -> ceCost(w, d), d.w()))
                                .edge("one positive sample at w = −5", one).tolerance(1e-7, 1e-6))
                .step("is never negative",
                        "J_{\\mathrm{CE}}''(w) \\ge 0",
                        "Every term is a square times σ(1 − σ) > 0: the cross-entropy cost is convex in w.",
                        StepCheck.scalar(data, Convexity::ceCurvature, d -> 0.0).edge("one positive sample at w = −5", one)
                                .relation(Relation.AT_LEAST).tolerance(0, 0))
                .step("curvature of the squared-error cost",
                        "J_{\\mathrm{SE}}''(w) = \\frac1m \\sum_{i} x_i^2\\, \\sigma'(z_i)\\Bigl[\\sigma'(z_i) + "
                                + "\\bigl(\\sigma(z_i) - y_i\\bigr)\\bigl(1 - 2\\sigma(z_i)\\bigr)\\Bigr],\\quad z_i = w x_i",
                        "Differentiate J′_SE(w) = (1/m) Σ (σ − yᵢ) σ′ xᵢ (D4) with the product rule and σ″ = σ′(1 − 2σ).",
                        StepCheck.scalar(data, Convexity::seCurvature, d -> NUMERIC.secondDerivative(w -> seCost(w, d), d.w()))
                                .edge("one positive sample at w = −5", one).tolerance(1e-7, 1e-6))
                .step("changes sign",
                        "J_{\\mathrm{SE}}''(w_1)\\cdot J_{\\mathrm{SE}}''(w_2) < 0",
                        "For one positive sample (x = 1, y = 1) the curvature is negative at w = −5 (confidently wrong, "
                                + "where σ − y ≈ −1 dominates) and positive at w = 0: the cost is not convex.",
                        StepCheck.scalar(null, (TwoWeights t) -> seCurvature(new Data(t.w1(), t.x(), t.y()))
                                        * seCurvature(new Data(t.w2(), t.x(), t.y())), t -> 0.0)
                                .edge("x = 1, y = 1 at w = −5 and w = 0",
                                        new TwoWeights(-5, 0, new double[] {1}, new double[] {1}))
                                .edge("x = (−2, 1, 3), y = (0, 1, 1) at w = −3 and w = 0.5",
                                        new TwoWeights(-3, 0.5, new double[] {-2, 1, 3}, new double[] {0, 1, 1}))
                                .relation(Relation.LESS_THAN))
                .build();
    }

    private static double ceCost(double w, Data d) {
        double[] z = scaled(w, d.x());
        return BCE_Z.loss(z, d.y());
    }

    private static double seCost(double w, Data d) {
        double[] z = scaled(w, d.x());
        return SquaredError.create().loss(Sigmoid.INSTANCE.value(z), d.y());
    }

    private static double[] scaled(double w, double[] x) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = w * x[i];
        }
        return z;
    }

    private static double ceCurvature(Data d) {
        double s = 0;
        for (int i = 0; i < d.x().length; i++) {
            double z = d.w() * d.x()[i];
            s += d.x()[i] * d.x()[i] * Sigmoid.sigmoid(z) * (1 - Sigmoid.sigmoid(z));
        }
        return s / d.x().length;
    }

    private static double seCurvature(Data d) {
        double s = 0;
        for (int i = 0; i < d.x().length; i++) {
            double z = d.w() * d.x()[i];
            double p = Sigmoid.sigmoid(z);
            double slope = Sigmoid.INSTANCE.derivative(z);
            s += d.x()[i] * d.x()[i] * slope * (slope + (p - d.y()[i]) * (1 - 2 * p));
        }
        return s / d.x().length;
    }
}
