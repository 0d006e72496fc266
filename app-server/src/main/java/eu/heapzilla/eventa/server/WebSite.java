package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.http.PageSite;
import eu.heapzilla.eventa.adapters.web.WebApp;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/** Plugs the web app into the HTTP server as its page site: the two adapters do not know each other. */
final class WebSite implements PageSite {

    private final WebApp web;

    WebSite(WebApp web) {
        this.web = web;
    }

    @Override
    public void mount(JavalinConfig config) {
        web.mount(config);
    }

    @Override
    public void error(Context ctx, int status, String detail) {
        web.error(ctx, status, detail);
    }

    @Override
    public String sessionCookie() {
        return WebApp.SESSION_COOKIE;
    }

    @Override
    public boolean ownOrigin(String origin) {
        return web.ownOrigin(origin);
    }

    @Override
    public boolean isUpload(Context ctx) {
        return web.isUpload(ctx);
    }
}
