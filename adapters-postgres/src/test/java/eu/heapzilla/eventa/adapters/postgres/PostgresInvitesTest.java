package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.InvitesContract;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Invites;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresInvitesTest extends InvitesContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected Users users() {
        return database.persistence().users();
    }

    @Override
    protected Events events() {
        return database.persistence().events();
    }

    @Override
    protected Invites invites() {
        return database.persistence().invites();
    }
}
