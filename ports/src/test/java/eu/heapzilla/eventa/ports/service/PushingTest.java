package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.live.InstanceId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.ports.in.OutboxPolicy;
import eu.heapzilla.eventa.ports.out.PushMessage;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who gets a push about a write, and how many: the fan-out policy, through the in-memory core. */
class PushingTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventWorld world = new EventWorld();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");
    private final UserId piet = world.join(olga, wedding, "Piet", Role.EDITOR);
    private final PushToken olgasPhone = new PushToken("olga-phone");
    private final PushToken pietsPhone = new PushToken("piet-phone");
    private final PushToken pietsTablet = new PushToken("piet-tablet");

    PushingTest() {
        world.adapters.drainOutbox();
        device(olga, olgasPhone);
        device(piet, pietsPhone);
        device(piet, pietsTablet);
        world.adapters.drainOutbox();
    }

    private Secret device(UserId user, PushToken token) {
        Secret bearer = Secret.generate(RANDOM);
        world.adapters.bearerTokens.add(BearerToken.issue(bearer.hash(), user, Optional.empty(), world.adapters.clock.now()));
        world.useCases.managePushDevices().register(user, bearer.hash(), token, Platform.ANDROID);
        return bearer;
    }

    private Task addTask(UserId by, String title) {
        return world.useCases.keepChecklist().addTask(by, wedding, TaskDetails.titled(title));
    }

    private List<PushMessage> pushes() {
        world.adapters.drainOutbox();
        return world.adapters.pushGateway.sent();
    }

    @Test
    void aWriteByOlgaPushesEachOfPietsDevicesOnceAndNeverHers() {
        Task task = addTask(olga, "Book the florist");

        List<PushMessage> sent = pushes();

        assertEquals(2, sent.size(), sent.toString());
        assertEquals(1, world.adapters.pushGateway.sentTo(pietsPhone).size());
        assertEquals(1, world.adapters.pushGateway.sentTo(pietsTablet).size());
        assertEquals(List.of(), world.adapters.pushGateway.sentTo(olgasPhone));
        PushMessage message = sent.get(0);
        assertEquals(Map.of("kind", "change", "event_id", wedding.toString(), "entity_type", "task",
                "entity_id", task.id().toString(), "seq", Long.toString(world.lastChange(wedding).seq())), message.data());
        assertEquals("event-" + wedding, message.collapseKey());
        assertEquals(List.of(), world.adapters.pushGateway.sentInsideATransaction());
    }

    @Test
    void aBurstOfTwentyEditsInTenSecondsIsOnePushPerDeviceThenTheWindowReopens() {
        Task task = addTask(olga, "Book the florist");
        for (int i = 0; i < 19; i++) {
            world.adapters.clock.advance(Duration.ofMillis(450));
            task = world.useCases.keepChecklist().editTask(olga, wedding, task.id(), task.version(),
                    TaskDetails.Edit.none().withTitle("Book the florist, take " + i));
            assertEquals(2, pushes().size(), "after edit " + (i + 2));
        }

        world.adapters.clock.advance(Duration.ofSeconds(2)); // 10.55 s after the first push
        addTask(olga, "Order the cake");

        assertEquals(4, pushes().size(), "the next write after the window wakes the phones again");
    }

    @Test
    void whoeverIsOnlineInTheEventGetsNoPushButStillGetsOneAboutAnotherEvent() {
        InstanceId instance = InstanceId.random();
        world.adapters.presenceBoard.heartbeat(instance, world.adapters.clock.now());
        world.adapters.presenceBoard.arrive(instance, ConnectionId.random(), wedding, piet, world.adapters.clock.now());
        EventId reunion = world.plan(olga, "Class reunion");
        world.tick();
        world.useCases.inviteMembers().invite(olga, reunion, EventWorld.email("Piet"), Role.VIEWER);
        world.useCases.joinEvent().accept(world.lastInvitation().token(), Optional.empty());
        int before = pushes().size();

        addTask(olga, "Book the florist");
        assertEquals(before, pushes().size(), "Piet sees the wedding live");

        world.adapters.clock.advance(OutboxPolicy.DEFAULTS.coalescing()); // Piet's invitation to it was pushed
        world.useCases.keepChecklist().addTask(olga, reunion, TaskDetails.titled("Book the hall"));
        List<PushMessage> sent = pushes();
        assertEquals(before + 2, sent.size());
        assertEquals(reunion, sent.get(sent.size() - 1).event());
    }

    @Test
    void anAssignmentReachesTheAssigneeEvenInsideTheWindowAndSaysSo() {
        addTask(olga, "Book the florist");
        assertEquals(2, pushes().size());
        world.tick();

        Task cake = world.useCases.keepChecklist().addTask(olga, wedding,
                new TaskDetails("Order the cake", Optional.empty(), Optional.empty(), Optional.of(piet)));

        List<PushMessage> sent = pushes();
        assertEquals(4, sent.size(), sent.toString());
        assertEquals("task_assigned", sent.get(3).kind());
        assertEquals(cake.id().toString(), sent.get(3).entityId());
    }

    @Test
    void aDeviceWhoseBearerWasSignedOutGetsNothing() {
        PushToken laptop = new PushToken("olga-laptop");
        Secret bearer = device(olga, laptop);
        world.useCases.signIn().signOut(bearer);

        world.useCases.keepChecklist().addTask(piet, wedding, TaskDetails.titled("Book the florist"));

        assertEquals(List.of(olgasPhone), pushes().stream().map(PushMessage::token).toList());
    }

    @Test
    void theMemberWhoWroteItAndAPlannerAloneInANewEventGetNothing() {
        world.plan(olga, "Olga's birthday");
        addTask(piet, "Buy a present");

        List<PushMessage> sent = pushes();
        assertEquals(List.of(olgasPhone), sent.stream().map(PushMessage::token).toList());
        assertEquals(EntityType.TASK, sent.get(0).entityType());
        assertEquals(0, world.adapters.outbox.counts().pending());
    }
}
