package org.softmaxcourse.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classifiers and their evaluation are mathematics: they may use the JDK and the library's
 * own core packages, never tablesaw or XChart (those belong to the table and plot packages).
 */
class ClassifiersDependOnJdkOnlyTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of("java.", "org.softmaxcourse.numeric.",
            "org.softmaxcourse.activation.", "org.softmaxcourse.loss.", "org.softmaxcourse.classify.",
            "org.softmaxcourse.eval.");

    @ParameterizedTest
    @ValueSource(strings = {"classify", "eval"})
    void importsOnlyTheJdkAndTheCore(String pkg) throws IOException {
        Path dir = Path.of("src/main/java/org/softmaxcourse", pkg);
        assertTrue(Files.isDirectory(dir), dir.toAbsolutePath() + " (run from the lib module)");
        List<String> bad = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.list(dir)) {
            for (Path file : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                files++;
                String text = Files.readString(file);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String imported = m.group(2);
                    if (ALLOWED.stream().noneMatch(imported::startsWith)) {
                        bad.add(file.getFileName() + ": " + imported);
                    }
                }
                for (String forbidden : List.of("tech.tablesaw", "org.knowm")) {
                    if (text.contains(forbidden)) {
                        bad.add(file.getFileName() + ": mentions " + forbidden);
                    }
                }
            }
        }
        assertTrue(files > 0);
        assertEquals(List.of(), bad);
    }
}
