package eu.heapzilla.eventa.adapters.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectorManager;

/**
 * Counts the open TCP connections, in total and per client address, from the moment Jetty accepts
 * one until its socket closes (a connection upgraded to a WebSocket still counts), and says which
 * new connection is one too many: {@link ClientLimits#maxConnections()} in total, or
 * {@link ClientLimits#maxConnectionsPerAddress()} from one address (not applied behind a
 * trusted proxy, whose address every connection has).
 */
final class ConnectionBudget implements SelectorManager.AcceptListener {

    private static final InetAddress UNKNOWN = InetAddress.getLoopbackAddress();

    private final int max;
    private final int maxPerAddress;
    private final boolean perAddress;
    private final ConcurrentHashMap<SelectableChannel, InetAddress> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetAddress, Integer> fromAddress = new ConcurrentHashMap<>();

    ConnectionBudget(ClientLimits limits, boolean behindProxy) {
        this.max = limits.maxConnections();
        this.maxPerAddress = limits.maxConnectionsPerAddress();
        this.perAddress = !behindProxy;
    }

    @Override
    public void onAccepted(SelectableChannel channel) {
        InetAddress address = addressOf(channel);
        if (open.putIfAbsent(channel, address) == null) {
            fromAddress.merge(address, 1, Integer::sum);
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        onClosed(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        InetAddress address = open.remove(channel);
        if (address != null) {
            fromAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** Why the connection on {@code endPoint} may not be served, counting itself; empty when it may. */
    Optional<Refusal> refusal(EndPoint endPoint) {
        if (open.size() > max) {
            return Optional.of(Refusal.serverBusy("connections", max));
        }
        if (perAddress && endPoint.getTransport() instanceof SelectableChannel channel) {
            InetAddress address = open.get(channel);
            Integer count = address == null ? null : fromAddress.get(address);
            if (count != null && count > maxPerAddress) {
                return Optional.of(Refusal.tooManyFromAddress("connections", maxPerAddress));
            }
        }
        return Optional.empty();
    }

    /** Open connections now. */
    int open() {
        return open.size();
    }

    private static InetAddress addressOf(SelectableChannel channel) {
        try {
            SocketAddress remote = channel instanceof SocketChannel socket ? socket.getRemoteAddress() : null;
            return remote instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress() : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
