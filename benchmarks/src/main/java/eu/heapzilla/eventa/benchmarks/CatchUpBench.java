package eu.heapzilla.eventa.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 3: a device that was away catches up. It subscribes and disconnects; then
 * {@code n} changes are written; then it connects again and subscribes with its cursor. Timed
 * from sending {@code subscribe} to receiving {@code subscribed}, with every one of the
 * {@code n} {@code change} frames before it, checked to be in order and without gaps or
 * duplicates (and nothing more arriving afterwards). Repeated, on one event whose log grows.
 */
final class CatchUpBench {

    /** One catch-up. */
    record Round(long since, long cursor, Duration subscribe, Duration firstChange, long received, boolean inOrder,
                 long extraAfter, double writesPerSecond) {
    }

    /** All rounds and the check over them. */
    record Result(int changes, List<Round> rounds, long failures) {
    }

    /** Records one catch-up: the frames of the replay in order and when {@code subscribed} came. */
    private static final class Replay implements WsClient.Handler {
        private final String event;
        final LongList seqs = new LongList(2048);
        volatile Instant firstChangeAt;
        volatile Instant subscribedAt;
        volatile long afterSubscribed;

        Replay(String event) {
            this.event = event;
        }

        @Override
        public void onMessage(WsClient client, WsMessage message, Instant receivedAt) {
            if (!event.equals(message.eventId())) {
                return;
            }
            if (message.is("change")) {
                if (subscribedAt != null) {
                    afterSubscribed++;
                }
                if (firstChangeAt == null) {
                    firstChangeAt = receivedAt;
                }
                seqs.add(message.seq());
            } else if (message.is("subscribed")) {
                subscribedAt = receivedAt;
            }
        }
    }

    private final Main.Context ctx;

    CatchUpBench(Main.Context ctx) {
        this.ctx = ctx;
    }

    Result run() throws Exception {
        Options o = ctx.options();
        String event = ctx.api().createEvent(ctx.owner().bearer(), "catch-up");
        MailSignIn.SignedIn member = ctx.signIn().invite(ctx.owner().bearer(), event, ctx.memberEmail());
        List<Api.TaskRef> tasks = TaskWriter.tasks(ctx.api(), ctx.owner().bearer(), event, o.inFlight());
        TaskWriter writer = new TaskWriter(ctx.api(), ctx.owner().bearer(), event, tasks, 0, 0);

        // The device follows the event once, learns its cursor, and goes away.
        Replay first = new Replay(event);
        WsClient away = ctx.pool().open(member.bearer(), first).get(30, TimeUnit.SECONDS);
        away.hello().get(30, TimeUnit.SECONDS);
        long cursor = away.subscribe(event, -1).get(30, TimeUnit.SECONDS);
        away.close().get(10, TimeUnit.SECONDS);

        List<Round> rounds = new ArrayList<>();
        long failures = 0;
        for (int round = 1; round <= o.catchupRepeats(); round++) {
            long writeStart = System.nanoTime();
            TaskWriter.Log writes = writer.write(o.catchup(), 0);
            double perSecond = o.catchup() / ((System.nanoTime() - writeStart) / 1e9);
            if (writes.failures() > 0) {
                Main.log("catch-up: %d writes failed: %s", writes.failures(), writer.firstFailure());
            }
            long expectedLast = cursor + o.catchup() - writes.failures();

            Replay replay = new Replay(event);
            WsClient back = ctx.pool().open(member.bearer(), replay).get(30, TimeUnit.SECONDS);
            back.hello().get(30, TimeUnit.SECONDS);
            Instant sent = Instant.now();
            long newCursor = back.subscribe(event, cursor).get(60, TimeUnit.SECONDS);
            Instant subscribedAt = replay.subscribedAt;
            Thread.sleep(100); // anything arriving after "subscribed" would be a duplicate
            back.close().get(10, TimeUnit.SECONDS);

            boolean inOrder = replay.seqs.size() == newCursor - cursor;
            for (int i = 0; inOrder && i < replay.seqs.size(); i++) {
                inOrder = replay.seqs.get(i) == cursor + 1 + i;
            }
            boolean ok = inOrder && newCursor == expectedLast && replay.afterSubscribed == 0;
            if (!ok) {
                failures++;
                Main.log("catch-up round %d: CORRECTNESS since %d: cursor %d (expected %d), %d frames, in order %s, %d after subscribed",
                        round, cursor, newCursor, expectedLast, replay.seqs.size(), inOrder, replay.afterSubscribed);
            }
            rounds.add(new Round(cursor, newCursor, Duration.between(sent, subscribedAt),
                    replay.firstChangeAt == null ? Duration.ZERO : Duration.between(sent, replay.firstChangeAt),
                    replay.seqs.size(), inOrder, replay.afterSubscribed, perSecond));
            cursor = newCursor;
        }
        return new Result(o.catchup(), rounds, failures);
    }

    static void print(Result r) {
        LongList took = new LongList(r.rounds().size());
        LongList first = new LongList(r.rounds().size());
        LongList writeRate = new LongList(r.rounds().size());
        for (Round round : r.rounds()) {
            took.add(micros(round.subscribe()));
            first.add(micros(round.firstChange()));
            writeRate.add(Math.round(round.writesPerSecond()));
        }
        Percentiles t = Percentiles.of(took);
        Percentiles f = Percentiles.of(first);
        Percentiles w = Percentiles.of(writeRate);
        Table table = new Table("3. Catch-up: subscribe with a cursor " + r.changes() + " changes behind → subscribed",
                "rounds", "changes each", "median ms", "min ms", "max ms", "first change median ms", "frames/s (median)",
                "rounds wrong", "writes/s while falling behind (median)");
        table.row(r.rounds().size(), r.changes(), Percentiles.ms(t.median()), Percentiles.ms(t.min()),
                Percentiles.ms(t.max()), Percentiles.ms(f.median()),
                t.median() == 0 ? "-" : Math.round(r.changes() / (t.median() / 1e6)), r.failures(), w.median());
        StringBuilder each = new StringBuilder("each round, ms: ");
        for (Round round : r.rounds()) {
            each.append(Percentiles.ms(micros(round.subscribe()))).append(' ');
        }
        table.note(each.toString().strip());
        table.note("timed from sending `subscribe` (on an open connection that has had its `hello`) to receiving "
                + "`subscribed`, every `change` in between checked: exactly since+1 … cursor, in order, nothing after");
        table.note("target: < 200 ms for 1 000 changes");
        table.print(System.out);
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }
}
