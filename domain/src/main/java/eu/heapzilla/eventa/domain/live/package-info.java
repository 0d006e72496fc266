/**
 * Live connections: which device a write came through, which server instance holds a
 * connection, and who is online in an event right now.
 */
package eu.heapzilla.eventa.domain.live;
