/**
 * The small numeric vocabulary the rest of the library is written in: a row-major {@link
 * org.softmaxcourse.numeric.Matrix} for batches (one sample per row), and {@link
 * org.softmaxcourse.numeric.Require}, the argument checks that turn bad input into an {@link
 * java.lang.IllegalArgumentException} naming the argument and the offending value or shape, and
 * {@link org.softmaxcourse.numeric.Special}, the error function and the normal distribution that
 * the JDK lacks.
 *
 * <p>Depends on the JDK only.
 */
package org.softmaxcourse.numeric;
