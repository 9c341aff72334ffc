package org.softmaxcourse.notebook;

import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

/**
 * Finds the running Jupyter kernel by reflection and sends it rich output.
 *
 * <ul>
 *   <li>IJava: {@code io.github.spencerpark.ijava.runtime.Kernel.getKernelInstance()} returns the
 *       kernel, whose {@code display(DisplayData)} publishes a bundle built with
 *       {@code DisplayData.putData(mime, data)} (the path IJava's own {@code display} takes).</li>
 *   <li>rapaio: static {@code org.rapaio.jupyter.kernel.global.Global.display(String mime,
 *       Object)}, which takes a {@link BufferedImage} for image/png and a string otherwise.</li>
 *   <li>Neither: the plain-text form is printed to standard output.</li>
 * </ul>
 *
 * <p>The kernel classes are not on the library's compile path: the library must load in any
 * JVM, and neither kernel is published where a build can depend on it portably.
 */
final class KernelBridge {

    /** The kernels the helpers know how to reach. */
    enum Kind {
        IJAVA("IJava"), RAPAIO("rapaio"), NONE("none");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final String IJAVA_KERNEL = "io.github.spencerpark.ijava.runtime.Kernel";
    private static final String IJAVA_DISPLAY_DATA = "io.github.spencerpark.jupyter.kernel.display.DisplayData";
    private static final String RAPAIO_GLOBAL = "org.rapaio.jupyter.kernel.global.Global";

    private KernelBridge() {
    }

    /** The kernel running this JVM, looked up on each call (a kernel may restart its shell). */
    static Kind kernel() {
        if (ijavaKernel() != null) {
            return Kind.IJAVA;
        }
        return find(RAPAIO_GLOBAL) != null ? Kind.RAPAIO : Kind.NONE;
    }

    /** Publishes {@code data} as {@code mime}; outside a kernel prints {@code plainText}. */
    static void emit(String mime, String data, String plainText) {
        Object ijava = ijavaKernel();
        if (ijava != null) {
            ijavaDisplay(ijava, mime, data, plainText);
            return;
        }
        Class<?> rapaio = find(RAPAIO_GLOBAL);
        if (rapaio != null) {
            rapaioDisplay(rapaio, mime, data);
            return;
        }
        System.out.println(plainText);
    }

    /** Publishes an image as image/png; outside a kernel prints {@code description}. */
    static void emitImage(BufferedImage image, String description) {
        Object ijava = ijavaKernel();
        if (ijava != null) {
            ijavaDisplay(ijava, "image/png", Notebook.base64Png(image), description);
            return;
        }
        Class<?> rapaio = find(RAPAIO_GLOBAL);
        if (rapaio != null) {
            rapaioDisplay(rapaio, "image/png", image);
            return;
        }
        System.out.println("[" + description + "]");
    }

    /** A chart as one line of text: its title, axes and series, for output outside a kernel. */
    static String describe(Chart<?, ?> chart) {
        List<String> names = new ArrayList<>();
        for (Series s : chart.getSeriesMap().values()) {
            if (s.isShowInLegend()) {
                names.add(s.getName());
            }
        }
        return "chart \"" + chart.getTitle() + "\" (x: " + chart.getXAxisTitle() + ", y: "
                + chart.getYAxisTitle() + "; series: " + String.join(", ", names) + "; "
                + chart.getWidth() + "×" + chart.getHeight() + " px)";
    }

    private static Object ijavaKernel() {
        Class<?> kernel = find(IJAVA_KERNEL);
        if (kernel == null) {
            return null;
        }
        try {
            return kernel.getMethod("getKernelInstance").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static void ijavaDisplay(Object kernel, String mime, Object data, String plainText) {
        try {
            Class<?> displayData = Class.forName(IJAVA_DISPLAY_DATA, true, kernel.getClass().getClassLoader());
            Object bundle = displayData.getConstructor(String.class).newInstance(plainText);
            displayData.getMethod("putData", String.class, Object.class).invoke(bundle, mime, data);
            Method display = kernel.getClass().getMethod("display", displayData);
            display.invoke(kernel, bundle);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("IJava could not display " + mime + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this IJava version has no display(DisplayData) the course can call: " + e, e);
        }
    }

    private static void rapaioDisplay(Class<?> global, String mime, Object data) {
        try {
            global.getMethod("display", String.class, Object.class).invoke(null, mime, data);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the rapaio kernel could not display " + mime + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this rapaio kernel has no display(String, Object) the course can call: " + e, e);
        }
    }

    /** The class named {@code name} from the kernel's class path, or null outside that kernel. */
    private static Class<?> find(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, KernelBridge.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not this loader: try the next
            }
        }
        return null;
    }
}
