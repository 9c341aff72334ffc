package org.softmaxcourse.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Tanh;
import org.softmaxcourse.plot.Plots;
import org.softmaxcourse.table.Tables;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Outside a kernel every helper prints a readable plain-text form to standard output. */
class NotebookTest {

    private static String printed(Runnable r) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noKernelInAUnitTest() {
        assertEquals("none", Notebook.kernel());
    }

    @Test
    void chartFallsBackToItsTitleAxesAndSeries() {
        String out = printed(() -> Notebook.show(Plots.activations(-3, 3, Sigmoid.INSTANCE, Tanh.INSTANCE)));
        assertEquals("[chart \"Activation functions g(z)\" (x: z, y: g(z); series: sigmoid, tanh; 720×450 px)]\n",
                out.replace("\r", ""));
    }

    @Test
    void tableFallsBackToAlignedText() {
        String out = printed(() -> Notebook.show(Tables.activationProperties(Sigmoid.INSTANCE)));
        assertTrue(out.contains("Activation properties"), out);
        assertTrue(out.contains("sigmoid"), out);
        assertTrue(out.contains("(0, 1)"), out);
        assertTrue(out.contains("0.25"), out);
    }

    @Test
    void longTablesAreCutAndSaySo() {
        Table t = Table.create("long", IntColumn.indexColumn("i", 100, 0));
        String out = printed(() -> Notebook.table(t));
        assertTrue(out.contains("… 60 more rows of 100"), out);
        assertTrue(out.contains(" 39 "), out);
        assertTrue(!out.contains(" 40 "), out);
    }

    @Test
    void markdownLatexAndHtmlPrintTheirSource() {
        assertEquals("**bold**\n", printed(() -> Notebook.markdown("**bold**")).replace("\r", ""));
        assertEquals("\\sigma(0) = 0.5\n", printed(() -> Notebook.latex("\\sigma(0) = 0.5")).replace("\r", ""));
        assertEquals("<b>x</b>\n", printed(() -> Notebook.html("<b>x</b>")).replace("\r", ""));
    }

    @Test
    void imageFallsBackToItsSize() {
        BufferedImage image = new BufferedImage(12, 7, BufferedImage.TYPE_INT_RGB);
        assertEquals("[image 12×7]\n", printed(() -> Notebook.image(image)).replace("\r", ""));
    }

    @Test
    void pngOfAChartHasTheChartsSize() {
        BufferedImage png = Notebook.png(Plots.withDerivative(-1, 1, Sigmoid.INSTANCE));
        assertEquals(Plots.WIDTH, png.getWidth());
        assertEquals(Plots.HEIGHT, png.getHeight());
    }

    @Test
    void base64PngStartsWithThePngSignature() {
        byte[] bytes = Base64.getDecoder().decode(Notebook.base64Png(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB)));
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        assertEquals('N', bytes[2]);
        assertEquals('G', bytes[3]);
    }

    @Test
    void otherValuesPrintTheirToString() {
        assertEquals("[1, 2]\n", printed(() -> Notebook.show(java.util.List.of(1, 2))).replace("\r", ""));
    }

    @Test
    void nullArgumentsAreNamed() {
        assertRejected(() -> Notebook.markdown(null), "markdown is null");
        assertRejected(() -> Notebook.latex(null), "formula is null");
        assertRejected(() -> Notebook.table(null), "table is null");
        assertRejected(() -> Notebook.image(null), "image is null");
        assertRejected(() -> Notebook.png(null), "chart is null");
    }
}
