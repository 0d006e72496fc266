/**
 * The services that implement the use cases: package-private, built by {@link
 * eu.heapzilla.eventa.ports.service.UseCases} and reached only through {@code ports.in}.
 */
package eu.heapzilla.eventa.ports.service;
