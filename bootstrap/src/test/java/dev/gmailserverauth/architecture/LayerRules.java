package dev.gmailserverauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The layering of the hexagon, as rules over a root package. Production code is checked under
 * {@code dev.gmailserverauth}; the same rules run over planted violations under another root to show
 * that each one can fail.
 */
final class LayerRules {
    static final String PRODUCTION = "dev.gmailserverauth";
    static final List<String> ADAPTERS = List.of("google", "persistence", "web", "webhooks", "sandbox");
    /** The parts of the web adapter every feature may use. */
    static final List<String> WEB_COMMON_PARTS = List.of("shared", "http", "sanitizer");

    private final String root;

    LayerRules(String root) {
        this.root = root;
    }

    private String module(String name) {
        return root + "." + name + "..";
    }

    /** domain: pure Java, no dependency at all. */
    ArchRule domainDependsOnlyOnJava() {
        return classes().that().resideInAPackage(module("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", module("domain"))
                .because("the domain is pure Java with no dependency");
    }

    /** application: the domain and Java, nothing else. */
    ArchRule applicationDependsOnlyOnDomain() {
        return classes().that().resideInAPackage(module("application"))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", module("domain"), module("application"))
                .because("use cases see ports, never technology");
    }

    /** No adapter sees another adapter; the web sees neither Google nor the database. */
    ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".(" + String.join("|", ADAPTERS) + ")..")
                .should().notDependOnEachOther()
                .because("adapters meet only in bootstrap");
    }

    /** Only bootstrap (the composition root) knows the adapters. */
    ArchRule onlyBootstrapDependsOnAdapters() {
        return noClasses().that().resideInAnyPackage(module("domain"), module("application"))
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS.stream().map(this::module).toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAPackage(module("bootstrap"))
                .because("arrows point inward; bootstrap is the only module that knows everything");
    }

    /** Nothing but bootstrap depends on bootstrap. */
    ArchRule nothingDependsOnBootstrap() {
        return noClasses().that().resideOutsideOfPackage(module("bootstrap"))
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(module("bootstrap"));
    }

    /** The web adapter drives use cases; it reaches no other adapter and no driven port's implementation. */
    ArchRule webSeesOnlyApplicationAndDomain() {
        return noClasses().that().resideInAPackage(module("web"))
                .should().dependOnClassesThat().resideInAnyPackage(module("google"), module("persistence"), module("sandbox"), module("bootstrap"));
    }

    /**
     * The web adapter is packaged by feature ({@code web.signin}, {@code web.mail}, {@code web.account},
     * {@code web.risc}, and those to come): a feature reaches another only through the shared part
     * ({@code web.shared}), the server plumbing ({@code web.http}) or the sanitizer ({@code web.sanitizer}),
     * and those reach no feature. Only {@code WebApp}, in {@code web} itself, wires the features together.
     */
    ArchRule webFeaturesDoNotDependOnEachOther() {
        String web = root + ".web";
        return slices().matching(web + ".(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(),
                        JavaClass.Predicates.resideInAnyPackage(WEB_COMMON_PARTS.stream().map(part -> web + "." + part + "..").toArray(String[]::new)))
                .because("a feature of the web adapter can be read, changed or removed without the others");
    }

    /**
     * Use cases receive their collaborators from the composition root: application code constructs only
     * values (records, enums, exceptions), itself (a static factory) and the per-request
     * {@code MailboxGrant}, never another use case or helper. A nested class counts as its own, even within one source file.
     */
    ArchRule useCasesDoNotConstructCollaborators() {
        String application = root + ".application";
        DescribedPredicate<JavaConstructorCall> collaborator = DescribedPredicate.describe("a collaborator of the application layer",
                call -> {
                    JavaClass target = call.getTargetOwner();
                    return target.getPackageName().startsWith(application)
                            && !target.isRecord() && !target.isEnum() && !target.isAssignableTo(Throwable.class)
                            && !target.isAnonymousClass()
                            && !target.equals(call.getOriginOwner())
                            && !target.getName().equals(application + ".MailboxGrant");
                });
        return noClasses().that().resideInAPackage(module("application"))
                .should().callConstructorWhere(collaborator)
                .because("the composition root wires use cases; a use case that builds its own collaborators hides them");
    }

    /**
     * No two modules have a top-level type of the same simple name, so a reader never has to check the
     * package to know which one a name means (the sandbox's types do not reuse the domain's names).
     */
    ArchRule typeNamesAreUniqueAcrossModules() {
        return classes().that().resideInAPackage(root + "..").and().areTopLevelClasses()
                .should(new ArchCondition<JavaClass>("have a simple name no other module uses") {
                    private final Map<String, Set<String>> modulesByName = new HashMap<>();
                    private final List<JavaClass> seen = new ArrayList<>();

                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        modulesByName.computeIfAbsent(type.getSimpleName(), ignored -> new TreeSet<>()).add(moduleOf(type));
                        seen.add(type);
                    }

                    @Override
                    public void finish(ConditionEvents events) {
                        for (JavaClass type : seen) {
                            Set<String> modules = modulesByName.get(type.getSimpleName());
                            if (modules.size() > 1) {
                                events.add(SimpleConditionEvent.violated(type, type.getName() + " shares its name with a type in " + modules));
                            }
                        }
                    }
                });
    }

    private String moduleOf(JavaClass type) {
        String rest = type.getPackageName().substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * The sandbox's public API ({@code sandbox}: GoogleSandbox, SandboxControl, SandboxConfig, …) is all that
     * other code sees; {@code sandbox.internal..} (its Google surfaces and their state) is the sandbox's own.
     */
    ArchRule nothingOutsideTheSandboxReachesItsInternals() {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(module("sandbox"))
                .should().dependOnClassesThat().resideInAPackage(root + ".sandbox.internal..")
                .because("the sandbox is used through its public API, so its internals can change freely");
    }

    /** Modules form no cycle. */
    ArchRule noCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Main code logs through SLF4J: no standard streams, no printStackTrace. */
    ArchRule noStandardStreams() {
        return noClasses().that().resideInAPackage(root + "..").should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);
    }

    ArchRule noPrintStackTrace() {
        return noClasses().that().resideInAPackage(root + "..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("printStackTrace"))
                        .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(Throwable.class)))))
                .because("stack traces go to the log, through SLF4J");
    }

    List<ArchRule> all() {
        return List.of(domainDependsOnlyOnJava(), applicationDependsOnlyOnDomain(), adaptersDoNotDependOnEachOther(),
                onlyBootstrapDependsOnAdapters(), nothingDependsOnBootstrap(), webSeesOnlyApplicationAndDomain(), webFeaturesDoNotDependOnEachOther(),
                useCasesDoNotConstructCollaborators(), typeNamesAreUniqueAcrossModules(), nothingOutsideTheSandboxReachesItsInternals(), noCycles(),
                noStandardStreams(), noPrintStackTrace());
    }
}
