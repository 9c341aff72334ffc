package org.softmaxcourse.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An ungraded exercise check for the course notebooks: the same engine as {@link Question}, with
 * no points and nothing sent to a grader.
 *
 * <pre>
 *   Exercise.check("Exercise 2: σ′ from σ", t -&gt; {
 *       t.notAttemptedWhen(() -&gt; Double.isNaN(slopeAtZero));          // the starter's value
 *       t.test("at z = 0", () -&gt; Check.close("slopeAtZero", slopeAtZero, 0.25, 1e-9, "σ′ = σ(1 − σ)"));
 *   });
 *   …
 *   Exercise.summary(4);   // the notebook's last cell: "2 of 4 exercises attempted, 1 passes"
 * </pre>
 *
 * <p>Three readings under a check cell: <b>not attempted yet</b> (grey; the starter is unchanged,
 * which is what <i>Run All</i> shows on a fresh notebook), <b>some checks fail</b> (red or amber,
 * with what is wrong and a hint) and <b>all checks pass</b> (green).
 *
 * <p>When the environment variable or system property {@value #REPORT_VARIABLE} is set, each
 * check also prints one line {@code @@EXERCISE <json>} with the real outcome of every check:
 * the course's exercise test ({@code notebooks/tools/test_exercises.py}) reads it to confirm that
 * the checks fail on the starter and pass on a model answer.
 */
public final class Exercise {
    /** Environment variable (or system property) that turns on the machine-readable lines. */
    public static final String REPORT_VARIABLE = "SOFTMAX_EXERCISE_REPORT";
    /** How every machine-readable exercise line starts. */
    public static final String REPORT_PREFIX = "@@EXERCISE ";

    private static final Map<String, ExerciseResult> RESULTS = new LinkedHashMap<>();

    private Exercise() {
    }

    /**
     * Runs the checks, records the result for {@link #summary} and shows it.
     *
     * @param title       the exercise's title, e.g. {@code "Exercise 2: σ′ from σ"}; a later check
     *                    with the same title replaces the recorded result
     * @param declaration declares the checks with {@link Tests#test(String, Case)}
     * @throws IllegalArgumentException if {@code title} is null or blank, or {@code declaration}
     *         is null
     */
    public static void check(String title, Consumer<Tests> declaration) {
        ExerciseResult r = evaluate(title, declaration);
        synchronized (RESULTS) {
            RESULTS.put(r.title(), r);
        }
        Feedback.show(r);
        if (reporting()) {
            System.out.println(REPORT_PREFIX + r.toJson());
            System.out.flush();
        }
    }

    /**
     * Runs the checks and returns the result without showing or recording it.
     *
     * @param title       the exercise's title
     * @param declaration declares the checks with {@link Tests#test(String, Case)}
     * @return whether the exercise was attempted and what every check found
     * @throws IllegalArgumentException if {@code title} is null or blank, or {@code declaration}
     *         is null
     */
    public static ExerciseResult evaluate(String title, Consumer<Tests> declaration) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an exercise needs a title");
        }
        if (declaration == null) {
            throw new IllegalArgumentException("exercise \"" + title + "\" declares no checks");
        }
        Runner.Ran ran = Runner.runDeclared(title, 0, declaration);
        return new ExerciseResult(!ran.tests().isStarter(), ran.result());
    }

    /**
     * The latest result of every exercise checked in this session, in the order first checked.
     *
     * @return an unmodifiable snapshot
     */
    public static List<ExerciseResult> results() {
        synchronized (RESULTS) {
            return List.copyOf(RESULTS.values());
        }
    }

    /** Forgets every recorded result. */
    public static void clear() {
        synchronized (RESULTS) {
            RESULTS.clear();
        }
    }

    /**
     * Shows how far the student has got: {@code "0 of 4 exercises attempted."} after a fresh
     * <i>Run All</i>, {@code "3 of 4 exercises attempted: 2 pass, 1 has a check that fails
     * (Exercise 3)."} later. Neutral in colour until something fails.
     *
     * @param exercises how many exercises the notebook has; a check cell that has not run (or did
     *                  not compile) is counted as not attempted
     * @throws IllegalArgumentException if {@code exercises} is less than 1
     */
    public static void summary(int exercises) {
        if (exercises < 1) {
            throw new IllegalArgumentException("exercises must be at least 1, not " + exercises);
        }
        Feedback.showSummary(summaryLine(exercises, results()), summaryColour(results()));
    }

    static String summaryLine(int exercises, List<ExerciseResult> results) {
        int attempted = 0;
        int passed = 0;
        List<String> failing = new ArrayList<>();
        for (ExerciseResult r : results) {
            if (r.attempted()) {
                attempted++;
                if (r.passed()) {
                    passed++;
                } else {
                    failing.add(r.title().contains(":") ? r.title().substring(0, r.title().indexOf(':')) : r.title());
                }
            }
        }
        int total = Math.max(exercises, results.size());
        StringBuilder sb = new StringBuilder()
                .append(attempted).append(" of ").append(total).append(total == 1 ? " exercise" : " exercises")
                .append(" attempted");
        if (attempted == 0) {
            return sb.append(". Each exercise's check cell says \"not attempted yet\" until you edit its answer cell.")
                    .toString();
        }
        sb.append(": ").append(passed).append(passed == 1 ? " passes" : " pass");
        if (!failing.isEmpty()) {
            sb.append(", ").append(failing.size()).append(failing.size() == 1 ? " has" : " have")
                    .append(" a check that fails (").append(String.join(", ", failing)).append(")");
        }
        return sb.append('.').toString();
    }

    private static String summaryColour(List<ExerciseResult> results) {
        boolean anyFailing = results.stream().anyMatch(r -> r.attempted() && !r.passed());
        boolean anyAttempted = results.stream().anyMatch(ExerciseResult::attempted);
        return anyFailing ? "partial" : anyAttempted ? "passed" : "not-attempted";
    }

    static boolean reporting() {
        String v = System.getenv(REPORT_VARIABLE);
        if (v == null || v.isBlank()) {
            v = System.getProperty(REPORT_VARIABLE);
        }
        return v != null && !v.isBlank() && !"0".equals(v.trim()) && !"false".equalsIgnoreCase(v.trim());
    }
}
