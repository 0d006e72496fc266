package eu.heapzilla.eventa.domain.access;

import eu.heapzilla.eventa.domain.error.Unauthenticated;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server keeps of one signed-in device's bearer: its hash, whose it is, and when it
 * was last used. A bearer works until it is revoked (by signing out).
 */
public record BearerToken(SecretHash hash, UserId userId, Instant createdAt, Instant lastUsedAt,
                          Optional<Instant> revokedAt, Optional<DeviceLabel> deviceLabel) {

    /** Last use is recorded at most this often, so that reads do not each cause a write. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    public BearerToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(deviceLabel, "deviceLabel");
    }

    public static BearerToken issue(SecretHash hash, UserId userId, Optional<DeviceLabel> deviceLabel, Instant now) {
        return new BearerToken(hash, userId, now, now, Optional.empty(), deviceLabel);
    }

    /** @throws Unauthenticated when this bearer has been revoked */
    public void checkUsable() {
        if (revokedAt.isPresent()) {
            throw new Unauthenticated("this bearer was signed out; sign in again");
        }
    }

    /** Whether a use at {@code now} should be written down (see {@link #LAST_USED_RESOLUTION}). */
    public boolean worthRecordingUseAt(Instant now) {
        return !now.isBefore(lastUsedAt.plus(LAST_USED_RESOLUTION));
    }

    public BearerToken usedAt(Instant now) {
        return new BearerToken(hash, userId, createdAt, now, revokedAt, deviceLabel);
    }

    public BearerToken revoke(Instant now) {
        return revokedAt.isPresent() ? this : new BearerToken(hash, userId, createdAt, lastUsedAt, Optional.of(now), deviceLabel);
    }
}
