package eu.heapzilla.eventa.adapters.http;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every {@code /api/v1} route is registered with exactly one of these
 * (the server refuses to start otherwise). Every role but {@link #ANYONE} needs a valid
 * bearer; the event roles say what the use case behind the route enforces (domain
 * {@code Permissions}), which the authorisation matrix test checks route by route.
 */
enum Access implements RouteRole {
    /** No bearer needed. */
    ANYONE,
    /** Any signed-in person; not about one event. */
    SIGNED_IN,
    /** Any member of the event in the path; others are told it does not exist. */
    MEMBER,
    /** Owners and editors of the event; viewers are refused. */
    EDITOR,
    /** Owners of the event only. */
    OWNER
}
