/**
 * The HTTP edge on Javalin (Jetty 12): routes that parse and validate requests into calls of
 * {@code ports.in} use cases, the JSON error shape every failure is answered with, request
 * ids, body limits, rate limits and the request log.
 *
 * <p>{@link eu.heapzilla.eventa.adapters.http.HttpServer} is the public entry point;
 * everything else is package-private.
 */
package eu.heapzilla.eventa.adapters.http;
