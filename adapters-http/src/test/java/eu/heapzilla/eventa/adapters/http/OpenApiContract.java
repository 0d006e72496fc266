package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.OpenApi31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The hand-written OpenAPI document ({@value ApiDocsRoutes#SPEC}) as a contract the tests hold
 * the server to, both ways:
 * <ul>
 *   <li>{@link #routeMismatches}: every route the server registers is documented, with the same
 *       method and path template, and every documented operation is a route;</li>
 *   <li>{@link #violations}: a response is one its operation documents: the status is listed,
 *       required headers are there and match their schemas, the content type is one of the
 *       documented ones, and a JSON body matches its schema (JSON Schema 2020-12, the OpenAPI 3.1
 *       dialect, with formats such as {@code date-time} and {@code uuid} checked).</li>
 * </ul>
 * The document is parsed with swagger-parser (which also says whether it is valid OpenAPI) and
 * schemas are checked with networknt's json-schema-validator, straight against the document, so
 * every {@code $ref} resolves as an integrator's tooling would resolve it.
 *
 * <p>A request the document has no operation for is held to what the server answers such
 * requests: 404 (no such path) or 405 (no such method), or 413 for a body refused before routing,
 * in the {@code Error} shape. A HEAD request is held to its GET's statuses and headers.
 */
final class OpenApiContract {

    private static final String DOCUMENT = "classpath:" + ApiDocsRoutes.SPEC;
    private static final List<Integer> UNDOCUMENTED_REQUEST_STATUSES = List.of(404, 405, 413);
    /** Javalin lists its before and after handlers among the routes too; these are the ones a client calls. */
    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final SwaggerParseResult parsed;
    private final JsonNode spec;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> schemaCache = new ConcurrentHashMap<>();

    private OpenApiContract() {
        String yaml = readSpec();
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        this.parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        if (parsed.getOpenAPI() == null) {
            throw new IllegalStateException("the OpenAPI document does not parse: " + parsed.getMessages());
        }
        try {
            this.spec = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schemas = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(), registry -> registry
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The contract, read once per test run. */
    static OpenApiContract get() {
        return INSTANCE;
    }

    /**
     * Fails the test unless {@code response} is one the document allows for its request.
     *
     * @return {@code response}, for chaining
     */
    static <T> HttpResponse<T> assertDocumented(HttpResponse<T> response) {
        String method = response.request().method();
        String path = response.request().uri().getRawPath();
        List<String> violations = INSTANCE.violations(method, path, response.statusCode(), response.headers(),
                bodyOf(response));
        if (!violations.isEmpty()) {
            throw new AssertionError("the response to " + method + " " + path + " (" + response.statusCode()
                    + ") does not match the OpenAPI document:\n  - " + String.join("\n  - ", violations)
                    + "\n  body: " + abbreviated(response.body()));
        }
        return response;
    }

    /** What swagger-parser had to say about the document: nothing, for a valid one. */
    List<String> parserMessages() {
        return List.copyOf(parsed.getMessages());
    }

    OpenAPI openApi() {
        return parsed.getOpenAPI();
    }

    /** The document as a JSON tree, as {@code /openapi.json} should serve it. */
    JsonNode tree() {
        return spec;
    }

    /**
     * How the server's routes and the document's operations differ, one line per route that is
     * not documented and per operation that is no route; empty when they agree.
     *
     * @param routes as the server registered them; Javalin's {@code <id>} is read as {@code {id}}
     */
    List<String> routeMismatches(Collection<HttpServer.Route> routes) {
        Set<String> registered = routes.stream()
                .filter(route -> HTTP_METHODS.contains(route.method()))
                .map(route -> route.method() + " " + route.path().replaceAll("<([^>]+)>", "{$1}"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        openApi().getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));
        List<String> mismatches = new ArrayList<>();
        registered.stream().filter(route -> !documented.contains(route))
                .forEach(route -> mismatches.add("undocumented route: " + route));
        documented.stream().filter(operation -> !registered.contains(operation))
                .forEach(operation -> mismatches.add("documented, but no such route: " + operation));
        return mismatches;
    }

    /**
     * How a response breaks the document, one line per problem; empty when it matches.
     *
     * @param body the body's bytes, or null when the client did not keep them (then only the
     *             status, headers and content type are checked)
     */
    List<String> violations(String method, String path, int status, HttpHeaders headers, byte[] body) {
        String normalised = path.length() > 1 ? path.replaceAll("/+$", "") : path;
        // HEAD is GET without the body (RFC 9110): the server runs the GET route for it (HeadRoutes),
        // so the GET's statuses and headers hold; there is no body to check.
        boolean head = method.equals("HEAD");
        String documentedMethod = head ? "GET" : method;
        byte[] checkedBody = head ? null : body;
        Optional<String> template = pathTemplate(documentedMethod, normalised);
        if (template.isEmpty()) {
            return undocumentedRequest(method, normalised, status, headers, checkedBody);
        }
        String operation = "/paths/" + escape(template.get()) + "/" + documentedMethod.toLowerCase(Locale.ROOT);
        JsonNode responses = spec.at(operation + "/responses");
        String code = Integer.toString(status);
        if (!responses.has(code)) {
            return List.of("status " + status + " is not documented for " + documentedMethod + " " + template.get()
                    + " (documented: " + String.join(", ", names(responses)) + ")");
        }
        String responsePointer = operation + "/responses/" + code;
        JsonNode response = spec.at(responsePointer);
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = spec.at(responsePointer);
        }
        List<String> violations = new ArrayList<>();
        checkHeaders(response, headers, violations);
        if (!head) {
            checkContent(responsePointer, response, headers, body, violations);
        }
        return violations;
    }

    /** The document's path template for a request path, or empty when no operation has this method and path. */
    private Optional<String> pathTemplate(String method, String path) {
        String[] segments = path.split("/", -1);
        return openApi().getPaths().entrySet().stream()
                .filter(entry -> matches(entry.getKey().split("/", -1), segments))
                .filter(entry -> hasMethod(entry.getValue(), method))
                // A literal segment wins over a template, as in OpenAPI and in the router.
                .min(Comparator.comparingLong(entry -> entry.getKey().chars().filter(c -> c == '{').count()))
                .map(Map.Entry::getKey);
    }

    private List<String> undocumentedRequest(String method, String path, int status, HttpHeaders headers, byte[] body) {
        List<String> violations = new ArrayList<>();
        if (!UNDOCUMENTED_REQUEST_STATUSES.contains(status)) {
            violations.add(method + " " + path + " is no documented operation, so it must be answered "
                    + UNDOCUMENTED_REQUEST_STATUSES + " in the Error shape, not " + status);
        }
        checkJson("/components/schemas/Error", headers, body, violations);
        return violations;
    }

    private void checkHeaders(JsonNode response, HttpHeaders headers, List<String> violations) {
        for (Iterator<Map.Entry<String, JsonNode>> documented = response.path("headers").fields(); documented.hasNext(); ) {
            Map.Entry<String, JsonNode> header = documented.next();
            String pointer = header.getValue().has("$ref") ? header.getValue().get("$ref").asText().substring(1) : null;
            JsonNode definition = pointer == null ? header.getValue() : spec.at(pointer);
            Optional<String> value = headers.firstValue(header.getKey());
            if (value.isEmpty()) {
                if (definition.path("required").asBoolean(false)) {
                    violations.add("header " + header.getKey() + " is missing");
                }
                continue;
            }
            if (pointer != null && definition.has("schema")) {
                schema(pointer + "/schema").validate(TextNode.valueOf(value.get())).forEach(error ->
                        violations.add("header " + header.getKey() + " '" + value.get() + "': " + error.getMessage()));
            }
        }
    }

    private void checkContent(String responsePointer, JsonNode response, HttpHeaders headers, byte[] body,
                              List<String> violations) {
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && body.length > 0) {
                violations.add("the response documents no body, but has " + body.length + " bytes");
            }
            return;
        }
        Optional<String> contentType = headers.firstValue("Content-Type")
                .map(type -> type.split(";")[0].strip().toLowerCase(Locale.ROOT));
        if (contentType.isEmpty() || !content.has(contentType.get())) {
            violations.add("content type " + contentType.orElse("(none)") + " is not documented (documented: "
                    + String.join(", ", names(content)) + ")");
            return;
        }
        if (isJson(contentType.get())) {
            checkJson(responsePointer + "/content/" + escape(contentType.get()) + "/schema", headers, body, violations);
        } else if (body != null && body.length == 0) {
            violations.add("the " + contentType.get() + " body is empty");
        }
    }

    private void checkJson(String schemaPointer, HttpHeaders headers, byte[] body, List<String> violations) {
        String contentType = headers.firstValue("Content-Type").orElse("(none)");
        if (!isJson(contentType.split(";")[0].strip().toLowerCase(Locale.ROOT))) {
            violations.add("content type " + contentType + " is not JSON");
            return;
        }
        if (body == null) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            violations.add("the body is not JSON: " + e.getMessage());
            return;
        }
        if (json == null || json.isMissingNode()) {
            violations.add("the JSON body is empty");
            return;
        }
        schema(schemaPointer).validate(json).forEach(error -> violations.add("body" + error.toString()));
    }

    private Schema schema(String pointer) {
        return schemaCache.computeIfAbsent(pointer, at -> schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + at)));
    }

    private static boolean matches(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
            if (parameter ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasMethod(PathItem item, String method) {
        return item.readOperationsMap().keySet().stream().anyMatch(m -> m.name().equalsIgnoreCase(method));
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A JSON pointer segment: {@code ~} and {@code /} escaped. */
    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] bodyOf(HttpResponse<?> response) {
        Object body = response.body();
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        return null;
    }

    private static String abbreviated(Object body) {
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    private static String readSpec() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(ApiDocsRoutes.SPEC)) {
            if (in == null) {
                throw new IllegalStateException(ApiDocsRoutes.SPEC + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
