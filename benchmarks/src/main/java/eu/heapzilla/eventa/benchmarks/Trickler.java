package eu.heapzilla.eventa.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile client holding {@code target} connections that each send a request head (or part of
 * one) at once and then one more byte every {@code period}: the slow-body and slow-header
 * attacks. It is one thread with one selector and non-blocking sockets, so thousands of
 * connections cost it next to nothing. Connections are bound to the given source addresses in
 * turn (any 127.x.y.z is loopback on Linux), so the server sees that many clients. A connection
 * the server answers or closes is counted and replaced after a second, as an attacker would, for
 * as long as the attack runs; handshakes are started at most {@link #RAMP_BATCH} per 50 ms.
 */
final class Trickler implements AutoCloseable {

    static final int RAMP_BATCH = 250;
    private static final long RECONNECT_NANOS = 1_000_000_000L;

    private final InetSocketAddress server;
    private final List<InetAddress> sources;
    private final int target;
    private final byte[] head;
    private final byte[] trickle;
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;

    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong closedUnanswered = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong bytesTrickled = new AtomicLong();
    private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();

    /** One connection: its socket, how far along the trickle it is, when its next byte is due. */
    private static final class Conn {
        final SocketChannel channel;
        boolean connected;
        boolean done;
        int sent;
        long dueNanos;
        final ByteBuffer answer = ByteBuffer.allocate(16);

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    Trickler(InetSocketAddress server, List<InetAddress> sources, int target, String head, String trickle, long periodMillis) {
        this.server = server;
        this.sources = List.copyOf(sources);
        this.target = target;
        this.head = head.getBytes(StandardCharsets.US_ASCII);
        this.trickle = trickle.getBytes(StandardCharsets.US_ASCII);
        this.periodNanos = periodMillis * 1_000_000L;
        this.thread = new Thread(this::run, "trickler");
        this.thread.setDaemon(true);
    }

    Trickler start() {
        thread.start();
        return this;
    }

    /** Connections open right now (handshake done, not closed). */
    long held() {
        return held.get();
    }

    long opened() {
        return opened.get();
    }

    long connectFailures() {
        return connectFailures.get();
    }

    /** Connections the server closed (or reset) without an HTTP answer. */
    long closedUnanswered() {
        return closedUnanswered.get();
    }

    long bytesTrickled() {
        return bytesTrickled.get();
    }

    /** The status codes the server answered with, and how often. */
    Map<Integer, Long> answers() {
        Map<Integer, Long> copy = new java.util.TreeMap<>();
        answers.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    private void run() {
        PriorityQueue<Conn> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
        PriorityQueue<Long> reopenAt = new PriorityQueue<>();
        List<Conn> all = new ArrayList<>();
        long nextRamp = 0;
        int sourceIndex = 0;
        int live = 0;
        try (Selector selector = Selector.open()) {
            while (running) {
                long now = System.nanoTime();
                while (!reopenAt.isEmpty() && reopenAt.peek() <= now) {
                    reopenAt.poll();
                    live--;
                }
                if (live < target && now >= nextRamp) {
                    for (int i = 0; i < RAMP_BATCH && live < target; i++) {
                        InetAddress source = sources.get(sourceIndex++ % sources.size());
                        try {
                            SocketChannel channel = SocketChannel.open();
                            channel.configureBlocking(false);
                            channel.bind(new InetSocketAddress(source, 0));
                            Conn conn = new Conn(channel);
                            all.add(conn);
                            if (channel.connect(server)) {
                                connected(conn, selector, due, now);
                            } else {
                                channel.register(selector, SelectionKey.OP_CONNECT, conn);
                            }
                            live++;
                        } catch (IOException e) {
                            connectFailures.incrementAndGet();
                            break;
                        }
                    }
                    nextRamp = now + 50_000_000L;
                }
                selector.select(10);
                now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn conn = (Conn) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            conn.channel.finishConnect();
                            connected(conn, selector, due, now);
                        } else if (key.isReadable()) {
                            read(conn, key);
                        }
                    } catch (IOException e) {
                        if (!conn.connected) {
                            connectFailures.incrementAndGet();
                        }
                        end(conn, key);
                    }
                    if (conn.done && key.isValid()) {
                        key.cancel();
                    }
                    if (conn.done) {
                        reopenAt.add(now + RECONNECT_NANOS);
                    }
                }
                selector.selectedKeys().clear();
                while (!due.isEmpty() && due.peek().dueNanos <= now) {
                    Conn conn = due.poll();
                    if (conn.done) {
                        continue;
                    }
                    try {
                        conn.channel.write(ByteBuffer.wrap(trickle, conn.sent % trickle.length, 1));
                        conn.sent++;
                        bytesTrickled.incrementAndGet();
                        conn.dueNanos += periodNanos;
                        due.add(conn);
                    } catch (IOException e) {
                        SelectionKey key = conn.channel.keyFor(selector);
                        end(conn, key);
                        if (key != null) {
                            key.cancel();
                        }
                        reopenAt.add(now + RECONNECT_NANOS);
                    }
                }
                if (all.size() > 4 * target) {
                    all.removeIf(c -> c.done);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            for (Conn conn : all) {
                try {
                    conn.channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            held.set(0);
        }
    }

    private void connected(Conn conn, Selector selector, PriorityQueue<Conn> due, long now) throws IOException {
        conn.connected = true;
        opened.incrementAndGet();
        held.incrementAndGet();
        conn.channel.write(ByteBuffer.wrap(head));
        conn.channel.register(selector, SelectionKey.OP_READ, conn);
        conn.dueNanos = now + ThreadLocalRandom.current().nextLong(periodNanos);
        due.add(conn);
    }

    /** Reads what the server says: the status of its answer, or the end of the connection. */
    private void read(Conn conn, SelectionKey key) throws IOException {
        ByteBuffer sink = conn.answer.hasRemaining() ? conn.answer : ByteBuffer.allocate(4096);
        int n = conn.channel.read(sink);
        if (n < 0) {
            end(conn, key);
            return;
        }
        if (sink == conn.answer && !conn.answer.hasRemaining()) {
            String line = new String(conn.answer.array(), StandardCharsets.US_ASCII);
            int status = line.startsWith("HTTP/1.") && line.length() >= 12 ? parse(line.substring(9, 12)) : -1;
            answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void end(Conn conn, SelectionKey key) {
        if (conn.done) {
            return;
        }
        conn.done = true;
        if (conn.connected) {
            held.decrementAndGet();
            if (conn.answer.position() < conn.answer.capacity()) {
                if (conn.answer.position() == 0) {
                    closedUnanswered.incrementAndGet();
                } else {
                    answers.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                }
            }
        }
        try {
            conn.channel.close();
        } catch (IOException ignored) {
            // gone already
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
