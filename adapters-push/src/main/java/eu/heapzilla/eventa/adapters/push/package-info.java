/**
 * Push notifications to sleeping phones: the {@code PushGateway} out-port on the Firebase
 * Admin SDK, sending data-only FCM messages with a collapse key per event, and a logging
 * gateway for installs without Firebase credentials.
 *
 * <p>The module exists from the first build so that the dependency rules cover it; the
 * gateway arrives with the notifications work (the outbox that feeds it is in
 * adapters-postgres).
 */
package eu.heapzilla.eventa.adapters.push;
