package org.softmaxcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.numeric.Matrix;

class SplitTest {

    @Test
    void stratifiedSplitKeepsEveryClassShare() {
        Split s = Datasets.breastCancer().split(0.2, 42);
        // round(212 · 0.2) = 42 malignant and round(357 · 0.2) = 71 benign held out.
        assertArrayEquals(new int[] {42, 71}, s.test().classCounts());
        assertArrayEquals(new int[] {170, 286}, s.train().classCounts());
        Split iris = Datasets.iris().split(Split.COURSE_TEST_FRACTION, Split.COURSE_SEED);
        assertArrayEquals(new int[] {10, 10, 10}, iris.test().classCounts());
    }

    @Test
    void partsAreDisjointCoverEverythingAndKeepTheOriginalOrder() {
        Dataset digits = Datasets.digits();
        Split s = digits.split(0.2, 7);
        int[] all = IntStream.concat(Arrays.stream(s.trainIndices()), Arrays.stream(s.testIndices()))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, digits.size()).toArray(), all);
        assertTrue(isAscending(s.trainIndices()) && isAscending(s.testIndices()));
        int row = s.testIndices()[5];
        assertArrayEquals(digits.features().row(row), s.test().features().row(5));
        assertEquals(digits.labels()[row], s.test().labels()[5]);
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        Dataset iris = Datasets.iris();
        assertEquals(iris.split(0.2, 1), iris.split(0.2, 1));
        assertFalse(Arrays.equals(iris.split(0.2, 1).testIndices(), iris.split(0.2, 2).testIndices()));
    }

    @Test
    void standardisationIsFittedOnTheTrainingPartOnly() {
        Split s = Datasets.iris().split(0.2, 42).standardised();
        assertTrue(s.isStandardised());
        Matrix train = s.train().features();
        for (int j = 0; j < 4; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < train.rows(); i++) {
                mean += train.get(i, j);
                sq += train.get(i, j) * train.get(i, j);
            }
            assertEquals(0, mean / train.rows(), 1e-12);
            assertEquals(1, sq / train.rows(), 1e-12);
        }
        // The test part went through the training part's μ and s, so its mean is not exactly 0.
        double testMean = 0;
        for (int i = 0; i < s.test().size(); i++) {
            testMean += s.test().features().get(i, 0);
        }
        assertNotEquals(0, testMean / s.test().size(), 1e-6);
        Split raw = Datasets.iris().split(0.2, 42);
        assertEquals(s.standardiser().transform(raw.test()).features(), s.test().features());
        assertThrows(IllegalStateException.class, s::standardised);
    }

    @Test
    void badFractionsAreRejected() {
        Dataset iris = Datasets.iris();
        assertEquals("testFraction = 1.0 must lie in (0, 1)",
                assertThrows(IllegalArgumentException.class, () -> iris.split(1.0, 1)).getMessage());
        Dataset tiny = new Dataset("tiny", Matrix.of(new double[] {1}, new double[] {2}, new double[] {3}),
                new int[] {0, 0, 1}, List.of("x"), List.of("a", "b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiny.split(0.5, 1));
        assertEquals("testFraction = 0.5 leaves class 1 (b, 1 samples) without training samples", e.getMessage());
    }

    private static boolean isAscending(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] <= a[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
