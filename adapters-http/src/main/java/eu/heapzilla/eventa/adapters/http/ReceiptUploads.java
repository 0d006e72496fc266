package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.TooLarge;
import eu.heapzilla.eventa.domain.error.UnsupportedMediaType;
import eu.heapzilla.eventa.ports.in.TrackBudget.Upload;
import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@code multipart/form-data} request into receipt {@link Upload}s without ever holding
 * a whole file in memory.
 *
 * <p>Jetty parses the body: a part stays in memory up to {@link #MEMORY_THRESHOLD} bytes and is
 * spooled to a file in {@link #spool()} beyond that; a part larger than the file limit, or a
 * body larger than {@link HttpSettings#maxUploadBytes()}, stops the parse at that point (413),
 * and so does a part beyond the {@link #MAX_PARTS}th (409 {@code limit_reached}).
 * Every part that carries a file name is a file, whatever the part is called; a part without
 * one (a plain form field) is refused, so a client that sends something else than files learns
 * it. Each file's type is then decided from its first bytes ({@link FileTypes}), all files
 * before any is stored, and each file's stream counts its bytes and stops past the limit
 * ({@link CountingInputStream}). {@link Batch#close()} closes the streams and deletes the
 * spooled files (Jetty deletes them at the end of the request too).
 */
final class ReceiptUploads {

    /** The request attribute Jetty reads its multipart limits from. */
    static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    /** Parts up to this size stay in memory; larger ones are written to the spool directory. */
    static final int MEMORY_THRESHOLD = 64 * 1024;
    /**
     * The most parts Jetty parses in one request (it counts them as form keys, server-wide):
     * enough for every receipt an item may have and then some, and few enough that parts just
     * under {@link #MEMORY_THRESHOLD} cannot add up to much memory (at most 30 × 64 KiB).
     */
    static final int MAX_PARTS = 3 * Receipt.MAX_PER_ITEM;
    private static final String FORM_DATA = "multipart/form-data";
    private static final Pattern FORM_ESCAPES = Pattern.compile("%(22|0[dD]|0[aA])");
    private static final Logger log = LoggerFactory.getLogger(ReceiptUploads.class);

    private final long fileMaxBytes;
    private final long maxUploadBytes;
    private final Path spool;
    private final MultipartConfigElement multipart;

    private ReceiptUploads(HttpSettings settings, Path spool) {
        this.fileMaxBytes = settings.fileMaxBytes();
        this.maxUploadBytes = settings.maxUploadBytes();
        this.spool = spool;
        this.multipart = new MultipartConfigElement(spool.toString(), fileMaxBytes, maxUploadBytes, MEMORY_THRESHOLD);
    }

    /** Uploads limited by {@code settings}, spooled to a fresh directory of their own. */
    static ReceiptUploads create(HttpSettings settings) {
        try {
            return new ReceiptUploads(settings, Files.createTempDirectory("eventa-uploads-"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for uploads in progress", e);
        }
    }

    /** Where parts above {@link #MEMORY_THRESHOLD} are written while a request runs. */
    Path spool() {
        return spool;
    }

    /** The same limits for Javalin's own {@code ctx.uploadedFiles()}, should any route use it. */
    void configure(MultipartConfig config) {
        config.cacheDirectory(spool.toString());
        config.maxFileSize(fileMaxBytes, SizeUnit.BYTES);
        config.maxTotalRequestSize(maxUploadBytes, SizeUnit.BYTES);
        config.maxInMemoryFileSize(MEMORY_THRESHOLD, SizeUnit.BYTES);
    }

    /**
     * The files of the request, typed from their bytes and ready to be stored; close the batch
     * when done with it.
     *
     * @throws UnsupportedMediaType when the request is not multipart/form-data or a file is of no receipt type
     * @throws TooLarge             when a file or the whole body is over its limit
     * @throws BadRequestBody       when the body is no valid multipart, carries a form field, or no file
     */
    Batch read(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM_DATA)) {
            throw new UnsupportedMediaType("receipts are uploaded as " + FORM_DATA + ", one part per file",
                    List.of(FORM_DATA));
        }
        Batch batch = new Batch(parts(ctx));
        try {
            batch.open();
            return batch;
        } catch (RuntimeException | IOException e) {
            batch.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("could not read an uploaded file", io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Best effort: removes the spool directory with anything left in it (when the server stops). */
    void deleteSpool() {
        try (Stream<Path> left = Files.list(spool)) {
            left.forEach(ReceiptUploads::deleteQuietly);
        } catch (IOException e) {
            // gone already, or unreadable: nothing more to do
        }
        deleteQuietly(spool);
    }

    private List<Part> parts(Context ctx) {
        try {
            Files.createDirectories(spool); // in case a tmp cleaner removed it while the server ran
            ctx.req().setAttribute(MULTIPART_CONFIG, multipart);
            Collection<Part> parts = ctx.req().getParts();
            return List.copyOf(parts);
        } catch (ServletException | IOException | IllegalStateException e) {
            throw refusal(e, ctx);
        }
    }

    /**
     * Why Jetty could not parse the body, as the error the client gets. Jetty closes the
     * connection after a failed parse (the rest of the body is unread) without saying so; the
     * header says so, lest the client send its next request down a closed connection.
     */
    private RuntimeException refusal(Exception e, Context ctx) {
        ctx.header("Connection", "close");
        var slow = BodyTooSlow.in(e);
        if (slow.isPresent()) {
            return slow.get();
        }
        dropRestOfBody(ctx);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            // Jetty's words for a part over maxFileSize, a body over maxRequestSize, too many parts.
            if (message.startsWith("max file size exceeded")) {
                return new TooLarge("a file is larger than " + fileMaxBytes + " bytes", fileMaxBytes);
            }
            if (message.startsWith("max length exceeded")) {
                return tooLargeBody();
            }
            if (message.contains("too many keys")) {
                return new Conflict("limit_reached", "an upload may carry at most " + Receipt.MAX_PER_ITEM + " files",
                        Map.of("limit", Receipt.MAX_PER_ITEM));
            }
        }
        if (ctx.req().getContentLengthLong() > maxUploadBytes) {
            return tooLargeBody();
        }
        log.debug("unreadable multipart body", e);
        return new BadRequestBody("", "request body is not valid " + FORM_DATA
                + (e instanceof IOException ? " or was cut off" : ""));
    }

    /**
     * Reads and drops what the client still sends after a refused parse (up to
     * {@link HttpServer#DRAIN_LIMIT}), so that closing the connection does not reset it before the
     * client reads the answer. Nothing is kept; a stream Jetty has already given up is left alone.
     */
    private static void dropRestOfBody(Context ctx) {
        try (InputStream body = ctx.req().getInputStream()) {
            byte[] buffer = new byte[8192];
            long dropped = 0;
            for (int read; dropped < HttpServer.DRAIN_LIMIT && (read = body.read(buffer)) >= 0; ) {
                dropped += read;
            }
        } catch (IOException | RuntimeException ignored) {
            // the parser failed the stream already, or the client left: nothing more to read
        }
    }

    private TooLarge tooLargeBody() {
        return new TooLarge("an upload may carry at most " + maxUploadBytes + " bytes", maxUploadBytes);
    }

    /**
     * A file name as the person's file was called: browsers send {@code "}, CR and LF in a
     * multipart file name as {@code %22}, {@code %0D} and {@code %0A} (WHATWG), and Jetty leaves
     * them so. ({@link eu.heapzilla.eventa.domain.budget.ReceiptName} drops all three again; this
     * keeps them from showing up as percent codes.)
     */
    static String browserDecoded(String fileName) {
        return FORM_ESCAPES.matcher(fileName).replaceAll(escape -> switch (escape.group().toUpperCase(Locale.ROOT)) {
            case "%22" -> "\"";
            case "%0D" -> "\r";
            default -> "\n";
        });
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not delete {}", path, e);
        }
    }

    /** The files of one request, open for reading; closing deletes what Jetty spooled. */
    final class Batch implements Closeable {

        private final List<Part> parts;
        private final List<Part> files = new ArrayList<>();
        private final List<InputStream> streams = new ArrayList<>();
        private final List<Upload> uploads = new ArrayList<>();

        private Batch(List<Part> parts) {
            this.parts = parts;
        }

        List<Upload> uploads() {
            return List.copyOf(uploads);
        }

        private void open() throws IOException {
            for (Part part : parts) {
                String fileName = part.getSubmittedFileName();
                if (fileName == null) {
                    String field = part.getName() == null ? "" : part.getName();
                    throw new BadRequestBody(field, "part '" + field + "' is not a file: send each receipt as a"
                            + " file part (with a filename in its Content-Disposition) and nothing else");
                }
                if (fileName.isEmpty() && part.getSize() == 0) {
                    continue; // what an HTML form sends for a file input left empty
                }
                files.add(part);
            }
            if (files.isEmpty()) {
                throw new BadRequestBody("files", "send at least one file, as a multipart file part");
            }
            for (int i = 0; i < files.size(); i++) {
                Part part = files.get(i);
                String which = "file " + (i + 1) + " of " + files.size();
                if (part.getSize() > fileMaxBytes) {
                    throw new TooLarge(which + " is larger than " + fileMaxBytes + " bytes", fileMaxBytes);
                }
                if (part.getSize() == 0) {
                    throw new BadRequestBody("files", which + " is empty");
                }
                InputStream raw = part.getInputStream();
                streams.add(raw);
                BufferedInputStream content = new BufferedInputStream(new CountingInputStream(raw, fileMaxBytes),
                        FileTypes.bytesNeeded());
                ReceiptType type = FileTypes.detect(content, which);
                uploads.add(new Upload(browserDecoded(part.getSubmittedFileName()), type, content));
            }
        }

        @Override
        public void close() {
            for (InputStream stream : streams) {
                try {
                    stream.close();
                } catch (IOException e) {
                    log.debug("could not close an uploaded part", e);
                }
            }
            for (Part part : parts) {
                try {
                    part.delete();
                } catch (IOException | RuntimeException e) {
                    log.warn("could not delete the spooled part '{}'", part.getName(), e);
                }
            }
        }
    }
}
