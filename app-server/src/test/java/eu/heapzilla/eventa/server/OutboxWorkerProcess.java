package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.mail.MailDelivery;
import eu.heapzilla.eventa.adapters.mail.MailSettings;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.adapters.push.PushDelivery;
import eu.heapzilla.eventa.adapters.push.PushSettings;
import eu.heapzilla.eventa.adapters.push.testing.FakeFcmServer;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.service.UseCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A process that does nothing but run outbox workers against a database, pushing through the
 * real FCM gateway aimed at a fake FCM server: {@link OutboxCrashTest} kills it mid-delivery.
 * Arguments: jdbc url, user, password, fake FCM port, credentials file, project id, lease in ms.
 */
final class OutboxWorkerProcess {

    private OutboxWorkerProcess() {
    }

    private static String orNull(String text) {
        return "null".equals(text) ? null : text;
    }

    public static void main(String[] args) throws Exception {
        PostgresPersistence persistence = new PostgresPersistence(
                new DatabaseSettings(args[0], orNull(args[1]), orNull(args[2]), 4));
        PushDelivery push = PushDelivery.start(new PushSettings(Optional.of(Path.of(args[4])), Optional.of(args[5])),
                FakeFcmServer.transportTo(Integer.parseInt(args[3])));
        Path mail = Files.createTempDirectory("eventa-worker-mail");
        UseCases useCases = OutboxCrashTest.useCases(persistence, Clock.system(),
                MailDelivery.start(new MailSettings(Optional.empty(), "eventa@localhost", "http://localhost", mail)).mailer(),
                push.gateway(), OutboxCrashTest.policy(Duration.ofMillis(Long.parseLong(args[6]))));
        OutboxWorkers.start(useCases.deliverOutbox(), 2);
        System.out.println("outbox workers running");
        Thread.sleep(Long.MAX_VALUE);
    }
}
