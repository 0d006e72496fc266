package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.export.EventDocument;

/** The export document as {@code GET …/export.json} answers it, for whoever writes it elsewhere (the command line). */
public final class ExportDocuments {

    private ExportDocuments() {
    }

    /** The exact bytes the export route sends for {@code document}. */
    public static byte[] json(EventDocument document) {
        return EventDocumentJson.write(document);
    }
}
