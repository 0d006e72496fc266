package eu.heapzilla.eventa.server.archfixture.component;

/** Something only app-server may know. */
public record ServerComponent(String name) {}
