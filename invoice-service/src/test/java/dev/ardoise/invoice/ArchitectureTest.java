package dev.ardoise.invoice;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ardoise.invoice");

    @Test
    void the_domain_is_plain_java() {
        noClasses().that().resideInAPackage("dev.ardoise.invoice.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "com.fasterxml..",
                        "org.hibernate..", "org.eclipse.microprofile..", "io.micrometer..", "org.jboss..",
                        "dev.ardoise.invoice.api..", "dev.ardoise.invoice.persistence..",
                        "dev.ardoise.invoice.projection..", "dev.ardoise.invoice.config..")
                .because("the merchant's rules must be testable without a framework")
                .check(CLASSES);
    }
}
