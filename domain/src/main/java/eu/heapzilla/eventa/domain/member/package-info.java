/**
 * People: users, their email addresses and ids. Memberships and roles join them here later.
 */
package eu.heapzilla.eventa.domain.member;
