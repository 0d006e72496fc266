package eu.heapzilla.eventa.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import eu.heapzilla.eventa.ports.service.UseCases;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks {@link ArchitectureRules} against the production classes of every server-side module,
 * imported from the test classpath (the modules' main jars, or their target/classes in an IDE).
 * Test classes, including this module's fixtures, are left out.
 */
@AnalyzeClasses(packages = ArchitectureRules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);

    /**
     * A rule over classes that were never imported passes without checking anything: every
     * module must have arrived on the classpath.
     */
    @ArchTest
    static void every_module_is_imported(JavaClasses classes) {
        List<String> missing = Stream.of("domain", "ports.in", "ports.out", "ports.service",
                        "adapters.postgres", "adapters.http", "adapters.push", "adapters.mail", "adapters.web", "server")
                .map(module -> ArchitectureRules.ROOT + "." + module)
                .filter(pkg -> !classes.containPackage(pkg))
                .toList();
        assertTrue(missing.isEmpty(), () -> "no production class imported from " + missing);
        assertTrue(classes.contain(UseCases.class), "UseCases not imported");
    }

    /** The fixtures of {@link ArchitectureRulesCanFailTest} break the rules on purpose. */
    @ArchTest
    static void no_test_class_is_imported(JavaClasses classes) {
        List<String> testClasses = classes.stream()
                .map(JavaClass::getName)
                .filter(name -> name.contains(".archfixture.") || name.startsWith(ArchitectureRules.ROOT + ".architecture."))
                .toList();
        assertTrue(testClasses.isEmpty(), () -> "test classes imported as production classes: " + testClasses);
    }
}
