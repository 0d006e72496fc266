package eu.heapzilla.eventa.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.DOMAIN_IS_PURE_JAVA;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.NOTHING_DEPENDS_ON_THE_SERVER;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.NO_PACKAGE_CYCLES;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.CHANGES_ARE_RECORDED_ONLY_BY_THE_WRITE_PATH;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.ONLY_THE_SERVER_BUILDS_USE_CASES;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.OUT_PORT_IMPLEMENTATIONS_ARE_NOT_PUBLIC;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.PORTS_DEPEND_ON_THE_DOMAIN_ONLY;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.SECRETS_ARE_REVEALED_ONLY_AT_THE_EDGES;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.SERVICES_ARE_REACHED_ONLY_THROUGH_USE_CASES;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.THE_CORE_DOES_NOT_KNOW_THE_OUTSIDE;
import static eu.heapzilla.eventa.architecture.ArchitectureRules.USE_CASE_SERVICES_ARE_NOT_PUBLIC;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import eu.heapzilla.eventa.adapters.http.archfixture.answerstoken.AnswersWithTheToken;
import eu.heapzilla.eventa.ports.service.archfixture.sidestep.SidestepsTheWritePath;
import eu.heapzilla.eventa.adapters.http.archfixture.buildsusecases.HttpBuildingUseCases;
import eu.heapzilla.eventa.adapters.http.archfixture.usesmail.HttpUsingMail;
import eu.heapzilla.eventa.adapters.http.archfixture.usesoutports.HttpUsingOutPorts;
import eu.heapzilla.eventa.adapters.http.archfixture.usesportsin.HttpUsingViewProfile;
import eu.heapzilla.eventa.adapters.mail.archfixture.hiddenclock.MailEntryPoint;
import eu.heapzilla.eventa.adapters.mail.archfixture.sender.MailSender;
import eu.heapzilla.eventa.adapters.postgres.archfixture.storestoken.StoresTheToken;
import eu.heapzilla.eventa.adapters.postgres.archfixture.usesjooq.UsesJooqFixture;
import eu.heapzilla.eventa.adapters.postgres.jooq.archfixture.FixtureKeys;
import eu.heapzilla.eventa.adapters.push.archfixture.publicclock.PublicClock;
import eu.heapzilla.eventa.adapters.push.archfixture.usesserver.PushUsingServer;
import eu.heapzilla.eventa.archfixture.cycle.left.Left;
import eu.heapzilla.eventa.archfixture.cycle.right.Right;
import eu.heapzilla.eventa.domain.archfixture.pure.PureValue;
import eu.heapzilla.eventa.domain.archfixture.reachesserver.ReachesServer;
import eu.heapzilla.eventa.domain.archfixture.usesjavalin.UsesJavalin;
import eu.heapzilla.eventa.domain.archfixture.usesjavax.UsesJavax;
import eu.heapzilla.eventa.ports.out.archfixture.clean.CleanPort;
import eu.heapzilla.eventa.ports.out.archfixture.leaksjooq.LeaksJooq;
import eu.heapzilla.eventa.ports.service.archfixture.hiddenservice.ServiceSettings;
import eu.heapzilla.eventa.ports.service.archfixture.publicservice.PublicService;
import eu.heapzilla.eventa.server.archfixture.component.ServerComponent;
import eu.heapzilla.eventa.server.archfixture.reachesservice.ServerReachingAService;
import eu.heapzilla.eventa.server.archfixture.wiring.ServerWiring;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot fail is worthless: each rule of {@link ArchitectureRules} is evaluated
 * against small fixture classes (test sources, packages {@code ..archfixture..}) that break
 * it, and where cheap against fixtures that keep it. The fixtures are test classes, so the
 * production check in {@link ArchitectureTest} never sees them.
 */
class ArchitectureRulesCanFailTest {

    // 1. domain depends only on java.. and domain..

    @Test
    void domain_rejects_javalin() {
        assertRejects(DOMAIN_IS_PURE_JAVA, "io.javalin.Javalin", UsesJavalin.class);
    }

    @Test
    void domain_rejects_javax_even_from_the_jdk() {
        assertRejects(DOMAIN_IS_PURE_JAVA, "javax.sql.DataSource", UsesJavax.class);
    }

