package eu.heapzilla.eventa.adapters.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.firebase.FirebaseApp;
import eu.heapzilla.eventa.adapters.push.testing.FakeFcmServer.Answer;
import eu.heapzilla.eventa.adapters.push.testing.FakeFcmServer.SendRequest;
import eu.heapzilla.eventa.adapters.push.testing.FakeFcmServer;
import eu.heapzilla.eventa.ports.out.PushMessage;
import eu.heapzilla.eventa.ports.out.PushOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Firebase Admin SDK, from a key file on disk, against {@link FakeFcmServer}. */
class FcmPushGatewayTest {

    private static final String PROJECT = "eventa-demo";

    @TempDir
    Path temp;

    private FakeFcmServer fcm;
    private PushDelivery delivery;

    @BeforeEach
    void start() throws IOException {
        fcm = new FakeFcmServer();
        delivery = deliveryWithReadTimeout(PushSettings.DEFAULT_READ_TIMEOUT);
    }

    @AfterEach
    void stop() {
        delivery.close();
        fcm.close();
    }

    private PushDelivery deliveryWithReadTimeout(Duration readTimeout) throws IOException {
        PushSettings settings = new PushSettings(Optional.of(fcm.writeCredentials(temp, PROJECT)), Optional.of(PROJECT),
                PushSettings.DEFAULT_CONNECT_TIMEOUT, readTimeout);
        return PushDelivery.start(settings, fcm.transport());
    }

    private PushOutcome send() {
        return delivery.gateway().send(TestPushes.push());
    }

    @Test
    void sends_a_data_only_message_with_the_events_collapse_key() {
        PushMessage push = TestPushes.push();

        PushOutcome outcome = delivery.gateway().send(push);

        assertEquals(1, fcm.accepted().size());
        SendRequest sent = fcm.accepted().get(0);
        assertEquals(new PushOutcome.Sent("projects/" + PROJECT + "/messages/1000001"), outcome);
        assertEquals(PROJECT, sent.project());
        assertEquals(TestPushes.TOKEN, sent.token());
        assertEquals(Map.of("kind", "task_assigned", "event_id", TestPushes.EVENT.toString(), "entity_type", "task",
                "entity_id", "3f2a9c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "seq", "42"), sent.data());
        assertFalse(sent.hasNotification(), sent.json());
        assertEquals("event-" + TestPushes.EVENT, sent.androidCollapseKey());
        assertEquals("high", sent.androidPriority());
        assertEquals(Map.of("apns-collapse-id", "event-" + TestPushes.EVENT, "apns-priority", "5",
                "apns-push-type", "background"), sent.apnsHeaders());
        assertTrue(sent.apnsContentAvailable(), sent.json());
        assertEquals(Map.of("Topic", FcmMessages.webPushTopic(push.collapseKey())), sent.webpushHeaders());
        assertTrue(sent.webpushHeaders().get("Topic").matches("[A-Za-z0-9_-]{32}"), sent.webpushHeaders().toString());
        assertEquals(1, fcm.tokenRequests());
        assertEquals("Bearer " + fcm.issuedTokens().get(0), sent.authorization());
    }

    @Test
    void the_access_token_is_fetched_once_and_reused() {
        send();
        send();

        assertEquals(2, fcm.accepted().size());
        assertEquals(1, fcm.tokenRequests());
    }

    @Test
    void unregistered_means_the_token_is_gone() {
        fcm.answerNext(Answer.fcmError("UNREGISTERED"));

        PushOutcome.TokenGone gone = assertInstanceOf(PushOutcome.TokenGone.class, send());

        assertEquals("FCM answered 404 UNREGISTERED: Requested entity was not found.", gone.reason());
    }

    @Test
    void an_invalid_token_is_gone() {
        fcm.answerNext(Answer.fcmError("INVALID_ARGUMENT"));

        PushOutcome.TokenGone gone = assertInstanceOf(PushOutcome.TokenGone.class, send());

        assertTrue(gone.reason().startsWith("FCM answered 400 INVALID_ARGUMENT: "), gone.reason());
    }

    @Test
    void an_invalid_argument_about_the_token_field_is_gone_too() {
        fcm.answerNext(Answer.fcmError("INVALID_ARGUMENT").withFieldViolation("message.token"));

        assertInstanceOf(PushOutcome.TokenGone.class, send());
    }

    @Test
    void an_invalid_argument_about_another_field_fails_and_keeps_the_token() {
        fcm.answerNext(Answer.fcmError("INVALID_ARGUMENT").withFieldViolation("message.data[0].value")
                .withMessage("Invalid value at 'message.data[0].value'"));

        PushOutcome.Failed failed = assertInstanceOf(PushOutcome.Failed.class, send());

        assertTrue(failed.reason().contains("message.data[0].value"), failed.reason());
    }

    @Test
    void a_sender_id_mismatch_is_gone() {
        fcm.answerNext(Answer.fcmError("SENDER_ID_MISMATCH"));

        assertInstanceOf(PushOutcome.TokenGone.class, send());
    }

    @Test
    void a_rule_per_token_answers_every_send_to_it() {
        fcm.answerForTokens(token -> token.startsWith("dead-"), Answer.fcmError("UNREGISTERED"));

        assertInstanceOf(PushOutcome.TokenGone.class, delivery.gateway().send(TestPushes.push("dead-1")));
        assertInstanceOf(PushOutcome.TokenGone.class, delivery.gateway().send(TestPushes.push("dead-1")));
        assertInstanceOf(PushOutcome.Sent.class, delivery.gateway().send(TestPushes.push("alive-1")));
        assertEquals(1, fcm.accepted().size());
    }

    @Test
    void quota_exceeded_is_retried_after_the_time_fcm_names_and_the_sdk_does_not_retry_it() {
        fcm.answerNext(Answer.fcmError("QUOTA_EXCEEDED").withRetryAfter("7"));

        PushOutcome.Retry retry = assertInstanceOf(PushOutcome.Retry.class, send());

        assertEquals(Optional.of(Duration.ofSeconds(7)), retry.after());
        assertTrue(retry.reason().startsWith("FCM answered 429 QUOTA_EXCEEDED"), retry.reason());
        assertEquals(1, fcm.requests().size());
    }

    @Test
    void an_internal_error_is_retried_later_and_the_sdk_does_not_retry_it() {
        fcm.answerNext(Answer.fcmError("INTERNAL"));

        PushOutcome.Retry retry = assertInstanceOf(PushOutcome.Retry.class, send());

        assertEquals(Optional.empty(), retry.after());
        assertEquals(1, fcm.requests().size());
    }

    /** The SDK retries a 503 by itself, four times, after 0.5, 1, 2 and 4 s: this test takes 7.5 s. */
    @Test
    void a_steady_503_is_retried_later_after_the_sdk_tried_five_times() {
        fcm.answerForTokens(token -> true, Answer.fcmError("UNAVAILABLE"));

        long started = System.nanoTime();
        PushOutcome.Retry retry = assertInstanceOf(PushOutcome.Retry.class, send());

        assertEquals(Optional.empty(), retry.after());
        assertTrue(retry.reason().startsWith("FCM answered 503 UNAVAILABLE"), retry.reason());
        assertEquals(5, fcm.requests().size());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(7_400)) >= 0);
    }

