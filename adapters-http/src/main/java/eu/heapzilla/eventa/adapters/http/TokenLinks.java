package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.DomainException;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * What the pages behind mailed links ({@code /verify}, {@code /invite}) share: reading the
 * token from the link, and the pages for a link that is cut short or can no longer be used.
 */
final class TokenLinks {

    private TokenLinks() {
    }

    /** The token, or empty when the text is not shaped like one (a link cut short by a mail program). */
    static Optional<Secret> token(String text) {
        try {
            return Optional.of(Secret.parse("token", text));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    static void incomplete(Context ctx, String advice) {
        Html.send(ctx, 400, "Link incomplete", """
                <h1>This link is incomplete</h1>
                <p>%s</p>
                """.formatted(Html.escape(advice)));
    }

    /** 410 with the reason for a used, withdrawn or expired link; 404 for one nobody knows. */
    static void unusable(Context ctx, DomainException e, String what, String advice) {
        int status = "gone".equals(e.errorCode()) ? 410 : 404;
        Html.send(ctx, status, "Link not valid", """
                <h1>This %s can't be used</h1>
                <p>%s</p>
                <p>%s</p>
                """.formatted(Html.escape(what), Html.escape(status == 410 ? e.detail() : "This " + what + " is not known."),
                Html.escape(advice)));
    }
}
