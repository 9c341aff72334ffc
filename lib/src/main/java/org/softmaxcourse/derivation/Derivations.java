package org.softmaxcourse.derivation;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.softmaxcourse.activation.Logit;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.gradcheck.GradientCheck;
import org.softmaxcourse.info.CrossEntropy;
import org.softmaxcourse.info.Entropy;
import org.softmaxcourse.info.KullbackLeibler;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.loss.Reduction;
import org.softmaxcourse.loss.SquaredError;
import org.softmaxcourse.numeric.Matrix;

/**
 * The course's derivations D1–D11, each a {@link Derivation} whose steps are checked against the
 * library's own functions (so a derivation also tests the code that implements its result), and
 * the article's sign slip (G1) as a derivation that fails.
 *
 * <p>Every method builds a new derivation; {@link #all()} returns D1–D11 in order and
 * {@link #byId(String)} one of them.
 */
public final class Derivations {
    private static final GradientCheck NUMERIC = GradientCheck.create();
    private static final BinaryCrossEntropy BCE_P = BinaryCrossEntropy.fromProbabilities();
    private static final BinaryCrossEntropy BCE_Z = BinaryCrossEntropy.fromLogits();

    private Derivations() {
    }

    /** D1–D11 in order. */
    public static List<Derivation> all() {
        return List.of(bceFromBernoulliLikelihood(), sigmoidDerivative(), bceGradientThroughSigmoid(),
                squaredErrorGradientThroughSigmoid(), convexity(), sigmoidFromLogOdds(), twoClassSoftmax(),
                softmaxJacobianAndCrossEntropyGradient(), categoricalCrossEntropyFromLikelihood(),
                crossEntropyDecomposition(), stableBceFromLogits());
    }

