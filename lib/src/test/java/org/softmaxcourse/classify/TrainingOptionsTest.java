package org.softmaxcourse.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {

    @Test
    void zeroEpochsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.defaults().withEpochs(0));
        assertEquals("epochs = 0 must be at least 1: a model trained for no epochs has learned nothing", e.getMessage());
    }

    @Test
    void otherBadValuesAreRejected() {
        TrainingOptions o = TrainingOptions.defaults();
        assertEquals("learningRate = 0.0 must be finite and greater than 0",
                assertThrows(IllegalArgumentException.class, () -> o.withLearningRate(0)).getMessage());
        assertEquals("learningRate = NaN must be finite and greater than 0",
                assertThrows(IllegalArgumentException.class, () -> o.withLearningRate(Double.NaN)).getMessage());
        assertEquals("l2 = -1.0 must be finite and at least 0",
                assertThrows(IllegalArgumentException.class, () -> o.withL2(-1)).getMessage());
        assertEquals("batchSize = -2 must be at least 1, or FULL_BATCH (0) for all samples",
                assertThrows(IllegalArgumentException.class, () -> o.withBatchSize(-2)).getMessage());
    }

    @Test
    void sklearnCMapsToLambdaOverTheTrainingSetSize() {
        assertEquals(1.0 / 455, TrainingOptions.l2FromSklearnC(1.0, 455), 0.0);
        assertEquals(1.0 / 45.5, TrainingOptions.l2FromSklearnC(0.1, 455), 1e-18);
    }

    @Test
    void readableToString() {
        assertEquals("TrainingOptions(η = 0.1, 100 epochs, full batch, λ = 0, seed 0)", TrainingOptions.defaults().toString());
        assertEquals("TrainingOptions(η = 0.05, 1 epoch, mini-batches of 32, λ = 0.001, seed 7)",
                TrainingOptions.defaults().withLearningRate(0.05).withEpochs(1).withBatchSize(32).withL2(1e-3)
                        .withSeed(7).toString());
        TrainingHistory h = new TrainingHistory("toy", List.of(new Epoch(0, 0.6931, 0.6931, 0.5, Double.NaN, Double.NaN),
                new Epoch(1, 0.5, 0.51, 0.75, 0.6, 0.5)));
        assertEquals("TrainingHistory of toy, 1 epoch\n  epoch 0: loss 0.6931, cost 0.6931, accuracy 50 %\n"
                + "  epoch 1: loss 0.5, cost 0.51, accuracy 75 % (validation loss 0.6, accuracy 50 %)", h.toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrainingHistory("toy", List.of()))
                .getMessage().contains("empty"));
    }
}
