package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.PushDevice;
import eu.heapzilla.eventa.domain.push.PushToken;
import java.util.List;

/** The devices pushes go to, known by their push token. */
public interface PushDevices {

    /**
     * Stores {@code device}, replacing whatever was stored under its token (whoever it belonged
     * to), then keeps only the user's {@code keep} most recently registered devices.
     */
    void register(PushDevice device, int keep);

    /** Removes {@code user}'s device with this token; false when they have none such. */
    boolean remove(UserId user, PushToken token);

    /** Removes the device with this token, whoever it belongs to (the push service says it is gone). */
    void forget(PushToken token);

    /** {@code user}'s devices, most recently registered first (revoked bearers included: the caller decides). */
    List<PushDevice> ofUser(UserId user);
}
