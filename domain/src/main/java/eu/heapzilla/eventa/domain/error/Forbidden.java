package eu.heapzilla.eventa.domain.error;

import java.util.Map;

/** The asker is known and may see the thing, but may not do this to it. */
public final class Forbidden extends DomainException {

    public Forbidden(String detail) {
        super("forbidden", detail, Map.of());
    }
}
