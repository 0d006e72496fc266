package eu.heapzilla.eventa.adapters.push;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.WebpushConfig;
import eu.heapzilla.eventa.ports.out.PushMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A {@link PushMessage} as an FCM message: data only (no {@code notification} block, so the app
 * decides what to show), with the event's collapse key on every platform.
 * <ul>
 *   <li>Android: {@code collapse_key}, high priority, so a dozing phone wakes for it.</li>
 *   <li>APNs: a background push ({@code content-available: 1}, {@code apns-push-type:
 *       background}, {@code apns-priority: 5}, which Apple requires for background pushes) with
 *       {@code apns-collapse-id}.</li>
 *   <li>Web push: a {@code Topic} header, which must be at most 32 URL-safe Base64 characters,
 *       so it is a digest of the collapse key rather than the key itself.</li>
 * </ul>
 */
final class FcmMessages {

    private static final int LONGEST_TOPIC = 32;

    private FcmMessages() {
    }

    /*
     * Firebase Admin 9.11 deprecates addressing by registration token in favour of the Firebase
     * installation id (fid). The apps register what FirebaseMessaging hands them, and FCM takes
     * either in the token field; so the token field it is, until the apps move to fids.
     */
    @SuppressWarnings("deprecation")
    static Message of(PushMessage push) {
        String collapseKey = push.collapseKey();
        return Message.builder()
                .setToken(push.token().value())
                .putAllData(push.data())
                .setAndroidConfig(AndroidConfig.builder()
                        .setCollapseKey(collapseKey)
                        .setPriority(AndroidConfig.Priority.HIGH)
                        .build())
                .setApnsConfig(ApnsConfig.builder()
                        .putHeader("apns-collapse-id", collapseKey)
                        .putHeader("apns-push-type", "background")
                        .putHeader("apns-priority", "5")
                        .setAps(Aps.builder().setContentAvailable(true).build())
                        .build())
                .setWebpushConfig(WebpushConfig.builder()
                        .putHeader("Topic", webPushTopic(collapseKey))
                        .build())
                .build();
    }

    /** The first 32 characters of the key's SHA-256 in URL-safe Base64: the same key, the same topic. */
    static String webPushTopic(String collapseKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(collapseKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, LONGEST_TOPIC);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
