package eu.heapzilla.eventa.adapters.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectorManager;

/**
 * Counts the open TCP connections, in total and per client address, from the moment Jetty makes
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
    private final AtomicInteger total = new AtomicInteger();

    ConnectionBudget(ClientLimits limits, boolean behindProxy) {
        this.max = limits.maxConnections();
        this.maxPerAddress = limits.maxConnectionsPerAddress();
        this.perAddress = !behindProxy;
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        onClosed(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        InetAddress address = open.remove(channel);
        if (address != null) {
            total.decrementAndGet();
            fromAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }
    }

    /**
     * Counts the connection on {@code endPoint} until its socket closes, and says why it may not be
     * served, counting itself; empty when it may. Counted here, as Jetty makes the connection,
     * rather than when it accepts the socket: Jetty accepts on several threads, so the counts at
     * accept time need not include every connection made before.
     */
    Optional<Refusal> admit(EndPoint endPoint) {
        if (!(endPoint.getTransport() instanceof SelectableChannel channel)) {
            return Optional.empty();
        }
        InetAddress address = addressOf(channel);
        if (open.putIfAbsent(channel, address) != null) {
            return Optional.empty();
        }
        int all = total.incrementAndGet();
        int fromThere = fromAddress.merge(address, 1, Integer::sum);
        if (all > max) {
            return Optional.of(Refusal.serverBusy("connections", max));
        }
        if (perAddress && fromThere > maxPerAddress) {
            return Optional.of(Refusal.tooManyFromAddress("connections", maxPerAddress));
        }
        return Optional.empty();
    }

    /** Open connections now. */
    int open() {
        return total.get();
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
