package eu.heapzilla.eventa.domain.archfixture.usesjavalin;

import io.javalin.Javalin;

/** Breaks rule 1: a domain class that uses Javalin. */
public final class UsesJavalin {

    private UsesJavalin() {}

    public static void shutDown(Javalin app) {
        app.stop();
    }
}
