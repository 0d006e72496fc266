package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.TasksContract;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Tasks;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTasksTest extends TasksContract {

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
    protected Memberships memberships() {
        return database.persistence().memberships();
    }

    @Override
    protected Tasks tasks() {
        return database.persistence().tasks();
    }
}
