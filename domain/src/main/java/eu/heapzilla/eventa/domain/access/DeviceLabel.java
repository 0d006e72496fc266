package eu.heapzilla.eventa.domain.access;

import eu.heapzilla.eventa.domain.error.InvalidValue;

/** How a person tells their signed-in devices apart ("Jane's phone"): 1 to 100 characters. */
public record DeviceLabel(String value) {

    public static final int MAX_LENGTH = 100;

    public DeviceLabel {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("device_label", "device_label must not be empty");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValue("device_label", "device_label must be at most " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValue("device_label", "device_label must not contain control characters");
        }
    }

    public static DeviceLabel of(String typed) {
        return new DeviceLabel(typed == null ? null : typed.strip());
    }
}
