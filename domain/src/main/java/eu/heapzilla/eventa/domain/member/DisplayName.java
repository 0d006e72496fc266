package eu.heapzilla.eventa.domain.member;

import eu.heapzilla.eventa.domain.text.TextRules;

/** What other members see of a person: 1 to 100 characters, no control characters. */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 100;

    public DisplayName {
        TextRules.line("display_name", value, MAX_LENGTH);
    }

    /** Trims what a person typed before validating it. */
    public static DisplayName of(String typed) {
        return new DisplayName(typed == null ? null : typed.strip());
    }

    /** The name a new user starts with until they choose one: the local part of their email. */
    public static DisplayName defaultFor(Email email) {
        String local = email.value().substring(0, email.value().indexOf('@'));
        return new DisplayName(local.length() > MAX_LENGTH ? local.substring(0, MAX_LENGTH) : local);
    }

    @Override
    public String toString() {
        return value;
    }
}
