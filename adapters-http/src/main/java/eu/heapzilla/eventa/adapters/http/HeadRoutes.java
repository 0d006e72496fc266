package eu.heapzilla.eventa.adapters.http;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * HEAD is GET without the body (RFC 9110 §9.3.2). Javalin answers HEAD for a GET route with a
 * bare 200 without running the route, so {@code HEAD} of a missing event said it was there.
 * Once every route is registered, each GET route without a HEAD route of its own gets one that
 * runs the same handler with the same roles; Jetty drops the body of a HEAD response, keeping
 * its status and headers (Content-Length included).
 */
final class HeadRoutes {

    /** Marks the HEAD routes made here, which are no routes of their own to list. */
    static final EndpointMetadata MIRRORED = new Mirrored();

    private HeadRoutes() {
    }

    private record Mirrored() implements EndpointMetadata {
    }

    static void mirrorGets(InternalRouter router) {
        List<Endpoint> endpoints = router.allHttpHandlers().stream().map(parsed -> parsed.endpoint).toList();
        Set<String> heads = new HashSet<>();
        endpoints.stream().filter(endpoint -> endpoint.method == HandlerType.HEAD).forEach(endpoint -> heads.add(endpoint.path));
        for (Endpoint get : endpoints) {
            if (get.method != HandlerType.GET || heads.contains(get.path)) {
                continue;
            }
            Set<EndpointMetadata> metadata = new HashSet<>();
            metadata.add(MIRRORED);
            Roles roles = get.metadata(Roles.class);
            if (roles != null) {
                metadata.add(roles);
            }
            router.addHttpEndpoint(new Endpoint(HandlerType.HEAD, get.path, get.handler, metadata));
        }
    }

    static boolean isMirrored(ParsedEndpoint parsed) {
        return parsed.endpoint.metadata(Mirrored.class) != null;
    }
}
