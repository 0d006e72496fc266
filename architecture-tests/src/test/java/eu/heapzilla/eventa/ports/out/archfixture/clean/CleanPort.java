package eu.heapzilla.eventa.ports.out.archfixture.clean;

import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Clock;
import java.util.Optional;

/** Keeps rules 2 and 8: JDK, domain and ports types only. */
public interface CleanPort {

    Optional<User> find(UserId id);

    Clock clock();
}
