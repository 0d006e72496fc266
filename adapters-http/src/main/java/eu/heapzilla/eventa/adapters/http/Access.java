package eu.heapzilla.eventa.adapters.http;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every {@code /api/v1} route needs a valid bearer unless it is
 * registered with {@link #ANYONE}: forgetting the role fails closed.
 */
enum Access implements RouteRole {
    ANYONE
}
