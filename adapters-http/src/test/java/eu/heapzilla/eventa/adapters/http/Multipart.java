package eu.heapzilla.eventa.adapters.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A {@code multipart/form-data} request body that a test composes part by part and that is
 * streamed to the server as it is sent: a part's bytes may be generated on the fly, so a test
 * can send megabytes without holding them.
 */
final class Multipart {

    private final String boundary = "eventa-test-" + UUID.randomUUID();
    private final List<Part> parts = new ArrayList<>();

    /** One part: {@code fileName} null makes it a plain form field. */
    record Part(String name, String fileName, String contentType, long length, Supplier<InputStream> content) {
    }

    Multipart file(String fileName, String contentType, byte[] bytes) {
        return file("file", fileName, contentType, bytes);
    }

    Multipart file(String name, String fileName, String contentType, byte[] bytes) {
        parts.add(new Part(name, fileName, contentType, bytes.length, () -> new ByteArrayInputStream(bytes)));
        return this;
    }

    /** A file of {@code length} bytes that {@code content} generates when the body is sent. */
    Multipart file(String fileName, String contentType, long length, Supplier<InputStream> content) {
        parts.add(new Part("file", fileName, contentType, length, content));
        return this;
    }

    Multipart field(String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        parts.add(new Part(name, null, null, bytes.length, () -> new ByteArrayInputStream(bytes)));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body with its exact length, read from {@link #stream()} while it is sent. */
    HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(this::stream), length());
    }

    /** The body in chunked transfer coding: no length is declared, the server learns it as it reads. */
    HttpRequest.BodyPublisher chunkedPublisher() {
        return HttpRequest.BodyPublishers.ofInputStream(this::stream);
    }

    long length() {
        long length = 0;
        for (Part part : parts) {
            length += head(part).length + part.length() + 2;
        }
        return length + tail().length;
    }

    InputStream stream() {
        List<InputStream> pieces = new ArrayList<>();
        for (Part part : parts) {
            pieces.add(new ByteArrayInputStream(head(part)));
            pieces.add(part.content().get());
            pieces.add(new ByteArrayInputStream(crlf()));
        }
        pieces.add(new ByteArrayInputStream(tail()));
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    /** All of it as bytes, for small bodies. */
    byte[] bytes() {
        try (InputStream in = stream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes a name as browsers do (WHATWG): {@code "} as %22, CR and LF as %0D and %0A, the rest as UTF-8. */
    private static String quoted(String name) {
        return "\"" + name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A") + "\"";
    }

    private byte[] head(Part part) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=").append(quoted(part.name()));
        if (part.fileName() != null) {
            head.append("; filename=").append(quoted(part.fileName()));
        }
        head.append("\r\n");
        if (part.contentType() != null) {
            head.append("Content-Type: ").append(part.contentType()).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] tail() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] crlf() {
        return "\r\n".getBytes(StandardCharsets.US_ASCII);
    }
}
