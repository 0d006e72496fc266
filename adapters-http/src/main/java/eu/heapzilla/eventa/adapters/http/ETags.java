package eu.heapzilla.eventa.adapters.http;

import io.javalin.http.Context;

/** A versioned resource's ETag is its version in quotes: {@code "7"}. */
final class ETags {

    private ETags() {
    }

    static void set(Context ctx, long version) {
        ctx.header("ETag", of(version));
    }

    /** Whether the request's {@code If-None-Match} already names this version. */
    static boolean matches(Context ctx, long version) {
        String header = ctx.header("If-None-Match");
        if (header == null) {
            return false;
        }
        String etag = of(version);
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                set(ctx, version);
                return true;
            }
        }
        return false;
    }

    private static String of(long version) {
        return "\"" + version + "\"";
    }
}
