package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.export.EventDocument;
import eu.heapzilla.eventa.ports.in.PlanEvents;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Taking an event out as one file (its export, the same JSON as the API's) and starting a new
 * event from such a file. Registered before the event pages: {@code /events/import} must not be
 * read as the event {@code import}.
 */
final class TransferPages {

    /** The largest file the import page takes. */
    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    private final WebApp app;

    TransferPages(WebApp app) {
        this.app = app;
    }

    void register() {
        app.get("/events/import", visit -> {
            visit.user();
            show(visit, 200, Optional.empty());
        });
        app.post("/events/import", this::importFile);
        app.get("/events/{e}/export.json", this::export);
    }

    private void export(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        byte[] file = app.files().write(app.ports().exportEvents().export(open.user(), open.id()));
        visit.ctx.status(200).contentType("application/json")
                .header("Content-Disposition", "attachment; filename=\"eventa-" + slug(open.event().brief().title()) + ".json\"")
                .result(file);
    }

    private void show(Visit visit, int status, Optional<String> error) {
        visit.render(status, "import.jte", new ImportView(visit.chrome("Import an event"), error, MAX_IMPORT_BYTES / (1024 * 1024)));
    }

    private void importFile(Visit visit) {
        visit.user(); // signed in, before the upload is read
        UploadedFile file = visit.ctx.uploadedFile("file");
        if (file == null || (file.size() == 0 && file.filename().isBlank())) {
            show(visit, 400, Optional.of("Choose the export file to import: a .json file downloaded from an event's brief."));
            return;
        }
        if (file.size() > MAX_IMPORT_BYTES) {
            show(visit, 413, Optional.of(tooLarge()));
            return;
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an uploaded export", e);
        }
        if (bytes.length > MAX_IMPORT_BYTES) {
            show(visit, 413, Optional.of(tooLarge()));
            return;
        }
        EventDocument document;
        PlanEvents.YourEvent created;
        try {
            document = app.files().read(bytes);
            created = app.ports().exportEvents().importEvent(visit.user(), document);
        } catch (InvalidValue e) {
            show(visit, 400, Optional.of("\u201c" + file.filename() + "\u201d can't be imported: " + e.detail() + ". Nothing was created."));
            return;
        }
        visit.redirect("/events/" + created.event().id() + "?notice=" + Visit.encode(notice(visit, document)));
    }

    private static String notice(Visit visit, EventDocument document) {
        long others = document.members().stream().filter(m -> !m.user().equals(visit.user())).count();
        int receipts = document.receipts().size();
        StringBuilder notice = new StringBuilder("Imported \u201c" + document.brief().title() + "\u201d: you are its owner.");
        notice.append(" Not imported: the receipts' files");
        if (receipts > 0) {
            notice.append(" (").append(Formats.count(receipts, "receipt", "receipts")).append(": upload them again in the budget)");
        }
        notice.append(" and the other members");
        if (others > 0) {
            notice.append(" (").append(Formats.count(others, "person", "people")).append(": invite them again from People)");
        }
        return notice.append('.').toString();
    }

    private static String tooLarge() {
        return "This file is larger than " + MAX_IMPORT_BYTES / (1024 * 1024) + " MiB, so it is not an export from eventa."
                + " Nothing was created.";
    }

    /** A file name's part from a title: lower case ASCII letters and digits joined by dashes. */
    static String slug(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (plain.length() > 60) {
            plain = plain.substring(0, 60).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? "event" : plain;
    }

    record ImportView(Chrome chrome, Optional<String> error, int maxMiB) {
    }
}
