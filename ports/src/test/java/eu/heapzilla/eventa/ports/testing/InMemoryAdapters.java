package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.ports.in.OutboxPolicy;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.service.UseCases;
import java.time.Instant;
import java.util.List;

/** Every out-port in memory, sharing one transaction manager, ready to build {@link UseCases}. */
public final class InMemoryAdapters {

    public final InMemoryTransactions transactions = new InMemoryTransactions();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
    public final InMemoryUsers users = new InMemoryUsers(transactions);
    public final InMemoryDatabaseProbe databaseProbe = new InMemoryDatabaseProbe();
    public final InMemoryMagicLinks magicLinks = new InMemoryMagicLinks(transactions);
    public final InMemoryBearerTokens bearerTokens = new InMemoryBearerTokens(transactions);
    public final RecordingMailer mailer = new RecordingMailer(transactions);
    public final InMemoryEvents events = new InMemoryEvents(transactions);
    public final InMemoryMemberships memberships = new InMemoryMemberships(transactions);
    public final InMemoryInvites invites = new InMemoryInvites(transactions);
    public final InMemoryChangeLog changeLog = new InMemoryChangeLog(transactions);
    public final InMemoryHouseholds households = new InMemoryHouseholds(transactions, events);
    public final InMemoryGuests guests = new InMemoryGuests(transactions, households);
    public final InMemoryTasks tasks = new InMemoryTasks(transactions, events, memberships);
    public final InMemoryBudgetItems budgetItems = new InMemoryBudgetItems(transactions, events);
    public final InMemoryReceipts receipts = new InMemoryReceipts(transactions, budgetItems);
    public final InMemoryBlobStore blobStore = new InMemoryBlobStore(transactions);
    public final InMemoryChangeBus changeBus = new InMemoryChangeBus(transactions);
    public final InMemoryPresenceBoard presenceBoard = new InMemoryPresenceBoard(transactions);
    public final InMemoryOutbox outbox = new InMemoryOutbox(transactions);
    public final InMemoryPushDevices pushDevices = new InMemoryPushDevices(transactions);
    public final InMemoryPushWindows pushWindows = new InMemoryPushWindows(transactions);
    public final InMemoryNotifications notifications = new InMemoryNotifications(transactions);
    public final RecordingPushGateway pushGateway = new RecordingPushGateway(transactions);

    public InMemoryAdapters() {
        events.cascadeTo(memberships::removeEvent);
        events.cascadeTo(invites::removeEvent);
        events.cascadeTo(changeLog::removeEvent);
        events.cascadeTo(guests::removeEvent);
        events.cascadeTo(households::removeEvent);
        events.cascadeTo(tasks::removeEvent);
        events.cascadeTo(receipts::removeEvent);
        events.cascadeTo(budgetItems::removeEvent);
        events.cascadeTo(notifications::removeEvent);
    }

    public UseCases.OutPorts outPorts() {
        return new UseCases.OutPorts(transactions, clock, users, databaseProbe, magicLinks, bearerTokens, mailer,
                events, memberships, invites, changeLog, households, guests, tasks, budgetItems, receipts, blobStore,
                changeBus, presenceBoard, outbox, pushDevices, pushWindows, notifications, pushGateway);
    }

    private UseCases deliverer;

    public UseCases useCases() {
        return new UseCases(outPorts());
    }

    /** Runs the outbox worker until nothing is due, as the server's worker threads would. */
    public synchronized void drainOutbox() {
        if (deliverer == null) {
            deliverer = useCases();
        }
        while (deliverer.deliverOutbox().deliverDue() > 0) {
            // more may have become due: a fan-out adds pushes
        }
    }

    /** The mails delivered so far, after delivering whatever the outbox holds. */
    public List<Mail> mails() {
        drainOutbox();
        return mailer.sent();
    }

    public UseCases useCases(OutboxPolicy policy) {
        return new UseCases(outPorts(), policy);
    }
}
