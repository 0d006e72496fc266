package eu.heapzilla.eventa.adapters.http;

import io.javalin.http.Context;

/**
 * The version a DELETE was based on: {@code ?version=N} or {@code If-Match: "N"} (the ETag a
 * GET returned). A delete without one is refused, so nobody deletes what they have not seen.
 */
final class BasedOn {

    private static final String FIELD = "version";

    private BasedOn() {
    }

    static long delete(Context ctx) {
        String query = ctx.queryParam(FIELD);
        String ifMatch = ctx.header("If-Match");
        Long fromQuery = query == null ? null : parse(query);
        Long fromHeader = ifMatch == null ? null : parse(unquote(ifMatch.strip()));
        if (fromQuery == null && fromHeader == null) {
            throw new BadRequestBody(FIELD, "say which version you are deleting: ?version=N or If-Match: \"N\"");
        }
        if (fromQuery != null && fromHeader != null && !fromQuery.equals(fromHeader)) {
            throw new BadRequestBody(FIELD, "?version and If-Match name different versions");
        }
        return fromQuery != null ? fromQuery : fromHeader;
    }

    private static String unquote(String etag) {
        if (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        throw new BadRequestBody(FIELD, "If-Match must be a version in quotes, as in the ETag: \"7\"");
    }

    private static long parse(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new BadRequestBody(FIELD, "version must be a whole number");
        }
        return Long.parseLong(text);
    }
}
