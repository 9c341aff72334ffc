package org.softmaxcourse.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.activation.Activation;
import org.softmaxcourse.activation.Activations;
import org.softmaxcourse.activation.Elu;
import org.softmaxcourse.activation.Gelu;
import org.softmaxcourse.activation.LeakyRelu;
import org.softmaxcourse.activation.Logit;
import org.softmaxcourse.activation.Mish;
import org.softmaxcourse.activation.PRelu;
import org.softmaxcourse.activation.Selu;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.activation.Swish;
import org.softmaxcourse.activation.Tanh;
import org.softmaxcourse.info.JensenShannon;
import org.softmaxcourse.info.KullbackLeibler;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.loss.KlDivergenceLoss;
import org.softmaxcourse.loss.NegativeLogLikelihood;
import org.softmaxcourse.loss.SquaredError;
import org.softmaxcourse.numeric.Matrix;

/**
 * The cases of issue 16 that are about a sign or an overflow rather than a number of ULP: signed
 * zeros in and out of the activations, a mean of losses near the top of the double range, and
 * divergences that must not come out negative.
 */
class SignedZerosAndOverflowTest {

    static Stream<Activation> zoo() {
        return Stream.concat(Activations.zoo().stream(), Stream.of(Gelu.TANH, Swish.SILU));
    }

    /** The functions through the origin whose sign follows z's there: g(±0) = ±0. */
    static Stream<Activation> oddAtZero() {
        return Stream.of(Tanh.INSTANCE, Gelu.EXACT, Gelu.TANH, Swish.SILU, new Swish(2.0), Mish.INSTANCE, new Elu(),
                Selu.INSTANCE, new LeakyRelu(), new PRelu());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddAtZero")
    void valueKeepsTheSignOfZero(Activation g) {
        assertEquals(0.0, g.value(0.0), 0.0);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(g.value(0.0)), g + " at +0");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(g.value(-0.0)), g + " at −0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zoo")
    void derivativeIsTheSameOnBothSidesOfASignedZero(Activation g) {
        double at = g instanceof Logit ? 0.5 : 0.0;
        assertEquals(g.derivative(at), g.derivative(-at), 0.0, g.name());
        assertEquals(g.derivative(0.0), g.derivative(-0.0), 0.0, g.name() + " at ±0");
    }

    @Test
    void logitSlopeAtEitherZeroIsPlusInfinity() {
        assertEquals(Double.POSITIVE_INFINITY, Logit.INSTANCE.derivative(0.0));
        assertEquals(Double.POSITIVE_INFINITY, Logit.INSTANCE.derivative(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, Logit.INSTANCE.derivative(1.0));
        assertEquals(Double.NEGATIVE_INFINITY, Logit.logit(-0.0));
    }

    @Test
    void leftTailDerivativesUnderflowToMinusZero() {
        // GELU′, SiLU′ and Mish′ are negative for every z below their minimum, down to −∞.
        for (Activation g : new Activation[] {Gelu.EXACT, Gelu.TANH, Swish.SILU, Mish.INSTANCE}) {
            for (double z : new double[] {-1e4, -1e300, Double.NEGATIVE_INFINITY}) {
                assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(g.derivative(z)), g + " at " + z);
            }
            assertTrue(g.derivative(-5.0) < 0, g + " at −5");
        }
    }

    @Test
    void meanOfLossesNearTheTopOfTheRangeIsFinite() {
        double big = 1.6e154; // each squared error (½·big² or big², by the convention) is near MAX_VALUE
        double[] input = {big, big};
        double[] target = {0.0, 0.0};
        double each = SquaredError.create().loss(big, 0.0);
        assertTrue(Double.isFinite(each) && each > Double.MAX_VALUE / 2, "each loss " + each);
        assertEquals(each, SquaredError.create().evaluate(input, target).value(), Math.ulp(each));
        // Cross-entropy from logits: −log σ-like losses of 1.7e308 each.
        double z = -1.7e308;
        Matrix logits = Matrix.of(new double[] {0.0, z}, new double[] {0.0, z});
        double ce = CategoricalCrossEntropy.fromLogits().evaluate(logits, new int[] {1, 1}).value();
        assertEquals(1.7e308, ce, Math.ulp(1.7e308), "CE mean");
        double nll = NegativeLogLikelihood.create().evaluate(logits, new int[] {1, 1}).value();
        assertEquals(1.7e308, nll, Math.ulp(1.7e308), "NLL mean");
        Matrix target2 = Matrix.of(new double[] {0.0, 1.0}, new double[] {0.0, 1.0});
        double kl = KlDivergenceLoss.fromLogProbabilities().evaluate(logits, target2).value();
        assertEquals(1.7e308, kl, Math.ulp(1.7e308), "KL mean");
        // An infinite loss still gives an infinite mean.
        assertEquals(Double.POSITIVE_INFINITY,
                SquaredError.create().evaluate(new double[] {Double.MAX_VALUE, 1}, new double[] {-Double.MAX_VALUE, 0}).value());
    }

    @Test
    void jacobianAndBackwardTakeInfiniteAndOverflowingLogitsAsSoftmaxDoes() {
        double inf = Double.POSITIVE_INFINITY;
        assertArrayEquals(new double[] {0, 0, 0, 0}, Softmax.jacobian(new double[] {inf, 0}).data(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, Softmax.jacobian(new double[] {1e308, -1e308}).data(), 0.0);
        assertArrayEquals(new double[] {0.25, -0.25, 0, -0.25, 0.25, 0, 0, 0, 0},
                Softmax.jacobian(new double[] {inf, inf, 1}).data(), 0.0);
        assertArrayEquals(new double[] {0, 0}, Softmax.backward(new double[] {inf, 0}, new double[] {1, 2}), 0.0);
        assertArrayEquals(new double[] {0, 0}, Softmax.backward(new double[] {1e308, -1e308}, new double[] {1, 2}), 0.0);
        assertArrayEquals(new double[] {-0.5, 0.5, 0}, Softmax.backward(new double[] {inf, inf, 1}, new double[] {1, 3, 5}),
                0.0);
    }

    @Test
    void jensenShannonIsNeverNegativeAndBinaryKlKeepsTinyProbabilities() {
        double[] p = {0.10602726647564047, 0.29886077632714075, 0.3943918471588424, 0.0757039852821871,
            0.12501612475618923};
        double[] q = {0.10602726647572515, 0.29886077632704827, 0.394391847158834, 0.07570398528219845,
            0.1250161247561941};
        // mpmath: JS = 1.2290474970140586e-26 nats (the plain sum gave −2.8e-17).
        assertEquals(1.2290474970140586e-26, JensenShannon.divergence(p, q), 2 * Math.ulp(1.2290474970140586e-26));
        assertTrue(JensenShannon.distance(p, q) > 0);
        // mpmath: 5.662106397526998e-19 (forming 1 − p gave −1.0e-17).
        assertEquals(5.662106397526998e-19, KullbackLeibler.binary(1e-16, 1.1102230246251565e-16),
                2 * Math.ulp(5.662106397526998e-19));
    }
}
