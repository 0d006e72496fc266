package eu.heapzilla.eventa.adapters.push.archfixture.publicclock;

import eu.heapzilla.eventa.ports.out.Clock;
import java.time.Instant;

/** Breaks rule 7: an adapter's out-port implementation offered as public API. */
public final class PublicClock implements Clock {

    @Override
    public Instant now() {
        return Instant.EPOCH;
    }
}
