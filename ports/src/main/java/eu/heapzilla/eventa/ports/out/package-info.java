/**
 * What the core needs from outside: storage, time, transactions. Each interface has a
 * contract test suite (in the {@code ports} test-jar) that every implementation passes.
 */
package eu.heapzilla.eventa.ports.out;
