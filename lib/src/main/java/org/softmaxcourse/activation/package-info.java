/**
 * Activation functions: the non-linear "decision functions" that turn a linear score
 * {@code z = wᵀx + b} into something a network or a classifier can use.
 *
 * <p>Each element-wise activation is one small immutable class implementing {@link
 * org.softmaxcourse.activation.Activation} (and so {@link java.util.function.DoubleUnaryOperator}),
 * with its value and first derivative side by side, and metadata a notebook can tabulate: name,
 * LaTeX formula, range, {@link org.softmaxcourse.activation.Trait traits}, value and slope at 0
 * (together an {@link org.softmaxcourse.activation.ActivationProfile}). {@link
 * org.softmaxcourse.activation.Activations#zoo()} lists them all: sigmoid, hard sigmoid,
 * log-sigmoid, tanh, ReLU, ReLU6, leaky ReLU, PReLU, ELU, SELU, softplus, SiLU/Swish, Mish and
 * GELU (exact and tanh); {@link org.softmaxcourse.activation.Logit} is the sigmoid's inverse.
 * {@link org.softmaxcourse.activation.Softmax} works on whole vectors and, row by row, on
 * batches, with a temperature, its Jacobian and its backward pass.
 *
 * <p>Where a function has a kink, {@code derivative} returns PyTorch's one-sided choice, stated
 * in each class.
 *
 * <p><b>Numerics.</b> Every function is written so that it neither overflows nor returns NaN
 * where the mathematics is finite: σ(±1000) is 1 and 0, log σ(−1000) is −1000, softmax of
 * [1000, 0] is [1, e<sup>−1000</sup>] = [1, 0], logsumexp of [−∞, −∞] is −∞, softplus(1000) is
 * 1000, log σ(−800) is −800. At ±∞ every activation and derivative takes its limit (Swish(−∞) = 0,
 * not −∞·0).
 *
 * <p><b>NaN.</b> These are mathematical functions, like {@link java.lang.Math#exp}: a NaN input
 * gives a NaN output, in the same position. (The losses, which interpret their inputs as
 * probabilities, labels or targets, reject NaN instead.) Null or empty arrays, a parameter out of
 * its range and a logit argument outside [0, 1] are rejected with an
 * {@link java.lang.IllegalArgumentException}.
 *
 * <p>Depends on the JDK only.
 */
package org.softmaxcourse.activation;
