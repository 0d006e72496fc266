/** Rules every piece of text a person types must follow, whatever it names; and how ids are read from text. */
package eu.heapzilla.eventa.domain.text;
