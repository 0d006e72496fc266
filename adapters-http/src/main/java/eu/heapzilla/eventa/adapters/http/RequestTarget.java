package eu.heapzilla.eventa.adapters.http;

import io.javalin.http.Context;

/**
 * The request target's syntax, checked once for every request before any route reads it: a
 * {@code %} in the path or the query must start an escape of two hex digits (RFC 3986 §2.1).
 * Jetty refuses most broken escapes in the path itself, but passes the old {@code %u0041} form
 * through, and any query as it came; Javalin's decoding of path parameters then failed inside
 * whichever route was matched. Refused here, it is a 400 naming {@code path} or {@code query}
 * on every route alike, and on paths that match none.
 */
final class RequestTarget {

    private RequestTarget() {
    }

    /** A request whose {@code part} ({@code path} or {@code query}) is not valid percent-encoding. */
    static final class Malformed extends RuntimeException {

        private final String part;

        Malformed(String part) {
            super("the request's " + part + " has a '%' that does not start an escape of two hex digits (%XX)",
                    null, false, false);
            this.part = part;
        }

        String part() {
            return part;
        }
    }

    static void requireWellFormed(Context ctx) {
        if (!wellFormed(ctx.req().getRequestURI())) {
            throw new Malformed("path");
        }
        if (!wellFormed(ctx.req().getQueryString())) {
            throw new Malformed("query");
        }
    }

    /** Whether every {@code %} in {@code encoded} (null for none) starts an escape of two hex digits. */
    static boolean wellFormed(String encoded) {
        if (encoded == null) {
            return true;
        }
        for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 3)) {
            if (i + 2 >= encoded.length() || !hex(encoded.charAt(i + 1)) || !hex(encoded.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
