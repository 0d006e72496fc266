package eu.heapzilla.eventa.adapters.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written by hand on a socket, for what no client library sends: a request target with
 * broken percent-encoding, a malformed request line, headers beyond every limit. Each exchange
 * is one request on its own connection, read until the server closes it.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A response as it came off the wire. */
    record Answer(int status, HttpHeaders headers, String body, String raw) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** {@code method target} with {@code Host}, {@code bearer} (none when null) and {@code Connection: close}. */
    static Answer request(int port, String method, String target, String bearer) {
        return exchange(port, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
                + (method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "Content-Length: 0\r\n" : "")
                + "Connection: close\r\n\r\n");
    }

    /** Sends {@code request} as it is and reads the answer. */
    static Answer exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("not an HTTP/1.1 response: " + raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip(), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        String content = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", List.of("")).get(0))) {
            content = unchunked(content);
        }
        String body = new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return new Answer(status, HttpHeaders.of(headers, (name, value) -> true), body, raw);
    }

    private static String unchunked(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
