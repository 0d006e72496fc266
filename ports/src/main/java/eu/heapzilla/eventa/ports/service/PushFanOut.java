package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.domain.push.PushDevice;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.in.OutboxPolicy;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.OutboxEntry;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.OutboxState;
import eu.heapzilla.eventa.ports.out.PresenceBoard;
import eu.heapzilla.eventa.ports.out.PushDevices;
import eu.heapzilla.eventa.ports.out.PushMessage;
import eu.heapzilla.eventa.ports.out.PushWindows;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides who gets a push about a write, in one transaction with marking the fan-out done:
 * every member but the writer, and whoever a notice was addressed to. Quiet for anyone online in
 * the event right now (they see the change live) and for anyone pushed about this event within
 * the coalescing window (their phone is already awake and catching up), unless a notice is
 * addressed to them personally. Each remaining person gets one {@link OutboxItem.Push} per
 * device whose bearer is still signed in.
 */
final class PushFanOut {

    private static final String PLAIN_CHANGE = "change";

    private final Transactions transactions;
    private final Clock clock;
    private final Outbox outbox;
    private final Memberships memberships;
    private final PresenceBoard presence;
    private final PushDevices devices;
    private final PushWindows windows;
    private final BearerTokens bearerTokens;
    private final OutboxPolicy policy;

    PushFanOut(Transactions transactions, Clock clock, Outbox outbox, Memberships memberships, PresenceBoard presence,
               PushDevices devices, PushWindows windows, BearerTokens bearerTokens, OutboxPolicy policy) {
        this.transactions = transactions;
        this.clock = clock;
        this.outbox = outbox;
        this.memberships = memberships;
        this.presence = presence;
        this.devices = devices;
        this.windows = windows;
        this.bearerTokens = bearerTokens;
        this.policy = policy;
    }

    /** Adds the pushes and marks {@code entry} delivered; false, adding nothing, when the claim has lapsed. */
    boolean fanOut(OutboxEntry entry, OutboxItem.FanOut fan) {
        try {
            return transactions.inTransaction(() -> {
                Instant now = clock.now();
                Set<UserId> online = presence.of(fan.event()).stream().filter(MemberPresence::online)
                        .map(MemberPresence::user).collect(Collectors.toSet());
                Set<UserId> recipients = new LinkedHashSet<>();
                memberships.ofEvent(fan.event()).stream().map(Membership::user).forEach(recipients::add);
                recipients.addAll(fan.personal().keySet());
                recipients.remove(fan.actor());
                int pushes = 0;
                for (UserId recipient : recipients) {
                    if (online.contains(recipient)) {
                        continue;
                    }
                    List<PushDevice> reachable = liveDevices(recipient);
                    if (reachable.isEmpty()) {
                        continue;
                    }
                    Optional<NotificationKind> personal = Optional.ofNullable(fan.personal().get(recipient));
                    boolean opened = policy.coalescing().isZero()
                            || windows.open(recipient, fan.event(), now, policy.coalescing());
                    if (!opened && personal.isEmpty()) {
                        continue;
                    }
                    String kind = personal.or(fan::shared).map(NotificationKind::wireName).orElse(PLAIN_CHANGE);
                    for (PushDevice device : reachable) {
                        outbox.add(new OutboxItem.Push(recipient, new PushMessage(device.token(), device.platform(), kind,
                                fan.event(), fan.entityType(), fan.entityId(), fan.seq())), now);
                        pushes++;
                    }
                }
                if (!outbox.finish(entry, OutboxState.DELIVERED, now, Optional.of(pushes + " push(es)"))) {
                    throw new ClaimLapsed();
                }
                return true;
            });
        } catch (ClaimLapsed lapsed) {
            return false;
        }
    }

    /** Whether the push's device is still registered to its user and signed in. */
    boolean stillWanted(OutboxItem.Push push) {
        return liveDevices(push.user()).stream().anyMatch(device -> device.token().equals(push.message().token()));
    }

    void forget(PushToken token) {
        devices.forget(token);
    }

    private List<PushDevice> liveDevices(UserId user) {
        return devices.ofUser(user).stream()
                .filter(device -> bearerTokens.byHash(device.bearer()).filter(b -> b.revokedAt().isEmpty()).isPresent())
                .toList();
    }

    /** Rolls the fan-out back: another worker owns the item now. */
    private static final class ClaimLapsed extends RuntimeException {
        ClaimLapsed() {
            super(null, null, false, false);
        }
    }
}
