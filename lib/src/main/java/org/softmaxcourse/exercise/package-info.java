/**
 * Exercise checks, graded test cells and the student's self-check: one small test engine shared
 * by the course notebooks' exercises and by the assignment grader.
 *
 * <pre>
 *   Exercise.check("Exercise 1: a stable sigmoid", t -&gt; {            // or Question.grade("q1", 2, t -&gt; {…})
 *       t.test("σ(0) is one half", () -&gt; Check.close("mySigmoid(0)", mySigmoid(0), 0.5, 1e-12, "σ(0) = 1 / (1 + e⁰)"));
 *       t.test("no NaN at z = 1000", () -&gt; Check.finite("mySigmoid(1000)", mySigmoid(1000), "∞/∞ is NaN: which form never forms e^1000?"));
 *       t.test("a probability", () -&gt; Check.inRange("mySigmoid(-30)", mySigmoid(-30), 0, 1, "σ maps ℝ into (0, 1)"));
 *   });
 * </pre>
 *
 * <ul>
 *   <li>{@link org.softmaxcourse.exercise.Check}: the checks; each failure says what is wrong with
 *       the student's value and gives a hint, never the expected answer (unless
 *       {@link org.softmaxcourse.exercise.Check#revealing()}).</li>
 *   <li>{@link org.softmaxcourse.exercise.Exercise#check}: an ungraded exercise (course
 *       notebooks).</li>
 *   <li>{@link org.softmaxcourse.exercise.Question#grade}: a graded test cell (assignments); it
 *       prints a machine-readable result line only when the grader runs the notebook.</li>
 *   <li>{@link org.softmaxcourse.exercise.SelfCheck#report}: the points so far, computed as the
 *       grader computes them.</li>
 * </ul>
 *
 * <p>Each case runs in its own try/catch: a wrong value, an exception, a stack overflow or the
 * "your code here" stub costs that case only. Depends on the JDK, and on
 * {@link org.softmaxcourse.notebook.Notebook} to show feedback.
 */
package org.softmaxcourse.exercise;
