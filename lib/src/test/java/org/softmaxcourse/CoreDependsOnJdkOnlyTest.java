package org.softmaxcourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture rule of the library: the mathematics depends on the JDK only.
 *
 * <p>Every package under {@code org.softmaxcourse} is a core package except the ones that draw,
 * tabulate, load data, talk to a notebook kernel or show exercise feedback there ({@link #OUTER}). A core source file may
 * import {@code java.*} and other core packages, nothing else, and may not name XChart,
 * tablesaw or an outer package anywhere in its code (a fully qualified name needs no import).
 * The rule is checked on the source files, so a new package is covered the moment it exists.
 */
class CoreDependsOnJdkOnlyTest {
    private static final String ROOT = "org.softmaxcourse";
    /** The packages allowed to use XChart and tablesaw; everything else is core. */
    private static final Set<String> OUTER = Set.of("plot", "table", "notebook", "data", "exercise");
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;",
            Pattern.MULTILINE);
    private static final Pattern FORBIDDEN_NAME = Pattern.compile(
            "\\b(org\\.knowm|tech\\.tablesaw|org\\.softmaxcourse\\.(plot|table|notebook|data))\\b");

    @Test
    void corePackagesImportOnlyTheJdkAndEachOther() {
        List<Path> core = coreSources();
        List<String> violations = new ArrayList<>();
        for (Path file : core) {
            String text = read(file);
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = m.group(2);
                if (!allowed(imported)) {
                    violations.add(SOURCES.relativize(file) + " imports " + imported);
                }
            }
            Matcher f = FORBIDDEN_NAME.matcher(withoutComments(text));
            while (f.find()) {
                violations.add(SOURCES.relativize(file) + " names " + f.group(1));
            }
        }
        assertEquals(List.of(), violations, "core packages must depend on the JDK and each other only");
    }

    @Test
    void theRuleSeesTheCorePackages() {
        // Guards against a test that passes because it scanned nothing (wrong working directory).
        Set<String> packages = coreSources().stream()
                .map(p -> SOURCES.relativize(p.getParent()).toString().replace(java.io.File.separatorChar, '.'))
                .collect(Collectors.toSet());
        for (String expected : List.of("numeric", "activation", "loss", "info", "gradcheck", "derivation")) {
            assertTrue(packages.contains(ROOT + "." + expected), () -> "no sources seen for " + expected + " in "
                    + packages);
        }
        assertFalse(packages.stream().anyMatch(p -> OUTER.contains(subpackage(p))));
    }

    @Test
    void theRuleCatchesAViolation() {
        assertFalse(allowed("tech.tablesaw.api.Table"));
        assertFalse(allowed("org.knowm.xchart.XYChart"));
        assertFalse(allowed("org.softmaxcourse.plot.Plots"));
        assertFalse(allowed("javax.swing.JFrame"));
        assertTrue(allowed("java.util.List"));
        assertTrue(allowed("org.softmaxcourse.numeric.Matrix"));
        assertTrue(FORBIDDEN_NAME.matcher("var t = tech.tablesaw.api.Table.create();").find());
        assertFalse(FORBIDDEN_NAME.matcher(withoutComments("// unlike tech.tablesaw, this is plain Java")).find());
    }

    private static boolean allowed(String imported) {
        if (imported.startsWith("java.")) {
            return true;
        }
        if (!imported.startsWith(ROOT + ".")) {
            return false;
        }
        return !OUTER.contains(subpackage(imported));
    }

    /** The first package name below the root: {@code loss} for {@code org.softmaxcourse.loss.X}. */
    private static String subpackage(String qualified) {
        String rest = qualified.substring(Math.min(qualified.length(), ROOT.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static List<Path> coreSources() {
        Path root = SOURCES.resolve(ROOT.replace('.', '/'));
        assertTrue(Files.isDirectory(root), () -> "no sources at " + root.toAbsolutePath());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getParent().equals(root))
                    .filter(p -> !OUTER.contains(root.relativize(p).getName(0).toString()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source without block and line comments (Javadoc may mention other libraries). */
    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }
}
