package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.TrackBudget;
import eu.heapzilla.eventa.ports.in.TrackBudget.ReceiptFile;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Receipts of budget items: {@code POST …/budget-items/{b}/receipts} uploads one or more files,
 * {@code GET /events/{e}/receipts/{r}} streams one back (whole or one byte range), {@code DELETE} removes it.
 *
 * <p>An upload is {@code multipart/form-data} (else 415) in which every part is a file: any part
 * name will do ({@code file} or {@code files} are usual), but a part without a file name (a plain
 * form field) is refused with 400 naming it, and a request without any file is 400 with
 * {@code info.field = files}. All files are kept or none: each must be a JPEG, PNG, WebP, HEIC or
 * PDF judged by its bytes alone (415 {@code unsupported_media_type} otherwise), at most
 * {@link HttpSettings#fileMaxBytes()} bytes (413 {@code too_large}), and the item may hold at most
 * {@link Receipt#MAX_PER_ITEM} receipts (409 {@code limit_reached}). The answer is 201
 * {@code {"receipts": […]}}. Who may upload, and whether the item exists, is checked before the
 * body is read, so a viewer or a stranger cannot make the server spool files (the use case checks
 * again when it stores them). See {@link ReceiptUploads} for how the body is parsed.
 */
final class ReceiptRoutes {

    static final String UPLOAD = BudgetRoutes.ITEM + "/receipts";
    static final String RECEIPT = EventRoutes.EVENT + "/receipts/{" + PathIds.RECEIPT + "}";
    /** {@link #UPLOAD} as a pattern over request paths, with or without a trailing slash. */
    private static final Pattern UPLOAD_PATH = Pattern.compile(Arrays.stream(UPLOAD.split("/"))
            .map(segment -> segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment))
            .collect(Collectors.joining("/")) + "/?");

    private final TrackBudget budget;
    private final ReceiptUploads uploads;

    ReceiptRoutes(TrackBudget budget, ReceiptUploads uploads) {
        this.budget = budget;
        this.uploads = uploads;
    }

    void register(JavalinConfig config) {
        config.routes.post(UPLOAD, this::upload, Access.EDITOR);
        config.routes.get(RECEIPT, this::download, Access.MEMBER);
        config.routes.delete(RECEIPT, this::delete, Access.EDITOR);
    }

    /** Whether the request is a receipt upload, whose body has a limit of its own. */
    static boolean isUpload(Context ctx) {
        return "POST".equals(ctx.method().name()) && UPLOAD_PATH.matcher(ctx.path()).matches();
    }

    private void upload(Context ctx) {
        UserId editor = Authentication.userId(ctx);
        EventId event = PathIds.event(ctx);
        BudgetItemId item = PathIds.budgetItem(ctx);
        budget.checkMayAttach(editor, event, item);
        List<Receipt> added;
        try (ReceiptUploads.Batch batch = uploads.read(ctx)) {
            added = budget.attachReceipts(editor, event, item, batch.uploads());
        }
        ctx.status(HttpStatus.CREATED).json(Map.of("receipts", added.stream().map(ReceiptJson::of).toList()));
    }

    /**
     * The file as stored, never packed: its exact length, a strong ETag (its SHA-256), and one
     * byte range when asked ({@link ByteRange}), so a phone can resume a large PDF. It is written
     * to the servlet's own stream, past Javalin's compressor, which would pack a PDF under a
     * {@code Content-Length} of the unpacked bytes. HEAD gets the same headers without reading the file.
     */
    private void download(Context ctx) throws Exception {
        ReceiptFile file = budget.receipt(Authentication.userId(ctx), PathIds.event(ctx), PathIds.receipt(ctx));
        Receipt receipt = file.receipt();
        long size = receipt.sizeBytes();
        String etag = "\"" + receipt.sha256() + "\"";
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("ETag", etag);
        Optional<ByteRange> range = ByteRange.requested(ctx.header("Range"), ctx.header("If-Range"), etag, size);
        if (range.isPresent() && range.get().unsatisfiable()) {
            ctx.header("Content-Range", "bytes */" + size);
            ErrorResponses.send(ctx, HttpStatus.RANGE_NOT_SATISFIABLE.getCode(), ApiError.of("range_not_satisfiable",
                    "the receipt has " + size + " bytes; the range asked for starts beyond them"));
            return;
        }
        fileHeaders(ctx, receipt);
        if (range.isPresent()) {
            ctx.status(HttpStatus.PARTIAL_CONTENT);
            ctx.header("Content-Range", range.get().contentRange(size));
        } else {
            ctx.status(HttpStatus.OK);
        }
        ctx.res().setContentLengthLong(range.map(ByteRange::length).orElse(size));
        if (ctx.method() != HandlerType.HEAD) {
            OutputStream out = ctx.res().getOutputStream();
            file.content().writeTo(range.isPresent() ? new RangeOutputStream(out, range.get()) : out);
        }
    }

    private static void fileHeaders(Context ctx, Receipt receipt) {
        ctx.res().setCharacterEncoding(null); // bytes, not text: no "; charset=" after the type
        ctx.contentType(receipt.type().mediaType());
        ctx.header("Content-Disposition", ContentDisposition.attachment(receipt.fileName().value()));
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    private void delete(Context ctx) {
        budget.deleteReceipt(Authentication.userId(ctx), PathIds.event(ctx), PathIds.receipt(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** A receipt's metadata on the wire, with where to fetch its bytes. */
    record ReceiptJson(String id, String budgetItemId, String fileName, String mediaType, long sizeBytes,
                       String sha256, String href, Instant createdAt, String createdBy) {

        static ReceiptJson of(Receipt receipt) {
            return new ReceiptJson(receipt.id().toString(), receipt.budgetItem().toString(), receipt.fileName().value(),
                    receipt.type().mediaType(), receipt.sizeBytes(), receipt.sha256(),
                    PathIds.inEvent(RECEIPT, receipt.event()).replace("{" + PathIds.RECEIPT + "}", receipt.id().toString()),
                    receipt.createdAt(), receipt.createdBy().toString());
        }
    }

    /** {@code Content-Disposition} for a file name that may hold anything a person typed. */
    static final class ContentDisposition {

        private ContentDisposition() {
        }

        /** An ASCII fallback name and the exact name in RFC 5987 encoding. */
        static String attachment(String fileName) {
            StringBuilder ascii = new StringBuilder();
            fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';'
                    ? (char) c : '_'));
            return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(fileName);
        }

        private static String percentEncode(String text) {
            StringBuilder out = new StringBuilder();
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                    out.append((char) c);
                } else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
            return out.toString();
        }
    }
}
