package org.softmaxcourse.exercise;

import java.util.function.Consumer;

/**
 * An ungraded exercise check for the course notebooks: the same engine as {@link Question}, with
 * no points and nothing recorded or sent to a grader.
 *
 * <pre>
 *   Exercise.check("Exercise 2: σ′ from σ", t -&gt; {
 *       t.test("at z = 0", () -&gt; Check.close("mySigmoidPrime(0)", mySigmoidPrime(0), 0.25, 1e-9, "σ′ = σ(1 − σ)"));
 *       t.test("far out", () -&gt; Check.finite("mySigmoidPrime(-800)", mySigmoidPrime(-800), "use σ(z)σ(−z)"));
 *   });
 * </pre>
 */
public final class Exercise {
    private Exercise() {
    }

    /** Runs the checks and shows what passes, what is wrong and the hints. */
    public static void check(String title, Consumer<Tests> declaration) {
        Feedback.show(evaluate(title, declaration), false);
    }

    /** Runs the checks and returns the result without showing it. */
    public static QuestionResult evaluate(String title, Consumer<Tests> declaration) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an exercise needs a title");
        }
        if (declaration == null) {
            throw new IllegalArgumentException("exercise \"" + title + "\" declares no checks");
        }
        return Runner.run(title, 0, declaration);
    }
}
