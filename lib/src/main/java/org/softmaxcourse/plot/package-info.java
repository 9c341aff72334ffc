/**
 * XChart charts of the course's functions. Methods build and return a chart; showing it is
 * {@link org.softmaxcourse.notebook.Notebook}'s job. The only package besides
 * {@code notebook} that depends on XChart.
 */
package org.softmaxcourse.plot;
