/**
 * Executable derivations: the course's derivations as ordered {@link
 * org.softmaxcourse.derivation.Step steps}, each with a LaTeX equation, a one-line justification
 * and a numeric {@link org.softmaxcourse.derivation.StepCheck check} that evaluates the step's two
 * sides on seeded random inputs and on named edge inputs and reports the largest absolute and
 * relative difference. A step that does not hold fails with a message naming the step and the
 * input.
 *
 * <p>{@link org.softmaxcourse.derivation.Derivations} gives D1–D11, each written in a class of its own (binary cross-entropy from the
 * Bernoulli likelihood, σ′ = σ(1 − σ), the gradients of cross-entropy and squared error through
 * the sigmoid, non-convexity, the log-odds origin of the sigmoid, two-class softmax, the softmax
 * Jacobian, categorical cross-entropy from the likelihood, H(p, q) = H(p) + KL(p‖q), and the
 * stable logit form of binary cross-entropy), each citing the digest ids (S…, G…) it serves.
 *
 * <p>A derivation renders itself as Markdown with LaTeX ({@link
 * org.softmaxcourse.derivation.Derivation#toMarkdown()}) and its checks as plain {@link
 * org.softmaxcourse.derivation.CheckResult} rows or a Markdown table, so a notebook can show both
 * without this package depending on a table library.
 *
 * <p>Depends on the JDK and the core packages only.
 */
package org.softmaxcourse.derivation;
