package eu.heapzilla.eventa.adapters.postgres;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, migrated database for one test class, open from before its first test to after its
 * last: {@code @RegisterExtension static final FreshDatabase database = new FreshDatabase();}
 */
public final class FreshDatabase implements BeforeAllCallback, AfterAllCallback {

    private DatabaseSettings settings;
    private PostgresPersistence persistence;
    private final List<PostgresPersistence> others = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        settings = TestDatabase.fresh();
        persistence = new PostgresPersistence(settings);
        persistence.migrate();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        others.forEach(PostgresPersistence::close);
        persistence.close();
    }

    public PostgresPersistence persistence() {
        if (persistence == null) {
            throw new IllegalStateException("register FreshDatabase as a static @RegisterExtension field");
        }
        return persistence;
    }

    /** Another pool on the same database, as a second server instance would have; closed with the first. */
    public synchronized PostgresPersistence another() {
        persistence();
        PostgresPersistence other = new PostgresPersistence(settings);
        others.add(other);
        return other;
    }
}
