package org.softmaxcourse.classify;

import java.util.List;

/**
 * The loss and accuracy of a model epoch by epoch, from the starting point (epoch 0) to the end
 * of training. {@code ClassifierTables.history} turns it into a table and {@code
 * ClassifierPlots.history} into a chart.
 *
 * @param model  what was trained, e.g. {@code "softmax regression"}
 * @param solver how it was trained: by gradient descent (one entry per epoch) or by Newton's
 *               method (one entry per Newton step)
 * @param epochs one entry per epoch or step, in order, starting with epoch 0
 */
public record TrainingHistory(String model, Solver solver, List<Epoch> epochs) {

    /**
     * Checks and copies the entries.
     *
     * @throws IllegalArgumentException if an argument is null or {@code epochs} is empty
     * @param model what was trained
     * @param solver how it was trained
     * @param epochs the entries
     */
    public TrainingHistory {
        if (model == null) {
            throw new IllegalArgumentException("model is null");
        }
        if (solver == null) {
            throw new IllegalArgumentException("solver is null");
        }
        if (epochs == null || epochs.isEmpty()) {
            throw new IllegalArgumentException("epochs is " + (epochs == null ? "null" : "empty")
                    + ": a history starts with epoch 0");
        }
        epochs = List.copyOf(epochs);
    }

    /**
     * The history of a model trained by gradient descent.
     *
     * @param model what was trained
     * @param epochs one entry per epoch, starting with epoch 0
     * @throws IllegalArgumentException if an argument is null or {@code epochs} is empty
     */
    public TrainingHistory(String model, List<Epoch> epochs) {
        this(model, Solver.GRADIENT_DESCENT, epochs);
    }

    /**
     * The number of entries (epochs trained + 1).
     *
     * @return the number of entries (epochs trained + 1)
     */
    public int size() {
        return epochs.size();
    }

    /**
     * The starting point.
     *
     * @return the starting point
     */
    public Epoch first() {
        return epochs.get(0);
    }

    /**
     * Where training ended.
     *
     * @return where training ended
     */
    public Epoch last() {
        return epochs.get(epochs.size() - 1);
    }

    /**
     * Whether validation data was measured.
     *
     * @return whether validation data was measured
     */
    public boolean hasValidation() {
        return first().hasValidation();
    }

    /**
     * The training loss of every entry.
     *
     * @return the training loss of every entry
     */
    public double[] losses() {
        return epochs.stream().mapToDouble(Epoch::loss).toArray();
    }

    /** The first entry, a few in between and the last. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TrainingHistory of ").append(model).append(", ")
                .append(size() - 1).append(size() == 2 ? " epoch" : " epochs");
        int n = size();
        int step = Math.max(1, (n - 1) / 4);
        for (int e = 0; e < n; e += step) {
            if (e > 0 && n - 1 - e <= step / 2) {
                break;
            }
            sb.append("\n  ").append(epochs.get(e));
        }
        if (n > 1) {
            sb.append("\n  ").append(last());
        }
        return sb.toString();
    }
}
