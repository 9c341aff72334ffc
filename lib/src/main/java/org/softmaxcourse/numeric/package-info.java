/**
 * The small numeric vocabulary the rest of the library is written in: a row-major {@link
 * org.softmaxcourse.numeric.Matrix} for batches (one sample per row), and {@link
 * org.softmaxcourse.numeric.Require}, the argument checks that turn bad input into an {@link
 * java.lang.IllegalArgumentException} naming the argument and the offending value or shape, and
 * {@link org.softmaxcourse.numeric.Special}, the error function and the normal distribution that
 * the JDK lacks, and the two numerical methods the classifiers use: damped
 * {@link org.softmaxcourse.numeric.Newton Newton's method} and the
 * {@link org.softmaxcourse.numeric.Cholesky} solve of its steps.
 *
 * <p>The fast exp, log1p and the thread splitting live in {@code org.softmaxcourse.internal.kernel},
 * which is not the course API.
 *
 * <p>Depends on the JDK only.
 */
package org.softmaxcourse.numeric;
