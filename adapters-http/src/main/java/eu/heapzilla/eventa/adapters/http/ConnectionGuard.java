package eu.heapzilla.eventa.adapters.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Puts the {@link ConnectionBudget} and the head deadline on every connector of the server, as it
 * starts (before its connectors do), whichever connectors Javalin or a test gave it.
 */
final class ConnectionGuard extends AbstractLifeCycle {

    private final Server server;
    private final ClientLimits limits;
    private final ConnectionBudget budget;

    ConnectionGuard(Server server, ClientLimits limits, boolean behindProxy) {
        this.server = server;
        this.limits = limits;
        this.budget = new ConnectionBudget(limits, behindProxy);
    }

    ConnectionBudget budget() {
        return budget;
    }

    @Override
    protected void doStart() throws Exception {
        for (Connector connector : server.getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (connector instanceof AbstractConnector guarded && http != null && !(http instanceof Guarded)) {
                guarded.addConnectionFactory(new Guarded(http, limits, budget));
                guarded.addBean(budget);
            }
        }
        super.doStart();
    }

    /** Jetty's HTTP/1.1 connection factory with the same settings, making guarded connections. */
    private static final class Guarded extends HttpConnectionFactory {

        private final ClientLimits limits;
        private final ConnectionBudget budget;

        Guarded(HttpConnectionFactory original, ClientLimits limits, ConnectionBudget budget) {
            super(original.getHttpConfiguration());
            this.limits = limits;
            this.budget = budget;
            setInputBufferSize(original.getInputBufferSize());
            setUseInputDirectByteBuffers(original.isUseInputDirectByteBuffers());
            setUseOutputDirectByteBuffers(original.isUseOutputDirectByteBuffers());
            setTransferEncodingChunkMaxLength(original.getTransferEncodingChunkMaxLength());
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            var refusal = budget.admit(endPoint);
            if (refusal.isPresent()) {
                return new RefusedConnection(endPoint, connector.getExecutor(), refusal.get());
            }
            HttpConfiguration config = getHttpConfiguration();
            HeadDeadlineConnection connection = new HeadDeadlineConnection(config, connector, endPoint, limits);
            connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
            connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
            connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
            return configure(connection, connector, endPoint);
        }
    }
}
