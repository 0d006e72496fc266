package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import eu.heapzilla.eventa.ports.out.Mailer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Accepts mail at once and delivers it in the background: the request that asked for a mail
 * never waits for the mail provider. A failure that may pass (a {@link MailNotSent} that says
 * it is {@code retryable}, or any other {@link RuntimeException}) is tried again after a
 * growing, jittered pause (by default 1 s, 4 s, 16 s and 60 s: five attempts in all); one
 * that will not pass is given up at once. Every attempt of one mail carries the same delivery
 * id, which Resend receives as its idempotency key.
 *
 * <p>Nothing is dropped silently: each failed attempt is a WARN line, each mail given up an
 * ERROR line, and {@link #close()} names every mail it leaves undelivered. Log lines name the
 * kind of mail and the recipient and never a secret the mail carries: reasons are scrubbed of
 * them, and stack traces, whose messages cannot be scrubbed, are left out.
 *
 * <p>At most {@code capacity} mails wait at once; past that {@link #send} refuses with a
 * retryable {@link MailNotSent} instead of letting memory grow.
 */
final class RetryingMailer implements Mailer, AutoCloseable {

    static final List<Duration> DEFAULT_BACKOFF =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(16), Duration.ofSeconds(60));
    static final int DEFAULT_CAPACITY = 1000;
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    static final int THREADS = 2;

    private static final Logger log = LoggerFactory.getLogger("eventa.mail");
    private static final int LONGEST_REASON = 500;

    private final IdempotentMailer delegate;
    private final List<Duration> backoff;
    private final int capacity;
    private final Duration grace;
    private final ScheduledThreadPoolExecutor executor;
    private final Set<Delivery> pending = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private boolean closed; // guarded by lock

    /**
     * @param backoff  the pause before each retry; its size plus one is the number of attempts
     * @param capacity how many mails may wait at once
     * @param grace    how long {@link #close()} gives deliveries under way to finish
     */
    RetryingMailer(IdempotentMailer delegate, List<Duration> backoff, int capacity, Duration grace) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.backoff = List.copyOf(backoff);
        if (this.backoff.stream().anyMatch(pause -> pause.isNegative())) {
            throw new IllegalArgumentException("backoff pauses must not be negative");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.grace = Objects.requireNonNull(grace, "grace");
        this.executor = new ScheduledThreadPoolExecutor(THREADS, threads());
        this.executor.setRemoveOnCancelPolicy(true);
    }

    RetryingMailer(IdempotentMailer delegate) {
        this(delegate, DEFAULT_BACKOFF, DEFAULT_CAPACITY, DEFAULT_GRACE);
    }

    int attempts() {
        return backoff.size() + 1;
    }

    /** How many mails are accepted and neither delivered nor given up. */
    int pending() {
        return pending.size();
    }

    /**
     * Accepts {@code mail} for delivery and returns at once.
     *
     * @throws MailNotSent (retryable) when too many mails are waiting, or delivery has stopped;
     *     (not retryable) for a kind of mail this adapter has no template for
     */
    @Override
    public void send(Mail mail) {
        Objects.requireNonNull(mail, "mail");
        try {
            MailTemplates.kind(mail);
        } catch (IllegalArgumentException unknownKind) {
            throw new MailNotSent(unknownKind.getMessage(), false, unknownKind);
        }
        Delivery delivery = new Delivery(mail, UUID.randomUUID().toString());
        synchronized (lock) {
            if (closed) {
                throw new MailNotSent("mail delivery has stopped; the " + delivery + " was not accepted", true, null);
            }
            if (pending.size() >= capacity) {
                log.atWarn().addKeyValue("mail_kind", delivery.kind())
                        .log("Mail queue is full ({} waiting); refused the {}", pending.size(), delivery);
                throw new MailNotSent(capacity + " mails are already waiting for delivery; the " + delivery
                        + " was not accepted", true, null);
            }
            pending.add(delivery);
            executor.execute(() -> attempt(delivery, 1));
        }
    }

    private void attempt(Delivery delivery, int attempt) {
        try {
            delegate.send(delivery.mail(), delivery.id());
        } catch (MailNotSent failure) {
            failed(delivery, attempt, failure, failure.retryable());
            return;
        } catch (RuntimeException unexpected) {
            failed(delivery, attempt, unexpected, true);
            return;
        } catch (Error error) {
            failed(delivery, attempt, error, false);
            throw error;
        }
        if (delivery.finish() && attempt > 1) {
            event(log.atInfo(), delivery, attempt).log("Delivered the {} on attempt {}/{}", delivery, attempt, attempts());
        }
    }

    private void failed(Delivery delivery, int attempt, Throwable failure, boolean retryable) {
        String reason = reason(delivery.mail(), failure);
        if (!retryable) {
            if (delivery.finish()) {
                event(log.atError(), delivery, attempt)
                        .log("Could not deliver the {} and will not retry (attempt {}/{}): {}",
                                delivery, attempt, attempts(), reason);
            }
            return;
        }
        if (attempt >= attempts()) {
            if (delivery.finish()) {
                event(log.atError(), delivery, attempt)
                        .log("Gave up on the {} after {} attempts: {}", delivery, attempt, reason);
            }
            return;
        }
        if (executor.isShutdown()) {
            giveUpStopping(delivery, attempt, reason);
            return;
        }
        Duration pause = jittered(backoff.get(attempt - 1));
        event(log.atWarn(), delivery, attempt)
                .log("Could not deliver the {} (attempt {}/{}), retrying in {}: {}",
                        delivery, attempt, attempts(), human(pause), reason);
        try {
            executor.schedule(() -> attempt(delivery, attempt + 1), pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            giveUpStopping(delivery, attempt, reason);
        }
    }

    private void giveUpStopping(Delivery delivery, int attempt, String reason) {
        if (delivery.finish()) {
            event(log.atError(), delivery, attempt)
                    .log("Gave up on the {} after attempt {}/{}, as mail delivery is stopping: {}",
                            delivery, attempt, attempts(), reason);
        }
    }

    private LoggingEventBuilder event(LoggingEventBuilder builder, Delivery delivery, int attempt) {
        return builder.addKeyValue("mail_kind", delivery.kind())
                .addKeyValue("delivery_id", delivery.id())
                .addKeyValue("attempt", attempt)
                .addKeyValue("attempts", attempts());
    }

    /**
     * Stops accepting mail and gives deliveries under way, and retries falling due, up to the
     * grace period to finish; then stops, and logs each mail left undelivered at ERROR.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        executor.shutdown();
        long graceNanos = grace.toNanos();
        for (Runnable queued : executor.getQueue().toArray(new Runnable[0])) {
            if (queued instanceof RunnableScheduledFuture<?> retry && retry.getDelay(TimeUnit.NANOSECONDS) > graceNanos) {
                retry.cancel(false); // would not fall due in time; no use waiting for it
            }
        }
        boolean finished;
        try {
            finished = executor.awaitTermination(graceNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            executor.shutdownNow();
        }
        List<Delivery> abandoned = new ArrayList<>();
        for (Delivery delivery : pending) {
            if (delivery.finish()) {
                abandoned.add(delivery);
            }
        }
        for (Delivery delivery : abandoned) {
            log.atError().addKeyValue("mail_kind", delivery.kind()).addKeyValue("delivery_id", delivery.id())
                    .log("Mail delivery stopped before the {} was delivered", delivery);
        }
        if (abandoned.isEmpty()) {
            log.debug("Mail delivery stopped with nothing left to deliver");
        } else {
            log.error("Mail delivery stopped; abandoned {} undelivered mail(s)", abandoned.size());
        }
    }

    private static String human(Duration pause) {
        long millis = pause.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static Duration jittered(Duration pause) {
        double factor = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5; // 75 % to 125 %
        return Duration.ofNanos(Math.round(pause.toNanos() * factor));
    }

    /** The failure and its causes in one line, without any secret the mail carries. */
    static String reason(Mail mail, Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < LONGEST_REASON; t = t.getCause()) {
            if (t != failure && failure instanceof MailNotSent) {
                break; // our own messages already say what the cause was
            }
            if (text.length() > 0) {
                text.append(" <- ");
            }
            if (!(t instanceof MailNotSent)) {
                text.append(t.getClass().getSimpleName()).append(": ");
            }
            text.append(t.getMessage());
        }
        String line = text.toString().replaceAll("\\s+", " ").strip();
        for (String secret : MailTemplates.secrets(mail)) {
            line = line.replace(secret, "[redacted]");
        }
        return line.length() <= LONGEST_REASON ? line : line.substring(0, LONGEST_REASON) + "...";
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "eventa-mail-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One mail on its way, with the id that all its attempts share. */
    private final class Delivery {

        private final Mail mail;
        private final String id;
        private final AtomicBoolean finished = new AtomicBoolean();

        Delivery(Mail mail, String id) {
            this.mail = mail;
            this.id = id;
        }

        Mail mail() {
            return mail;
        }

        String id() {
            return id;
        }

        String kind() {
            return MailTemplates.kind(mail);
        }

        /** Marks it delivered or given up; true for the one caller that got to do so. */
        boolean finish() {
            if (finished.compareAndSet(false, true)) {
                pending.remove(this);
                return true;
            }
            return false;
        }

        @Override
        public String toString() {
            return MailTemplates.describe(mail);
        }
    }
}
