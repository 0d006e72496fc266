/**
 * The in-app notification list: what happened that a member should hear about, addressed to
 * one person, and the words it is shown in ({@link eu.heapzilla.eventa.domain.notification.NotificationKind}
 * holds every kind's copy in one table).
 */
package eu.heapzilla.eventa.domain.notification;
