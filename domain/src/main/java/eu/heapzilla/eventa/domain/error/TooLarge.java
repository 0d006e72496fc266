package eu.heapzilla.eventa.domain.error;

import java.util.Map;

/** Something sent is bigger than allowed, e.g. an uploaded file; {@code info.limit_bytes} says how big it may be. */
public final class TooLarge extends DomainException {

    public TooLarge(String detail, long limitBytes) {
        super("too_large", detail, Map.of("limit_bytes", limitBytes));
    }
}
