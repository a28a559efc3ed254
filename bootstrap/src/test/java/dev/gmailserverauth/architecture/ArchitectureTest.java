package dev.gmailserverauth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.Location;
import dev.gmailserverauth.application.BeginAuthorization;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.google.GoogleAdapters;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.web.WebApp;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production code keeps the hexagon's layering. Every module is on this module's classpath. */
class ArchitectureTest {
    private static JavaClasses production;
    private static final LayerRules RULES = new LayerRules(LayerRules.PRODUCTION);

    /** One class of each module: the importer reads exactly those modules' jars or folders, not the whole classpath. */
    private static final List<Class<?>> MODULES = List.of(UserId.class, BeginAuthorization.class, GoogleAdapters.class, Database.class,
            WebApp.class, GoogleSandbox.class, GmailServerAuth.class);

    @BeforeAll
    static void importProductionClasses() {
        Set<Location> locations = MODULES.stream()
                .map(module -> Location.of(module.getProtectionDomain().getCodeSource().getLocation()))
                .collect(Collectors.toSet());
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(locations);
    }

    @Test
    void everyModuleWasImported() {
        assertThat(MODULES).allSatisfy(module -> assertThat(production.contain(module)).as(module.getName()).isTrue());
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
    void webFeaturesDoNotDependOnEachOther() {
        RULES.webFeaturesDoNotDependOnEachOther().check(production);
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
    void useCasesDoNotConstructCollaborators() {
        RULES.useCasesDoNotConstructCollaborators().check(production);
    }

    @Test
    void typeNamesAreUniqueAcrossModules() {
        RULES.typeNamesAreUniqueAcrossModules().check(production);
    }

    @Test
    void nothingOutsideTheSandboxReachesItsInternals() {
        RULES.nothingOutsideTheSandboxReachesItsInternals().check(production);
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