    @Test
    void a_single_503_is_hidden_by_the_sdks_own_retry() {
        fcm.answerNext(Answer.fcmError("UNAVAILABLE"));

        assertInstanceOf(PushOutcome.Sent.class, send());

        assertEquals(2, fcm.requests().size());
        assertEquals(1, fcm.accepted().size());
    }

    @Test
    void a_503_asking_for_more_than_a_minute_ends_at_once_with_that_wait() {
        fcm.answerNext(Answer.fcmError("UNAVAILABLE").withRetryAfter("61"));

        PushOutcome.Retry retry = assertInstanceOf(PushOutcome.Retry.class, send());

        assertEquals(Optional.of(Duration.ofSeconds(61)), retry.after());
        assertEquals(1, fcm.requests().size());
    }

    @Test
    void a_permission_error_fails() {
        fcm.answerNext(Answer.status(403).withMessage("The caller does not have permission"));

        PushOutcome.Failed failed = assertInstanceOf(PushOutcome.Failed.class, send());

        assertEquals("FCM answered 403 PERMISSION_DENIED: The caller does not have permission", failed.reason());
        assertEquals(1, fcm.requests().size());
    }

    /**
     * A 401 makes the SDK fetch a new access token and send again, within its four retries. The
     * JDK's HttpURLConnection drops the body of a 401, so FCM's error code is not seen.
     */
    @Test
    void a_steady_401_fails_after_the_sdk_renewed_its_token_each_time() {
        fcm.answerForTokens(token -> true, Answer.fcmError("THIRD_PARTY_AUTH_ERROR"));

        PushOutcome.Failed failed = assertInstanceOf(PushOutcome.Failed.class, send());

        assertEquals("FCM answered 401 UNAUTHENTICATED (no details)", failed.reason());
        assertEquals(5, fcm.requests().size());
        assertEquals(6, fcm.tokenRequests(), "one, then one after each 401 (the last one for nothing)");
    }

