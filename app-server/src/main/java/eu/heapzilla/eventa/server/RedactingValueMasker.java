package eu.heapzilla.eventa.server;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.ValueMasker;

/** Every string value of a JSON log line (message, stack trace, MDC, key-values) through {@link SecretRedaction}. */
public final class RedactingValueMasker implements ValueMasker {

    @Override
    public Object mask(JsonStreamContext context, Object value) {
        if (value instanceof CharSequence text) {
            String original = text.toString();
            String redacted = SecretRedaction.redact(original);
            return redacted.equals(original) ? null : redacted;
        }
        return null;
    }
}
