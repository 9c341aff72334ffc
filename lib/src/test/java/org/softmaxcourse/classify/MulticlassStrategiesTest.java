package org.softmaxcourse.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.data.Datasets;
import org.softmaxcourse.data.Split;
import org.softmaxcourse.numeric.Matrix;

class MulticlassStrategiesTest {
    private static final Matrix LINE = Matrix.of(new double[] {-3}, new double[] {0}, new double[] {1}, new double[] {3});

    /** Class 0 claims x ≤ −1, class 1 claims x ≥ 0.5, class 2 claims x ≥ 2. */
    private static OneVsRest handMadeOneVsRest() {
        return OneVsRest.of(List.of(LogisticRegression.of(new double[] {-1}, -1),
                LogisticRegression.of(new double[] {1}, -0.5), LogisticRegression.of(new double[] {1}, -2)));
    }

    @Test
    void thresholdOneVsRestLeavesGapsAndOverlaps() {
        Decisions d = handMadeOneVsRest().decideByThreshold(LINE);
        assertArrayEquals(new Outcome[] {Outcome.DECIDED, Outcome.UNCLASSIFIED, Outcome.DECIDED, Outcome.AMBIGUOUS},
                d.outcomes());
        assertArrayEquals(new int[] {0, Decisions.UNDECIDED, 1, Decisions.UNDECIDED}, d.labels());
        // The fallback is the argmax: at 0 the least unconvinced model is class 1's (z = −0.5),
        // at 3 class 1's z = 2.5 beats class 2's z = 1.
        assertArrayEquals(new int[] {0, 1, 1, 1}, d.resolved());
        assertEquals(1, d.count(Outcome.AMBIGUOUS));
        assertEquals(1, d.count(Outcome.UNCLASSIFIED));
        assertEquals(2, d.undecided());
        assertEquals("Decisions of one-vs-rest (threshold 0.5) on 4 inputs: 2 decided, 1 ambiguous, 1 unclassified",
                d.toString());
    }

    @Test
    void argmaxOneVsRestAlwaysDecides() {
        OneVsRest ovr = handMadeOneVsRest();
        Decisions d = ovr.decideByArgmax(LINE);
        assertEquals(4, d.count(Outcome.DECIDED));
        assertArrayEquals(new int[] {0, 1, 1, 1}, d.labels());
        assertArrayEquals(d.labels(), ovr.predict(LINE));
        assertEquals(d, ovr.argmaxRule().decide(LINE));
        assertEquals("one-vs-rest (argmax)", ovr.argmaxRule().name());
        // σ of each model separately: the rows do not sum to 1.
        Matrix p = ovr.probabilities(LINE);
        assertEquals(1 / (1 + Math.exp(-2)) + 1 / (1 + Math.exp(3.5)) + 1 / (1 + Math.exp(5)), p.rowSums()[0], 1e-15);
    }

    @Test
    void oneVsOneCanTieAndBreaksTiesByConfidence() {
        // (0,1) always says 1, (1,2) always says 2, (0,2) says 0 for x < 0.5 and 2 above.
        OneVsOne ovo = OneVsOne.of(3, List.of(
                new OneVsOne.Pair(0, 1, LogisticRegression.of(new double[] {0}, 1)),
                new OneVsOne.Pair(0, 2, LogisticRegression.of(new double[] {1}, -0.5)),
                new OneVsOne.Pair(1, 2, LogisticRegression.of(new double[] {0}, 2))));
        Matrix x = Matrix.of(new double[] {0}, new double[] {5});
        assertEquals(Matrix.of(new double[] {1, 1, 1}, new double[] {0, 1, 2}), ovo.votes(x));
        Decisions d = ovo.decide(x);
        assertArrayEquals(new Outcome[] {Outcome.TIED, Outcome.DECIDED}, d.outcomes());
        assertArrayEquals(new int[] {Decisions.UNDECIDED, 2}, d.labels());
        // Confidences at x = 0: class 0 (1 − σ(1)) + (1 − σ(−0.5)) = 0.891, class 1 σ(1) + (1 − σ(2)) = 0.850,
        // class 2 σ(−0.5) + σ(2) = 1.259: the tie goes to class 2.
        double s1 = 1 / (1 + Math.exp(-1));
        double sHalf = 1 / (1 + Math.exp(0.5));
        double s2 = 1 / (1 + Math.exp(-2));
        assertArrayEquals(new double[] {(1 - s1) + (1 - sHalf), s1 + (1 - s2), sHalf + s2}, ovo.confidences(x).row(0), 1e-15);
        assertArrayEquals(new int[] {2, 2}, d.resolved());
        assertArrayEquals(d.resolved(), ovo.predict(x));
    }

