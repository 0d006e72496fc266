package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.access.ClientAddress;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Where a request came from. Behind a trusted reverse proxy that is the last entry of
 * {@code X-Forwarded-For} (the one the proxy itself appended); otherwise, or when that entry
 * is not an IP address, it is the peer of the TCP connection. Earlier entries are ignored:
 * a client can write anything there.
 */
final class ClientAddresses {

    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final boolean trustForwardedFor;

    ClientAddresses(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    ClientAddress of(Context ctx) {
        return new ClientAddress(of(ctx.header("X-Forwarded-For"), ctx.req().getRemoteAddr()));
    }

    /** The client's address from a request's {@code X-Forwarded-For} header (may be null) and its TCP peer. */
    String of(String forwardedFor, String peer) {
        if (trustForwardedFor && forwardedFor != null) {
            String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).strip();
            if (IP_ADDRESS.matcher(last).matches()) {
                return last;
            }
        }
        return peer;
    }

    /** Whether the TCP peer is a proxy speaking for many clients rather than a client. */
    boolean behindProxy() {
        return trustForwardedFor;
    }
}
