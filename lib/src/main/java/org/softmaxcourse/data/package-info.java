/**
 * The course's data: the breast-cancer, iris and digits data sets shipped inside the library
 * ({@link org.softmaxcourse.data.Datasets}), each as a {@link org.softmaxcourse.data.Dataset}
 * (feature {@link org.softmaxcourse.numeric.Matrix}, integer labels, feature and class names;
 * {@code table.DatasetTables} lays one out as a tablesaw table); a seeded, stratified train/test {@link
 * org.softmaxcourse.data.Split}; and a {@link org.softmaxcourse.data.Standardiser} fitted on the
 * training part only.
 *
 * <p>The course's fixed split is {@code data.split(Split.COURSE_TEST_FRACTION,
 * Split.COURSE_SEED).standardised()}: a fifth of every class held out, seed 20.
 *
 * <p>Depends on the JDK only.
 */
package org.softmaxcourse.data;
