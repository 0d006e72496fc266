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

    public Conflict(String errorCode, String detail, Map<String, Object> info) {
        super(errorCode, detail, info);
    }

    /** A per-event limit is reached, e.g. the number of guests; {@code info.limit} says how many. */
    public static Conflict limitReached(String what, int limit) {
        return new Conflict("limit_reached", "an event can have at most " + limit + " " + what, Map.of("limit", limit));
    }
}
