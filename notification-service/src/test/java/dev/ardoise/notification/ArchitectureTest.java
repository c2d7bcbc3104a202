package dev.ardoise.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ardoise.notification");

    /** javax.crypto (the JDK's HMAC, for payment links) is plain Java; the javax frameworks are not. */
    @Test
    void the_domain_is_plain_java() {
        noClasses().that().resideInAPackage("dev.ardoise.notification.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "javax.inject..",
                        "javax.persistence..", "javax.ws..", "javax.enterprise..", "javax.annotation..",
                        "com.fasterxml..", "org.hibernate..", "org.eclipse.microprofile..", "org.apache.kafka..")
                .because("the merchant's rules must not depend on a framework")
                .check(classes);
    }

    @Test
    void the_domain_knows_no_adapter() {
        noClasses().that().resideInAPackage("dev.ardoise.notification.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ardoise.notification.api..", "dev.ardoise.notification.consumer..",
                        "dev.ardoise.notification.delivery..", "dev.ardoise.notification.persistence..")
                .check(classes);
    }
}
