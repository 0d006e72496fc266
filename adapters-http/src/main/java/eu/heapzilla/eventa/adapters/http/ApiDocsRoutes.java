package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eu.heapzilla.eventa.domain.error.NotFound;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The API's documentation, served by the server itself: {@code GET /openapi.json} is the
 * hand-written OpenAPI document ({@value #SPEC}, YAML, turned into JSON once at start-up), and
 * {@code GET /docs} a page that shows it with Swagger UI. Swagger UI's files come from the
 * {@code org.webjars:swagger-ui} jar on the classpath and are served under {@code /docs/}, so
 * the page loads nothing from anywhere else; its one script of our own is a file too, which
 * lets the page's Content-Security-Policy forbid inline script.
 */
final class ApiDocsRoutes {

    static final String DOCUMENT = "/openapi.json";
    static final String PAGE = "/docs";
    static final String ASSET = PAGE + "/{asset}";
    /** The OpenAPI document on the classpath. */
    static final String SPEC = "eventa/openapi.yaml";
    /** Scripts and styles from this server only; Swagger UI's own inline styles are allowed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self' data:; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String INITIALIZER = "eventa/docs/eventa-docs.js";
    private static final String JS = "text/javascript; charset=utf-8";

    private static final String PAGE_HTML = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>eventa API</title>
            <link rel="stylesheet" href="/docs/swagger-ui.css">
            <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
            <link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
            </head>
            <body>
            <div id="swagger-ui"></div>
            <script src="/docs/swagger-ui-bundle.js"></script>
            <script src="/docs/eventa-docs.js"></script>
            </body>
            </html>
            """;

    /** A file the page loads: where it is on the classpath, and its content type. */
    private record Asset(String resource, String contentType) {
    }

    private final byte[] document;
    private final Map<String, Asset> assets;

    private ApiDocsRoutes(byte[] document, Map<String, Asset> assets) {
        this.document = document;
        this.assets = assets;
    }

    /** Reads the OpenAPI document and finds Swagger UI's files; fails at start-up if either is missing. */
    static ApiDocsRoutes load(ObjectMapper json) {
        String swaggerUi = WEBJAR + webjarVersion() + "/";
        Map<String, Asset> assets = Map.of(
                "swagger-ui.css", new Asset(swaggerUi + "swagger-ui.css", "text/css; charset=utf-8"),
                "swagger-ui-bundle.js", new Asset(swaggerUi + "swagger-ui-bundle.js", JS),
                "favicon-16x16.png", new Asset(swaggerUi + "favicon-16x16.png", "image/png"),
                "favicon-32x32.png", new Asset(swaggerUi + "favicon-32x32.png", "image/png"),
                "eventa-docs.js", new Asset(INITIALIZER, JS));
        for (Asset asset : assets.values()) {
            if (ApiDocsRoutes.class.getClassLoader().getResource(asset.resource()) == null) {
                throw new IllegalStateException("the docs page needs " + asset.resource() + " on the classpath");
            }
        }
        return new ApiDocsRoutes(documentAsJson(json), assets);
    }

    void register(JavalinConfig config) {
        config.routes.get(DOCUMENT, this::document);
        config.routes.get(PAGE, this::page);
        config.routes.get(ASSET, this::asset);
    }

    private void document(Context ctx) {
        ctx.contentType("application/json").result(document);
    }

    private void page(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.contentType("text/html; charset=utf-8").result(PAGE_HTML);
    }

    private void asset(Context ctx) {
        Asset asset = assets.get(ctx.pathParam("asset"));
        if (asset == null) {
            throw new NotFound("docs file");
        }
        InputStream content = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(asset.resource());
        if (content == null) {
            throw new NotFound("docs file");
        }
        if (!asset.contentType().contains("charset")) {
            ctx.res().setCharacterEncoding(null); // bytes, not text: no "; charset=" after the type
        }
        ctx.contentType(asset.contentType()).result(content);
    }

    private static byte[] documentAsJson(ObjectMapper json) {
        try (InputStream yaml = resource(SPEC)) {
            JsonNode spec = new YAMLMapper().readTree(yaml);
            return json.writeValueAsBytes(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the OpenAPI document " + SPEC, e);
        }
    }

    /** The version of the swagger-ui webjar on the classpath: its files live in a folder named for it. */
    private static String webjarVersion() {
        try (InputStream in = resource(WEBJAR_VERSION)) {
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException(WEBJAR_VERSION + " names no version");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + WEBJAR_VERSION, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath");
        }
        return in;
    }
}
