package org.softmaxcourse.classify;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.softmaxcourse.numeric.Require;

/**
 * The decisions of a multi-class rule on a batch of inputs, one per row.
 *
 * @param rule     the rule's name, e.g. {@code "one-vs-rest (threshold 0.5)"}
 * @param classes  C
 * @param labels   the class chosen for each input, or {@link #UNDECIDED} (−1) where the outcome
 *                 is ambiguous, unclassified or tied
 * @param outcomes what happened for each input
 * @param resolved a class for every input even where the rule itself gives none, by the usual
 *                 fallback: for an ambiguous or unclassified one-vs-rest point the class with the
 *                 highest probability (that is, the argmax rule), for a tied one-vs-one vote the
 *                 tied class with the highest total confidence
 */
public record Decisions(String rule, int classes, int[] labels, Outcome[] outcomes, int[] resolved) {

    /** The label of an input the rule leaves without a class. */
    public static final int UNDECIDED = -1;

    /**
     * Checks and copies the decisions.
     *
     * @param rule     the rule's name
     * @param classes  C
     * @param labels   the class chosen for each input, or {@link #UNDECIDED}
     * @param outcomes what happened for each input
     * @param resolved a class for every input
     * @throws IllegalArgumentException if the arrays differ in length, a label is not a class, or a label disagrees with its outcome
     */
    public Decisions {
        if (rule == null) {
            throw new IllegalArgumentException("rule is null");
        }
        Require.nonEmpty("labels", labels);
        Require.nonEmpty("resolved", resolved);
        if (outcomes == null || outcomes.length != labels.length || resolved.length != labels.length) {
            throw new IllegalArgumentException("shape mismatch: labels has " + labels.length + " entries, outcomes "
                    + (outcomes == null ? "none" : outcomes.length) + ", resolved " + resolved.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (outcomes[i] == null) {
                throw new IllegalArgumentException("outcomes[" + i + "] is null");
            }
            if (outcomes[i] == Outcome.DECIDED) {
                Require.label("labels[" + i + "]", labels[i], classes);
            } else if (labels[i] != UNDECIDED) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " but outcomes[" + i + "] is "
                        + outcomes[i] + ": an undecided input has label " + UNDECIDED);
            }
            Require.label("resolved[" + i + "]", resolved[i], classes);
        }
        labels = labels.clone();
        outcomes = outcomes.clone();
        resolved = resolved.clone();
    }

    /**
     * The class chosen for each input.
     *
     * @return a copy of the labels, {@link #UNDECIDED} where there is none
     */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /**
     * What happened for each input.
     *
     * @return a copy of the outcomes
     */
    @Override
    public Outcome[] outcomes() {
        return outcomes.clone();
    }

    /**
     * A class for every input, by the fallback.
     *
     * @return a copy of the resolved labels
     */
    @Override
    public int[] resolved() {
        return resolved.clone();
    }

    /**
     * The number of inputs.
     *
     * @return the number of inputs
     */
    public int size() {
        return labels.length;
    }

    /**
     * How many inputs had the given outcome.
     *
     * @param outcome an outcome
     * @return how many inputs had the given outcome
     */
    public int count(Outcome outcome) {
        int k = 0;
        for (Outcome o : outcomes) {
            if (o == outcome) {
                k++;
            }
        }
        return k;
    }

    /**
     * The count of every outcome, in declaration order (zero counts included).
     *
     * @return the count of every outcome, in declaration order (zero counts included)
     */
    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, count(o));
        }
        return counts;
    }

    /**
     * How many inputs the rule left without a class (ambiguous, unclassified or tied).
     *
     * @return how many inputs the rule left without a class (ambiguous, unclassified or tied)
     */
    public int undecided() {
        return size() - count(Outcome.DECIDED);
    }

    /** E.g. {@code Decisions of one-vs-rest (threshold 0.5) on 30 inputs: 26 decided, 3 ambiguous, 1 unclassified}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Decisions of ").append(rule).append(" on ").append(size())
                .append(size() == 1 ? " input: " : " inputs: ").append(count(Outcome.DECIDED)).append(" decided");
        for (Outcome o : Outcome.values()) {
            if (o != Outcome.DECIDED && count(o) > 0) {
                sb.append(", ").append(count(o)).append(' ').append(o.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decisions d && d.rule.equals(rule) && d.classes == classes
                && Arrays.equals(d.labels, labels) && Arrays.equals(d.outcomes, outcomes)
                && Arrays.equals(d.resolved, resolved);
    }

    @Override
    public int hashCode() {
        return (rule.hashCode() * 31 + Arrays.hashCode(labels)) * 31 + Arrays.hashCode(outcomes);
    }
}
