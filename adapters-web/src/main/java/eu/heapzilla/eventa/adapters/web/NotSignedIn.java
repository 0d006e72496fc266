package eu.heapzilla.eventa.adapters.web;

/** A page needs someone signed in and nobody is: the browser goes to the sign-in page. */
final class NotSignedIn extends RuntimeException {

    NotSignedIn() {
        super("not signed in", null, false, false);
    }
}
