package eu.heapzilla.eventa.adapters.postgres;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, migrated database for one test class, open from before its first test to after its
 * last: {@code @RegisterExtension static final FreshDatabase database = new FreshDatabase();}
 */
public final class FreshDatabase implements BeforeAllCallback, AfterAllCallback {

    private PostgresPersistence persistence;

    @Override
    public void beforeAll(ExtensionContext context) {
        persistence = TestDatabase.freshPersistence();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        persistence.close();
    }

    public PostgresPersistence persistence() {
        if (persistence == null) {
            throw new IllegalStateException("register FreshDatabase as a static @RegisterExtension field");
        }
        return persistence;
    }
}
