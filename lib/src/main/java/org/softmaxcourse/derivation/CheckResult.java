package org.softmaxcourse.derivation;

import java.util.Locale;

/**
 * The outcome of one step's check: a row of a derivation's check table.
 *
 * @param derivation  the derivation's id, e.g. {@code "D3"}
 * @param step        the step's number, from 1
 * @param label       the step's label
 * @param relation    the relation checked
 * @param inputs      how many inputs were evaluated (edge and random)
 * @param maxAbsDiff  the largest |left − right| over all inputs and components (for an
 *                    inequality: the largest violation, 0 when it holds)
 * @param maxRelDiff  the same divided by max(|left|, |right|)
 * @param worstInput  the input where the difference (or violation) was largest
 * @param holds       whether the step held on every input
 * @param failure     why it did not hold, naming the step and the input; empty when it holds
 */
public record CheckResult(String derivation, int step, String label, Relation relation, int inputs,
                          double maxAbsDiff, double maxRelDiff, String worstInput, boolean holds, String failure) {

    /** One line, e.g. {@code D3 step 4 (chain rule): 206 inputs, max |Δ| = 2.1e-11, max rel. Δ = 4.0e-10 — holds}. */
    @Override
    public String toString() {
        return derivation + " step " + step + " (" + label + "): " + inputs + " inputs, max |Δ| = " + sci(maxAbsDiff)
                + ", max rel. Δ = " + sci(maxRelDiff) + (holds ? " — holds" : " — FAILS: " + failure);
    }

    static String sci(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == 0) {
            return "0";
        }
        return Double.isInfinite(x) ? (x > 0 ? "∞" : "-∞") : String.format(Locale.ROOT, "%.1e", x);
    }
}
