package org.softmaxcourse.classify;

import java.util.ArrayList;
import java.util.List;
import org.softmaxcourse.numeric.Matrix;

/**
 * One-vs-one: C(C − 1)/2 binary logistic regressions, one for every pair of classes a &lt; b,
 * each trained only on the samples of those two classes to answer "b rather than a?"
 * (P(b | x, a or b) = σ(w_abᵀx + b_ab)).
 *
 * <p>To classify, every pair votes: for b when its probability is ≥ 0.5, else for a. The class
 * with the most votes wins. With three or more classes the vote can tie, for example a cycle
 * a beats b, b beats c, c beats a with one vote each: such points are {@link Outcome#TIED}. Their
 * resolved label is the tied class with the highest total confidence (the sum of the
 * probabilities its pairs gave it), the tie-break scikit-learn also uses, then the lowest index.
 *
 * <p>Instances are immutable.
 */
public final class OneVsOne implements DecisionRule {

    /**
     * The model for classes {@code first} &lt; {@code second}; its label 1 means {@code second}.
     *
     * @param first  class a
     * @param second class b
     * @param model  trained on the samples of a and b only, label 1 for b
     */
    public record Pair(int first, int second, LogisticRegression model) {
        @Override
        public String toString() {
            return first + " vs " + second + ": " + model;
        }
    }

    private final List<Pair> pairs;
    private final int classes;
    private final int features;

    private OneVsOne(List<Pair> pairs, int classes, int features) {
        this.pairs = List.copyOf(pairs);
        this.classes = classes;
        this.features = features;
    }

    /**
     * Trains the C(C − 1)/2 pair models by gradient descent, each with the same options (λ and
     * the mean loss refer to the pair's own samples).
     *
     * @param x one sample per row, one column per feature
     * @param y one label per row
     * @param classes the number of classes C, at least 2
     * @param options learning rate, epochs, batch size, λ and seed
     * @return the trained one-vs-one model
     */
    public static OneVsOne fit(Matrix x, int[] y, int classes, TrainingOptions options) {
        Checks.trainingData(x, y, classes);
        LogisticRegression.requireOptions(options);
        int d = x.cols();
        List<Pair> pairs = new ArrayList<>();
        for (int a = 0; a < classes; a++) {
            for (int b = a + 1; b < classes; b++) {
                int m = 0;
                for (int label : y) {
                    if (label == a || label == b) {
                        m++;
                    }
                }
                double[] xs = new double[m * d];
                int[] ys = new int[m];
                for (int i = 0, r = 0; i < y.length; i++) {
                    if (y[i] == a || y[i] == b) {
                        System.arraycopy(x.data(), i * d, xs, r * d, d);
                        ys[r++] = y[i] == b ? 1 : 0;
                    }
                }
                pairs.add(new Pair(a, b, LogisticRegression.fit(Matrix.wrap(m, d, xs), ys, options)));
            }
        }
        return new OneVsOne(pairs, classes, d);
    }

    /**
     * A one-vs-one model from given pair models, for experiments: one {@link Pair} for every pair
     * of classes a &lt; b, in the order (0, 1), (0, 2), …, (1, 2), ….
     *
     * @param classes the number of classes C, at least 2
     * @param pairs one pair model per pair of classes
     * @return a new one-vs-one model
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static OneVsOne of(int classes, List<Pair> pairs) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes = " + classes + " must be at least 2");
        }
        int expected = classes * (classes - 1) / 2;
        if (pairs == null || pairs.size() != expected) {
            throw new IllegalArgumentException("pairs " + (pairs == null ? "is null" : "has " + pairs.size())
                    + ": " + classes + " classes need " + expected + " pair models");
        }
        int k = 0;
        for (int a = 0; a < classes; a++) {
            for (int b = a + 1; b < classes; b++, k++) {
                Pair p = pairs.get(k);
                if (p == null || p.model() == null || p.first() != a || p.second() != b) {
                    throw new IllegalArgumentException("pairs[" + k + "] is " + p + ", expected the model for " + a
                            + " vs " + b);
                }
                if (p.model().features() != pairs.get(0).model().features()) {
                    throw new IllegalArgumentException("pairs[" + k + "] has " + p.model().features()
                            + " features but pairs[0] has " + pairs.get(0).model().features());
                }
            }
        }
        return new OneVsOne(pairs, classes, pairs.get(0).model().features());
    }

    /**
     * The pair models, in the order (0, 1), (0, 2), …, (1, 2), ….
     *
     * @return the pair models, in the order (0, 1), (0, 2), …, (1, 2), …
     */
    public List<Pair> pairs() {
        return pairs;
    }

