package org.softmaxcourse.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs declared cases one by one, each in its own try/catch, and classifies how each ended. */
final class Runner {
    /** The message of the exception the released stubs throw. */
    static final String STUB_MESSAGE = "your code here";

    private Runner() {
    }

    static QuestionResult run(String id, double points, Consumer<Tests> declaration) {
        return runDeclared(id, points, declaration).result();
    }

    /** A result and the declaration it came from (for the starter condition of an exercise). */
    record Ran(QuestionResult result, Tests tests) {
    }

    static Ran runDeclared(String id, double points, Consumer<Tests> declaration) {
        Tests tests = new Tests();
        try {
            declaration.accept(tests);
        } catch (ThreadDeath stop) {
            throw stop;
        } catch (Throwable e) {
            return new Ran(new QuestionResult(id, points, List.of(),
                    "the tests could not be set up: " + describe(e) + "."), tests);
        }
        if (tests.declared().isEmpty()) {
            return new Ran(new QuestionResult(id, points, List.of(), "no tests were declared."), tests);
        }
        List<CaseResult> results = new ArrayList<>();
        for (Tests.Declared c : tests.declared()) {
            results.add(runCase(c));
        }
        return new Ran(new QuestionResult(id, points, results, null), tests);
    }

    static CaseResult runCase(Tests.Declared c) {
        try {
            c.body().run();
            return new CaseResult(c.name(), c.weight(), CaseResult.Outcome.PASSED, "", "");
        } catch (CheckFailure f) {
            return new CaseResult(c.name(), c.weight(), CaseResult.Outcome.FAILED, f.problem(), f.hint());
        } catch (ThreadDeath stop) {
            throw stop;
        } catch (Throwable e) {
            if (isStub(e)) {
                return new CaseResult(c.name(), c.weight(), CaseResult.Outcome.NOT_ANSWERED,
                        "not answered yet" + where(e) + ".",
                        "replace the line throw new UnsupportedOperationException(\"your code here\"); with your code.");
            }
            if (e instanceof AssertionError) {
                return new CaseResult(c.name(), c.weight(), CaseResult.Outcome.FAILED,
                        String.valueOf(e.getMessage()), "");
            }
            return new CaseResult(c.name(), c.weight(), CaseResult.Outcome.ERROR,
                    "your code threw " + describe(e) + ".", hintFor(e));
        }
    }

    /** True for the exception a released stub throws. */
    static boolean isStub(Throwable e) {
        return e instanceof UnsupportedOperationException
                && e.getMessage() != null
                && STUB_MESSAGE.equalsIgnoreCase(e.getMessage().trim());
    }

    /** {@code ArithmeticException: / by zero (in softmax)}. */
    static String describe(Throwable e) {
        String name = e.getClass().getSimpleName();
        if (name.equals("SPIResolutionException")) {
            return "an error: a method it calls uses a name that is not defined" + where(e);
        }
        String msg = e.getMessage();
        return name + (msg == null || msg.isBlank() ? "" : ": " + firstLine(msg)) + where(e);
    }

    /** " (in methodName)" for the first frame in notebook code that is not a lambda, or "". */
    static String where(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            String cls = f.getClassName();
            String method = f.getMethodName();
            if (cls.startsWith("REPL.") && !method.startsWith("lambda$") && !method.startsWith("do_it$")
                    && !method.startsWith("<")) {
                return " (in " + method + ")";
            }
        }
        return "";
    }

    private static String hintFor(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "Does every recursive call get closer to a case that returns without recursing?";
        }
        if (e instanceof ArrayIndexOutOfBoundsException) {
            return "Valid indices run from 0 to length − 1: check your loop bounds.";
        }
        if (e instanceof NullPointerException) {
            return "Something is null: did you create the array or object you use or return?";
        }
        if (e instanceof ArithmeticException) {
            return "An integer division by zero? Use double arithmetic, or check the divisor.";
        }
        if (e instanceof OutOfMemoryError) {
            return "Your code allocates far more memory than the task needs.";
        }
        if (e.getClass().getSimpleName().equals("SPIResolutionException")) {
            return "A typo, or a variable or method defined in a cell you have not run?";
        }
        return "";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl) + " …";
        return line.length() > 300 ? line.substring(0, 300) + " …" : line;
    }
}
