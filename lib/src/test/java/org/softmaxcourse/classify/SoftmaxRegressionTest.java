package org.softmaxcourse.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.data.Dataset;
import org.softmaxcourse.data.Datasets;
import org.softmaxcourse.data.Split;
import org.softmaxcourse.numeric.Matrix;

class SoftmaxRegressionTest {

    @Test
    void digitsReachTheBarOnTheCourseSplit() {
        Split s = Course.split(Datasets.digits());
        SoftmaxRegression m = SoftmaxRegression.fit(s.train().features(), s.train().labels(), 10, Course.digits());
        double accuracy = Course.accuracy(m.predict(s.test().features()), s.test().labels());
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy);
        assertEquals(21, m.history().size());
    }

    @Test
    void irisWithAllFourFeaturesReachesTheBarOnTheCourseSplit() {
        Split s = Course.split(Datasets.iris());
        SoftmaxRegression m = SoftmaxRegression.fit(s.train().features(), s.train().labels(), 3,
                Course.iris(s.train().size()));
        double accuracy = Course.accuracy(m.predict(s.test().features()), s.test().labels());
        assertTrue(accuracy >= 0.93, "test accuracy " + accuracy);
    }

    @Test
    void barsHoldOnAverageOverTenSplits() {
        Dataset iris = Datasets.iris();
        Dataset digits = Datasets.digits();
        double irisSum = 0;
        double digitsSum = 0;
        for (long seed = 0; seed < 10; seed++) {
            Split s = iris.split(0.2, seed).standardised();
            irisSum += Course.accuracy(SoftmaxRegression.fit(s.train().features(), s.train().labels(), 3,
                    Course.iris(s.train().size())).predict(s.test().features()), s.test().labels());
            Split d = digits.split(0.2, seed).standardised();
            digitsSum += Course.accuracy(SoftmaxRegression.fit(d.train().features(), d.train().labels(), 10,
                    Course.digits()).predict(d.test().features()), d.test().labels());
        }
        assertTrue(irisSum / 10 >= 0.93, "iris mean test accuracy " + irisSum / 10);
        assertTrue(digitsSum / 10 >= 0.95, "digits mean test accuracy " + digitsSum / 10);
    }

    @Test
    void probabilitiesAreSoftmaxOfTheLogits() {
        SoftmaxRegression m = SoftmaxRegression.of(Matrix.of(new double[] {1, 0, -1}, new double[] {0, 2, 0}),
                new double[] {0, 0, 1});
        Matrix x = Matrix.of(new double[] {1, 1}, new double[] {0, 0});
        assertEquals(Matrix.of(new double[] {1, 2, 0}, new double[] {0, 0, 1}), m.logits(x));
        Matrix p = m.probabilities(x);
        double e = Math.E;
        double sum = e + e * e + 1;
        assertArrayEquals(new double[] {e / sum, e * e / sum, 1 / sum}, p.row(0), 1e-15);
        assertArrayEquals(new int[] {1, 2}, m.predict(x));
        Decisions d = m.decide(x);
        assertEquals(2, d.count(Outcome.DECIDED));
        assertEquals("softmax", d.rule());
    }

    @Test
    void twoClassSoftmaxIsLogisticRegressionOnTheScoreDifference() {
        // softmax([z0, z1])₁ = σ(z1 − z0). From zero, the two columns move in opposite directions
        // (their gradients sum to 0), so v = w1 − w0 = 2·w1 follows logistic regression's steps
        // at twice the learning rate, to rounding.
        Split s = Course.split(Datasets.breastCancer());
        SoftmaxRegression softmax = SoftmaxRegression.fit(s.train().features(), s.train().labels(), 2,
                TrainingOptions.defaults().withLearningRate(0.05).withEpochs(50));
        LogisticRegression logistic = LogisticRegression.fit(s.train().features(), s.train().labels(),
                TrainingOptions.defaults().withLearningRate(0.1).withEpochs(50));
        Matrix w = softmax.weights();
        double[] v = new double[w.rows()];
        for (int j = 0; j < v.length; j++) {
            v[j] = w.get(j, 1) - w.get(j, 0);
        }
        assertArrayEquals(logistic.weights(), v, 1e-12);
        assertEquals(logistic.bias(), softmax.biases()[1] - softmax.biases()[0], 1e-12);
        assertArrayEquals(logistic.history().losses(), softmax.history().losses(), 1e-12);
    }

    @Test
    void historyStartsAtLogCAndTracksValidation() {
        Split s = Course.split(Datasets.iris());
        SoftmaxRegression m = SoftmaxRegression.fit(s.train().features(), s.train().labels(), 3,
                TrainingOptions.defaults().withEpochs(5).withBatchSize(16), s.test().features(), s.test().labels());
        assertEquals(Math.log(3), m.history().first().loss(), 1e-14);
        assertEquals(Math.log(3), m.history().first().validationLoss(), 1e-14);
        assertEquals(m.loss(s.test().features(), s.test().labels()), m.history().last().validationLoss(), 1e-15);
        assertEquals(m.loss(s.train().features(), s.train().labels()), m.history().last().loss(), 1e-15);
    }

    @Test
    void trainingIsDeterministicForASeed() {
        Split s = Course.split(Datasets.digits());
        TrainingOptions o = Course.digits().withEpochs(2);
        SoftmaxRegression a = SoftmaxRegression.fit(s.train().features(), s.train().labels(), 10, o);
        SoftmaxRegression b = SoftmaxRegression.fit(s.train().features(), s.train().labels(), 10, o);
        assertEquals(a.weights(), b.weights());
        assertArrayEquals(a.biases(), b.biases(), 0.0);
        assertEquals(a.history(), b.history());
        SoftmaxRegression c = SoftmaxRegression.fit(s.train().features(), s.train().labels(), 10, o.withSeed(2));
        assertFalse(Arrays.equals(a.weights().data(), c.weights().data()));
    }

    @Test
    void badInputIsRejectedWithANamedMessage() {
        Matrix x = Matrix.of(new double[] {0}, new double[] {1}, new double[] {2});
        TrainingOptions o = TrainingOptions.defaults();
        assertEquals("class 2 is absent from the training data: y has 3 labels, counted per class [2, 1, 0]; "
                        + "every one of the 3 classes needs at least one training sample",
                assertThrows(IllegalArgumentException.class,
                        () -> SoftmaxRegression.fit(x, new int[] {0, 0, 1}, 3, o)).getMessage());
        assertEquals("y[1] = 3 is not a class label: with 3 classes labels run from 0 to 2",
                assertThrows(IllegalArgumentException.class,
                        () -> SoftmaxRegression.fit(x, new int[] {0, 3, 1}, 3, o)).getMessage());
        assertEquals("y[0] = -1 is not a class label: with 3 classes labels run from 0 to 2",
                assertThrows(IllegalArgumentException.class,
                        () -> SoftmaxRegression.fit(x, new int[] {-1, 2, 1}, 3, o)).getMessage());
        Matrix inf = Matrix.of(new double[] {0}, new double[] {Double.POSITIVE_INFINITY}, new double[] {2});
        assertEquals("x[1][0] is +∞: every feature must be a finite number",
                assertThrows(IllegalArgumentException.class,
                        () -> SoftmaxRegression.fit(inf, new int[] {0, 1, 2}, 3, o)).getMessage());
        assertEquals("classes = 1 must be at least 2",
                assertThrows(IllegalArgumentException.class,
                        () -> SoftmaxRegression.fit(x, new int[] {0, 0, 0}, 1, o)).getMessage());
        assertEquals("validationY is null: give both validation features and labels, or neither",
                assertThrows(IllegalArgumentException.class,
                        () -> SoftmaxRegression.fit(x, new int[] {0, 1, 2}, 3, o, x, null)).getMessage());
        assertEquals("options is null",
                assertThrows(IllegalArgumentException.class,
                        () -> SoftmaxRegression.fit(x, new int[] {0, 1, 2}, 3, null)).getMessage());
    }

    @Test
    void toStringNamesShapeAndTraining() {
        SoftmaxRegression m = SoftmaxRegression.fit(Matrix.of(new double[] {0}, new double[] {1}), new int[] {0, 1}, 2,
                TrainingOptions.defaults().withEpochs(1));
        assertTrue(m.toString().startsWith("SoftmaxRegression(1 feature → 2 classes, λ = 0, trained 1 epochs, final epoch 1: loss "),
                m.toString());
    }
}
