package eu.heapzilla.eventa.adapters.http;

import java.util.concurrent.Executor;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.EndPoint;

/** A connection over the {@link ConnectionBudget}: answered with its {@link Refusal} at once, then closed. */
final class RefusedConnection extends AbstractConnection {

    private final Refusal refusal;

    RefusedConnection(EndPoint endPoint, Executor executor, Refusal refusal) {
        super(endPoint, executor);
        this.refusal = refusal;
    }

    @Override
    public void onOpen() {
        super.onOpen();
        LastWords.say(getEndPoint(), refusal.raw(), this::fillInterested);
    }

    @Override
    public void onFillable() {
        if (LastWords.drop(getEndPoint())) {
            fillInterested();
        }
    }
}
