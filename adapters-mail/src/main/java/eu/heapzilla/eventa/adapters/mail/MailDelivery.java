package eu.heapzilla.eventa.adapters.mail;

import com.resend.core.net.IHttpClient;
import com.resend.core.net.impl.HttpClient;
import eu.heapzilla.eventa.ports.out.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The mail adapter's entry point. {@link #start} picks how mail leaves the server (Resend when
 * there is an API key, the development mailer otherwise) and puts a retrying queue in front of
 * it; {@link #mailer()} is what the core calls; {@link #description()} is for the start-up log;
 * {@link #close()} lets mail under way finish, briefly, when the server stops.
 */
public final class MailDelivery implements AutoCloseable {

    private final RetryingMailer mailer;
    private final String description;

    private MailDelivery(RetryingMailer mailer, String description) {
        this.mailer = mailer;
        this.description = description;
    }

    /** Starts mail delivery as {@code settings} say; the delivery threads start with the first mail. */
    public static MailDelivery start(MailSettings settings) {
        return start(settings, HttpClient::new, RetryingMailer.DEFAULT_BACKOFF, RetryingMailer.DEFAULT_GRACE);
    }

    /** As {@link #start(MailSettings)}, with Resend reached through {@code resendHttp}, for tests. */
    static MailDelivery start(MailSettings settings, Supplier<? extends IHttpClient<?>> resendHttp,
                              List<Duration> backoff, Duration grace) {
        Objects.requireNonNull(settings, "settings");
        MailTemplates templates = new MailTemplates(settings.baseUrl());
        IdempotentMailer transport;
        String description;
        if (settings.resendApiKey().isPresent()) {
            transport = new ResendMailer(settings.resendApiKey().get(), settings.from(), templates, resendHttp.get());
            description = "Resend, from " + settings.from();
        } else {
            transport = new DevelopmentMailer(settings.developmentMailDir(), settings.from(), templates, Clock.systemUTC());
            description = "development mailer: mails are written to " + settings.developmentMailDir()
                    + " (no RESEND_API_KEY)";
        }
        return new MailDelivery(new RetryingMailer(transport, backoff, RetryingMailer.DEFAULT_CAPACITY, grace), description);
    }

    /**
     * The out-port. {@code send} returns as soon as the mail is queued; it throws a retryable
     * {@link eu.heapzilla.eventa.ports.out.MailNotSent} when the queue is full or delivery has stopped.
     */
    public Mailer mailer() {
        return mailer;
    }

    /** One line for the start-up log: where mail goes. Never shows the API key. */
    public String description() {
        return description;
    }

    /**
     * Stops accepting mail, gives deliveries under way about five seconds to finish, and logs
     * each mail it leaves undelivered. Safe to call more than once.
     */
    @Override
    public void close() {
        mailer.close();
    }
}
