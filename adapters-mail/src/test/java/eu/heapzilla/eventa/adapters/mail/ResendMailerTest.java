package eu.heapzilla.eventa.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResendMailerTest {

    private static final String KEY = "re_test_0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeResend resend;
    private ResendMailer mailer;

    @BeforeEach
    void start() throws Exception {
        resend = new FakeResend();
        mailer = new ResendMailer(KEY, TestMails.FROM, new MailTemplates(TestMails.BASE_URL), resend.httpClient());
    }

    @AfterEach
    void stop() {
        resend.close();
    }

    @Test
    void sends_what_resend_expects() throws Exception {
        Mail.SignInLink mail = TestMails.signIn();

        mailer.send(mail, "delivery-1");

        assertEquals(1, resend.received().size());
        FakeResend.Received request = resend.received().get(0);
        assertEquals("POST", request.method());
        assertEquals("/emails", request.path());
        assertEquals("https", resend.urlsAskedFor().get(0).scheme(), "the SDK asked for Resend over TLS");
        assertEquals("/emails", resend.urlsAskedFor().get(0).encodedPath());
        assertEquals("Bearer " + KEY, request.header("Authorization"));
        assertEquals("eventa/sign-in/delivery-1", request.header("Idempotency-Key"));
        assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
        assertTrue(request.header("User-Agent").startsWith("resend-java/"), request.header("User-Agent"));

        JsonNode body = JSON.readTree(request.body());
        assertEquals(TestMails.FROM, body.path("from").asText());
        assertTrue(body.path("to").isArray(), request.body());
        assertEquals(List.of("ann@example.com"), List.of(body.path("to").get(0).asText()));
        assertEquals(1, body.path("to").size());
        assertEquals("Sign in to eventa", body.path("subject").asText());
        String link = TestMails.BASE_URL + "/verify?token=" + TestMails.token(mail);
        assertTrue(body.path("html").asText().contains("href=\"" + link + "\""));
        assertTrue(body.path("text").asText().lines().anyMatch(link::equals));
    }

    @Test
    void logs_what_resend_accepted_without_the_token() {
        Mail.SignInLink mail = TestMails.signIn();
        resend.answer(200, "{\"id\":\"4ef9a417-02e9-4d39-ad75-9611e0fcc33c\"}");

        try (CapturedLogs logs = CapturedLogs.mail()) {
            mailer.send(mail, "outbox-1");

            assertEquals(List.of("Resend accepted the sign-in mail to ann@example.com (id 4ef9a417-02e9-4d39-ad75-9611e0fcc33c)"),
                    logs.messages(Level.INFO));
            assertFalse(logs.everything().contains(TestMails.token(mail)));
        }
    }

    @Test
    void sends_an_invitation_with_its_subject_link_and_own_idempotency_key_and_logs_no_token() throws Exception {
        Mail.Invitation mail = TestMails.invitation();
        String token = TestMails.token(mail);

        try (CapturedLogs logs = CapturedLogs.mail()) {
            mailer.send(mail, "delivery-2");

            assertEquals(1, logs.messages(Level.INFO).size(), logs.everything());
            assertTrue(logs.messages(Level.INFO).get(0).startsWith("Resend accepted the invite mail to ann@example.com (id "),
                    logs.everything());
            assertFalse(logs.everything().contains(token), logs.everything());
        }

        assertEquals(1, resend.received().size());
        FakeResend.Received request = resend.received().get(0);
        assertEquals("eventa/invite/delivery-2", request.header("Idempotency-Key"));
        JsonNode body = JSON.readTree(request.body());
        assertEquals("ann@example.com", body.path("to").get(0).asText());
        assertEquals("Gerda invited you to plan \"Jane & Tom's wedding\"", body.path("subject").asText());
        String link = TestMails.BASE_URL + "/invite?token=" + token;
        assertTrue(body.path("html").asText().contains("href=\"" + link + "\""), request.body());
        assertTrue(body.path("html").asText().contains("Jane &amp; Tom&#39;s wedding"), request.body());
        assertTrue(body.path("text").asText().lines().anyMatch(link::equals), request.body());
    }

    @ParameterizedTest(name = "{0} {1} -> retryable {2}")
    @CsvSource({
        "500, internal_server_error, true",
        "502, ,                      true",
        "503, ,                      true",
        "429, rate_limit_exceeded,   true",
        "408, ,                      true",
        "409, concurrent_idempotent_requests, true",
        "409, invalid_idempotent_request,     false",
        "422, validation_error,      false",
        "401, missing_api_key,       false",
        "403, invalid_api_key,       false",
        "400, invalid_idempotency_key, false",
    })
    void a_refusal_says_whether_trying_again_may_help(int status, String name, boolean retryable) {
        String body = name == null ? "" : "{\"statusCode\":" + status + ",\"name\":\"" + name
                + "\",\"message\":\"Resend says no (" + name + ")\"}";
        resend.answer(status, body);
        if (status == 408) {
            resend.answer(status, body); // okhttp itself repeats a request once after a 408
        }

        MailNotSent refused = assertThrows(MailNotSent.class, () -> mailer.send(TestMails.signIn(), "outbox-1"));

        assertEquals(retryable, refused.retryable(), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("Resend answered " + status), refused.getMessage());
        if (name != null) {
            assertTrue(refused.getMessage().contains(name), refused.getMessage());
            assertTrue(refused.getMessage().contains("Resend says no"), refused.getMessage());
        }
    }

    @Test
    void an_error_page_that_is_not_json_is_still_a_readable_refusal() {
        resend.answer(502, "<html><body>\n<h1>502 Bad Gateway</h1>\n</body></html>");

        MailNotSent refused = assertThrows(MailNotSent.class, () -> mailer.send(TestMails.signIn(), "outbox-1"));

        assertTrue(refused.retryable());
        assertEquals("Resend answered 502: <html><body> <h1>502 Bad Gateway</h1> </body></html>", refused.getMessage());
    }

    @Test
    void an_unreachable_resend_is_retryable() {
        resend.close(); // nothing listens on its port any more

        MailNotSent unreachable = assertThrows(MailNotSent.class, () -> mailer.send(TestMails.signIn(), "outbox-1"));

        assertTrue(unreachable.retryable());
        assertTrue(unreachable.getMessage().startsWith("Resend could not be reached: "), unreachable.getMessage());
        assertNotNull(unreachable.getCause());
    }

    @Test
    void a_retry_repeats_the_same_idempotency_key_and_body_and_another_mail_gets_another_key() {
        resend.answer(500, "{\"name\":\"internal_server_error\",\"message\":\"try later\"}");
        Mail.SignInLink first = TestMails.signIn();
        Mail.SignInLink second = TestMails.signIn("bob@example.com");

        assertThrows(MailNotSent.class, () -> mailer.send(first, "outbox-1"));
        mailer.send(first, "outbox-1");
        mailer.send(second, "outbox-2");

        List<FakeResend.Received> requests = resend.received();
        String key = requests.get(0).header("Idempotency-Key");
        assertEquals("eventa/sign-in/outbox-1", key);
        assertEquals(key, requests.get(1).header("Idempotency-Key"));
        assertEquals(requests.get(0).body(), requests.get(1).body(), "Resend refuses a repeated key with another body");
        assertEquals("eventa/sign-in/outbox-2", requests.get(2).header("Idempotency-Key"));
    }
}
