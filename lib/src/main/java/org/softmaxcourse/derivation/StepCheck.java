package org.softmaxcourse.derivation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.softmaxcourse.numeric.Matrix;

/**
 * The numeric check of a {@link Step}: two functions of an input, the step's left and right
 * sides, compared by a {@link Relation} on named edge inputs and on seeded random inputs.
 *
 * <p>Both sides return a number or a vector of numbers (compared component by component). For
 * {@link Relation#EQUAL} a component holds when |left − right| ≤ abs + rel·max(|left|, |right|)
 * (equal infinities hold; NaN never does); for ≤ and ≥ the same tolerance is allowed beyond the
 * bound; &lt; and &gt; are strict. A side that throws fails the step at that input, with the
 * exception's message.
 *
 * <pre>{@code
 *   StepCheck.scalar(r -> (r.nextDouble() - 0.5) * 40,
 *                z -> Sigmoid.INSTANCE.derivative(z),
 *                z -> Sigmoid.sigmoid(z) * (1 - Sigmoid.sigmoid(z)))
 *        .edge("z = 0", 0.0)
 *        .tolerance(1e-15, 0)
 * }</pre>
 *
 * @param <T> the type of one input
 */
public final class StepCheck<T> {
    /** The default absolute tolerance, 10⁻¹². */
    public static final double DEFAULT_ABS = 1e-12;
    /** The default relative tolerance, 10⁻¹². */
    public static final double DEFAULT_REL = 1e-12;

    private final Function<Random, T> random;
    private final Function<T, double[]> left;
    private final Function<T, double[]> right;
    private final List<String> edgeNames;
    private final List<T> edges;
    private final Relation relation;
    private final double abs;
    private final double rel;
    private final Function<T, String> describe;

    private StepCheck(Function<Random, T> random, Function<T, double[]> left, Function<T, double[]> right,
                  List<String> edgeNames, List<T> edges, Relation relation, double abs, double rel,
                  Function<T, String> describe) {
        this.random = random;
        this.left = left;
        this.right = right;
        this.edgeNames = edgeNames;
        this.edges = edges;
        this.relation = relation;
        this.abs = abs;
        this.rel = rel;
        this.describe = describe;
    }

    /**
     * A check of two numbers, on inputs drawn by {@code random} (null for a check on named edge
     * inputs only).
     *
     * @param <T> the type of one input
     * @param random draws one input from a seeded generator (null: edge inputs only)
     * @param left the left side of the step as a function of the input
     * @param right the right side of the step as a function of the input
     * @return a new check
     */
    public static <T> StepCheck<T> scalar(Function<Random, T> random, ToDoubleFunction<T> left, ToDoubleFunction<T> right) {
        notNull("left", left);
        notNull("right", right);
        return vector(random, t -> new double[] {left.applyAsDouble(t)}, t -> new double[] {right.applyAsDouble(t)});
    }

    /**
     * A check of two vectors of the same length, compared component by component.
     *
     * @param <T> the type of one input
     * @param random draws one input from a seeded generator (null: edge inputs only)
     * @param left the left side of the step as a function of the input
     * @param right the right side of the step as a function of the input
     * @return a check of two vectors of the same length, compared component by component
     */
    public static <T> StepCheck<T> vector(Function<Random, T> random, Function<T, double[]> left,
                                      Function<T, double[]> right) {
        notNull("left", left);
        notNull("right", right);
        return new StepCheck<>(random, left, right, List.of(), List.of(), Relation.EQUAL, DEFAULT_ABS, DEFAULT_REL,
                String::valueOf);
    }

