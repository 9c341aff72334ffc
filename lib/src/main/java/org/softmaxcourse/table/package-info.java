/**
 * tablesaw tables of the course's objects — activation properties, matrices and predictions
 * ({@link org.softmaxcourse.table.Tables}), training histories, confusion matrices and reports
 * ({@link org.softmaxcourse.table.ClassifierTables}), derivation checks with their tolerances
 * ({@link org.softmaxcourse.table.DerivationTables}) and the data sets
 * ({@link org.softmaxcourse.table.DatasetTables}) — built from the objects' own metadata. Numbers
 * print the course's way ({@link org.softmaxcourse.numeric.Numbers}): 4 significant digits,
 * accuracies as percentages; headers say their units. The only package besides {@code notebook}
 * that depends on tablesaw.
 */
package org.softmaxcourse.table;
