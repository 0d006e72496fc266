package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Mailer;
import eu.heapzilla.eventa.ports.out.PushGateway;
import eu.heapzilla.eventa.ports.service.UseCases;

/** The use cases for a test server: real PostgreSQL out-ports, a clock and mailer of the test's choosing. */
final class TestPorts {

    private TestPorts() {
    }

    /** Reading {@code mailer} first delivers whatever the outbox holds. */
    static UseCases useCases(PostgresPersistence persistence, Clock clock, CapturingMailer mailer) {
        UseCases useCases = useCases(persistence, clock, mailer, new CapturingPushGateway());
        mailer.deliveredBy(() -> drain(useCases));
        return useCases;
    }

    static UseCases useCases(PostgresPersistence persistence, Clock clock, Mailer mailer, PushGateway pushGateway) {
        return new UseCases(new UseCases.OutPorts(persistence.transactions(), clock, persistence.users(),
                persistence.databaseProbe(), persistence.magicLinks(), persistence.bearerTokens(), mailer,
                persistence.events(), persistence.memberships(), persistence.invites(), persistence.changeLog(),
                persistence.households(), persistence.guests(), persistence.tasks(), persistence.budgetItems(),
                persistence.receipts(), persistence.blobStore(), persistence.changeBus(), persistence.presenceBoard(),
                persistence.outbox(), persistence.pushDevices(), persistence.pushWindows(), persistence.notifications(),
                pushGateway));
    }

    static InPorts inPorts(UseCases useCases) {
        return new InPorts(useCases.checkReadiness(), useCases.signIn(), useCases.authenticate(), useCases.viewProfile(),
                useCases.editProfile(), useCases.planEvents(), useCases.manageMembers(), useCases.inviteMembers(),
                useCases.joinEvent(), useCases.followChanges(), useCases.manageGuests(), useCases.keepChecklist(),
                useCases.trackBudget(), useCases.exportEvents(), useCases.seePresence(), useCases.managePushDevices(),
                useCases.readNotifications());
    }

    static InPorts inPorts(PostgresPersistence persistence) {
        return inPorts(useCases(persistence, Clock.system(), new CapturingMailer()));
    }

    /** Does whatever the outbox holds now, as the server's worker threads would. */
    static void drain(UseCases useCases) {
        while (useCases.deliverOutbox().deliverDue() > 0) {
            // a fan-out adds pushes
        }
    }
}
