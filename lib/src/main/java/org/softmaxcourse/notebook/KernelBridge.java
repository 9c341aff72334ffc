package org.softmaxcourse.notebook;

import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

/**
 * Finds the running Jupyter kernel by reflection and sends it rich output.
 *
 * <ul>
 *   <li>JJava (IJava's maintained successor, the course's default kernel):
 *       {@code org.dflib.jjava.kernel.JavaNotebookStatics.kernel()} returns the kernel (its
 *       {@code getKernelInstance()} prints a deprecation on stderr),
 *       whose {@code display(DisplayData)} publishes a bundle built with
 *       {@code org.dflib.jjava.jupyter.kernel.display.DisplayData.putData(mime, data)}: the same
 *       shape as IJava's API under new package names.</li>
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
        JJAVA("JJava"), IJAVA("IJava"), RAPAIO("rapaio"), NONE("none");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final String JJAVA_KERNEL = "org.dflib.jjava.kernel.JavaNotebookStatics";
    private static final String JJAVA_DISPLAY_DATA = "org.dflib.jjava.jupyter.kernel.display.DisplayData";
    private static final String IJAVA_KERNEL = "io.github.spencerpark.ijava.runtime.Kernel";
    private static final String IJAVA_DISPLAY_DATA = "io.github.spencerpark.jupyter.kernel.display.DisplayData";
    private static final String RAPAIO_GLOBAL = "org.rapaio.jupyter.kernel.global.Global";

    private KernelBridge() {
    }

    /** The kernel running this JVM, looked up on each call (a kernel may restart its shell). */
    static Kind kernel() {
        if (jjavaKernel() != null) {
            return Kind.JJAVA;
        }
        if (ijavaKernel() != null) {
            return Kind.IJAVA;
        }
        return find(RAPAIO_GLOBAL) != null ? Kind.RAPAIO : Kind.NONE;
    }

    /** Publishes {@code data} as {@code mime}; outside a kernel prints {@code plainText}. */
    static void emit(String mime, String data, String plainText) {
        Object jjava = jjavaKernel();
        if (jjava != null) {
            bundleDisplay(jjava, JJAVA_DISPLAY_DATA, "JJava", mime, data, plainText);
            return;
        }
        Object ijava = ijavaKernel();
        if (ijava != null) {
            bundleDisplay(ijava, IJAVA_DISPLAY_DATA, "IJava", mime, data, plainText);
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
        Object jjava = jjavaKernel();
        if (jjava != null) {
            bundleDisplay(jjava, JJAVA_DISPLAY_DATA, "JJava", "image/png", Notebook.base64Png(image), description);
            return;
        }
        Object ijava = ijavaKernel();
        if (ijava != null) {
            bundleDisplay(ijava, IJAVA_DISPLAY_DATA, "IJava", "image/png", Notebook.base64Png(image), description);
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

    private static Object jjavaKernel() {
        return kernelInstance(JJAVA_KERNEL, "kernel");
    }

    private static Object ijavaKernel() {
        return kernelInstance(IJAVA_KERNEL, "getKernelInstance");
    }

    /** The static {@code holder.getter()}, or null outside that kernel (or before it is set). */
    private static Object kernelInstance(String holder, String getter) {
        Class<?> kernel = find(holder);
        if (kernel == null) {
            return null;
        }
        try {
            return kernel.getMethod(getter).invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** JJava and IJava: a DisplayData bundle with the plain text and one rich form, sent to display(bundle). */
    private static void bundleDisplay(Object kernel, String displayDataClass, String name, String mime, Object data,
            String plainText) {
        bundleDisplay(kernel, displayDataClass, name, mime, data, plainText, null);
    }

    /** {@link #bundleDisplay} with the rich form's metadata (e.g. an image's width and height), if not null. */
    private static void bundleDisplay(Object kernel, String displayDataClass, String name, String mime, Object data,
            String plainText, Map<String, Object> metadata) {
        try {
            Class<?> displayData = Class.forName(displayDataClass, true, kernel.getClass().getClassLoader());
            Object bundle = displayData.getConstructor(String.class).newInstance(plainText);
            displayData.getMethod("putData", String.class, Object.class).invoke(bundle, mime, data);
            if (metadata != null) {
                displayData.getMethod("putMetaData", String.class, Object.class).invoke(bundle, mime, metadata);
            }
            Method display = kernel.getClass().getMethod("display", displayData);
            display.invoke(kernel, bundle);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(name + " could not display " + mime + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this " + name + " version has no display(DisplayData) the course can call: " + e, e);
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

    /**
     * Publishes {@code image} as image/png with the size to show it at, {@code width} ×
     * {@code height} (Jupyter's per-MIME "width"/"height" metadata): a chart rendered at twice its
     * pixels then shows at its own size, sharp on a high-density screen. JJava and IJava carry
     * metadata; returns false, having sent nothing, on a kernel that cannot (rapaio) or outside
     * one, so the caller sends the image at its own size instead.
     */
    static boolean emitSizedImage(Supplier<BufferedImage> image, int width, int height, String description) {
        Object jjava = jjavaKernel();
        Object ijava = jjava == null ? ijavaKernel() : null;
        if (jjava == null && ijava == null) {
            return false;
        }
        Map<String, Object> size = Map.of("width", width, "height", height);
        String png = Notebook.base64Png(image.get());
        if (jjava != null) {
            bundleDisplay(jjava, JJAVA_DISPLAY_DATA, "JJava", "image/png", png, description, size);
        } else {
            bundleDisplay(ijava, IJAVA_DISPLAY_DATA, "IJava", "image/png", png, description, size);
        }
        return true;
    }
}
