package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.Unauthenticated;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.live.InstanceId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.Authenticate;
import eu.heapzilla.eventa.ports.in.ExpireLostConnections;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.ChangeBus;
import eu.heapzilla.eventa.ports.out.ChangeLog;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.PresenceBoard;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * This instance's live connections and the feeds they follow. It listens on the {@link ChangeBus}
 * (from the first connection on) and, per followed event, reads from the {@link ChangeLog} the
 * changes it has not passed on yet, so that what every instance delivers comes from the log
 * itself: in seq order, nothing skipped, nothing twice. Presence is written to the
 * {@link PresenceBoard} by one background thread, in the order connections come and go.
 */
final class LiveFeeds implements ChangeBus.Listener, ExpireLostConnections {

    private static final System.Logger log = System.getLogger(LiveFeeds.class.getName());

    final Transactions transactions;
    final Clock clock;
    final Events events;
    final ChangeLog changeLog;
    final EventReads reads;
    private final BearerTokens bearerTokens;
    private final ChangeBus bus;
    private final PresenceBoard board;
    private final Authenticate authenticate;
    private final InstanceId instance = InstanceId.random();
    private final ConcurrentMap<EventId, Feed> feeds = new ConcurrentHashMap<>();
    private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService presenceWriter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "eventa-presence");
        thread.setDaemon(true);
        return thread;
    });
    private ChangeBus.Listening listening;

    LiveFeeds(Transactions transactions, Clock clock, Events events, ChangeLog changeLog, BearerTokens bearerTokens,
              ChangeBus bus, PresenceBoard board, EventReads reads, Authenticate authenticate) {
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
        this.changeLog = changeLog;
        this.bearerTokens = bearerTokens;
        this.bus = bus;
        this.board = board;
        this.reads = reads;
        this.authenticate = authenticate;
    }

    FollowChanges.Connection connect(Secret bearer, FollowChanges.Listener listener) {
        UserId user = authenticate.authenticate(bearer);
        startListening();
        LiveConnection connection = new LiveConnection(this, ConnectionId.random(), user, bearer.hash(),
                new SerialListener(listener));
        connections.add(connection);
        // A sign-out committed before we were registered was not heard by us: look once more.
        if (!usable(connection.bearer())) {
            connections.remove(connection);
            throw new Unauthenticated("this bearer was signed out; sign in again");
        }
        return connection;
    }

    private synchronized void startListening() {
        if (listening == null) {
            transactions.run(() -> board.heartbeat(instance, clock.now()));
            listening = bus.listen(this);
        }
    }

    /** The feed of the event, created when nobody here follows it yet. */
    Feed feed(EventId event) {
        return feeds.computeIfAbsent(event, id -> new Feed(this, id));
    }

    void forget(Feed feed) {
        feeds.remove(feed.event(), feed);
    }

    void closed(LiveConnection connection) {
        connections.remove(connection);
    }

    @Override
    public void heard(ChangeBus.Announcement announcement) {
        if (announcement instanceof ChangeBus.Changed changed) {
            Feed feed = feeds.get(changed.event());
            if (feed != null) {
                feed.advance(changed.seq());
            }
        } else if (announcement instanceof ChangeBus.PresenceChanged presence) {
            Feed feed = feeds.get(presence.event());
            if (feed != null) {
                feed.presence(presence.user(), presence.online());
            }
        } else if (announcement instanceof ChangeBus.SignedOut signedOut) {
            connections.stream().filter(c -> c.user().equals(signedOut.user())).forEach(this::closeIfSignedOut);
        } else if (announcement instanceof ChangeBus.EventDeleted deleted) {
            Feed feed = feeds.get(deleted.event());
            if (feed != null) {
                feed.revokeAll();
            }
        }
    }

    @Override
    public void resumed() {
        log.log(System.Logger.Level.INFO, "change bus resumed: looking for changes and sign-outs that were missed");
        List.copyOf(feeds.values()).forEach(feed -> feed.advance(Long.MAX_VALUE));
        List.copyOf(connections).forEach(this::closeIfSignedOut);
    }

    private void closeIfSignedOut(LiveConnection connection) {
        if (!usable(connection.bearer())) {
            connection.signOut();
        }
    }

    private boolean usable(SecretHash bearer) {
        return transactions.inTransaction(() -> bearerTokens.byHash(bearer)
                .map(token -> token.revokedAt().isEmpty()).orElse(false));
    }

    /** Records, in the background and in call order, that the connection follows the event. */
    void arrive(LiveConnection connection, EventId event) {
        presenceWriter.execute(() -> writePresence(() -> board.arrive(instance, connection.id(), event, connection.user(),
                clock.now()), event, connection.user(), true));
    }

    /** Records, in the background and in call order, that the connection no longer follows the event. */
    void depart(LiveConnection connection, EventId event) {
        presenceWriter.execute(() -> writePresence(() -> board.depart(connection.id(), event, clock.now()), event,
                connection.user(), false));
    }

    private void writePresence(java.util.function.BooleanSupplier change, EventId event, UserId user, boolean online) {
        try {
            transactions.run(() -> {
                if (change.getAsBoolean()) {
                    bus.announce(new ChangeBus.PresenceChanged(event, user, online));
                }
            });
        } catch (RuntimeException e) {
            // The event may be gone; presence is advisory and must never take the writer thread down.
            log.log(System.Logger.Level.DEBUG, "presence of " + user + " in " + event + " not recorded", e);
        }
    }

    @Override
    public int sweep() {
        boolean[] known = new boolean[1];
        int gone = transactions.inTransaction(() -> {
            known[0] = board.heartbeat(instance, clock.now());
            List<PresenceBoard.Departure> departures = board.expire(clock.now().minus(TIMEOUT));
            departures.forEach(d -> bus.announce(new ChangeBus.PresenceChanged(d.event(), d.user(), false)));
            return departures.size();
        });
        if (!known[0]) {
            // Another instance took this one for dead (it was paused too long): record its connections again.
            connections.forEach(connection -> connection.presentIn().forEach(event -> arrive(connection, event)));
        }
        return gone;
    }

    /** Waits until every presence write asked for so far is done (for tests). */
    void awaitPresence() {
        try {
            presenceWriter.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
