package eu.heapzilla.eventa.domain.error;

import java.util.List;
import java.util.Map;

/** A file is of a kind that is not accepted here; {@code info.allowed} lists the kinds that are. */
public final class UnsupportedMediaType extends DomainException {

    public UnsupportedMediaType(String detail, List<String> allowed) {
        super("unsupported_media_type", detail, Map.of("allowed", List.copyOf(allowed)));
    }
}
