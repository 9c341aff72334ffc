/**
 * Gradient checking for everyone: {@link org.softmaxcourse.gradcheck.GradientCheck} compares an
 * analytic derivative, gradient or Jacobian with central finite differences and reports the
 * largest absolute and relative error as a readable {@link
 * org.softmaxcourse.gradcheck.GradientCheckResult}. Students use it in exercises ("is my
 * derivative of Mish right?"); the library's own tests use it on every function.
 * {@link org.softmaxcourse.gradcheck.GradientFlow} measures how much gradient each layer of a deep
 * stack receives at initialisation (vanishing gradients through depth).
 *
 * <p>Depends on the JDK and the core packages only.
 */
package org.softmaxcourse.gradcheck;
