package eu.heapzilla.eventa.domain.error;

import java.util.Map;

/** Something the request needs outside the server (the mail provider, say) cannot take it now. */
public final class Unavailable extends DomainException {

    public Unavailable(String detail) {
        super("unavailable", detail, Map.of());
    }
}
