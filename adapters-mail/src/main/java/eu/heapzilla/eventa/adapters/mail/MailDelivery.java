package eu.heapzilla.eventa.adapters.mail;

import com.resend.core.net.IHttpClient;
import com.resend.core.net.impl.HttpClient;
import eu.heapzilla.eventa.ports.out.Mailer;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The mail adapter's entry point: {@link #start} picks how mail leaves the server (Resend when
 * there is an API key, the development mailer otherwise). Retrying, and keeping mail safe
 * across restarts, is the outbox's business: the {@link Mailer} handed out makes one attempt
 * per call.
 */
public final class MailDelivery {

    private final Mailer mailer;

    private MailDelivery(Mailer mailer) {
        this.mailer = mailer;
    }

    public static MailDelivery start(MailSettings settings) {
        return start(settings, HttpClient::new);
    }

    /** As {@link #start(MailSettings)}, with Resend reached through {@code resendHttp}, for tests. */
    static MailDelivery start(MailSettings settings, Supplier<? extends IHttpClient<?>> resendHttp) {
        Objects.requireNonNull(settings, "settings");
        MailTemplates templates = new MailTemplates(settings.baseUrl());
        if (settings.resendApiKey().isPresent()) {
            return new MailDelivery(new GuardedMailer(
                    new ResendMailer(settings.resendApiKey().get(), settings.from(), templates, resendHttp.get()),
                    "Resend, from " + settings.from()));
        }
        return new MailDelivery(new GuardedMailer(
                new DevelopmentMailer(settings.developmentMailDir(), settings.from(), templates, Clock.systemUTC()),
                "development mailer: mails are written to " + settings.developmentMailDir() + " (no RESEND_API_KEY)"));
    }

    /** The out-port: one attempt per call, failures as {@link eu.heapzilla.eventa.ports.out.MailNotSent} without secrets. */
    public Mailer mailer() {
        return mailer;
    }

    /** One line for the start-up log: where mail goes. Never shows the API key. */
    public String description() {
        return mailer.description();
    }
}
