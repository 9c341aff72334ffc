package org.softmaxcourse.derivation;

/**
 * How the two sides of a step must compare. Equalities and non-strict inequalities allow the
 * check's tolerance; strict inequalities are exact.
 */
public enum Relation {
    /** left = right within the tolerance. */
    EQUAL("="),
    /** left ≤ right (plus the tolerance). */
    AT_MOST("≤"),
    /** left ≥ right (minus the tolerance). */
    AT_LEAST("≥"),
    /** left &lt; right, strictly. */
    LESS_THAN("<"),
    /** left &gt; right, strictly. */
    GREATER_THAN(">");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    /**
     * =, ≤, ≥, &lt; or &gt;.
     *
     * @return =, ≤, ≥, &lt; or &gt;
     */
    public String symbol() {
        return symbol;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
