package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.ports.contract.EventsContract;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresEventsTest extends EventsContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected Users users() {
        return database.persistence().users();
    }

    @Override
    protected Events events() {
        return database.persistence().events();
    }

    /** In memory every transaction takes one store-wide lock, so only a real database can show this. */
    @Test
    void readersDoNotWaitForTheLock() throws Exception {
        Event event = storedEvent();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions().run(() -> {
            events().lock(event.id()).orElseThrow();
            locked.countDown();
            await(release);
        }));
        try {
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            Optional<Event> read = CompletableFuture.supplyAsync(() -> events().byId(event.id())).get(5, TimeUnit.SECONDS);
            Optional<Long> seq = CompletableFuture.supplyAsync(() -> events().lastChangeSeq(event.id())).get(5, TimeUnit.SECONDS);
            assertEquals(Optional.of(event), read);
            assertEquals(Optional.of(0L), seq);
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
