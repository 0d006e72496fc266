/**
 * Use cases, the only way into the core. Adapters (HTTP, CLI) call these interfaces and never
 * the services behind them.
 */
package eu.heapzilla.eventa.ports.in;
