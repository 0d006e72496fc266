package eu.heapzilla.eventa.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingMailerTest {

    private static final List<Duration> FAST = List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));

    /** A transport that fails as a test scripts it and records every attempt. */
    private static final class Scripted implements IdempotentMailer {

        private final List<String> attempts = new CopyOnWriteArrayList<>();
        private final List<String> delivered = new CopyOnWriteArrayList<>();
        private final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final AtomicInteger failuresLeft;
        private final RuntimeException failure;

        Scripted(int failures, RuntimeException failure) {
            this.failuresLeft = new AtomicInteger(failures);
            this.failure = failure;
        }

        @Override
        public void send(Mail mail, String deliveryId) {
            attempts.add(deliveryId);
            Thread current = Thread.currentThread();
            threads.add(current.getName() + (current.isDaemon() ? " (daemon)" : ""));
            if (failuresLeft.getAndDecrement() > 0) {
                throw failure;
            }
            delivered.add(deliveryId);
        }
    }

    private static RetryingMailer retrying(IdempotentMailer transport) {
        return new RetryingMailer(transport, FAST, 10, Duration.ofSeconds(5));
    }

    @Test
    void retries_a_retryable_failure_and_delivers_exactly_once() {
        Scripted transport = new Scripted(2, new MailNotSent("Resend answered 503", true, null));

        try (CapturedLogs logs = CapturedLogs.mail(); RetryingMailer mailer = retrying(transport)) {
            mailer.send(TestMails.signIn());
            Eventually.await("delivery", () -> transport.delivered.size() == 1 && mailer.pending() == 0);

            assertEquals(3, transport.attempts.size());
            assertEquals(1, Set.copyOf(transport.attempts).size(), "every attempt is the same delivery");
            List<String> warnings = logs.messages(Level.WARN);
            assertEquals(2, warnings.size(), logs.everything());
            assertTrue(warnings.get(0).startsWith("Could not deliver the sign-in mail to ann@example.com (attempt 1/5), retrying in "),
                    warnings.get(0));
            assertTrue(warnings.get(0).endsWith(": Resend answered 503"), warnings.get(0));
            assertTrue(warnings.get(1).contains("(attempt 2/5)"), warnings.get(1));
            assertEquals(List.of(), logs.messages(Level.ERROR));
            assertEquals(List.of("Delivered the sign-in mail to ann@example.com on attempt 3/5"), logs.messages(Level.INFO));
        }
        assertEquals(1, transport.delivered.size());
    }

    @Test
    void send_returns_at_once_while_the_transport_is_slow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        IdempotentMailer slow = (mail, id) -> await(release);

        try (RetryingMailer mailer = retrying(slow)) {
            long started = System.nanoTime();
            mailer.send(TestMails.signIn());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertTrue(tookMillis < 1000, "send took " + tookMillis + " ms");
            assertEquals(1, mailer.pending());
            release.countDown();
        }
    }

    @Test
    void an_unexpected_exception_is_retried_too() {
        Scripted transport = new Scripted(1, new IllegalStateException("connection pool closed"));

        try (CapturedLogs logs = CapturedLogs.mail(); RetryingMailer mailer = retrying(transport)) {
            mailer.send(TestMails.signIn());
            Eventually.await("delivery", () -> transport.delivered.size() == 1);

            assertEquals(1, logs.messages(Level.WARN).size(), logs.everything());
            assertTrue(logs.messages(Level.WARN).get(0).endsWith(": IllegalStateException: connection pool closed"),
                    logs.messages(Level.WARN).get(0));
        }
    }

    @Test
    void a_failure_that_will_not_pass_is_given_up_at_once() {
        Scripted transport = new Scripted(Integer.MAX_VALUE, new MailNotSent("Resend answered 422 validation_error: bad from", false, null));

        try (CapturedLogs logs = CapturedLogs.mail(); RetryingMailer mailer = retrying(transport)) {
            mailer.send(TestMails.signIn());
            Eventually.await("giving up", () -> mailer.pending() == 0);

            assertEquals(1, transport.attempts.size());
            assertEquals(List.of(), logs.messages(Level.WARN));
            assertEquals(List.of("Could not deliver the sign-in mail to ann@example.com and will not retry (attempt 1/5):"
                    + " Resend answered 422 validation_error: bad from"), logs.messages(Level.ERROR));
        }
    }

    @Test
    void gives_up_after_the_last_attempt() {
        Scripted transport = new Scripted(Integer.MAX_VALUE, new MailNotSent("Resend answered 500", true, null));

        try (CapturedLogs logs = CapturedLogs.mail();
             RetryingMailer mailer = new RetryingMailer(transport, List.of(Duration.ofMillis(5), Duration.ofMillis(5)), 10, Duration.ofSeconds(5))) {
            assertEquals(3, mailer.attempts());
            mailer.send(TestMails.signIn());
            Eventually.await("giving up", () -> mailer.pending() == 0);

            assertEquals(3, transport.attempts.size());
            assertEquals(2, logs.messages(Level.WARN).size(), logs.everything());
            assertEquals(List.of("Gave up on the sign-in mail to ann@example.com after 3 attempts: Resend answered 500"),
                    logs.messages(Level.ERROR));
        }
        assertEquals(List.of(), transport.delivered);
    }

    @Test
    void a_token_in_a_failure_never_reaches_the_log() {
        Mail.SignInLink mail = TestMails.signIn();
        String token = TestMails.token(mail);
        IdempotentMailer leaky = (m, id) -> {
            throw new IllegalStateException("could not post http://x/verify?token=" + token,
                    new RuntimeException("body was ..." + token + "..."));
        };

        try (CapturedLogs logs = CapturedLogs.mail();
             RetryingMailer mailer = new RetryingMailer(leaky, List.of(Duration.ofMillis(5)), 10, Duration.ofSeconds(5))) {
            mailer.send(mail);
            Eventually.await("giving up", () -> mailer.pending() == 0);

            assertEquals(1, logs.messages(Level.WARN).size());
            assertEquals(1, logs.messages(Level.ERROR).size());
            assertTrue(logs.messages(Level.ERROR).get(0).contains("verify?token=[redacted]"), logs.everything());
            assertFalse(logs.everything().contains(token), logs.everything());
        }
    }

    @Test
    void an_invitation_token_in_a_failure_never_reaches_the_log() {
        Mail.Invitation mail = TestMails.invitation();
        String token = TestMails.token(mail);
        IdempotentMailer leaky = (m, id) -> {
            throw new IllegalStateException("could not post http://x/invite?token=" + token);
        };

        try (CapturedLogs logs = CapturedLogs.mail();
             RetryingMailer mailer = new RetryingMailer(leaky, List.of(Duration.ofMillis(5)), 10, Duration.ofSeconds(5))) {
            mailer.send(mail);
            Eventually.await("giving up", () -> mailer.pending() == 0);

            assertEquals(1, logs.messages(Level.ERROR).size(), logs.everything());
            assertTrue(logs.messages(Level.ERROR).get(0).contains("invite mail to ann@example.com"), logs.everything());
            assertTrue(logs.messages(Level.ERROR).get(0).contains("invite?token=[redacted]"), logs.everything());
            assertFalse(logs.everything().contains(token), logs.everything());
        }
    }

    @Test
    void refuses_mail_past_its_capacity_instead_of_growing() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        IdempotentMailer stuck = (mail, id) -> {
            await(release);
            delivered.incrementAndGet();
        };

        try (RetryingMailer mailer = new RetryingMailer(stuck, FAST, 3, Duration.ofSeconds(5))) {
            for (int i = 0; i < 3; i++) {
                mailer.send(TestMails.signIn());
            }
            MailNotSent full = assertThrows(MailNotSent.class, () -> mailer.send(TestMails.signIn("bob@example.com")));

            assertTrue(full.retryable());
            assertTrue(full.getMessage().startsWith("3 mails are already waiting for delivery"), full.getMessage());
            release.countDown();
            Eventually.await("the queue to drain", () -> mailer.pending() == 0);
            mailer.send(TestMails.signIn("bob@example.com"));
            Eventually.await("the fourth mail", () -> delivered.get() == 4);
        }
    }

    @Test
    void delivers_on_daemon_threads_named_for_mail() {
        Scripted transport = new Scripted(0, null);

        try (RetryingMailer mailer = retrying(transport)) {
            mailer.send(TestMails.signIn());
            Eventually.await("delivery", () -> transport.delivered.size() == 1);
        }

        String thread = transport.threads.iterator().next();
        assertTrue(thread.matches("eventa-mail-\\d+ \\(daemon\\)"), thread);
    }

    @Test
    void close_waits_for_a_delivery_under_way() {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        IdempotentMailer slow = (mail, id) -> {
            started.countDown();
            sleep(200);
            delivered.incrementAndGet();
        };

        try (CapturedLogs logs = CapturedLogs.mail()) {
            RetryingMailer mailer = retrying(slow);
            mailer.send(TestMails.signIn());
            await(started);

            mailer.close();

            assertEquals(1, delivered.get(), "close returned before the delivery under way finished");
            assertEquals(List.of(), logs.messages(Level.ERROR));
        }
    }

    @Test
    void close_names_each_mail_it_abandons_and_does_not_wait_for_a_distant_retry() {
        Scripted transport = new Scripted(Integer.MAX_VALUE, new MailNotSent("Resend answered 503", true, null));

        try (CapturedLogs logs = CapturedLogs.mail()) {
            RetryingMailer mailer = new RetryingMailer(transport, List.of(Duration.ofHours(1)), 10, Duration.ofSeconds(5));
            mailer.send(TestMails.signIn());
            Eventually.await("the first attempt to fail", () -> logs.messages(Level.WARN).size() == 1);

            long started = System.nanoTime();
            mailer.close();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertTrue(tookMillis < 2000, "close waited " + tookMillis + " ms for a retry an hour away");
            assertEquals(List.of("Mail delivery stopped before the sign-in mail to ann@example.com was delivered",
                    "Mail delivery stopped; abandoned 1 undelivered mail(s)"), logs.messages(Level.ERROR));
            assertEquals(0, mailer.pending());
        }
    }

    @Test
    void close_gives_up_waiting_after_the_grace_period() {
        CountDownLatch never = new CountDownLatch(1);
        IdempotentMailer hung = (mail, id) -> await(never);

        try (CapturedLogs logs = CapturedLogs.mail()) {
            RetryingMailer mailer = new RetryingMailer(hung, FAST, 10, Duration.ofMillis(100));
            mailer.send(TestMails.signIn());

            long started = System.nanoTime();
            mailer.close();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertTrue(tookMillis >= 90 && tookMillis < 2000, "close took " + tookMillis + " ms");
            Eventually.await("an ERROR naming the mail left undelivered", () -> logs.messages(Level.ERROR).stream()
                    .anyMatch(line -> line.contains("the sign-in mail to ann@example.com")));
            assertEquals(List.of(), logs.messages(Level.WARN), "no retry is promised while stopping");
            assertEquals(0, mailer.pending());
        } finally {
            never.countDown();
        }
    }

    @Test
    void refuses_mail_once_closed() {
        RetryingMailer mailer = retrying(new Scripted(0, null));
        mailer.close();
        mailer.close(); // twice is fine

        MailNotSent stopped = assertThrows(MailNotSent.class, () -> mailer.send(TestMails.signIn()));

        assertTrue(stopped.retryable());
        assertEquals("mail delivery has stopped; the sign-in mail to ann@example.com was not accepted", stopped.getMessage());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
