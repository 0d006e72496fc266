/**
 * People: users, their email addresses and ids. Memberships and roles live with the events they are about, in {@code domain.event}.
 */
package eu.heapzilla.eventa.domain.member;
