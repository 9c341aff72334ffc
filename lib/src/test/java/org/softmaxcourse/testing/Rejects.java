package org.softmaxcourse.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that bad input is rejected with an {@link IllegalArgumentException} that says why. */
public final class Rejects {
    private Rejects() {
    }

    /**
     * Runs {@code call}, expects an {@link IllegalArgumentException}, and checks that its message
     * contains every fragment (the argument's name, the offending value or shape).
     */
    public static IllegalArgumentException assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String message = e.getMessage();
        for (String f : fragments) {
            assertTrue(message != null && message.contains(f),
                    () -> "message \"" + message + "\" does not mention \"" + f + "\"");
        }
        return e;
    }
}
