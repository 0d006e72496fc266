package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transactions} implementation must do, observed through a {@link Users}
 * store that takes part in it.
 */
public abstract class TransactionsContract {

    protected abstract Transactions transactions();

    protected abstract Users users();

    @Test
    void returnsTheWorksResultAndCommitsItsWrites() {
        User jane = newUser();
        String result = transactions().inTransaction(() -> {
            users().addOrGet(jane);
            return "done";
        });
        assertEquals("done", result);
        assertTrue(users().byId(jane.id()).isPresent());
    }

    @Test
    void undoesEveryWriteWhenTheWorkFailsAndRethrowsTheSameException() {
        User kept = newUser();
        users().addOrGet(kept);
        User added = newUser();
        IllegalStateException failure = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            users().addOrGet(added);
            users().update(kept.renamed(DisplayName.of("Renamed")));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertTrue(users().byId(added.id()).isEmpty());
        assertEquals(kept.displayName(), users().byId(kept.id()).orElseThrow().displayName());
    }

    @Test
    void aNestedCallJoinsTheOuterTransaction() {
        User inner = newUser();
        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            transactions().run(() -> users().addOrGet(inner));
            assertTrue(users().byId(inner.id()).isPresent(), "the outer work sees the inner write");
            throw new IllegalStateException("outer fails after inner returned");
        }));
        assertTrue(users().byId(inner.id()).isEmpty());
    }

    @Test
    void aFailedTransactionLeavesTheNextOneWorking() {
        assertThrows(IllegalArgumentException.class, () -> transactions().run(() -> {
            throw new IllegalArgumentException("first fails");
        }));
        User later = newUser();
        transactions().run(() -> users().addOrGet(later));
        assertTrue(users().byId(later.id()).isPresent());
    }
}
