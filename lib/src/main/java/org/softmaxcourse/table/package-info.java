/**
 * tablesaw tables of the course's objects (activation properties, matrices, later training
 * histories and confusion matrices), built from the objects' own metadata. The only package
 * besides {@code notebook} and {@code data} that depends on tablesaw.
 */
package org.softmaxcourse.table;
