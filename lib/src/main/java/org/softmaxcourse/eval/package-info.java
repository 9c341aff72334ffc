/**
 * Judging a classifier: {@link org.softmaxcourse.eval.Metrics#accuracy accuracy}, the {@link
 * org.softmaxcourse.eval.ConfusionMatrix}, per-class precision, recall and F1 in a {@link
 * org.softmaxcourse.eval.ClassificationReport}, and the log-loss of predicted probabilities
 * (computed by the library's own cross-entropy losses).
 *
 * <p>Inputs a multi-class rule left without a class (ambiguous, unclassified or tied) are
 * counted apart, as wrong, so that one-vs-rest's gaps show up in the numbers.
 *
 * <p>Depends on the JDK and the library's {@code numeric}, {@code loss} and {@code classify}
 * packages only; {@code table.ClassifierTables} turns these records into tablesaw tables.
 */
package org.softmaxcourse.eval;
