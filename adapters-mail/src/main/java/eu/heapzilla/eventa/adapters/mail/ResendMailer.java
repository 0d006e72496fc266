package eu.heapzilla.eventa.adapters.mail;

import com.resend.core.exception.ResendException;
import com.resend.core.mapper.ResendMapper;
import com.resend.core.net.AbstractHttpResponse;
import com.resend.core.net.HttpMethod;
import com.resend.core.net.IHttpClient;
import com.resend.core.net.RequestOptions;
import com.resend.services.emails.model.CreateEmailOptions;
import com.resend.services.emails.model.CreateEmailResponse;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import java.util.Objects;
import okhttp3.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at sending a mail through Resend, with the Resend Java SDK.
 *
 * <p>The SDK's {@code Emails} service creates its own {@link IHttpClient} and offers no way to
 * pass another, nor a base URL. So this class does what {@code Emails.send} does, with the SDK's
 * own parts: {@link CreateEmailOptions} and {@link ResendMapper} write the JSON, an
 * {@link IHttpClient} performs {@code POST /emails} with a {@link RequestOptions} idempotency key,
 * {@link ResendException} reads an error answer. In production the client is the SDK's
 * {@code com.resend.core.net.impl.HttpClient}, which builds the request, its URL and its headers
 * ({@code Authorization: Bearer}, {@code Idempotency-Key}, {@code User-Agent}); tests pass that
 * same client aimed at a local fake Resend.
 *
 * <p>Failures become {@link MailNotSent}: an unreachable Resend, 408, 429, 5xx and a 409 for a
 * concurrent request with the same key may pass if tried again; any other answer (a bad key, an
 * unverified sender domain, a rejected address) will not.
 */
final class ResendMailer implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger("eventa.mail");
    private static final String EMAILS = "/emails";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int LONGEST_REASON = 300;

    private final String apiKey;
    private final String from;
    private final MailTemplates templates;
    private final IHttpClient<?> http;
    private final ResendMapper json = new ResendMapper();

    ResendMailer(String apiKey, String from, MailTemplates templates, IHttpClient<?> http) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.from = Objects.requireNonNull(from, "from");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public void send(Mail mail, String deliveryId) {
        RenderedMail rendered = templates.render(mail);
        String body = json.writeValue(CreateEmailOptions.builder()
                .from(from)
                .to(rendered.to().value())
                .subject(rendered.subject())
                .html(rendered.html())
                .text(rendered.text())
                .build());
        if (body == null) {
            throw new MailNotSent("could not write the " + MailTemplates.describe(mail) + " as JSON", false, null);
        }
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey(mail, deliveryId)).build();

        AbstractHttpResponse<?> response;
        try {
            response = http.perform(EMAILS, apiKey, HttpMethod.POST, body, JSON, options);
        } catch (RuntimeException unreachable) {
            // The SDK's client wraps an IOException (refused, reset, timed out) in a RuntimeException.
            throw new MailNotSent("Resend could not be reached: " + causes(unreachable), true, unreachable);
        }
        String answer = response.getBody() instanceof String text ? text : "";
        if (!response.isSuccessful()) {
            throw refused(response.getCode(), answer);
        }
        String id = emailId(answer);
        log.atInfo()
                .addKeyValue("mail_kind", MailTemplates.kind(mail))
                .addKeyValue("resend_id", id)
                .log("Resend accepted the {} (id {})", MailTemplates.describe(mail), id);
    }

    /** Resend keeps a key for 24 hours; every retry of one delivery repeats it. */
    static String idempotencyKey(Mail mail, String deliveryId) {
        return "eventa/" + MailTemplates.kind(mail) + "/" + deliveryId;
    }

    private static MailNotSent refused(int status, String answer) {
        ResendException error = new ResendException(status, answer);
        String name = error.getErrorName();
        boolean retryable = status == 408 || status == 429 || status >= 500
                || (status == 409 && "concurrent_idempotent_requests".equals(name));
        String message = "Resend answered " + status
                + (name == null || name.isBlank() ? "" : " " + name)
                + ": " + shortened(error.getMessage());
        return new MailNotSent(message, retryable, error);
    }

    private String emailId(String answer) {
        if (!answer.startsWith("{")) {
            return "unknown";
        }
        CreateEmailResponse created = json.readValue(answer, CreateEmailResponse.class);
        return created == null || created.getId() == null ? "unknown" : created.getId();
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < LONGEST_REASON; t = t.getCause()) {
            if (t.getCause() != null && t.getMessage() != null && t.getMessage().equals(t.getCause().toString())) {
                continue; // a wrapper that only repeats its cause
            }
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return shortened(text.toString());
    }

    private static String shortened(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= LONGEST_REASON ? oneLine : oneLine.substring(0, LONGEST_REASON) + "...";
    }
}
