package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.ports.in.CheckReadiness;
import eu.heapzilla.eventa.ports.in.ViewProfile;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.DatabaseProbe;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.Objects;

/**
 * Builds the use-case services from the out-ports they need and hands them out as
 * {@code ports.in} interfaces, so nothing outside this package sees a service class.
 */
public final class UseCases {

    private final ViewProfile viewProfile;
    private final CheckReadiness checkReadiness;

    public UseCases(OutPorts out) {
        Objects.requireNonNull(out, "out");
        this.viewProfile = new ProfileViewing(out.transactions(), out.users());
        this.checkReadiness = new ReadinessChecking(out.databaseProbe());
    }

    public ViewProfile viewProfile() {
        return viewProfile;
    }

    public CheckReadiness checkReadiness() {
        return checkReadiness;
    }

    /** Everything the core needs from outside, in one place for whoever wires it. */
    public record OutPorts(Transactions transactions, Clock clock, Users users, DatabaseProbe databaseProbe) {

        public OutPorts {
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(databaseProbe, "databaseProbe");
        }
    }
}
