package eu.heapzilla.eventa.domain.error;

import java.util.Map;

/** The request does not carry a bearer that is valid now. */
public final class Unauthenticated extends DomainException {

    public Unauthenticated(String detail) {
        super("auth_error", detail, Map.of());
    }
}
