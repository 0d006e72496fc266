package eu.heapzilla.eventa.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Ask a running server whether it is ready (GET /ready); exit 0 when it is, 1 when not.",
            "For container health checks: the image has no curl."})
final class HealthCommand implements Callable<Integer> {

    @ParentCommand
    private EventaCommand parent;

    @Option(names = "--url", paramLabel = "URL",
            description = "what to ask (default: http://127.0.0.1:$EVENTA_PORT/ready)")
    private String url;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5", description = "give up after (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        String target = url != null ? url : "http://127.0.0.1:" + parent.config().port() + "/ready";
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(target)).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean ready = response.statusCode() == 200;
            (ready ? parent.out() : parent.err()).println(target + ": " + response.statusCode() + " " + response.body());
            return ready ? Main.OK : Main.FAILED;
        } catch (IOException | IllegalArgumentException e) {
            parent.err().println(target + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            return Main.FAILED;
        }
    }
}
