package org.softmaxcourse.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.activation.Activation;
import org.softmaxcourse.activation.Activations;
import org.softmaxcourse.activation.LeakyRelu;
import org.softmaxcourse.activation.Logit;
import org.softmaxcourse.activation.PRelu;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.activation.Trait;
import org.softmaxcourse.info.BinaryEntropy;
import org.softmaxcourse.loss.AbsoluteError;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.loss.HingeLoss;
import org.softmaxcourse.loss.KlDivergenceLoss;
import org.softmaxcourse.loss.NegativeLogLikelihood;
import org.softmaxcourse.loss.PointwiseLoss;
import org.softmaxcourse.loss.Reduction;
import org.softmaxcourse.loss.SquaredError;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Special;

/** The library's public checker applied to every differentiable function of the library. */
class EveryFunctionPassesGradientCheckTest {
    private static final GradientCheck CHECK = GradientCheck.create().withTolerance(1e-8);

    static Stream<Activation> activations() {
        List<Activation> all = new ArrayList<>(Activations.zoo());
        all.add(new LeakyRelu(0.3));
        all.add(new PRelu(-0.2));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void everyActivation(Activation g) {
        Random r = new Random(110);
        double[] points = new double[60];
        for (int i = 0; i < points.length; i++) {
            double z;
            do {
                z = (r.nextDouble() - 0.5) * 14;
            } while (!g.has(Trait.SMOOTH) && nearKink(z));
            points[i] = z;
        }
        CHECK.checkActivation(g, points).requirePassed();
    }

    private static boolean nearKink(double z) {
        for (double k : new double[] {-3, 0, 3, 6}) {
            if (Math.abs(z - k) < 0.02) {
                return true;
            }
        }
        return false;
    }

    @Test
    void logitAndSpecialFunctions() {
        CHECK.checkActivation(Logit.INSTANCE, 0.05, 0.2, 0.5, 0.7, 0.95).requirePassed();
        CHECK.checkDerivative("Φ′ = φ", Special::normalCdf, Special::normalPdf, -4, -1, 0, 0.3, 2, 5).requirePassed();
        CHECK.checkDerivative("erf′", Special::erf, x -> 2 / Math.sqrt(Math.PI) * Math.exp(-x * x), -2, -0.5, 0.1, 0.8,
                1.7).requirePassed();
        CHECK.checkDerivative("h′", BinaryEntropy::binaryEntropy, BinaryEntropy::derivative, 0.05, 0.3, 0.5, 0.9)
                .requirePassed();
        for (double z : new double[] {-2, -0.5, 0.7, 3}) {
            CHECK.checkDerivative("∂PReLU/∂a at z = " + z, a -> new PRelu(a).value(z), a -> new PRelu(a)
                    .derivativeWrtSlope(z), 0.25).requirePassed();
        }
        CHECK.withTolerance(1e-6).checkDerivative("p.slopeGradient", a -> {
            double[] z = {-2, 1, -0.5};
            double s = 0;
            for (double v : new PRelu(a).value(z)) {
                s += v * v;
            }
            return s / 2;
        }, a -> {
            double[] z = {-2, 1, -0.5};
            double[] up = new PRelu(a).value(z);
            return new PRelu(a).slopeGradient(z, up);
        }, 0.25, -0.1).requirePassed();
    }

    @Test
    void softmaxFamily() {
        Random r = new Random(111);
        for (int t = 0; t < 20; t++) {
            double[] z = random(r, 2 + r.nextInt(5), 8);
            double temperature = 0.3 + 2 * r.nextDouble();
            CHECK.checkJacobian("softmax Jacobian", Softmax::softmax, Softmax::jacobian, z).requirePassed();
            CHECK.checkJacobian("softmax Jacobian at T", x -> Softmax.softmax(x, temperature),
                    x -> Softmax.jacobian(x, temperature), z).requirePassed();
            CHECK.checkGradient("∇ logsumexp = softmax", Softmax::logSumExp, Softmax::softmax, z).requirePassed();
            double[] g = random(r, z.length, 2);
            CHECK.checkGradient("softmax backward", x -> dot(g, Softmax.softmax(x)), x -> Softmax.backward(x, g), z)
                    .requirePassed();
        }
    }

    static Stream<PointwiseLoss> pointwiseLosses() {
        return Stream.of(SquaredError.create(), AbsoluteError.create(), BinaryCrossEntropy.fromLogits(),
                BinaryCrossEntropy.fromLogits().withPosWeight(2.5).withReduction(Reduction.SUM),
                BinaryCrossEntropy.fromProbabilities(), BinaryCrossEntropy.fromProbabilities().withPosWeight(0.4),
                HingeLoss.create(), HingeLoss.create().withMargin(0.5).withReduction(Reduction.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pointwiseLosses")
    void everyPointwiseLoss(PointwiseLoss loss) {
        Random r = new Random(112);
        for (int t = 0; t < 20; t++) {
            int n = 1 + r.nextInt(6);
            double[] input = new double[n];
            double[] target = new double[n];
            for (int i = 0; i < n; i++) {
                boolean probability = loss instanceof BinaryCrossEntropy b && !b.isFromLogits();
                input[i] = probability ? 0.1 + 0.8 * r.nextDouble() : (r.nextDouble() - 0.5) * 6;
                target[i] = loss instanceof HingeLoss ? r.nextInt(2) : r.nextDouble();
                // Off the kinks of |ŷ − y| and of the hinge.
                if (loss instanceof AbsoluteError && Math.abs(input[i] - target[i]) < 0.05
                        || loss instanceof HingeLoss h && Math.abs(Math.abs(input[i]) - h.margin()) < 0.05) {
                    input[i] += 0.2;
                }
            }
            CHECK.withTolerance(1e-7).checkLoss(loss, input, target).requirePassed();
        }
    }

    @Test
    void categoricalLossesOnBatches() {
        Random r = new Random(113);
        for (int t = 0; t < 15; t++) {
            int n = 1 + r.nextInt(4);
            int c = 2 + r.nextInt(4);
            double[] z = random(r, n * c, 8);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = r.nextInt(c);
            }
            Matrix soft = Softmax.softmax(Matrix.wrap(n, c, random(r, n * c, 3)));
            double[] w = new double[c];
            for (int j = 0; j < c; j++) {
                w[j] = 0.2 + r.nextDouble();
            }
            CategoricalCrossEntropy ce = CategoricalCrossEntropy.fromLogits().withClassWeights(w).withLabelSmoothing(0.1);
            CHECK.checkGradient("CE labels", x -> ce.loss(Matrix.wrap(n, c, x), labels),
                    x -> ce.gradient(Matrix.wrap(n, c, x), labels).data(), z).requirePassed();
            CHECK.checkGradient("CE soft", x -> ce.loss(Matrix.wrap(n, c, x), soft),
                    x -> ce.gradient(Matrix.wrap(n, c, x), soft).data(), z).requirePassed();
            KlDivergenceLoss kl = KlDivergenceLoss.fromLogits();
            CHECK.checkGradient("KL", x -> kl.loss(Matrix.wrap(n, c, x), soft),
                    x -> kl.gradient(Matrix.wrap(n, c, x), soft).data(), z).requirePassed();
            // NLL is linear in its input; check it where the input stays a log-probability (≤ 0).
            double[] logP = Softmax.logSoftmax(Matrix.wrap(n, c, z)).data();
            for (int k = 0; k < logP.length; k++) {
                logP[k] -= 1;
            }
            NegativeLogLikelihood nll = NegativeLogLikelihood.create().withClassWeights(w);
            CHECK.withStep(1e-4).checkGradient("NLL", x -> nll.loss(Matrix.wrap(n, c, x), labels),
                    x -> nll.gradient(Matrix.wrap(n, c, x), labels).data(), logP).requirePassed();
        }
    }

    private static double[] random(Random r, int n, double spread) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (r.nextDouble() - 0.5) * spread;
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
