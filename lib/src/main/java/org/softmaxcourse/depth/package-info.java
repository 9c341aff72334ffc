/**
 * Gradients through depth: a stack of fully connected layers at initialisation, run forward and
 * backward once, to see how much gradient each layer receives with a given hidden activation
 * (vanishing gradients, G3). Depends on the JDK and {@link org.softmaxcourse.activation} only.
 */
package org.softmaxcourse.depth;
