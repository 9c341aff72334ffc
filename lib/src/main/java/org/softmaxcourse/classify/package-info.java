/**
 * Classifiers written from scratch on the library's own activations and losses: binary {@link
 * org.softmaxcourse.classify.LogisticRegression}, the two reductions of a C-class problem to
 * binary ones, {@link org.softmaxcourse.classify.OneVsRest} (threshold and argmax decisions) and
 * {@link org.softmaxcourse.classify.OneVsOne} (majority vote), and {@link
 * org.softmaxcourse.classify.SoftmaxRegression}.
 *
 * <p>All are linear models trained by gradient descent on the mean cross-entropy plus an
 * optional L2 penalty, full-batch or mini-batch, configured by {@link
 * org.softmaxcourse.classify.TrainingOptions} and deterministic for a seed; each keeps a {@link
 * org.softmaxcourse.classify.TrainingHistory} of loss and accuracy per epoch. Logistic regression
 * can also be solved exactly by Newton's method ({@link
 * org.softmaxcourse.classify.LogisticRegression#fitNewton}), which is how it is compared with
 * scikit-learn.
 *
 * <p>Multi-class decisions are {@link org.softmaxcourse.classify.Decisions}: a label per input
 * and an {@link org.softmaxcourse.classify.Outcome} saying whether the rule decided or left the
 * input ambiguous, unclassified or tied.
 *
 * <p>Bad input (ragged rows, NaN or infinite features, labels out of range, a class absent from
 * the training data, zero epochs, a learning rate that makes training diverge) is rejected with
 * an exception naming the argument and the value.
 *
 * <p>Depends on the JDK and the library's {@code numeric}, {@code activation} and {@code loss}
 * packages only; tables and charts of these results live in {@code table.ClassifierTables} and
 * {@code plot.ClassifierPlots}.
 */
package org.softmaxcourse.classify;