    @Override
    public int classes() {
        return classes;
    }

    /**
     * The number of features d.
     *
     * @return the number of features d
     */
    public int features() {
        return features;
    }

    @Override
    public String name() {
        return "one-vs-one (majority vote)";
    }

    /**
     * The votes each class gets from the pairs, n × C (each row sums to C(C − 1)/2).
     *
     * @param x one sample per row, one column per feature
     * @return the votes each class gets from the pairs, n × C (each row sums to C(C − 1)/2)
     */
    public Matrix votes(Matrix x) {
        return tally(x, true);
    }

    /**
     * The total confidence of each class, n × C: the sum over its pairs of the probability the
     * pair gave it (p for the second class, 1 − p for the first).
     *
     * @param x one sample per row, one column per feature
     * @return the total confidence of each class, n × C
     */
    public Matrix confidences(Matrix x) {
        return tally(x, false);
    }

    private Matrix tally(Matrix x, boolean votes) {
        Checks.input("x", x, features);
        int n = x.rows();
        double[] out = new double[n * classes];
        for (Pair pair : pairs) {
            double[] p = pair.model().probabilities(x);
            for (int i = 0; i < n; i++) {
                if (votes) {
                    out[i * classes + (p[i] >= 0.5 ? pair.second() : pair.first())] += 1;
                } else {
                    out[i * classes + pair.second()] += p[i];
                    out[i * classes + pair.first()] += 1 - p[i];
                }
            }
        }
        return Matrix.wrap(n, classes, out);
    }

    /** The majority vote for every row; ties are {@link Outcome#TIED}. */
    @Override
    public Decisions decide(Matrix x) {
        double[] v = votes(x).data();
        double[] conf = confidences(x).data();
        int n = x.rows();
        int[] labels = new int[n];
        int[] resolved = new int[n];
        Outcome[] outcomes = new Outcome[n];
        for (int i = 0; i < n; i++) {
            int from = i * classes;
            double most = v[from];
            for (int c = 1; c < classes; c++) {
                most = Math.max(most, v[from + c]);
            }
            int tied = 0;
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (v[from + c] == most) {
                    tied++;
                    if (best < 0 || conf[from + c] > conf[from + best]) {
                        best = c;
                    }
                }
            }
            outcomes[i] = tied == 1 ? Outcome.DECIDED : Outcome.TIED;
            labels[i] = tied == 1 ? best : Decisions.UNDECIDED;
            resolved[i] = best;
        }
        return new Decisions(name(), classes, labels, outcomes, resolved);
    }

    /**
     * The winner of the vote, ties broken by confidence (the resolved labels of {@link #decide}).
     *
     * @param x one sample per row, one column per feature
     * @return the winner of the vote, ties broken by confidence (the resolved labels of {@link #decide})
     */
    public int[] predict(Matrix x) {
        return decide(x).resolved();
    }

    /** E.g. {@code OneVsOne(3 classes, 2 features, 3 pair models)}. */
    @Override
    public String toString() {
        return "OneVsOne(" + classes + " classes, " + features + (features == 1 ? " feature, " : " features, ")
                + pairs.size() + " pair models)";
    }
}
