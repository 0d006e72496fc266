package eu.heapzilla.eventa.adapters.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Pages served by the same server beside the API (the web app), handed in by whoever wires the
 * server. The API's routes stay the API's: a page site adds its own routes, answers errors on
 * paths outside the API with pages, and lets a browser's session cookie open the live endpoint.
 */
public interface PageSite {

    /** No pages: the API alone (this module's own tests). */
    PageSite NONE = new PageSite() {
        @Override
        public void mount(JavalinConfig config) {
        }

        @Override
        public void error(Context ctx, int status, String detail) {
            throw new IllegalStateException("no page site is mounted");
        }

        @Override
        public String sessionCookie() {
            return null;
        }

        @Override
        public boolean ownOrigin(String origin) {
            return false;
        }
    };

    /** Registers the site's routes. */
    void mount(JavalinConfig config);

    /** Answers a request outside the API that the server refused (no such path, a body too large) with a page. */
    void error(Context ctx, int status, String detail);

    /** The cookie that holds a browser's bearer; {@code null} when the site has none. */
    String sessionCookie();

    /** Whether a request whose {@code Origin} is {@code origin} comes from one of the site's pages. */
    boolean ownOrigin(String origin);

    /**
     * Whether the request sends files to one of the site's pages (receipts): its body may then be
     * as large as a receipt upload to the API, and the multipart limits apply to each file.
     */
    default boolean isUpload(Context ctx) {
        return false;
    }
}
