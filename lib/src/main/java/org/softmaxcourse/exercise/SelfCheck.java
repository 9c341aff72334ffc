package org.softmaxcourse.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softmaxcourse.notebook.Notebook;

/**
 * The student's self-check: a summary of every graded test cell run in this kernel session, with
 * the points the grader would give for the visible tests.
 *
 * <p>Each {@link Question#grade} call records its latest result here; this class re-runs
 * nothing (a test written before a method was redefined would still call the old method), so the
 * way to self-check is <i>Kernel → Restart &amp; Run All</i>, whose last cell is
 *
 * <pre>
 *   SelfCheck.report("q1", "q2", "q3");
 * </pre>
 *
 * <p>A question listed but never recorded is shown as "not run": its test cell did not run, or
 * did not compile (a missing answer, or a method whose name or signature was changed).
 */
public final class SelfCheck {
    private static final Map<String, QuestionResult> RESULTS = new LinkedHashMap<>();

    private SelfCheck() {
    }

    static synchronized void record(QuestionResult r) {
        RESULTS.put(r.id(), r);
    }

    /**
     * The latest result of each question run in this session, in the order first run.
     *
     * @return an unmodifiable snapshot
     */
    public static synchronized List<QuestionResult> results() {
        return List.copyOf(RESULTS.values());
    }

    /** Forgets every recorded result. */
    public static synchronized void clear() {
        RESULTS.clear();
    }

    /**
     * Shows the points per question and the total. With no ids, lists the questions recorded so
     * far; with ids, lists exactly those, in that order, and says which have not run.
     *
     * @param ids the question ids to list, or none for every recorded question
     */
    public static void report(String... ids) {
        Summary s = summary(ids);
        if ("none".equals(Notebook.kernel())) {
            System.out.println(Feedback.summaryText(s.rows(), s.total()));
        } else {
            Notebook.html(Feedback.summaryHtml(s.rows(), s.total()));
        }
    }

    /** The rows (question, points, status) and the total line of a report. */
    record Summary(List<String[]> rows, String total, double earned, double max, int notRun) {
    }

    static synchronized Summary summary(String... ids) {
        List<String> order = ids == null || ids.length == 0 ? new ArrayList<>(RESULTS.keySet()) : Arrays.asList(ids);
        List<String[]> rows = new ArrayList<>();
        double earned = 0;
        double max = 0;
        int notRun = 0;
        for (String id : order) {
            QuestionResult r = RESULTS.get(id);
            if (r == null) {
                notRun++;
                rows.add(new String[] {id, "–",
                    "not run: run its test cell (if it does not compile, check your method's name and signature)"});
                continue;
            }
            earned += r.earned();
            max += r.points();
            rows.add(new String[] {id,
                QuestionResult.formatPoints(r.earned()) + " / " + QuestionResult.formatPoints(r.points()),
                r.status() + (r.cases().isEmpty() ? "" : " (" + r.passedCount() + " of " + r.cases().size() + " tests)")});
        }
        String total = "Total: " + QuestionResult.formatPoints(Math.round(earned * 100.0) / 100.0) + " / "
                + QuestionResult.formatPoints(max) + " points"
                + (notRun > 0 ? "; " + notRun + " question" + (notRun == 1 ? "" : "s") + " not run" : "") + ".";
        return new Summary(rows, total, earned, max, notRun);
    }
}
