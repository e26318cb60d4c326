package io.poolmap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

/** The package rules of the house style (packages by feature, an engine free of HTTP), so that the features stay apart as poolmap grows. */
@AnalyzeClasses(packages = "io.poolmap", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule operationsDependOnNoOtherFeature = classes().that().resideInAPackage("io.poolmap.operation..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.poolmap..")
                    .or(resideInAnyPackage("io.poolmap", "io.poolmap.operation..")))
            .because("an operation is one small class that anything may run (a job, a cluster member, a benchmark), "
                    + "so it must not know who runs it");

    @ArchTest
    static final ArchRule theEngineKnowsNothingOfHttp = noClasses().that()
            .resideInAnyPackage("io.poolmap.job", "io.poolmap.worker..", "io.poolmap.operation", "io.poolmap.operation.builtin",
                    "io.poolmap.operation.registry", "io.poolmap.operation.plugin", "io.poolmap.expression")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "org.springframework.web..",
                    "jakarta.servlet..", "io.swagger..", "io.poolmap.web..", "io.poolmap.job.web..", "io.poolmap.operation.web..")
            .because("the engine (jobs, workers, operations) throws its own exceptions and returns its own types, so that a "
                    + "cluster member, a benchmark or another edge can drive it; the web edge maps them to HTTP");

    @ArchTest
    static final ArchRule theOperationApiIsStandalone = classes().that().resideInAPackage("io.poolmap.operation")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.poolmap.operation", "java..")
            .because("io.poolmap.operation is the plug-in API, shipped alone as poolmap-operation-api: a plug-in compiles "
                    + "against it and nothing else, so it must need nothing but the JDK");

    @ArchTest
    static final ArchRule workersKnowNothingOfJobsWebOrActuator = noClasses().that().resideInAPackage("io.poolmap.worker..")
            .should().dependOnClassesThat().resideInAnyPackage("io.poolmap.job..", "io.poolmap.web..", "io.poolmap.actuator..")
            .because("the pool sees only ChunkedWork, so that the same seam can later dispatch chunks to cluster members");

    @ArchTest
    static final ArchRule jobsKnowNothingOfTheActuator = noClasses().that().resideInAPackage("io.poolmap.job..")
            .should().dependOnClassesThat().resideInAPackage("io.poolmap.actuator..")
            .because("metrics listen to jobs through JobListener; the job lifecycle must work without them");

    @ArchTest
    static final ArchRule webGlueKnowsNoFeature = noClasses().that().resideInAPackage("io.poolmap.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.poolmap.job..", "io.poolmap.worker..", "io.poolmap.actuator..")
            .because("web holds shared glue (problem details, JSON, limits) that every feature uses, so it cannot depend on one");

    @ArchTest
    static final ArchRule nothingDependsOnTheActuator = noClasses().that().resideOutsideOfPackage("io.poolmap.actuator..")
            .should().dependOnClassesThat().resideInAPackage("io.poolmap.actuator..")
            .because("observability is a leaf: removing the actuator package must leave a working service");

    @ArchTest
    static final ArchRule nothingDependsOnSecurity = noClasses().that().resideOutsideOfPackage("io.poolmap.security..")
            .should().dependOnClassesThat().resideInAPackage("io.poolmap.security..")
            .because("access control wraps the service from outside (a filter chain): no feature may need to know who called it");

    @ArchTest
    static final ArchRule theStoreKnowsNothingOfJobsWorkersWebOrHttp = noClasses().that().resideInAnyPackage("io.poolmap.store..", "io.poolmap.cluster..")
            .should().dependOnClassesThat().resideInAnyPackage("io.poolmap.job..", "io.poolmap.worker..", "io.poolmap.web..",
                    "io.poolmap.actuator..", "org.springframework.http..")
            .because("the store keeps jobs' records and chunks for the engine, which calls it; it must not call back, nor speak HTTP");

    @ArchTest
    static final ArchRule theClusterKnowsNothingOfTheStore = noClasses().that().resideInAPackage("io.poolmap.cluster..")
            .should().dependOnClassesThat().resideInAPackage("io.poolmap.store..")
            .because("membership (the channel, the view) sits under the store, which builds its caches on it");

    @ArchTest
    static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .because("constructor injection with final fields makes dependencies explicit and classes testable without Spring");

    @ArchTest
    static final ArchRule noDtoClasses = noClasses().should().haveSimpleNameEndingWith("Dto")
            .orShould().haveSimpleNameEndingWith("DTO")
            .because("types are named after the domain (JobView, JobRequest), not after a layer");

    @ArchTest
    static final ArchRule noLayerPackages = noClasses().should().resideInAnyPackage("..controller..", "..service..", "..dto..")
            .because("packages are named after features (job, worker, operation), not layers");

    @ArchTest
    static final ArchRule configurationPropertiesAreRecords = classes().that().areAnnotatedWith(ConfigurationProperties.class)
            .should().beRecords()
            .because("settings are immutable values, bound once through the constructor and validated at start-up");

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(Controller.class)
            .should().notBePublic()
            .because("nothing calls a controller but Spring MVC, so it stays package-private like petclinic's");
}
