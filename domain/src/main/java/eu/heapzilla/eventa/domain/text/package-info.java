/** Rules every piece of text a person types must follow, whatever it names. */
package eu.heapzilla.eventa.domain.text;
