package org.softmaxcourse.classify;

import org.softmaxcourse.data.Dataset;
import org.softmaxcourse.data.Split;

/**
 * The course's documented training recipes, shared by the accuracy tests and the benchmark: the
 * fixed split ({@link Split#COURSE_TEST_FRACTION}, {@link Split#COURSE_SEED}), standardised on
 * the training part, and these options.
 */
public final class Course {
    private Course() {
    }

    /** The fixed split of {@code data}, standardised on its training part. */
    public static Split split(Dataset data) {
        return data.split(Split.COURSE_TEST_FRACTION, Split.COURSE_SEED).standardised();
    }

    /** Breast cancer and iris: full batch, η = 0.5, λ = 1/(C·n) with scikit-learn's default C = 1. */
    public static TrainingOptions fullBatch(int epochs, int trainingSamples) {
        return TrainingOptions.defaults().withLearningRate(0.5).withEpochs(epochs)
                .withL2(TrainingOptions.l2FromSklearnC(1.0, trainingSamples));
    }

    /** Breast cancer: 300 full-batch epochs. */
    public static TrainingOptions breastCancer(int trainingSamples) {
        return fullBatch(300, trainingSamples);
    }

    /** Iris (any number of features): 1000 full-batch epochs. */
    public static TrainingOptions iris(int trainingSamples) {
        return fullBatch(1000, trainingSamples);
    }

    /** Digits: mini-batches of 32, η = 0.1, 20 epochs, no L2, shuffle seed 1. */
    public static TrainingOptions digits() {
        return TrainingOptions.defaults().withBatchSize(32).withLearningRate(0.1).withEpochs(20).withSeed(1);
    }

    /** The share of {@code predicted} equal to {@code truth}. */
    public static double accuracy(int[] predicted, int[] truth) {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }
}
