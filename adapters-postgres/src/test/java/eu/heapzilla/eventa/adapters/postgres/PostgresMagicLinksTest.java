package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.MagicLinksContract;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import eu.heapzilla.eventa.ports.out.Transactions;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresMagicLinksTest extends MagicLinksContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected MagicLinks magicLinks() {
        return database.persistence().magicLinks();
    }
}
