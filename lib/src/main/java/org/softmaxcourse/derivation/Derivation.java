package org.softmaxcourse.derivation;

import java.util.ArrayList;
import java.util.List;

/**
 * A derivation: an id (D1 …), a title, the digest ids it serves, an introduction, and an ordered
 * list of {@link Step steps}, each checked numerically.
 *
 * <pre>{@code
 *   Derivation d = Derivations.byId("D2");
 *   Notebook.markdown(d.toMarkdown());          // the steps as Markdown + LaTeX
 *   Notebook.markdown(d.checksToMarkdown());    // one row per step: inputs, max |Δ|, holds
 *   d.verify();                                 // throws, naming step and input, if a step fails
 * }</pre>
 *
 * <p>Checks draw their random inputs from a seeded generator ({@link #DEFAULT_SEED},
 * {@link #DEFAULT_SAMPLES} per step unless told otherwise), so a run is reproducible.
 */
public final class Derivation {
    /** The seed of the random inputs unless another is given. */
    public static final long DEFAULT_SEED = 20240611L;
    /** Random inputs per step unless another count is given. */
    public static final int DEFAULT_SAMPLES = 200;

    private final String id;
    private final String title;
    private final List<String> cites;
    private final String intro;
    private final List<Step> steps;

    private Derivation(String id, String title, List<String> cites, String intro, List<Step> steps) {
        this.id = id;
        this.title = title;
        this.cites = cites;
        this.intro = intro;
        this.steps = steps;
    }

    /**
     * A builder for the derivation {@code id} ("D1") titled {@code title}.
     *
     * @param id the id, e.g. {@code "D1"}
     * @param title the title, one line
     * @return a builder for the derivation {@code id} ("D1") titled {@code title}
     */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /**
     * The id.
     *
     * @return the id, e.g. {@code "D2"}
     */
    public String id() {
        return id;
    }

    /**
     * The title.
     *
     * @return the title, one line
     */
    public String title() {
        return title;
    }

    /**
     * The digest ids it serves, e.g. [S12, G5].
     *
     * @return the digest ids it serves
     */
    public List<String> cites() {
        return cites;
    }

    /**
     * The introduction, Markdown (may be empty).
     *
     * @return the introduction, Markdown (may be empty)
     */
    public String intro() {
        return intro;
    }

    /**
     * The steps, in order.
     *
     * @return the steps (unmodifiable)
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The check of every step with the default seed and sample count.
     *
     * @return the check of every step with the default seed and sample count
     */
    public List<CheckResult> check() {
        return check(DEFAULT_SEED, DEFAULT_SAMPLES);
    }

    /**
     * The check of every step, {@code samples} random inputs each, from {@code seed}.
     *
     * @param seed the seed of the random inputs
     * @param samples the number of random inputs per step
     * @return the check of every step, {@code samples} random inputs each, from {@code seed}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public List<CheckResult> check(long seed, int samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples = " + samples + " must be at least 0");
        }
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            // Each step gets its own stream, so adding a step does not change the others' inputs.
            results.add(s.check().run(id, i + 1, s.label(), seed + 7919L * (i + 1), samples));
        }
        return List.copyOf(results);
    }

    /**
     * Whether every step holds (default seed and samples).
     *
     * @return whether every step holds (default seed and samples)
     */
    public boolean holds() {
        return check().stream().allMatch(CheckResult::holds);
    }

    /**
     * This derivation if every step holds; otherwise a {@link DerivationFailedException} for the
     * first step that does not, naming the step and the input.
     *
     * @return this derivation, when every step holds
     * @throws DerivationFailedException for the first step that does not hold, naming the step and the input
     */
    public Derivation verify() {
        for (CheckResult r : check()) {
            if (!r.holds()) {
                throw new DerivationFailedException(r);
            }
        }
        return this;
    }

