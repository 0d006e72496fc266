package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.ports.out.ChangeBus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link ChangeBus} inside one process: an announcement is heard by every listener once the
 * announcing transaction commits, on the committing thread, in order. A listener that fails is
 * logged and the others still hear.
 */
public final class InMemoryChangeBus implements ChangeBus {

    private final InMemoryTransactions transactions;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<Announcement> heard = new CopyOnWriteArrayList<>();

    public InMemoryChangeBus(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void announce(Announcement announcement) {
        transactions.afterCommit(() -> {
            heard.add(announcement);
            for (Listener listener : listeners) {
                try {
                    listener.heard(announcement);
                } catch (RuntimeException e) {
                    // As on PostgreSQL: the write has committed, and the other listeners still hear.
                    System.getLogger(InMemoryChangeBus.class.getName()).log(System.Logger.Level.WARNING,
                            "a change bus listener failed", e);
                }
            }
        });
    }

    @Override
    public Listening listen(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** As if the connection to the bus had been lost and found again: every listener is told to look for what it missed. */
    public void resume() {
        listeners.forEach(Listener::resumed);
    }

    /** Every announcement made so far, in order. */
    public List<Announcement> announcements() {
        return new ArrayList<>(heard);
    }
}
