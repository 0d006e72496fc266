package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushDevice;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.PushDevices;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PushDevices} implementation must do. Devices belong to stored users and
 * were registered through stored bearers, as a database demands. Order among devices
 * registered at the same instant is not promised, so no test registers two at once.
 */
public abstract class PushDevicesContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract BearerTokens bearerTokens();

    protected abstract PushDevices pushDevices();

    protected UserId storedUser() {
        return users().addOrGet(newUser()).id();
    }

    /** The hash of a new bearer of {@code user}'s, stored. */
    protected SecretHash bearerOf(UserId user) {
        BearerToken bearer = BearerToken.issue(Secret.generate(RANDOM).hash(), user, Optional.empty(), T0);
        bearerTokens().add(bearer);
        return bearer.hash();
    }

    /** Shaped like an FCM registration token. */
    protected static PushToken newToken() {
        return new PushToken("f" + UUID.randomUUID().toString().replace("-", "") + ":APA91b" + RANDOM.nextLong());
    }

    /** A new device of {@code user}'s, registered {@code secondsAfterT0} through a new bearer. */
    protected PushDevice device(UserId user, long secondsAfterT0) {
        return new PushDevice(newToken(), user, Platform.ANDROID, bearerOf(user), T0.plusSeconds(secondsAfterT0));
    }

    protected PushDevice registered(UserId user, long secondsAfterT0) {
        PushDevice device = device(user, secondsAfterT0);
        pushDevices().register(device, PushDevice.MAX_PER_USER);
        return device;
    }

    @Test
    void listsAUsersDevicesMostRecentlyRegisteredFirst() {
        UserId ann = storedUser();
        PushDevice phone = new PushDevice(newToken(), ann, Platform.ANDROID, bearerOf(ann), T0.plusSeconds(1));
        PushDevice tablet = new PushDevice(newToken(), ann, Platform.IOS, bearerOf(ann), T0.plusSeconds(3));
        PushDevice browser = new PushDevice(newToken(), ann, Platform.WEB, bearerOf(ann), T0.plusMillis(2_500));
        for (PushDevice device : List.of(phone, tablet, browser)) {
            pushDevices().register(device, PushDevice.MAX_PER_USER);
        }

        assertEquals(List.of(tablet, browser, phone), pushDevices().ofUser(ann));
        assertEquals(List.of(), pushDevices().ofUser(storedUser()));
        assertEquals(List.of(), pushDevices().ofUser(UserId.random()));
    }

    @Test
    void registeringATokenAgainReplacesWhatWasStoredUnderIt() {
        UserId ann = storedUser();
        PushDevice first = registered(ann, 1);
        PushDevice other = registered(ann, 2);
        PushDevice again = new PushDevice(first.token(), ann, Platform.IOS, bearerOf(ann), T0.plusSeconds(3));

        pushDevices().register(again, PushDevice.MAX_PER_USER);

        assertEquals(List.of(again, other), pushDevices().ofUser(ann));
    }

    @Test
    void registeringAnotherUsersTokenMovesTheDeviceToTheNewUser() {
        UserId ann = storedUser();
        UserId bob = storedUser();
        PushDevice annsPhone = registered(ann, 1);
        PushDevice bobsPhone = registered(bob, 2);
        PushDevice handedOver = new PushDevice(annsPhone.token(), bob, Platform.ANDROID, bearerOf(bob), T0.plusSeconds(3));

        pushDevices().register(handedOver, PushDevice.MAX_PER_USER);

        assertEquals(List.of(), pushDevices().ofUser(ann));
        assertEquals(List.of(handedOver, bobsPhone), pushDevices().ofUser(bob));
    }

    @Test
    void keepsOnlyTheUsersMostRecentlyRegisteredDevices() {
        UserId ann = storedUser();
        UserId bob = storedUser();
        PushDevice first = registered(ann, 1);
        PushDevice second = registered(ann, 2);
        PushDevice third = registered(ann, 3);
        List<PushDevice> bobs = List.of(registered(bob, 5), registered(bob, 4));

        PushDevice fourth = device(ann, 4);
        pushDevices().register(fourth, 3);
        assertEquals(List.of(fourth, third, second), pushDevices().ofUser(ann), "the first made way");

        PushDevice secondAgain = new PushDevice(second.token(), ann, Platform.WEB, second.bearer(), T0.plusSeconds(5));
        pushDevices().register(secondAgain, 3);
        PushDevice fifth = device(ann, 6);
        pushDevices().register(fifth, 3);
        assertEquals(List.of(fifth, secondAgain, fourth), pushDevices().ofUser(ann), "registering again refreshes");

        assertEquals(bobs, pushDevices().ofUser(bob), "another user's devices stay");
        assertFalse(pushDevices().remove(ann, first.token()), "it is gone");
    }

    @Test
    void aNewDeviceOlderThanTheKeptOnesMakesWayItself() {
        UserId ann = storedUser();
        PushDevice second = registered(ann, 2);
        PushDevice third = registered(ann, 3);

        pushDevices().register(device(ann, 1), 2);

        assertEquals(List.of(third, second), pushDevices().ofUser(ann));
    }

    @Test
    void removesAUsersOwnDeviceOnly() {
        UserId ann = storedUser();
        UserId bob = storedUser();
        PushDevice annsPhone = registered(ann, 1);
        PushDevice annsTablet = registered(ann, 2);

        assertFalse(pushDevices().remove(bob, annsPhone.token()), "not bob's");
        assertFalse(pushDevices().remove(ann, newToken()), "no such token");
        assertEquals(List.of(annsTablet, annsPhone), pushDevices().ofUser(ann));

        assertTrue(pushDevices().remove(ann, annsPhone.token()));
        assertFalse(pushDevices().remove(ann, annsPhone.token()), "removed already");
        assertEquals(List.of(annsTablet), pushDevices().ofUser(ann));
    }

    @Test
    void forgetsATokenWhoeverItBelongsTo() {
        UserId ann = storedUser();
        PushDevice annsPhone = registered(ann, 1);
        PushDevice annsTablet = registered(ann, 2);

        pushDevices().forget(annsPhone.token());
        pushDevices().forget(annsPhone.token());
        pushDevices().forget(newToken());

        assertEquals(List.of(annsTablet), pushDevices().ofUser(ann));
    }

    @Test
    void tokensAreTakenExactlyAsTheyAre() {
        UserId ann = storedUser();
        String text = "AbC" + UUID.randomUUID();
        PushDevice upper = new PushDevice(new PushToken(text), ann, Platform.ANDROID, bearerOf(ann), T0.plusSeconds(1));
        PushDevice lower = new PushDevice(new PushToken(text.toLowerCase(Locale.ROOT)), ann, Platform.IOS, bearerOf(ann),
                T0.plusSeconds(2));

        pushDevices().register(upper, PushDevice.MAX_PER_USER);
        pushDevices().register(lower, PushDevice.MAX_PER_USER);

        assertEquals(List.of(lower, upper), pushDevices().ofUser(ann));
    }

    @Test
    void storesTheLongestTokenThereMayBe() {
        UserId ann = storedUser();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < PushToken.MAX_LENGTH; i++) {
            text.append((char) ('!' + RANDOM.nextInt('~' - '!' + 1)));
        }
        PushDevice device = new PushDevice(new PushToken(text.toString()), ann, Platform.WEB, bearerOf(ann), T0);

        pushDevices().register(device, PushDevice.MAX_PER_USER);

        assertEquals(List.of(device), pushDevices().ofUser(ann));
        assertTrue(pushDevices().remove(ann, device.token()));
    }

    @Test
    void aRegistrationInATransactionThatFailsLeavesNothingBehind() {
        UserId ann = storedUser();
        PushDevice kept = registered(ann, 1);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            pushDevices().register(device(ann, 2), 1);
            throw new IllegalStateException("the request fails after registering");
        }));

        assertEquals(List.of(kept), pushDevices().ofUser(ann));
    }
}
