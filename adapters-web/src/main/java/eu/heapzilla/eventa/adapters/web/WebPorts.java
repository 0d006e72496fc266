package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.ports.in.Authenticate;
import eu.heapzilla.eventa.ports.in.EditProfile;
import eu.heapzilla.eventa.ports.in.ExportEvents;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import eu.heapzilla.eventa.ports.in.InviteMembers;
import eu.heapzilla.eventa.ports.in.JoinEvent;
import eu.heapzilla.eventa.ports.in.KeepChecklist;
import eu.heapzilla.eventa.ports.in.ManageGuests;
import eu.heapzilla.eventa.ports.in.ManageMembers;
import eu.heapzilla.eventa.ports.in.PlanEvents;
import eu.heapzilla.eventa.ports.in.ReadNotifications;
import eu.heapzilla.eventa.ports.in.SeePresence;
import eu.heapzilla.eventa.ports.in.SignIn;
import eu.heapzilla.eventa.ports.in.TrackBudget;
import eu.heapzilla.eventa.ports.in.ViewProfile;
import java.util.Objects;

/** The use cases the pages call. */
public record WebPorts(SignIn signIn, Authenticate authenticate, ViewProfile viewProfile, EditProfile editProfile,
                       PlanEvents planEvents, ManageMembers manageMembers, InviteMembers inviteMembers,
                       JoinEvent joinEvent, FollowChanges followChanges, ManageGuests manageGuests,
                       KeepChecklist keepChecklist, TrackBudget trackBudget, ExportEvents exportEvents,
                       SeePresence seePresence, ReadNotifications readNotifications) {

    public WebPorts {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(viewProfile, "viewProfile");
        Objects.requireNonNull(editProfile, "editProfile");
        Objects.requireNonNull(planEvents, "planEvents");
        Objects.requireNonNull(manageMembers, "manageMembers");
        Objects.requireNonNull(inviteMembers, "inviteMembers");
        Objects.requireNonNull(joinEvent, "joinEvent");
        Objects.requireNonNull(followChanges, "followChanges");
        Objects.requireNonNull(manageGuests, "manageGuests");
        Objects.requireNonNull(keepChecklist, "keepChecklist");
        Objects.requireNonNull(trackBudget, "trackBudget");
        Objects.requireNonNull(exportEvents, "exportEvents");
        Objects.requireNonNull(seePresence, "seePresence");
        Objects.requireNonNull(readNotifications, "readNotifications");
    }
}
