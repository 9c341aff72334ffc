package org.softmaxcourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Softmax;

class QuestionTest {

    private static double stub(double z) {
        throw new UnsupportedOperationException("your code here");
    }

    private static double naive(double z) {
        return Math.exp(z) / (1 + Math.exp(z));
    }

    private static double recurse(double z) {
        return recurse(z) + 1;
    }

    @AfterEach
    void reset() {
        System.clearProperty(Question.TOKEN_PROPERTY);
        SelfCheck.clear();
    }

    private static QuestionResult sigmoidQuestion(java.util.function.DoubleUnaryOperator f) {
        return Question.evaluate("q1", 2, t -> {
            t.test("σ(0) is one half", () -> Check.close("f(0)", f.applyAsDouble(0), 0.5, 1e-12, "σ(0) = 1/(1 + e⁰)"));
            t.test("σ(2)", () -> Check.close("f(2)", f.applyAsDouble(2), Sigmoid.sigmoid(2), 1e-12, ""));
            t.test("no overflow at 1000", () -> Check.close("f(1000)", f.applyAsDouble(1000), 1, 1e-12, "∞/∞ is NaN"));
        });
    }

    @Test
    void theLibrarysSigmoidPassesEverything() {
        QuestionResult r = sigmoidQuestion(Sigmoid::sigmoid);
        assertTrue(r.passed());
        assertEquals("passed", r.status());
        assertEquals(1.0, r.fraction());
        assertEquals(2.0, r.earned());
    }

    @Test
    void theNaiveSigmoidEarnsTwoThirds() {
        QuestionResult r = sigmoidQuestion(QuestionTest::naive);
        assertEquals("partial", r.status());
        assertEquals(1.33, r.earned());
        CaseResult bad = r.cases().get(2);
        assertEquals(CaseResult.Outcome.FAILED, bad.outcome());
        assertEquals("f(1000) is NaN (not a number).", bad.message());
        assertEquals("∞/∞ is NaN", bad.hint());
    }

    @Test
    void theStubIsNotAnsweredAndEveryCaseStillRuns() {
        QuestionResult r = sigmoidQuestion(QuestionTest::stub);
        assertEquals("not-answered", r.status());
        assertEquals(3, r.cases().size());
        assertEquals(0.0, r.earned());
        assertTrue(r.cases().stream().allMatch(c -> c.outcome() == CaseResult.Outcome.NOT_ANSWERED));
    }

    @Test
    void aCrashCostsOnlyItsCase() {
        QuestionResult r = Question.evaluate("q2", 3, t -> {
            t.test("recursion", () -> recurse(1));
            t.test("index", () -> {
                double[] p = new double[2];
                Check.finite("p[5]", p[5], "");
            });
            t.test("softmax sums to one", 2, () -> Check.probabilities("softmax(z)", Softmax.softmax(new double[] {1, 2, 3}), 1e-12, ""));
        });
        assertEquals(CaseResult.Outcome.ERROR, r.cases().get(0).outcome());
        assertTrue(r.cases().get(0).message().startsWith("your code threw StackOverflowError"), r.cases().get(0).message());
        assertTrue(r.cases().get(0).hint().contains("recursive"));
        assertEquals(CaseResult.Outcome.ERROR, r.cases().get(1).outcome());
        assertTrue(r.cases().get(1).message().contains("ArrayIndexOutOfBoundsException"), r.cases().get(1).message());
        assertTrue(r.cases().get(2).passed());
        assertEquals(0.5, r.fraction());
        assertEquals(1.5, r.earned());
    }

    @Test
    void aThrowingDeclarationIsAnErrorWithNoPoints() {
        QuestionResult r = Question.evaluate("q3", 2, t -> {
            t.test("fine", () -> { });
            double[] p = Softmax.softmax(new double[0]);
            t.test("never declared", () -> Check.probabilities("p", p, 1e-9, ""));
        });
        assertEquals("error", r.status());
        assertEquals(0.0, r.earned());
        assertTrue(r.error().startsWith("the tests could not be set up: IllegalArgumentException: z is empty"), r.error());
        assertEquals("error", Question.evaluate("q4", 1, t -> { }).status());
    }

    @Test
    void weightsAndRounding() {
        QuestionResult r = Question.evaluate("q5", 1, t -> {
            t.test("a", 2, () -> { });
            t.test("b", () -> Check.that("false", false, ""));
        });
        assertEquals(2.0 / 3.0, r.fraction(), 1e-15);
        assertEquals(0.67, r.earned());
        QuestionResult zero = Question.evaluate("q5", 1, t -> t.test("w", 0, () -> { }));
        assertEquals("error", zero.status());
        assertTrue(zero.error().contains("weight of test \"w\" must be positive"), zero.error());
    }

