package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.in.ManagePushDevices;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code /api/v1/me/push-tokens}: a signed-in device registers (or refreshes) the token its push
 * service gave it, and removes it, e.g. when the person turns notifications off. Signing out
 * stops pushes to the device by itself.
 */
final class PushTokenRoutes {

    static final String PUSH_TOKENS = "/api/v1/me/push-tokens";
    static final String PUSH_TOKEN = PUSH_TOKENS + "/{push_token}";

    record PushTokenRequest(String token, String platform) {
    }

    private final ManagePushDevices devices;
    private final JsonBodies bodies;

    PushTokenRoutes(ManagePushDevices devices, JsonBodies bodies) {
        this.devices = devices;
        this.bodies = bodies;
    }

    void register(JavalinConfig config) {
        config.routes.post(PUSH_TOKENS, this::register, Access.SIGNED_IN);
        config.routes.delete(PUSH_TOKEN, this::remove, Access.SIGNED_IN);
    }

    private void register(Context ctx) {
        PushTokenRequest request = bodies.read(ctx, PushTokenRequest.class);
        if (request.token() == null) {
            throw new InvalidValue("token", "token is required");
        }
        if (request.platform() == null) {
            throw new InvalidValue("platform", "platform is required");
        }
        PushToken token = new PushToken(request.token());
        Platform platform = Platform.parse(request.platform());
        devices.register(Authentication.userId(ctx), Authentication.bearer(ctx).hash(), token, platform);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void remove(Context ctx) {
        PushToken token;
        try {
            token = new PushToken(ctx.pathParam("push_token"));
        } catch (InvalidValue malformed) {
            throw new NotFound("push token");
        }
        devices.remove(Authentication.userId(ctx), token);
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
