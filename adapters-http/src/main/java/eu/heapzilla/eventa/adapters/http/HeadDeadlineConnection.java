package eu.heapzilla.eventa.adapters.http;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Jetty's HTTP/1.1 connection with a deadline for each request head, which Jetty itself does not
 * have (its idle timeout starts over with every byte, so a head sent a byte at a time never ends).
 * When a byte of a head arrives {@link ClientLimits#headTimeout()} or later after its first one,
 * the client is answered 408 {@code request_timeout} and the connection closed. A new
 * connection that has not completed a head within that time plus
 * {@link ClientLimits#FIRST_HEAD_GRACE} is closed without an answer.
 *
 * <p>The check runs before Jetty parses the new bytes, on the thread Jetty gives this connection
 * for them, so it never races the parser.
 */
final class HeadDeadlineConnection extends HttpConnection {

    private final long headNanos;
    private final long firstHeadNanos;
    private volatile boolean expired;
    private volatile Scheduler.Task firstHead;

    HeadDeadlineConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint, ClientLimits limits) {
        super(configuration, connector, endPoint);
        this.headNanos = limits.headTimeout().toNanos();
        this.firstHeadNanos = headNanos + ClientLimits.FIRST_HEAD_GRACE.toNanos();
    }

    @Override
    public void onOpen() {
        super.onOpen();
        firstHead = getConnector().getScheduler().schedule(this::firstHeadDue, firstHeadNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onClose(Throwable cause) {
        Scheduler.Task task = firstHead;
        if (task != null) {
            task.cancel();
        }
        super.onClose(cause);
    }

    @Override
    public void onFillable() {
        if (expired) {
            if (LastWords.drop(getEndPoint())) {
                fillInterested();
            }
            return;
        }
        HttpParser parser = getParser();
        if (!parser.isIdle() && parser.inHeaderState() && NanoTime.since(parser.getBeginNanoTime()) >= headNanos) {
            expired = true;
            LastWords.say(getEndPoint(), Refusal.requestTimeout("the request head did not arrive within "
                    + TimeUnit.NANOSECONDS.toSeconds(headNanos) + " s").raw(), this::fillInterested);
            return;
        }
        super.onFillable();
    }

    private void firstHeadDue() {
        if (getMessagesIn() == 0 && getEndPoint().getConnection() == this) {
            getEndPoint().close();
        }
    }
}
