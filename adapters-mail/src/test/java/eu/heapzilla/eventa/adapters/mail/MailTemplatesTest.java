package eu.heapzilla.eventa.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.ports.out.Mail;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates(TestMails.BASE_URL);

    @Test
    void a_sign_in_mail_carries_the_verify_link_and_the_app_link() {
        Mail.SignInLink mail = TestMails.signIn();
        String token = TestMails.token(mail);

        RenderedMail rendered = templates.render(mail);

        assertEquals(mail.to(), rendered.to());
        assertEquals("Sign in to eventa", rendered.subject());
        String link = "http://localhost:8080/verify?token=" + token;
        String appLink = "eventa://verify?token=" + token;
        List<String> lines = rendered.text().lines().toList();
        assertTrue(lines.contains(link), "the link has a line of its own in:\n" + rendered.text());
        assertTrue(lines.contains(appLink), "the app link has a line of its own in:\n" + rendered.text());
        assertTrue(rendered.html().contains("href=\"" + link + "\""), rendered.html());
        assertTrue(rendered.html().contains("href=\"" + appLink + "\""), rendered.html());
        assertTrue(rendered.html().contains(">" + link + "</a>"), "the link is shown for copying too");
    }

    @Test
    void both_parts_say_the_link_works_once_until_when_and_what_to_do_if_unasked() {
        RenderedMail rendered = templates.render(TestMails.signIn());

        for (String part : List.of(rendered.text(), rendered.html())) {
            assertTrue(part.contains("works once"), part);
            assertTrue(part.contains("expires at 10:45 UTC on 21 November 2026"), part);
            assertTrue(part.contains("If you did not ask for this, ignore this mail"), part);
            assertTrue(part.contains("eventa"), part);
        }
        assertTrue(rendered.html().startsWith("<!DOCTYPE html>"));
        assertTrue(rendered.html().contains("<title>Sign in to eventa</title>"));
    }

    @Test
    void rendering_is_a_pure_function_of_the_mail_so_a_retry_sends_the_same_request() {
        Mail.SignInLink mail = TestMails.signIn();

        assertEquals(templates.render(mail), templates.render(mail));
    }

    @Test
    void every_value_in_the_html_is_escaped() {
        Mail.SignInLink mail = TestMails.signIn("o'neil&co@example.com");
        MailTemplates hostile = new MailTemplates("https://example.com/a\"b<i>c</i>");

        RenderedMail rendered = hostile.render(mail);

        assertTrue(rendered.html().contains("sent to o&#39;neil&amp;co@example.com"), rendered.html());
        assertFalse(rendered.html().contains("o'neil&co"), rendered.html());
        assertTrue(rendered.html().contains("href=\"https://example.com/a&quot;b&lt;i&gt;c&lt;/i&gt;/verify?token="),
                rendered.html());
        assertFalse(rendered.html().contains("<i>"), rendered.html());
        assertTrue(rendered.text().contains("sent to o'neil&co@example.com"), "plain text is not escaped");
    }

    @Test
    void a_value_that_looks_like_a_placeholder_is_not_filled_in_again() {
        Mail.SignInLink mail = TestMails.signIn("{link}@example.com");

        RenderedMail rendered = templates.render(mail);

        assertTrue(rendered.text().contains("sent to {link}@example.com"), rendered.text());
    }

    @Test
    void the_html_is_self_contained_ascii_with_short_lines() {
        String html = new MailTemplates("http://bücher.example").render(TestMails.signIn()).html();

        assertTrue(html.chars().allMatch(c -> c < 0x80), "non-ASCII is written as character references");
        assertTrue(html.contains("http://b&#xfc;cher.example/verify?token="), html);
        for (String forbidden : List.of("<img", "<link", "<script", "@import", "url(", "src=")) {
            assertFalse(html.contains(forbidden), "no " + forbidden + " in a self-contained mail");
        }
        assertTrue(html.lines().allMatch(line -> line.length() <= 998), "RFC 5322 line length");
    }

    @Test
    void the_text_part_is_ascii_for_a_plain_base_url() {
        String text = templates.render(TestMails.signIn()).text();

        assertTrue(text.chars().allMatch(c -> c < 0x80), text);
    }

    @Test
    void kind_secrets_and_description_name_the_mail_without_its_token() {
        Mail.SignInLink mail = TestMails.signIn();

        assertEquals("sign-in", MailTemplates.kind(mail));
        assertEquals(List.of(TestMails.token(mail)), MailTemplates.secrets(mail));
        assertEquals("sign-in mail to ann@example.com", MailTemplates.describe(mail));
    }

    /**
     * Java 17 has no exhaustive pattern switch, so nothing else notices a new kind of mail: it
     * would fail at run time. Add its template (render, kind, secrets) and tests, then add it here.
     */
    @Test
    void every_kind_of_mail_has_a_template() {
        assertEquals(Set.of(Mail.SignInLink.class), Set.of(Mail.class.getPermittedSubclasses()),
                "a new kind of Mail needs a template in MailTemplates");
    }
}
