package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.postgres.TestDatabase;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fully wired server for the web app's browser tests: a fresh database, its data (and the
 * development mailer's {@code .eml} files) in {@code dir}, listening on loopback with the base URL
 * the browser opens. Closing stops it.
 */
final class WebServer implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("(http://[^\\s\"<>]+/(verify|invite)\\?token=[A-Za-z0-9_-]{43})");

    private final Server server;
    private final Path mailDir;
    private final String base;
    private final TestApi api;

    private WebServer(Server server, Path mailDir, String base) {
        this.server = server;
        this.mailDir = mailDir;
        this.base = base;
        this.api = new TestApi(base);
    }

    static WebServer start(Path dir) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Map<String, String> env = TestApi.serverEnvironment(TestDatabase.fresh(), port, dir.resolve("data"));
            Server server = Server.start(Config.from(env, dir));
            return new WebServer(server, dir.resolve("data/mail"), "http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String base() {
        return base;
    }

    String url(String path) {
        return base + path;
    }

    TestApi api() {
        return api;
    }

    /**
     * The link of the newest mail to {@code address} whose link goes to {@code page} ("verify" or
     * "invite"), read with a real MIME parser from the {@code .eml} file; waits up to 15 s for it.
     */
    String linkMailedTo(String address, String page, Instant after) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> link = newestLink(address, page, after);
            if (link.isPresent()) {
                return link.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + page + " mail to " + address + " appeared in " + mailDir);
    }

    /** How many mails to {@code address} the development mailer has written. */
    long mailsTo(String address) {
        if (!Files.isDirectory(mailDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(mailDir)) {
            return files.filter(f -> f.toString().endsWith(".eml"))
                    .filter(f -> linkIn(f, address, "verify").isPresent() || linkIn(f, address, "invite").isPresent()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> newestLink(String address, String page, Instant after) {
        if (!Files.isDirectory(mailDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(mailDir)) {
            List<Path> mails = files.filter(f -> f.toString().endsWith(".eml"))
                    .filter(f -> modified(f).isAfter(after.minusMillis(1)))
                    .sorted(Comparator.comparing(WebServer::modified).reversed()).toList();
            for (Path mail : mails) {
                Optional<String> link = linkIn(mail, address, page);
                if (link.isPresent()) {
                    return link;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static Optional<String> linkIn(Path eml, String address, String page) {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            if (!message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                return Optional.empty();
            }
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    Matcher matcher = LINK.matcher((String) part.getContent());
                    while (matcher.find()) {
                        if (matcher.group(2).equals(page)) {
                            return Optional.of(matcher.group(1));
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            // a mail still being written is read again on the next round
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
