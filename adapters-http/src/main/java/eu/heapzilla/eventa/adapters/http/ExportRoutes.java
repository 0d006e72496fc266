package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.export.EventDocument;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.ExportEvents;
import eu.heapzilla.eventa.ports.in.PlanEvents.YourEvent;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * A whole event as one document: {@code GET /api/v1/events/{e}/export.json} (any member) answers
 * it as a download, byte for byte the same while the event does not change
 * ({@link EventDocumentJson}); {@code POST /api/v1/events/import} (anyone signed in) starts a new
 * event from such a document and answers 201 with the new event, as {@code GET /events/{e}} would,
 * plus {@code not_imported}: how many receipts (the document has their metadata, not their
 * bytes) and other members (they are invited again) the document had that the new event does
 * not. A document may be larger than other request bodies: up to {@link #MAX_IMPORT_BYTES}.
 */
final class ExportRoutes {

    static final String EXPORT = EventRoutes.EVENT + "/export.json";
    static final String IMPORT = EventRoutes.EVENTS + "/import";
    /** The largest document an import takes (unless the general body limit is larger still). */
    static final long MAX_IMPORT_BYTES = 16L * 1024 * 1024;

    private final ExportEvents exports;
    private final JsonBodies documents;
    private final ObjectMapper mapper;

    /** @param documents reads request bodies of up to {@link #maxImportBytes} */
    ExportRoutes(ExportEvents exports, JsonBodies documents, ObjectMapper mapper) {
        this.exports = exports;
        this.documents = documents;
        this.mapper = mapper;
    }

    /** How large an imported document may be: {@link #MAX_IMPORT_BYTES}, or the general limit when that is larger. */
    static long maxImportBytes(HttpSettings settings) {
        return Math.max(MAX_IMPORT_BYTES, settings.maxBodyBytes());
    }

    void register(JavalinConfig config) {
        config.routes.get(EXPORT, this::export, Access.MEMBER);
        config.routes.post(IMPORT, this::importEvent, Access.SIGNED_IN);
    }

    private void export(Context ctx) {
        EventId event = PathIds.event(ctx);
        byte[] document = EventDocumentJson.write(exports.export(Authentication.userId(ctx), event));
        ctx.status(HttpStatus.OK);
        ctx.contentType("application/json");
        ctx.header("Content-Disposition", "attachment; filename=\"eventa-" + event + ".json\"");
        ctx.result(document);
    }

    private void importEvent(Context ctx) {
        EventDocument document = EventDocumentJson.read(documents.readObject(ctx));
        UserId importer = Authentication.userId(ctx);
        YourEvent created = exports.importEvent(importer, document);
        ObjectNode body = mapper.valueToTree(EventJson.of(created));
        ObjectNode notImported = body.putObject("not_imported");
        notImported.put("receipts", document.receipts().size());
        notImported.put("members", document.members().stream().filter(m -> !m.user().equals(importer)).count());
        ctx.header("Location", EventRoutes.EVENTS + "/" + created.event().id());
        ETags.set(ctx, created.event().version());
        ctx.status(HttpStatus.CREATED).json(body);
    }
}
