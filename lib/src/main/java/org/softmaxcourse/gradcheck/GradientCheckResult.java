package org.softmaxcourse.gradcheck;

import java.util.List;
import java.util.Locale;
import org.softmaxcourse.numeric.Matrix;

/**
 * The outcome of a {@link GradientCheck}: one {@link Entry} per point or coordinate, the largest
 * absolute and relative error, and whether every entry is within the tolerance
 * (|analytic − numeric| ≤ tolerance·max(1, |numeric|)).
 *
 * @param what      what was checked, e.g. {@code "σ′"}
 * @param entries   one per point or coordinate, in order (unmodifiable)
 * @param tolerance the tolerance the entries were judged by
 */
public record GradientCheckResult(String what, List<Entry> entries, double tolerance) {
    private static final int SHOWN = 12;

    /**
     * One comparison.
     *
     * @param at       where, e.g. {@code "x = 0.5"} or {@code "∂/∂x[2] at 1.3"}
     * @param analytic the derivative under test
     * @param numeric  the finite-difference estimate
     * @param absError |analytic − numeric| (0 when both are the same infinity, NaN if either is NaN)
     * @param relError absError / max(|analytic|, |numeric|), 0 when both are 0
     */
    public record Entry(String at, double analytic, double numeric, double absError, double relError) {

        static Entry of(String at, double analytic, double numeric) {
            double abs = analytic == numeric ? 0.0 : Math.abs(analytic - numeric);
            double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
            double rel = abs == 0 ? 0.0 : abs / scale;
            return new Entry(at, analytic, numeric, abs, rel);
        }

        /**
         * Whether this entry is within {@code tolerance}; NaN never is.
         *
         * @param tolerance the tolerance on the relative error, finite and greater than 0
         * @return whether this entry is within {@code tolerance}; NaN never is
         */
        public boolean passes(double tolerance) {
            return absError <= tolerance * Math.max(1.0, Math.abs(numeric));
        }

        @Override
        public String toString() {
            return at + ": analytic " + Matrix.format(analytic) + ", numeric " + Matrix.format(numeric)
                    + ", |Δ| = " + sci(absError) + ", relative " + sci(relError);
        }
    }

    /**
     * A result; the entries are copied.
     *
     * @param what      what was checked
     * @param entries   one per point or coordinate
     * @param tolerance the tolerance the entries were judged by
     * @throws IllegalArgumentException if {@code entries} is empty
     */
    public GradientCheckResult {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("entries is empty: a check needs at least one point");
        }
    }

    /**
     * The largest |analytic − numeric| (NaN if any entry is NaN).
     *
     * @return the largest |analytic − numeric| (NaN if any entry is NaN)
     */
    public double maxAbsError() {
        double m = 0;
        for (Entry e : entries) {
            if (Double.isNaN(e.absError())) {
                return Double.NaN;
            }
            m = Math.max(m, e.absError());
        }
        return m;
    }

    /**
     * The largest relative error (NaN if any entry is NaN).
     *
     * @return the largest relative error (NaN if any entry is NaN)
     */
    public double maxRelError() {
        double m = 0;
        for (Entry e : entries) {
            if (Double.isNaN(e.relError())) {
                return Double.NaN;
            }
            m = Math.max(m, e.relError());
        }
        return m;
    }

    /**
     * The entry furthest outside the tolerance (a NaN entry first), or the largest error if all pass.
     *
     * @return the entry furthest outside the tolerance (a NaN entry first), or the largest error if all pass
     */
    public Entry worst() {
        Entry worst = entries.get(0);
        for (Entry e : entries) {
            if (badness(e) > badness(worst)) {
                worst = e;
            }
        }
        return worst;
    }

    private double badness(Entry e) {
        if (Double.isNaN(e.absError())) {
            return Double.POSITIVE_INFINITY;
        }
        return e.absError() / Math.max(1.0, Math.abs(e.numeric()));
    }

    /**
     * Whether every entry is within the tolerance.
     *
     * @return whether every entry is within the tolerance
     */
    public boolean passed() {
        for (Entry e : entries) {
            if (!e.passes(tolerance)) {
                return false;
            }
        }
        return true;
    }

    /**
     * This result, or an {@link AssertionError} whose message is {@link #toString()}.
     *
     * @return this result, when every entry passes
     * @throws AssertionError whose message is {@link #toString()}, when an entry fails
     */
    public GradientCheckResult requirePassed() {
        if (!passed()) {
            throw new AssertionError(toString());
        }
        return this;
    }

    /** A summary line, then the entries (the first few and the worst of a long check). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Gradient check of ").append(what).append(": ")
                .append(entries.size()).append(entries.size() == 1 ? " point" : " points")
                .append(", max |Δ| = ").append(sci(maxAbsError()))
                .append(", max relative Δ = ").append(sci(maxRelError()))
                .append(passed() ? " → OK" : " → FAILED").append(" (tolerance ").append(sci(tolerance)).append(')');
        int shown = Math.min(entries.size(), SHOWN);
        for (int i = 0; i < shown; i++) {
            Entry e = entries.get(i);
            sb.append("\n  ").append(e.passes(tolerance) ? "  " : "✗ ").append(e);
        }
        if (entries.size() > shown) {
            sb.append("\n  … ").append(entries.size() - shown).append(" more; worst: ").append(worst());
        }
        return sb.toString();
    }

    private static String sci(double x) {
        return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%.1e", x);
    }
}
