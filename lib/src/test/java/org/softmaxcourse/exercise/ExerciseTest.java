package org.softmaxcourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExerciseTest {
    /** The answer cell's value; the starter is NaN. */
    private double answer = Double.NaN;

    @AfterEach
    void forget() {
        Exercise.clear();
        System.clearProperty(Exercise.REPORT_VARIABLE);
    }

    private void check() {
        Exercise.check("Exercise 1: ln 2", t -> {
            t.notAttemptedWhen(() -> Double.isNaN(answer));
            t.test("the value", () -> Check.close("answer", answer, Math.log(2), 1e-9, "−log of one half."));
        });
    }

    private static String captured(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theStarterReadsNeutrallyButItsChecksStillRunAndFail() {
        String out = captured(this::check);
        assertEquals("Exercise 1: ln 2 — " + Feedback.NOT_ATTEMPTED + "\n", out);
        ExerciseResult r = Exercise.results().get(0);
        assertFalse(r.attempted());
        assertEquals("not-attempted", r.status());
        assertEquals("failed", r.checks().status());
        assertFalse(r.passed());
    }

    @Test
    void aWrongAttemptGetsTheHintAndARightOnePasses() {
        answer = 0.5;
        assertEquals("Exercise 1: ln 2 — 0 of 1 checks pass.\n  ✗ the value: answer = 0.5 is not right. Hint: −log of one half.\n",
                captured(this::check).replaceAll("answer = 0.5[^.]*\\.", "answer = 0.5 is not right."));
        answer = Math.log(2);
        assertEquals("Exercise 1: ln 2 — the check passes.\n  ✓ the value\n", captured(this::check));
        assertEquals(1, Exercise.results().size(), "the latest result per title");
        assertTrue(Exercise.results().get(0).passed());
    }

    @Test
    void aStarterConditionThatThrowsCountsAsAttempted() {
        ExerciseResult r = Exercise.evaluate("Exercise 2", t -> {
            t.notAttemptedWhen(() -> {
                throw new IllegalStateException("student code");
            });
            t.test("anything", () -> Check.that("false", false, ""));
        });
        assertTrue(r.attempted());
        assertEquals("failed", r.status());
    }

    @Test
    void withoutAStarterConditionEveryRunIsAnAttempt() {
        assertTrue(Exercise.evaluate("Exercise 3", t -> t.test("x", () -> { })).attempted());
        ExerciseResult broken = Exercise.evaluate("Exercise 3", t -> t.notAttemptedWhen(null));
        assertEquals("error", broken.status());
        assertTrue(broken.checks().error().contains("notAttemptedWhen needs a condition"), broken.checks().error());
    }

    @Test
    void theSummaryCountsAttemptsNeutrallyThenNamesTheFailingOnes() {
        List<ExerciseResult> none = List.of(
                Exercise.evaluate("Exercise 1: a", t -> {
                    t.notAttemptedWhen(() -> true);
                    t.test("x", () -> Check.that("no", false, ""));
                }));
        assertTrue(Exercise.summaryLine(4, none).startsWith("0 of 4 exercises attempted."), Exercise.summaryLine(4, none));
        List<ExerciseResult> some = List.of(
                Exercise.evaluate("Exercise 1: a", t -> t.test("x", () -> { })),
                Exercise.evaluate("Exercise 2: b", t -> t.test("x", () -> Check.that("no", false, ""))),
                Exercise.evaluate("Exercise 3: c", t -> {
                    t.notAttemptedWhen(() -> true);
                    t.test("x", () -> Check.that("no", false, ""));
                }));
        assertEquals("2 of 4 exercises attempted: 1 passes, 1 has a check that fails (Exercise 2).",
                Exercise.summaryLine(4, some));
        assertEquals("Exercises: 0 of 2 exercises attempted. Each exercise's check cell says \"not attempted yet\" until you edit its answer cell.\n",
                captured(() -> Exercise.summary(2)));
        assertThrows(IllegalArgumentException.class, () -> Exercise.summary(0));
    }

    @Test
    void theReportLineCarriesTheRealOutcomesOnlyWhenAsked() {
        assertFalse(captured(this::check).contains(Exercise.REPORT_PREFIX));
        System.setProperty(Exercise.REPORT_VARIABLE, "1");
        String out = captured(this::check);
        String line = out.lines().filter(l -> l.startsWith(Exercise.REPORT_PREFIX)).findFirst().orElseThrow();
        assertTrue(line.contains("\"attempted\":false"), line);
        assertTrue(line.contains("\"exercise_status\":\"not-attempted\""), line);
        assertTrue(line.contains("\"outcome\":\"failed\""), line);
    }
}
