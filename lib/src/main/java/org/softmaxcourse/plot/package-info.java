/**
 * XChart charts of the course: functions and distributions ({@link org.softmaxcourse.plot.Plots}),
 * training curves ({@link org.softmaxcourse.plot.TrainingPlots}), decision regions
 * ({@link org.softmaxcourse.plot.RegionPlots}), predicted probabilities
 * ({@link org.softmaxcourse.plot.ProbabilityPlots}), digits ({@link org.softmaxcourse.plot.DigitPlots})
 * and layouts ({@link org.softmaxcourse.plot.Panels}); {@link org.softmaxcourse.plot.ClassifierPlots}
 * gathers the classifier pictures for notebooks. Every chart is built in the
 * {@link org.softmaxcourse.plot.HouseStyle} (size, palette, fonts, round ticks, legend placement)
 * and rendered by {@link org.softmaxcourse.plot.HouseStyle#render}. Methods build and return a
 * chart; showing it is {@link org.softmaxcourse.notebook.Notebook}'s job. The only package
 * besides {@code notebook} that depends on XChart.
 */
package org.softmaxcourse.plot;
