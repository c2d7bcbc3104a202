package dev.ardoise.account;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The account's rules stay plain Java: no framework may leak into the domain package. */
class DomainIsPlainJavaTest {

    @Test
    void the_domain_imports_no_framework() {
        noClasses().that().resideInAPackage("dev.ardoise.account.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "com.fasterxml..",
                        "org.hibernate..", "org.apache.kafka..", "dev.ardoise.account.eventstore..",
                        "dev.ardoise.account.api..", "dev.ardoise.account.application..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.ardoise.account.domain"));
    }
}
