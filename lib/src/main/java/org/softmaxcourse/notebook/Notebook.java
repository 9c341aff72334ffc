package org.softmaxcourse.notebook;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;
import org.softmaxcourse.plot.HouseStyle;
import org.softmaxcourse.text.Messages;
import tech.tablesaw.api.Table;

/**
 * Shows charts, tables, Markdown, LaTeX and HTML in a Jupyter notebook, on whichever Java kernel
 * runs it, and as readable plain text anywhere else (a unit test, jshell, a plain JVM).
 *
 * <p>Notebooks call these helpers instead of a kernel's own {@code display}, because the
 * kernels the course supports disagree on it: JJava (the default) and IJava have
 * {@code display(Object, String...)} in different packages, the rapaio kernel
 * {@code display(String mime, Object)}. The helpers find the running kernel by reflection, so the
 * same notebook runs unchanged on all three:
 *
 * <pre>
 *   Notebook.show(Plots.activations(-6, 6, Sigmoid.INSTANCE, Tanh.INSTANCE));   // image/png
 *   Notebook.show(Tables.activationProperties(...));                            // text/html
 *   Notebook.latex("\\sigma(z) = \\frac{1}{1 + e^{-z}}");                       // text/latex
 *   Notebook.markdown("**Check:** σ(0) = " + Sigmoid.sigmoid(0));              // text/markdown
 * </pre>
 *
 * <p>Every helper returns nothing, so a call as a cell's last line adds no second output.
 */
public final class Notebook {
    /** Tables longer than this are shown as their first rows and a count of the rest. */
    public static final int MAX_TABLE_ROWS = 40;

    private Notebook() {
    }

    /**
     * Chooses the language of everything the library shows from now on: plot titles, axis labels,
     * legends, table headers, exercise feedback and derivation steps. A notebook calls it once, in
     * its set-up cell; the Chinese notebooks call {@code Notebook.language("zh")}, the English ones
     * need not call it.
     *
     * @param languageTag {@code "en"} (the default) or {@code "zh"}
     * @throws IllegalArgumentException naming the tag when the course is not written in it
     */
    public static void language(String languageTag) {
        Messages.use(languageTag);
    }

    /**
     * Shows {@code value} the way it reads best: an XChart chart or a {@link BufferedImage} as a
     * PNG, a tablesaw {@link Table} as an HTML table, anything else as its {@code toString()}.
     *
     * @param value what to show; {@code null} prints "null"
     */
    public static void show(Object value) {
        if (value instanceof Chart<?, ?> chart) {
            chart(chart);
        } else if (value instanceof BufferedImage image) {
            image(image, Messages.text("notebook.image", image.getWidth(), image.getHeight()));
        } else if (value instanceof Table table) {
            table(table);
        } else {
            System.out.println(value);
        }
    }

    /**
     * A chart as a PNG in the house style ({@link HouseStyle#render}): twice its pixels, shown at
     * its own size, on a kernel that sizes images (JJava, IJava), so it is sharp on a
     * high-density screen; at its own size elsewhere.
     */
    private static void chart(Chart<?, ?> chart) {
        String description = KernelBridge.describe(chart);
        if (!KernelBridge.emitSizedImage(() -> HouseStyle.render(chart, SHARPNESS), chart.getWidth(), chart.getHeight(),
                description)) {
            image(HouseStyle.render(chart, 1), description);
        }
    }

    /** Pixels per chart pixel on a kernel that sizes images: 2, as a high-density screen has. */
    static final int SHARPNESS = 2;

    /**
     * Shows a tablesaw table as an HTML table (plain text outside a kernel); past
     * {@link #MAX_TABLE_ROWS} rows, the first rows and a count of the rest.
     *
     * @param table the table
     * @throws IllegalArgumentException if {@code table} is null
     */
    public static void table(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        Table shown = table.rowCount() > MAX_TABLE_ROWS ? table.first(MAX_TABLE_ROWS) : table;
        String more = table.rowCount() > MAX_TABLE_ROWS
                ? "… " + (table.rowCount() - MAX_TABLE_ROWS) + " more rows of " + table.rowCount()
                : "";
        String html = shown.write().toString("html");
        if (!more.isEmpty()) {
            html += "\n<p><i>" + more + "</i></p>";
        }
        String text = shown.printAll() + (more.isEmpty() ? "" : "\n" + more);
        KernelBridge.emit("text/html", html, text);
    }

    /**
     * Renders Markdown (with $…$ and $$…$$ math, as in a Markdown cell).
     *
     * @param markdown the Markdown text
     * @throws IllegalArgumentException if {@code markdown} is null
     */
    public static void markdown(String markdown) {
        KernelBridge.emit("text/markdown", requireText("markdown", markdown), markdown);
    }

    /**
     * Renders a LaTeX formula as display math. {@code formula} is the math itself, without
     * dollar signs, e.g. {@code "\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))"}.
     *
     * @param formula the formula, without dollar signs
     * @throws IllegalArgumentException if {@code formula} is null
     */
    public static void latex(String formula) {
        requireText("formula", formula);
        KernelBridge.emit("text/latex", "$$" + formula + "$$", formula);
    }

    /**
     * Renders an HTML fragment.
     *
     * @param html the fragment
     * @throws IllegalArgumentException if {@code html} is null
     */
    public static void html(String html) {
        KernelBridge.emit("text/html", requireText("html", html), html);
    }

    /**
     * Shows an image as a PNG; outside a kernel prints its size.
     *
     * @param image the image
     * @throws IllegalArgumentException if {@code image} is null
     */
    public static void image(BufferedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image is null");
        }
        image(image, Messages.text("notebook.image", image.getWidth(), image.getHeight()));
    }

    /**
     * An XChart chart as an image, for a cell that ends with it: all three kernels render a
     * {@link BufferedImage} that is a cell's last expression as a PNG.
     *
     * @param chart the chart
     * @return the chart rendered at its own size
     * @throws IllegalArgumentException if {@code chart} is null
     */
    public static BufferedImage png(Chart<?, ?> chart) {
        if (chart == null) {
            throw new IllegalArgumentException("chart is null");
        }
        return HouseStyle.render(chart, 1);
    }

    /**
     * Which kernel the helpers talk to.
     *
     * @return {@code "JJava"}, {@code "IJava"}, {@code "rapaio"} or {@code "none"}
     */
    public static String kernel() {
        return KernelBridge.kernel().label();
    }

    /** The PNG encoding of {@code image}, base64, as Jupyter's image/png output carries it. */
    static String base64Png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as PNG", e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static void image(BufferedImage image, String description) {
        KernelBridge.emitImage(image, description);
    }

    private static String requireText(String name, String text) {
        if (text == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        return text;
    }
}
