package eu.heapzilla.eventa.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.out.Mail;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    // --- invitation -------------------------------------------------------------------------

    @Test
    void an_invitation_carries_the_invite_link_and_the_app_link() {
        Mail.Invitation mail = TestMails.invitation();
        String token = TestMails.token(mail);

        RenderedMail rendered = templates.render(mail);

        assertEquals(mail.to(), rendered.to());
        String link = "http://localhost:8080/invite?token=" + token;
        String appLink = "eventa://invite?token=" + token;
        List<String> lines = rendered.text().lines().toList();
        assertTrue(lines.contains(link), "the link has a line of its own in:\n" + rendered.text());
        assertTrue(lines.contains(appLink), "the app link has a line of its own in:\n" + rendered.text());
        assertEquals(2, rendered.html().split(Pattern.quote("href=\"" + link + "\""), -1).length - 1, "the button and the copyable link");
        assertTrue(rendered.html().contains(">Accept the invite</a>"), rendered.html());
        assertTrue(rendered.html().contains("href=\"" + appLink + "\""), rendered.html());
        assertTrue(rendered.html().contains(">" + link + "</a>"), "the link is shown for copying too");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "OWNER  | Gerda invited you to plan \"Jane & Tom's wedding\"",
        "EDITOR | Gerda invited you to plan \"Jane & Tom's wedding\"",
        "VIEWER | Gerda invited you to follow \"Jane & Tom's wedding\"",
    })
    void an_invitation_subject_says_who_invited_to_what(Role role, String subject) {
        RenderedMail rendered = templates.render(TestMails.invitation("Gerda", "Jane & Tom's wedding", role));

        assertEquals(subject, rendered.subject());
        assertTrue(rendered.html().contains("<title>" + MailTemplates.escapeHtml(subject) + "</title>"), rendered.html());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "OWNER  | as an owner, so you can plan and manage members.",
        "EDITOR | as an editor, so you can plan together.",
        "VIEWER | as a viewer, so you can follow along.",
    })
    void an_invitation_says_in_plain_words_what_the_role_lets_one_do(Role role, String words) {
        RenderedMail rendered = templates.render(TestMails.invitation("Gerda", "Jane & Tom's wedding", role));

        String sentence = "Gerda invited you to \"Jane & Tom's wedding\" on eventa " + words;
        assertTrue(rendered.text().lines().anyMatch(sentence::equals), rendered.text());
        assertTrue(rendered.html().contains(">" + MailTemplates.escapeHtml(sentence) + "</p>"), rendered.html());
    }

    @Test
    void both_invitation_parts_say_it_works_once_until_when_that_it_signs_in_and_what_to_do_if_unexpected() {
        RenderedMail rendered = templates.render(TestMails.invitation());

        for (String part : List.of(rendered.text(), rendered.html())) {
            assertTrue(part.contains("This invite works once, until 09:05 UTC on 28 November 2026."), part);
            assertTrue(part.contains("Using this invite also signs you in to eventa."), part);
            assertTrue(part.contains("If you did not expect it, ignore this mail"), part);
            assertTrue(part.contains("You&#39;re invited") || part.contains("You're invited"), part);
            assertTrue(part.contains("sent to ann@example.com"), part);
        }
        assertTrue(rendered.text().contains("Open this link to accept the invite:"), rendered.text());
        assertTrue(rendered.text().contains("To accept the invite in the eventa app on this phone"), rendered.text());
        assertTrue(rendered.html().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void the_invitation_and_the_sign_in_mail_share_one_layout() {
        String invite = templates.render(TestMails.invitation()).html();
        String signIn = templates.render(TestMails.signIn()).html();

        String shell = signIn.substring(0, signIn.indexOf("<title>"));
        assertTrue(invite.startsWith(shell), invite);
        String brand = ">eventa</div>";
        assertTrue(invite.contains(brand) && signIn.contains(brand));
        String tail = "</div>\n</body>\n</html>\n";
        assertTrue(invite.endsWith(tail) && signIn.endsWith(tail));
    }

    @Test
    void an_invitation_escapes_what_people_typed_in_the_html_and_keeps_it_literal_in_the_text() {
        String title = "<script>alert(1)</script> & \"x\"";
        String inviter = "<b>Eve</b> 'the' & co";
        RenderedMail rendered = templates.render(TestMails.invitation(inviter, title, Role.VIEWER));

        String html = rendered.html();
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"), html);
        assertTrue(html.contains("&lt;b&gt;Eve&lt;/b&gt; &#39;the&#39; &amp; co invited you to"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains(title), html);
        assertTrue(html.contains("<title>&lt;b&gt;Eve&lt;/b&gt; &#39;the&#39; &amp; co invited you to follow &quot;"), html);
        assertTrue(rendered.text().contains(inviter + " invited you to \"" + title + "\" on eventa"), rendered.text());
        assertEquals(inviter + " invited you to follow \"" + title + "\"", rendered.subject(), "a subject is not HTML");
    }

    @Test
    void a_title_that_looks_like_a_placeholder_is_not_filled_in_again() {
        RenderedMail rendered = templates.render(TestMails.invitation("Gerda", "{link} {appLink}", Role.EDITOR));

        assertTrue(rendered.text().contains("invited you to \"{link} {appLink}\" on eventa"), rendered.text());
        assertTrue(rendered.html().contains("invited you to &quot;{link} {appLink}&quot; on eventa"), rendered.html());
        assertEquals("Gerda invited you to plan \"{link} {appLink}\"", rendered.subject());
    }

    @Test
    void line_breaks_in_a_title_cannot_break_out_of_the_subject_header() {
        String title = "Party\r\nBcc: eve@example.com\n\nbody\u2028more\u0085end\t!";

        String subject = templates.render(TestMails.invitation("Gerda", title, Role.EDITOR)).subject();

        assertEquals("Gerda invited you to plan \"Party Bcc: eve@example.com body more end !\"", subject);
        assertTrue(subject.codePoints().noneMatch(Character::isISOControl), subject);
    }

    @Test
    void a_rendered_mail_refuses_a_subject_of_more_than_one_line() {
        Email to = Email.of("ann@example.com");

        for (String subject : List.of("a\r\nBcc: eve@example.com", "a\nb", "a\rb", "a\u0000b", "a\u2028b")) {
            assertThrows(IllegalArgumentException.class, () -> new RenderedMail(to, subject, "text", "html"), subject);
        }
    }

    @Test
    void a_long_title_and_a_long_name_are_cut_with_an_ellipsis_in_the_subject_only() {
        String title = "The very long and detailed title of a wedding ".repeat(4).strip(); // 183 characters
        String inviter = "Gerda Maria Theresia von und zu Habsburg-Lothringen-Wittelsbach";

        RenderedMail rendered = templates.render(TestMails.invitation(inviter, title, Role.OWNER));

        String subject = rendered.subject();
        assertEquals("Gerda Maria Theresia von und zu Habsbur\u2026 invited you to plan "
                + "\"The very long and detailed title of a wedding The very long\u2026\"", subject);
        assertTrue(subject.length() <= MailTemplates.SUBJECT_NAME_LENGTH + MailTemplates.SUBJECT_TITLE_LENGTH + 30, subject);
        assertTrue(rendered.text().contains(inviter + " invited you to \"" + title + "\""), "the body has it all");
    }

    @Test
    void a_title_exactly_as_long_as_the_subject_allows_is_not_cut() {
        String title = "x".repeat(MailTemplates.SUBJECT_TITLE_LENGTH);

        String subject = templates.render(TestMails.invitation("Gerda", title, Role.EDITOR)).subject();

        assertEquals("Gerda invited you to plan \"" + title + "\"", subject);
    }

    @Test
    void cutting_a_title_never_splits_a_character_outside_the_bmp() {
        String title = "\uD83C\uDF89".repeat(100); // 100 party poppers, 200 UTF-16 units

        String subject = templates.render(TestMails.invitation("Gerda", title, Role.EDITOR)).subject();

        assertEquals("Gerda invited you to plan \"" + "\uD83C\uDF89".repeat(59) + "\u2026\"", subject);
        assertTrue(subject.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE), subject);
    }

    @Test
    void an_invitation_html_is_self_contained_ascii_with_short_lines() {
        String html = templates.render(TestMails.invitation("Zo\u00eb", "Zo\u00eb's \uD83C\uDF89 party", Role.OWNER)).html();

        assertTrue(html.chars().allMatch(c -> c < 0x80), "non-ASCII is written as character references");
        assertTrue(html.contains("Zo&#xeb;&#39;s &#x1f389; party"), html);
        for (String forbidden : List.of("<img", "<link", "<script", "@import", "url(", "src=")) {
            assertFalse(html.contains(forbidden), "no " + forbidden + " in a self-contained mail");
        }
        assertTrue(html.lines().allMatch(line -> line.length() <= 998), "RFC 5322 line length");
    }

    @Test
    void rendering_an_invitation_is_a_pure_function_of_the_mail() {
        Mail.Invitation mail = TestMails.invitation();

        assertEquals(templates.render(mail), templates.render(mail));
    }

    @Test
    void kind_secrets_and_description_name_an_invitation_without_its_token() {
        Mail.Invitation mail = TestMails.invitation();

        assertEquals("invite", MailTemplates.kind(mail));
        assertEquals(List.of(TestMails.token(mail)), MailTemplates.secrets(mail));
        assertEquals("invite mail to ann@example.com", MailTemplates.describe(mail));
    }

    /**
     * Java 17 has no exhaustive pattern switch, so nothing else notices a new kind of mail: it
     * would fail at run time. Add its template (render, kind, secrets) and tests, then add it here.
     */
    @Test
    void every_kind_of_mail_has_a_template() {
        assertEquals(Set.of(Mail.SignInLink.class, Mail.Invitation.class), Set.of(Mail.class.getPermittedSubclasses()),
                "a new kind of Mail needs a template in MailTemplates");
    }
}
