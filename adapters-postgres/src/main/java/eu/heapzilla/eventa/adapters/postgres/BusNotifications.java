package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.text.Ids;
import eu.heapzilla.eventa.ports.out.ChangeBus.Announcement;
import eu.heapzilla.eventa.ports.out.ChangeBus.Changed;
import eu.heapzilla.eventa.ports.out.ChangeBus.EventDeleted;
import eu.heapzilla.eventa.ports.out.ChangeBus.OutboxFilled;
import eu.heapzilla.eventa.ports.out.ChangeBus.PresenceChanged;
import eu.heapzilla.eventa.ports.out.ChangeBus.SignedOut;
import java.util.UUID;

/**
 * How a {@link eu.heapzilla.eventa.ports.out.ChangeBus} announcement travels as a PostgreSQL
 * notification: its channel and payload text, and back. Changes go on {@link #CHANGES} as
 * {@code <event uuid>:<seq>} (the form DESIGN §3 names); everything else goes on
 * {@link #SIGNALS} as {@code presence:<event>:<user>:online|offline}, {@code signed_out:<user>},
 * {@code event_deleted:<event>} or {@code outbox_filled}.
 */
final class BusNotifications {

    static final String CHANGES = "eventa_changes";
    static final String SIGNALS = "eventa_signals";

    private static final String PRESENCE = "presence";
    private static final String SIGNED_OUT = "signed_out";
    private static final String EVENT_DELETED = "event_deleted";
    private static final String OUTBOX_FILLED = "outbox_filled";
    private static final String ONLINE = "online";
    private static final String OFFLINE = "offline";

    /** One notification: what {@code pg_notify(channel, payload)} sends. */
    record Notification(String channel, String payload) {
    }

    private BusNotifications() {
    }

    static Notification of(Announcement announcement) {
        if (announcement instanceof Changed changed) {
            return new Notification(CHANGES, changed.event() + ":" + changed.seq());
        }
        if (announcement instanceof PresenceChanged presence) {
            return new Notification(SIGNALS, String.join(":", PRESENCE, presence.event().toString(),
                    presence.user().toString(), presence.online() ? ONLINE : OFFLINE));
        }
        if (announcement instanceof SignedOut signedOut) {
            return new Notification(SIGNALS, SIGNED_OUT + ":" + signedOut.user());
        }
        if (announcement instanceof EventDeleted deleted) {
            return new Notification(SIGNALS, EVENT_DELETED + ":" + deleted.event());
        }
        if (announcement instanceof OutboxFilled) {
            return new Notification(SIGNALS, OUTBOX_FILLED);
        }
        throw new IllegalArgumentException("no notification for " + announcement);
    }

    /** @throws IllegalArgumentException when the notification is not one that {@link #of} makes */
    static Announcement announcement(String channel, String payload) {
        String[] parts = payload.split(":", -1);
        if (CHANGES.equals(channel)) {
            expect(parts, 2, payload);
            return new Changed(new EventId(uuid(parts[0])), seq(parts[1]));
        }
        if (!SIGNALS.equals(channel)) {
            throw new IllegalArgumentException("unknown channel " + channel);
        }
        switch (parts[0]) {
            case PRESENCE:
                expect(parts, 4, payload);
                return new PresenceChanged(new EventId(uuid(parts[1])), new UserId(uuid(parts[2])), online(parts[3]));
            case SIGNED_OUT:
                expect(parts, 2, payload);
                return new SignedOut(new UserId(uuid(parts[1])));
            case EVENT_DELETED:
                expect(parts, 2, payload);
                return new EventDeleted(new EventId(uuid(parts[1])));
            case OUTBOX_FILLED:
                expect(parts, 1, payload);
                return new OutboxFilled();
            default:
                throw new IllegalArgumentException("unknown signal: " + payload);
        }
    }

    private static void expect(String[] parts, int count, String payload) {
        if (parts.length != count) {
            throw new IllegalArgumentException("malformed payload: " + payload);
        }
    }

    private static UUID uuid(String text) {
        return Ids.canonical(text).orElseThrow(() -> new IllegalArgumentException("not a canonical UUID: " + text));
    }

    private static long seq(String text) {
        if (!text.matches("[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("not a seq: " + text);
        }
        return Long.parseLong(text);
    }

    private static boolean online(String text) {
        if (ONLINE.equals(text)) {
            return true;
        }
        if (OFFLINE.equals(text)) {
            return false;
        }
        throw new IllegalArgumentException("neither online nor offline: " + text);
    }
}
