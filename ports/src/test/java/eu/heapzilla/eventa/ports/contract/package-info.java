/**
 * One contract test suite per out-port. Each adapter (in-memory here, PostgreSQL in its own
 * module) extends the suite and supplies its implementation; all must pass the same tests.
 */
package eu.heapzilla.eventa.ports.contract;
