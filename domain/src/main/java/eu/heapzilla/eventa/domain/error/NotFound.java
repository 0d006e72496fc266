package eu.heapzilla.eventa.domain.error;

import java.util.Map;

/** The thing asked for does not exist, or the asker may not know that it does. */
public final class NotFound extends DomainException {

    public NotFound(String what) {
        super("not_found", what + " not found", Map.of());
    }
}
