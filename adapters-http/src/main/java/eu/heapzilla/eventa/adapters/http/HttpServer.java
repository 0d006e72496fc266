package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.heapzilla.eventa.domain.error.DomainException;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The eventa HTTP API on Javalin. Build it with the use cases it serves, then start it. */
public final class HttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    /** Oversized bodies up to this size are read and dropped before the 413; larger ones are cut off. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final Javalin javalin;
    private final HttpSettings settings;
    private final ReceiptUploads uploads;
    private final LiveEndpoint live;
    private final PrometheusMetrics metrics;
    private final boolean ownsMetrics;

    public HttpServer(HttpSettings settings, InPorts ports) {
        this(settings, LiveSettings.DEFAULT, ports);
    }

    /** With metrics of its own, closed with it. */
    public HttpServer(HttpSettings settings, LiveSettings liveSettings, InPorts ports) {
        this(settings, liveSettings, ports, (config, bodies) -> { });
    }

    /** Records into the process's {@code metrics} and serves them at {@code GET /metrics}; closing leaves them open. */
    public HttpServer(HttpSettings settings, LiveSettings liveSettings, InPorts ports, PrometheusMetrics metrics) {
        this(settings, liveSettings, ports, metrics, PageSite.NONE);
    }

    /** The API with {@code site}'s pages beside it. */
    public HttpServer(HttpSettings settings, LiveSettings liveSettings, InPorts ports, PrometheusMetrics metrics, PageSite site) {
        this(settings, liveSettings, ports, metrics, false, site, (config, bodies) -> { });
    }

    /** {@code extraRoutes} lets this module's tests mount routes beside the real ones. */
    HttpServer(HttpSettings settings, LiveSettings liveSettings, InPorts ports,
               BiConsumer<JavalinConfig, JsonBodies> extraRoutes) {
        this(settings, liveSettings, ports, new PrometheusMetrics(), true, PageSite.NONE, extraRoutes);
    }

    /** The same, recording into {@code metrics}, which closing leaves open. */
    HttpServer(HttpSettings settings, LiveSettings liveSettings, InPorts ports, PrometheusMetrics metrics,
               BiConsumer<JavalinConfig, JsonBodies> extraRoutes) {
        this(settings, liveSettings, ports, metrics, false, PageSite.NONE, extraRoutes);
    }

    private HttpServer(HttpSettings settings, LiveSettings liveSettings, InPorts ports, PrometheusMetrics metrics,
                       boolean ownsMetrics, PageSite site, BiConsumer<JavalinConfig, JsonBodies> extraRoutes) {
        this.settings = settings;
        this.metrics = metrics;
        this.ownsMetrics = ownsMetrics;
        ObjectMapper mapper = Json.mapper();
        ApiGuard apiGuard = new ApiGuard(settings.apiLimits());
        ClientAddresses clients = new ClientAddresses(settings.trustForwardedFor());
        this.live = new LiveEndpoint(ports.followChanges(), liveSettings, mapper, metrics.fanOutLatency(), site, apiGuard, clients);
        metrics.bindLive(live);
        MetricsRoute metricsRoute = new MetricsRoute(metrics, settings.metricsToken());
        PresenceRoutes presence = new PresenceRoutes(ports.seePresence());
        JsonBodies bodies = new JsonBodies(mapper, settings.maxBodyBytes());
        OpsRoutes ops = new OpsRoutes(ports.readiness());
        ApiDocsRoutes docs = ApiDocsRoutes.load(mapper);
        Authentication authentication = new Authentication(ports.authenticate(), apiGuard);
        SignInGuard guard = new SignInGuard(settings.signInLimits());
        SignInRoutes signIn = new SignInRoutes(ports.signIn(), bodies, clients, guard);
        MeRoutes me = new MeRoutes(ports.viewProfile(), ports.editProfile(), ports.planEvents(), bodies);
        PushTokenRoutes pushTokens = new PushTokenRoutes(ports.managePushDevices(), bodies);
        NotificationRoutes notifications = new NotificationRoutes(ports.readNotifications());
        EventRoutes events = new EventRoutes(ports.planEvents(), bodies);
        MemberRoutes members = new MemberRoutes(ports.manageMembers(), bodies);
        InviteRoutes invites = new InviteRoutes(ports.inviteMembers(), ports.joinEvent(), bodies, clients, guard, apiGuard);
        ChangeRoutes changes = new ChangeRoutes(ports.followChanges());
        HouseholdRoutes households = new HouseholdRoutes(ports.manageGuests(), bodies);
        GuestRoutes guests = new GuestRoutes(ports.manageGuests(), bodies);
        TaskRoutes tasks = new TaskRoutes(ports.keepChecklist(), bodies);
        TimelineRoutes timeline = new TimelineRoutes(ports.keepChecklist());
        BudgetRoutes budget = new BudgetRoutes(ports.trackBudget(), bodies);
        this.uploads = ReceiptUploads.create(settings);
        ReceiptRoutes receipts = new ReceiptRoutes(ports.trackBudget(), uploads);
        ExportRoutes exports = new ExportRoutes(ports.exportEvents(),
                new JsonBodies(mapper, ExportRoutes.maxImportBytes(settings)), mapper);
        // Routes whose bodies may be larger than settings.maxBodyBytes(), each with its own limit.
        Map<String, Long> largerBodies = Map.of(ExportRoutes.IMPORT, ExportRoutes.maxImportBytes(settings));
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            // Javalin applies maxRequestSize only where it reads a whole body into memory
            // (ctx.body(), bodyAsBytes); multipart parsing is limited by the multipart config.
            config.http.maxRequestSize = settings.maxBodyBytes();
            uploads.configure(config.jetty.multipartConfig);
            // Jetty counts multipart parts as form keys; the only forms elsewhere have one field.
            config.jetty.modifyServletContextHandler(handler -> {
                handler.setMaxFormKeys(ReceiptUploads.MAX_PARTS);
                handler.addServlet(new ServletHolder(live), LiveEndpoint.PATH);
            });
            config.router.handlerWrapper(WriteOrigins::wrap);
            config.http.prefer405over404 = true;
            // gzip at level 1: on two cores compressing a large page at the default level 6 cost more
            // time than sending the larger answer saves (BENCHMARKS.md, web pages).
            config.http.compressionStrategy = new CompressionStrategy(null, new Gzip(1));
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = true;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonJettyErrorHandler(mapper));
                // Slow and greedy clients (ADR 0015): no request waits for its body on a shared thread,
                // heads and bodies have deadlines, and connections are counted per address and in total.
                server.insertHandler(new RequestBodies(settings.maxBodyBytes(), settings.clientLimits(), clients));
                server.addBean(new ConnectionGuard(server, settings.clientLimits(), clients.behindProxy()));
            });
            // Jetty's header cache otherwise reads a header that differs from the previous request's on
            // the same connection only in letter case as that previous value: bearers are case-sensitive.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            config.requestLogger.http((ctx, millis) -> {
                try {
                    metrics.request(ctx, millis);
                } finally {
                    RequestLog.write(ctx, millis);
                }
            });

            config.routes.before(ctx -> {
                RequestIds.assign(ctx);
                securityHeaders(ctx);
                RequestTarget.requireWellFormed(ctx);
                rejectOversizedBody(ctx, ReceiptRoutes.isUpload(ctx) || site.takesUploads(ctx.method().name(), ctx.path())
                        ? settings.maxUploadBytes()
                        : largerBodies.getOrDefault(ctx.path().replaceAll("/+$", ""), settings.maxBodyBytes()));
            });
            config.routes.beforeMatched(RequestLog::enterRoute);
            config.routes.beforeMatched(authentication::check);
            config.routes.exception(DomainException.class, ErrorResponses::domain);
            config.routes.exception(TooManyRequests.class, ErrorResponses::tooManyRequests);
            config.routes.exception(BadRequestBody.class, ErrorResponses::badBody);
            config.routes.exception(RequestTarget.Malformed.class, (e, ctx) -> {
                if (site != PageSite.NONE && isPage(ctx)) {
                    site.error(ctx, 400, e.getMessage());
                } else {
                    ErrorResponses.malformedTarget(e, ctx);
                }
            });
            config.routes.exception(BodyTooSlow.class, ErrorResponses::bodyTooSlow);
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
                    ctx.header("Allow", allowedMethods(ctx.path()));
                }
                if (site != PageSite.NONE && isPage(ctx)) {
                    site.error(ctx, e.getStatus(), e.getMessage());
                } else {
                    ErrorResponses.framework(e, ctx);
                }
            });
            config.routes.exception(Exception.class, ErrorResponses::unexpected);
            config.routes.after(ctx -> drainRefusedBody(ctx, settings.maxBodyBytes()));

            config.routes.get("/health", ops::health);
            config.routes.get("/ready", ops::ready);
            // Documented operations of their own; every other GET route gets its HEAD from HeadRoutes.
            config.routes.head("/health", ops::health);
            config.routes.head("/ready", ops::ready);
            metricsRoute.register(config);
            docs.register(config);
            signIn.register(config);
            me.register(config);
            pushTokens.register(config);
            notifications.register(config);
            events.register(config);
            members.register(config);
            invites.register(config);
            changes.register(config);
            presence.register(config);
            households.register(config);
            guests.register(config);
            tasks.register(config);
            timeline.register(config);
            budget.register(config);
            receipts.register(config);
            exports.register(config);
            site.mount(config);
            extraRoutes.accept(config, bodies);
        });
        HeadRoutes.mirrorGets(javalin.unsafe.internalRouter);
        requireOneAccessPerApiRoute();
    }

    /** Every route, as registered: method, path template and roles (not the HEAD of each GET route). */
    List<Route> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> !HeadRoutes.isMirrored(parsed))
                .map(parsed -> parsed.endpoint)
                .map(endpoint -> {
                    Roles roles = endpoint.metadata(Roles.class);
                    return new Route(endpoint.method.name(), endpoint.path, roles == null ? Set.of() : Set.copyOf(roles.getRoles()));
                })
                .toList();
    }

    /** A registered route: {@code method} and {@code path} as Javalin has them, and its roles. */
    record Route(String method, String path, Set<RouteRole> roles) {

        boolean isApi() {
            return path.startsWith(Authentication.API_PREFIX);
        }

        Access access() {
            return roles.stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException(method + " " + path + " declares no Access"));
        }
    }

    private void requireOneAccessPerApiRoute() {
        for (Route route : routes()) {
            if (route.isApi() && route.roles().stream().filter(Access.class::isInstance).count() != 1) {
                throw new IllegalStateException(route.method() + " " + route.path()
                        + " must be registered with exactly one Access role");
            }
        }
    }

    /**
     * The methods {@code path} has, for the {@code Allow} header of a 405 (RFC 9110 §15.5.6): those
     * of every route that matches it, and HEAD wherever there is GET (Javalin answers it).
     */
    private String allowedMethods(String path) {
        Set<String> methods = new java.util.TreeSet<>(java.util.Comparator.comparingInt(ALLOW_ORDER::indexOf));
        for (var endpoint : javalin.unsafe.internalRouter.allHttpHandlers()) {
            String method = endpoint.endpoint.method.name();
            if (ALLOW_ORDER.contains(method) && endpoint.matches(path)) {
                methods.add(method);
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }

    private static final List<String> ALLOW_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** Whether the request is for a page rather than the API, the operator's routes or the API's docs. */
    private static boolean isPage(Context ctx) {
        String path = ctx.path();
        return !path.startsWith("/api/") && !path.startsWith("/docs") && !OPS_PATHS.contains(path);
    }

    private static final Set<String> OPS_PATHS = Set.of("/health", "/ready", "/metrics", "/openapi.json");

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    /**
     * Refuses a body over {@code maxBytes} from its declared length alone, without keeping any of
     * it. A client that sent the body anyway (it did not wait for "100 Continue") has it in flight:
     * closing the connection on unread bytes would reset it and could destroy the 413 before the
     * client reads it, so up to {@link #DRAIN_LIMIT} bytes are read and dropped first.
     */
    private static void rejectOversizedBody(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            if (declared <= DRAIN_LIMIT && !"100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
                try (InputStream body = ctx.req().getInputStream()) {
                    body.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    log.debug("the client left while its oversized body was dropped", e);
                }
            }
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "request body is larger than " + maxBytes + " bytes");
        }
    }

    /**
     * A request refused before its body was read (no bearer, no such event) still has that body in
     * flight: answering first and closing on the unread bytes resets the connection, and the client
     * may see no answer at all. Bodies up to {@code maxBytes} are read and dropped before the refusal
     * goes out, so the client gets it and keeps its connection.
     */
    private static void drainRefusedBody(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (ctx.statusCode() < 400 || declared <= 0 || declared > maxBytes) {
            return;
        }
        try (InputStream body = ctx.req().getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | IllegalStateException e) {
            log.debug("the refused request's body could not be dropped", e);
        }
    }

    public HttpServer start() {
        javalin.start(settings.host(), settings.port());
        log.info("HTTP API listening on {}:{}", settings.host(), javalin.port());
        return this;
    }

    /** The port actually bound (useful when the settings asked for 0). */
    public int port() {
        return javalin.port();
    }

    /** Where uploads in progress are spooled (for tests that check nothing is left behind). */
    Path uploadSpool() {
        return uploads.spool();
    }

    @Override
    public void close() {
        live.stop();
        javalin.stop();
        uploads.deleteSpool();
        if (ownsMetrics) {
            metrics.close();
        }
    }
}
