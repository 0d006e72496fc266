package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import eu.heapzilla.eventa.ports.in.OutboxPolicy;
import eu.heapzilla.eventa.ports.out.ChangeBus;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import eu.heapzilla.eventa.ports.out.Mailer;
import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.OutboxCounts;
import eu.heapzilla.eventa.ports.out.OutboxEntry;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.OutboxState;
import eu.heapzilla.eventa.ports.out.PushGateway;
import eu.heapzilla.eventa.ports.out.PushOutcome;
import eu.heapzilla.eventa.ports.out.PushWindows;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox worker: claims due items and does each outside any transaction (a mail to the
 * {@link Mailer}, a push to the {@link PushGateway}, a fan-out through {@link PushFanOut}),
 * then records the verdict. A failure that may pass is tried again after a growing pause (or
 * the provider's {@code Retry-After}), up to {@link OutboxPolicy#maxAttempts()}; one that will
 * not, and the last attempt's failure, make the item a dead letter, logged at ERROR and counted.
 * A verdict arriving after the claim lapsed (the worker was too slow, another took over) is
 * dropped: the other worker's verdict stands.
 */
final class OutboxDelivering implements DeliverOutbox, ChangeBus.Listener {

    private static final System.Logger log = System.getLogger("eventa.outbox");
    private static final int LONGEST_REASON = 500;

    private final Transactions transactions;
    private final Clock clock;
    private final Outbox outbox;
    private final Mailer mailer;
    private final PushGateway pushGateway;
    private final PushFanOut fanOut;
    private final PushWindows pushWindows;
    private final ChangeBus bus;
    private final OutboxPolicy policy;
    private final AtomicLong deadLetters = new AtomicLong();
    private final Object signal = new Object();
    private long signals; // guarded by signal
    private ChangeBus.Listening listening; // guarded by signal

    OutboxDelivering(Transactions transactions, Clock clock, Outbox outbox, Mailer mailer, PushGateway pushGateway,
                     PushFanOut fanOut, PushWindows pushWindows, ChangeBus bus, OutboxPolicy policy) {
        this.transactions = transactions;
        this.clock = clock;
        this.outbox = outbox;
        this.mailer = mailer;
        this.pushGateway = pushGateway;
        this.fanOut = fanOut;
        this.pushWindows = pushWindows;
        this.bus = bus;
        this.policy = policy;
    }

    @Override
    public int deliverDue() {
        List<OutboxEntry> claimed = transactions.inTransaction(
                () -> outbox.claim(policy.batch(), clock.now(), policy.lease()));
        for (OutboxEntry entry : claimed) {
            try {
                handle(entry);
            } catch (RuntimeException unexpected) {
                log.log(System.Logger.Level.WARNING, "Outbox item " + entry.id() + " failed unexpectedly", unexpected);
                retryOrGiveUp(entry, reason(unexpected), Optional.empty());
            }
        }
        return claimed.size();
    }

    private void handle(OutboxEntry entry) {
        OutboxItem item = entry.item();
        if (item instanceof OutboxItem.SendMail mail) {
            send(entry, mail.mail());
        } else if (item instanceof OutboxItem.Push push) {
            push(entry, push);
        } else if (item instanceof OutboxItem.FanOut fan) {
            if (!fanOut.fanOut(entry, fan)) {
                lapsed(entry);
            }
        }
    }

    private void send(OutboxEntry entry, Mail mail) {
        if (!mail.expiresAt().isAfter(clock.now())) {
            finish(entry, OutboxState.DROPPED, "the link expired before the mail could be sent");
            log.log(System.Logger.Level.WARNING, "Dropped outbox item {0} ({1} to {2}): its link expired unsent",
                    entry.id(), kind(mail), mail.to());
            return;
        }
        try {
            mailer.send(mail, "eventa-outbox-" + entry.id());
        } catch (MailNotSent failed) {
            if (failed.retryable()) {
                retryOrGiveUp(entry, failed.getMessage(), failed.retryAfter());
            } else {
                giveUp(entry, failed.getMessage());
            }
            return;
        }
        finish(entry, OutboxState.DELIVERED, null);
    }

    private void push(OutboxEntry entry, OutboxItem.Push push) {
        if (!transactions.inTransaction(() -> fanOut.stillWanted(push))) {
            finish(entry, OutboxState.DROPPED, "the device was unregistered or signed out before the push went");
            return;
        }
        PushOutcome outcome = pushGateway.send(push.message());
        if (outcome instanceof PushOutcome.Sent sent) {
            finish(entry, OutboxState.DELIVERED, sent.messageId());
        } else if (outcome instanceof PushOutcome.TokenGone gone) {
            transactions.run(() -> {
                fanOut.forget(push.message().token());
                if (!outbox.finish(entry, OutboxState.DROPPED, clock.now(), Optional.of(clip("token gone: " + gone.reason())))) {
                    lapsed(entry);
                }
            });
            log.log(System.Logger.Level.INFO, "Forgot push device {0} of user {1}: {2}", push.message().token(),
                    push.user(), gone.reason());
        } else if (outcome instanceof PushOutcome.Retry retry) {
            retryOrGiveUp(entry, retry.reason(), retry.after());
        } else if (outcome instanceof PushOutcome.Failed failed) {
            giveUp(entry, failed.reason());
        }
    }

    private void retryOrGiveUp(OutboxEntry entry, String reason, Optional<Duration> after) {
        if (entry.attempt() >= policy.maxAttempts()) {
            giveUp(entry, "gave up after " + entry.attempt() + " attempts: " + reason);
            return;
        }
        Duration pause = policy.pauseAfter(entry.attempt());
        if (after.isPresent() && after.get().compareTo(pause) > 0) {
            pause = after.get();
        }
        Duration wait = pause;
        boolean recorded = transactions.inTransaction(() -> outbox.retry(entry, clock.now().plus(wait), clip(reason)));
        if (recorded) {
            log.log(System.Logger.Level.WARNING, "Outbox item {0} ({1}) failed on attempt {2}/{3}, retrying in {4} ms: {5}",
                    entry.id(), describe(entry.item()), entry.attempt(), policy.maxAttempts(), wait.toMillis(), clip(reason));
        } else {
            lapsed(entry);
        }
    }

    private void giveUp(OutboxEntry entry, String reason) {
        if (transactions.inTransaction(() -> outbox.finish(entry, OutboxState.DEAD, clock.now(), Optional.of(clip(reason))))) {
            long dead = deadLetters.incrementAndGet();
            log.log(System.Logger.Level.ERROR, "Outbox item {0} ({1}) is a dead letter after attempt {2}: {3} "
                    + "({4} dead letters since start)", entry.id(), describe(entry.item()), entry.attempt(), clip(reason), dead);
        } else {
            lapsed(entry);
        }
    }

    private void finish(OutboxEntry entry, OutboxState state, String note) {
        if (!transactions.inTransaction(() -> outbox.finish(entry, state, clock.now(), Optional.ofNullable(note).map(OutboxDelivering::clip)))) {
            lapsed(entry);
        }
    }

    private static void lapsed(OutboxEntry entry) {
        log.log(System.Logger.Level.WARNING, "The claim on outbox item {0} (attempt {1}) lapsed before its verdict; "
                + "another worker's stands", entry.id(), entry.attempt());
    }

    @Override
    public void awaitWork(Duration longest) throws InterruptedException {
        synchronized (signal) {
            if (listening == null) {
                listening = bus.listen(this);
            }
            long seen = signals;
            long deadline = System.nanoTime() + longest.toNanos();
            while (signals == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                signal.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void heard(ChangeBus.Announcement announcement) {
        if (announcement instanceof ChangeBus.Changed || announcement instanceof ChangeBus.OutboxFilled) {
            wake();
        }
    }

    @Override
    public void resumed() {
        wake();
    }

    private void wake() {
        synchronized (signal) {
            signals++;
            signal.notifyAll();
        }
    }

    @Override
    public OutboxCounts counts() {
        return transactions.inTransaction(outbox::counts);
    }

    @Override
    public int purge() {
        Instant now = clock.now();
        return transactions.inTransaction(() -> outbox.deleteFinishedBefore(now.minus(policy.keepFinished()))
                + pushWindows.deleteOpenedBefore(now.minus(policy.coalescing())));
    }

    /** How many items became dead letters on this instance since it started. */
    long deadLetters() {
        return deadLetters.get();
    }

    private static String describe(OutboxItem item) {
        if (item instanceof OutboxItem.SendMail mail) {
            return kind(mail.mail()) + " to " + mail.mail().to();
        }
        if (item instanceof OutboxItem.Push push) {
            return push.message().kind() + " push to device " + push.message().token() + " of user " + push.user();
        }
        OutboxItem.FanOut fan = (OutboxItem.FanOut) item;
        return "fan-out of " + fan.event() + " seq " + fan.seq();
    }

    private static String kind(Mail mail) {
        return mail instanceof Mail.SignInLink ? "sign-in mail" : "invite mail";
    }

    private static String reason(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static String clip(String reason) {
        String line = String.valueOf(reason).replaceAll("\\s+", " ").strip();
        return line.length() <= LONGEST_REASON ? line : line.substring(0, LONGEST_REASON - 3) + "...";
    }
}
