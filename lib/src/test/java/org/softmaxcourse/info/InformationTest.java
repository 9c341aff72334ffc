package org.softmaxcourse.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Approx.assertNear;
import static org.softmaxcourse.testing.Approx.assertRel;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.testing.Approx;

class InformationTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    /** The article's right prediction (S16) and the uniform distribution over its 5 classes. */
    private static final double[] P = {0.1, 0.15, 0.05, 0.6, 0.1};
    private static final double[] Q = {0.2, 0.2, 0.2, 0.2, 0.2};

    @Test
    void knownValues() {
        // mpmath, 40 digits.
        assertRel(1.2013670042689853176, Entropy.entropy(P), 1e-15, "H(p)");
        assertRel(1.7332062193464952491, Entropy.entropy(P, Unit.BITS), 1e-15, "H(p) in bits");
        assertRel(1.6094379124341002968, CrossEntropy.crossEntropy(P, Q), 1e-15, "H(p, q)");
        assertRel(0.40807090816511497917, KullbackLeibler.divergence(P, Q), 1e-14, "KL(p‖q)");
        assertRel(0.39233170120469055353, KullbackLeibler.divergence(Q, P), 1e-14, "KL(q‖p)");
        assertRel(0.09519965095912209427, JensenShannon.divergence(P, Q), 1e-14, "JS(p, q)");
        assertRel(0.3250829733914482517, BinaryEntropy.binaryEntropy(0.1), 1e-15, "h(0.1)");
        assertRel(4.7051701859880911155e-19, BinaryEntropy.binaryEntropy(1e-20), 1e-15, "h(1e−20)");
        assertRel(0.18378689738681227372, KullbackLeibler.binary(0.3, 0.6), 1e-14, "binary KL");
    }

    @Test
    void closeDistributionsKeepTheirDigits() {
        double d = Math.scalb(1.0, -30);
        // mpmath: KL([½, ½] ‖ [½ + 2⁻³⁰, ½ − 2⁻³⁰]) ≈ 2·(2⁻³⁰)²; the naive Σ p(log p − log q) loses
        // it all to cancellation.
        assertRel(1.7347234759768071e-18, KullbackLeibler.divergence(new double[] {0.5, 0.5},
                new double[] {0.5 + d, 0.5 - d}), 1e-9, "KL of close distributions");
    }

    @Test
    void unitsAndLimits() {
        assertEquals(1.0, Entropy.entropy(new double[] {0.5, 0.5}, Unit.BITS), 1e-16, "a fair coin is 1 bit");
        assertEquals(Math.log(2), Entropy.entropy(new double[] {0.5, 0.5}), 1e-16);
        assertEquals(2.0, Entropy.entropy(new double[] {0.25, 0.25, 0.25, 0.25}, Unit.BITS), 1e-15);
        assertEquals(0.0, Entropy.entropy(new double[] {0, 1, 0}));
        assertEquals(Math.log(5), Entropy.maximum(5, Unit.NATS), 0.0);
        assertEquals(1.0, Entropy.surprise(0.5, Unit.BITS), 1e-16);
        assertEquals(INF, Entropy.surprise(0));
        assertEquals(0.0, Entropy.surprise(1), 0.0);
        assertEquals(1.0, BinaryEntropy.binaryEntropy(0.5, Unit.BITS), 1e-16);
        assertEquals(0.0, BinaryEntropy.binaryEntropy(0));
        assertEquals(0.0, BinaryEntropy.binaryEntropy(1));
        assertEquals(Math.log(2), Unit.BITS.toNats(1.0), 1e-16);
        assertEquals("bits", Unit.BITS.toString());
    }

    @Test
    void zerosFollowZeroLogZero() {
        double[] p = {0.5, 0.5, 0};
        double[] q = {0.25, 0.75, 0};
        assertEquals(Entropy.entropy(new double[] {0.5, 0.5}), Entropy.entropy(p), 0.0);
        assertTrue(Double.isFinite(CrossEntropy.crossEntropy(p, q)), "q = 0 where p = 0 costs nothing");
        assertEquals(INF, CrossEntropy.crossEntropy(new double[] {0.5, 0.5}, new double[] {1, 0}));
        assertEquals(INF, KullbackLeibler.divergence(new double[] {0.5, 0.5}, new double[] {1, 0}));
        assertEquals(0.0, KullbackLeibler.divergence(new double[] {1, 0}, new double[] {1, 0}));
        assertEquals(Math.log(2), JensenShannon.divergence(new double[] {1, 0}, new double[] {0, 1}), 1e-16,
                "disjoint supports: log 2, finite");
        assertEquals(1.0, JensenShannon.distance(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
        assertEquals(INF, CrossEntropy.binary(1, 0));
        assertEquals(0.0, CrossEntropy.binary(0, 0));
        assertEquals(INF, KullbackLeibler.binary(0.5, 1));
    }

    @Test
    void identitiesOverRandomDistributions() {
        Random r = new Random(100);
        for (int t = 0; t < 2000; t++) {
            int c = 2 + r.nextInt(8);
            double[] p = randomDistribution(r, c, t % 3 == 0);
            double[] q = randomDistribution(r, c, false);
            double h = Entropy.entropy(p);
            double ce = CrossEntropy.crossEntropy(p, q);
            double kl = KullbackLeibler.divergence(p, q);
            double js = JensenShannon.divergence(p, q);
            assertNear(ce, h + kl, 1e-14, "H(p, q) = H(p) + KL(p‖q)");
            assertTrue(kl >= -1e-16, "KL ≥ 0: " + kl);
            assertTrue(h >= 0 && h <= Math.log(c) + 1e-15, "0 ≤ H ≤ log C: " + h);
            assertTrue(js >= -1e-16 && js <= Math.log(2) + 1e-16, "0 ≤ JS ≤ log 2: " + js);
            assertEquals(js, JensenShannon.divergence(q, p), 1e-15, "JS is symmetric");
            assertEquals(0.0, KullbackLeibler.divergence(p, p), 0.0, "KL(p‖p) = 0");
            assertEquals(ce / Math.log(2), CrossEntropy.crossEntropy(p, q, Unit.BITS), 1e-14);
        }
    }

    @Test
    void theLossesAreCrossEntropies() {
        Random r = new Random(101);
        for (int t = 0; t < 200; t++) {
            double[] y = randomDistribution(r, 4, false);
            double[] p = randomDistribution(r, 4, false);
            assertEquals(CrossEntropy.crossEntropy(y, p), CategoricalCrossEntropy.fromProbabilities().loss(p, y), 1e-14);
            double target = r.nextDouble();
            double q = r.nextDouble();
            assertEquals(CrossEntropy.binary(target, q), BinaryCrossEntropy.fromProbabilities().loss(q, target), 1e-14);
            assertEquals(CrossEntropy.binary(target, q),
                    CrossEntropy.crossEntropy(new double[] {target, 1 - target}, new double[] {q, 1 - q}), 1e-14);
        }
    }

    @Test
    void binaryEntropyDerivative() {
        for (double p = 0.05; p < 0.96; p += 0.05) {
            double pp = p;
            assertNear(Approx.derivative(BinaryEntropy::binaryEntropy, pp), BinaryEntropy.derivative(pp), 1e-8, "h′");
        }
        assertEquals(0.0, BinaryEntropy.derivative(0.5), 0.0);
        assertEquals(INF, BinaryEntropy.derivative(0));
    }

    @Test
    void badInput() {
        assertRejected(() -> Entropy.entropy(new double[] {0.5, 0.6}), "p sums to 1.1");
        assertRejected(() -> Entropy.entropy(new double[0]), "p is empty");
        assertRejected(() -> Entropy.entropy(null), "p is null");
        assertRejected(() -> Entropy.entropy(new double[] {1.5, -0.5}), "p[0] = 1.5");
        assertRejected(() -> CrossEntropy.crossEntropy(P, new double[] {0.5, 0.5}), "shape mismatch", "p has 5",
                "q has 2");
        assertRejected(() -> KullbackLeibler.divergence(P, new double[] {Double.NaN, 1}), "q[0] = NaN");
        assertRejected(() -> JensenShannon.divergence(P, Q, null), "unit is null");
        assertRejected(() -> BinaryEntropy.binaryEntropy(1.2), "p = 1.2");
        assertRejected(() -> CrossEntropy.binary(0.5, -0.1), "q = -0.1");
        assertRejected(() -> Entropy.surprise(2), "p = 2.0");
        assertRejected(() -> Entropy.maximum(0, Unit.BITS), "outcomes = 0");
    }

    private static double[] randomDistribution(Random r, int c, boolean withZeros) {
        double[] p = new double[c];
        double s = 0;
        for (int i = 0; i < c; i++) {
            p[i] = withZeros && r.nextInt(3) == 0 ? 0 : -Math.log(1 - r.nextDouble());
            s += p[i];
        }
        if (s == 0) {
            p[0] = 1;
            s = 1;
        }
        for (int i = 0; i < c; i++) {
            p[i] /= s;
        }
        return p;
    }
}
