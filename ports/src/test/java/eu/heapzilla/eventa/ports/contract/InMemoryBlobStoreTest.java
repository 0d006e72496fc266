package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.BlobStore;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryBlobStoreTest extends BlobStoreContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected Transactions transactions() {
        return adapters.transactions;
    }

    @Override
    protected BlobStore blobStore() {
        return adapters.blobStore;
    }
}
