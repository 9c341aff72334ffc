/**
 * <b>Not the course API.</b> The fast kernels behind the teaching classes: the row kernels of
 * softmax, log-softmax and logsumexp ({@link org.softmaxcourse.internal.kernel.SoftmaxKernels}),
 * the fused loss-and-gradient paths of the cross-entropies
 * ({@link org.softmaxcourse.internal.kernel.CrossEntropyKernels},
 * {@link org.softmaxcourse.internal.kernel.BinaryCrossEntropyKernels}), the table-driven
 * {@link org.softmaxcourse.internal.kernel.Exp} and {@link org.softmaxcourse.internal.kernel.Log1p}
 * they are built on, and {@link org.softmaxcourse.internal.kernel.Parallel}, which splits a batch
 * over threads with results bit for bit those of one thread.
 *
 * <p>A student reads {@code Softmax}, {@code Sigmoid} and the losses, which state each formula
 * and its stable evaluation and point here for the speed. The classes are public only because
 * Java has no other way to share them between packages: they may change between versions, and
 * notebooks never import them (LayeringTest checks both that and that only the core packages
 * use them).
 *
 * <p>Depends on the JDK and {@code org.softmaxcourse.numeric} only.
 */
package org.softmaxcourse.internal.kernel;
