package dev.verifytoken;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code: packages by feature, and no import cycle between them, so that each feature can be
 * read, changed and tested on its own. The shared packages depend on no feature.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.verifytoken");

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("dev.verifytoken.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSharedPackagesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("dev.verifytoken.problem..", "dev.verifytoken.configuration..",
                        "dev.verifytoken.phone..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.verifytoken.token..",
                        "dev.verifytoken.policy..", "dev.verifytoken.ratelimit..", "dev.verifytoken.auth..",
                        "dev.verifytoken.crossorigin..", "dev.verifytoken.developer..", "dev.verifytoken.issuance..",
                        "dev.verifytoken.startup..", "dev.verifytoken.health..", "dev.verifytoken.metrics..",
                        "dev.verifytoken.audit..", "dev.verifytoken.http..")
                .check(CLASSES);
    }

    @Test
    void noFeatureDependsOnTheIssuanceThatUsesThem() {
        noClasses().that().resideInAnyPackage("dev.verifytoken.token..", "dev.verifytoken.policy..",
                        "dev.verifytoken.ratelimit..", "dev.verifytoken.auth..", "dev.verifytoken.crossorigin..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.verifytoken.issuance..",
                        "dev.verifytoken.startup..")
                .check(CLASSES);
    }
}
