package org.softmaxcourse.exercise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cases of one question or exercise, declared inside
 * {@link Question#grade(String, double, java.util.function.Consumer)} or
 * {@link Exercise#check(String, java.util.function.Consumer)}:
 *
 * <pre>
 *   Question.grade("q1", 2, t -&gt; {
 *       t.test("σ(0) is one half", () -&gt; Check.close("stableSigmoid(0)", stableSigmoid(0), 0.5, 1e-12, "σ(0) = 1 / (1 + e⁰)"));
 *       t.test("no overflow", 2, () -&gt; Check.finite("stableSigmoid(-1000)", stableSigmoid(-1000), "…"));
 *   });
 * </pre>
 *
 * <p>Declaring runs nothing: every case is collected first and then run, one after the other,
 * each in its own try/catch, so one failing case never stops the others and the score is always
 * out of every declared case.
 */
public final class Tests {
    /** One declared case. */
    record Declared(String name, double weight, Case body) {
    }

    /** A question about the student's answer that may call their code, and so may throw. */
    @FunctionalInterface
    public interface Condition {
        /**
         * Evaluates the condition.
         *
         * @return whether the condition holds
         * @throws Exception anything the student's code throws; the answer then counts as attempted
         */
        boolean holds() throws Exception;
    }

    private final List<Declared> cases = new ArrayList<>();
    private Condition notAttempted;

    Tests() {
    }

    /**
     * Says how to recognise the unedited starter of an exercise, e.g. {@code () -> Double.isNaN(x90)}
     * or {@code () -> yourSlope(40) == 0}. While it holds, {@link Exercise#check} shows a neutral
     * "not attempted yet" instead of failed checks and hints; once the student has changed the
     * answer, the checks and their hints are shown. A condition that throws counts as attempted.
     * The cases still run, so a test of the course can confirm they fail on the starter.
     *
     * @param starter holds while the answer is still the starter
     * @return these tests, for chaining
     * @throws IllegalArgumentException if {@code starter} is null
     */
    public Tests notAttemptedWhen(Condition starter) {
        if (starter == null) {
            throw new IllegalArgumentException("notAttemptedWhen needs a condition, not null");
        }
        this.notAttempted = starter;
        return this;
    }

    /** True when a starter condition was declared and holds (false when it throws). */
    boolean isStarter() {
        if (notAttempted == null) {
            return false;
        }
        try {
            return notAttempted.holds();
        } catch (ThreadDeath stop) {
            throw stop;
        } catch (Throwable e) {
            return false;
        }
    }

    /** Whether {@link #notAttemptedWhen} was declared. */
    boolean hasStarterCondition() {
        return notAttempted != null;
    }

    /**
     * Declares a case of weight 1.
     *
     * @param name shown to the student; say what is tested, not the expected value
     * @param body the check
     * @return these tests, for chaining
     * @throws IllegalArgumentException if {@code name} is null or blank, or {@code body} is null
     */
    public Tests test(String name, Case body) {
        return test(name, 1.0, body);
    }

    /**
     * Declares a case. A question's score is its points times the weight of the passing cases
     * over the weight of all cases.
     *
     * @param name   shown to the student; say what is tested, not the expected value
     * @param weight a positive weight
     * @param body   the check
     * @return these tests, for chaining
     * @throws IllegalArgumentException if {@code name} is null or blank, {@code weight} is not
     *         positive and finite, or {@code body} is null
     */
    public Tests test(String name, double weight, Case body) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a test needs a name (it is shown to the student)");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("the weight of test \"" + name + "\" must be positive and finite, not " + weight);
        }
        if (body == null) {
            throw new IllegalArgumentException("test \"" + name + "\" has no body");
        }
        cases.add(new Declared(name, weight, body));
        return this;
    }

    List<Declared> declared() {
        return Collections.unmodifiableList(cases);
    }
}
