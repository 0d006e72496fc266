package eu.heapzilla.eventa.domain.budget;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a receipt may be: photos from a phone and PDFs. The type is decided from
 * the file's bytes, never from what the uploader claims.
 */
public enum ReceiptType {
    JPEG("image/jpeg", "jpg", Set.of("image/jpeg")),
    PNG("image/png", "png", Set.of("image/png")),
    WEBP("image/webp", "webp", Set.of("image/webp")),
    HEIC("image/heic", "heic", Set.of("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence")),
    PDF("application/pdf", "pdf", Set.of("application/pdf"));

    private final String mediaType;
    private final String extension;
    private final Set<String> detectedAs;

    ReceiptType(String mediaType, String extension, Set<String> detectedAs) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.detectedAs = detectedAs;
    }

    /** The media type the file is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The receipt type of a media type detected from a file's bytes; empty when receipts may not be of that type. */
    public static Optional<ReceiptType> ofDetected(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.detectedAs.contains(type)).findFirst();
    }

    /** The media type as stored and on the wire; see {@link #mediaType()}. */
    public static ReceiptType ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(kind -> kind.mediaType.equals(mediaType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a receipt type: " + mediaType));
    }
}