    @Test
    void a_revoked_access_token_is_renewed_and_the_push_sent() {
        send();
        fcm.revokeIssuedTokens();

        assertInstanceOf(PushOutcome.Sent.class, send());

        assertEquals(2, fcm.tokenRequests());
        assertEquals(3, fcm.requests().size());
        assertEquals("Bearer " + fcm.issuedTokens().get(1), fcm.accepted().get(1).authorization());
    }

    @Test
    void reasons_never_carry_the_access_token() {
        send();
        String accessToken = fcm.issuedTokens().get(0);
        fcm.answerNext(Answer.status(403).withMessage("Permission denied for Bearer " + accessToken + " on this project"));

        PushOutcome.Failed failed = assertInstanceOf(PushOutcome.Failed.class, send());

        assertFalse(failed.reason().contains(accessToken), failed.reason());
        assertTrue(failed.reason().contains("Bearer [redacted]"), failed.reason());
    }

    @Test
    void credentials_the_token_endpoint_refuses_fail_without_a_send() {
        fcm.failTokenRequests(400);

        PushOutcome.Failed failed = assertInstanceOf(PushOutcome.Failed.class, send());

        assertTrue(failed.reason().startsWith("no access token for FCM: "), failed.reason());
        assertTrue(failed.reason().contains("invalid_grant"), failed.reason());
        assertEquals(1, fcm.tokenRequests());
        assertEquals(0, fcm.requests().size());
    }

    @Test
    void a_token_endpoint_that_is_down_is_retried_later_without_the_auth_librarys_own_retries() {
        fcm.failTokenRequests(503);

        PushOutcome.Retry retry = assertInstanceOf(PushOutcome.Retry.class, send());

        assertTrue(retry.reason().startsWith("no access token for FCM: "), retry.reason());
        assertEquals(1, fcm.tokenRequests());
        assertEquals(0, fcm.requests().size());
    }

    @Test
    void fcm_not_listening_is_retried_later() {
        send();
        fcm.close();

        PushOutcome.Retry retry = assertInstanceOf(PushOutcome.Retry.class, send());

        assertEquals(Optional.empty(), retry.after());
        assertTrue(retry.reason().startsWith("FCM did not answer: "), retry.reason());
        assertTrue(retry.reason().contains("ConnectException"), retry.reason());
    }

    @Test
    void fcm_not_answering_in_time_is_retried_later_and_the_push_is_not_accepted() throws Exception {
        delivery.close();
        delivery = deliveryWithReadTimeout(Duration.ofMillis(300));
        send();
        fcm.hang();

        long started = System.nanoTime();
        PushOutcome.Retry retry = assertInstanceOf(PushOutcome.Retry.class, send());

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
        assertTrue(retry.reason().contains("SocketTimeoutException"), retry.reason());
        assertEquals(2, fcm.requests().size(), "one attempt: neither the SDK nor HttpURLConnection sent it again");
        fcm.release();
        assertInstanceOf(PushOutcome.Sent.class, send());
        assertEquals(2, fcm.awaitAccepted(2, Duration.ofSeconds(5)).size());
        assertEquals(3, fcm.requests().size());
    }

    @Test
    void each_gateway_has_its_own_firebase_app_which_close_deletes() throws IOException {
        PushDelivery other = deliveryWithReadTimeout(PushSettings.DEFAULT_READ_TIMEOUT);
        FcmPushGateway first = (FcmPushGateway) delivery.gateway();
        FcmPushGateway second = (FcmPushGateway) other.gateway();
        assertNotEquals(first.appName(), second.appName());
        assertInstanceOf(PushOutcome.Sent.class, first.send(TestPushes.push()));
        assertInstanceOf(PushOutcome.Sent.class, second.send(TestPushes.push()));

        other.close();
        other.close();

        assertTrue(FirebaseApp.getApps().stream().noneMatch(app -> app.getName().equals(second.appName())));
        assertTrue(FirebaseApp.getApps().stream().anyMatch(app -> app.getName().equals(first.appName())));
        assertThrows(IllegalStateException.class, () -> second.send(TestPushes.push()));
        assertInstanceOf(PushOutcome.Sent.class, first.send(TestPushes.push()));
    }

    @Test
    void says_which_project_it_sends_for() {
        assertEquals("FCM, project " + PROJECT, delivery.description());
    }
}