    /**
     * The same check with one more named edge input.
     *
     * @param name the input's name in messages and tables
     * @param input the input
     * @return the same check with one more named edge input
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public StepCheck<T> edge(String name, T input) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is empty: an edge input needs a name");
        }
        List<String> names = new ArrayList<>(edgeNames);
        names.add(name);
        List<T> values = new ArrayList<>(edges);
        values.add(input);
        return new StepCheck<>(random, left, right, List.copyOf(names), values, relation, abs, rel, describe);
    }

    /**
     * The same check with another relation between the sides.
     *
     * @param relation how the sides compare
     * @return the same check with another relation between the sides
     */
    public StepCheck<T> relation(Relation relation) {
        notNull("relation", relation);
        return new StepCheck<>(random, left, right, edgeNames, edges, relation, abs, rel, describe);
    }

    /**
     * The same check with absolute tolerance {@code abs} and relative tolerance {@code rel} (both ≥ 0).
     *
     * @param abs the absolute tolerance, at least 0
     * @param rel the relative tolerance, at least 0
     * @return the same check with absolute tolerance {@code abs} and relative tolerance {@code rel} (both ≥ 0)
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public StepCheck<T> tolerance(double abs, double rel) {
        if (!(abs >= 0 && rel >= 0 && abs < Double.POSITIVE_INFINITY && rel < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tolerance abs = " + abs + ", rel = " + rel
                    + " must be finite and at least 0");
        }
        return new StepCheck<>(random, left, right, edgeNames, edges, relation, abs, rel, describe);
    }

    /**
     * The same check, showing inputs in messages and tables with {@code describe}.
     *
     * @param describe the text that shows an input
     * @return the same check, showing inputs in messages and tables with {@code describe}
     */
    public StepCheck<T> describedBy(Function<T, String> describe) {
        notNull("describe", describe);
        return new StepCheck<>(random, left, right, edgeNames, edges, relation, abs, rel, describe);
    }

    /**
     * How the two sides compare.
     *
     * @return the relation
     */
    public Relation relation() {
        return relation;
    }

    /**
     * The absolute tolerance: a difference this small always counts as rounding.
     *
     * @return the absolute tolerance, at least 0
     */
    public double absoluteTolerance() {
        return abs;
    }

    /**
     * The relative tolerance, a multiple of max(|left|, |right|) added to the absolute one.
     *
     * @return the relative tolerance, at least 0
     */
    public double relativeTolerance() {
        return rel;
    }

    /**
     * The number of named edge inputs.
     *
     * @return the number of named edge inputs
     */
    public int edgeCount() {
        return edges.size();
    }

    /**
     * Whether the check also draws random inputs.
     *
     * @return whether the check also draws random inputs
     */
    public boolean hasRandomInputs() {
        return random != null;
    }

    /**
     * Evaluates the step on its edge inputs and on {@code samples} random inputs drawn from
     * {@code new Random(seed)}.
     */
    CheckResult run(String derivation, int stepNumber, String label, long seed, int samples) {
        Random r = new Random(seed);
        int count = random == null ? edges.size() : edges.size() + samples;
        double maxAbs = 0;
        double maxRel = 0;
        double worstBadness = -1;
        String worst = "";
        String failure = "";
        int evaluated = 0;
        for (int k = 0; k < count; k++) {
            T input;
            String name;
            if (k < edges.size()) {
                input = edges.get(k);
                name = edgeNames.get(k);
            } else {
                input = random.apply(r);
                name = "random #" + (k - edges.size() + 1);
            }
            String description = safeDescribe(input);
            String shown = description.equals(name) ? name : name + " (" + description + ")";
            evaluated++;
            double[] l;
            double[] rr;
            try {
                l = left.apply(input);
                rr = right.apply(input);
            } catch (RuntimeException e) {
                failure = where(derivation, stepNumber, label, shown) + ": a side threw " + e;
                return new CheckResult(derivation, stepNumber, label, relation, evaluated, Double.NaN, Double.NaN,
                        shown, false, failure);
            }
            if (l == null || rr == null || l.length != rr.length) {
                failure = where(derivation, stepNumber, label, shown) + ": the sides have "
                        + (l == null ? "no" : l.length) + " and " + (rr == null ? "no" : rr.length) + " components";
                return new CheckResult(derivation, stepNumber, label, relation, evaluated, Double.NaN, Double.NaN,
                        shown, false, failure);
            }
            for (int i = 0; i < l.length; i++) {
                double diff = difference(l[i], rr[i]);
                double scale = Math.max(Math.abs(l[i]), Math.abs(rr[i]));
                double relDiff = diff == 0 ? 0.0 : (Double.isNaN(diff) ? Double.NaN : diff / scale);
                double allowed = abs + rel * (Double.isInfinite(scale) ? 0 : scale);
                double badness = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
                if (badness > worstBadness) {
                    worstBadness = badness;
                    worst = shown;
                }
                maxAbs = Double.isNaN(diff) || Double.isNaN(maxAbs) ? Double.NaN : Math.max(maxAbs, diff);
                maxRel = Double.isNaN(relDiff) || Double.isNaN(maxRel) ? Double.NaN : Math.max(maxRel, relDiff);
                if (!holds(l[i], rr[i], diff, allowed) && failure.isEmpty()) {
                    failure = where(derivation, stepNumber, label, shown) + ": " + explain(l, rr, i, diff);
                }
            }
        }
        return new CheckResult(derivation, stepNumber, label, relation, evaluated, maxAbs, maxRel, worst,
                failure.isEmpty(), failure);
    }

