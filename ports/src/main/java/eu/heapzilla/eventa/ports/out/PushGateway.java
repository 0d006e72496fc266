package eu.heapzilla.eventa.ports.out;

/**
 * Sends one data-only push to one device. The core calls it from the outbox worker, never
 * inside a transaction, and decides from the {@link PushOutcome} what happens next: a
 * {@link PushOutcome.Retry} is tried again later, a {@link PushOutcome.TokenGone} removes the
 * device, a {@link PushOutcome.Failed} is given up.
 */
public interface PushGateway {

    /** Makes one attempt; never throws for anything the push service answers. */
    PushOutcome send(PushMessage message);

    /** One line for the start-up log: where pushes go. Never shows a credential. */
    String description();
}
