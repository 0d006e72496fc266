package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import eu.heapzilla.eventa.ports.in.OutboxPolicy;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import eu.heapzilla.eventa.ports.out.OutboxEntry;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.OutboxState;
import eu.heapzilla.eventa.ports.out.PushOutcome;
import eu.heapzilla.eventa.ports.testing.InMemoryOutbox;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox worker's verdicts: delivered once, retried with backoff, dropped, or a dead letter. */
class OutboxDeliveringTest {

    private static final OutboxPolicy POLICY = OutboxPolicy.DEFAULTS
            .withRetries(4, Duration.ofSeconds(2), Duration.ofSeconds(30))
            .withLease(Duration.ofSeconds(60));

    private final EventWorld world = new EventWorld();
    private final UseCases core = world.adapters.useCases(POLICY);
    private final DeliverOutbox worker = core.deliverOutbox();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");
    private final UserId piet = world.join(olga, wedding, "Piet", Role.EDITOR);
    private final PushToken pietsPhone = new PushToken("piet-phone");

    OutboxDeliveringTest() {
        world.adapters.drainOutbox();
        Secret bearer = Secret.generate(new SecureRandom());
        world.adapters.bearerTokens.add(BearerToken.issue(bearer.hash(), piet, Optional.empty(), world.adapters.clock.now()));
        core.managePushDevices().register(piet, bearer.hash(), pietsPhone, Platform.IOS);
        world.adapters.drainOutbox();
    }

    private void write() {
        world.tick();
        world.adapters.clock.advance(POLICY.coalescing());
        core.keepChecklist().addTask(olga, wedding, TaskDetails.titled("Task " + world.adapters.clock.now()));
    }

    private void drain() {
        while (worker.deliverDue() > 0) {
            // a fan-out adds pushes
        }
    }

    private List<InMemoryOutbox.Row> pushRows() {
        return world.adapters.outbox.all().stream().filter(row -> row.item() instanceof OutboxItem.Push).toList();
    }

    @Test
    void aServerErrorIsRetriedAfterThePauseAndThePushGoesOnce() {
        world.adapters.pushGateway.answer(pietsPhone, new PushOutcome.Retry(Optional.empty(), "FCM answered 500"));
        write();

        drain();
        assertEquals(0, world.adapters.pushGateway.sent().size());
        InMemoryOutbox.Row waiting = pushRows().get(0);
        assertEquals(OutboxState.PENDING, waiting.state());
        assertEquals(Optional.of("FCM answered 500"), waiting.note());
        assertTrue(waiting.dueAt().isAfter(world.adapters.clock.now()), "not again at once");

        world.adapters.clock.advance(Duration.ofSeconds(2));
        drain();

        assertEquals(1, world.adapters.pushGateway.sent().size());
        assertEquals(2, world.adapters.pushGateway.attempts().size());
        assertEquals(OutboxState.DELIVERED, pushRows().get(0).state());
    }

    @Test
    void aRetryAfterIsRespected() {
        world.adapters.pushGateway.answer(pietsPhone,
                new PushOutcome.Retry(Optional.of(Duration.ofSeconds(120)), "FCM answered 429"));
        write();
        drain();

        world.adapters.clock.advance(Duration.ofSeconds(119));
        drain();
        assertEquals(1, world.adapters.pushGateway.attempts().size(), "not before Retry-After");

        world.adapters.clock.advance(Duration.ofSeconds(1));
        drain();
        assertEquals(1, world.adapters.pushGateway.sent().size());
    }

