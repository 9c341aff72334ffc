/**
 * Information measures on discrete distributions (S18, G7): {@link
 * org.softmaxcourse.info.Entropy entropy} and surprise, {@link org.softmaxcourse.info.BinaryEntropy
 * binary entropy}, {@link org.softmaxcourse.info.CrossEntropy cross-entropy}, {@link
 * org.softmaxcourse.info.KullbackLeibler Kullback–Leibler} and {@link
 * org.softmaxcourse.info.JensenShannon Jensen–Shannon} divergence, each in {@link
 * org.softmaxcourse.info.Unit#NATS nats} (natural log, the default) or {@link
 * org.softmaxcourse.info.Unit#BITS bits} (log base 2).
 *
 * <pre>
 *   H(p)     = −Σ pᵢ log pᵢ                     H(p, q) = −Σ pᵢ log qᵢ
 *   KL(p‖q)  = Σ pᵢ log(pᵢ/qᵢ) = H(p, q) − H(p) ≥ 0
 *   JS(p, q) = ½ KL(p‖m) + ½ KL(q‖m),  m = (p + q)/2,   0 ≤ JS ≤ log 2
 * </pre>
 *
 * <p><b>Zeros.</b> 0·log 0 = 0 exactly: a class p gives no probability to costs nothing, whatever
 * q says about it. Where q has a zero that p does not, H(p, q) and KL(p‖q) are +∞ (the code
 * built for q has no word for an outcome that happens). JS is always finite.
 *
 * <p><b>Input.</b> Distributions: entries in [0, 1] that sum to 1 within {@link
 * org.softmaxcourse.numeric.Require#SUM_TOLERANCE}; p and q of the same length. Anything else,
 * NaN included, is rejected with an {@link java.lang.IllegalArgumentException} naming the argument,
 * index and value.
 *
 * <p>These are the measures behind the losses of {@link org.softmaxcourse.loss}: categorical
 * cross-entropy is H(y, p) averaged over samples, binary cross-entropy its two-class case. Depends
 * on the JDK only.
 */
package org.softmaxcourse.info;
