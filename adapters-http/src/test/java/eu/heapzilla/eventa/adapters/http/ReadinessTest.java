package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void notReadyIsA503InTheErrorShapeWhileHealthStaysUp() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/eventa", "eventa", null, 1);
        try (PostgresPersistence persistence = new PostgresPersistence(nowhere);
             HttpServer server = new HttpServer(new HttpSettings("127.0.0.1", 0, 1024),
                     TestPorts.inPorts(persistence)).start()) {
            TestClient client = new TestClient(server.port());
            JsonNode body = assertError(client.get("/ready"), 503, "not_ready");
            assertEquals("database does not answer", body.path("info").path("problems").path(0).asText());
            assertFalse(body.toString().contains(Integer.toString(closedPort)), "where the database is stays in the log: " + body);
            assertEquals(200, client.get("/health").statusCode());
            HttpResponse<String> head = client.send(client.request("/ready").method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(503, head.statusCode(), "a monitor asking with HEAD learns it too");
            assertEquals("", head.body());
            assertEquals(200, client.send(client.request("/health").method("HEAD", HttpRequest.BodyPublishers.noBody()))
                    .statusCode());
        }
    }
}
