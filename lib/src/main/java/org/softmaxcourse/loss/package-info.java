/**
 * Loss functions with their gradients: squared and absolute error; binary cross-entropy (from
 * probabilities and from logits, with per-sample weights and a positive-class weight);
 * categorical cross-entropy (from probabilities and from logits, with integer labels or with
 * one-hot / probability targets, class weights, label smoothing and an ignored label); negative
 * log-likelihood on log-probabilities; KL divergence; and the hinge loss, for contrast.
 *
 * <p><b>Weighted means follow PyTorch</b> and each class states the definition: per-sample
 * weights (binary cross-entropy) leave the mean dividing by N; class weights with integer labels
 * (categorical cross-entropy, NLL) make it divide by the sum of the samples' class weights; with
 * probability targets it divides by N; label smoothing mixes ε/C into the target; the KL loss's
 * mean is PyTorch's {@code batchmean}.
 *
 * <p>Every loss is an immutable object configured with a {@link
 * org.softmaxcourse.loss.Reduction}; {@code evaluate} returns a {@link
 * org.softmaxcourse.loss.LossResult} holding the per-sample losses, the reduced value and the
 * gradient of that value with respect to the input, computed in one pass (forward and backward
 * side by side).
 *
 * <p><b>Probabilities of exactly 0 or 1.</b> The exact loss is used: −log 0 = +∞, so a
 * confident wrong prediction costs +∞ (and its gradient is infinite), and a term whose target
 * weight is 0 contributes exactly 0 (the convention 0·log 0 = 0). Nothing is clamped unless you
 * ask for it with {@code withEps(ε)}, which replaces ŷ by clamp(ŷ, ε, 1 − ε) and is then
 * differentiated as that composition (gradient 0 where the clamp is active). The "from logits"
 * forms never need ε: they are finite for every finite logit.
 *
 * <p><b>Bad input.</b> NaN anywhere, a probability or target outside [0, 1], a probability row
 * or target row that does not sum to 1, a label outside 0..C−1, mismatched shapes and empty
 * input are rejected with an {@link java.lang.IllegalArgumentException} naming the argument
 * and showing the value (with its index) or the shapes.
 *
 * <p>Depends on the JDK only.
 */
package org.softmaxcourse.loss;
