/**
 * Pushes to sleeping phones: the {@code PushGateway} out-port.
 *
 * <p>{@link eu.heapzilla.eventa.adapters.push.PushDelivery} is the one public door: given
 * {@link eu.heapzilla.eventa.adapters.push.PushSettings} it picks where pushes go.
 * <ul>
 *   <li>With a Firebase service-account key ({@code GOOGLE_APPLICATION_CREDENTIALS}) and a
 *       project id ({@code EVENTA_FCM_PROJECT_ID}), each push is one FCM v1 send through the
 *       Firebase Admin SDK: a data-only message (the app wakes, catches up and decides what to
 *       show) with one collapse key per event, so a phone that was offline gets only the newest
 *       push of each event. FCM's answer becomes a {@code PushOutcome}: sent, token gone, retry
 *       later (with FCM's {@code Retry-After}), or failed.</li>
 *   <li>With neither, pushes are only logged, with the device token abbreviated, and count as
 *       sent.</li>
 * </ul>
 * One without the other is a configuration error, refused at start.
 *
 * <p>The SDK is trimmed to what messaging needs (no Firestore, Cloud Storage, Realtime
 * Database or Apache HTTP clients; see this module's pom) and talks through the JDK's
 * {@code HttpURLConnection}. Tests aim it at {@code FakeFcmServer}, from this module's test
 * jar, which speaks FCM's and the OAuth token endpoint's wire formats.
 *
 * <p>Everything else in this package is package-private: the core sees only {@code PushGateway}.
 */
package eu.heapzilla.eventa.adapters.push;
