package eu.heapzilla.eventa.adapters.http;

import java.util.HashSet;
import java.util.Set;

/** Sets of field names a body may carry. */
final class Fields {

    private Fields() {
    }

    static Set<String> with(Set<String> fields, String... more) {
        Set<String> all = new HashSet<>(fields);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}
