package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.MULTILINE_TEXT;
import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.UNICODE_LINE;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.OutboxCounts;
import eu.heapzilla.eventa.ports.out.OutboxEntry;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.OutboxState;
import eu.heapzilla.eventa.ports.out.PushMessage;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} implementation must do. A claim and the counts see the whole
 * outbox, so each test starts with an empty one ({@link #empty()}).
 */
public abstract class OutboxContract {

    protected static final Duration LEASE = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract Transactions transactions();

    protected abstract Outbox outbox();

    /** Removes every item, whatever its state. */
    protected abstract void empty();

    @BeforeEach
    void startEmpty() {
        empty();
    }

    /** A sign-in mail with a fresh token. */
    protected static OutboxItem.SendMail signInMail() {
        return new OutboxItem.SendMail(new Mail.SignInLink(uniqueEmail(), Secret.generate(RANDOM),
                T0.plus(Duration.ofMinutes(15)).plusNanos(123_456_789)));
    }

    /** An invitation whose every text needs escaping somewhere: quotes, back-slashes, line breaks, emoji. */
    protected static OutboxItem.SendMail invitationMail() {
        return new OutboxItem.SendMail(new Mail.Invitation(uniqueEmail(), Secret.generate(RANDOM),
                new DisplayName("Zoë \"Z\" O'Brien \\ Ω 💍"), UNICODE_LINE + " / " + MULTILINE_TEXT, Role.EDITOR,
                T0.plus(Duration.ofDays(7))));
    }

    protected static OutboxItem.FanOut fanOut(Optional<NotificationKind> shared, Map<UserId, NotificationKind> personal) {
        return new OutboxItem.FanOut(EventId.random(), 42, UserId.random(), EntityType.BUDGET_ITEM,
                "quote\" back\\slash / ✓ 💐", shared, personal);
    }

    protected static OutboxItem.Push push(Platform platform, String kind, long seq) {
        return new OutboxItem.Push(UserId.random(), new PushMessage(new PushToken("fcm:" + UUID.randomUUID() + "_-/\\\"~"),
                platform, kind, EventId.random(), EntityType.GUEST, UUID.randomUUID().toString(), seq));
    }

    protected List<OutboxEntry> claim(int max, Instant now) {
        return transactions().inTransaction(() -> outbox().claim(max, now, LEASE));
    }

    protected static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }

    private OutboxEntry claimedOnly(long id, Instant now) {
        List<OutboxEntry> claimed = claim(10, now);
        assertEquals(List.of(id), ids(claimed));
        return claimed.get(0);
    }

    private static OutboxCounts counts(long pending, long retrying, long delivered, long dropped, long dead,
                                       Optional<Instant> oldest) {
        return new OutboxCounts(pending, retrying, delivered, dropped, dead, oldest);
    }

    @Test
    void anAddedItemIsDueAtOnceAndClaimedOnItsFirstAttempt() {
        OutboxItem item = signInMail();
        long id = outbox().add(item, T0);

        List<OutboxEntry> claimed = claim(10, T0);

        assertEquals(List.of(new OutboxEntry(id, 1, item, T0)), claimed);
    }

    @Test
    void everyKindOfItemComesBackFromAClaimExactlyAsAdded() {
        List<OutboxItem> items = List.of(
                signInMail(),
                invitationMail(),
                fanOut(Optional.of(NotificationKind.TASK_DONE),
                        Map.of(UserId.random(), NotificationKind.TASK_ASSIGNED, UserId.random(), NotificationKind.INVITED)),
                fanOut(Optional.empty(), Map.of()),
                push(Platform.ANDROID, NotificationKind.RSVP_CHANGED.wireName(), 1),
                push(Platform.IOS, "change", Long.MAX_VALUE),
                push(Platform.WEB, NotificationKind.MEMBER_JOINED.wireName(), 0));
        for (OutboxItem item : items) {
            outbox().add(item, T0);
        }

        List<OutboxItem> claimed = claim(items.size(), T0).stream().map(OutboxEntry::item).toList();

        assertEquals(items, claimed);
        assertEquals(((Mail.SignInLink) ((OutboxItem.SendMail) items.get(0)).mail()).token().reveal(),
                ((Mail.SignInLink) ((OutboxItem.SendMail) claimed.get(0)).mail()).token().reveal(), "the secret too");
        assertEquals(((Mail.Invitation) ((OutboxItem.SendMail) items.get(1)).mail()).token().reveal(),
                ((Mail.Invitation) ((OutboxItem.SendMail) claimed.get(1)).mail()).token().reveal());
    }

    @Test
    void theLongestPushTokenComesBackWhole() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < PushToken.MAX_LENGTH; i++) {
            token.append((char) ('!' + RANDOM.nextInt('~' - '!' + 1)));
        }
        OutboxItem item = new OutboxItem.Push(UserId.random(), new PushMessage(new PushToken(token.toString()),
                Platform.ANDROID, "change", EventId.random(), EntityType.TASK, UUID.randomUUID().toString(), 7));
        outbox().add(item, T0);

        assertEquals(List.of(item), claim(1, T0).stream().map(OutboxEntry::item).toList());
    }

    @Test
    void aClaimTakesOnlyDuePendingItemsOldestDueFirstAndAtMostMax() {
        long third = outbox().add(signInMail(), T0.plusSeconds(3));
        long first = outbox().add(push(Platform.ANDROID, "change", 1), T0.plusSeconds(1));
        long second = outbox().add(fanOut(Optional.empty(), Map.of()), T0.plusSeconds(2));
        long notYetDue = outbox().add(signInMail(), T0.plusSeconds(11));
        long finished = outbox().add(signInMail(), T0);
        outbox().finish(claimedOnly(finished, T0), OutboxState.DELIVERED, T0, Optional.empty());

        assertEquals(List.of(first, second), ids(claim(2, T0.plusSeconds(10))));
        assertEquals(List.of(third), ids(claim(10, T0.plusSeconds(10))));
        assertEquals(List.of(), claim(10, T0.plusSeconds(10)));
        assertEquals(List.of(notYetDue), ids(claim(10, T0.plusSeconds(11))), "due at exactly now is due");
    }

    @Test
    void itemsDueAtTheSameMomentAreClaimedInTheOrderTheyWereAdded() {
        long a = outbox().add(push(Platform.ANDROID, "change", 1), T0);
        long b = outbox().add(signInMail(), T0);
        long c = outbox().add(push(Platform.IOS, "change", 2), T0);

        assertEquals(List.of(a, b, c), ids(claim(10, T0)));
        assertTrue(a < b && b < c, "ids grow");
    }

    @Test
    void aClaimedItemIsClaimedAgainOnlyOnceItsLeaseHasLapsedOnItsNextAttempt() {
        OutboxItem item = signInMail();
        long id = outbox().add(item, T0);
        OutboxEntry first = claimedOnly(id, T0);

        assertEquals(List.of(), claim(10, T0.plus(LEASE).minusMillis(1)));
        OutboxEntry second = claimedOnly(id, T0.plus(LEASE));

        assertEquals(new OutboxEntry(id, 2, item, T0), second);
        assertEquals(1, first.attempt());
        assertEquals(List.of(), claim(10, T0.plus(LEASE).plusSeconds(1)));
    }

    @Test
    void aFinishedItemIsNeverClaimedAgain() {
        for (OutboxState state : List.of(OutboxState.DELIVERED, OutboxState.DROPPED, OutboxState.DEAD)) {
            long id = outbox().add(signInMail(), T0);
            assertTrue(outbox().finish(claimedOnly(id, T0), state, T0.plusSeconds(1), Optional.of("done")));
        }

        assertEquals(List.of(), claim(10, T0.plus(Duration.ofDays(365))));
        assertEquals(counts(0, 0, 1, 1, 1, Optional.empty()), outbox().counts());
    }

    @Test
    void finishingInThePendingStateIsRefused() {
        long id = outbox().add(signInMail(), T0);
        OutboxEntry entry = claimedOnly(id, T0);

        assertThrows(IllegalArgumentException.class,
                () -> outbox().finish(entry, OutboxState.PENDING, T0, Optional.empty()));
    }

    @Test
    void theVerdictsOfAClaimThatLapsedAndWasTakenOverAreRefusedAndChangeNothing() {
        long id = outbox().add(signInMail(), T0);
        OutboxEntry stale = claimedOnly(id, T0);
        OutboxEntry current = claimedOnly(id, T0.plus(LEASE));

        assertFalse(outbox().finish(stale, OutboxState.DEAD, T0.plus(LEASE), Optional.of("too late")));
        assertFalse(outbox().retry(stale, T0, "too late"));

        assertEquals(counts(1, 0, 0, 0, 0, Optional.of(T0)), outbox().counts());
        assertEquals(List.of(), claim(10, T0.plus(LEASE).plusSeconds(1)), "the retry did not make it due");
        assertTrue(outbox().finish(current, OutboxState.DELIVERED, T0.plus(LEASE), Optional.empty()));
        assertEquals(counts(0, 0, 1, 0, 0, Optional.empty()), outbox().counts());
    }

    @Test
    void aLapsedClaimThatNobodyTookOverMayStillGiveItsVerdict() {
        long id = outbox().add(signInMail(), T0);
        OutboxEntry slow = claimedOnly(id, T0);

        assertTrue(outbox().finish(slow, OutboxState.DELIVERED, T0.plus(LEASE.multipliedBy(5)), Optional.empty()));
        assertEquals(counts(0, 0, 1, 0, 0, Optional.empty()), outbox().counts());
    }

    @Test
    void aFinishedItemTakesNoSecondVerdict() {
        long id = outbox().add(signInMail(), T0);
        OutboxEntry entry = claimedOnly(id, T0);
        assertTrue(outbox().finish(entry, OutboxState.DROPPED, T0, Optional.of("expired")));

        assertFalse(outbox().finish(entry, OutboxState.DELIVERED, T0, Optional.empty()));
        assertFalse(outbox().retry(entry, T0, "again"));

        assertEquals(counts(0, 0, 0, 1, 0, Optional.empty()), outbox().counts());
        assertEquals(List.of(), claim(10, T0.plus(Duration.ofDays(1))));
    }

    @Test
    void aRetriedItemIsDueAtTheGivenTimeAndThenClaimedOnItsNextAttempt() {
        OutboxItem item = push(Platform.ANDROID, "change", 3);
        long id = outbox().add(item, T0);
        OutboxEntry first = claimedOnly(id, T0);
        Instant due = T0.plus(LEASE).plusSeconds(300);

        assertTrue(outbox().retry(first, due, "503 from the push service"));

        assertEquals(List.of(), claim(10, due.minusMillis(1)), "not at the end of the lease");
        assertEquals(new OutboxEntry(id, 2, item, T0), claimedOnly(id, due));
    }

    @Test
    void aRetryMayBringAnItemForward() {
        long later = outbox().add(signInMail(), T0.plusSeconds(5));
        long id = outbox().add(signInMail(), T0);
        OutboxEntry entry = claimedOnly(id, T0);

        assertTrue(outbox().retry(entry, T0.plusSeconds(1), "try again soon"));

        assertEquals(List.of(id, later), ids(claim(10, T0.plusSeconds(5))), "oldest due first");
    }

    @Test
    void aRetriedItemMayStillBeFinishedByTheSameClaim() {
        long id = outbox().add(signInMail(), T0);
        OutboxEntry entry = claimedOnly(id, T0);
        assertTrue(outbox().retry(entry, T0.plusSeconds(30), "timeout"));

        assertTrue(outbox().finish(entry, OutboxState.DEAD, T0.plusSeconds(1), Optional.of("gave up")));
        assertEquals(counts(0, 0, 0, 0, 1, Optional.empty()), outbox().counts());
    }

    @Test
    void countsItemsByStateAndTellsWhenTheOldestPendingOneWasAdded() {
        assertEquals(counts(0, 0, 0, 0, 0, Optional.empty()), outbox().counts());
        long delivered = outbox().add(signInMail(), T0);
        long dropped = outbox().add(signInMail(), T0.plusSeconds(1));
        long dead = outbox().add(signInMail(), T0.plusSeconds(2));
        long deadToo = outbox().add(signInMail(), T0.plusSeconds(3));
        outbox().add(push(Platform.WEB, "change", 1), T0.plusSeconds(6));
        long claimedAndRetried = outbox().add(signInMail(), T0.plusSeconds(4));
        List<OutboxEntry> claimed = claim(5, T0.plusSeconds(4));
        assertEquals(List.of(delivered, dropped, dead, deadToo, claimedAndRetried), ids(claimed));
        outbox().finish(claimed.get(0), OutboxState.DELIVERED, T0.plusSeconds(10), Optional.empty());
        outbox().finish(claimed.get(1), OutboxState.DROPPED, T0.plusSeconds(10), Optional.of("expired"));
        outbox().finish(claimed.get(2), OutboxState.DEAD, T0.plusSeconds(10), Optional.of("refused"));
        outbox().finish(claimed.get(3), OutboxState.DEAD, T0.plusSeconds(10), Optional.of("refused"));
        outbox().retry(claimed.get(4), T0.plusSeconds(60), "timeout");

        assertEquals(counts(2, 1, 1, 1, 2, Optional.of(T0.plusSeconds(4))), outbox().counts(),
                "the oldest pending by when it was added, however often it was tried; the retried one is retrying");
    }

    @Test
    void countsAPendingItemAsRetryingFromItsFirstFailureUntilItsVerdict() {
        long id = outbox().add(push(Platform.ANDROID, "change", 1), T0);
        OutboxEntry first = claimedOnly(id, T0);
        assertEquals(counts(1, 0, 0, 0, 0, Optional.of(T0)), outbox().counts(), "the first attempt has not failed yet");

        assertTrue(outbox().retry(first, T0.plusSeconds(2), "503 from the push service"));
        assertEquals(counts(1, 1, 0, 0, 0, Optional.of(T0)), outbox().counts(), "waiting to be tried again");

        OutboxEntry second = claimedOnly(id, T0.plusSeconds(2));
        assertEquals(counts(1, 1, 0, 0, 0, Optional.of(T0)), outbox().counts(), "tried again now, after a failure");

        assertTrue(outbox().finish(second, OutboxState.DELIVERED, T0.plusSeconds(3), Optional.empty()));
        assertEquals(counts(0, 0, 1, 0, 0, Optional.empty()), outbox().counts());
    }

    @Test
    void anItemWhoseClaimLapsedWithoutAVerdictIsNotCountedAsRetrying() {
        long id = outbox().add(signInMail(), T0);
        claimedOnly(id, T0);
        claimedOnly(id, T0.plus(LEASE));

        assertEquals(counts(1, 0, 0, 0, 0, Optional.of(T0)), outbox().counts());
    }

    @Test
    void deletesDeliveredAndDroppedItemsFinishedBeforeTheCutoffOnly() {
        Instant cutoff = T0.plus(Duration.ofDays(7));
        List<OutboxState> states = List.of(OutboxState.DELIVERED, OutboxState.DROPPED, OutboxState.DEAD);
        for (Instant finishedAt : List.of(cutoff.minusSeconds(1), cutoff, cutoff.plusSeconds(1))) {
            for (OutboxState state : states) {
                long id = outbox().add(signInMail(), T0);
                outbox().finish(claimedOnly(id, T0), state, finishedAt, Optional.empty());
            }
        }
        long pending = outbox().add(push(Platform.ANDROID, "change", 1), T0);

        assertEquals(2, outbox().deleteFinishedBefore(cutoff));

        assertEquals(counts(1, 0, 2, 2, 3, Optional.of(T0)), outbox().counts());
        assertEquals(0, outbox().deleteFinishedBefore(cutoff));
        assertEquals(List.of(pending), ids(claim(10, T0)));
    }

    @Test
    void anItemAddedInATransactionThatFailsIsNeverThere() {
        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            outbox().add(signInMail(), T0);
            throw new IllegalStateException("the write fails after adding its mail");
        }));

        assertEquals(List.of(), claim(10, T0));
        assertEquals(counts(0, 0, 0, 0, 0, Optional.empty()), outbox().counts());
    }

    @Test
    void aClaimInATransactionThatFailsLeavesTheItemsAsTheyWere() {
        long id = outbox().add(signInMail(), T0);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            assertEquals(1, outbox().claim(10, T0, LEASE).size());
            throw new IllegalStateException("the worker's transaction fails");
        }));

        assertEquals(1, claimedOnly(id, T0).attempt());
    }
}
