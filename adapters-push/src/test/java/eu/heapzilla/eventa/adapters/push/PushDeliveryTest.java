package eu.heapzilla.eventa.adapters.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.push.testing.FakeFcmServer;
import eu.heapzilla.eventa.ports.out.PushOutcome;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushDeliveryTest {

    @TempDir
    Path temp;

    @Test
    void without_credentials_or_project_pushes_are_logged() {
        try (PushDelivery delivery = PushDelivery.start(new PushSettings(Optional.empty(), Optional.empty()))) {
            assertEquals("no push credentials (GOOGLE_APPLICATION_CREDENTIALS, EVENTA_FCM_PROJECT_ID):"
                    + " pushes are logged, not sent", delivery.description());
            assertInstanceOf(LoggingPushGateway.class, delivery.gateway());
            assertEquals(new PushOutcome.Sent("logged-1"), delivery.gateway().send(TestPushes.push()));
        }
    }

    @Test
    void a_project_without_credentials_is_refused_naming_the_missing_variable() {
        PushSettings settings = new PushSettings(Optional.empty(), Optional.of("eventa-demo"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PushDelivery.start(settings));

        assertTrue(refused.getMessage().startsWith("GOOGLE_APPLICATION_CREDENTIALS must be set when EVENTA_FCM_PROJECT_ID is"),
                refused.getMessage());
    }

    @Test
    void credentials_without_a_project_are_refused_naming_the_missing_variable() throws Exception {
        try (FakeFcmServer fcm = new FakeFcmServer()) {
            PushSettings settings = new PushSettings(Optional.of(fcm.writeCredentials(temp, "eventa-demo")), Optional.of("  "));

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PushDelivery.start(settings));

            assertTrue(refused.getMessage().startsWith("EVENTA_FCM_PROJECT_ID must be set when GOOGLE_APPLICATION_CREDENTIALS is"),
                    refused.getMessage());
        }
    }

    @Test
    void a_credentials_file_that_is_not_a_key_is_refused_without_showing_it() throws Exception {
        Path garbage = Files.writeString(temp.resolve("key.json"), "{\"private_key\": \"s3cr3t-not-json");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PushDelivery.start(new PushSettings(Optional.of(garbage), Optional.of("eventa-demo"))));

        assertTrue(refused.getMessage().contains("GOOGLE_APPLICATION_CREDENTIALS names " + garbage), refused.getMessage());
        assertTrue(refused.getMessage().contains("not a valid Firebase service-account key"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cr3t"), refused.getMessage());
        assertEquals(null, refused.getCause(), "a cause's message could quote the file");
    }

    @Test
    void credentials_of_another_kind_are_refused() throws Exception {
        Path user = Files.writeString(temp.resolve("user.json"),
                "{\"type\":\"authorized_user\",\"client_id\":\"a\",\"client_secret\":\"b\",\"refresh_token\":\"c\"}");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PushDelivery.start(new PushSettings(Optional.of(user), Optional.of("eventa-demo"))));

        assertTrue(refused.getMessage().contains("not a valid Firebase service-account key"), refused.getMessage());
    }

    @Test
    void a_credentials_file_that_is_not_there_is_refused() {
        Path missing = temp.resolve("nowhere.json");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PushDelivery.start(new PushSettings(Optional.of(missing), Optional.of("eventa-demo"))));

        assertEquals("GOOGLE_APPLICATION_CREDENTIALS names " + missing + ", which cannot be read (NoSuchFileException)",
                refused.getMessage());
    }

    @Test
    void with_credentials_and_a_project_pushes_go_to_fcm() throws Exception {
        try (FakeFcmServer fcm = new FakeFcmServer()) {
            PushSettings settings = new PushSettings(Optional.of(fcm.writeCredentials(temp, "eventa-demo")),
                    Optional.of("eventa-demo"));

            try (PushDelivery delivery = PushDelivery.start(settings, fcm.transport())) {
                assertEquals("FCM, project eventa-demo", delivery.description());

                PushOutcome outcome = delivery.gateway().send(TestPushes.push());

                assertEquals(new PushOutcome.Sent("projects/eventa-demo/messages/1000001"), outcome);
            }
            assertEquals(1, fcm.awaitAccepted(1, Duration.ofSeconds(5)).size());
        }
    }

    @Test
    void the_public_start_picks_fcm_for_credentials_and_a_project_without_calling_out() throws Exception {
        try (FakeFcmServer fcm = new FakeFcmServer()) {
            PushSettings settings = new PushSettings(Optional.of(fcm.writeCredentials(temp, "eventa-demo")),
                    Optional.of("eventa-demo"));

            try (PushDelivery delivery = PushDelivery.start(settings)) {
                assertEquals("FCM, project eventa-demo", delivery.description());
            }
            assertEquals(0, fcm.tokenRequests());
        }
    }

    @Test
    void the_gateways_handed_out_are_only_the_port() {
        assertFalse(Modifier.isPublic(FcmPushGateway.class.getModifiers()));
        assertFalse(Modifier.isPublic(LoggingPushGateway.class.getModifiers()));
    }

    @Test
    void settings_are_normalised_and_checked() {
        PushSettings settings = new PushSettings(Optional.of(Path.of("key.json")), Optional.of(" eventa-demo "));

        assertTrue(settings.credentialsFile().orElseThrow().isAbsolute());
        assertEquals(Optional.of("eventa-demo"), settings.projectId());
        assertEquals(Duration.ofSeconds(10), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(10), settings.readTimeout());
        assertEquals(Optional.empty(), new PushSettings(Optional.empty(), Optional.of(" ")).projectId());
        assertThrows(IllegalArgumentException.class,
                () -> new PushSettings(Optional.empty(), Optional.empty(), Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new PushSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> new PushSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(1), Duration.ofDays(30)));
    }
}