    @Test
    void eachOneVsRestModelIsTheBinaryProblemOfItsClass() {
        Split s = Course.split(Datasets.iris());
        TrainingOptions o = TrainingOptions.defaults().withEpochs(20);
        OneVsRest ovr = OneVsRest.fit(s.train().features(), s.train().labels(), 3, o);
        int[] y = s.train().labels();
        for (int k = 0; k < 3; k++) {
            int[] yk = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                yk[i] = y[i] == k ? 1 : 0;
            }
            assertArrayEquals(LogisticRegression.fit(s.train().features(), yk, o).weights(), ovr.models().get(k).weights(), 0.0);
        }
        assertEquals(21, ovr.history(1).size());
    }

    @Test
    void eachOneVsOneModelSeesOnlyItsTwoClasses() {
        Split s = Course.split(Datasets.iris());
        TrainingOptions o = TrainingOptions.defaults().withEpochs(20);
        OneVsOne ovo = OneVsOne.fit(s.train().features(), s.train().labels(), 3, o);
        assertEquals(3, ovo.pairs().size());
        OneVsOne.Pair p = ovo.pairs().get(2);
        assertEquals(1, p.first());
        assertEquals(2, p.second());
        // Versicolor (1) and virginica (2) only, virginica as the positive class.
        int[] y = s.train().labels();
        int[] rows = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] != 0).toArray();
        Matrix x12 = s.train().rows(rows).features();
        int[] y12 = java.util.Arrays.stream(rows).map(i -> y[i] == 2 ? 1 : 0).toArray();
        assertArrayEquals(LogisticRegression.fit(x12, y12, o).weights(), p.model().weights(), 0.0);
        assertEquals("OneVsOne(3 classes, 4 features, 3 pair models)", ovo.toString());
    }

    @Test
    void allStrategiesClassifyIrisWellOnTheCourseSplit() {
        Split s = Course.split(Datasets.iris());
        TrainingOptions o = Course.iris(s.train().size());
        Matrix x = s.train().features();
        int[] y = s.train().labels();
        Matrix tx = s.test().features();
        int[] ty = s.test().labels();
        double ovrArgmax = Course.accuracy(OneVsRest.fit(x, y, 3, o).predict(tx), ty);
        double ovo = Course.accuracy(OneVsOne.fit(x, y, 3, o).predict(tx), ty);
        assertTrue(ovrArgmax >= 0.85, "one-vs-rest argmax " + ovrArgmax);
        assertTrue(ovo >= 0.9, "one-vs-one " + ovo);
    }

    @Test
    void onTwoSepalFeaturesOnlySoftmaxPartitionsThePlaneCleanly() {
        // G4: the article's "these methods have problems", counted on a grid over the
        // standardised sepal plane.
        Split s = Course.split(Datasets.iris().withFeatures("sepal length (cm)", "sepal width (cm)"));
        TrainingOptions o = Course.iris(s.train().size());
        Matrix x = s.train().features();
        int[] y = s.train().labels();
        int g = 100;
        double[] d = new double[g * g * 2];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                d[(i * g + j) * 2] = -3 + 6.0 * i / (g - 1);
                d[(i * g + j) * 2 + 1] = -3 + 6.0 * j / (g - 1);
            }
        }
        Matrix grid = Matrix.wrap(g * g, 2, d);
        Decisions ovr = OneVsRest.fit(x, y, 3, o).decideByThreshold(grid);
        Decisions ovo = OneVsOne.fit(x, y, 3, o).decide(grid);
        Decisions softmax = SoftmaxRegression.fit(x, y, 3, o).decide(grid);
        assertTrue(ovr.count(Outcome.AMBIGUOUS) > 0 && ovr.count(Outcome.UNCLASSIFIED) > 0, ovr.toString());
        assertTrue(ovo.count(Outcome.TIED) > 0, ovo.toString());
        assertEquals(0, softmax.undecided(), softmax.toString());
    }

    @Test
    void badInputIsRejectedWithANamedMessage() {
        Matrix x = Matrix.of(new double[] {0}, new double[] {1}, new double[] {2});
        TrainingOptions o = TrainingOptions.defaults();
        String absent = "class 1 is absent from the training data: y has 3 labels, counted per class [2, 0, 1]; "
                + "every one of the 3 classes needs at least one training sample";
        assertEquals(absent, assertThrows(IllegalArgumentException.class,
                () -> OneVsRest.fit(x, new int[] {0, 2, 0}, 3, o)).getMessage());
        assertEquals(absent, assertThrows(IllegalArgumentException.class,
                () -> OneVsOne.fit(x, new int[] {0, 2, 0}, 3, o)).getMessage());
        assertEquals("x[0][0] is NaN: every feature must be a finite number",
                assertThrows(IllegalArgumentException.class,
                        () -> handMadeOneVsRest().decideByThreshold(Matrix.of(new double[] {Double.NaN}))).getMessage());
        assertEquals("pairs has 1: 3 classes need 3 pair models", assertThrows(IllegalArgumentException.class,
                () -> OneVsOne.of(3, List.of(new OneVsOne.Pair(0, 1, LogisticRegression.of(new double[] {1}, 0)))))
                .getMessage());
        assertEquals("models[1] has 2 features but models[0] has 1", assertThrows(IllegalArgumentException.class,
                () -> OneVsRest.of(List.of(LogisticRegression.of(new double[] {1}, 0),
                        LogisticRegression.of(new double[] {1, 2}, 0)))).getMessage());
    }

    @Test
    void decisionsCheckTheirOwnConsistency() {
        assertEquals("labels[0] = 1 but outcomes[0] is ambiguous (several ≥ 0.5): an undecided input has label -1",
                assertThrows(IllegalArgumentException.class, () -> new Decisions("r", 2, new int[] {1},
                        new Outcome[] {Outcome.AMBIGUOUS}, new int[] {1})).getMessage());
        assertEquals("labels[0] = 2 is not a class label: with 2 classes labels run from 0 to 1",
                assertThrows(IllegalArgumentException.class, () -> new Decisions("r", 2, new int[] {2},
                        new Outcome[] {Outcome.DECIDED}, new int[] {1})).getMessage());
    }
}
