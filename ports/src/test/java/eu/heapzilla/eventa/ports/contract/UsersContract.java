package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link Users} implementation must do. */
public abstract class UsersContract {

    protected abstract Users users();

    @Test
    void storesANewUserAndFindsItByIdAndEmail() {
        User jane = newUser();
        assertEquals(jane, users().addOrGet(jane));
        assertEquals(Optional.of(jane), users().byId(jane.id()));
        assertEquals(Optional.of(jane), users().byEmail(jane.email()));
    }

    @Test
    void findsNothingForUnknownIdsAndAddresses() {
        assertTrue(users().byId(UserId.random()).isEmpty());
        assertTrue(users().byEmail(uniqueEmail()).isEmpty());
    }

    @Test
    void keepsOneUserPerEmail() {
        User first = newUser();
        users().addOrGet(first);
        User second = User.register(UserId.random(), first.email(), T0.plusSeconds(5));

        assertEquals(first, users().addOrGet(second));
        assertTrue(users().byId(second.id()).isEmpty());
    }

    @Test
    void updatesNameAndLastSeenButNotIdentity() {
        User jane = newUser();
        users().addOrGet(jane);
        Email other = uniqueEmail();
        User edited = new User(jane.id(), other, DisplayName.of("Jane D."), T0.plusSeconds(99),
                Optional.of(T0.plusSeconds(3600)));

        users().update(edited);

        User stored = users().byId(jane.id()).orElseThrow();
        assertEquals("Jane D.", stored.displayName().value());
        assertEquals(Optional.of(T0.plusSeconds(3600)), stored.lastSeenAt());
        assertEquals(jane.email(), stored.email());
        assertEquals(jane.createdAt(), stored.createdAt());
        assertTrue(users().byEmail(other).isEmpty());
    }

    @Test
    void refusesToUpdateAUserWhoDoesNotExist() {
        assertThrows(NotFound.class, () -> users().update(newUser()));
    }

    @Test
    void racingRegistrationsOfOneAddressAgreeOnOneUser() throws Exception {
        Email email = uniqueEmail();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<User>> calls = IntStream.range(0, racers)
                    .<Callable<User>>mapToObj(i -> () -> {
                        start.await();
                        return users().addOrGet(User.register(UserId.random(), email, T0));
                    })
                    .toList();
            List<Future<User>> results = calls.stream().map(pool::submit).toList();
            start.countDown();
            Set<UserId> winners = new HashSet<>();
            for (Future<User> result : results) {
                winners.add(result.get().id());
            }
            assertEquals(1, winners.size());
            assertEquals(winners.iterator().next(), users().byEmail(email).orElseThrow().id());
        } finally {
            pool.shutdownNow();
        }
    }
}