    @Test
    void domain_accepts_jdk_and_domain_types() {
        assertAccepts(DOMAIN_IS_PURE_JAVA, PureValue.class);
    }

    // 2. ports depend only on java.., domain.., ports..

    @Test
    void ports_reject_jooq() {
        assertRejects(PORTS_DEPEND_ON_THE_DOMAIN_ONLY, "org.jooq.DSLContext", LeaksJooq.class);
    }

    @Test
    void ports_accept_jdk_domain_and_port_types() {
        assertAccepts(PORTS_DEPEND_ON_THE_DOMAIN_ONLY, CleanPort.class);
    }

    // 3. no adapter depends on another adapter

    @Test
    void an_adapter_may_not_use_another_adapter() {
        assertRejects(ADAPTERS_DO_NOT_KNOW_EACH_OTHER, HttpUsingMail.class.getName(),
                HttpUsingMail.class, MailSender.class);
    }

    @Test
    void adapters_that_meet_only_through_ports_pass() {
        assertAccepts(ADAPTERS_DO_NOT_KNOW_EACH_OTHER, MailSender.class, PublicClock.class);
    }

    // 4. nothing outside server.. depends on server..

    @Test
    void an_adapter_may_not_know_the_server() {
        assertRejects(NOTHING_DEPENDS_ON_THE_SERVER, ServerComponent.class.getName(), PushUsingServer.class);
    }

    @Test
    void the_domain_may_not_know_the_server() {
        assertRejects(NOTHING_DEPENDS_ON_THE_SERVER, ServerComponent.class.getName(), ReachesServer.class);
    }

    @Test
    void an_adapter_that_knows_only_the_ports_passes() {
        assertAccepts(NOTHING_DEPENDS_ON_THE_SERVER, HttpUsingViewProfile.class, MailSender.class);
    }

    // 5. ports.service is reached through UseCases only, and only by the server

    @Test
    void the_server_may_not_reach_a_service_past_use_cases() {
        assertRejects(SERVICES_ARE_REACHED_ONLY_THROUGH_USE_CASES, PublicService.class.getName(),
                ServerReachingAService.class);
    }

    @Test
    void the_server_may_build_use_cases_from_out_ports() {
        assertAccepts(SERVICES_ARE_REACHED_ONLY_THROUGH_USE_CASES, ServerWiring.class);
    }

    @Test
    void an_adapter_handed_a_ports_in_interface_passes() {
        assertAccepts(SERVICES_ARE_REACHED_ONLY_THROUGH_USE_CASES, HttpUsingViewProfile.class);
        assertAccepts(ONLY_THE_SERVER_BUILDS_USE_CASES, HttpUsingViewProfile.class);
    }

    @Test
    void an_adapter_may_not_use_the_use_case_factory() {
        assertRejects(ONLY_THE_SERVER_BUILDS_USE_CASES, "eu.heapzilla.eventa.ports.service.UseCases",
                HttpBuildingUseCases.class);
    }

    @Test
    void an_adapter_may_not_use_a_type_nested_in_the_use_case_factory() {
        assertRejects(ONLY_THE_SERVER_BUILDS_USE_CASES, "eu.heapzilla.eventa.ports.service.UseCases$OutPorts",
                HttpUsingOutPorts.class);
    }

    // 6. use-case services are not public

    @Test
    void a_public_use_case_service_is_rejected() {
        assertRejects(USE_CASE_SERVICES_ARE_NOT_PUBLIC, PublicService.class.getName(), PublicService.class);
    }

    @Test
    void a_package_private_service_beside_a_public_non_service_passes() {
        assertAccepts(USE_CASE_SERVICES_ARE_NOT_PUBLIC, ServiceSettings.class);
    }

    // 7. adapters' out-port implementations are not public

    @Test
    void a_public_out_port_implementation_is_rejected() {
        assertRejects(OUT_PORT_IMPLEMENTATIONS_ARE_NOT_PUBLIC, PublicClock.class.getName(), PublicClock.class);
    }

    @Test
    void a_package_private_implementation_behind_a_public_entry_point_passes() {
        assertAccepts(OUT_PORT_IMPLEMENTATIONS_ARE_NOT_PUBLIC, MailEntryPoint.class);
    }

    // 8. domain and ports do not depend on adapters or the server

