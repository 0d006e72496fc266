package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /openapi.json} and the docs page at {@code /docs}, with every file it loads, come from the server itself. */
class ApiDocsTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static HttpServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        server = new HttpServer(new HttpSettings("127.0.0.1", 0, 1024), TestPorts.inPorts(new InMemoryAdapters().useCases()))
                .start();
        client = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOpenApiDocumentIsServedAsJson() {
        HttpResponse<String> response = client.get("/openapi.json");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        JsonNode document = TestClient.json(response);
        assertEquals("3.1.0", document.path("openapi").asText());
        assertEquals("eventa", document.path("info").path("title").asText());
        assertEquals(OpenApiContract.get().tree(), document, "the YAML document, as JSON");
    }

    @Test
    void theDocsPageLoadsOnlyFilesOfThisServerAndNoInlineScript() {
        HttpResponse<String> page = client.get("/docs");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), page.body());
        assertFalse(page.body().matches("(?s).*<script>.*"), "every script is a file: " + page.body());

        List<String> assets = new ArrayList<>();
        for (Matcher asset = ASSET.matcher(page.body()); asset.find(); ) {
            assets.add(asset.group(1));
        }
        assertEquals(List.of("/docs/swagger-ui.css", "/docs/favicon-32x32.png", "/docs/favicon-16x16.png",
                "/docs/swagger-ui-bundle.js", "/docs/eventa-docs.js"), assets);
        Map<String, String> types = Map.of("css", "text/css", "js", "text/javascript", "png", "image/png");
        for (String asset : assets) {
            HttpResponse<byte[]> file = client.send(client.request(asset).GET(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, file.statusCode(), asset);
            assertEquals(types.get(asset.substring(asset.lastIndexOf('.') + 1)),
                    file.headers().firstValue("Content-Type").orElseThrow().split(";")[0], asset);
            assertTrue(file.body().length > 0, asset);
        }
        assertEquals("image/png", client.get("/docs/favicon-32x32.png").headers().firstValue("Content-Type").orElseThrow(),
                "an image is bytes: no charset");
    }

    @Test
    void theInitializerPointsSwaggerUiAtThisServersDocument() {
        String script = client.get("/docs/eventa-docs.js").body();
        assertTrue(script.contains("url: \"/openapi.json\""), script);
        assertTrue(script.contains("validatorUrl: null"), "no outside validator: " + script);
        assertTrue(client.get("/docs/swagger-ui-bundle.js").body().contains("SwaggerUIBundle"));
    }

    @Test
    void aFileThePageDoesNotHaveIsA404() {
        assertError(client.get("/docs/index.html"), 404, "not_found");
        assertError(client.get("/docs/swagger-initializer.js"), 404, "not_found");
    }
}
