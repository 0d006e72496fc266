package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import eu.heapzilla.eventa.adapters.mail.MailDelivery;
import eu.heapzilla.eventa.adapters.mail.MailSettings;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.adapters.push.PushDelivery;
import eu.heapzilla.eventa.adapters.push.PushSettings;
import eu.heapzilla.eventa.adapters.push.testing.FakeFcmServer.Answer;
import eu.heapzilla.eventa.adapters.push.testing.FakeFcmServer.SendRequest;
import eu.heapzilla.eventa.adapters.push.testing.FakeFcmServer;
import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.live.InstanceId;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushDevice;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.ports.in.OutboxPolicy;
import eu.heapzilla.eventa.ports.out.OutboxCounts;
import eu.heapzilla.eventa.ports.service.UseCases;
import eu.heapzilla.eventa.ports.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes to an event reach the other members' phones through the whole chain: the write's
 * outbox row in PostgreSQL, the fan-out, the Firebase Admin SDK, and a fake FCM server speaking
 * FCM's wire format on loopback.
 */
class PushDeliveryFlowTest {

    private static final String PROJECT = "jane-2027";
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    private final FakeFcmServer fcm;
    private final PushDelivery push;
    private final UseCases core;
    private final PostgresPersistence persistence = database.persistence();
    private final UserId olga = user("olga");
    private final UserId piet = user("piet");
    private final EventId wedding;
    private final PushToken olgasPhone = new PushToken("olga-phone-" + UUID.randomUUID());
    private final PushToken pietsPhone = new PushToken("piet-phone-" + UUID.randomUUID());
    private final PushToken pietsTablet = new PushToken("piet-tablet-" + UUID.randomUUID());

    PushDeliveryFlowTest(@TempDir Path dir) throws Exception {
        fcm = new FakeFcmServer();
        push = PushDelivery.start(new PushSettings(Optional.of(fcm.writeCredentials(dir, PROJECT)), Optional.of(PROJECT)),
                fcm.transport());
        core = OutboxCrashTest.useCases(persistence, clock,
                MailDelivery.start(new MailSettings(Optional.empty(), "eventa@localhost", "http://localhost",
                        dir.resolve("mail"))).mailer(),
                push.gateway(), OutboxPolicy.DEFAULTS);
        wedding = core.planEvents().plan(olga, EventBrief.titled("Jane's wedding")).event().id();
        persistence.transactions().run(() -> persistence.memberships().add(
                Membership.join(wedding, piet, Role.EDITOR, clock.now())));
        device(olga, olgasPhone);
        device(piet, pietsPhone);
        device(piet, pietsTablet);
        drain();
    }

    @AfterEach
    void stop() {
        push.close();
        fcm.close();
    }

    private UserId user(String name) {
        return persistence.users().addOrGet(User.register(UserId.random(),
                Email.of(name + "-" + UUID.randomUUID() + "@example.org"), Instant.now())).id();
    }

    private void device(UserId user, PushToken token) {
        Secret bearer = Secret.generate(RANDOM);
        persistence.transactions().run(() -> persistence.bearerTokens().add(
                BearerToken.issue(bearer.hash(), user, Optional.empty(), clock.now())));
        core.managePushDevices().register(user, bearer.hash(), token, Platform.ANDROID);
    }

    private void drain() {
        while (core.deliverOutbox().deliverDue() > 0) {
            // a fan-out adds pushes
        }
    }

    private Task write(String title) {
        Task task = core.keepChecklist().addTask(olga, wedding, TaskDetails.titled(title));
        drain();
        return task;
    }

    private List<SendRequest> acceptedFor(PushToken token) {
        return fcm.accepted().stream().filter(request -> request.token().equals(token.value())).toList();
    }

    @Test
    void aWriteByOlgaIsExactlyOnePushToEachOfPietsDevicesAndNoneToHers() {
        Task task = write("Book the florist");

        assertEquals(2, fcm.accepted().size(), fcm.accepted().toString());
        for (PushToken device : List.of(pietsPhone, pietsTablet)) {
            SendRequest request = acceptedFor(device).get(0);
            assertEquals(Map.of("kind", "change", "event_id", wedding.toString(), "entity_type", "task",
                    "entity_id", task.id().toString(), "seq", request.data().get("seq")), request.data());
            assertEquals("event-" + wedding, request.androidCollapseKey());
            assertFalse(request.hasNotification(), "data-only");
            assertEquals(PROJECT, request.project());
        }
        assertEquals(List.of(), acceptedFor(olgasPhone));
    }

    @Test
    void aTokenFcmCallsUnregisteredIsDeletedAndGetsNothingMore() {
        fcm.answerForTokens(pietsTablet.value()::equals, Answer.fcmError("UNREGISTERED"));

        write("Book the florist");

        assertEquals(List.of(pietsPhone), persistence.pushDevices().ofUser(piet).stream().map(PushDevice::token).toList());
        assertEquals(1, core.deliverOutbox().counts().dropped());
        int askedBefore = fcm.requests().size();
        clock.advance(OutboxPolicy.DEFAULTS.coalescing());
        write("Order the cake");
        assertEquals(askedBefore + 1, fcm.requests().size(), "only the phone is asked now");
        assertEquals(2, acceptedFor(pietsPhone).size());
    }

    @Test
    void aServerErrorThenSuccessDeliversOnce() {
        fcm.answerNext(Answer.status(500));

        write("Book the florist");
        assertEquals(1, fcm.accepted().size(), "one device's push went, the other's got a 500");
        OutboxCounts waiting = core.deliverOutbox().counts();
        assertEquals(1, waiting.pending());

        clock.advance(OutboxPolicy.DEFAULTS.longestRetry());
        drain();

        assertEquals(3, fcm.requests().size());
        assertEquals(1, acceptedFor(pietsPhone).size());
        assertEquals(1, acceptedFor(pietsTablet).size());
        assertEquals(0, core.deliverOutbox().counts().pending());
    }

    @Test
    void aBurstOfTwentyEditsIsOnePushPerDevice() {
        for (int i = 0; i < 20; i++) {
            write("Task " + i);
            clock.advance(Duration.ofMillis(450));
        }

        assertEquals(1, acceptedFor(pietsPhone).size());
        assertEquals(1, acceptedFor(pietsTablet).size());
    }

    @Test
    void pietOnlineInTheWeddingGetsNoPush() {
        InstanceId instance = InstanceId.random();
        persistence.transactions().run(() -> {
            persistence.presenceBoard().heartbeat(instance, clock.now());
            persistence.presenceBoard().arrive(instance, ConnectionId.random(), wedding, piet, clock.now());
        });

        write("Book the florist");

        assertEquals(List.of(), fcm.requests());
        assertEquals(0, core.deliverOutbox().counts().pending());
    }
}
