package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;

/** A signed-in device asks for pushes, or stops them. */
public interface ManagePushDevices {

    /**
     * Registers {@code token} for {@code user}, tied to the bearer the request came with (signing
     * that bearer out stops the pushes), or refreshes it. A token registered before by someone
     * else moves to {@code user}: that phone now belongs to them. Past
     * {@link eu.heapzilla.eventa.domain.push.PushDevice#MAX_PER_USER} devices, the one registered
     * longest ago goes.
     */
    void register(UserId user, SecretHash bearer, PushToken token, Platform platform);

    /** @throws eu.heapzilla.eventa.domain.error.NotFound when {@code user} has no device with this token */
    void remove(UserId user, PushToken token);
}
