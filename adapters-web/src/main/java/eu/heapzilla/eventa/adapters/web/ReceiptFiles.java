package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * What the pages need to take receipts in and hand them out: a file's type decided from its
 * first bytes alone (Apache Tika's magic numbers, never the name or the type the browser claims),
 * the name a browser sent, the {@code Content-Disposition} to show one under, its size in words,
 * and the page for an upload the server could not even read.
 */
final class ReceiptFiles {

    /** Shown whenever a file is of a kind receipts cannot be. */
    static final String ONLY_PHOTOS_AND_PDFS = "Only photos (JPEG, PNG, WebP, HEIC) and PDFs can be attached.";
    /** What the file input accepts; the server decides again from the bytes. */
    static final String ACCEPT = "image/jpeg,image/png,image/webp,image/heic,application/pdf";

    /** Tika's built-in types: costly to load, thread-safe to use. */
    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();
    private static final Pattern FORM_ESCAPES = Pattern.compile("%(22|0[dD]|0[aA])");
    /** Oversized uploads are read and dropped up to this much, so that the browser gets to see the page. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private ReceiptFiles() {
    }

    /** How many leading bytes {@link #type} reads, hence the mark limit the stream must allow. */
    static int bytesNeeded() {
        return MAGIC.getMinLength();
    }

    /**
     * The receipt type of the file {@code content} begins, or empty when it is of no receipt type;
     * the stream is left where it was.
     *
     * @param content a stream that supports mark and reset for {@link #bytesNeeded()} bytes
     */
    static Optional<ReceiptType> type(InputStream content) throws IOException {
        if (!content.markSupported()) {
            throw new IllegalArgumentException("detection needs a stream that supports mark and reset");
        }
        // An empty Metadata: no file name and no declared type for Tika to be swayed by.
        return ReceiptType.ofDetected(MAGIC.detect(content, new Metadata()).getBaseType().toString());
    }

    /**
     * A file name as the person's file was called: browsers send {@code "}, CR and LF in a
     * multipart file name as {@code %22}, {@code %0D} and {@code %0A} (WHATWG), and Jetty leaves
     * them so; {@link eu.heapzilla.eventa.domain.budget.ReceiptName} then drops all three.
     */
    static String browserDecoded(String fileName) {
        return FORM_ESCAPES.matcher(fileName).replaceAll(escape -> switch (escape.group().toUpperCase(Locale.ROOT)) {
            case "%22" -> "\"";
            case "%0D" -> "\r";
            default -> "\n";
        });
    }

    /** {@code inline} with an ASCII fallback name and the exact name in RFC 5987 encoding (RFC 6266). */
    static String inline(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';'
                ? (char) c : '_'));
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(fileName);
    }

    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** "820 bytes", "48.2 KB", "3.4 MB", with the reader's decimal sign. */
    static String size(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        NumberFormat one = NumberFormat.getNumberInstance(locale);
        one.setMaximumFractionDigits(1);
        one.setMinimumFractionDigits(bytes < 10 * 1024 ? 1 : 0);
        return bytes < 1024 * 1024 ? one.format(bytes / 1024.0) + " KB" : one.format(bytes / (1024.0 * 1024)) + " MB";
    }

    /** "PDF", "PNG image". */
    static String kind(ReceiptType type) {
        return type == ReceiptType.PDF ? "PDF" : type.name() + " image";
    }

    /** Whether a browser shows the type in an {@code <img>}: HEIC only Safari does, so it is a link like a PDF. */
    static boolean showsAsImage(ReceiptType type) {
        return type == ReceiptType.JPEG || type == ReceiptType.PNG || type == ReceiptType.WEBP;
    }

    /** The whole-megabyte limit in words: "10 MiB". */
    static String limit(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : size(bytes, Locale.UK);
    }

    /**
     * Why the server could not read a multipart body (a file over the limit, too many files, a
     * body cut off), as the page to show. The parser stopped reading, so the rest of the body is
     * read and dropped first (up to a limit), lest closing the connection on unread bytes reset
     * it before the browser reads the page.
     */
    static Refused unreadable(Exception failure, Context ctx, long fileMaxBytes) {
        ctx.header("Connection", "close");
        try (InputStream body = ctx.req().getInputStream()) {
            byte[] buffer = new byte[8192];
            long dropped = 0;
            for (int read; dropped < DRAIN_LIMIT && (read = body.read(buffer)) >= 0; ) {
                dropped += read;
            }
        } catch (IOException | RuntimeException ignored) {
            // the parser failed the stream already, or the browser left: nothing more to read
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            // Jetty's words for a part over maxFileSize, a body over maxRequestSize, too many parts.
            if (message.startsWith("max file size exceeded")) {
                return new Refused(413, "That file is too large", "A receipt can be at most " + limit(fileMaxBytes)
                        + ". Nothing was attached. Go back and choose a smaller file, or a photo taken at a lower resolution.");
            }
            if (message.startsWith("max length exceeded")) {
                return new Refused(413, "That is too much at once", "Nothing was attached. Go back and attach fewer files at a time.");
            }
            if (message.contains("too many keys")) {
                return new Refused(413, "Too many files at once", "An item can have at most " + Receipt.MAX_PER_ITEM
                        + " receipts. Nothing was attached. Go back and choose fewer files.");
            }
        }
        return new Refused(400, "That upload did not arrive whole", "Nothing was attached. Go back and try again.");
    }
}
