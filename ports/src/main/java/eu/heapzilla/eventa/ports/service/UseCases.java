package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.ports.in.Administer;
import eu.heapzilla.eventa.ports.in.Authenticate;
import eu.heapzilla.eventa.ports.in.CheckReadiness;
import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import eu.heapzilla.eventa.ports.in.EditProfile;
import eu.heapzilla.eventa.ports.in.ExpireLostConnections;
import eu.heapzilla.eventa.ports.in.ExportEvents;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import eu.heapzilla.eventa.ports.in.InviteMembers;
import eu.heapzilla.eventa.ports.in.JoinEvent;
import eu.heapzilla.eventa.ports.in.KeepChecklist;
import eu.heapzilla.eventa.ports.in.ManageGuests;
import eu.heapzilla.eventa.ports.in.ManageMembers;
import eu.heapzilla.eventa.ports.in.ManagePushDevices;
import eu.heapzilla.eventa.ports.in.OutboxPolicy;
import eu.heapzilla.eventa.ports.in.PlanEvents;
import eu.heapzilla.eventa.ports.in.PurgeExpiredSecrets;
import eu.heapzilla.eventa.ports.in.ReadNotifications;
import eu.heapzilla.eventa.ports.in.SeePresence;
import eu.heapzilla.eventa.ports.in.SignIn;
import eu.heapzilla.eventa.ports.in.TrackBudget;
import eu.heapzilla.eventa.ports.in.ViewProfile;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.BlobStore;
import eu.heapzilla.eventa.ports.out.BudgetItems;
import eu.heapzilla.eventa.ports.out.ChangeBus;
import eu.heapzilla.eventa.ports.out.ChangeLog;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.DatabaseProbe;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Guests;
import eu.heapzilla.eventa.ports.out.Households;
import eu.heapzilla.eventa.ports.out.Invites;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import eu.heapzilla.eventa.ports.out.Mailer;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Notifications;
import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.PresenceBoard;
import eu.heapzilla.eventa.ports.out.PushDevices;
import eu.heapzilla.eventa.ports.out.PushGateway;
import eu.heapzilla.eventa.ports.out.PushWindows;
import eu.heapzilla.eventa.ports.out.Receipts;
import eu.heapzilla.eventa.ports.out.Tasks;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Builds the use-case services from the out-ports they need and hands them out as
 * {@code ports.in} interfaces, so nothing outside this package sees a service class.
 */
public final class UseCases {

    private final ViewProfile viewProfile;
    private final EditProfile editProfile;
    private final CheckReadiness checkReadiness;
    private final SignIn signIn;
    private final Authenticate authenticate;
    private final PurgeExpiredSecrets purgeExpiredSecrets;
    private final PlanEvents planEvents;
    private final ManageMembers manageMembers;
    private final InviteMembers inviteMembers;
    private final JoinEvent joinEvent;
    private final FollowChanges followChanges;
    private final ManageGuests manageGuests;
    private final KeepChecklist keepChecklist;
    private final TrackBudget trackBudget;
    private final ExportEvents exportEvents;
    private final SeePresence seePresence;
    private final LiveFeeds live;
    private final OutboxDelivering deliverOutbox;
    private final ManagePushDevices managePushDevices;
    private final ReadNotifications readNotifications;
    private final Administer administer;

    public UseCases(OutPorts out) {
        this(out, OutboxPolicy.DEFAULTS);
    }

