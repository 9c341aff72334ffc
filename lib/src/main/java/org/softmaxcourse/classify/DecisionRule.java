package org.softmaxcourse.classify;

import java.util.function.UnaryOperator;
import org.softmaxcourse.numeric.Matrix;

/**
 * A trained multi-class classifier seen only through its decisions: what the decision-region
 * pictures and the ambiguity counts need. {@link SoftmaxRegression} and {@link OneVsOne} are
 * rules; a {@link OneVsRest} model offers two, {@link OneVsRest#thresholdRule()} and {@link
 * OneVsRest#argmaxRule()}.
 */
public interface DecisionRule {

    /** A short name for legends and tables, e.g. {@code "one-vs-one (majority vote)"}. */
    String name();

    /** The number of classes C. */
    int classes();

    /** The decision for every row of {@code x}. */
    Decisions decide(Matrix x);

    /**
     * This rule applied after {@code preprocess}: for example {@code
     * rule.after(standardiser::transform)} decides on raw measurements for a model trained on
     * standardised ones, so that a picture can be drawn in the original units.
     */
    default DecisionRule after(UnaryOperator<Matrix> preprocess) {
        if (preprocess == null) {
            throw new IllegalArgumentException("preprocess is null");
        }
        DecisionRule inner = this;
        return new DecisionRule() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public int classes() {
                return inner.classes();
            }

            @Override
            public Decisions decide(Matrix x) {
                return inner.decide(preprocess.apply(x));
            }

            @Override
            public String toString() {
                return inner + " after preprocessing";
            }
        };
    }
}
