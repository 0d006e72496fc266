package eu.heapzilla.eventa.benchmarks;

import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Records what one subscription receives: each {@code change} frame's seq and the instant it
 * arrived (epoch µs), cheaply, on the connection's callback thread. Afterwards it checks that
 * every seq after its cursor up to the event's last came exactly once and in order.
 */
final class Subscriber implements WsClient.Handler {

    /** What a subscription got, against what it should have got. */
    record Check(long expected, long distinct, long missing, long duplicates, long outOfOrder, long unexpected) {

        boolean correct() {
            return missing == 0 && duplicates == 0 && outOfOrder == 0 && unexpected == 0;
        }

        Check plus(Check other) {
            return new Check(expected + other.expected, distinct + other.distinct, missing + other.missing,
                    duplicates + other.duplicates, outOfOrder + other.outOfOrder, unexpected + other.unexpected);
        }

        static final Check NONE = new Check(0, 0, 0, 0, 0, 0);
    }

    private final String event;
    private final boolean keepAt;
    final LongList seqs;
    final LongList receivedMicros;
    private final Map<Long, String> at = new HashMap<>();
    private volatile long highest = -1;
    volatile long cursor = -1;

    /**
     * @param keepAt whether to keep each change's {@code at} as sent, to compare with the REST feed
     */
    Subscriber(String event, int expectedChanges, boolean keepAt) {
        this.event = event;
        this.keepAt = keepAt;
        this.seqs = new LongList(expectedChanges);
        this.receivedMicros = new LongList(expectedChanges);
    }

    @Override
    public void onMessage(WsClient client, WsMessage message, Instant receivedAt) {
        if (message.is("change") && event.equals(message.eventId())) {
            seqs.add(message.seq());
            receivedMicros.add(TaskWriter.micros(receivedAt));
            if (keepAt) {
                at.put(message.seq(), message.at());
            }
            highest = Math.max(highest, message.seq()); // volatile write: publishes the lists to the reader
        }
    }

    long highest() {
        return highest;
    }

    /** The change's {@code at} as this subscription received it (when kept). */
    String atOf(long seq) {
        return at.get(seq);
    }

    /** Checks the seqs received against {@code cursor + 1 … last}. Call after {@link #highest()} was read. */
    Check check(long last) {
        long from = cursor + 1;
        long expected = Math.max(0, last - cursor);
        BitSet seen = new BitSet((int) Math.max(0, expected));
        long duplicates = 0;
        long outOfOrder = 0;
        long unexpected = 0;
        long previous = cursor;
        int received = seqs.size();
        for (int i = 0; i < received; i++) {
            long seq = seqs.get(i);
            if (seq < from || seq > last) {
                unexpected++;
                continue;
            }
            int index = (int) (seq - from);
            if (seen.get(index)) {
                duplicates++;
            } else {
                seen.set(index);
            }
            if (seq <= previous) {
                outOfOrder++;
            }
            previous = Math.max(previous, seq);
        }
        long distinct = seen.cardinality();
        return new Check(expected, distinct, expected - distinct, duplicates, outOfOrder, unexpected);
    }
}
