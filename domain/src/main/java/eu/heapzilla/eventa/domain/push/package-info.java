/**
 * Push devices: the registration token a phone's push service gave it, and the platform it
 * runs on. One user may have several.
 */
package eu.heapzilla.eventa.domain.push;
