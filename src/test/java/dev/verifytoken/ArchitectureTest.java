package dev.verifytoken;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code (docs/architecture.md): packages by feature in four layers, each using only the ones below
 * it, no import cycle between features, and inside a feature entity below control below boundary. Every package is
 * in a layer: a new one must be placed here.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.verifytoken";
    /** What every feature may use: errors, settings, phone numbers, the HTTP plumbing. */
    private static final String[] SHARED = {"problem", "configuration", "phone", "http"};
    /** What a token is made of and what may refuse it. */
    private static final String[] FEATURES = {"token", "apps", "policy", "ratelimit", "auth", "crossorigin"};
    /** The steps from a request to a token. */
    private static final String[] ISSUANCE = {"issuance"};
    /** What watches and explains the service: nothing uses them. */
    private static final String[] OPERATIONS = {"audit", "metrics", "health", "developer"};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static String[] packages(String... features) {
        return Stream.of(features).map(feature -> ROOT + "." + feature + "..").toArray(String[]::new);
    }

    static Stream<String> allFeatures() {
        return Stream.of(SHARED, FEATURES, ISSUANCE, OPERATIONS).flatMap(Stream::of);
    }

    @Test
    void eachLayerUsesOnlyTheOnesBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Shared").definedBy(packages(SHARED))
                .layer("Features").definedBy(packages(FEATURES))
                .layer("Issuance").definedBy(packages(ISSUANCE))
                .layer("Operations").definedBy(packages(OPERATIONS))
                .whereLayer("Operations").mayNotBeAccessedByAnyLayer()
                .whereLayer("Issuance").mayOnlyBeAccessedByLayers("Operations")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Issuance", "Operations")
                .check(CLASSES);
    }

    @Test
    void everyPackageIsInALayer() {
        String[] placed = Stream.concat(Stream.of(ROOT), Stream.of(packages(allFeatures().toArray(String[]::new))))
                .toArray(String[]::new);
        classes().should().resideInAnyPackage(placed).check(CLASSES);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @ParameterizedTest
    @MethodSource("allFeatures")
    void insideAFeatureEntityIsBelowControlAndControlBelowBoundary(String feature) {
        String base = ROOT + "." + feature;
        noClasses().that().resideInAPackage(base + ".entity..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".control..", base + ".boundary..")
                .allowEmptyShould(true).check(CLASSES);
        noClasses().that().resideInAPackage(base + ".control..")
                .should().dependOnClassesThat().resideInAPackage(base + ".boundary..")
                .allowEmptyShould(true).check(CLASSES);
    }
}