    public UseCases(OutPorts out, OutboxPolicy outboxPolicy) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(outboxPolicy, "outboxPolicy");
        SecureRandom random = new SecureRandom();
        this.viewProfile = new ProfileViewing(out.transactions(), out.users());
        this.editProfile = new ProfileEditing(out.transactions(), out.users());
        this.checkReadiness = new ReadinessChecking(out.databaseProbe());
        this.signIn = new SigningIn(out.transactions(), out.clock(), out.users(), out.magicLinks(), out.bearerTokens(),
                out.outbox(), random, out.changeBus());
        Authenticating authenticating = new Authenticating(out.transactions(), out.clock(), out.users(), out.bearerTokens());
        this.authenticate = authenticating;
        this.purgeExpiredSecrets = new SecretPurging(out.transactions(), out.clock(), out.magicLinks(), out.bearerTokens());
        EventReads reads = new EventReads(out.transactions(), out.memberships());
        EventWrites writes = new EventWrites(out.transactions(), out.clock(), out.users(), out.events(), out.memberships(),
                out.changeLog(), out.changeBus(), new Notifying(out.memberships(), out.notifications(), out.outbox()),
                reads);
        this.planEvents = new EventPlanning(out.transactions(), out.clock(), out.events(), out.memberships(), reads, writes,
                out.receipts(), out.blobStore());
        this.manageMembers = new MemberManaging(out.transactions(), out.users(), out.memberships(), out.tasks(), reads,
                writes);
        Inviting inviting = new Inviting(out.transactions(), out.clock(), out.users(), out.memberships(), out.invites(),
                out.outbox(), random, reads, writes);
        this.inviteMembers = inviting;
        this.joinEvent = new Joining(out.transactions(), out.clock(), out.users(), out.events(), out.memberships(),
                out.invites(), out.bearerTokens(), random, writes);
        this.live = new LiveFeeds(out.transactions(), out.clock(), out.events(), out.changeLog(), out.bearerTokens(),
                out.changeBus(), out.presenceBoard(), reads, authenticating);
        this.followChanges = new ChangeFollowing(out.transactions(), out.events(), out.changeLog(), reads, live);
        this.seePresence = new PresenceSeeing(out.memberships(), out.presenceBoard(), reads);
        this.manageGuests = new GuestListKeeping(out.households(), out.guests(), reads, writes);
        this.keepChecklist = new ChecklistKeeping(out.clock(), out.events(), out.memberships(),
                out.tasks(), reads, writes);
        this.trackBudget = new BudgetTracking(out.transactions(), out.events(), out.budgetItems(), out.receipts(),
                out.blobStore(), reads, writes);
        EventExporting exporting = new EventExporting(out.transactions(), out.clock(), out.users(), out.events(),
                out.memberships(), out.households(), out.guests(), out.tasks(), out.budgetItems(), out.receipts(), reads,
                writes);
        this.exportEvents = exporting;
        this.administer = new Administering(out.transactions(), out.clock(), out.users(), out.events(),
                out.memberships(), out.magicLinks(), random, writes, inviting, exporting);
        PushFanOut fanOut = new PushFanOut(out.transactions(), out.clock(), out.outbox(), out.memberships(),
                out.presenceBoard(), out.pushDevices(), out.pushWindows(), out.bearerTokens(), outboxPolicy);
        this.deliverOutbox = new OutboxDelivering(out.transactions(), out.clock(), out.outbox(), out.mailer(),
                out.pushGateway(), fanOut, out.pushWindows(), out.changeBus(), outboxPolicy);
        this.managePushDevices = new PushDeviceManaging(out.transactions(), out.clock(), out.pushDevices());
        this.readNotifications = new NotificationReading(out.transactions(), out.clock(), out.notifications(),
                out.memberships(), out.users(), out.events(), out.tasks(), out.guests());
    }

    public Administer administer() {
        return administer;
    }

    public DeliverOutbox deliverOutbox() {
        return deliverOutbox;
    }

    public ManagePushDevices managePushDevices() {
        return managePushDevices;
    }

    public ReadNotifications readNotifications() {
        return readNotifications;
    }

    public ViewProfile viewProfile() {
        return viewProfile;
    }

    public EditProfile editProfile() {
        return editProfile;
    }

    public CheckReadiness checkReadiness() {
        return checkReadiness;
    }

    public SignIn signIn() {
        return signIn;
    }

    public Authenticate authenticate() {
        return authenticate;
    }

    public PurgeExpiredSecrets purgeExpiredSecrets() {
        return purgeExpiredSecrets;
    }

    public PlanEvents planEvents() {
        return planEvents;
    }

    public ManageMembers manageMembers() {
        return manageMembers;
    }

    public InviteMembers inviteMembers() {
        return inviteMembers;
    }

    public JoinEvent joinEvent() {
        return joinEvent;
    }

    public FollowChanges followChanges() {
        return followChanges;
    }

    public ManageGuests manageGuests() {
        return manageGuests;
    }

    public KeepChecklist keepChecklist() {
        return keepChecklist;
    }

    public TrackBudget trackBudget() {
        return trackBudget;
    }

    public ExportEvents exportEvents() {
        return exportEvents;
    }

    public SeePresence seePresence() {
        return seePresence;
    }

    public ExpireLostConnections expireLostConnections() {
        return live;
    }

    /** Everything the core needs from outside, in one place for whoever wires it. */
    public record OutPorts(Transactions transactions, Clock clock, Users users, DatabaseProbe databaseProbe,
                           MagicLinks magicLinks, BearerTokens bearerTokens, Mailer mailer, Events events,
                           Memberships memberships, Invites invites, ChangeLog changeLog, Households households,
                           Guests guests, Tasks tasks, BudgetItems budgetItems, Receipts receipts,
                           BlobStore blobStore, ChangeBus changeBus, PresenceBoard presenceBoard, Outbox outbox,
                           PushDevices pushDevices, PushWindows pushWindows, Notifications notifications,
                           PushGateway pushGateway) {

        public OutPorts {
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(databaseProbe, "databaseProbe");
            Objects.requireNonNull(magicLinks, "magicLinks");
            Objects.requireNonNull(bearerTokens, "bearerTokens");
            Objects.requireNonNull(mailer, "mailer");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(memberships, "memberships");
            Objects.requireNonNull(invites, "invites");
            Objects.requireNonNull(changeLog, "changeLog");
            Objects.requireNonNull(households, "households");
            Objects.requireNonNull(guests, "guests");
            Objects.requireNonNull(tasks, "tasks");
            Objects.requireNonNull(budgetItems, "budgetItems");
            Objects.requireNonNull(receipts, "receipts");
            Objects.requireNonNull(blobStore, "blobStore");
            Objects.requireNonNull(changeBus, "changeBus");
            Objects.requireNonNull(presenceBoard, "presenceBoard");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(pushDevices, "pushDevices");
            Objects.requireNonNull(pushWindows, "pushWindows");
            Objects.requireNonNull(notifications, "notifications");
            Objects.requireNonNull(pushGateway, "pushGateway");
        }
    }
}
