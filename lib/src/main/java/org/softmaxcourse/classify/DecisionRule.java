package org.softmaxcourse.classify;

import org.softmaxcourse.numeric.Matrix;

/**
 * A trained multi-class classifier seen only through its decisions: what the decision-region
 * pictures and the ambiguity counts need. {@link SoftmaxRegression} and {@link OneVsOne} are
 * rules; a {@link OneVsRest} model offers two, {@link OneVsRest#thresholdRule()} and {@link
 * OneVsRest#argmaxRule()}.
 */
public interface DecisionRule {

    /**
     * A short name for legends and tables, e.g. {@code "one-vs-one (majority vote)"}.
     *
     * @return a short name for legends and tables
     */
    String name();

    /**
     * The number of classes C.
     *
     * @return the number of classes C
     */
    int classes();

    /**
     * The decision for every row of {@code x}.
     *
     * @param x one sample per row, one column per feature
     * @return the decision for every row of {@code x}
     */
    Decisions decide(Matrix x);
}
