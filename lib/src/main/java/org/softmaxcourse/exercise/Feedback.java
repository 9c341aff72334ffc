package org.softmaxcourse.exercise;

import java.util.List;
import org.softmaxcourse.notebook.Notebook;

/** Renders results for a person: HTML in a notebook, plain text anywhere else. */
final class Feedback {
    private static final String GREEN = "#2e7d32";
    private static final String RED = "#c62828";
    private static final String AMBER = "#ef6c00";
    private static final String GREY = "#757575";

    private Feedback() {
    }

    /** Shows {@code r} in the notebook (or prints it outside one). */
    static void show(QuestionResult r, boolean graded) {
        if ("none".equals(Notebook.kernel())) {
            System.out.println(text(r, graded));
        } else {
            Notebook.html(html(r, graded));
        }
    }

    /** The line an exercise shows while its answer cell still holds the starter. */
    static final String NOT_ATTEMPTED = "not attempted yet: edit the answer cell above, run it, then run this cell again.";

    /** Shows an exercise's result: neutral while not attempted, else its checks and hints. */
    static void show(ExerciseResult r) {
        if (r.attempted()) {
            show(r.checks(), false);
        } else if ("none".equals(Notebook.kernel())) {
            System.out.println(r.title() + " — " + NOT_ATTEMPTED);
        } else {
            Notebook.html("<div style=\"border-left:4px solid " + GREY
                    + ";padding:2px 10px;margin:4px 0;font-family:sans-serif\"><b>" + escape(r.title()) + "</b> — "
                    + escape(NOT_ATTEMPTED) + "</div>");
        }
    }

    /** Shows the exercise summary line, coloured by {@code status} (passed, partial or neutral). */
    static void showSummary(String line, String status) {
        if ("none".equals(Notebook.kernel())) {
            System.out.println("Exercises: " + line);
            return;
        }
        String colour = switch (status) {
            case "passed" -> GREEN;
            case "partial" -> AMBER;
            default -> GREY;
        };
        Notebook.html("<div style=\"border-left:4px solid " + colour
                + ";padding:2px 10px;margin:4px 0;font-family:sans-serif\"><b>Exercises:</b> " + escape(line) + "</div>");
    }

    /** The headline: {@code q1: 1.33 / 2 points — 2 of 3 tests pass}. */
    static String headline(QuestionResult r, boolean graded) {
        String score = graded
                ? r.id() + ": " + QuestionResult.formatPoints(r.earned()) + " / " + QuestionResult.formatPoints(r.points()) + " points — "
                : r.id() + " — ";
        String noun = graded ? "test" : "check";
        return score + switch (r.status()) {
            case "error" -> "the tests could not run: " + r.error();
            case "not-answered" -> "not answered yet.";
            case "passed" -> (r.cases().size() == 1 ? "the " + noun + " passes." : "all " + r.cases().size() + " " + noun + "s pass.");
            default -> r.passedCount() + " of " + r.cases().size() + " " + noun + "s pass.";
        };
    }

    static String text(QuestionResult r, boolean graded) {
        StringBuilder sb = new StringBuilder(headline(r, graded));
        if ("not-answered".equals(r.status())) {
            sb.append("\n  Replace throw new UnsupportedOperationException(\"your code here\"); in the answer cell")
                    .append(" with your code, run that cell, then run this one again.");
            return sb.toString();
        }
        for (CaseResult c : r.cases()) {
            sb.append("\n  ").append(c.passed() ? "✓ " : "✗ ").append(c.name());
            if (!c.passed()) {
                sb.append(": ").append(c.message());
                if (!c.hint().isEmpty()) {
                    sb.append(" Hint: ").append(c.hint());
                }
            }
        }
        return sb.toString();
    }

    static String html(QuestionResult r, boolean graded) {
        String colour = switch (r.status()) {
            case "passed" -> GREEN;
            case "partial" -> AMBER;
            case "not-answered" -> GREY;
            default -> RED;
        };
        StringBuilder sb = new StringBuilder(512);
        sb.append("<div style=\"border-left:4px solid ").append(colour)
                .append(";padding:2px 10px;margin:4px 0;font-family:sans-serif\">")
                .append("<b>").append(escape(headline(r, graded))).append("</b>");
        if ("not-answered".equals(r.status())) {
            sb.append("<div>Replace <code>throw new UnsupportedOperationException(\"your code here\");</code> in the ")
                    .append("answer cell with your code, run that cell, then run this one again.</div>");
        } else if (!r.cases().isEmpty()) {
            sb.append("<ul style=\"list-style:none;padding-left:0.5em;margin:4px 0\">");
            for (CaseResult c : r.cases()) {
                sb.append("<li>");
                if (c.passed()) {
                    sb.append("<span style=\"color:").append(GREEN).append("\">✓</span> ").append(escape(c.name()));
                } else {
                    sb.append("<span style=\"color:").append(RED).append("\">✗</span> ").append(escape(c.name()))
                            .append(": ").append(escape(c.message()));
                    if (!c.hint().isEmpty()) {
                        sb.append(" <i>Hint: ").append(escape(c.hint())).append("</i>");
                    }
                }
                sb.append("</li>");
            }
            sb.append("</ul>");
        }
        return sb.append("</div>").toString();
    }

    /** The self-check summary as text. */
    static String summaryText(List<String[]> rows, String total) {
        StringBuilder sb = new StringBuilder("Self-check (visible tests only; grading adds hidden tests)\n");
        for (String[] row : rows) {
            sb.append(String.format("  %-10s %12s   %s%n", row[0], row[1], row[2]));
        }
        return sb.append(total).toString();
    }

    /** The self-check summary as an HTML table. */
    static String summaryHtml(List<String[]> rows, String total) {
        StringBuilder sb = new StringBuilder("<div style=\"font-family:sans-serif\"><b>Self-check</b> ")
                .append("(visible tests only; grading adds hidden tests)<table><tr><th>question</th><th>points</th><th>status</th></tr>");
        for (String[] row : rows) {
            sb.append("<tr><td>").append(escape(row[0])).append("</td><td style=\"text-align:right\">")
                    .append(escape(row[1])).append("</td><td>").append(escape(row[2])).append("</td></tr>");
        }
        return sb.append("</table><p>").append(escape(total)).append("</p></div>").toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
