package eu.heapzilla.eventa.adapters.http;

import java.util.ArrayDeque;
import java.util.Queue;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text frames waiting for one connection, sent one at a time. Data frames are refused once
 * {@code maxQueuedBytes} wait (the caller then gives up on the subscription); control frames
 * (resync, revoked, errors) always get in, unless even they pile up, and then the connection is
 * dropped. Frames offered before the WebSocket opened wait for it.
 */
final class Outbound {

    private static final Logger log = LoggerFactory.getLogger(Outbound.class);

    /** Room beyond the data limit that only control frames may use. */
    static final long CONTROL_ROOM = 64 * 1024;

    private final long maxQueuedBytes;
    private final Queue<Object> queue = new ArrayDeque<>();
    private long queuedBytes;
    private Session session;
    private boolean sending;
    private boolean pumping;
    private boolean closed;

    Outbound(long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** Starts sending through {@code session}. */
    void open(Session session) {
        synchronized (this) {
            this.session = session;
        }
        pump();
    }

    /** A data frame. @return false when too much is waiting already */
    boolean offer(String text) {
        synchronized (this) {
            if (closed) {
                return true;
            }
            if (queuedBytes + text.length() > maxQueuedBytes) {
                return false;
            }
            enqueue(text);
        }
        pump();
        return true;
    }

    /** A control frame: gets in beyond the data limit, within {@link #CONTROL_ROOM}. */
    void offerControl(String text) {
        boolean overflow;
        synchronized (this) {
            if (closed) {
                return;
            }
            overflow = queuedBytes + text.length() > maxQueuedBytes + CONTROL_ROOM;
            if (!overflow) {
                enqueue(text);
            }
        }
        if (overflow) {
            drop();
        } else {
            pump();
        }
    }

    /** Closes the WebSocket with {@code code} once everything queued before has been sent. */
    void closeAfterSending(int code, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            queue.add(new Close(code, reason));
        }
        pump();
    }

    /** Stops sending; what waits is dropped. */
    synchronized void closed() {
        closed = true;
        queue.clear();
        queuedBytes = 0;
    }

    private void enqueue(String text) {
        queue.add(text);
        queuedBytes += text.length();
    }

    /** Drops the connection at once: used when a client is too far behind to reason with. */
    private void drop() {
        Session current;
        synchronized (this) {
            current = session;
            closed();
        }
        if (current != null) {
            current.disconnect();
        }
    }

    /**
     * Sends the next frame unless one is in flight. A send that completes on this very thread
     * does not recurse: the loop here picks up the next frame.
     */
    private void pump() {
        synchronized (this) {
            if (pumping) {
                return;
            }
            pumping = true;
        }
        while (true) {
            Object next;
            Session current;
            synchronized (this) {
                if (sending || session == null || closed || queue.isEmpty()) {
                    pumping = false;
                    return;
                }
                next = queue.poll();
                current = session;
                sending = true;
                if (next instanceof String text) {
                    queuedBytes -= text.length();
                } else {
                    closed = true;
                }
            }
            if (next instanceof String text) {
                current.sendText(text, Callback.from(this::sent, this::failed));
            } else {
                Close close = (Close) next;
                current.close(close.code(), close.reason(), Callback.NOOP);
            }
        }
    }

    private void sent() {
        synchronized (this) {
            sending = false;
        }
        pump();
    }

    private void failed(Throwable failure) {
        log.debug("a frame could not be sent; the connection is going away", failure);
        synchronized (this) {
            sending = false;
            closed();
        }
    }

    private record Close(int code, String reason) {
    }
}
