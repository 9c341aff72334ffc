package org.softmaxcourse.classify;

import java.util.ArrayList;
import java.util.List;
import org.softmaxcourse.numeric.Matrix;

/**
 * One-vs-rest (one-vs-all): C binary logistic regressions, model k trained to answer "class k or
 * not?" on all the data, P(k | x) = σ(w_kᵀx + b_k).
 *
 * <p>Two ways to turn the C answers into one class:
 *
 * <ul>
 *   <li>{@link #decideByThreshold(Matrix) threshold}: each model says "mine" when its
 *       probability is ≥ 0.5. Where exactly one does, that is the class; where several do the
 *       point is {@link Outcome#AMBIGUOUS}, where none does it is {@link Outcome#UNCLASSIFIED}.
 *       This is the article's first reduction, and its problem.</li>
 *   <li>{@link #decideByArgmax(Matrix) argmax}: the class whose model is most confident,
 *       argmax_k σ(w_kᵀx + b_k) (σ is increasing, so the same as the largest score). Always
 *       decides; the article's "improved one-vs-rest".</li>
 * </ul>
 *
 * <p>The C probabilities come from separately trained models and need not sum to 1. Instances
 * are immutable.
 */
public final class OneVsRest {
    private final List<LogisticRegression> models;
    private final int features;

    private OneVsRest(List<LogisticRegression> models, int features) {
        this.models = List.copyOf(models);
        this.features = features;
    }

