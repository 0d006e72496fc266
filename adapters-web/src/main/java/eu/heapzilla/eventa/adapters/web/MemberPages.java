package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.Forbidden;
import eu.heapzilla.eventa.domain.error.Gone;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.Unavailable;
import eu.heapzilla.eventa.domain.event.InviteId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.InviteMembers;
import eu.heapzilla.eventa.ports.in.ManageMembers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An event's people: who is in it (and online), their roles, removing someone or leaving, and
 * the invites (a form to invite by email, the open invites, withdrawing one). Also the signed-in
 * person's profile, where they choose the name the others see.
 */
final class MemberPages {

    private final WebApp app;

    MemberPages(WebApp app) {
        this.app = app;
    }

    void register() {
        app.get("/events/{e}/members", visit -> show(OpenEvent.of(visit, app.ports().planEvents()), 200,
                InviteForm.blank(), Optional.empty()));
        app.post("/events/{e}/members/{u}/role", this::changeRole);
        app.get("/events/{e}/members/{u}/remove", this::confirmRemove);
        app.post("/events/{e}/members/{u}/remove", this::remove);
        app.post("/events/{e}/invites", this::invite);
        app.post("/events/{e}/invites/{i}/revoke", this::revoke);
        app.get("/profile", visit -> {
            User me = app.ports().viewProfile().profile(visit.user());
            showProfile(visit, 200, me, me.displayName().value(), Optional.empty());
        });
        app.post("/profile", this::rename);
    }

    private void showProfile(Visit visit, int status, User me, String name, Optional<String> error) {
        visit.render(status, "profile.jte", new ProfileView(visit.chrome("Profile"), name, me.email().value(), error));
    }

    private void rename(Visit visit) {
        User me = app.ports().viewProfile().profile(visit.user());
        String typed = visit.raw("display_name");
        DisplayName name;
        try {
            name = DisplayName.of(typed);
        } catch (InvalidValue e) {
            showProfile(visit, 400, me, typed, Optional.of("Your name must be 1 to " + DisplayName.MAX_LENGTH
                    + " characters long, on one line."));
            return;
        }
        app.ports().editProfile().rename(me.id(), name);
        visit.redirect("/profile?notice=" + Visit.encode("Saved: the others now see you as " + name.value() + "."));
    }

    private void show(OpenEvent open, int status, InviteForm form, Optional<String> problem) {
        Visit visit = open.visit();
        List<ManageMembers.Member> members = app.ports().manageMembers().members(open.user(), open.id());
        Map<UserId, MemberPresence> presence = app.ports().seePresence().presence(open.user(), open.id()).stream()
                .collect(Collectors.toMap(MemberPresence::user, Function.identity(), (a, b) -> a));
        Map<UserId, String> names = members.stream()
                .collect(Collectors.toMap(m -> m.user().id(), m -> m.user().displayName().value()));
        Instant now = Instant.now();
        List<Row> rows = members.stream().map(m -> row(open, m, presence.get(m.user().id()), now)).toList();
        List<InviteRow> invites = app.ports().inviteMembers().invites(open.user(), open.id()).stream()
                .map(state -> inviteRow(open, state, names)).toList();
        boolean owner = open.role() == Role.OWNER;
        List<String> grantable = owner ? List.of("owner", "editor", "viewer")
                : open.canEdit() ? List.of("editor", "viewer") : List.of();
        visit.render(status, "members.jte", new MembersView(open.chrome("People", "members"), open.id().toString(), rows,
                invites, owner, open.canEdit(), grantable, form, problem));
    }

    private Row row(OpenEvent open, ManageMembers.Member member, MemberPresence presence, Instant now) {
        User user = member.user();
        boolean online = presence != null && presence.online();
        String seen = online ? "online now" : presence == null ? "" : presence.lastSeen()
                .map(at -> "last here " + open.visit().formats.ago(at, now, open.zone())).orElse("not here yet");
        return new Row(user.id().toString(), user.displayName().value(), user.email().value(),
                member.membership().role().wireName(),
                open.visit().formats.date(member.membership().joinedAt().atZone(open.zone()).toLocalDate()), online, seen,
                user.id().equals(open.user()));
    }

    private InviteRow inviteRow(OpenEvent open, InviteMembers.InviteState state, Map<UserId, String> names) {
        var invite = state.invite();
        String by = Optional.ofNullable(names.get(invite.invitedBy()))
                .orElseGet(() -> app.ports().viewProfile().profile(invite.invitedBy()).displayName().value());
        return new InviteRow(invite.id().toString(), invite.email().value(), invite.role().wireName(), state.status().wireName(),
                by, open.visit().formats.dateTime(invite.expiresAt(), open.zone()));
    }

    private void changeRole(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        UserId member = member(visit);
        Role role = Role.parse("Role", visit.raw("role"));
        try {
            ManageMembers.Member changed = app.ports().manageMembers().changeRole(open.user(), open.id(), member, role);
            visit.redirect(open.path("/members") + "?notice=" + Visit.encode(changed.user().displayName().value()
                    + " is now " + (role == Role.VIEWER ? "a " : "an ") + role.wireName() + "."));
        } catch (Conflict e) {
            show(open, 409, InviteForm.blank(), Optional.of(lastOwner(e)));
        }
    }

