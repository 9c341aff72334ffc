package org.softmaxcourse.derivation;

/**
 * Thrown by {@link Derivation#verify()} when a step does not hold; the message names the
 * derivation, the step and the input, and shows both sides.
 */
public final class DerivationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CheckResult result;

    DerivationFailedException(CheckResult result) {
        super(result.failure());
        this.result = result;
    }

    /**
     * The failing step's check result.
     *
     * @return the failing step's check result
     */
    public CheckResult result() {
        return result;
    }
}
