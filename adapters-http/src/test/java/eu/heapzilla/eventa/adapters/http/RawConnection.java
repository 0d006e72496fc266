package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection on a plain socket, for clients no HTTP library imitates: ones that send
 * a head or a body a few bytes at a time, or hold connections open without a request.
 */
final class RawConnection implements AutoCloseable {

    /** What the server answered: status line, headers and body as text. */
    record Answer(int status, String head, String body) {

        JsonNode json() {
            return TestClient.json(body);
        }

        boolean closes() {
            return head.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close");
        }
    }

    private final Socket socket = new Socket();

    RawConnection(int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(15_000);
    }

    RawConnection send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return this;
    }

    /**
     * Sends {@code text} a byte every {@code gapMillis} until the server answers (its first byte
     * arrives) or everything is sent; true when the server answered before the end.
     */
    boolean trickle(String text, long gapMillis) throws IOException, InterruptedException {
        InputStream in = socket.getInputStream();
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            if (in.available() > 0) {
                return true;
            }
            try {
                socket.getOutputStream().write(b);
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                return true;
            }
            Thread.sleep(gapMillis);
        }
        return in.available() > 0;
    }

    /** Reads the server's answer to its end (the server closes the connection, or Content-Length says so). */
    Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int headEnd = -1;
        long length = -1;
        try {
            for (int b; (b = in.read()) != -1; ) {
                bytes.write(b);
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
                    headEnd = text.length();
                    for (String line : text.split("\r\n")) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Long.parseLong(line.substring(15).strip());
                        }
                    }
                }
                if (headEnd >= 0 && length >= 0 && bytes.size() - headEnd >= length) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + socket.getSoTimeout() + " ms; so far: " + bytes, e);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (headEnd < 0) {
            throw new AssertionError("no complete answer: '" + text + "'");
        }
        String head = text.substring(0, headEnd);
        return new Answer(Integer.parseInt(head.substring(9, 12)), head, text.substring(headEnd));
    }

    /** Whether the server has closed the connection (read returns the end of the stream), waiting up to the read timeout. */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (socket.getInputStream().read() == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
