package dev.gmailserverauth.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production code keeps the hexagon's layering. Every module is on this module's classpath. */
class ArchitectureTest {
    private static JavaClasses production;
    private static final LayerRules RULES = new LayerRules(LayerRules.PRODUCTION);

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(LayerRules.PRODUCTION);
    }

    @Test
    void domainDependsOnlyOnJava() {
        RULES.domainDependsOnlyOnJava().check(production);
    }

    @Test
    void applicationDependsOnlyOnDomain() {
        RULES.applicationDependsOnlyOnDomain().check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        RULES.adaptersDoNotDependOnEachOther().check(production);
    }

    @Test
    void onlyBootstrapDependsOnAdapters() {
        RULES.onlyBootstrapDependsOnAdapters().check(production);
    }

    @Test
    void nothingDependsOnBootstrap() {
        RULES.nothingDependsOnBootstrap().check(production);
    }

    @Test
    void webSeesOnlyApplicationAndDomain() {
        RULES.webSeesOnlyApplicationAndDomain().check(production);
    }

    @Test
    void modulesFormNoCycle() {
        RULES.noCycles().check(production);
    }

    @Test
    void mainCodeUsesNoStandardStreams() {
        RULES.noStandardStreams().check(production);
    }

    @Test
    void mainCodeNeverPrintsStackTraces() {
        RULES.noPrintStackTrace().check(production);
    }
}
