package eu.heapzilla.eventa.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** A versioned resource's ETag is its version in quotes: {@code "7"}. */
final class ETags {

    private ETags() {
    }

    static void set(Context ctx, long version) {
        ctx.header("ETag", of(version));
    }

    /**
     * Answers 304 Not Modified (with the ETag) when the request's {@code If-None-Match} already
     * names this version, and says whether it did; the caller sends the body otherwise.
     */
    static boolean notModified(Context ctx, long version) {
        String header = ctx.header("If-None-Match");
        if (header == null) {
            return false;
        }
        String etag = of(version);
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                set(ctx, version);
                ctx.status(HttpStatus.NOT_MODIFIED);
                return true;
            }
        }
        return false;
    }

    private static String of(long version) {
        return "\"" + version + "\"";
    }
}
