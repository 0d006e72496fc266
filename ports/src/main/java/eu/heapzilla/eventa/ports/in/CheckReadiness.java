package eu.heapzilla.eventa.ports.in;

import java.util.List;

/** An operator (or a load balancer) asks whether this instance can serve requests now. */
public interface CheckReadiness {

    Report check();

    /**
     * Ready when nothing is wrong. {@code problems} says what is, in words safe to show anyone;
     * {@code diagnostics} says why, for the operator's log only (it may name hosts and ports).
     */
    record Report(List<String> problems, List<String> diagnostics) {

        public Report {
            problems = List.copyOf(problems);
            diagnostics = List.copyOf(diagnostics);
        }

        public static Report allWell() {
            return new Report(List.of(), List.of());
        }

        public boolean ready() {
            return problems.isEmpty();
        }
    }
}
