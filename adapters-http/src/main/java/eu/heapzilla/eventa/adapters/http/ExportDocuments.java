package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.export.EventDocument;
import java.io.IOException;

/** The export document as {@code GET …/export.json} answers it, for whoever writes it elsewhere (the command line). */
public final class ExportDocuments {

    private ExportDocuments() {
    }

    /**
     * The document in an export file, read as {@code POST /events/import} reads it.
     *
     * @throws InvalidValue naming what is wrong when the bytes are not an export document
     */
    public static EventDocument read(byte[] file) {
        try {
            if (!(Json.mapper().readTree(file) instanceof ObjectNode body)) {
                throw new InvalidValue("file", "the file is not an eventa export: it holds no JSON object");
            }
            return EventDocumentJson.read(body);
        } catch (IOException e) {
            throw new InvalidValue("file", "the file is not an eventa export: it is not valid JSON");
        } catch (BadRequestBody e) {
            throw new InvalidValue("file", "the file is not an eventa export: " + e.getMessage());
        }
    }

    /** The exact bytes the export route sends for {@code document}. */
    public static byte[] json(EventDocument document) {
        return EventDocumentJson.write(document);
    }
}