    @Test
    void the_domain_may_not_reach_an_adapter() {
        assertRejects(THE_CORE_DOES_NOT_KNOW_THE_OUTSIDE, "eu.heapzilla.eventa.adapters.postgres.DatabaseSettings",
                eu.heapzilla.eventa.domain.archfixture.reachesadapter.ReachesAdapter.class);
    }

    @Test
    void the_domain_may_not_reach_the_server() {
        assertRejects(THE_CORE_DOES_NOT_KNOW_THE_OUTSIDE, ServerComponent.class.getName(), ReachesServer.class);
    }

    @Test
    void a_port_may_not_reach_an_adapter() {
        assertRejects(THE_CORE_DOES_NOT_KNOW_THE_OUTSIDE, "eu.heapzilla.eventa.adapters.postgres.DatabaseSettings",
                eu.heapzilla.eventa.ports.in.archfixture.reachesadapter.ReachesAdapter.class);
    }

    @Test
    void a_core_that_looks_inward_passes() {
        assertAccepts(THE_CORE_DOES_NOT_KNOW_THE_OUTSIDE, PureValue.class, CleanPort.class);
    }

    // 9. no cycles between packages, the generated jOOQ tree counting as one package

    @Test
    void two_packages_that_need_each_other_are_rejected() {
        assertRejects(NO_PACKAGE_CYCLES, Left.class.getName(), Left.class, Right.class);
    }

    @Test
    void a_cycle_inside_the_generated_jooq_tree_is_tolerated() {
        assertAccepts(NO_PACKAGE_CYCLES, FixtureKeys.class);
    }

    @Test
    void the_jooq_fixture_really_has_a_cycle_that_per_package_slicing_would_flag() {
        ArchRule perPackage = slices().matching(ArchitectureRules.ROOT + ".(**)").should().beFreeOfCycles();
        assertRejects(perPackage, FixtureKeys.class.getName(), FixtureKeys.class);
    }

    @Test
    void a_cycle_through_the_generated_jooq_tree_is_rejected() {
        assertRejects(NO_PACKAGE_CYCLES, UsesJooqFixture.class.getName(), FixtureKeys.class, UsesJooqFixture.class);
    }

    /** Imports the fixture packages (with subpackages) that hold the given classes. */
    // 10. a secret's text is read only by the domain, the HTTP adapter and the mail adapter

    @Test
    void secrets_are_not_revealed_by_a_store() {
        assertRejects(SECRETS_ARE_REVEALED_ONLY_AT_THE_EDGES, "reveal", StoresTheToken.class);
    }

    @Test
    void secrets_may_be_revealed_by_the_http_adapter() {
        assertAccepts(SECRETS_ARE_REVEALED_ONLY_AT_THE_EDGES, AnswersWithTheToken.class, CleanPort.class);
    }

    @Test
    void changes_are_not_appended_beside_the_write_path() {
        assertRejects(CHANGES_ARE_RECORDED_ONLY_BY_THE_WRITE_PATH, "append", SidestepsTheWritePath.class);
        assertRejects(CHANGES_ARE_RECORDED_ONLY_BY_THE_WRITE_PATH, "nextChangeSeq", SidestepsTheWritePath.class);
    }

    private static JavaClasses fixturesAround(Class<?>... anchors) {
        String[] packages = Arrays.stream(anchors).map(Class::getPackageName).distinct().toArray(String[]::new);
        JavaClasses classes = new ClassFileImporter().importPackages(packages);
        for (Class<?> anchor : anchors) {
            assertTrue(classes.contain(anchor), () -> "fixture not imported: " + anchor.getName());
        }
        return classes;
    }

    private static void assertRejects(ArchRule rule, String expectedInReport, Class<?>... fixtures) {
        EvaluationResult result = rule.evaluate(fixturesAround(fixtures));
        assertTrue(result.hasViolation(), () -> "rule accepted " + Arrays.toString(fixtures) + ": " + rule.getDescription());
        assertTrue(result.getFailureReport().getDetails().stream().anyMatch(detail -> detail.contains(expectedInReport)),
                () -> "expected a violation naming " + expectedInReport + ", got:\n" + result.getFailureReport());
    }

    private static void assertAccepts(ArchRule rule, Class<?>... fixtures) {
        EvaluationResult result = rule.evaluate(fixturesAround(fixtures));
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }
}
