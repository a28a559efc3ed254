package dev.gmailserverauth.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each layering rule, fed the planted violations under {@code dev.gmailserverauth.planted}, fails and names the culprit. */
class ArchitectureRulesCanFailTest {
    private static final String ROOT = "dev.gmailserverauth.planted";
    private static final LayerRules RULES = new LayerRules(ROOT);
    private static JavaClasses planted;

    @BeforeAll
    static void importPlantedViolations() {
        planted = new ClassFileImporter().importPackages(ROOT);
    }

    private static void failsNaming(ArchRule rule, String culprit) {
        assertThatThrownBy(() -> rule.check(planted)).isInstanceOf(AssertionError.class).hasMessageContaining(culprit);
    }

    @Test
    void domainRuleCatchesADomainClassUsingALibrary() {
        failsNaming(RULES.domainDependsOnlyOnJava(), "LeakyEntity");
    }

    @Test
    void applicationRuleCatchesAUseCaseUsingAnAdapter() {
        failsNaming(RULES.applicationDependsOnlyOnDomain(), "UseCaseThatKnowsGoogle");
    }

    @Test
    void wiringRuleCatchesAUseCaseBuildingItsCollaborator() {
        failsNaming(RULES.useCasesDoNotConstructCollaborators(), "UseCaseThatBuildsAUseCase");
    }

    @Test
    void nameRuleCatchesASandboxTypeNamedLikeADomainType() {
        failsNaming(RULES.typeNamesAreUniqueAcrossModules(), "planted.sandbox.LeakyEntity");
    }

    @Test
    void adapterRuleCatchesAnAdapterUsingAnother() {
        failsNaming(RULES.adaptersDoNotDependOnEachOther(), "GoogleThing");
    }

    @Test
    void bootstrapOnlyRuleCatchesTheCoreReachingAnAdapter() {
        failsNaming(RULES.onlyBootstrapDependsOnAdapters(), "UseCaseThatKnowsGoogle");
    }

    @Test
    void nothingDependsOnBootstrapRuleCatchesAnAdapterUsingTheWiring() {
        failsNaming(RULES.nothingDependsOnBootstrap(), "DatabaseThing");
    }

    @Test
    void webRuleCatchesARouteReadingTheDatabase() {
        failsNaming(RULES.webSeesOnlyApplicationAndDomain(), "RouteThatReadsTheDatabase");
    }

    @Test
    void sandboxBoundaryRuleCatchesWiringThatReachesIntoItsInternals() {
        failsNaming(RULES.nothingOutsideTheSandboxReachesItsInternals(), "WiringThatReachesIntoTheSandbox");
    }

    @Test
    void webFeatureRuleCatchesAFeatureUsingAnother() {
        failsNaming(RULES.webFeaturesDoNotDependOnEachOther(), "SignInPageThatReadsMail");
    }

    @Test
    void webFeatureRuleLetsFeaturesShareTheCommonParts() {
        RULES.webFeaturesDoNotDependOnEachOther().check(new ClassFileImporter().importPackages(ROOT + ".web.mail", ROOT + ".web.shared"));
    }

    @Test
    void cycleRuleCatchesACycleThroughBootstrap() {
        failsNaming(RULES.noCycles(), "Cycle");
    }

    @Test
    void standardStreamRuleCatchesSystemOut() {
        failsNaming(RULES.noStandardStreams(), "Chatty");
    }

    @Test
    void printStackTraceRuleCatchesIt() {
        failsNaming(RULES.noPrintStackTrace(), "Chatty");
    }
}
