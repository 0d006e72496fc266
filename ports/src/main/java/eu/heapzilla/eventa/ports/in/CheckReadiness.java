package eu.heapzilla.eventa.ports.in;

import java.util.List;

/** An operator (or a load balancer) asks whether this instance can serve requests now. */
public interface CheckReadiness {

    Report check();

    /** Ready when nothing is wrong; {@code problems} says what is, in words safe to show. */
    record Report(List<String> problems) {

        public Report {
            problems = List.copyOf(problems);
        }

        public boolean ready() {
            return problems.isEmpty();
        }
    }
}
