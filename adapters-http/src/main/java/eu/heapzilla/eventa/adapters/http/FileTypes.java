package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.budget.ReceiptType;
import eu.heapzilla.eventa.domain.error.UnsupportedMediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides what kind of file a receipt is from its first bytes alone, with Apache Tika's
 * magic-number detector ({@code tika-core}). The uploader's file name and declared content type
 * are never consulted: an executable called {@code photo.jpg} and sent as {@code image/jpeg} is
 * still an executable. Tika core recognises every {@link ReceiptType} this way (JPEG
 * {@code FF D8 FF}, PNG {@code 89 50 4E 47}, WebP {@code RIFF....WEBP}, HEIC/HEIF
 * {@code ....ftypheic}/{@code ftypmif1}…, PDF {@code %PDF-}), so no detector of our own is needed.
 */
final class FileTypes {

    /** Tika's built-in types; loading them is costly, using them is thread-safe. */
    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();
    /** The media types receipts may have, for the 415 answer. */
    static final List<String> ALLOWED = Arrays.stream(ReceiptType.values()).map(ReceiptType::mediaType).toList();

    private FileTypes() {
    }

    /** How many leading bytes detection may read, hence the mark limit the stream must allow. */
    static int bytesNeeded() {
        return MAGIC.getMinLength();
    }

    /**
     * The receipt type of the file {@code content} begins; the stream is left where it was.
     *
     * @param content a stream that supports mark and reset for {@link #bytesNeeded()} bytes
     * @param which   names the file in the refusal, e.g. "file 2 of 3"
     * @throws UnsupportedMediaType when the bytes are of no receipt type
     */
    static ReceiptType detect(InputStream content, String which) throws IOException {
        if (!content.markSupported()) {
            throw new IllegalArgumentException("detection needs a stream that supports mark and reset");
        }
        // An empty Metadata: no resource name and no declared type for Tika to be swayed by.
        MediaType detected = MAGIC.detect(content, new Metadata());
        String type = detected.getBaseType().toString();
        return ReceiptType.ofDetected(type).orElseThrow(() -> new UnsupportedMediaType(
                which + " is not a receipt: its bytes are " + type + ", and receipts must be one of "
                        + String.join(", ", ALLOWED), ALLOWED));
    }
}
