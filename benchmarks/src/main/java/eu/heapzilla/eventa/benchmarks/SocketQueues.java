package eu.heapzilla.eventa.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the bytes of a backlog wait, from the kernel's socket tables ({@code /proc/net/tcp} and
 * {@code tcp6}): bytes that reached the client's sockets but that the client has not read yet
 * (its receive queues: the client is behind), and bytes the server has written but the client's
 * side has not taken (the server's send queues: again the client, or its full buffers). When
 * frames are late and both are small, the backlog is inside the server, before its sockets.
 *
 * @param clientUnread sum of the receive queues of sockets connected to the server's port
 * @param serverUnsent sum of the send queues of the server's own sockets on its port
 * @param sockets established connections to the server's port seen
 */
record SocketQueues(long clientUnread, long serverUnsent, int sockets) {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";

    static SocketQueues sample(int serverPort) {
        long unread = 0;
        long unsent = 0;
        int sockets = 0;
        for (Path table : TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                continue;
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f.length < 5 || !f[3].equals(ESTABLISHED)) {
                    continue;
                }
                int local = port(f[1]);
                int remote = port(f[2]);
                String[] queues = f[4].split(":");
                long tx = Long.parseLong(queues[0], 16);
                long rx = Long.parseLong(queues[1], 16);
                if (remote == serverPort) {
                    unread += rx;
                    sockets++;
                } else if (local == serverPort) {
                    unsent += tx;
                }
            }
        }
        return new SocketQueues(unread, unsent, sockets);
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }
}
