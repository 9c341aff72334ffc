package org.softmaxcourse.exercise;

/**
 * The body of one test case: calls the student's code and {@link Check}s the result. It may throw
 * anything; the runner turns a {@link CheckFailure} into "wrong answer" and any other exception
 * into "your code crashed", and goes on with the next case.
 */
@FunctionalInterface
public interface Case {
    /**
     * Runs the case; returns normally when it passes.
     *
     * @throws CheckFailure if a check fails (a wrong answer)
     * @throws Exception anything else the student's code throws: the case counts as crashed, or
     *         as not answered when it is the "your code here" stub
     */
    void run() throws Exception;
}
