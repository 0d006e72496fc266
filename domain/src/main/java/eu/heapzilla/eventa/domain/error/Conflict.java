package eu.heapzilla.eventa.domain.error;

import java.util.Map;

/**
 * The request is well-formed but the current state does not allow it, e.g. removing the
 * last owner of an event. {@link #errorCode()} names which rule said no.
 */
public final class Conflict extends DomainException {

    public Conflict(String errorCode, String detail) {
        super(errorCode, detail, Map.of());
    }
}
