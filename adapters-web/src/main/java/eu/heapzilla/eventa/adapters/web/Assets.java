package eu.heapzilla.eventa.adapters.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stylesheet and scripts, read once from the class path and served under names that carry a
 * hash of their bytes ({@code /assets/app.1a2b3c4d5e.css}), so a browser may keep them for a year
 * and still gets a new file the moment one changes.
 */
final class Assets {

    static final String PATH = "/assets/{file}";
    private static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.8/dist/htmx.min.js";

    private final Map<String, Asset> byLogicalName = new LinkedHashMap<>();
    private final Map<String, Asset> byServedName = new LinkedHashMap<>();

    Assets() {
        add("app.css", "/eventa-web/app.css", "text/css; charset=utf-8");
        add("app.js", "/eventa-web/app.js", "text/javascript; charset=utf-8");
        add("htmx.js", HTMX, "text/javascript; charset=utf-8");
    }

    private void add(String name, String resource, String contentType) {
        byte[] bytes = read(resource);
        int dot = name.lastIndexOf('.');
        String served = name.substring(0, dot) + "." + fingerprint(bytes) + name.substring(dot);
        Asset asset = new Asset("/assets/" + served, contentType, bytes);
        byLogicalName.put(name, asset);
        byServedName.put(served, asset);
    }

    /** Where a page links the asset. */
    String url(String name) {
        Asset asset = byLogicalName.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return asset.url();
    }

    /** Sends the asset the path names; false when there is none of that name (an old fingerprint, say). */
    boolean serve(Context ctx) {
        Asset asset = byServedName.get(ctx.pathParam("file"));
        if (asset == null) {
            return false;
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(asset.contentType()).result(asset.bytes());
        return true;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Asset(String url, String contentType, byte[] bytes) {
    }
}
