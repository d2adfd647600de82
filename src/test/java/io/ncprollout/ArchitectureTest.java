package io.ncprollout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the README's architecture section, on the compiled main classes: the domain ({@code rollout})
 * knows no adapter, and the two adapters ({@code slack}, {@code ncp}) meet only through its ports. A wrong import
 * fails the build here, naming the class and the dependency.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.ncprollout");
    }

    @Test
    void rollout_dependsOnNoAdapter() {
        noClasses().that().resideInAPackage("io.ncprollout.rollout..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ncprollout.slack..", "io.ncprollout.ncp..",
                        "io.ncprollout.store..", "io.ncprollout.sim..", "io.ncprollout.shell..", "io.ncprollout.config..",
                        "io.ncprollout.ops..", "io.ncprollout.health..", "com.slack..", "okhttp3..", "org.apache.kafka..", "java.sql..")
                .because("the domain decides; I/O lives in adapters that implement its ports")
                .check(main);
    }

    @Test
    void slack_doesNotKnowNcp() {
        noClasses().that().resideInAPackage("io.ncprollout.slack..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ncprollout.ncp..", "io.ncprollout.sim..", "io.ncprollout.store..")
                .because("slack and ncp meet only through the rollout ports")
                .check(main);
    }

    @Test
    void ncp_doesNotKnowSlack() {
        noClasses().that().resideInAPackage("io.ncprollout.ncp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ncprollout.slack..", "io.ncprollout.store..", "com.slack..")
                .because("slack and ncp meet only through the rollout ports")
                .check(main);
    }

    @Test
    void healthGates_knowOnlyTheDomainAndTheirConfiguration() {
        noClasses().that().resideInAPackage("io.ncprollout.health..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ncprollout.slack..", "io.ncprollout.ncp..", "io.ncprollout.store..",
                        "io.ncprollout.sim..", "com.slack..")
                .because("the gates read the clusters' data planes; where those are comes through the rollout port (OperationsApi.endpoints)")
                .check(main);
    }

    @Test
    void store_knowsNeitherChatNorCloud() {
        noClasses().that().resideInAPackage("io.ncprollout.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ncprollout.slack..", "io.ncprollout.ncp..", "com.slack..")
                .because("the store keeps the domain's records, whatever shows or runs them")
                .check(main);
    }

    @Test
    void rolloutConcepts_formNoCycle() {
        slices().matching("io.ncprollout.rollout.(*)..").should().beFreeOfCycles()
                .because("each concept of the domain builds on the ones below it: cluster, operation, audit, access, tracking, outbox")
                .check(main);
    }

    @Test
    void rolloutConcepts_doNotKnowTheUseCases() {
        noClasses().that().resideInAPackage("io.ncprollout.rollout.*..")
                .should().dependOnClassesThat().resideInAPackage("io.ncprollout.rollout")
                .because("the use cases in rollout (start, approve, follow) compose the concepts of its subpackages, never the reverse")
                .check(main);
    }

    @Test
    void topLevelPackages_formNoCycle() {
        slices().matching("io.ncprollout.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void slackPackages_formNoCycle() {
        slices().matching("io.ncprollout.slack.(*)..").should().beFreeOfCycles()
                .because("handlers (command, view, action, home) use rendering and the chokepoints, never each other in circles")
                .check(main);
    }
}
