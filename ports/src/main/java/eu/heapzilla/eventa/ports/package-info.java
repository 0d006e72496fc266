/**
 * The edge of the hexagon. {@code in} holds the use cases, named for what a person does;
 * {@code out} holds what the core needs from the world, named for what it holds or does;
 * {@code service} implements the use cases with the domain and the out-ports.
 *
 * <p>Like the domain, this module imports nothing outside {@code java.*} and the domain.
 */
package eu.heapzilla.eventa.ports;