    /**
     * The derivation as Markdown with LaTeX: a heading with id and title, the digest ids, the
     * introduction, then each step as a bold numbered label, its justification, and its
     * equation as display math.
     *
     * @return the derivation as Markdown with LaTeX
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("### ").append(id).append(" · ").append(title).append("\n\n");
        if (!cites.isEmpty()) {
            sb.append("*Serves ").append(String.join(", ", cites)).append(".*\n\n");
        }
        if (!intro.isBlank()) {
            sb.append(intro.strip()).append("\n\n");
        }
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String label = s.label().isEmpty() ? s.label()
                    : Character.toUpperCase(s.label().charAt(0)) + s.label().substring(1);
            sb.append("**").append(i + 1).append(". ").append(label).append(".** ")
                    .append(s.justification().strip()).append("\n\n")
                    .append("$$").append(s.latex().strip()).append("$$\n\n");
        }
        return sb.toString().stripTrailing() + "\n";
    }

    /**
     * The check results (default seed and samples) as a Markdown table, one row per step.
     *
     * @return the check results (default seed and samples) as a Markdown table, one row per step
     */
    public String checksToMarkdown() {
        return checksToMarkdown(check());
    }

    /**
     * {@code results} as a Markdown table, one row per step.
     *
     * @param results check results, one per step
     * @return a Markdown table, one row per step
     */
    public static String checksToMarkdown(List<CheckResult> results) {
        StringBuilder sb = new StringBuilder(
                "| step | claim | checked | inputs | max abs Δ | max rel Δ | worst input | holds |\n"
                        + "|---|---|---|---:|---:|---:|---|---|\n");
        for (CheckResult r : results) {
            sb.append("| ").append(r.derivation()).append('.').append(r.step())
                    .append(" | ").append(escape(r.label()))
                    .append(" | left ").append(r.relation().symbol()).append(" right")
                    .append(" | ").append(r.inputs())
                    .append(" | ").append(CheckResult.sci(r.maxAbsDiff()))
                    .append(" | ").append(CheckResult.sci(r.maxRelDiff()))
                    .append(" | ").append(escape(r.worstInput()))
                    .append(" | ").append(r.holds() ? "yes" : "**no**").append(" |\n");
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    /** One line: id, title, digest ids and the number of steps. */
    @Override
    public String toString() {
        return id + " · " + title + (cites.isEmpty() ? "" : " (" + String.join(", ", cites) + ")") + ": "
                + steps.size() + (steps.size() == 1 ? " step" : " steps");
    }

    /** Builds a {@link Derivation} step by step. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final List<String> cites = new ArrayList<>();
        private String intro = "";
        private final List<Step> steps = new ArrayList<>();

        private Builder(String id, String title) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id is empty");
            }
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("title is empty");
            }
            this.id = id;
            this.title = title;
        }

        /**
         * The digest ids served, e.g. {@code "S12", "G5"}.
         *
         * @param ids digest ids such as {@code "S12"} or {@code "G1"}
         * @return the digest ids served
         * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
         */
        public Builder cites(String... ids) {
            for (String c : ids) {
                if (c == null || c.isBlank()) {
                    throw new IllegalArgumentException("a cited id is empty");
                }
                cites.add(c);
            }
            return this;
        }

        /**
         * An introduction in Markdown, shown before the steps.
         *
         * @param markdown Markdown with LaTeX
         * @return an introduction in Markdown, shown before the steps
         */
        public Builder intro(String markdown) {
            this.intro = markdown == null ? "" : markdown;
            return this;
        }

        /**
         * Appends a step; its check must have random inputs or at least one edge input.
         *
         * @param label a short label, e.g. {@code "chain rule"}
         * @param latex the step's equation in LaTeX
         * @param justification why the step holds, one sentence
         * @param check the numeric check of the step
         * @return this builder
         * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
         */
        public Builder step(String label, String latex, String justification, StepCheck<?> check) {
            Step step = new Step(label, latex, justification, check);
            if (!check.hasRandomInputs() && check.edgeCount() == 0) {
                throw new IllegalArgumentException("check of step \"" + label
                        + "\" has no inputs: give it a random generator or an edge input");
            }
            steps.add(step);
            return this;
        }

        /**
         * The derivation built so far.
         *
         * @return a new derivation
         * @throws IllegalArgumentException if no step was added
         */
        public Derivation build() {
            if (steps.isEmpty()) {
                throw new IllegalArgumentException(id + " has no steps");
            }
            return new Derivation(id, title, List.copyOf(cites), intro, List.copyOf(steps));
        }
    }
}
