package eu.heapzilla.eventa.domain.archfixture.reachesserver;

import eu.heapzilla.eventa.server.archfixture.component.ServerComponent;

/** Breaks rules 8 and 4 (and 1): the domain reaching out to the server. */
public final class ReachesServer {

    private ReachesServer() {}

    public static String nameOf(ServerComponent component) {
        return component.name();
    }
}
