package org.softmaxcourse.exercise;

import java.util.List;
import java.util.Locale;

/**
 * The result of one question (or one exercise): its cases' outcomes, or the error that kept the
 * cases from running. The score is {@code points × (weight of passing cases) / (weight of all
 * cases)}, rounded to hundredths — the same number in the notebook's feedback, in
 * {@link SelfCheck#report(String...)} and in the grader's sheet.
 *
 * @param id     the question's id, e.g. {@code "q1"} (for an exercise, its title)
 * @param points the question's points (0 for an ungraded exercise)
 * @param cases  the outcome of every declared case, in order
 * @param error  why no case could run (the declaration itself threw), or null
 */
public record QuestionResult(String id, double points, List<CaseResult> cases, String error) {

    /**
     * Copies the case list.
     *
     * @param id     the question's id (for an exercise, its title)
     * @param points the question's points
     * @param cases  the outcome of every declared case
     * @param error  why no case could run, or null
     * @throws NullPointerException if {@code cases} is null or holds null
     */
    public QuestionResult {
        cases = List.copyOf(cases);
    }

    /**
     * Weight of the passing cases over the weight of all cases; 0 on an error or with no cases.
     *
     * @return a fraction in [0, 1]
     */
    public double fraction() {
        if (error != null || cases.isEmpty()) {
            return 0;
        }
        double all = 0;
        double passed = 0;
        for (CaseResult c : cases) {
            all += c.weight();
            if (c.passed()) {
                passed += c.weight();
            }
        }
        return passed / all;
    }

    /**
     * The points earned, rounded to hundredths.
     *
     * @return points × {@link #fraction()}, rounded
     */
    public double earned() {
        return Math.round(points * fraction() * 100.0) / 100.0;
    }

    /**
     * Whether the question is fully solved.
     *
     * @return {@code true} when there was no error, at least one case, and every case passed
     */
    public boolean passed() {
        return error == null && !cases.isEmpty() && cases.stream().allMatch(CaseResult::passed);
    }

    /**
     * Number of passing cases.
     *
     * @return how many cases passed
     */
    public long passedCount() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    /**
     * One word for the whole question: {@code passed}, {@code partial} (some cases pass),
     * {@code not-answered} (every case hit the "your code here" stub), {@code failed} or
     * {@code error} (no case could run).
     *
     * @return the status word
     */
    public String status() {
        if (error != null || cases.isEmpty()) {
            return "error";
        }
        if (passed()) {
            return "passed";
        }
        if (passedCount() > 0) {
            return "partial";
        }
        if (cases.stream().allMatch(c -> c.outcome() == CaseResult.Outcome.NOT_ANSWERED)) {
            return "not-answered";
        }
        return "failed";
    }

    /**
     * The machine-readable form the grader reads: one line of ASCII JSON.
     *
     * @return the JSON object with the score and every case, without a line break
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"id\":").append(Json.quote(id))
                .append(",\"points\":").append(Json.number(points))
                .append(",\"fraction\":").append(Json.number(fraction()))
                .append(",\"earned\":").append(Json.number(earned()))
                .append(",\"passed\":").append(passed())
                .append(",\"status\":").append(Json.quote(status()))
                .append(",\"error\":").append(error == null ? "null" : Json.quote(error))
                .append(",\"cases\":[");
        for (int i = 0; i < cases.size(); i++) {
            CaseResult c = cases.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"name\":").append(Json.quote(c.name()))
                    .append(",\"weight\":").append(Json.number(c.weight()))
                    .append(",\"outcome\":").append(Json.quote(c.outcome().label()))
                    .append(",\"message\":").append(Json.quote(c.message()))
                    .append(",\"hint\":").append(Json.quote(c.hint()))
                    .append('}');
        }
        return sb.append("]}").toString();
    }

    /** Points as a person writes them: {@code 2}, {@code 1.33}. */
    static String formatPoints(double p) {
        if (p == Math.rint(p)) {
            return Long.toString((long) p);
        }
        return String.format(Locale.ROOT, "%.2f", p).replaceAll("0$", "");
    }
}
