package eu.heapzilla.eventa.domain.error;

import java.util.Map;

/** The thing existed but can no longer be used: a link already used, or expired. */
public final class Gone extends DomainException {

    public Gone(String detail) {
        super("gone", detail, Map.of());
    }
}
