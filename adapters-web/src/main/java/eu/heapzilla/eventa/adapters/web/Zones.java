package eu.heapzilla.eventa.adapters.web;

import java.time.ZoneId;
import java.util.List;

/** The time zones offered in the forms: every IANA region id this JVM knows, sorted (UTC first, no legacy aliases). */
final class Zones {

    static final List<String> ALL = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                    .sorted()).toList();

    private Zones() {
    }
}
