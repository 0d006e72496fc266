package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.mail.MailDelivery;
import eu.heapzilla.eventa.adapters.mail.MailSettings;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.adapters.push.PushDelivery;
import eu.heapzilla.eventa.adapters.push.PushSettings;
import eu.heapzilla.eventa.adapters.push.testing.FakeFcmServer;
import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.ports.in.OutboxPolicy;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Mailer;
import eu.heapzilla.eventa.ports.out.OutboxCounts;
import eu.heapzilla.eventa.ports.out.PushGateway;
import eu.heapzilla.eventa.ports.service.UseCases;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process killed (SIGKILL) while FCM hangs on its requests: after a restart, every
 * outbox item is delivered exactly once to the (fake) FCM server, none is lost and none is
 * given up.
 */
class OutboxCrashTest {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final int WRITES = 30;
    private static final String PROJECT = "crash-test";

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @TempDir
    Path temp;

    static OutboxPolicy policy(Duration lease) {
        return OutboxPolicy.DEFAULTS.withLease(lease).withCoalescing(Duration.ZERO);
    }

    static UseCases useCases(PostgresPersistence p, Clock clock, Mailer mailer, PushGateway push, OutboxPolicy policy) {
        return new UseCases(new UseCases.OutPorts(p.transactions(), clock, p.users(), p.databaseProbe(), p.magicLinks(),
                p.bearerTokens(), mailer, p.events(), p.memberships(), p.invites(), p.changeLog(), p.households(),
                p.guests(), p.tasks(), p.budgetItems(), p.receipts(), p.blobStore(), p.changeBus(), p.presenceBoard(),
                p.outbox(), p.pushDevices(), p.pushWindows(), p.notifications(), push), policy);
    }

    @Test
    void aWorkerKilledMidDeliveryLosesNothingAndTheNextDeliversEachPushOnce() throws Exception {
        try (FakeFcmServer fcm = new FakeFcmServer();
             PushDelivery push = PushDelivery.start(new PushSettings(Optional.of(fcm.writeCredentials(temp, PROJECT)),
                     Optional.of(PROJECT)), fcm.transport())) {
            PostgresPersistence persistence = database.persistence();
            Mailer mailer = MailDelivery.start(new MailSettings(Optional.empty(), "eventa@localhost", "http://localhost",
                    temp.resolve("mail"))).mailer();
            UseCases core = useCases(persistence, Clock.system(), mailer, push.gateway(), policy(LEASE));
            List<PushToken> devices = seed(persistence, core);
            fcm.hang();

            Process worker = startWorker(fcm);
            try {
                awaitHeldRequests(fcm, worker);
            } finally {
                worker.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
                assertTrue(worker.waitFor(10, TimeUnit.SECONDS), "the worker process is gone");
            }
            int heldWhenKilled = fcm.requests().size();
            fcm.release();

            try (OutboxWorkers restarted = OutboxWorkers.start(core.deliverOutbox(), 2)) {
                awaitNothingPending(core);
            }

            OutboxCounts counts = core.deliverOutbox().counts();
            int pushes = WRITES * devices.size();
            assertEquals(0, counts.dead(), "nothing was given up");
            assertEquals(0, counts.dropped());
            assertEquals(WRITES + pushes, counts.delivered(), "every fan-out and every push");
            List<FakeFcmServer.SendRequest> accepted = fcm.accepted();
            assertEquals(pushes, accepted.size(), "each push accepted once; " + heldWhenKilled + " were held when the worker died");
            Set<String> distinct = new HashSet<>();
            accepted.forEach(request -> distinct.add(request.token() + "@" + request.data().get("seq")));
            assertEquals(pushes, distinct.size(), "no push twice");
            assertTrue(heldWhenKilled >= 1);
        }
    }

    /** Olga writes 30 times to an event Piet (two phones) belongs to; the outbox holds 30 fan-outs. */
    private static List<PushToken> seed(PostgresPersistence persistence, UseCases core) {
        Instant now = Instant.now();
        SecureRandom random = new SecureRandom();
        UserId olga = persistence.users().addOrGet(User.register(UserId.random(), Email.of("olga@example.org"), now)).id();
        UserId piet = persistence.users().addOrGet(User.register(UserId.random(), Email.of("piet@example.org"), now)).id();
        EventId wedding = core.planEvents().plan(olga, EventBrief.titled("Jane's wedding")).event().id();
        persistence.transactions().run(() -> persistence.memberships().add(Membership.join(wedding, piet, Role.EDITOR, now)));
        Secret bearer = Secret.generate(random);
        persistence.transactions().run(() -> persistence.bearerTokens().add(BearerToken.issue(bearer.hash(), piet, Optional.empty(), now)));
        List<PushToken> devices = List.of(new PushToken("piet-phone"), new PushToken("piet-tablet"));
        devices.forEach(device -> core.managePushDevices().register(piet, bearer.hash(), device, Platform.ANDROID));
        for (int i = 0; i < WRITES; i++) {
            core.keepChecklist().addTask(olga, wedding, TaskDetails.titled("Task " + i));
        }
        assertEquals(WRITES, core.deliverOutbox().counts().pending());
        return devices;
    }

    private Process startWorker(FakeFcmServer fcm) throws IOException {
        DatabaseSettings db = database.settings();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OutboxWorkerProcess.class.getName(), db.jdbcUrl(), String.valueOf(db.user()), String.valueOf(db.password()),
                Integer.toString(fcm.port()), fcm.writeCredentials(temp, PROJECT).toString(), PROJECT,
                Long.toString(LEASE.toMillis()))
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("worker.log").toFile())
                .start();
    }

    private void awaitHeldRequests(FakeFcmServer fcm, Process worker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (fcm.requests().size() < 2) {
            if (!worker.isAlive()) {
                throw new AssertionError("the worker died on its own: " + java.nio.file.Files.readString(temp.resolve("worker.log")));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the worker sent nothing: " + java.nio.file.Files.readString(temp.resolve("worker.log")));
            }
            Thread.sleep(20);
        }
    }

    private static void awaitNothingPending(UseCases core) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (core.deliverOutbox().counts().pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still pending: " + core.deliverOutbox().counts());
            }
            Thread.sleep(50);
        }
    }
}
