package eu.heapzilla.eventa.adapters.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The first handler every request meets: no request waits for its body on a thread that could
 * serve someone else (ADR 0015).
 *
 * <p>A body of up to {@code eagerLimit} bytes (the API's largest JSON body) is read as it arrives,
 * on no thread of its own, before the request is handed on; it must be complete within
 * {@link ClientLimits#bodyTimeout()} of the head, or the answer is 408 {@code request_timeout}.
 * Anything larger (receipt uploads, imports, and oversized bodies the routes refuse and drop)
 * needs a place among {@link StreamedBodies} first (else 503 or 429) and is then read by its
 * request's thread, as before, but must keep {@link ClientLimits#minBodyBytesPerSecond()} after
 * its first second; one that falls below is failed as 408 at once, whether the thread is waiting
 * for its next byte or not.
 */
final class RequestBodies extends Handler.Wrapper {

    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long eagerLimit;
    private final ClientLimits limits;
    private final ClientAddresses clients;
    private final StreamedBodies streamed;

    RequestBodies(long eagerLimit, ClientLimits limits, ClientAddresses clients) {
        this.eagerLimit = eagerLimit;
        this.limits = limits;
        this.clients = clients;
        this.streamed = new StreamedBodies(limits);
    }

    /** The bodies being streamed to their request's thread now. */
    int streamedInProgress() {
        return streamed.inProgress();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        long length = request.getLength();
        boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length == 0 || (length < 0 && !chunked)) {
            return next.handle(request, response, callback);
        }
        if (length > eagerLimit) {
            return stream(next, request, response, callback, null, 0);
        }
        new BodyReader(next, request, response, callback, length).read(false);
        return true;
    }

    /** Hands the request on to read the rest of its body on its thread, if there is room for one more. */
    private boolean stream(Handler next, Request request, Response response, Callback callback, byte[] prefix, int prefixLength)
            throws Exception {
        String address = clients.of(request.getHeaders().get("X-Forwarded-For"), Request.getRemoteAddr(request));
        Optional<Refusal> refused = streamed.acquire(address);
        if (refused.isPresent()) {
            refused.get().write(response, callback);
            return true;
        }
        PacedBody paced = new PacedBody(prefix == null ? request : new BufferedBody(request, prefix, prefixLength, false),
                request.getComponents().getScheduler());
        Callback done = new Callback() {
            @Override
            public void succeeded() {
                finish();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                finish();
                callback.failed(failure);
            }

            private void finish() {
                paced.stop();
                streamed.release(address);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
        try {
            if (next.handle(paced, response, done)) {
                return true;
            }
        } catch (Throwable failure) {
            paced.stop();
            streamed.release(address);
            throw failure;
        }
        paced.stop();
        streamed.release(address);
        return false;
    }

    /**
     * Reads one body into memory as it arrives, without a thread waiting for it: each time more
     * is there, Jetty calls {@link #run()}; the request is handed on once the body is complete,
     * or refused once its time is up.
     */
    private final class BodyReader implements Invocable.Task {

        private final Handler next;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final Scheduler.Task deadline;
        private byte[] body;
        private int size;

        BodyReader(Handler next, Request request, Response response, Callback callback, long length) {
            this.next = next;
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.body = new byte[length > 0 ? (int) length : 8192];
            long left = limits.bodyTimeout().toNanos() - NanoTime.since(request.getHeadersNanoTime());
            this.deadline = request.getComponents().getScheduler().schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        void read(boolean onCallback) {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    failed(chunk.getFailure());
                    return;
                }
                boolean last = chunk.isLast();
                append(chunk.getByteBuffer());
                chunk.release();
                if (size > eagerLimit) {
                    // Only a chunked body gets here: it is larger than the API reads into memory.
                    if (settle()) {
                        handOn(onCallback, () -> stream(next, request, response, callback, body, size));
                    }
                    return;
                }
                if (last) {
                    if (settle()) {
                        handOn(onCallback, () -> next.handle(new BufferedBody(request, body, size, true), response, callback));
                    }
                    return;
                }
            }
        }

        private void append(ByteBuffer bytes) {
            int more = bytes.remaining();
            if (size + more > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(Math.max(2L * body.length, (long) size + more), eagerLimit + 1L + more));
            }
            bytes.get(body, size, more);
            size += more;
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            deadline.cancel();
            return true;
        }

        private void expire() {
            if (settle()) {
                Refusal.requestTimeout("the request body did not arrive within " + limits.bodyTimeout().toSeconds() + " s")
                        .write(response, callback);
            }
        }

        private void failed(Throwable failure) {
            if (!settle()) {
                return;
            }
            if (failure instanceof java.util.concurrent.TimeoutException) {
                Refusal.requestTimeout("the request body stopped arriving").write(response, callback);
            } else {
                callback.failed(failure);
            }
        }

        /** Runs the rest of the request here, or, when called back by Jetty as bytes arrived, on a thread of the pool. */
        private void handOn(boolean onCallback, Step step) {
            Runnable handling = () -> {
                try {
                    if (!step.run()) {
                        Response.writeError(request, response, callback, 404);
                    }
                } catch (Throwable failure) {
                    Response.writeError(request, response, callback, failure);
                }
            };
            if (onCallback) {
                request.getContext().execute(handling);
            } else {
                handling.run();
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        boolean run() throws Exception;
    }

    /** A request whose body (or its first part, when {@code whole} is false) has been read already. */
    private static final class BufferedBody extends Request.Wrapper {

        private Content.Chunk buffered;

        BufferedBody(Request request, byte[] body, int size, boolean whole) {
            super(request);
            this.buffered = Content.Chunk.from(ByteBuffer.wrap(body, 0, size), whole);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = buffered;
            if (chunk != null) {
                buffered = null;
                return chunk;
            }
            return super.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            if (buffered != null) {
                demandCallback.run();
            } else {
                super.demand(demandCallback);
            }
        }
    }

    /**
     * A body read by its request's thread, held to the minimum rate: checked every second, so a
     * client that goes quiet is failed as soon as its rate drops below the minimum, not only when
     * its next byte comes. What the request then reads is a 408 failure.
     */
    private final class PacedBody extends Request.Wrapper {

        private final long start;
        private final Scheduler scheduler;
        private final AtomicReference<Runnable> waiting = new AtomicReference<>();
        private volatile long received;
        private volatile Content.Chunk failure;
        private volatile Scheduler.Task check;
        private volatile boolean stopped;

        PacedBody(Request request, Scheduler scheduler) {
            super(request);
            this.start = request.getHeadersNanoTime();
            this.scheduler = scheduler;
            if (limits.minBodyBytesPerSecond() > 0) {
                check = scheduler.schedule(this::check, 1, TimeUnit.SECONDS);
            }
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk failed = failure;
            if (failed != null) {
                return failed;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.hasRemaining()) {
                received += chunk.remaining();
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            if (failure != null) {
                demandCallback.run();
                return;
            }
            waiting.set(demandCallback);
            super.demand(Invocable.from(Invocable.getInvocationType(demandCallback), () -> {
                Runnable callback = waiting.getAndSet(null);
                if (callback != null) {
                    callback.run();
                }
            }));
        }

        private void check() {
            if (stopped) {
                return;
            }
            long elapsed = NanoTime.since(start) - GRACE_NANOS;
            if (elapsed > 0 && received < limits.minBodyBytesPerSecond() * elapsed / TimeUnit.SECONDS.toNanos(1)) {
                failure = Content.Chunk.from(new BodyTooSlow(limits.minBodyBytesPerSecond()), true);
                Runnable callback = waiting.getAndSet(null);
                if (callback != null) {
                    getContext().execute(callback);
                }
                return;
            }
            check = scheduler.schedule(this::check, 1, TimeUnit.SECONDS);
        }

        void stop() {
            stopped = true;
            Scheduler.Task task = check;
            if (task != null) {
                task.cancel();
            }
        }
    }
}
