package eu.heapzilla.eventa.domain.push;

import eu.heapzilla.eventa.domain.error.InvalidValue;

/**
 * The registration token a device's push service (FCM) handed it: 1 to 4 096 printable ASCII
 * characters without spaces. It is an address, not a secret; whoever knows it can only send
 * that device pushes through the server's own project.
 */
public record PushToken(String value) {

    public static final int MAX_LENGTH = 4096;

    public PushToken {
        if (value == null || value.isEmpty()) {
            throw new InvalidValue("token", "token must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValue("token", "token must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new InvalidValue("token", "token must be printable ASCII without spaces");
            }
        }
    }

    /** The first few characters, for logs: enough to tell devices apart, not to address one. */
    public String abbreviated() {
        return value.length() <= 8 ? value : value.substring(0, 8) + "…";
    }

    @Override
    public String toString() {
        return abbreviated();
    }
}
