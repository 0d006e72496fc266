/**
 * In-memory out-ports, shipped in the {@code ports} test-jar so anyone can run the core in a
 * plain unit test. They honour the same contracts as the real adapters, transactions included.
 */
package eu.heapzilla.eventa.ports.testing;
