package eu.heapzilla.eventa.adapters.push.archfixture.usesserver;

import eu.heapzilla.eventa.server.archfixture.component.ServerComponent;

/** Breaks rule 4: an adapter that knows app-server. */
public final class PushUsingServer {

    private PushUsingServer() {}

    public static String senderName(ServerComponent component) {
        return component.name();
    }
}
