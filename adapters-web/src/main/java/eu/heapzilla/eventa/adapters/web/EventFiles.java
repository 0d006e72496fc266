package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.export.EventDocument;

/**
 * The export file's format, the same bytes as the JSON API's {@code export.json}: handed in by
 * whoever wires the server, so that there is one writer and one reader of the format.
 */
public interface EventFiles {

    byte[] write(EventDocument document);

    /** @throws eu.heapzilla.eventa.domain.error.InvalidValue when the bytes are not an export document */
    EventDocument read(byte[] file);
}
