/**
 * Signing in: the secrets a person holds (magic-link and bearer tokens), the hashes that are
 * all the server keeps of them, and the rules of when a link or bearer may be used.
 */
package eu.heapzilla.eventa.domain.access;
