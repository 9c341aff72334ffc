package org.softmaxcourse.exercise;

import java.util.function.Consumer;

/**
 * A graded question's test cell. In an assignment notebook the cell is
 *
 * <pre>
 *   Question.grade("q1", 2, t -&gt; {
 *       t.test("σ(0) is one half", () -&gt;
 *           Check.close("stableSigmoid(0)", stableSigmoid(0), 0.5, 1e-12, "σ(0) = 1 / (1 + e⁰)"));
 *       // BEGIN HIDDEN TESTS
 *       t.test("no overflow at z = −1000", () -&gt;
 *           Check.close("stableSigmoid(-1000)", stableSigmoid(-1000), 0.0, 1e-12, "Is e^(−z) safe when z &lt; 0?"));
 *       // END HIDDEN TESTS
 *   });
 * </pre>
 *
 * <p>The call runs every case (see {@link Tests}), shows the feedback under the cell, records the
 * result for {@link SelfCheck#report(String...)} and, when the notebook is being graded, prints
 * one machine-readable line {@code @@RESULT <token> <json>} that the grader reads. The grader sets
 * the token in the kernel's environment ({@value #TOKEN_VARIABLE}); without it — a student
 * working — no such line is printed. The student's self-check and the grader therefore run the
 * same code and compute the same score; grading only adds the hidden tests.
 *
 * <p>The id and points must match the cell's metadata ({@code "grade": {"id": "q1", "kind":
 * "test", "points": 2}}); the course's {@code bin/assignments validate} checks that.
 */
public final class Question {
    /** The environment variable through which the grader hands the kernel its result token. */
    public static final String TOKEN_VARIABLE = "SOFTMAX_GRADER_TOKEN";
    /** The same, as a system property (for tests and kernels whose environment cannot be set). */
    public static final String TOKEN_PROPERTY = "softmaxcourse.grader.token";
    /** How every machine-readable result line starts. */
    public static final String RESULT_PREFIX = "@@RESULT ";

    private Question() {
    }

    /**
     * Runs the question's tests, shows feedback and records the result.
     *
     * @param id          the question id from the test cell's metadata, e.g. {@code "q1"}
     * @param points      the question's points (≥ 0) from the same metadata
     * @param declaration declares the cases with {@link Tests#test(String, Case)}
     * @throws IllegalArgumentException if {@code id} is not letters, digits, '_', '.' or '-',
     *         {@code points} is negative or not finite, or {@code declaration} is null
     */
    public static void grade(String id, double points, Consumer<Tests> declaration) {
        QuestionResult r = evaluate(id, points, declaration);
        SelfCheck.record(r);
        Feedback.show(r, true);
        String token = token();
        if (token != null) {
            System.out.println(RESULT_PREFIX + token + " " + r.toJson());
            System.out.flush();
        }
    }

    /**
     * Runs the tests and returns the result, showing and recording nothing.
     *
     * @param id          the question id, e.g. {@code "q1"}
     * @param points      the question's points (≥ 0)
     * @param declaration declares the cases with {@link Tests#test(String, Case)}
     * @return the outcome of every case and the score; if the declaration throws or declares no
     *         case, a result whose {@code error} says why
     * @throws IllegalArgumentException if {@code id} is not letters, digits, '_', '.' or '-',
     *         {@code points} is negative or not finite, or {@code declaration} is null
     */
    public static QuestionResult evaluate(String id, double points, Consumer<Tests> declaration) {
        if (id == null || !id.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("a question id is letters, digits, '_', '.' or '-', not " + id);
        }
        if (!(points >= 0) || Double.isInfinite(points)) {
            throw new IllegalArgumentException("points must be finite and ≥ 0, not " + points);
        }
        if (declaration == null) {
            throw new IllegalArgumentException("question " + id + " declares no tests");
        }
        return Runner.run(id, points, declaration);
    }

    /** The grading token, or null when nobody is grading. */
    static String token() {
        String t = System.getenv(TOKEN_VARIABLE);
        if (t == null || t.isBlank()) {
            t = System.getProperty(TOKEN_PROPERTY);
        }
        return t == null || t.isBlank() ? null : t.trim();
    }
}