    /**
     * Trains the C binary models by gradient descent, each with the same options.
     *
     * @param y labels in {@code 0 .. classes − 1}, every class present
     * @param x one sample per row, one column per feature
     * @param classes the number of classes C, at least 2
     * @param options learning rate, epochs, batch size, λ and seed
     * @return the trained one-vs-rest model
     */
    public static OneVsRest fit(Matrix x, int[] y, int classes, TrainingOptions options) {
        Checks.trainingData(x, y, classes);
        LogisticRegression.requireOptions(options);
        List<LogisticRegression> models = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            int[] yk = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                yk[i] = y[i] == k ? 1 : 0;
            }
            models.add(LogisticRegression.fit(x, yk, options));
        }
        return new OneVsRest(models, x.cols());
    }

    /**
     * A one-vs-rest model from C ≥ 2 given binary models (model k answers "class k or not?"), for
     * experiments: hand-made models show where the threshold rule leaves gaps and overlaps.
     *
     * @param models one binary model per class
     * @return a new one-vs-rest model
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static OneVsRest of(List<LogisticRegression> models) {
        if (models == null || models.size() < 2) {
            throw new IllegalArgumentException("models " + (models == null ? "is null" : "has " + models.size())
                    + ": one-vs-rest needs one binary model per class, at least 2");
        }
        for (int k = 0; k < models.size(); k++) {
            if (models.get(k) == null) {
                throw new IllegalArgumentException("models[" + k + "] is null");
            }
            if (models.get(k).features() != models.get(0).features()) {
                throw new IllegalArgumentException("models[" + k + "] has " + models.get(k).features()
                        + " features but models[0] has " + models.get(0).features());
            }
        }
        return new OneVsRest(models, models.get(0).features());
    }

    /**
     * The C binary models; model k answers "class k or not?".
     *
     * @return the C binary models; model k answers "class k or not?"
     */
    public List<LogisticRegression> models() {
        return models;
    }

    /**
     * The number of classes C.
     *
     * @return the number of classes C
     */
    public int classes() {
        return models.size();
    }

    /**
     * The number of features d.
     *
     * @return the number of features d
     */
    public int features() {
        return features;
    }

    /**
     * The training history of model k.
     *
     * @param k the class
     * @return the training history of model k
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public TrainingHistory history(int k) {
        org.softmaxcourse.numeric.Require.label("k", k, classes());
        return models.get(k).history();
    }

    /**
     * σ(w_kᵀx + b_k) for every row and class, n × C. Rows need not sum to 1.
     *
     * @param x one sample per row, one column per feature
     * @return σ(w_kᵀx + b_k) for every row and class, n × C
     */
    public Matrix probabilities(Matrix x) {
        Checks.input("x", x, features);
        int n = x.rows();
        int c = classes();
        double[] p = new double[n * c];
        for (int k = 0; k < c; k++) {
            double[] pk = models.get(k).probabilities(x);
            for (int i = 0; i < n; i++) {
                p[i * c + k] = pk[i];
            }
        }
        return Matrix.wrap(n, c, p);
    }

    /**
     * The argmax decision: the class whose model gives the highest probability.
     *
     * @param x one sample per row, one column per feature
     * @return the argmax decision: the class whose model gives the highest probability
     */
    public int[] predict(Matrix x) {
        return probabilities(x).argmaxPerRow();
    }

    /**
     * The threshold decision: each model claims the point when its probability is ≥ 0.5. One
     * claimant decides; several make the point ambiguous, none leave it unclassified (both get
     * label {@link Decisions#UNDECIDED}, and the argmax class as their resolved label).
     *
     * @param x one sample per row, one column per feature
     * @return the threshold decision: each model claims the point when its probability is ≥ 0.5
     */
    public Decisions decideByThreshold(Matrix x) {
        Matrix p = probabilities(x);
        int n = p.rows();
        int c = p.cols();
        int[] argmax = p.argmaxPerRow();
        int[] labels = new int[n];
        Outcome[] outcomes = new Outcome[n];
        for (int i = 0; i < n; i++) {
            int claimants = 0;
            int claimant = -1;
            for (int k = 0; k < c; k++) {
                if (p.data()[i * c + k] >= 0.5) {
                    claimants++;
                    claimant = k;
                }
            }
            outcomes[i] = claimants == 1 ? Outcome.DECIDED : claimants == 0 ? Outcome.UNCLASSIFIED : Outcome.AMBIGUOUS;
            labels[i] = claimants == 1 ? claimant : Decisions.UNDECIDED;
        }
        return new Decisions(thresholdRule().name(), c, labels, outcomes, argmax);
    }

    /**
     * The argmax decision for every row; always {@link Outcome#DECIDED}.
     *
     * @param x one sample per row, one column per feature
     * @return the argmax decision for every row; always {@link Outcome#DECIDED}
     */
    public Decisions decideByArgmax(Matrix x) {
        int[] labels = predict(x);
        Outcome[] outcomes = new Outcome[labels.length];
        java.util.Arrays.fill(outcomes, Outcome.DECIDED);
        return new Decisions(argmaxRule().name(), classes(), labels, outcomes, labels);
    }

    /**
     * {@link #decideByThreshold(Matrix)} as a rule, for pictures and tables.
     *
     * @return the threshold rule
     */
    public DecisionRule thresholdRule() {
        return rule("one-vs-rest (threshold 0.5)", true);
    }

    /**
     * {@link #decideByArgmax(Matrix)} as a rule, for pictures and tables.
     *
     * @return the argmax rule
     */
    public DecisionRule argmaxRule() {
        return rule("one-vs-rest (argmax)", false);
    }

    private DecisionRule rule(String name, boolean threshold) {
        OneVsRest model = this;
        return new DecisionRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int classes() {
                return model.classes();
            }

            @Override
            public Decisions decide(Matrix x) {
                return threshold ? model.decideByThreshold(x) : model.decideByArgmax(x);
            }

            @Override
            public String toString() {
                return name + " over " + model;
            }
        };
    }

    /** E.g. {@code OneVsRest(3 classes, 4 features; final training accuracy of each model [100 %, 74.2 %, 95.8 %])}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OneVsRest(").append(classes()).append(" classes, ").append(features)
                .append(features == 1 ? " feature" : " features");
        if (models.stream().allMatch(LogisticRegression::isTrained)) {
            sb.append("; final training accuracy of each model [");
            for (int k = 0; k < classes(); k++) {
                sb.append(k == 0 ? "" : ", ").append(org.softmaxcourse.numeric.Numbers.percent(models.get(k).history().last().accuracy()));
            }
            sb.append(']');
        } else {
            sb.append(", given models");
        }
        return sb.append(')').toString();
    }
}
