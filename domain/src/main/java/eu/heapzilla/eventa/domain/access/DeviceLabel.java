package eu.heapzilla.eventa.domain.access;

import eu.heapzilla.eventa.domain.text.TextRules;

/** How a person tells their signed-in devices apart ("Jane's phone"): 1 to 100 characters. */
public record DeviceLabel(String value) {

    public static final int MAX_LENGTH = 100;

    public DeviceLabel {
        TextRules.line("device_label", value, MAX_LENGTH);
    }

    public static DeviceLabel of(String typed) {
        return new DeviceLabel(typed == null ? null : typed.strip());
    }
}