    @Test
    void badIdsAndPointsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Question.evaluate("q 1", 1, t -> { }));
        assertThrows(IllegalArgumentException.class, () -> Question.evaluate("q1", -1, t -> { }));
        assertThrows(IllegalArgumentException.class, () -> Question.evaluate("q1", Double.NaN, t -> { }));
    }

    @Test
    void jsonIsAsciiAndEscaped() {
        QuestionResult r = Question.evaluate("q1", 2, t -> {
            t.test("quote \" backslash \\ newline \n tab \t σ", () -> Check.that("a \u0001 control", false, "é"));
        });
        String json = r.toJson();
        assertTrue(json.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), json);
        assertEquals("{\"id\":\"q1\",\"points\":2,\"fraction\":0,\"earned\":0,\"passed\":false,\"status\":\"failed\","
                + "\"error\":null,\"cases\":[{\"name\":\"quote \\\" backslash \\\\ newline \\n tab \\t \\u03c3\","
                + "\"weight\":1,\"outcome\":\"failed\",\"message\":\"Not so: a \\u0001 control.\",\"hint\":\"\\u00e9\"}]}",
                json);
        assertEquals("0.5", Json.number(0.5));
        assertEquals("null", Json.number(Double.NaN));
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
    void gradePrintsTheResultLineOnlyWhenGrading() {
        String student = captured(() -> Question.grade("q1", 2, t -> t.test("σ(0)", () ->
                Check.close("f(0)", Sigmoid.sigmoid(0), 0.5, 1e-12, ""))));
        assertFalse(student.contains("@@RESULT"), student);
        assertTrue(student.startsWith("q1: 2 / 2 points — the test passes."), student);

        System.setProperty(Question.TOKEN_PROPERTY, "tok-123");
        String graded = captured(() -> Question.grade("q1", 2, t -> t.test("σ(0)", () ->
                Check.close("f(0)", naive(1000), 0.5, 1e-12, "h"))));
        List<String> lines = graded.lines().filter(l -> l.startsWith("@@RESULT ")).toList();
        assertEquals(1, lines.size(), graded);
        assertTrue(lines.get(0).startsWith("@@RESULT tok-123 {\"id\":\"q1\",\"points\":2,\"fraction\":0,"), lines.get(0));
        assertTrue(graded.contains("✗ σ(0): f(0) is NaN (not a number). Hint: h"), graded);
    }

    @Test
    void selfCheckSumsWhatTheGraderWouldGive() {
        captured(() -> {
            Question.grade("q1", 2, t -> {
                t.test("a", () -> { });
                t.test("b", () -> Check.that("b", false, ""));
                t.test("c", () -> { });
            });
            Question.grade("q2", 1, t -> t.test("a", () -> stub(0)));
            Question.grade("q1", 2, t -> t.test("a", () -> { }));   // re-run: the latest result counts
        });
        SelfCheck.Summary s = SelfCheck.summary("q1", "q2", "q3");
        assertEquals(2.0, s.earned());
        assertEquals(3.0, s.max());
        assertEquals(1, s.notRun());
        assertEquals("Total: 2 / 3 points; 1 question not run.", s.total());
        assertEquals("not-answered (0 of 1 tests)", s.rows().get(1)[2]);
        assertTrue(s.rows().get(2)[2].startsWith("not run"));
        String text = captured(() -> SelfCheck.report());
        assertTrue(text.contains("Total: 2 / 3 points."), text);
        assertNull(Question.token());
    }

    @Test
    void exerciseShowsNoPointsAndRecordsNothing() {
        String out = captured(() -> Exercise.check("Exercise 1", t -> {
            t.test("σ(0)", () -> Check.close("mySigmoid(0)", naive(0), 0.5, 1e-12, ""));
            t.test("σ(1000)", () -> Check.close("mySigmoid(1000)", naive(1000), 1, 1e-12, "∞/∞"));
        }));
        assertEquals("Exercise 1 — 1 of 2 checks pass.\n  ✓ σ(0)\n  ✗ σ(1000): mySigmoid(1000) is NaN (not a number). Hint: ∞/∞\n",
                out);
        assertTrue(SelfCheck.results().isEmpty());
        Exercise.clear();
    }

    @Test
    void htmlIsEscaped() {
        QuestionResult r = Question.evaluate("q1", 1, t -> t.test("<b>", () -> Check.that("x < y & z", false, "\"q\"")));
        String html = Feedback.html(r, true);
        assertTrue(html.contains("&lt;b&gt;: Not so: x &lt; y &amp; z."), html);
        assertTrue(html.contains("Hint: &quot;q&quot;"), html);
        assertFalse(html.contains("<b>:"));
    }
}
