/**
 * The web app: pages rendered on the server from precompiled jte templates, for everyone who
 * opens eventa in a browser. It is a driving adapter beside the JSON API, mounted on the same
 * Javalin server; its handlers call the {@code ports.in} use cases directly.
 *
 * <p>A browser signs in with the same mailed link as the app; its session is a bearer kept in an
 * {@code HttpOnly}, {@code SameSite=Lax} cookie ({@link Sessions}), so it is stored only as a hash
 * and ends like any other bearer. Every form works without script (POST, then redirect to a GET);
 * htmx and {@code app.js} only make it quicker and keep the page live. See ADR 0013.
 */
package eu.heapzilla.eventa.adapters.web;
