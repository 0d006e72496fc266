package eu.heapzilla.eventa.domain.push;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.util.Locale;

/** What a push device runs; FCM addresses each a little differently. */
public enum Platform {
    ANDROID, IOS, WEB;

    /** The name on the wire: {@code android}, {@code ios}, {@code web}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform parse(String text) {
        for (Platform platform : values()) {
            if (platform.wireName().equals(text)) {
                return platform;
            }
        }
        throw new InvalidValue("platform", "platform must be one of android, ios, web");
    }
}
