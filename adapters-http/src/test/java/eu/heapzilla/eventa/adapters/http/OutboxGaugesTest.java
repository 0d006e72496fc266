package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox gauges over a real outbox: one database reading per {@link OutboxGauges#FRESH_FOR}, NaN while it fails. */
class OutboxGaugesTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final MeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void empty() {
        database.truncate("outbox");
    }

    private OutboxGauges gauges(AtomicReference<DeliverOutbox> outbox) {
        OutboxGauges gauges = new OutboxGauges(() -> {
            reads.incrementAndGet();
            return outbox.get().counts();
        }, nanos::get);
        gauges.bindTo(registry);
        return gauges;
    }

    private double pending() {
        return registry.get("eventa.outbox.pending").gauge().value();
    }

    private static DeliverOutbox outboxOf(PostgresPersistence persistence) {
        return TestPorts.useCases(persistence, Clock.system(), new CapturingMailer()).deliverOutbox();
    }

    private static void addMail(Instant at) {
        database.persistence().transactions().run(() -> database.persistence().outbox().add(new OutboxItem.SendMail(
                new Mail.SignInLink(Email.of("someone@example.org"), Secret.generate(new SecureRandom()),
                        at.plusSeconds(900))), at));
    }

    @Test
    void everyGaugeOfAScrapeSharesOneReadingThatLastsItsFreshness() {
        gauges(new AtomicReference<>(outboxOf(database.persistence())));
        addMail(Instant.now());

        assertEquals(1, pending());
        assertEquals(0, registry.get("eventa.outbox.dead").gauge().value());
        assertEquals(0, registry.get("eventa.outbox.retrying").gauge().value());
        assertTrue(registry.get("eventa.outbox.oldest.pending.age").gauge().value() >= 0);
        assertEquals(1, reads.get(), "four gauges, one reading");

        addMail(Instant.now());
        nanos.addAndGet(OutboxGauges.FRESH_FOR.toNanos() - 1);
        assertEquals(1, pending(), "still fresh: the database is not asked again");
        assertEquals(1, reads.get());

        nanos.addAndGet(1);
        assertEquals(2, pending());
        assertEquals(2, reads.get());
    }

    @Test
    void theOldestWaitGrowsBetweenReadingsAndIsZeroWhenNothingWaits() {
        gauges(new AtomicReference<>(outboxOf(database.persistence())));
        assertEquals(0, registry.get("eventa.outbox.oldest.pending.age").gauge().value(), "nothing waits");

        nanos.addAndGet(OutboxGauges.FRESH_FOR.toNanos());
        addMail(Instant.now().minusSeconds(90));

        double age = registry.get("eventa.outbox.oldest.pending.age").gauge().value();
        assertTrue(age >= 90 && age < 150, "waited about 90 s: " + age);
    }

    @Test
    void whileTheOutboxCannotBeReadTheGaugesAreNaNAndItIsAskedOncePerFreshness() {
        PostgresPersistence gone = new PostgresPersistence(database.settings());
        AtomicReference<DeliverOutbox> outbox = new AtomicReference<>(outboxOf(gone));
        gauges(outbox);
        addMail(Instant.now());
        gone.close();

        assertTrue(Double.isNaN(pending()));
        assertTrue(Double.isNaN(registry.get("eventa.outbox.oldest.pending.age").gauge().value()));
        assertTrue(Double.isNaN(pending()));
        assertEquals(1, reads.get(), "a failed reading is not repeated at once");

        outbox.set(outboxOf(database.persistence()));
        nanos.addAndGet(OutboxGauges.FRESH_FOR.toNanos());
        assertEquals(1, pending(), "back once the database answers");
    }
}
