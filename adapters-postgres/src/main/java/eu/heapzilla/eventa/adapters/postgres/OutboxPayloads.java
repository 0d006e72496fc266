package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.PushMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.JSONB;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.JSONValue;
import org.jooq.tools.json.ParseException;

/**
 * Outbox items as the {@code outbox} table holds them: a kind ({@code mail}, {@code fan_out},
 * {@code push}), a JSON object of the item's fields by their wire names, and a mail's token
 * apart in a column of its own, so that it can be erased once the mail is done. JSON is written
 * and parsed with the small JSON library that ships inside jOOQ.
 */
final class OutboxPayloads {

    static final String MAIL = "mail";
    static final String FAN_OUT = "fan_out";
    static final String PUSH = "push";

    private static final String SIGN_IN_LINK = "sign_in_link";
    private static final String INVITATION = "invitation";

    private OutboxPayloads() {
    }

    /** One item ready to store; {@code secret} is null for items without one. */
    record Stored(String kind, JSONB payload, String secret) {
    }

    static Stored store(OutboxItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (item instanceof OutboxItem.SendMail send) {
            Mail mail = send.mail();
            json.put("to", mail.to().value());
            json.put("expires_at", mail.expiresAt().toString());
            Secret token;
            if (mail instanceof Mail.SignInLink link) {
                json.put("mail", SIGN_IN_LINK);
                token = link.token();
            } else {
                Mail.Invitation invitation = (Mail.Invitation) mail;
                json.put("mail", INVITATION);
                json.put("inviter", invitation.inviter().value());
                json.put("event_title", invitation.eventTitle());
                json.put("role", invitation.role().wireName());
                token = invitation.token();
            }
            return new Stored(MAIL, toJson(json), token.reveal());
        }
        if (item instanceof OutboxItem.FanOut fan) {
            json.put("event_id", fan.event().toString());
            json.put("seq", fan.seq());
            json.put("actor_id", fan.actor().toString());
            json.put("entity_type", fan.entityType().wireName());
            json.put("entity_id", fan.entityId());
            fan.shared().ifPresent(kind -> json.put("shared", kind.wireName()));
            Map<String, Object> personal = new LinkedHashMap<>();
            fan.personal().forEach((user, kind) -> personal.put(user.toString(), kind.wireName()));
            json.put("personal", personal);
            return new Stored(FAN_OUT, toJson(json), null);
        }
        OutboxItem.Push push = (OutboxItem.Push) item;
        PushMessage message = push.message();
        json.put("user_id", push.user().toString());
        json.put("token", message.token().value());
        json.put("platform", message.platform().wireName());
        json.put("kind", message.kind());
        json.put("event_id", message.event().toString());
        json.put("entity_type", message.entityType().wireName());
        json.put("entity_id", message.entityId());
        json.put("seq", message.seq());
        return new Stored(PUSH, toJson(json), null);
    }

    /** The item a row holds; a mail needs its secret, so only a pending mail can be read back. */
    static OutboxItem item(String kind, JSONB payload, String secret) {
        Fields json = new Fields(parse(payload));
        switch (kind) {
            case MAIL -> {
                if (secret == null) {
                    throw new IllegalStateException("a finished mail has no token left to send");
                }
                Email to = new Email(json.text("to"));
                Secret token = Secret.parse("token", secret);
                Instant expiresAt = Instant.parse(json.text("expires_at"));
                String mail = json.text("mail");
                if (SIGN_IN_LINK.equals(mail)) {
                    return new OutboxItem.SendMail(new Mail.SignInLink(to, token, expiresAt));
                }
                if (INVITATION.equals(mail)) {
                    return new OutboxItem.SendMail(new Mail.Invitation(to, token, new DisplayName(json.text("inviter")),
                            json.text("event_title"), Role.valueOf(upper(json.text("role"))), expiresAt));
                }
                throw new IllegalStateException("unknown mail " + mail);
            }
            case FAN_OUT -> {
                Map<UserId, NotificationKind> personal = new LinkedHashMap<>();
                json.object("personal").forEach((user, personalKind) -> personal.put(
                        new UserId(UUID.fromString((String) user)), NotificationKind.fromWireName((String) personalKind)));
                return new OutboxItem.FanOut(new EventId(json.uuid("event_id")), json.number("seq"),
                        new UserId(json.uuid("actor_id")), entityType(json.text("entity_type")), json.text("entity_id"),
                        json.optionalText("shared").map(NotificationKind::fromWireName), personal);
            }
            case PUSH -> {
                PushMessage message = new PushMessage(new PushToken(json.text("token")),
                        Platform.parse(json.text("platform")), json.text("kind"), new EventId(json.uuid("event_id")),
                        entityType(json.text("entity_type")), json.text("entity_id"), json.number("seq"));
                return new OutboxItem.Push(new UserId(json.uuid("user_id")), message);
            }
            default -> throw new IllegalStateException("unknown outbox item kind " + kind);
        }
    }

    private static JSONB toJson(Map<String, Object> json) {
        return JSONB.valueOf(JSONValue.toJSONString(json));
    }

    private static Map<?, ?> parse(JSONB payload) {
        try {
            return (Map<?, ?>) new JSONParser().parse(payload.data());
        } catch (ParseException | ClassCastException e) {
            throw new IllegalStateException("an outbox payload is not a JSON object", e);
        }
    }

    private static EntityType entityType(String wireName) {
        return EntityType.valueOf(upper(wireName));
    }

    private static String upper(String wireName) {
        return wireName.toUpperCase(Locale.ROOT);
    }

    /** The fields of one parsed JSON object, each required unless asked for as optional. */
    private record Fields(Map<?, ?> json) {

        String text(String key) {
            return optionalText(key).orElseThrow(() -> new IllegalStateException("an outbox payload lacks " + key));
        }

        Optional<String> optionalText(String key) {
            return Optional.ofNullable((String) json.get(key));
        }

        UUID uuid(String key) {
            return UUID.fromString(text(key));
        }

        long number(String key) {
            Object value = json.get(key);
            if (!(value instanceof Number number)) {
                throw new IllegalStateException("an outbox payload lacks " + key);
            }
            return number.longValue();
        }

        Map<?, ?> object(String key) {
            Object value = json.get(key);
            if (!(value instanceof Map<?, ?> object)) {
                throw new IllegalStateException("an outbox payload lacks " + key);
            }
            return object;
        }
    }
}
