/**
 * The HTTP edge on Javalin (Jetty 12): routes that parse and validate requests into calls of
 * {@code ports.in} use cases, the JSON error shape every failure is answered with, request
 * ids, body limits, rate limits and the request log.
 *
 * <p>The API is described by a hand-written OpenAPI 3.1 document,
 * {@code src/main/resources/eventa/openapi.yaml}, which the server serves as
 * {@code /openapi.json} and shows at {@code /docs} ({@code ApiDocsRoutes}). The tests hold the
 * server to it: every route is documented and every documented operation is a route, and every
 * response the end-to-end tests receive must be one its operation documents.
 *
 * <p>{@link eu.heapzilla.eventa.adapters.http.HttpServer} is the public entry point;
 * everything else is package-private.
 */
package eu.heapzilla.eventa.adapters.http;
