package eu.heapzilla.eventa.adapters.web;

/** A request the web app answers with an error page of its own: the status, a heading and advice. */
final class Refused extends RuntimeException {

    private final int status;
    private final String heading;

    Refused(int status, String heading, String advice) {
        super(advice, null, false, false);
        this.status = status;
        this.heading = heading;
    }

    int status() {
        return status;
    }

    String heading() {
        return heading;
    }

    String advice() {
        return getMessage();
    }
}
