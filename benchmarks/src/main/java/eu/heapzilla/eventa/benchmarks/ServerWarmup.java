package eu.heapzilla.eventa.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Brings a fresh server JVM to its steady state before anything is measured: the same kinds of
 * work the scenarios do (REST writes, WebSocket handshakes, subscriptions, live delivery,
 * replays), on an event of its own: {@link #MIN_WRITES} as fast as the server takes them, then rounds
 * at 200 writes/s until a round in which the JIT compilers used under {@link #SETTLED_JIT_PERCENT} %
 * of a core (on a 2-core machine they took half of it for the first minute). Nothing is reported
 * from it but its progress: the scenarios measure a warmed-up server, not the JIT compiler.
 */
final class ServerWarmup {

    /** Written as fast as the server takes them before anything else. */
    static final int MIN_WRITES = 10_000;
    /** Writes per round after that, at 200/s. */
    static final int ROUND = 2_000;
    /** The JIT compilers count as at rest below this much of one core over a round. */
    static final double SETTLED_JIT_PERCENT = 5;

    private final Main.Context ctx;

    ServerWarmup(Main.Context ctx) {
        this.ctx = ctx;
    }

    /** Warms the server up with at most {@code writes} writes. */
    void run(int writes) throws Exception {
        long start = System.nanoTime();
        String event = ctx.api().createEvent(ctx.owner().bearer(), "warm-up");
        MailSignIn.SignedIn member = ctx.signIn().invite(ctx.owner().bearer(), event, ctx.memberEmail());
        List<Api.TaskRef> tasks = TaskWriter.tasks(ctx.api(), ctx.owner().bearer(), event, ctx.options().inFlight());
        List<WsClient> clients = new ArrayList<>();
        long cursor = 0;
        for (int i = 0; i < 20; i++) {
            WsClient client = ctx.pool().open(member.bearer(), (c, m, at) -> { }).get(30, TimeUnit.SECONDS);
            client.hello().get(30, TimeUnit.SECONDS);
            cursor = client.subscribe(event, -1).get(30, TimeUnit.SECONDS);
            clients.add(client);
        }
        // Back to back for the first MIN_WRITES, then in rounds at 200/s until the JIT compilers rest.
        // The same mix as scenario 1 (a POST every n writes), until the event holds 1 500 tasks.
        TaskWriter writer = new TaskWriter(ctx.api(), ctx.owner().bearer(), event, tasks, ctx.options().postEvery(), 1500);
        int written = 0;
        while (written < writes) {
            boolean paced = written >= Math.min(MIN_WRITES, writes);
            int round = Math.min(paced ? ROUND : Math.min(MIN_WRITES, writes), writes - written);
            ThreadCpu before = ThreadCpu.of(ctx.server().pid());
            long roundStart = System.currentTimeMillis();
            writer.write(round, paced ? 200 : 0);
            written += round;
            long wall = System.currentTimeMillis() - roundStart;
            ThreadCpu after = ThreadCpu.of(ctx.server().pid());
            double jit = after.percentSince(before, wall, "C1 ") + after.percentSince(before, wall, "C2 ");
            Main.log("server warm-up: %d writes; JIT compilers at %.0f %% of a core; busiest: %s", written, jit,
                    after.busiestSince(before, wall, 3));
            if (paced && jit < SETTLED_JIT_PERCENT) {
                break;
            }
        }
        // Replays, from a few cursors (at most FollowChanges.MAX_REPLAY = 2 000 behind, or the server says resync).
        long behind = Math.min(writes, 1000);
        for (int i = 0; i < 5; i++) {
            WsClient client = ctx.pool().open(member.bearer(), (c, m, at) -> { }).get(30, TimeUnit.SECONDS);
            client.hello().get(30, TimeUnit.SECONDS);
            client.subscribe(event, cursor + written - behind + i * behind / 5).get(60, TimeUnit.SECONDS);
            clients.add(client);
        }
        WsPool.closeAll(clients, 50);
        Main.log("server warm-up: %d writes to %d subscribers and 5 replays in %d ms", written, 20,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
}