    /** The derivation with this id, "D1" … "D11" (case-insensitive). */
    public static Derivation byId(String id) {
        for (Derivation d : all()) {
            if (d.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("id = \"" + id + "\" is not a derivation: they are D1 to D11");
    }

    // ---- inputs ------------------------------------------------------------------------------

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

    private static String show(double[] v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = Matrix.format(v[i]);
        }
        return Arrays.toString(s);
    }

    private static String z(double v) {
        return "z = " + Matrix.format(v);
    }

    private static String p(double v) {
        return "p = " + Matrix.format(v);
    }

    private static double uniform(Random r, double a, double b) {
        return a + (b - a) * r.nextDouble();
    }

    /** A random distribution over c classes, with some exact zeros if {@code zeros}. */
    private static double[] distribution(Random r, int c, boolean zeros) {
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

    private static double[] oneHot(int k, int c) {
        double[] y = new double[c];
        y[k] = 1;
        return y;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    // ---- D1 ----------------------------------------------------------------------------------

    /** D1: binary cross-entropy is the negative mean Bernoulli log-likelihood (S12). */
    public static Derivation bceFromBernoulliLikelihood() {
        java.util.function.Function<Random, Batch> batch = r -> {
            int m = 1 + r.nextInt(10);
            double[] p = new double[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                p[i] = uniform(r, 0.001, 0.999);
                y[i] = r.nextInt(2);
            }
            return new Batch(p, y);
        };
        Batch cat = new Batch(new double[] {0.9, 0.2, 0.6}, new double[] {1, 0, 0});
        Batch extreme = new Batch(new double[] {1e-12, 1 - 1e-9, 0.5}, new double[] {0, 1, 1});
        return Derivation.builder("D1", "Binary cross-entropy is the negative mean Bernoulli log-likelihood")
                .cites("S12", "S10", "S11", "G1")
                .intro("Read the prediction ŷ = σ(wᵀx + b) as P(y = 1 | x). Then one formula gives the probability of "
                        + "either label, its logarithm is minus the cross-entropy, and over m independent samples "
                        + "maximising the likelihood is minimising the mean cross-entropy J.")
                .step("Bernoulli likelihood",
                        "P(y \\mid x) = \\hat y^{\\,y}\\,(1 - \\hat y)^{1 - y}",
                        "With y ∈ {0, 1} the exponents pick ŷ when y = 1 and 1 − ŷ when y = 0: both cases in one formula.",
                        Check.vector(batch, b -> pow(b), b -> cases(b)).edge("cat, not cat, not cat", cat)
                                .edge("extreme predictions", extreme).describedBy(Batch::toString))
                .step("log-likelihood of one sample",
                        "\\log P(y \\mid x) = y \\log \\hat y + (1 - y) \\log (1 - \\hat y)",
                        "The log of a product is the sum of the logs, and log aᵇ = b log a.",
                        Check.vector(batch, b -> log(pow(b)), Derivations::logLikelihoods).edge("cat", cat)
                                .edge("extreme predictions", extreme).tolerance(1e-13, 1e-13))
                .step("is minus the cross-entropy",
                        "\\log P(y \\mid x) = -\\mathrm{BCE}(\\hat y, y)",
                        "Compare with the definition of binary cross-entropy; for y = 0 it is −log(1 − ŷ), with the minus "
                                + "sign the article drops (G1).",
                        Check.vector(batch, Derivations::logLikelihoods,
                                b -> negate(BCE_P.withReduction(Reduction.NONE).losses(b.p(), b.y())))
                                .edge("cat", cat).edge("extreme predictions", extreme).tolerance(1e-13, 1e-13))
                .step("independent samples",
                        "\\log \\prod_{i=1}^{m} P(y_i \\mid x_i) = \\sum_{i=1}^{m} \\log P(y_i \\mid x_i)",
                        "Independent samples multiply their probabilities; the log turns the product into a sum.",
                        Check.scalar(batch, b -> Math.log(product(pow(b))), b -> sum(logLikelihoods(b)))
                                .edge("cat", cat).edge("extreme predictions", extreme).tolerance(1e-12, 1e-13))
                .step("maximum likelihood is minimum mean cross-entropy",
                        "-\\frac{1}{m} \\log \\prod_{i=1}^{m} P(y_i \\mid x_i) = \\frac{1}{m} \\sum_{i=1}^{m} "
                                + "\\mathrm{BCE}(\\hat y_i, y_i) = J",
                        "−(1/m)·log is decreasing, so the parameters that maximise the likelihood minimise J (S11).",
                        Check.scalar(batch, b -> -Math.log(product(pow(b))) / b.p().length, b -> BCE_P.loss(b.p(), b.y()))
                                .edge("cat", cat).edge("extreme predictions", extreme).tolerance(1e-12, 1e-13))
                .build();
    }

    private static double[] pow(Batch b) {
        double[] out = new double[b.p().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.pow(b.p()[i], b.y()[i]) * Math.pow(1 - b.p()[i], 1 - b.y()[i]);
        }
        return out;
    }

    private static double[] cases(Batch b) {
        double[] out = new double[b.p().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.y()[i] == 1 ? b.p()[i] : 1 - b.p()[i];
        }
        return out;
    }

    private static double[] logLikelihoods(Batch b) {
        double[] out = new double[b.p().length];
        for (int i = 0; i < out.length; i++) {
            double p = b.p()[i];
            double y = b.y()[i];
            out[i] = (y == 0 ? 0 : y * Math.log(p)) + (y == 1 ? 0 : (1 - y) * Math.log(1 - p));
        }
        return out;
    }

    private static double[] log(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    private static double product(double[] v) {
        double p = 1;
        for (double x : v) {
            p *= x;
        }
        return p;
    }

    // ---- D2 ----------------------------------------------------------------------------------

    /** D2: σ′(z) = σ(z)(1 − σ(z)) (S5, G5). */
    public static Derivation sigmoidDerivative() {
        java.util.function.Function<Random, Double> z = r -> uniform(r, -20, 20);
        return Derivation.builder("D2", "The sigmoid's derivative is σ(z)(1 − σ(z))")
                .cites("S5", "G5")
                .intro("Differentiate $\\sigma(z) = 1/(1 + e^{-z})$ with the chain rule and rewrite the result in terms of σ "
                        + "itself. The slope is largest, ¼, at z = 0 and vanishes in both tails: the saturation behind G3 "
                        + "and G5.")
                .step("definition",
                        "\\sigma(z) = \\frac{1}{1 + e^{-z}}",
                        "The logistic function (S5); the library computes it without overflow for every z.",
                        Check.scalar(z, v -> Sigmoid.sigmoid(v), v -> 1 / (1 + Math.exp(-v)))
                                .edge("z = 0", 0.0).edge("z = ±1e-300", 1e-300).edge("z = −700", -700.0)
                                .edge("z = 700", 700.0).describedBy(Derivations::z).tolerance(0, 4.5e-16))
                .step("chain rule",
                        "\\sigma'(z) = -\\bigl(1 + e^{-z}\\bigr)^{-2} \\cdot \\bigl(-e^{-z}\\bigr) = \\frac{e^{-z}}{(1 + e^{-z})^{2}}",
                        "d/dz u⁻¹ = −u⁻²·u′ with $u = 1 + e^{-z}$ and $u' = -e^{-z}$; the left side is a central finite difference.",
                        Check.scalar(z, v -> NUMERIC.derivative(Sigmoid::sigmoid, v),
                                v -> Math.exp(-v) / ((1 + Math.exp(-v)) * (1 + Math.exp(-v))))
                                .edge("z = 0", 0.0).edge("z = 30", 30.0).edge("z = −30", -30.0).describedBy(Derivations::z).tolerance(1e-10, 1e-8))
                .step("split the fraction",
                        "\\frac{e^{-z}}{(1 + e^{-z})^{2}} = \\frac{1}{1 + e^{-z}} \\cdot \\frac{e^{-z}}{1 + e^{-z}}",
                        "Write the square in the denominator as a product.",
                        Check.scalar(z, v -> Math.exp(-v) / ((1 + Math.exp(-v)) * (1 + Math.exp(-v))),
                                v -> 1 / (1 + Math.exp(-v)) * (Math.exp(-v) / (1 + Math.exp(-v))))
                                .edge("z = 0", 0.0).describedBy(Derivations::z).tolerance(1e-300, 1e-15))
                .step("the second factor is 1 − σ",
                        "\\frac{e^{-z}}{1 + e^{-z}} = 1 - \\frac{1}{1 + e^{-z}} = 1 - \\sigma(z)",
                        "Add and subtract 1 in the numerator.",
                        Check.scalar(z, v -> Math.exp(-v) / (1 + Math.exp(-v)), v -> 1 - Sigmoid.sigmoid(v))
                                .edge("z = 0", 0.0).edge("z = −700", -700.0).describedBy(Derivations::z).tolerance(2e-16, 0))
                .step("result",
                        "\\sigma'(z) = \\sigma(z)\\,\\bigl(1 - \\sigma(z)\\bigr)",
                        "The two factors are σ and 1 − σ; the library's derivative agrees.",
                        Check.scalar(z, v -> Sigmoid.INSTANCE.derivative(v),
                                v -> Sigmoid.sigmoid(v) * (1 - Sigmoid.sigmoid(v)))
                                .edge("z = 0: σ′ = ¼", 0.0).edge("z = 1000", 1000.0).edge("z = −1000", -1000.0)
                                .describedBy(Derivations::z).tolerance(2e-16, 0))
                .build();
    }

    // ---- D3 ----------------------------------------------------------------------------------

    private static final java.util.function.Function<Random, Sample> SAMPLE = r ->
            new Sample(uniform(r, -15, 15), r.nextBoolean() ? r.nextInt(2) : r.nextDouble());

    /** D3: ∂BCE(σ(z), y)/∂z = σ(z) − y (S12, G5). */
    public static Derivation bceGradientThroughSigmoid() {
        Sample right = new Sample(15, 1);
        Sample wrong = new Sample(-15, 1);
        Sample soft = new Sample(0, 0.5);
        return Derivation.builder("D3", "The gradient of binary cross-entropy through the sigmoid is σ(z) − y")
                .cites("S8", "S12", "G5")
                .intro("Compose ℓ(p, y) = −[y log p + (1 − y) log(1 − p)] with p = σ(z). The factor p(1 − p) of the "
                        + "chain rule cancels the denominator of ∂ℓ/∂p, and what is left is the error σ(z) − y: large when "
                        + "the model is confidently wrong, never vanishing there.")
                .step("cross-entropy of the sigmoid",
                        "\\ell(z, y) = -\\bigl[\\,y \\log \\sigma(z) + (1 - y) \\log\\bigl(1 - \\sigma(z)\\bigr)\\bigr]",
                        "The loss of S8 with ŷ = σ(z); the library's logit form (left) against this formula (right).",
                        Check.scalar(SAMPLE, s -> BCE_Z.loss(s.z(), s.y()), s -> naiveBce(s.z(), s.y()))
                                .edge("confident and right", right).edge("confident and wrong", wrong)
                                .edge("undecided", soft).tolerance(1e-8, 1e-9))
                .step("derivative in p",
                        "\\frac{\\partial \\ell}{\\partial p} = -\\frac{y}{p} + \\frac{1 - y}{1 - p} = \\frac{p - y}{p\\,(1 - p)}",
                        "d/dp log p = 1/p and d/dp log(1 − p) = −1/(1 − p); put both over p(1 − p).",
                        Check.scalar(SAMPLE, s -> {
                            double p = Sigmoid.sigmoid(s.z());
                            return -s.y() / p + (1 - s.y()) / (1 - p);
                        }, s -> {
                            double p = Sigmoid.sigmoid(s.z());
                            return (p - s.y()) / (p * (1 - p));
                        }).edge("undecided", soft).edge("confident and wrong", wrong).tolerance(1e-9, 1e-8))
                .step("derivative of the sigmoid",
                        "\\frac{\\partial p}{\\partial z} = \\sigma'(z) = p\\,(1 - p)",
                        "Derivation D2.",
                        Check.scalar(SAMPLE, s -> Sigmoid.INSTANCE.derivative(s.z()),
                                s -> Sigmoid.sigmoid(s.z()) * (1 - Sigmoid.sigmoid(s.z())))
                                .edge("undecided", soft).tolerance(2e-16, 0))
                .step("chain rule",
                        "\\frac{\\partial \\ell}{\\partial z} = \\frac{\\partial \\ell}{\\partial p} \\cdot \\frac{\\partial p}{\\partial z}",
                        "z affects ℓ only through p; the left side is a finite difference of the library's loss.",
                        Check.scalar(SAMPLE, s -> NUMERIC.derivative(v -> BCE_Z.loss(v, s.y()), s.z()), s -> {
                            double p = Sigmoid.sigmoid(s.z());
                            return (p - s.y()) / (p * (1 - p)) * (p * (1 - p));
                        }).edge("confident and wrong", wrong).edge("undecided", soft).tolerance(1e-8, 1e-8))
                .step("the factor p(1 − p) cancels",
                        "\\frac{\\partial \\ell}{\\partial z} = \\frac{p - y}{p\\,(1 - p)} \\cdot p\\,(1 - p) = \\sigma(z) - y",
                        "Cancel; the gradient is the prediction error.",
                        Check.scalar(SAMPLE, s -> {
                            double p = Sigmoid.sigmoid(s.z());
                            return (p - s.y()) / (p * (1 - p)) * (p * (1 - p));
                        }, s -> Sigmoid.sigmoid(s.z()) - s.y()).edge("undecided", soft).tolerance(1e-12, 0))
                .step("the library's gradient",
                        "\\frac{\\partial}{\\partial z}\\,\\mathrm{BCE}\\bigl(\\sigma(z), y\\bigr) = \\sigma(z) - y \\quad "
                                + "\\text{for every } z",
                        "What BinaryCrossEntropy.fromLogits() returns, finite and exact even at z = ±1000.",
                        Check.scalar(SAMPLE, s -> BCE_Z.derivative(s.z(), s.y()), s -> Sigmoid.sigmoid(s.z()) - s.y())
                                .edge("z = 1000, y = 0", new Sample(1000, 0)).edge("z = −1000, y = 1", new Sample(-1000, 1))
                                .edge("z = 1000, y = 1", new Sample(1000, 1)).tolerance(2.3e-16, 0))
                .build();
    }

    private static double naiveBce(double z, double y) {
        double p = 1 / (1 + Math.exp(-z));
        return -((y == 0 ? 0 : y * Math.log(p)) + (y == 1 ? 0 : (1 - y) * Math.log(1 - p)));
    }

    // ---- D4 ----------------------------------------------------------------------------------

    /** D4: ∂SE(σ(z), y)/∂z = (σ(z) − y)·σ(z)(1 − σ(z)), vanishing when confidently wrong (G5). */
    public static Derivation squaredErrorGradientThroughSigmoid() {
        SquaredError se = SquaredError.create();
        java.util.function.Function<Random, Sample> confidentlyWrong = r -> {
            double z = uniform(r, 10, 40);
            return r.nextBoolean() ? new Sample(-z, 1) : new Sample(z, 0);
        };
        Sample wrong = new Sample(-15, 1);
        return Derivation.builder("D4", "The gradient of squared error through the sigmoid vanishes when confidently wrong")
                .cites("S8", "S9", "G5")
                .intro("With squared error the chain rule keeps the factor σ′(z) = σ(z)(1 − σ(z)), which is tiny exactly "
                        + "when the model is confident. So a confidently wrong model hardly learns: the gradient "
                        + "(σ − y)·σ(1 − σ) is below $e^{-|z|}$, while cross-entropy's σ − y stays near ±1 (D3).")
                .step("derivative in p",
                        "\\mathrm{SE}(p, y) = \\tfrac12 (p - y)^2, \\qquad \\frac{\\partial\\, \\mathrm{SE}}{\\partial p} = p - y",
                        "The ½ cancels the 2 of the power rule; the library's derivative (left) agrees.",
                        Check.scalar(SAMPLE, s -> se.derivative(Sigmoid.sigmoid(s.z()), s.y()),
                                s -> Sigmoid.sigmoid(s.z()) - s.y()).tolerance(0, 0))
                .step("chain rule",
                        "\\frac{\\partial\\, \\mathrm{SE}(\\sigma(z), y)}{\\partial z} = \\bigl(\\sigma(z) - y\\bigr)\\,"
                                + "\\sigma(z)\\bigl(1 - \\sigma(z)\\bigr)",
                        "Multiply by σ′(z) = σ(z)(1 − σ(z)) (D2); the left side is a finite difference of the library's loss.",
                        Check.scalar(SAMPLE, s -> NUMERIC.derivative(v -> se.loss(Sigmoid.sigmoid(v), s.y()), s.z()),
                                s -> seGradient(s)).edge("confidently wrong", wrong).tolerance(1e-9, 1e-7))
                .step("it is cross-entropy's gradient times σ′",
                        "\\frac{\\partial\\, \\mathrm{SE}}{\\partial z} = \\frac{\\partial\\, \\mathrm{BCE}}{\\partial z} "
                                + "\\cdot \\sigma(z)\\bigl(1 - \\sigma(z)\\bigr)",
                        "Compare with D3: the extra factor is the sigmoid's slope.",
                        Check.scalar(SAMPLE, Derivations::seGradient,
                                s -> BCE_Z.derivative(s.z(), s.y()) * Sigmoid.INSTANCE.derivative(s.z()))
                                .edge("confidently wrong", wrong).tolerance(1e-16, 1e-14))
                .step("vanishes when confidently wrong",
                        "|z| \\ge 10,\\ \\text{wrong side:}\\quad \\Bigl|\\frac{\\partial\\, \\mathrm{SE}}{\\partial z}\\Bigr| "
                                + "\\le \\sigma(z)\\bigl(1 - \\sigma(z)\\bigr) \\le e^{-|z|}",
                        "|σ − y| ≤ 1 and σ(1 − σ) = σ(|z|)·σ(−|z|) $< e^{-|z|}$: at z = −15 with y = 1 the slope is 3·10⁻⁷.",
                        Check.scalar(confidentlyWrong, s -> Math.abs(seGradient(s)), s -> Math.exp(-Math.abs(s.z())))
                                .edge("z = −15, y = 1", wrong).edge("z = 30, y = 0", new Sample(30, 0))
                                .relation(Relation.AT_MOST).tolerance(0, 0))
                .step("while cross-entropy's does not",
                        "|z| \\ge 10,\\ \\text{wrong side:}\\quad \\Bigl|\\frac{\\partial\\, \\mathrm{BCE}}{\\partial z}\\Bigr| "
                                + "= |\\sigma(z) - y| \\ge \\tfrac12",
                        "On the wrong side of 0 the prediction error is at least ½ (close to 1 here).",
                        Check.scalar(confidentlyWrong, s -> Math.abs(BCE_Z.derivative(s.z(), s.y())), s -> 0.5)
                                .edge("z = −15, y = 1", wrong).relation(Relation.AT_LEAST).tolerance(0, 0))
                .build();
    }

    private static double seGradient(Sample s) {
        double p = Sigmoid.sigmoid(s.z());
        return (p - s.y()) * Sigmoid.INSTANCE.derivative(s.z());
    }

    // ---- D5 ----------------------------------------------------------------------------------

    /** D5: the squared-error cost of a sigmoid model is non-convex in w; cross-entropy's is convex (S9, G5). */
    public static Derivation convexity() {
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
                        + "the cost is convex and has one minimum. That of the squared-error cost changes sign: it has "
                        + "flat, concave stretches where gradient descent stalls (S9's \"several extrema\").")
                .step("curvature of the cross-entropy cost",
                        "J_{\\mathrm{CE}}''(w) = \\frac1m \\sum_{i} x_i^2\\, \\sigma(w x_i)\\bigl(1 - \\sigma(w x_i)\\bigr)",
                        "Differentiate J′_CE(w) = (1/m) Σ (σ(w xᵢ) − yᵢ) xᵢ (D3) once more with D2; right side: a second "
                                + "difference of the library's cost.",
                        Check.scalar(data, Derivations::ceCurvature, d -> NUMERIC.secondDerivative(w -> ceCost(w, d), d.w()))
                                .edge("one positive sample at w = −5", one).tolerance(1e-7, 1e-6))
                .step("is never negative",
                        "J_{\\mathrm{CE}}''(w) \\ge 0",
                        "Every term is a square times σ(1 − σ) > 0: the cross-entropy cost is convex in w.",
                        Check.scalar(data, Derivations::ceCurvature, d -> 0.0).edge("one positive sample at w = −5", one)
                                .relation(Relation.AT_LEAST).tolerance(0, 0))
                .step("curvature of the squared-error cost",
                        "J_{\\mathrm{SE}}''(w) = \\frac1m \\sum_{i} x_i^2\\, \\sigma'(z_i)\\Bigl[\\sigma'(z_i) + "
                                + "\\bigl(\\sigma(z_i) - y_i\\bigr)\\bigl(1 - 2\\sigma(z_i)\\bigr)\\Bigr],\\quad z_i = w x_i",
                        "Differentiate J′_SE(w) = (1/m) Σ (σ − yᵢ) σ′ xᵢ (D4) with the product rule and σ″ = σ′(1 − 2σ).",
                        Check.scalar(data, Derivations::seCurvature, d -> NUMERIC.secondDerivative(w -> seCost(w, d), d.w()))
                                .edge("one positive sample at w = −5", one).tolerance(1e-7, 1e-6))
                .step("changes sign",
                        "J_{\\mathrm{SE}}''(w_1)\\cdot J_{\\mathrm{SE}}''(w_2) < 0",
                        "For one positive sample (x = 1, y = 1) the curvature is negative at w = −5 (confidently wrong, "
                                + "where σ − y ≈ −1 dominates) and positive at w = 0: the cost is not convex.",
                        Check.scalar(null, (TwoWeights t) -> seCurvature(new Data(t.w1(), t.x(), t.y()))
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

    // ---- D6 ----------------------------------------------------------------------------------

    /** D6: a linear log-odds model gives the sigmoid (G2). */
    public static Derivation sigmoidFromLogOdds() {
        java.util.function.Function<Random, Double> p = r -> uniform(r, 0.001, 0.999);
        java.util.function.Function<Random, Double> z = r -> uniform(r, -30, 30);
        java.util.function.Function<Random, Sample> py = r -> new Sample(uniform(r, 0.001, 0.999), r.nextInt(2));
        return Derivation.builder("D6", "Linear log-odds give the sigmoid")
                .cites("G2", "S12")
                .intro("The article asks why P(y = 1 | x) should be a sigmoid (S12). Assume the simplest thing about the "
                        + "odds p/(1 − p): that their logarithm is linear in x. Solving for p gives σ. The same log-odds "
                        + "appear as the natural parameter when the Bernoulli distribution is written as an exponential "
                        + "family: the sigmoid is the canonical link of logistic regression.")
                .step("assume linear log-odds",
                        "\\log\\frac{p}{1 - p} = w^{\\mathsf T} x + b =: z",
                        "The logit (log-odds) of p; the library's Logit against the formula.",
                        Check.scalar(p, v -> Logit.logit(v), v -> Math.log(v / (1 - v))).edge("p = ½", 0.5)
                                .edge("p = 1e-10", 1e-10).describedBy(Derivations::p).tolerance(1e-15, 1e-14))
                .step("exponentiate",
                        "\\frac{p}{1 - p} = e^{z}",
                        "exp undoes log.",
                        Check.scalar(p, v -> v / (1 - v), v -> Math.exp(Logit.logit(v))).edge("p = ½", 0.5)
                                .describedBy(Derivations::p).tolerance(0, 1e-14))
                .step("solve for p",
                        "p = e^{z}(1 - p) \\;\\Rightarrow\\; p\\,(1 + e^{z}) = e^{z}",
                        "Multiply by 1 − p and collect the p terms.",
                        Check.scalar(p, v -> v * (1 + Math.exp(Logit.logit(v))), v -> Math.exp(Logit.logit(v)))
                                .edge("p = ½", 0.5).describedBy(Derivations::p).tolerance(0, 1e-14))
                .step("it is the sigmoid",
                        "p = \\frac{e^{z}}{1 + e^{z}} = \\frac{1}{1 + e^{-z}} = \\sigma(z)",
                        "Divide numerator and denominator by $e^{z}$.",
                        Check.scalar(z, v -> Math.exp(v) / (1 + Math.exp(v)), v -> Sigmoid.sigmoid(v)).edge("z = 0", 0.0)
                                .edge("z = −30", -30.0).describedBy(Derivations::z).tolerance(0, 1e-14))
                .step("the Bernoulli distribution's natural parameter",
                        "\\hat y^{\\,y}(1 - \\hat y)^{1 - y} = \\exp\\bigl(y\\,\\eta - \\log(1 + e^{\\eta})\\bigr),\\quad "
                                + "\\eta = \\log\\frac{\\hat y}{1 - \\hat y}",
                        "Rewrite the Bernoulli likelihood (D1) as an exponential family: its natural parameter η is the "
                                + "log-odds, so a linear model of η is a GLM with the sigmoid as canonical link.",
                        Check.scalar(py, s -> Math.pow(s.z(), s.y()) * Math.pow(1 - s.z(), 1 - s.y()), s -> {
                            double eta = Logit.logit(s.z());
                            return Math.exp(s.y() * eta - Sigmoid.softplus(eta));
                        }).describedBy(s -> "ŷ = " + Matrix.format(s.z()) + ", y = " + Matrix.format(s.y()))
                                .tolerance(1e-15, 1e-12))
                .step("the logit inverts the sigmoid",
                        "\\sigma\\bigl(\\operatorname{logit}(p)\\bigr) = p",
                        "The two functions are inverses; the library's pair round-trips.",
                        Check.scalar(p, v -> Sigmoid.sigmoid(Logit.logit(v)), v -> v).edge("p = ½", 0.5)
                                .edge("p = 0", 0.0).edge("p = 1", 1.0).describedBy(Derivations::p).tolerance(2.3e-16, 0))
                .build();
    }

    // ---- D7 ----------------------------------------------------------------------------------

    /** D7: two-class softmax equals the sigmoid of the score difference (G2). */
    public static Derivation twoClassSoftmax() {
        java.util.function.Function<Random, double[]> ab = r -> new double[] {uniform(r, -30, 30), uniform(r, -30, 30)};
        return Derivation.builder("D7", "Two-class softmax is the sigmoid of the score difference")
                .cites("G2", "S4", "S17")
                .intro("With two classes softmax has one degree of freedom too many: only the difference of the scores "
                        + "matters, and the first probability is σ(z₁ − z₂). So the sigmoid is the two-class softmax, and "
                        + "two-class cross-entropy is binary cross-entropy of the score difference (S17).")
                .step("softmax of two scores",
                        "\\operatorname{softmax}(z_1, z_2)_1 = \\frac{e^{z_1}}{e^{z_1} + e^{z_2}}",
                        "The definition (S7); the library's softmax against the formula.",
                        Check.scalar(ab, v -> Softmax.softmax(v)[0], v -> Math.exp(v[0]) / (Math.exp(v[0]) + Math.exp(v[1])))
                                .edge("equal scores", new double[] {2, 2}).describedBy(Derivations::scores)
                                .tolerance(0, 1e-14))
                .step("divide by $e^{z_1}$",
                        "\\frac{e^{z_1}}{e^{z_1} + e^{z_2}} = \\frac{1}{1 + e^{-(z_1 - z_2)}}",
                        "Numerator and denominator divided by $e^{z_1}$.",
                        Check.scalar(ab, v -> Math.exp(v[0]) / (Math.exp(v[0]) + Math.exp(v[1])),
                                v -> 1 / (1 + Math.exp(-(v[0] - v[1])))).describedBy(Derivations::scores).tolerance(0, 1e-13))
                .step("it is the sigmoid of the difference",
                        "\\operatorname{softmax}(z_1, z_2)_1 = \\sigma(z_1 - z_2)",
                        "The definition of σ; the library's softmax and sigmoid agree even at extreme scores.",
                        Check.scalar(ab, v -> Softmax.softmax(v)[0], v -> Sigmoid.sigmoid(v[0] - v[1]))
                                .edge("[1000, 0]", new double[] {1000, 0}).edge("[0, 1000]", new double[] {0, 1000})
                                .edge("[−1000, −1000]", new double[] {-1000, -1000})
                                .edge("[1e4, −1e4]", new double[] {1e4, -1e4}).describedBy(Derivations::scores)
                                .tolerance(1e-300, 1e-13))
                .step("and the other class",
                        "\\operatorname{softmax}(z_1, z_2)_2 = 1 - \\sigma(z_1 - z_2) = \\sigma(z_2 - z_1)",
                        "The probabilities sum to 1, and 1 − σ(t) = σ(−t).",
                        Check.scalar(ab, v -> Softmax.softmax(v)[1], v -> Sigmoid.sigmoid(v[1] - v[0]))
                                .edge("[1000, 0]", new double[] {1000, 0}).describedBy(Derivations::scores)
                                .tolerance(1e-300, 1e-13))
                .step("two-class cross-entropy is binary cross-entropy",
                        "\\mathrm{CE}\\bigl((z_1, z_2), k\\bigr) = \\mathrm{BCE}\\bigl(\\sigma(z_1 - z_2),\\, [k = 1]\\bigr)",
                        "−log softmax₁ = −log σ(z₁ − z₂) and −log softmax₂ = −log(1 − σ(z₁ − z₂)): the two branches of BCE "
                                + "(classes counted from 1 here, from 0 in code: G6).",
                        Check.vector(ab, v -> new double[] {CategoricalCrossEntropy.fromLogits().loss(v, 0),
                                CategoricalCrossEntropy.fromLogits().loss(v, 1)},
                                v -> new double[] {BCE_Z.loss(v[0] - v[1], 1), BCE_Z.loss(v[0] - v[1], 0)})
                                .edge("[1000, 0]", new double[] {1000, 0}).describedBy(Derivations::scores)
                                .tolerance(1e-14, 1e-12))
                .build();
    }

    private static String scores(double[] v) {
        return "z = " + show(v);
    }

    // ---- D8 ----------------------------------------------------------------------------------

    /** D8: the softmax Jacobian is diag(p) − ppᵀ, and ∂CE(softmax(z), y)/∂z = p − y (S15). */
    public static Derivation softmaxJacobianAndCrossEntropyGradient() {
        java.util.function.Function<Random, Scores> scores = r -> {
            int c = 2 + r.nextInt(5);
            double[] z = new double[c];
            for (int j = 0; j < c; j++) {
                z[j] = uniform(r, -5, 5);
            }
            double[] y = r.nextBoolean() ? oneHot(r.nextInt(c), c) : distribution(r, c, true);
            return new Scores(z, y);
        };
        Scores right = new Scores(new double[] {10, 0, 0}, oneHot(0, 3));
        Scores wrong = new Scores(new double[] {10, 0, 0}, oneHot(2, 3));
        Scores extreme = new Scores(new double[] {1000, 0, -1000}, oneHot(1, 3));
        CategoricalCrossEntropy ceP = CategoricalCrossEntropy.fromProbabilities();
        CategoricalCrossEntropy ceZ = CategoricalCrossEntropy.fromLogits();
        return Derivation.builder("D8", "The softmax Jacobian, and the gradient p − y of cross-entropy through softmax")
                .cites("S15", "S7")
                .intro("Each softmax output depends on every score. Its Jacobian is diag(p) − ppᵀ; chaining it with the "
                        + "derivative −y/p of the cross-entropy collapses, because the target sums to 1, to the same "
                        + "error p − y as for the sigmoid (D3).")
                .step("derivative of one output",
                        "\\frac{\\partial p_i}{\\partial z_j} = p_i\\,(\\delta_{ij} - p_j),\\quad p = \\operatorname{softmax}(z)",
                        "Quotient rule on $e^{z_i}/\\sum_k e^{z_k}$; the left side is the finite-difference Jacobian.",
                        Check.vector(scores, s -> NUMERIC.jacobian(Softmax::softmax, s.z()).data(), s -> jacobian(s.z()))
                                .edge("confident", right).tolerance(1e-9, 1e-7))
                .step("in matrix form",
                        "J = \\operatorname{diag}(p) - p\\,p^{\\mathsf T}",
                        "Collect the entries; the library's Softmax.jacobian agrees, also at extreme scores.",
                        // 5e-16: the right side, from rounded p, is off by p's own rounding (2.2e-16 near
                        // p = 1) in pᵢ − pᵢ²; Softmax.jacobian is within 2 ULP of the exact value.
                        Check.vector(scores, s -> Softmax.jacobian(s.z()).data(), s -> jacobian(s.z()))
                                .edge("[1000, 0, −1000]", extreme).tolerance(5e-16, 1e-15))
                .step("derivative of the cross-entropy in p",
                        "\\ell = -\\sum_k y_k \\log p_k, \\qquad \\frac{\\partial \\ell}{\\partial p_k} = -\\frac{y_k}{p_k}",
                        "d/dp log p = 1/p; the library's probability-form gradient agrees.",
                        Check.vector(scores, s -> ceP.gradient(Softmax.softmax(s.z()), s.y()), s -> minusYOverP(s))
                                .edge("confident and wrong", wrong).tolerance(1e-15, 1e-14))
                .step("chain rule",
                        "\\frac{\\partial \\ell}{\\partial z_j} = \\sum_k -\\frac{y_k}{p_k}\\, p_k(\\delta_{kj} - p_j) "
                                + "= -y_j + p_j \\sum_k y_k",
                        "Multiply by the Jacobian; the pₖ cancel.",
                        Check.vector(scores, s -> chain(s), s -> {
                            double[] p = Softmax.softmax(s.z());
                            double[] g = new double[p.length];
                            for (int j = 0; j < p.length; j++) {
                                g[j] = -s.y()[j] + p[j] * sum(s.y());
                            }
                            return g;
                        }).edge("confident and right", right).tolerance(1e-15, 1e-13))
                .step("the target sums to 1",
                        "\\frac{\\partial \\ell}{\\partial z} = p - y",
                        "Σₖ yₖ = 1. The library's logit-form gradient agrees, exact even at [1000, 0, −1000].",
                        Check.vector(scores, s -> ceZ.gradient(s.z(), s.y()), s -> pMinusY(s))
                                .edge("confident and wrong", wrong).edge("[1000, 0, −1000]", extreme)
                                .tolerance(2.3e-16, 1e-15))
                .step("against finite differences",
                        "\\nabla_z\\, \\mathrm{CE}\\bigl(\\operatorname{softmax}(z), y\\bigr) \\approx p - y",
                        "Central differences of the library's loss, as a student would check it with GradientCheck.",
                        Check.vector(scores, s -> NUMERIC.gradient(v -> ceZ.loss(v, s.y()), s.z()), s -> pMinusY(s))
                                .edge("confident and wrong", wrong).tolerance(1e-9, 1e-7))
                .build();
    }

    private static double[] jacobian(double[] z) {
        double[] p = Softmax.softmax(z);
        int c = p.length;
        double[] j = new double[c * c];
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                j[a * c + b] = (a == b ? p[a] : 0) - p[a] * p[b];
            }
        }
        return j;
    }

    private static double[] minusYOverP(Scores s) {
        double[] p = Softmax.softmax(s.z());
        double[] g = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            g[k] = s.y()[k] == 0 ? 0 : -s.y()[k] / p[k];
        }
        return g;
    }

    private static double[] chain(Scores s) {
        double[] p = Softmax.softmax(s.z());
        double[] dp = minusYOverP(s);
        double[] jac = jacobian(s.z());
        int c = p.length;
        double[] g = new double[c];
        for (int j = 0; j < c; j++) {
            for (int k = 0; k < c; k++) {
                g[j] += dp[k] * jac[k * c + j];
            }
        }
        return g;
    }

    private static double[] pMinusY(Scores s) {
        double[] p = Softmax.softmax(s.z());
        for (int j = 0; j < p.length; j++) {
            p[j] -= s.y()[j];
        }
        return p;
    }

    // ---- D9 ----------------------------------------------------------------------------------

    /** D9: categorical cross-entropy is the negative mean categorical log-likelihood (S14, S15). */
    public static Derivation categoricalCrossEntropyFromLikelihood() {
        java.util.function.Function<Random, Predictions> predictions = r -> {
            int m = 1 + r.nextInt(6);
            int c = 2 + r.nextInt(5);
            double[][] p = new double[m][];
            int[] labels = new int[m];
            for (int i = 0; i < m; i++) {
                double[] z = new double[c];
                for (int j = 0; j < c; j++) {
                    z[j] = uniform(r, -3, 3);
                }
                p[i] = Softmax.softmax(z);
                labels[i] = r.nextInt(c);
            }
            return new Predictions(p, labels);
        };
        Predictions article = new Predictions(new double[][] {{0.1, 0.15, 0.05, 0.6, 0.1}, {0.15, 0.2, 0.4, 0.1, 0.15},
            {0.05, 0.15, 0.4, 0.3, 0.1}}, new int[] {3, 3, 3});
        CategoricalCrossEntropy ce = CategoricalCrossEntropy.fromProbabilities();
        return Derivation.builder("D9", "Categorical cross-entropy is the negative mean categorical log-likelihood")
                .cites("S14", "S15", "S16", "G6")
                .intro("The C-class version of D1. A categorical distribution gives class c probability p_c; with a "
                        + "one-hot label only the true class's factor survives, so the loss is −log p_true (S15), and "
                        + "maximising the likelihood of m independent samples is minimising the mean. The named input is "
                        + "the article's example S16: true class 4 counting from 1, index 3 in code (G6).")
                .step("categorical likelihood",
                        "P(y \\mid x) = \\prod_{c=1}^{C} p_c^{\\,y_c}",
                        "With one-hot y every factor but the true class's is p⁰ = 1.",
                        Check.vector(predictions, Derivations::productForm, Derivations::trueClass)
                                .edge("article S16", article))
                .step("log-likelihood",
                        "\\log P(y \\mid x) = \\sum_{c} y_c \\log p_c",
                        "The log of a product of powers.",
                        Check.vector(predictions, d -> log(productForm(d)), Derivations::sumForm)
                                .edge("article S16", article).tolerance(1e-15, 1e-14))
                .step("only the true class survives",
                        "\\sum_{c} y_c \\log p_c = \\log p_{k} = -\\mathrm{CE}(p, y)",
                        "yₖ = 1 for the true class k and 0 elsewhere (0·log p = 0); the library's per-sample loss agrees.",
                        Check.vector(predictions, Derivations::sumForm,
                                d -> negate(ce.withReduction(Reduction.NONE).losses(Matrix.of(d.p()), d.labels())))
                                .edge("article S16", article).tolerance(1e-15, 1e-14))
                .step("maximum likelihood is minimum mean cross-entropy",
                        "-\\frac1m \\log \\prod_{i=1}^{m} P(y_i \\mid x_i) = \\frac1m \\sum_{i=1}^{m} -\\log p_{i, k_i} = J",
                        "Independent samples multiply; −(1/m)·log is decreasing (S14's cost).",
                        Check.scalar(predictions, d -> -Math.log(product(trueClass(d))) / d.labels().length,
                                d -> ce.loss(Matrix.of(d.p()), d.labels())).edge("article S16", article)
                                .tolerance(1e-14, 1e-13))
                .step("a wrong prediction costs more, a badly wrong one most",
                        "-\\log 0.6 < -\\log 0.3 < -\\log 0.1",
                        "S16: log is increasing, so the less probability the true class gets, the larger the loss.",
                        Check.scalar(null, (Predictions d) -> ce.withReduction(Reduction.NONE).losses(Matrix.of(d.p()),
                                d.labels())[0], d -> ce.withReduction(Reduction.NONE).losses(Matrix.of(d.p()), d.labels())[1])
                                .edge("right (0.6) vs slightly wrong (0.3)", new Predictions(
                                        new double[][] {article.p()[0], article.p()[2]}, new int[] {3, 3}))
                                .edge("slightly wrong (0.3) vs badly wrong (0.1)", new Predictions(
                                        new double[][] {article.p()[2], article.p()[1]}, new int[] {3, 3}))
                                .relation(Relation.LESS_THAN))
                .build();
    }

    private static double[] productForm(Predictions d) {
        double[] out = new double[d.labels().length];
        for (int i = 0; i < out.length; i++) {
            double prod = 1;
            for (int c = 0; c < d.p()[i].length; c++) {
                prod *= Math.pow(d.p()[i][c], c == d.labels()[i] ? 1 : 0);
            }
            out[i] = prod;
        }
        return out;
    }

    private static double[] trueClass(Predictions d) {
        double[] out = new double[d.labels().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = d.p()[i][d.labels()[i]];
        }
        return out;
    }

    private static double[] sumForm(Predictions d) {
        double[] out = new double[d.labels().length];
        for (int i = 0; i < out.length; i++) {
            for (int c = 0; c < d.p()[i].length; c++) {
                double y = c == d.labels()[i] ? 1 : 0;
                if (y != 0) {
                    out[i] += y * Math.log(d.p()[i][c]);
                }
            }
        }
        return out;
    }

    // ---- D10 ---------------------------------------------------------------------------------

    /** D10: H(p, q) = H(p) + KL(p‖q), and KL ≥ 0 (S18, G7). */
    public static Derivation crossEntropyDecomposition() {
        java.util.function.Function<Random, Pair> pairs = r -> {
            int c = 2 + r.nextInt(7);
            return new Pair(distribution(r, c, true), distribution(r, c, false));
        };
        Pair same = new Pair(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5});
        Pair certain = new Pair(new double[] {0, 1, 0}, new double[] {0.25, 0.5, 0.25});
        Pair article = new Pair(new double[] {0, 0, 0, 1, 0}, new double[] {0.1, 0.15, 0.05, 0.6, 0.1});
        Pair impossible = new Pair(new double[] {0.5, 0.5}, new double[] {1, 0});
        return Derivation.builder("D10", "Cross-entropy is entropy plus KL divergence, and KL is never negative")
                .cites("S18", "G7")
                .intro("Coding outcomes of p with a code built for q costs H(p, q) nats on average. Split it: the best "
                        + "possible cost H(p), plus the excess KL(p‖q). Jensen's inequality shows the excess is never "
                        + "negative (Gibbs' inequality), so H(p, q) ≥ H(p), with equality only at q = p; and since H(p) "
                        + "does not depend on the model q, minimising cross-entropy is minimising KL divergence.")
                .step("cross-entropy",
                        "H(p, q) = -\\sum_i p_i \\log q_i",
                        "The definition (S18), with 0·log q = 0; the library's CrossEntropy against the formula.",
                        Check.scalar(pairs, d -> CrossEntropy.crossEntropy(d.p(), d.q()), d -> crossEntropyFormula(d))
                                .edge("p = q", same).edge("article S16 as p = label, q = prediction", article)
                                .edge("q rules out what p allows", impossible).tolerance(1e-15, 1e-14))
                .step("add and subtract Σ p log p",
                        "-\\sum_i p_i \\log q_i = -\\sum_i p_i \\log p_i + \\sum_i p_i \\log \\frac{p_i}{q_i}",
                        "log q = log p − log(p/q) wherever p > 0; terms with p = 0 are 0 on both sides.",
                        Check.scalar(pairs, Derivations::crossEntropyFormula, d -> {
                            double h = 0;
                            double kl = 0;
                            for (int i = 0; i < d.p().length; i++) {
                                if (d.p()[i] > 0) {
                                    h -= d.p()[i] * Math.log(d.p()[i]);
                                    kl += d.p()[i] * Math.log(d.p()[i] / d.q()[i]);
                                }
                            }
                            return h + kl;
                        }).edge("certain p", certain).tolerance(1e-15, 1e-14))
                .step("entropy plus KL divergence",
                        "H(p, q) = H(p) + \\mathrm{KL}(p \\,\\|\\, q)",
                        "Name the two sums; the library's Entropy, KullbackLeibler and CrossEntropy agree.",
                        Check.scalar(pairs, d -> CrossEntropy.crossEntropy(d.p(), d.q()),
                                d -> Entropy.entropy(d.p()) + KullbackLeibler.divergence(d.p(), d.q()))
                                .edge("p = q", same).edge("certain p", certain).edge("q rules out what p allows", impossible)
                                .tolerance(1e-15, 1e-14))
                .step("Jensen's inequality",
                        "-\\mathrm{KL}(p \\,\\|\\, q) = \\sum_{p_i > 0} p_i \\log \\frac{q_i}{p_i} \\le "
                                + "\\log \\sum_{p_i > 0} p_i \\frac{q_i}{p_i} = \\log \\sum_{p_i > 0} q_i",
                        "log is concave, so the p-average of logs is at most the log of the p-average.",
                        Check.scalar(pairs, d -> -KullbackLeibler.divergence(d.p(), d.q()), d -> {
                            double s = 0;
                            for (int i = 0; i < d.p().length; i++) {
                                if (d.p()[i] > 0) {
                                    s += d.q()[i];
                                }
                            }
                            return Math.log(s);
                        }).edge("p = q", same).edge("certain p", certain).relation(Relation.AT_MOST).tolerance(1e-15, 0))
                .step("Gibbs' inequality",
                        "\\mathrm{KL}(p \\,\\|\\, q) \\ge -\\log \\sum_{p_i > 0} q_i \\ge 0 \\quad\\Rightarrow\\quad H(p, q) \\ge H(p)",
                        "The qᵢ over p's support sum to at most 1 and log 1 = 0.",
                        Check.scalar(pairs, d -> KullbackLeibler.divergence(d.p(), d.q()), d -> 0.0)
                                .edge("p = q", same).edge("certain p", certain).relation(Relation.AT_LEAST)
                                .tolerance(1e-15, 0))
                .step("binary cross-entropy is the two-class case",
                        "\\mathrm{BCE}(q, p) = H\\bigl((p, 1 - p),\\, (q, 1 - q)\\bigr)",
                        "A label p ∈ [0, 1] and a prediction q are two distributions over {1, 0} (G7).",
                        Check.scalar(r -> new double[] {r.nextDouble(), uniform(r, 1e-6, 1 - 1e-6)},
                                v -> BCE_P.loss(v[1], v[0]),
                                v -> CrossEntropy.crossEntropy(new double[] {v[0], 1 - v[0]}, new double[] {v[1], 1 - v[1]}))
                                .edge("label 1, prediction 0.6", new double[] {1, 0.6})
                                .describedBy(v -> "p = " + Matrix.format(v[0]) + ", q = " + Matrix.format(v[1]))
                                .tolerance(1e-15, 1e-13))
                .build();
    }

    private static double crossEntropyFormula(Pair d) {
        double h = 0;
        for (int i = 0; i < d.p().length; i++) {
            if (d.p()[i] > 0) {
                h -= d.p()[i] * Math.log(d.q()[i]);
            }
        }
        return h;
    }

    // ---- D11 ---------------------------------------------------------------------------------

    /** D11: the stable form max(z, 0) − zy + log(1 + e^(−|z|)) equals the naive BCE of σ(z). */
    public static Derivation stableBceFromLogits() {
        java.util.function.Function<Random, Sample> moderate = r -> new Sample(uniform(r, -15, 15),
                r.nextBoolean() ? r.nextInt(2) : r.nextDouble());
        java.util.function.Function<Random, Sample> wide = r -> new Sample(uniform(r, -30, 30), r.nextDouble());
        java.util.function.Function<Random, Sample> huge = r -> new Sample((r.nextBoolean() ? 1 : -1)
                * Math.exp(uniform(r, Math.log(40), Math.log(1e4))), r.nextBoolean() ? r.nextInt(2) : r.nextDouble());
        java.util.function.Function<Sample, String> withNaive = s -> s + " (naive form: " + Matrix.format(naiveBce(s.z(), s.y()))
                + ")";
        return Derivation.builder("D11", "The stable logit form of binary cross-entropy")
                .cites("S8", "S10")
                .intro("Computed as written, −[y log σ(z) + (1 − y) log(1 − σ(z))] breaks for large |z|: σ(z) rounds to "
                        + "exactly 1 beyond z ≈ 37, log(1 − 1) = −∞, and 0·∞ gives NaN. Rewriting the logs of the sigmoid "
                        + "gives $\\max(z, 0) - z y + \\log(1 + e^{-|z|})$, which is the same function wherever the naive form "
                        + "is finite, and stays finite everywhere else. It is what BinaryCrossEntropy.fromLogits() "
                        + "computes (as y·softplus(−z) + (1 − y)·softplus(z)).")
                .step("the naive form",
                        "\\ell(z, y) = -\\bigl[\\,y \\log \\sigma(z) + (1 - y) \\log\\bigl(1 - \\sigma(z)\\bigr)\\bigr]",
                        "Binary cross-entropy of p = σ(z) (S8); computed literally (left) and by the library's exact "
                                + "probability form (right). Both lose digits as |z| grows, like $\\varepsilon\\, e^{|z|}$.",
                        Check.scalar(moderate, s -> naiveBce(s.z(), s.y()), s -> BCE_P.loss(Sigmoid.sigmoid(s.z()), s.y()))
                                .tolerance(1e-9, 1e-9))
                .step("the logs of the sigmoid",
                        "\\log \\sigma(z) = -\\log(1 + e^{-z}), \\qquad \\log\\bigl(1 - \\sigma(z)\\bigr) = -z - \\log(1 + e^{-z})",
                        "$\\sigma(z) = 1/(1 + e^{-z})$ and $1 - \\sigma(z) = e^{-z}/(1 + e^{-z})$.",
                        Check.vector(moderate, s -> {
                            double p = 1 / (1 + Math.exp(-s.z()));
                            return new double[] {Math.log(p), Math.log(1 - p)};
                        }, s -> new double[] {-Math.log1p(Math.exp(-s.z())), -s.z() - Math.log1p(Math.exp(-s.z()))})
                                .tolerance(1e-9, 1e-9))
                .step("collect the terms",
                        "\\ell(z, y) = (1 - y)\\,z + \\log(1 + e^{-z})",
                        "$y \\log(1 + e^{-z}) + (1 - y)\\bigl(z + \\log(1 + e^{-z})\\bigr)$: the log terms add up to one.",
                        Check.scalar(moderate, s -> naiveBce(s.z(), s.y()), s -> (1 - s.y()) * s.z() + Math.log1p(Math.exp(-s.z())))
                                .tolerance(1e-9, 1e-9))
                .step("never exponentiate a positive number",
                        "(1 - y)\\,z + \\log(1 + e^{-z}) = \\max(z, 0) - z\\,y + \\log\\bigl(1 + e^{-|z|}\\bigr)",
                        "For $z < 0$ write $\\log(1 + e^{-z}) = -z + \\log(1 + e^{z})$; then the exponent is $-|z| \\le 0$ in both cases.",
                        Check.scalar(wide, s -> (1 - s.y()) * s.z() + Math.log1p(Math.exp(-s.z())), s -> stable(s))
                                .tolerance(1e-13, 1e-13))
                .step("equal wherever the naive form is finite",
                        "\\max(z, 0) - z\\,y + \\log\\bigl(1 + e^{-|z|}\\bigr) = -\\bigl[\\,y \\log \\sigma(z) + (1 - y) "
                                + "\\log\\bigl(1 - \\sigma(z)\\bigr)\\bigr]",
                        "The library's loss (left) against the naive form (right), within the naive form's own rounding.",
                        Check.scalar(moderate, s -> BCE_Z.loss(s.z(), s.y()), s -> naiveBce(s.z(), s.y()))
                                .edge("z = 0, y = ½", new Sample(0, 0.5)).edge("z = 15, y = 0", new Sample(15, 0))
                                .edge("z = −15, y = 1", new Sample(-15, 1)).edge("z = 1e-300, y = 1", new Sample(1e-300, 1))
                                .describedBy(withNaive).tolerance(1e-8, 1e-9))
                .step("finite where the naive form is not",
                        "|z| \\ge 40:\\quad \\ell(z, y) = (1 - y)\\max(z, 0) + y \\max(-z, 0) + \\log\\bigl(1 + e^{-|z|}\\bigr) "
                                + "\\approx \\text{a straight line}",
                        "$\\log(1 + e^{-|z|}) < 10^{-17}$ there, so the loss is linear in z (the naive form gives ∞ or NaN); "
                                + "the library's loss matches the line.",
                        Check.scalar(huge, s -> BCE_Z.loss(s.z(), s.y()),
                                s -> (1 - s.y()) * Math.max(s.z(), 0) + s.y() * Math.max(-s.z(), 0))
                                .edge("z = 1000, y = 0", new Sample(1000, 0)).edge("z = −1000, y = 1", new Sample(-1000, 1))
                                .edge("z = 1000, y = 1", new Sample(1000, 1)).edge("z = 40, y = ½", new Sample(40, 0.5))
                                .edge("z = 1e300, y = 0.3", new Sample(1e300, 0.3))
                                .describedBy(withNaive).tolerance(1e-16, 1e-15))
                .build();
    }

    private static double stable(Sample s) {
        return Math.max(s.z(), 0) - s.z() * s.y() + Math.log1p(Math.exp(-Math.abs(s.z())));
    }

    // ---- the article's sign slip ---------------------------------------------------------------

    /**
     * The article's sign slip (G1) written as a derivation: "for y = 0, L = log(1 − ŷ)". Its one
     * step fails the check, at every input: the loss is −log(1 − ŷ). Not part of {@link #all()};
     * a notebook shows it failing.
     */
    public static Derivation articleSignSlip() {
        DoubleUnaryOperator slip = p -> Math.log(1 - p);
        return Derivation.builder("G1", "The article's sign slip, caught")
                .cites("G1", "S10")
                .intro("The article reads the cross-entropy case by case and writes, for y = 0, L = log(1 − ŷ). The check "
                        + "compares that with the library's binary cross-entropy at y = 0 and fails: the loss is "
                        + "−log(1 − ŷ), positive, small when ŷ is small.")
                .step("the case y = 0, as the article writes it",
                        "y = 0:\\quad L(\\hat y, 0) = \\log(1 - \\hat y)",
                        "Set y = 0 in the cross-entropy (the article's version, with the sign lost).",
                        Check.scalar(r -> uniform(r, 0.01, 0.99), p -> BCE_P.loss(p, 0), slip::applyAsDouble)
                                .edge("ŷ = 0.2", 0.2).describedBy(p -> "ŷ = " + Matrix.format(p)))
                .build();
    }
}