    /** Why component i fails, with both sides. */
    private String explain(double[] l, double[] r, int i, double diff) {
        String sides = "left = " + vector(l) + ", right = " + vector(r) + (l.length > 1 ? ", at component " + i : "");
        String tolerance = CheckResult.sci(abs) + " + " + CheckResult.sci(rel) + "·max(|left|, |right|)";
        if (Double.isNaN(diff)) {
            return sides + ": a side is NaN";
        }
        return sides + switch (relation) {
            case EQUAL -> ": they differ by " + CheckResult.sci(diff) + ", more than the tolerance " + tolerance;
            case AT_MOST -> ": left exceeds right by " + CheckResult.sci(diff) + ", more than the tolerance " + tolerance;
            case AT_LEAST -> ": left falls short of right by " + CheckResult.sci(diff) + ", more than the tolerance "
                    + tolerance;
            case LESS_THAN -> ": left is not less than right";
            case GREATER_THAN -> ": left is not greater than right";
        };
    }

    /** |l − r| for an equality; the size of the violation (0 if none) for an inequality. */
    private double difference(double l, double r) {
        if (Double.isNaN(l) || Double.isNaN(r)) {
            return Double.NaN;
        }
        double d = l == r ? 0.0 : Math.abs(l - r);
        return switch (relation) {
            case EQUAL -> d;
            case AT_MOST, LESS_THAN -> l < r ? 0.0 : d;
            case AT_LEAST, GREATER_THAN -> l > r ? 0.0 : d;
        };
    }

    private boolean holds(double l, double r, double diff, double allowed) {
        if (Double.isNaN(diff)) {
            return false;
        }
        return switch (relation) {
            case EQUAL, AT_MOST, AT_LEAST -> diff <= allowed;
            case LESS_THAN -> l < r;
            case GREATER_THAN -> l > r;
        };
    }

    private String safeDescribe(T input) {
        try {
            return describe.apply(input);
        } catch (RuntimeException e) {
            return String.valueOf(input);
        }
    }

    private static String where(String derivation, int step, String label, String input) {
        return derivation + " step " + step + " (" + label + ") does not hold at " + input;
    }

    private static String vector(double[] v) {
        if (v.length == 1) {
            return Matrix.format(v[0]);
        }
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = Matrix.format(v[i]);
        }
        return Arrays.toString(s);
    }

    private static void notNull(String name, Object o) {
        if (o == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }

    @Override
    public String toString() {
        return "StepCheck(left " + relation.symbol() + " right, " + edges.size() + " edge inputs"
                + (random == null ? "" : " + random inputs") + ", tolerance " + org.softmaxcourse.numeric.Numbers.scientific(abs) + " + "
                + org.softmaxcourse.numeric.Numbers.scientific(rel) + "·|side|)";
    }
}