    private void confirmRemove(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        UserId member = member(visit);
        String title = open.event().brief().title();
        if (member.equals(open.user())) {
            visit.render("confirm.jte", new EventPages.ConfirmView(open.chrome("Leave event", "members"),
                    "Leave " + title + "?", "You will no longer see this event or hear about it. To come back, someone in it"
                    + " has to invite you again.", open.path("/members/" + member + "/remove"), "Leave the event",
                    open.path("/members")));
            return;
        }
        ManageMembers.Member found = app.ports().manageMembers().members(open.user(), open.id()).stream()
                .filter(m -> m.user().id().equals(member)).findFirst()
                .orElseThrow(() -> new Refused(404, "Not a member", "This person is not (or no longer) a member of " + title + "."));
        String name = found.user().displayName().value();
        visit.render("confirm.jte", new EventPages.ConfirmView(open.chrome("Remove member", "members"),
                "Remove " + name + " from " + title + "?", name + " (" + found.user().email().value() + ") will no longer see"
                + " this event. What they added stays. You can invite them again later.",
                open.path("/members/" + member + "/remove"), "Remove " + name, open.path("/members")));
    }

    private void remove(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        UserId member = member(visit);
        String title = open.event().brief().title();
        boolean leaving = member.equals(open.user());
        String name = leaving ? "" : app.ports().manageMembers().members(open.user(), open.id()).stream()
                .filter(m -> m.user().id().equals(member)).map(m -> m.user().displayName().value()).findFirst().orElse("The member");
        try {
            app.ports().manageMembers().remove(open.user(), open.id(), member);
        } catch (Conflict e) {
            show(open, 409, InviteForm.blank(), Optional.of(lastOwner(e)));
            return;
        }
        if (leaving) {
            visit.redirect("/events?notice=" + Visit.encode("You left \u201c" + title + "\u201d."));
        } else {
            visit.redirect(open.path("/members") + "?notice=" + Visit.encode(name + " was removed from the event."));
        }
    }

    private void invite(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        InviteForm form = new InviteForm(visit.raw("email").strip(), visit.raw("role").strip());
        Email email;
        Role role;
        try {
            email = Email.of(form.email());
            role = Role.parse("Role", form.role());
        } catch (InvalidValue e) {
            String message = "email".equals(e.field()) ? "Please enter the whole email address, like jane@example.org."
                    : "Please choose a role: owner, editor or viewer.";
            show(open, 400, form, Optional.of(message));
            return;
        }
        try {
            app.ports().inviteMembers().invite(open.user(), open.id(), email, role);
        } catch (Conflict e) {
            show(open, 409, form, Optional.of("already_member".equals(e.errorCode())
                    ? email.value() + " is already a member of this event: there is no need to invite them."
                    : e.detail()));
            return;
        } catch (Forbidden e) {
            show(open, 403, form, Optional.of("You can't send this invite: " + e.detail() + "."));
            return;
        } catch (Unavailable e) {
            visit.redirect(open.path("/members") + "?notice=" + Visit.encode("The invite to " + email.value()
                    + " is saved, but its mail could not be sent just now. Invite them again in a few minutes."));
            return;
        }
        visit.redirect(open.path("/members") + "?notice=" + Visit.encode("Invite sent to " + email.value() + "."));
    }

    private void revoke(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        InviteId invite = InviteId.fromPath(visit.ctx.pathParam("i"));
        String notice;
        try {
            app.ports().inviteMembers().revoke(open.user(), open.id(), invite);
            notice = "The invite was withdrawn: its link no longer works.";
        } catch (Gone e) {
            notice = "That invite was already accepted: the person is a member now.";
        }
        visit.redirect(open.path("/members") + "?notice=" + Visit.encode(notice));
    }

    private static UserId member(Visit visit) {
        try {
            return UserId.parse("member", visit.ctx.pathParam("u"));
        } catch (InvalidValue e) {
            throw new Refused(404, "Not a member", "There is no such member in this event.");
        }
    }

    private static String lastOwner(Conflict e) {
        return "last_owner".equals(e.errorCode())
                ? "An event always needs an owner, and this would leave it without one. Make someone else an owner first"
                + " (or delete the event in its brief)."
                : e.detail();
    }

    /** One member: who, their role, since when, and whether they are here now. */
    record Row(String id, String name, String email, String role, String joined, boolean online, String seen, boolean you) {
    }

    /** One open invite: to whom, as what, where it stands, who sent it and until when it works. */
    record InviteRow(String id, String email, String role, String status, String by, String expires) {

        boolean expired() {
            return status.equals("expired");
        }
    }

    /** The invite form as typed. */
    record InviteForm(String email, String role) {

        static InviteForm blank() {
            return new InviteForm("", "editor");
        }
    }

    record ProfileView(Chrome chrome, String name, String email, Optional<String> error) {
    }

    record MembersView(Chrome chrome, String id, List<Row> members, List<InviteRow> invites, boolean owner, boolean canInvite,
                       List<String> grantable, InviteForm form, Optional<String> problem) {
    }
}
