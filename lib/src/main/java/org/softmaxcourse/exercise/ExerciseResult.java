package org.softmaxcourse.exercise;

/**
 * The result of one ungraded exercise check: whether the student has changed the starter yet,
 * and what the checks found.
 *
 * @param attempted false while the exercise's starter condition ({@link Tests#notAttemptedWhen})
 *                  holds; true otherwise, and always when no such condition was declared
 * @param checks    the outcome of every check (they run even on the starter)
 */
public record ExerciseResult(boolean attempted, QuestionResult checks) {

    /**
     * Rejects a missing result.
     *
     * @param attempted false while the starter condition holds
     * @param checks    the outcome of every check
     * @throws IllegalArgumentException if {@code checks} is null
     */
    public ExerciseResult {
        if (checks == null) {
            throw new IllegalArgumentException("an exercise result needs the checks' result, not null");
        }
    }

    /**
     * The exercise's title.
     *
     * @return the title, which is the checks' id
     */
    public String title() {
        return checks.id();
    }

    /**
     * Whether the exercise is done.
     *
     * @return {@code true} when attempted and every check passes
     */
    public boolean passed() {
        return attempted && checks.passed();
    }

    /**
     * One word: {@code not-attempted} (the starter is unchanged), or else the checks' status:
     * {@code passed}, {@code partial}, {@code failed}, {@code not-answered} or {@code error}.
     *
     * @return the status word
     */
    public String status() {
        return attempted ? checks.status() : "not-attempted";
    }

    /**
     * One line of ASCII JSON for the course's exercise test: the status and every check's real outcome.
     *
     * @return the JSON object, without a line break
     */
    public String toJson() {
        String inner = checks.toJson();
        return "{\"title\":" + Json.quote(title()) + ",\"attempted\":" + attempted
                + ",\"exercise_status\":" + Json.quote(status()) + ",\"checks\":" + inner + "}";
    }
}
