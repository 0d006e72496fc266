/**
 * Benchmarks of the real-time feature against {@code eventa-server.jar} run as a separate
 * process, the way an operator runs it: change latency from a REST write to its delivery over
 * WebSocket ({@link eu.heapzilla.eventa.benchmarks.LatencyBench}), how many idle connections one
 * server holds and what each costs ({@link eu.heapzilla.eventa.benchmarks.IdleConnectionsBench}),
 * and how fast a subscriber catches up from its cursor ({@link eu.heapzilla.eventa.benchmarks.CatchUpBench}).
 * One benchmark runs the core in this process instead: the outbox delivering pushes through the
 * Firebase Admin SDK to a fake FCM server, commit → FCM request latency and drain throughput
 * ({@link eu.heapzilla.eventa.benchmarks.OutboxBench}).
 *
 * <p>They print figures; they assert nothing and are not part of the unit suite. Built only with
 * the Maven profile {@code bench}; how to run them is in {@code BENCHMARKS.md}.
 */
package eu.heapzilla.eventa.benchmarks;
