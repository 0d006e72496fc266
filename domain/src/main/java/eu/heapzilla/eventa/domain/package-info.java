/**
 * The eventa model and the rules that belong to it, one package per concept.
 *
 * <p>Pure Java 17: nothing outside {@code java.*} may be imported here. Everything a rule
 * needs (the current time, stored state) is handed in by the caller.
 */
package eu.heapzilla.eventa.domain;