    @Test
    void afterTheLastAttemptTheItemIsADeadLetterThatStaysVisible() {
        PushOutcome.Retry failing = new PushOutcome.Retry(Optional.empty(), "FCM answered 503");
        world.adapters.pushGateway.answer(pietsPhone, failing, failing, failing, failing);
        write();

        for (int i = 0; i < 10; i++) {
            drain();
            world.adapters.clock.advance(Duration.ofSeconds(30));
        }

        assertEquals(4, world.adapters.pushGateway.attempts().size());
        InMemoryOutbox.Row dead = pushRows().get(0);
        assertEquals(OutboxState.DEAD, dead.state());
        assertEquals(Optional.of("gave up after 4 attempts: FCM answered 503"), dead.note());
        assertEquals(1, worker.counts().dead());
        assertEquals(0, worker.counts().pending());
        world.adapters.clock.advance(POLICY.keepFinished().multipliedBy(2));
        core.deliverOutbox().purge();
        assertEquals(1, worker.counts().dead(), "dead letters are not purged");
    }

    @Test
    void aFailureThatWillNotPassIsADeadLetterAtOnce() {
        world.adapters.pushGateway.answer(pietsPhone, new PushOutcome.Failed("FCM answered 403 THIRD_PARTY_AUTH_ERROR"));
        write();
        drain();

        assertEquals(1, world.adapters.pushGateway.attempts().size());
        assertEquals(OutboxState.DEAD, pushRows().get(0).state());
    }

    @Test
    void aTokenTheServiceNoLongerKnowsIsForgottenAndItsPushDropped() {
        world.adapters.pushGateway.answer(pietsPhone, new PushOutcome.TokenGone("UNREGISTERED"));
        write();
        drain();

        assertEquals(OutboxState.DROPPED, pushRows().get(0).state());
        assertEquals(List.of(), world.adapters.pushDevices.ofUser(piet));

        write();
        drain();
        assertEquals(1, world.adapters.pushGateway.attempts().size(), "nothing more goes to a forgotten token");
    }

    @Test
    void aWorkerThatDiedHoldingAClaimLeavesItToTheNextOnceTheLeaseLapses() {
        write();
        assertEquals(1, worker.deliverDue(), "the fan-out; its push is due now");
        List<OutboxEntry> heldByTheDead = world.adapters.outbox.claim(10, world.adapters.clock.now(), POLICY.lease());
        assertEquals(1, heldByTheDead.size());

        drain();
        assertEquals(0, world.adapters.pushGateway.attempts().size(), "claimed, so no one else takes it");

        world.adapters.clock.advance(POLICY.lease());
        drain();
        assertEquals(1, world.adapters.pushGateway.sent().size());
        assertEquals(2, pushRows().get(0).attempts());

        assertEquals(false, world.adapters.outbox.finish(heldByTheDead.get(0), OutboxState.DEAD,
                world.adapters.clock.now(), Optional.of("late")), "the dead worker's late verdict is refused");
        assertEquals(OutboxState.DELIVERED, pushRows().get(0).state());
    }

    @Test
    void aMailIsRetriedWithItsDeliveryKeyAndASignInLinkThatExpiredUnsentIsDropped() {
        world.adapters.mailer.failWith(new MailNotSent("Resend answered 500", true, null));
        core.inviteMembers().invite(olga, wedding, EventWorld.email("Anna"), Role.VIEWER);
        core.signIn().requestLink(EventWorld.email("Bert"), new eu.heapzilla.eventa.domain.access.ClientAddress("127.0.0.1"));
        int before = world.adapters.mailer.deliveries().size();
        drain();

        world.adapters.mailer.failWith(null);
        world.adapters.clock.advance(Duration.ofHours(1)); // the sign-in link lasts 30 minutes, the invite a week
        drain();

        List<eu.heapzilla.eventa.ports.testing.RecordingMailer.Sent> sent = world.adapters.mailer.deliveries();
        assertEquals(before + 1, sent.size());
        assertEquals(EventWorld.email("Anna"), sent.get(sent.size() - 1).mail().to());
        assertTrue(sent.get(sent.size() - 1).deliveryKey().startsWith("eventa-outbox-"));
        assertEquals(1, world.adapters.outbox.counts().dropped());
    }
}
