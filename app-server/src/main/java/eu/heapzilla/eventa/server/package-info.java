/**
 * The thin runner: reads configuration, wires every module with Dagger, and offers the verbs
 * of {@code eventa-server.jar} ({@code serve}, {@code migrate}). It holds no business logic;
 * only this package knows every other module.
 */
package eu.heapzilla.eventa.server;
