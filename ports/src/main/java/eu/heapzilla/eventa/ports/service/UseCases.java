package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.ports.in.Authenticate;
import eu.heapzilla.eventa.ports.in.CheckReadiness;
import eu.heapzilla.eventa.ports.in.EditProfile;
import eu.heapzilla.eventa.ports.in.PurgeExpiredSecrets;
import eu.heapzilla.eventa.ports.in.SignIn;
import eu.heapzilla.eventa.ports.in.ViewProfile;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.DatabaseProbe;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import eu.heapzilla.eventa.ports.out.Mailer;
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

    public UseCases(OutPorts out) {
        Objects.requireNonNull(out, "out");
        SecureRandom random = new SecureRandom();
        this.viewProfile = new ProfileViewing(out.transactions(), out.users());
        this.editProfile = new ProfileEditing(out.transactions(), out.users());
        this.checkReadiness = new ReadinessChecking(out.databaseProbe());
        this.signIn = new SigningIn(out.transactions(), out.clock(), out.users(), out.magicLinks(), out.bearerTokens(),
                out.mailer(), random);
        this.authenticate = new Authenticating(out.transactions(), out.clock(), out.users(), out.bearerTokens());
        this.purgeExpiredSecrets = new SecretPurging(out.transactions(), out.clock(), out.magicLinks(), out.bearerTokens());
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

    /** Everything the core needs from outside, in one place for whoever wires it. */
    public record OutPorts(Transactions transactions, Clock clock, Users users, DatabaseProbe databaseProbe,
                           MagicLinks magicLinks, BearerTokens bearerTokens, Mailer mailer) {

        public OutPorts {
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(databaseProbe, "databaseProbe");
            Objects.requireNonNull(magicLinks, "magicLinks");
            Objects.requireNonNull(bearerTokens, "bearerTokens");
            Objects.requireNonNull(mailer, "mailer");
        }
    }
}
