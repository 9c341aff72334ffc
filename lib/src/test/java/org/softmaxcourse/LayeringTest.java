package org.softmaxcourse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the library, checked on the compiled classes by ArchUnit (ARCHITECTURE.md
 * draws them):
 *
 * <pre>
 *   outer      data  plot  table  notebook  exercise     may use XChart, tablesaw, AWT
 *   models     classify  eval  gradcheck  derivation
 *   functions  loss  info
 *              activation
 *   kernels    internal.kernel                          not the course API
 *   base       numeric  text
 * </pre>
 *
 * A layer uses only the layers below it; everything but the outer layer (the "core") depends on
 * the JDK alone; the packages form no cycle; no outer package and no notebook reaches into the
 * internal kernels.
 */
class LayeringTest {
    private static final String ROOT = "org.softmaxcourse";
    private static final String[] CORE = {ROOT + ".numeric..", ROOT + ".text..", ROOT + ".internal..", ROOT + ".activation..",
        ROOT + ".loss..", ROOT + ".info..", ROOT + ".classify..", ROOT + ".eval..", ROOT + ".gradcheck..",
        ROOT + ".derivation.."};

    private static JavaClasses library;

    @BeforeAll
    static void importTheLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** The layers, each allowed to use the ones below it. */
    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("base").definedBy(ROOT + ".numeric..", ROOT + ".text..")
                .layer("kernels").definedBy(ROOT + ".internal..")
                .layer("activation").definedBy(ROOT + ".activation..")
                .layer("functions").definedBy(ROOT + ".loss..", ROOT + ".info..")
                .layer("models").definedBy(ROOT + ".classify..", ROOT + ".eval..", ROOT + ".gradcheck..",
                        ROOT + ".derivation..")
                .layer("outer").definedBy(ROOT + ".data..", ROOT + ".plot..", ROOT + ".table..", ROOT + ".notebook..",
                        ROOT + ".exercise..")
                .whereLayer("outer").mayNotBeAccessedByAnyLayer()
                .whereLayer("models").mayOnlyBeAccessedByLayers("outer")
                .whereLayer("functions").mayOnlyBeAccessedByLayers("models", "outer")
                .whereLayer("activation").mayOnlyBeAccessedByLayers("functions", "models", "outer")
                // The kernels are the fast insides of the course API, never called from the outer
                // packages a notebook sees.
                .whereLayer("kernels").mayOnlyBeAccessedByLayers("activation", "functions", "models")
                .whereLayer("base").mayOnlyBeAccessedByLayers("kernels", "activation", "functions", "models", "outer");
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layers().check(library);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(library);
    }

    @Test
    void theCoreDependsOnTheJdkAndItselfOnly() {
        String[] allowed = Stream.concat(Stream.of("java.."), Stream.of(CORE)).toArray(String[]::new);
        classes().that().resideInAnyPackage(CORE).should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("the mathematics runs wherever Java runs, without XChart, tablesaw or AWT")
                .check(library);
    }

    @Test
    void theInternalKernelsAreStaticFunctionsOnly() {
        // Nothing in the internal package is an object a caller holds or extends.
        constructors().that().areDeclaredInClassesThat().resideInAPackage(ROOT + ".internal..")
                .should().bePrivate().check(library);
        classes().that().resideInAPackage(ROOT + ".internal..").and().areTopLevelClasses().and().areNotInterfaces()
                .should().haveModifier(JavaModifier.FINAL).check(library);
    }

    @Test
    void noNotebookOrAssignmentUsesTheInternalKernels() throws IOException {
        List<String> found = new ArrayList<>();
        int notebooks = 0;
        for (Path dir : List.of(Path.of("../notebooks"), Path.of("../assignments"))) {
            assertTrue(Files.isDirectory(dir), dir.toAbsolutePath() + " (run from the lib module)");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path nb : files.filter(p -> p.toString().endsWith(".ipynb"))
                        .filter(p -> !p.toString().contains("target")).collect(Collectors.toList())) {
                    notebooks++;
                    if (Files.readString(nb).contains(ROOT + ".internal")) {
                        found.add(nb.toString());
                    }
                }
            }
        }
        assertTrue(notebooks >= 10, "saw only " + notebooks + " notebooks");
        assertEquals(List.of(), found, "notebooks teach the course API, not the kernels behind it");
    }

    @Test
    void theRulesSeeEveryPackageAndCatchAViolation() {
        // Guards against rules that pass because they saw nothing.
        Set<String> packages = library.stream().map(c -> c.getPackageName()).collect(Collectors.toSet());
        for (String p : List.of("numeric", "internal.kernel", "activation", "loss", "info", "classify", "eval",
                "gradcheck", "derivation", "data", "plot", "table", "notebook", "exercise", "text")) {
            assertTrue(packages.contains(ROOT + "." + p), p + " not in " + packages);
        }
        // Every package the library has is in a layer: a new package must be placed in one.
        Set<String> layered = Set.of("numeric", "text", "internal", "activation", "loss", "info", "classify", "eval",
                "gradcheck", "derivation", "data", "plot", "table", "notebook", "exercise");
        for (String p : packages) {
            String top = p.equals(ROOT) ? "" : p.substring(ROOT.length() + 1).split("\\.")[0];
            assertTrue(layered.contains(top), p + " is in no layer of LayeringTest");
        }
        // The same rules fail on classes that break them: a test class that draws with XChart.
        JavaClasses withTests = new ClassFileImporter().importPackages(ROOT + ".plot");
        assertFalse(withTests.isEmpty());
        assertThrows(AssertionError.class, () -> classes().that().resideInAPackage(ROOT + ".plot..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + "..").check(withTests));
    }
}
