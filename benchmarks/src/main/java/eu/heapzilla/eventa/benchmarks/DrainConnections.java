package eu.heapzilla.eventa.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscribers that cost the client almost nothing: raw sockets that do the WebSocket handshake,
 * send one (masked) {@code subscribe} frame, and from then on only read and discard what comes,
 * counting {@code change} frames by their text. One thread and one selector serve them
 * all. They put the same load on the server as real subscribers while leaving the machine's
 * cores to it, so that a run with most subscribers draining and a few instrumented tells whether
 * a backlog comes from the server or from the benchmark's own WebSocket client.
 *
 * <p>They answer no pings: the server drops them after two ping intervals (50 s by default),
 * longer than a latency run.
 */
final class DrainConnections implements AutoCloseable {

    private static final byte[] SUBSCRIBED = "\"subscribed\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHANGE = "\"type\":\"change\"".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final List<Conn> connections = new ArrayList<>();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong subscribed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread reader;
    private volatile boolean running = true;

    private static final class Conn {
        final SocketChannel channel;
        final byte[] request;
        final byte[] subscribe;
        boolean upgraded;
        boolean isSubscribed;
        final StringBuilder head = new StringBuilder();
        final byte[] tail = new byte[32];
        int tailLength;

        Conn(SocketChannel channel, byte[] request, byte[] subscribe) {
            this.channel = channel;
            this.request = request;
            this.subscribe = subscribe;
        }
    }

    DrainConnections() throws IOException {
        selector = Selector.open();
        reader = new Thread(this::loop, "drain-connections");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code count} subscribed connections, {@code inFlight} handshakes at a time; returns how many got subscribed. */
    long open(int count, int inFlight, int port, String bearer, String event, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < count; i++) {
            while (i - subscribed.get() - failed.get() >= inFlight && System.currentTimeMillis() < deadline) {
                Thread.sleep(1);
            }
            byte[] key = new byte[16];
            random.nextBytes(key);
            String request = "GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(key) + "\r\nAuthorization: Bearer " + bearer + "\r\n\r\n";
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            Conn conn = new Conn(channel, request.getBytes(StandardCharsets.US_ASCII),
                    maskedText("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\"}", random));
            write(conn, conn.request);
            synchronized (connections) {
                connections.add(conn);
            }
            channel.register(selector, SelectionKey.OP_READ, conn); // since JDK 11 this does not wait for select()
        }
        while (subscribed.get() + failed.get() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        return subscribed.get();
    }

    long changes() {
        return changes.get();
    }

    long failed() {
        return failed.get();
    }

    private void loop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        byte[] chunk = new byte[256 * 1024 + 32];
        while (running) {
            try {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn conn = (Conn) key.attachment();
                    buffer.clear();
                    int read;
                    try {
                        read = conn.channel.read(buffer);
                    } catch (IOException e) {
                        read = -1;
                    }
                    if (read < 0) {
                        key.cancel();
                        conn.channel.close();
                        if (!conn.isSubscribed) {
                            failed.incrementAndGet();
                        }
                        continue;
                    }
                    buffer.flip();
                    // Search the tail of the previous read and this read together, so no marker is split.
                    System.arraycopy(conn.tail, 0, chunk, 0, conn.tailLength);
                    buffer.get(chunk, conn.tailLength, read);
                    int length = conn.tailLength + read;
                    if (!conn.upgraded) {
                        conn.head.append(new String(chunk, 0, length, StandardCharsets.ISO_8859_1));
                        if (conn.head.indexOf("\r\n\r\n") < 0) {
                            conn.tailLength = 0;
                            continue;
                        }
                        if (!conn.head.toString().startsWith("HTTP/1.1 101")) {
                            failed.incrementAndGet();
                            key.cancel();
                            conn.channel.close();
                            continue;
                        }
                        conn.upgraded = true;
                        write(conn, conn.subscribe);
                    }
                    if (!conn.isSubscribed && indexOf(chunk, length, SUBSCRIBED) >= 0) {
                        conn.isSubscribed = true;
                        subscribed.incrementAndGet();
                    }
                    changes.addAndGet(count(chunk, length, CHANGE));
                    int keep = Math.min(CHANGE.length - 1, length);
                    System.arraycopy(chunk, length - keep, conn.tail, 0, keep);
                    conn.tailLength = keep;
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                if (running) {
                    WsClient.FIRST_PROBLEMS.putIfAbsent("drain connections", e.toString());
                }
            }
        }
    }

    private static void write(Conn conn, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (out.hasRemaining() && System.nanoTime() < deadline) {
            conn.channel.write(out);
        }
    }

    /** A client → server text frame: FIN + text opcode, masked, payload under 126 bytes. */
    private static byte[] maskedText(String text, SecureRandom random) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length >= 126) {
            throw new IllegalArgumentException("frame too long for the short form");
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    private static int indexOf(byte[] data, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long count(byte[] data, int length, byte[] needle) {
        long found = 0;
        int from = 0;
        while (true) {
            int at = indexOf(data, from, length, needle);
            if (at < 0) {
                return found;
            }
            found++;
            from = at + needle.length;
        }
    }

    private static int indexOf(byte[] data, int from, int length, byte[] needle) {
        outer:
        for (int i = from; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (connections) {
            for (Conn conn : connections) {
                conn.channel.close();
            }
        }
        selector.close();
    }
}
