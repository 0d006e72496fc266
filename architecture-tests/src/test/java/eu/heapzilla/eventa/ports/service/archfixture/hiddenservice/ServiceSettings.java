package eu.heapzilla.eventa.ports.service.archfixture.hiddenservice;

/** Keeps rule 6: public, but no use-case service (like {@code UseCases} itself). */
public record ServiceSettings(int retries) {}
