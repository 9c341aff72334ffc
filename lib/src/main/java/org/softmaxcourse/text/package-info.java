/**
 * The course's words in the reader's language. {@link org.softmaxcourse.text.Messages} reads every
 * string the library shows (plot titles, axis labels, legends, table headers, exercise feedback,
 * derivation steps) from {@link java.util.ResourceBundle resource bundles}, one bundle per area of
 * the library and one per notebook, in English (the default) or Chinese.
 *
 * <p>A notebook chooses its language once, in its set-up cell ({@code Notebook.language("zh")}).
 * The English and Chinese notebooks share their code cells, so a display string a notebook passes
 * to the library (a chart title, a hint) is English in the code and is looked up by its English
 * text: {@link org.softmaxcourse.text.Messages#translate(String)}.
 *
 * <p>Depends on the JDK only.
 */
package org.softmaxcourse.text;
