package org.softmaxcourse.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.data.Datasets;
import org.softmaxcourse.data.Split;
import org.softmaxcourse.numeric.Matrix;

class LogisticRegressionTest {
    private static final Matrix X = Matrix.of(new double[] {-2, 1}, new double[] {-1, 0}, new double[] {-0.5, 2},
            new double[] {0.5, -1}, new double[] {1, 1}, new double[] {2, 0}, new double[] {0.2, 0.3});
    private static final int[] Y = {0, 0, 0, 1, 1, 1, 0};

    @Test
    void breastCancerReachesTheBarOnTheCourseSplit() {
        Split s = Course.split(Datasets.breastCancer());
        LogisticRegression m = LogisticRegression.fit(s.train().features(), s.train().labels(),
                Course.breastCancer(s.train().size()));
        double accuracy = Course.accuracy(m.predict(s.test().features()), s.test().labels());
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy);
    }

    @Test
    void breastCancerBarHoldsOnAverageOverTenSplits() {
        double sum = 0;
        for (long seed = 0; seed < 10; seed++) {
            Split s = Datasets.breastCancer().split(0.2, seed).standardised();
            LogisticRegression m = LogisticRegression.fit(s.train().features(), s.train().labels(),
                    Course.breastCancer(s.train().size()));
            sum += Course.accuracy(m.predict(s.test().features()), s.test().labels());
        }
        assertTrue(sum / 10 >= 0.95, "mean test accuracy " + sum / 10);
    }

    @Test
    void historyStartsAtLog2AndFullBatchLossDecreases() {
        LogisticRegression m = LogisticRegression.fit(X, Y, TrainingOptions.defaults().withEpochs(50));
        TrainingHistory h = m.history();
        assertEquals(51, h.size());
        assertEquals(0, h.first().epoch());
        assertEquals(Math.log(2), h.first().loss(), 1e-15);
        double[] losses = h.losses();
        for (int e = 1; e < losses.length; e++) {
            assertTrue(losses[e] < losses[e - 1], "epoch " + e + ": " + losses[e] + " after " + losses[e - 1]);
        }
        assertFalse(h.hasValidation());
        assertEquals(m.loss(X, Y), h.last().loss(), 1e-15);
    }

    @Test
    void oneFullBatchStepIsTheTextbookGradient() {
        // From w = 0, b = 0 every σ is 1/2, so ∇_w J = (1/n) Σ (1/2 − yᵢ) xᵢ and ∂J/∂b = (1/n) Σ (1/2 − yᵢ).
        double lr = 0.3;
        LogisticRegression m = LogisticRegression.fit(X, Y, TrainingOptions.defaults().withLearningRate(lr).withEpochs(1));
        double[] expected = new double[2];
        double db = 0;
        for (int i = 0; i < Y.length; i++) {
            for (int j = 0; j < 2; j++) {
                expected[j] -= lr * (0.5 - Y[i]) * X.get(i, j) / Y.length;
            }
            db -= lr * (0.5 - Y[i]) / Y.length;
        }
        assertArrayEquals(expected, m.weights(), 1e-15);
        assertEquals(db, m.bias(), 1e-15);
    }

    @Test
    void newtonFindsTheStationaryPointOfTheRegularisedCost() {
        double l2 = 0.05;
        LogisticRegression m = LogisticRegression.fitNewton(X, Y, l2);
        // Central differences of J around the optimum: every partial derivative vanishes.
        double h = 1e-6;
        double[] w = m.weights();
        for (int j = 0; j <= w.length; j++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            double bp = m.bias();
            double bm = m.bias();
            if (j < w.length) {
                plus[j] += h;
                minus[j] -= h;
            } else {
                bp += h;
                bm -= h;
            }
            double derivative = (LogisticRegression.of(plus, bp).cost(X, Y, l2)
                    - LogisticRegression.of(minus, bm).cost(X, Y, l2)) / (2 * h);
            assertEquals(0, derivative, 1e-9, "∂J/∂θ" + j);
        }
        assertTrue(m.history().size() <= 12, m.history().toString());
        assertEquals(m.cost(X, Y, l2), m.history().last().cost(), 1e-15);
    }

    @Test
    void gradientDescentConvergesToNewtonsOptimum() {
        double l2 = 0.05;
        LogisticRegression newton = LogisticRegression.fitNewton(X, Y, l2);
        LogisticRegression gd = LogisticRegression.fit(X, Y,
                TrainingOptions.defaults().withLearningRate(1).withEpochs(5000).withL2(l2));
        assertArrayEquals(newton.weights(), gd.weights(), 1e-9);
        assertEquals(newton.bias(), gd.bias(), 1e-9);
    }

    @Test
    void miniBatchTrainingIsDeterministicForASeed() {
        TrainingOptions o = TrainingOptions.defaults().withBatchSize(2).withEpochs(20).withSeed(7);
        LogisticRegression a = LogisticRegression.fit(X, Y, o);
        LogisticRegression b = LogisticRegression.fit(X, Y, o);
        assertArrayEquals(a.weights(), b.weights(), 0.0);
        assertEquals(a.bias(), b.bias(), 0.0);
        assertEquals(a.history(), b.history());
        LogisticRegression c = LogisticRegression.fit(X, Y, o.withSeed(8));
        assertFalse(Arrays.equals(a.weights(), c.weights()));
    }

    @Test
    void aBatchAsLargeAsTheDataIsFullBatch() {
        TrainingOptions o = TrainingOptions.defaults().withEpochs(10);
        assertArrayEquals(LogisticRegression.fit(X, Y, o).weights(),
                LogisticRegression.fit(X, Y, o.withBatchSize(100)).weights(), 0.0);
    }

    @Test
    void validationDataIsMeasuredButNotTrainedOn() {
        Matrix vx = Matrix.of(new double[] {3, 0}, new double[] {-3, 0});
        int[] vy = {1, 0};
        TrainingOptions o = TrainingOptions.defaults().withEpochs(30);
        LogisticRegression with = LogisticRegression.fit(X, Y, o, vx, vy);
        assertArrayEquals(LogisticRegression.fit(X, Y, o).weights(), with.weights(), 0.0);
        assertTrue(with.history().hasValidation());
        assertEquals(with.loss(vx, vy), with.history().last().validationLoss(), 1e-15);
        assertEquals(1.0, with.history().last().validationAccuracy());
    }

    @Test
    void predictsWithTheHalfThreshold() {
        LogisticRegression m = LogisticRegression.of(new double[] {2}, -1);
        Matrix x = Matrix.of(new double[] {0.5}, new double[] {0.4999}, new double[] {3});
        assertArrayEquals(new double[] {0.5, 1 / (1 + Math.exp(2e-4)), 1 / (1 + Math.exp(-5))}, m.probabilities(x), 1e-15);
        assertArrayEquals(new int[] {1, 0, 1}, m.predict(x));
        assertArrayEquals(new int[] {0, 0, 1}, m.predict(x, 0.9));
        assertEquals("LogisticRegression(1 feature, b = -1, w = [2], λ = 0)", m.toString());
        assertFalse(m.isTrained());
        assertThrows(IllegalStateException.class, m::history);
    }

    @Test
    void badInputIsRejectedWithANamedMessage() {
        TrainingOptions o = TrainingOptions.defaults();
        assertEquals("ragged rows: rows[0] has 2 entries but rows[1] has 1",
                assertThrows(IllegalArgumentException.class,
                        () -> LogisticRegression.fit(Matrix.of(new double[] {1, 2}, new double[] {3}), new int[] {0, 1}, o))
                        .getMessage());
        Matrix nan = Matrix.of(new double[] {1, 2}, new double[] {3, Double.NaN});
        assertEquals("x[1][1] is NaN: every feature must be a finite number",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(nan, new int[] {0, 1}, o))
                        .getMessage());
        assertEquals("y[2] = 2 is not a class label: with 2 classes labels run from 0 to 1",
                assertThrows(IllegalArgumentException.class,
                        () -> LogisticRegression.fit(X, new int[] {0, 1, 2, 0, 1, 0, 1}, o)).getMessage());
        assertEquals("class 1 is absent from the training data: y has 7 labels, counted per class [7, 0]; "
                        + "every one of the 2 classes needs at least one training sample",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(X, new int[7], o)).getMessage());
        assertEquals("shape mismatch: x is 7×2 (one row per sample) but y has 3 labels",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(X, new int[] {0, 1, 0}, o))
                        .getMessage());
        assertEquals("shape mismatch: x is 1×3 but the model was trained on 2 features",
                assertThrows(IllegalArgumentException.class,
                        () -> LogisticRegression.fit(X, Y, o).predict(Matrix.of(new double[] {1, 2, 3}))).getMessage());
        assertEquals("l2 = 0.0 must be finite and greater than 0",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fitNewton(X, Y, 0)).getMessage());
    }

    @Test
    void aLearningRateThatOverflowsIsReportedNotReturnedAsNaN() {
        Matrix big = Matrix.of(new double[] {1e200}, new double[] {-1e200});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogisticRegression.fit(big, new int[] {1, 0}, TrainingOptions.defaults().withLearningRate(1e300)));
        assertTrue(e.getMessage().startsWith("training diverged in epoch 1: the parameters overflowed"), e.getMessage());
    }

    @Test
    void toStringShowsParametersAndTheLastEpoch() {
        LogisticRegression m = LogisticRegression.fit(X, Y, TrainingOptions.defaults().withEpochs(3));
        assertTrue(m.toString().startsWith("LogisticRegression(2 features, b = "), m.toString());
        assertTrue(m.toString().contains(", trained 3 epochs, final epoch 3: loss "), m.toString());
        assertNotEquals(m.history().first(), m.history().last());
    }
}
