/**
 * Showing the library's results in a Jupyter notebook: {@link org.softmaxcourse.notebook.Notebook}
 * sends charts, tables, Markdown, LaTeX and HTML to whichever Java kernel runs the notebook
 * (IJava or rapaio) and prints plain text anywhere else.
 */
package org.softmaxcourse.notebook;
