package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.ChangeLogContract;
import eu.heapzilla.eventa.ports.out.ChangeLog;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresChangeLogTest extends ChangeLogContract {

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
    protected ChangeLog changeLog() {
        return database.persistence().changeLog();
    }
}
